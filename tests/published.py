"""Reports as they are published, made from text reports for the tests and the benchmark:
the year's PDF (two columns, running heads, page numbers, footnotes, words hyphenated at
column ends) and a country page saved from a government web site."""

import html
import re
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tipdiff.layout import split_blocks
from tipdiff.model import BlockKind
from tipdiff.readers.text import detect_format

PAGE_WIDTH, PAGE_HEIGHT = letter
MARGIN, GUTTER, TOP, BOTTOM = 54.0, 24.0, 730.0, 80.0
BODY, TITLE, PITCH = 10.0, 14.0, 12.5
RUNNING_HEAD = "TRAFFICKING IN PERSONS REPORT 2023"
FOOTNOTE = "The government provided these data after the end of the reporting period."
PULL_QUOTE = "“Traffickers promise a better life and deliver servitude.”"
SIDEBAR = ("Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Aruba", "Australia", "Austria")
CAPTION = "Workers harvest tomatoes in Sinaloa. Photo credit: the photographer."


class _Typesetter:
    """Lays out text reports one after another in columns, in one of two house styles:
    "spaced" (ragged right, a gap between paragraphs, page numbers at the foot) or
    "indented" (justified, first lines indented and no gap, the country's name and the page
    number in the running head, section headings a size larger, bullets drawn as dots).
    Every 60 lines a pull quote or a captioned photo interrupts a sentence."""

    def __init__(self, path: Path, columns: int, house: str = "spaced") -> None:
        self.canvas = Canvas(str(path), pagesize=letter, pageCompression=1)
        self.columns = columns
        self.house = house
        self.country = ""
        self.width = (PAGE_WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) / columns
        self.page, self.column, self.y = 0, 0, TOP
        self.footnote_pending = False
        self.lines = 0
        self._new_page()

    def _new_page(self) -> None:
        if self.page:
            self._finish_page()
        self.page += 1
        self.column, self.y = 0, TOP
        self.canvas.setFont("Helvetica", 8)
        if self.house == "indented":
            left, right = (RUNNING_HEAD, self.country) if self.page % 2 else (str(self.page), RUNNING_HEAD)
            self.canvas.drawString(MARGIN, PAGE_HEIGHT - 40, left)
            self.canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 40, right)
            if self.page % 2:
                self.canvas.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 52, str(self.page))
        else:
            self.canvas.drawString(MARGIN, PAGE_HEIGHT - 40, RUNNING_HEAD if self.page % 2 else "COUNTRY NARRATIVES")

    def _finish_page(self) -> None:
        if self.footnote_pending:
            self.canvas.setFont("Helvetica", 7)
            self.canvas.drawString(MARGIN, 58, f"1 {FOOTNOTE}")
            self.footnote_pending = False
        if self.house == "spaced":
            self.canvas.setFont("Helvetica", 9)
            self.canvas.drawCentredString(PAGE_WIDTH / 2, 36, str(self.page))
        self.canvas.showPage()

    def _x(self) -> float:
        return MARGIN + self.column * (self.width + GUTTER)

    def _next_line(self, pitch: float = PITCH) -> None:
        self.y -= pitch
        if self.y < BOTTOM:
            self.column += 1
            self.y = TOP
            if self.column == self.columns:
                self._new_page()

    def _room_left(self) -> bool:
        """Whether the current line is the last of its column."""
        return self.y - PITCH < BOTTOM

    def heading(self, text: str, size: float) -> None:
        if self.y < TOP:
            self._next_line(PITCH * 0.8)
        for line in self._wrap(text.split(), "Helvetica-Bold", size, self.width):
            self.canvas.setFont("Helvetica-Bold", size)
            self.canvas.drawString(self._x(), self.y, line)
            self._next_line(size * 1.25)

    def paragraph(self, text: str, bullet: bool = False, footnote_after: str | None = None) -> None:
        indented = self.house == "indented"
        words = text.split()
        first = True
        while words:
            indent = 10.0 if bullet else 12.0 if indented and first else 0.0
            width = self.width - indent
            line, words = self._fill(words, width)
            x = self._x() + indent
            if bullet and first and indented:  # a drawn dot, not a glyph
                self.canvas.circle(self._x() + 3, self.y + 3, 1.6, stroke=0, fill=1)
            elif bullet and first:
                self.canvas.setFont("Helvetica", BODY)
                self.canvas.drawString(self._x(), self.y, "•")
            marked = footnote_after if footnote_after in line.split() else None
            if indented and words:
                self._justified(x, line, width, marked)
            else:
                self._draw(x, line, marked)
            if marked:
                footnote_after = None
            first = False
            self.lines += 1
            self._next_line()
            if words and self.lines % 60 == 0:
                self._inset()
        self.y -= 0 if indented else 4

    def _inset(self) -> None:
        """Between two lines of a sentence, as magazines set them: a pull quote in large
        italics, or a photo with a small caption."""
        if self.y - 5 * PITCH < BOTTOM:
            return
        self.y -= 4
        if (self.lines // 60) % 2:
            self.canvas.setFont("Helvetica-Oblique", 13)
            for line in self._wrap(PULL_QUOTE.split(), "Helvetica-Oblique", 13, self.width):
                self.canvas.drawString(self._x(), self.y, line)
                self.y -= 16
        else:
            self.canvas.setFillGray(0.8)
            self.canvas.rect(self._x(), self.y - 30, self.width, 36, stroke=0, fill=1)
            self.canvas.setFillGray(0)
            self.y -= 40
            self.canvas.setFont("Helvetica-Oblique", 7)
            for line in self._wrap(CAPTION.split(), "Helvetica-Oblique", 7, self.width):
                self.canvas.drawString(self._x(), self.y, line)
                self.y -= 9
        self.y -= 4

    def _justified(self, x: float, line: str, width: float, marked: str | None) -> None:
        """A line set word by word, spread to fill the column (a footnote marker after `marked`)."""
        words = line.split()
        natural = sum(stringWidth(word, "Helvetica", BODY) for word in words)
        space = (width - natural) / (len(words) - 1) if len(words) > 1 else 0
        for word in words:
            self.canvas.setFont("Helvetica", BODY)
            self.canvas.drawString(x, self.y, word)
            x += stringWidth(word, "Helvetica", BODY)
            if word == marked:
                self._marker(x)
                marked = None
            x += space

    def _draw(self, x: float, line: str, marked: str | None) -> None:
        """One line, with a raised footnote marker after the word `marked` if it holds it."""
        self.canvas.setFont("Helvetica", BODY)
        if not marked:
            self.canvas.drawString(x, self.y, line)
            return
        words = line.split()
        cut = words.index(marked) + 1
        head, tail = " ".join(words[:cut]), " ".join(["", *words[cut:]]) if words[cut:] else ""
        self.canvas.drawString(x, self.y, head)
        marker_x = x + stringWidth(head, "Helvetica", BODY)
        self._marker(marker_x)
        self.canvas.setFont("Helvetica", BODY)
        self.canvas.drawString(marker_x + stringWidth("1", "Helvetica", 6), self.y, tail)

    def _marker(self, x: float) -> None:
        """A raised "1" that points to the footnote at the foot of this page."""
        self.canvas.setFont("Helvetica", 6)
        self.canvas.drawString(x, self.y + 4, "1")
        self.footnote_pending = True

    def _fill(self, words: list[str], width: float) -> tuple[str, list[str]]:
        """As many words as fit; a compound that does not fit broken at its hyphen, and at a
        column's end a long word hyphenated to fill the line, as a typesetter would."""
        taken: list[str] = []

        def fits(word: str) -> bool:
            return stringWidth(" ".join([*taken, word]), "Helvetica", BODY) <= width

        while words and fits(words[0]):
            taken.append(words.pop(0))
        if not taken:  # a web address wider than the column breaks after a slash
            word = words.pop(0)
            cuts = [i + 1 for i, char in enumerate(word) if char == "/" and fits(word[: i + 1])]
            taken.append(word[: cuts[-1]] if cuts else word)
            if cuts:
                words.insert(0, word[cuts[-1] :])
        if words and "-" in words[0][1:-1] and fits(words[0].split("-")[0] + "-"):
            head, tail = words[0].split("-", 1)
            taken.append(head + "-")
            words[0] = tail
        elif words and self._room_left() and re.fullmatch(r"[a-z]{7,}[,.;]?", words[0]):
            word = words[0]
            for cut in range(len(word.rstrip(",.;")) - 3, 2, -1):
                if fits(word[:cut] + "-"):
                    taken.append(word[:cut] + "-")
                    words[0] = word[cut:]
                    break
        return " ".join(taken), words

    def _wrap(self, words: list[str], font: str, size: float, width: float) -> list[str]:
        lines, line = [], []
        for word in words:
            if line and stringWidth(" ".join([*line, word]), font, size) > width:
                lines.append(" ".join(line))
                line = []
            line.append(word)
        return [*lines, " ".join(line)] if line else lines

    def report(self, text: str, footnote: bool) -> None:
        """One text report: its first heading as a title, the others bold in body type."""
        marked = False
        for number, block in enumerate(split_blocks(text, detect_format(text))):
            if block.kind is BlockKind.HEADING:
                if number == 0:
                    self.country = block.text.split(":")[0].split("(")[0].strip()
                self.heading(block.text, TITLE if number == 0 else BODY + (self.house == "indented"))
            else:
                after = None
                if footnote and not marked and block.kind is BlockKind.PARAGRAPH and ". " in block.text:
                    after, marked = block.text.split(". ", 1)[0].split()[-1] + ".", True  # after its first sentence
                self.paragraph(block.text, bullet=block.kind is BlockKind.BULLET, footnote_after=after)

    def save(self) -> None:
        self._finish_page()
        self.canvas.save()


def write_pdf(path: Path, reports: list[str], columns: int = 2, footnote: bool = True, house: str = "spaced") -> Path:
    """The reports, one after another, as one PDF of the year."""
    typesetter = _Typesetter(path, columns, house)
    for text in reports:
        typesetter.report(text, footnote)
    typesetter.save()
    return path


def web_page(text: str, title: str) -> str:
    """A text report as a government site serves it: menus, breadcrumbs, a cookie banner,
    share links and a footer around the narrative; headings as h2 and bold run-in titles."""
    body = []
    in_list = False
    for number, block in enumerate(split_blocks(text, detect_format(text))):
        words = html.escape(block.text).replace("’", "&rsquo;").replace("—", "&mdash;")
        if block.kind is BlockKind.BULLET:
            if not in_list:
                body.append('<ul class="narrative-list">')
                in_list = True
            body.append(f"  <li>{words}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if block.kind is BlockKind.HEADING:
            body.append(f"<h2>{words}</h2>" if number == 0 else f"<p><strong>{words}</strong></p>")
        else:
            body.append(f"<p>{words}</p>")
    if in_list:
        body.append("</ul>")
    narrative = "\n".join(body)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)} - United States Department of State</title>
<style>body {{ font-family: sans-serif; }} .cookie-banner {{ position: fixed; }}</style>
<script>window.dataLayer = [{{"page": "report"}}]; function share() {{ return "Share this page"; }}</script>
</head>
<body>
<div class="cookie-banner" role="dialog"><p>This website uses cookies to improve your experience.</p>
<button>Accept all cookies</button></div>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><a href="/">U.S. Department of State</a>
<nav class="main-menu"><ul><li><a href="/countries">Countries &amp; Areas</a></li>
<li><a href="/bureaus">Bureaus &amp; Offices</a></li><li><a href="/about">About</a></li></ul></nav>
<form role="search"><input name="q" placeholder="Search"></form></header>
<main id="main">
<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/reports">Reports</a>
&rsaquo; {html.escape(title)}</nav>
<article class="report">
<div class="report-toc"><ul><li><a href="#rec">Prioritized Recommendations</a></li>
<li><a href="#pro">Prosecution</a></li><li><a href="#prot">Protection</a></li></ul></div>
<div class="share-links"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this page</a></div>
{narrative}
<p class="back-to-top"><a href="#top">Back to Top</a></p>
</article>
<aside class="related"><h3>Related Articles</h3><p>Secretary travels to the region for talks.</p></aside>
<div><div>Reports by country</div><ul>{"".join(f'<li><a href="/reports/{c.lower()}/">{c}</a></li>' for c in SIDEBAR)}</ul></div>
<div><div>Related</div><div><p><a href="/reports/peru/">Peru country report</a></p>
<p>Read the narrative on Peru, covering prosecution, protection and prevention efforts.</p></div></div>
</main>
<footer class="site-footer"><p>White House | USA.gov | Office of the Inspector General</p>
<p>This is the official website of the U.S. Department of State.</p></footer>
</body>
</html>
"""
