(function () {
  'use strict';

  // The map with Leaflet and Leaflet.markercluster (inlined from Debian's libjs-leaflet and
  // libjs-leaflet.markercluster when the report was written). Positions come in the frame
  // units of the embedded JSON: longitude = (origin[0] + x) × unit, latitude = (origin[1] + y) × unit.
  var dataElement = document.getElementById('report-data');
  var mapElement = document.getElementById('map');
  // For speed checks: report-drill.js sets <html data-ready-ms> once both the tables and the
  // map's first drawing are done (`phusongReady`).
  function ready() {
    if (window.phusongReady) window.phusongReady('map');
  }
  if (!dataElement || !mapElement) { ready(); return; }
  if (typeof L === 'undefined' || !L.markerClusterGroup) {
    mapElement.setAttribute('data-engine', 'none');
    ready();
    return;
  }
  var data = JSON.parse(dataElement.textContent);
  var map = data.map;
  var unit = map.unit, ox = map.origin[0], oy = map.origin[1];
  function lon(x) { return (ox + x) * unit; }
  function lat(y) { return (oy + y) * unit; }
  function latLng(x, y) { return [lat(y), lon(x)]; }

  var styles = getComputedStyle(document.documentElement);
  function colour(name, fallback) { var value = styles.getPropertyValue(name).trim(); return value || fallback; }
  var palette = {
    both: colour('--both', '#3b3fb6'), only4g: colour('--only4g', '#1c9a8c'), nosite: colour('--nosite', '#9f1c14'),
    weak: colour('--weak', '#f08a7e'), ring: colour('--ring', '#111827'), site5g: colour('--site5g', '#8e44ad'),
    site4g: colour('--site4g', '#334155'), outline: '#5b6b80', commune: '#9aa5b4'
  };
  // Point kinds (HTMLMapData): 0 no site in range, 1 weak signal, 2 and 3 the same without grid
  // power, 4 connected without grid power.
  var kindColour = [palette.nosite, palette.weak, palette.nosite, palette.weak, '#ffffff'];

  var renderer = L.canvas({ padding: 0.3 });
  var leaflet = L.map(mapElement, { preferCanvas: true, renderer: renderer, zoomSnap: 0.25, minZoom: 3, maxZoom: 18 });
  var bounds = L.latLngBounds([lat(0), lon(0)], [lat(map.size[1]), lon(map.size[0])]);
  leaflet.fitBounds(bounds, { padding: [8, 8] });
  if (data.basemap) L.tileLayer(data.basemap, { maxZoom: 18 }).addTo(leaflet);

  var overlays = {}, layerWanted = {};

  // The coverage overlay (report --terrain or --overlay): one image per layer (best 4G, best
  // 5G, terrain shadow), in a pane under the boundaries and villages; its rows were placed in
  // Web Mercator when the page was written, so Leaflet's stretch between the corners is exact.
  var overlayCount = 0;
  if (map.overlay) {
    leaflet.createPane('coverage').style.zIndex = 350;
    map.overlay.layers.forEach(function (layer) {
      overlays['overlay-' + layer.key] = L.imageOverlay(layer.image, map.overlay.bounds, {
        pane: 'coverage', opacity: 1, interactive: false, className: 'coverage-overlay coverage-overlay-' + layer.key
      });
      if (layer.shown) overlays['overlay-' + layer.key].addTo(leaflet);
      overlayCount += 1;
    });
  }
  mapElement.setAttribute('data-overlay-layers', String(overlayCount));

  // Province (and commune) boundaries.
  function outlineLayer(outlines, style, withTooltip) {
    var group = L.layerGroup();
    outlines.forEach(function (outline) {
      var rings = outline.rings.map(function (ring) {
        var points = [];
        for (var i = 0; i + 1 < ring.length; i += 2) points.push(latLng(ring[i], ring[i + 1]));
        return points;
      });
      var polygon = L.polygon(rings, style);
      if (withTooltip) polygon.bindTooltip('<strong>' + escapeHTML(outline.name) + ' (' + escapeHTML(outline.code) + ')</strong><br>' + escapeHTML(outline.note), { sticky: true });
      group.addLayer(polygon);
    });
    return group;
  }
  if (map.communeOutlines && map.communeOutlines.length) {
    overlays.communes = outlineLayer(map.communeOutlines, { renderer: renderer, color: palette.commune, weight: 0.6, fill: false, interactive: false }, false);
    overlays.communes.addTo(leaflet);
  }
  if (map.outlines.length) {
    overlays.outlines = outlineLayer(map.outlines, { renderer: renderer, color: palette.outline, weight: 1.4, fillColor: '#ffffff', fillOpacity: 0.01 }, true);
    overlays.outlines.addTo(leaflet);
  }

  // Dead-zone and unpowered villages, clustered; a cluster takes the colour of the reason most
  // of its villages share, and a black ring when most are without grid power.
  var clusters = L.markerClusterGroup({
    chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true,
    iconCreateFunction: function (group) {
      var counts = [0, 0, 0, 0, 0];
      group.getAllChildMarkers().forEach(function (marker) { counts[marker.options.kind] += 1; });
      var noSite = counts[0] + counts[2], weak = counts[1] + counts[3], unpowered = counts[2] + counts[3] + counts[4];
      var reason = noSite >= weak && noSite >= counts[4] ? 'nosite' : (weak >= counts[4] ? 'weak' : 'unpowered');
      var ring = unpowered * 2 > group.getChildCount() ? ' cluster-unpowered' : '';
      var count = group.getChildCount();
      return L.divIcon({
        html: '<span>' + count + '</span>', className: 'cluster cluster-' + reason + ring,
        iconSize: L.point(count < 10 ? 28 : count < 100 ? 34 : 40, count < 10 ? 28 : count < 100 ? 34 : 40)
      });
    }
  });
  var points = map.points, labels = map.pointLabels, markers = [];
  for (var p = 0; p + 2 < points.length; p += 3) {
    var kind = points[p + 2];
    var marker = L.circleMarker(latLng(points[p], points[p + 1]), {
      kind: kind, radius: 5.5, weight: kind >= 2 ? 2.5 : 1.2, color: kind >= 2 ? palette.ring : '#ffffff',
      fillColor: kindColour[kind], fillOpacity: kind === 4 ? 0.6 : 0.95
    });
    marker.bindTooltip(escapeHTML(labels[p / 3] || ''));
    markers.push(marker);
  }
  clusters.addLayers(markers);
  overlays.points = clusters.addTo(leaflet);

  // Province names, shown from zoom 7 on.
  var names = L.layerGroup();
  map.labels.forEach(function (label) {
    names.addLayer(L.marker(latLng(label.x, label.y), {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'map-label', html: '<span>' + escapeHTML(label.name) + '</span>', iconSize: null })
    }));
  });
  overlays.labels = names;
  function showNames() {
    var wanted = layerWanted.labels !== false && (leaflet.getZoom() >= 7 || !map.outlines.length);
    if (wanted && !leaflet.hasLayer(names)) names.addTo(leaflet);
    if (!wanted && leaflet.hasLayer(names)) leaflet.removeLayer(names);
  }
  leaflet.on('zoomend', showNames);
  showNames();

  Array.prototype.forEach.call(document.querySelectorAll('input[data-layer]'), function (input) {
    input.addEventListener('change', function () {
      var name = input.getAttribute('data-layer');
      layerWanted[name] = input.checked;
      if (name === 'labels') { showNames(); return; }
      var layer = overlays[name];
      if (!layer) return;
      if (input.checked) layer.addTo(leaflet); else leaflet.removeLayer(layer);
    });
  });
  var reset = document.getElementById('map-reset');
  if (reset) reset.addEventListener('click', function () { leaflet.fitBounds(bounds, { padding: [8, 8] }); });

  function escapeHTML(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Connected villages, counted per grid cell: hue by share with 5G, opacity by count.
  function drawGrid() {
  var grid = L.layerGroup(), cell = map.grid.cell, cells = map.grid.cells, logMax = Math.log(1 + Math.max(1, map.grid.maxVillages));
  function mix(a, b, t) {
    var pa = parseInt(a.slice(1), 16), pb = parseInt(b.slice(1), 16);
    var channels = [16, 8, 0].map(function (shift) {
      var ca = (pa >> shift) & 255, cb = (pb >> shift) & 255;
      return Math.round(ca + (cb - ca) * t);
    });
    return 'rgb(' + channels.join(',') + ')';
  }
  var cellCount = 0;
  for (var i = 0; i + 3 < cells.length; i += 4) {
    var with5G = cells[i + 2], total = with5G + cells[i + 3];
    if (total <= 0) continue;
    var x0 = cells[i] * cell, y0 = cells[i + 1] * cell;
    grid.addLayer(L.rectangle([latLng(x0, y0), latLng(x0 + cell, y0 + cell)], {
      renderer: renderer, stroke: false, interactive: false, fillColor: mix(palette.only4g, palette.both, with5G / total),
      fillOpacity: 0.25 + 0.6 * Math.log(1 + total) / logMax
    }));
    cellCount += 1;
  }
  overlays.grid = grid;
  if (layerWanted.grid !== false) grid.addTo(leaflet);
  return cellCount;
  }

  // Sites by technology, added in batches so that the page stays responsive.
  function drawSites(done) {
  var sites = L.layerGroup(), siteCount = 0;
  function addSites(list, fill, radius) {
    for (var s = 0; s + 1 < list.length; s += 2) {
      sites.addLayer(L.circleMarker(latLng(list[s], list[s + 1]), {
        renderer: renderer, radius: radius, stroke: false, fillColor: fill, fillOpacity: 0.9, interactive: false
      }));
      siteCount += 1;
    }
  }
  overlays.sites = sites;
  if (layerWanted.sites !== false) sites.addTo(leaflet);
  setTimeout(function () {
    addSites(map.sites4G, palette.site4g, 1.8);
    setTimeout(function () {
      addSites(map.sites5G, palette.site5g, 2.4);
      done(siteCount);
    }, 0);
  }, 0);
  }

  // The page is usable once the boundaries and villages are on the map; the connected-village
  // grid and the sites (tens of thousands nationally) follow, then #map is marked drawn.
  mapElement.setAttribute('data-engine', 'leaflet');
  mapElement.setAttribute('data-points', String(markers.length));
  ready();
  setTimeout(function () {
    mapElement.setAttribute('data-cells', String(drawGrid()));
    drawSites(function (siteCount) {
      mapElement.setAttribute('data-sites', String(siteCount));
      mapElement.setAttribute('data-drawn', 'true');
    });
  }, 0);
})();
