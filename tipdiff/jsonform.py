"""The JSON form of a comparison: plain data, documented in the README, versioned."""

import json
from collections.abc import Iterator
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from tipdiff.model import (
    Change,
    Citation,
    Comparison,
    Fact,
    Finding,
    KeyFigure,
    Label,
    Narrative,
    Point,
    Report,
    Sentence,
    Shift,
    Source,
    SummaryChange,
    Verdict,
)

SCHEMA_VERSION = 3


def comparison_json(comparison: Comparison, narrative: Narrative | None = None) -> Iterator[str]:
    """The comparison as JSON text, one change a line, and the narrative under "narrative" when
    there is one. Written piece by piece, so that a whole year's comparison is never held
    twice in memory, as data and as text."""
    head = {
        "schema": "tipdiff-comparison",
        "schema_version": SCHEMA_VERSION,
        "old": _report(comparison.old),
        "new": _report(comparison.new),
        "counts": _counts(comparison.counts),
    }
    yield "{\n" + "".join(f"  {_dumps(key)}: {_dumps(value)},\n" for key, value in head.items())
    yield '  "sections": ['
    for i, section in enumerate(comparison.sections):
        section_head = {
            "key": section.key,
            "old_title": section.old_title,
            "new_title": section.new_title,
            "counts": _counts(section.counts),
        }
        yield ("," if i else "") + "\n    " + _dumps(section_head)[:-1] + ', "changes": ['
        for k, change in enumerate(section.changes):
            yield ("," if k else "") + "\n      " + _dumps(_change(change))
        yield "\n    ]}"
    yield "\n  ]"
    if narrative is not None:
        yield ',\n  "narrative": ' + _dumps(narrative_data(narrative))
    yield "\n}\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def narrative_data(narrative: Narrative) -> dict[str, Any]:
    """The narrative as plain data: changes inside it in the same form as under "sections",
    and every point cited by report, sentence id and line."""
    figures = list(narrative.figures)
    return {
        "old": asdict(narrative.old),
        "new": asdict(narrative.new),
        "shifts": [_shift(shift) for shift in narrative.shifts],
        "briefing": [_point(point, figures) for point in narrative.briefing],
        "figures": [_key_figure(figure) for figure in narrative.figures],
        "summary": [_summary_change(change) for change in narrative.summary],
        "recommendations": [_change(change) for change in narrative.recommendations],
        "sections": [
            {
                "key": story.key,
                "presence": story.presence,
                "counts": _counts(story.counts),
                "paired": story.paired,
                "cosmetic": story.cosmetic,
                "findings": [_finding(f) for f in story.findings],
                "top": [story.findings.index(f) for f in story.top],
            }
            for story in narrative.sections
        ],
    }


def _shift(shift: Shift) -> dict[str, Any]:
    return {
        "subject": shift.subject,
        "old": _verdict(shift.old),
        "new": _verdict(shift.new),
        "changed": shift.changed,
        "direction": shift.direction,
    }


def _verdict(verdict: Verdict | None) -> dict[str, Any] | None:
    if verdict is None:
        return None
    return {
        "phrase": verdict.phrase,
        "meaning": verdict.meaning,
        "rank": verdict.rank,
        "line": verdict.line,
        "sentence": verdict.sentence.index if verdict.sentence else None,
    }


def _source(source: Source) -> dict[str, Any]:
    return {"report": source.report, "sentence": source.sentence.index, "line": source.sentence.line}


def _point(point: Point, figures: list[KeyFigure]) -> dict[str, Any]:
    return {
        "kind": point.kind,
        "importance": None if point.importance == float("inf") else round(point.importance, 2),
        "section": point.section,
        "sources": [_source(source) for source in point.sources],
        "shift": point.shift.subject if point.shift else None,
        "figure": figures.index(point.figure) if point.figure else None,
        "summary": _summary_change(point.summary) if point.summary else None,
        "finding": _finding(point.finding) if point.finding else None,
    }


def _summary_change(change: SummaryChange) -> dict[str, Any]:
    item = change.item
    return {"status": change.status, "kind": item.kind, "text": item.text, "source": _source(change.source)}


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "side": finding.side,
        "importance": finding.importance,
        "shifts": [asdict(s) for s in finding.shifts],
        "sources": [_source(source) for source in finding.sources],
        "elsewhere": _source(finding.elsewhere) if finding.elsewhere else None,
        "change": _change(finding.change),
    }


def _report(report: Report) -> dict[str, Any]:
    return {
        "name": report.name,
        "format": report.format,
        "source": report.source,
        "sentences": len(report.sentences),
        "sections": [
            {
                "key": s.name,
                "title": s.title,
                "line": s.line,
                "inferred": s.inferred,
                "sentences": len(s.sentences),
            }
            for s in report.sections
        ],
    }


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.label.value,
        "old": [_sentence(s) for s in change.old],
        "new": [_sentence(s) for s in change.new],
        "moved": change.moved,
        "similarity": round(change.similarity, 3),
        "figures": [asdict(f) for f in change.figures],
        "facts": [
            {"kind": f.kind, "old": f.old.id if f.old else None, "new": f.new.id if f.new else None}
            for f in change.facts
        ],
        "diff": [{"op": e.op, "text": e.text} for e in change.diff],
    }


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {
        "id": sentence.index,
        "text": sentence.text,
        "line": sentence.line,
        "facts": [fact_data(f) for f in sentence.facts],
    }


def fact_data(fact: Fact) -> dict[str, Any]:
    """A fact as plain data: what a number is, counts, for whom and for when."""
    return {
        "id": fact.id,
        "text": fact.text,
        "start": fact.start,
        "value": number(fact.value),
        "unit": fact.unit,
        "role": fact.role.value,
        "measure": fact.measure,
        "label": fact.label,
        "scope": list(fact.scope),
        "period": str(fact.period) if fact.period else None,
        "qualifier": fact.qualifier,
        "relation": asdict(fact.relation) if fact.relation else None,
        "caveat": fact.caveat,
    }


def number(value: Decimal) -> int | float:
    """A figure's value as JSON writes numbers."""
    return int(value) if value == value.to_integral_value() else float(value)


def _key_figure(figure: KeyFigure) -> dict[str, Any]:
    return {
        "measure": figure.measure,
        "label": figure.label,
        "scope": list(figure.scope),
        "section": figure.section,
        "old": _citation(figure.old),
        "new": _citation(figure.new),
        "restated": figure.restated,
        "difference": number(figure.difference),
        "percent": round(figure.percent, 1) if figure.percent is not None else None,
        "caveat": figure.caveat,
        "importance": round(figure.importance, 2),
    }


def _citation(citation: Citation) -> dict[str, Any]:
    fact = citation.fact
    return {
        "report": citation.report,
        "fact": fact.id,
        "text": fact.text,
        "value": number(fact.value),
        "period": str(fact.period) if fact.period else None,
        "qualifier": fact.qualifier,
        "sentence": citation.sentence.index,
        "line": citation.sentence.line,
        "section": citation.section,
    }


def _counts(counts: dict[Label, int]) -> dict[str, int]:
    return {label.value: n for label, n in counts.items()}
