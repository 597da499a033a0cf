"""How figures are worded for readers: values with their qualifiers and periods, changes with
their signs, and the chips that say what changed in a revised sentence.

Every template words a figure the same way through these functions, which are plain
functions of the data (`render.py` registers them as filters and context methods).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tipdiff.facts.pairing import CURRENT, period_of
from tipdiff.model import Change, Fact, KeyFigure, Role

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def signed(value: float | Decimal | None, digits: int = 0) -> str:
    """+177, −304, −40.9: a change with its sign, and a true minus."""
    if value is None:
        return ""
    text = f"{abs(value):,.{digits}f}"
    return text if text.strip("0.,") == "" else ("+" if value > 0 else "\u2212") + text


def amount(value: Decimal, unit: str | None) -> str:
    """A value as a reader writes it: "$2.613 trillion", "57,500 MXN", "0.6%", "1,864"."""
    magnitude = abs(value)
    scaled = next((f"{_plain(magnitude / size)} {name}" for size, name in _SCALES if magnitude >= size), None)
    text = scaled or _plain(magnitude)
    if value < 0:
        text = "\u2212" + text
    if unit in ("%", "pp"):
        return f"{text}{'%' if unit == '%' else ' points'}"
    if unit in _SIGNS:
        return f"{_SIGNS[unit]}{text}" if value >= 0 else f"\u2212{_SIGNS[unit]}{text[1:]}"
    return f"{text} {unit}" if unit and unit != "ordinal" else text


def _plain(value: Decimal) -> str:
    """Thousands separated, no trailing zeros: 1,864; 2.418; 0.6."""
    text = format(value.normalize(), ",f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def value(fact: Fact, data_year: int | None) -> str:
    """A figure as the report gives it, with its qualifier and period: "at least 63 (2022)"."""
    period = period_of(fact, data_year)
    said = (
        f"{fact.qualifier} {fact.text}" if fact.qualifier and fact.qualifier not in ("est.", "or more") else fact.text
    )
    if fact.qualifier in ("est.", "or more"):
        said = f"{said} {fact.qualifier}"  # "130,207,371 est."
    return f"{said} ({period})" if period != CURRENT else said


_EXACT = (None, "est.", "only")
"""Qualifiers that leave a value exact: a change measured from "at least 63" is not."""
_AT_LEAST = ("at least", "more than", "no fewer than", "over", "or more")
_AT_MOST = ("at most", "no more than", "fewer than", "less than", "up to", "under", "nearly", "almost")


def direction(figure: KeyFigure) -> int:
    """+1 when the figure surely rose, -1 when it surely fell, 0 when its qualifiers leave it
    open: from 95 to "at least 63" it may have risen."""
    old, new = figure.old.fact, figure.new.fact
    if new.value < old.value and new.qualifier in (*_EXACT, *_AT_MOST) and old.qualifier in (*_EXACT, *_AT_LEAST):
        return -1
    if new.value > old.value and new.qualifier in (*_EXACT, *_AT_LEAST) and old.qualifier in (*_EXACT, *_AT_MOST):
        return 1
    return 0


def change_text(figure: KeyFigure) -> str:
    """ "+36 (+48.0%)", "−0.08 points", "+$195 billion (+8.1%)"; "≈" before it when a value is
    not exact ("approximately 11 million"), and not known when a bound leaves its sign open."""
    fact = figure.new.fact
    if _open_sign(figure):
        return "not known (a bound)"
    qualifiers = {figure.old.fact.qualifier, fact.qualifier}
    if direction(figure) and qualifiers <= {*_EXACT, *_AT_LEAST, *_AT_MOST} and not qualifiers <= set(_EXACT):
        return _at_least(figure)
    about = "" if qualifiers <= set(_EXACT) else "≈ "
    if fact.role is Role.SHARE:
        return f"{about}{signed(figure.difference, _decimals(figure.difference))}{_points(fact)}"
    difference = amount(figure.difference, fact.unit if fact.role is Role.MONEY else None)
    difference = difference if difference.startswith("\u2212") or not figure.difference else "+" + difference
    text = f"{difference} ({signed(figure.percent, 1)}%)" if figure.percent is not None else difference
    return about + text


def _points(fact) -> str:
    """A share in per cent moves by points; a rate per 1,000 ("9.8 births/1,000") by the bare
    difference, in the unit its lines give."""
    return " points" if fact.unit in ("%", "pp") else ""


def _at_least(figure: KeyFigure) -> str:
    """A change that a bound makes a least: from "at least 35" to 33 is a fall of at least 2,
    and of at least 5.7%, whatever the first value was."""
    fact = figure.new.fact
    change = "a rise" if figure.difference > 0 else "a fall"
    if fact.role is Role.SHARE:
        return f"{change} of at least {abs(figure.difference):,.{_decimals(figure.difference)}f}{_points(fact)}"
    size = amount(abs(figure.difference), fact.unit if fact.role is Role.MONEY else None)
    percent = f" ({abs(figure.percent):.1f}%)" if figure.percent is not None else ""
    return f"{change} of at least {size}{percent}"


def _open_sign(figure: KeyFigure) -> bool:
    """A bound leaves even the sign of the change open: from 95 to "at least 63"."""
    old, new = figure.old.fact, figure.new.fact
    if new.value < old.value:
        return new.qualifier in _AT_LEAST or old.qualifier in _AT_MOST
    if new.value > old.value:
        return new.qualifier in _AT_MOST or old.qualifier in _AT_LEAST
    return False


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def label(fact: Fact) -> str:
    """What a fact counts with the scope its words leave out: "traffickers convicted (state)"."""
    words = fact.label or fact.measure or "figure"
    said = set(words.casefold().replace("-", " ").split())
    extra = [s for s in fact.scope if s.casefold().split()[0] not in said]
    return f"{words} ({', '.join(extra)})" if extra else words


@dataclass(frozen=True, slots=True)
class Chip:
    """One thing that changed in a revised sentence's figures, as the page and lists show it."""

    kind: str
    """year-over-year, restated, new or dropped (`FactChange.kind`)."""
    label: str
    old: str | None
    new: str | None


def chips(change: Change, old_year: int | None, new_year: int | None) -> list[Chip]:
    """The like-for-like changes of one measure, with scope and period. A number that changed
    but counts nothing its counterpart counts (a date, a duration, an unnamed count) is no
    chip: the word diff shows it, and two numbers in the same place are not one measure."""
    return [
        Chip(
            f.kind,
            label(f.new or f.old),  # type: ignore[arg-type]
            value(f.old, old_year) if f.old else None,
            value(f.new, new_year) if f.new else None,
        )
        for f in change.facts
    ]
