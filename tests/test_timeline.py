"""`tipdiff timeline`: a country's figures, verdicts and recommendations across editions,
on the five Mexico examples as they are and on small hand-made editions."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

import tipdiff
from tipdiff.cli import main
from tipdiff.model import Label, Timeline
from tipdiff.profiles.tip import TIP
from tipdiff.render import render_timeline
from tipdiff.timeline import NotOneCountry, build_timeline
from tipdiff.timeline.tidy import COLUMNS, rows, timeline_csv, timeline_json

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "mexico"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return build_timeline([tipdiff.load_report(path) for path in sorted(EXAMPLES.glob("*.txt"))], TIP)


def edition(report_text: str, name: str):
    return tipdiff.parse_report(report_text, name)


def values(timeline: Timeline, label: str) -> dict[tuple[int | None, str], str]:
    """(edition year, period) -> the value as that edition writes it."""
    series = next(s for s in timeline.series if s.label == label)
    return {(timeline.editions[r.edition].year, str(r.period)): r.fact.text for r in series.readings}


def test_editions_are_ordered_by_year_and_say_what_they_cover(timeline: Timeline) -> None:
    assert [e.year for e in timeline.editions] == [2010, 2018, 2021, 2022, 2023]
    excerpt = timeline.editions[2]
    assert excerpt.sections == ("protection",)


def test_each_edition_gives_its_own_years_of_victims_identified_with_its_sentence(timeline: Timeline) -> None:
    given = values(timeline, "victims identified")
    assert {k: v for k, v in given.items() if k[0] == 2023} == {
        (2023, "2020"): "673",
        (2023, "2021"): "744",
        (2023, "2022"): "440",
    }
    assert {k: v for k, v in given.items() if k[0] == 2022} == {
        (2022, "2019"): "658",
        (2022, "2020"): "673",
        (2022, "2021"): "744",
    }
    assert {k: v for k, v in given.items() if k[0] == 2021} == {
        (2021, "2018"): "706",
        (2021, "2019"): "658",
        (2021, "2020"): "673",
    }
    series = next(s for s in timeline.series if s.label == "victims identified")
    assert not series.restated  # every edition that gives a year gives it the same
    for reading in series.readings:  # provenance: the cited line of the cited file says it
        path = Path(timeline.editions[reading.edition].name)
        line = path.read_text(encoding="utf-8").split("\n")[reading.sentence.line - 1]
        assert reading.sentence.text in line and reading.fact.text in reading.sentence.text


def test_a_restatement_is_flagged_with_both_sentences(tmp_path: Path) -> None:
    text = (EXAMPLES / "2023.txt").read_text(encoding="utf-8")
    assert "from 744 victims identified in 2021" in text
    restated = tmp_path / "2023.txt"
    restated.write_text(text.replace("from 744 victims", "from 750 victims"), encoding="utf-8")
    built = build_timeline([tipdiff.load_report(EXAMPLES / "2022.txt"), tipdiff.load_report(restated)], TIP)
    series = next(s for s in built.series if s.label == "victims identified")
    assert [str(p) for p in series.restated] == ["2021"]
    markdown = render_timeline(built, TIP)
    flagged = next(line for line in markdown.split("\n") if line.startswith("- 2021 restated"))
    assert "744 in the 2022 edition" in flagged and "750 in the 2023 edition" in flagged
    assert "2022 l.33" in flagged and "2023 l.19" in flagged


def test_the_tier_and_verdict_history(timeline: Timeline) -> None:
    history = {subject: [v.meaning if v else None for v in found] for subject, found in timeline.verdicts}
    assert history["tier"][3:] == ["tier 2", "tier 2"]
    assert history["protection"][2:] == ["maintained", "maintained", "decreased"]
    assert history["prevention"][3:] == ["maintained", "increased"]
    assert history["prosecution"][2] is None  # the 2021 excerpt has no prosecution section: a gap


def test_a_recommendation_is_followed_across_editions(timeline: Timeline) -> None:
    fund = [life for life in timeline.recommendations if "victim assistance fund" in life.versions[-1][1].text]
    assert len(fund) == 1
    years = [timeline.editions[number].year for number, _, _ in fund[0].versions]
    assert years == [2022, 2023]
    assert fund[0].dropped_after is None
    dropped = [life for life in timeline.recommendations if life.dropped_after is not None]
    assert dropped and all(timeline.editions[life.dropped_after].year == 2022 for life in dropped)
    reworded = [change for life in timeline.recommendations for _, _, change in life.versions if change]
    assert reworded and all(change.label in (Label.REWORDED, Label.FIGURES) for change in reworded)


def test_a_fragment_leaves_a_gap_never_a_zero(timeline: Timeline) -> None:
    markdown = render_timeline(timeline, TIP)
    after = markdown.split("### federal investigations\n", 1)[1].split("\n")
    rows_2022 = next(line for line in after if line.startswith("| 2022 |"))
    cells = [cell.strip() for cell in rows_2022.strip("| ").split("|")]
    assert cells[3] == ""  # the 2021 excerpt has no prosecution section
    assert "0" not in cells[:4]


def test_measures_counted_differently_are_never_one_series() -> None:
    one = edition("MEXICO (Tier 2)\nPROSECUTION\nAuthorities convicted 50 traffickers in 2020.\n", "2021.txt")
    two = edition(
        "MEXICO (Tier 2)\nPROSECUTION\nAuthorities convicted 30 traffickers under federal law and 40 traffickers"
        " under state laws in 2021. In the first six months of 2021, authorities identified 50 victims.\n",
        "2022.txt",
    )
    built = build_timeline([two, one], TIP)
    for series in built.series:
        scopes = {r.fact.scope for r in series.readings}
        assert len(scopes) == 1 and {r.fact.measure for r in series.readings} == {series.measure}
    half = [r for s in built.series for r in s.readings if r.period.part]
    assert all(str(r.period) == "first six months of 2021" for r in half)


def test_editions_that_are_not_one_countrys_years_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    text = (EXAMPLES / "2022.txt").read_text(encoding="utf-8")
    later = (EXAMPLES / "2023.txt").read_text(encoding="utf-8")
    with pytest.raises(NotOneCountry, match="two editions of 2022"):
        build_timeline([edition(text, "2022.txt"), edition(text, "copy-2022.txt")], TIP)
    with pytest.raises(NotOneCountry, match="more than one country"):
        build_timeline(
            [edition(text, "2022.txt"), edition(later.replace("Mexico", "Peru").replace("MEXICO", "PERU"), "2023.txt")],
            TIP,
        )
    assert main(["timeline", str(EXAMPLES / "2022.txt"), str(EXAMPLES / "2022.txt")]) == 2
    assert "two editions of 2022" in capsys.readouterr().err


def test_tidy_rows_as_csv_and_json(timeline: Timeline) -> None:
    table = list(csv.DictReader(io.StringIO(timeline_csv(timeline))))
    assert tuple(table[0]) == COLUMNS and len(table) == len(list(rows(timeline)))
    victims = [row for row in table if row["label"] == "victims identified" and row["edition"] == "2023"]
    assert {(row["period"], row["value"], row["line"]) for row in victims} == {
        ("2020", "673", "19"), ("2021", "744", "19"), ("2022", "440", "19")
    }  # fmt: skip
    data = json.loads(timeline_json(timeline))
    assert data["schema"] == "tipdiff-timeline" and data["schema_version"] == 1
    assert [e["year"] for e in data["editions"]] == [2010, 2018, 2021, 2022, 2023]
    assert data["verdicts"]["protection"][-1]["meaning"] == "decreased"


def test_what_changed_when_gives_each_steps_briefing(timeline: Timeline) -> None:
    markdown = render_timeline(timeline, TIP)
    step = markdown.split("### 2022 → 2023\n", 1)[1]
    assert "**Protection**: maintained → **decreased**" in step.split("\n### ")[0]


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_the_page_draws_its_charts_offline_and_every_point_links_to_its_sentence(
    timeline: Timeline, tmp_path: Path
) -> None:
    playwright = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    page_file = tmp_path / "timeline.html"
    page_file.write_text(render_timeline(timeline, TIP, "html"), encoding="utf-8")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        tab = browser.new_page()
        errors, requests = [], []
        tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(page_file.as_uri(), wait_until="load")
        charts = tab.locator("svg[role=img]")
        assert charts.count() >= 5
        box = charts.first.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100
        targets = tab.eval_on_selector_all("svg a", "links => links.map(a => a.getAttribute('href'))")
        assert targets and all(tab.locator(target).count() == 1 for target in set(targets))
        first = tab.locator(targets[0]).inner_text()
        assert "l." in first
        browser.close()
    assert errors == [] and requests == [page_file.as_uri()]


def test_a_measure_named_another_way_stays_one_series() -> None:
    before = edition("MEXICO (Tier 2)\nPROTECTION\nThe government identified 100 victims in 2020.\n", "2021.txt")
    after = edition(
        "MEXICO (Tier 2)\nPROTECTION\nAuthorities reported identifying 120 trafficking victims in 2021,"
        " compared with 100 victims in 2020.\n",
        "2022.txt",
    )
    built = build_timeline([before, after], TIP)
    (series,) = built.series
    assert [(built.editions[r.edition].year, str(r.period), r.fact.text) for r in series.readings] == [
        (2021, "2020", "100"), (2022, "2020", "100"), (2022, "2021", "120")
    ]  # fmt: skip
    assert not series.restated


def test_a_reworded_recommendation_shows_its_word_diff(timeline: Timeline) -> None:
    markdown = render_timeline(timeline, TIP)
    reworded = [line for line in markdown.split("\n") if line.startswith("  - reworded in 2023: ")]
    assert reworded and all("~~" in line or "**" in line for line in reworded)


@pytest.mark.slow
def test_a_timeline_of_pdfs_says_whose_lines_it_cites(tmp_path: Path) -> None:
    from published import write_pdf

    pdfs = [
        write_pdf(tmp_path / f"{year}.pdf", [(EXAMPLES / f"{year}.txt").read_text(encoding="utf-8")])
        for year in (2022, 2023)
    ]
    built = build_timeline([tipdiff.load_report(path) for path in pdfs], TIP)
    assert [e.year for e in built.editions] == [2022, 2023]
    assert "lines of the text `tipdiff extract` writes" in render_timeline(built, TIP)
    assert values(built, "victims identified")[(2023, "2022")] == "440"


def test_an_identity_is_one_series_only_on_evidence() -> None:
    """Parts of different wholes, and one measure named alike in unrelated sentences, are
    never lined up: the tables say less rather than compare what may count other things."""
    older = edition(
        "MEXICO (Tier 2)\nPROSECUTION\n27 of 31 states had specialized anti-trafficking prosecutors in 2017."
        " A court heard a case involving six trafficking offenders in December 2017.\n",
        "2018.txt",
    )
    newer = edition(
        "MEXICO (Tier 2)\nPROSECUTION\n31 of 32 states had specialized anti-trafficking prosecutors in 2021."
        " Authorities convicted 95 traffickers involved in 40 federal and state cases in 2021.\n",
        "2022.txt",
    )
    built = build_timeline([older, newer], TIP)
    for series in built.series:
        assert len({r.edition for r in series.readings}) == 1, series.label
