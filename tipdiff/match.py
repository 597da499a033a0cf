"""Section matching: which sections of the two editions are the same section.

Keys first (a profile key, or the same heading); then, for what is left, content.
A report with no structure at all (a web scrape) is matched as a whole against the
whole of the other report.
"""

from collections import defaultdict
from dataclasses import dataclass

from tipdiff.model import Report
from tipdiff.similarity import Wording, merged

CONTENT_MATCH = 0.3
"""Least word overlap for two sections with different or no keys to count as one."""

COMMON = 50
"""A word in more unmatched sections than this proposes no pair of them: only a report of
hundreds of sections has such words, and comparing each of its sections with every other
report's would take N x M."""


@dataclass(frozen=True, slots=True)
class SectionPair:
    """Sections, by index, whose sentences are aligned in reading order; either side may be empty."""

    old: tuple[int, ...]
    new: tuple[int, ...]


def match_sections(old: Report, new: Report, wording: Wording) -> tuple[SectionPair, ...]:
    """Every section of both reports in exactly one pair."""
    old_all, new_all = tuple(range(len(old.sections))), tuple(range(len(new.sections)))
    if not (old.structured and new.structured):
        return (SectionPair(old_all, new_all),)

    pairs: list[SectionPair] = []
    with_key: dict[str | None, list[int]] = defaultdict(list)
    for j in reversed(new_all):  # popped from the end: the first section with the key first
        with_key[new.sections[j].key].append(j)
    old_left, new_left = [], set(new_all)
    for i in old_all:
        if same := with_key[old.sections[i].key]:
            j = same.pop()
            pairs.append(SectionPair((i,), (j,)))
            new_left.discard(j)
        else:
            old_left.append(i)
    new_left = sorted(new_left)

    old_spans, new_spans = old.section_spans, new.section_spans  # each a walk over the report: once
    old_bags = {i: merged(wording.old[k] for k in old_spans[i]) for i in old_left}
    new_bags = {j: merged(wording.new[k] for k in new_spans[j]) for j in new_left}
    sections_with: dict[str, list[int]] = defaultdict(list)
    for j, bag in new_bags.items():
        for word in bag:
            sections_with[word].append(j)
    candidates = {
        i: {j for word in bag if len(sections_with[word]) <= COMMON for j in sections_with[word]}
        for i, bag in old_bags.items()
    }
    similarity = wording.vocabulary.similarity
    scored = sorted((-similarity(old_bags[i], new_bags[j]), i, j) for i in old_left for j in candidates[i])
    taken_old, taken_new = set(), set()
    for score, i, j in scored:
        if -score >= CONTENT_MATCH and i not in taken_old and j not in taken_new:
            pairs.append(SectionPair((i,), (j,)))
            taken_old.add(i)
            taken_new.add(j)
    pairs += [SectionPair((i,), ()) for i in old_left if i not in taken_old]
    pairs += [SectionPair((), (j,)) for j in new_left if j not in taken_new]
    return tuple(pairs)
