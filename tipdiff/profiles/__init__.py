"""Profiles: what tipdiff knows about one family of reports, kept as data.

The engine never names a section; it asks the profile which key a heading or an
opening sentence belongs to. Adding a report family means adding a profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from tipdiff.normalize import comparison_key
from tipdiff.profiles.lexicon import ENGLISH, Lexicon


@dataclass(frozen=True, slots=True)
class SectionKind:
    """One section a report family always has, however a year spells its heading."""

    key: str
    """Canonical key, shared by every edition ("protection")."""
    title: str
    """How to name the section to a reader."""
    headings: re.Pattern[str] | None
    """Matches a folded heading (lower case, no trailing colon) that names this section."""
    opener: re.Pattern[str] | None = None
    """Matches the start of a folded paragraph that begins this section when no heading
    does, such as a TIP verdict sentence."""
    weight: float = 1.0
    """How much a change in this section matters to a reader, against the others."""
    telling: bool = True
    """Whether finding it says a text is of the family (`--profile auto`): many documents have a
    "Summary" and "Recommendations", few a "Prosecution" and a "Trafficking profile"."""


@dataclass(frozen=True, slots=True)
class VerdictKind:
    """A judgement every edition passes (a tier, a section's "increased ... efforts"), and how
    to read what it means whatever its wording."""

    subject: str
    """What is judged: "tier", "summary", a section's key."""
    section: str | None
    """Key of the section that states it; None: headings first, then anywhere."""
    patterns: tuple[re.Pattern[str], ...]
    """Over folded sentences (and headings, for the tier): group "verdict" is the phrase as
    written; the other named groups are the parts whose meaning counts."""
    meanings: dict[str, str] = field(default_factory=dict)
    """A part's words -> what they mean: "sustained" -> "maintained", "comply with" -> "meet"."""
    ranks: dict[str, int] = field(default_factory=dict)
    """A meaning -> its place on the subject's scale, best highest; a meaning not here is
    neither better nor worse than another."""


@dataclass(frozen=True, slots=True)
class Format:
    """One published form of a line the profile reads, kept with an example as published:
    the test suite reads every example and checks it is read as `reads` says."""

    years: str
    """The editions that use it ("2017-2019")."""
    part: str
    """What the line is: "tier" (a tier line), "heading" (a section's heading or run-in
    heading), "recommendations" (a list of recommendations), or a verdict's subject."""
    example: str
    """The line as an edition prints it."""
    reads: str
    """What tipdiff must read from it: a tier, a section key, a count of items, a verdict's meaning."""


@dataclass(frozen=True, slots=True, repr=False)
class Profile:
    """The sections of a report family and how to recognise them."""

    name: str
    sections: tuple[SectionKind, ...]
    family: str = ""
    """How a reader names the family ("TIP", "almanac"); the name when empty."""
    layout: Literal["prose", "fields", "auto"] = "auto"
    """How the family's text is laid out: headings over paragraphs, or "Label: value" field
    lines under headings (an almanac); "auto" tells by the text."""
    evidence: tuple[str, ...] = ()
    """What shows that a text is of the family: "sections" (a heading or an opening sentence of
    one of its sections), "fields" (field lines) or a verdict's subject ("tier": a tier line).
    A text that shows none of it does not fit the profile (`tipdiff.profiles.fit`)."""
    headings: tuple[re.Pattern[str], ...] = ()
    """Over folded headings: groups "year", "country" and "tier" where a heading gives them."""
    statements: tuple[re.Pattern[str], ...] = ()
    """Over sentences as written: the same groups where the text states them."""
    data_year_lag: int = 0
    """A report of year N mostly reports on year N - lag."""
    recommendations: str | None = None
    """Key of the section whose items are recommendations."""
    required_sections: tuple[str, ...] = ()
    """Keys of the sections every report of the family has (`tipdiff check`)."""
    required_facts: tuple[str, ...] = ()
    """What every report must let a reader find: "title", "country", "year", "tier"."""
    lexicon: Lexicon = ENGLISH
    """What the family's numbers count, and for whom."""
    verdicts: tuple[VerdictKind, ...] = ()
    """The judgements each edition passes, in the order a briefing gives them."""
    summary: str | None = None
    """Key of the section in which the authors sum up the year."""
    credits: re.Pattern[str] | None = None
    """Over a folded summary sentence: where the efforts it credits begin ("these efforts
    included"); group "items" is the list."""
    shortfalls: re.Pattern[str] | None = None
    """Over a folded summary sentence: it opens the shortfalls, listed in the sentences after it."""
    placement: re.Pattern[str] | None = None
    """Over a folded summary sentence: it states the report's placement of the country (a
    waiver, a tier kept), so it is no item of the summary's lists."""
    parts: tuple[re.Pattern[str], ...] = ()
    """Over folded headings: one that opens a part of a document holding many (a country's
    narrative in the whole year's report); group "country" names the part."""
    places: tuple[str, ...] = ()
    """The countries (or other units) the family has reports on: `tipdiff check` tells by them
    whether a report is about the country its folder names."""
    run_in: re.Pattern[str] | None = None
    """Over a paragraph as written: a heading run into its first line ("Recommendations for
    Mexico: Increase ..."); group "heading" is the heading, and the text after the match is
    the paragraph."""
    advice: re.Pattern[str] | None = None
    """Over text as written: it begins as a recommendation does ("Increase", "vigorously
    investigate"). Items of the recommendations section run together in one paragraph are
    told apart by it, and a list of such items opens that section when no heading does."""
    formats: tuple[Format, ...] = ()
    """The published forms of the family's lines, year by year, each with an example."""

    def __repr__(self) -> str:
        return f"Profile({self.name!r})"  # its patterns would fill a screen

    @property
    def reader_name(self) -> str:
        """The family as a reader names it."""
        return self.family or self.name

    def key_for_heading(self, heading: str) -> str:
        """The canonical key a heading names, or a slug of the heading itself."""
        folded = fold_heading(heading)
        for kind in self.sections:
            if kind.headings and kind.headings.search(folded):
                return kind.key
        return "-".join(re.findall(r"[^\W_]+", folded)) or "untitled"

    def key_for_opening(self, paragraph: str) -> str | None:
        """The key of the section that a paragraph starting this way opens, if any."""
        folded = comparison_key(paragraph[:300]).casefold()
        for kind in self.sections:
            if kind.opener and kind.opener.match(folded):
                return kind.key
        return None

    def weight(self, key: str) -> float:
        """A section's weight; 1 for one the profile does not know."""
        return next((kind.weight for kind in self.sections if kind.key == key), 1.0)

    def title(self, key: str) -> str:
        """A reader's name for a section key."""
        for kind in self.sections:
            if kind.key == key:
                return kind.title
        return key.replace("-", " ").capitalize()


def fold_heading(heading: str, keep_case: bool = False) -> str:
    """Lower case, single spaces, no trailing colon: the form heading patterns see."""
    folded = comparison_key(heading) if keep_case else comparison_key(heading).casefold()
    return folded.rstrip(":. ").strip()


GENERIC = Profile(name="generic", sections=())
"""For reports of no known family: headings become sections under their own names, and a
text of "Label: value" lines is read in fields, as an almanac is."""
