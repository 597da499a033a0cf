"""One file checked: a report validated and read against the report before it and against the
folder it is filed in; a deleted report; a report read again because its previous one changed.

The same reading is done on two versions of the repository (`Tree`): the work tree, and the
tree at the change's base, so that a finding can be told to be new or already there.
Findings get the repository's severities here (`configured`).
"""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from tipdiff.check import git
from tipdiff.check.baseline import gist
from tipdiff.check.config import CheckConfig, Layout
from tipdiff.check.history import against_folder, against_previous
from tipdiff.check.plan import Planned
from tipdiff.errors import TipdiffError
from tipdiff.model import FileStatus, Narrative, ReportCheck, Violation
from tipdiff.narrative import narrate
from tipdiff.normalize import slug
from tipdiff.pipeline import compare, parse_report
from tipdiff.readers.text import decode, read_text, shown
from tipdiff.validate import broken, validate


@dataclass(frozen=True)
class Tree:
    """One version of the repository: the work tree (`commit` None) or the tree of a commit."""

    root: Path
    files: tuple[str, ...]
    """Its files (every file of a commit; in the work tree, those the pattern could name)."""
    layout: Layout
    commit: str | None = None

    @cached_property
    def reports(self) -> dict[tuple[str, int], str]:
        return self.layout.reports(self.files)

    def holding(self, place: tuple[str, int]) -> list[str]:
        """Every report file of one country and year (more than one is a mistake)."""
        return [p for p in sorted(self.files) if self.layout.place(p) == place and not self.layout.misfit(p)]

    def before(self, country: str, year: int) -> str | None:
        """The nearest earlier report of the same country (in a folder spelled the same, or with
        other capitals, accents or punctuation: "Peru", "côte-d’ivoire", "costa_rica")."""
        earlier = [
            (y, c == country, path) for (c, y), path in self.reports.items() if slug(c) == slug(country) and y < year
        ]
        return max(earlier)[2] if earlier else None

    def holds_year(self, country: str, year: int) -> str | None:
        """A report of the country (its folder spelled in any of those ways) for the year."""
        return next(
            (path for (c, y), path in sorted(self.reports.items()) if y == year and slug(c) == slug(country)), None
        )

    def text(self, path: str) -> str:
        """A file's text; what is wrong with it names the file as the repository does."""
        if self.commit is not None:
            return decode(git.file_at(self.root, self.commit, path), shown(path))
        try:
            return read_text(self.root / path)
        except TipdiffError as error:
            raise type(error)(str(error).replace(str(self.root / path), shown(path), 1)) from None


def check_file(item: Planned, here: Tree, there: Tree | None, config: CheckConfig) -> ReportCheck:
    """Validate one file and read it against the report before it and its folder."""
    layout, path = config.layout, item.path
    where = layout.place(path)
    country, year = where if where else (None, None)
    entry = ReportCheck(shown(path), _shown(country), year, None, (), None, item.status, _shown(item.renamed_from))
    misfit = layout.misfit(path) if layout.under(path) or where else None
    if misfit:  # notes, an index, a misnamed report: one warning, not a report's dozen errors
        violations = configured([broken("TD003", 1, misfit)], config)
        return replace(entry, country=None, year=None, violations=violations, read=False)
    findings: list[Violation] = []
    if not Path(path).is_absolute() and not (here.root / path).resolve().is_relative_to(here.root):
        outside = broken("TD002", 1, "links to a file outside the repository: not read")
        return replace(entry, violations=configured([*findings, outside], config), read=False)
    if where:
        findings += _misfiled(where, here, there, path)
        if where[1] > date.today().year:
            findings.append(broken("TD107", 1, f"the file is named for {where[1]}, a year still to come"))
    try:
        found, previous, narrative = read_findings(path, here, config, item.touched)
    except TipdiffError as error:
        findings.append(broken("TD001", 1, shown(str(error)).removeprefix(f"{shown(path)}: ")))
        return replace(entry, violations=configured(findings, config), read=False)
    return replace(
        entry, previous=_shown(previous), violations=configured(findings + found, config), narrative=narrative
    )


def recheck(path: str, here: Tree, config: CheckConfig) -> ReportCheck:
    """A report whose previous report changed, read again (what is new is told by `settled`)."""
    country, year = config.layout.place(path)  # type: ignore[misc]
    entry = ReportCheck(shown(path), shown(country), year, None, (), None, FileStatus.RECHECKED)
    try:
        found, previous, narrative = read_findings(path, here, config)
    except TipdiffError:
        return replace(entry, read=False)  # unchanged and unreadable: not this change's doing
    return replace(entry, previous=_shown(previous), violations=configured(found, config), narrative=narrative)


def read_findings(
    path: str, tree: Tree, config: CheckConfig, written: frozenset[int] | None = None
) -> tuple[list[Violation], str | None, Narrative | None]:
    """What the rules find in one report of `tree`, the previous report it was read against, and
    the narrative of what changed since it; `written` as in `validate`."""
    profile = config.profile
    where = config.layout.place(path) if not config.layout.misfit(path) else None
    text = tree.text(path)
    report = parse_report(text, shown(path), profile=profile)
    found = list(validate(text, report, profile, where[1] if where else None, written))
    if not where:
        return found, None, None
    found += against_folder(report, where[0], profile)
    previous, old = tree.before(*where), None
    while previous is not None and old is None:  # an unreadable year is passed over (its own check says why)
        try:
            old = parse_report(tree.text(previous), shown(previous), profile=profile)
        except TipdiffError:
            previous = tree.before(*tree.layout.place(previous))  # type: ignore[misc]
    if old is None:
        return found, None, None
    comparison = compare(old, report)
    narrative = narrate(comparison, profile)
    return (
        found + against_previous(comparison, narrative, shown(previous), profile, config.near_identical),
        previous,
        narrative,
    )


def earlier_findings(path: str, there: Tree | None, config: CheckConfig) -> Counter[str]:
    """What the rules found in a report before the change, by gist, with how many times each
    (nothing for a new report)."""
    if there is None or path not in there.files:
        return Counter()
    try:
        found, _, _ = read_findings(path, there, config)
    except TipdiffError:
        return Counter()
    return Counter(gist(v) for v in configured(found, config))


def deleted(path: str, renamed_to: str | None, config: CheckConfig) -> ReportCheck:
    """A published report that is gone: an error."""
    country, year = config.layout.place(path)  # type: ignore[misc]
    how = f"renamed to {shown(renamed_to)}" if renamed_to else "deleted"
    message = f"{how}: the published report of {shown(country)} for {year} is no longer in the repository"
    violations = configured([broken("TD005", 1, message)], config)
    return ReportCheck(shown(path), shown(country), year, None, violations, None, FileStatus.DELETED, read=False)


def _misfiled(place: tuple[str, int], here: Tree, there: Tree | None, path: str) -> list[Violation]:
    """A report filed where its country's other reports will not find it: in a folder spelled
    otherwise, or beside another file of the same year."""
    found = []
    if elsewhere := _case_variant(place[0], here, there):
        found.append(broken("TD003", 1, f"filed under {shown(place[0])}, but the country's other reports are"
                            f" under {shown(elsewhere)}: move it there"))  # fmt: skip
    if twins := [p for p in here.holding(place) if p != path]:
        found.append(broken("TD003", 1, f"{', '.join(map(shown, twins))} also holds {shown(place[0])} {place[1]}:"
                            " keep one file for a year"))  # fmt: skip
    return found


def _case_variant(country: str, here: Tree, there: Tree | None) -> str | None:
    """The country's established folder, when this one spells its name with other capitals or
    accents: the one that was there before the change, else the one with more reports."""
    count = Counter(c for c, _ in here.reports)
    others = {c for c in count if c != country and slug(c) == slug(country)}
    before = {c for c, _ in there.reports} if there else set()
    if not others or country in before:
        return None
    if established := sorted(others & before):
        return established[0]
    return max(sorted(others), key=count.__getitem__) if max(count[c] for c in others) >= count[country] else None


def configured(violations, config: CheckConfig) -> tuple[Violation, ...]:
    """The violations with the repository's severities; rules switched off are dropped."""
    kept = []
    for violation in violations:
        severity = config.severities.get(violation.rule, violation.severity)
        if severity is not None:
            kept.append(replace(violation, severity=severity))
    return tuple(sorted(kept, key=lambda v: (v.line, v.rule)))


def _shown(path: str | None) -> str | None:
    return shown(path) if path else None
