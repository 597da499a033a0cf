"""Sentences: NLTK's Punkt with abbreviations built in code, never a data download; and
NLTK's Porter stemmer, which needs no data either, for the forms of one word.

A bullet is one unit however many sentences it holds: recommendations are
added, dropped and reworded as whole items.
"""

import re
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
    u.s u.s.a u.n u.k e.u d.c e.g i.e vs v cf no nos art arts para paras sec secs ch chap
    dr mr mrs ms prof gen gov sen rep st ste mt ft jr sr col lt sgt capt cmdr adm hon
    maj brig rev fr ret ph.d a.m p.m
    inc ltd co corp dept govt assn intl natl est approx fig figs vol vols ed eds pp p
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
"""Lower-case, without the final full stop, as Punkt stores them ("U.S." -> "u.s"). Punkt
never ends a sentence at one before a lower-case word or a number ("case no. 12")."""

SENTENCE_STARTERS = frozenset(
    """
    the a an this that these those there it its he she they we i you his her their our my
    your some many most all each every both no none nobody nothing such one another other
    in on at for from by with after before during when while if although though because
    since as but and or yet so however moreover furthermore also therefore thus instead
    meanwhile still then later finally overall according despite what which who how where
    why do does did is are was were has have had not only even more less further additionally
    please here now today
    """.split()
)
"""Words that open sentences far more often than they follow a title or an abbreviation:
Punkt ends a sentence at an abbreviation followed by one of them, capitalized ("The answer
was no. We left.", "in the U.S. The government ..."), where it would otherwise run on."""

_ENUMERATOR = re.compile(r"\(?(?:\d{1,3}|[ivxlc]{1,6}|[a-z])[.)]", re.IGNORECASE)
"""A paragraph's own number ("3.", "(iv)", "b)"): Punkt takes it for a sentence of its own."""

MAX_UNIT_CHARS = 4000
"""Longer runs without a sentence end (a pasted table, a wall of text) are cut at a
space, so that no unit makes the word diff slow."""


@cache
def _tokenizer() -> "PunktSentenceTokenizer":
    """Punkt, built on first use: importing NLTK takes longer than comparing two reports."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    parameters = PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    parameters.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(parameters)


def split_sentences(block: Block) -> tuple[Sentence, ...]:
    """The sentences of a paragraph, or a bullet as one sentence; page furniture dropped."""
    return tuple(s for s in split_units(block) if not BOILERPLATE.fullmatch(s.text))


def split_units(block: Block) -> tuple[Sentence, ...]:
    """Every sentence-like unit of a block, page furniture included (for `tipdiff check`)."""
    whole = block.kind in (BlockKind.BULLET, BlockKind.FIELD)  # a list item, an almanac's field line
    spans = [(0, len(block.text))] if whole else sentence_spans(block.text)
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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans, a paragraph's leading number kept with its first sentence."""
    spans = list(_tokenizer().span_tokenize(text))
    if len(spans) > 1 and _ENUMERATOR.fullmatch(text[slice(*spans[0])]):
        spans[:2] = [(spans[0][0], spans[1][1])]
    return spans


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
