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
from tipdiff.model import Edition, Reading, Report, Series, Step, Timeline
from tipdiff.narrative import narrate
from tipdiff.pipeline import compare
from tipdiff.profiles import Profile
from tipdiff.timeline.recommendations import recommendation_lives
from tipdiff.verdicts import read_verdicts
from tipdiff.wording import label


class NotOneCountry(TipdiffError):
    "The reports are not editions of one country's narrative, one per year"


def build_timeline(reports: Sequence[Report], profile: Profile) -> Timeline:
    """The editions in year order, their figures by measure and period, verdicts,
    recommendations and what changed from each to the next."""
    editions, ordered = _in_order(reports, profile)
    comparisons = {(i, i + 1): compare(ordered[i], ordered[i + 1]) for i in range(len(ordered) - 1)}
    steps = tuple(Step(old, new, narrate(comparison, profile)) for (old, new), comparison in comparisons.items())
    verdicts = [read_verdicts(report, profile) for report in ordered]
    subjects = [kind.subject for kind in profile.verdicts if any(kind.subject in found for found in verdicts)]
    return Timeline(
        editions=editions,
        reports=ordered,
        series=_series(ordered),
        verdicts=tuple((subject, tuple(found.get(subject) for found in verdicts)) for subject in subjects),
        recommendations=recommendation_lives(ordered, profile, comparisons),
        steps=steps,
    )


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


def _series(reports: Sequence[Report]) -> tuple[Series, ...]:
    """Every measure at least two editions give, or one edition for two periods."""
    found: dict[tuple, dict[int, dict]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for number, report in enumerate(reports):
        for sentence in report.sentences:
            for fact in sentence.facts:
                key = identity(fact)
                if key and not (fact.relation and fact.relation.kind == "range"):
                    period = period_of(fact, report.data_year)
                    found[key][number][period].append(Reading(number, period, fact, sentence))
    series = []
    for key, by_edition in found.items():
        readings = []
        for per_period in by_edition.values():
            for candidates in per_period.values():
                if len({c.fact.key for c in candidates}) == 1:  # one value, however often said
                    readings.append(candidates[0])
        periods = sorted({r.period for r in readings}, key=lambda p: (p.year, p.first or p.year, p.part or ""))
        if len({r.edition for r in readings}) < 2 and len(periods) < 2:
            continue
        readings.sort(key=lambda r: (periods.index(r.period), r.edition))
        restated = tuple(period for period in periods if len({r.fact.key for r in readings if r.period == period}) > 1)
        role, unit, measure, scope = key
        sections = Counter(_section_of(reports[r.edition], r.sentence.index) for r in readings)
        latest = readings[-1].fact
        series.append(
            Series(
                label=label(latest),
                measure=measure,
                role=role,
                unit=unit,
                scope=scope,
                section=sections.most_common(1)[0][0],
                periods=tuple(periods),
                readings=tuple(readings),
                restated=restated,
            )
        )
    series.sort(key=lambda s: (-len({r.edition for r in s.readings}), -len(s.periods), s.label))
    return tuple(series)


def _section_of(report: Report, index: int) -> str | None:
    """The key of the section the report's `index`th sentence stands in."""
    return next(
        section.key for section, span in zip(report.sections, report.section_spans, strict=True) if index in span
    )
