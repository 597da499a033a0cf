"""A sentence as tokens (words, numbers, punctuation) and the clauses they fall into.

Readers of a number look at the words around it: the noun phrase after it, the verb before
it, the subject of its clause. Tokens give them those words with their places; a number
is one token however many words it is written with ("$2.418 trillion", "twenty-five").
"""

import re
from typing import NamedTuple

from tipdiff.facts.words import is_verb
from tipdiff.numbers import Number

_PIECE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*\+?|\d+|[^\w\s]")

CLAUSE_MARKS = frozenset(";:")
"""Punctuation that always ends a clause."""
CONTRASTS = frozenset("but while whereas although though however yet".split())
"""Conjunctions after which a clause has a subject of its own."""
SUBORDINATORS = frozenset("although though while whereas because since if when unless".split())
"""Words that open a leading clause ending at the first comma ("Although federal authorities ..., state ...")."""


class Token(NamedTuple):
    """A word, a number or a punctuation mark, with its place in the sentence (a named
    tuple, not a dataclass: a report has tens of thousands, made in the hot loop)."""

    text: str
    low: str
    """Lower case, curly apostrophes straightened: what the readers compare."""
    start: int
    end: int
    number: Number | None = None
    scope: str | None = None
    """The scope of the phrase the token is part of ("forced labor" is "labor trafficking"):
    such words are never taken for verbs, however they end."""
    compares: bool = False
    """Part of a comparison ("compared with", "increased from"): never a phrase of its own."""

    @property
    def is_word(self) -> bool:
        return self.number is None and self.text[:1].isalpha()

    @property
    def verb_shaped(self) -> bool:
        return self.scope is None and is_verb(self.low)


def tokenize(
    text: str, numbers: tuple[Number, ...], scopes: list[tuple[int, int, str]], comparisons: list[tuple[int, int]]
) -> tuple[Token, ...]:
    """Tokens in reading order; each number is one token; each word knows its scope phrase
    and whether it is part of a comparison."""
    tokens: list[Token] = []
    pending = list(reversed(numbers))  # popped from the end, in reading order
    spans = sorted(scopes)

    def word(piece: str, start: int, end: int) -> Token:
        scope = next((name for a, b, name in spans if a <= start < b), None) if spans else None
        compares = any(a <= start < b for a, b in comparisons) if comparisons else False
        return Token(piece, piece.casefold().replace("’", "'"), start, end, None, scope, compares)

    def number_token(number: Number) -> Token:
        return Token(number.text, number.text.casefold(), number.start, number.end, number)

    for piece in _PIECE.finditer(text):
        start = piece.start()
        while pending and pending[-1].end <= start:
            tokens.append(number_token(pending.pop()))
        if pending and pending[-1].start <= start < pending[-1].end:
            number = pending[-1]
            if piece.end() > number.end:  # "three-year": the number, then "-" and "year"
                tokens.append(number_token(pending.pop()))
                tokens += [
                    word(rest.group(0), rest.start(), rest.end())
                    for rest in _PIECE.finditer(text, number.end, piece.end())
                ]
            continue  # a word of a number ("twenty-five", "million")
        tokens.append(word(piece.group(0), start, piece.end()))
    tokens += [number_token(n) for n in reversed(pending)]
    return tuple(tokens)


def low_at(tokens: tuple[Token, ...], k: int) -> str:
    """The lower-case text of token k, or "" outside the sentence."""
    return tokens[k].low if 0 <= k < len(tokens) else ""


def word_at(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether token k is a word."""
    return 0 <= k < len(tokens) and tokens[k].is_word


def clause_starts(tokens: tuple[Token, ...]) -> tuple[int, ...]:
    """For each token, the index of the first token of its clause."""
    starts, start = [], 0
    opening = tokens[0].low in SUBORDINATORS if tokens else False
    for i, token in enumerate(tokens):
        previous = tokens[i - 1].low if i else ""
        if previous in CLAUSE_MARKS or (previous == "," and (token.low in CONTRASTS or opening)):
            start, opening = i, False
        elif token.low in CONTRASTS and i:
            start = i
        starts.append(start)
    return tuple(starts)
