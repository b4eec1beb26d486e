// permission-report: sorting and filtering on the DOM the report wrote, without a framework. It reads text and
// data-* attributes only and never builds markup from them. data-report-ready="true" on <body> says it ran to
// the end; errors are listed in #script-errors (the browser test checks both).
(function () {
  "use strict";
  var errors = [];
  var errorBox = document.getElementById("script-errors");
  function recordError(text) {
    errors.push(text);
    errorBox.hidden = false;
    errorBox.textContent = "Script errors:\n" + errors.join("\n");
    document.body.setAttribute("data-script-errors", String(errors.length));
  }
  window.addEventListener("error", function (e) { recordError(String(e.message) + " (" + e.lineno + ":" + e.colno + ")"); });

  function cellValue(row, index, kind) {
    var cell = row.children[index];
    if (!cell) { return ""; }
    if (kind === "number") { return Number(cell.textContent) || 0; }
    if (kind === "cell") { return Number(cell.getAttribute("data-rank")) || 0; }
    return cell.textContent.trim().toLowerCase();
  }

  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (header, index) {
      header.tabIndex = 0;
      header.setAttribute("role", "columnheader");
      function sort() {
        var kind = header.getAttribute("data-sort") || "text";
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        // Numbers and cell ranks sort the most alarming first on the first click.
        if (kind !== "text" && !header.hasAttribute("aria-sort")) { ascending = false; }
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });
        rows.sort(function (a, b) {
          var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
          var c = x < y ? -1 : x > y ? 1 : 0;
          if (!ascending) { c = -c; }
          return c !== 0 ? c : Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
    });
  }

  var filter = document.getElementById("filter");
  var onlyFindings = document.getElementById("only-findings");
  var onlyDestructive = document.getElementById("only-destructive");
  var shownCount = document.getElementById("shown-count");

  function applyFilter() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    function matches(element) {
      var text = (element.textContent + " " + (element.getAttribute("data-principal") || "") + " " + (element.getAttribute("data-keywords") || "")).toLowerCase();
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    }
    var shown = 0, total = 0;
    document.querySelectorAll("#matrix tbody tr, #findings tbody tr, article.principal").forEach(function (element) {
      var visible = matches(element);
      var principal = element.getAttribute("data-principal") || "";
      if (onlyFindings.checked) {
        var findings = element.getAttribute("data-findings");
        if (findings !== null) { visible = visible && Number(findings) > 0; }
        else { visible = visible && principal !== ""; }
      }
      element.classList.toggle("hidden-by-filter", !visible);
      if (element.classList.contains("principal-row")) { total++; if (visible) { shown++; } }
    });
    var destructiveOnly = onlyDestructive.checked;
    var matrix = document.getElementById("matrix");
    var hidden = [];
    Array.prototype.forEach.call(matrix.tHead.rows[0].cells, function (header, index) {
      var hide = destructiveOnly && header.hasAttribute("data-scope") && header.getAttribute("data-destructive") !== "true";
      header.classList.toggle("hidden-by-filter", hide);
      hidden[index] = hide;
    });
    Array.prototype.forEach.call(matrix.tBodies[0].rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        cell.classList.toggle("hidden-by-filter", hidden[index] === true);
      });
    });
    shownCount.textContent = shown + " of " + total + " principals shown";
  }

  document.querySelectorAll("table.sortable").forEach(makeSortable);
  filter.addEventListener("input", applyFilter);
  onlyFindings.addEventListener("change", applyFilter);
  onlyDestructive.addEventListener("change", applyFilter);

  // A view can be linked: #filter=words&findings=1&destructive=1&sort=N (the matrix column; &sort=N twice to reverse).
  var hash = window.location.hash.replace(/^#/, "");
  if (hash.indexOf("=") >= 0) {
    hash.split("&").forEach(function (pair) {
      var parts = pair.split("=");
      var key = decodeURIComponent(parts[0] || "");
      var value = decodeURIComponent((parts[1] || "").replace(/\+/g, " "));
      if (key === "filter") { filter.value = value; }
      else if (key === "findings") { onlyFindings.checked = value === "1"; }
      else if (key === "destructive") { onlyDestructive.checked = value === "1"; }
      else if (key === "sort") {
        var header = document.getElementById("matrix").tHead.rows[0].cells[Number(value)];
        if (header) { header.click(); }
      }
    });
  }

  applyFilter();
  document.body.setAttribute("data-report-ready", "true");
})();
