"""Layout, sections and sentences on the example reports, checked against the reference segmentation.

The reference (`../shared/eval/refseg.jsonl`, beside the repository) lists every
sentence or bullet of the 2021 excerpt, 2022 and 2023 by section, as annotators
split them; where it is reachable, the expected sections and sentences come from it.
"""

import itertools
import json
from pathlib import Path

import pytest

import tipdiff
from tipdiff.model import Report, Section

REFSEG = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "refseg.jsonl"
DOCS = {"2021p": "2021-protection-excerpt", "2022": "2022", "2023": "2023"}
"""Reference doc names and the example reports they segment."""

Segmentation = list[tuple[str, list[str]]]
"""Sections in order: (key, sentence texts)."""


def fold(text: str) -> str:
    return " ".join(text.split())


def segmentation(report: Report) -> Segmentation:
    return [(section.key or "", [fold(s.text) for s in section.sentences]) for section in report.sections]


def section(report: Report, key: str) -> Section:
    (found,) = [s for s in report.sections if s.key == key]
    return found


@pytest.fixture(scope="module")
def reference() -> dict[str, Segmentation]:
    """The reference segmentation of each doc."""
    if not REFSEG.is_file():
        pytest.skip(f"the reference segmentation is not at {REFSEG}")
    rows = [json.loads(line) for line in REFSEG.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {
        doc: [
            (key, [fold(r["text"]) for r in group])
            for key, group in itertools.groupby(doc_rows, lambda r: r["section"])
        ]
        for doc, doc_rows in itertools.groupby(rows, lambda r: r["doc"])
    }


def test_2022_sections_in_order(report_2022: Report) -> None:
    keys = [s.key for s in report_2022.sections]
    assert keys == ["summary", "recommendations", "prosecution", "protection", "prevention", "profile"]


def test_2022_sentence_counts_match_the_reference(report_2022: Report, reference: dict[str, Segmentation]) -> None:
    counts = [(s.key, len(s.sentences)) for s in report_2022.sections]
    assert counts == [(key, len(texts)) for key, texts in reference["2022"]]


def test_2022_sections_all_have_headings(report_2022: Report) -> None:
    assert all(s.title and not s.inferred for s in report_2022.sections)


def test_2022_recommendations_are_bullets(report_2022: Report) -> None:
    assert all(s.bullet for s in section(report_2022, "recommendations").sentences)
    assert not any(s.bullet for s in section(report_2022, "protection").sentences)


def test_2023_prosecution_is_inferred(report_2023: Report) -> None:
    prosecution = section(report_2023, "prosecution")
    assert prosecution.inferred
    assert prosecution.title == ""
    assert prosecution.sentences[0].text.startswith("The government increased law enforcement efforts")
    assert [s.key for s in report_2023.sections if s.inferred] == ["prosecution"]


def test_2023_prosecution_sentences_match_the_reference(
    report_2023: Report, reference: dict[str, Segmentation]
) -> None:
    prosecution = section(report_2023, "prosecution")
    assert [fold(s.text) for s in prosecution.sentences] == dict(reference["2023"])["prosecution"]


def test_2023_sections_in_order(report_2023: Report) -> None:
    keys = [s.key for s in report_2023.sections]
    assert keys == ["summary", "recommendations", "prosecution", "protection", "prevention", "profile"]


def test_2021_excerpt_is_one_inferred_protection_section(all_reports: dict[str, Report]) -> None:
    (only,) = all_reports["2021-protection-excerpt"].sections
    assert (only.key, only.inferred, only.title) == ("protection", True, "")


def test_web_scrape_has_no_structure(all_reports: dict[str, Report]) -> None:
    scrape = all_reports["2018-web-scrape"]
    assert not scrape.structured
    assert [s.key for s in scrape.sections] == [None]
    assert len(scrape.sentences) > 100


def test_wiki_has_the_sections_its_headings_name(all_reports: dict[str, Report]) -> None:
    headed = [(s.key, s.title) for s in all_reports["2010-wikipedia"].sections if not s.inferred]
    assert headed == [("prosecution", "Prosecution"), ("protection", "Protection"), ("prevention", "Prevention")]


@pytest.mark.parametrize("markup", ["[tpl]", "[/tpl]", "[[", "]]", "==", "CATEGORIES", "{{"])
def test_wiki_markup_is_not_in_sentences(all_reports: dict[str, Report], markup: str) -> None:
    assert not [s.text for s in all_reports["2010-wikipedia"].sentences if markup in s.text]


def test_wiki_citations_are_not_glued_to_sentences(all_reports: dict[str, Report]) -> None:
    # The file glues "Mexico". Trafficking in Persons Report 2010. ... to the end of sentences.
    texts = [s.text for s in all_reports["2010-wikipedia"].sentences]
    assert not [t for t in texts if "Trafficking in Persons Report" in t]
    assert all(t.rstrip()[-1] in '.;:!?)”"' for t in texts)


def test_wiki_empty_sections_are_dropped(all_reports: dict[str, Report]) -> None:
    keys = {s.key for s in all_reports["2010-wikipedia"].sections}
    assert not keys & {"see-also", "references"}


@pytest.mark.parametrize(
    "doc",
    [
        "2021p",
        "2022",
        "2023",
    ],
)
def test_sentences_match_the_reference(
    all_reports: dict[str, Report], reference: dict[str, Segmentation], doc: str
) -> None:
    assert segmentation(all_reports[DOCS[doc]]) == reference[doc]


def test_lines_point_into_the_file(examples: Path, all_reports: dict[str, Report]) -> None:
    for name, report in all_reports.items():
        assert_lines_point_into(examples / f"{name}.txt", report)


def assert_lines_point_into(path: Path, report: Report) -> None:
    lines = [fold(line) for line in path.read_text(encoding="utf-8").split("\n")]
    for sentence in report.sentences:
        opening = " ".join(sentence.text.split()[:3])
        assert opening in lines[sentence.line - 1], f"{path.name}: {opening!r} is not on line {sentence.line}"
    for titled in (s for s in report.sections if s.title):
        assert titled.title in lines[titled.line - 1]


MARKDOWN = """\
# Mexico 2023

## Protection

The government maintained *protection* efforts. It identified **440** victims, see
[the report](https://example.org/report).

- Fund the [assistance fund](https://example.org/fund).
- Train _judges_ on the law. Also train prosecutors.

## Prevention

Officials ran `awareness` campaigns.
"""


def test_markdown_sections_and_bullets() -> None:
    report = tipdiff.parse_report(MARKDOWN, "mexico.md")
    assert report.format == "markdown"
    assert [(s.key, s.title, s.inferred) for s in report.sections] == [
        ("protection", "Protection", False),
        ("prevention", "Prevention", False),
    ]
    assert [(s.text, s.bullet, s.line) for s in report.sections[0].sentences] == [
        ("The government maintained protection efforts.", False, 5),
        ("It identified 440 victims, see the report.", False, 5),
        ("Fund the assistance fund.", True, 8),
        ("Train judges on the law. Also train prosecutors.", True, 9),
    ]
    assert [s.text for s in report.sections[1].sentences] == ["Officials ran awareness campaigns."]


def test_plain_text_with_a_markdown_title_keeps_its_headings():
    """A report saved as .md (or given a "# " title) but written a block to a line, without
    Markdown's blank lines: its plain headings still part its sections."""
    plain = (Path(__file__).resolve().parent.parent / "examples" / "mexico" / "2023.txt").read_text(encoding="utf-8")
    as_markdown = tipdiff.parse_report("# " + plain, "2023.md")
    as_plain = tipdiff.parse_report(plain, "2023.txt")
    assert [s.key for s in as_markdown.sections] == [s.key for s in as_plain.sections]
    assert [s.text for s in as_markdown.sentences] == [s.text for s in as_plain.sentences]
    assert as_markdown.headings[0].text == "MEXICO (Tier 2)"


def test_a_capital_line_over_its_paragraph_is_a_heading_in_markdown():
    text = "# MEXICO (Tier 2)\n\nThe government acted.\n\nPROSECUTION\nThe government prosecuted 12 cases.\n"
    report = tipdiff.parse_report(text, "x.md")
    assert [h.text for h in report.headings] == ["MEXICO (Tier 2)", "PROSECUTION"]
    assert [(s.key, s.sentences[0].text) for s in report.sections][-1] == (
        "prosecution",
        "The government prosecuted 12 cases.",
    )
    real = "# Notes\n\nWe met on **Monday** and agreed.\n\nThe next meeting is on Friday.\n"
    assert [h.text for h in tipdiff.parse_report(real, "notes.md").headings] == ["Notes"]  # real Markdown as before


def test_page_furniture_on_a_line_of_its_own_is_not_glued_to_the_report() -> None:
    report = tipdiff.parse_report(
        "Share this page Back to Top\nThe Government of Kenya does not fully meet the minimum standards.\n"
        "The shelters were run by\nprint shops and NGOs.\n"
    )
    assert [s.text for s in report.sentences] == [
        "The Government of Kenya does not fully meet the minimum standards.",
        "The shelters were run by print shops and NGOs.",
    ]
