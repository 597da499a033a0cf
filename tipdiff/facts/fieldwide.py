"""What an almanac field states once for all its lines: the year, and the prices it is in.

"Labor force - by occupation:" over "agriculture: 15.1%", "industry: 20%" and "services:
64.9% (2005)" gives every share for 2005: a period stated at the end of a field's last line,
or of its own line, is for each line of the field that states none. "note: data are in 2017
dollars" under "Real GDP" says what its money is worth: a figure in 2017 dollars and one in
2015 dollars are not like for like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipdiff.facts.periods import mentions
from tipdiff.model import Period, Sentence


@dataclass(frozen=True, slots=True)
class FieldWide:
    """What a field line's field states once for all its lines."""

    period: Period | None
    """The period stated at the end of the line itself, else at the end of the field's last line
    (or of its own line) when no line of the field states another."""
    base: str | None
    """The prices its money is in ("2017 dollars"), as a note of the field says."""


_BASE = re.compile(r"\bin (?:constant |chained )?(?P<base>(?:19|20)\d\d (?:U\.?S\.? )?dollars)\b", re.IGNORECASE)


def field_wide(sentences: list[Sentence], data_year: int | None) -> dict[int, FieldWide]:
    """For each field line (by sentence index), what its field states once."""
    wide: dict[int, FieldWide] = {}
    for group in _fields(sentences):
        endings = {k: period for k, s in enumerate(group) if (period := ending(s.text, data_year))}
        # one period for the field only where its lines that state one all state the same
        field = (endings.get(len(group) - 1) or endings.get(0)) if len(set(endings.values())) == 1 else None
        base = next((found["base"].casefold() for s in group if (found := _BASE.search(s.text))), None)
        for k, sentence in enumerate(group):
            wide[sentence.index] = FieldWide(endings.get(k, field), base)
    return wide


def _fields(sentences: list[Sentence]) -> list[list[Sentence]]:
    """The lines of each field, its own line first: a field runs until the line of another."""
    groups: list[list[Sentence]] = []
    current: list[Sentence] | None = None
    for sentence in sentences:
        if sentence.field:
            opens = len(sentence.field) == 1 and sentence.text.casefold().startswith(sentence.field[0].casefold())
            if current is None or opens or current[0].field[0].casefold() != sentence.field[0].casefold():
                current = []
                groups.append(current)
            current.append(sentence)
    return groups


def ending(text: str, data_year: int | None) -> Period | None:
    """The period a line states at its very end ("... 64.9% (2005)")."""
    found = mentions(text, data_year)
    end = len(text.rstrip(" .;"))
    return found[-1].period if found and found[-1].end >= end else None
