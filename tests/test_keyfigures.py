"""Key figures and like-for-like pairing: rows a person reads off two hand-made editions
(tests/facts/), and the pairing rules on small revised sentences."""

import re
from pathlib import Path

import pytest

import tipdiff
from tipdiff.facts.pairing import Known, compare_facts
from tipdiff.profiles import GENERIC
from tipdiff.profiles.tip import TIP
from tipdiff.render import render_narrative

FOLDER = Path(__file__).parent / "facts"


def rows(old: str, new: str, profile=TIP) -> dict[tuple[str, str], tipdiff.model.KeyFigure]:
    """Key figures by (old value, new value) as written."""
    reports = (tipdiff.parse_report((FOLDER / name).read_bytes(), name, profile=profile) for name in (old, new))
    narrative = tipdiff.narrate(tipdiff.compare(*reports), profile)
    return {(f.old.fact.text, f.new.fact.text): f for f in narrative.figures}


@pytest.fixture(scope="module")
def arcadia():
    return rows("old.txt", "new.txt")


@pytest.mark.parametrize(
    ("old", "new", "label", "scope"),
    [
        ("25", "19", "traffickers convicted", ()),
        ("421", "377", "victims identified", ()),
        ("57", "64", "victims identified", ("NGO",)),
        ("59", "71", "cases investigated", ()),
        ("41", "48", "defendants indicted", ()),
        ("30", "35", "defendants indicted", ("sex trafficking",)),
        ("1,210", "1,388", "calls received", ()),
        ("1,450", "1,210", "officials trained", ()),
    ],
)
def test_rows_a_reader_expects(arcadia, old, new, label, scope):
    row = arcadia.get((old, new))
    assert row is not None, f"{label}: {old} -> {new} is missing"
    assert label in row.label or label == row.measure
    assert row.scope == scope and not row.restated


def test_no_row_for_what_is_not_like_for_like(arcadia):
    pairs = set(arcadia)
    # a part against its total, a prison term, a year, the same number counting other things
    assert not pairs & {("41", "35"), ("30", "48"), ("four", "four"), ("2019", "2020"), ("1,210", "1,210")}
    assert all(row.old.fact.role.measurable for row in arcadia.values())


def test_the_old_report_is_cited_for_the_old_value(arcadia):
    row = arcadia["421", "377"]
    assert row.old.report == "old" and "421 victims" in row.old.sentence.text
    assert "377 victims" in row.new.sentence.text


@pytest.fixture(scope="module")
def almanac():
    return rows("almanac-old.txt", "almanac-new.txt", GENERIC)


def test_an_almanac_compares_each_field_with_itself(almanac):
    assert ("129,875,529", "130,207,371") in almanac  # the total, not the female count
    assert not any(new in ("64,000,000", "66,207,371") for _, new in almanac)
    gdp = almanac["$2.418 trillion", "$2.613 trillion"]
    assert gdp.old.fact.unit == gdp.new.fact.unit == "USD" and float(gdp.difference) == 195e9
    growth = almanac["0.68%", ".6%"]
    assert float(growth.difference) == pytest.approx(-0.08) and growth.percent is None  # points, not percent


def test_an_almanac_restates_an_earlier_year(almanac):
    restated = {key: row for key, row in almanac.items() if row.restated}
    assert ("$2.418 trillion", "$2.536 trillion") in restated
    assert ("4.78%", "4.72%") in restated
    assert str(restated["$2.418 trillion", "$2.536 trillion"].new.fact.period) == "2021"


def report_of(text: str, data_year: int) -> tipdiff.Report:
    return tipdiff.parse_report(f"PROSECUTION\n{text}\n", f"{data_year + 1}.txt")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (  # a part and its total each against itself, never against the other
            "State authorities convicted 75 traffickers, including 65 sex traffickers.",
            "State authorities convicted 111 traffickers, including 81 sex traffickers.",
            [("year-over-year", "75", "111"), ("year-over-year", "65", "81")],
        ),
        (  # a federal figure against a state one is no change of either
            "Federal authorities convicted four traffickers.",
            "State authorities convicted 52 traffickers.",
            [("dropped", "four", None), ("new", None, "52")],
        ),
        (  # a series that rolls forward: last year's figure repeated is unchanged
            "The government identified 744 victims in 2021, compared with 673 victims in 2020.",
            "The government identified 440 victims in 2022, compared with 744 victims in 2021.",
            [("year-over-year", "744", "440"), ("dropped", "673", None)],
        ),
        (  # one period, another value: a restatement
            "The government identified 744 victims in 2021.",
            "The government identified 440 victims in 2022, compared with 700 victims in 2021.",
            [("restated", "744", "700"), ("year-over-year", "744", "440")],
        ),
        (  # a prison term is no count
            "Courts sentenced traffickers to 3 years' imprisonment and convicted 12 traffickers.",
            "Courts sentenced traffickers to 10 years' imprisonment and convicted 12 traffickers.",
            [],
        ),
        (  # one measure twice for one period is ambiguous: nothing is said, not even new or dropped
            "Police arrested 12 suspects and later arrested 14 suspects.",
            "Police arrested 20 suspects.",
            [],
        ),
        (  # a month is no year: March and May are not compared with the whole of 2022
            "Police arrested 12 suspects in March and arrested 14 suspects in May.",
            "Police arrested 20 suspects.",
            [("dropped", "12", None), ("dropped", "14", None), ("new", None, "20")],
        ),
        (  # a region's count is a part, whoever in it counts: never the country's total
            "Authorities convicted 131 traffickers. Police in Region VII (Central Visayas) convicted 20 traffickers.",
            "Authorities convicted 154 traffickers. Courts in Region VII (Central Visayas) convicted 31 traffickers.",
            [("year-over-year", "131", "154"), ("year-over-year", "20", "31")],
        ),
        (  # one authority's investigations against another's, or the whole, are no change
            "Puntland authorities reported 12 investigations. Somaliland authorities reported 30 investigations.",
            "Somaliland authorities reported 24 investigations. Authorities reported 40 investigations.",
            [("dropped", "12", None), ("year-over-year", "30", "24"), ("new", None, "40")],
        ),
        (  # the second of a list of counts is the same authority's
            "Puntland authorities reported 12 investigations and six prosecutions.",
            "Puntland authorities reported 15 investigations and nine prosecutions. Authorities reported 20 prosecutions.",
            [("year-over-year", "12", "15"), ("year-over-year", "six", "nine"), ("new", None, "20")],
        ),
        (  # where they came from is part of what is counted
            "The government repatriated 92 children from Guatemala. Police arrested 12 suspects in March.",
            "The government repatriated 104 children from Guatemala and Mexico.",
            [("dropped", "92", None), ("new", None, "104"), ("dropped", "12", None)],
        ),
        (  # a part is of the number before it, though that one's noun is not read: not of the first
            "Authorities identified 1,021 potential victims, including 211 children, but certified only 305 as victims.",
            "Authorities identified 1,450 potential victims, but certified only 415 as victims, including 67 children.",
            [("year-over-year", "1,021", "1,450"), ("dropped", "211", None)],
        ),
        (  # what narrows the noun is part of what is counted: brothel raids are some raids
            "In 2021, police conducted 60 raids and arrested 12 suspects.",
            "In 2022, police conducted 45 raids on brothels and arrested 15 suspects.",
            [("dropped", "60", None), ("new", None, "45"), ("year-over-year", "12", "15")],
        ),
        (  # and the same narrowing in both is the same measure
            "In 2021, police conducted 60 raids on brothels.",
            "In 2022, police conducted 45 raids on brothels.",
            [("year-over-year", "60", "45")],
        ),
        (  # victims and their dependents are more than the victims
            "In 2021, shelters assisted 120 victims.",
            "In 2022, shelters assisted 150 victims and their dependents.",
            [("dropped", "120", None), ("new", None, "150")],
        ),
        (  # a phrase after a number inside a phrase is said of the verb: the states are still states
            "The government trained 300 officers across 20 states on protocols.",
            "The government trained 410 officers across 25 states.",
            [("year-over-year", "300", "410"), ("year-over-year", "20", "25")],
        ),
    ],
)
def test_pairing_rules(old, new, expected):
    before, after = report_of(old, 2021), report_of(new, 2022)
    facts = [tuple(f for s in report.sentences for f in s.facts) for report in (before, after)]
    changes = compare_facts(*facts, Known.of(before, after))
    said = [(c.kind, c.old.text if c.old else None, c.new.text if c.new else None) for c in changes]
    assert sorted(said, key=str) == sorted(expected, key=str)


def _narrative(old: str, new: str) -> tipdiff.Narrative:
    """The narrative of two one-sentence prosecution sections, of 2031 and 2032."""
    reports = (tipdiff.parse_report(f"Atlantis\n\nPROSECUTION\n\n{text}\n", f"{year}.txt") for year, text in
               ((2031, old), (2032, new)))  # fmt: skip
    return tipdiff.narrate(tipdiff.compare(*reports))


def _figures(old: str, new: str):  # type: ignore[no-untyped-def]
    return _narrative(old, new).figures


def test_a_value_the_reports_count_differently_is_told_so() -> None:
    """The new report calls last year's 201 "transactions"; the old one called them "possible
    cases": the row stands on the new report's own comparison, and says how the old one counts it."""
    old = "The Financial Intelligence Unit (UIF) uncovered 201 possible cases of trafficking in 2030."
    new = (
        "The Financial Intelligence Unit (UIF) uncovered 403 suspicious financial transactions, potentially"
        " linked to trafficking, an increase from 201 transactions uncovered in 2030."
    )
    (row,) = _figures(old, new)
    assert (row.old.fact.text, row.new.fact.text, row.old.report) == ("201", "403", "new")
    assert row.otherwise is not None and row.otherwise.report == "old" and row.otherwise.fact.text == "201"
    text = render_narrative(_narrative(old, new), TIP)
    assert re.search(r"^² .*: the 2031 report gives 201 \(2030\) as possible cases", text, re.MULTILINE)


def test_parts_of_different_wholes_are_no_row() -> None:
    """ "27 of 31 states" and "31 of 32 states" count over different wholes."""
    assert not _figures(
        "By 2030, 27 of 31 states had specialized prosecution units.",
        "By 2031, 31 of 32 states had specialized prosecution units.",
    )


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("at least 35", "33", "a fall of at least 2 (5.7%)"),
        ("35", "more than 40", "a rise of at least 5 (14.3%)"),
        ("at least 35", "40", "not known (a bound)"),
    ],
)
def test_a_bound_makes_a_change_at_least_so_much_or_unknown(old: str, new: str, said: str) -> None:
    """From "at least 35" to 33 the fall is at least 2: never "about 2", which would say how much."""

    def report(year: int, figure: str) -> tipdiff.Report:
        text = (
            f"MEXICO: Tier 2\n\nPROSECUTION\n\nAuthorities initiated {figure} federal investigations in {year - 1}.\n"
        )
        return tipdiff.parse_report(text, f"{year}.txt")

    rendered = render_narrative(tipdiff.narrate(tipdiff.compare(report(2022, old), report(2023, new))), TIP)
    row = next(line for line in rendered.splitlines() if line.startswith("| federal investigations"))
    assert f"| {said} |" in row
