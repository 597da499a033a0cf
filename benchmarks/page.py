"""How responsive the side-by-side page is on a large pair, in a real browser.

    python benchmarks/page.py [--repeat N] [--times T] [--page FILE]

The two bundled reports, each repeated T times (30: about 1 MB each, some 8,000 rows), are
rendered by `tipdiff compare -f html` in a fresh process (timed once, with the page's size), then
opened in headless Chromium (Debian's /usr/bin/chromium driven by Playwright; viewport 1440x900).
`--page FILE` measures a page already rendered instead (a copy with an experimental fix, say).

Each measure is the median of N repetitions, in milliseconds, taken inside the page: from
`performance.now()` just before the action (a click dispatched on the control, or a real key
press through the browser's input) until two animation frames after it, so that the style,
layout and paint it causes are counted. At 60 frames a second that is never less than about
17 ms, and up to 33 ms for an action that costs nothing. The "script" column is the part spent
in the page's own handlers, layout forced by them included.

- load: navigation start to the load event, to the first contentful paint, and to the first row
  in the document (two frames after the parser added it); each in a fresh tab.
- list of changes: opening "All changes" the first time, in that fresh tab.
- filter: unchecking "unchanged", then checking it again; fold: "fold unchanged" off, then on;
  one fold: the middle fold's button, open and closed again.
- next change: `j` and `k` pressed, and `#next` clicked, with the page scrolled to its middle.
- inline view and back; scrolling to the end and back to the top.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import scaled_pair
from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1440, "height": 900}
TARGETS = {"filter": 300, "fold": 300, "next change": 50}  # ms, from the issue

# Installed in every tab before the page's own script: when the parser adds the first row.
FIRST_ROW = """
new MutationObserver((records, observer) => {
  if (!document.querySelector(".body > .row")) return;
  observer.disconnect();
  const added = performance.now();
  requestAnimationFrame(() => requestAnimationFrame(() => { window.firstRow = [added, performance.now()]; }));
}).observe(document, { childList: true, subtree: true });
"""

# The timers, added to a loaded page.
TIMERS = """() => {
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const task = () => new Promise((done) => setTimeout(done));
  // Click `selector`; with `event` (on `selector`'s element or `on`), the handlers' part ends when it fires.
  window.timeClick = async (selector, event, on) => {
    await frames();
    await task();
    const element = document.querySelector(selector);
    const fired = event && new Promise((done) =>
      document.querySelector(on || selector).addEventListener(event, () => done(performance.now()), { once: true }));
    const start = performance.now();
    element.click();
    const script = (event ? await fired : performance.now()) - start;
    await frames();
    return [performance.now() - start, script];
  };
  window.timeScroll = async (top) => {
    await frames();
    await task();
    const start = performance.now();
    scrollTo(0, top === "end" ? document.body.scrollHeight : top);
    const script = performance.now() - start;
    await frames();
    return [performance.now() - start, script];
  };
  // The next keydown, from the first listener (window, capturing) to after the last (window, bubbling).
  window.armKey = () => {
    let start;
    addEventListener("keydown", () => { start = performance.now(); }, { capture: true, once: true });
    window.keyTimes = new Promise((done) => addEventListener("keydown", async () => {
      const script = performance.now() - start;
      await frames();
      done([performance.now() - start, script]);
    }, { once: true }));
  };
  window.settle = async () => { await frames(); await task(); };
}"""


def build(times: int, folder: Path) -> tuple[Path, float]:
    old, new = scaled_pair(folder, times)
    page = folder / "page.html"
    command = [sys.executable, "-m", "tipdiff", "compare", str(old), str(new), "-f", "html", "-o", str(page)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return page, time.perf_counter() - start


def open_tab(browser, path: Path, errors: list[str]) -> Page:
    tab = browser.new_page(viewport=VIEWPORT)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.add_init_script(FIRST_ROW)
    tab.goto(path.as_uri(), wait_until="load")
    tab.evaluate(TIMERS)
    tab.evaluate("settle()")
    return tab


def loads(browser, path: Path, repeat: int, results: dict, errors: list[str]) -> None:
    """Fresh tabs: the load timings, then the first opening of the list of changes."""
    for _ in range(repeat):
        tab = open_tab(browser, path, errors)
        load, paint, (row, row_painted) = tab.evaluate("""() => [
            performance.getEntriesByType("navigation")[0].loadEventEnd,
            performance.getEntriesByType("paint").find((entry) => entry.name === "first-contentful-paint").startTime,
            window.firstRow]""")
        results.setdefault("load: load event", []).append((load, None))
        results.setdefault("load: first contentful paint", []).append((paint, None))
        results.setdefault("load: first row parsed", []).append((row, None))
        results.setdefault("load: first row parsed, +2 frames", []).append((row_painted, None))
        opened = tab.evaluate("timeClick('#change-list > summary', 'toggle', '#change-list')")
        results.setdefault("open the list of changes", []).append(opened)
        tab.close()


def pair(tab: Page, results: dict, names: tuple[str, str], selectors: tuple[str, str], repeat: int) -> None:
    """Click the first selector, then the second (which undoes it), `repeat` times."""
    for _ in range(repeat):
        for name, selector in zip(names, selectors, strict=True):
            results.setdefault(name, []).append(tab.evaluate("s => timeClick(s)", selector))


def key(tab: Page, key_name: str) -> list[float]:
    tab.evaluate("armKey()")
    tab.keyboard.press(key_name)
    return tab.evaluate("keyTimes")


def interactions(tab: Page, repeat: int, results: dict) -> None:
    """On rows, not the narrative: the page is scrolled to its middle fold (marked data-bench) first."""
    tab.evaluate("""() => {
        const folds = document.querySelectorAll(".fold button");
        folds[folds.length >> 1].setAttribute("data-bench", "");
    }""")
    to_middle_fold = "document.querySelector('.fold button[data-bench]').scrollIntoView({ block: 'center' })"
    tab.evaluate(to_middle_fold)
    unchanged = "#filters input[name=kind][value=unchanged]"
    pair(tab, results, ("filter: hide unchanged", "filter: show unchanged"), (unchanged, unchanged), repeat)
    pair(tab, results, ("fold: open all unchanged", "fold: fold them again"), ("#collapse", "#collapse"), repeat)
    tab.evaluate(to_middle_fold)
    middle = ".fold button[data-bench]"
    pair(tab, results, ("one fold: open", "one fold: close"), (middle, middle), repeat)
    for name, action in {
        "next change: j": lambda: key(tab, "j"),
        "next change: k": lambda: key(tab, "k"),
        "next change: click #next": lambda: tab.evaluate("timeClick('#next')"),
    }.items():
        for _ in range(repeat):
            tab.evaluate("scrollTo(0, document.body.scrollHeight / 2)")
            tab.evaluate("settle()")
            results.setdefault(name, []).append(action())
    tab.evaluate(to_middle_fold)
    views = ("#filters input[name=view][value=inline]", "#filters input[name=view][value=side]")
    pair(tab, results, ("view: inline", "view: side by side"), views, repeat)
    for _ in range(repeat):
        results.setdefault("scroll to the end", []).append(tab.evaluate("timeScroll('end')"))
        results.setdefault("scroll back to the top", []).append(tab.evaluate("timeScroll(0)"))


def target(name: str) -> str:
    kind = name.split(":")[0]
    return f"< {TARGETS[kind]}" if kind in TARGETS else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--times", type=int, default=30, help="how many times each report is repeated")
    parser.add_argument("--page", type=Path, help="measure this rendered page instead of building one")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as driver:
        if arguments.page:
            path = arguments.page.resolve()
            print(f"page {path}", end="")
        else:
            path, seconds = build(arguments.times, Path(folder))
            print(
                f"2022 -> 2023, each repeated {arguments.times} times, `tipdiff compare -f html`: {seconds:.1f} s",
                end="",
            )
        print(f", {path.stat().st_size / 2**20:.1f} MB")
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        results: dict[str, list] = {}
        errors: list[str] = []
        loads(browser, path, arguments.repeat, results, errors)
        tab = open_tab(browser, path, errors)
        rows = tab.evaluate("document.querySelectorAll('.body > .row').length")
        shown = tab.evaluate("document.querySelectorAll('.body > .row:not([hidden])').length")
        heap = tab.context.new_cdp_session(tab).send("Runtime.getHeapUsage")  # precise, unlike performance.memory
        interactions(tab, arguments.repeat, results)
        browser.close()
    print(f"{rows} rows ({shown} shown at first); heap after load: JS {heap['usedSize'] / 2**20:.1f} MB,"
          f" DOM (Blink) {heap['embedderHeapUsedSize'] / 2**20:.0f} MB")  # fmt: skip
    print(f"\nmedian of {arguments.repeat}, ms, until two frames after the action\n")
    print("| measure | median ms | script ms | target ms |")
    print("|---|---:|---:|---:|")
    for name, values in results.items():
        total = statistics.median(v[0] for v in values)
        scripts = [v[1] for v in values if v[1] is not None]
        script = f"{statistics.median(scripts):.0f}" if scripts else ""
        print(f"| {name} | {total:.0f} | {script} | {target(name)} |")
    if errors:
        print("\npage errors:", *errors, sep="\n  ")


if __name__ == "__main__":
    main()
