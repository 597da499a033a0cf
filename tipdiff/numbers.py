"""Numbers in prose: digits, money, percentages, number words and ordinals, read for their value.

"1,352", "five", "Thirty", "$2.418 trillion", "57,500 Mexican pesos", ".6%", "-8.06%" and
"second" are all numbers. Each has an exact amount and a unit, and a `key` under which two
writings of one number ("Thirty" and "30", "5 percent" and "5%") are equal. Years count as
numbers too (the annotation guide says so); what a number means is for `facts.py` to read.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
    " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_SCALES = {"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_WORD_VALUES = {word: i for i, word in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}

_WORD_NUMBER = rf"(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS)}"
_FIRST = "".join(sorted({w[0] for w in _UNITS + _TENS + _ORDINALS} | set("umeg")))
_NUMBER = re.compile(
    rf"""
    (?=[\d$€£.−\-{_FIRST}])                     # where a number can start: skips most places at once
    (?<![\w.])(?<![A-Za-z]-)                   # not inside a word, not the 19 of COVID-19
    (?:
        (?P<ordinal>\d+(?:st|nd|rd|th))\b
      | (?P<minus>(?:(?<=^)|(?<=[\s(\[:;/]))[-−](?=\.?\d))?
        (?P<currency>US\$|\$|USD\ ?|MXN\ ?|EUR\ ?|GBP\ ?|€|£)?
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!,\d)|\d+(?:\.\d+)?|\.\d+)(?!\w)
      | \b(?P<ordinalword>{"|".join(_ORDINALS)})\b
      | \b(?P<word>{_WORD_NUMBER})\b
    )
    (?P<scale>\ (?:{"|".join(_SCALES)})\b)?
    (?P<percent>\ ?%|\ percent\b|\ per\ cent\b|\ percentage\ points?\b)?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_CURRENCY_AFTER = re.compile(
    r"(?<!\s)\s++(?:(?P<mexican>Mexican\s+pesos?|MXN)|(?P<dollars>U\.?S\.?\s+dollars?|USD|dollars?)|(?P<euros>euros?|EUR)"
    r"|(?P<named>pesos?|kroner|krone|kronor|lempiras?|quetzal(?:es)?|soles|reais|real|rupees?|naira|shillings?"
    r"|rand|francs?|dinars?|dirhams?|riyals?|lira|yuan|yen|won|baht|ringgit|pounds sterling|rubles?|hryvnias?))\b",
    re.IGNORECASE,
)
"""A currency named after the amount ("57,500 Mexican pesos"): part of the unit, not of the text.
A currency named without its country ("pesos", "kroner") is a unit of its own name: never
taken for another country's."""
_CURRENCY_CODES = {
    "US$": "USD",
    "$": "USD",
    "USD": "USD",
    "MXN": "MXN",
    "EUR": "EUR",
    "€": "EUR",
    "GBP": "GBP",
    "£": "GBP",
}
_CURRENCY_NAMES = {"mexican": "MXN", "dollars": "USD", "euros": "EUR"}
_NOT_A_NUMBER = re.compile(
    rf"""
    ^\(?\d{{1,3}}[.)](?=\ ) | \bno\ one\b | \bone\ another\b | \bone\ or\ more\b | \bone-(?:on-one|off|stop)\b
  | (?:^|(?<=[;:]\ ))\W*(?:{"|".join(_ORDINALS[:10])})(?=\ ?,|\ of\ all\b)   # "First, ..." "; second, ..."
  | \bat\ first\b | \bfirst\ and\ foremost\b | \bin\ the\ first\ place\b
  | \bon\ the\ one\ hand\b
  | \bone\ of\ (?:the|these|those|its|his|her|their|our|my|your)\b(?!\ (?:[\w’'-]+\ )?(?:\d|(?:{_WORD_NUMBER})\b))
  | \bone(?='s\b|’s\b|\ (?:can|cannot|can't|must|should|would|could|may|might|will|shall|needs)\b)
  | \b(?:this|that|which|every|any|each)\ one(?=\ ?[.,;:!?)]|\ (?:is|was|has|had|does|did|seems)\b|$)
  | \bthe\ one\ (?:who|that|which|where)\b
  | \bfirst[-\ ](?:responders?|aid|instance|lady|hand|names?|language|nations)\b | \bfirsthand\b
  | \bsecond[-\ ](?:hand|language)\b | \bthird[-\ ](?:countr(?:y|ies)|part(?:y|ies))\b
  | (?<=(?:19|20)\d\d[-–/])\d\d\b(?![.,]?\d)                        # the 20 of "(2015-20 est.)", "FY2020/21"
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""A paragraph's own number ("3. The committee ..."), and number words used as words: "no one",
"one of the reasons", "one must", "On the one hand", "this one is"; an ordinal that orders the
writer's points ("First, ..."), or is part of a term ("first responders", "a court of first
instance", "third-country nationals"). "One of the three" is a count."""

CURRENCY_WORDS = frozenset(
    """mexican pesos peso dollars dollar u.s us euros euro mxn usd eur kroner krone kronor lempiras lempira
    quetzales quetzal soles reais real rupees rupee naira shillings shilling rand francs franc dinars dinar
    dirhams dirham riyals riyal lira yuan yen won baht ringgit rubles ruble""".split()
)
"""Words that name a currency after its amount, read as the number's unit."""


@dataclass(frozen=True, slots=True)
class Number:
    """A number as written, with its exact amount and unit."""

    text: str
    """As written, currency sign, scale word and percent included: "$52 million", "5 percent"."""
    start: int
    end: int
    amount: Decimal
    """"$2.418 trillion" is 2418000000000; "second" is 2."""
    unit: str | None
    """A currency code ("USD", "MXN", "EUR", "GBP", or "pesos"), "%", "pp" for percentage
    points, "ordinal" for "second" or "3rd"; None for a plain number."""

    @property
    def key(self) -> str:
        """Equal for one number written two ways ("Thirty", "30"); differs across units."""
        digits = format(self.amount.normalize(), "f")
        return f"{digits} {self.unit}" if self.unit else digits

    @property
    def kind(self) -> str:
        """How it is written: year, money, percent, ordinal or count."""
        if self.unit not in (None, "%", "pp", "ordinal"):
            return "money"
        if self.unit in ("%", "pp"):
            return "percent"
        if self.unit == "ordinal":
            return "ordinal"
        # A year is written without a separator: "1,931" is a count.
        if len(self.text) == 4 and self.text.isdigit() and self.text[:2] in ("19", "20"):
            return "year"
        return "count"

    @property
    def year(self) -> int | None:
        return int(self.text) if self.kind == "year" else None


def find_numbers(text: str) -> tuple[Number, ...]:
    """Every number in reading order."""
    skip = [m.span() for m in _NOT_A_NUMBER.finditer(text)]
    return tuple(_number(m, text) for m in _NUMBER.finditer(text) if not any(a <= m.start() < b for a, b in skip))


def _number(match: re.Match[str], text: str) -> Number:
    unit = None
    if match["ordinal"] or match["ordinalword"]:
        word = (match["ordinal"] or match["ordinalword"]).lower()
        amount = Decimal(word[:-2]) if word[0].isdigit() else Decimal(_ORDINALS.index(word) + 1)
        unit = "ordinal"
    elif match["word"]:
        tens, _, ones = match["word"].lower().partition("-")
        amount = Decimal(_WORD_VALUES[tens] + (_WORD_VALUES[ones] if ones else 0))
    else:
        digits = match["digits"].replace(",", "")
        amount = -Decimal(digits) if match["minus"] else Decimal(digits)
        if match["currency"]:
            unit = _CURRENCY_CODES[match["currency"].strip().upper()]
    if match["scale"]:
        amount *= Decimal(10) ** _SCALES[match["scale"].strip().lower()]
    if match["percent"]:
        unit = "pp" if "point" in match["percent"].lower() else "%"
    elif unit is None and not _price_base(match, text) and (after := _CURRENCY_AFTER.match(text, match.end())):
        group, found = next((group, found) for group, found in after.groupdict().items() if found)
        unit = _CURRENCY_NAMES.get(group) or _currency_name(found)
    return Number(match.group(0), match.start(), match.end(), amount, unit)


_PRICE_BASE = re.compile(r"\b(?:in|constant|chained)\s+$", re.IGNORECASE)


def _price_base(match: re.Match[str], text: str) -> bool:
    """ "data are in 2017 dollars": the year prices are reckoned in, not an amount of money."""
    digits = match["digits"] or ""
    return len(digits) == 4 and digits[:2] in ("19", "20") and bool(_PRICE_BASE.search(text, 0, match.start()))


def _currency_name(word: str) -> str:
    """ "pesos" and "peso" are one unit, "kroner" another."""
    word = word.casefold()
    return {"peso": "pesos", "krone": "kroner", "real": "reais", "quetzal": "quetzales"}.get(word, word)


NUMBER_WORDS = frozenset(_UNITS + _TENS + _ORDINALS + list(_SCALES))
"""Words that are numbers on their own, for masking them when comparing wording."""
