"""Layout: a report's text as headings, paragraphs and bullets, its markup removed.

Plain text has no markup to say what a heading is, so lines are judged by their
shape: ALL CAPS, Title Case without a final full stop, or ending in a colon.
"""

import re
from itertools import accumulate

from tipdiff.model import Block, BlockKind
from tipdiff.readers.text import Format

_BULLET = re.compile(r"^[ \t]*(?:[•·▪◦●‣⁃*–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+(?=\S)")
_LINE_END = re.compile(r"[.!?:;]['\"”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?;,]['\"”’)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")

_WIKI_HEADING = re.compile(r"^(={1,6})\s*(.*?)\s*\1\s*$")
_WIKI_TITLE = re.compile(r"^\[\[([^\]|]+)(?:\|[^\]]*)?\]\]\s*$")
_WIKI_METADATA = re.compile(r"^(?:CATEGORIES|Category|Categories):", re.IGNORECASE)
_WIKI_INLINE = (
    (re.compile(r"\[tpl\].*?\[/tpl\]|\{\{.*?\}\}|<ref[^>/]*/>|<ref[^>]*>.*?</ref>", re.IGNORECASE), ""),
    (re.compile(r"\[\[(?:[^|\]]*\|)?([^\]]+)\]\]"), r"\1"),
    (re.compile(r"\[https?://\S+\s+([^\]]+)\]"), r"\1"),
    (re.compile(r"'{2,}"), ""),
)
_GLUED_CITATION = re.compile(r"(?<=[a-z0-9)]\.)[\"“]?[A-Z].{0,300}$")
"""Flattened wiki citations stick to the sentence before them ("statues."Mexico". ...)";
prose always leaves a space after a full stop, so a glued tail to the end of the line is
a citation."""


_HEADING_MARK = "\x1f"
"""Prefixed by the wiki reader to lines that are headings in wiki markup."""


def split_blocks(text: str, format: Format) -> tuple[Block, ...]:
    """Headings, paragraphs and bullets in reading order."""
    if format == "markdown":
        from tipdiff.markdown import markdown_blocks

        return markdown_blocks(text)
    lines = text.split("\n")
    if format == "wiki":
        return _line_blocks([_wiki_line(line) for line in lines], shaped_headings=False)
    return _line_blocks(lines, shaped_headings=True)


def _wiki_line(line: str) -> str:
    """The line as plain text, headings marked, templates and citations dropped."""
    if heading := _WIKI_HEADING.match(line) or _WIKI_TITLE.match(line):
        return _HEADING_MARK + heading.group(heading.lastindex or 1)
    if _WIKI_METADATA.match(line):
        return ""
    for pattern, replacement in _WIKI_INLINE:
        line = pattern.sub(replacement, line)
    return _GLUED_CITATION.sub("", line).rstrip()


def _line_blocks(lines: list[str], shaped_headings: bool) -> tuple[Block, ...]:
    """One block per paragraph or bullet; hard-wrapped lines are joined back."""
    blocks: list[Block] = []
    kind, start, parts = BlockKind.PARAGRAPH, 0, []  # the block being gathered

    for number, line in enumerate(lines, start=1):
        text = line.strip()
        unfinished = bool(parts) and not _LINE_END.search(parts[-1])  # "…shelters run by" + "Civil Society …"
        heading = line.startswith(_HEADING_MARK) or (shaped_headings and not unfinished and is_heading(text))
        bullet = _BULLET.match(line)
        wrapped = (
            parts
            and text
            and not heading
            and not bullet
            and (not _LINE_END.search(parts[-1]) or (kind is BlockKind.BULLET and line[:1].isspace()))
        )
        if wrapped:
            parts.append(text)
            continue
        if parts:
            blocks.append(_joined(kind, parts, start))
            parts = []
        if not text:
            continue
        if heading:
            if title := text.lstrip(_HEADING_MARK).strip():
                blocks.append(Block(BlockKind.HEADING, title, number))
        elif bullet:
            kind, start, parts = BlockKind.BULLET, number, [line[bullet.end() :].strip()]
        else:
            kind, start, parts = BlockKind.PARAGRAPH, number, [text]
    if parts:
        blocks.append(_joined(kind, parts, start))
    return tuple(blocks)


def _joined(kind: BlockKind, parts: list[str], line: int) -> Block:
    """One block from the lines it was wrapped over, remembering where each began."""
    starts = accumulate((len(part) + 1 for part in parts[:-1]), initial=0)
    return Block(kind, " ".join(parts), line, tuple(starts)[1:])


def is_heading(line: str) -> bool:
    """A short line in ALL CAPS or Title Case, not ending like a sentence."""
    words = _WORD.findall(line)
    if not words or len(line) > 120 or len(line.split()) > 15 or _SENTENCE_END.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.6 * len(letters):
        return True
    significant = [w for w in words if len(w) >= 4]
    return (
        len(line.split()) <= 12
        and (line[0].isupper() or line[0].isdigit())
        and all(w[0].isupper() for w in significant)
    )
