"""The settings of a repository of reports: `[tool.tipdiff]` in pyproject.toml, or tipdiff.toml.

pattern = "reports/{country}/{year}.{ext}"   # where reports live
profile = "tip"
exclude = ["reports/*/notes/**"]             # files that are not reports, never warned of
baseline = "tipdiff-baseline.json"           # findings accepted once (tipdiff check --write-baseline)
near_identical = 0.9                         # TD402: share of sentences unchanged from last year

[tool.tipdiff.severity]
TD106 = "off"                                # or "error", "warning"

[[tool.tipdiff.ignore]]                      # one accepted finding, with its reason
rule = "TD401"
path = "reports/mexico/2023.txt"
contains = "victims identified for 2021"
reason = "2023 corrected the 2021 figure; confirmed with the desk officer"
"""

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tipdiff.errors import TipdiffError
from tipdiff.model import Severity
from tipdiff.pipeline import PROFILES
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP
from tipdiff.readers.text import shown
from tipdiff.validate import RULES

DEFAULT_PATTERN = "reports/{country}/{year}.{ext}"
REPORT_SUFFIXES = ("txt", "text", "md", "markdown", "html", "htm")
"""What `tipdiff check` reads: text it can validate line by line."""
NOT_REPORTS = ("README*", "LICENSE*", "CHANGELOG*", "CONTRIBUTING*", "CODEOWNERS", "pyproject.toml", "tipdiff.toml")
"""File names never taken for reports, in any folder (nor is anything in a dot-folder)."""
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")


SETTINGS = ("pattern", "profile", "exclude", "baseline", "near_identical", "severity", "ignore")


class BadConfig(TipdiffError):
    "The [tool.tipdiff] settings cannot be used"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where reports live: a path pattern naming {country}, {year} and {ext}."""

    pattern: str
    exclude: tuple[str, ...] = ()

    @property
    def folder(self) -> str:
        """The pattern's fixed leading folders ("reports/"), where only reports belong."""
        fixed = self.pattern.split("{", 1)[0]
        return fixed[: fixed.rfind("/") + 1]

    def place(self, path: str) -> tuple[str, int] | None:
        """The country and year a path gives, when it fits the pattern."""
        match = _regex(self.pattern).fullmatch(path)
        return (match["country"], int(match["year"])) if match else None

    def excluded(self, path: str, settings: bool = True) -> bool:
        """Whether a path is no report by its name, or (`settings`) by the settings' exclude."""
        parts = path.split("/")
        return (
            any(part.startswith(".") for part in parts)
            or any(fnmatch.fnmatchcase(parts[-1], glob) for glob in NOT_REPORTS)
            or (settings and any(fnmatch.fnmatchcase(path, glob) for glob in self.exclude))
        )

    def published(self, path: str) -> bool:
        """Whether a path that is gone held a report: the settings' exclude does not count, so
        that a change cannot exclude the report it deletes."""
        return bool(self.place(path)) and not self.misfit(path) and not self.excluded(path, settings=False)

    def under(self, path: str) -> bool:
        """Whether a path is in the reports folder. When the pattern has none, a file counts as
        one that belongs there when it looks like a report: a report's suffix and a year."""
        if self.folder:
            return path.startswith(self.folder)
        suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
        return suffix in REPORT_SUFFIXES and bool(_YEAR.search(path.rsplit("/", 1)[-1]))

    def misfit(self, path: str) -> str | None:
        """Why a file in the reports folder is not a report, or None when it is one."""
        suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
        if suffix and self.place(path) and suffix not in REPORT_SUFFIXES:
            return f"tipdiff check reads no .{shown(suffix)} files (a report is {', '.join('.' + s for s in REPORT_SUFFIXES)})"
        if not self.place(path):
            return f"does not fit the layout {self.pattern}"
        return None

    def reports(self, paths) -> dict[tuple[str, int], str]:
        """(country, year) -> path for the paths that are reports, the first of equals kept."""
        found: dict[tuple[str, int], str] = {}
        for path in sorted(paths):
            if (where := self.place(path)) and not self.misfit(path) and not self.excluded(path):
                found.setdefault(where, path)
        return found


def _regex(pattern: str) -> re.Pattern[str]:
    groups = {"{country}": r"(?P<country>[^/]+)", "{year}": r"(?P<year>\d{4})", "{ext}": r"(?P<ext>[^/.]+)"}
    return re.compile("".join(groups.get(part, re.escape(part)) for part in re.split(r"(\{\w+\})", pattern)))


@dataclass(frozen=True, slots=True)
class Ignore:
    """A finding accepted in the settings: its rule, the report (a glob), words of its message."""

    rule: str
    path: str
    contains: str
    reason: str

    def covers(self, rule: str, path: str, message: str) -> bool:
        return rule == self.rule and fnmatch.fnmatchcase(path, self.path) and self.contains in message


@dataclass(frozen=True, slots=True)
class CheckConfig:
    layout: Layout = Layout(DEFAULT_PATTERN)
    profile: Profile = TIP
    severities: dict[str, Severity | None] = field(default_factory=dict)
    """Rule id -> severity, or None to switch the rule off."""
    ignores: tuple[Ignore, ...] = ()
    baseline: str | None = None
    near_identical: float = 0.9


def load_config(root: Path) -> CheckConfig:
    """The settings of the repository at `root`, defaults where it has none."""
    pyproject, own = root / "pyproject.toml", root / "tipdiff.toml"
    source = own if own.is_file() else pyproject
    try:
        if own.is_file():
            settings = tomllib.loads(own.read_text(encoding="utf-8"))
        elif pyproject.is_file():
            tool = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
            settings = tool.get("tipdiff", {}) if isinstance(tool, dict) else None
        else:
            settings = {}
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        raise BadConfig(f"{source}: {error}") from None
    if source is own and isinstance(settings, dict) and set(settings) == {"tool"}:
        settings = settings["tool"].get("tipdiff") if isinstance(settings["tool"], dict) else None  # as in pyproject
    if not isinstance(settings, dict):
        raise BadConfig(f"{source}: the tipdiff settings must be a table ([tool.tipdiff])")

    def wrong(what: str) -> BadConfig:
        return BadConfig(f"{source}: {what}")

    if unknown := sorted(set(settings) - set(SETTINGS)):
        raise wrong(f"no setting is called {unknown[0]!r} (the settings are {', '.join(SETTINGS)})")

    pattern = settings.get("pattern", DEFAULT_PATTERN)
    if not isinstance(pattern, str) or "{country}" not in pattern or "{year}" not in pattern:
        raise wrong(f"pattern {pattern!r} must be a string naming {{country}} and {{year}}")
    exclude = settings.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(glob, str) for glob in exclude):
        raise wrong('exclude must be a list of path globs (exclude = ["reports/*/notes/*"])')
    profile = settings.get("profile", "tip")
    if not isinstance(profile, str) or profile not in PROFILES:
        raise wrong(f"profile {profile!r} is not one of {', '.join(PROFILES)}")
    severity = settings.get("severity", {})
    if not isinstance(severity, dict):
        raise wrong('severity must be a table of rule ids (severity.TD106 = "off")')
    severities: dict[str, Severity | None] = {}
    for rule, level in severity.items():
        if rule not in RULES or not isinstance(level, str) or level not in ("error", "warning", "off"):
            raise wrong(f"severity.{rule} = {level!r}: use a rule id and error, warning or off")
        severities[rule] = None if level == "off" else Severity(level)
    ignores = []
    for entry in settings.get("ignore", []) if isinstance(settings.get("ignore", []), list) else [None]:
        if not isinstance(entry, dict) or entry.get("rule") not in RULES or not isinstance(entry.get("reason"), str):
            raise wrong('each [[ignore]] needs a rule id and a reason (rule = "TD401", reason = "…")')
        if extra := sorted(set(entry) - {"rule", "path", "contains", "reason"}):
            raise wrong(f"the ignore of {entry['rule']}: no key is called {extra[0]!r} (rule, path, contains, reason)")
        if not entry["reason"].strip():
            raise wrong(f"the ignore of {entry['rule']} gives no reason")
        path, contains = entry.get("path", "*"), entry.get("contains", "")
        if not isinstance(path, str) or not isinstance(contains, str):
            raise wrong(f"the ignore of {entry['rule']}: path and contains must be strings")
        ignores.append(Ignore(entry["rule"], path, contains, entry["reason"].strip()))
    baseline = settings.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise wrong("baseline must name a file")
    share = settings.get("near_identical", 0.9)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share <= 1:
        raise wrong(f"near_identical = {share!r}: give a share of sentences between 0 and 1 (0.9)")
    return CheckConfig(
        Layout(pattern, tuple(exclude)), PROFILES[profile], severities, tuple(ignores), baseline, float(share)
    )
