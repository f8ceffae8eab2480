(function () {
  'use strict';

  var dataElement = document.getElementById('report-data');
  var mapElement = document.getElementById('map');
  var canvas = document.getElementById('map-canvas');
  if (!dataElement || !mapElement || !canvas || !canvas.getContext) return;
  var map = JSON.parse(dataElement.textContent).map;
  var context = canvas.getContext('2d');
  var tip = document.getElementById('map-tip');
  var kx = map.kx, W = map.size[0], H = map.size[1];
  var layers = { points: true, grid: true, sites: true, outlines: true, labels: true };
  var view = { zoom: 1, cx: W / 2, cy: H / 2 };
  var size = { width: 0, height: 0, scale: 1 };
  var styles = getComputedStyle(document.documentElement);
  function colour(name, fallback) { var value = styles.getPropertyValue(name).trim(); return value || fallback; }
  var palette = {
    both: colour('--both', '#3b3fb6'), only4g: colour('--only4g', '#1c9a8c'), dead: colour('--dead', '#d92d20'),
    ring: colour('--ring', '#111827'), site5g: colour('--site5g', '#8e44ad'), site4g: colour('--site4g', '#7b8794')
  };

  function hexToRgb(hex) {
    var value = parseInt(hex.replace('#', ''), 16);
    return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  }

  // Grid cells fall into 5 hues (share of villages with 5G) × 4 shades (villages per cell, log scale).
  var hueSteps = 5, shadeSteps = 4, shadeAlpha = [0.32, 0.52, 0.74, 0.95];
  var gridBuckets = [];
  (function bucketGrid() {
    var from = hexToRgb(palette.only4g), to = hexToRgb(palette.both);
    for (var b = 0; b < hueSteps * shadeSteps; b += 1) gridBuckets.push([]);
    var cells = map.grid.cells, logMax = Math.log(1 + Math.max(1, map.grid.maxVillages));
    for (var i = 0; i + 3 < cells.length; i += 4) {
      var with5G = cells[i + 2], total = with5G + cells[i + 3];
      if (total <= 0) continue;
      var hue = Math.min(hueSteps - 1, Math.floor((with5G / total) * hueSteps));
      var shade = Math.max(0, Math.min(shadeSteps - 1, Math.ceil(Math.log(1 + total) / logMax * shadeSteps) - 1));
      gridBuckets[hue * shadeSteps + shade].push(cells[i], cells[i + 1]);
    }
    gridBuckets.styles = [];
    for (var h = 0; h < hueSteps; h += 1) {
      var t = h / (hueSteps - 1);
      var rgb = [0, 1, 2].map(function (k) { return Math.round(from[k] + (to[k] - from[k]) * t); });
      for (var s = 0; s < shadeSteps; s += 1) gridBuckets.styles.push('rgba(' + rgb.join(',') + ',' + shadeAlpha[s] + ')');
    }
  })();

  function baseScale() { return Math.min(size.width / (W * kx), size.height / H); }
  function scale() { return baseScale() * view.zoom; }
  function toScreenX(x) { return size.width / 2 + (x - view.cx) * kx * scale(); }
  function toScreenY(y) { return size.height / 2 - (y - view.cy) * scale(); }
  function toMapX(px) { return view.cx + (px - size.width / 2) / (kx * scale()); }
  function toMapY(py) { return view.cy - (py - size.height / 2) / scale(); }

  function resize() {
    var width = Math.max(280, Math.floor(mapElement.clientWidth || 800));
    var natural = width * H / (W * kx);
    var limit = Math.max(360, Math.min(900, Math.floor((window.innerHeight || 800) * 0.85)));
    var height = Math.max(280, Math.min(Math.round(natural), limit));
    var ratio = Math.min(window.devicePixelRatio || 1, 3);
    if (width !== size.width || height !== size.height || ratio !== size.scale) {
      size.width = width; size.height = height; size.scale = ratio;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.height = height + 'px';
    }
  }

  function ringPath(ring) {
    context.moveTo(toScreenX(ring[0]), toScreenY(ring[1]));
    for (var i = 2; i + 1 < ring.length; i += 2) context.lineTo(toScreenX(ring[i]), toScreenY(ring[i + 1]));
    context.closePath();
  }

  function outlinePath() {
    context.beginPath();
    map.outlines.forEach(function (outline) { outline.rings.forEach(ringPath); });
  }

  function drawGrid() {
    var cell = map.grid.cell, w = cell * kx * scale(), h = cell * scale();
    var pad = w < 3 ? 0.35 : 0.15;
    for (var b = 0; b < gridBuckets.length; b += 1) {
      var list = gridBuckets[b];
      if (!list.length) continue;
      context.fillStyle = gridBuckets.styles[b];
      context.beginPath();
      for (var i = 0; i + 1 < list.length; i += 2) {
        var x = toScreenX(list[i] * cell), y = toScreenY((list[i + 1] + 1) * cell);
        if (x > size.width || y > size.height || x + w < 0 || y + h < 0) continue;
        context.rect(x - pad, y - pad, w + 2 * pad, h + 2 * pad);
      }
      context.fill();
    }
  }

  function drawSites(list, style, radius) {
    context.fillStyle = style;
    context.beginPath();
    for (var i = 0; i + 1 < list.length; i += 2) {
      var x = toScreenX(list[i]), y = toScreenY(list[i + 1]);
      if (x < -2 || y < -2 || x > size.width + 2 || y > size.height + 2) continue;
      context.rect(x - radius, y - radius, 2 * radius, 2 * radius);
    }
    context.fill();
  }

  function drawPoints() {
    var points = map.points, drawn = 0;
    var radius = Math.max(3, Math.min(6, 3 + Math.log(view.zoom) / Math.LN2));
    for (var i = 0; i + 2 < points.length; i += 3) {
      var x = toScreenX(points[i]), y = toScreenY(points[i + 1]), kind = points[i + 2];
      drawn += 1;
      if (x < -10 || y < -10 || x > size.width + 10 || y > size.height + 10) continue;
      context.beginPath();
      context.arc(x, y, kind === 2 ? radius + 0.5 : radius, 0, 2 * Math.PI);
      if (kind === 2) {
        context.lineWidth = 2; context.strokeStyle = palette.ring; context.stroke();
        continue;
      }
      context.fillStyle = palette.dead; context.fill();
      context.lineWidth = 1.25; context.strokeStyle = '#ffffff'; context.stroke();
      if (kind === 1) {
        context.beginPath(); context.arc(x, y, radius + 2.2, 0, 2 * Math.PI);
        context.lineWidth = 2; context.strokeStyle = palette.ring; context.stroke();
      }
    }
    return drawn;
  }

  function drawLabels() {
    context.font = '600 13px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    context.lineWidth = 3.5;
    context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    context.fillStyle = '#1f2937';
    map.labels.forEach(function (label) {
      var x = toScreenX(label.x), y = toScreenY(label.y);
      if (x < -100 || y < -20 || x > size.width + 100 || y > size.height + 20) return;
      context.strokeText(label.name, x, y);
      context.fillText(label.name, x, y);
    });
  }

  function draw() {
    resize();
    context.setTransform(size.scale, 0, 0, size.scale, 0, 0);
    var hasOutlines = map.outlines.length > 0 && layers.outlines;
    context.fillStyle = map.outlines.length > 0 ? '#e6edf5' : '#f7f9fb';
    context.fillRect(0, 0, size.width, size.height);
    if (hasOutlines) {
      outlinePath();
      context.fillStyle = '#ffffff';
      context.fill('evenodd');
    }
    if (layers.grid) drawGrid();
    if (hasOutlines) {
      outlinePath();
      context.lineJoin = 'round';
      context.lineWidth = 0.9;
      context.strokeStyle = '#8795a8';
      context.stroke();
    }
    var siteCount = (map.sites4G.length + map.sites5G.length) / 2;
    if (layers.sites) {
      var radius = (siteCount > 20000 ? 0.6 : siteCount > 3000 ? 1.0 : 1.6) * Math.min(2.5, Math.sqrt(view.zoom));
      drawSites(map.sites4G, siteCount > 20000 ? 'rgba(71, 85, 105, 0.55)' : 'rgba(51, 65, 85, 0.8)', radius);
      drawSites(map.sites5G, 'rgba(142, 68, 173, 0.8)', radius);
    }
    if (layers.labels && (map.outlines.length === 0 || view.zoom >= 2)) drawLabels();
    var drawn = layers.points ? drawPoints() : 0;
    mapElement.setAttribute('data-points', String(drawn));
    mapElement.setAttribute('data-cells', String(map.grid.cells.length / 4));
    mapElement.setAttribute('data-sites', String(layers.sites ? siteCount : 0));
    mapElement.setAttribute('data-drawn', 'true');
  }

  var pending = false;
  function redraw() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  }

  // Zoom keeps the map position under (px, py) in place.
  function zoomAt(factor, px, py) {
    var zoom = Math.max(1, Math.min(64, view.zoom * factor));
    var mx = toMapX(px), my = toMapY(py);
    view.zoom = zoom;
    view.cx = mx - (px - size.width / 2) / (kx * scale());
    view.cy = my + (py - size.height / 2) / scale();
    clampView();
    redraw();
  }

  function clampView() {
    view.cx = Math.max(0, Math.min(W, view.cx));
    view.cy = Math.max(0, Math.min(H, view.cy));
    if (view.zoom <= 1) { view.cx = W / 2; view.cy = H / 2; }
  }

  function eventPosition(event) {
    var box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  document.getElementById('map-zoom-in').addEventListener('click', function () { zoomAt(2, size.width / 2, size.height / 2); });
  document.getElementById('map-zoom-out').addEventListener('click', function () { zoomAt(0.5, size.width / 2, size.height / 2); });
  document.getElementById('map-reset').addEventListener('click', function () { view.zoom = 1; clampView(); redraw(); });
  canvas.addEventListener('dblclick', function (event) {
    var at = eventPosition(event);
    zoomAt(event.shiftKey ? 0.5 : 2, at.x, at.y);
  });
  canvas.addEventListener('wheel', function (event) {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    var at = eventPosition(event);
    zoomAt(event.deltaY < 0 ? 1.25 : 0.8, at.x, at.y);
  }, { passive: false });

  var drag = null;
  canvas.addEventListener('pointerdown', function (event) {
    drag = { x: event.clientX, y: event.clientY, cx: view.cx, cy: view.cy };
    canvas.classList.add('dragging');
    if (canvas.setPointerCapture) canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', function (event) {
    if (drag) {
      view.cx = drag.cx - (event.clientX - drag.x) / (kx * scale());
      view.cy = drag.cy + (event.clientY - drag.y) / scale();
      if (view.zoom > 1) { clampView(); redraw(); }
      return;
    }
    showTip(eventPosition(event));
  });
  function endDrag() { drag = null; canvas.classList.remove('dragging'); }
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('pointerleave', function () { if (tip) tip.hidden = true; });

  function insideRing(ring, x, y) {
    var inside = false;
    for (var i = 0, j = ring.length - 2; i + 1 < ring.length; j = i, i += 2) {
      var xi = ring[i], yi = ring[i + 1], xj = ring[j], yj = ring[j + 1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  function showTip(at) {
    if (!tip) return;
    var best = -1, bestDistance = 64;
    if (layers.points) {
      for (var i = 0; i + 2 < map.points.length; i += 3) {
        var dx = toScreenX(map.points[i]) - at.x, dy = toScreenY(map.points[i + 1]) - at.y;
        var distance = dx * dx + dy * dy;
        if (distance <= bestDistance) { bestDistance = distance; best = i / 3; }
      }
    }
    var title = '', detail = '';
    if (best >= 0) {
      var label = map.pointLabels[best] || '';
      var cut = label.indexOf(' · ');
      title = cut >= 0 ? label.slice(0, cut) : label;
      detail = cut >= 0 ? label.slice(cut + 3) : '';
    } else if (map.outlines.length) {
      var x = toMapX(at.x), y = toMapY(at.y);
      for (var p = 0; p < map.outlines.length && !title; p += 1) {
        var outline = map.outlines[p], inside = false;
        outline.rings.forEach(function (ring) { if (insideRing(ring, x, y)) inside = !inside; });
        if (inside) { title = outline.name + ' (' + outline.code + ')'; detail = outline.note; }
      }
    }
    if (!title) { tip.hidden = true; return; }
    tip.textContent = '';
    var strong = document.createElement('strong');
    strong.textContent = title;
    tip.appendChild(strong);
    tip.appendChild(document.createTextNode(detail));
    tip.hidden = false;
    var left = Math.min(at.x + 14, size.width - tip.offsetWidth - 6);
    var top = at.y + 14 + tip.offsetHeight > size.height ? at.y - tip.offsetHeight - 10 : at.y + 14;
    tip.style.left = Math.max(4, left) + 'px';
    tip.style.top = Math.max(4, top) + 'px';
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-layer]'), function (input) {
    input.addEventListener('change', function () { layers[input.getAttribute('data-layer')] = input.checked; redraw(); });
  });
  window.addEventListener('resize', redraw);
  draw();
})();
