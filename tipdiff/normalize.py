"""Comparison keys: the same words written with other quotes, dashes or spaces compare equal.

Normalization is for comparing only; what users see is always the original text.
"""

import re
import unicodedata

_CHARACTERS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u2002": " ", "\u2003": " ", "\t": " ",
        "\u2010": "-", "\u2011": "-",
    }
)  # fmt: skip

_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e0fff]"
)
"""Unicode's format characters and other default-ignorable ones (soft hyphen, zero-width
spaces and joiners, word joiner, direction marks, variation selectors, fillers): invisible,
so two sentences that differ only in them are the same."""

_RANGE_DASH = re.compile(r"(?<=\d)\s*[\u2012\u2013\u2014\u2015-]\s*(?=\d)")
"""2022–2024, 2022 - 2024 and 2022-2024 are one range."""
_JOINING_DASH = re.compile(r"(?<=\S)\u2013(?=\S)")
"""An unspaced en dash between words joins them like a hyphen."""
_PUNCTUATION_DASH = re.compile(
    r"(?:(?<!\s)\s++)?(?:[\u2014\u2015]|--)\s*+|(?<!\s)\s++[\u2012\u2013-]\s++|(?:(?<!\s)\s++)?\u2013\s*+"
)
"""Em dashes, double hyphens and spaced dashes all mark the same aside."""
_BROKEN_HYPHEN = re.compile(r"(?<=[a-z])- (?=[a-z])(?!(?:and|or|nor|to)\b)")
""""legally- required" is a line-break artefact; "federal- and state-level" is not."""

_WORD = re.compile(r"[^\W_]+")


def comparison_key(text: str) -> str:
    """Fold quotes, dashes, spaces and broken hyphenation so cosmetic variants compare equal."""
    folded = _INVISIBLE.sub("", unicodedata.normalize("NFC", text)).translate(_CHARACTERS)
    folded = _RANGE_DASH.sub("-", folded)
    folded = _JOINING_DASH.sub("-", folded)
    folded = _PUNCTUATION_DASH.sub(" \u2014 ", folded)
    folded = _BROKEN_HYPHEN.sub("-", folded)
    return " ".join(folded.split())


def words(key: str) -> list[str]:
    """Lower-case words of a comparison key, hyphenated words taken apart."""
    return _WORD.findall(key.casefold())


def unaccented(text: str) -> str:
    """Text without its accents, folded: "Côte" -> "cote"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def slug(name: str) -> str:
    """A country's name as a comparison key: "Côte d’Ivoire", "cote-d-ivoire" -> "cotedivoire"."""
    return re.sub(r"[^a-z0-9]", "", unaccented(name))
