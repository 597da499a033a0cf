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

from tipdiff.model import Fact, FactChange, FigureChange, Period, Role

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
    return fact.period or (Period(data_year) if data_year else CURRENT)


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


def compare_facts(
    old: tuple[Fact, ...], new: tuple[Fact, ...], old_year: int | None, new_year: int | None
) -> tuple[FactChange, ...]:
    """The like-for-like changes between the facts of a revised sentence (or split or merge)."""
    step = (new_year - old_year) if old_year and new_year else 1
    old_groups, new_groups = by_identity(old, old_year), by_identity(new, new_year)
    changes: list[FactChange] = []
    paired: set[str] = set()
    for key, new_periods in new_groups.items():
        old_periods = old_groups.get(key, {})
        for period, facts in new_periods.items():
            # each edition's unstated period is its own: one period only when a year says so
            before = old_periods.get(period, []) if period != CURRENT else []
            if len(facts) == 1 and len(before) == 1:
                paired |= {facts[0].id, before[0].id}
                if facts[0].value != before[0].value:
                    changes.append(FactChange("restated", before[0], facts[0]))
        latest_new, latest_old = max(new_periods, key=_order), max(old_periods, key=_order, default=None)
        # this edition's latest period against the last edition's, and nothing earlier
        current = latest_new.year in (new_year, CURRENT.year)
        if latest_old and current and step and follows(latest_old, latest_new, step):
            after, before = new_periods[latest_new], old_periods[latest_old]
            fresh = len(after) == 1 and len(before) == 1 and not {after[0].id, before[0].id} & paired
            if fresh and after[0].value != before[0].value:
                paired |= {after[0].id, before[0].id}
                changes.append(FactChange("year-over-year", before[0], after[0]))
    gone, came = changed_keys(old, new)
    changes += [FactChange("dropped", f, None) for f in old if f.id not in paired and f.id in gone and identity(f)]
    changes += [FactChange("new", None, f) for f in new if f.id not in paired and f.id in came and identity(f)]
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
