"""Rendering: a comparison as JSON or Markdown text. All prose lives in `templates/`."""

import re
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from pathlib import Path

import jinja2

from tipdiff.check import CheckRun
from tipdiff.jsonform import comparison_json
from tipdiff.markdown import markdown_html
from tipdiff.model import (
    Change,
    Citation,
    Comparison,
    KeyFigure,
    Label,
    Narrative,
    ReportCheck,
    SectionComparison,
    Sentence,
    Severity,
)
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP
from tipdiff.validate import RULES, Rule
from tipdiff.wording import Chip, change_text, chips, label, signed, value

_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|~&]")
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
    env.filters["signed"] = signed
    env.filters["workflow_data"] = workflow_data
    env.filters["workflow_property"] = workflow_property
    env.tests["failing_report"] = fails
    return env


def fails(report: ReportCheck, strict: bool) -> bool:
    """Whether a report fails the check: an error, or with `strict` any warning."""
    return bool(report.count(Severity.ERROR) or (strict and report.count(Severity.WARNING)))


def workflow_data(text: str) -> str:
    """Text for a GitHub workflow command's message: %, CR and LF escaped, as GitHub documents."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """Text for a workflow command's property (file=, title=): also : and , escaped."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def escape_markdown(text: str) -> str:
    """Report text as literal Markdown on one line: its asterisks and brackets are not markup."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", re.sub(r"\s+", " ", text))
    return _LIST_START.sub(r"\1\\\2", escaped)  # "2021. …" would start a numbered list


@dataclass(frozen=True, slots=True)
class NarrativeContext:
    """What `narrative.md.j2` renders."""

    narrative: Narrative
    profile: Profile
    Label: type[Label] = Label
    listed: int = 8
    """Findings of one kind listed per section when there are many (more than two over):
    the rest are counted, and every one is in `--format changes` and the HTML view."""
    anchors: dict[tuple[str, Sentence], str] | None = None
    """(report, sentence) -> the id of its row on the side-by-side page, where there is one:
    cited lines become links to it."""

    def value(self, citation: Citation) -> str:
        """A cited figure with its qualifier and period: "at least 63 (2022)"."""
        edition = self.narrative.old if citation.report == "old" else self.narrative.new
        return value(citation.fact, edition.data_year)

    def what(self, figure: KeyFigure) -> str:
        """What a key figure counts, its scope included: "traffickers convicted (state)"."""
        return label(figure.new.fact if figure.new.fact.label else figure.old.fact)

    def change(self, figure: KeyFigure) -> str:
        return change_text(figure)

    def line(self, citation: Citation) -> str:
        """ "old line 25", as a link to its row when the narrative is part of the page."""
        text = f"{citation.report} line {citation.sentence.line}"
        anchor = self.anchors.get((citation.report, citation.sentence)) if self.anchors else None
        return f"[{text}](#{anchor})" if anchor else text

    def where(self, figure: KeyFigure) -> str:
        """Where a key figure's two values stand: each value's section and line."""
        old, new = figure.old, figure.new
        if (old.report, old.sentence.line) == (new.report, new.sentence.line):
            return f"{self.profile.title(new.section)}: {self.line(new)}"
        if old.section == new.section:
            return f"{self.profile.title(new.section)}: {self.line(old)}, {self.line(new)}"
        return (
            f"{self.profile.title(old.section)}: {self.line(old)}; {self.profile.title(new.section)}: {self.line(new)}"
        )

    @property
    def backwards(self) -> bool:
        """The new report covers an earlier year than the old one."""
        old, new = self.narrative.old.data_year, self.narrative.new.data_year
        return bool(old and new and new < old)

    def only(self, presence: str) -> list[str]:
        """Titles of the sections only one report has ("old" or "new")."""
        return [self.profile.title(s.key) for s in self.narrative.sections if s.presence == presence]

    @property
    def shared(self) -> list[str]:
        """Titles of the sections both reports have."""
        return self.only("both")


def render_narrative(
    narrative: Narrative, profile: Profile = TIP, anchors: dict[tuple[str, Sentence], str] | None = None
) -> str:
    """The story of what changed: headline shifts, key figures, recommendations, sections."""
    context = NarrativeContext(narrative, profile, anchors=anchors)
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
    profile: Profile
    narrative_html: str
    """The narrative as HTML, made by markdown-it-py from tipdiff's own escaped Markdown."""
    Label: type[Label] = Label

    def runs(self, section: SectionComparison) -> list[tuple[bool, tuple[Change, ...]]]:
        """The section's changes as runs: (True, unchanged sentences) to fold, (False, one change)."""
        runs: list[tuple[bool, tuple[Change, ...]]] = []
        for unchanged, group in groupby(section.changes, key=lambda c: c.label is Label.UNCHANGED):
            changes = tuple(group)
            runs += [(True, changes)] if unchanged else [(False, (change,)) for change in changes]
        return runs

    def section_id(self, index: int) -> str:
        """A section's anchor: its key, made unique, never one of the page's own ids."""
        key = self.comparison.sections[index].key
        earlier = any(s.key == key for s in self.comparison.sections[:index])
        return f"section-{key}-{index}" if earlier else f"section-{key}"

    def moved_from(self, change: Change) -> int:
        """Index of the section a moved sentence came from (the first with its old key)."""
        return next((i for i, s in enumerate(self.comparison.sections) if s.key == change.old_section), 0)

    def chips(self, change: Change) -> list[Chip]:
        """What changed in a revised sentence's figures, like for like."""
        return chips(change, self.comparison.old.data_year, self.comparison.new.data_year)


def row_anchors(comparison: Comparison) -> dict[tuple[str, Sentence], str]:
    """(report, sentence) -> the id of the page row that shows it (rows are numbered c1, c2, ...
    in the order of `comparison.changes`, as `page.html.j2` numbers them)."""
    anchors: dict[tuple[str, Sentence], str] = {}
    for k, change in enumerate(comparison.changes, start=1):
        for side, sentences in (("old", change.old), ("new", change.new)):
            for sentence in sentences:
                anchors.setdefault((side, sentence), f"c{k}")
    return anchors


def render_html(comparison: Comparison, narrative: Narrative, profile: Profile = TIP) -> str:
    """One self-contained page: inline CSS and JS, no request leaves it."""
    narrative_html = markdown_html(render_narrative(narrative, profile, row_anchors(comparison)))
    context = PageContext(comparison, narrative, profile, narrative_html)
    return environment().get_template("page.html.j2").render(context=context)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What the `check.*` templates render: the run, the rules, and each comparison's narrative."""

    run: CheckRun
    profile: Profile
    narratives: dict[str, str]
    """Report path -> the narrative of what changed since the previous report, as Markdown."""
    rules: dict[str, Rule]
    Severity: type[Severity] = Severity


def render_check(run: CheckRun, form: str, profile: Profile = TIP) -> str:
    """The check in one of its forms: text (for people), annotations (GitHub), summary
    (Markdown for a step summary), junit (XML for other CI systems)."""
    narratives = {r.path: render_narrative(r.narrative, profile) for r in run.reports if r.narrative}
    context = CheckContext(run, profile, narratives if form == "summary" else {}, RULES)
    template = {"text": "check.txt.j2", "annotations": "check.annotations.j2", "summary": "check.md.j2",
                "junit": "check.junit.xml.j2"}[form]  # fmt: skip
    return environment().get_template(template).render(context=context)
