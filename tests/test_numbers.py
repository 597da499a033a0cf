"""Numbers in prose: what counts as a number, its exact amount and unit, and which writings are one number."""

from decimal import Decimal

import pytest

from tipdiff.numbers import find_numbers


def found(text: str) -> list[tuple[str, str]]:
    """(as written, key) for each number in `text`."""
    return [(n.text, n.key) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government identified 1,864 victims.", [("1,864", "1864")]),
        ("It allocated $52 million to shelters.", [("$52 million", "52000000 USD")]),
        ("It allocated US$7.5 million to shelters.", [("US$7.5 million", "7500000 USD")]),
        ("Courts imposed fines of USD 2,800.", [("USD 2,800", "2800 USD")]),
        ("GDP was $2.418 trillion.", [("$2.418 trillion", "2418000000000 USD")]),
        ("One victim received 57,500 Mexican pesos.", [("One", "1"), ("57,500", "57500 MXN")]),
        ("NGOs received 11 million pesos.", [("11 million", "11000000 pesos")]),
        ("85% of victims were women.", [("85%", "85 %")]),
        ("50 percent of victims were women.", [("50 percent", "50 %")]),
        ("Growth was .6% this year.", [(".6%", "0.6 %")]),
        ("Growth was -0.5% and −1.2%.", [("-0.5%", "-0.5 %"), ("−1.2%", "-1.2 %")]),
        ("up by 3.5 percentage points", [("3.5 percentage points", "3.5 pp")]),
        ("for the second year and the 3rd time", [("second", "2 ordinal"), ("3rd", "3 ordinal")]),
        ("Officials convicted twenty-five traffickers.", [("twenty-five", "25")]),
        ("It reached one million people.", [("one million", "1000000")]),
        ("Authorities arrested two officials.", [("two", "2")]),
        ("in 2021, compared with 658 in 2020", [("2021", "2021"), ("658", "658"), ("2020", "2020")]),
        ("a National Action Plan for 2022-2024", [("2022", "2022"), ("2024", "2024")]),
    ],
)
def test_numbers_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text", ["the impact of the COVID-19 pandemic", "no one was convicted", "victims helped one another", "G20 states"]
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
        ("$2.4 trillion", "$2,400 billion"),
    ],
)
def test_one_number_written_two_ways_has_one_key(first: str, second: str) -> None:
    [a], [b] = find_numbers(first), find_numbers(second)
    assert a.key == b.key


@pytest.mark.parametrize(
    ("first", "second"),
    [("two", "three"), ("$52 million", "$52"), ("50%", "50"), ("2021", "2022"), ("$500", "500 pesos"),
     ("57,500 Mexican pesos", "57,500 pesos"), ("second", "2"), ("-8%", "8%")],
)  # fmt: skip
def test_different_numbers_have_different_keys(first: str, second: str) -> None:
    [a], [b] = find_numbers(first), find_numbers(second)
    assert a.key != b.key


def test_amounts_are_exact() -> None:
    [number] = find_numbers("$2.418 trillion")
    assert number.amount == Decimal(2418000000000)
    assert (number.unit, number.kind) == ("USD", "money")


def test_a_year_is_four_digits_without_separator() -> None:
    assert [n.kind for n in find_numbers("in 2021 there were 1,931 calls")] == ["year", "count"]


def test_positions_point_at_the_number() -> None:
    text = "In 2022, officials identified 440 victims."
    assert [text[n.start : n.end] for n in find_numbers(text)] == ["2022", "440"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("First, technology has made people less social.", []),
        ("Second, the schools found 5 cases; third, they closed.", [("5", "5")]),
        ("First of all, it is costly. At first, nobody came.", []),
        ("On the one hand, one must admit that one victim died.", [("one", "1")]),
        ("One of the reasons is cost, one of the biggest changes.", []),
        ("One of the three victims was a child.", [("One", "1"), ("three", "3")]),
        ("Authorities identified one victim and two suspects.", [("one", "1"), ("two", "2")]),
        (
            "It was the second year; the first six months of 2020.",
            [("second", "2 ordinal"), ("first", "1 ordinal"), ("six", "6"), ("2020", "2020")],
        ),
        ("3. The committee met 4 times.", [("4", "4")]),
        ("First responders and courts of first instance saw third-country nationals.", []),
        ("This one is better, and that one.", []),
        ("For the first time, 2 courts ruled.", [("first", "1 ordinal"), ("2", "2")]),
    ],
)
def test_discourse_words_and_paragraph_numbers_are_no_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
