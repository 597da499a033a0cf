"""Text reports (plain, Markdown, wiki): the file's bytes checked and decoded, and its markup told."""

import re
from pathlib import Path
from typing import Literal

from tipdiff.errors import EmptyReport, NotAFile, NotFound, NotText, NotUtf8, TooLarge

Format = Literal["plain", "markdown", "wiki"]
FORMATS: tuple[Format, ...] = ("plain", "markdown", "wiki")

MAX_BYTES = 64 * 1024 * 1024
"""A whole year of TIP narratives is about 5 MB; anything far larger is not a report."""

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WIKI = re.compile(r"^==+[^=\n][^\n]*==[ \t]*+$|^\[\[[^\]\n]++\]\][ \t]*+$|\[tpl\]", re.MULTILINE)
_MARKDOWN = re.compile(r"^#{1,6}[ \t]+\S|^\S.*\n={3,}[ \t]*$", re.MULTILINE)
"""Only headings decide: plain text uses bullets and emphasis too, but never `# Title`."""


_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*:/", re.IGNORECASE)
"""A web address, even after `Path` has folded its "//" into one "/"."""


def read_text(path: str | Path) -> str:
    """The file's text, or a TipdiffError that says in one line why it cannot be used."""
    return decode(read_bytes(path), str(path))


def read_bytes(path: str | Path, most: int | None = None) -> bytes:
    """The file's bytes (its first `most` only, if given), or a TipdiffError that says in one
    line why it cannot be read."""
    file = Path(path)
    if _ADDRESS.match(str(path)) and not file.exists():
        address = re.sub(r"^([a-z][a-z0-9+.-]*):/(?!/)", r"\1://", str(path), flags=re.IGNORECASE)
        raise NotFound(
            f"{address}: tipdiff reads files, not web addresses; save the page first"
            " (your browser's Save Page As, or curl -L -o report.html ADDRESS) and give that file"
        )
    if not file.exists():
        raise NotFound(f"{path}: no such file")
    if not file.is_file():
        raise NotAFile(f"{path}: is a directory, not a file" if file.is_dir() else f"{path}: not a regular file")
    if most is None and file.stat().st_size > MAX_BYTES:
        raise TooLarge(
            f"{path}: {file.stat().st_size / 2**20:.0f} MB is more than the {MAX_BYTES // 2**20} MB tipdiff reads"
        )
    try:
        with file.open("rb") as handle:
            return handle.read(-1 if most is None else most)
    except OSError as error:
        raise NotAFile(f"{path}: cannot be read ({error.strerror})") from None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text with or without a byte-order mark, line endings made \\n."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(data[:65536]):
        raise NotUtf8(f"{name}: is UTF-16; save it as UTF-8 (e.g. iconv -f utf-16 -t utf-8)")
    if b"\x00" in data[:65536]:
        raise NotText(f"{name}: is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        head = data[:65536]
        if sum(byte >= 0x80 for byte in head) > 0.3 * len(head):  # text in any 8-bit code page is mostly ASCII
            raise NotText(f"{name}: is a binary file, not text") from None
        raise NotUtf8(
            f"{name}: is not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start});"
            " convert it first, e.g. iconv -f windows-1252 -t utf-8"
        ) from None
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise NotText(f"{name}: is a binary file, not text")
    if not text.strip():
        raise EmptyReport(f"{name}: is empty")
    return clean(text)


def clean(text: str) -> str:
    """Line endings made \\n, stray control characters made spaces and lone surrogates (which no
    output could encode) made U+FFFD, however the text came."""
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _SURROGATE.search(text) else text
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def shown(name: str | Path) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 as U+FFFD, controls as spaces."""
    text = str(name).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _ANY_CONTROL.sub(" ", text)


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: every other byte is zero."""
    if len(head) < 4 or b"\x00" not in head:
        return False
    return max(head[0::2].count(0), head[1::2].count(0)) >= 0.9 * (len(head) // 2)


def detect_format(text: str, name: str = "") -> Format:
    """The markup a report is written in: by file extension first, then by its content."""
    suffix = Path(name).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".wiki", ".mediawiki"):
        return "wiki"
    if _WIKI.search(text):
        return "wiki"
    if _MARKDOWN.search(text):
        return "markdown"
    return "plain"
