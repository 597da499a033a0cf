"""The side-by-side page's rows (`tipdiff/page.py`) and what the page says, without a browser:
what is counted and stepped through, where a moved sentence is marked, what the chips claim."""

import re
from html.parser import HTMLParser

import pytest

import tipdiff
from tipdiff.markdown import markdown_html
from tipdiff.page import OUTSIDE, Move, page_counts, page_sections
from tipdiff.profiles.tip import TIP
from tipdiff.render import render_html
from tipdiff.wording import chips

OLD = """PROSECUTION
The government maintained law enforcement efforts. Police arrested 12 suspects in 2021.
Courts convicted nine traffickers. The law criminalized sex trafficking and labor trafficking.

PROTECTION
The government maintained protection efforts. Authorities identified 40 victims in 2021.
Shelters offered psychological care to adult victims.
"""

NEW = """PROSECUTION
The government maintained law enforcement efforts. Police arrested 15 suspects in 2022.
The law criminalized sex trafficking and labor trafficking.

PROTECTION
The government maintained protection efforts. Authorities identified 35 victims in 2022.
Courts convicted nine traffickers.
Shelters offered psychological care to adult victims.
"""


def sections_of(old, new):
    comparison = tipdiff.compare(old, new)
    return comparison, page_sections(comparison, tipdiff.narrate(comparison), TIP.title)


def rows_of(sections):
    return [row for section in sections for run in section.runs for row in run.rows]


class Links(HTMLParser):
    """Every id and every in-page link of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and (attributes.get("href") or "").startswith("#"):
            self.links.append(attributes["href"][1:])


def test_a_moved_sentence_is_marked_where_it_stood_and_both_ends_link_to_each_other():
    _, sections = sections_of(tipdiff.parse_report(OLD, "old.txt"), tipdiff.parse_report(NEW, "new.txt"))
    rows = rows_of(sections)
    moved = next(r for r in rows if r.partner and not r.marker)
    marker = next(r for r in rows if r.id == moved.partner)
    assert marker.marker and marker.partner == moved.id
    assert moved.change.old[0].text == "Courts convicted nine traffickers."
    # the marker stands in Prosecution, right after the sentence it followed in the old report
    prosecution = rows_of([s for s in sections if s.key == "prosecution"])
    before = prosecution[prosecution.index(marker) - 1]
    assert "arrested" in " ".join(s.text for s in before.change.old)
    assert moved in rows_of([s for s in sections if s.key == "protection"])
    assert marker.move == Move("to", "Protection") and moved.move == Move("from", "Prosecution")
    # a marker is no change of its own: counted once, with its move
    assert sum(page_counts(sections).values()) == len(tipdiff.compare(OLD, NEW).changes)


def test_a_move_inside_a_section_says_up_or_down():
    old = "PROTECTION\nShelters were open. Victims received care. Officials were trained. Police referred victims.\n"
    new = "PROTECTION\nPolice referred victims. Shelters were open. Victims received care. Officials were trained.\n"
    _, sections = sections_of(tipdiff.parse_report(old, "old.txt"), tipdiff.parse_report(new, "new.txt"))
    rows = rows_of(sections)
    moved = [r for r in rows if r.partner]
    assert moved, "the reordered sentence is a move"
    for row in moved:
        partner = next(r for r in rows if r.id == row.partner)
        later = rows.index(partner) > rows.index(row)
        if row.marker:
            assert row.move == Move("down" if later else "up")
        else:
            assert row.move == Move("from below" if later else "from above")


def test_an_excerpt_counts_only_what_it_covers(all_reports):
    comparison, sections = sections_of(all_reports["2021-protection-excerpt"], all_reports["2022"])
    counts = page_counts(sections)
    protection = next(s for s in comparison.sections if s.key == "protection")
    for kind in ("added", "removed", "reworded", "figures", "unchanged"):
        assert counts[kind] == sum(c.label.value == kind for c in protection.changes)
    assert counts[OUTSIDE] == len(comparison.changes) - len(protection.changes)
    for section in sections:
        kinds = {row.kind for run in section.runs for row in run.rows}
        assert (kinds == {OUTSIDE}) is (section.key != "protection")
        assert section.compared is (section.key == "protection")


def test_whole_editions_have_nothing_outside(report_2022, report_2023):
    _, sections = sections_of(report_2022, report_2023)
    assert page_counts(sections)[OUTSIDE] == 0


def test_unchanged_runs_fold_but_a_move_never_does(report_2022, report_2023):
    _, sections = sections_of(report_2022, report_2023)
    for section in sections:
        for run in section.runs:
            if run.folded:
                assert run.kind in ("unchanged", OUTSIDE)
                assert all(row.kind == run.kind and not row.partner for row in run.rows)
            else:
                assert len(run.rows) == 1
                assert run.rows[0].kind not in ("unchanged", OUTSIDE) or run.rows[0].partner


def test_chips_never_pair_numbers_by_position():
    old = "PROSECUTION\nIn 2021, police arrested 12 suspects and rescued 40 victims.\n"
    new = "PROSECUTION\nIn 2022, police arrested 15 suspects and opened 3 shelters.\n"
    comparison = tipdiff.compare(tipdiff.parse_report(old, "old.txt"), tipdiff.parse_report(new, "new.txt"))
    change = next(c for c in comparison.changes if c.old and c.new)
    shown = chips(change, 2021, 2022)
    assert all(chip.label for chip in shown)
    assert not any(chip.old and "40" in chip.old and chip.new and "3" in chip.new for chip in shown)
    arrested = [chip for chip in shown if chip.old and chip.new]
    assert [(chip.old, chip.new) for chip in arrested] == [("12 (2021)", "15 (2022)")]


def test_every_chip_on_the_page_is_a_like_for_like_fact(report_2022, report_2023):
    comparison = tipdiff.compare(report_2022, report_2023)
    page = render_html(comparison, tipdiff.narrate(comparison))
    facts = sum(len(c.facts) for c in comparison.changes if c.new)
    assert page.count('<span class="figure ') == facts
    victims = re.search(r"victims identified: <s>([^<]*)</s> → <b>([^<]*)</b>", page)
    assert victims and victims.groups() == ("744 (2021)", "440 (2022)")


@pytest.mark.parametrize(
    ("old", "new"),
    [("2022", "2023"), ("2021-protection-excerpt", "2022"), ("2018-web-scrape", "2023"), ("2023", "2010-wikipedia")],
)
def test_every_link_on_the_page_goes_to_a_row_or_section_of_it(all_reports, old, new):
    comparison = tipdiff.compare(all_reports[old], all_reports[new])
    page = render_html(comparison, tipdiff.narrate(comparison))
    links = Links()
    links.feed(page)
    assert links.links and set(links.links) <= links.ids
    assert "--detail full" not in page and "--format html" not in page  # the page is not told to run a command


def test_the_narrative_s_cut_findings_link_to_their_section_s_rows(report_2022, report_2023):
    comparison = tipdiff.compare(report_2022, report_2023)
    page = render_html(comparison, tipdiff.narrate(comparison))
    more = re.findall(r'… \d+ more: <a href="#(section-[^"]+)">the rows below</a> show them', page)
    assert more and all(f'<section class="compared" id="{anchor}"' in page for anchor in more)


PAIRS = [("2022", "2023"), ("2023", "2022"), ("2023", "2021-protection-excerpt"), ("2018-web-scrape", "2023")]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_no_move_goes_nowhere(all_reports, old, new):
    """A move is shown only where its two ends stand apart: some sentence, or another section,
    between the marker and the sentence; and only from a section whose order means something."""
    _, sections = sections_of(all_reports[old], all_reports[new])
    place = {row.id: (k, j) for k, s in enumerate(sections) for j, row in enumerate(rows_of([s]))}
    for section in sections:
        rows = rows_of([section])
        for row in rows:
            if row.marker:
                (k, j), (other, there) = place[row.id], place[row.partner]
                low, high = sorted((j, there))
                assert other != k or any(not r.marker for r in rows[low + 1 : high]), row.id
            assert bool(row.partner) == bool(row.move)
    assert sum(row.step for row in rows_of(sections)) == sum(
        n for kind, n in page_counts(sections).items() if kind not in ("unchanged", OUTSIDE)
    ) + sum(1 for row in rows_of(sections) if row.partner and not row.marker and row.kind in ("unchanged", OUTSIDE))


def test_a_phone_card_s_labels_are_the_headers_as_read_not_their_markdown():
    html = markdown_html("| What | `old_*draft*.txt` | new\\_one |\n| --- | --- | --- |\n| victims | 1 | 2 |\n")
    assert 'data-label="old_*draft*.txt"' in html and 'data-label="new_one"' in html
