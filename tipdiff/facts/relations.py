"""Relations between the numbers of a sentence, and what a number takes from the one it relates to.

- range: "five to 30 years", "2019-2021": the upper end points at the lower;
- part: "75 traffickers, including 65 sex traffickers", "111 traffickers – 81 for sex
  trafficking", "76 individuals (31 new and 45 ongoing)", "two of whom", and "Federal
  investigations included 23 sex trafficking cases" (a total named by the subject, counted
  in the sentence before): a part counts what its total counts, for a narrower scope;
- earlier: "744 victims in 2021, compared with 673 victims in 2020", "Total convictions, 116,
  increased from 75 convictions in 2021", and a sentence opening "In comparison, ..." or
  "This was a decrease from ..." after the sentence it compares with. The report itself says
  the two are one measure, so that sentence alone is evidence enough.
A number whose noun is left out ("compared with 673 in 2020", "56 subjected to forced
labor") takes the measure of the number it relates to, or of the item before it in a list.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tipdiff.facts.draft import Draft, owner
from tipdiff.facts.tokens import Token, low_at, word_at
from tipdiff.facts.words import DETERMINERS, QUALIFIERS, STOPS, is_verb, participle, plural
from tipdiff.model import Fact, Role
from tipdiff.profiles.lexicon import Lexicon

_REACH = 40
"""Most tokens a reader looks back for what opens a list or a bracket: a long list of
numbers must not make reading a sentence quadratic."""
_LOOKS_BACK = re.compile(
    r"^(?:in comparison\b|this (?:was|is|represented|represents|marked)\b|that was\b)", re.IGNORECASE
)
"""Openings of a sentence that compares with the figures of the sentence before it."""


def relate(
    drafts: list[Draft], tokens: tuple[Token, ...], starts: tuple[int, ...], text: str, marks: list[int],
    before: tuple[Fact, ...], lexicon: Lexicon,
) -> None:  # fmt: skip
    """Set each draft's relation, and fill in the measure of those whose noun is left out;
    `marks` are where the sentence's comparisons begin."""
    _ranges(drafts, tokens)
    _parts(drafts, tokens, starts, marks, before, lexicon)
    _named_before(drafts, tokens, starts, lexicon)
    _earlier(drafts, tokens, text, marks, before, lexicon)
    _elided(drafts, starts)


def _ranges(drafts: list[Draft], tokens: tuple[Token, ...]) -> None:
    for first, second in pairwise(drafts):
        between = [t.low for t in tokens[first.index + 1 : second.index]]
        joined = between in (["to"], ["-"], ["–"]) or (
            between == ["and"] and first.index and tokens[first.index - 1].low == "between"
        )
        if joined and first.role is second.role and not first.role.measurable:
            second.relation = ("range", drafts.index(first))


def _parts(
    drafts: list[Draft], tokens: tuple[Token, ...], starts: tuple[int, ...], marks: list[int],
    before: tuple[Fact, ...], lexicon: Lexicon,
) -> None:  # fmt: skip
    for k, draft in enumerate(drafts):
        if draft.relation or not draft.role.measurable:
            continue
        i = draft.index
        if (
            draft.parallel is not None
            and drafts[draft.parallel].relation
            and drafts[draft.parallel].relation[0] == "part"
        ):
            neighbour = drafts[draft.parallel]
            total = neighbour.relation[1]
            other = drafts[total] if total >= 0 else before[-1 - total]
            _take_from(draft, other, ("part", total), lexicon)
            continue
        in_brackets = _bracket_owner(tokens, i)
        if in_brackets is not None and draft.role is Role.MONEY and k and drafts[k - 1].role is Role.MONEY:
            previous = drafts[k - 1]
            if tokens[previous.index].end <= tokens[in_brackets].start:
                draft.measure, draft.how = None, "conversion"  # "57,500 pesos (USD 2,800)": the same amount again
                continue
        whom = (
            i + 2 < len(tokens) and tokens[i + 1].low == "of" and tokens[i + 2].low in ("whom", "which", "them")
        ) or (
            i >= 2 and tokens[i - 2].low in ("of", "among") and tokens[i - 1].low in ("whom", "which", "them")
        )  # "75 traffickers, two of whom ...", "4,120 cases, of which 1,034 ..."
        if draft.part or in_brackets is not None or whom:
            totals = [t for t in range(k) if drafts[t].role.measurable and not drafts[t].part]
            if in_brackets is not None:
                totals = [t for t in totals if drafts[t].index < in_brackets]
            if totals and not drafts[totals[-1]].measure and not _compared(tokens, marks, drafts[totals[-1]]):
                # "identified 1,450 potential victims but certified only 415 ..., including 67
                # children": the 67 are of the 415, whatever those count; not of the 1,450
                draft.measure = None
                continue
            totals = [t for t in totals if drafts[t].measure]
            if totals:
                _take_from(draft, drafts[totals[-1]], ("part", totals[-1]), lexicon)
                continue
        subject = _including_subject(tokens, starts, i, lexicon)
        if subject:
            measure, label, scope = subject
            draft.part = True
            vague = draft.head is None or (draft.measure or "").split(" ")[0] in lexicon.vague or draft.head in _GROUPS
            if vague:
                draft.measure, draft.label = measure, label
            for dimension, value in scope.items():
                draft.scope.setdefault(dimension, value)
            level = scope.get("level")
            total = next(
                (
                    j
                    for j, f in enumerate(before)
                    if f.measure == measure and not f.relation and _level(f, lexicon) == level
                ),
                None,
            )
            if total is not None:
                draft.relation = ("part", -1 - total)


_GROUPS = frozenset("girls boys women men children adults minors".split())


def _compared(tokens: tuple[Token, ...], marks: list[int], draft: Draft) -> bool:
    """Whether a number stands in a comparison ("compared with 60 in 2020"): an earlier figure,
    whose noun the comparison leaves out, not another count."""
    start = tokens[draft.index].start
    return any(mark < start for mark in marks)


def _bracket_owner(tokens: tuple[Token, ...], i: int) -> int | None:
    """For a number inside brackets right after another number's phrase, where the bracket opens."""
    depth = 0
    for k in range(i - 1, max(-1, i - _REACH), -1):
        if tokens[k].low == ")":
            depth += 1
        elif tokens[k].low == "(":
            if depth == 0:
                return k if any(t.number for t in tokens[max(0, k - 4) : k]) else None
            depth -= 1
    return None


def _including_subject(
    tokens: tuple[Token, ...], starts: tuple[int, ...], i: int, lexicon: Lexicon
) -> tuple[str, str, dict[str, str]] | None:
    """For "Federal investigations included 23 ...": the measure, label and scope the subject names;
    later items of the list ("... and 30 labor trafficking cases") are parts of it too."""
    k = i - 1
    while k >= max(starts[i], i - _REACH) and tokens[k].low not in ("included", "includes", "include"):
        if tokens[k].verb_shaped:
            return None
        k -= 1
    if k < max(starts[i], i - _REACH):
        return None
    words = []
    j = k - 1
    while j >= starts[i] and tokens[j].is_word and tokens[j].low not in STOPS and tokens[j].low not in DETERMINERS:
        words.insert(0, tokens[j])
        j -= 1
    if not words:
        return None
    return _named(words, lexicon)


def _named(words: list[Token], lexicon: Lexicon) -> tuple[str, str, dict[str, str]]:
    """Measure, label and scope of a noun phrase without a number ("Federal investigations")."""
    head = words[-1].low
    label = " ".join(w.text for w in words)
    scope = scopes_in(label, lexicon)
    modifiers = [
        w.low for w in words[:-1] if not w.scope and w.low not in lexicon.neutral and not is_verb(w.low)
    ]  # "Staff turnover", "Total revenue"
    if head in lexicon.events:
        event, noun = lexicon.events[head]
        return " ".join((*modifiers, f"{noun} {event}")), label, scope
    adjective = next((w.low for w in words[:-1] if is_verb(w.low)), None)
    noun = " ".join((*modifiers, lexicon.nouns.get(head) or plural(head)))
    return (f"{noun} {participle(adjective)}" if adjective else noun), label, scope


def scopes_in(text: str, lexicon: Lexicon) -> dict[str, str]:
    """Dimension -> scope for the scope phrases of a piece of text."""
    found = (lexicon.phrases[m.group(0)] for m in lexicon.scope_pattern.finditer(text.casefold().replace("’", "'")))
    return {lexicon.dimensions.get(scope, scope): scope for scope in found}


def _take_from(draft: Draft, other: Draft | Fact, relation: tuple[str, int], lexicon: Lexicon) -> None:
    """Relate the draft to another fact. A part or earlier figure without a noun of its own,
    with only a vague one ("65 sex traffickers" of "75 traffickers convicted"), or with a
    shortened one ("201 transactions" of "403 suspicious financial transactions"), counts what
    the other counts. Its scope is the other's where its own words say none, unless it is
    said in a sentence of its own with a noun of its own ("This was an overall increase from
    49 traffickers convicted in 2020")."""
    draft.relation = relation
    vague = draft.head is None or draft.head in _GROUPS or not draft.event
    if other.measure and vague:
        draft.measure, draft.label = other.measure, other.label
    elif other.measure and compatible(draft.measure, other.measure):
        draft.measure = other.measure  # its own words stay its label
    if relation[1] < 0 and draft.head is not None:
        return
    for dimension, value in _scope(other, lexicon).items():
        if dimension not in draft.own:
            draft.scope.setdefault(dimension, value)


def compatible(short: str | None, full: str | None) -> bool:
    """Whether `short` names what `full` does with fewer words before the noun, or without
    saying who did it ("transactions uncovered" of "suspicious financial transactions
    uncovered by financial intelligence unit")."""
    if not (short and full):
        return False
    done = full.split(" by ")[0]
    return short in (full, done) or full.endswith(" " + short) or done.endswith(" " + short)


def _scope(item: Draft | Fact, lexicon: Lexicon) -> dict[str, str]:
    """Dimension -> scope, for a draft of this sentence or a fact of the one before."""
    if isinstance(item, Draft):
        return item.scope
    return {lexicon.dimensions.get(scope, scope): scope for scope in item.scope}


def _earlier(
    drafts: list[Draft],
    tokens: tuple[Token, ...],
    text: str,
    marks: list[int],
    before: tuple[Fact, ...],
    lexicon: Lexicon,
) -> None:
    """Figures of a comparison clause point at the figure they are an earlier period of."""
    if _LOOKS_BACK.match(text) and before:
        candidates = [(-1 - j, f) for j, f in enumerate(before) if f.role.measurable and not f.relation and f.measure]
        counted = [d for d in drafts if d.role.measurable and d.relation is None]
        for draft in drafts:
            if draft.relation is None and draft.role.measurable:
                main = _main(draft, candidates, lexicon)
                if main is None and len(counted) == 1 and len(candidates) == 1 and candidates[0][1].role is draft.role:
                    # "... five humanitarian visas to victims in 2022. In comparison, it provided
                    # humanitarian visas to 13 trafficking victims in 2021."
                    main = candidates[0][0]
                if main is not None:
                    _take_from(draft, before[-1 - main], ("earlier", main), lexicon)
        return
    measurable = [d for d in drafts if d.role.measurable]
    for first, second in pairwise(measurable):
        between = " ".join(t.low for t in tokens[first.index + 1 : second.index])
        same = first.measure and second.measure in (None, first.measure) and first.relation is second.relation is None
        if same and re.fullmatch(r"in (?:19|20)\d\d to", between):
            first.relation = ("earlier", drafts.index(second))  # "10 in 2021 to 20 in 2022"
    for mark in marks:
        segment_end = min([m for m in marks if m > mark] + [_semicolon(text, mark)])
        mains = [
            (k, d)
            for k, d in enumerate(drafts)
            if tokens[d.index].start < mark and d.role.measurable and not d.relation and not d.part
        ]
        for draft in drafts:
            if (
                mark < tokens[draft.index].start < segment_end
                and draft.relation is None
                and draft.role.measurable
                and not draft.part
            ):
                main = _main(draft, mains, lexicon)
                if main is not None:
                    _take_from(draft, drafts[main], ("earlier", main), lexicon)


def _semicolon(text: str, start: int) -> int:
    found = text.find(";", start)
    return found if found >= 0 else len(text)


def _main(draft: Draft, mains: list[tuple[int, Draft | Fact]], lexicon: Lexicon) -> int | None:
    """The figure a comparison's number is an earlier period of: the one counting the same
    thing at the same level (or the only one counting it), or, for a number without a noun,
    the only one of its role."""
    same = [(k, m) for k, m in mains if m.role is draft.role]
    if draft.measure and draft.how == "none" and " " not in draft.measure:
        # "compared with 673 victims in 2020": the noun alone, its verb left out
        same = [(k, m) for k, m in same if (m.measure or "").split(" ")[0] == draft.measure]
        return same[0][0] if len(same) == 1 else None
    if draft.measure:
        measured = [(k, m) for k, m in same if compatible(draft.measure, m.measure)]
        level = draft.scope.get("level")
        exact = [k for k, m in measured if _level(m, lexicon) == level]
        if len(exact) == 1:
            return exact[0]
        return measured[0][0] if len(measured) == 1 else None
    return same[0][0] if len(same) == 1 else None


def _level(item: Draft | Fact, lexicon: Lexicon) -> str | None:
    return _scope(item, lexicon).get("level")


def _named_before(drafts: list[Draft], tokens: tuple[Token, ...], starts: tuple[int, ...], lexicon: Lexicon) -> None:
    """A number without a noun after it may follow the noun phrase it counts: "Total
    convictions, 116, increased ...", "the number of labor trafficking convictions – 10 in 2021"."""
    for draft in drafts:
        alone = draft.parallel is None and draft.how not in ("conversion", "denominator")
        if draft.measure is None and draft.head is None and draft.role.measurable and alone:
            named = _noun_before(tokens, starts, draft.index, lexicon)
            taken = named and owner([d for d in drafts if d.index < draft.index], tokens[draft.index - 2].start)
            if named and not taken:
                draft.measure, draft.label, scope = named
                for dimension, value in scope.items():
                    draft.scope.setdefault(dimension, value)


def _elided(drafts: list[Draft], starts: tuple[int, ...]) -> None:
    """A number without a noun of its own counts what the item before it in its list counts:
    "392 individuals subjected to sex trafficking, 56 subjected to forced labor"."""
    for k, draft in enumerate(drafts):
        if draft.measure or not draft.role.measurable or draft.how in ("conversion", "denominator"):
            continue
        previous = next(
            (
                d
                for d in reversed(drafts[:k])
                if d.measure and d.role is draft.role and starts[d.index] == starts[draft.index]
            ),
            None,
        )
        if previous is not None:
            draft.measure, draft.label = previous.measure, previous.label
            for dimension, value in previous.scope.items():
                if dimension not in draft.own:
                    draft.scope.setdefault(dimension, value)


_BETWEEN = frozenset(
    ", – — - : ( was were is of to rose fell increased decreased dropped declined grew reached climbed remained".split()
)
"""What may stand between a number and the noun phrase before it that it counts."""


def _noun_before(
    tokens: tuple[Token, ...], starts: tuple[int, ...], i: int, lexicon: Lexicon
) -> tuple[str, str, dict[str, str]] | None:
    """Measure and label of the noun phrase just before a number, across a comma or a dash."""
    k = i - 1
    while k >= starts[i] and (tokens[k].low in _BETWEEN or tokens[k].low in QUALIFIERS):
        k -= 1  # "Total convictions, 116", "Staff turnover fell to 7 percent"
    words: list[Token] = []
    while k >= starts[i] and tokens[k].is_word and tokens[k].low not in STOPS and tokens[k].low not in DETERMINERS:
        words.insert(0, tokens[k])
        k -= 1
    if not words or is_verb(words[-1].low):
        return None
    quantity = low_at(tokens, k - 1) in ("number", "total", "majority", "share", "proportion", "percentage")
    if k > starts[i] and tokens[k].low in ("from", "of", "in") and word_at(tokens, k - 1) and not quantity:
        # "Complaints from rural municipalities rose to 1,610": complaints, from rural municipalities
        head = [
            t
            for t in tokens[max(starts[i], k - 3) : k]
            if t.is_word and t.low not in DETERMINERS and t.low not in STOPS
        ]
        if head:
            measure, _, scope = _named(head, lexicon)
            said = " ".join(t.text for t in (*head, tokens[k], *words))
            return f"{measure} ({tokens[k].low} {' '.join(t.low for t in words)})", said, scope
    return _named(words, lexicon)
