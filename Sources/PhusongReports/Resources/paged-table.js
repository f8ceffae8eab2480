(function () {
  'use strict';

  // A table drawn from data, one page at a time (plain ES2015, no libraries): report.html's
  // drill-down and dead-zone list, compare.html's changed villages and sites. Only the rows
  // of the current page are in the DOM, however many the data holds; sorting (a click on a
  // column heading) and filtering (a text box) work on the data.
  //
  // The table element gets data-total (rows in the data), data-visible (rows matching the
  // filter) and data-page (current page, from 1); the pager, data-pages.

  // Lower case, diacritics removed (NFD, then the combining marks U+0300–U+036F dropped), đ/Đ
  // → d (they are letters of their own and do not decompose), runs of white space as one
  // space: "Điện Biên Phủ" and "dien  bien phu" give the same key. HTMLSearchKey folds the
  // same way in Swift.
  function fold(text) {
    text = String(text);
    // ASCII (codes, most site ids) has nothing to remove: its lower case is its key.
    if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u0111\u0110]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  // The key of a row's texts: each folded once however many rows repeat it (village names
  // such as "Thôn 1" recur thousands of times), joined by " | " so that a query does not
  // match across two of them.
  function folder() {
    var known = new Map();
    return function (parts) {
      if (!Array.isArray(parts)) parts = [parts];
      var keys = [];
      for (var i = 0; i < parts.length; i += 1) {
        var part = parts[i] === null || parts[i] === undefined ? '' : String(parts[i]);
        var key = known.get(part);
        if (key === undefined) { key = fold(part); known.set(part, key); }
        keys.push(key);
      }
      return keys.join(' | ');
    };
  }

  var collator = (typeof Intl !== 'undefined' && Intl.Collator)
    ? new Intl.Collator('vi', { numeric: true, sensitivity: 'base' }) : null;

  function escapeHTML(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // options:
  //   table: the <table> (its <thead> and <tbody> are written here);
  //   columns: [{ label, num (sort as numbers), value(row) (sort key), html(row) (cell HTML, escaped),
  //               header (true: a <th scope="row">) }];
  //   key(row): the texts the filter searches, a string or an array of them (folded here, on the
  //   first search);
  //   pageSize (50), filter (an <input>), count (element for "{1} of {2}"), countText,
  //   empty (element shown when nothing matches), pager (element for the page buttons),
  //   words: { previous, next, page } (texts of the pager), group (thousands separator),
  //   rowAttributes(row): extra attributes of each <tr> (escaped HTML).
  function PagedTable(options) {
    this.options = options;
    this.table = options.table;
    this.columns = options.columns;
    this.pageSize = options.pageSize || 50;
    this.rows = [];
    this.keys = null;
    this.matches = [];
    this.page = 0;
    this.sortColumn = -1;
    this.ascending = true;
    this.query = '';
    var self = this;
    var head = '<tr>' + this.columns.map(function (column, index) {
      return '<th scope="col" data-sort="' + (column.num ? 'num' : 'text') + '"' + (column.num ? ' class="num"' : '') +
        ' data-column="' + index + '"><button type="button">' + escapeHTML(column.label) + '</button></th>';
    }).join('') + '</tr>';
    this.table.tHead ? (this.table.tHead.innerHTML = head) : (this.table.createTHead().innerHTML = head);
    this.body = this.table.tBodies[0] || this.table.createTBody();
    this.table.tHead.addEventListener('click', function (event) {
      var th = event.target.closest ? event.target.closest('th[data-column]') : null;
      if (th) self.sortBy(parseInt(th.getAttribute('data-column'), 10));
    });
    if (options.filter) options.filter.addEventListener('input', function () { self.filter(options.filter.value); });
    if (options.pager) {
      options.pager.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('button[data-step]') : null;
        if (button) self.go(self.page + parseInt(button.getAttribute('data-step'), 10));
      });
    }
  }

  PagedTable.fold = fold;
  PagedTable.escape = escapeHTML;

  PagedTable.prototype.setRows = function (rows) {
    this.rows = rows;
    this.keys = null;
    this.sortColumn = -1;
    Array.prototype.forEach.call(this.table.tHead.rows[0].cells, function (th) { th.removeAttribute('aria-sort'); });
    this.filter(this.options.filter ? this.options.filter.value : this.query);
  };

  PagedTable.prototype.filter = function (text) {
    this.query = fold(text || '');
    var query = this.query, rows = this.rows;
    if (query === '') {
      this.matches = rows.map(function (row, index) { return index; });
    } else {
      this.foldKeys(Infinity);
      var keys = this.keys, matches = [];
      for (var i = 0; i < keys.length; i += 1) if (keys[i].indexOf(query) !== -1) matches.push(i);
      this.matches = matches;
    }
    if (this.sortColumn >= 0) this.order();
    this.page = 0;
    this.render();
  };

  // Folds the rows' search keys for up to `budget` ms (Infinity: all that are left), resuming
  // where the last call stopped; true once every row has its key.
  PagedTable.prototype.foldKeys = function (budget) {
    if (!this.keys) { this.keys = new Array(this.rows.length); this.keyed = 0; this.folded = folder(); }
    var rows = this.rows, keys = this.keys, key = this.options.key, end = Date.now() + budget;
    while (this.keyed < rows.length) {
      keys[this.keyed] = this.folded(key(rows[this.keyed]));
      this.keyed += 1;
      if ((this.keyed & 255) === 0 && Date.now() > end) return false;
    }
    return true;
  };

  // Folds the search keys ahead of the first search, in slices of about 10 ms between other
  // work so that the page stays responsive; a search that comes first folds what is left.
  PagedTable.prototype.prepareKeys = function () {
    var table = this;
    (function slice() { if (!table.foldKeys(10)) setTimeout(slice, 0); })();
  };

  PagedTable.prototype.sortBy = function (index) {
    this.ascending = this.sortColumn === index ? !this.ascending : !this.columns[index].num;
    this.sortColumn = index;
    this.order();
    this.page = 0;
    this.render();
    var ascending = this.ascending;
    Array.prototype.forEach.call(this.table.tHead.rows[0].cells, function (th, position) {
      if (position === index) th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  };

  // Sorts the matching rows by the sort column; rows without a value last, ties in data order.
  PagedTable.prototype.order = function () {
    var column = this.columns[this.sortColumn], rows = this.rows, sign = this.ascending ? 1 : -1;
    var values = {};
    this.matches.forEach(function (index) { values[index] = column.value(rows[index]); });
    this.matches.sort(function (a, b) {
      var x = values[a], y = values[b];
      var xMissing = x === null || x === undefined || x === '', yMissing = y === null || y === undefined || y === '';
      if (xMissing || yMissing) return xMissing === yMissing ? a - b : (xMissing ? 1 : -1);
      var order = column.num ? x - y : (collator ? collator.compare(String(x), String(y)) : (x < y ? -1 : x > y ? 1 : 0));
      return order !== 0 ? sign * order : a - b;
    });
  };

  PagedTable.prototype.pages = function () {
    return Math.max(1, Math.ceil(this.matches.length / this.pageSize));
  };

  PagedTable.prototype.go = function (page) {
    this.page = Math.min(Math.max(page, 0), this.pages() - 1);
    this.render();
  };

  PagedTable.prototype.render = function () {
    var options = this.options, columns = this.columns, rows = this.rows;
    var start = this.page * this.pageSize, end = Math.min(start + this.pageSize, this.matches.length);
    var html = '';
    for (var i = start; i < end; i += 1) {
      var row = rows[this.matches[i]];
      html += '<tr' + (options.rowAttributes ? options.rowAttributes(row) : '') + '>';
      for (var c = 0; c < columns.length; c += 1) {
        var column = columns[c], tag = column.header ? 'th scope="row"' : 'td';
        html += '<' + tag + (column.num ? ' class="num"' : '') + '>' + column.html(row) + '</' + (column.header ? 'th' : 'td') + '>';
      }
      html += '</tr>';
    }
    this.body.innerHTML = html;
    this.table.setAttribute('data-total', String(rows.length));
    this.table.setAttribute('data-visible', String(this.matches.length));
    this.table.setAttribute('data-page', String(this.page + 1));
    var group = options.group || ',';
    function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group); }
    if (options.count) {
      options.count.textContent = (options.countText || '{1} / {2}').replace('{1}', grouped(this.matches.length)).replace('{2}', grouped(rows.length));
    }
    if (options.empty) options.empty.hidden = !(this.matches.length === 0 && rows.length > 0);
    if (options.pager) {
      var pages = this.pages(), words = options.words || { previous: '‹', next: '›', page: '{1} / {2}' };
      options.pager.hidden = pages <= 1;
      options.pager.setAttribute('data-pages', String(pages));
      options.pager.innerHTML = '<button type="button" data-step="-1"' + (this.page === 0 ? ' disabled' : '') + '>' + escapeHTML(words.previous) + '</button>' +
        '<span>' + escapeHTML(words.page.replace('{1}', grouped(this.page + 1)).replace('{2}', grouped(pages))) + '</span>' +
        '<button type="button" data-step="1"' + (this.page + 1 >= pages ? ' disabled' : '') + '>' + escapeHTML(words.next) + '</button>';
    }
  };

  // The packed data of a page: base64 of a raw DEFLATE stream of JSON (RawDeflate in Swift),
  // inflated by the browser's own DecompressionStream. Calls back with the parsed value.
  PagedTable.unpack = function (element, callback) {
    var binary = atob(element.textContent.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text().then(function (text) { callback(JSON.parse(text)); });
  };

  window.PagedTable = PagedTable;
})();
