"""What a number counts: the noun phrase after it and what befell that noun.

The noun phrase after the number ("744 victims"); then, most certain first: a preposition
right before it (a number inside "in 17 states" counts states, nothing more), the action
its noun names ("33 federal investigations"), a verb right after its phrase ("744 victims
identified", "seven states had specialized shelters"), the verb before it ("identified 744
victims"), or the earlier item of a list it stands beside ("231 ... victims in 17 states,
112 forced labor victims"). The canonical measure keeps the words before the noun that
change what is counted ("bank accounts") and drops the neutral ones ("suspected").
"""

from __future__ import annotations

from itertools import takewhile

from tipdiff.facts.draft import Draft, owner
from tipdiff.facts.roles import YOUNG, in_qualifier
from tipdiff.facts.tokens import CLAUSE_MARKS, CONTRASTS, Token, low_at, word_at
from tipdiff.facts.words import (
    COPULAS,
    DETERMINERS,
    HAVE,
    MODALS,
    MONTHS,
    PARTS,
    PREPOSITIONS,
    RELATIVES,
    STOPS,
    TIME_UNITS,
    participle,
    plural,
)
from tipdiff.model import Role
from tipdiff.numbers import CURRENCY_WORDS
from tipdiff.profiles.lexicon import Lexicon

_WINDOW_ENDS = frozenset({*CLAUSE_MARKS, ",", "–", "—", "/", "including", "and", "or"}) | CONTRASTS


_VALUE_OF = ("amounting to", "totaling to", "worth", "valued at", "equivalent to")


GLUE = DETERMINERS | {"and", "or"}


_ARTICLES = frozenset("the a an this that these those".split())
_CAN = frozenset("could can would may might".split())
_CHANGES = frozenset("rose fell increased decreased dropped declined grew climbed jumped reached".split())


AUXILIARIES = frozenset("not also did does do has have had was were is are be been to".split())


def read_phrase(
    tokens: tuple[Token, ...], starts: tuple[int, ...], draft: Draft, earlier: list[Draft], lexicon: Lexicon
) -> None:
    """The noun phrase after the number, what governs it, and its own window."""
    i = draft.index
    k = i + 1
    if low_at(tokens, i - 1) == "of" and i > 1 and tokens[i - 2].number:
        draft.how = "denominator"  # the 32 of "31 of 32 states" counts all of them
    if low_at(tokens, k) == "out" and low_at(tokens, k + 1) == "of":
        k += 1  # "28 out of 31 states" is "28 of 31 states"
    if low_at(tokens, i - 1) == "of" and low_at(tokens, i - 2) == "out" and i > 2 and tokens[i - 3].number:
        draft.how = "denominator"
    if low_at(tokens, k) == "of" and k + 1 < len(tokens) and tokens[k + 1].number:
        k += 2  # "31 of 32 states": the noun is the denominator's
    elif low_at(tokens, k) == "of":
        k += 1  # "749 of its employees"
        while low_at(tokens, k) in DETERMINERS:
            k += 1
    number = tokens[i].number
    if number and number.kind == "money":
        while low_at(tokens, k) in CURRENCY_WORDS:
            k += 1  # "57,500 Mexican pesos": the unit, already read
    phrase: list[Token] = []
    places: list[int] = []
    while k < len(tokens) and tokens[k].is_word:
        word = tokens[k].low
        coordinated = word in ("and", "or") and phrase and not phrase[-1].low.endswith("s") and word_at(tokens, k + 1)
        if word in STOPS and not coordinated:
            break
        if word in _ARTICLES and (phrase or k == i + 1):
            break  # "compared with 17 the previous year": a time, not what is counted
        if verb_at(tokens, k) and not _modifies(tokens, k, [t.text for t in phrase]):
            break
        if phrase or word not in DETERMINERS:
            phrase.append(tokens[k])
            places.append(k)
        k += 1
    end = k
    while phrase and phrase[-1].low in lexicon.phrases and not _noun_like(phrase[-1].low, lexicon):
        draft.adjectives = (phrase.pop().text, *draft.adjectives)  # "31 new and 45 ongoing": no noun
        k = places.pop()
    draft.narrowed = _narrowing(tokens, end, lexicon) if phrase and end == k else ()
    shared = low_at(tokens, end) in ("and", "or") and end + 1 < len(tokens) and tokens[end + 1].number is not None
    draft.shares_noun = bool(draft.adjectives) and not phrase and shared
    draft.words = tuple(t.text for t in phrase)
    draft.head = phrase[-1].low if phrase else None
    draft.modifiers = tuple(
        t.low for t in phrase[:-1] if t.scope is None and t.low not in lexicon.neutral and t.low not in GLUE
    )
    if (
        draft.head is None
        and number
        and number.kind == "money"
        and low_at(tokens, k) == "in"
        and word_at(tokens, k + 1)
    ):
        draft.head, draft.words = tokens[k + 1].low, (tokens[k + 1].text,)  # "$52 million in funds"
    draft.window = (tokens[i].start, _window_end(tokens, k))
    if draft.how == "denominator":
        return  # it counts all of them: nothing to compare
    # What governs it, most certain first: a preposition right before it ("in 17 states"),
    # the action its noun names, a verb right after its phrase ("744 victims identified",
    # "seven states had shelters"), the verb before it, or the list item it stands beside.
    if _preposition_before(tokens, starts, draft, lexicon):
        return
    if _new_level(tokens, starts, draft):
        return  # "Operating costs rose to EUR 301.2 million": what rose is named before
    following = low_at(tokens, k)
    if draft.head is None:
        _governor(tokens, starts, draft, earlier, lexicon)  # "392 individuals ..., 56 subjected to forced labor"
        if draft.parallel is not None or draft.part:
            return
    if draft.head in lexicon.events:
        draft.event, draft.how = lexicon.events[draft.head][0], "noun"
        if following and tokens[k].verb_shaped and participle(following) not in lexicon.light_verbs:
            # "43 investigations resulted from calls": not all investigations
            said = " ".join(t.text for t in tokens[k:] if t.end <= draft.window[1])
            draft.event, draft.words = f"{draft.event} ({said})", (*draft.words, said)
    elif (
        following
        and tokens[k].verb_shaped
        and following not in lexicon.reporting_verbs
        and not following.endswith("ing")
    ):
        if _main_verb(tokens, k) or following in HAVE:
            draft.verb_at = k  # the number's phrase is the verb's subject
        _verb_after(tokens, k, draft, lexicon)
        return
    _governor(tokens, starts, draft, earlier, lexicon)


_NARROWING = frozenset({"on", "against", "involving", "into"})
"""Prepositions whose phrase after a counted noun narrows what it counts ("raids on brothels",
"cases against officials", "investigations into forced labor")."""
_BELONGING = frozenset({"their", "its", "his", "her"})


def _narrowing(tokens: tuple[Token, ...], k: int, lexicon: Lexicon) -> tuple[str, ...]:
    """The words from token k that narrow (or widen) what the noun before counts: a phrase after
    a narrowing preposition, or "and their dependents" (the victims with others). Nothing
    when a number, a time or a place follows, which other readings take."""
    word = low_at(tokens, k)
    if word in _NARROWING:
        said = _phrase_from(tokens, k + 1)
        opening = (tokens[k].text,)
    elif word == "and" and low_at(tokens, k + 1) in _BELONGING:
        said = _phrase_from(tokens, k + 2)
        opening = (tokens[k].text, tokens[k + 1].text)
    else:
        return ()
    said = list(takewhile(lambda w: w.casefold() not in ("and", "or"), said))  # "... on brothels and arrested 15"
    if not said or said[0].casefold() in lexicon.phrases or said[0].casefold() in MONTHS | TIME_UNITS:
        return ()
    return (*opening, *said)


def _modifies(tokens: tuple[Token, ...], k: int, words: list[str]) -> bool:
    """An "-ing" word before a noun is a modifier ("permanent working groups"), but not
    right after a plural noun ("NGOs operating shelters")."""
    return (
        tokens[k].low.endswith("ing")
        and not (words and words[-1].casefold().endswith("s"))
        and word_at(tokens, k + 1)
        and tokens[k + 1].low not in STOPS
        and tokens[k + 1].low not in DETERMINERS
    )


def _noun_like(word: str, lexicon: Lexicon) -> bool:
    """A scope word that is a counted noun ("NGOs", "girls"), not an adjective ("new", "female")."""
    return word.endswith("s") or word in lexicon.nouns or word in YOUNG


def _window_end(tokens: tuple[Token, ...], k: int) -> int:
    """Where a number's own words end: at the next number, at "and", at the end of its
    clause, at a verb with an object of its own, or at a second prepositional phrase ("13
    cases with authorities | from other countries"). A bracket without numbers is still its
    own ("75 convictions (all state level)")."""
    end, depth, prepositions = k, 0, 0
    while end < len(tokens) and not tokens[end].number:
        word = tokens[end].low
        if word == "(":
            if any(t.number for t in tokens[end : _closing(tokens, end)]):
                break
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if word in _WINDOW_ENDS or word in RELATIVES or (word in HAVE or _main_verb(tokens, end)):
                break
            if low_at(tokens, end + 1) == ":":
                break  # "total: 130,207,371 male: 64,000,000": the next part's label
            prepositions += word in PREPOSITIONS
            if prepositions == 2:
                break
        end += 1
    return tokens[end - 1].end


def _main_verb(tokens: tuple[Token, ...], k: int) -> bool:
    """A verb with an object of its own ("received 57,500 pesos"), not a participle after a
    noun ("victims identified in 2021") or after a preposition ("for forced begging")."""
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        verb_at(tokens, k)
        and not tokens[k].low.endswith("ing")  # "cases involving unspecified exploitation"
        and tokens[k].low not in COPULAS
        and following is not None
        and (following.number is not None or (following.is_word and following.low not in PREPOSITIONS))
    )


def _closing(tokens: tuple[Token, ...], k: int) -> int:
    return next((j for j in range(k, len(tokens)) if tokens[j].low == ")"), len(tokens))


def _preposition_before(tokens: tuple[Token, ...], starts: tuple[int, ...], draft: Draft, lexicon: Lexicon) -> bool:
    """A number right after a preposition (qualifiers aside) counts inside that phrase: "in 17
    states" counts states, "federal prosecution of 76 individuals" persons prosecuted."""
    k = draft.index - 1
    while k >= starts[draft.index] and in_qualifier(tokens, k, draft.index):
        k -= 1
    while k >= starts[draft.index] and tokens[k].low in DETERMINERS:
        k -= 1
    word = low_at(tokens, k)
    if k < starts[draft.index] or word not in PREPOSITIONS or tokens[k].compares:
        return False
    at = next(
        (j for j in range(k - 1, starts[draft.index] - 1, -1) if tokens[j].is_word and tokens[j].low not in GLUE), None
    )
    governor = tokens[at] if at is not None else None
    if word == "of" and governor is not None and governor.low in ("total", "number"):
        return False  # "a total of 76 federal prosecutions"
    if word == "of" and governor is not None and governor.low in lexicon.events:
        draft.event, draft.how = lexicon.events[governor.low][0], "verb"  # "prosecution of 76 individuals"
        return False
    if word == "to" and governor is not None and governor.low in _CHANGES:
        return False  # "Staff turnover fell to 7 percent": the new level of what fell
    draft.event, draft.how = (f"{governor.low} {word}" if governor else word), "pp"
    draft.pp_label = _pp_label(tokens, starts, k, at)
    return True


def _new_level(tokens: tuple[Token, ...], starts: tuple[int, ...], draft: Draft) -> bool:
    """A number after "rose to", "fell to", "reached": the new level of what the sentence names before."""
    k = draft.index - 1
    while k >= starts[draft.index] and in_qualifier(tokens, k, draft.index):
        k -= 1
    return (low_at(tokens, k) == "to" and low_at(tokens, k - 1) in _CHANGES) or low_at(tokens, k) == "reached"


def _pp_label(tokens: tuple[Token, ...], starts: tuple[int, ...], k: int, at: int | None) -> str | None:
    """What a reader calls the noun of "prosecutions in 22 states" (states with prosecutions),
    "collaborated on 13 cases" (cases collaborated on), "denied entry to 763 sex offenders"
    (sex offenders denied entry), "training events for 11,800 officials" (officials at
    training events)."""
    preposition = tokens[k].low
    if at is None:
        return None
    governor = tokens[at]
    if governor.verb_shaped:
        return f"{participle(governor.low)} {preposition}"
    if preposition == "to":
        verb = next((j for j in range(max(starts[k], at - 2), at) if verb_at(tokens, j)), None)
        return f"{participle(tokens[verb].low)} {governor.text}" if verb is not None else f"given {governor.text}"
    name = governor.low if governor is tokens[0] else governor.text
    verb = next((j for j in range(max(starts[k], at - 3), at) if verb_at(tokens, j)), None)
    if preposition == "of" and verb is not None:
        return f"({participle(tokens[verb].low)} {name})"  # "revoked the licenses of 21 agencies"
    return f"{'at' if preposition == 'for' else 'with'} {name}"


def _governor(
    tokens: tuple[Token, ...], starts: tuple[int, ...], draft: Draft, earlier: list[Draft], lexicon: Lexicon
) -> None:
    """Walk left to what governs the number: a verb, a word that opens parts ("including"),
    or an earlier item of a list, whose reading it shares."""
    for k in range(draft.index - 1, starts[draft.index] - 1, -1):
        token = tokens[k]
        word = token.low
        if word in ("–", "—") and k and owner(earlier, tokens[k - 1].start):
            draft.part = True  # "111 traffickers – 81 for sex trafficking"
            return
        if word in PARTS:
            draft.part = True
            return
        if verb_at(tokens, k) and word not in lexicon.reporting_verbs:
            draft.verb_at = k
            if draft.event is None and participle(word) not in lexicon.light_verbs and word not in COPULAS:
                draft.event, draft.how = participle(word), "verb"
                if low_at(tokens, k - 1) in _CAN:
                    draft.how = "capacity"  # "could house 45 victims at a time": room, not people
            return
        if token.number or owner(earlier, token.start):
            parallel = _parallel(draft, earlier)
            if parallel is not None:
                draft.part, draft.parallel = parallel.part, earlier.index(parallel)
                draft.verb_at = parallel.verb_at
                if draft.event is None and parallel.how in ("verb", "noun", "pp"):
                    draft.event, draft.how = parallel.event, "pp" if parallel.how == "pp" else "verb"
            return
        if word in RELATIVES or token.compares:
            return


def verb_at(tokens: tuple[Token, ...], k: int) -> bool:
    """A verb by its shape, or a bare word after "to" or a modal with an object after it
    ("could accommodate 50", "to operate a shelter"); a participle after a preposition is an
    adjective ("for forced begging"), and "subjected to sex trafficking" has no verb in "sex"."""
    word = tokens[k].low
    if tokens[k].verb_shaped:
        return not (word.endswith("ed") and low_at(tokens, k - 1) in PREPOSITIONS)
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    has_object = following is not None and (following.number is not None or following.low in _OBJECT_STARTS)
    return (
        low_at(tokens, k - 1) in MODALS
        and tokens[k].is_word
        and tokens[k].scope is None
        and word not in STOPS
        and word not in DETERMINERS
        and word not in ("not", "be", "have")
        and has_object
    )


_OBJECT_STARTS = DETERMINERS | {"and", "or", "more", "fewer", "at", "up", "over", "about", "approximately"}


def _parallel(draft: Draft, earlier: list[Draft]) -> Draft | None:
    """The earlier item of the list a number belongs to: the nearest with the same noun (or
    another group of people: "16 girls, 75 women, and three men"), or the nearest of its role
    when the number's noun is left out."""
    if draft.head in YOUNG:
        return next((d for d in reversed(earlier) if d.head in YOUNG), None)
    if draft.head is not None:
        return next((d for d in reversed(earlier) if d.head == draft.head), None)
    return next((d for d in reversed(earlier) if d.role is draft.role), None)


def _verb_after(tokens: tuple[Token, ...], k: int, draft: Draft, lexicon: Lexicon) -> None:
    word = tokens[k].low
    if word in COPULAS:
        return
    if word in HAVE or word in ("lacked", "operated"):
        phrase = _phrase_from(tokens, k + 1)
        if phrase:
            draft.event, draft.complement, draft.how = participle(word), phrase[-1].casefold(), "have"
            draft.complement_words = tuple(phrase)
        return
    if word not in lexicon.light_verbs:
        draft.event, draft.how = participle(word), "verb"


def _phrase_from(tokens: tuple[Token, ...], k: int) -> list[str]:
    """The noun phrase starting at token k, as written, up to its head ("specialized government
    or NGO shelters"); determiners and a leading participle ("had established ...") left out."""
    words: list[str] = []
    while word_at(tokens, k) and (tokens[k].low not in STOPS or tokens[k].low in ("and", "or")):
        if tokens[k].low not in DETERMINERS and not (not words and tokens[k].verb_shaped):
            words.append(tokens[k].text)
        k += 1
    while words and words[-1].casefold() in ("and", "or"):
        words.pop()
    return words


def measure(draft: Draft, earlier: list[Draft], lexicon: Lexicon) -> None:
    """The canonical measure and the reader's label, from the head noun and what befell it."""
    if not draft.role.measurable or draft.how == "denominator":
        return
    if draft.head is None:
        counted = next((d for d in reversed(earlier) if d.measure and d.role is Role.COUNT), None)
        if draft.role is Role.MONEY and draft.how == "pp" and (draft.event or "").endswith(_VALUE_OF) and counted:
            draft.measure, draft.label = f"value of {counted.measure}", f"value of {counted.label}"
        elif draft.role is Role.MONEY and draft.event and draft.how == "verb":
            draft.measure, draft.label = f"money {draft.event}", f"amount {draft.event}"
        return
    if draft.head in lexicon.events:
        noun = lexicon.events[draft.head][1]
    else:
        noun = lexicon.nouns.get(draft.head) or plural(draft.head)
    # A number inside a phrase ("officers across 32 states on protocols") is narrowed by nothing
    # after it: that is said of the verb. "And their dependents" stays with the noun; a
    # preposition's phrase follows the verb in the label ("calls received on the hotline").
    narrowed = () if draft.how == "pp" else draft.narrowed
    noun = " ".join((*draft.modifiers, noun, *(word.casefold() for word in narrowed)))
    joined = bool(narrowed) and narrowed[0].casefold() == "and"
    phrase = " ".join((*draft.words, *narrowed)) if joined else " ".join(draft.words)
    after = "" if joined or not narrowed else " " + " ".join(narrowed)
    if draft.how == "noun":
        draft.measure, draft.label = f"{noun} {draft.event}", phrase + after
    elif draft.how == "verb":
        draft.measure, draft.label = f"{noun} {draft.event}", f"{phrase} {draft.event}{after}"
    elif draft.how == "have":
        verb = "with" if draft.event == "had" else draft.event
        complement = " ".join(draft.complement_words)
        draft.measure, draft.label = f"{noun} {draft.event} {draft.complement}", f"{phrase}{after} {verb} {complement}"
    elif draft.how == "pp":
        draft.measure, draft.label = f"{noun} ({draft.event})", f"{phrase} {draft.pp_label or ''}".strip()
    elif draft.how == "capacity":
        draft.measure, draft.label = f"capacity for {noun}", f"capacity for {phrase}{after}"
    else:
        draft.measure, draft.label = noun, phrase + after
