"""The plain, immutable values that flow from one stage of tipdiff to the next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tipdiff.profiles import Profile


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
    FIELD = "field"
    """One line of an almanac: "Population: 130,207,371 (2023 est.)", a sub-field under it
    ("land: 1,943,945 sq km"), or a value line of the field above ("$2.5 trillion (2020 est.)")."""


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
    field: tuple[str, ...] = ()
    """For a field line, the labels it stands under, outermost first: ("Area", "land") for
    "land: 1,943,945 sq km" under "Area:"; ("Real GDP (purchasing power parity)",) for that
    field's own line and for each value line under it."""


class Role(StrEnum):
    """What a number is in its sentence; the values are the wire format."""

    COUNT = "count"
    MONEY = "money"
    SHARE = "share"
    DURATION = "duration"
    AGE = "age"
    DATE = "date"
    RANK = "rank"
    NAME = "name"
    """Part of a name or a citation: "Article 10", "Law 13.344", "Tier 2", a phone number."""

    @property
    def measurable(self) -> bool:
        """Only counts, amounts of money and shares are figures that can rise or fall."""
        return self in (Role.COUNT, Role.MONEY, Role.SHARE)


_MONTHS = frozenset("January February March April May June July August September October November December".split())


@dataclass(frozen=True, slots=True)
class Period:
    """The time a figure is for: a year, a span of years, or part of a year."""

    year: int
    """The year the period ends in."""
    first: int | None = None
    """The first year of a span ("2019-2021"); None for one year."""
    part: str | None = None
    """Part of the year ("first six months", "December") or its kind ("fiscal year")."""

    def __str__(self) -> str:
        years = f"{self.first}-{self.year}" if self.first else str(self.year)
        return (
            f"{self.part} {years}" if self.part == "fiscal year" else f"{self.part} of {years}" if self.part else years
        )

    @property
    def whole_year(self) -> bool:
        """One calendar year: what a yearly report's figures are compared over."""
        return self.first is None and self.part is None


@dataclass(frozen=True, slots=True)
class Relation:
    """How a fact stands to another fact of its sentence, or of the sentence before."""

    kind: Literal["part", "earlier", "range"]
    """part: one part of a total ("including 65 sex traffickers"); earlier: the same measure
    for an earlier period ("compared with 673 in 2020"); range: the upper end of a range."""
    of: str
    """The id of the other fact: the total, the later figure, or the range's lower end."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One number of a sentence, read for what it counts, for whom and for when."""

    id: str
    """"12.3": the fourth number of the report's thirteenth sentence."""
    text: str
    """The number as written ("$52 million", "five")."""
    start: int
    """Where `text` starts in the sentence's text."""
    value: Decimal
    """"$52 million" is 52000000, "five" is 5, ".6%" is 0.6."""
    unit: str | None
    """A currency code, "%", "pp" (percentage points), "ordinal", or None."""
    role: Role
    measure: str | None
    """What is counted, in canonical words shared by every edition ("persons convicted");
    None when the sentence does not say clearly enough to compare it with anything."""
    label: str | None
    """What is counted in the report's own words ("sex traffickers convicted")."""
    scope: tuple[str, ...] = ()
    """Which part is counted, sorted: ("federal",), ("sex trafficking", "state")."""
    period: Period | None = None
    """The period the sentence states for the figure; None when it states none."""
    qualifier: str | None = None
    """"at least", "more than", "approximately", "est." ...: shown beside the value."""
    relation: Relation | None = None
    caveat: str | None = None
    """A limit on the figure the report states ("data from only 10 states")."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def key(self) -> str:
        """Equal for one number written two ways ("Thirty", "30"); differs across units."""
        digits = format(self.value.normalize(), "f")
        return f"{digits} {self.unit}" if self.unit else digits


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
    facts: tuple[Fact, ...] = ()
    """Every number of the sentence with what it counts, in reading order."""
    index: int = 0
    """Its place in the report, from 0 in reading order: the id that JSON and fact ids cite."""
    paragraph: int = 0
    """The place in the report of the paragraph or bullet it is part of, from 0: where the text
    has no headings, its paragraphs are its structure."""
    field: tuple[str, ...] = ()
    """The labels of the almanac field line this unit opens (`Block.field`): with its place
    among the lines of that field, its identity across editions. Empty for prose, and for
    the later sentences of a field line that holds several."""


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
    headings: tuple[Block, ...] = ()
    """Every heading as written, with its line, those over no text (a title line) included."""
    year: int | None = None
    """The edition's year, from its title, its file name, or the year its text mentions most."""
    data_year: int | None = None
    """The year most of its figures are for (a TIP report of year N reports on year N-1)."""
    source: Literal["text", "pdf", "html"] = "text"
    """What the file was; the lines of a PDF or web page are those of the text `tipdiff
    extract` writes for it."""

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
    """A number that is in one side of a revised sentence and not in the other, as the
    annotation guide counts them; paired old -> new only where the two are like for like."""

    old: str | None
    """The number as the old sentence writes it; None where it appears."""
    new: str | None
    """The number as the new sentence writes it; None where it disappears."""
    old_fact: str | None = None
    """The id of the old number's fact in the old report."""
    new_fact: str | None = None
    """The id of the new number's fact in the new report."""


@dataclass(frozen=True, slots=True)
class FactChange:
    """One measure compared like for like between the two sides of a change."""

    kind: Literal["year-over-year", "restated", "new", "dropped"]
    """year-over-year: this edition's latest figure against the last edition's; restated:
    one period, another value; new / dropped: a figure with no like-for-like partner."""
    old: Fact | None
    new: Fact | None


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
    facts: tuple[FactChange, ...] = ()
    """What those changes mean, measure by measure; unchanged facts are not listed."""
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
    profile: Profile | None = None
    """The profile the reports were read with, where `compare` read them (None: given as reports)."""

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(c for section in self.sections for c in section.changes)

    @property
    def counts(self) -> dict[Label, int]:
        """How many changes carry each label over the whole comparison."""
        return label_counts(self.changes)

    @property
    def identical(self) -> bool:
        """Every sentence unchanged and in its place, every heading as it was."""
        return all(change.label is Label.UNCHANGED and not change.moved for change in self.changes) and all(
            section.old_title == section.new_title for section in self.sections
        )


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
    source: str = "text"
    """What the file was: text, pdf or html."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """A judgement an edition passes: its tier, or a section's "decreased ... efforts"."""

    subject: str
    """"tier", "summary", a section key: the profile's `VerdictKind.subject`."""
    phrase: str
    """As written: "sustained limited", "Tier 2"."""
    meaning: str
    """What it says, in the profile's words: "maintained limited", "tier 2"."""
    rank: int | None
    """Its place on the subject's scale, best highest; None where it has none."""
    line: int
    """Line of the file that states it."""
    sentence: Sentence | None
    """The sentence that states it; None for a heading."""


@dataclass(frozen=True, slots=True)
class Shift:
    """A verdict in both editions: the same, changed in meaning, or stated by one only."""

    subject: str
    old: Verdict | None
    new: Verdict | None

    @property
    def changed(self) -> bool:
        return bool(self.old and self.new and self.old.meaning != self.new.meaning)

    @property
    def direction(self) -> int:
        """+1 up the scale, -1 down, 0 the same or not comparable."""
        if self.changed and self.old and self.new and self.old.rank is not None and self.new.rank is not None:
            return (self.new.rank > self.old.rank) - (self.new.rank < self.old.rank)
        return 0


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a figure is written: in which report, in which sentence."""

    report: Literal["old", "new"]
    fact: Fact
    sentence: Sentence
    section: str
    """The key of the sentence's section in that report."""


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One measure, this year's value against last year's, or one period's value restated."""

    measure: str
    """The canonical measure both facts count ("persons convicted")."""
    label: str
    """What is counted, in the new report's words ("traffickers convicted")."""
    scope: tuple[str, ...]
    section: str
    old: Citation
    """The earlier value: from the old report where it states it, else as the new report
    gives it in its own comparison ("compared with 76 in 2021")."""
    new: Citation
    restated: bool
    """Both values are for one period: the new report gives it differently."""
    difference: Decimal
    percent: float | None
    """Change relative to the old value, in percent; None for shares (their difference is in
    points) and when the old value is 0."""
    caveat: str | None
    """A limit on either figure that the report states ("data from only 10 states")."""
    importance: float
    """How much the row matters: the measure's weight in the profile, raised by the size of the change."""
    otherwise: Citation | None = None
    """Where a value comes from the other report's own comparison: the fact by which its own
    report gives the same value for that period as a count of something else."""


@dataclass(frozen=True, slots=True)
class MeaningShift:
    """A word that changes what a sentence says: a negation or hedge dropped or added, or a
    word replaced by its opposite ("increased" -> "decreased")."""

    dropped: str | None
    added: str | None


@dataclass(frozen=True, slots=True)
class Source:
    """A sentence a statement of the narrative rests on, and the report it is in."""

    report: Literal["old", "new"]
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class Finding:
    """A change worth a reader's attention, and how much."""

    kind: Literal["added", "removed", "meaning", "moved", "partly", "elsewhere"]
    """added: in no sentence of the old report; removed: in no sentence of the new one; meaning:
    reworded to say something else; moved: one sentence in another place; partly: added or
    removed as a sentence, some of its wording in `elsewhere`; elsewhere: added or removed as
    a sentence, though most of its wording, or what it counts, is in `elsewhere`."""
    change: Change
    side: Literal["old", "new"]
    """The side the finding is about: the old sentences of a removal, the new of the rest."""
    section: str
    """Key of the section it is told under."""
    shifts: tuple[MeaningShift, ...] = ()
    """For a change of meaning, the words that shift it."""
    importance: float = 0.0
    elsewhere: Source | None = None
    """For `elsewhere`: the sentence of the other report that holds most of its wording."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sentences it rests on, old before new."""
        one_side = self.kind in ("added", "removed", "partly", "elsewhere")
        old = () if one_side and self.side == "new" else self.change.old
        new = () if one_side and self.side == "old" else self.change.new
        found = [Source("old", s) for s in old] + [Source("new", s) for s in new]
        if self.elsewhere:
            found.append(self.elsewhere)
        return tuple(sorted(found, key=lambda source: source.report != "old"))


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """An effort the summary credits, or a shortfall it names, as written."""

    kind: Literal["effort", "shortfall"]
    text: str
    sentence: Sentence
    order: int
    """Its place among the summary's items, 0 first: the authors list what mattered most first."""


@dataclass(frozen=True, slots=True)
class SummaryChange:
    """An item that one edition's summary names and the other's does not."""

    status: Literal["new", "dropped"]
    """new: named by the new summary only; dropped: by the old one only."""
    item: SummaryItem

    @property
    def source(self) -> Source:
        return Source("new" if self.status == "new" else "old", self.item.sentence)


@dataclass(frozen=True, slots=True)
class Point:
    """One item of the briefing: what it is about, how much it matters, what it rests on."""

    kind: Literal["shift", "summary", "figure", "finding", "recommendations"]
    importance: float
    sources: tuple[Source, ...]
    shift: Shift | None = None
    figure: KeyFigure | None = None
    """For a figure, or the key figure of a shifted verdict's section."""
    summary: SummaryChange | None = None
    finding: Finding | None = None
    section: str | None = None


@dataclass(frozen=True, slots=True)
class SectionStory:
    """One section in the narrative: its counts and what stands out."""

    key: str
    presence: Literal["both", "old", "new"]
    """Whether both reports have the section or only one."""
    counts: dict[Label, int]
    paired: int
    """Its sentences with a counterpart in the other report: a section one report lacks can
    still hold sentences of it (from a report without sections)."""
    cosmetic: int
    """Rewordings that change only case, quotes, hyphens or punctuation: counted, not listed."""
    findings: tuple[Finding, ...]
    """Every finding, in report order."""
    top: tuple[Finding, ...]
    """The few most important findings the briefing does not already give, most important first."""
    unlisted: int
    """Findings neither `top` nor the briefing gives: `--detail full` lists them."""
    left_out: bool = False
    """Only one report has it, and the other may just leave it out (it is a part of a whole, or
    every report of the family has the section): what it holds is not told as added or dropped."""


@dataclass(frozen=True, slots=True)
class Narrative:
    """What changed this year, in the order a reader wants it."""

    old: Edition
    new: Edition
    shifts: tuple[Shift, ...]
    briefing: tuple[Point, ...]
    """The most important changes besides the verdicts, most important first, within the
    briefing's length."""
    figures: tuple[KeyFigure, ...]
    summary: tuple[SummaryChange, ...]
    recommendations: tuple[Change, ...]
    """Changes of the recommendations section (added, dropped, reworded), empty if none."""
    sections: tuple[SectionStory, ...]
    countries_differ: bool = False
    """The reports are about different countries: what differs is no change of either, so the
    narrative tells no verdict, figure or recommendation as one."""


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
    end_line: int | None = None
    """The last line, for a finding that spans lines (a passage pasted twice)."""


class FileStatus(StrEnum):
    """Why `tipdiff check` looked at a file."""

    ADDED = "added"
    MODIFIED = "modified"
    RENAMED = "renamed"
    DELETED = "deleted"
    NAMED = "named"
    """Given on the command line."""
    RECHECKED = "re-checked"
    """Not changed itself, but the report before it was: compared again."""


@dataclass(frozen=True, slots=True)
class Accepted:
    """A finding accepted in the settings or the baseline, with the reason given."""

    violation: Violation
    reason: str


@dataclass(frozen=True, slots=True)
class ReportCheck:
    """What `tipdiff check` found in one file."""

    path: str
    """Relative to the repository root, printable."""
    country: str | None
    """From the file's path (the configured pattern), or None when the path does not fit it."""
    year: int | None
    previous: str | None
    """The nearest earlier report of the same country it was compared with, if any."""
    violations: tuple[Violation, ...]
    narrative: Narrative | None
    """What changed since `previous`."""
    status: FileStatus = FileStatus.NAMED
    renamed_from: str | None = None
    read: bool = True
    """Whether its text was read and checked (a deleted file or a .docx is not)."""
    untouched: tuple[Violation, ...] = ()
    """Warnings left out: on lines the change did not touch (shown with --all)."""
    accepted: tuple[Accepted, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(v.severity is severity for v in self.violations)


# --- timeline: one country across many editions -------------------------------------------


@dataclass(frozen=True, slots=True)
class Reading:
    """One value of a measure for one period, as one edition gave it."""

    edition: int
    """Index into `Timeline.editions`."""
    period: Period
    """The period it is for: the one its sentence states, else its edition's."""
    fact: Fact
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class Series:
    """One measure (for one part) across editions: each period's value as each edition gave it."""

    label: str
    """What is counted, with its scope ("individuals prosecuted (federal)")."""
    measure: str
    role: Role
    unit: str | None
    scope: tuple[str, ...]
    section: str | None
    """Key of the section most of its readings stand in."""
    periods: tuple[Period, ...]
    """Oldest first."""
    readings: tuple[Reading, ...]
    """Every reading, by period and then edition."""
    restated: tuple[Period, ...]
    """Periods for which two editions give different values."""

    def reading(self, period: Period, edition: int) -> Reading | None:
        return next((r for r in self.readings if r.edition == edition and r.period == period), None)


@dataclass(frozen=True, slots=True)
class RecommendationLife:
    """One recommendation from the edition that first makes it to the last that does."""

    versions: tuple[tuple[int, Sentence, Change | None], ...]
    """Edition index, the recommendation as that edition words it, and the change from the
    version before (None for the first)."""
    dropped_after: int | None
    """The last edition that makes it, when a later edition with recommendations does not."""


@dataclass(frozen=True, slots=True)
class Step:
    """One edition against the next: what changed is narrated only when it is shown."""

    old: int
    new: int
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class Timeline:
    """One country's editions, oldest first, and what runs through them."""

    editions: tuple[Edition, ...]
    reports: tuple[Report, ...]
    series: tuple[Series, ...]
    """Measures given by at least two editions, or for at least two periods."""
    verdicts: tuple[tuple[str, tuple[Verdict | None, ...]], ...]
    """Each verdict subject, with each edition's verdict on it."""
    recommendations: tuple[RecommendationLife, ...]
    steps: tuple[Step, ...]
