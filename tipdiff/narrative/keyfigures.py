"""Key figures: each measure's value this year against last year's, and restated periods, cited.

A row is made only on evidence that the two values count one thing (`facts.pairing`):
1. a revised sentence whose two sides give the measure for consecutive periods;
2. the later report's own comparison ("11 individuals in 2022, compared with 76 ... in
   2021"; "In comparison, it provided humanitarian visas to 13 trafficking victims in
   2021"), when its words give the two one scope: the earlier report, where it gives that
   value too, is cited for it;
3. the same measure, in the same words, given once in each report for consecutive
   periods, in two sentences about one subject.
A period the new report gives another value for than the old report did is a restatement.
Rows are ordered by importance: the measure's weight in the profile, times one plus the
size of the change relative to the larger value (a restatement counts as 1), halved for
each scope beyond the first (a part matters less than the whole it belongs to). Like the
rows themselves, it is the same whichever report is the old one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from tipdiff.facts.pairing import CURRENT, Identity, by_identity, follows, identity, period_of
from tipdiff.model import Citation, Comparison, Fact, KeyFigure, Report, Role, Sentence
from tipdiff.profiles import Profile

RELATED = 0.4
"""Least share of the shorter sentence's content words that two sentences giving one
measure in different places must share."""
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_OF = re.compile(r"(?<!\s)\s++(?:out\s++)?of\s++(?:the\s++)?")


def key_figures(comparison: Comparison, profile: Profile) -> tuple[KeyFigure, ...]:
    """The comparison's key figures, most important first."""
    old, new = comparison.old, comparison.new
    step = abs(new.data_year - old.data_year) if old.data_year and new.data_year else 1
    sources = _Sources(old, new)
    rows: list[KeyFigure] = []
    for section in comparison.sections:
        for change in section.changes:
            for fact_change in change.facts:
                if fact_change.kind in ("year-over-year", "restated") and fact_change.old and fact_change.new:
                    rows.append(sources.row(fact_change.old, "old", fact_change.new, "new", profile))
    rows += _own_comparisons(sources, step, profile)
    rows += _restatements(sources, profile)
    rows += _across(sources, step, profile)
    rows = [row for row in rows if _covered(row, old, new) and _same_base(row)]
    return tuple(sorted(_distinct(rows), key=lambda row: -row.importance))


def _covered(row: KeyFigure, old: Report, new: Report) -> bool:
    """Each value stands in a section the other report has too: a fragment covers some
    sections only, and nothing of the others is compared with it (a report without
    sections may hold any)."""
    reports = {"old": old, "new": new}
    for citation in (row.old, row.new):
        other = reports["new" if citation.report == "old" else "old"]
        structured = reports[citation.report].structured and other.structured
        if structured and citation.section not in {s.name for s in other.sections}:
            return False
    return True


class _Sources:
    """The facts of both reports, with their sentences and sections, looked up by id."""

    def __init__(self, old: Report, new: Report) -> None:
        self.reports = {"old": old, "new": new}
        self.sentences: dict[tuple[str, str], Sentence] = {}
        self.sections: dict[tuple[str, str], str] = {}
        self.facts: dict[tuple[str, str], Fact] = {}
        for side, report in self.reports.items():
            for section in report.sections:
                for sentence in section.sentences:
                    for fact in sentence.facts:
                        self.facts[side, fact.id] = fact
                        self.sentences[side, fact.id] = sentence
                        self.sections[side, fact.id] = section.name
        self.groups = {
            side: by_identity((f for (s, _), f in self.facts.items() if s == side), report.data_year)
            for side, report in self.reports.items()
        }

    def cite(self, fact: Fact, side: str) -> Citation:
        return Citation(side, fact, self.sentences[side, fact.id], self.sections[side, fact.id])  # type: ignore[arg-type]

    def row(self, before: Fact, before_side: str, after: Fact, after_side: str, profile: Profile) -> KeyFigure:
        """A row comparing `before` (the old report's value, as the `before_side` report gives
        it) with `after` (the new report's, as the `after_side` report gives it)."""
        period = period_of(before, self.reports[before_side].data_year)
        restated = period != CURRENT and period == period_of(after, self.reports[after_side].data_year)
        difference = after.value - before.value
        share = after.role is Role.SHARE
        percent = None if share or not before.value else float(100 * difference / before.value)
        weight = profile.lexicon.weights.get(after.measure or "", 1.0)
        larger = max(abs(before.value), abs(after.value))
        size = 1.0 if restated or share else float(abs(difference) / larger) if larger else 0.0
        importance = weight * (1 + size) * 0.5 ** max(0, len(after.scope) - 1)
        return KeyFigure(
            measure=after.measure or "",
            label=after.label or after.measure or "",
            scope=after.scope,
            section=self.sections[after_side, after.id],
            old=self.cite(before, before_side),
            new=self.cite(after, after_side),
            restated=restated,
            difference=difference,
            percent=percent,
            caveat=after.caveat or before.caveat,
            importance=importance,
        )

    def counting_otherwise(self, side: str, fact: Fact, given_by: str) -> Fact | None:
        """The `side` report's fact that gives the value of `fact` (which the `given_by` report
        states) for the same period, as a count of another measure: the reader is told that
        the two reports word it differently."""
        period = period_of(fact, self.reports[given_by].data_year)
        return next(
            (
                other
                for (s, _), other in self.facts.items()
                if s == side
                and other.value == fact.value
                and other.role.measurable
                and other.measure != fact.measure
                and period_of(other, self.reports[side].data_year) == period
            ),
            None,
        )

    def stating(self, side: str, key: Identity, fact: Fact, given_by: str) -> Fact | None:
        """The `side` report's one fact of this identity, period and value, if it has one:
        where that report said what the `given_by` report repeats."""
        period = period_of(fact, self.reports[given_by].data_year)
        found = self.groups[side].get(key, {}).get(period, [])
        same = [f for f in found if f.value == fact.value]
        return same[0] if len(same) == 1 else None


def _same_base(row: KeyFigure) -> bool:
    """Two parts of wholes ("27 of 31 states", "31 of 32 states") compare only over one whole."""
    return _base(row.old) == _base(row.new)


def _base(citation: Citation) -> Decimal | None:
    return whole_of(citation.fact, citation.sentence)


def whole_of(fact: Fact, sentence: Sentence) -> Decimal | None:
    """The whole a value is a part of, where the sentence says "N of M"."""
    found = _OF.match(sentence.text, fact.start + len(fact.text))
    if not found:
        return None
    return next((f.value for f in sentence.facts if f.start == found.end()), None)


def _own_comparisons(sources: _Sources, step: int, profile: Profile) -> list[KeyFigure]:
    """Rows from the later report's own comparisons of its latest figure with the year before
    (the new report's, unless the old one covers a later year)."""
    old, new = sources.reports["old"].data_year, sources.reports["new"].data_year
    later_side, earlier_side = ("old", "new") if old and new and old > new else ("new", "old")
    latest = sources.reports[later_side].data_year
    rows = []
    for (side, _), earlier in sources.facts.items():
        if side != later_side or not earlier.relation or earlier.relation.kind != "earlier":
            continue
        later = sources.facts.get((later_side, earlier.relation.of))
        if later is None or not identity(later) or not identity(earlier) or not _alike(earlier, later):
            continue  # the report compares, but its words give two scopes ("75 (all state level)")
        p_later, p_earlier = period_of(later, latest), period_of(earlier, latest)
        if p_later.year != latest or not follows(p_earlier, p_later, step):
            continue
        stated = sources.stating(earlier_side, identity(earlier), earlier, later_side)  # type: ignore[arg-type]
        before, before_side = (stated, earlier_side) if stated is not None else (earlier, later_side)
        if later_side == "new":
            row = sources.row(before, before_side, later, "new", profile)
        else:
            row = sources.row(later, "old", before, before_side, profile)
        otherwise = None if stated else sources.counting_otherwise(earlier_side, earlier, later_side)
        rows.append(replace(row, otherwise=sources.cite(otherwise, earlier_side) if otherwise else None))
    return rows


def _alike(a: Fact, b: Fact) -> bool:
    """The same role, unit and scope: what a report's own comparison needs besides its word."""
    return (a.role, a.unit, a.scope) == (b.role, b.unit, b.scope)


def _restatements(sources: _Sources, profile: Profile) -> list[KeyFigure]:
    """Periods the new report gives another value for than the old report did."""
    rows = []
    for key, periods in sources.groups["new"].items():
        for period, facts in periods.items():
            before = sources.groups["old"].get(key, {}).get(period, []) if period != CURRENT else []
            if len(facts) == 1 and len(before) == 1 and facts[0].value != before[0].value:
                rows.append(sources.row(before[0], "old", facts[0], "new", profile))
    return rows


def _across(sources: _Sources, step: int, profile: Profile) -> list[KeyFigure]:
    """Rows for a measure given in the same words once in each report, for consecutive
    periods, in two sentences about one subject."""
    rows = []
    for key, periods in sources.groups["new"].items():
        old_periods = sources.groups["old"].get(key, {})
        if not old_periods:
            continue
        latest_new, latest_old = max(periods, key=lambda p: p.year), max(old_periods, key=lambda p: p.year)
        after, before = periods[latest_new], old_periods[latest_old]
        earlier, later = sorted((latest_old, latest_new), key=lambda p: p.year)
        if len(after) != 1 or len(before) != 1 or not follows(earlier, later, step):
            continue
        a, b = after[0], before[0]
        same_words = (a.label or "").casefold() == (b.label or "").casefold()
        if (
            same_words
            and a.value != b.value
            and related(sources.sentences["old", b.id], sources.sentences["new", a.id])
        ):
            rows.append(sources.row(b, "old", a, "new", profile))
    return rows


def related(a: Sentence, b: Sentence) -> bool:
    """Two sentences about one subject: most content words of the shorter recur in the longer."""
    words_a, words_b = set(_CONTENT_WORD.findall(a.text.casefold())), set(_CONTENT_WORD.findall(b.text.casefold()))
    shorter, longer = sorted((words_a, words_b), key=len)
    return bool(shorter) and len(shorter & longer) >= RELATED * len(shorter)


def _distinct(rows: list[KeyFigure]) -> list[KeyFigure]:
    """One row per new fact (the first, most certain, wins), and one per pair of values."""
    kept, seen_facts, seen_values = [], set(), set()
    for row in rows:
        values = (row.measure, row.old.fact.value, row.new.fact.value, row.restated)
        if (row.new.fact.id in seen_facts and not row.restated) or values in seen_values:
            continue
        seen_facts.add(row.new.fact.id)
        seen_values.add(values)
        kept.append(row)
    return kept
