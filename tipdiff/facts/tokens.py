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

    @property
    def is_word(self) -> bool:
        return self.number is None and self.text[:1].isalpha()

    @property
    def verb_shaped(self) -> bool:
        return self.scope is None and is_verb(self.low)


def tokenize(text: str, numbers: tuple[Number, ...], scopes: list[tuple[int, int, str]]) -> tuple[Token, ...]:
    """Tokens in reading order; each number is one token, each word knows its scope phrase."""
    tokens: list[Token] = []
    pending = list(numbers)
    scope_at = {k: name for a, b, name in scopes for k in range(a, b)} if scopes else {}
    for piece in _PIECE.finditer(text):
        start = piece.start()
        while pending and pending[0].end <= start:
            number = pending.pop(0)
            tokens.append(Token(number.text, number.text.casefold(), number.start, number.end, number))
        if pending and pending[0].start <= start < pending[0].end:
            number = pending[0]
            if piece.end() > number.end:  # "three-year": the number, then "-" and "year"
                tokens.append(Token(number.text, number.text.casefold(), number.start, number.end, number))
                pending.pop(0)
                for rest in _PIECE.finditer(text, number.end, piece.end()):
                    tokens.append(Token(rest.group(0), rest.group(0).casefold(), rest.start(), rest.end()))
            continue  # a word of a number ("twenty-five", "million")
        word = piece.group(0)
        tokens.append(Token(word, word.casefold().replace("’", "'"), start, piece.end(), scope=scope_at.get(start)))
    tokens += [Token(n.text, n.text.casefold(), n.start, n.end, n) for n in pending]
    return tuple(tokens)


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
