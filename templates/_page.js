(() => {
  "use strict";
  const form = document.getElementById("filters");
  const collapse = document.getElementById("collapse");
  const rows = Array.from(document.querySelectorAll("tr.change"));
  const runs = Array.from(document.querySelectorAll("tbody.unchanged-run"));

  function shownKinds() {
    return new Set(Array.from(form.querySelectorAll("input[name=kind]:checked"), (input) => input.value));
  }

  function apply() {
    const shown = shownKinds();
    for (const row of rows) row.hidden = !shown.has(row.dataset.kind);
    for (const run of runs) {
      const folded = collapse.checked && shown.has("unchanged") && !run.classList.contains("open");
      run.classList.toggle("folded", folded);
      const fold = run.querySelector("tr.fold");
      fold.hidden = !folded;
      fold.querySelector("button").setAttribute("aria-expanded", String(!folded));
    }
  }

  function unfoldAround(target) {
    const run = target && target.closest("tbody.unchanged-run");
    if (run) { run.classList.add("open"); apply(); }
  }

  function visibleChanges() {
    return rows.filter((row) => row.dataset.kind !== "unchanged" && !row.hidden);
  }

  function move(step) {
    const changes = visibleChanges();
    if (!changes.length) return;
    let index = changes.indexOf(document.activeElement);
    if (index < 0) {
      // Start from where the reader is: the first change below the top of the screen.
      index = changes.findIndex((row) => row.getBoundingClientRect().top > 80);
      index = index < 0 ? changes.length : index;
      index = step > 0 ? index - 1 : index;
    }
    const target = changes[Math.min(Math.max(index + step, 0), changes.length - 1)];
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#" + target.id);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  for (const run of runs) {
    run.querySelector("button.unfold").addEventListener("click", () => { run.classList.add("open"); apply(); });
  }
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.matches("input, textarea, select")) return;
    if (event.key === "j" || event.key === "n") { event.preventDefault(); move(1); }
    if (event.key === "k" || event.key === "p") { event.preventDefault(); move(-1); }
  });
  window.addEventListener("hashchange", () => unfoldAround(document.getElementById(location.hash.slice(1))));
  apply();
  unfoldAround(location.hash && document.getElementById(location.hash.slice(1)));
})();
