"""Field layout: an almanac's "Label: value" lines as field blocks, each knowing its labels.

A country almanac is not prose: under each section heading ("Geography") stand fields
("Population: 130,207,371 (2023 est.)"), their sub-fields on lines of their own, indented
or labelled in lower case ("land: 1,943,945 sq km" under "Area:"), and value lines without
a label ("$2.5 trillion (2020 est.)", an earlier year of the field above). Every line is a
unit of its own, and its labels say which field it is in every edition.
"""

import re
from dataclasses import dataclass

from tipdiff.layout import PROSE_LINE, is_capital_heading, is_heading, joined_block
from tipdiff.model import Block, BlockKind

_LABELLED = re.compile(
    r"^(?P<indent>[ \t]*+)(?P<label>[^\W_](?:[^:.!?;\n]{0,58}[^\s:.!?;])?)[ \t]*+:(?:[ \t]++(?P<value>\S.*)|[ \t]*+)$"
)
"""A field or sub-field line: its label (at most 60 characters, no sentence end in it) and
the value after it, if the line gives one ("Area:" gives it on the lines below)."""
_LINE_END = re.compile(r"[.!?:;]['\"”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
VALUE_NAME = re.compile(r"^\s*(?P<name>[^\W\d_][^\d$€£:;()]{0,60}?)\s*[-−]?[$€£]?\d")
"""The words a value line opens with, up to its first number: "Roman Catholic", "other Evangelical Churches"."""
MOST_LABEL_WORDS = 8
"""Words of the longest label ("Children under the age of 5 years underweight")."""
FIELD_SHARE = 0.3
"""Least share of a text's lines that are fields for it to be laid out in fields."""
LEAST_FIELDS = 4
"""Fewest field lines of a text laid out in fields: a page of prose may hold three "Label: value" lines."""


@dataclass(frozen=True, slots=True)
class _Open:
    """A field whose lines are still being read."""

    indent: int
    label: str
    lower: bool
    """Its label starts in lower case or with a digit ("total", "0-14 years"): a sub-field."""


def labelled(line: str) -> re.Match[str] | None:
    """The line as a field line, or None for a line that is not one."""
    found = _LABELLED.match(line)
    if not found or len(found["label"].split()) > MOST_LABEL_WORDS:
        return None
    # "PROSECUTION:" is a heading; "IDPs: 190,500 (2021)" and "GDP: ..." are fields with a value
    if is_capital_heading(found["label"]) and (found["value"] is None or len(found["label"].split()) > 3):
        return None
    return found


def looks_like_fields(lines: list[str]) -> bool:
    """Whether a text is laid out in "Label: value" fields rather than prose. Most of its field
    lines must hold data, not a sentence: "Prosecution: The government made ... efforts." is a
    run-in heading of prose (a TIP narrative of 2004-2009), "Population: 130,207,371 (2023
    est.)" a field."""
    filled = [line for line in lines if line.strip()]
    fields = [found for line in filled if (found := labelled(line))]
    data = [found for found in fields if not _SENTENCE_END.search(found["value"] or "")]
    return len(fields) >= LEAST_FIELDS and len(fields) >= FIELD_SHARE * len(filled) and 2 * len(data) > len(fields)


def field_blocks(lines: list[str], heading_mark: str) -> tuple[Block, ...]:
    """One block per line (a line wrapped from a long one joined back to it): headings, field
    lines with the labels they stand under, and prose that stands under no field."""
    blocks: list[Block] = []
    open_fields: list[_Open] = []
    kind, field, start, parts = BlockKind.PARAGRAPH, (), 0, []  # the block being gathered
    awaiting = False  # a label-only line ("Area:") was just read: its value comes next

    for number, line in enumerate(lines, start=1):
        text = line.strip()
        found = labelled(line) if not line.startswith(heading_mark) else None
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        heading = line.startswith(heading_mark) or (
            not found and not indent and not awaiting and bool(text) and is_heading(text)
        )
        wrapped = parts and text and not found and not heading and _unfinished(parts[-1])
        if wrapped:
            parts.append(text)
            continue
        if parts:
            blocks.append(joined_block(kind, parts, start, field))
            parts = []
        if not text:
            continue
        if heading:
            open_fields, awaiting = [], False
            if title := text.lstrip(heading_mark).strip():
                blocks.append(Block(BlockKind.HEADING, title, number))
            continue
        if found:
            label = found["label"].strip()
            # an indented acronym ("IDPs:" among "refugees:" and "stateless persons:") is a part too
            lower = not label[0].isupper() or (indent > 0 and is_capital_heading(label))
            while open_fields and not _holds(open_fields[-1], indent, lower):
                open_fields.pop()
            open_fields.append(_Open(indent, label, lower))
            awaiting = found["value"] is None
        else:
            while open_fields and open_fields[-1].indent > indent:
                open_fields.pop()
            awaiting = False
        field = tuple(f.label for f in open_fields)
        kind, start, parts = (BlockKind.FIELD if field else BlockKind.PARAGRAPH), number, [text]
    if parts:
        blocks.append(joined_block(kind, parts, start, field))
    return tuple(blocks)


def _holds(outer: _Open, indent: int, lower: bool) -> bool:
    """Whether a line labelled at `indent` is a sub-field of `outer`: indented under it, or
    labelled in lower case under a field labelled in capitals ("total:" under "Area:")."""
    return outer.indent < indent or (outer.indent == indent and lower and not outer.lower)


def _unfinished(line: str) -> bool:
    """A long line that stops mid-sentence: the next line is the rest of it, wrapped."""
    return len(line) >= PROSE_LINE and not _LINE_END.search(line)
