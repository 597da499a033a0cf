"""Findings: the changes of a section worth a reader's attention, each with its importance,
and none that the other report contradicts.

A sentence is "new in this report" only if its wording is in no sentence (or two adjacent
sentences) of the old report and no figure of it counts what a figure of the old report
counts, and "no longer reported" only if the same holds of the new report; otherwise it is
said to be rewritten, with the sentence that holds its wording or its measure ("1,864
calls received" is not dropped when the new report gives "2,549 calls received"); one
whose wording the other report holds in part is given with the sentence to compare it with. A sentence found in
another place is "moved" only when the two are clearly one sentence (MOVED); a looser pair
is told as what it is on each side.

Importance, the same whichever report is the old one:
- a change of meaning 1.5, plus 0.75 for each negation, reversed direction or "for the
  first time" it turns on and 0.25 for each hedge (at most 3); a new or dropped sentence
  1.5; one partly in the other report 1; a rewritten one 0.3; a moved one 0.2;
- times 1.5 when either summary names what the sentence says, and 1.25 when it announces
  something ("for the first time", "adopted", "launched", "failed to");
- times the section's weight in the profile.
"""

import re
from collections import Counter, defaultdict
from dataclasses import replace

from tipdiff.model import Change, Fact, Finding, Label, MeaningShift, Report, SectionComparison, Sentence, Source
from tipdiff.narrative.meaning import HEDGES, meaning_shifts
from tipdiff.similarity import Vocabulary, bag, merged

MOVED = 0.6
"""Least similarity for a pair found in another place to be shown as one moved sentence."""
ELSEWHERE = 0.6
"""Least share of a sentence's wording that the other report must hold for the sentence
not to count as new (or as no longer reported)."""
PARTLY = 0.45
"""Least share for a sentence to count as partly in the other report: neither new nor
dropped, but to compare with the sentence that holds that share."""
SUMMARIZED = 0.5
"""Least share of a summary item's wording a sentence must hold to be what the item names."""
CANDIDATES = 50
"""Sentences of the other report looked at for one sentence's wording, those sharing most of
its rarest words first: a flood of look-alike sentences costs no more than this."""
_ANNOUNCES = re.compile(
    r"\b(?:for the first time|adopted|enacted|launched|established|approved|published|created|opened"
    r"|failed to|no longer)\b",
    re.IGNORECASE,
)
_STRONG = 0.75
_HEDGE = 0.25


class Wordings:
    """Which sentences of a report hold a given wording: an index of their rarest words."""

    def __init__(self, report: Report, side: str, vocabulary: Vocabulary) -> None:
        self.side = side
        self.vocabulary = vocabulary
        self.sentences = report.sentences
        self.bags = [bag(s.key) for s in self.sentences]
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(self.bags):
            for word in words:
                self.index[word].append(i)
        self.held: dict[frozenset[tuple[str, int]], tuple[float, Source | None]] = {}
        self.measures: dict[tuple[str, str | None, str], int] = {}
        for i, sentence in enumerate(self.sentences):
            for fact in sentence.facts:
                if measure := _measure(fact):
                    self.measures.setdefault(measure, i)

    def holder(self, wording: Counter[str]) -> tuple[float, Source | None]:
        """The sentence (alone, or with the next one) that holds most of `wording`, and how much;
        asked once for each wording, as a report that repeats itself asks again and again."""
        key = frozenset(wording.items())
        if key not in self.held:
            self.held[key] = self._holder(wording)
        return self.held[key]

    def _holder(self, wording: Counter[str]) -> tuple[float, Source | None]:
        weights = self.vocabulary.weights
        rarest = sorted(wording, key=lambda w: (-weights.get(w, 1.0), w))[:4]
        shared = Counter(i for word in rarest for i in self.index.get(word, ()))
        best, found = 0.0, None
        for i, _ in shared.most_common(CANDIDATES):
            share = self.vocabulary.containment(wording, self.bags[i])
            if share < ELSEWHERE and i + 1 < len(self.bags):
                share = max(share, self.vocabulary.containment(wording, self.bags[i] + self.bags[i + 1]))
            if share > best:
                best, found = share, Source(self.side, self.sentences[i])  # type: ignore[arg-type]
        return best, found

    def counter(self, sentences: tuple[Sentence, ...]) -> Source | None:
        """The first sentence with a figure that counts what a figure of `sentences` counts."""
        for sentence in sentences:
            for fact in sentence.facts:
                if (measure := _measure(fact)) and measure in self.measures:
                    return Source(self.side, self.sentences[self.measures[measure]])  # type: ignore[arg-type]
        return None


def _measure(fact: Fact) -> tuple[str, str | None, str] | None:
    """What a measurable fact counts, whatever its scope and period."""
    return (fact.role.value, fact.unit, fact.measure) if fact.role.measurable and fact.measure else None


def section_findings(
    section: SectionComparison,
    old: Wordings,
    new: Wordings,
    summary: list[Counter[str]],
    weight: float,
) -> tuple[Finding, ...]:
    """The section's findings in report order; `summary` holds the wording of each item
    either summary names."""
    findings = []
    for change in section.changes:
        for finding in _findings(change, section.key, old, new):
            findings.append(_weighed(finding, summary, weight, old.vocabulary))
    return tuple(findings)


def _findings(change: Change, section: str, old: Wordings, new: Wordings) -> list[Finding]:
    if change.label is Label.ADDED:
        return [_new_or_old(change, section, "new", old)]
    if change.label is Label.REMOVED:
        return [_new_or_old(change, section, "old", new)]
    if change.moved and change.similarity < MOVED:
        return [_new_or_old(change, section, "old", new), _new_or_old(change, section, "new", old)]
    if shifts := meaning_shifts(change):
        return [Finding("meaning", change, "new", section, shifts)]
    if change.moved:
        return [Finding("moved", change, "new", section)]
    return []


def _new_or_old(change: Change, section: str, side: str, other: Wordings) -> Finding:
    """Added (or removed), unless the other report holds its wording or its measure; partly
    so, where it holds some of its wording."""
    sentences = change.new if side == "new" else change.old
    share, holder = other.holder(merged(bag(s.key) for s in sentences))
    if not _of_field(sentences, holder):
        share, holder = 0.0, None
    counter = other.counter(sentences)
    if share >= ELSEWHERE or (counter := counter if _of_field(sentences, counter) else None):
        return Finding("elsewhere", change, side, section, elsewhere=holder if share >= ELSEWHERE else counter)  # type: ignore[arg-type]
    if share >= PARTLY:
        return Finding("partly", change, side, section, elsewhere=holder)  # type: ignore[arg-type]
    return Finding("added" if side == "new" else "removed", change, side, section)  # type: ignore[arg-type]


def _of_field(sentences: tuple[Sentence, ...], source: Source | None) -> bool:
    """Whether `source` may be where the other report holds `sentences`: for an almanac's field
    line, only a line of the same field ("Population" never holds what "Real GDP" gave)."""
    labels = next((s.field for s in sentences if s.field), ())
    if not labels or source is None:
        return True
    return bool(source.sentence.field) and source.sentence.field[0].casefold() == labels[0].casefold()


def _weighed(finding: Finding, summary: list[Counter[str]], weight: float, vocabulary: Vocabulary) -> Finding:
    # a change of meaning is weighed on both its sides, so that its weight is the same either way
    told: tuple[Sentence, ...] = tuple(source.sentence for source in finding.sources if source is not finding.elsewhere)
    text = " ".join(s.key for s in told)
    wording = bag(text)
    if finding.kind == "meaning":
        base = min(1.5 + sum(_strength(shift) for shift in finding.shifts), 3.0)
    else:
        base = {"added": 1.5, "removed": 1.5, "partly": 1.0, "elsewhere": 0.3, "moved": 0.2}[finding.kind]
    if any(vocabulary.containment(item, wording) >= SUMMARIZED for item in summary):
        base *= 1.5
    if _ANNOUNCES.search(text):
        base *= 1.25
    return replace(finding, importance=round(base * weight, 3))


def _strength(shift: MeaningShift) -> float:
    word = shift.dropped or shift.added
    return _HEDGE if word in HEDGES else _STRONG
