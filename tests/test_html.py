"""The side-by-side page in a real browser: Debian's chromium driven by Playwright, at desktop
(1440 px), tablet (820 px) and phone (390 px) widths, in light and dark mode.

Locally these tests skip when chromium or Playwright is missing; `.ci/run` installs both.
"""

import io
import json
import shutil
import tarfile
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import tipdiff
from tipdiff.render import render_html, render_json

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = [
    pytest.mark.slow,  # a real browser: about half a minute in all
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]
WIDTHS = (1440, 820, 390)
AXE = "https://registry.npmjs.org/axe-core/-/axe-core-4.10.3.tgz"
"""Deque's axe-core, the accessibility engine browsers' own audits use, from the npm registry."""


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


@pytest.fixture(scope="module")
def excerpt_page(tmp_path_factory, all_reports) -> Path:
    return page_file(tmp_path_factory.mktemp("html"), all_reports["2021-protection-excerpt"], all_reports["2022"])


@pytest.fixture
def open_tab(browser):
    """open_tab(path, width=1440, dark=False, touch=False, suffix=""): a fresh tab on the page,
    recording console errors and requests."""
    tabs = []

    def open_tab(path: Path, width=1440, dark=False, touch=False, suffix="", height=900):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme="dark" if dark else "light",
            has_touch=touch,
            is_mobile=touch,
        )
        tab = context.new_page()
        tab.errors, tab.requests = [], []
        tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        tab.on("request", lambda request: tab.requests.append(request.url))
        tab.goto(path.as_uri() + suffix, wait_until="load")
        tabs.append(context)
        return tab

    yield open_tab
    for context in tabs:
        context.close()


@pytest.fixture
def page(open_tab, page_2022_2023):
    return open_tab(page_2022_2023)


def visible_ids(tab, selector: str) -> list[str]:
    """The rows a reader sees: a row hidden until found keeps its box, but none of its cells shows."""
    return tab.eval_on_selector_all(
        selector, "rows => rows.filter(r => Array.from(r.children).some(c => c.checkVisibility())).map(r => r.id)"
    )


def steps(tab) -> list[str]:
    """The rows the navigator steps through, in page order (which `page.py` chooses)."""
    return tab.eval_on_selector_all(".body > .row[data-step]", "rows => rows.map(r => r.id)")


def in_view(tab, selector: str) -> dict:
    """Where a row stands against the sticky bar and its section's column headers."""
    return tab.eval_on_selector(
        selector,
        """row => {
          const head = row.closest(".diff").querySelector(".head");
          const sticky = getComputedStyle(head).position === "sticky";
          return {top: row.getBoundingClientRect().top,
                  bar: document.getElementById("bar").getBoundingClientRect().bottom,
                  head: sticky ? head.getBoundingClientRect().bottom : 0,
                  bottom: innerHeight};
        }""",
    )


def test_the_page_is_small(page_2022_2023):
    assert page_2022_2023.stat().st_size < 400_000


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_no_console_errors_no_network_and_nothing_wider_than_the_screen(open_tab, page_2022_2023, width, dark):
    tab = open_tab(page_2022_2023, width, dark)
    assert tab.errors == []
    assert tab.requests == [page_2022_2023.as_uri()]
    assert tab.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", (1440, 820))
def test_old_and_new_cells_of_a_row_share_their_top_edge(open_tab, page_2022_2023, width):
    tab = open_tab(page_2022_2023, width)
    tops = tab.eval_on_selector_all(
        ".body > .row",
        """rows => rows.filter(r => r.children[0].checkVisibility()).slice(0, 80).map(r => {
             r.scrollIntoView();  // rows are drawn only near the screen
             return [r.children[0].getBoundingClientRect().top, r.children[1].getBoundingClientRect().top];
           })""",
    )
    assert len(tops) >= 50
    assert all(abs(old - new) < 1 for old, new in tops)


def test_counts_match_the_rows_and_the_json(page, report_2022, report_2023):
    counts = json.loads(render_json(tipdiff.compare(report_2022, report_2023)))["counts"]
    for kind, count in counts.items():
        assert page.locator(f".body > .row[data-kind={kind}]:not(.marker)").count() == count
        assert page.locator(f"[data-count={kind}]").inner_text() == str(count)
    assert page.locator("[data-count=outside]").count() == 0  # two whole editions: everything compared


def test_a_filter_hides_its_kind_and_the_address_keeps_it(page):
    page.locator("input[name=kind][value=unchanged]").uncheck()
    assert visible_ids(page, ".body > .row[data-kind=unchanged]") == []
    page.locator("input[name=view][value=inline]").check()
    assert "hide=unchanged" in page.url and "view=inline" in page.url
    page.reload()
    assert not page.locator("input[name=kind][value=unchanged]").is_checked()
    assert page.locator("input[name=view][value=inline]").is_checked()
    assert visible_ids(page, ".body > .row[data-kind=unchanged]") == []
    assert len(visible_ids(page, ".body > .row[data-kind=added]")) == page.locator(".row.added").count()


def test_a_fold_opens_and_closes_again_and_keeps_focus(page):
    fold = page.locator(".fold").nth(2)
    run = fold.get_attribute("data-run")
    rows = page.locator(f'.body > .row[data-run="{run}"]')
    button = fold.get_by_role("button")
    assert visible_ids(page, f'.body > .row[data-run="{run}"]') == []
    button.click()
    assert len(visible_ids(page, f'.body > .row[data-run="{run}"]')) == rows.count()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.closest('.fold') !== null")
    assert "toggled=2" in page.url
    page.reload()
    assert len(visible_ids(page, f'.body > .row[data-run="{run}"]')) == rows.count()
    button.click()
    assert visible_ids(page, f'.body > .row[data-run="{run}"]') == []
    assert button.get_attribute("aria-expanded") == "false" and "toggled=" not in page.url
    # with every fold open, one still closes, and stays closed over a reload
    page.locator("#collapse").uncheck()
    assert len(visible_ids(page, f'.body > .row[data-run="{run}"]')) == rows.count()
    button.click()
    assert visible_ids(page, f'.body > .row[data-run="{run}"]') == []
    page.reload()
    assert visible_ids(page, f'.body > .row[data-run="{run}"]') == []
    assert len(visible_ids(page, ".body > .row[data-kind=unchanged]")) > 0


UNIQUE_PHRASE = """rows => {
  // Six words of a row's text that stand nowhere else on the page.
  const squeeze = (node) => node.textContent.replace(/\\s+/g, " ");
  const page = squeeze(document.body);
  for (const row of rows) {
    const words = squeeze(row.querySelector(".text")).split(" ").filter(Boolean);
    for (let k = 0; k + 6 <= words.length; k++) {
      const phrase = words.slice(k, k + 6).join(" ");
      const times = (text) => text.split(phrase).length - 1;
      if (/^[A-Za-z ]+$/.test(phrase) && times(page) === times(squeeze(row))) return [row.id, phrase];
    }
  }
  return null;
}"""


def until(tab, script: str, arg=None, seconds=5.0) -> None:
    """Wait until `script` (a function of `arg`) is true: polled from outside, since the page's
    own policy forbids the evaluated strings that Playwright's wait_for_function uses."""
    for _ in range(int(seconds / 0.05)):
        if tab.evaluate(script, arg):
            return
        tab.wait_for_timeout(50)
    raise AssertionError(f"never true: {script}")


def settled(tab, selector: str) -> None:
    """Until a row stands still: rows drawn as they come near the screen take their height."""
    place = None
    for _ in range(40):
        tab.wait_for_timeout(50)
        now = tab.eval_on_selector(selector, "row => [row.getBoundingClientRect().top, scrollY]")
        if now == place:
            return
        place = now
    raise AssertionError(f"{selector} never stood still")


def filters(tab) -> None:
    """Open the filters where they fold away (narrower screens)."""
    if not tab.evaluate("document.getElementById('options').open"):
        tab.locator("#options summary").click()


def test_the_browser_s_find_reveals_a_folded_row_and_opens_its_fold(open_tab, page_2022_2023):
    tab = open_tab(page_2022_2023)
    row, phrase = tab.eval_on_selector_all(".body > .row[data-run]", UNIQUE_PHRASE)
    run = tab.get_attribute(f"#{row}", "data-run")
    # a text fragment finds text as the browser's find does, and reveals what is hidden until found
    tab = open_tab(page_2022_2023, suffix="#:~:text=" + urllib.parse.quote(phrase))
    until(tab, "id => document.getElementById(id).firstElementChild.checkVisibility()", row)
    assert len(visible_ids(tab, f'.body > .row[data-run="{run}"]')) == tab.locator(f'[data-run="{run}"].row').count()


def test_the_browser_s_find_reveals_a_filtered_row_alone(open_tab, page_2022_2023):
    tab = open_tab(page_2022_2023)
    row, phrase = tab.eval_on_selector_all(".body > .row[data-kind=added]", UNIQUE_PHRASE)
    tab = open_tab(page_2022_2023, suffix="?hide=added#:~:text=" + urllib.parse.quote(phrase))
    until(tab, "id => document.getElementById(id).firstElementChild.checkVisibility()", row)
    assert visible_ids(tab, ".body > .row[data-kind=added]") == [row]


def test_keys_work_after_a_click_on_a_filter_never_in_a_text_field_and_can_be_switched_off(page):
    changes = steps(page)
    page.locator("input[name=kind][value=figures]").click()
    page.locator("input[name=kind][value=figures]").click()  # focus stays on the checkbox
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == changes[0]
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == changes[1]
    assert page.evaluate("location.hash") == f"#{changes[1]}"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == changes[0]
    page.evaluate("document.body.append(Object.assign(document.createElement('input'), {id: 'typed'}))")
    page.locator("#typed").type("jk")
    assert page.locator("#typed").input_value() == "jk"
    assert page.evaluate("document.activeElement.id") == "typed"
    page.locator("input[name=kind][value=added]").focus()  # reached by the keyboard: a form control
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.value") == "added"
    page.locator("#shortcuts").uncheck()
    page.locator("#c3").focus()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "c3"
    page.reload()
    assert not page.locator("#shortcuts").is_checked()  # remembered, as a preference


@pytest.mark.parametrize("width", WIDTHS)
def test_next_and_previous_work_by_touch_and_say_where_the_reader_is(open_tab, page_2022_2023, width):
    tab = open_tab(page_2022_2023, width, touch=True)
    changes = steps(tab)
    assert tab.locator("#next").is_visible() and tab.locator("#previous").is_visible()

    def tap(button: str) -> None:  # where the finger is: Playwright's own tap would scroll the bar "into view" first
        box = tab.locator(button).bounding_box()
        tab.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    tap("#next")
    tap("#next")
    assert tab.evaluate("document.activeElement.id") == changes[1]
    assert f"2 of {len(changes)}" in tab.locator("#position").inner_text()
    tap("#previous")
    assert tab.evaluate("document.activeElement.id") == changes[0]
    assert f"1 of {len(changes)}" in tab.locator("#position").inner_text()
    assert tab.evaluate("document.getElementById('bar').getBoundingClientRect().top") == 0  # the bar stays


@pytest.mark.parametrize("width", WIDTHS)
def test_anchors_land_below_the_sticky_bar_and_headers_at_every_width(open_tab, page_2022_2023, width):
    tab = open_tab(page_2022_2023, width)
    marker = tab.eval_on_selector(".row.marker", "row => row.id")
    for target in (steps(tab)[60], steps(tab)[-1], marker):
        tab.evaluate(f"location.hash = '#{target}'")
        settled(tab, f"#{target}")
        where = in_view(tab, f"#{target}")
        assert where["top"] >= max(where["bar"], where["head"]) - 1, where
        assert where["top"] < where["bottom"], (target, where)


def test_column_headers_stick_under_the_bar(page):
    page.evaluate("location.hash = '#' + document.querySelector('#section-protection .body > .row:nth-child(30)').id")
    head = page.eval_on_selector("#section-protection .head", "head => head.getBoundingClientRect().top")
    bar = page.evaluate("document.getElementById('bar').getBoundingClientRect().bottom")
    assert abs(head - bar) < 2


def test_a_move_is_marked_at_both_ends_each_linking_to_the_other(page):
    moves = page.eval_on_selector_all(
        ".body > .row.moved",
        "rows => rows.map(r => [r.id, r.querySelector('a.move') && r.querySelector('a.move').hash])",
    )
    linked = [(row, link[1:]) for row, link in moves if link]
    assert linked
    for row, marker in linked:
        assert page.eval_on_selector(f"#{marker}", "m => m.querySelector('a.move').hash") == f"#{row}"
        assert page.locator(f"#{marker} .old .text").inner_text() == page.locator(f"#{row} .old .text").inner_text()
    row, marker = linked[0]
    assert page.locator(f"#{row}").is_visible() and page.locator(f"#{marker}").is_visible()
    page.locator(f"#{row} a.move").click()
    assert page.evaluate("location.hash") == f"#{marker}"
    settled(page, f"#{marker}")
    where = in_view(page, f"#{marker}")
    assert max(where["bar"], where["head"]) - 1 <= where["top"] < where["bottom"]
    page.locator(f"#{marker} a.move").click()
    assert page.evaluate("location.hash") == f"#{row}"


def test_the_list_of_changes_goes_to_the_change_chosen(page):
    changes = steps(page)
    page.locator("#change-list summary").click()
    items = page.locator("#changes li")
    assert items.count() == len(changes)
    items.nth(40).locator("a").click()
    assert page.evaluate("location.hash") == f"#{changes[40]}"
    assert not page.locator("#changes").is_visible()  # the list closes
    assert page.evaluate("document.activeElement.id") == changes[40]
    assert f"41 of {len(changes)}" in page.locator("#position").inner_text()


def test_an_excerpt_s_page_steps_and_counts_only_what_was_compared(open_tab, excerpt_page, all_reports):
    tab = open_tab(excerpt_page)
    comparison = tipdiff.compare(all_reports["2021-protection-excerpt"], all_reports["2022"])
    protection = next(s for s in comparison.sections if s.key == "protection")
    assert tab.locator("[data-count=added]").inner_text() == str(protection.counts[tipdiff.Label.ADDED])
    assert int(tab.locator("[data-count=outside]").inner_text()) == len(comparison.changes) - len(protection.changes)
    assert tab.locator(".row.added:not(#section-protection *)").count() == 0
    changes = steps(tab)
    assert f"of {len(changes)}" in tab.locator("#position").inner_text()
    for _ in range(len(changes) + 2):
        tab.keyboard.press("j")
        assert tab.evaluate("document.activeElement.closest('section').id") == "section-protection"
    assert visible_ids(tab, ".row.outside") == []
    assert tab.locator("#section-prevention .note").inner_text().startswith("None of these sentences was found")


def test_a_phone_keeps_the_key_figures_headers_and_every_row_s_badge(open_tab, page_2022_2023):
    tab = open_tab(page_2022_2023, 390)
    filters(tab)
    cells = tab.eval_on_selector_all(
        ".narrative table td",
        """cells => cells.map(td => [td.dataset.label, td.closest("table").querySelectorAll("th")[td.cellIndex].textContent,
                                      getComputedStyle(td, "::before").content])""",
    )
    assert cells and all(label == header and before != "none" for label, header, before in cells)
    tab.locator("#collapse").uncheck()
    for kind, badge in (("removed", "− removed"), ("added", "+ added"), ("reworded", "~ reworded")):
        row = tab.locator(f".body > .row.{kind}:not(.marker)").first
        row.scroll_into_view_if_needed()
        settled(tab, f".body > .row.{kind}:not(.marker)")
        assert row.locator(".badge").is_visible() and row.locator(".badge").inner_text() == badge
        assert row.locator(".permalink").is_visible()
    tab.locator(".body > .row.reworded").first.scroll_into_view_if_needed()
    old, new = (tab.locator(".body > .row.reworded").first.locator(side).bounding_box() for side in (".old", ".new"))
    assert new["y"] >= old["y"] + old["height"] - 1  # the new side under the old one


def test_the_inline_view_shows_each_change_as_one_text(page):
    row = page.locator(".body > .row.reworded:has(.old del):has(.new ins)").first
    row.scroll_into_view_if_needed()
    assert row.locator(".old").is_visible() and not row.locator(".new del").first.is_visible()
    page.locator("input[name=view][value=inline]").check()
    assert not row.locator(".old").is_visible()
    assert row.locator(".new del").first.is_visible() and row.locator(".new ins").first.is_visible()
    removed = page.locator(".body > .row.removed").first
    removed.scroll_into_view_if_needed()
    assert removed.locator(".old").is_visible() and not removed.locator(".new").is_visible()
    assert row.locator(".new").bounding_box()["width"] > 1000  # one column


def test_copying_one_side_copies_that_report_s_text_only(open_tab, page_2022_2023):
    page = open_tab(page_2022_2023, height=1800)  # room for a few rows of prose
    page.locator("#collapse").uncheck()
    section = page.locator("#section-prosecution")
    cells = section.locator(".body > .row[data-sides=both] .old .text")
    cells.nth(0).evaluate("text => { text.closest('.row').scrollIntoView({block: 'start'}); scrollBy(0, -150); }")
    settled(page, "#section-prosecution .body > .row[data-sides=both]")
    start = cells.nth(0).evaluate("text => text.getClientRects()[0].toJSON()")  # its first line, after the line number
    last = max(
        k for k in range(1, 5) if cells.nth(k).bounding_box()["y"] + cells.nth(k).bounding_box()["height"] < 1780
    )
    assert last >= 2
    end = cells.nth(last).evaluate("text => Array.from(text.getClientRects()).at(-1).toJSON()")
    page.mouse.move(start["x"] + 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["right"] - 2, end["y"] + end["height"] / 2, steps=8)
    page.mouse.up()
    copied = page.evaluate("getSelection().toString()")
    old_texts = [cells.nth(k).inner_text() for k in range(last + 1)]
    new_texts = section.locator(".body > .row[data-sides=both] .new .text").all_inner_texts()[: last + 1]
    assert all(text in copied for text in old_texts[1:last])
    assert not any(text in copied for text in new_texts if text not in old_texts)
    for furniture in ("reworded", "figures", "unchanged", "Before:", "#"):
        assert furniture not in copied


def test_copying_in_the_inline_view_copies_the_new_report_s_text(page):
    page.locator("input[name=view][value=inline]").check()
    row = page.locator(".body > .row.reworded:has(.old del):has(.new ins)").first
    row.scroll_into_view_if_needed()
    settled(page, ".body > .row.reworded:has(.old del):has(.new ins)")
    row.locator(".new .text").evaluate("text => getSelection().selectAllChildren(text)")
    page.mouse.move(0, 0)
    copied = page.evaluate("getSelection().toString()")
    deleted = row.locator(".new del").all_inner_texts()
    kept = row.locator(".new .text").evaluate(
        "text => Array.from(text.childNodes).filter(n => n.nodeName !== 'DEL').map(n => n.textContent).join('')"
    )
    assert copied.strip() == kept.strip()
    assert not any(word.strip() and word.strip() in copied for word in deleted if word.strip() not in kept)


def test_escape_closes_an_open_menu(open_tab, page_2022_2023):
    tab = open_tab(page_2022_2023, 390)
    for menu in ("#options", "#change-list"):
        tab.locator(f"{menu} summary").click()
        assert tab.evaluate(f"document.querySelector('{menu}').open")
        tab.keyboard.press("Escape")
        assert not tab.evaluate(f"document.querySelector('{menu}').open")


def test_two_identical_reports_give_a_page_with_nothing_to_step_through(open_tab, tmp_path, report_2023):
    tab = open_tab(page_file(tmp_path, report_2023, report_2023))
    assert steps(tab) == [] and tab.errors == []
    tab.keyboard.press("j")
    tab.locator("#next").click()
    assert tab.locator("#position").inner_text() == "No change shown" and tab.errors == []


def test_the_narrative_s_parts_fold_and_open_as_headings_with_buttons(page):
    button = page.get_by_role("heading", name="Section by section").get_by_role("button")
    assert button.get_attribute("aria-expanded") == "false"
    body = page.locator(f"#{button.get_attribute('aria-controls')}")
    assert not body.locator("li").first.is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and body.locator("li").first.is_visible()
    button.click()
    assert not body.locator("li").first.is_visible()
    briefing = page.get_by_role("heading", name="Briefing").get_by_role("button")
    assert briefing.get_attribute("aria-expanded") == "true"


def test_the_browser_s_find_opens_a_folded_part_of_the_narrative(open_tab, page_2022_2023):
    tab = open_tab(page_2022_2023)
    phrase = tab.eval_on_selector(
        ".part-body[hidden]",
        """body => {
          const squeeze = (node) => node.textContent.replace(/\\s+/g, " ");
          const page = squeeze(document.body);
          for (const item of body.querySelectorAll("li")) {
            const words = squeeze(item).split(" ").filter((w) => /^[A-Za-z]+$/.test(w));
            for (let k = 0; k + 5 <= words.length; k++) {
              const phrase = words.slice(k, k + 5).join(" ");
              if (page.split(phrase).length === 2) return phrase;
            }
          }
          return null;
        }""",
    )
    tab = open_tab(page_2022_2023, suffix="#:~:text=" + urllib.parse.quote(phrase))
    until(
        tab, "() => document.querySelector('.part-body:not([hidden])') && !document.querySelector('.part-body[hidden]')"
    )
    assert (
        tab.get_by_role("heading", name="Section by section").get_by_role("button").get_attribute("aria-expanded")
        == "true"
    )


def test_dark_mode_is_dark(open_tab, page_2022_2023):
    tab = open_tab(page_2022_2023, dark=True)
    background, ink = tab.evaluate(
        "[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]"
    )
    assert background == "rgb(13, 17, 23)" and ink == "rgb(230, 237, 243)"


def test_printing_shows_every_row_and_the_whole_narrative(page):
    page.emulate_media(media="print")
    assert len(visible_ids(page, ".body > .row")) == page.locator(".body > .row").count()
    assert page.locator(".narrative .part-body[hidden] li").first.is_visible()
    assert not page.locator("#bar").is_visible()


def test_report_text_is_escaped(open_tab, tmp_path):
    payload = 'The minister said <script>window.pwned = 1</script> and "><img src=x onerror="window.pwned = 2">.'
    old = tipdiff.parse_report("PROTECTION\nThe government maintained protection efforts. Shelters were open.\n", "old")
    new = tipdiff.parse_report(f"PROTECTION\nThe government maintained protection efforts. {payload}\n", "new")
    tab = open_tab(page_file(tmp_path, old, new))
    assert tab.evaluate("window.pwned") is None
    assert tab.locator("img").count() == 0
    assert "<script>window.pwned = 1</script>" in tab.locator("main").inner_text()


@pytest.fixture(scope="module")
def axe() -> str:
    with (
        urllib.request.urlopen(AXE, timeout=60) as response,
        tarfile.open(fileobj=io.BytesIO(response.read())) as package,
    ):
        return package.extractfile("package/axe.min.js").read().decode("utf-8")


@pytest.mark.network
@pytest.mark.parametrize(
    ("width", "dark"), [(1440, False), (1440, True), (820, False), (820, True), (390, False), (390, True)]
)
def test_axe_finds_no_wcag_aa_violation(open_tab, page_2022_2023, excerpt_page, axe, width, dark):
    for path in (page_2022_2023, excerpt_page):
        tab = open_tab(path, width, dark)
        filters(tab)
        tab.locator("#collapse").uncheck()  # every row shown
        tab.locator("#change-list summary").click()  # and the list of changes
        tab.evaluate(axe)  # through the protocol: the page's own policy forbids scripts from outside
        result = tab.evaluate(
            """axe.run(document, {runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
                 .then(r => r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].target.join(" "),
                                                   v.nodes[0].failureSummary]))"""
        )
        assert result == [], result
