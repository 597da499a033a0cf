(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const bar = $("bar");
  const form = $("filters");
  const collapse = $("collapse");
  const shortcuts = $("shortcuts");
  const position = $("position");
  const menu = $("change-list");
  const options = $("options");
  const kinds = Array.from(form.querySelectorAll("input[name=kind]"));
  const views = Array.from(form.querySelectorAll("input[name=view]"));
  const rows = Array.from(document.querySelectorAll(".body > .row"));
  const steps = rows.filter((row) => row.hasAttribute("data-step")); // what the navigator stops at (page.py)
  const sections = Array.from(document.querySelectorAll("section.compared"));
  const sectionOf = new Map(); // row -> its section's place, for the navigator's search
  sections.forEach((section, k) => { for (const row of section.querySelectorAll(".body > .row")) sectionOf.set(row, k); });
  const folds = Array.from(document.querySelectorAll(".fold"));
  const foldOf = new Map(folds.map((fold, k) => [fold.dataset.run, k]));
  const toggled = new Set(); // folds the reader opened or closed against "fold unchanged", by their place on the page
  const found = new Set(); // rows the browser's find revealed though filtered out
  let current = null; // the change the reader last moved to
  let listed = false; // whether the list of changes matches the filters

  // State in the URL: ?hide=unchanged,figures&fold=off&toggled=3.7&view=inline, then the row's #id.
  function readState() {
    const query = new URLSearchParams(location.search);
    const hidden = new Set((query.get("hide") || "").split(","));
    for (const input of kinds) input.checked = !hidden.has(input.value);
    collapse.checked = query.get("fold") !== "off";
    for (const k of (query.get("toggled") || "").split(".")) if (folds[k]) toggled.add(Number(k));
    const view = query.get("view") === "inline" ? "inline" : "side";
    for (const input of views) input.checked = input.value === view;
  }

  function writeState() {
    const query = new URLSearchParams(location.search);
    const set = (name, value) => (value ? query.set(name, value) : query.delete(name));
    set("hide", kinds.filter((input) => !input.checked).map((input) => input.value).join(","));
    set("fold", collapse.checked ? "" : "off");
    set("toggled", Array.from(toggled).sort((a, b) => a - b).join("."));
    set("view", views.find((input) => input.checked && input.value !== "side") ? "inline" : "");
    const search = query.toString();
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function conceal(row, hide) {
    // Hidden until found: the browser's find still sees a folded or filtered row, and reveals it.
    // Hidden from assistive technology too: a row whose cells are hidden is no row to read.
    if (hide && row.getAttribute("hidden") !== "until-found") {
      row.setAttribute("hidden", "until-found");
      row.setAttribute("aria-hidden", "true");
    } else if (!hide && row.hasAttribute("aria-hidden")) {
      row.removeAttribute("hidden");
      row.removeAttribute("aria-hidden");
    }
  }

  function isFolded(k) {
    const folding = folds[k].dataset.kind === "outside" || collapse.checked;
    return folding !== toggled.has(k);
  }

  function toggle(k) {
    if (toggled.has(k)) toggled.delete(k);
    else toggled.add(k);
  }

  function apply() {
    const shown = new Set(kinds.filter((input) => input.checked).map((input) => input.value));
    const folded = folds.map((fold, k) => {
      const shut = isFolded(k);
      fold.hidden = !shown.has(fold.dataset.kind);
      fold.querySelector("button").setAttribute("aria-expanded", String(!shut));
      return shut;
    });
    for (const row of rows) {
      const k = row.dataset.run ? foldOf.get(row.dataset.run) : -1;
      conceal(row, !found.has(row) && (!shown.has(row.dataset.kind) || (k >= 0 && folded[k])));
    }
    body.classList.toggle("inline", views.some((input) => input.checked && input.value === "inline"));
    listed = false;
    if (menu.open) list();
    showPosition();
  }

  function reveal(row) {
    // Open what hides a row: its fold if that is all, else the row alone.
    if (!row.hasAttribute("hidden")) return;
    const k = row.dataset.run ? foldOf.get(row.dataset.run) : -1;
    const kind = kinds.find((input) => input.value === row.dataset.kind);
    if (k >= 0 && (!kind || kind.checked)) toggle(k);
    else found.add(row);
    apply();
    writeState();
  }

  const shownSteps = () => steps.filter((row) => !row.hasAttribute("hidden"));
  const barBottom = () => bar.getBoundingClientRect().bottom;

  function firstBelow(list, y) {
    // Binary search: the first row whose top is below y (the rows are in page order). Sections
    // first: their boxes stay laid out while the browser skips drawing their rows, so only the
    // rows of one section are ever measured.
    const search = (low, high, below) => {
      while (low < high) {
        const middle = (low + high) >> 1;
        if (below(middle)) high = middle;
        else low = middle + 1;
      }
      return low;
    };
    const section = search(0, sections.length, (k) => sections[k].getBoundingClientRect().bottom > y);
    const start = search(0, list.length, (k) => sectionOf.get(list[k]) >= section);
    const end = search(start, list.length, (k) => sectionOf.get(list[k]) > section);
    return search(start, end, (k) => list[k].getBoundingClientRect().top > y);
  }

  function onScreen(row) {
    const box = row.getBoundingClientRect();
    return box.bottom > barBottom() && box.top < innerHeight;
  }

  function move(step) {
    const list = shownSteps();
    if (!list.length) return;
    let index = current && onScreen(current) ? list.indexOf(current) : -1;
    if (index >= 0) index += step;
    else {
      // From where the reader is: the first change below the bar, or the last one above it.
      const below = firstBelow(list, barBottom() + 2);
      index = step > 0 ? below : below - 1;
    }
    go(list[Math.min(Math.max(index, 0), list.length - 1)], "center");
  }

  function place(row, block) {
    row.scrollIntoView({ block });
    // Never under the bar or its section's sticky column headers, however tall they wrap.
    const head = row.closest(".diff").querySelector(".head");
    const covered = Math.max(barBottom(), head.getBoundingClientRect().bottom) - row.getBoundingClientRect().top;
    if (covered > 0) scrollBy(0, -covered - 4);
  }

  function go(row, block) {
    current = row;
    row.focus({ preventScroll: true });
    place(row, block);
    history.replaceState(history.state, "", location.pathname + location.search + "#" + row.id);
    showPosition();
    $("announce").textContent = position.textContent;
    // Rows are drawn only near the screen and take their real height as they appear: once they
    // have, the row may have shifted, and is placed again.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const top = row.getBoundingClientRect().top;
      if (current === row && (top < barBottom() - 1 || top > innerHeight - 40)) place(row, block);
    }));
  }

  function showPosition() {
    const list = shownSteps();
    if (!list.length) { position.textContent = "No change shown"; return; }
    let index = current ? list.indexOf(current) : -1;
    if (index < 0 || !onScreen(current)) index = Math.min(firstBelow(list, barBottom() + 2), list.length - 1);
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = " · " + list[index].closest("section").querySelector("h2").textContent;
    const word = document.createElement("span");
    word.className = "word";
    word.textContent = "Change ";
    position.replaceChildren(word, `${index + 1} of ${list.length}`, where);
    for (const item of $("changes").querySelectorAll("[aria-current]")) item.removeAttribute("aria-current");
    const item = listed && $("changes").children[index];
    if (item) item.setAttribute("aria-current", "true");
  }

  function words(row) {
    // A row's text as the reader sees it in the side-by-side view: no deletions on the new side.
    const cell = row.querySelector(".new .text") || row.querySelector(".old .text");
    let text = "";
    for (const node of cell ? cell.childNodes : []) if (node.nodeName !== "DEL") text += node.textContent;
    return text.trim().slice(0, 200);
  }

  function list() {
    // The list of changes, built when opened (a long pair has thousands).
    const items = shownSteps().map((row) => {
      const link = document.createElement("a");
      link.href = "#" + row.id;
      const badge = document.createElement("span");
      badge.className = "count " + row.dataset.kind;
      badge.textContent = row.querySelector(".badge").textContent;
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = " " + row.closest("section").querySelector("h2").textContent + ": ";
      link.append(badge, where, words(row));
      const item = document.createElement("li");
      item.append(link);
      return item;
    });
    $("changes").replaceChildren(...items);
    listed = true;
    showPosition();
    const at = $("changes").querySelector("[aria-current]");
    if (at) at.scrollIntoView({ block: "nearest" });
  }

  function inControl(target) {
    // Single-key shortcuts never fire in a form control or where keys type text (WCAG 2.1.4).
    return target.isContentEditable || Boolean(target.closest("input, textarea, select, button"));
  }

  function measure() {
    // Anchors land below the sticky bar and column headers, whatever their height at this width;
    // set only when it changed, since it restyles the whole page.
    const heads = Array.from(document.querySelectorAll(".head"));
    const sticky = heads.length && getComputedStyle(heads[0]).position === "sticky";
    const sizes = { "--bar": bar.offsetHeight + "px", "--head": (sticky ? Math.max(...heads.map((head) => head.offsetHeight)) : 0) + "px" };
    const style = document.documentElement.style;
    for (const [name, size] of Object.entries(sizes)) if (style.getPropertyValue(name) !== size) style.setProperty(name, size);
  }

  form.addEventListener("change", (event) => {
    if (event.target === shortcuts) {
      try { localStorage.setItem("tipdiff.shortcuts", shortcuts.checked ? "on" : "off"); } catch { /* a private window */ }
    } else {
      if (event.target === collapse) toggled.clear(); // every fold follows it again
      found.clear();
      apply();
      writeState();
    }
    // Clicked, not typed: the page takes the keys again, so j and k go on working.
    if (pointed) event.target.blur();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  folds.forEach((fold, k) => fold.querySelector("button").addEventListener("click", () => {
    toggle(k);
    apply();
    writeState();
  }));
  function disclose(button, open) {
    // A part of the narrative shown or folded; folded, it is still found by the browser's find.
    button.setAttribute("aria-expanded", String(open));
    const part = $(button.getAttribute("aria-controls"));
    if (open) part.removeAttribute("hidden");
    else part.setAttribute("hidden", "until-found");
  }

  for (const button of document.querySelectorAll(".disclose")) {
    button.addEventListener("click", () => disclose(button, button.getAttribute("aria-expanded") !== "true"));
  }
  document.addEventListener("beforematch", (event) => {
    const row = event.target.closest(".row");
    if (row) reveal(row);
    const part = event.target.closest(".part-body");
    if (part) disclose(document.querySelector(`[aria-controls="${part.id}"]`), true);
  });
  $("next").addEventListener("click", () => move(1));
  $("previous").addEventListener("click", () => move(-1));
  menu.addEventListener("toggle", () => { if (menu.open && !listed) list(); });
  $("changes").addEventListener("click", (event) => { if (event.target.closest("a")) menu.open = false; });
  document.addEventListener("keydown", (event) => {
    const shown = [menu, options].find((details) => details.open && getComputedStyle(details.querySelector(".panel")).position !== "static");
    if (event.key === "Escape" && shown) { shown.open = false; shown.querySelector("summary").focus(); return; }
    if (!shortcuts.checked || event.altKey || event.ctrlKey || event.metaKey || inControl(event.target)) return;
    if (event.key === "j" || event.key === "n") { event.preventDefault(); move(1); }
    if (event.key === "k" || event.key === "p") { event.preventDefault(); move(-1); }
  });
  let pointed = false; // whether the last input was a pointer's, not a key's
  document.addEventListener("keydown", () => { pointed = false; }, true);
  document.addEventListener("pointerdown", (event) => {
    pointed = true;
    // A selection started in one column stays in it: copying gives that report's text.
    const cell = event.target.closest(".body .row > div");
    body.classList.toggle("copy-old", Boolean(cell && cell.classList.contains("old")));
    body.classList.toggle("copy-new", Boolean(cell && cell.classList.contains("new")));
  });
  function arrive() {
    let id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch { return; } // a mangled link goes nowhere
    const row = id && document.getElementById(id);
    if (!row || !row.classList.contains("row")) return;
    reveal(row);
    go(row, "start");
  }
  window.addEventListener("hashchange", arrive);
  let ticking = false;
  window.addEventListener("scroll", () => {
    if (!ticking) { ticking = true; requestAnimationFrame(() => { ticking = false; showPosition(); }); }
  }, { passive: true });
  const wide = matchMedia("(min-width: 1100px)");
  options.open = wide.matches;
  wide.addEventListener("change", () => { options.open = wide.matches; });
  try { shortcuts.checked = localStorage.getItem("tipdiff.shortcuts") !== "off"; } catch { /* a private window */ }
  new ResizeObserver(measure).observe(bar);
  measure();
  readState();
  apply();
  arrive();
})();
