"""Alignment of prose without headings: paragraphs are its structure."""

import tipdiff
from tipdiff.model import Label

OLD = """The council met on Monday to discuss the budget. Members argued about the cost of new parks for hours.

The mayor said she was disappointed by the result. In the end the council voted against the plan.
"""
NEW = """The council met on Monday to discuss the budget. Much of the evening went to a quarrel over new parks.

The mayor told reporters that the outcome had disappointed her. In the end the council voted against the plan.
"""


def test_rewrites_in_place_in_each_paragraph_are_paired_and_not_moved() -> None:
    """The two rewrites share too few words for a gap of two, but each is alone in its paragraph."""
    comparison = tipdiff.compare(OLD, NEW, profile="generic")
    assert [(c.old[0].text[:12], c.new[0].text[:12], c.moved) for c in comparison.changes] == [
        ("The council ", "The council ", False),
        ("Members argu", "Much of the ", False),
        ("The mayor sa", "The mayor to", False),
        ("In the end t", "In the end t", False),
    ]


def test_a_report_with_headings_keeps_its_stricter_gaps() -> None:
    """In a section, a gap of two is filled only at the GAP level, as before."""
    comparison = tipdiff.compare("PREVENTION\n" + OLD, "PREVENTION\n" + NEW, profile="tip")
    assert [c.label for c in comparison.changes].count(Label.ADDED) == 2


def test_sentences_that_count_different_things_are_not_paired_as_a_move() -> None:
    """Alike in words, but one counts cases investigated and the other traffickers convicted:
    the old one was dropped and the new one added, not moved."""
    old = (
        "PROSECUTION\nThe government maintained law enforcement efforts. Courts acquitted many suspects."
        " Punjab police reported convicting 52 of these traffickers.\n"
    )
    new = (
        "PROSECUTION\nThe government maintained law enforcement efforts. Punjab police investigated 1,422 of these"
        " cases. Courts acquitted many suspects.\n"
    )
    changes = tipdiff.compare(old, new, profile="tip").changes
    assert [c.label for c in changes if c.old and "convicting" in c.old[0].text] == [Label.REMOVED]
