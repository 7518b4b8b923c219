/* docctl: sort and filter the register tables (.docctl-register) in the browser. Local file, no CDN. */
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

  function setUp(box) {
    var table = box.querySelector("table");
    if (!table || !table.tHead || table.getAttribute("data-docctl-ready")) return;
    table.setAttribute("data-docctl-ready", "1");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.forEach(function (row) {
      if (row.querySelector(".docctl-overdue")) row.classList.add("docctl-row-overdue");
    });
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
    input.addEventListener("input", function () { filter(rows, input.value, counter); });
    filter(rows, "", counter);
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

  function start() { Array.prototype.forEach.call(document.querySelectorAll(".docctl-register"), setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
