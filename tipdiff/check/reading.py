"""One file checked: a report validated and read against the report before it and against the
folder it is filed in; a deleted report; a report read again because its previous one changed.
Findings get the repository's severities here (`configured`)."""

from collections import Counter
from dataclasses import replace
from pathlib import Path

from tipdiff.check import git
from tipdiff.check.baseline import without_lines
from tipdiff.check.config import REPORT_SUFFIXES, CheckConfig, Layout, slug
from tipdiff.check.history import against_folder, against_previous
from tipdiff.check.plan import Planned
from tipdiff.errors import TipdiffError
from tipdiff.model import FileStatus, Report, ReportCheck, Violation
from tipdiff.narrative import narrate
from tipdiff.pipeline import compare, parse_report
from tipdiff.readers.text import decode, read_text, shown
from tipdiff.validate import broken, validate

CROSS_RULES = ("TD401", "TD402", "TD403", "TD404")
"""What a report's neighbours can change: the rules that read it against another report."""


def check_file(item: Planned, root: Path, config: CheckConfig, here: dict, there: dict) -> ReportCheck:
    """Validate one file and read it against the report before it and its folder."""
    layout, profile, path = config.layout, config.profile, item.path
    where = layout.place(path)
    country, year = where if where else (None, None)
    base = ReportCheck(shown(path), _shown(country), year, None, (), None, item.status, _shown(item.renamed_from))
    misfit = layout.misfit(path) if layout.under(path) or where else None
    findings = [broken("TD003", 1, misfit)] if misfit else []
    if misfit and (where or not _readable_suffix(path)):  # a .docx: not read; a misnamed .txt: read
        return replace(base, country=None, year=None, violations=configured(findings, config), read=False)
    if not (root / path).resolve().is_relative_to(root):
        outside = broken("TD002", 1, "links to a file outside the repository: not read")
        return replace(base, violations=configured([*findings, outside], config), read=False)
    if country is not None and (elsewhere := _case_variant(country, here, there)):
        findings.append(broken("TD003", 1, f"filed under {shown(country)}, but the country's other reports are"
                                   f" under {shown(elsewhere)}: it is compared with none of them"))  # fmt: skip
    try:
        text = _read(root, path)
        report = parse_report(text, shown(path), profile=profile)
    except TipdiffError as error:
        findings.append(broken("TD001", 1, shown(str(error))))
        return replace(base, violations=configured(findings, config))
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
    return replace(base, previous=previous, violations=configured(findings, config), narrative=narrative)


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


def deleted(path: str, renamed_to: str | None, layout: Layout) -> ReportCheck:
    """A published report that is gone: an error."""
    country, year = layout.place(path)  # type: ignore[misc]
    how = f"renamed to {shown(renamed_to)}" if renamed_to else "deleted"
    message = f"{how}: the published report of {shown(country)} for {year} is no longer in the repository"
    violation = broken("TD005", 1, message)
    return ReportCheck(shown(path), shown(country), year, None, (violation,), None, FileStatus.DELETED, read=False)


def recheck(path: str, root: Path, config: CheckConfig, here: dict, there: dict, since: str | None) -> ReportCheck:
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
    return replace(base, previous=shown(found), violations=configured(new, config), narrative=narrative)


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


def configured_check(check: ReportCheck, config: CheckConfig) -> ReportCheck:
    return replace(check, violations=configured(check.violations, config))


def configured(violations, config: CheckConfig) -> tuple[Violation, ...]:
    """The violations with the repository's severities; rules switched off are dropped."""
    kept = []
    for violation in violations:
        severity = config.severities.get(violation.rule, violation.severity)
        if severity is not None:
            kept.append(replace(violation, severity=severity))
    return tuple(sorted(kept, key=lambda v: (v.line, v.rule)))


def _readable_suffix(path: str) -> bool:
    return "." in path.rsplit("/", 1)[-1] and path.rsplit(".", 1)[-1].lower() in REPORT_SUFFIXES


def _shown(path: str | None) -> str | None:
    return shown(path) if path else None
