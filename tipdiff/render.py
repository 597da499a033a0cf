"""Rendering: a comparison as JSON or Markdown text. All prose lives in `templates/`."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from tipdiff.errors import UnknownFormat
from tipdiff.jsonform import comparison_json
from tipdiff.markdown import markdown_html
from tipdiff.model import (
    Change,
    Citation,
    Comparison,
    Finding,
    KeyFigure,
    Label,
    Narrative,
    Period,
    Reading,
    ReportCheck,
    Sentence,
    Series,
    Severity,
    Shift,
    Source,
    Step,
    Timeline,
    WordEdit,
)
from tipdiff.narrative import narrate
from tipdiff.narrative.briefing import shows_diff
from tipdiff.page import PageSection, page_counts, page_sections
from tipdiff.pipeline import profile_named
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP
from tipdiff.wording import Chip, change_text, chips, direction, label, signed, value

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|~&]")
_EDGES = re.compile(r"([\W_]*)(.*?)([\W_]*)", re.DOTALL)
"""A run's leading non-word characters, its words, its trailing non-word characters."""
_BACKTICKS = re.compile(r"`+")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 has no place for (a form feed, U+FFFF), even escaped."""
_LIST_START = re.compile(r"^(\d+)([.)])(?=\s)")


def templates_dir() -> Path:
    """Inside the wheel the templates sit in the package; in a checkout, beside it."""
    here = Path(__file__).parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "xml.j2"), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["code"] = code_span
    env.filters["signed"] = signed
    env.filters["first_upper"] = lambda text: text[:1].upper() + text[1:]
    env.filters["marked_pieces"] = marked_pieces
    env.filters["workflow_data"] = workflow_data
    env.filters["workflow_property"] = workflow_property
    env.tests["failing_report"] = fails
    return env


def marked_pieces(diff: tuple[WordEdit, ...]) -> list[tuple[str, str]]:
    """A word diff as (op, text) pieces ready for emphasis markers. CommonMark renders
    `~~x~~` and `**x**` only where the markers hug the text, and `word~~,~~` not at all; so
    the spaces and punctuation at the edges of each deletion or insertion stand outside it:
    an insertion's as plain text (the new sentence reads right), a deletion's as its spaces
    alone (a struck comma is no news). A ("gap", " ") piece parts a deletion from an insertion
    that touches it, so that "maintained" and "increased" never read as one word."""
    pieces = []
    for edit in diff:
        if edit.op == "equal":
            pieces.append(("equal", edit.new))
            continue
        text = edit.old if edit.op == "delete" else edit.new
        lead, words, trail = _EDGES.fullmatch(text).groups()  # type: ignore[union-attr]
        inserted = edit.op == "insert"
        pieces += [("equal", _outside(lead, inserted)), (edit.op, words), ("equal", _outside(trail, inserted))]
    marked: list[tuple[str, str]] = []
    for op, text in pieces:
        if text:
            if op != "equal" and marked and marked[-1][0] not in ("equal", op):
                marked.append(("gap", " "))
            marked.append((op, text))
    return marked


def _outside(edge: str, inserted: bool) -> str:
    """An insertion's edge as it is; a deletion's, only its space."""
    return edge if inserted else " " * any(c.isspace() for c in edge)


def fails(report: ReportCheck, strict: bool) -> bool:
    """Whether a report fails the check: an error, or with `strict` any warning."""
    return bool(report.count(Severity.ERROR) or (strict and report.count(Severity.WARNING)))


def workflow_data(text: str) -> str:
    """Text for a GitHub workflow command's message: %, CR and LF escaped, as GitHub documents."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """Text for a workflow command's property (file=, title=): also : and , escaped."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def xml_safe(text: str) -> str:
    """Text XML 1.0 can hold: the characters it has no place for, even escaped, as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def escape_markdown(text: str) -> str:
    """Report text as literal Markdown on one line: its asterisks and brackets are not markup."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", re.sub(r"\s+", " ", text))
    return _LIST_START.sub(r"\1\\\2", escaped)  # "2021. …" would start a numbered list


def code_span(text: object, table: bool = False) -> str:
    """Text (a file name, a ref) as a Markdown code span it cannot break out of: fenced by more
    backticks than it holds in a row, as CommonMark allows, so `<https://…>` in it is no link;
    in a `table` cell its pipes escaped, as GFM asks."""
    text = re.sub(r"\s+", " ", str(text))
    text = text.replace("|", "\\|") if table else text
    fence = "`" * (max(map(len, _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


@dataclass(frozen=True, slots=True)
class NarrativeContext:
    """What `narrative.md.j2` renders."""

    narrative: Narrative
    profile: Profile
    full: bool = False
    """Every finding of every section, and every reworded recommendation; else the briefing,
    and each section's few most important findings."""
    Label: type[Label] = Label
    listed: int = 3
    """Reworded recommendations shown without `full` when there are no more than this."""
    anchors: dict[tuple[str, Sentence | int], str] | None = None
    """(report, sentence) -> the id of its row on the side-by-side page, where there is one, and
    (report, line of a heading) -> its section's: cited lines become links to them."""
    marks: str = "markdown"
    """How word diffs are marked: "markdown", or for a terminal "colour" or "brackets" (`_diff.md.j2`)."""
    fuller: str = "`--detail full`"
    """How the reader asks for what the narrative leaves out."""
    sections: dict[str, str] | None = None
    """Section key -> the id of its part of the side-by-side page, where the narrative is part
    of the page: what the narrative leaves out is then in the rows below, not in a command."""

    def more(self, key: str, what: str = "them") -> str:
        """Where the rest is: "`--detail full` lists them", or on the page a link to the rows."""
        if self.sections and key in self.sections:
            return f"[the rows below](#{self.sections[key]}) show {what}"
        return f"{self.fuller} {'lists them' if what == 'them' else 'shows how'}"

    def value(self, citation: Citation) -> str:
        """A cited figure with its qualifier and period: "at least 63 (2022)"."""
        edition = self.narrative.old if citation.report == "old" else self.narrative.new
        return value(citation.fact, edition.data_year)

    def what(self, figure: KeyFigure) -> str:
        """What a key figure counts, its scope included: "traffickers convicted (state)"."""
        return label(figure.new.fact if figure.new.fact.label else figure.old.fact)

    def change(self, figure: KeyFigure) -> str:
        return change_text(figure)

    def direction(self, figure: KeyFigure) -> int:
        return direction(figure)

    def shows_diff(self, finding: Finding) -> bool:
        return shows_diff(finding)

    def subject(self, key: str) -> str:
        """A verdict's subject as a reader names it: "Tier", "Overall efforts", "Protection"."""
        return self.profile.title(key)

    def cite(self, sources: Iterable[Source | Citation | tuple[str, int, Sentence | None]]) -> str:
        """ "2022 l.25, l.27 → 2023 l.15": the lines of each report, old first, each a link to
        its row when the narrative is part of the page."""
        lines: dict[str, dict[int, Sentence | None]] = {"old": {}, "new": {}}
        for source in sources:
            report, line, sentence = (
                source if isinstance(source, tuple) else (source.report, source.sentence.line, source.sentence)
            )
            lines[report].setdefault(line, sentence)
        sides = []
        for report in ("old", "new"):
            if lines[report]:
                linked = [self._link(report, line, sentence) for line, sentence in sorted(lines[report].items())]
                sides.append(f"{self._edition(report)} " + ", ".join(linked))
        return " → ".join(sides)

    def line(self, source: Source | Citation) -> str:
        """ "2022 l.25", as a link to its row when the narrative is part of the page."""
        return f"{self._edition(source.report)} " + self._link(source.report, source.sentence.line, source.sentence)

    def _link(self, report: str, line: int, sentence: Sentence | None) -> str:
        anchor = self.anchors.get((report, sentence or line)) if self.anchors else None
        return f"[l.{line}](#{anchor})" if anchor else f"l.{line}"

    def _edition(self, report: str) -> str:
        """How a citation names a report: its year where the two years differ, else old or new."""
        old, new = self.narrative.old.year, self.narrative.new.year
        return str(old if report == "old" else new) if old and new and old != new else report

    def verdict_sources(self, *shifts: Shift) -> list[tuple[str, int, Sentence | None]]:
        """Where each report states these verdicts (a heading has no sentence, only a line)."""
        return [
            (report, verdict.line, verdict.sentence)
            for shift in shifts
            for report, verdict in (("old", shift.old), ("new", shift.new))
            if verdict
        ]

    def sources(self, change: Change) -> list[Source]:
        return [Source("old", s) for s in change.old] + [Source("new", s) for s in change.new]

    def where(self, figure: KeyFigure) -> str:
        """Where a key figure's two values stand: their section and lines."""
        old, new = figure.old, figure.new
        if old.section == new.section:
            return f"{self.profile.title(new.section)}: {self.cite([old, new])}"
        return f"{self.profile.title(old.section)}: {self.cite([old])}; {self.profile.title(new.section)}: {self.cite([new])}"

    @property
    def own_comparison(self) -> str | None:
        """The report whose own comparison gives a key figure's other value, if one does."""
        for figure in self.narrative.figures:
            if figure.old.report == "new" or figure.new.report == "old":
                return figure.old.report if figure.old.report == "new" else "old"
        return None

    @property
    def consecutive(self) -> bool:
        """The new report is the edition after the old one."""
        old, new = self.narrative.old.year, self.narrative.new.year
        return bool(old and new and new == old + 1)

    @property
    def backwards(self) -> bool:
        """The new report covers an earlier year than the old one."""
        old, new = self.narrative.old.data_year, self.narrative.new.data_year
        return bool(old and new and new < old)

    def only(self, presence: str) -> list[str]:
        """Titles of the sections only one report has ("old" or "new") that the other may just
        leave out; "both": of the sections both have."""
        return [
            self.profile.title(s.key)
            for s in self.narrative.sections
            if s.presence == presence and (s.left_out or presence == "both")
        ]

    @property
    def shared(self) -> list[str]:
        """Titles of the sections both reports have."""
        return self.only("both")


def render_narrative(
    narrative: Narrative,
    profile: Profile = TIP,
    anchors: dict[tuple[str, Sentence | int], str] | None = None,
    full: bool = False,
    marks: str = "markdown",
    fuller: str = "`--detail full`",
    sections: dict[str, str] | None = None,
) -> str:
    """The story of what changed: the briefing, key figures, recommendations, sections;
    `full` lists every finding; `marks`, `fuller` and `sections` as in `NarrativeContext`."""
    context = NarrativeContext(narrative, profile, full, anchors=anchors, marks=marks, fuller=fuller, sections=sections)
    return environment().get_template("narrative.md.j2").render(context=context)


@dataclass(frozen=True, slots=True)
class ChangesContext:
    """What `changes.md.j2` renders: the comparison, and how to name its sections."""

    comparison: Comparison
    profile: Profile
    Label: type[Label] = Label

    def chips(self, change: Change) -> list[Chip]:
        """What changed in a revised sentence's figures, like for like."""
        return chips(change, self.comparison.old.data_year, self.comparison.new.data_year)


def render_changes(comparison: Comparison, profile: Profile) -> str:
    """Per section: a line of counts, then every change that is not `unchanged`."""
    return environment().get_template("changes.md.j2").render(context=ChangesContext(comparison, profile))


def render_json(comparison: Comparison, narrative: Narrative | None = None) -> str:
    """The JSON form as one string; `jsonform.comparison_json` streams it."""
    return "".join(comparison_json(comparison, narrative))


@dataclass(frozen=True, slots=True)
class PageContext:
    """What `page.html.j2` renders: the narrative on top, the two reports side by side below."""

    comparison: Comparison
    narrative: Narrative
    sections: tuple[PageSection, ...]
    narrative_head: str
    """The narrative's title and editions, as HTML made by markdown-it-py from tipdiff's own
    escaped Markdown."""
    narrative_parts: tuple[tuple[str, str, bool], ...]
    """Its parts (briefing, key figures, ...): (title, HTML, shown open)."""

    @property
    def counts(self) -> dict[str, int]:
        return page_counts(self.sections)

    @property
    def changed(self) -> int:
        """How many rows the navigator steps through."""
        return sum(row.step for section in self.sections for run in section.runs for row in run.rows)

    def chips(self, change: Change) -> list[Chip]:
        """What changed in a revised sentence's figures, like for like."""
        return chips(change, self.comparison.old.data_year, self.comparison.new.data_year)


def row_anchors(comparison: Comparison) -> dict[tuple[str, Sentence | int], str]:
    """(report, sentence) -> the id of the page row that shows it (rows are numbered c1, c2, ...
    in the order of `comparison.changes`, as `page.py` numbers them)."""
    anchors: dict[tuple[str, Sentence | int], str] = {}
    for k, change in enumerate(comparison.changes, start=1):
        for side, sentences in (("old", change.old), ("new", change.new)):
            for sentence in sentences:
                anchors.setdefault((side, sentence), f"c{k}")
    return anchors


CLOSED_PARTS = ("Section by section",)
"""Narrative parts the page shows closed: its rows below are that detail."""


def narrative_parts(markdown: str) -> tuple[str, tuple[tuple[str, str, bool], ...]]:
    """The narrative's head as HTML, and each "## " part as (title, HTML, open)."""
    head, *parts = re.split(r"^## ", markdown, flags=re.MULTILINE)
    split = [part.partition("\n") for part in parts]
    return markdown_html(head), tuple(
        (title.strip(), markdown_html(body), title.strip() not in CLOSED_PARTS) for title, _, body in split
    )


def render_html(comparison: Comparison, narrative: Narrative, profile: Profile = TIP, full: bool = False) -> str:
    """One self-contained page: inline CSS and JS, no request leaves it."""
    sections = page_sections(comparison, narrative, profile.title)
    more = {s.key: s.id for s in reversed(sections)}  # a key's first section
    headings = {
        (report, section.line): more[section.name]
        for report, read in (("old", comparison.old), ("new", comparison.new))
        for section in read.sections
        if section.title and section.name in more
    }
    markdown = render_narrative(narrative, profile, row_anchors(comparison) | headings, full, sections=more)
    head, parts = narrative_parts(markdown)
    context = PageContext(comparison, narrative, sections, head, parts)
    return environment().get_template("page.html.j2").render(context=context)


FORMS = ("markdown", "changes", "html", "json")
"""What `render` writes."""


def render(
    comparison: Comparison, form: str = "markdown", profile: Profile | str | None = None, full: bool = False
) -> Iterable[str]:
    """A comparison written out, in pieces: "markdown" the narrative, "changes" every change with
    its word diff, "html" the narrative over the two reports side by side, "json" all of it as
    data. `full`: every finding of every section rather than the few most important. `profile`:
    by default the one the reports were read with."""
    profile = profile_named(profile) if profile is not None else comparison.profile or TIP
    if form == "changes":
        return [render_changes(comparison, profile)]
    if form == "json":
        return comparison_json(comparison, narrate(comparison, profile))
    if form == "html":
        return [render_html(comparison, narrate(comparison, profile), profile, full)]
    if form == "markdown":
        return [render_narrative(narrate(comparison, profile), profile, full=full)]
    raise UnknownFormat(f"{form!r} is not an output form; use one of {', '.join(FORMS)}")


def to_markdown(comparison: Comparison, profile: Profile | str | None = None, full: bool = False) -> str:
    """What changed, as Markdown: the briefing, key figures, recommendations, each section."""
    return "".join(render(comparison, "markdown", profile, full))


def to_html(comparison: Comparison, profile: Profile | str | None = None, full: bool = False) -> str:
    """One self-contained page: the narrative over the two reports side by side."""
    return "".join(render(comparison, "html", profile, full))


def to_json(comparison: Comparison, profile: Profile | str | None = None) -> str:
    """Every change and the narrative as JSON (the schema in the README)."""
    return "".join(render(comparison, "json", profile))


@dataclass(frozen=True, slots=True)
class TimelineContext:
    """What `timeline.md.j2` and `timeline.html.j2` render."""

    timeline: Timeline
    profile: Profile

    def year(self, edition: int) -> str:
        found = self.timeline.editions[edition].year
        return str(found) if found else self.timeline.editions[edition].name

    def covers(self, edition: int, section: str | None) -> bool:
        """Whether the edition has the section a measure stands in (a scrape, with no sections,
        may hold anything): a value it does not give is then not reported, not out of reach."""
        report = self.timeline.reports[edition]
        return not report.structured or section is None or any(s.key == section for s in report.sections)

    def cell(self, series: Series, period: Period, edition: int) -> str:
        """A value as the edition gives it ("at least 35"), "—" when the edition leaves it out,
        and nothing when the edition has no such section."""
        reading = series.reading(period, edition)
        if reading is None:
            return "—" if self.covers(edition, series.section) else ""
        fact = reading.fact
        return f"{fact.qualifier} {fact.text}" if fact.qualifier else fact.text

    def cite(self, edition: int, sentence: Sentence) -> str:
        return f"{self.year(edition)} l.{sentence.line}"

    def subject(self, key: str) -> str:
        return self.profile.title(key)

    def briefing(self, step: Step) -> str:
        """The briefing of one edition against the next, as the narrative words it."""
        text = render_narrative(narrate(step.comparison, self.profile), self.profile)
        start = text.find("## Briefing\n")
        if start < 0:
            return ""
        body = text[start + len("## Briefing\n") :]
        end = body.find("\n## ")
        return (body if end < 0 else body[:end]).strip()

    @property
    def shown(self) -> list[Series]:
        """The measures at least two editions give: what a reader follows across years."""
        return [s for s in self.timeline.series if len({r.edition for r in s.readings}) > 1]

    def sources(self, series: Series) -> list[str]:
        """Each edition's lines a series rests on, once each."""
        return list(dict.fromkeys(self.cite(r.edition, r.sentence) for r in series.readings))

    @property
    def with_recommendations(self) -> list[str]:
        key = self.profile.recommendations
        return [
            self.year(number)
            for number, report in enumerate(self.timeline.reports)
            if any(section.key == key for section in report.sections)
        ]

    def anchor(self, reading: Reading) -> str:
        return f"e{reading.edition}-s{reading.sentence.index}"

    @property
    def cited(self) -> list[Reading]:
        """One reading per sentence the page's charts and tables point to, edition by edition."""
        seen = {}
        for series in self.shown:
            for reading in series.readings:
                seen.setdefault(self.anchor(reading), reading)
        return sorted(seen.values(), key=lambda r: (r.edition, r.sentence.index))

    def briefing_html(self, step: Step) -> str:
        return markdown_html(self.briefing(step))

    def readings_of(self, series: Series, period: Period) -> list[Reading]:
        return [r for r in series.readings if r.period == period]

    def chart(self, series: Series, width: int = 420, height: int = 150) -> dict:
        """Where each edition's points go in a small line chart: x by period, y by value."""
        years = [p.year for p in series.periods]
        values = [float(r.fact.value) for r in series.readings]
        low, high = min(values), max(values)
        top = high if high > low else high + 1
        left, right, up, down = 46, 12, 12, 26

        def x(period: Period) -> float:
            span = (max(years) - min(years)) or 1
            return left + (period.year - min(years)) / span * (width - left - right)

        def y(value: float) -> float:
            base = min(low, 0)
            return up + (1 - (value - base) / ((top - base) or 1)) * (height - up - down)

        lines = []
        for edition in sorted({r.edition for r in series.readings}):
            points = [
                (round(x(r.period), 1), round(y(float(r.fact.value)), 1), r)
                for r in series.readings
                if r.edition == edition
            ]
            lines.append((edition, points))
        shown_years = sorted({p.year for p in series.periods})
        step = max(1, -(-len(shown_years) // 6))  # at most six labels under the axis
        labelled = {*shown_years[::step], shown_years[-1]}
        ticks = sorted({(round(x(Period(year)), 1), str(year)) for year in labelled})
        return {"width": width, "height": height, "lines": lines, "ticks": ticks,
                "top": (round(y(top), 1), _plain_number(top)), "bottom": (round(y(min(low, 0)), 1), _plain_number(min(low, 0))),
                "baseline": height - down}  # fmt: skip


def _plain_number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def render_timeline(timeline: Timeline, profile: Profile = TIP, form: str = "markdown") -> str:
    """The timeline as Markdown, or as one self-contained HTML page with a chart per measure."""
    context = TimelineContext(timeline, profile)
    if form == "html":
        return environment().get_template("timeline.html.j2").render(context=context)
    return environment().get_template("timeline.md.j2").render(context=context)
