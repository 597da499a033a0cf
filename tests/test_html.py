"""The side-by-side page in a real browser: Debian's chromium driven by Playwright.

Locally these tests skip when chromium or Playwright is missing; `.ci/run` installs both.
"""

import json
import shutil
from pathlib import Path

import pytest

import tipdiff
from tipdiff.render import render_html, render_json

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = [
    pytest.mark.slow,  # a real browser: about ten seconds in all
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


def page_file(tmp_path: Path, old, new, name="page.html") -> Path:
    comparison = tipdiff.compare(old, new)
    path = tmp_path / name
    path.write_text(render_html(comparison, tipdiff.narrate(comparison)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page_2022_2023(tmp_path_factory, report_2022, report_2023) -> Path:
    return page_file(tmp_path_factory.mktemp("html"), report_2022, report_2023)


@pytest.fixture
def page(browser, page_2022_2023):
    tab = browser.new_page(viewport={"width": 1400, "height": 900})
    tab.errors, tab.requests = [], []
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.goto(page_2022_2023.as_uri(), wait_until="load")
    yield tab
    tab.close()


def test_the_page_is_small(page_2022_2023):
    assert page_2022_2023.stat().st_size < 400_000


def test_no_console_errors_and_no_network(page, page_2022_2023):
    assert page.errors == []
    assert page.requests == [page_2022_2023.as_uri()]


def test_old_and_new_cells_of_a_row_share_their_top_edge(page):
    tops = page.eval_on_selector_all(
        "tr.change:not([hidden])",
        """rows => rows.filter(r => r.offsetParent !== null).slice(0, 80).map(r =>
             [r.cells[0].getBoundingClientRect().top, r.cells[1].getBoundingClientRect().top])""",
    )
    assert len(tops) >= 50
    assert all(abs(old - new) < 1 for old, new in tops)


def test_counts_match_the_json_and_the_filter_hides_unchanged(page, report_2022, report_2023):
    counts = json.loads(render_json(tipdiff.compare(report_2022, report_2023)))["counts"]
    for kind, count in counts.items():
        assert page.locator(f"tr.change[data-kind={kind}]").count() == count
        assert page.locator(f"[data-count={kind}]").inner_text() == str(count)
    page.locator("input[name=kind][value=unchanged]").uncheck()
    visible_unchanged = page.eval_on_selector_all(
        "tr.change[data-kind=unchanged]", "rows => rows.filter(r => r.offsetParent !== null).length"
    )
    assert visible_unchanged == 0
    assert page.locator("tr.change[data-kind=added]:visible").count() == counts["added"]


def test_unchanged_runs_fold_and_unfold(page):
    run = page.locator("tbody.unchanged-run").first
    size = int(run.get_attribute("data-size"))
    assert run.locator("tr.change:visible").count() == 0
    run.get_by_role("button").click()
    assert run.locator("tr.change:visible").count() == size


def test_keyboard_moves_to_the_next_and_previous_change(page):
    changes = page.eval_on_selector_all("tr.change:not([data-kind=unchanged])", "rows => rows.map(r => r.id)")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == changes[0]
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == changes[1]
    assert page.evaluate("location.hash") == f"#{changes[1]}"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == changes[0]


def test_a_permalink_opens_a_folded_row(browser, page_2022_2023):
    tab = browser.new_page()
    tab.goto(page_2022_2023.as_uri())
    folded = tab.eval_on_selector("tbody.unchanged-run tr.change", "row => row.id")
    tab.goto(f"{page_2022_2023.as_uri()}#{folded}")
    assert tab.locator(f"#{folded}").is_visible()
    tab.close()


def test_phone_width_stacks_the_columns(browser, page_2022_2023):
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(page_2022_2023.as_uri())
    row = tab.locator("tr.change.reworded").first
    old, new = row.locator("td.old").bounding_box(), row.locator("td.new").bounding_box()
    assert new["y"] >= old["y"] + old["height"] - 1  # the new side sits under the old one
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.close()


def test_report_text_is_escaped(browser, tmp_path):
    payload = 'The minister said <script>window.pwned = 1</script> and "><img src=x onerror="window.pwned = 2">.'
    old = tipdiff.parse_report("PROTECTION\nThe government maintained protection efforts. Shelters were open.\n", "old")
    new = tipdiff.parse_report(f"PROTECTION\nThe government maintained protection efforts. {payload}\n", "new")
    tab = browser.new_page()
    tab.goto(page_file(tmp_path, old, new).as_uri())
    assert tab.evaluate("window.pwned") is None
    assert tab.locator("img").count() == 0
    assert "<script>window.pwned = 1</script>" in tab.locator("main").inner_text()
    tab.close()
