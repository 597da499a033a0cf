"""Section matching: which sections of the two editions are the same section.

Keys first (a profile key, or the same heading); then, for what is left, content.
A report with no structure at all (a web scrape) is matched as a whole against the
whole of the other report.
"""

from dataclasses import dataclass

from tipdiff.model import Report
from tipdiff.similarity import Wording

CONTENT_MATCH = 0.3
"""Least word overlap for two sections with different or no keys to count as one."""


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
    old_left, new_left = list(old_all), list(new_all)
    for i in old_all:
        same = [j for j in new_left if new.sections[j].key == old.sections[i].key]
        if same:
            pairs.append(SectionPair((i,), (same[0],)))
            old_left.remove(i)
            new_left.remove(same[0])

    old_spans, new_spans = old.section_spans, new.section_spans
    scored = sorted((-wording.similarity(old_spans[i], new_spans[j]), i, j) for i in old_left for j in new_left)
    for score, i, j in scored:
        if -score >= CONTENT_MATCH and i in old_left and j in new_left:
            pairs.append(SectionPair((i,), (j,)))
            old_left.remove(i)
            new_left.remove(j)
    pairs += [SectionPair((i,), ()) for i in old_left] + [SectionPair((), (j,)) for j in new_left]
    return tuple(pairs)
