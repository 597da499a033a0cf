"""A number's role, from its unit and its neighbours, and how exactly it is given.

"10 years' imprisonment" is a duration, "boys older than 13" an age, "Article 10" or "Tier
2" a name, "second consecutive year" a rank, "9.8 births/1,000 population" a share; a
qualifier before it ("at least", "more than") or after it ("est.") says it is not exact.
"""

from __future__ import annotations

from itertools import pairwise

from tipdiff.facts.draft import Draft
from tipdiff.facts.tokens import Token, low_at
from tipdiff.facts.words import AGE_BEFORE, CITING, MONTHS, QUALIFIERS, TIME_UNITS
from tipdiff.model import Role

YOUNG = frozenset("boys girls children minors males females men women victims youths adolescents".split())


_COUNTED_AFTER_YEAR = frozenset("victims cases people persons individuals".split())
"""After a year-like number, nouns that make it a count ("2000 victims")."""


def role_of(tokens: tuple[Token, ...], i: int) -> Role:
    number = tokens[i].number
    assert number is not None
    before = " ".join(t.low for t in tokens[max(0, i - 4) : i])
    after = [t.low for t in tokens[i + 1 : i + 4]]
    previous = low_at(tokens, i - 1)
    if number.kind == "money":
        return Role.MONEY
    if number.kind == "percent" or _rate(tokens, i):
        return Role.SHARE
    if previous == "/" or (previous == "per" and number.amount in _PER):
        return Role.NAME  # the 1,000 of "9.8 births/1,000 population": part of a unit
    if previous in CITING or (previous == "." and low_at(tokens, i - 2) in CITING):
        return Role.NAME
    if (after[:2] == ["-", "year"] and after[2:3] == ["-"]) or (
        after[:1] in (["years"], ["year"]) and "old" in after[1:3]
    ):
        return Role.AGE
    if before.endswith(AGE_BEFORE) or (previous in ("over", "under") and low_at(tokens, i - 2) in YOUNG):
        return Role.AGE
    if number.kind == "ordinal":
        return Role.DATE if "months" in after[:2] else Role.RANK
    if number.kind == "year":
        return Role.COUNT if after and after[0] in _COUNTED_AFTER_YEAR else Role.DATE
    if previous in MONTHS or (after and after[0] in MONTHS):
        return Role.DATE
    unit = after[1] if after[:1] == ["-"] and len(after) > 1 else after[0].rstrip("'") if after else ""
    if unit not in TIME_UNITS and len(after) > 1 and after[1].rstrip("'") in TIME_UNITS and after[0].isalpha():
        unit = after[1]  # "60 working days"
    if unit in TIME_UNITS:
        # "the first six months of 2020" says when, not how long
        return Role.DATE if previous in ("first", "last", "past", "final") and "of" in after[1:3] else Role.DURATION
    return Role.COUNT


_PER = frozenset({100, 1000, 10000, 100000, 1000000})


def _rate(tokens: tuple[Token, ...], i: int) -> bool:
    """A rate is a share: "9.8 births/1,000 population", "3.2 per 100,000 inhabitants"."""
    after = tokens[i + 1 : i + 4]
    per = next((k for k, t in enumerate(after) if t.low in ("/", "per")), None)
    if per is None or per + 1 >= len(after) or not after[per + 1].number:
        return False
    return all(t.is_word for t in after[:per]) and after[per + 1].number.amount in _PER  # type: ignore[union-attr]


def share_range_roles(tokens: tuple[Token, ...], drafts: list[Draft]) -> None:
    """Both ends of "five to 30 years" are durations: the unit after the second says so."""
    for first, second in pairwise(drafts):
        between = [t.low for t in tokens[first.index + 1 : second.index]]
        ranged = between in (["to"], ["-"], ["–"], ["and"])
        if ranged and first.role is Role.COUNT and second.role in (Role.DURATION, Role.AGE):
            first.role = second.role


def qualifier_of(tokens: tuple[Token, ...], i: int) -> str | None:
    before = " ".join(t.low for t in tokens[max(0, i - 3) : i])
    found = next((q for q in QUALIFIERS if before == q or before.endswith(" " + q)), None)
    if found:
        return found
    after = [t.low for t in tokens[i + 1 : i + 5]]
    if after[:2] == ["or", "more"]:
        return "or more"
    if after[:1] == ["("] and "est" in after[2:4]:  # "130,207,371 (2023 est.)"
        return "est."
    return None


def in_qualifier(tokens: tuple[Token, ...], k: int, i: int) -> bool:
    """Whether token k belongs to the qualifier right before the number ("more than", "up to")."""
    said = " ".join(t.low for t in tokens[k:i])
    return said in QUALIFIERS
