"""Editions: which report a file is — its year, the year it covers, country and tier.

A heading says it best ("2022 Trafficking in Persons Report: Mexico", "Mexico (Tier 2)");
then the file's name ("2023.txt"); then the text: the year a report mentions most is the
year it reports on.
"""

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tipdiff.model import Edition, Report
from tipdiff.normalize import slug
from tipdiff.profiles import Profile, fold_heading
from tipdiff.verdicts import read_verdicts

_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_YEAR = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)((?:19|20)\d\d)(?!\w|[.,]\d)")
"""A year as prose writes one: four digits, no separator ("1,931" is a count)."""


NAMED_BY_COVERAGE = 3
"""How many times more often a text must mention the year in its file name than the year before
for the name to give the year it covers rather than its edition's."""


def read_edition(report: Report, matched: int, profile: Profile) -> Edition:
    """The edition a report is; `matched` is how many of its sentences have a counterpart."""
    found = stated_facts(report, profile)
    return Edition(
        name=report.name,
        year=report.year,
        data_year=report.data_year,
        country=found.get("country"),
        tier=found.get("tier"),
        sentences=len(report.sentences),
        matched=matched,
        sections=tuple(s.name for s in report.sections),
        source=report.source,
    )


def edition_years(report: Report, profile: Profile) -> tuple[int | None, int | None]:
    """The report's year and the year most of its figures are for."""
    found = stated_facts(report, profile)
    counts = _mentions(report)
    mentioned = _most(counts)
    if "year" in found:
        year = int(found["year"])
        return year, year - profile.data_year_lag
    year = year_in_name(report.name)
    if year:
        # A file name is a weaker witness than a title: a text that mentions the year of its
        # name far more often than the year before reports on it (a file named by the year it
        # covers); "In February 2012" in a 2012 report that counts 2011's cases does not.
        lagged = year - profile.data_year_lag
        return year, year if counts[year] >= NAMED_BY_COVERAGE * max(counts[lagged], 1) else lagged
    if mentioned and profile.data_year_lag:
        return mentioned + profile.data_year_lag, mentioned
    return None, mentioned


def stated_facts(report: Report, profile: Profile) -> dict[str, str]:
    """Year, country and tier where the report's headings or text state them."""
    from_text = _first_groups((s.text for s in report.sentences), profile.statements)
    # Heading patterns are written for folded headings; case is kept so that "Cote d'Ivoire" stays.
    patterns = tuple(re.compile(p.pattern, p.flags | re.IGNORECASE) for p in profile.headings)
    from_headings = _first_groups((fold_heading(h.text, keep_case=True) for h in report.headings), patterns)
    # What a heading says ("Mexico (Tier 2)") wins over what the text says.
    found = from_text | {group: _readable(value) for group, value in from_headings.items()}
    if tier := read_verdicts(report, profile).get("tier"):
        found["tier"] = tier.phrase
    return found


def _readable(value: str) -> str:
    """ "MEXICO" -> "Mexico", "tier 2" -> "Tier 2"; "Bosnia and Herzegovina" stays as written."""
    return value.title() if value.isupper() or value.islower() else value


def mentioned_year(report: Report) -> int | None:
    """The year the text mentions most (the latest of equals): the year it reports on."""
    return _most(_mentions(report))


def _most(years: Counter[int]) -> int | None:
    return max(years, key=lambda year: (years[year], year)) if years else None


def _mentions(report: Report) -> Counter[int]:
    """How often the text mentions each year."""
    return Counter(int(year) for s in report.sentences for year in _YEAR.findall(s.text))


def year_in_name(name: str) -> int | None:
    match = _YEAR_IN_NAME.search(Path(name).name)
    return int(match.group(1)) if match else None


def _first_groups(texts: Iterable[str], patterns: tuple[re.Pattern[str], ...]) -> dict[str, str]:
    """For each named group of the patterns, its first non-empty match in the texts."""
    found: dict[str, str] = {}
    for text in texts:
        for pattern in patterns:
            if match := pattern.search(text):
                for group, value in match.groupdict().items():
                    if value:
                        found.setdefault(group, value.strip())
    return found


def countries_differ(old: Edition, new: Edition) -> bool:
    """Whether both editions name their country and the two are not one ("Côte d’Ivoire" and
    "COTE D'IVOIRE" are one)."""
    return bool(old.country and new.country) and slug(old.country) != slug(new.country)  # type: ignore[arg-type]
