"""Classification: a label for each link, exactly as the annotation guide defines them.

unchanged - the same after normalizing whitespace, quotes, dashes and broken hyphenation;
reworded  - other words, the same numbers (as a multiset);
figures   - at least one number differs;
added / removed - nothing on the other side.
"""

import re
from collections import Counter

from tipdiff.model import Change, FigureChange, Label, Link, Sentence, WordEdit
from tipdiff.numbers import Number, find_numbers
from tipdiff.worddiff import word_diff

_WORD = re.compile(r"[^\W\d_]+")


def classify(link: Link, old: tuple[Sentence, ...], new: tuple[Sentence, ...]) -> Change:
    """The change a link stands for, with its word diff and changed numbers."""
    olds = tuple(old[i] for i in link.old)
    news = tuple(new[j] for j in link.new)
    if not olds or not news:
        label = Label.ADDED if news else Label.REMOVED
        return Change(label, olds, news, link.moved, link.similarity, (), ())
    if " ".join(s.key for s in olds) == " ".join(s.key for s in news):
        return Change(Label.UNCHANGED, olds, news, link.moved, 1.0, (), ())
    old_text, new_text = " ".join(s.text for s in olds), " ".join(s.text for s in news)
    diff = word_diff(old_text, new_text)
    old_numbers, new_numbers = find_numbers(old_text), find_numbers(new_text)
    if Counter(n.value for n in old_numbers) == Counter(n.value for n in new_numbers):
        return Change(Label.REWORDED, olds, news, link.moved, link.similarity, diff, ())
    figures = changed_figures(diff, old_numbers, new_numbers)
    return Change(Label.FIGURES, olds, news, link.moved, link.similarity, diff, figures)


def changed_figures(
    diff: tuple[WordEdit, ...], old_numbers: tuple[Number, ...], new_numbers: tuple[Number, ...]
) -> tuple[FigureChange, ...]:
    """Numbers that the diff deletes or inserts, paired old -> new where one replaced the other.

    A hunk is a run of edits between two equal runs. Inside a hunk, a deleted and an
    inserted number are a pair when they are of one kind (two years, two amounts) and
    share a neighbouring word ("744 victims" -> "440 victims"); the rest are listed alone. A number deleted in one place and the same
    number inserted in another only moved, and is not reported.
    """
    old_text, new_text = "".join(e.old for e in diff), "".join(e.new for e in diff)
    hunks: list[tuple[list[Number], list[Number]]] = []
    o = n = 0
    open_hunk = False
    for edit in diff:
        if edit.op == "equal":
            open_hunk = False
        elif not open_hunk:
            hunks.append(([], []))
            open_hunk = True
        if edit.op == "delete":
            hunks[-1][0].extend(x for x in old_numbers if x.start < o + len(edit.old) and x.end > o)
        elif edit.op == "insert":
            hunks[-1][1].extend(x for x in new_numbers if x.start < n + len(edit.new) and x.end > n)
        o += len(edit.old)
        n += len(edit.new)

    pairs: list[tuple[Number | None, Number | None]] = []
    for gone, came in hunks:
        unpaired = _distinct(came)
        for a in _distinct(gone):
            around = _neighbours(old_text, a)
            b = next((b for b in unpaired if b.kind == a.kind and around & _neighbours(new_text, b)), None)
            if b is not None:
                unpaired.remove(b)
            if b is None or a.value != b.value:
                pairs.append((a, b))
        pairs += [(None, b) for b in unpaired]
    gone = Counter(a.value for a, b in pairs if a and b is None)
    came = Counter(b.value for a, b in pairs if b and a is None)
    moved_old, moved_new = gone & came, gone & came
    kept = []
    for a, b in pairs:
        if a and b is None and moved_old[a.value]:
            moved_old[a.value] -= 1
        elif b and a is None and moved_new[b.value]:
            moved_new[b.value] -= 1
        else:
            kept.append(FigureChange(a.text if a else None, b.text if b else None))
    return tuple(kept)


def _neighbours(text: str, number: Number) -> set[tuple[str, str]]:
    """The words just before and after a number, each marked with its side."""
    before = _WORD.findall(text[max(0, number.start - 40) : number.start])
    after = _WORD.findall(text[number.end : number.end + 40])
    return {("before", w.casefold()) for w in before[-1:]} | {("after", w.casefold()) for w in after[:1]}


def _distinct(numbers: list[Number]) -> list[Number]:
    """A number that spans two edits is listed once."""
    return list(dict.fromkeys(numbers))
