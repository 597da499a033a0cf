"""A sentence as tokens (words, numbers, punctuation) and the clauses they fall into.

Readers of a number look at the words around it: the noun phrase after it, the verb before
it, the subject of its clause. Tokens give them those words with their places; a number
is one token however many words it is written with ("$2.418 trillion", "twenty-five").
"""

import re
from bisect import bisect_right
from collections.abc import Callable
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
    scope_at = _spans(scopes)
    compared = _spans([(a, b, "") for a, b in comparisons])
    for piece in _PIECE.finditer(text):
        start = piece.start()
        while pending and pending[-1].end <= start:
            tokens.append(_number_token(pending.pop()))
        if pending and pending[-1].start <= start < pending[-1].end:
            number = pending[-1]
            if piece.end() > number.end:  # "three-year": the number, then "-" and "year"
                tokens.append(_number_token(pending.pop()))
                for rest in _PIECE.finditer(text, number.end, piece.end()):
                    tokens.append(Token(rest.group(0), rest.group(0).casefold(), rest.start(), rest.end()))
            continue  # a word of a number ("twenty-five", "million")
        said = piece.group(0)
        scope, compares = scope_at(start), compared(start) is not None
        tokens.append(Token(said, said.casefold().replace("’", "'"), start, piece.end(), None, scope, compares))
    tokens += [_number_token(n) for n in reversed(pending)]
    return tuple(tokens)


def _number_token(number: Number) -> Token:
    return Token(number.text, number.text.casefold(), number.start, number.end, number)


def _spans(spans: list[tuple[int, int, str]]) -> Callable[[int], str | None]:
    """A lookup: the name of the span (non-overlapping, from a regex) that holds an offset."""
    ordered = sorted(spans)
    starts = [a for a, _, _ in ordered]

    def holding(offset: int) -> str | None:
        k = bisect_right(starts, offset) - 1
        return ordered[k][2] if k >= 0 and offset < ordered[k][1] else None

    return holding


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
