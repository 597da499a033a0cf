"""Findings accepted once, with a reason: a baseline file written by `tipdiff check
--write-baseline`, and `[[ignore]]` entries in the settings.

A finding is known by its fingerprint: its rule, its file and its message with line numbers
taken out, so that it stays accepted when lines above it are added or removed.
"""

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from tipdiff.check.config import BadConfig, Ignore
from tipdiff.model import Accepted, FileStatus, ReportCheck, Severity, Violation

SCHEMA = "tipdiff-baseline"
_LINES = re.compile(r"\blines? \d+(?:-\d+)?")


def without_lines(message: str) -> str:
    """A finding's message with the line numbers it quotes taken out."""
    return _LINES.sub("line", message)


def fingerprint(path: str, violation: Violation) -> str:
    """A finding's identity across edits that move it."""
    message = without_lines(violation.message)
    return hashlib.sha256(f"{violation.rule}\0{path}\0{message}".encode("utf-8", "surrogateescape")).hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Acceptance:
    """Which findings are accepted, and why."""

    ignores: tuple[Ignore, ...] = ()
    baseline: dict[str, list[str]] | None = None
    """Fingerprint -> the reason of each finding accepted with it (the same finding can be
    there more than once: each copy is accepted once)."""

    def reason(self, path: str, violation: Violation, copy: int = 0) -> str | None:
        """Why the finding is accepted, or None; `copy` counts the same finding before it."""
        for ignore in self.ignores:
            if ignore.covers(violation.rule, path, violation.message):
                return ignore.reason
        reasons = (self.baseline or {}).get(fingerprint(path, violation), [])
        return reasons[copy] if copy < len(reasons) else None


def load_baseline(file: Path) -> dict[str, list[str]]:
    """The accepted findings of a baseline file: fingerprint -> the reason of each."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadConfig(f"{file}: no such baseline file (write one with tipdiff check --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadConfig(f"{file}: not a tipdiff baseline ({error})") from None
    findings = data.get("findings") if isinstance(data, dict) and data.get("schema") == SCHEMA else None
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("fingerprint"), str) and isinstance(f.get("reason"), str)
        for f in findings
    ):
        raise BadConfig(f"{file}: not a tipdiff baseline (each finding needs a fingerprint and a reason)")
    accepted: dict[str, list[str]] = {}
    for finding in findings:
        accepted.setdefault(finding["fingerprint"], []).append(finding["reason"])
    return accepted


def baseline_data(reports: Iterable[ReportCheck], reason: str) -> dict:
    """A baseline file's content accepting every finding of the reports: the new ones with
    `reason`, those already accepted with theirs; in file and line order."""
    found = [(r.path, v, reason) for r in reports for v in (*r.violations, *r.untouched)]
    found += [(r.path, a.violation, a.reason) for r in reports for a in r.accepted]
    entries = [
        {"fingerprint": fingerprint(path, v), "path": path, "rule": v.rule, "line": v.line,
         "message": v.message, "reason": why}
        for path, v, why in sorted(found, key=lambda f: (f[0], f[1].line, f[1].rule))
    ]  # fmt: skip
    return {"schema": SCHEMA, "findings": entries}


def gist(violation: Violation) -> str:
    """A finding without its line numbers, to tell it again when lines have moved."""
    return f"{violation.rule} {without_lines(violation.message)}"


def settled(
    check: ReportCheck, touched: frozenset[int] | None, known: Counter[str], acceptance: Acceptance, every: bool
) -> ReportCheck:
    """The findings to show. Accepted ones are set apart with their reasons. Unless `every`,
    what was already there before the change (`known`: how many times each gist was found) is
    set apart too: in a file the change edited, a warning on a line it did not touch (errors
    always stay); in a report read again only because its previous report changed, any
    finding. `touched` None: a new file."""
    shown_now, untouched, accepted = [], [], []
    edited = check.status is not FileStatus.RECHECKED
    copies: Counter[str] = Counter()
    for violation in check.violations:
        copy = copies[gist(violation)]
        copies[gist(violation)] += 1
        reason = acceptance.reason(check.path, violation, copy)
        lines = range(violation.line, (violation.end_line or violation.line) + 1)
        if reason is not None:
            accepted.append(Accepted(violation, reason))
        elif (
            every
            or touched is None
            or copy >= known[gist(violation)]
            or (edited and (violation.severity is Severity.ERROR or any(line in touched for line in lines)))
        ):
            shown_now.append(violation)
        else:
            untouched.append(violation)
    return replace(check, violations=tuple(shown_now), untouched=tuple(untouched), accepted=tuple(accepted))
