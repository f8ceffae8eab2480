(function () {
  'use strict';

  // report.html's drill-down (national → province → commune → villages), its search for a
  // village, commune or site, and the dead-zone list, drawn from the packed data with
  // PagedTable (paged-table.js): only a page of rows is ever in the DOM. The areas and the
  // dead-zone list (#drill-data, HTMLDrillData) are unpacked first and make the page usable;
  // the villages and sites (#place-data, HTMLPlaceData) right after, and a commune's view or a
  // search asked for before they are in waits for them (<html data-places-ms> marks when). Hash routes: #p=CODE (a province), #c=CODE (a commune), #find=TEXT (the
  // search), #search=TEXT (the dead-zone list's filter), q=TEXT (the drill table's filter),
  // joined by '&': #c=00004&q=to%20dan%20pho. The browser's back button walks back through
  // them. <html data-ready-ms> is set once the tables and the map's first drawing are done.

  var parts = {};
  window.phusongReady = function (part) {
    parts[part] = true;
    if (parts.tables && (parts.map || !document.getElementById('map'))) {
      if (window.performance && performance.now && !document.documentElement.hasAttribute('data-ready-ms')) {
        document.documentElement.setAttribute('data-ready-ms', String(Math.round(performance.now())));
      }
    }
  };

  var packed = document.getElementById('drill-data'), packedPlaces = document.getElementById('place-data');
  var dataElement = document.getElementById('report-data');
  if (!packed || !packedPlaces || !dataElement) { window.phusongReady('tables'); return; }
  var page = JSON.parse(dataElement.textContent);
  var text = page.text, W = text.words;
  var T = window.PagedTable, esc = T.escape;
  var status = document.getElementById('drill-status');

  function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, text.group); }
  function fixed(x, decimals) {
    var parts = x.toFixed(decimals).split('.');
    return grouped(parts[0]) + (parts.length > 1 ? text.decimal + parts[1] : '');
  }
  function percent(share) { return share === null ? '' : fixed(100 * share, 2) + '%'; }
  function share(part, whole) { return whole > 0 ? part / whole : 0; }
  function fill(template, a, b) { return template.replace('{1}', a).replace('{2}', b === undefined ? '' : b); }
  function element(id) { return document.getElementById(id); }
  var pager = { previous: W.previous, next: W.next, page: W.page };

  try {
    T.unpack(packed, start).catch(failed);
  } catch (error) {
    failed();
  }

  function failed() {
    if (status) status.textContent = W.loadFailed;
    window.phusongReady('tables');
  }

  function start(data) {
    // Villages and sites, once unpacked: `places`; what waits for them, `waiting`.
    var places = null, waiting = [];
    function withPlaces(action) { if (places) action(); else waiting.push(action); }
    function placesArrived(value) {
      places = value;
      // Sites: [id, operator, flags] by "province/commune" → [id, operator, flags, province, commune].
      Object.keys(places.s).forEach(function (key) {
        var at = key.indexOf('/'), province = key.slice(0, at), commune = key.slice(at + 1);
        places.s[key].forEach(function (site) {
          site.push(province, commune);
          (sitesOf[commune] = sitesOf[commune] || []).push(site);
        });
      });
      if (window.performance && performance.now) document.documentElement.setAttribute('data-places-ms', String(Math.round(performance.now())));
      waiting.splice(0).forEach(function (action) { action(); });
      // The search's rows and keys are made now, in the background, not on the first search.
      setTimeout(function () { ensureFind(); findTable.prepareKeys(); }, 0);
    }

    // Areas: [code, name, province, villages, connected, dead, unpowered, population, pop4G, pop5G, st4G, st5G].
    var provinces = {}, communes = {}, communesOf = {};
    data.p.forEach(function (row) { provinces[row[0]] = row; });
    data.c.forEach(function (row) {
      communes[row[0]] = row;
      (communesOf[row[2] || ''] = communesOf[row[2] || ''] || []).push(row);
    });
    var national = [ '', W.national, null, 0, 0, 0, 0, 0, 0, 0, 0, 0 ];
    data.p.forEach(function (row) { for (var i = 3; i < 12; i += 1) national[i] += row[i] || 0; });
    var sitesOf = {};

    function areaName(row) { return row[1] || row[0]; }
    function provinceName(code) { return provinces[code] ? areaName(provinces[code]) : code; }
    function communeName(code) { return communes[code] ? areaName(communes[code]) : (code || W.noCommune); }
    function villageID(commune, village) { return village[3] & 8 ? commune + '-' + village[0] : village[0]; }
    function ratio(row) { return row[10] === null || row[11] === null || !(row[10] > 0) ? null : row[11] / row[10]; }
    function stations(value) { return value === null ? '<span class="muted">' + esc(W.notCounted) + '</span>' : grouped(value); }

    // ---- Area tables: provinces (national view) and communes (province view) ----------
    function areaColumns(level) {
      var link = level === 'p' ? '#p=' : '#c=';
      return [
        { label: W.code, value: function (r) { return r[0]; }, html: function (r) { return esc(r[0]); } },
        { label: level === 'p' ? W.province : W.commune, header: true, value: function (r) { return areaName(r); },
          html: function (r) { return '<a href="' + link + encodeURIComponent(r[0]) + '">' + esc(areaName(r)) + '</a>'; } },
        numeric(W.villages, function (r) { return r[3]; }, grouped),
        numeric(W.connected, function (r) { return share(r[4], r[3]); }, percent),
        numeric(W.deadZones, function (r) { return r[5]; }, grouped),
        numeric(W.unpowered, function (r) { return r[6]; }, grouped),
        numeric(W.population, function (r) { return r[7]; }, grouped),
        numeric(W.cov4g, function (r) { return share(r[8], r[7]); }, percent),
        numeric(W.cov5g, function (r) { return share(r[9], r[7]); }, percent),
        numeric(W.st4g, function (r) { return r[10]; }, stations),
        numeric(W.st5g, function (r) { return r[11]; }, stations),
        numeric(W.ratio, ratio, function (x) { return x === null ? '—' : fixed(x, 3); })
      ];
    }
    function numeric(label, value, format) {
      return { label: label, num: true, value: value, html: function (r) { return format(value(r)); } };
    }

    var stateWords = [W.dead, W.only4g, W.only5g, W.both];
    var villageColumns = [
      { label: W.village, header: true, value: function (v) { return v[1]; },
        html: function (v) { return esc(v[1] || v.id) + '<span class="sub">' + esc(v.id) + '</span>'; } },
      numeric(W.population, function (v) { return v[2]; }, grouped),
      { label: W.state, value: function (v) { return v[3] & 3; },
        html: function (v) { var s = v[3] & 3; return s === 0 ? '<span class="tag tag-nosite">' + esc(W.dead) + '</span>' : esc(stateWords[s]); } },
      { label: W.power, value: function (v) { return v[3] & 4 ? 0 : 1; },
        html: function (v) { return v[3] & 4 ? '<span class="tag tag-unpowered">' + esc(W.no) + '</span>' : esc(W.yes); } }
    ];
    var siteColumns = [
      { label: W.site, header: true, value: function (s) { return s[0]; }, html: function (s) { return esc(s[0]); } },
      { label: W.operator, value: function (s) { return places.o[s[1]]; }, html: function (s) { return esc(places.o[s[1]]); } },
      { label: W.technology, value: function (s) { return s[2]; }, html: function (s) { return s[2] & 2 ? (s[2] & 1 ? '4G, 5G' : '5G') : '4G'; } }
    ];

    var drill = element('drill'), title = element('drill-title'), kpis = element('drill-kpis');
    var crumbs = element('drill-crumbs'), filter = element('drill-filter');
    var drillTable = new T({
      table: element('drill-table'), columns: areaColumns('p'), filter: filter, count: element('drill-count'),
      countText: W.rows, empty: element('drill-empty'), pager: element('drill-pager'), words: pager, group: text.group,
      key: function (r) { return r.length === 12 ? [r[0], r[1]] : [r.id, r[1]]; },
      rowAttributes: function (r) { return ' data-code="' + esc(r.length === 12 ? r[0] : r.id) + '"'; }
    });
    var siteTable = new T({
      table: element('site-table'), columns: siteColumns, pager: element('site-pager'), words: pager, group: text.group, pageSize: 20,
      key: function (s) { return s[0]; }
    });

    function indicators(row) {
      var items = [
        [W.villages, grouped(row[3])], [W.connected, percent(share(row[4], row[3]))], [W.deadZones, grouped(row[5])],
        [W.unpowered, grouped(row[6])], [W.population, grouped(row[7])], [W.cov4g, percent(share(row[8], row[7]))],
        [W.cov5g, percent(share(row[9], row[7]))], [W.st4g, stations(row[10])], [W.st5g, stations(row[11])],
        [W.ratio, ratio(row) === null ? '—' : fixed(ratio(row), 3)]
      ];
      kpis.innerHTML = items.map(function (item) { return '<div><dt>' + esc(item[0]) + '</dt><dd>' + item[1] + '</dd></div>'; }).join('');
    }

    function crumb(href, label) { return '<a href="' + href + '">' + esc(label) + '</a>'; }

    // Shows a level: '' national, 'p' a province, 'c' a commune.
    function show(level, code) {
      if (drill.hasAttribute('data-shown') && drill.getAttribute('data-level') === level && drill.getAttribute('data-code') === code) return;
      drill.setAttribute('data-shown', '');
      filter.value = '';
      drill.setAttribute('data-level', level);
      drill.setAttribute('data-code', code);
      var path = [crumb('#p=', W.national)];
      var sites = null;
      if (level === 'c') {
        var commune = communes[code] || [code, '', null, 0, 0, 0, 0, 0, 0, 0, null, null];
        var villages = (places.v[code] || []).map(function (v) { var row = v.slice(); row.id = villageID(code, v); return row; });
        if (commune[2]) path.push(crumb('#p=' + encodeURIComponent(commune[2]), provinceName(commune[2])));
        path.push('<span aria-current="page">' + esc(communeName(code)) + '</span>');
        title.textContent = fill(W.villagesOf, communeName(code));
        indicators(commune);
        drillTable.columns = villageColumns;
        rebuildHead(drillTable);
        drillTable.setRows(villages);
        sites = sitesOf[code] || [];
      } else if (level === 'p') {
        var province = provinces[code] || [code, '', null, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        path.push('<span aria-current="page">' + esc(provinceName(code)) + '</span>');
        title.textContent = fill(W.communesOf, provinceName(code));
        indicators(province);
        drillTable.columns = areaColumns('c');
        rebuildHead(drillTable);
        drillTable.setRows(communesOf[code] || []);
      } else {
        path = ['<span aria-current="page">' + esc(W.national) + '</span>'];
        title.textContent = W.provincesOf;
        indicators(national);
        drillTable.columns = areaColumns('p');
        rebuildHead(drillTable);
        drillTable.setRows(data.p);
      }
      crumbs.innerHTML = path.join(' › ');
      element('drill-sites').hidden = !sites || sites.length === 0;
      if (sites) {
        element('drill-sites-title').textContent = fill(W.sitesOf, communeName(code));
        siteTable.setRows(sites);
      }
    }

    function rebuildHead(table) {
      table.table.tHead.rows[0].innerHTML = table.columns.map(function (column, index) {
        return '<th scope="col" data-sort="' + (column.num ? 'num' : 'text') + '"' + (column.num ? ' class="num"' : '') +
          ' data-column="' + index + '"><button type="button">' + esc(column.label) + '</button></th>';
      }).join('');
    }

    // ---- Search: villages, communes, provinces and sites by name or code ----------------
    // Rows: [kind word, name, code, where, href].
    var findRows = null;
    function buildFind() {
      findRows = [];
      data.p.forEach(function (r) { findRows.push([W.province, areaName(r), r[0], '', '#p=' + encodeURIComponent(r[0])]); });
      data.c.forEach(function (r) { findRows.push([W.commune, areaName(r), r[0], provinceName(r[2] || ''), '#c=' + encodeURIComponent(r[0])]); });
      Object.keys(places.v).forEach(function (code) {
        var where = code ? communeName(code) : W.noCommune;
        var province = communes[code] && communes[code][2] ? ', ' + provinceName(communes[code][2]) : '';
        places.v[code].forEach(function (v) {
          var id = villageID(code, v);
          findRows.push([W.village, v[1] || id, id, where + province, code ? '#c=' + encodeURIComponent(code) + '&q=' + encodeURIComponent(id) : '']);
        });
      });
      Object.keys(sitesOf).forEach(function (commune) {
        sitesOf[commune].forEach(function (s) {
          var where = s[4] ? communeName(s[4]) + ', ' + provinceName(s[3]) : provinceName(s[3]);
          var href = s[4] ? '#c=' + encodeURIComponent(s[4]) : (s[3] ? '#p=' + encodeURIComponent(s[3]) : '');
          findRows.push([W.site, places.o[s[1]], s[0], where, href]);
        });
      });
    }
    function ensureFind() { if (!findRows) { buildFind(); findTable.setRows(findRows); } }
    var findInput = element('find'), findResults = element('find-results');
    var findTable = new T({
      table: element('find-table'), count: element('find-count'), countText: fill(W.results, '{1}'), pager: element('find-pager'),
      words: pager, group: text.group, pageSize: 20,
      key: function (r) { return [r[1], r[2]]; },
      rowAttributes: function (r) { return ' data-code="' + esc(r[2]) + '"'; },
      columns: [
        { label: W.kind, value: function (r) { return r[0]; }, html: function (r) { return esc(r[0]); } },
        { label: W.village + ', ' + W.commune + ', ' + W.site, header: true, value: function (r) { return r[1]; },
          html: function (r) { var name = r[0] === W.site ? r[2] + ' · ' + r[1] : r[1]; return r[4] ? '<a href="' + r[4] + '">' + esc(name) + '</a>' : esc(name); } },
        { label: W.code, value: function (r) { return r[2]; }, html: function (r) { return esc(r[2]); } },
        { label: W.where, value: function (r) { return r[3]; }, html: function (r) { return esc(r[3]); } }
      ]
    });
    function find(query) {
      if (T.fold(query) === '') {
        findResults.hidden = true;
        element('find-count').textContent = '';
        return;
      }
      withPlaces(function () {
        ensureFind();
        findResults.hidden = false;
        findTable.filter(findInput.value);
      });
    }
    findInput.addEventListener('input', function () { find(findInput.value); });

    // ---- Dead-zone list: [id, name, commune, province, population, reasons, dBm, technology,
    // cell, nearest site, metres, lat, lon] -------------------------------------------
    var tags = {
      NO_SITE_IN_RANGE: ['tag-nosite', W.tagNoSite, W.tagNoSiteTitle], WEAK_SIGNAL: ['tag-weak', W.tagWeak, W.tagWeakTitle],
      terrain_shadow: ['tag-weak', W.tagTerrain, W.tagTerrainTitle], UNPOWERED: ['tag-unpowered', W.tagUnpowered, W.tagUnpoweredTitle]
    };
    function area(name, code) { return esc(name) + (code && name !== code ? '<span class="sub">' + esc(code) + '</span>' : ''); }
    var deadZoneTable = new T({
      table: element('dead-zone-table'), filter: element('dz-search'), count: element('dz-count'), countText: text.searchCount,
      empty: element('dz-empty'), pager: element('dz-pager'), words: pager, group: text.group,
      key: function (d) { return [d[1], d[0], communeName(d[2]), d[2], provinceName(d[3]), d[3]]; },
      rowAttributes: function (d) { return ' data-province="' + esc(d[3]) + '" data-village="' + esc(d[0]) + '"'; },
      columns: [
        { label: W.colVillage, header: true, value: function (d) { return d[1] || d[0]; },
          html: function (d) { return esc(d[1] || d[0]) + '<span class="sub">' + esc(d[0]) + ' · ' + d[11] + ', ' + d[12] + '</span>'; } },
        { label: W.colCommune, value: function (d) { return communeName(d[2]); },
          html: function (d) { return d[2] ? '<a href="#c=' + encodeURIComponent(d[2]) + '">' + area(communeName(d[2]), d[2]) + '</a>' : '—'; } },
        { label: W.colProvince, value: function (d) { return provinceName(d[3]); },
          html: function (d) { return d[3] ? '<a href="#p=' + encodeURIComponent(d[3]) + '">' + area(provinceName(d[3]), d[3]) + '</a>' : '—'; } },
        numeric(W.colPopulation, function (d) { return d[4]; }, grouped),
        { label: W.colReason, value: function (d) { return d[5]; }, html: function (d) {
          return d[5].split('+').map(function (code) {
            var tag = tags[code];
            return tag ? '<span class="tag ' + tag[0] + '" title="' + esc(tag[2]) + '">' + esc(tag[1]) + '</span>' : esc(code);
          }).join(' ');
        } },
        { label: W.colBestSignal, num: true, value: function (d) { return d[6] === null ? null : parseFloat(d[6]); }, html: function (d) {
          return d[6] === null ? '<span class="muted">' + esc(W.noneInRange) + '</span>'
            : fixed(parseFloat(d[6]), 1) + ' dBm<span class="sub">' + esc(d[7]) + ' · ' + esc(d[8]) + '</span>';
        } },
        { label: W.colNearestSite, num: true, value: function (d) { return d[10]; }, html: function (d) {
          return d[10] === null ? '<span class="muted">' + esc(W.noSite) + '</span>'
            : fixed(d[10] / 1000, 1) + ' km<span class="sub">' + esc(d[9]) + '</span>';
        } }
      ]
    });
    deadZoneTable.setRows(data.d);
    // Printing shows the whole list (up to 5,000 rows), not the page on screen.
    window.addEventListener('beforeprint', function () { deadZoneTable.pageSize = 5000; deadZoneTable.go(0); });
    window.addEventListener('afterprint', function () { deadZoneTable.pageSize = 50; deadZoneTable.go(0); });

    // ---- Routes ---------------------------------------------------------------------
    function route(scroll) {
      var hash = (window.location.hash || '').replace(/^#/, ''), values = {};
      hash.split('&').forEach(function (pair) {
        var at = pair.indexOf('=');
        if (at < 0) return;
        var value = pair.slice(at + 1).replace(/\+/g, ' ');
        try { value = decodeURIComponent(value); } catch (error) { /* keep the text as typed */ }
        values[pair.slice(0, at)] = value;
      });
      var target = null;
      if ('c' in values) {
        withPlaces(function () {
          show('c', values.c);
          if ('q' in values) { filter.value = values.q; drillTable.filter(values.q); }
        });
        target = 'explore';
      }
      else if ('p' in values) { show(values.p ? 'p' : '', values.p); target = 'explore'; }
      else if (!drill.hasAttribute('data-shown')) show('', '');
      if ('q' in values && !('c' in values)) { filter.value = values.q; drillTable.filter(values.q); }
      if ('find' in values) { findInput.value = values.find; find(values.find); target = 'explore'; }
      if ('search' in values) {
        element('dz-search').value = values.search;
        deadZoneTable.filter(values.search);
        target = 'dead-zones';
      }
      var section = target && scroll !== false ? element(target) : null;
      if (section && section.scrollIntoView) section.scrollIntoView();
    }
    window.addEventListener('hashchange', function () { route(true); });
    route(true);
    if (status) status.textContent = '';
    window.dispatchEvent(new Event('phusong-tables'));
    window.phusongReady('tables');
    // The villages and sites after the first drawing, so that they do not delay it.
    setTimeout(function () {
      try { T.unpack(packedPlaces, placesArrived).catch(failed); } catch (error) { failed(); }
    }, 0);
  }
})();
