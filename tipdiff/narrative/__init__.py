"""Narration: a comparison retold as what changed this year, the most important first.

Editions and verdicts (`tipdiff/edition.py`, `tipdiff/verdicts.py`), the summary's own
items (`summary.py`), key figures (`keyfigures.py`) and each section's findings
(`findings.py`) are read here and ranked into a briefing (`briefing.py`). Everything TIP-specific comes from the profile; a
profile that knows none of it still gets editions, figures and sections.
"""

from collections import Counter
from typing import Literal

from tipdiff.edition import countries_differ, read_edition
from tipdiff.model import (
    Change,
    Comparison,
    Finding,
    Label,
    Narrative,
    SectionComparison,
    SectionStory,
    Sentence,
    Shift,
)
from tipdiff.narrative.briefing import brief, quoted_words
from tipdiff.narrative.findings import Wordings, section_findings
from tipdiff.narrative.keyfigures import key_figures
from tipdiff.narrative.meaning import is_cosmetic
from tipdiff.narrative.summary import summary_changes, summary_items
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP
from tipdiff.similarity import Vocabulary, bag
from tipdiff.verdicts import verdict_shifts

LISTED = 3
"""Findings a section lists besides the briefing's, in the default narrative."""
LISTED_KINDS = ("added", "removed", "meaning", "partly")
"""What a section's list may hold: a move or a rewriting elsewhere is no news of its own."""
LISTED_WORDS = 60
"""A finding quoting more words than this is left to `--detail full` and the other views."""


def narrate(comparison: Comparison, profile: Profile | None = None) -> Narrative:
    """The narrative of a comparison: editions, briefing, figures, recommendations, sections;
    by default in the profile its reports were read with (TIP for reports given as such)."""
    profile = profile or comparison.profile or TIP
    old_report, new_report = comparison.old, comparison.new
    matched_old = sum(len(c.old) for c in comparison.changes if c.old and c.new)
    matched_new = sum(len(c.new) for c in comparison.changes if c.old and c.new)
    old = read_edition(old_report, matched_old, profile)
    new = read_edition(new_report, matched_new, profile)
    vocabulary = Vocabulary.of([bag(s.key) for s in (*old_report.sentences, *new_report.sentences)])
    old_items, new_items = summary_items(old_report, profile), summary_items(new_report, profile)
    # only two summaries that both list their items can tell what is new to the list
    both = {profile.summary} <= {s.key for s in old_report.sections} & {s.key for s in new_report.sections}
    listed = both and old_items and new_items
    summary = summary_changes(old_report, new_report, profile, vocabulary) if listed else ()
    items = (*old_items, *new_items)
    # Only a section both reports have can tell of recommendations dropped.
    recommendations_section = next(
        (s for s in comparison.sections if s.key == profile.recommendations and _presence(s) == "both"), None
    )
    recommendations = _told_recommendations(recommendations_section, vocabulary) if recommendations_section else ()
    fragment = is_fragment(comparison)

    def left_out(section: SectionComparison) -> bool:
        """A section only one report has that the other may just leave out: one report is a
        part of a whole, or the family's reports all have the section."""
        return _presence(section) != "both" and (fragment or section.key in profile.required_sections)

    old_wordings = Wordings(old_report, "old", vocabulary)
    new_wordings = Wordings(new_report, "new", vocabulary)
    item_wordings = [bag(text) for text in dict.fromkeys(item.text for item in items)]  # copies weigh as one
    findings = [
        ()
        if section is recommendations_section
        else section_findings(section, old_wordings, new_wordings, item_wordings, profile.weight(section.key))
        if not left_out(section)
        else _paired_only(section, old_wordings, new_wordings, item_wordings, profile)
        for section in comparison.sections
    ]
    shifts = verdict_shifts(old_report, new_report, profile)
    figures = key_figures(comparison, profile)
    every = tuple(f for found in findings for f in found)
    briefing = brief(shifts, summary, items, figures, every, recommendations, profile.lexicon)
    # what the briefing cites, and the verdicts' sentences, the sections do not tell again
    cited = {s.sentence for point in briefing for s in point.sources} | _verdict_sentences(shifts)
    told = {f for f in every if any(s.sentence in cited for s in f.sources if s is not f.elsewhere)}
    stories = tuple(
        _story(section, found, told, left_out(section))
        for section, found in zip(comparison.sections, findings, strict=True)
    )
    if countries_differ(old, new):  # one country's verdicts and figures are no change of another's
        return Narrative(old, new, (), (), (), (), (), stories, countries_differ=True)
    return Narrative(
        old=old,
        new=new,
        shifts=shifts,
        briefing=briefing,
        figures=figures,
        summary=summary,
        recommendations=recommendations,
        sections=stories,
    )


def is_fragment(comparison: Comparison) -> bool:
    """Whether one report holds under half of the other's sections (an excerpt, a scrape with
    no sections): then a section only the other has is what the part leaves out, not what
    changed. Two whole editions have most sections in common, and one only one of them has
    was added or dropped."""
    counts = [sum(1 for s in comparison.sections if s.old_title is not None),
              sum(1 for s in comparison.sections if s.new_title is not None)]  # fmt: skip
    shared = sum(1 for s in comparison.sections if s.old_title is not None and s.new_title is not None)
    return 2 * shared < max(counts)


def _told_recommendations(section: SectionComparison, vocabulary: Vocabulary) -> tuple[Change, ...]:
    """The recommendations that changed; but an item new to the list (or dropped from it) whose
    advice another item of the other edition gives is neither: "increase investigations of
    traffickers", split off "Increase investigations and prosecutions of traffickers"."""
    old_items = [bag(s.key) for c in section.changes for s in c.old]
    new_items = [bag(s.key) for c in section.changes for s in c.new]

    def given_elsewhere(change: Change) -> bool:
        others = new_items if change.label is Label.REMOVED else old_items
        own = bag(" ".join(s.key for s in (*change.old, *change.new)))
        return any(vocabulary.containment(own, other) >= GIVEN_ELSEWHERE for other in others)

    return tuple(
        c
        for c in section.changes
        if c.label is not Label.UNCHANGED and not (c.label in (Label.ADDED, Label.REMOVED) and given_elsewhere(c))
    )


GIVEN_ELSEWHERE = 0.8
"""Least share of a new or dropped recommendation's wording that one item of the other edition
must hold for it to be advice that edition gives too."""


def _paired_only(
    section: SectionComparison, old: Wordings, new: Wordings, items: list[Counter[str]], profile: Profile
) -> tuple[Finding, ...]:
    """A section one report lacks: what its pairs say differently, never "added" or "removed"
    (the other report may be a fragment, or a scrape of part of a report)."""
    if not any(c.old and c.new for c in section.changes):
        return ()
    every = section_findings(section, old, new, items, profile.weight(section.key))
    return tuple(f for f in every if f.kind in ("meaning", "moved"))


def _presence(section: SectionComparison) -> Literal["both", "old", "new"]:
    return "new" if section.old_title is None else "old" if section.new_title is None else "both"


def _by_kind_in_turn(ranked: list[Finding]) -> list[Finding]:
    """The most important of each kind first (new, dropped, reworded), then the next of each:
    a section's few lines show what came, what went and what was said differently."""
    turns: dict[str, int] = {}
    order = []
    for k, finding in enumerate(ranked):
        turn = turns.get(finding.kind, 0)
        turns[finding.kind] = turn + 1
        order.append((turn, k, finding))
    return [finding for _, _, finding in sorted(order, key=lambda item: item[:2])]


def _verdict_sentences(shifts: tuple[Shift, ...]) -> set[Sentence]:
    return {v.sentence for shift in shifts for v in (shift.old, shift.new) if v and v.sentence}


def _story(
    section: SectionComparison, findings: tuple[Finding, ...], told: set[Finding], left_out: bool
) -> SectionStory:
    ranked = _by_kind_in_turn(
        sorted(
            (f for f in findings if f.kind in LISTED_KINDS and f not in told and quoted_words(f) <= LISTED_WORDS),
            key=lambda f: (-f.importance, " ".join(s.sentence.key for s in f.sources)),
        )
    )
    return SectionStory(
        key=section.key,
        presence=_presence(section),
        counts=section.counts,
        paired=sum(1 for c in section.changes if c.old and c.new),
        cosmetic=sum(is_cosmetic(c) for c in section.changes),
        findings=findings,
        top=tuple(ranked[:LISTED]),
        unlisted=sum(f.kind in LISTED_KINDS and f not in told for f in findings) - len(ranked[:LISTED]),
        left_out=left_out,
    )
