"""Checking a repository of reports: which reports changed, are they sound, what changed since last year.

Reports live at paths that say their country and year (by default
`reports/{country}/{year}.{ext}`, configurable in `[tool.tipdiff]` of pyproject.toml or
in tipdiff.toml). Each report is validated, then compared with the nearest earlier report
of its country, whose figures for earlier years it should not contradict.
"""

import os
import re
import subprocess
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tipdiff.errors import TipdiffError
from tipdiff.model import KeyFigure, ReportCheck, Severity, Violation
from tipdiff.narrative import narrate
from tipdiff.pipeline import PROFILES, compare, parse_report
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP
from tipdiff.readers.text import read_text, shown
from tipdiff.validate import RULES, validate
from tipdiff.wording import label

DEFAULT_PATTERN = "reports/{country}/{year}.{ext}"


class BadConfig(TipdiffError):
    "The [tool.tipdiff] settings cannot be used"


class GitFailed(TipdiffError):
    "git could not say which files changed"


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Settings from `[tool.tipdiff]` in pyproject.toml, or from tipdiff.toml."""

    pattern: str = DEFAULT_PATTERN
    """Where reports live; {country} and {year} name the parts of the path that say them."""
    profile: Profile = TIP
    severities: dict[str, Severity | None] = field(default_factory=dict)
    """Rule id -> severity, or None to switch the rule off."""


def load_config(root: Path) -> CheckConfig:
    """The settings of the repository at `root`, defaults where it has none."""
    settings: dict = {}
    pyproject, own = root / "pyproject.toml", root / "tipdiff.toml"
    source = own if own.is_file() else pyproject
    try:
        if own.is_file():
            settings = tomllib.loads(own.read_text(encoding="utf-8"))
        elif pyproject.is_file():
            tool = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
            settings = tool.get("tipdiff", {}) if isinstance(tool, dict) else None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise BadConfig(f"{source}: {error}") from None
    if not isinstance(settings, dict):
        raise BadConfig(f"{source}: the tipdiff settings must be a table ([tool.tipdiff])")
    pattern = settings.get("pattern", DEFAULT_PATTERN)
    if not isinstance(pattern, str) or "{country}" not in pattern or "{year}" not in pattern:
        raise BadConfig(f"{source}: pattern {pattern!r} must be a string naming {{country}} and {{year}}")
    profile = settings.get("profile", "tip")
    if not isinstance(profile, str) or profile not in PROFILES:
        raise BadConfig(f"{source}: profile {profile!r} is not one of {', '.join(PROFILES)}")
    severity = settings.get("severity", {})
    if not isinstance(severity, dict):
        raise BadConfig(f'{source}: severity must be a table of rule ids (severity.TD106 = "off")')
    severities: dict[str, Severity | None] = {}
    for rule, level in severity.items():
        if rule not in RULES or not isinstance(level, str) or level not in ("error", "warning", "off"):
            raise BadConfig(f"{source}: severity.{rule} = {level!r}: use a rule id and error, warning or off")
        severities[rule] = None if level == "off" else Severity(level)
    return CheckConfig(pattern, PROFILES[profile], severities)


def path_regex(pattern: str) -> re.Pattern[str]:
    """The pattern as a regular expression with groups country, year and ext."""
    parts = re.split(r"(\{country\}|\{year\}|\{ext\})", pattern)
    groups = {"{country}": r"(?P<country>[^/]+)", "{year}": r"(?P<year>\d{4})", "{ext}": r"(?P<ext>[^/.]+)"}
    return re.compile("".join(groups.get(part, re.escape(part)) for part in parts) + "$")


def changed_reports(root: Path, base: str, pattern: str) -> list[str]:
    """Reports added or modified since `base` (as a pull request sees them: since the merge base)."""
    command = ["git", "-C", str(root), "diff", "--name-status", "--no-renames", f"{base}...HEAD", "--"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise GitFailed(f"cannot run git ({error.strerror})") from None
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()[0] if result.stderr.strip() else "git diff failed"
        raise GitFailed(f"git diff against {base}: {message}")
    regex = path_regex(pattern)
    paths = []
    for line in result.stdout.splitlines():
        status, _, path = line.partition("\t")
        if status[:1] in ("A", "M") and regex.search(path):
            paths.append(path)
    return paths


def repository_root(start: Path) -> Path:
    """The git work tree holding `start`, or `start` itself outside git."""
    result = subprocess.run(
        ["git", "-C", str(start), "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False
    )
    return Path(result.stdout.strip()) if result.returncode == 0 else start


def check_report(path: str, root: Path, config: CheckConfig) -> ReportCheck:
    """Validate one report and compare it with the previous one of its country."""
    relative = _relative(Path(path), root)
    match = path_regex(config.pattern).search(relative)
    country, year = (match["country"], int(match["year"])) if match else (None, None)
    if not Path(path).resolve().is_relative_to(root.resolve()):
        outside = Violation("TD002", RULES["TD002"].severity, 1, "links to a file outside the repository: not read")
        return ReportCheck(relative, country, year, None, _configured((outside,), config), None)
    try:
        text = read_text(path)
        report = parse_report(text, relative, profile=config.profile)
    except TipdiffError as error:
        violation = Violation("TD001", RULES["TD001"].severity, 1, shown(str(error)))
        return ReportCheck(relative, country, year, None, _configured((violation,), config), None)

    violations = list(validate(text, report, config.profile, year))
    found = _previous_report(root, config.pattern, country, year) if match else None
    previous = shown(found) if found else None  # as it is printed; `found` is what is read
    narrative = None
    if found and previous:
        try:
            old = parse_report(read_text(root / found), previous, profile=config.profile)
        except TipdiffError:
            old = None  # the previous report's own check says what is wrong with it
        if old:
            narrative = narrate(compare(old, report), config.profile)
            violations += [_restated(figure, previous) for figure in narrative.figures if figure.restated]
    return ReportCheck(relative, country, year, previous, _configured(violations, config), narrative)


def _restated(figure: KeyFigure, previous: str) -> Violation:
    period = figure.new.fact.period or figure.old.fact.period
    message = (
        f"{label(figure.new.fact)}{f' for {period}' if period else ''}: {figure.old.fact.text} in {previous}"
        f" (line {figure.old.sentence.line}), {figure.new.fact.text} here"
    )
    return Violation("TD401", RULES["TD401"].severity, figure.new.sentence.line, message)


def _previous_report(root: Path, pattern: str, country: str, year: int) -> str | None:
    """The nearest earlier report of the same country in the work tree."""
    regex = path_regex(pattern)
    glob = pattern.replace("{country}", country).replace("{year}", "*").replace("{ext}", "*")
    earlier = []
    for candidate in root.glob(glob):
        match = regex.search(candidate.relative_to(root).as_posix())
        inside = candidate.resolve().is_relative_to(root.resolve())  # a link out of it is not read (TD002)
        if match and inside and match["country"] == country and int(match["year"]) < year:
            earlier.append((int(match["year"]), candidate.relative_to(root).as_posix()))
    return max(earlier)[1] if earlier else None


def _configured(violations, config: CheckConfig) -> tuple[Violation, ...]:
    """The violations with the repository's severities; rules switched off are dropped."""
    kept = []
    for violation in violations:
        severity = config.severities.get(violation.rule, violation.severity)
        if severity is not None:
            kept.append(replace(violation, severity=severity))
    return tuple(sorted(kept, key=lambda v: (v.line, v.rule)))


def _relative(path: Path, root: Path) -> str:
    """The report's own path in the repository, printable: a link is named as itself, not as
    what it links to (its folders are resolved, its last part is not)."""
    try:
        own = Path(os.path.realpath(path.parent)) / path.name
        return shown(own.relative_to(root.resolve()).as_posix())
    except ValueError:
        return shown(path.as_posix())


@dataclass(frozen=True, slots=True)
class CheckRun:
    """The outcome of `tipdiff check`: every report checked, and whether that fails the build."""

    reports: tuple[ReportCheck, ...]
    strict: bool
    """Warnings fail the check too."""
    base: str | None = None

    def count(self, severity: Severity) -> int:
        return sum(report.count(severity) for report in self.reports)

    @property
    def exit_code(self) -> int:
        """0 when all is well, 1 when a rule failed (a warning too, when strict)."""
        return int(bool(self.count(Severity.ERROR) or (self.strict and self.count(Severity.WARNING))))


def run_check(
    paths: list[str],
    base: str | None,
    start: Path,
    strict: bool = False,
    begin: Callable[[str, int], None] = lambda description, total: None,
) -> CheckRun:
    """Check the reports named, or those changed since `base`, in the repository holding `start`;
    `begin(description, total)` is called as each of the `total` reports is begun (for progress)."""
    root = repository_root(start)
    config = load_config(root)
    if not paths and base is None:
        raise TipdiffError("name the reports to check, or give --base to check those changed since a git ref")
    chosen = paths or changed_reports(root, base, config.pattern)  # type: ignore[arg-type]
    checked = []
    for path in chosen:
        begin(f"Checking {path}", len(chosen))
        checked.append(check_report(path, root, config))
    return CheckRun(tuple(checked), strict, base)
