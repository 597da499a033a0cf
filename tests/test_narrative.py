"""The "what changed this year" narrative: facts a person reads off the reports, every
pair of examples, and one small hand-made pair rendered in full (tests/narrative/)."""

import itertools
import re
from pathlib import Path

import pytest

import tipdiff
from tipdiff.facts.pairing import identity, period_of
from tipdiff.model import Label, MeaningShift, Period, Role
from tipdiff.narrative.meaning import is_cosmetic, meaning_shifts
from tipdiff.profiles import GENERIC
from tipdiff.profiles.tip import TIP
from tipdiff.render import render_narrative

GOLDEN = Path(__file__).parent / "narrative"


@pytest.fixture(scope="module")
def narrative_2022_2023(report_2022, report_2023):
    return tipdiff.narrate(tipdiff.compare(report_2022, report_2023), TIP)


def test_editions_name_country_and_years(narrative_2022_2023):
    old, new = narrative_2022_2023.old, narrative_2022_2023.new
    assert (old.country, old.year, old.data_year, old.tier) == ("Mexico", 2022, 2021, "Tier 2")
    assert (new.country, new.year, new.data_year, new.tier) == ("Mexico", 2023, 2022, "Tier 2")
    assert 0 < old.matched <= old.sentences and 0 < new.matched <= new.sentences


def test_tier_outcome_is_stated(narrative_2022_2023):
    text = render_narrative(narrative_2022_2023, TIP)
    assert "Mexico remained on Tier 2." in text


def test_the_three_verdict_shifts(narrative_2022_2023):
    verdicts = {s.subject: (s.old.phrase, s.new.phrase) for s in narrative_2022_2023.shifts if s.old and s.new}
    assert verdicts["prosecution"] == ("increased", "increased")
    assert verdicts["protection"] == ("maintained", "decreased")
    assert verdicts["prevention"] == ("maintained", "increased")


# Read off the two reports by a person: (words of the label, scope, old, new).
LARGEST_CHANGES = [
    ("victims identified", (), "744", "440"),
    ("state investigations", ("state",), "621", "798"),
    ("traffickers convicted", ("state",), "75", "111"),
    ("traffickers convicted", ("sex trafficking", "state"), "65", "81"),
    ("suspects prosecuted", ("state",), "95", "63"),
    ("federal investigations", ("federal",), "35", "33"),
    ("prosecuted", ("federal",), "76", "11"),
    ("humanitarian visas", (), "13", "five"),
]


@pytest.mark.parametrize(("label", "scope", "old", "new"), LARGEST_CHANGES)
def test_largest_figure_changes_are_in_the_table(narrative_2022_2023, label, scope, old, new):
    rows = [f for f in narrative_2022_2023.figures if (f.old.fact.text, f.new.fact.text) == (old, new)]
    assert rows, f"{label}: {old} -> {new} is missing"
    assert label in rows[0].label and rows[0].scope == scope
    assert (period_of(rows[0].old.fact, 2021), period_of(rows[0].new.fact, 2022)) == (Period(2021), Period(2022))
    assert not rows[0].restated


def test_no_row_pairs_what_a_reader_would_not(narrative_2022_2023):
    """The rows the issue found false: a state figure against a federal one, a part against its
    total, prison terms, ranks and years."""
    pairs = {(f.old.fact.text, f.new.fact.text) for f in narrative_2022_2023.figures}
    assert not pairs & {("65", "five"), ("66", "three"), ("five", "30"), ("3", "10"), ("135", "196"),
                        ("second", "third"), ("313", "86"), ("673", "744"), ("658", "673")}  # fmt: skip


@pytest.mark.parametrize("pair", list(itertools.permutations(["2010-wikipedia", "2018-web-scrape",
                                                              "2021-protection-excerpt", "2022", "2023"], 2)),
                         ids="->".join)  # fmt: skip
def test_key_figures_compare_like_for_like(all_reports, pair):
    """Every row compares one measure: the same identity (role, unit, measure, scope) on both
    sides, or a comparison one report itself states; each value cited where it stands."""
    old, new = (all_reports[name] for name in pair)
    narrative = tipdiff.narrate(tipdiff.compare(old, new), TIP)
    reports = {"old": old, "new": new}
    for row in narrative.figures:
        before, after = row.old.fact, row.new.fact
        assert before.role is after.role and before.role.measurable and before.unit == after.unit
        said = _compares(reports[row.new.report], after, before.value) or _compares(
            reports[row.old.report], before, after.value
        )
        assert identity(before) == identity(after) or said, row
        assert before in row.old.sentence.facts and after in row.new.sentence.facts
        assert row.old.sentence in reports[row.old.report].sentences
        assert row.new.sentence in reports[row.new.report].sentences


def _compares(report, later, value) -> bool:
    """The report compares its fact `later`, in its own words, with an earlier `value`."""
    return any(
        f.relation and f.relation.kind == "earlier" and f.relation.of == later.id and f.value == value
        for s in report.sentences
        for f in s.facts
    )


def test_years_that_roll_forward_are_not_figures(narrative_2022_2023):
    assert all(f.new.fact.role is not Role.DATE for f in narrative_2022_2023.figures)


def test_differences_and_percentages_are_computed(narrative_2022_2023):
    victims = next(f for f in narrative_2022_2023.figures if (f.old.fact.text, f.new.fact.text) == ("744", "440"))
    assert victims.difference == -304
    assert victims.percent == pytest.approx(-40.86, abs=0.01)
    assert victims.caveat == "although not all states provided data"


def test_recommendations_added_and_dropped(narrative_2022_2023):
    by_label = {label: [c for c in narrative_2022_2023.recommendations if c.label is label] for label in Label}
    added = [c.new[0].text for c in by_label[Label.ADDED]]
    dropped = [c.old[0].text for c in by_label[Label.REMOVED]]
    assert any(t.startswith("Increase funding to NGOs") for t in added)
    assert any(t.startswith("Vigorously implement new procedures") for t in added)
    assert any(t.startswith("Increase and institutionalize anti-trafficking training") for t in dropped)
    assert any(t.startswith("Enact anti-trafficking legislation") for t in dropped)
    assert any(t.startswith("Enact, implement, and allocate sufficient resources") for t in dropped)
    assert all(c.diff for c in by_label[Label.REWORDED])


def test_sections_say_what_is_new_and_what_is_gone(narrative_2022_2023):
    protection = next(s for s in narrative_2022_2023.sections if s.key == "protection")
    kinds = {f.kind for f in protection.findings}
    assert {"added", "removed", "meaning"} <= kinds
    verdict = next(f for f in protection.findings if f.kind == "meaning" and "maintained" in f.change.old[0].text)
    assert MeaningShift("maintained", "decreased") in verdict.shifts


@pytest.mark.parametrize("pair", list(itertools.permutations(["2010-wikipedia", "2018-web-scrape",
                                                              "2021-protection-excerpt", "2022", "2023"], 2)),
                         ids="->".join)  # fmt: skip
def test_every_pair_has_a_narrative(all_reports, pair):
    old, new = (all_reports[name] for name in pair)
    text = render_narrative(tipdiff.narrate(tipdiff.compare(old, new), TIP), TIP)
    assert text.startswith("# Mexico: what changed")
    assert "## Section by section" in text


def test_a_fragment_says_what_it_covers(all_reports):
    text = render_narrative(
        tipdiff.narrate(tipdiff.compare(all_reports["2021-protection-excerpt"], all_reports["2022"]))
    )
    assert "The old report covers only Protection" in text
    assert "not counted as added" in text
    reverse = render_narrative(
        tipdiff.narrate(tipdiff.compare(all_reports["2022"], all_reports["2021-protection-excerpt"]))
    )
    assert "The new report covers only Protection" in reverse
    assert not re.search(r"^## Recommendations$", reverse, re.MULTILINE)  # none "dropped" from a fragment


def test_a_web_scrape_says_it_has_no_sections(all_reports):
    text = render_narrative(tipdiff.narrate(tipdiff.compare(all_reports["2018-web-scrape"], all_reports["2023"])))
    assert "The old report has no sections" in text


def test_golden_narrative_of_a_small_pair():
    """The whole rendered narrative of tests/narrative/old.txt -> new.txt, reviewed by reading it."""
    old, new = (tipdiff.parse_report((GOLDEN / name).read_bytes(), name) for name in ("old.txt", "new.txt"))
    rendered = render_narrative(tipdiff.narrate(tipdiff.compare(old, new), TIP), TIP)
    assert rendered == (GOLDEN / "expected.md").read_text(encoding="utf-8")


def test_a_generic_report_gets_a_narrative_without_tip_parts():
    old = tipdiff.parse_report(
        "Annual review\n\nRevenue\n\nSales rose to 40 units in 2020. The plant was closed.\n", "a.txt", profile=GENERIC
    )
    new = tipdiff.parse_report(
        "Annual review\n\nRevenue\n\nSales rose to 55 units in 2021. The plant was reopened.\n",
        "b.txt",
        profile=GENERIC,
    )
    narrative = tipdiff.narrate(tipdiff.compare(old, new), GENERIC)
    text = render_narrative(narrative, GENERIC)
    assert "Tier" not in text and "## Recommendations" not in text
    assert [(f.old.fact.text, f.new.fact.text) for f in narrative.figures] == [("40", "55")]


def test_meaning_shifts_and_cosmetic_changes():
    def change(a: str, b: str):
        return tipdiff.compare(tipdiff.parse_report(a), tipdiff.parse_report(b)).changes[0]

    assert MeaningShift("not", None) in meaning_shifts(
        change("Police did not cooperate with NGOs.", "Police cooperated with NGOs.")
    )
    assert MeaningShift(None, "at least") in meaning_shifts(
        change("They found 5 victims here.", "They found at least 5 victims here.")
    )
    assert (
        meaning_shifts(change("The shelter was open in the capital.", "The shelter was open in the big capital.")) == ()
    )
    assert is_cosmetic(change("A legally-required fund.", "A legally required fund."))
    assert not is_cosmetic(change("A legally required fund.", "A legally required new fund."))


def test_two_texts_without_headings_are_two_whole_documents_not_fragments():
    """Neither is a scrape of the other: what one lacks is new or dropped, and the narrative
    says so rather than that nothing is called new."""
    old = "Libraries lend books.\n\nThey host 12 reading clubs.\n\nThe city pays for them.\n"
    new = "Libraries lend books and laptops.\n\nThey host 15 reading clubs.\n\nVolunteers run a repair cafe.\n"
    comparison = tipdiff.compare(old, new)
    narrative = tipdiff.narrate(comparison)
    text = render_narrative(narrative, GENERIC)
    assert "Neither report has headings" in text
    assert "a web page or a fragment" not in text and "is not called" not in text
    assert "- New: Volunteers run a repair cafe." in text  # no " in Document": there is one section
    assert {c.label for s in comparison.sections for c in s.changes} >= {Label.ADDED, Label.REMOVED}


def test_sections_whose_sentences_were_compared_elsewhere_are_not_called_empty():
    """Against a scrape with no sections, every sentence of the report's sections is compared
    under the scrape's one section: no section is "only in the old report (0 sentences)"."""
    verdict = "The Government of Kenya does not fully meet the minimum standards but is making significant efforts."
    old = f"KENYA (Tier 2)\n\n{verdict}\n\nPROSECUTION\n\nThe government maintained law enforcement efforts.\n"
    scrape = f"Share this page. {verdict} The government maintained law enforcement efforts.\n"
    text = render_narrative(tipdiff.narrate(tipdiff.compare(old, scrape)), TIP)
    assert "Only in the old report" not in text
