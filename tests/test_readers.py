"""Reports as they are published: the year's PDF, one country cut out of it, a saved web page.

The fixtures are made here from the example reports (tests/published.py): a PDF of the
year with three countries in two columns, running heads, page numbers, a footnote and
words hyphenated at column ends, and a country page inside a government site's menus,
banners and footer.
"""

import itertools
from pathlib import Path

import pytest
from published import BODY, CAPTION, FOOTNOTE, PULL_QUOTE, RUNNING_HEAD, web_page, write_pdf

from tipdiff.cli import main
from tipdiff.errors import NotText
from tipdiff.layout import split_blocks
from tipdiff.markdown import markdown_blocks
from tipdiff.model import BlockKind
from tipdiff.normalize import comparison_key, words
from tipdiff.pipeline import compare, load_report, parse_report
from tipdiff.profiles.tip import TIP
from tipdiff.readers import extract, list_parts
from tipdiff.readers.html import html_markdown
from tipdiff.readers.markup import MarkdownBlock, markdown_document
from tipdiff.readers.pdf import Spelling, _page_lines, open_pdf, rejoin

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "mexico"
MALTA = (
    "MALTA: Tier 2\n"
    "The Government of Malta does not fully meet the minimum standards for the elimination of trafficking"
    " but is making significant efforts to do so.\n"
    "PROSECUTION\n"
    "The government maintained law enforcement efforts. Authorities investigated four cases.\n"
)
MOLDOVA = (
    "MOLDOVA: Tier 2\n"
    "The Government of Moldova does not fully meet the minimum standards for the elimination of trafficking"
    " but is making significant efforts to do so. Authorities identified 12 victims.\n"
)
SITE_FURNITURE = (
    "cookies", "Accept all", "Skip to content", "Bureaus", "Breadcrumb", "Share on", "Email this page",
    "Back to Top", "Related Articles", "Secretary travels", "Inspector General", "official website", "dataLayer",
    "font-family", "Reports by country", "Afghanistan", "Armenia", "Peru country report",
)  # fmt: skip


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """For 2022 and 2023: the year's PDF (Malta, Mexico, Moldova) and Mexico's web page."""
    folder = tmp_path_factory.mktemp("published")
    for year in ("2022", "2023"):
        text = (EXAMPLES / f"{year}.txt").read_text(encoding="utf-8")
        write_pdf(folder / f"{year}.pdf", [MALTA, text, MOLDOVA])
        (folder / f"{year}.html").write_text(web_page(text, "Mexico"), encoding="utf-8")
    return folder


def sentence_words(report) -> list[list[str]]:
    """Each sentence as its words: what the comparison sees (a hyphen or a space between two
    words of a compound is not a difference in words)."""
    return [words(comparison_key(sentence.text)) for sentence in report.sentences]


def letters(report) -> list[str]:
    """Each sentence as its letters and digits, whatever stands between its words."""
    return ["".join(words(comparison_key(sentence.text))) for sentence in report.sentences]


def outline_of(blocks) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text[:40]) for b in blocks if b.kind is not BlockKind.PARAGRAPH]


def outline(report) -> list[tuple[str | None, str]]:
    return [(section.key, section.title) for section in report.sections]


def labels(comparison) -> list[tuple]:
    return [
        (change.label, tuple(s.index for s in change.old), tuple(s.index for s in change.new), change.moved)
        for change in comparison.changes
    ]


@pytest.mark.slow
@pytest.mark.parametrize("example", sorted(path.name for path in EXAMPLES.glob("*.txt")))
@pytest.mark.parametrize("kind", ["pdf", "html"])
def test_every_sentence_comes_out_once_and_nothing_else(example: str, kind: str, tmp_path: Path) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    source = tmp_path / f"report.{kind}"
    if kind == "pdf":
        write_pdf(source, [text])
    else:
        source.write_text(web_page(text, "Mexico"), encoding="utf-8")
    original = parse_report(text, example)
    extracted = extract(source, TIP)
    published = parse_report(extracted.text, example, extracted.format)
    assert sentence_words(published) == sentence_words(original)
    assert outline(published) == outline(original)
    for furniture in (RUNNING_HEAD, "COUNTRY NARRATIVES", FOOTNOTE, CAPTION, PULL_QUOTE, *SITE_FURNITURE):
        if furniture.casefold() not in text.casefold():
            assert furniture.casefold() not in extracted.text.casefold()


@pytest.mark.slow
@pytest.mark.parametrize("house", ["spaced", "indented"])
def test_each_country_of_a_years_pdf_comes_out_whole_in_either_house_style(house: str, tmp_path: Path) -> None:
    """One, two or three columns, ragged or justified, paragraphs by gaps or by indents, page numbers at the foot or in
    the running head beside the country's name: the same sentences and sections. (A compound
    broken at its own hyphen that the document spells nowhere else cannot be told from a word
    hyphenated at a line's end, so only letters are compared here, not what stands between
    words; how broken words are put back is tested on its own below.)"""
    panama = "PANAMA: Tier 2\n" + (EXAMPLES / "2021-protection-excerpt.txt").read_text(encoding="utf-8")
    mexico = (EXAMPLES / "2023.txt").read_text(encoding="utf-8")
    for columns in (1, 2, 3):
        pdf = write_pdf(tmp_path / f"{house}-{columns}.pdf", [MALTA, panama, mexico, MOLDOVA], columns, house=house)
        for country, text in (("Panama", panama), ("Mexico", mexico)):
            extracted = parse_report(extract(pdf, TIP, country).text, f"{country}.pdf", "markdown")
            original = parse_report(text, f"{country}.txt")
            assert letters(extracted) == letters(original), (columns, country)
            published_blocks = markdown_blocks(extract(pdf, TIP, country).text)
            source_blocks = split_blocks(text, "plain")
            # headings and bullets exactly; a paragraph may be split where a column ends with
            # a full stop (a gap-spaced layout cannot say more), never merged with another
            assert outline_of(published_blocks) == outline_of(source_blocks), (columns, country)
            starts = {b.text[:40] for b in published_blocks}
            assert all(b.text[:40] in starts for b in source_blocks), (columns, country)
            if house == "indented":
                assert [b.kind for b in published_blocks] == [b.kind for b in source_blocks], (columns, country)
            assert outline(extracted) == outline(original), (columns, country)


@pytest.mark.slow
def test_one_country_is_cut_out_of_the_years_pdf(published: Path) -> None:
    pdf = published / "2023.pdf"
    text = extract(pdf, TIP, "Mexico").text
    assert text.startswith("# MEXICO (Tier 2)\n")
    assert "Malta" not in text and "Moldova" not in text and "MOLDOVA" not in text
    original = load_report(EXAMPLES / "2023.txt")
    assert sentence_words(parse_report(text, "2023.pdf", "markdown")) == sentence_words(original)
    # the country before Mexico ends on Mexico's first page: Mexico starts mid-page
    assert [(part.country, page) for part, page in list_parts(pdf, TIP)] == [
        ("MALTA", 1), ("MEXICO", 1), ("MOLDOVA", max(page for _, page in list_parts(pdf, TIP)))
    ]  # fmt: skip
    moldova = extract(pdf, TIP, "moldova").text
    assert moldova.startswith("# MOLDOVA: Tier 2\n") and "Authorities identified 12 victims." in moldova
    assert "Mexico" not in moldova


@pytest.mark.slow
def test_page_furniture_is_gone_and_the_words_around_it_joined(published: Path) -> None:
    text = extract(published / "2023.pdf", TIP, "Mexico").text
    assert RUNNING_HEAD not in text and FOOTNOTE not in text
    lines = text.split("\n")
    assert not [line for line in lines if line.strip().isdigit()], "a page number was kept"
    # the footnote marker after the summary's first sentence is gone, the sentence kept whole
    assert "to do so. The government demonstrated" in lines[2]
    broken = [word for line in lines for word in line.split() if len(word) > 1 and word.endswith("-")]
    assert not broken, "a line-end hyphen was kept"
    assert "anti-trafficking" in text
    # words the fixture hyphenated across a page break are whole again
    with open_pdf(published / "2023.pdf") as document:
        pages = [
            [line for line in _page_lines(document[index], index) if line.size == BODY]
            for index in range(len(document))
        ]
    halves = [
        (page[-1].text.split()[-1].rstrip("-"), following[0].text.split()[0])
        for page, following in itertools.pairwise(pages)
        if page[-1].text.endswith("-")
    ]
    assert halves, "the fixture broke no word across a page"
    for first, second in halves:
        assert f"{first}{second}" in text or f"{first}-{second}" in text


@pytest.mark.slow
def test_a_pdf_pair_and_a_web_page_pair_compare_as_their_text_files_do(published: Path) -> None:
    texts = compare(load_report(EXAMPLES / "2022.txt"), load_report(EXAMPLES / "2023.txt"))
    pdfs = compare(
        load_report(published / "2022.pdf", country="Mexico"), load_report(published / "2023.pdf", country="Mexico")
    )
    pages = compare(load_report(published / "2022.html"), load_report(published / "2023.html"))
    assert outline(pdfs.new) == outline(pages.new) == outline(texts.new)
    assert labels(pdfs) == labels(texts)
    assert labels(pages) == labels(texts)


@pytest.mark.slow
def test_cited_lines_are_lines_of_the_extracted_text(published: Path, tmp_path: Path) -> None:
    pdf = published / "2023.pdf"
    assert main(["extract", str(pdf), "--country", "Mexico", "-o", str(tmp_path / "mexico.md")]) == 0
    lines = (tmp_path / "mexico.md").read_text(encoding="utf-8").split("\n")
    report = load_report(pdf, country="Mexico")
    for sentence in report.sentences:
        assert sentence.text[:40] in lines[sentence.line - 1]


@pytest.mark.slow
def test_the_command_line_reads_the_years_pdf(published: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = str(published / "2023.pdf")
    assert main(["extract", pdf, "--list"]) == 0
    listed = capsys.readouterr().out
    assert "MEXICO (Tier 2)  (p. 1)" in listed and "MALTA: Tier 2" in listed and "MOLDOVA: Tier 2" in listed
    assert main(["compare", str(published / "2022.pdf"), pdf, "--country", "Mexico", "-f", "markdown"]) == 0
    narrative = capsys.readouterr().out
    assert "Protection**: maintained → **decreased**" in narrative
    assert "Line numbers (l.) of a PDF or web page are lines of the text `tipdiff extract` writes" in narrative
    assert "Malta" not in narrative and "Moldova" not in narrative


def refusal(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and not captured.out
    lines = captured.err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    return lines[0]


def test_a_years_pdf_needs_a_country_and_an_unknown_one_lists_those_it_holds(
    published: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = str(published / "2023.pdf")
    assert "holds 3 countries; choose one with --country" in refusal(["extract", pdf], capsys)
    unknown = refusal(["extract", pdf, "--country", "Narnia"], capsys)
    assert "no country 'Narnia'" in unknown and "MALTA, MEXICO, MOLDOVA" in unknown
    assert "Did you mean MEXICO?" in refusal(["extract", pdf, "--country", "Mexcio"], capsys)
    one = refusal(["compare", str(EXAMPLES / "2022.txt"), str(EXAMPLES / "2023.txt"), "--country", "Malta"], capsys)
    assert "holds no country 'Malta'" in one and "It holds: Mexico" in one


@pytest.mark.slow
def test_a_single_country_pdf_needs_no_country(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "mexico.pdf", [(EXAMPLES / "2023.txt").read_text(encoding="utf-8")])
    assert extract(pdf, TIP).text == extract(pdf, TIP, "Mexico").text


def test_unreadable_pdfs_and_web_addresses_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportlab.pdfgen.canvas import Canvas

    encrypted = Canvas(str(tmp_path / "locked.pdf"), encrypt="secret")
    encrypted.drawString(72, 720, "MEXICO: Tier 2")
    encrypted.save()
    scanned = Canvas(str(tmp_path / "scanned.pdf"))
    scanned.rect(72, 72, 400, 600, fill=1)
    scanned.save()
    (tmp_path / "damaged.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    assert "encrypted PDF; decrypt it first" in refusal(["extract", str(tmp_path / "locked.pdf")], capsys)
    assert "no text layer" in refusal(["extract", str(tmp_path / "scanned.pdf")], capsys)
    assert "OCR" in refusal(["compare", str(tmp_path / "scanned.pdf"), str(EXAMPLES / "2023.txt")], capsys)
    assert "not a PDF tipdiff can read" in refusal(["extract", str(tmp_path / "damaged.pdf")], capsys)
    url = "https://www.state.gov/reports/2023-trafficking-in-persons-report/mexico/"
    address = refusal(["compare", url, str(EXAMPLES / "2023.txt")], capsys)
    assert address.startswith(f"Error: {url.rstrip('/')}") and "reads files, not web addresses" in address
    assert "Save Page As" in address


@pytest.mark.parametrize(
    ("first", "second", "document", "expected"),
    [
        ("investi", "gations", "Police opened investigations. Officials investigated.", "investigations"),
        ("anti", "trafficking", "Officials were trained on trafficking.", "anti-trafficking"),
        ("pre", "vention", "Officials were trained.", "prevention"),
        ("part", "nering", "A partner took part.", "partnering"),
        ("legally", "required", "The fund was required by law.", "legally required"),
        ("court", "ordered", "Courts ordered payments.", "court-ordered"),
        ("non", "Spanish", "Spanish speakers.", "non-Spanish"),
        ("victim", "centered", "a victim-centered approach", "victim-centered"),
        ("short", "fall", "a shortfall of funds", "shortfall"),
        ("follow", "up", "They met.", "follow-up"),
        ("recom", "mendations", "The report lists recommendations.", "recommendations"),
    ],
)
def test_a_word_broken_at_a_line_end_is_put_back_as_the_document_writes_it(
    first: str, second: str, document: str, expected: str
) -> None:
    assert rejoin(first, second, Spelling.of([document])) == expected


def test_a_web_page_keeps_its_headings_lists_and_entities_and_drops_what_is_hidden() -> None:
    page = b"""<!doctype html><html><head><meta charset="windows-1252"><title>t</title></head><body>
    <main><h1>MEXICO (Tier 2)</h1>
    <p>The Government of Mexico does not fully meet the minimum standards &mdash; it \x93tried\x94.</p>
    <p><strong>PROSECUTION:</strong> The government increased law enforcement efforts &amp; arrests.</p>
    <ul><li><p>Fund shelters.</p></li><li>Train <em>judges</em>.</li></ul>
    <div hidden>Sign up for updates</div><span style="display: none">Loading</span>
    <p><a href="#top">Back to top</a></p><!-- tracking --></main></body></html>"""
    text = html_markdown(page, "mexico.html")
    blocks = [(block.kind, block.text) for block in markdown_blocks(text)]
    assert blocks == [
        (BlockKind.HEADING, "MEXICO (Tier 2)"),
        (BlockKind.PARAGRAPH, "The Government of Mexico does not fully meet the minimum standards — it “tried”."),
        (BlockKind.HEADING, "PROSECUTION:"),
        (BlockKind.PARAGRAPH, "The government increased law enforcement efforts & arrests."),
        (BlockKind.BULLET, "Fund shelters."),
        (BlockKind.BULLET, "Train judges."),
    ]


def test_a_large_web_page_is_read(tmp_path: Path) -> None:
    text = (EXAMPLES / "2023.txt").read_text(encoding="utf-8")
    page = web_page(text, "Mexico")
    padding = "<div class='related-stories'>" + "<p>Another story of the day.</p>" * 160_000 + "</div>"
    big = tmp_path / "big.html"
    big.write_text(page.replace("<footer", padding + "<footer"), encoding="utf-8")
    assert big.stat().st_size > 5_000_000
    assert sentence_words(load_report(big)) == sentence_words(parse_report(text, "2023.txt"))


def test_extracted_text_reads_back_as_written() -> None:
    blocks = [
        MarkdownBlock("heading", "1. Summary", 1),
        MarkdownBlock("paragraph", "2021. The government *did* fund [two] shelters_ & AT&amp;T <b> # not a heading"),
        MarkdownBlock("bullet", "- a dash that opens a bullet's text"),
        MarkdownBlock("paragraph", "+ 5 percent ~~ | pipes | ` ticks"),
    ]
    read_back = [(block.kind, block.text) for block in markdown_blocks(markdown_document(blocks))]
    assert read_back == [
        (BlockKind.HEADING, "1. Summary"),
        (BlockKind.PARAGRAPH, blocks[1].text),
        (BlockKind.BULLET, blocks[2].text),
        (BlockKind.PARAGRAPH, blocks[3].text),
    ]


def test_a_pdf_is_recognised_by_its_content_not_its_name(published: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "mexico-2023.txt"
    renamed.write_bytes((published / "2023.pdf").read_bytes())
    assert extract(renamed, TIP, "Mexico").kind == "pdf"
    with pytest.raises(NotText):
        extract(tmp_path.joinpath("empty.pdf").write_bytes(b"%PDF-1.4\n") and tmp_path / "empty.pdf", TIP)


@pytest.mark.slow
def test_a_pdf_in_one_column_reads_the_same(tmp_path: Path) -> None:
    text = (EXAMPLES / "2022.txt").read_text(encoding="utf-8")
    pdf = write_pdf(tmp_path / "one-column.pdf", [text], columns=1)
    assert sentence_words(load_report(pdf)) == sentence_words(parse_report(text, "2022.txt"))
