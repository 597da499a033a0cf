"""The plain, immutable values that flow from one stage of tipdiff to the next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal


class Label(StrEnum):
    """What became of a sentence between two editions; the values are the wire format."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    FIGURES = "figures"
    ADDED = "added"
    REMOVED = "removed"


class BlockKind(StrEnum):
    """The layout units a report is read into before it is split into sentences."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, a paragraph or one bullet, with its markup already removed."""

    kind: BlockKind
    text: str
    """The text a reader sees (bullet markers, wiki and Markdown markup removed)."""
    line: int
    """1-based line of the block's first character in the file."""
    line_starts: tuple[int, ...] = ()
    """Offsets in `text` where each further line of the file begins (wrapped text)."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, or one bullet: the unit that is aligned and labelled."""

    text: str
    """As it stands in the report, with line breaks folded to spaces."""
    key: str
    """The normalized form that comparisons use; never shown."""
    line: int
    """1-based line in the file where the sentence starts."""
    bullet: bool = False
    """True for a list item, which is kept whole even when it holds several sentences."""


@dataclass(frozen=True, slots=True)
class Section:
    """A run of sentences under one heading, or under an inferred one."""

    key: str | None
    """Canonical key from the profile ("protection"), a slug of an unknown heading,
    or None for text with no heading whose subject could not be inferred."""
    title: str
    """The heading as written, or "" when there was none."""
    line: int
    """1-based line of the heading, or of the first sentence when there is none."""
    inferred: bool
    """True when no heading named the section and its key came from its content."""
    sentences: tuple[Sentence, ...]

    @property
    def name(self) -> str:
        """The key, or "document" for text whose subject could not be told."""
        return self.key or "document"


@dataclass(frozen=True, slots=True)
class Report:
    """One edition of a report, read and split; `load_report` makes these."""

    name: str
    """Where it came from, as the user named it (a path or a label)."""
    format: Literal["plain", "markdown", "wiki"]
    sections: tuple[Section, ...]
    headings: tuple[str, ...] = ()
    """Every heading as written, those over no text (a title line) included."""

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence in reading order."""
        return tuple(s for section in self.sections for s in section.sentences)

    @property
    def section_spans(self) -> tuple[range, ...]:
        """For each section, the indices of its sentences in `sentences`."""
        spans, start = [], 0
        for section in self.sections:
            spans.append(range(start, start + len(section.sentences)))
            start += len(section.sentences)
        return tuple(spans)

    @property
    def structured(self) -> bool:
        """False for text with no headings and no recognisable section (a web scrape)."""
        return any(section.key is not None for section in self.sections)


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences of the old and new report that are one revision of each other."""

    old: tuple[int, ...]
    """Indices into the old report's `sentences`; empty for an added sentence."""
    new: tuple[int, ...]
    """Indices into the new report's `sentences`; empty for a removed sentence."""
    moved: bool = False
    """True when the pair was found out of reading order or across sections."""
    similarity: float = 0.0
    """Word overlap of the two sides, numbers masked: 1.0 for identical wording."""


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One run of a word-level diff, with each side's own wording."""

    op: Literal["equal", "delete", "insert"]
    old: str
    """The run as the old report writes it ("" for an insertion)."""
    new: str
    """The run as the new report writes it ("" for a deletion); an `equal` run may
    differ from `old` in quotes, dashes or spacing only."""

    @property
    def text(self) -> str:
        """The run as a one-column diff shows it."""
        return self.old if self.op == "delete" else self.new


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A number that changed; None on the side where it is absent."""

    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Change:
    """One classified group: a revision pair, a split or merge, an addition or a removal."""

    label: Label
    old: tuple[Sentence, ...]
    new: tuple[Sentence, ...]
    moved: bool
    """Found out of reading order or in another section of the other report."""
    similarity: float
    diff: tuple[WordEdit, ...]
    """Word-level edits for reworded and figures changes, empty otherwise."""
    figures: tuple[FigureChange, ...]
    """The numbers that changed, for figures changes; empty otherwise."""
    old_section: str | None = None
    """Key of the old sentences' section, so a moved sentence can say where it came from."""


def label_counts(changes: tuple[Change, ...]) -> dict[Label, int]:
    """How many of the changes carry each label, every label present."""
    found = Counter(change.label for change in changes)
    return {label: found[label] for label in Label}


@dataclass(frozen=True, slots=True)
class SectionComparison:
    """The changes of one section, in the new report's reading order."""

    key: str
    old_title: str | None
    """The old report's heading; None when the old report has no such section."""
    new_title: str | None
    """The new report's heading; None when the new report has no such section."""
    changes: tuple[Change, ...]

    @property
    def counts(self) -> dict[Label, int]:
        """How many changes carry each label, every label present."""
        return label_counts(self.changes)


@dataclass(frozen=True, slots=True)
class Comparison:
    """What `compare` returns: every sentence of both reports in exactly one change."""

    old: Report
    new: Report
    sections: tuple[SectionComparison, ...]

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(c for section in self.sections for c in section.changes)

    @property
    def counts(self) -> dict[Label, int]:
        """How many changes carry each label over the whole comparison."""
        return label_counts(self.changes)

    @property
    def identical(self) -> bool:
        return all(change.label is Label.UNCHANGED for change in self.changes)


@dataclass(frozen=True, slots=True)
class Edition:
    """One of the two reports as the narrative names it."""

    name: str
    year: int | None
    """The year of the report, from its title, its file name, or the year it mentions most + lag."""
    data_year: int | None
    """The year most of its figures are for (a TIP report of year N reports year N-1)."""
    country: str | None
    tier: str | None
    sentences: int
    matched: int
    """How many of its sentences have a counterpart in the other report."""
    sections: tuple[str, ...]
    """Keys of its sections, in reading order."""


@dataclass(frozen=True, slots=True)
class Shift:
    """A headline that may have moved: the tier, or a section's verdict."""

    subject: str
    """"tier" or a section key."""
    old: str | None
    """The short form ("Tier 2", "maintained"), None where the report does not say."""
    new: str | None
    old_sentence: str | None
    new_sentence: str | None


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """A quantity that changed, or that the new report restates for an earlier year."""

    label: str | None
    """What it counts, from the words around it; None when they do not say."""
    section: str
    old: str
    new: str
    old_year: int | None
    new_year: int | None
    difference: float | None
    percent: float | None
    """Change relative to the old value, in percent; None when the old value is 0."""
    restated: bool
    """True when both figures are for the same year: the new report corrects the old."""
    sentence: str
    """The new report's sentence, for figures whose label says too little."""
    old_line: int
    """Line of the old report's sentence."""
    new_line: int
    """Line of the new report's sentence."""


@dataclass(frozen=True, slots=True)
class MeaningShift:
    """A word that changes what a sentence says: a negation or hedge dropped or added, or a
    word replaced by its opposite ("increased" -> "decreased")."""

    dropped: str | None
    added: str | None


@dataclass(frozen=True, slots=True)
class Finding:
    """A change worth a reader's attention."""

    kind: Literal["added", "removed", "meaning", "moved"]
    change: Change
    shifts: tuple[MeaningShift, ...] = ()
    """For a change of meaning, the words that shift it."""


@dataclass(frozen=True, slots=True)
class SectionStory:
    """One section in the narrative: its counts and what stands out."""

    key: str
    presence: Literal["both", "old", "new"]
    """Whether both reports have the section or only one."""
    counts: dict[Label, int]
    cosmetic: int
    """Rewordings that change only case, quotes, hyphens or punctuation: counted, not listed."""
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class Narrative:
    """What changed this year, in the order a reader wants it."""

    old: Edition
    new: Edition
    shifts: tuple[Shift, ...]
    figures: tuple[KeyFigure, ...]
    recommendations: tuple[Change, ...]
    """Changes of the recommendations section (added, dropped, reworded), empty if none."""
    sections: tuple[SectionStory, ...]


class Severity(StrEnum):
    """How much a broken rule matters: errors fail `tipdiff check`, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Violation:
    """A rule a report breaks, where it breaks it."""

    rule: str
    """The rule's id ("TD301"), see `tipdiff.validate.RULES`."""
    severity: Severity
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ReportCheck:
    """What `tipdiff check` found in one report."""

    path: str
    """As given, or relative to the repository root."""
    country: str | None
    """From the file's path (the configured pattern), or None when the path does not fit it."""
    year: int | None
    previous: str | None
    """The nearest earlier report of the same country it was compared with, if any."""
    violations: tuple[Violation, ...]
    narrative: Narrative | None
    """What changed since `previous`."""

    def count(self, severity: Severity) -> int:
        return sum(v.severity is severity for v in self.violations)
