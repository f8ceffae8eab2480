(function () {
  'use strict';

  var collator = (typeof Intl !== 'undefined' && Intl.Collator)
    ? new Intl.Collator('vi', { numeric: true, sensitivity: 'base' }) : null;

  // ---- Sortable tables --------------------------------------------------------------
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var value = cell.getAttribute('data-v');
    return value === null ? cell.textContent : value;
  }

  function sortTable(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.getAttribute('data-sort') === 'num';
    var current = th.getAttribute('aria-sort');
    var ascending = current ? current !== 'ascending' : !numeric;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
      var raw = cellValue(row, index);
      var key = numeric ? (raw === '' ? NaN : parseFloat(raw)) : raw;
      return { row: row, key: key, position: position };
    });
    rows.sort(function (a, b) {
      var order = 0;
      if (numeric) {
        var aMissing = isNaN(a.key), bMissing = isNaN(b.key);
        if (aMissing || bMissing) return aMissing === bMissing ? a.position - b.position : (aMissing ? 1 : -1);
        order = a.key - b.key;
      } else {
        order = collator ? collator.compare(a.key, b.key) : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      }
      if (order !== 0) return ascending ? order : -order;
      return a.position - b.position;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (item) { fragment.appendChild(item.row); });
    body.appendChild(fragment);
    Array.prototype.forEach.call(th.parentNode.children, function (other) { other.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.querySelectorAll('thead th[data-sort]'), function (th) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortTable(table, th); });
    });
  });

  // ---- Print layout check (#print-layout) ---------------------------------------------
  // For headless tests: applies the style sheet's print rules on screen and marks each
  // .table-wrap with data-clipped (its table wider than the box it prints in) and <html>
  // with data-print-clipped (how many are). With the window at A4 landscape's printable
  // width (277 mm, 1047 CSS px) this is what printing would cut off.
  // report.html draws its long tables once its packed data is unpacked (report-drill.js),
  // then fires 'phusong-tables': the check waits for that; other pages are checked at once.
  function checkPrintLayout() {
    var printRules = [];
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      Array.prototype.forEach.call(sheet.cssRules, function (rule) {
        if (rule.media && Array.prototype.indexOf.call(rule.media, 'print') !== -1) {
          Array.prototype.forEach.call(rule.cssRules, function (inner) { printRules.push(inner.cssText); });
        }
      });
    });
    var printStyle = document.createElement('style');
    printStyle.textContent = printRules.join('\n');
    document.head.appendChild(printStyle);
    var clipped = 0, pageWidth = document.documentElement.clientWidth;
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (wrap) {
      var table = wrap.querySelector('table');
      var over = !!table && (table.offsetWidth > wrap.clientWidth + 1 || table.getBoundingClientRect().right > pageWidth + 1);
      wrap.setAttribute('data-clipped', String(over));
      if (over) clipped += 1;
    });
    document.documentElement.setAttribute('data-print-clipped', String(clipped));
  }
  if (/^#print-layout/.test(window.location.hash || '')) {
    if (document.getElementById('drill-data')) window.addEventListener('phusong-tables', checkPrintLayout);
    else checkPrintLayout();
  }
})();
