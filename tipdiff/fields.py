"""Fields: in an almanac, a field's label is its identity, whatever its value says.

"Chief of state: President Andres Manuel LOPEZ OBRADOR" and "Chief of state: President
Claudia SHEINBAUM Pardo" share few words, yet are one field revised; "Birth rate" and
"Death rate" read alike, yet are two fields. So field lines are paired by their labels
before alignment (the n-th line under a label with the n-th line under it in the other
edition), and a label only one edition has is a field added or dropped, never paired with
another field's line. The aligner is left the prose.
"""

import re
from collections import defaultdict
from dataclasses import replace

from tipdiff.align import heaviest_chain
from tipdiff.fieldlayout import VALUE_NAME
from tipdiff.match import SectionPair
from tipdiff.model import Block, Link, Report, Sentence
from tipdiff.similarity import Wording


def with_field(block: Block, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The sentences of a block, the first carrying the labels of the field line it opens."""
    if not block.field or not sentences:
        return sentences
    return (replace(sentences[0], field=block.field), *sentences[1:])


def link_fields(old: Report, new: Report, pairs: tuple[SectionPair, ...], wording: Wording) -> tuple[Link, ...]:
    """A link for every field line of both reports: paired by identity, or added or removed."""
    olds, news = _field_lines(old), _field_lines(new)
    _totals(olds, news, old.sentences, new.sentences)
    _totals(news, olds, new.sentences, old.sentences)
    paired: list[tuple[int, int]] = []
    for labels in olds.keys() & news.keys():
        paired += _paired(olds[labels], news[labels], old.sentences, new.sentences)
    paired.sort()
    section_of_old = {i: s for s, span in enumerate(old.section_spans) for i in span}
    section_of_new = {j: s for s, span in enumerate(new.section_spans) for j in span}
    counterpart = {(o, n) for pair in pairs for o in pair.old for n in pair.new}
    kept = {(i, j) for i, j, _ in heaviest_chain([(i, j, 1.0) for i, j in paired])}  # the fields in their order
    links = [
        Link(
            (i,),
            (j,),
            moved=(i, j) not in kept or (section_of_old[i], section_of_new[j]) not in counterpart,
            similarity=wording.similarity((i,), (j,)),
        )
        for i, j in paired
    ]
    paired_old, paired_new = {i for i, _ in paired}, {j for _, j in paired}
    links += [Link((i,), ()) for lines in olds.values() for i in lines if i not in paired_old]
    links += [Link((), (j,)) for lines in news.values() for j in lines if j not in paired_new]
    return tuple(links)


def _field_lines(report: Report) -> dict[tuple[str, ...], list[int]]:
    """The sentence indices of each field's lines (its own, its value lines), by its labels."""
    lines: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for k, sentence in enumerate(report.sentences):
        if sentence.field:
            lines[tuple(label.casefold() for label in sentence.field)].append(k)
    return lines


def _totals(
    lines: dict[tuple[str, ...], list[int]],
    other: dict[tuple[str, ...], list[int]],
    sentences: tuple[Sentence, ...],
    others: tuple[Sentence, ...],
) -> None:
    """A field whose own line holds its value ("Population: 130,207,371") where the other
    edition gives it in parts ("Population:" over "total: 130,739,927"): the value is the
    total's, and the line stands for the total (the other's label-only line is added)."""
    for labels in [labels for labels in lines if (*labels, "total") not in lines and (*labels, "total") in other]:
        own, their = lines[labels][0], other[labels][0] if other.get(labels) else None
        if their is not None and _label_only(others[their]) and not _label_only(sentences[own]):
            lines[labels].remove(own)
            lines[(*labels, "total")] = [own]


def _label_only(sentence: Sentence) -> bool:
    """The field's own line gives no value: it stands over its sub-fields or value lines."""
    return sentence.text.rstrip().endswith(":") and sentence.text.rstrip()[:-1].strip() == sentence.field[-1]


def _paired(
    olds: list[int], news: list[int], old: tuple[Sentence, ...], new: tuple[Sentence, ...]
) -> list[tuple[int, int]]:
    """The lines of one field in two editions, paired. A value line that names what it gives
    ("Pentecostal 1.6%" under "Religions:") is paired by those words, and one that only one
    edition names is a line added or dropped; where the field gives a value line per year
    ("$2.5 trillion (2020 est.)") and the editions share a year, line by year, and a year only
    one edition gives is a line added or dropped; the rest, the n-th with the n-th."""
    old_named, new_named = _named(olds, old), _named(news, new)
    by_name = [(i, new_named[name]) for name, i in old_named.items() if name in new_named]
    olds = [i for i in olds if i not in old_named.values()]
    news = [j for j in news if j not in new_named.values()]
    old_years, new_years = _years(olds, old), _years(news, new)
    if not old_years.keys() & new_years.keys():
        return by_name + list(zip(olds, news, strict=False))
    by_year = [(i, new_years[year]) for year, i in old_years.items() if year in new_years]
    rest_old = [i for i in olds if i not in old_years.values()]
    rest_new = [j for j in news if j not in new_years.values()]
    return by_name + by_year + list(zip(rest_old, rest_new, strict=False))


def value_name(sentence: Sentence) -> str | None:
    """What a value line without a label of its own names, before its first number: the
    "Pentecostal" of "Pentecostal 1.6%"; None for a line that starts with its value."""
    if not sentence.field or _own_line(sentence):
        return None
    found = VALUE_NAME.match(sentence.text)
    return " ".join(found["name"].casefold().split()) if found else None


def _own_line(sentence: Sentence) -> bool:
    return sentence.text.casefold().startswith(sentence.field[-1].casefold() + ":")


def _named(lines: list[int], sentences: tuple[Sentence, ...]) -> dict[tuple[str, int], int]:
    """The field's value lines that name what they give, by (name, its place among lines of that name)."""
    found: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = defaultdict(int)
    for k in lines:
        if name := value_name(sentences[k]):
            found[name, seen[name]] = k
            seen[name] += 1
    return found


def _years(lines: list[int], sentences: tuple[Sentence, ...]) -> dict[tuple[str, int], int]:
    """The field's value lines that state their year, by (year, its place among that year's lines)."""
    found: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = defaultdict(int)
    for k in lines:
        sentence = sentences[k]
        if _own_line(sentence):
            continue  # the field's own line, which may hold every year of it
        if year := _YEAR_LABEL.search(sentence.text):
            found[year["year"], seen[year["year"]]] = k
            seen[year["year"]] += 1
    return found


_YEAR_LABEL = re.compile(r"\((?:[^()]*?\s)?(?P<year>(?:19|20)\d\d)\b[^()]*\)")
"""The year a value line is for: "(2021 est.)", "(July 2022 est.)", "(2020)"."""
