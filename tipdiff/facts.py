"""Facts: what a number in a sentence counts, and for which year.

"Authorities initiated 33 federal investigations and 798 state investigations in
2022" holds two facts: 33 "federal investigations initiated" and 798 "state
investigations", both for 2022. The label is the noun phrase after the number and the
verb before it; the year is the first year of the same clause, after the number if
there is one, else before it.
"""

import re
from dataclasses import dataclass

from tipdiff.numbers import Number, find_numbers

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d,.]*|[;:,.()–—]")
_STOPS = frozenset(
    """in of from for to on at with by during between among across into under over per
    and or but while whereas as than compared including include includes included who which that
    were was are is had has have been be this these those its their his her it they during""".split()
)
_DETERMINERS = frozenset("a an the at least more than approximately about nearly some all only over under".split())
_CLAUSE_END = re.compile(
    r";|\bcompared (?:with|to)\b|\bin comparison\b|\bversus\b|\bwhile\b|\bwhereas\b"
    r"|\b(?:increased|decreased|increase|decrease|up|down|rose|fell) from\b"
)
"""What starts the part of a sentence that speaks of other years."""
_VERB_ING = re.compile(r"^[a-z]+ing$")
_VERB_ED = re.compile(r"^[a-z]+ed$")
_IRREGULAR = {
    "making": "made", "having": "had", "taking": "taken", "giving": "given", "holding": "held",
    "finding": "found", "bringing": "brought", "paying": "paid", "running": "run", "getting": "got",
    "seeing": "seen", "building": "built", "sending": "sent", "keeping": "kept", "selling": "sold",
}  # fmt: skip
"""Verbs whose past participle is not "-ed"."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One number of a sentence with what it counts and when."""

    number: Number
    label: str | None
    """"victims identified", "federal investigations initiated"; None when the words
    around the number do not say what it counts."""
    noun: str | None
    """The counted thing alone ("victims"), for recognising one fact across editions."""
    year: int | None
    """The year the figure is for, as the sentence says it."""


def find_facts(text: str) -> tuple[Fact, ...]:
    """The facts of every number in a sentence that is not itself a year."""
    numbers = find_numbers(text)
    years = [n for n in numbers if n.kind == "year"]
    facts = []
    for number in numbers:
        if number.kind == "year":
            continue
        noun = _noun_after(text[number.end :]) or _noun_before(text[: number.start])
        verb = _verb_before(text[: number.start])
        label = f"{noun} {verb}" if noun and verb else noun
        facts.append(Fact(number, label, noun, _year_of(text, number, years)))
    return tuple(facts)


def _noun_after(text: str) -> str | None:
    words = []
    for token in _TOKEN.findall(text[:80]):
        word = token.casefold()
        if not word[0].isalpha() or word in _STOPS or len(words) == 4 or (words and _VERB_ED.match(word)):
            break  # "744 victims identified in 2021": the thing counted is "victims"
        if word not in _DETERMINERS and word not in ("million", "billion", "percent", "thousand", "hundred"):
            words.append(word)
    return " ".join(words) or None


def _noun_before(text: str) -> str | None:
    """For a number in apposition: "Total convictions, 116, increased …"."""
    tokens = _TOKEN.findall(text[-60:])
    while tokens and not tokens[-1][0].isalpha():
        tokens.pop()
    words = []
    for token in reversed(tokens):
        word = token.casefold()
        if not word[0].isalpha() or word in _STOPS or word in _DETERMINERS or len(words) == 3:
            break
        words.insert(0, word)
    return " ".join(words) if words and not _VERB_ED.match(words[-1]) and not _VERB_ING.match(words[-1]) else None


def _verb_before(text: str) -> str | None:
    """The verb right before the number, as a past participle ("identifying" -> "identified")."""
    for token in reversed(_TOKEN.findall(text[-50:])):
        word = token.casefold()
        if word in _DETERMINERS:
            continue
        if word in ("including", "according", "exceeding", "totaling", "totalling"):
            return None
        if _VERB_ING.match(word) and len(word) > 5:
            stem = word[:-3]
            return _IRREGULAR.get(word) or (stem[:-1] + "ied" if stem.endswith("y") else stem + "ed")
        return word if _VERB_ED.match(word) and word != "compared" else None
    return None


def _year_of(text: str, number: Number, years: list[Number]) -> int | None:
    """The first year of the number's clause, looking ahead first."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, number.start)), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(text, number.end)), len(text))
    after = [y for y in years if number.end <= y.start < end]
    before = [y for y in years if start <= y.start < number.start]
    chosen = after[0] if after else before[-1] if before else None
    return int(chosen.value) if chosen else None
