"""Numbers in prose: what counts as a number, and which writings are the same number."""

import pytest

from tipdiff.numbers import find_numbers


def found(text: str) -> list[tuple[str, str]]:
    """(as written, value) for each number in `text`."""
    return [(n.text, n.value) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government identified 1,864 victims.", [("1,864", "1864")]),
        ("It allocated $52 million to shelters.", [("$52 million", "$52 million")]),
        ("It allocated US$7.5 million to shelters.", [("US$7.5 million", "$7.5 million")]),
        ("Courts imposed fines of USD 2,800.", [("USD 2,800", "$2800")]),
        ("85% of victims were women.", [("85%", "85%")]),
        ("50 percent of victims were women.", [("50 percent", "50%")]),
        ("for the second year and the 3rd time", [("second", "2nd"), ("3rd", "3rd")]),
        ("Officials convicted twenty-five traffickers.", [("twenty-five", "25")]),
        ("Authorities arrested two officials.", [("two", "2")]),
        ("in 2021, compared with 658 in 2020", [("2021", "2021"), ("658", "658"), ("2020", "2020")]),
        ("a National Action Plan for 2022-2024", [("2022", "2022"), ("2024", "2024")]),
    ],
)
def test_numbers_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the impact of the COVID-19 pandemic",
        "no one was convicted",
        "victims helped one another",
        "The government maintained efforts.",
    ],
)
def test_not_numbers(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Thirty officials", "30 officials"),
        ("twenty-five officials", "25 officials"),
        ("5 percent", "5%"),
        ("USD 2,800", "$2,800"),
        ("the second time", "the 2nd time"),
        ("1,864 victims", "1864 victims"),
    ],
)
def test_one_number_written_two_ways_has_one_value(first: str, second: str) -> None:
    [a], [b] = find_numbers(first), find_numbers(second)
    assert a.value == b.value


@pytest.mark.parametrize(
    ("first", "second"), [("two", "three"), ("$52 million", "$52"), ("50%", "50"), ("2021", "2022")]
)
def test_different_numbers_have_different_values(first: str, second: str) -> None:
    [a], [b] = find_numbers(first), find_numbers(second)
    assert a.value != b.value


def test_positions_point_at_the_number() -> None:
    text = "In 2022, officials identified 440 victims."
    assert [text[n.start : n.end] for n in find_numbers(text)] == ["2022", "440"]
