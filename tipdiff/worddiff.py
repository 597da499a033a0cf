"""The one place tipdiff speaks to diff-match-patch: a word-level diff of two sentences.

Each distinct word (by its comparison key, so a curly and a straight quote are the
same word) becomes one character, diff-match-patch diffs those strings, and its
semantic clean-up merges the small equalities that make a diff hard to read.
The timeout is switched off: the inputs are aligned sentences, whose length the
sentence splitter bounds, never whole documents, so the diff is always exact.
"""

import re

from diff_match_patch import diff_match_patch

from tipdiff.model import WordEdit
from tipdiff.normalize import comparison_key

_TOKEN = re.compile(
    r"\s*(?:[\u2014\u2015\u2013]|--)\s*|\s+-\s+"  # a dash with its spaces, however styled
    r"|[^\W_]+(?:(?:[.,'\u2019-]|- (?=[a-z]))[^\W_]+)*"  # a word, "legally- required" included
    r"|\s+|.",
    re.DOTALL,
)
_OPS = {-1: "delete", 0: "equal", 1: "insert"}


def word_diff(old: str, new: str) -> tuple[WordEdit, ...]:
    """Runs of equal, deleted and inserted words; `old` and `new` rebuild the two texts."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    codes: dict[str, str] = {}

    def encode(tokens: list[str]) -> str:
        return "".join(codes.setdefault(_fold(t), chr(0xE000 + len(codes))) for t in tokens)

    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(encode(old_tokens), encode(new_tokens), False)
    engine.diff_cleanupSemantic(diffs)

    edits: list[WordEdit] = []
    o = n = 0
    for op, chars in diffs:
        size = len(chars)
        old_text = "".join(old_tokens[o : o + size]) if op <= 0 else ""
        new_text = "".join(new_tokens[n : n + size]) if op >= 0 else ""
        o += size if op <= 0 else 0
        n += size if op >= 0 else 0
        edits.append(WordEdit(_OPS[op], old_text, new_text))  # type: ignore[arg-type]
    return tuple(edits)


def _fold(token: str) -> str:
    return " " if token.isspace() else comparison_key(token) or token
