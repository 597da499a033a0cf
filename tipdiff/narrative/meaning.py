"""Meaning: which rewordings change what a sentence says, and which only how it looks.

A reworded sentence changes meaning when it drops or adds a negation ("did not" ->
"did"), swaps a direction word for its opposite ("increased" -> "decreased"), says or stops
saying "for the first time", "no longer" or "failed to", or adds or drops a hedge ("at
least", "only"). It is cosmetic when nothing but case,
quotes, hyphens, dashes or punctuation differs.
"""

import re

from tipdiff.model import Change, Label, MeaningShift, Sentence
from tipdiff.normalize import words
from tipdiff.sentences import stem as _stem

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

MARKERS = ("for the first time", "no longer", "failed to")
"""Phrases that tell news whatever else the rewording does."""

HEDGES_MATTER = 0.5
"""In a sentence rewritten beyond this similarity, a hedge that comes or goes is part of
the rewrite, not news; a negation or a reversed direction always is."""


def meaning_shifts(change: Change) -> tuple[MeaningShift, ...]:
    """What the rewording shifts; empty if nothing. A word counts as dropped only if no word
    of its stem is left in the new sentence ("limited" -> "limit" drops nothing), and a
    negation only if the sentence holds fewer negations than before ("did not" -> "failed to")."""
    if change.label not in (Label.REWORDED, Label.FIGURES):
        return ()
    old_text, new_text = _text(change.old), _text(change.new)
    old_stems, new_stems = _stems(old_text), _stems(new_text)
    gone = set(words(" ".join(e.old for e in change.diff if e.op == "delete")))
    came = set(words(" ".join(e.new for e in change.diff if e.op == "insert")))

    def dropped(word: str) -> bool:
        return word in gone and _stem(word) not in new_stems

    def added(word: str) -> bool:
        return word in came and _stem(word) not in old_stems

    shifts = []
    if _negations(old_text) != _negations(new_text):
        for word in NEGATIONS:
            if dropped(word) or added(word):
                shifts.append(MeaningShift(word, None) if dropped(word) else MeaningShift(None, word))
    for a, b in OPPOSITES:
        for before, after in ((a, b), (b, a)):
            if dropped(before) and added(after) and not _negated_alike(before, after, old_text, new_text):
                shifts.append(MeaningShift(before, after))
    for marker in MARKERS:
        if _has(old_text, marker) != _has(new_text, marker):
            shifts.append(MeaningShift(marker, None) if _has(old_text, marker) else MeaningShift(None, marker))
    if change.similarity >= HEDGES_MATTER:
        for hedge in HEDGES:
            single = " " not in hedge
            went = dropped(hedge) if single else _has(old_text, hedge) and not _has(new_text, hedge)
            came_in = added(hedge) if single else _has(new_text, hedge) and not _has(old_text, hedge)
            if went and not _hedges_a_new_number(hedge, old_text, new_text):
                shifts.append(MeaningShift(hedge, None))
            elif came_in and not _hedges_a_new_number(hedge, new_text, old_text):
                shifts.append(MeaningShift(None, hedge))
    return tuple(dict.fromkeys(shifts))


_NEGATIVE = re.compile(r"\b(?:not|no|lack|lacked|lacking|without)\s+(?:of\s+)?(?:the\s+|an?\s+)?(\w+)")


def _negated_alike(word: str, opposite: str, old_text: str, new_text: str) -> bool:
    """ "the lack of adequate protection" and "inadequate protections" say one thing: a
    positive word under a negation became its negative form, or the other way round."""
    negated = {m.group(1) for text in (old_text, new_text) for m in _NEGATIVE.finditer(text)}
    positive = word if opposite == "in" + word else opposite if word == "in" + opposite else None
    return positive is not None and positive in negated


def _hedges_a_new_number(hedge: str, text: str, other: str) -> bool:
    """The hedge qualifies a number the other sentence does not have ("at least 35" for a
    year the other never covers): it belongs to a new figure, not to a rewording."""
    found = re.search(rf"\b{re.escape(hedge)}\s+([\d,.]+\d|\d)", text)
    return bool(found) and not re.search(rf"(?<![\d,.]){re.escape(found.group(1))}(?![\d,.]*\d)", other)


def is_cosmetic(change: Change) -> bool:
    """Only case, quotes, hyphens, dashes or punctuation differ."""
    if change.label is not Label.REWORDED:
        return False
    return _letters(change.old) == _letters(change.new)


def _letters(sentences: tuple[Sentence, ...]) -> str:
    """The letters and digits alone: "Legally- required" and "legally required" agree."""
    return "".join(words(" ".join(s.key for s in sentences)))


def _text(sentences: tuple[Sentence, ...]) -> str:
    return " ".join(s.key for s in sentences).casefold()


def _negations(text: str) -> int:
    return sum(word in NEGATIONS for word in words(text))


def _stems(text: str) -> set[str]:
    return {_stem(word) for word in words(text)}


def _has(text: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None
