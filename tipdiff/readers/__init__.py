"""Readers: a report file as it is published (text, Markdown, wiki, a PDF, a saved web page)
made into the text tipdiff compares, and one country's part cut out of a year's report.

Every reader gives text; `tipdiff extract` writes exactly that text, and every line number
tipdiff cites is a line of it. A new input format is one module here with one function
from a file to text.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tipdiff.errors import TooLarge
from tipdiff.profiles import Profile
from tipdiff.readers.parts import Part, choose_part, cut, find_parts
from tipdiff.readers.text import Format, decode, detect_format, read_bytes

Kind = Literal["text", "pdf", "html"]

MAX_PDF_BYTES = 1024 * 2**20
"""The year's whole report as one PDF, photographs and all, is a few hundred MB at most."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """A report's text as tipdiff reads it."""

    text: str
    """Exactly what the comparison reads; its lines are the lines every output cites."""
    format: Format
    """Its markup: what a PDF or web page reader writes is Markdown."""
    kind: Kind
    """What the file was."""


def extract(path: str | Path, profile: Profile, country: str | None = None, markup: str | None = None) -> Extracted:
    """A report file's text (one country's, if `country` is given), however it was published."""
    file = Path(path)
    kind, data = _read(file)
    if kind == "pdf":
        from tipdiff.readers.pdf import pdf_text

        return Extracted(pdf_text(file, profile, country), "markdown", kind)
    text, chosen = _whole_text(file, kind, data, markup)
    part = choose_part(find_parts(text.split("\n"), profile), country, str(path))
    return Extracted(cut(text, part, profile), chosen, kind)


def list_parts(path: str | Path, profile: Profile) -> list[tuple[Part, int | None]]:
    """The parts (countries) a file holds, each with the 1-based PDF page it starts on."""
    file = Path(path)
    kind, data = _read(file)
    if kind == "pdf":
        from tipdiff.readers.pdf import pdf_parts

        return [(part, index + 1) for part, index in pdf_parts(file, profile)]
    text, _ = _whole_text(file, kind, data, None)
    return [(part, None) for part in find_parts(text.split("\n"), profile)]


def _whole_text(file: Path, kind: Kind, data: bytes, markup: str | None) -> tuple[str, Format]:
    """The text of a web page or text file, and its markup."""
    if kind == "html":
        from tipdiff.readers.html import html_markdown

        return html_markdown(data, str(file)), "markdown"
    text = decode(data, str(file))
    return text, markup or detect_format(text, str(file))  # type: ignore[return-value]


def _read(file: Path) -> tuple[Kind, bytes]:
    """What the file is, and its bytes (none for a PDF, which PDFium reads itself)."""
    head = read_bytes(file, most=64 * 1024)
    if b"%PDF-" in head[:1024]:
        if file.stat().st_size > MAX_PDF_BYTES:
            raise TooLarge(f"{file}: {file.stat().st_size / 2**20:.0f} MB is more than the 1024 MB tipdiff reads")
        return "pdf", b""
    data = read_bytes(file) if len(head) == 64 * 1024 else head
    from tipdiff.readers.html import looks_like_html

    if looks_like_html(head) or file.suffix.lower() in (".html", ".htm", ".xhtml"):
        return "html", data
    return "text", data
