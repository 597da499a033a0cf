"""The life of each recommendation: the edition that first makes it, how later editions
reword it, and the last that makes it.

A recommendation paired (as unchanged or reworded) with one of the next edition that has
recommendations lives on in it: the pairing is the whole comparison of the two editions
when they are next to each other, else a comparison of their recommendations alone.
Editions without a recommendations section (a fragment, a scrape) are skipped, not read
as having dropped them all.
"""

from collections.abc import Mapping, Sequence
from dataclasses import replace

from tipdiff.model import Change, Comparison, Label, RecommendationLife, Report, Sentence
from tipdiff.pipeline import compare
from tipdiff.profiles import Profile


def recommendation_lives(
    reports: Sequence[Report], profile: Profile, comparisons: Mapping[tuple[int, int], Comparison]
) -> tuple[RecommendationLife, ...]:
    """Every recommendation of every edition, each in the life it belongs to, oldest first;
    `comparisons` are the whole editions already compared, by (old, new) position."""
    key = profile.recommendations
    having = [
        (number, replace(report, sections=tuple(s for s in report.sections if s.key == key)))
        for number, report in enumerate(reports)
        if key and any(s.key == key for s in report.sections)
    ]
    lives: list[list[tuple[int, Sentence, Change | None]]] = []
    living: dict[int, int] = {}  # sentence index in the edition before -> its life
    for position, (number, section) in enumerate(having):
        if position == 0:
            for sentence in section.sentences:
                living[sentence.index] = len(lives)
                lives.append([(number, sentence, None)])
            continue
        before_number, before = having[position - 1]
        # editions next to each other were compared whole; across a fragment, compare the sections
        whole = comparisons.get((before_number, number))
        changes = whole.changes if whole else compare(before, section).changes
        ours = {sentence.index for sentence in section.sentences}
        following: dict[int, int] = {}
        for change in changes:
            new = [sentence for sentence in change.new if sentence.index in ours]
            if not new:
                continue
            life = living.get(change.old[0].index) if change.old else None
            for position_in_change, sentence in enumerate(new):
                if life is None or position_in_change > 0:  # a split's later parts start lives of their own
                    following[sentence.index] = len(lives)
                    lives.append([(number, sentence, None)])
                else:
                    following[sentence.index] = life
                    lives[life].append((number, sentence, change if change.label is not Label.UNCHANGED else None))
        living = following
    last = having[-1][0] if having else None
    return tuple(
        RecommendationLife(tuple(versions), versions[-1][0] if versions[-1][0] != last else None) for versions in lives
    )
