"""The timeline as tidy data: one row per reading (measure, scope, period, edition), for
`--format csv` and `--format json`; the columns are documented in the README."""

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from tipdiff.jsonform import number
from tipdiff.model import Change, Sentence, Timeline

COLUMNS = (
    "measure", "label", "role", "unit", "scope", "period", "edition", "file",
    "value", "as_written", "qualifier", "restated", "sentence_id", "line", "sentence",
)  # fmt: skip
SCHEMA_VERSION = 1


def rows(timeline: Timeline) -> Iterator[dict[str, Any]]:
    """Every value of every series as each edition gives it, oldest period first."""
    for series in timeline.series:
        for reading in series.readings:
            edition = timeline.editions[reading.edition]
            fact = reading.fact
            yield {
                "measure": series.measure,
                "label": series.label,
                "role": series.role.value,
                "unit": series.unit or "",
                "scope": "; ".join(series.scope),
                "period": str(reading.period),
                "edition": edition.year,
                "file": edition.name,
                "value": fact.value,
                "as_written": fact.text,
                "qualifier": fact.qualifier or "",
                "restated": reading.period in series.restated,
                "sentence_id": reading.sentence.index,
                "line": reading.sentence.line,
                "sentence": reading.sentence.text,
            }


def timeline_csv(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({**row, "value": format(row["value"].normalize(), "f")} for row in rows(timeline))
    return out.getvalue()


def timeline_json(timeline: Timeline) -> str:
    editions = [
        {"year": e.year, "data_year": e.data_year, "file": e.name, "country": e.country, "sections": list(e.sections),
         "sentences": e.sentences, "source": e.source}
        for e in timeline.editions
    ]  # fmt: skip
    verdicts = {
        subject: [
            {"edition": timeline.editions[i].year, "phrase": v.phrase, "meaning": v.meaning, "line": v.line}
            if v
            else None
            for i, v in enumerate(found)
        ]
        for subject, found in timeline.verdicts
    }
    recommendations = [
        {
            "editions": [timeline.editions[number].year for number, _, _ in life.versions],
            "versions": [_version(timeline, number, sentence, change) for number, sentence, change in life.versions],
            "dropped_after": timeline.editions[life.dropped_after].year if life.dropped_after is not None else None,
        }
        for life in timeline.recommendations
    ]
    data = {
        "schema": "tipdiff-timeline",
        "schema_version": SCHEMA_VERSION,
        "editions": editions,
        "figures": [{**row, "value": number(row["value"])} for row in rows(timeline)],
        "verdicts": verdicts,
        "recommendations": recommendations,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _version(timeline: Timeline, number: int, sentence: Sentence, change: Change | None) -> dict[str, Any]:
    return {
        "edition": timeline.editions[number].year,
        "text": sentence.text,
        "sentence_id": sentence.index,
        "line": sentence.line,
        "change": change.label.value if change else None,
    }
