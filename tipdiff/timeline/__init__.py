"""Timeline: one country's editions side by side, oldest first.

Each report is read once; each edition is compared with the next, as `compare` would,
for what changed when and for the life of each recommendation. Figures are lined up by
what they count (role, unit, measure, scope: the facts stage's identity) and the period
they are for, so a figure every edition restates is one series, and an edition that gives
another value for a period another edition gave is a restatement, shown with both
sentences. A measure an edition gives twice for one period with two values is left out
of that edition: when unsure, say less.
"""

from collections import Counter, defaultdict
from collections.abc import Sequence

from tipdiff.edition import read_edition
from tipdiff.errors import TipdiffError
from tipdiff.facts.pairing import identity, period_of
from tipdiff.model import Comparison, Edition, Reading, Report, Series, Step, Timeline
from tipdiff.narrative.keyfigures import related, whole_of
from tipdiff.pipeline import compare
from tipdiff.profiles import Profile
from tipdiff.timeline.recommendations import recommendation_lives
from tipdiff.verdicts import read_verdicts
from tipdiff.wording import label


class NotOneCountry(TipdiffError):
    "The reports are not editions of one country's narrative, one per year"


def build_timeline(reports: Sequence[Report], profile: Profile) -> Timeline:
    """The editions in year order, their figures by measure and period, verdicts,
    recommendations and each edition compared with the next."""
    editions, ordered = _in_order(reports, profile)
    comparisons = {(i, i + 1): compare(ordered[i], ordered[i + 1]) for i in range(len(ordered) - 1)}
    steps = tuple(Step(old, new, comparison) for (old, new), comparison in comparisons.items())
    verdicts = [read_verdicts(report, profile) for report in ordered]
    subjects = [kind.subject for kind in profile.verdicts if any(kind.subject in found for found in verdicts)]
    return Timeline(
        editions=editions,
        reports=ordered,
        series=_series(ordered, _paired(comparisons)),
        verdicts=tuple((subject, tuple(found.get(subject) for found in verdicts)) for subject in subjects),
        recommendations=recommendation_lives(ordered, profile, comparisons),
        steps=steps,
    )


def _paired(comparisons: dict[tuple[int, int], Comparison]) -> set[tuple[tuple[int, int], tuple[int, int]]]:
    """(edition, sentence) pairs that each step's comparison makes: one revised sentence."""
    return {
        ((old, a.index), (new, b.index))
        for (old, new), comparison in comparisons.items()
        for change in comparison.changes
        for a in change.old
        for b in change.new
    }


def _in_order(reports: Sequence[Report], profile: Profile) -> tuple[tuple[Edition, ...], tuple[Report, ...]]:
    """Editions oldest first; refused if two are of one year, of no known year, or of two countries."""
    if len(reports) < 2:
        raise NotOneCountry("a timeline needs at least two editions")
    editions = [read_edition(report, 0, profile) for report in reports]
    unknown = [e.name for e in editions if e.year is None]
    if unknown:
        raise NotOneCountry(
            f"{unknown[0]}: its year is not in its title, its file name or its text; name the file by year"
        )
    years = Counter(e.year for e in editions)
    if twice := [year for year, count in years.items() if count > 1]:
        names = [e.name for e in editions if e.year == twice[0]]
        raise NotOneCountry(f"two editions of {twice[0]}: {', '.join(names)}; give one report per year")
    countries = {(e.country or "").casefold(): e.country for e in editions if e.country}
    if len(countries) > 1:
        raise NotOneCountry(
            f"editions of more than one country ({', '.join(sorted(countries.values()))}); give one country's"
        )
    order = sorted(range(len(reports)), key=lambda i: editions[i].year or 0)  # every year is known by now
    return tuple(editions[i] for i in order), tuple(reports[i] for i in order)


def _series(reports: Sequence[Report], paired: set[tuple[tuple[int, int], tuple[int, int]]]) -> tuple[Series, ...]:
    """Every measure at least two editions give, or one edition for two periods.

    One identity (role, unit, measure, scope) is not yet one series: readings are joined only
    on evidence that they count one thing, as the key figures are: one sentence comparing
    its periods, the same value for the same period, sentences the step's comparison pairs,
    or sentences about one subject that name the measure in the same words. A value that is
    part of a whole ("27 of 31 states") joins only values of the same whole.
    """
    found: dict[tuple, list[Reading]] = defaultdict(list)
    for number, report in enumerate(reports):
        for sentence in report.sentences:
            for fact in sentence.facts:
                key = identity(fact)
                if key and not (fact.relation and fact.relation.kind == "range"):
                    found[(*key, whole_of(fact, sentence))].append(
                        Reading(number, period_of(fact, report.data_year), fact, sentence)
                    )
    series = []
    for key, candidates in found.items():
        for readings in _joined(_unambiguous(candidates), paired):
            if built := _one_series(key, readings, reports):
                series.append(built)
    series.sort(key=lambda s: (-len({r.edition for r in s.readings}), -len(s.periods), s.label))
    return tuple(series)


def _unambiguous(readings: list[Reading]) -> list[Reading]:
    """One reading per edition and period, left out where the edition gives two values."""
    by_slot: dict[tuple, list[Reading]] = defaultdict(list)
    for reading in readings:
        by_slot[reading.edition, reading.period].append(reading)
    return [found[0] for found in by_slot.values() if len({r.fact.key for r in found}) == 1]


def _joined(readings: list[Reading], paired: set[tuple[tuple[int, int], tuple[int, int]]]) -> list[list[Reading]]:
    """The readings in groups that evidence joins (see `_series`)."""
    group = list(range(len(readings)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, a in enumerate(readings):
        for j in range(i + 1, len(readings)):
            b = readings[j]
            if _evidence(a, b, paired):
                group[root(i)] = root(j)
    groups: dict[int, list[Reading]] = defaultdict(list)
    for i, reading in enumerate(readings):
        groups[root(i)].append(reading)
    return list(groups.values())


def _evidence(a: Reading, b: Reading, paired: set[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    """Whether two readings of one identity count one thing."""
    if a.edition == b.edition:
        return a.sentence.index == b.sentence.index  # the sentence compares its own periods
    if a.period == b.period and a.fact.key == b.fact.key:
        return True  # one value for one period, in two editions
    first, second = sorted((a, b), key=lambda r: r.edition)
    if ((first.edition, first.sentence.index), (second.edition, second.sentence.index)) in paired:
        return True  # the comparison of the two editions pairs their sentences
    same_words = (a.fact.label or "").casefold() == (b.fact.label or "").casefold()
    return same_words and related(a.sentence, b.sentence)


def _one_series(key: tuple, readings: list[Reading], reports: Sequence[Report]) -> Series | None:
    periods = sorted({r.period for r in readings}, key=lambda p: (p.year, p.first or p.year, p.part or ""))
    if len({r.edition for r in readings}) < 2 and len(periods) < 2:
        return None
    readings.sort(key=lambda r: (periods.index(r.period), r.edition))
    restated = tuple(period for period in periods if len({r.fact.key for r in readings if r.period == period}) > 1)
    role, unit, measure, scope, _ = key
    sections = Counter(_section_of(reports[r.edition], r.sentence.index) for r in readings)
    return Series(
        label=label(readings[-1].fact),
        measure=measure,
        role=role,
        unit=unit,
        scope=scope,
        section=sections.most_common(1)[0][0],
        periods=tuple(periods),
        readings=tuple(readings),
        restated=restated,
    )


def _section_of(report: Report, index: int) -> str | None:
    """The key of the section the report's `index`th sentence stands in."""
    return next(
        section.key for section, span in zip(report.sections, report.section_spans, strict=True) if index in span
    )
