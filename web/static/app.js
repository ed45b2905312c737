// claimtrail web UI: keyboard navigation in the claims × outlets matrix.
// Arrow keys move focus between the links of neighbouring cells, Home and
// End jump to the row's first and last cell; Enter follows the link.
(function () {
  'use strict';
  // cellLink finds the link in row, col, stepping by step along the row
  // past cells without one (the status column).
  function cellLink(table, row, col, step) {
    var tr = table.tBodies[0] && table.tBodies[0].rows[row];
    if (!tr) { return null; }
    for (col = Math.max(0, Math.min(col, tr.cells.length - 1)); col >= 0 && col < tr.cells.length; col += step || 1) {
      var a = tr.cells[col].querySelector('a');
      if (a) { return a; }
    }
    return null;
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (!t || t.tagName !== 'A' || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var cell = t.closest('td, th');
    var table = cell && cell.closest('table[data-grid]');
    if (!table || !cell.parentElement.parentElement || cell.parentElement.parentElement.tagName !== 'TBODY') { return; }
    var row = cell.parentElement.sectionRowIndex, col = cell.cellIndex, next = null;
    switch (e.key) {
      case 'ArrowUp': next = cellLink(table, row - 1, col); break;
      case 'ArrowDown': next = cellLink(table, row + 1, col); break;
      case 'ArrowLeft': next = cellLink(table, row, col - 1, -1); break;
      case 'ArrowRight': next = cellLink(table, row, col + 1); break;
      case 'Home': next = cellLink(table, row, 0); break;
      case 'End': next = cellLink(table, row, cell.parentElement.cells.length - 1, -1); break;
      default: return;
    }
    if (next) { next.focus(); e.preventDefault(); }
  });
})();
