"""Periods: the year, span of years or part of a year that each figure of a sentence is for.

A period is said with a preposition ("in 2021", "during fiscal year 2022", "in the first
six months of 2020", "over the period 2019-2021"), in brackets ("(2023 est.)"), or relative
to the report ("during the year", "the previous reporting period"). A year that names
something ("the 2012 law", "a 2021 reform") is no period. Each number takes the first
period stated after it in its part of the sentence, else the last one before it, else one
the sentence opens with; a comparison ("compared with ...") starts a new part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tipdiff.model import Period

_YEAR = r"(?:19|20)\d\d"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_SPELLED = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})"
_PATTERNS = (  # most specific first: a match hides the weaker ones it overlaps
    ("part", re.compile(rf"\b(?:the )?(?P<part>(?:first|last|past|final) {_SPELLED} months) of (?P<year>{_YEAR})\b", re.IGNORECASE)),
    ("part", re.compile(rf"\b(?:the )?(?P<part>(?:first|second) half) of (?P<year>{_YEAR})\b", re.IGNORECASE)),
    ("part", re.compile(rf"\b(?:at|on|as at|as of|by) (?:the end of )?(?P<part>(?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}},)?) (?P<year>{_YEAR})\b", re.IGNORECASE)),
    ("part", re.compile(rf"\b(?P<part>{_MONTH}\s*(?:-|–|to|through|and)\s*{_MONTH}),? (?P<year>{_YEAR})\b", re.IGNORECASE)),
    ("fiscal", re.compile(rf"\b(?:fiscal year|FY) ?(?P<year>{_YEAR})\b", re.IGNORECASE)),
    ("span", re.compile(rf"\b(?:from|between|over|during|in|period|years?) (?:the )?(?P<first>{_YEAR}) ?(?:-|–|to|and|through) ?(?P<year>{_YEAR})\b", re.IGNORECASE)),
    ("month", re.compile(rf"\b(?:in|during|by|as of|until|through|of) (?:early |late |mid-)?(?P<part>{_MONTH}) (?:\d{{1,2}}, )?(?P<year>{_YEAR})\b", re.IGNORECASE)),
    ("span", re.compile(rf"\((?P<first>{_YEAR})[-–](?P<short>\d\d)(?: est\.?)?\)", re.IGNORECASE)),
    ("year", re.compile(rf"\((?:{_MONTH} )?(?P<year>{_YEAR})(?: est\.?| estimates?)?\)", re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:in|during|for|throughout|over|through|by|as of) (?:the (?:calendar )?year )?(?P<year>{_YEAR})\b(?! ?[-–] ?\d| (?:U\.?S\.? )?dollars)", re.IGNORECASE)),
    ("current", re.compile(r"\b(?:during|in|over|throughout|for) the (?:current )?(?:year|reporting period)\b", re.IGNORECASE)),
    ("previous", re.compile(r"\b(?:the )?(?:previous|prior|preceding) (?:year|reporting period)\b|\blast year\b|\bthe year before\b", re.IGNORECASE)),
    ("current-part", re.compile(rf"\b(?:in|during|for|over) the (?P<part>(?:first|second|third|fourth|last) (?:quarter|half)|(?:first|last|past) {_SPELLED} months)\b(?! of (?:19|20)\d\d)|\b(?:in|during|by|until) (?P<month>{_MONTH})\b(?! (?:\d{{1,2}}, )?(?:19|20)\d\d)", re.IGNORECASE)),
)  # fmt: skip
COMPARISON = re.compile(
    r"(?=[civdrfuwg,])"  # where a comparison can start: skips most places at once
    r"(?:\bcompared (?:with|to)\b|\bin comparison\b|\bversus\b|\bvs\b"
    r"|\b(?:increase|decrease|rise|drop|decline|fall|reduction|up|down)s? (?:from|over)\b"
    r"|\b(?:increased|decreased|rose|fell|dropped|declined|grew|was up|was down) from\b"
    r"|, (?:up |down )?from\b)",
    re.IGNORECASE,
)
"""Where a sentence starts to speak of earlier periods of what it has counted."""
_NEW_CLAUSE = re.compile(r";|, and (?:also )?(?=[a-z]+ed\b)")
"""Where a sentence starts a clause of its own: a period of the clause before does not reach past it."""
OPENING = 40
"""A period stated within this many characters of the sentence's start governs all of it."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A period as a sentence states it."""

    start: int
    end: int
    period: Period


_ANY = re.compile(rf"{_YEAR}|\b(?:year|reporting period|quarter|half|months|{_MONTH})\b", re.IGNORECASE)
"""What every period mention holds: most sentences hold none, and are done at once."""


def mentions(text: str, data_year: int | None) -> tuple[Mention, ...]:
    """Every period the sentence states, in reading order; overlapping weaker ones dropped."""
    if not _ANY.search(text):
        return ()
    found: list[Mention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):  # the patterns ignore case
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            period = _period(kind, match, data_year)
            if period:
                found.append(Mention(match.start(), match.end(), period))
    return tuple(sorted(found, key=lambda m: m.start))


_HALVES = {"first half": "first six months", "second half": "last six months"}
"""Two ways of saying one part of a year: one period."""


def _period(kind: str, match: re.Match[str], data_year: int | None) -> Period | None:
    if kind in ("current", "previous"):
        return Period(data_year - (kind == "previous")) if data_year else None
    if kind == "current-part":  # "in the fourth quarter", "in March": part of the report's year
        part = " ".join((match["part"] or match["month"]).split()).lower()
        return Period(data_year, part=_HALVES.get(part, part)) if data_year else None
    short = match.groupdict().get("short")  # "(2015-20 est.)": in the century of its start
    year = int(match["first"]) // 100 * 100 + int(short) if short else int(match["year"])
    if kind == "span":
        first = int(match["first"])
        return Period(year, first) if first < year else None
    if kind == "fiscal":
        return Period(year, part="fiscal year")
    part = match.groupdict().get("part")
    part = " ".join(part.split()) if part else None
    return Period(year, part=_HALVES.get(part.lower(), part) if part else None)


@dataclass(frozen=True, slots=True)
class Periods:
    """The periods one sentence states, and where its parts begin, read once for all its numbers."""

    mentions: tuple[Mention, ...]
    boundaries: tuple[int, ...]
    """Offsets where a part of the sentence begins: its start, each comparison, each semicolon."""

    @classmethod
    def of(cls, text: str, data_year: int | None, comparisons: list[tuple[int, int]]) -> Periods:
        """The periods of a sentence whose comparisons (`COMPARISON` spans) are known."""
        found = mentions(text, data_year)
        if not found:
            return cls((), ())
        marks = (start for start, _ in comparisons)
        clauses = (m.start() for m in _NEW_CLAUSE.finditer(text))
        return cls(found, tuple(sorted({0, *marks, *clauses, *(m.start() for m in re.finditer(";", text))})))

    def period_of(self, start: int, end: int) -> Period | None:
        """The period for the number at start:end: stated after it in its part of the sentence,
        else before it, else at the sentence's opening."""
        if not self.mentions:
            return None
        low = max(b for b in self.boundaries if b <= start)
        high = min((b for b in self.boundaries if b >= end), default=1 << 30)
        after = [m for m in self.mentions if end <= m.start < high]
        if after:
            return after[0].period
        before = [m for m in self.mentions if low <= m.start and m.end <= start]
        if before:
            return before[-1].period
        opening = [m for m in self.mentions if m.start < OPENING and m.end <= start]
        return opening[0].period if opening else None
