"""Layout: a report's text as headings, paragraphs and bullets, its markup removed.

Plain text has no markup to say what a heading is, so lines are judged by their
shape: ALL CAPS, Title Case without a final full stop, or ending in a colon.
"""

import re
from itertools import accumulate, groupby

from tipdiff.model import Block, BlockKind
from tipdiff.noise import BOILERPLATE
from tipdiff.readers.text import Format
from tipdiff.sentences import sentence_spans

_BULLET = re.compile(r"^[ \t]*(?:[•·▪◦●‣⁃*–—-]|(?P<number>\(?\d{1,2}[.)]|\(?[a-z][.)]))[ \t]+(?=\S)")
_LINE_END = re.compile(r"[.!?:;]['\"”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?;,]['\"”’)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ELISION = re.compile(r"^(?:d|l|dell|all|nell|sull)['’]", re.IGNORECASE)
"""A French or Italian article run into a name: "d’Ivoire", "l’Aquila"."""

_WIKI_TITLE = re.compile(r"^\[\[([^\]|]++)(?:\|[^\]]*+)?\]\]\s*+$")
_WIKI_METADATA = re.compile(r"^(?:CATEGORIES|Category|Categories):", re.IGNORECASE)
_WIKI_SPANS = (("[tpl]", "[/tpl]"), ("{{", "}}"))
"""Templates, dropped from their opening to the first closing after it."""
_REF_OPENING = re.compile(r"<ref[^>]*+>", re.IGNORECASE)
_REF_SELF_CLOSING = re.compile(r"<ref[^>/]*+/>", re.IGNORECASE)
_REF_CLOSING = re.compile(r"</ref>", re.IGNORECASE)
_WIKI_INLINE = (
    (re.compile(r"\[\[(?:[^|\[\]]*+\|)?([^\[\]]++)\]\]"), r"\1"),
    (re.compile(r"\[https?://[^\s\[\]]++\s++([^\[\]]++)\]"), r"\1"),
    (re.compile(r"'{2,}"), ""),
)
_GLUED_CITATION = re.compile(r"(?<=[a-z0-9)]\.)[\"“]?[A-Z].{0,300}$")
"""Flattened wiki citations stick to the sentence before them ("statues."Mexico". ...)";
prose always leaves a space after a full stop, so a glued tail to the end of the line is
a citation."""


WRAPPED = 3
"""Heading-like lines in a row that are one paragraph in capitals, if one is as long as prose."""
PROSE_LINE = 50
"""Characters of a hard-wrapped line of prose; a heading is rarely so long."""

_HEADING_MARK = "\x1f"
"""Prefixed by the wiki reader to lines that are headings in wiki markup."""


def split_blocks(text: str, format: Format, fields: bool = False) -> tuple[Block, ...]:
    """Headings, paragraphs and bullets in reading order; with `fields`, an almanac's field
    lines (`tipdiff.fieldlayout`)."""
    lines = text.split("\n")
    if fields and (format == "plain" or (format == "markdown" and _one_block_a_line(lines))):
        from tipdiff.fieldlayout import field_blocks

        return field_blocks([_atx_line(line) for line in lines] if format == "markdown" else lines, _HEADING_MARK)
    if format == "markdown" and _one_block_a_line(lines):
        # Plain text with a "# Title" (a report saved as .md): Markdown would run its lines
        # together, and "PROSECUTION" over its paragraph would be no heading.
        return _line_blocks([_atx_line(line) for line in lines], shaped_headings=True)
    if format == "markdown":
        from tipdiff.markdown import markdown_blocks

        return markdown_blocks(text)
    if format == "wiki":
        return _line_blocks([_wiki_line(line) for line in lines], shaped_headings=False)
    return _line_blocks(lines, shaped_headings=True)


_ATX = re.compile(r"^ {0,3}+#{1,6}+[ \t]++(.*)")


def _one_block_a_line(lines: list[str]) -> bool:
    """Text written a block to a line, without the blank lines Markdown parts blocks by."""
    filled = sum(bool(line.strip()) for line in lines)
    return filled >= 8 and (len(lines) - filled) * 8 < filled


def _atx_line(line: str) -> str:
    """A Markdown heading line as a marked heading; any other line as it is."""
    if not (heading := _ATX.match(line)):
        return line
    title = heading.group(1).rstrip()
    unclosed = title.rstrip("#")  # "## Title ##": its closing hashes go too
    if unclosed != title and (not unclosed or unclosed[-1] in " \t"):
        title = unclosed.rstrip()
    return _HEADING_MARK + title


def _wiki_line(line: str) -> str:
    """The line as plain text, headings marked, templates and citations dropped."""
    if (heading := _wiki_heading(line)) is not None:
        return _HEADING_MARK + heading
    if title := _WIKI_TITLE.match(line):
        return _HEADING_MARK + title.group(1)
    if _WIKI_METADATA.match(line):
        return ""
    for opening, closing in _WIKI_SPANS:
        line = _without_spans(line, opening, closing)
    line = _without_references(line)
    for pattern, replacement in _WIKI_INLINE:
        line = pattern.sub(replacement, line)
    return _GLUED_CITATION.sub("", line).rstrip()


def _wiki_heading(line: str) -> str | None:
    """The title of a `== Title ==` line (one to six signs, the same on both sides), or None.
    Counted, not matched: a pattern for it backtracks cubically on a line of spaces."""
    stripped = line.rstrip()
    level = min(len(stripped) - len(stripped.lstrip("=")), len(stripped) - len(stripped.rstrip("=")), 6)
    level = min(level, len(stripped) // 2)
    return stripped[level:-level].strip() if level else None


def _without_spans(line: str, opening: str, closing: str) -> str:
    """The line without each span from `opening` to the first `closing` after it; one pass, where
    a lazy pattern would rescan the line from every opening that is never closed."""
    kept, start = [], 0
    while (found := line.find(opening, start)) != -1 and (end := line.find(closing, found + len(opening))) != -1:
        kept.append(line[start:found])
        start = end + len(closing)
    return "".join(kept) + line[start:]


def _without_references(line: str) -> str:
    """The line without its `<ref …/>` and `<ref …>…</ref>` citations, in one pass (as
    `_without_spans`)."""
    kept, start = [], 0
    while opening := _REF_OPENING.search(line, start):
        if _REF_SELF_CLOSING.fullmatch(opening.group()):
            end = opening.end()
        elif closing := _REF_CLOSING.search(line, opening.end()):
            end = closing.end()
        else:  # never closed, nor is any later one: only the self-closing are left to drop
            return "".join(kept) + line[start : opening.start()] + _REF_SELF_CLOSING.sub("", line[opening.start() :])
        kept.append(line[start : opening.start()])
        start = end
    return "".join(kept) + line[start:]


def _line_blocks(lines: list[str], shaped_headings: bool) -> tuple[Block, ...]:
    """One block per paragraph or bullet; hard-wrapped lines are joined back."""
    blocks: list[Block] = []
    kind, start, parts, marker = BlockKind.PARAGRAPH, 0, [], ""  # the block being gathered
    shaped = _heading_shaped(lines) if shaped_headings else [False] * len(lines)

    for number, line in enumerate(lines, start=1):
        text = line.strip()
        unfinished = bool(parts) and not _LINE_END.search(parts[-1])  # "…shelters run by" + "Civil Society …"
        heading = line.startswith(_HEADING_MARK) or (shaped[number - 1] and not unfinished)
        bullet = _BULLET.match(line)
        wrapped = (
            parts
            and text
            and not heading
            and not bullet
            and not BOILERPLATE.fullmatch(text)  # page furniture stands alone ("Share this page")
            and not BOILERPLATE.fullmatch(parts[-1])
            and (not _LINE_END.search(parts[-1]) or (kind is BlockKind.BULLET and line[:1].isspace()))
        )
        if wrapped:
            parts.append(text)
            continue
        if parts:  # an item with a line straight after it is one of a list, whatever it holds
            blocks.append(
                _item(parts, start, "" if text else marker)
                if kind is BlockKind.BULLET
                else joined_block(kind, parts, start)
            )
            parts = []
        if not text:
            continue
        if heading:
            if title := text.lstrip(_HEADING_MARK).strip():
                blocks.append(Block(BlockKind.HEADING, title, number))
        elif bullet:
            kind, start, parts = BlockKind.BULLET, number, [line[bullet.end() :].strip()]
            apart = number == 1 or not lines[number - 2].strip()
            marker = (bullet["number"] or "") if apart else ""
        else:
            kind, start, parts = BlockKind.PARAGRAPH, number, [text]
    if parts:
        blocks.append(_item(parts, start, marker) if kind is BlockKind.BULLET else joined_block(kind, parts, start))
    return tuple(blocks)


def _heading_shaped(lines: list[str]) -> list[bool]:
    """Which lines look like headings, but for a paragraph typed in capitals and wrapped: WRAPPED
    or more heading-like lines in a row, one of them as long as a line of prose, are its lines."""
    shaped = [is_heading(line.strip()) for line in lines]
    for _, run in groupby(range(len(lines)), key=lambda k: shaped[k]):
        run = list(run)
        if shaped[run[0]] and len(run) >= WRAPPED and max(len(lines[k].strip()) for k in run) >= PROSE_LINE:
            for k in run:
                shaped[k] = False
    return shaped


def is_capital_heading(line: str) -> bool:
    """A short line in ALL CAPS, not ending like a sentence ("PROSECUTION", "PRIORITIZED
    RECOMMENDATIONS:"): a heading in any markup."""
    if not _WORD.search(line) or len(line) > 120 or len(line.split()) > 15 or _SENTENCE_END.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def joined_block(kind: BlockKind, parts: list[str], line: int, field: tuple[str, ...] = ()) -> Block:
    """One block from the lines it was wrapped over, remembering where each began."""
    starts = accumulate((len(part) + 1 for part in parts[:-1]), initial=0)
    return Block(kind, " ".join(parts), line, tuple(starts)[1:], field)


def _item(parts: list[str], line: int, number: str) -> Block:
    """A list item; but a numbered one standing apart (`number`, its marker) that holds
    sentences of prose ("3. The committee met. It found ...") is a numbered paragraph, its
    number kept with its text."""
    item = joined_block(BlockKind.BULLET, parts, line)
    if not number or len(sentence_spans(item.text)) < 2:
        return item
    return joined_block(BlockKind.PARAGRAPH, [f"{number} {parts[0]}", *parts[1:]], line)


_ENDS_IN_FIGURE = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*%|\d+\.\d+)\s*$")
"""A line that ends in a figure ("Pentecostal 1.6%", "Population: 129,150,971") gives a value: no title."""


def is_heading(line: str) -> bool:
    """A short line in ALL CAPS or Title Case, not ending like a sentence."""
    if is_capital_heading(line):
        return True
    words = _WORD.findall(line)
    if not words or len(line) > 120 or len(line.split()) > 15 or _SENTENCE_END.search(line):
        return False
    significant = [_ELISION.sub("", w) for w in words if len(w) >= 4]  # "d’Ivoire" counts as "Ivoire"
    return (
        not _ENDS_IN_FIGURE.search(line)
        and len(line.split()) <= 12
        and (line[0].isupper() or line[0].isdigit())
        and all(w[0].isupper() for w in significant if w)
    )
