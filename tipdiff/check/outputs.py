"""`tipdiff check` in the forms CI systems read: text for people, GitHub workflow annotations,
a Markdown job summary, JUnit XML, SARIF 2.1.0 for code scanning, and JSON.

GitHub shows ten error and ten warning annotations a step and keeps a step summary of at most
1 MiB: the annotations go most severe first and say what they left out; the summary drops the
narratives (then the findings) that do not fit and says so. Prose lives in `templates/check.*`.
"""

from dataclasses import asdict, dataclass, field
from shlex import quote as quote_path
from typing import Any
from urllib.parse import quote

from tipdiff import __version__
from tipdiff.check import CheckRun
from tipdiff.check.baseline import fingerprint
from tipdiff.jsonform import SCHEMA_VERSION, narrative_data
from tipdiff.model import ReportCheck, Severity, Violation
from tipdiff.profiles import Profile
from tipdiff.profiles.tip import TIP
from tipdiff.render import code_span, environment, render_narrative, xml_safe
from tipdiff.validate import RULES, Rule

ANNOTATIONS = 10
"""Annotations of each severity GitHub shows for one step."""
SUMMARY_BYTES = 1_000_000
"""What a step summary may hold: GitHub refuses one over 1 MiB (1,048,576 bytes) whole."""
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FORMS = ("text", "json", "junit", "sarif")
"""What `tipdiff check --format` prints."""


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What the `check.*` templates render."""

    run: CheckRun
    rules: dict[str, Rule]
    narratives: dict[str, str] = field(default_factory=dict)
    """Report path -> what changed since its previous report, as Markdown (summary only)."""
    listed: int | None = None
    """How many reports' findings the summary lists (None: all)."""
    annotated: tuple[tuple[ReportCheck, Violation], ...] = ()
    unannotated: dict[str, int] = field(default_factory=dict)
    """Severity -> findings beyond GitHub's limit."""
    Severity: type[Severity] = Severity
    limit: int = ANNOTATIONS

    @property
    def fixes(self) -> list[Rule]:
        """The rules broken in this run, for their one-line fixes."""
        broken = {v.rule for report in self.run.reports for v in report.violations}
        return [rule for rule_id, rule in self.rules.items() if rule_id in broken]

    @property
    def left_out(self) -> dict[str, int]:
        """What the summary left out to stay under GitHub's limit."""
        with_narrative = [r for r in self.run.reports if r.narrative]
        listed = self.run.reports[: self.listed] if self.listed is not None else self.run.reports
        unlisted = sum(len(r.violations) for r in self.run.reports) - sum(len(r.violations) for r in listed)
        return {"narratives": len(with_narrative) - len(self.narratives), "findings": unlisted}


def render_check(run: CheckRun, form: str, profile: Profile = TIP, room: int = SUMMARY_BYTES) -> str:
    """The check as text, annotations, summary (Markdown of at most `room` bytes) or junit."""
    if form == "annotations":
        return _render("check.annotations.j2", _annotated(run))
    if form == "summary":
        return _summary(run, profile, room)
    if form == "junit":
        return xml_safe(_render("check.junit.xml.j2", CheckContext(run, RULES)))
    return _render("check.txt.j2", CheckContext(run, RULES))


def _render(template: str, context: CheckContext) -> str:
    return environment().get_template(template).render(context=context)


def _annotated(run: CheckRun) -> CheckContext:
    """The findings GitHub will show, most severe first, and how many it would not."""
    found = [(report, v) for report in run.reports for v in report.violations]
    annotated, beyond = [], {}
    for severity in (Severity.ERROR, Severity.WARNING):
        these = [pair for pair in found if pair[1].severity is severity]
        annotated += these[:ANNOTATIONS]
        if len(these) > ANNOTATIONS:
            beyond[severity.value] = len(these) - ANNOTATIONS
    return CheckContext(run, RULES, annotated=tuple(annotated), unannotated=beyond)


def _summary(run: CheckRun, profile: Profile, room: int) -> str:
    """The job summary within `room` bytes: the narratives that fit, in report order; if even
    the findings do not fit, the reports whose findings fit."""

    def size(context: CheckContext) -> int:
        return len(_render("check.md.j2", context).encode("utf-8"))

    bare = CheckContext(run, RULES)
    if size(bare) > room:  # the findings do not fit: list those of as many reports as do
        fits, over = 0, len(run.reports)
        while over - fits > 1:
            middle = (fits + over) // 2
            fits, over = (middle, over) if size(CheckContext(run, RULES, listed=middle)) <= room else (fits, middle)
        bare = CheckContext(run, RULES, listed=fits)
    narratives: dict[str, str] = {}
    if bare.listed is None:
        spare = room - size(bare)
        for report in run.reports:
            if report.narrative:
                command = f"tipdiff compare {quote_path(str(report.previous))} {quote_path(report.path)} --detail full"
                fuller = code_span(command)
                text = render_narrative(report.narrative, profile, fuller=fuller)
                cost = len(text.encode("utf-8")) + 200 + 2 * len(report.path.encode()) + len(str(report.previous))
                if cost <= spare:
                    narratives[report.path], spare = text, spare - cost
    return _render("check.md.j2", CheckContext(run, RULES, narratives, bare.listed))


def check_data(run: CheckRun) -> dict[str, Any]:
    """`tipdiff check --format json`: every file looked at, its findings and what changed."""
    return {
        "schema": "tipdiff-check",
        "schema_version": SCHEMA_VERSION,
        "exit_code": run.exit_code,
        "errors": run.count(Severity.ERROR),
        "warnings": run.count(Severity.WARNING),
        "reports_checked": len(run.checked),
        "base": run.base,
        "reports": [
            {
                "path": report.path,
                "status": report.status.value,
                "renamed_from": report.renamed_from,
                "country": report.country,
                "year": report.year,
                "read": report.read,
                "previous": report.previous,
                "violations": [_violation(report, v) for v in report.violations],
                "untouched": [_violation(report, v) for v in report.untouched],
                "accepted": [{**_violation(report, a.violation), "reason": a.reason} for a in report.accepted],
                "narrative": narrative_data(report.narrative) if report.narrative else None,
            }
            for report in run.reports
        ],
        "ignored": [asdict(ignored) for ignored in run.ignored],
    }


def _violation(report: ReportCheck, violation: Violation) -> dict[str, Any]:
    return {**asdict(violation), "fingerprint": fingerprint(report.path, violation), "hint": RULES[violation.rule].hint}


def check_sarif(run: CheckRun) -> dict[str, Any]:
    """The findings as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF readers;
    accepted findings are there as suppressed, with their reasons."""
    rules = list(RULES.values())
    index = {rule.id: i for i, rule in enumerate(rules)}

    def result(report: ReportCheck, violation: Violation, reason: str | None = None) -> dict[str, Any]:
        region = {"startLine": violation.line} | ({"endLine": violation.end_line} if violation.end_line else {})
        found: dict[str, Any] = {
            "ruleId": violation.rule,
            "ruleIndex": index[violation.rule],
            "level": "error" if violation.severity is Severity.ERROR else "warning",
            "message": {"text": violation.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": quote(report.path, safe="/"), "uriBaseId": "SRCROOT"},
                        "region": region,
                    }
                }
            ],
            "partialFingerprints": {"tipdiffFinding/v1": fingerprint(report.path, violation)},
        }
        if reason is not None:
            found["suppressions"] = [{"kind": "external", "justification": reason}]
        return found

    results = [result(r, v) for r in run.reports for v in r.violations]
    results += [result(r, a.violation, a.reason) for r in run.reports for a in r.accepted]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tipdiff",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/tipdiff/",
                        "rules": [
                            {
                                "id": rule.id,
                                "shortDescription": {"text": rule.meaning},
                                "help": {"text": rule.hint},
                                "defaultConfiguration": {"level": rule.severity.value},
                            }
                            for rule in rules
                        ],
                    }
                },
                "originalUriBaseIds": {"SRCROOT": {"description": {"text": "The root of the repository of reports."}}},
                "results": results,
            }
        ],
    }
