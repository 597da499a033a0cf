"""Comparison keys: typographic variants compare equal, different words do not."""

import pytest

from tipdiff.normalize import comparison_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('NGOs said "shelters were full".', "NGOs said “shelters were full”."),
        ("the government's plan", "the government’s plan"),
        ("victims -- especially children", "victims—especially children"),
        ("victims - especially children", "victims – especially children"),
        ("victims — especially children", "victims—especially children"),
        ("the law\u00a0requires care", "the law requires care"),
        ("the law  requires\tcare ", "the law requires care"),
        ("a legally- required fund", "a legally-required fund"),
        ("a legally\u2011required fund", "a legally-required fund"),
        ("victims were re- traumatized", "victims were re-traumatized"),
        ("for 2022–2024", "for 2022-2024"),
        ("for 2022 - 2024", "for 2022-2024"),
        ("anti\u00adtrafficking", "antitrafficking"),
    ],
)
def test_typographic_variants_compare_equal(first: str, second: str) -> None:
    assert comparison_key(first) == comparison_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("federal- and state-level officials", "federal-and state-level officials"),
        ("a legally- required fund", "a legally required fund"),
        ("a legally-required fund", "a legally required fund"),
        ("Shelters were full.", "shelters were full."),
        ("440 victims", "44 victims"),
    ],
)
def test_different_words_stay_different(first: str, second: str) -> None:
    assert comparison_key(first) != comparison_key(second)


def test_suspended_hyphen_is_kept() -> None:
    assert comparison_key("federal- and state-level officials") == "federal- and state-level officials"


def test_key_is_idempotent() -> None:
    text = "NGOs said “shelters were full”—especially\u00a0in a legally- required way, 2022–2024."
    assert comparison_key(comparison_key(text)) == comparison_key(text)
