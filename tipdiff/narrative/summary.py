"""The summary's own ranking of the year: the efforts it credits and the shortfalls it names.

A TIP summary lists what mattered most to its authors: "These efforts included A; B; and
C. D. However, the government did not meet the minimum standards in several key areas.
E; F. G." (a Watch List summary turns with "However, the government did not demonstrate
overall increasing efforts"; sentences of the tier, a verdict or a waiver are no items).
Each item is read as written, and the items of two editions are matched by
wording, so that a briefing can say which efforts and shortfalls are new to the summary
and which it no longer names.
"""

import re

from tipdiff.model import Report, Sentence, SummaryChange, SummaryItem
from tipdiff.normalize import words
from tipdiff.profiles import Profile
from tipdiff.similarity import Vocabulary, bag

SAME_ITEM = 0.5
"""Least similarity of two items' wording for them to be one item, reworded."""
SAID_ELSEWHERE = 0.7
"""Least share of an item's wording that one sentence of the other summary must hold for
the item to count as named there, though not as a list item of its own."""
SHORTER_WORDS = 4
"""Fewest words of a sentence that says an item shorter for it to count as the item."""
_ITEMS = re.compile(r"(?:(?<!\s)\s++)?;\s*+(?:and\s++)?|,\s++(?:and\s++)?(?=(?!including\b)\w+ing\b)")
"""Between the items of a list: a semicolon, or a comma before the next "-ing" verb
("opening ..., convicting ...")."""
_CLAUSES = re.compile(
    r"(?:(?<!\s)\s++)?;\s*+(?:and\s++)?|,\s++and\s++(?=(?:the|its|it|authorities|courts|officials|police)\b)"
)
"""Between the items of a sentence: a semicolon, or ", and" before a new subject."""
_DETAIL = re.compile(r"(?:,|(?<!\s))\s++\(?(?:including|such as|especially|particularly)\b.*$")
"""Where an item's details begin: an item is the same item with other examples."""


def summary_items(report: Report, profile: Profile) -> tuple[SummaryItem, ...]:
    """The efforts and the shortfalls the summary names, in its order."""
    if profile.summary is None or profile.credits is None:
        return ()
    sentences = _summary(report, profile)
    items: list[SummaryItem] = []
    kind = None
    verdicts = [pattern for verdict in profile.verdicts for pattern in verdict.patterns]
    for sentence in sentences:
        if found := profile.credits.search(sentence.key):
            kind = "effort"
            items += _items("effort", _ITEMS.split(found.group("items")), sentence, len(items))
        elif profile.shortfalls and profile.shortfalls.search(sentence.key):
            kind = "shortfall"
        elif any(pattern.search(sentence.key) for pattern in verdicts) or (
            profile.placement and profile.placement.search(sentence.key)
        ):
            continue  # the tier, a verdict, a waiver: shifts of their own, never an item of a list
        elif kind is not None and report.structured:
            items += _items(kind, _CLAUSES.split(sentence.key), sentence, len(items))
    return tuple(items)


def _summary(report: Report, profile: Profile) -> list[Sentence]:
    """The summary's sentences: its first summary section (a report has one; a text that
    repeats itself is not summarised again and again); of a scrape, only the first sentence
    that lists efforts says what it lists."""
    if not report.structured:
        listing = (s for s in report.sentences if profile.credits and profile.credits.search(s.key))
        return [first] if (first := next(listing, None)) else []
    first = next((section for section in report.sections if section.key == profile.summary), None)
    return list(first.sentences) if first else []


def _items(kind: str, pieces: list[str], sentence: Sentence, before: int) -> list[SummaryItem]:
    """The items of one sentence; `before` items came before them."""
    kept = [piece.strip(" .;,") for piece in pieces if len(words(piece)) >= 2]
    return [SummaryItem(kind, piece, sentence, before + k) for k, piece in enumerate(kept)]  # type: ignore[arg-type]


def summary_changes(old: Report, new: Report, profile: Profile, vocabulary: Vocabulary) -> tuple[SummaryChange, ...]:
    """Items only one summary names: new to the new one, or no longer named in it. Items are
    matched by wording, each at most once; an item the other summary says in a sentence of its
    own is named there too."""
    before, after = summary_items(old, profile), summary_items(new, profile)
    kinds = {item.kind for item in before} & {item.kind for item in after}  # a list only one has tells nothing
    before, after = [i for i in before if i.kind in kinds], [i for i in after if i.kind in kinds]
    bags = {id(item): bag(_DETAIL.sub("", item.text)) for item in (*before, *after)}
    pairs = sorted(
        (
            (vocabulary.similarity(bags[id(a)], bags[id(b)]), i, j)
            for i, a in enumerate(before)
            for j, b in enumerate(after)
        ),
        reverse=True,
    )
    matched_old, matched_new = set(), set()
    for score, i, j in pairs:
        if score < SAME_ITEM:
            break
        if i not in matched_old and j not in matched_new:
            matched_old.add(i)
            matched_new.add(j)

    def said_in(item: SummaryItem, report: Report) -> bool:
        """The item's wording is in a sentence of the other summary, or a sentence of it is the
        item said shorter ("The CJTF continued to recruit and use children")."""
        own = bags[id(item)]
        return any(
            vocabulary.containment(own, other) >= SAID_ELSEWHERE
            or (len(other) >= SHORTER_WORDS and vocabulary.containment(other, own) >= SAID_ELSEWHERE)
            for other in (bag(s.key) for s in _summary(report, profile))
        )

    changes = [
        SummaryChange("new", item) for j, item in enumerate(after) if j not in matched_new and not said_in(item, old)
    ]
    changes += [
        SummaryChange("dropped", item)
        for i, item in enumerate(before)
        if i not in matched_old and not said_in(item, new)
    ]
    return tuple(changes)
