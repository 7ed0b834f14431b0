// linkwatch report: filters, search, sorting and grouping of the tables. No dependency, no request.
"use strict";
(function () {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
  document.querySelectorAll("[data-list]").forEach(setUp);

  // One list: the findings or the links, with its form of filters and its sortable tables.
  // At most data-page rows are shown at once (more on request), so filtering, sorting and
  // regrouping thousands of findings lays out a few hundred rows, not thousands; every count
  // covers all of them. Only the rows whose place or visibility changes are touched.
  function setUp(root) {
    const form = root.querySelector("form");
    if (!form) return;
    const PAGE = Number(root.dataset.page);
    let order = Array.from(root.querySelectorAll("tbody > tr"), (row) => ({
      row: row,
      data: Object.assign({}, row.dataset),
      text: row.textContent.toLowerCase(),
    }));
    const keys = new Map();
    const more = root.querySelector("[data-more]");
    let shownRows = new Set(order.filter((item) => !item.row.hidden).map((item) => item.row));
    let by = root.querySelector("[data-by]") ? "section" : "";
    let limit = PAGE;
    let timer = 0;
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("input", (event) => {
      clearTimeout(timer);
      if (event.target.name === "group") regroup(event.target.value);
      else if (event.target.type === "search") timer = setTimeout(apply, 120);
      else apply();
    });
    root.querySelectorAll("th button[data-sort]").forEach((button) => {
      button.addEventListener("click", () => sortBy(button));
    });
    more.addEventListener("click", () => apply(limit + PAGE));
    apply();

    // Put in the page the rows that pass every filter, the first `upTo` of them in page order.
    function apply(upTo) {
      limit = upTo || PAGE;
      const passes = filter();
      const groups = Array.from(container().querySelectorAll("[data-group]"));
      const buckets = new Map(groups.map((group) => [group.dataset.group, { rows: [], total: 0 }]));
      const single = groups.length === 1 ? buckets.get(groups[0].dataset.group) : null;
      order.forEach((item) => {
        const bucket = single || buckets.get(item.data.new ? "@new" : item.data[by]);
        bucket.total += 1;
        if (passes(item)) bucket.rows.push(item.row);
      });
      let matched = 0;
      let room = limit;
      const next = new Set();
      groups.forEach((group) => {
        const bucket = buckets.get(group.dataset.group);
        const shown = bucket.rows.slice(0, Math.max(room, 0));
        matched += bucket.rows.length;
        room -= shown.length;
        place(group.querySelector("tbody"), shown);
        shown.forEach((row) => next.add(row));
        if (group.hidden !== (shown.length === 0)) group.hidden = shown.length === 0;
        const label = group.querySelector("[data-count]");
        if (label) label.textContent = bucket.rows.length === bucket.total ? bucket.total : bucket.rows.length + " of " + bucket.total;
      });
      shownRows.forEach((row) => next.has(row) || (row.hidden = true));
      next.forEach((row) => row.hidden && (row.hidden = false));
      shownRows = next;
      report(matched, Math.min(matched, limit), order.length);
    }

    function container() {
      return by ? root.querySelector('[data-by="' + by + '"]') : root;
    }

    function filter() {
      const allowed = {};
      form.querySelectorAll("input[type=checkbox]").forEach((box) => {
        allowed[box.name] = allowed[box.name] || new Set();
        if (box.checked) allowed[box.name].add(box.value);
      });
      const sets = Object.entries(allowed);
      const selects = Array.from(form.querySelectorAll("select")).filter((s) => s.value);
      const query = (form.elements.q ? form.elements.q.value : "").trim().toLowerCase();
      return (item) =>
        sets.every(([name, values]) => values.has(item.data[name])) &&
        selects.every((select) => item.data[select.name] === select.value) &&
        (!query || item.text.includes(query));
    }

    function report(matched, shown, total) {
      const noun = total === 1 ? root.dataset.one : root.dataset.many;
      let status = matched === total ? "All " + total + " " + noun : matched + " of " + total + " " + noun;
      status += shown < matched ? " (the first " + shown + " shown)" : matched === total ? "" : " shown";
      root.querySelector("[data-shown]").textContent = status;
      root.querySelector("[data-empty]").hidden = matched > 0;
      more.parentNode.hidden = shown === matched;
      more.textContent = "Show " + Math.min(PAGE, matched - shown) + " more (" + (matched - shown) + " not shown)";
    }

    // Group by section or by kind; new findings stay first.
    function regroup(value) {
      by = value;
      root.querySelectorAll("[data-by]").forEach((c) => (c.hidden = c.dataset.by !== by));
      apply(limit);
    }

    function sortBy(button) {
      const cell = button.parentElement;
      const ascending = cell.getAttribute("aria-sort") !== "ascending";
      const name = button.dataset.sort;
      if (!keys.has(name)) keys.set(name, sortKeys(order, name, button.dataset.type, cell.cellIndex));
      const key = keys.get(name);
      order = order.slice().sort((a, b) => compare(key.get(a), key.get(b), ascending) || a.data.i - b.data.i);
      root.querySelectorAll("th[aria-sort]").forEach((th) => th.removeAttribute("aria-sort"));
      root.querySelectorAll('th button[data-sort="' + name + '"]').forEach((b) => {
        b.parentElement.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      });
      apply(limit);
    }
  }

  // Put `rows` in this order at the top of `body`, moving only the rows out of place; rows that
  // are not wanted may stay in between (they are hidden).
  function place(body, rows) {
    const wanted = new Set(rows);
    let cursor = body.firstElementChild;
    rows.forEach((row) => {
      while (cursor && cursor !== row && !wanted.has(cursor)) cursor = cursor.nextElementSibling;
      if (cursor === row) cursor = cursor.nextElementSibling;
      else body.insertBefore(row, cursor);
    });
  }

  // A number per row to sort by: the value itself, or the rank of the text among the column's
  // texts (comparing numbers is far quicker than collating strings, and the ranks are kept).
  function sortKeys(items, name, type, column) {
    if (type === "num") {
      return new Map(items.map((item) => [item, item.data[name] === "" ? null : Number(item.data[name])]));
    }
    const texts = new Map(items.map((item) => [item, item.row.cells[column].textContent.trim()]));
    const ranks = new Map(Array.from(new Set(texts.values())).sort(collator.compare).map((t, i) => [t, i]));
    return new Map(items.map((item) => [item, ranks.get(texts.get(item))]));
  }

  // Empty values (no HTTP status, no time) sort last whichever the direction.
  function compare(a, b, ascending) {
    if (a === null || b === null) return (a === null) - (b === null);
    return ascending ? a - b : b - a;
  }
})();
