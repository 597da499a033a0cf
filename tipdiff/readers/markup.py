"""The text a PDF or web page reader writes: Markdown, one line per heading, bullet or
paragraph, so that `tipdiff extract` shows exactly what the comparison reads and every
line number refers to it."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

_INLINE = re.compile(r"([\\`*_\[\]<>|~])|&(?=#?\w+;)")
"""Characters Markdown would read as markup anywhere in a line (and "&" of an entity)."""
_LINE_START = re.compile(r"^(?:[#>+=-]|\d{1,9}[.)](?=\s|$))")
"""What opens a heading, quote, list or rule at the start of a line."""


@dataclass(frozen=True, slots=True)
class MarkdownBlock:
    """One heading, bullet or paragraph of a document, as plain text."""

    kind: Literal["heading", "bullet", "paragraph"]
    text: str
    level: int = 0
    """A heading's level, 1 the highest."""


def markdown_document(blocks: Iterable[MarkdownBlock]) -> str:
    """The blocks as Markdown that reads back as exactly these blocks and this text."""
    lines = []
    for block in blocks:
        text = escape(" ".join(block.text.split()))
        if not text:
            continue
        if block.kind == "heading":
            lines.append(f"{'#' * min(max(block.level, 1), 6)} {text}")
        elif block.kind == "bullet":
            lines.append(f"- {text}")
        else:
            lines.append(text)
    return "\n\n".join(lines) + "\n" if lines else ""


def escape(text: str) -> str:
    """Text that Markdown shows as written."""
    text = _INLINE.sub(lambda m: "\\" + (m.group(1) or "&"), text)
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)
