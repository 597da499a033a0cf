"""Rules that read a report against the previous report of its country and against the folder
it is filed in: restated figures (TD401), last year's text again (TD402), another country's
report (TD403), what the previous report had and this one dropped (TD404)."""

import re
from collections import Counter
from functools import cache

from tipdiff.edition import stated_facts
from tipdiff.model import Comparison, KeyFigure, Label, Narrative, Report, Violation
from tipdiff.normalize import slug, unaccented
from tipdiff.profiles import Profile
from tipdiff.readers.text import shown
from tipdiff.validate import broken
from tipdiff.wording import label

SHORTEST = 10
"""Sentences a report needs before its likeness to the previous one says anything."""
DOMINANT = 2
"""Another country named this many times as often as the report's own is what it is about."""
MENTIONS = 10


def against_previous(
    comparison: Comparison, narrative: Narrative, previous: str, profile: Profile, near_identical: float
) -> list[Violation]:
    """What the report says against `previous` (its printable path), the report before it."""
    report, found = comparison.new, [_restated(f, previous) for f in narrative.figures if f.restated]
    first_line = report.sections[0].line if report.sections else 1
    total = len(report.sentences)
    same = sum(len(change.new) for change in comparison.changes if change.label is Label.UNCHANGED)
    if total >= SHORTEST and same / total >= near_identical:
        found.append(broken("TD402", first_line, f"{same / total:.0%} of its sentences ({same} of {total})"
                                f" are word for word as in {previous}: last year's text with a new title?"))  # fmt: skip
    old_facts, new_facts = stated_facts(comparison.old, profile), stated_facts(report, profile)
    if "tier" in old_facts and "tier" not in new_facts and "tier" not in profile.required_facts:
        found.append(broken("TD404", first_line, f"no tier line, where {previous} had {old_facts['tier']}"))
    kept = {section.key for section in report.sections}
    for section in comparison.old.sections:
        if (
            section.key
            and section.key not in kept
            and section.key not in profile.required_sections
            and not section.inferred
        ):
            found.append(broken("TD404", first_line, f"no {profile.title(section.key)} section, "
                                    f"where {previous} had one (line {section.line})"))  # fmt: skip
            kept.add(section.key)
    return found


def against_folder(report: Report, country: str, profile: Profile) -> list[Violation]:
    """Whether the report is about the country whose folder holds it: by the country its title
    names, and by the country its text names most."""
    own, found, name = slug(country), [], shown(country)
    first_line = report.sections[0].line if report.sections else 1
    places = {slug(place): place for place in profile.places}
    titled = stated_facts(report, profile).get("country")
    if titled and own in places and slug(titled) in places and slug(titled) != own:
        found.append(broken("TD403", first_line, f"the report says it is about {titled}, but it is filed under {name}"))
    counts = _mentions(" ".join(s.text for s in report.sentences), profile.places)
    own_count = counts.get(places.get(own, ""), 0) or _mentions_of(report, country)
    other, times = next(((p, n) for p, n in counts.most_common() if slug(p) != own), ("", 0))
    if not found and times >= MENTIONS and times >= DOMINANT * max(own_count, 1):
        found.append(broken("TD403", first_line, f"the text names {other} {times} times and {name}"
                                f" {own_count}: is it {other}'s report?"))  # fmt: skip
    return found


def _restated(figure: KeyFigure, previous: str) -> Violation:
    period = figure.new.fact.period or figure.old.fact.period
    message = (
        f"{label(figure.new.fact)}{f' for {period}' if period else ''}: {figure.old.fact.text} in {previous}"
        f" (line {figure.old.sentence.line}), {figure.new.fact.text} here"
    )
    return broken("TD401", figure.new.sentence.line, message)


def _folded(text: str) -> str:
    """Text as place names are matched in it: unaccented, a typographic apostrophe kept as '."""
    return unaccented(text.replace("\u2019", "'"))


@cache
def _names(places: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every place, longest first ("Papua New Guinea" before "Guinea")."""
    folded = {_folded(place): place for place in places}
    alternatives = "|".join(re.escape(name) for name in sorted(folded, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b"), folded


def _mentions(text: str, places: tuple[str, ...]) -> Counter[str]:
    if not places:
        return Counter()
    pattern, folded = _names(places)
    return Counter(folded[name] for name in pattern.findall(_folded(text)))


def _mentions_of(report: Report, country: str) -> int:
    """Mentions of a folder's name ("cote-d-ivoire") that is not a known place."""
    words = _folded(re.sub(r"[-_]+", " ", country)).strip()
    pattern = re.compile(rf"\b{re.escape(words)}\b") if words else None
    return sum(len(pattern.findall(_folded(s.text))) for s in report.sentences) if pattern else 0
