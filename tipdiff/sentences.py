"""Sentences: NLTK's Punkt with abbreviations built in code, never a data download; and
NLTK's Porter stemmer, which needs no data either, for the forms of one word.

A bullet is one unit however many sentences it holds: recommendations are
added, dropped and reworded as whole items.
"""

from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

from tipdiff.model import Block, BlockKind, Sentence
from tipdiff.noise import BOILERPLATE

if TYPE_CHECKING:
    from nltk.stem.porter import PorterStemmer
    from nltk.tokenize.punkt import PunktSentenceTokenizer
from tipdiff.normalize import comparison_key

ABBREVIATIONS = frozenset(
    """
    u.s u.s.a u.n u.k e.u d.c e.g i.e vs v no nos art arts para paras sec secs ch
    dr mr mrs ms prof gen gov sen rep st ste mt ft jr sr col lt sgt capt cmdr adm hon
    inc ltd co corp dept govt assn intl natl est approx fig figs vol vols ed eds
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
"""Lower-case, without the final full stop, as Punkt stores them ("U.S." -> "u.s")."""

MAX_UNIT_CHARS = 4000
"""Longer runs without a sentence end (a pasted table, a wall of text) are cut at a
space, so that no unit makes the word diff slow."""


@cache
def _tokenizer() -> "PunktSentenceTokenizer":
    """Punkt, built on first use: importing NLTK takes longer than comparing two reports."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(parameters)


def split_sentences(block: Block) -> tuple[Sentence, ...]:
    """The sentences of a paragraph, or a bullet as one sentence; page furniture dropped."""
    return tuple(s for s in split_units(block) if not BOILERPLATE.fullmatch(s.text))


def split_units(block: Block) -> tuple[Sentence, ...]:
    """Every sentence-like unit of a block, page furniture included (for `tipdiff check`)."""
    whole = block.kind in (BlockKind.BULLET, BlockKind.FIELD)  # a list item, an almanac's field line
    spans = [(0, len(block.text))] if whole else list(_tokenizer().span_tokenize(block.text))
    return tuple(
        Sentence(
            text=text,
            key=comparison_key(text),
            line=block.line + bisect_right(block.line_starts, start),
            bullet=block.kind is BlockKind.BULLET,
        )
        for start, end in spans
        for text in _cut(block.text[start:end].strip())
        if any(character.isalnum() for character in text)  # "...." or "---" is no sentence
    )


def _cut(text: str) -> list[str]:
    """The text in pieces of at most MAX_UNIT_CHARS, cut at spaces where there are any."""
    pieces = []
    while len(text) > MAX_UNIT_CHARS:
        cut = text.rfind(" ", 0, MAX_UNIT_CHARS)
        cut = cut if cut > 0 else MAX_UNIT_CHARS
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    return [*pieces, text]


@cache
def stem(word: str) -> str:
    """A word's stem: "limited", "limits" and "limit" are one word in other forms."""
    return _stemmer().stem(word)


@cache
def _stemmer() -> "PorterStemmer":
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()
