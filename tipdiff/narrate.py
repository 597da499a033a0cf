"""Narration: a comparison retold as what changed this year, the headline first.

Everything TIP-specific (tier, verdicts, the lag between a report and the year it
covers, which section holds recommendations) comes from the profile; a profile that
knows none of it still gets editions, figures and sections.
"""

import re
from collections import Counter
from typing import Literal

from tipdiff.edition import read_edition
from tipdiff.facts import Fact, find_facts
from tipdiff.meaning import is_cosmetic, meaning_shifts
from tipdiff.model import (
    Change,
    Comparison,
    Edition,
    Finding,
    KeyFigure,
    Label,
    Narrative,
    Report,
    SectionComparison,
    SectionStory,
    Sentence,
    Shift,
)
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP

_AMOUNT = re.compile(r"^(?:\$|€|£|MXN )?(\d+(?:\.\d+)?)(?: (hundred|thousand|million|billion))?%?$")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
RELATED = 0.4
"""Least share of the shorter sentence's content words that two sentences giving one
fact in different places must share."""
_SCALE = {None: 1, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def narrate(comparison: Comparison, profile: Profile = TIP) -> Narrative:
    """The narrative of a comparison: editions, headline shifts, figures, recommendations, sections."""
    matched_old = sum(len(c.old) for c in comparison.changes if c.old and c.new)
    matched_new = sum(len(c.new) for c in comparison.changes if c.old and c.new)
    old = read_edition(comparison.old, matched_old, profile)
    new = read_edition(comparison.new, matched_new, profile)
    # Only a section both reports have can tell of recommendations dropped or verdicts changed.
    recommendations = next(
        (s for s in comparison.sections if s.key == profile.recommendations and _presence(s) == "both"), None
    )
    return Narrative(
        old=old,
        new=new,
        shifts=_shifts(comparison, old, new, profile),
        figures=_key_figures(comparison, old, new),
        recommendations=tuple(c for c in recommendations.changes if c.label is not Label.UNCHANGED)
        if recommendations
        else (),
        sections=tuple(_story(section, section is recommendations) for section in comparison.sections),
    )


def _shifts(comparison: Comparison, old: Edition, new: Edition, profile: Profile) -> tuple[Shift, ...]:
    shifts = []
    if old.tier or new.tier:
        shifts.append(Shift("tier", old.tier, new.tier, None, None))
    shared = {s.key for s in comparison.sections if _presence(s) == "both"}
    for kind in profile.sections:
        if kind.verdict is None or kind.key not in shared:
            continue
        before = _verdict(comparison.old, kind.key, kind.verdict)
        after = _verdict(comparison.new, kind.key, kind.verdict)
        if before or after:
            shifts.append(
                Shift(kind.key, before and before[0], after and after[0], before and before[1], after and after[1])
            )
    return tuple(shifts)


def _verdict(report: Report, key: str, pattern: re.Pattern[str]) -> tuple[str, str] | None:
    """The short verdict and its sentence, from the section with that key."""
    for section in report.sections:
        if section.key == key:
            for sentence in section.sentences:
                if match := pattern.search(sentence.key.casefold()):
                    return match.group("verdict"), sentence.text
    return None


def _key_figures(comparison: Comparison, old: Edition, new: Edition) -> tuple[KeyFigure, ...]:
    """Figures that changed in revised sentences, then figures the new report restates."""
    figures = []
    for section in comparison.sections:
        for change in section.changes:
            if change.label is Label.FIGURES:
                figures += _changed_figures(change, section.key, old, new)
    seen = {(f.old, f.new) for f in figures} | {f.label for f in figures}
    figures += [f for f in _across_reports(comparison, old, new) if not {(f.old, f.new), f.label} & seen]
    return tuple(figures)


def _changed_figures(change: Change, section: str, old: Edition, new: Edition) -> list[KeyFigure]:
    """Rows for one revised sentence: the same counted thing this year against last year's
    report, the same earlier year against itself (a restatement), then what the diff pairs."""
    sentence = " ".join(s.text for s in change.new)
    lines = (change.old[0].line, change.new[0].line)
    old_facts = list(find_facts(" ".join(s.text for s in change.old)))
    new_facts = list(find_facts(sentence))
    paired_by_diff = {f.old: f.new for f in change.figures if f.old and f.new}
    old_keys = Counter((f.noun, f.year or old.data_year) for f in old_facts)
    new_keys = Counter((f.noun, f.year or new.data_year) for f in new_facts)
    rows, used = [], set()
    for after in new_facts:
        year = after.year or new.data_year
        wanted = old.data_year if year == new.data_year else year
        before = next((f for f in old_facts if f.noun == after.noun and (f.year or old.data_year) == wanted), None)
        # Only a thing counted once for its year on each side can be matched by name;
        # stated years make the match sure, and without them the diff must not disagree.
        unique = before and old_keys[(after.noun, wanted)] == 1 and new_keys[(after.noun, year)] == 1
        sure = before and (
            (before.year and after.year) or paired_by_diff.get(before.number.text) in (None, after.number.text)
        )
        if after.noun and unique and sure:
            used |= {before, after}
            if before.number.value != after.number.value:
                rows.append(_figure(before, after, section, old, new, sentence, lines))
    step = (new.data_year or 0) - (old.data_year or 0)
    old_left, new_left = [f for f in old_facts if f not in used], [f for f in new_facts if f not in used]
    for figure in change.figures:
        before, after = _take(old_left, figure.old), _take(new_left, figure.new)
        # Years are not facts, so a year that rolls forward is no figure; and a pair the diff
        # made is kept only when it reads as last year's value against this year's.
        if before and after and (before.year or old.data_year or 0) + step == (after.year or new.data_year or 0):
            rows.append(_figure(before, after, section, old, new, sentence, lines, restated=False))
    return rows


def _take(facts: list[Fact], text: str | None) -> Fact | None:
    """The first unused fact whose number is written `text`."""
    for fact in facts:
        if fact.number.text == text:
            facts.remove(fact)
            return fact
    return None


def _figure(
    before: Fact,
    after: Fact,
    section: str,
    old: Edition,
    new: Edition,
    sentence: str,
    lines: tuple[int, int],
    restated: bool | None = None,
) -> KeyFigure:
    old_year, new_year = before.year or old.data_year, after.year or new.data_year
    a, b = _amount(before.number.value), _amount(after.number.value)
    difference = b - a if a is not None and b is not None else None
    percent = 100 * difference / a if difference is not None and a else None
    return KeyFigure(
        label=after.label or before.label,
        section=section,
        old=before.number.text,
        new=after.number.text,
        old_year=old_year,
        new_year=new_year,
        difference=difference,
        percent=percent,
        restated=old_year == new_year if restated is None else restated,
        sentence=sentence,
        old_line=lines[0],
        new_line=lines[1],
    )


def _across_reports(comparison: Comparison, old: Edition, new: Edition) -> list[KeyFigure]:
    """Facts the two whole reports give differently under one specific label, wherever they
    stand: last year's figure against this year's, or one earlier year restated."""
    old_facts = _facts_by_year(comparison.old, old.data_year)
    new_facts = _facts_by_year(comparison.new, new.data_year)
    found = []
    for (label, year), (after, sentence, section) in new_facts.items():
        before = old_facts.get((label, old.data_year if year == new.data_year else year))
        if before and before[0].number.value != after.number.value and _related(before[1].text, sentence.text):
            lines = (before[1].line, sentence.line)
            found.append(_figure(before[0], after, section, old, new, sentence.text, lines))
    return found


def _related(a: str, b: str) -> bool:
    """Two sentences about one subject: most content words of the shorter recur in the longer."""
    words_a, words_b = set(_CONTENT_WORD.findall(a.casefold())), set(_CONTENT_WORD.findall(b.casefold()))
    shorter, longer = sorted((words_a, words_b), key=len)
    return bool(shorter) and len(shorter & longer) >= RELATED * len(shorter)


def _facts_by_year(report: Report, data_year: int | None) -> dict[tuple[str, int | None], tuple[Fact, Sentence, str]]:
    """Facts with a specific label, by label and year, with their sentence and section;
    a label and year the report gives two values for is left out as ambiguous."""
    facts: dict[tuple[str, int | None], tuple[Fact, Sentence, str]] = {}
    ambiguous = set()
    for section in report.sections:
        for sentence in section.sentences:
            for fact in find_facts(sentence.text):
                if fact.label and " " in fact.label:  # a one-word label is too vague
                    key = (fact.label, fact.year or data_year)
                    if key in facts and facts[key][0].number.value != fact.number.value:
                        ambiguous.add(key)
                    facts.setdefault(key, (fact, sentence, section.name))
    return {key: fact for key, fact in facts.items() if key not in ambiguous}


def _amount(value: str) -> float | None:
    match = _AMOUNT.match(value)
    return float(match.group(1)) * _SCALE[match.group(2)] if match else None


def _presence(section: SectionComparison) -> Literal["both", "old", "new"]:
    return "new" if section.old_title is None else "old" if section.new_title is None else "both"


def _story(section: SectionComparison, is_recommendations: bool) -> SectionStory:
    presence = _presence(section)
    findings = []
    if presence == "both" and not is_recommendations:
        for change in section.changes:
            if change.label is Label.ADDED:
                findings.append(Finding("added", change))
            elif change.label is Label.REMOVED:
                findings.append(Finding("removed", change))
            elif shifts := meaning_shifts(change):
                findings.append(Finding("meaning", change, shifts))
            elif change.moved:
                findings.append(Finding("moved", change))
    return SectionStory(
        key=section.key,
        presence=presence,
        counts=section.counts,
        cosmetic=sum(is_cosmetic(c) for c in section.changes),
        findings=tuple(findings),
    )
