"""Meaning: which rewordings change what a sentence says, and which only how it looks.

A reworded sentence changes meaning when the diff drops or adds a negation ("did not"
-> "did"), swaps a direction word for its opposite ("increased" -> "decreased"), or
adds or drops a hedge ("at least", "only"). It is cosmetic when nothing but case,
quotes, hyphens, dashes or punctuation differs.
"""

import re

from tipdiff.model import Change, Label, MeaningShift, Sentence
from tipdiff.normalize import words

NEGATIONS = ("not", "no", "never", "none", "failed", "lacked", "without", "neither", "nor", "unable")
OPPOSITES = (
    ("increased", "decreased"), ("increase", "decrease"), ("increasing", "decreasing"),
    ("more", "fewer"), ("more", "less"), ("higher", "lower"), ("improved", "worsened"),
    ("improved", "deteriorated"), ("expanded", "reduced"), ("began", "stopped"),
    ("maintained", "increased"), ("maintained", "decreased"), ("adequate", "inadequate"),
    ("sufficient", "insufficient"), ("consistently", "inconsistently"), ("some", "all"),
    ("significant", "minimal"), ("effective", "ineffective"), ("complete", "incomplete"),
)  # fmt: skip
HEDGES = (
    "at least", "approximately", "about", "nearly", "almost", "only", "some", "most",
    "partial", "partially", "limited", "significantly", "reportedly", "allegedly", "potentially",
)  # fmt: skip

HEDGES_MATTER = 0.5
"""In a sentence rewritten beyond this similarity, a hedge that comes or goes is part of
the rewrite, not news; a negation or a reversed direction always is."""


def meaning_shifts(change: Change) -> tuple[MeaningShift, ...]:
    """What the rewording shifts; empty if nothing."""
    if change.label not in (Label.REWORDED, Label.FIGURES):
        return ()
    deleted = " ".join(e.old for e in change.diff if e.op == "delete").casefold()
    inserted = " ".join(e.new for e in change.diff if e.op == "insert").casefold()
    gone, came = set(words(deleted)), set(words(inserted))
    shifts = []
    for word in NEGATIONS:
        if (word in gone) != (word in came):
            shifts.append(MeaningShift(word, None) if word in gone else MeaningShift(None, word))
    for a, b in OPPOSITES:
        if a in gone and b in came:
            shifts.append(MeaningShift(a, b))
        elif b in gone and a in came:
            shifts.append(MeaningShift(b, a))
    if change.similarity >= HEDGES_MATTER:
        for hedge in HEDGES:
            in_gone, in_came = _has(deleted, hedge), _has(inserted, hedge)
            if in_gone != in_came:
                shifts.append(MeaningShift(hedge, None) if in_gone else MeaningShift(None, hedge))
    return tuple(dict.fromkeys(shifts))


def is_cosmetic(change: Change) -> bool:
    """Only case, quotes, hyphens, dashes or punctuation differ."""
    if change.label is not Label.REWORDED:
        return False
    return _letters(change.old) == _letters(change.new)


def _letters(sentences: tuple[Sentence, ...]) -> str:
    """The letters and digits alone: "Legally- required" and "legally required" agree."""
    return "".join(words(" ".join(s.key for s in sentences)))


def _has(text: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None
