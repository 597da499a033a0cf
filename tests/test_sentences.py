"""Sentence splitting and numbered paragraphs, as in any well-kept splitter: an abbreviation
ends no sentence before a lower-case word or a number, and a real sentence end still splits."""

import pytest

from tipdiff.layout import split_blocks
from tipdiff.markdown import markdown_blocks
from tipdiff.model import Block, BlockKind
from tipdiff.sentences import split_units


def sentences(text: str) -> list[str]:
    return [s.text for s in split_units(Block(BlockKind.PARAGRAPH, text, 1))]


@pytest.mark.parametrize(
    "text",
    [
        "He filed case no. 12 in the district court.",
        "Maj. Gen. (ret.) John Smith chaired the board.",
        "Lt. Col. Jane Doe and Gen. Lee met Sen. Warren and Rep. Ocasio.",
        "See Smith (ed.) and the essays in Jones and Brown (eds.) on this point.",
        "The figures are in vol. 3, pp. 12-15 of the review.",
        "The cost was approx. 5 million dollars and the est. total is higher.",
        "She met Dr. Brown at St. Mary's hospital.",
        "The U.S. Embassy funded the program.",
        "He earned a Ph.D. in 2010 at a public university.",
    ],
)
def test_abbreviations_end_no_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They worked harder than they did. No one noticed.", ["They worked harder than they did.", "No one noticed."]),
        ("The rule was not changed. Ed Smith said so.", ["The rule was not changed.", "Ed Smith said so."]),
        ("The answer was no. We left early.", ["The answer was no.", "We left early."]),
        ("It happened in the U.S. The government responded.", ["It happened in the U.S.", "The government responded."]),
        ("The book was ed. by him in May. He was proud.", ["The book was ed. by him in May.", "He was proud."]),
    ],
)
def test_a_real_sentence_end_still_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_paragraph_keeps_its_number_with_its_first_sentence() -> None:
    assert sentences("3. The committee reviewed the proposal. It found problems.") == [
        "3. The committee reviewed the proposal.",
        "It found problems.",
    ]


PLAIN = """Intro paragraph. It has two sentences.

3. The committee reviewed the proposal. It found
several problems with it.

Steps:
1. Increase funding.
2. Train officials. Then report back.
3. Adopt a law.
"""


def test_a_numbered_paragraph_of_prose_is_a_paragraph_and_a_numbered_list_a_list() -> None:
    blocks = [(b.kind, b.text) for b in split_blocks(PLAIN, "plain")]
    assert blocks == [
        (BlockKind.PARAGRAPH, "Intro paragraph. It has two sentences."),
        (BlockKind.PARAGRAPH, "3. The committee reviewed the proposal. It found several problems with it."),
        (BlockKind.HEADING, "Steps:"),
        (BlockKind.BULLET, "Increase funding."),
        (BlockKind.BULLET, "Train officials. Then report back."),
        (BlockKind.BULLET, "Adopt a law."),
    ]


def test_a_numbered_paragraph_in_markdown_is_a_paragraph() -> None:
    text = "Intro.\n\n3. The committee met. It found\nproblems.\n\n4. Short item.\n\nList:\n\n1. One thing. And more.\n2. b\n"
    blocks = [(b.kind, b.text, b.line_starts) for b in markdown_blocks(text)]
    assert blocks == [
        (BlockKind.PARAGRAPH, "Intro.", ()),
        (BlockKind.PARAGRAPH, "3. The committee met. It found problems.", (31,)),
        (BlockKind.BULLET, "Short item.", ()),
        (BlockKind.PARAGRAPH, "List:", ()),
        (BlockKind.BULLET, "One thing. And more.", ()),
        (BlockKind.BULLET, "b", ()),
    ]
