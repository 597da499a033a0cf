"""The life of each recommendation: the edition that first makes it, how later editions
reword it, and the last that makes it.

Consecutive editions that have recommendations are aligned on that section alone, the way
`compare` aligns whole reports; a recommendation paired with one of the next edition (as
unchanged or reworded) lives on in it. Editions without a recommendations section (a
fragment, a scrape) are skipped, not read as having dropped them all.
"""

from collections.abc import Sequence
from dataclasses import replace

from tipdiff.model import Change, Label, RecommendationLife, Report, Sentence
from tipdiff.pipeline import compare
from tipdiff.profiles import Profile


def recommendation_lives(reports: Sequence[Report], profile: Profile) -> tuple[RecommendationLife, ...]:
    """Every recommendation of every edition, each in the life it belongs to, oldest first."""
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
        _, before = having[position - 1]
        following: dict[int, int] = {}
        for change in compare(before, section).changes:
            if not change.new:
                continue
            life = living.get(change.old[0].index) if change.old else None
            for position_in_change, sentence in enumerate(change.new):
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
