"""Golden cases: small hand-made OLD / NEW texts and the changes a reader expects.

Each file in tests/cases/ reads:

    Free text saying what the case is about.
    --- old
    <the old report>
    --- new
    <the new report>
    --- expect
    ## <section key>                          (the changes below sit in this section)
    <label>[ moved]: <start of the text>      (one line per change, in output order)
        old: <start of the old text>          (optional: pins the old side)
        <old number> -> <new number>          (each changed figure; "none" where absent)
        fact <kind> <measure>: <old> -> <new> (each like-for-like change of a fact: kind is
                                               year-over-year, restated, new or dropped)
    --- xfail                                 (optional: a known bug)
    <why the engine gets this case wrong>

The text of a change is its new sentences joined by " | " (for `removed`, its old
ones); the expected text only has to be the start of it, whitespace folded. Every
change is listed, `unchanged` ones too, and a change's figures must be exactly the
ones listed, and so must its fact changes. Adding a case means adding a file; a case the engine gets wrong
says why under `--- xfail` and is an expected failure until the bug is fixed.
"""

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import tipdiff
from tipdiff.model import Change, Comparison

CASES = sorted((Path(__file__).parent / "cases").glob("*.txt"))
_CHANGE = re.compile(r"^(unchanged|reworded|figures|added|removed)( moved)?: (.+)$")
_FIGURE = re.compile(r"^(.+?) -> (.+)$")
_FACT = re.compile(r"^fact (year-over-year|restated|new|dropped) (.+?): (.+?) -> (.+)$")


@dataclass(frozen=True)
class Expected:
    section: str | None
    label: str
    moved: bool
    text: str
    old_text: str | None = None
    figures: tuple[tuple[str | None, str | None], ...] = ()
    facts: tuple[tuple[str, str, str | None, str | None], ...] = ()
    """(kind, measure, old number, new number) of each like-for-like change."""


@dataclass(frozen=True)
class Case:
    old: str
    new: str
    expect: tuple[Expected, ...]
    xfail: str | None = None
    """Why the engine gets this case wrong, for a known bug."""


def fold(text: str) -> str:
    return " ".join(text.split())


def read_case(path: Path) -> Case:
    parts: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line in ("--- old", "--- new", "--- expect", "--- xfail"):
            current = line[4:]
            parts[current] = []
        elif current is not None:
            parts[current].append(line)
    assert {"old", "new", "expect"} <= set(parts), f"{path.name}: needs --- old, --- new and --- expect"
    return Case(
        old="\n".join(parts["old"]) + "\n",
        new="\n".join(parts["new"]) + "\n",
        expect=parse_expect(parts["expect"], path),
        xfail=" ".join(" ".join(parts.get("xfail", [])).split()) or None,
    )


def parse_expect(lines: list[str], path: Path) -> tuple[Expected, ...]:
    expected: list[Expected] = []
    section = None
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("## "):
            section = line[3:].strip()
        elif line[:1].isspace():
            assert expected, f"{path.name}: {line!r} continues no change"
            last = expected.pop()
            detail = line.strip()
            if detail.startswith("old: "):
                expected.append(replace(last, old_text=detail[5:]))
            elif match := _FACT.match(detail):
                kind, measure, old, new = (None if part == "none" else part for part in match.groups())
                expected.append(replace(last, facts=(*last.facts, (kind, measure, old, new))))
            elif match := _FIGURE.match(detail):
                old, new = (None if side == "none" else side for side in match.groups())
                expected.append(replace(last, figures=(*last.figures, (old, new))))
            else:
                raise AssertionError(f"{path.name}: cannot read {line!r}")
        elif match := _CHANGE.match(line):
            label, moved, text = match.groups()
            expected.append(Expected(section, label, bool(moved), text))
        else:
            raise AssertionError(f"{path.name}: cannot read {line!r}")
    return tuple(expected)


def shown_text(change: Change) -> str:
    return " | ".join(s.text for s in (change.new or change.old))


def describe(comparison: Comparison) -> str:
    """The comparison in the case format, with whole sentences, for failure messages."""
    lines = []
    for section in comparison.sections:
        lines.append(f"## {section.key}")
        for change in section.changes:
            lines.append(f"{change.label.value}{' moved' if change.moved else ''}: {shown_text(change)}")
            if change.old and change.new:
                lines.append(f"    old: {' | '.join(s.text for s in change.old)}")
            lines += [f"    {f.old or 'none'} -> {f.new or 'none'}" for f in change.figures]
            lines += [
                f"    fact {kind} {measure}: {old or 'none'} -> {new or 'none'}"
                for kind, measure, old, new in facts(change)
            ]
    return "\n".join(lines)


def facts(change: Change) -> tuple[tuple[str, str, str | None, str | None], ...]:
    return tuple(
        (f.kind, (f.new or f.old).measure, f.old.text if f.old else None, f.new.text if f.new else None)  # type: ignore[union-attr]
        for f in change.facts
    )


def matches(expected: Expected, section: str, change: Change) -> bool:
    return (
        (expected.section is None or expected.section == section)
        and expected.label == change.label.value
        and expected.moved == change.moved
        and fold(shown_text(change)).startswith(fold(expected.text))
        and (
            expected.old_text is None
            or fold(" | ".join(s.text for s in change.old)).startswith(fold(expected.old_text))
        )
        and expected.figures == tuple((f.old, f.new) for f in change.figures)
        and expected.facts == facts(change)
    )


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


def known_bug(path: Path) -> list[pytest.MarkDecorator]:
    reason = read_case(path).xfail
    return [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)] if reason else []


@pytest.mark.parametrize("path", [pytest.param(path, id=path.stem, marks=known_bug(path)) for path in CASES])
def test_case(path: Path) -> None:
    case = read_case(path)
    comparison = tipdiff.compare(tipdiff.parse_report(case.old, "old"), tipdiff.parse_report(case.new, "new"))
    actual = [(section.key, change) for section in comparison.sections for change in section.changes]
    ok = len(actual) == len(case.expect) and all(
        matches(expected, section, change) for expected, (section, change) in zip(case.expect, actual, strict=True)
    )
    assert ok, f"{path.name}: the comparison was\n{describe(comparison)}"
