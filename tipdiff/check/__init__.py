"""Checking a repository of reports: every file a change touched is accounted for, each report
is validated and read against the report before it, and nothing passes without a word.

Reports live at paths that say their country and year (by default
`reports/{country}/{year}.{ext}`, see `tipdiff.check.config`). For a change since a git ref:
- an added, edited or renamed report is validated (`tipdiff.validate`) and compared with the
  nearest earlier report of its country (`tipdiff.check.history`);
- a deleted report is an error (TD005), a file in the reports folder that is not a report is a
  warning (TD003), any other file is listed as ignored, with the reason;
- the report after an edited, added or deleted year is compared again with its new neighbour,
  and what that comparison finds that it did not find before the change is reported;
- warnings on lines the change did not touch are left out (errors never are), unless asked
  for; findings accepted in the settings or a baseline file are listed with their reasons.
"""

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from tipdiff.check import git
from tipdiff.check.baseline import Acceptance, load_baseline, without_lines
from tipdiff.check.config import REPORT_SUFFIXES, BadConfig, CheckConfig, Layout, load_config, slug
from tipdiff.check.git import GitFailed
from tipdiff.check.history import against_folder, against_previous
from tipdiff.errors import TipdiffError
from tipdiff.model import Accepted, FileStatus, Report, ReportCheck, Severity, Violation
from tipdiff.narrative import narrate
from tipdiff.pipeline import compare, parse_report
from tipdiff.readers.text import decode, read_text, shown
from tipdiff.validate import RULES, validate

__all__ = ["BadConfig", "CheckRun", "GitFailed", "Ignored", "run_check"]

CROSS_RULES = ("TD401", "TD402", "TD403", "TD404")
"""What a report's neighbours can change: the rules that read it against another report."""
_STATUS = {"A": FileStatus.ADDED, "C": FileStatus.ADDED, "M": FileStatus.MODIFIED, "T": FileStatus.MODIFIED}


@dataclass(frozen=True, slots=True)
class Ignored:
    """A changed file that is not a report, and why it was not checked."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class CheckRun:
    """The outcome of `tipdiff check`: every file looked at, and whether that fails the build."""

    reports: tuple[ReportCheck, ...]
    strict: bool
    """Warnings fail the check too."""
    base: str | None = None
    ignored: tuple[Ignored, ...] = ()
    folder: str = ""
    """The reports folder of the layout ("reports/")."""
    every: bool = False
    """Warnings on lines the change did not touch are shown too (--all)."""
    root: Path | None = None
    """The repository's work tree."""

    def count(self, severity: Severity) -> int:
        return sum(report.count(severity) for report in self.reports)

    @property
    def checked(self) -> tuple[ReportCheck, ...]:
        """The reports read and checked, each in its country and year."""
        return tuple(r for r in self.reports if r.read and r.country is not None)

    @property
    def selected_none(self) -> bool:
        """Files in the reports folder changed, but not one of them is a report that was checked."""
        return bool(self.reports) and not self.checked

    @property
    def exit_code(self) -> int:
        """0 when all is well, 1 when a rule failed (a warning too, when strict) or when files in
        the reports folder changed and none of them is a report."""
        failed = self.count(Severity.ERROR) or (self.strict and self.count(Severity.WARNING))
        return int(bool(failed or self.selected_none))


@dataclass(frozen=True, slots=True)
class _Planned:
    path: str
    status: FileStatus
    renamed_from: str | None = None
    touched: frozenset[int] | None = None
    """The lines the change wrote, None for all."""


def run_check(
    paths: list[str],
    base: str | None,
    start: Path,
    strict: bool = False,
    every: bool = False,
    begin: Callable[[str, int], None] = lambda description, total: None,
    baseline: Path | None = None,
) -> CheckRun:
    """Check the reports named (files or folders), or every file changed since `base` (limited to
    `paths` when given too), in the repository holding `start`. `begin(description, total)` is
    called as each of the `total` files is begun (for progress); `baseline` names a baseline
    file to use instead of the settings' one."""
    found_root = git.repository_root(start)
    root = (found_root or start).resolve()
    config = load_config(root)
    accepted = baseline or (root / config.baseline if config.baseline else None)
    acceptance = Acceptance(config.ignores, load_baseline(accepted) if accepted else None)
    layout = config.layout
    here = layout.reports(_work_tree_files(root, layout))
    if base is None:
        if not paths:
            raise TipdiffError("name the reports to check, or give --base to check those changed since a git ref")
        plan, ignored, gone, since = _named(paths, start, root, layout), [], [], None
    else:
        if found_root is None:
            raise GitFailed(f"--base needs a git repository, and {shown(start)} is in none")
        since = git.merge_base(root, git.commit_of(root, base))
        changes = [c for c in git.changes_since(root, since) if _within(c, paths, start, root)]
        plan, ignored, gone = _changed(changes, layout, root, since)
    there = layout.reports(git.files_at(root, since)) if since else {}

    checks: list[ReportCheck] = []
    total = len(plan) + len(gone)
    for item in plan:
        begin(f"Checking {shown(item.path)}", total)
        checks.append(_settled(_check_file(item, root, config, here, there), item.touched, acceptance, every))
    for path, renamed_to in gone:
        begin(f"Checking {shown(path)}", total)
        if kept := here.get(layout.place(path)):  # type: ignore[arg-type]
            ignored.append(
                Ignored(shown(path), f"{'renamed' if renamed_to else 'deleted'}; {shown(kept)} holds its year")
            )
        else:
            deleted = _configured_check(_deleted(path, renamed_to, layout), config)
            checks.append(_settled(deleted, None, acceptance, every))

    changed = [item.path for item in plan] + [path for path, _ in gone]
    years = {where for path in changed if (where := layout.place(path)) and not layout.misfit(path)}
    for path in _neighbours(years, here, set(changed)) if since else ():
        begin(f"Re-checking {shown(path)}", total)
        rechecked = _recheck(path, root, config, here, there, since)
        checks.append(_settled(rechecked, None, acceptance, every))
    return CheckRun(tuple(checks), strict, base, tuple(ignored), layout.folder, every, root)


def _work_tree_files(root: Path, layout: Layout) -> list[str]:
    """The files in the work tree the pattern could name (links out of the repository left out)."""
    glob = layout.pattern.replace("{country}", "*").replace("{year}", "*").replace("{ext}", "*")
    return [p.relative_to(root).as_posix() for p in root.glob(glob) if p.resolve().is_relative_to(root)]


def _within(change: git.FileChange, paths: list[str], start: Path, root: Path) -> bool:
    """Whether a change is under one of the paths given with --base (all, when none is)."""
    if not paths:
        return True
    given = [_in_repository(Path(p), start, root) for p in paths]
    return any(change.path == g or change.path.startswith(g.rstrip("/") + "/") or g == "" for g in given)


def _in_repository(path: Path, start: Path, root: Path) -> str:
    """A path given relative to where the command runs, as the repository names it: its folders
    resolved, its last part not (a link is named as itself)."""
    absolute = path if path.is_absolute() else start / path
    parent = Path(os.path.realpath(absolute.parent))
    whole = parent if absolute.name in ("", ".") else parent / absolute.name
    try:
        relative = whole.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()
    return "" if relative == "." else relative


def _named(paths: list[str], start: Path, root: Path, layout: Layout) -> list[_Planned]:
    """The reports named on the command line; a folder stands for the reports in it."""
    plan = []
    for given in paths:
        name = _in_repository(Path(given), start, root)
        if (root / name).is_dir() and not (root / name).is_symlink():
            inside = sorted(layout.reports(_work_tree_files(root, layout)).values())
            plan += [_Planned(p, FileStatus.NAMED) for p in inside if not name or p.startswith(name.rstrip("/") + "/")]
        else:
            plan.append(_Planned(name, FileStatus.NAMED))
    return list({item.path: item for item in plan}.values())


def _changed(changes: Iterable[git.FileChange], layout: Layout, root: Path, since: str):
    """What to do with each changed path: check it, report its deletion, or say why it is ignored."""
    plan, ignored, gone = [], [], []
    for change in changes:
        old = change.old_path if change.status == "R" else None
        if old and not layout.excluded(old) and layout.place(old) and not layout.misfit(old):
            gone.append((old, change.path))
        path = change.path
        if not layout.under(path) and not layout.place(path):
            ignored.append(Ignored(shown(path), f"outside the reports folder {layout.folder}"))
        elif layout.excluded(path):
            ignored.append(Ignored(shown(path), "excluded: not a report by its name or the settings"))
        elif change.status == "D":
            if layout.place(path) and not layout.misfit(path):
                gone.append((path, None))
            else:
                ignored.append(Ignored(shown(path), "deleted, and not a report"))
        else:
            status = FileStatus.RENAMED if old else _STATUS.get(change.status, FileStatus.MODIFIED)
            touched = git.touched_lines(root, since, path) if status is FileStatus.MODIFIED else None
            plan.append(_Planned(path, status, old, touched))
    return plan, ignored, gone


def _check_file(item: _Planned, root: Path, config: CheckConfig, here: dict, there: dict) -> ReportCheck:
    """Validate one file and read it against the report before it and its folder."""
    layout, profile, path = config.layout, config.profile, item.path
    where = layout.place(path)
    country, year = where if where else (None, None)
    base = ReportCheck(shown(path), _shown(country), year, None, (), None, item.status, _shown(item.renamed_from))
    misfit = layout.misfit(path) if layout.under(path) or where else None
    findings = [_violation("TD003", 1, misfit)] if misfit else []
    if misfit and (where or not _readable_suffix(path)):  # a .docx: not read; a misnamed .txt: read
        return replace(base, country=None, year=None, violations=_configured(findings, config), read=False)
    if not (root / path).resolve().is_relative_to(root):
        outside = _violation("TD002", 1, "links to a file outside the repository: not read")
        return replace(base, violations=_configured([*findings, outside], config), read=False)
    if country is not None and (elsewhere := _case_variant(country, here, there)):
        findings.append(_violation("TD003", 1, f"filed under {shown(country)}, but the country's other reports are"
                                   f" under {shown(elsewhere)}: it is compared with none of them"))  # fmt: skip
    try:
        text = _read(root, path)
        report = parse_report(text, shown(path), profile=profile)
    except TipdiffError as error:
        findings.append(_violation("TD001", 1, shown(str(error))))
        return replace(base, violations=_configured(findings, config))
    findings += validate(text, report, profile, year)
    previous, narrative = None, None
    if country is not None and year is not None:
        findings += against_folder(report, country, profile)
        if found := _before(here, country, year):
            previous = shown(found)
            compared = _read_against(found, report, root, config)
            if compared:
                comparison, narrative = compared
                findings += against_previous(comparison, narrative, previous, profile, config.near_identical)
    return replace(base, previous=previous, violations=_configured(findings, config), narrative=narrative)


def _read(root: Path, path: str) -> str:
    """A file's text; what is wrong with it names the file as the repository does."""
    try:
        return read_text(root / path)
    except TipdiffError as error:
        raise type(error)(str(error).replace(str(root / path), shown(path), 1)) from None


def _read_against(found: str, report: Report, root: Path, config: CheckConfig):
    """The comparison of `report` with the previous report at `found`, and its narrative; None
    when that report cannot be read (its own check says why)."""
    try:
        old = parse_report(_read(root, found), shown(found), profile=config.profile)
    except TipdiffError:
        return None
    comparison = compare(old, report)
    return comparison, narrate(comparison, config.profile)


def _deleted(path: str, renamed_to: str | None, layout: Layout) -> ReportCheck:
    """A published report that is gone: an error."""
    country, year = layout.place(path)  # type: ignore[misc]
    how = f"renamed to {shown(renamed_to)}" if renamed_to else "deleted"
    message = f"{how}: the published report of {shown(country)} for {year} is no longer in the repository"
    violation = _violation("TD005", 1, message)
    return ReportCheck(shown(path), shown(country), year, None, (violation,), None, FileStatus.DELETED, read=False)


def _neighbours(years: set[tuple[str, int]], here: dict[tuple[str, int], str], done: set[str]) -> list[str]:
    """The report after each changed year of a country, when it is not checked already."""
    after = []
    for country, year in sorted(years):
        later = sorted((y, path) for (c, y), path in here.items() if c == country and y > year)
        if later and later[0][1] not in done and later[0][1] not in after:
            after.append(later[0][1])
    return after


def _recheck(path: str, root: Path, config: CheckConfig, here: dict, there: dict, since: str | None) -> ReportCheck:
    """A report whose previous report changed, read against its new previous report; only what
    was not found against the old one is reported."""
    country, year = config.layout.place(path)  # type: ignore[misc]
    base = ReportCheck(shown(path), shown(country), year, None, (), None, FileStatus.RECHECKED)
    try:
        report = parse_report(_read(root, path), shown(path), profile=config.profile)
    except TipdiffError:
        return replace(base, read=False)  # unchanged and unreadable: not this change's doing
    found = _before(here, country, year)
    if not found:
        return base
    compared = _read_against(found, report, root, config)
    if not compared:
        return replace(base, previous=shown(found))
    comparison, narrative = compared
    now = against_previous(comparison, narrative, shown(found), config.profile, config.near_identical)
    before = _before(there, country, year)
    known = set()
    if since and before:
        try:
            old = parse_report(decode(git.file_at(root, since, before), before), shown(before), profile=config.profile)
            then = compare(old, report)
            known = {_gist(v) for v in against_previous(then, narrate(then, config.profile), shown(before),
                                                        config.profile, config.near_identical)}  # fmt: skip
        except TipdiffError:
            pass
    new = [v for v in now if v.rule in CROSS_RULES and _gist(v) not in known]
    return replace(base, previous=shown(found), violations=_configured(new, config), narrative=narrative)


def _gist(violation: Violation) -> tuple[str, str]:
    """A finding without its lines and the previous report's name, to tell it again."""
    return violation.rule, without_lines(violation.message.split(" in ", 1)[0])


def _before(reports: dict[tuple[str, int], str], country: str, year: int) -> str | None:
    """The nearest earlier report of the same country."""
    earlier = [(y, path) for (c, y), path in reports.items() if c == country and y < year]
    return max(earlier)[1] if earlier else None


def _case_variant(country: str, here: dict[tuple[str, int], str], there: dict[tuple[str, int], str]) -> str | None:
    """The country's established folder, when this one spells its name with other capitals or
    accents: the one that was there before the change, else the one with more reports."""
    others = {c for c, _ in here if c != country and slug(c) == slug(country)}
    before = {c for c, _ in there}
    if not others or country in before:
        return None
    if established := sorted(others & before):
        return established[0]
    count = Counter(c for c, _ in here)
    return max(sorted(others), key=count.__getitem__) if max(count[c] for c in others) >= count[country] else None


def _settled(check: ReportCheck, touched: frozenset[int] | None, acceptance: Acceptance, every: bool) -> ReportCheck:
    """The findings to show: accepted ones set apart with their reasons; warnings on lines the
    change did not touch set apart unless `every`."""
    shown_now, untouched, accepted = [], [], []
    for violation in check.violations:
        reason = acceptance.reason(check.path, violation)
        last = violation.end_line or violation.line
        if reason is not None:
            accepted.append(Accepted(violation, reason))
        elif (
            not every
            and touched is not None
            and violation.severity is Severity.WARNING
            and not any(line in touched for line in range(violation.line, last + 1))
        ):
            untouched.append(violation)
        else:
            shown_now.append(violation)
    return replace(check, violations=tuple(shown_now), untouched=tuple(untouched), accepted=tuple(accepted))


def _configured_check(check: ReportCheck, config: CheckConfig) -> ReportCheck:
    return replace(check, violations=_configured(check.violations, config))


def _configured(violations, config: CheckConfig) -> tuple[Violation, ...]:
    """The violations with the repository's severities; rules switched off are dropped."""
    kept = []
    for violation in violations:
        severity = config.severities.get(violation.rule, violation.severity)
        if severity is not None:
            kept.append(replace(violation, severity=severity))
    return tuple(sorted(kept, key=lambda v: (v.line, v.rule)))


def _violation(rule: str, line: int, message: str) -> Violation:
    return Violation(rule, RULES[rule].severity, line, message)


def _readable_suffix(path: str) -> bool:
    return "." in path.rsplit("/", 1)[-1] and path.rsplit(".", 1)[-1].lower() in REPORT_SUFFIXES


def _shown(path: str | None) -> str | None:
    return shown(path) if path else None
