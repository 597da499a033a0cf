"""The side-by-side page as rows: what each row is, where a moved sentence stood, and which
rows lie outside what both reports cover. `render.render_html` fills `page.html.j2` with it.

A reader trusts the page only if it says what the narrative says: a section the narrative
leaves out (an excerpt's missing sections, a scrape's unmatched text) is shown but never
counted or stepped through as added or removed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import groupby

from tipdiff.model import Change, Comparison, Label, Narrative

OUTSIDE = "outside"
"""The kind of a row that was not compared: it lies outside what the other report covers."""

KINDS = (*(label.value for label in Label), OUTSIDE)
"""Every kind of row, in the order the page lists them."""

FOLDED = (Label.UNCHANGED.value, OUTSIDE)
"""Kinds whose runs are folded: what a reader skips unless asked."""


@dataclass(frozen=True, slots=True)
class Move:
    """Where the other end of a move stands, seen from this end: `where` is "to" or "from"
    another section (`section`, its title), or "up", "down", "from above", "from below" in the
    same one."""

    where: str
    section: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the page: a change, or the marker left where a moved sentence stood."""

    id: str
    """Its anchor: "c12" for the 12th change in `comparison.changes`, "c12-was" for the marker
    at that change's old place."""
    change: Change
    kind: str
    """The change's label, or `OUTSIDE`."""
    marker: bool = False
    partner: str | None = None
    """For a moved sentence and its marker, the id of the other end."""
    move: Move | None = None

    @property
    def step(self) -> bool:
        """Whether the navigator stops here: every change and every move, never a marker, an
        unchanged sentence or one not compared."""
        return not self.marker and (self.partner is not None or self.kind not in FOLDED)


@dataclass(frozen=True, slots=True)
class Run:
    """Rows shown together: one change or marker, or a foldable run of unchanged (or
    not compared) sentences."""

    kind: str
    rows: tuple[Row, ...]
    folded: bool = False


@dataclass(frozen=True, slots=True)
class PageSection:
    """One section of the page: its anchor, its titles in both reports, its rows in runs."""

    id: str
    key: str
    title: str
    old_title: str | None
    new_title: str | None
    runs: tuple[Run, ...]
    compared: bool
    """False when nothing in it was compared: the other report has no such section, and none
    of its sentences is in the other report."""

    @property
    def counts(self) -> dict[str, int]:
        """How many changes of each kind the section shows, markers not counted."""
        counts = dict.fromkeys(KINDS, 0)
        for run in self.runs:
            for row in run.rows:
                if not row.marker:
                    counts[row.kind] += 1
        return {kind: n for kind, n in counts.items() if n}


def page_sections(comparison: Comparison, narrative: Narrative, title: Callable[[str], str]) -> tuple[PageSection, ...]:
    """The page's sections in order, each as runs of rows; `title(key)` names a section."""
    ids = [_section_id(comparison, k) for k in range(len(comparison.sections))]
    numbered = _numbered(comparison, narrative)
    markers = _move_markers(comparison, numbered, ids)
    marked = {marker.partner for found in markers.values() for marker in found}
    placed: list[list[Row]] = []
    for k, rows in enumerate(numbered):
        here = list(markers.get(("start", ids[k]), ()))
        for row in rows:
            here += markers.get(("before", row.id), ())
            here.append(replace(row, partner=f"{row.id}-was") if row.id in marked else row)
            here += markers.get(("after", row.id), ())
        placed.append(_apart(here))
    where = {row.id: (k, j) for k, rows in enumerate(placed) for j, row in enumerate(rows)}
    sections = []
    for k, section in enumerate(comparison.sections):
        rows = [replace(row, move=_move(row, where, comparison, title)) if row.partner else row for row in placed[k]]
        sections.append(
            PageSection(
                ids[k],
                section.key,
                title(section.key),
                section.old_title,
                section.new_title,
                _runs(rows),
                any(row.kind != OUTSIDE for row in rows),
            )
        )
    return tuple(sections)


def _apart(rows: list[Row]) -> list[Row]:
    """A section's rows without the moves that go nowhere on the page: a sentence whose marker
    stands next to it (only other markers between) stands where it stood."""
    place = {row.id: k for k, row in enumerate(rows)}
    beside = set()
    for k, row in enumerate(rows):
        if row.marker and row.partner in place:
            low, high = sorted((k, place[row.partner]))
            if all(between.marker for between in rows[low + 1 : high]):
                beside |= {row.id, row.partner}
    return [
        replace(row, partner=None) if row.id in beside else row for row in rows if not (row.marker and row.id in beside)
    ]


def _move(row: Row, where: dict[str, tuple[int, int]], comparison: Comparison, title: Callable[[str], str]) -> Move:
    """Where a move's other end is, seen from this end."""
    (section, place), (other, other_place) = where[row.id], where[row.partner]  # type: ignore[index]
    if section != other:
        return Move("to" if row.marker else "from", title(comparison.sections[other].key))
    if row.marker:
        return Move("down" if other_place > place else "up")
    return Move("from above" if other_place < place else "from below")


def _numbered(comparison: Comparison, narrative: Narrative) -> list[list[Row]]:
    """Each section's changes as rows, numbered through the page as `row_anchors` numbers them;
    a sentence of a left-out section that has no counterpart is `OUTSIDE`."""
    rows, number = [], 0
    for section, story in zip(comparison.sections, narrative.sections, strict=True):
        numbered = []
        for change in section.changes:
            number += 1
            outside = story.left_out and not (change.old and change.new)
            numbered.append(Row(f"c{number}", change, OUTSIDE if outside else change.label.value))
        rows.append(numbered)
    return rows


def _move_markers(
    comparison: Comparison, numbered: list[list[Row]], ids: list[str]
) -> dict[tuple[str, str], list[Row]]:
    """Where each moved sentence stood in the old report: right after the row that holds the old
    sentence before it in the same old section, else before the one after it, else at the start
    of that section. Keyed ("after" | "before", row id) or ("start", section id). A section
    none of whose rows was compared (a scrape's shuffled text) has no place to mark."""
    compared = {comparison.sections[k].key for k, rows in enumerate(numbered) for row in rows if row.kind != OUTSIDE}
    # each old section's rows that stand in place, by their last and by their first old sentence
    ends: dict[str, list[tuple[int, str]]] = {}
    starts: dict[str, list[tuple[int, str]]] = {}
    for k, rows in enumerate(numbered):
        for row in rows:
            if row.change.old and not row.change.moved and row.kind != OUTSIDE:
                ends.setdefault(comparison.sections[k].key, []).append((row.change.old[-1].index, row.id))
                starts.setdefault(comparison.sections[k].key, []).append((row.change.old[0].index, row.id))
    for places in (*ends.values(), *starts.values()):
        places.sort()
    home = {}
    for k, section in enumerate(comparison.sections):
        home.setdefault(section.key, ids[k])
    markers: dict[tuple[str, str], list[Row]] = {}
    for rows in numbered:
        for row in rows:
            old_section = row.change.old_section
            if not (row.change.moved and row.change.old and old_section in compared):
                continue
            at = row.change.old[0].index
            before, after = ends.get(old_section, []), starts.get(old_section, [])
            k = bisect_left(before, (at, ""))
            j = bisect_right(after, (at, "~"))
            if k:
                key = ("after", before[k - 1][1])
            elif j < len(after):
                key = ("before", after[j][1])
            else:
                key = ("start", home[old_section])
            markers.setdefault(key, []).append(Row(f"{row.id}-was", row.change, row.kind, marker=True, partner=row.id))
    return markers


def _runs(rows: list[Row]) -> tuple[Run, ...]:
    """Consecutive unchanged (or not compared) rows as one run to fold; every other row alone,
    a moved sentence and its marker too: a move is a change even in the same words."""
    runs: list[Run] = []
    for kind, group in groupby(rows, key=lambda r: r.kind if r.kind in FOLDED and not r.partner else None):
        together = tuple(group)
        runs += [Run(kind, together, folded=True)] if kind else [Run(r.kind, (r,)) for r in together]
    return tuple(runs)


def _section_id(comparison: Comparison, index: int) -> str:
    """A section's anchor: its key, made unique, never one of the page's own ids."""
    key = comparison.sections[index].key
    earlier = any(s.key == key for s in comparison.sections[:index])
    return f"section-{key}--{index}" if earlier else f"section-{key}"  # slugs never hold "--"


def page_counts(sections: tuple[PageSection, ...]) -> dict[str, int]:
    """How many rows of each kind the page shows: what its filters count."""
    counts = dict.fromkeys(KINDS, 0)
    for section in sections:
        for kind, count in section.counts.items():
            counts[kind] += count
    return counts
