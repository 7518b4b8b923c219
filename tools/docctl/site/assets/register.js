/* docctl: sort and filter the register tables (.docctl-register, one table; .docctl-register-group, several
   tables under one filter box) in the browser. Local file, no CDN. */
(function () {
  "use strict";
  var zh = (document.documentElement.lang || "zh").indexOf("en") !== 0;
  var collator = new Intl.Collator(zh ? "zh-CN" : "en", { numeric: true, sensitivity: "base" });

  function text(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function sortBy(table, rows, index, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(header.parentNode.cells, function (th) { th.setAttribute("aria-sort", "none"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var order = collator.compare(text(a, index), text(b, index));
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
  }

  function filter(rows, query, counter) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var content = row.textContent.toLowerCase();
      var visible = terms.every(function (term) { return content.indexOf(term) >= 0; });
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    counter.textContent = (zh ? "显示 " : "showing ") + shown + " / " + rows.length;
  }

  function filterBar(box, rows, onFilter) {
    var bar = document.createElement("div");
    bar.className = "docctl-filterbar";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "docctl-filter";
    input.placeholder = zh ? "筛选：编号、标题、部门、状态…" : "Filter: number, title, department, status…";
    input.setAttribute("aria-label", input.placeholder);
    var counter = document.createElement("span");
    counter.className = "docctl-count";
    bar.appendChild(input);
    bar.appendChild(counter);
    box.insertBefore(bar, box.firstChild);
    input.addEventListener("input", function () { filter(rows, input.value, counter); onFilter(); });
    filter(rows, "", counter);
  }

  function sortable(table, rows) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.classList.add("docctl-sortable");
      th.setAttribute("aria-sort", "none");
      th.title = zh ? "点击排序" : "click to sort";
      th.addEventListener("click", function () { sortBy(table, rows, index, th); });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, rows, index, th); }
      });
    });
  }

  function rowsOf(table) { return Array.prototype.slice.call(table.tBodies[0].rows); }

  function ready(table) {
    if (!table || !table.tHead || table.getAttribute("data-docctl-ready")) return false;
    table.setAttribute("data-docctl-ready", "1");
    return true;
  }

  function setUp(box) {
    var table = box.querySelector("table");
    if (!ready(table)) return;
    var rows = rowsOf(table);
    rows.forEach(function (row) {
      if (row.querySelector(".docctl-overdue")) row.classList.add("docctl-row-overdue");
    });
    filterBar(box, rows, function () {});
    sortable(table, rows);
  }

  /* Several tables under one filter box (the records index): a table with no row left is hidden with
     the heading right above it. */
  function setUpGroup(box) {
    var tables = Array.prototype.filter.call(box.querySelectorAll("table"), ready);
    var rows = [];
    tables.forEach(function (table) { var own = rowsOf(table); rows = rows.concat(own); sortable(table, own); });
    filterBar(box, rows, function () {
      tables.forEach(function (table) {
        var empty = rowsOf(table).every(function (row) { return row.hidden; });
        var wrap = table.closest(".md-typeset__scrollwrap") || table;
        wrap.hidden = empty;
        var heading = wrap.previousElementSibling;
        if (heading && /^H[3-6]$/.test(heading.tagName)) heading.hidden = empty;
      });
      Array.prototype.forEach.call(box.querySelectorAll(".docctl-register-section"), function (section) {
        section.hidden = Array.prototype.every.call(section.querySelectorAll("tbody tr"), function (row) {
          return row.hidden;
        });
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".docctl-register"), setUp);
    Array.prototype.forEach.call(document.querySelectorAll(".docctl-register-group"), setUpGroup);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
