"""Arrangement: changes placed under sections, in the new report's reading order.

A change stands where its new sentences stand; a removed sentence stands where it
stood in the old report, right after the change that holds the old sentence before
it. An old section with no counterpart keeps its place among the sections.
"""

from dataclasses import replace

from tipdiff.match import SectionPair
from tipdiff.model import Change, Comparison, Link, Report, SectionComparison


def arrange(
    old: Report, new: Report, pairs: tuple[SectionPair, ...], links: tuple[Link, ...], changes: tuple[Change, ...]
) -> Comparison:
    """The comparison, every change under exactly one section."""
    # A report with no structure has no section that another report's section could be, unless
    # each report is one section: two memos, two fragments.
    whole = len(old.sections) == len(new.sections) == 1
    matched = [
        p for p in pairs if len(p.old) == 1 and len(p.new) == 1 and (whole or (old.structured and new.structured))
    ]
    counterpart = {p.new[0]: p.old[0] for p in matched}
    old_section_of = {i: s for s, span in enumerate(old.section_spans) for i in span}
    new_section_of = {j: s for s, span in enumerate(new.section_spans) for j in span}

    # Slots: ("new", j) for every new section, ("old", i) for old sections without a counterpart.
    slots: list[tuple[str, int]] = [("new", j) for j in range(len(new.sections))]
    slot_of_old = {i: ("new", j) for j, i in counterpart.items()}
    for i in range(len(old.sections)):
        if i not in slot_of_old:
            slot_of_old[i] = ("old", i)
            after = slot_of_old.get(i - 1)
            slots.insert(slots.index(after) + 1 if after in slots else _leading_old(slots), ("old", i))

    anchors = _anchors(links, old_section_of, new_section_of, slot_of_old)
    placed: dict[tuple[str, int], list[tuple[tuple[int, int, int], Change]]] = {slot: [] for slot in slots}
    for link, change in zip(links, changes, strict=True):
        if change.moved:  # say where a moved sentence came from
            change = replace(change, old_section=old.sections[old_section_of[link.old[0]]].name)
        if link.new:
            placed[("new", new_section_of[link.new[0]])].append(((link.new[0], 0, 0), change))
        else:
            i = link.old[0]
            placed[slot_of_old[old_section_of[i]]].append(((anchors[i], 1, i), change))

    # The old side of a report with no structure is no section: shown only for what it lost.
    shown = [slot for slot in slots if slot[0] == "new" or placed[slot] or old.structured]
    return Comparison(old, new, tuple(_section(slot, placed[slot], old, new, counterpart) for slot in shown))


def _anchors(links, old_section_of, new_section_of, slot_of_old) -> dict[int, int]:
    """For each old sentence, the first new sentence of the nearest change before it, in its own
    section, that stands under the same slot (-1 if none): a removed sentence goes after it."""
    change_of_old = {i: link for link in links for i in link.old}
    anchors, last, section = {}, -1, None
    for i in sorted(change_of_old):  # one pass in old reading order
        if old_section_of[i] != section:
            last, section = -1, old_section_of[i]
        anchors[i] = last
        link = change_of_old[i]
        if link.new and ("new", new_section_of[link.new[0]]) == slot_of_old[section]:
            last = link.new[0]
    return anchors


def _leading_old(slots: list[tuple[str, int]]) -> int:
    """Where an old-only section with nothing before it goes: after the other leading ones."""
    return next((k for k, slot in enumerate(slots) if slot[0] == "new"), len(slots))


def _section(slot, placed, old: Report, new: Report, counterpart: dict[int, int]) -> SectionComparison:
    side, index = slot
    if side == "old":
        section = old.sections[index]
        return SectionComparison(section.name, section.title, None, _in_reading_order(placed))
    section = new.sections[index]
    old_title = old.sections[counterpart[index]].title if index in counterpart else None
    return SectionComparison(section.name, old_title, section.title, _in_reading_order(placed))


def _in_reading_order(placed) -> tuple[Change, ...]:
    return tuple(change for _, change in sorted(placed, key=lambda item: item[0]))
