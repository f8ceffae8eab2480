(function () {
  'use strict';

  // compare.html's long tables, drawn from the packed data (#compare-data, ComparisonHTMLData:
  // `v` changed villages [id, name, province code, population, change], `s` changed sites
  // [id, operator, change, province code]) one page at a time (paged-table.js).
  // <html data-ready-ms> is set once both tables are drawn.
  var T = window.PagedTable;
  function column(label, index, num) {
    return { label: label, num: num, header: index === 0, value: function (r) { return r[index]; },
      html: function (r) { return T.escape(num ? String(r[index]).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : r[index]); } };
  }
  function table(name, columns, rows) {
    new T({
      table: document.getElementById(name + '-table'), columns: columns, filter: document.getElementById(name + '-filter'),
      count: document.getElementById(name + '-count'), countText: '{1} of {2}', pager: document.getElementById(name + '-pager'),
      words: { previous: '‹ Previous', next: 'Next ›', page: 'Page {1} of {2}' },
      key: function (r) { return r; }
    }).setRows(rows);
  }
  function ready() {
    if (window.performance && performance.now) document.documentElement.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  }
  function failed() {
    document.getElementById('load-failed').hidden = false;
    ready();
  }
  try {
    T.unpack(document.getElementById('compare-data'), function (data) {
      table('village', [column('village', 0), column('name', 1), column('province', 2), column('population', 3, true), column('change', 4)], data.v);
      table('site', [column('site', 0), column('operator', 1), column('change', 2), column('province', 3)], data.s);
      ready();
    }).catch(failed);
  } catch (error) {
    failed();
  }
})();
