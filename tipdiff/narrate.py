"""Narration: a comparison retold as what changed this year, the headline first.

Everything TIP-specific (tier, verdicts, the lag between a report and the year it
covers, which section holds recommendations) comes from the profile; a profile that
knows none of it still gets editions, figures and sections.
"""

import re
from typing import Literal

from tipdiff.edition import read_edition
from tipdiff.keyfigures import key_figures
from tipdiff.meaning import is_cosmetic, meaning_shifts
from tipdiff.model import (
    Comparison,
    Edition,
    Finding,
    Label,
    Narrative,
    Report,
    SectionComparison,
    SectionStory,
    Shift,
)
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP


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
        figures=key_figures(comparison, profile),
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
