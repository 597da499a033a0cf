"""How much wording two sentences share, blind to the numbers in them, and which facts.

Words are weighted by how rare they are in the two reports, so that "the" and
"government" count for less than "enganchadores"; numbers are masked, so that a
changed figure never breaks a match. Two sentences that state one fact (one value for
one period: "13 trafficking victims in 2021") are likelier one revised sentence, however
their wording differs: each shared fact adds FACT_EVIDENCE.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tipdiff.model import Report, Role, Sentence
from tipdiff.normalize import words
from tipdiff.numbers import NUMBER_WORDS

NUMBER = "#"
"""The token every number becomes."""
LANDMARKS = 8
"""How many of a sentence's rarest words index it when looking for moved sentences."""
TIEBREAK = 1e-6
"""Far below any difference in wording that matters; only decides exact ties."""
FACT_EVIDENCE = 0.15
"""Added to the similarity of two sentences for each fact they both state (at most two)."""
SMALL = 10
"""Values below this say too little on their own: a shared "5" is evidence only with a stated period."""


def bag(text: str) -> Counter[str]:
    """The words of a text (a sentence's key), its numbers as one NUMBER: two tables of
    figures are not alike because both are full of numbers."""
    found = Counter(NUMBER if w[0].isdigit() or w in NUMBER_WORDS else w for w in words(text))
    if NUMBER in found:
        found[NUMBER] = 1
    return found


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Word weights learned from the two reports being compared."""

    weights: dict[str, float]

    @classmethod
    def of(cls, bags: Sequence[Counter[str]]) -> Vocabulary:
        """Inverse document frequency over the sentences of both reports, damped so that
        common words still count for something: a revision keeps wording, not only topic."""
        frequency = Counter(w for bag in bags for w in bag)
        total = len(bags) + 1
        weights = {w: math.sqrt(math.log(1 + total / n)) for w, n in frequency.items()}
        weights[NUMBER] = min(weights.values(), default=1.0)
        return cls(weights)

    def mass(self, bag: Counter[str]) -> float:
        return sum(self.weights.get(w, 1.0) * n for w, n in bag.items())

    def shared(self, a: Counter[str], b: Counter[str]) -> float:
        if len(b) < len(a):
            a, b = b, a
        return sum(self.weights.get(w, 1.0) * min(n, b[w]) for w, n in a.items() if w in b)

    def similarity(self, a: Counter[str], b: Counter[str]) -> float:
        """Weighted Dice coefficient: 1.0 for the same words, 0.0 for none in common."""
        total = self.mass(a) + self.mass(b)
        return 2 * self.shared(a, b) / total if total else 1.0

    def containment(self, part: Counter[str], whole: Counter[str]) -> float:
        """How much of `part`'s wording is found in `whole`."""
        mass = self.mass(part)
        return self.shared(part, whole) / mass if mass else 0.0


def merged(bags: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)
    return total


@dataclass(frozen=True, slots=True)
class Wording:
    """The words of every sentence of two reports and how much each word weighs."""

    old: tuple[Counter[str], ...]
    new: tuple[Counter[str], ...]
    vocabulary: Vocabulary
    old_mass: tuple[float, ...]
    """Each old sentence's total word weight, computed once: scoring is the hot loop."""
    new_mass: tuple[float, ...]
    old_tiebreaks: tuple[tuple[str, Counter[str]], ...]
    """Each old sentence's key and number values, for breaking ties between equal scores."""
    new_tiebreaks: tuple[tuple[str, Counter[str]], ...]
    old_facts: tuple[frozenset[str], ...]
    """Each old sentence's facts as value@period, for evidence beyond wording."""
    new_facts: tuple[frozenset[str], ...]
    old_counted: tuple[frozenset[str], ...] = ()
    """The words of what each old sentence counts (its counts' measures): "cases", "investigated"."""
    new_counted: tuple[frozenset[str], ...] = ()

    @classmethod
    def of(cls, old: Report, new: Report) -> Wording:
        old_bags = tuple(bag(s.key) for s in old.sentences)
        new_bags = tuple(bag(s.key) for s in new.sentences)
        vocabulary = Vocabulary.of(old_bags + new_bags)
        return cls(
            old_bags,
            new_bags,
            vocabulary,
            tuple(map(vocabulary.mass, old_bags)),
            tuple(map(vocabulary.mass, new_bags)),
            _tiebreaks(old.sentences),
            _tiebreaks(new.sentences),
            *_distinctive(
                tuple(stated_facts(s, old.data_year) for s in old.sentences),
                tuple(stated_facts(s, new.data_year) for s in new.sentences),
            ),
            tuple(map(_counted, old.sentences)),
            tuple(map(_counted, new.sentences)),
        )

    def count_apart(self, i: int, j: int) -> bool:
        """Whether old sentence i and new sentence j both count something and nothing alike:
        "police investigated 1,422 of these cases" is no revision of "police convicted 52 of
        these traffickers", however alike their words."""
        return bool(self.old_counted[i] and self.new_counted[j] and not self.old_counted[i] & self.new_counted[j])

    def score(self, i: int, j: int) -> float:
        """Similarity of old sentence i and new sentence j, with the facts they both state;
        where that ties, the same text and then the same numbers win, so both directions of
        a comparison agree."""
        total = self.old_mass[i] + self.new_mass[j]
        similarity = 2 * self.vocabulary.shared(self.old[i], self.new[j]) / total if total else 1.0
        similarity += self.evidence(self.old_facts[i], self.new_facts[j])
        (old_key, old_numbers), (new_key, new_numbers) = self.old_tiebreaks[i], self.new_tiebreaks[j]
        tiebreak = 2 if old_key == new_key else 1 if old_numbers == new_numbers else 0
        return similarity + TIEBREAK * tiebreak

    @staticmethod
    def evidence(a: frozenset[str], b: frozenset[str]) -> float:
        """What the facts two sentences (or groups of them) both state add to their similarity."""
        return FACT_EVIDENCE * min(2, len(a & b)) if a and b else 0.0

    def landmarks(self, bag: Counter[str]) -> list[str]:
        """The sentence's LANDMARKS most distinctive words: a revision keeps some of them."""
        weights = self.vocabulary.weights
        return sorted(bag, key=lambda word: (-weights.get(word, 1.0), word))[:LANDMARKS]

    def similarity(self, olds: Iterable[int], news: Iterable[int]) -> float:
        """Similarity of old sentences `olds` taken together with new sentences `news`."""
        return self.vocabulary.similarity(merged(self.old[i] for i in olds), merged(self.new[j] for j in news))


def _tiebreaks(sentences: tuple[Sentence, ...]) -> tuple[tuple[str, Counter[str]], ...]:
    return tuple((s.key, Counter(f.key for f in s.facts)) for s in sentences)


def _distinctive(
    old: tuple[frozenset[str], ...], new: tuple[frozenset[str], ...]
) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """Only a fact each report states in one sentence singles out that sentence's counterpart."""
    once = [{key for key, n in Counter(k for facts in side for k in facts).items() if n == 1} for side in (old, new)]
    both = once[0] & once[1]
    return tuple(facts & both for facts in old), tuple(facts & both for facts in new)


def stated_facts(sentence: Sentence, data_year: int | None) -> frozenset[str]:
    """The sentence's counts, amounts and shares as value@period: a small value only where
    its period is stated, since "five" alone could be anything."""
    return frozenset(
        f"{fact.key}@{fact.period or data_year}"
        for fact in sentence.facts
        if fact.role.measurable and (fact.period or (data_year and abs(fact.value) >= SMALL))
    )


def _counted(sentence: Sentence) -> frozenset[str]:
    """The words of what a sentence's counts count, whoever did it: "victims (visas to)" and
    "humanitarian visas provided" share "visas"; "cases investigated by Punjab" and "persons
    convicted by Punjab" share nothing."""
    measures = (f.measure.split(" by ")[0] for f in sentence.facts if f.role is Role.COUNT and f.measure)
    return frozenset(word for measure in measures for word in words(measure) if len(word) > 3)
