"""Almanacs: "Label: value" fields under section headings (examples/almanac/, hand-made in the
shapes a country almanac's archive publishes: fields with their value inline or on the lines
below, sub-fields indented or labelled in lower case, several years in one field).

Each test states a property of the format, checked on every edition pair of both countries
or on a small text made for it; no output of an example is written down."""

import itertools
import re
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tipdiff
from tipdiff.cli import app
from tipdiff.errors import CountriesDiffer, ProfileMisfit
from tipdiff.facts.pairing import period_of
from tipdiff.model import Comparison, Label, Role
from tipdiff.pipeline import load_reports, parse_report
from tipdiff.profiles.almanac import ALMANAC

EXAMPLES = Path(__file__).parent.parent / "examples"
COUNTRIES = sorted((EXAMPLES / "almanac").iterdir())
PAIRS = [pair for country in COUNTRIES for pair in itertools.permutations(sorted(country.glob("*.txt")), 2)]
_FIELD = re.compile(r"^\s*(?P<label>[A-Za-z0-9][^:]{0,60}):(?:\s|$)")


def compared(old: Path, new: Path) -> Comparison:
    (old_report, new_report), profile = load_reports([old, new])
    assert profile is ALMANAC
    return tipdiff.compare(old_report, new_report)


def field_paths(path: Path) -> dict[int, tuple[str, ...]]:
    """Line number -> the labels of the field the line opens, read off the file by indentation
    and case, as a reader sees them (independently of tipdiff's layout)."""
    paths, open_ = {}, []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if not (found := _FIELD.match(line)):
            continue
        indent, label = len(line) - len(line.lstrip()), found["label"].strip()
        lower = not label[0].isupper()
        while open_ and not (open_[-1][0] < indent or (open_[-1][0] == indent and lower and not open_[-1][2])):
            open_.pop()
        open_.append((indent, label, lower))
        paths[number] = tuple(label for _, label, _ in open_)
    return paths


@pytest.fixture(scope="module", params=PAIRS, ids=lambda pair: f"{pair[0].parent.name}-{pair[0].stem}-{pair[1].stem}")
def pair(request):
    old, new = request.param
    return old, new, compared(old, new)


def test_every_line_of_both_reports_is_in_exactly_one_change(pair):
    old, new, comparison = pair
    for path, side in ((old, "old"), (new, "new")):
        told = [s.text for c in comparison.changes for s in getattr(c, side)]
        lines = [line.strip() for line in path.read_text().splitlines() if line.strip()]
        headings = {h.text for h in getattr(comparison, side).headings}
        assert sorted(told) == sorted(line for line in lines if line not in headings)


def test_a_field_both_editions_have_is_always_paired_with_itself(pair):
    old, new, comparison = pair
    old_paths, new_paths = field_paths(old), field_paths(new)
    shared = set(old_paths.values()) & set(new_paths.values())
    for change in comparison.changes:
        olds = {old_paths.get(s.line) for s in change.old} - {None}
        news = {new_paths.get(s.line) for s in change.new} - {None}
        if change.old and change.new:
            assert olds == news or not olds or not news or _total(olds, news), change
        # a field both have is never told as added, or removed; but for the label-only line over
        # the parts ("Population:" over "total: ..."), when the other edition gives it whole
        one_side = change.old or change.new
        whole = len(one_side) == 1 and one_side[0].text == f"{one_side[0].field[-1]}:" if one_side[0].field else False
        assert whole or not ((olds | news) & shared and not (change.old and change.new)), change


def _total(olds: set, news: set) -> bool:
    """A field given whole in one edition and by its parts in the other: its line is the total's."""
    (a,), (b,) = olds, news
    return (*a, "total") == b or (*b, "total") == a


def test_a_field_only_one_edition_has_is_added_or_removed():
    comparison = compared(EXAMPLES / "almanac/mexico/2022.txt", EXAMPLES / "almanac/mexico/2023.txt")
    by_text = {(c.new or c.old)[0].text.split(":")[0]: c.label for c in comparison.changes}
    assert by_text["Net migration rate"] is Label.ADDED
    assert by_text["Exports - partners"] is Label.REMOVED


def test_a_field_reordered_is_paired_and_moved():
    comparison = compared(EXAMPLES / "almanac/mexico/2022.txt", EXAMPLES / "almanac/mexico/2023.txt")
    rates = [c for c in comparison.changes if c.new and c.new[0].text.startswith(("Birth rate", "Death rate"))]
    assert all(c.old[0].text.split(":")[0] == c.new[0].text.split(":")[0] for c in rates)
    assert sum(c.moved for c in rates) == 1


def test_a_sub_field_is_known_by_its_field_and_its_own_label():
    report = parse_report(
        "GEOGRAPHY\nArea:\n    total: 10 sq km\n    land: 9 sq km\nCoastline: 3 km\n", profile="almanac"
    )
    assert [s.field for s in report.sentences] == [("Area",), ("Area", "total"), ("Area", "land"), ("Coastline",)]
    unindented = parse_report("GEOGRAPHY\nArea:\ntotal: 10 sq km\nland: 9 sq km\nCoastline: 3 km\n", profile="almanac")
    assert [s.field for s in unindented.sentences] == [s.field for s in report.sentences]


def test_the_same_sub_label_under_two_fields_is_two_fields():
    old = "PEOPLE\nMedian age:\n  total: 29.3 years\nLife expectancy:\n  total: 75.1 years\n"
    new = "PEOPLE\nLife expectancy:\n  total: 75.9 years\nMedian age:\n  total: 29.9 years\n"
    comparison = tipdiff.compare(old, new, "almanac")
    assert len(comparison.changes) == 4 and all(c.old and c.new for c in comparison.changes)
    assert all(c.old[0].field == c.new[0].field for c in comparison.changes)
    totals = {c.new[0].text: c.old[0].text for c in comparison.changes if c.new[0].field[-1] == "total"}
    assert totals == {"total: 75.9 years": "total: 75.1 years", "total: 29.9 years": "total: 29.3 years"}


def figure_rows(old: Path, new: Path) -> dict[str, tuple[str, str]]:
    (old_report, new_report), profile = load_reports([old, new])
    narrative = tipdiff.narrate(tipdiff.compare(old_report, new_report), profile)
    return {f"{f.measure} {f.scope}": (f.old.fact.text, f.new.fact.text) for f in narrative.figures}


def test_the_population_is_compared_with_the_population():
    rows = figure_rows(EXAMPLES / "almanac/mexico/2022.txt", EXAMPLES / "almanac/mexico/2023.txt")
    assert rows["population ()"] == ("129,150,971", "130,207,371")
    # given by its parts in 2024: still the total, never the female count
    rows = figure_rows(EXAMPLES / "almanac/mexico/2023.txt", EXAMPLES / "almanac/mexico/2024.txt")
    assert rows["population ()"] == ("130,207,371", "130,739,927")


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=lambda path: f"{path.parent.name}-{path.stem}")
def test_every_figure_pair_is_one_field_for_one_part(old, new):
    """Each figure paired old -> new in a change is a number of the same field line (same
    labels), for the same part (male with male), in consecutive or equal years."""
    comparison = compared(old, new)
    for change in comparison.changes:
        for fact_change in change.facts:
            before, after = fact_change.old, fact_change.new
            if before and after:
                assert (before.measure, before.scope, before.unit) == (after.measure, after.scope, after.unit)
                years = (
                    period_of(after, comparison.new.data_year).year - period_of(before, comparison.old.data_year).year
                )
                assert years in (0, comparison.new.year - comparison.old.year)
        if change.old and change.new and change.old[0].field and change.new[0].field:
            olds, news = {change.old[0].field}, {change.new[0].field}
            assert olds == news or _total(olds, news), change


def test_a_year_given_by_both_editions_pairs_its_value_lines():
    comparison = compared(EXAMPLES / "almanac/norway/2022.txt", EXAMPLES / "almanac/norway/2023.txt")
    year = re.compile(r"\((20\d\d) est\.\)")
    gdp = [
        c
        for c in comparison.changes
        if (c.old or c.new)[0].field == ("Real GDP (purchasing power parity)",)
        and year.search((c.old or c.new)[0].text)
    ]
    pairs = {(year.search(c.old[0].text)[1], year.search(c.new[0].text)[1]) for c in gdp if c.old and c.new}
    assert pairs == {("2021", "2021"), ("2020", "2020")}  # each year with itself, restated
    told = {(c.label, year.search((c.old or c.new)[0].text)[1]) for c in gdp if not (c.old and c.new)}
    assert {(Label.REMOVED, "2019"), (Label.ADDED, "2022")} <= told
    # a field of one value line is that line, whatever year it is for
    population = [c for c in comparison.changes if c.old and c.old[0].text.startswith("5,553,840")]
    assert population and population[0].new[0].text.startswith("5,597,924 (2023 est.)")


@pytest.mark.parametrize(
    ("files", "profile"),
    [
        (("almanac/mexico/2022.txt", "almanac/mexico/2023.txt"), "almanac"),
        (("almanac/norway/2022.txt", "almanac/norway/2023.txt"), "almanac"),
        (("mexico/2022.txt", "mexico/2023.txt"), "tip"),
        (("mexico/2021-protection-excerpt.txt", "mexico/2022.txt"), "tip"),
        (("mexico/2010-wikipedia.txt", "mexico/2018-web-scrape.txt"), "tip"),
    ],
)
def test_auto_chooses_the_family_by_the_text(files, profile):
    assert load_reports([EXAMPLES / name for name in files])[1].name == profile


def test_auto_chooses_generic_for_prose_of_no_family(tmp_path):
    essay = "We walked to the river. The water was cold and clear.\n\nLater we went home in 2023.\n"
    memo = "Summary\nThe office moved in May 2023. Staff were told in April.\n"
    briefing = "Summary\n\nThe office moved in May 2023.\n\nRecommendations\n\nTell staff earlier.\n"
    for text in (essay, memo, briefing):  # "Summary" and "Recommendations" are in many documents
        (tmp_path / "2024.txt").write_text(text)
        (report,), profile = load_reports([tmp_path / "2024.txt"])
        assert profile.name == "generic" and report.data_year == 2024  # a TIP report of 2024 covers 2023


def test_a_profile_that_does_not_fit_the_text_is_warned_of():
    almanac = [EXAMPLES / "almanac/mexico/2022.txt", EXAMPLES / "almanac/mexico/2023.txt"]
    with pytest.warns(ProfileMisfit, match="no TIP section found, no tier line"):
        load_reports(almanac, profile="tip")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_reports(almanac)  # auto
        load_reports([EXAMPLES / "mexico/2022.txt", EXAMPLES / "mexico/2023.txt"], profile="tip")
    with pytest.warns(ProfileMisfit, match="not look like an almanac report"):
        load_reports([EXAMPLES / "mexico/2022.txt"], profile="almanac")


def test_the_command_warns_in_one_line_and_still_compares():
    runner = CliRunner()
    old, new = (str(EXAMPLES / f"almanac/mexico/{year}.txt") for year in (2022, 2023))
    result = runner.invoke(app, ["compare", old, new, "--profile", "tip", "-f", "json"])
    assert result.exit_code == 0
    warned = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warned) == 2 and all("no tier line" in line and "dated 1 year before" in line for line in warned)
    assert not runner.invoke(app, ["compare", old, new, "-f", "json"]).stderr


def test_a_profile_of_ones_own_is_named_by_its_module():
    runner = CliRunner()
    old, new = (str(EXAMPLES / f"almanac/mexico/{year}.txt") for year in (2022, 2023))
    by_module = runner.invoke(app, ["compare", old, new, "-f", "json", "--profile", "tipdiff.profiles.almanac:ALMANAC"])
    by_name = runner.invoke(app, ["compare", old, new, "-f", "json", "--profile", "almanac"])
    assert by_module.exit_code == 0 and by_module.stdout == by_name.stdout
    for wrong in ("no.such.module:X", "tipdiff.profiles.almanac:NOTHING", "tipdiff.profiles.almanac:re"):
        result = runner.invoke(app, ["compare", old, new, "--profile", wrong])
        assert result.exit_code == 2 and result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_the_narrative_never_says_a_report_with_sections_has_none(pair):
    old, new, comparison = pair
    assert "has no sections" not in tipdiff.to_markdown(comparison, ALMANAC)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (a, b), profile = load_reports([old, new], profile="tip")
    assert "has no sections" not in tipdiff.to_markdown(tipdiff.compare(a, b), profile)


def test_the_library_narrates_in_the_profile_the_reports_were_read_with():
    """`compare` chose the almanac profile by the text: `narrate` and `to_markdown` without a
    profile use it too, so nothing is dated a TIP year early."""
    comparison = tipdiff.compare(EXAMPLES / "almanac/mexico/2022.txt", EXAMPLES / "almanac/mexico/2023.txt")
    assert comparison.profile.name == "almanac"
    assert tipdiff.narrate(comparison).old.data_year == 2022
    assert "mostly covering 2021" not in tipdiff.to_markdown(comparison)


def test_two_countries_are_told_apart_and_nothing_is_a_change_of_either():
    old, new = EXAMPLES / "almanac/mexico/2023.txt", EXAMPLES / "almanac/norway/2023.txt"
    with pytest.warns(CountriesDiffer, match="Mexico.*Norway"):
        comparison = tipdiff.compare(old, new)
    narrative = tipdiff.narrate(comparison)
    assert narrative.countries_differ and not narrative.figures and not narrative.briefing
    text = tipdiff.to_markdown(comparison)
    assert text.startswith("# Mexico and Norway: how the 2023 report and the 2023 report differ")
    assert "Restated" not in text and "rose from" not in text and "fell from" not in text


def test_reports_of_two_families_are_compared_as_plain_documents_and_said_so():
    with pytest.warns(ProfileMisfit, match="not of one family.*a TIP report.*an almanac report"):
        comparison = tipdiff.compare(EXAMPLES / "mexico/2022.txt", EXAMPLES / "almanac/mexico/2023.txt")
    assert comparison.profile.name == "generic"


def test_a_section_one_whole_edition_adds_is_told_as_new():
    """Two whole pages share most sections: one only the new page has was added (an excerpt of
    a TIP report, or a TIP report without its recommendations, leaves sections out instead)."""
    page = (
        "Atlantis\n\nGeography\n\nArea: 1,000 sq km\nCoastline: 90 km\nClimate: mild\n\nPeople and Society\n\n"
        "Population: 12,000 (2023 est.)\nLanguages: Atlantean\nReligions: none\n\nEconomy\n\n"
        "Real GDP growth rate: 2% (2022 est.)\nUnemployment rate: 5% (2022 est.)\n"
    )
    space = "\nSpace\n\nSpace agency/agencies: Atlantis Space Agency (established 2021)\n"
    text = tipdiff.to_markdown(tipdiff.compare(page, page + space))
    assert "New in Space: Space agency/agencies: Atlantis Space Agency (established 2021)" in text
    assert "not counted as added" not in text


def _facts(text: str, profile: str = "almanac"):
    comparison = tipdiff.compare(text, text, profile)
    return {f.text: f for s in comparison.old.sentences for f in s.facts}


@pytest.mark.filterwarnings("ignore::tipdiff.errors.ProfileMisfit")  # a short page, named an almanac
def test_value_lines_of_a_list_are_paired_by_what_they_name():
    old = "PEOPLE\nReligions:\n    Roman Catholic 82.7%\n    Pentecostal 1.6%\n    none 4.7% (2010 est.)\n"
    new = "PEOPLE\nReligions:\n    Roman Catholic 78%\n    Protestant 11.2%\n    Pentecostal 1.6%\n    none 8.1% (2020 est.)\n"
    comparison = tipdiff.compare(old, new, "almanac")
    pairs = {(c.old[0].text if c.old else None, c.new[0].text if c.new else None) for c in comparison.changes}
    assert ("Pentecostal 1.6%", "Pentecostal 1.6%") in pairs
    assert (None, "Protestant 11.2%") in pairs and ("none 4.7% (2010 est.)", "none 8.1% (2020 est.)") in pairs
    measures = {f.measure for s in comparison.new.sentences for f in s.facts if f.role.measurable}
    assert {"religions: pentecostal", "religions: protestant"} <= measures


@pytest.mark.filterwarnings("ignore::tipdiff.errors.ProfileMisfit")
def test_a_rank_is_no_count_and_no_key_figure():
    old = "PEOPLE\nPopulation:\n211,715,973 (July 2020 est.)\ncountry comparison to the world: 6\n"
    new = "PEOPLE\nPopulation:\n213,445,417 (July 2021 est.)\ncountry comparison to the world: 7\n"
    assert _facts(old)["6"].role is Role.RANK and _facts(old)["6"].period is None
    narrative = tipdiff.narrate(tipdiff.compare(old, new, "almanac"))
    assert not [f for f in narrative.figures if "comparison" in f.measure]


@pytest.mark.filterwarnings("ignore::tipdiff.errors.ProfileMisfit")
def test_a_year_stated_once_dates_every_line_of_its_field():
    text = (
        "PEOPLE\nAge structure:\n    0-14 years: 19.7% (male 1,839,603/female 1,756,218)\n"
        "    65 years and over: 11.7% (male 920,000/female 1,224,501) (2020 est.)\n"
        "Labor force - by occupation: agriculture: 15.1%; industry: 25.5%; services: 59.4% (2005)\n"
        "Area:\n    total: 10 sq km\n"
    )
    facts = _facts(text)
    assert {facts[t].period.year for t in ("19.7%", "1,839,603", "11.7%", "15.1%", "25.5%")} == {2020, 2005}
    assert facts["19.7%"].period.year == 2020 and facts["15.1%"].period.year == 2005
    assert facts["10"].period is None and facts["10"].measure is None  # no year at all: never the edition's
    assert (
        _facts("Economy\nLabor force: agriculture: 15.1%; industry: 25.5% (2005)\n", "generic")["15.1%"].period.year
        == 2005
    )


@pytest.mark.filterwarnings("ignore::tipdiff.errors.ProfileMisfit")
def test_a_span_of_years_and_a_price_base_are_no_values():
    facts = _facts("PEOPLE\nUrbanization:\n    rate of urbanization: 1.4% annual rate of change (2015-20 est.)\n")
    assert set(facts) == {"1.4%", "2015"} and facts["1.4%"].period.year == 2020
    old = (
        "ECONOMY\nReal GDP (purchasing power parity): $5.126 trillion (2021 est.)\n    note: data are in 2017 dollars\n"
    )
    new = (
        "ECONOMY\nReal GDP (purchasing power parity): $5.312 trillion (2022 est.)\n    note: data are in 2015 dollars\n"
    )
    assert _facts(old)["2017"].role is Role.DATE
    assert not tipdiff.narrate(tipdiff.compare(old, new, "almanac")).figures  # not in like prices


def test_a_label_in_capitals_with_its_value_is_a_field_line():
    text = (
        "TRANSNATIONAL ISSUES\nRefugees and internally displaced persons:\n"
        "    refugees (country of origin): 280,499 (Somalia) (2022)\n    IDPs: 190,500 (2021)\n"
        "    stateless persons: 16,779 (2021)\n"
    )
    report = parse_report(text, profile="almanac")
    assert [s.field[1:] for s in report.sentences[1:]] == [
        ("refugees (country of origin)",),
        ("IDPs",),
        ("stateless persons",),
    ]


def test_lines_of_a_short_page_are_never_lost(tmp_path):
    old = "Mexico\n\nPeople and Society\n\nReligions:\n    Roman Catholic 82.7%\n    Pentecostal 1.6%\n    none 4.7% (2010 est.)\n"
    new = "Mexico\n\nPeople and Society\n\nReligions:\n    Roman Catholic 78%\n    Pentecostal 1.6%\n    none 8.1% (2020 est.)\n"
    (tmp_path / "2021.txt").write_text(old)
    (tmp_path / "2022.txt").write_text(new)
    (a, b), _ = load_reports([tmp_path / "2021.txt", tmp_path / "2022.txt"])
    comparison = tipdiff.compare(a, b)
    told = " ".join(s.text for c in comparison.changes for s in c.old)
    assert "Roman Catholic 82.7%" in told and "Pentecostal 1.6%" in told


@pytest.mark.filterwarnings("ignore::tipdiff.errors.ProfileMisfit")
def test_scope_words_in_a_capital_name_or_a_ratio_unit_are_no_scope():
    facts = _facts(
        "PEOPLE\nMajor urban areas - population: 32.065 million NEW DELHI (capital), 20.961 million Mumbai (2022)\n"
        "Sex ratio:\n    total population: 1.07 male(s)/female (2022 est.)\n"
    )
    assert facts["32.065 million"].scope == () and facts["1.07"].scope == ()


@pytest.mark.filterwarnings("ignore::tipdiff.errors.ProfileMisfit")
def test_a_rate_per_thousand_changes_by_its_difference_not_by_points():
    old = "PEOPLE\nBirth rate: 15.5 births/1,000 population (2022 est.)\n"
    new = "PEOPLE\nBirth rate: 15.33 births/1,000 population (2023 est.)\n"
    text = tipdiff.to_markdown(tipdiff.compare(old, new, "almanac"))
    assert "−0.17" in text and "−0.17 points" not in text


@pytest.mark.filterwarnings("ignore::tipdiff.errors.ProfileMisfit")  # a short page, named an almanac
def test_a_field_line_is_never_said_to_be_in_another_field():
    old = "PEOPLE\nPopulation: 5 (2021 est.)\nECONOMY\nLabor force: 3 (2021 est.)\nReal GDP: $9 billion (2021 est.)\n"
    new = "PEOPLE\nPopulation: 5 (2021 est.)\nReal GDP: $10 billion (2022 est.)\nECONOMY\nLabor force: 3 (2021 est.)\n"
    narrative = tipdiff.narrate(tipdiff.compare(old, new, "almanac"))
    for section in narrative.sections:
        for finding in section.findings:
            if finding.elsewhere is not None and finding.change.old + finding.change.new:
                own = (finding.change.new or finding.change.old)[0].field
                assert not own or finding.elsewhere.sentence.field[:1] == own[:1]
