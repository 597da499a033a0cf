"""PDF reports: the text layer read with PDFium, in reading order, as Markdown.

A PDF knows glyphs and where they sit, not paragraphs or headings. What a reader sees
is rebuilt from that: lines from glyphs on one baseline, columns from where lines start
and end, headings from a larger or bold font, paragraphs from gaps and indents. What
is not the report's prose goes: running headers and footers (the same words at the same
edge of many pages), page numbers, footnotes (small type at the foot of a page) and the
raised digits that point to them. A word hyphenated at a line's end is rejoined the way
the rest of the document writes it.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from statistics import median
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tipdiff.errors import NotText
from tipdiff.profiles import Profile
from tipdiff.readers.markup import MarkdownBlock, markdown_document
from tipdiff.readers.parts import Part, choose_part, country_key, cut, find_parts
from tipdiff.sentences import stem

_BREAKS = {0x0D, 0x0A}
_HYPHENS = {0x2D, 0x02, 0xFFFE, 0x00AD, 0x2010}
"""PDFium writes a hyphen that ends a line as U+FFFE or U+0002."""
_BULLET = re.compile(r"^[•●▪◦‣⁃■□\uf0a7\uf0b7\uf076\uf0d8]\s*")
"""Bullet glyphs (Symbol and Wingdings ones included); a dash that opens a line is prose."""
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_FORCE_BOLD = 1 << 18
_ITALIC = re.compile(r"italic|oblique", re.IGNORECASE)
_ITALIC_FLAG = 1 << 6
_MARKERS = set("0123456789*†‡")
"""What a raised footnote marker is made of."""
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})  # fmt: skip
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[\divxlc]{1,6}(?:\s+(?:of|/)\s+\d+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?:;]['\"”’)\]]*$")
_SMALL = 0.92
"""Type this much smaller than the body's is a footnote, a caption or a box, not the prose."""
_FULL_STOP = re.compile(r"[.!?]['\"”’)\]]*$")
_BROKEN = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[ \t]*\n[ \t]*[^\W\d_]+")
_NOT_WORD = re.compile(r"(?:[^\w-]|_|-(?![^\W\d_])|(?<![^\W\d_])-)+")
"""What stands between words: anything but letters, digits and a hyphen inside a word."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MARGIN = 0.09
"""The share of a page's height at its top and at its foot where running heads sit."""
_PREFIXES = frozenset("anti non self cross counter ex multi semi quasi pseudo post pre inter intra sub co".split())
"""Prefixes that are not words alone but keep their hyphen before one ("anti-trafficking")."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of type (or one column's part of it) on a page."""

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float
    """The font size of most of its letters."""
    bold: bool
    italic: bool
    baseline: float
    """Where most of its letters sit."""


def pdf_text(path: Path, profile: Profile, country: str | None) -> str:
    """The document as Markdown, or the part of it `country` names: only the pages from that
    part's heading to the next part's are laid out, so one country of a year's report is quick."""
    with open_pdf(path) as document:
        texts = page_texts(document, path)
        located = _located_parts(texts, profile)
        part = choose_part([part for part, _ in located], country, str(path))
        if part is None:
            return pdf_markdown(document, path, texts)
        at = next(position for position, (found, _) in enumerate(located) if found == part)
        ends = [index for found, index in located[at + 1 :] if country_key(found.country) != country_key(part.country)]
        pages = range(located[at][1], (ends[0] if ends else len(texts) - 1) + 1)
        return cut(pdf_markdown(document, path, texts, pages), part, profile)


def pdf_parts(path: Path, profile: Profile) -> list[tuple[Part, int]]:
    """The parts (countries) the document holds, each with the 0-based page it starts on."""
    with open_pdf(path) as document:
        return _located_parts(page_texts(document, path), profile)


def _located_parts(texts: Sequence[str], profile: Profile) -> list[tuple[Part, int]]:
    return [(part, index) for index, text in enumerate(texts) for part in find_parts(text.split("\n"), profile)]


def pdf_markdown(
    document: pdfium.PdfDocument, path: Path, texts: Sequence[str], pages: Sequence[int] | None = None
) -> str:
    """The document (or the given 0-based pages of it) as Markdown, in reading order;
    `texts` are all its pages' texts, from which it learns how the document spells words."""
    chosen = range(len(document)) if pages is None else pages
    heights, lines = {}, []
    for index in chosen:
        page = document[index]
        width, heights[index] = page.get_size()
        lines += _reading_order(_with_drawn_bullets(_page_lines(page, index), page), width)
        page.close()
    if not lines:
        raise _no_text(path)
    kept = _without_furniture(lines, heights)
    # the pages laid out give their lines in reading order, so a broken word's halves are known
    others = [text for index, text in enumerate(texts) if index not in heights]
    spelling = Spelling.of(["\n".join(line.text for line in kept), *others])
    return markdown_document(_blocks(kept, spelling))


def page_texts(document: pdfium.PdfDocument, path: Path) -> list[str]:
    """Each page's text as PDFium reads it: fast enough to search a 600-page report."""
    texts = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        texts.append(textpage.get_text_range().replace("\r\n", "\n").replace("\ufffe", "-\n"))  # a line-end hyphen
        textpage.close()
        page.close()
    if not any(text.strip() for text in texts):
        raise _no_text(path)
    return texts


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfium.PdfDocument]:
    """A PDFium document, closed however reading ends; a PDF or a page it cannot open says why."""
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise NotText(f"{path}: is an encrypted PDF; decrypt it first (e.g. qpdf --decrypt)") from None
        raise NotText(f"{path}: is not a PDF tipdiff can read ({error})") from None
    try:
        yield document
    except pdfium.PdfiumError as error:
        raise NotText(f"{path}: has a page tipdiff cannot read ({error})") from None
    finally:
        document.close()


def _no_text(path: Path) -> NotText:
    return NotText(f"{path}: has no text layer (a scanned or image-only PDF); run OCR first, e.g. ocrmypdf")


class Glyph(NamedTuple):
    """One character where it sits on the page (PDF units, y upwards)."""

    char: str
    left: float
    right: float
    bottom: float
    top: float
    size: float
    bold: bool
    italic: bool


def _page_lines(page: pdfium.PdfPage, index: int) -> Iterator[Line]:
    """The page's lines, glyph by glyph: a line ends where PDFium ends one, where the text
    goes back or leaves the line's height, or at a gap wide enough to be a column's gutter."""
    textpage = page.get_textpage()
    raw = textpage.raw
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    glyphs: list[Glyph] = []
    broken = False  # PDFium ended a line: a new text object, which may go on along the same line
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in _BREAKS:
            broken = True
            continue
        _, bottom, _, top = textpage.get_charbox(i)
        left, _, right, _ = textpage.get_charbox(i, loose=True)  # the advance, so gaps are spaces
        size = pdfium_c.FPDFText_GetFontSize(raw, i)
        if glyphs and code != 0x20:
            previous, recent = glyphs[-1], glyphs[-8:]
            above = bottom > max(g.top for g in recent)
            below = top < min(g.bottom for g in recent) - 0.3 * size
            # after PDFium ends a line, only what sits right on (a footnote mark, a change of
            # font) goes on with it; what stands a gutter away is another column's line
            back = left < previous.left - size or (broken and not 0 <= left - previous.right + 1 < 0.6 * size + 1)
            if back or above or below or left - previous.right > 2 * size:
                yield from _line(index, glyphs)
                glyphs = []
            broken = False
        elif broken and code == 0x20:
            continue
        pdfium_c.FPDFText_GetFontInfo(raw, i, name, len(name), ctypes.byref(flags))
        font = name.value.decode("latin-1")
        bold = bool(_BOLD.search(font)) or bool(flags.value & _FORCE_BOLD)
        italic = bool(_ITALIC.search(font)) or bool(flags.value & _ITALIC_FLAG)
        char = "-" if code in _HYPHENS else chr(code) if code < 0x110000 else " "
        glyphs.append(Glyph(char, left, right, bottom, top, size, bold, italic))
    yield from _line(index, glyphs)
    textpage.close()


def _with_drawn_bullets(lines: Iterable[Line], page: pdfium.PdfPage) -> Iterator[Line]:
    """Lines that a small drawn dot or square stands just left of, marked as bullets."""
    marks = [mark.get_bounds() for mark in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)]
    marks = [(left, bottom, right, top) for left, bottom, right, top in marks if _dot(right - left, top - bottom)]
    for line in lines:
        drawn = [
            left
            for left, bottom, right, top in marks
            if 0 <= line.x0 - right <= 2 * line.size and bottom >= line.bottom - 2 and top <= line.top + 2
        ]
        # the line starts at its mark, as it would at a bullet glyph, so its wrapped lines hang
        yield replace(line, text="• " + line.text, x0=drawn[0]) if drawn and not _BULLET.match(line.text) else line


def _dot(width: float, height: float) -> bool:
    return 1 <= width <= 8 and 1 <= height <= 8 and abs(width - height) < 1.5


def _line(page: int, glyphs: list[Glyph]) -> Iterator[Line]:
    """A line from its glyphs, without the small raised digits that point to footnotes."""
    letters = [g for g in glyphs if not g.char.isspace()]
    if not letters:
        return
    size = median(g.size for g in letters)
    baseline = median(g.bottom for g in letters if g.size >= 0.9 * size)
    kept = [g for g in glyphs if not (g.char in _MARKERS and g.size < 0.8 * size and g.bottom > baseline + 0.15 * size)]
    chars = []
    for previous, glyph in zip([None, *kept], kept, strict=False):
        spaced = previous is not None and " " not in (previous.char, glyph.char)
        if spaced and glyph.left - previous.right > 0.15 * size:  # a gap PDFium wrote no space for
            chars.append(" ")
        chars.append(glyph.char)
    text = " ".join("".join(chars).translate(_LIGATURES).split())
    shown = [g for g in kept if not g.char.isspace()]
    if not text:
        return
    alphabetic = [g for g in shown if g.char.isalpha()]
    yield Line(
        page,
        min(g.left for g in shown),
        max(g.right for g in shown),
        max(g.top for g in shown),
        min(g.bottom for g in shown),
        text,
        size,
        sum(g.bold for g in alphabetic) > 0.6 * len(alphabetic),
        sum(g.italic for g in alphabetic) > 0.6 * len(alphabetic),
        baseline,
    )


def _reading_order(lines: Iterator[Line], width: float) -> list[Line]:
    """A page's lines as a person reads them: top to bottom, and where the page is set in
    columns, each column before the next, between the lines that span them."""
    rows = _rows(lines)
    gutters = _gutters([line for row in rows for line in row], width)

    def column(line: Line) -> int | None:
        """The column a line stands in; None for a line across a gutter."""
        if any(line.x0 < gutter < line.x1 for gutter in gutters):
            return None
        return sum(line.x0 >= gutter for gutter in gutters)

    page = [line for row in rows for line in _joined_fragments(row, column)]
    ordered: list[Line] = []
    band: list[Line] = []
    for line in page:
        if column(line) is not None:
            band.append(line)
            continue
        ordered += [*sorted(band, key=column), line]  # stable: top to bottom within a column
        band = []
    return ordered + sorted(band, key=column)


def _rows(lines: Iterable[Line]) -> list[list[Line]]:
    """Lines top to bottom, grouped by baseline (however tall their letters), each row left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: -line.baseline):
        if rows and rows[-1][0].baseline - line.baseline <= 0.3 * min(rows[-1][0].size, line.size):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda line: line.x0) for row in rows]


def _joined_fragments(row: list[Line], column: Callable[[Line], int | None]) -> list[Line]:
    """The pieces of one line of one column (words set one by one, a change of font) as one line."""
    joined: list[Line] = []
    for line in row:
        previous = joined[-1] if joined else None
        if previous and column(previous) == column(line) and column(line) is not None and line.size == previous.size:
            weight = len(previous.text), len(line.text)
            joined[-1] = replace(
                previous,
                x1=max(previous.x1, line.x1),
                top=max(previous.top, line.top),
                bottom=min(previous.bottom, line.bottom),
                text=f"{previous.text} {line.text}",
                bold=previous.bold if weight[0] >= weight[1] else line.bold,
                italic=previous.italic if weight[0] >= weight[1] else line.italic,
            )
        else:
            joined.append(line)
    return joined


def _gutters(page: list[Line], width: float) -> list[float]:
    """Where a page set in columns divides them: lines down the page that few lines cross,
    with many lines on each side, at least a sixth of the page apart."""
    if len(page) < 6:
        return []
    crossing = {
        x: sum(line.x0 < x < line.x1 for line in page) for x in (width * share / 100 for share in range(20, 81))
    }
    gutters: list[float] = []
    for x in sorted(crossing, key=lambda x: (crossing[x], abs(x - width / 2))):
        if crossing[x] > 0.1 * len(page):
            break
        if all(abs(x - other) > width / 6 for other in gutters):
            gutters.append(x)
    gutters.sort()
    edges = [0.0, *gutters, width]
    columns = [sum(a <= line.x0 and line.x1 <= b for line in page) for a, b in itertools.pairwise(edges)]
    while gutters and min(columns) < 3:  # a "column" of a few lines is a gap in the text, not a column
        weakest = columns.index(min(columns))
        gutters.pop(min(weakest, len(gutters) - 1))
        edges = [0.0, *gutters, width]
        columns = [sum(a <= line.x0 and line.x1 <= b for line in page) for a, b in itertools.pairwise(edges)]
    return gutters


def _without_furniture(lines: list[Line], heights: dict[int, float]) -> list[Line]:
    """The lines without running heads and feet, page numbers, and insets (footnotes,
    captions, boxes, pull quotes)."""
    if not lines:
        return []

    def at_edge(line: Line) -> bool:
        height = heights[line.page]
        return line.bottom > (1 - _MARGIN) * height or line.top < _MARGIN * height

    def running(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.casefold())

    pages_with = Counter(
        running(line) for line in {(line.page, running(line)): line for line in lines if at_edge(line)}.values()
    )
    kept = [
        line
        for line in lines
        if not (
            at_edge(line)
            and (
                _PAGE_NUMBER.match(line.text)
                or (len(heights) > 1 and pages_with[running(line)] >= max(2, len(heights) // 3))
            )
        )
    ]
    return _without_insets(kept, _body_size(kept or lines))


def _without_insets(lines: list[Line], body: float) -> list[Line]:
    """Without what is set beside the prose: small type (footnotes, captions, the text of a
    box) always, and large or bold lines set in the middle of a sentence that goes on after
    them (a heading never interrupts a sentence; a pull quote or a box's title does)."""
    small = {number for number, line in enumerate(lines) if line.size < _SMALL * body}
    if sum(len(lines[number].text) for number in small) > 0.25 * sum(len(line.text) for line in lines):
        small = set()  # so much small type is the prose itself
    edges = _column_edges(lines, body)[1]
    kept: list[int] = []
    position = 0
    while position < len(lines):
        end = position
        while end < len(lines) and (end in small or lines[end].size >= 1.15 * body or lines[end].bold):
            end += 1
        if end == position:
            kept.append(position)
            position += 1
            continue
        run = lines[position:end]
        before = kept[-1] if kept else None
        quoted = all(line.italic for line in run) and run[0].text[:1] in "“\"‘'"
        interrupts = (
            quoted
            or (
                before is not None
                and end < len(lines)
                and not _CLAUSE_END.search(lines[before].text)
                # the sentence goes on in lower case, or the line before it runs to the column's edge
                and (lines[end].text[:1].islower() or lines[before].x1 >= edges[before] - body)
            )
        )
        if not interrupts:  # what is left of the run is headings, without their small print
            kept += [number for number in range(position, end) if number not in small]
        position = end
    return [lines[number] for number in kept]


def _body_size(lines: Sequence[Line]) -> float:
    """The font size most of the document's letters are set in."""
    sizes = Counter[float]()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0]


def _blocks(lines: list[Line], spelling: Spelling) -> list[MarkdownBlock]:
    """Headings, bullets and paragraphs from the lines, a hyphenated word rejoined."""
    if not lines:
        return []
    body = _body_size(lines)
    heading_sizes = sorted({round(line.size * 2) / 2 for line in lines if line.size >= 1.15 * body}, reverse=True)
    setting = _Setting.of(lines, body)
    blocks: list[MarkdownBlock] = []
    current: list[Line] = []
    level = 0

    def close() -> None:
        if current:
            text = _joined([line.text for line in current], spelling)
            bullet = not level and _BULLET.match(text)
            kind = "heading" if level else "bullet" if bullet else "paragraph"
            blocks.append(MarkdownBlock(kind, text[bullet.end() :] if bullet else text, level))

    for number, line in enumerate(lines):
        line_level = _heading_level(line, heading_sizes)
        if not current or line_level != level:
            starts = True
        elif level:
            starts = not _close_below(current[-1], line, setting.pitch)
        else:
            starts = _starts_block(current, line, setting, number)
        if starts:
            close()
            current, level = [line], line_level
        else:
            current.append(line)
    close()
    return blocks


def _heading_level(line: Line, heading_sizes: list[float]) -> int:
    """1 for the largest heading type, and so on; bold lines in body type come last."""
    size = round(line.size * 2) / 2
    if size in heading_sizes:
        return heading_sizes.index(size) + 1
    short = len(line.text.split()) <= 12 and not re.search(r"[.;,]$", line.text)
    if line.bold and short and not _BULLET.match(line.text):
        return len(heading_sizes) + 1
    return 0


def _close_below(previous: Line, line: Line, pitch: float) -> bool:
    """A heading wrapped onto a second line sits right below its first."""
    return previous.page == line.page and 0 < previous.baseline - line.baseline <= 1.6 * max(pitch, line.size)


@dataclass(frozen=True, slots=True)
class _Setting:
    """How the document is set, as far as telling where a paragraph ends needs."""

    body: float
    pitch: float
    """The usual distance from one line of body text to the next."""
    justified: bool
    """Every line but a paragraph's last runs to its column's edge."""
    indented: bool
    """A paragraph's first line is indented (rather than set off by a gap)."""
    lefts: list[float]
    rights: list[float]
    """For each line, where the lines of its column begin and end on its page."""

    @classmethod
    def of(cls, lines: list[Line], body: float) -> _Setting:
        lefts, rights = _column_edges(lines, body)
        justified = sum(right - line.x1 < 1.0 for line, right in zip(lines, rights, strict=True)) > 0.5 * len(lines)
        starts = [
            line.x0 - left
            for previous, line, left in zip(lines, lines[1:], lefts[1:], strict=False)
            if _FULL_STOP.search(previous.text) and not _BULLET.match(line.text) and previous.page == line.page
        ]
        indents = sum(0.5 * body < start < 3 * body for start in starts)
        return cls(body, _line_pitch(lines, body), justified, indents >= max(3, 0.2 * len(starts)), lefts, rights)

    def short(self, number: int, line: Line) -> bool:
        """Whether the line ends before its column's edge, as a paragraph's last line does."""
        room = self.body if self.justified else max(2 * self.body, 0.2 * (self.rights[number] - line.x0))
        return line.x1 < self.rights[number] - room


def _starts_block(current: list[Line], line: Line, setting: _Setting, number: int) -> bool:
    """Whether `line` (the `number`th) begins a new paragraph or bullet rather than continuing the block."""
    if _BULLET.match(line.text):
        return True
    previous, body = current[-1], setting.body
    if not _CLAUSE_END.search(previous.text):
        return False  # a sentence goes on, past a column's end, a photo or a box
    ended = bool(_FULL_STOP.search(previous.text))
    indented = line.x0 > setting.lefts[number] + 0.5 * body
    if not (previous.page == line.page and previous.baseline > line.baseline and abs(previous.x0 - line.x0) < 8 * body):
        # the next column or page: where paragraphs open with an indent, an unindented line goes on
        return ended and (indented if setting.indented else True)
    short = setting.short(number - 1, previous)
    if _BULLET.match(current[0].text):  # its wrapped lines hang under its text
        return line.x0 <= current[0].x0 + 0.3 * body or (ended and short)
    if setting.indented:  # indents open paragraphs; a gap is the room a photo or a box took
        return ended and indented
    if previous.baseline - line.baseline > 1.25 * setting.pitch:
        return True  # a gap, or the room a photo or a box took: a sentence ended there
    return ended and (line.x0 > previous.x0 + 0.5 * body or short)


def _column_edges(lines: Sequence[Line], body: float) -> tuple[list[float], list[float]]:
    """For each line, where the lines of its column begin and end on its page: lines are one
    column when their starts lie within a few characters of each other (indents and bullets
    included)."""
    left: dict[int, float] = {}
    right: dict[int, float] = {}
    by_page: dict[int, list[int]] = {}
    for number, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(number)
    for numbers in by_page.values():
        numbers.sort(key=lambda number: lines[number].x0)
        cluster: list[int] = []
        for number in [*numbers, None]:
            if cluster and (number is None or lines[number].x0 - lines[cluster[-1]].x0 > 3 * body):
                start, end = lines[cluster[0]].x0, max(lines[n].x1 for n in cluster)
                left.update(dict.fromkeys(cluster, start))
                right.update(dict.fromkeys(cluster, end))
                cluster = []
            if number is not None:
                cluster.append(number)
    return [left[n] for n in range(len(lines))], [right[n] for n in range(len(lines))]


def _line_pitch(lines: Sequence[Line], body: float) -> float:
    """The usual distance from one line of body text to the next."""
    steps = [
        round(a.baseline - b.baseline, 1)
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and 0 < a.baseline - b.baseline < 3 * body and abs(a.x0 - b.x0) < 2 * body
    ]
    return Counter(steps).most_common(1)[0][0] if steps else 1.2 * body


@dataclass(frozen=True, slots=True)
class Spelling:
    """How a document writes its words, to put back the words broken at line ends: asked only
    about those, so it counts word pairs and forms of a word when asked."""

    text: str
    """The document's words (and hyphenated compounds) folded, each between single spaces,
    without the halves of words broken at a line's end."""
    counts: Counter[str]
    """How often each word and each hyphenated compound occurs."""
    words: tuple[str, ...]
    """Its words, sorted, to find the other forms of one."""

    @classmethod
    def of(cls, texts: Iterable[str]) -> Spelling:
        """From texts whose lines are in reading order."""
        text = _BROKEN.sub(" ", "\n".join(texts).casefold())
        tokens = _NOT_WORD.sub(" ", text).split()
        counts = Counter(tokens)
        counts.update(
            part for token, count in list(counts.items()) if "-" in token for part in token.split("-") * count
        )
        return cls(f" {' '.join(tokens)} ", counts, tuple(sorted(word for word in counts if "-" not in word)))

    def pair(self, first: str, second: str) -> int:
        """How often `first second` occurs as two words, neither part of a compound."""
        return self.text.count(f" {first} {second} ")

    def knows(self, word: str) -> bool:
        """Whether the document writes `word`, or another form of it ("courts" for "court")."""
        if self.counts[word]:
            return True
        root = stem(word)
        start = bisect.bisect_left(self.words, root)
        for other in itertools.islice(self.words, start, None):
            if not other.startswith(root):
                return False
            if stem(other) == root:
                return True
        return False


def _joined(texts: list[str], spelling: Spelling) -> str:
    """Lines of one block as one line of text."""
    joined = texts[0]
    for text in texts[1:]:
        broken = re.search(r"(\S*?)([^\W\d_]+)-$", joined[-200:]) if joined.endswith("-") else None
        following = re.match(r"[^\W\d_]+", text)
        if (broken and re.search(r"[/@_]", broken.group(1))) or re.search(r"\d-$", joined):
            joined += text  # a web address breaks at its own hyphens, "24-hour" and "2022-2024" at theirs
        elif broken and following:
            head = joined[: len(joined) - len(broken.group(2)) - 1]
            joined = head + rejoin(broken.group(2), following.group(0), spelling) + text[following.end() :]
        else:
            joined += " " + text
    return joined


def rejoin(first: str, second: str, spelling: Spelling) -> str:
    """A word broken at a line's end, put back as the document writes it elsewhere; failing
    that, by the rules of English typesetting: "legally-" + "required" is two words (an -ly
    adverb takes no hyphen), "anti-" + "trafficking" and "court-" + "ordered" keep their
    hyphen (both halves are words), as does "follow-" + "up" (a syllable break leaves at
    least three letters), "investi-" + "gations" is one word."""
    a, b = first.casefold(), second.casefold()
    if second[:1].isupper():
        return f"{first}-{second}"  # "non-Spanish": a syllable break never leaves a capital
    seen = {
        first + second: spelling.counts[a + b],
        f"{first}-{second}": spelling.counts[f"{a}-{b}"],
        f"{first} {second}": spelling.pair(a, b),
    }
    best = max(seen, key=seen.__getitem__)
    if seen[best]:
        return best
    if a.endswith("ly") and len(a) > 4:
        return f"{first} {second}"
    if len(b) <= 2:
        return f"{first}-{second}"  # "follow-up": hyphenation leaves at least three letters on the next line
    if (a in _PREFIXES or spelling.knows(a)) and spelling.knows(b):
        return f"{first}-{second}"
    return first + second
