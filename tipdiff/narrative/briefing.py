"""The briefing: the year's most important changes in a few hundred words, each cited.

The verdicts come first: the tier (which the narrative always states), then each verdict
whose meaning changed, with the key figure of its section. Then the candidates below, by importance, while the briefing stays
within WORDS. Every importance is the same whichever report is the old one, so the
briefing of NEW -> OLD tells the same points the other way round.
- An effort or a shortfall only one edition's summary names: SUMMARY, plus 1 / (1 + its
  place among the summary's items): the authors' own choice and order of what mattered.
- A key figure: its importance (`keyfigures.py`), times MENTIONED when either summary
  speaks of what it counts.
- A finding of a section: its importance (`findings.py`).
- The new and dropped recommendations, together: RECOMMENDATIONS.
"""

import re

from tipdiff.model import Change, Finding, KeyFigure, Label, Point, Shift, Source, SummaryChange, SummaryItem
from tipdiff.normalize import words
from tipdiff.profiles.lexicon import Lexicon
from tipdiff.sentences import stem

WORDS = 300
"""The briefing's length, about: what a reader takes in before deciding to read on."""
SUMMARY = 6.0
MENTIONED = 1.5
RECOMMENDATIONS = 5.0
DIFF_WORDS = 50
"""A word diff longer than this (both sides together) is read better as the new sentence."""
QUOTED = 45
"""A finding that quotes more words than this is no briefing's sentence: its section lists it."""
_OVERHEAD = 12
"""Words a point takes besides what it quotes: its framing and its citation."""
_LABEL_WORD = re.compile(r"[^\W\d_]{4,}")


def brief(
    shifts: tuple[Shift, ...],
    summary: tuple[SummaryChange, ...],
    items: tuple[SummaryItem, ...],
    figures: tuple[KeyFigure, ...],
    findings: tuple[Finding, ...],
    recommendations: tuple[Change, ...],
    lexicon: Lexicon,
) -> tuple[Point, ...]:
    """The briefing's points: shifted verdicts first, then the rest by importance; `items`
    are the items both summaries name, for telling which figures they speak of."""
    points = [_shift_point(shift, figures) for shift in shifts if shift.changed and shift.subject != "tier"]
    used = {point.figure for point in points if point.figure}
    # the tier's line and the line of verdicts as before take about this much
    budget = WORDS - sum(_words(point) for point in points) - 12 - 6 * len(shifts)
    spoken = {stem(word) for item in items for word in words(item.sentence.key)}
    # what the verdicts and the summary's items already say is not said again
    said = {change.item.sentence for change in summary} | {
        v.sentence for shift in shifts for v in (shift.old, shift.new) if v and v.sentence
    }
    candidates = [
        Point("summary", SUMMARY + 1 / (1 + change.item.order), (change.source,), summary=change) for change in summary
    ]
    candidates += [
        Point(
            "figure",
            figure.importance * (MENTIONED if _speaks_of(figure, spoken, lexicon.vague) else 1.0),
            (Source(figure.old.report, figure.old.sentence), Source(figure.new.report, figure.new.sentence)),
            figure=figure,
            section=figure.section,
        )
        for figure in figures
        if figure not in used and not figure.restated
    ]
    candidates += [
        Point("finding", finding.importance, finding.sources, finding=finding, section=finding.section)
        for finding in findings
        if finding.kind in ("added", "removed", "meaning")
        and quoted_words(finding) <= QUOTED
        and not any(source.sentence in said for source in finding.sources)
    ]
    if changed := [c for c in recommendations if c.label in (Label.ADDED, Label.REMOVED)]:
        sources = tuple(Source("new" if c.new else "old", s) for c in changed for s in c.new or c.old)
        candidates.append(Point("recommendations", RECOMMENDATIONS, sources, section="recommendations"))
    for point in sorted(candidates, key=_rank):
        cost = _words(point)
        if cost <= budget:
            points.append(point)
            budget -= cost
    return tuple(points)


def _shift_point(shift: Shift, figures: tuple[KeyFigure, ...]) -> Point:
    """A changed verdict, with the most important key figure of its section."""
    figure = next((f for f in figures if shift.subject in (f.old.section, f.new.section) and not f.restated), None)
    sources = [Source(side, v.sentence) for side, v in (("old", shift.old), ("new", shift.new)) if v and v.sentence]
    if figure:
        sources += [Source(figure.old.report, figure.old.sentence), Source(figure.new.report, figure.new.sentence)]
    return Point(
        "shift", float("inf"), tuple(dict.fromkeys(sources)), shift=shift, figure=figure, section=shift.subject
    )


def _speaks_of(figure: KeyFigure, spoken: set[str], vague: frozenset[str]) -> bool:
    """Every telling word of the figure's measure ("prosecuted" of "persons prosecuted") is in
    a summary, in some form."""
    telling = [word for word in _LABEL_WORD.findall(figure.measure.casefold()) if word not in vague]
    stems = {stem(word) for word in telling}
    return bool(stems) and stems <= spoken


def _rank(point: Point) -> tuple[float, tuple[str, ...]]:
    """Most important first; among equals, an order that does not depend on which report is old."""
    return -point.importance, tuple(sorted(source.sentence.key for source in point.sources))


def quoted_words(finding: Finding) -> int:
    """Words of the sentences a finding quotes: a change of meaning quotes both sides as a
    word diff, or, when that is longer than DIFF_WORDS, its new sentences alone (counted as
    the longer side, so that the count is the same whichever report is the old one)."""
    if finding.kind == "meaning" and not shows_diff(finding):
        return max(sum(len(s.text.split()) for s in side) for side in (finding.change.old, finding.change.new))
    return sum(len(source.sentence.text.split()) for source in finding.sources if source is not finding.elsewhere)


def shows_diff(finding: Finding) -> bool:
    """A change of meaning short enough to read as a word diff."""
    return sum(len(s.text.split()) for s in (*finding.change.old, *finding.change.new)) <= DIFF_WORDS


def _words(point: Point) -> int:
    """About how many words the point takes when written out."""
    quoted = 0
    if point.summary:
        quoted = len(point.summary.item.text.split())
    elif point.finding:
        quoted = quoted_words(point.finding)
    elif point.shift:
        quoted = max((len(v.sentence.text.split()) for v in (point.shift.old, point.shift.new) if v and v.sentence),
                     default=0)  # fmt: skip
    if point.figure:
        quoted += len(point.figure.label.split()) + 8
    return quoted + _OVERHEAD
