"""Like for like: which facts of two editions are one measure, and how its value moved.

Two facts are one measure only when role, unit, measure and scope all agree (`identity`).
Then one period with one value is unchanged; one period with two values is a restatement;
this edition's latest period against the last edition's latest period is the change of the
year. A fact with no like-for-like partner is new or no longer given, never paired with
whatever stands near it. A measure said twice for one period on one side is ambiguous and
not compared at all: when unsure, say less.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from tipdiff.model import Fact, FactChange, FigureChange, Period, Report, Role

Identity = tuple[Role, str | None, str, tuple[str, ...]]


def identity(fact: Fact) -> Identity | None:
    """What a fact counts, for whom, in which unit; None when it cannot be compared."""
    if not fact.role.measurable or not fact.measure:
        return None
    return fact.role, fact.unit, fact.measure, fact.scope


CURRENT = Period(0, part="reporting period")
"""The period of a figure that states none, in a report whose year is not known."""


def period_of(fact: Fact, data_year: int | None) -> Period:
    """The period a fact is for: the one its sentence states, else its edition's."""
    return fact.period or period_of_year(data_year)


def follows(earlier: Period, later: Period, step: int) -> bool:
    """Whether `later` is the period after `earlier`, in the same kind of period; each
    edition's unstated period follows the other's."""
    if earlier == CURRENT or later == CURRENT:
        return earlier == later
    return (
        later.year - earlier.year == step
        and earlier.part == later.part
        and (earlier.first is None) == (later.first is None)
        and (earlier.first is None or later.year - later.first == earlier.year - earlier.first)
    )


def by_identity(facts: Iterable[Fact], data_year: int | None) -> dict[Identity, dict[Period, list[Fact]]]:
    """Facts grouped by what they count and then by period."""
    grouped: dict[Identity, dict[Period, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in facts:
        key = identity(fact)
        if key:
            grouped[key][period_of(fact, data_year)].append(fact)
    return grouped


@dataclass(frozen=True, slots=True)
class Known:
    """What the two whole reports state, for the change of one revised sentence: a figure
    is new, or no longer given, only if the other report gives it in no sentence at all."""

    old_year: int | None
    """The old edition's data year: the period of its figures that state none."""
    new_year: int | None
    old: dict[tuple[Role, str | None, tuple[str, ...], Period], frozenset[str]]
    """(role, unit, scope, period) -> the measures the old report gives for them."""
    new: dict[tuple[Role, str | None, tuple[str, ...], Period], frozenset[str]]

    @classmethod
    def of(cls, old: Report, new: Report) -> Known:
        def given(report: Report) -> dict[tuple[Role, str | None, tuple[str, ...], Period], frozenset[str]]:
            measures: dict[tuple[Role, str | None, tuple[str, ...], Period], set[str]] = defaultdict(set)
            for (role, unit, measure, scope), periods in by_identity(
                (f for s in report.sentences for f in s.facts), report.data_year
            ).items():
                for period in periods:
                    measures[role, unit, scope, period].add(measure)
            return {key: frozenset(found) for key, found in measures.items()}

        return cls(old.data_year, new.data_year, given(old), given(new))

    @property
    def step(self) -> int:
        """Years from the old edition's period to the new one's (1 when either is unknown)."""
        return (self.new_year - self.old_year) if self.old_year and self.new_year else 1

    def given_elsewhere(self, fact: Fact, side: str) -> bool:
        """Whether the other report gives this measure (in as many words, or more or fewer
        before its noun) for the fact's period, or for its own latest period when the fact is
        for this report's latest: then the fact is not gone, nor new."""
        year, other_year, other = (
            (self.old_year, self.new_year, self.new) if side == "old" else (self.new_year, self.old_year, self.old)
        )
        period = period_of(fact, year)
        periods = [period] + ([period_of_year(other_year)] if period == period_of_year(year) else [])
        return any(
            _named_alike(fact.measure, measure)
            for p in periods
            for measure in other.get((fact.role, fact.unit, fact.scope, p), ())
        )


def _named_alike(a: str | None, b: str) -> bool:
    """One measure, or one named with more words before its noun ("employees reached", "hotel employees reached")."""
    return a is not None and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def period_of_year(year: int | None) -> Period:
    """The period an edition's unstated figures are for."""
    return Period(year) if year else CURRENT


def compare_facts(old: tuple[Fact, ...], new: tuple[Fact, ...], known: Known) -> tuple[FactChange, ...]:
    """The like-for-like changes between the facts of a revised sentence (or split or merge)."""
    old_year, new_year, step = known.old_year, known.new_year, known.step
    old_groups, new_groups = by_identity(old, old_year), by_identity(new, new_year)
    changes: list[FactChange] = []
    paired_old: set[str] = set()  # ids, one set per report: "3.1" may name a fact of each
    paired_new: set[str] = set()
    for key, new_periods in new_groups.items():
        old_periods = old_groups.get(key, {})
        for period, facts in new_periods.items():
            # each edition's unstated period is its own: one period only when a year says so
            before = old_periods.get(period, []) if period != CURRENT else []
            if len(facts) == 1 and len(before) == 1:
                paired_new.add(facts[0].id)
                paired_old.add(before[0].id)
                if facts[0].value != before[0].value:
                    changes.append(FactChange("restated", before[0], facts[0]))
        latest_new, latest_old = max(new_periods, key=_order), max(old_periods, key=_order, default=None)
        # this edition's latest period against the last edition's, and nothing earlier
        current = latest_new.year in (new_year, CURRENT.year)
        if latest_old and current and step and follows(latest_old, latest_new, step):
            after, before = new_periods[latest_new], old_periods[latest_old]
            if len(after) == 1 and len(before) == 1 and after[0].value != before[0].value:
                paired_new.add(after[0].id)
                paired_old.add(before[0].id)
                changes.append(FactChange("year-over-year", before[0], after[0]))
    gone, came = changed_keys(old, new)
    changes += [
        FactChange("dropped", f, None)
        for f in old
        if f.id not in paired_old and f.id in gone and identity(f) and not known.given_elsewhere(f, "old")
    ]
    changes += [
        FactChange("new", None, f)
        for f in new
        if f.id not in paired_new and f.id in came and identity(f) and not known.given_elsewhere(f, "new")
    ]
    return tuple(changes)


def _order(period: Period) -> tuple[int, int]:
    return period.year, period.whole_year


def changed_keys(old: tuple[Fact, ...], new: tuple[Fact, ...]) -> tuple[set[str], set[str]]:
    """Ids of the old facts whose numbers are gone and the new ones whose numbers came, as
    the annotation guide counts them: the numbers of each side as a multiset."""
    left: dict[str, int] = defaultdict(int)
    for fact in new:
        left[fact.key] += 1
    gone = set()
    for fact in old:
        if left[fact.key]:
            left[fact.key] -= 1
        else:
            gone.add(fact.id)
    right: dict[str, int] = defaultdict(int)
    for fact in old:
        right[fact.key] += 1
    came = set()
    for fact in new:
        if right[fact.key]:
            right[fact.key] -= 1
        else:
            came.add(fact.id)
    return gone, came


def changed_figures(
    old: tuple[Fact, ...], new: tuple[Fact, ...], changes: tuple[FactChange, ...], step: int
) -> tuple[FigureChange, ...]:
    """Each number that is gone or came, paired old -> new only where the two are like for
    like (a measure's value replaced, or a year that rolled forward with the edition)."""
    gone_ids, came_ids = changed_keys(old, new)
    gone = [f for f in old if f.id in gone_ids]
    came = [f for f in new if f.id in came_ids]
    pairs: dict[str, str] = {}
    for change in changes:
        if change.old and change.new and change.old.id in gone_ids and change.new.id in came_ids:
            pairs[change.old.id] = change.new.id
    taken = set(pairs.values())
    for year in (f for f in gone if f.role is Role.DATE and f.id not in pairs):
        later = next(
            (f for f in came if f.role is Role.DATE and f.id not in taken and f.value - year.value == step), None
        )
        if later is not None:
            pairs[year.id] = later.id
            taken.add(later.id)
    by_id = {f.id: f for f in came}
    figures = [FigureChange(f.text, by_id[pairs[f.id]].text, f.id, pairs[f.id]) if f.id in pairs
               else FigureChange(f.text, None, f.id, None) for f in gone]  # fmt: skip
    figures += [FigureChange(None, f.text, None, f.id) for f in came if f.id not in taken]
    return tuple(figures)
