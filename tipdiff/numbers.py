"""Numbers in prose: digits, money, percentages, number words and ordinals.

Years count as numbers (a TIP report's figures are always tied to a year), so
"in 2021" -> "in 2022" is a change of figures, as the annotation guide says.
"""

import re
from dataclasses import dataclass

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_VALUES = {word: i for i, word in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_SCALES = ["hundred", "thousand", "million", "billion"]

_WORD_NUMBER = rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS)}"
_NUMBER = re.compile(
    rf"""
    (?<!\w)(?<![A-Za-z]-)                     # not the 19 of COVID-19
    (?:
        (?P<ordinal>\d+(?:st|nd|rd|th))\b
      | (?P<digits>(?:US\$|\$|USD\ ?|MXN\ ?|€|£)?\d+(?:[.,]\d+)*)
      | \b(?P<ordinalword>{"|".join(_ORDINALS)})\b
      | \b(?P<word>{_WORD_NUMBER})\b
    )
    (?P<scale>\ (?:hundred|thousand|million|billion)\b)?
    (?P<percent>\ ?%|\ percent\b|\ per\ cent\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_CURRENCY = re.compile(r"(\D*)(.*)")
_CURRENCIES = {"US$": "$", "$": "$", "USD": "$", "MXN": "MXN ", "€": "€", "£": "£"}
_NOT_A_NUMBER = re.compile(r"\bno one\b|\bone another\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written, with a value that ignores how it was written."""

    text: str
    value: str
    """"Thirty" and "30", "5 percent" and "5%" share a value."""
    start: int
    end: int

    @property
    def kind(self) -> str:
        """year, money, percent, ordinal or count: only numbers of one kind replace each other."""
        if self.value.endswith("%"):
            return "percent"
        if self.value[:1] in "$€£" or self.value.startswith("MXN"):
            return "money"
        if re.fullmatch(r"\d+(?:st|nd|rd|th)", self.value):
            return "ordinal"
        if self.text.isdigit() and len(self.text) == 4 and self.text[:2] in ("19", "20"):
            return "year"  # "1,931" is a count: a year is written without a separator
        return "count"


def find_numbers(text: str) -> tuple[Number, ...]:
    """Every number in reading order."""
    skip = [m.span() for m in _NOT_A_NUMBER.finditer(text)]
    return tuple(
        Number(m.group(0), _value(m), m.start(), m.end())
        for m in _NUMBER.finditer(text)
        if not any(a <= m.start() < b for a, b in skip)
    )


def _value(match: re.Match[str]) -> str:
    if match["ordinal"]:
        value = match["ordinal"].lower()
    elif match["ordinalword"]:
        n = _ORDINALS.index(match["ordinalword"].lower()) + 1
        value = f"{n}{'th' if 10 <= n <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    elif match["word"]:
        tens, _, unit = match["word"].lower().partition("-")
        value = str(_VALUES[tens] + (_VALUES[unit] if unit else 0))
    else:
        currency, amount = _CURRENCY.match(match["digits"]).groups()  # type: ignore[union-attr]
        value = _CURRENCIES.get(currency.strip().upper(), "") + amount.replace(",", "")
    if match["scale"]:
        value += " " + match["scale"].strip().lower()
    if match["percent"]:
        value += "%"
    return value


NUMBER_WORDS = frozenset(_UNITS + _TENS + _ORDINALS + _SCALES)
"""Words that are numbers on their own, for masking them when comparing wording."""
