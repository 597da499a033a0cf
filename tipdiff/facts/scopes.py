"""For whom a number counts: the scope phrases of its own words, then of its verb's subject.

Scope is read from the number's own words first ("33 federal investigations", "63 suspects
at the state level", "male 480,551"); the dimensions they leave open are lent by the
subject of the verb that governs the number ("State authorities convicted 75"), by a
clause's subject that a relative clause follows ("An NGO that operated a hotline received
1,864 calls"), or by a phrase the sentence opens with ("At the federal level, ..."). Both
levels together ("Federal and state officials reported 79 victims") are no level at all.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tipdiff.facts.draft import Draft, owner
from tipdiff.facts.phrases import AUXILIARIES, verb_at
from tipdiff.facts.tokens import Token, low_at
from tipdiff.facts.words import DETERMINERS, GENERIC_SUBJECTS, MONTHS, PREPOSITIONS, RELATIVES, STOPS
from tipdiff.profiles.lexicon import Lexicon

LENT = frozenset({"level", "agent", "place"})
"""Scope dimensions a clause's subject lends to its numbers ("State authorities convicted 75")."""


def find_scopes(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, scope) of every scope phrase of a sentence."""
    low = text.casefold().replace("’", "'")
    units = [m.span() for m in _RATIO_UNIT.finditer(low)]
    return [
        (m.start(), m.end(), lexicon.phrases[m.group(0)])
        for m in lexicon.scope_pattern.finditer(low)
        if not any(a <= m.start() < b for a, b in units) and not _in_capital_name(text, m.start(), m.end())
    ]


_RATIO_UNIT = re.compile(r"\bmale\(s\)/female\b")
"""The unit of a sex ratio ("1.07 male(s)/female"): for no sex."""
_CAPITAL_WORD = re.compile(r"[A-Z][A-Z'’-]{2,}")


def _in_capital_name(text: str, start: int, end: int) -> bool:
    """A scope word in capitals beside another word in capitals is part of a name written so
    ("NEW DELHI (capital)"), as an almanac writes its capitals; "NGO" alone is still an NGO."""
    if not text[start:end].isupper():
        return False
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    return any(_CAPITAL_WORD.fullmatch(word.strip(",;:()")) for word in before + after)


def own_scope(draft: Draft, tokens: tuple[Token, ...], scopes: list[tuple[int, int, str]], lexicon: Lexicon) -> None:
    start, end = draft.window
    if draft.index and tokens[draft.index - 1].scope:  # "male 480,551/female 459,112"
        start = tokens[draft.index - 1].start
    own: dict[str, set[str]] = {}
    for a, b, scope in scopes:
        if lexicon.dimensions.get(scope) == "agent" and _after_destination(tokens, a, start):
            continue  # "140 child victims referred to NGO shelters": the shelters are the NGO's
        if start <= a and b <= end:
            own.setdefault(lexicon.dimensions.get(scope, scope), set()).add(scope)
    # "(state and federal)": both levels together are all of them, no level at all
    draft.scope = {dim: found.pop() for dim, found in own.items() if len(found) == 1}
    draft.own = frozenset(own)


def _after_destination(tokens: tuple[Token, ...], offset: int, start: int) -> bool:
    """Whether the scope phrase at `offset` follows "to", "for" or "with" in a number's words."""
    before = [t for t in tokens if start <= t.start < offset]
    return bool(before) and any(t.low in ("to", "for", "with") for t in before[-3:])


def share_tails(tokens: tuple[Token, ...], drafts: list[Draft]) -> None:
    """In "seven women and 10 men exploited in labor trafficking", the words after the last
    item are said of the first too."""
    for first, second in pairwise(drafts):
        joined = low_at(tokens, second.index - 1) == "and" and tokens[second.index - 1].start - first.window[1] <= 1
        if first.role.measurable and second.role is first.role and joined:
            for dimension, value in second.scope.items():
                if dimension not in first.own and dimension != "group":
                    first.scope[dimension] = value


def lent_scope(
    draft: Draft, drafts: list[Draft], tokens: tuple[Token, ...], starts: tuple[int, ...],
    scopes: list[tuple[int, int, str]], lexicon: Lexicon,
) -> None:  # fmt: skip
    """Dimensions the number's own words leave open, from the subject of the verb that
    governs it ("State authorities convicted 75") or a phrase the sentence opens with ("At
    the federal level, ..."); a number with no verb before it (inside a phrase, "for a total
    of 95") takes the nearest scope to its left in its clause that no other number owns. A
    list item shares its neighbour's."""
    if draft.parallel is not None:
        for dimension, value in drafts[draft.parallel].scope.items():
            if dimension in LENT and dimension not in draft.own:
                draft.scope.setdefault(dimension, value)
        return
    windows = [d.window for d in drafts if d is not draft]
    if draft.verb_at is not None and tokens[draft.verb_at].start < tokens[draft.index].start:
        spans = [_opening_phrase(tokens), _main_subject(tokens, starts, draft.verb_at)]
        spans.append(subject_of(tokens, starts, draft.verb_at, drafts))
    elif draft.how == "pp":
        spans = [_governing_phrase(tokens, starts, draft, drafts)]  # "state-level prosecutions in 22 states"
    elif draft.verb_at is None:
        spans = [(tokens[starts[draft.index]].start, draft.window[0])]  # "... for a total of 95 suspects"
    else:
        spans = [_opening_phrase(tokens)]
    lent: dict[str, list[str]] = {}
    for a, b, scope in reversed(scopes):  # the nearest first
        dimension = lexicon.dimensions.get(scope, scope)
        open_dimension = dimension in LENT and dimension not in draft.own and dimension not in draft.scope
        in_subject = any(x <= a and b <= y for x, y in spans) and not any(x <= a and b <= y for x, y in windows)
        if open_dimension and in_subject:
            lent.setdefault(dimension, []).append(scope)
    for dimension, found in lent.items():
        # "Federal and state officials reported 79 victims": both levels together are all of them
        if len(set(found)) == 1 or draft.verb_at is None:
            draft.scope[dimension] = found[0]


def name_the_subject(draft: Draft, drafts: list[Draft], tokens: tuple[Token, ...], starts: tuple[int, ...]) -> None:
    """A label names who did it when that is not the government at large: "trafficking
    victims served by the shelter", "personnel trained by Mexico's National Guard",
    "investigations by Puntland authorities", "traffickers convicted by police in Region VII"."""
    verb = (
        draft.verb_at
        if draft.how == "verb"
        else _verb_before(draft, drafts, tokens, starts)
        if draft.how == "noun"
        else None
    )
    if verb is None or verb > draft.index or not draft.label:
        return
    if tokens[verb].low.endswith("ing"):
        return  # "59 cases involving 87 suspects": the cases are no subject
    a, b = _main_subject(tokens, starts, verb)
    if (a, b) == (0, 0):
        a, b = subject_of(tokens, starts, verb, drafts)
    words = [t for t in tokens if a <= t.start and t.end <= b]
    said_by_scope = (t.scope or t.low in GENERIC_SUBJECTS or t.low in DETERMINERS for t in words)
    if not words or sum(t.is_word for t in words) > 6 or all(said_by_scope) or words[0].low in _POSSESSIVES:
        return  # "its intelligence uncovered 201 cases": whose is said elsewhere in the sentence
    said = "".join(t.text + " " * (following.start > t.end) for t, following in pairwise(words)) + words[-1].text
    general = words[0].low in DETERMINERS or words[0].low in GENERIC_SUBJECTS
    draft.label = f"{draft.label} by {said[0].lower() + said[1:] if general else said}"
    # who did it is part of what is counted: the Northern office's cases are not the Southern's,
    # nor the cases of police in Region VII those of the country's police
    cut = next((k for k, t in enumerate(words) if t.low in PREPOSITIONS), len(words))
    named = _named(words[:cut]) or (_named(words[cut + 1 :]) if words[cut : cut + 1] and words[cut].low == "in" else "")
    if draft.measure and named:
        draft.measure = f"{draft.measure} by {named}"


def name_the_place(draft: Draft, tokens: tuple[Token, ...]) -> None:
    """Where the counted came from or were is part of what is counted: "92 children repatriated
    from Guatemala" are not "104 ... from Guatemala and Mexico", nor "victims in Mexico City"
    the country's victims."""
    if not draft.measure or not draft.label:
        return
    start, end = draft.window
    k = next(
        (k for k in range(draft.index + 1, len(tokens)) if start <= tokens[k].start < end and tokens[k].low in _WHERE),
        None,
    )
    if k is None:
        return
    j = k + 1 + (low_at(tokens, k + 1) == "the")
    names: list[Token] = []
    while j < len(tokens) and (
        _a_name(tokens[j]) or (names and tokens[j].low in ("and", ",") and _name_at(tokens, j + 1))
    ):
        names.append(tokens[j])
        j += 1
    named = [t for t in names if _a_name(t)]
    if named:
        draft.measure += f" {tokens[k].low} " + " ".join(t.low for t in named)
        draft.label += f" {tokens[k].low} " + " ".join(t.text for t in names).replace(" ,", ",")


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_WHERE = frozenset({"from", "in"})


def _a_name(token: Token) -> bool:
    """A word of a place's name: capitalised, no scope word ("NGO"), no month."""
    return token.is_word and token.text[:1].isupper() and token.scope is None and token.low not in MONTHS


def _name_at(tokens: tuple[Token, ...], k: int) -> bool:
    return k < len(tokens) and _a_name(tokens[k])


def _named(words: list[Token]) -> str:
    """The words of a subject that name it, lower case: not its scope, determiners or a
    general word such as "police"."""
    kept = (t.low for t in words if t.is_word and not (t.scope or t.low in GENERIC_SUBJECTS or t.low in DETERMINERS))
    return " ".join(kept)


def _verb_before(draft: Draft, drafts: list[Draft], tokens: tuple[Token, ...], starts: tuple[int, ...]) -> int | None:
    """The verb a number naming an event is the object of ("Puntland authorities reported 12
    investigations", "opened at least 30 investigations", "reported 12 investigations and six
    prosecutions"), if it follows one; "for a total of 76 prosecutions" and "increased from 75
    convictions" follow none."""
    k = draft.index - 1
    while k > starts[draft.index] and tokens[k].low in _BOUNDS:
        k -= 1
    if k > starts[draft.index] and tokens[k].low in ("and", "or", ","):
        listed = [d for d in drafts if d.how == "noun" and starts[d.index] == starts[draft.index] and d.index < k]
        return _verb_before(listed[-1], drafts, tokens, starts) if listed else None
    return k if k >= starts[draft.index] and verb_at(tokens, k) else None


_BOUNDS = frozenset("at least most approximately about nearly almost around some over more than".split())
"""Words between a verb and its object's number ("opened at least 30")."""


def _main_subject(tokens: tuple[Token, ...], starts: tuple[int, ...], verb: int) -> tuple[int, int]:
    """The span of a clause's subject that a relative clause follows ("An NGO that operated a
    national hotline ... received 1,864 calls"), when there is one before the verb."""
    relative = next((k for k in range(starts[verb], verb) if tokens[k].low in RELATIVES), None)
    if relative is None or relative == starts[verb]:
        return 0, 0
    return tokens[starts[verb]].start, tokens[relative - 1].end


def _governing_phrase(
    tokens: tuple[Token, ...], starts: tuple[int, ...], draft: Draft, drafts: list[Draft]
) -> tuple[int, int]:
    """For a number inside a phrase, the span of the noun phrase the phrase hangs on: the
    scope of "state-level prosecutions in 22 states" is the prosecutions'; "employees of 148
    hotels" lends nothing when the employees are another number's."""
    k = draft.index - 1
    while k >= starts[draft.index] and tokens[k].low not in PREPOSITIONS:
        k -= 1
    end = k
    k -= 1
    while k >= starts[draft.index] and tokens[k].is_word and tokens[k].low not in STOPS:
        if owner([d for d in drafts if d is not draft], tokens[k].start):
            return 0, 0
        k -= 1
    return (tokens[k + 1].start, tokens[end - 1].end) if end - 1 > k else (0, 0)


def _adverb(word: str) -> bool:
    return word.endswith("ly") or word in _ADVERBS


_ADVERBS = frozenset("later then also again still further already previously recently subsequently thereafter".split())


def _opening_phrase(tokens: tuple[Token, ...]) -> tuple[int, int]:
    """The span of a phrase the sentence opens with, up to its first comma ("At the federal level,")."""
    if tokens and tokens[0].low in PREPOSITIONS:
        comma = next((t for t in tokens[:12] if t.low == ","), None)
        if comma is not None:
            return tokens[0].start, comma.start
    return 0, 0


def subject_of(tokens: tuple[Token, ...], starts: tuple[int, ...], verb: int, drafts: list[Draft]) -> tuple[int, int]:
    """The span of the noun phrase right before a verb; a verb after "and" ("identified and
    assisted 1,352", "initiated prosecution of 31 ... and continued 45") has the subject of
    the verb before it in its clause."""
    k = verb - 1
    while k >= starts[verb] and _adverb(tokens[k].low):
        k -= 1
    if low_at(tokens, k) == "to":
        return 0, 0  # "made efforts to reduce ... by convicting 12": whose efforts is not said here
    if k >= starts[verb] and tokens[k].low == ",":
        aside = next((j for j in range(k - 1, starts[verb] - 1, -1) if tokens[j].low == ","), None)
        if aside is not None:
            k = aside - 1  # "a new Eastern office, opened in March, handled 412 cases"
    if k >= starts[verb] and tokens[k].low in ("and", "or"):
        previous = next(
            (j for j in range(k - 1, starts[verb] - 1, -1) if verb_at(tokens, j) and not tokens[j].low.endswith("ing")),
            None,
        )
        return subject_of(tokens, starts, previous, drafts) if previous is not None else (0, 0)
    while k >= starts[verb] and (tokens[k].verb_shaped or tokens[k].low in AUXILIARIES or _adverb(tokens[k].low)):
        k -= 1  # "The government reported identifying", "did not provide", "later arrested"
    end = tokens[k].end if k >= 0 else 0
    while k >= starts[verb] and not tokens[k].number and tokens[k].low not in (",", ";") and not tokens[k].verb_shaped:
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        named = tokens[k].low in ("of", "in", "at") and following is not None
        named = named and (following.text[:1].isupper() or following.low in DETERMINERS)  # type: ignore[union-attr]
        if tokens[k].low in STOPS and not named:
            break  # "authorities in Tlaxcala", "the head office in the capital" are one subject
        k -= 1
    return (tokens[k + 1].start if k + 1 < len(tokens) else end), end
