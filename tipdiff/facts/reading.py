"""Reading one number from the words around it: its role, what it counts, for whom, how exactly.

- role: the number's unit and its neighbours ("10 years' imprisonment" a duration, "boys
  older than 13" an age, "Article 10" a name, "second consecutive year" a rank);
- what it counts: the noun phrase after it ("744 victims"), with what befell that noun: the
  action the noun itself names ("33 federal investigations"), a verb right after it ("744
  victims identified") or the verb before it ("identified 744 victims"). A number inside a
  prepositional phrase ("in 17 states") counts the noun in the phrase and nothing more; a
  later item of a list ("231 ... victims in 17 states, 112 forced labor victims") is read
  like the earlier item it stands beside;
- for whom: the scope phrases of its own words, then those of its clause's subject;
- how exactly: "at least", "more than", "approximately" before it, "est." after it.
Relations between the numbers of a sentence (parts, earlier periods) are `relations.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from tipdiff.facts.periods import COMPARISON
from tipdiff.facts.tokens import CLAUSE_MARKS, CONTRASTS, Token
from tipdiff.facts.words import (
    AGE_BEFORE,
    CITING,
    COPULAS,
    DETERMINERS,
    GENERIC_SUBJECTS,
    HAVE,
    MODALS,
    MONTHS,
    PARTS,
    PREPOSITIONS,
    QUALIFIERS,
    RELATIVES,
    STOPS,
    TIME_UNITS,
    participle,
    plural,
)
from tipdiff.model import Role
from tipdiff.numbers import CURRENCY_WORDS
from tipdiff.profiles.lexicon import Lexicon

LENT = frozenset({"level", "agent", "place"})
"""Scope dimensions a clause's subject lends to its numbers ("State authorities convicted 75")."""
_WINDOW_ENDS = frozenset({*CLAUSE_MARKS, ",", "–", "—", "/", "including", "and", "or"}) | CONTRASTS
_YOUNG = frozenset("boys girls children minors males females men women victims youths adolescents".split())
_COUNTED_AFTER_YEAR = frozenset("victims cases people persons individuals".split())
"""After a year-like number, nouns that make it a count ("2000 victims")."""
_VALUE_OF = ("amounting to", "totaling to", "worth", "valued at", "equivalent to")


@dataclass(slots=True)
class Draft:
    """What is known of one number while its sentence is read; frozen into a Fact at the end."""

    index: int
    """Position of the number among the sentence's tokens."""
    role: Role
    head: str | None = None
    """The counted noun, lower case ("victims"); None when the phrase after the number is empty."""
    words: tuple[str, ...] = ()
    """The noun phrase as written ("sex", "trafficking", "victims")."""
    modifiers: tuple[str, ...] = ()
    """The words before the noun that change what is counted ("bank" of "bank accounts"),
    lower case: not scope words, not neutral ones ("suspected")."""
    event: str | None = None
    """What befell the counted thing, as a past participle ("identified"), or for a number
    inside a phrase, the phrase's governor and preposition ("prosecutions in")."""
    how: str = "none"
    """Where `event` came from: "noun" (an action noun), "verb", "have" (a complement), "pp", "field"."""
    complement: str | None = None
    """The noun after "had" or "with": "seven states had specialized shelters" counts states with shelters."""
    complement_words: tuple[str, ...] = ()
    """That noun's phrase as written ("specialized government or NGO shelters"), for the label."""
    measure: str | None = None
    label: str | None = None
    scope: dict[str, str] = field(default_factory=dict)
    """Dimension -> scope."""
    own: frozenset[str] = frozenset()
    """Dimensions stated by the number's own words, which neither subject nor total override."""
    qualifier: str | None = None
    window: tuple[int, int] = (0, 0)
    """Character span of the number's own words: the number, its noun phrase and what follows."""
    part: bool = False
    """Opened by "including", a dash or a bracket after a total: a part of it."""
    parallel: int | None = None
    """The earlier item of the list the number belongs to, whose total it shares."""
    verb_at: int | None = None
    """The token of the verb that governs the number, whose subject lends it scope."""
    relation: tuple[str, int] | None = None
    """(kind, index of the other draft in the sentence), or (kind, -1 - k) for fact k of the sentence before."""
    shares_noun: bool = False
    """Its phrase is only scope words before "and" and the next number ("127 federal and 298
    state investigations"): it counts the next item's noun."""
    pp_label: str | None = None
    """For a number inside a phrase, how a reader names what it counts: "with prosecutions"
    (states with prosecutions), "collaborated on" (cases collaborated on), "denied entry"."""


def find_scopes(text: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, scope) of every scope phrase of a sentence."""
    low = text.casefold().replace("’", "'")
    return [(m.start(), m.end(), lexicon.phrases[m.group(0)]) for m in lexicon.scope_pattern.finditer(low)]


def read_numbers(
    tokens: tuple[Token, ...], starts: tuple[int, ...], scopes: list[tuple[int, int, str]], lexicon: Lexicon
) -> list[Draft]:
    """A draft for each number token: role, noun phrase, event, own and lent scope, qualifier."""
    drafts = [Draft(i, _role(tokens, i)) for i, token in enumerate(tokens) if token.number]
    _share_range_roles(tokens, drafts)
    for k, draft in enumerate(drafts):
        _read_phrase(tokens, starts, draft, drafts[:k], lexicon)
        draft.qualifier = _qualifier(tokens, draft.index)
        if draft.qualifier is None and draft.parallel is not None:
            draft.qualifier = drafts[draft.parallel].qualifier  # "at least 16 girls, 75 women, and three men"
        _measure(draft, drafts[:k], lexicon)
    for draft, following in pairwise(drafts):
        if draft.shares_noun and draft.head is None and following.head is not None:
            draft.head, draft.words, draft.modifiers = following.head, following.words, following.modifiers
            draft.event, draft.how, draft.pp_label = following.event, following.how, following.pp_label
            _measure(draft, [], lexicon)
    for draft in drafts:
        if draft.role.measurable:
            _own_scope(draft, tokens, scopes, lexicon)
    _share_tails(tokens, drafts)
    for draft in drafts:
        if draft.role.measurable:
            _lent_scope(draft, drafts, tokens, starts, scopes, lexicon)
            _name_the_subject(draft, drafts, tokens, starts)
    return drafts


def _role(tokens: tuple[Token, ...], i: int) -> Role:
    number = tokens[i].number
    assert number is not None
    before = " ".join(t.low for t in tokens[max(0, i - 4) : i])
    after = [t.low for t in tokens[i + 1 : i + 4]]
    previous = _at(tokens, i - 1)
    if number.kind == "money":
        return Role.MONEY
    if number.kind == "percent" or _rate(tokens, i):
        return Role.SHARE
    if previous == "/" or (previous == "per" and number.amount in _PER):
        return Role.NAME  # the 1,000 of "9.8 births/1,000 population": part of a unit
    if previous in CITING or (previous == "." and _at(tokens, i - 2) in CITING):
        return Role.NAME
    if (after[:2] == ["-", "year"] and after[2:3] == ["-"]) or (
        after[:1] in (["years"], ["year"]) and "old" in after[1:3]
    ):
        return Role.AGE
    if before.endswith(AGE_BEFORE) or (previous in ("over", "under") and _at(tokens, i - 2) in _YOUNG):
        return Role.AGE
    if number.kind == "ordinal":
        return Role.DATE if "months" in after[:2] else Role.RANK
    if number.kind == "year":
        return Role.COUNT if after and after[0] in _COUNTED_AFTER_YEAR else Role.DATE
    if previous in MONTHS or (after and after[0] in MONTHS):
        return Role.DATE
    unit = after[1] if after[:1] == ["-"] and len(after) > 1 else after[0].rstrip("'") if after else ""
    if unit in TIME_UNITS:
        # "the first six months of 2020" says when, not how long
        return Role.DATE if previous in ("first", "last", "past", "final") and "of" in after[1:3] else Role.DURATION
    return Role.COUNT


_PER = frozenset({100, 1000, 10000, 100000, 1000000})


def _rate(tokens: tuple[Token, ...], i: int) -> bool:
    """A rate is a share: "9.8 births/1,000 population", "3.2 per 100,000 inhabitants"."""
    after = tokens[i + 1 : i + 4]
    per = next((k for k, t in enumerate(after) if t.low in ("/", "per")), None)
    if per is None or per + 1 >= len(after) or not after[per + 1].number:
        return False
    return all(t.is_word for t in after[:per]) and after[per + 1].number.amount in _PER  # type: ignore[union-attr]


def _share_range_roles(tokens: tuple[Token, ...], drafts: list[Draft]) -> None:
    """Both ends of "five to 30 years" are durations: the unit after the second says so."""
    for first, second in pairwise(drafts):
        between = [t.low for t in tokens[first.index + 1 : second.index]]
        ranged = between in (["to"], ["-"], ["–"], ["and"])
        if ranged and first.role is Role.COUNT and second.role in (Role.DURATION, Role.AGE):
            first.role = second.role


def _qualifier(tokens: tuple[Token, ...], i: int) -> str | None:
    before = " ".join(t.low for t in tokens[max(0, i - 3) : i])
    found = next((q for q in QUALIFIERS if before == q or before.endswith(" " + q)), None)
    if found:
        return found
    after = [t.low for t in tokens[i + 1 : i + 5]]
    if after[:2] == ["or", "more"]:
        return "or more"
    if after[:1] == ["("] and "est" in after[2:4]:  # "130,207,371 (2023 est.)"
        return "est."
    return None


def _read_phrase(
    tokens: tuple[Token, ...], starts: tuple[int, ...], draft: Draft, earlier: list[Draft], lexicon: Lexicon
) -> None:
    """The noun phrase after the number, what governs it, and its own window."""
    i = draft.index
    k = i + 1
    if _at(tokens, i - 1) == "of" and i > 1 and tokens[i - 2].number:
        draft.how = "denominator"  # the 32 of "31 of 32 states" counts all of them
    if _at(tokens, k) == "of" and k + 1 < len(tokens) and tokens[k + 1].number:
        k += 2  # "31 of 32 states": the noun is the denominator's
    elif _at(tokens, k) == "of":
        k += 1  # "749 of its employees"
        while _at(tokens, k) in DETERMINERS:
            k += 1
    number = tokens[i].number
    if number and number.kind == "money":
        while _at(tokens, k) in CURRENCY_WORDS:
            k += 1  # "57,500 Mexican pesos": the unit, already read
    phrase: list[Token] = []
    while k < len(tokens) and tokens[k].is_word:
        word = tokens[k].low
        coordinated = word in ("and", "or") and phrase and not phrase[-1].low.endswith("s") and _is_word(tokens, k + 1)
        if word in STOPS and not coordinated:
            break
        if tokens[k].verb_shaped and not _modifies(tokens, k, [t.text for t in phrase]):
            break
        if phrase or word not in DETERMINERS:
            phrase.append(tokens[k])
        k += 1
    while phrase and phrase[-1].low in lexicon.phrases and not _noun_like(phrase[-1].low, lexicon):
        k = tokens.index(phrase.pop())  # "31 new and 45 ongoing": the noun is left out
        draft.shares_noun = _at(tokens, k) in ("and", "or") and k + 1 < len(tokens) and tokens[k + 1].number is not None
    draft.words = tuple(t.text for t in phrase)
    draft.head = phrase[-1].low if phrase else None
    draft.modifiers = tuple(
        t.low for t in phrase[:-1] if t.scope is None and t.low not in lexicon.neutral and t.low not in _GLUE
    )
    if draft.head is None and number and number.kind == "money" and _at(tokens, k) == "in" and _is_word(tokens, k + 1):
        draft.head, draft.words = tokens[k + 1].low, (tokens[k + 1].text,)  # "$52 million in funds"
    draft.window = (tokens[i].start, _window_end(tokens, k))
    if draft.how == "denominator":
        return  # it counts all of them: nothing to compare
    # What governs it, most certain first: a preposition right before it ("in 17 states"),
    # the action its noun names, a verb right after its phrase ("744 victims identified",
    # "seven states had shelters"), the verb before it, or the list item it stands beside.
    if _preposition_before(tokens, starts, draft, lexicon):
        return
    following = _at(tokens, k)
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


def _modifies(tokens: tuple[Token, ...], k: int, words: list[str]) -> bool:
    """An "-ing" word before a noun is a modifier ("permanent working groups"), but not
    right after a plural noun ("NGOs operating shelters")."""
    return (
        tokens[k].low.endswith("ing")
        and not (words and words[-1].casefold().endswith("s"))
        and _is_word(tokens, k + 1)
        and tokens[k + 1].low not in STOPS
        and tokens[k + 1].low not in DETERMINERS
    )


def _noun_like(word: str, lexicon: Lexicon) -> bool:
    """A scope word that is a counted noun ("NGOs", "girls"), not an adjective ("new", "female")."""
    return word.endswith("s") or word in lexicon.nouns or word in _YOUNG


def _at(tokens: tuple[Token, ...], k: int) -> str:
    return tokens[k].low if 0 <= k < len(tokens) else ""


def text_of(tokens: tuple[Token, ...], start: int, stop: int) -> str:
    """Tokens start..stop as lower-case words."""
    return " ".join(t.low for t in tokens[max(0, start) : stop])


def _is_word(tokens: tuple[Token, ...], k: int) -> bool:
    return 0 <= k < len(tokens) and tokens[k].is_word


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
            if _at(tokens, end + 1) == ":":
                break  # "total: 130,207,371 male: 64,000,000": the next part's label
            prepositions += word in PREPOSITIONS
            if prepositions == 2:
                break
        end += 1
    return tokens[end - 1].end


def _main_verb(tokens: tuple[Token, ...], k: int) -> bool:
    """A verb with an object of its own ("received 57,500 pesos"), not a participle after a
    noun ("victims identified in 2021")."""
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        tokens[k].verb_shaped
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
    while k >= starts[draft.index] and _in_qualifier(tokens, k, draft.index):
        k -= 1
    while k >= starts[draft.index] and tokens[k].low in DETERMINERS:
        k -= 1
    word = _at(tokens, k)
    if k < starts[draft.index] or word not in PREPOSITIONS or COMPARISON.search(text_of(tokens, k - 2, k + 1)):
        return False
    governor = next((t for t in reversed(tokens[starts[draft.index] : k]) if t.is_word and t.low not in _GLUE), None)
    if word == "of" and governor is not None and governor.low in ("total", "number"):
        return False  # "a total of 76 federal prosecutions"
    if word == "of" and governor is not None and governor.low in lexicon.events:
        draft.event, draft.how = lexicon.events[governor.low][0], "verb"  # "prosecution of 76 individuals"
        return False
    if word == "to" and governor is not None and governor.low in _CHANGES:
        return False  # "Staff turnover fell to 7 percent": the new level of what fell
    draft.event, draft.how = (f"{governor.low} {word}" if governor else word), "pp"
    draft.pp_label = _pp_label(tokens, starts, k, governor)
    return True


def _pp_label(tokens: tuple[Token, ...], starts: tuple[int, ...], k: int, governor: Token | None) -> str | None:
    """What a reader calls the noun of "prosecutions in 22 states" (states with prosecutions),
    "collaborated on 13 cases" (cases collaborated on), "denied entry to 763 sex offenders"
    (sex offenders denied entry), "training events for 11,800 officials" (officials at
    training events)."""
    preposition = tokens[k].low
    if governor is None:
        return None
    if governor.verb_shaped:
        return f"{participle(governor.low)} {preposition}"
    if preposition == "to":
        at = tokens.index(governor)
        verb = next((t for t in tokens[max(starts[k], at - 2) : at] if _verb_at(tokens, tokens.index(t))), None)
        return f"{participle(verb.low)} {governor.text}" if verb else f"given {governor.text}"
    name = governor.low if governor is tokens[0] else governor.text
    return f"{'at' if preposition == 'for' else 'with'} {name}"


_GLUE = DETERMINERS | {"and", "or"}
_CHANGES = frozenset("rose fell increased decreased dropped declined grew climbed jumped reached".split())
_AUXILIARIES = frozenset("not also did does do has have had was were is are be been to".split())


def _governor(
    tokens: tuple[Token, ...], starts: tuple[int, ...], draft: Draft, earlier: list[Draft], lexicon: Lexicon
) -> None:
    """Walk left to what governs the number: a verb, a word that opens parts ("including"),
    or an earlier item of a list, whose reading it shares."""
    for k in range(draft.index - 1, starts[draft.index] - 1, -1):
        token = tokens[k]
        word = token.low
        if word in ("–", "—") and k and any(d.window[0] <= tokens[k - 1].start < d.window[1] for d in earlier):
            draft.part = True  # "111 traffickers – 81 for sex trafficking"
            return
        if _verb_at(tokens, k) and word not in lexicon.reporting_verbs:
            draft.verb_at = k
            if draft.event is None and participle(word) not in lexicon.light_verbs and word not in COPULAS:
                draft.event, draft.how = participle(word), "verb"
            return
        if token.number or any(d.window[0] <= token.start < d.window[1] for d in earlier):
            parallel = _parallel(draft, earlier)
            if parallel is not None:
                draft.part, draft.parallel = parallel.part, earlier.index(parallel)
                draft.verb_at = parallel.verb_at
                if draft.event is None and parallel.how in ("verb", "noun", "pp"):
                    draft.event, draft.how = parallel.event, "pp" if parallel.how == "pp" else "verb"
            return
        if word in PARTS:
            draft.part = True
            return
        if word in RELATIVES or COMPARISON.search(text_of(tokens, k - 1, k + 1)):
            return


def _verb_at(tokens: tuple[Token, ...], k: int) -> bool:
    """A verb by its shape, or a bare word after "to" or a modal ("could accommodate")."""
    word = tokens[k].low
    if tokens[k].verb_shaped:
        return True
    return (
        _at(tokens, k - 1) in MODALS
        and tokens[k].is_word
        and word not in STOPS
        and word not in DETERMINERS
        and word not in ("not", "be", "have")
    )


def _parallel(draft: Draft, earlier: list[Draft]) -> Draft | None:
    """The earlier item of the list a number belongs to: the nearest with the same noun, or
    the nearest of its role when the number's noun is left out."""
    if draft.head is not None:
        return next((d for d in reversed(earlier) if d.head == draft.head), None)
    return next((d for d in reversed(earlier) if d.role is draft.role), None)


def _in_qualifier(tokens: tuple[Token, ...], k: int, i: int) -> bool:
    """Whether token k belongs to the qualifier right before the number ("more than", "up to")."""
    said = " ".join(t.low for t in tokens[k:i])
    return said in QUALIFIERS


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
    while _is_word(tokens, k) and (tokens[k].low not in STOPS or tokens[k].low in ("and", "or")):
        if tokens[k].low not in DETERMINERS and not (not words and tokens[k].verb_shaped):
            words.append(tokens[k].text)
        k += 1
    while words and words[-1].casefold() in ("and", "or"):
        words.pop()
    return words


def _measure(draft: Draft, earlier: list[Draft], lexicon: Lexicon) -> None:
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
    noun = " ".join((*draft.modifiers, noun))
    phrase = " ".join(draft.words)
    if draft.how == "noun":
        draft.measure, draft.label = f"{noun} {draft.event}", phrase
    elif draft.how == "verb":
        draft.measure, draft.label = f"{noun} {draft.event}", f"{phrase} {draft.event}"
    elif draft.how == "have":
        verb = "with" if draft.event == "had" else draft.event
        complement = " ".join(draft.complement_words)
        draft.measure, draft.label = f"{noun} {draft.event} {draft.complement}", f"{phrase} {verb} {complement}"
    elif draft.how == "pp":
        draft.measure, draft.label = f"{noun} ({draft.event})", f"{phrase} {draft.pp_label or ''}".strip()
    else:
        draft.measure, draft.label = noun, phrase


def _own_scope(draft: Draft, tokens: tuple[Token, ...], scopes: list[tuple[int, int, str]], lexicon: Lexicon) -> None:
    start, end = draft.window
    if draft.index and tokens[draft.index - 1].scope:  # "male 480,551/female 459,112"
        start = tokens[draft.index - 1].start
    own: dict[str, set[str]] = {}
    for a, b, scope in scopes:
        if start <= a and b <= end:
            own.setdefault(lexicon.dimensions.get(scope, scope), set()).add(scope)
    # "(state and federal)": both levels together are all of them, no level at all
    draft.scope = {dim: found.pop() for dim, found in own.items() if len(found) == 1}
    draft.own = frozenset(own)


def _share_tails(tokens: tuple[Token, ...], drafts: list[Draft]) -> None:
    """In "seven women and 10 men exploited in labor trafficking", the words after the last
    item are said of the first too."""
    for first, second in pairwise(drafts):
        joined = _at(tokens, second.index - 1) == "and" and tokens[second.index - 1].start - first.window[1] <= 1
        if first.role.measurable and second.role is first.role and joined:
            for dimension, value in second.scope.items():
                if dimension not in first.own and dimension != "group":
                    first.scope[dimension] = value


def _lent_scope(
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
        spans.append(_subject(tokens, starts, draft.verb_at, drafts))
    elif draft.verb_at is None:
        spans = [(tokens[starts[draft.index]].start, draft.window[0])]
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


def _name_the_subject(draft: Draft, drafts: list[Draft], tokens: tuple[Token, ...], starts: tuple[int, ...]) -> None:
    """A label names who did it when that is not the government at large: "trafficking
    victims served by the shelter", "personnel trained by Mexico's National Guard"."""
    if draft.how != "verb" or draft.verb_at is None or draft.verb_at > draft.index or not draft.label:
        return
    a, b = _main_subject(tokens, starts, draft.verb_at)
    if (a, b) == (0, 0):
        a, b = _subject(tokens, starts, draft.verb_at, drafts)
    words = [t for t in tokens if a <= t.start and t.end <= b]
    said_by_scope = (t.scope or t.low in GENERIC_SUBJECTS or t.low in DETERMINERS for t in words)
    if not words or len(words) > 6 or all(said_by_scope):
        return
    said = " ".join(t.text for t in words)
    draft.label = f"{draft.label} by {said[0].lower() + said[1:] if words[0].low in DETERMINERS else said}"
    # who did it is part of what is counted: the Northern office's cases are not the Southern's
    head = words[: next((k for k, t in enumerate(words) if t.low in PREPOSITIONS), len(words))]
    named = " ".join(t.low for t in head if not (t.scope or t.low in GENERIC_SUBJECTS or t.low in DETERMINERS))
    if draft.measure and named:
        draft.measure = f"{draft.measure} by {named}"


def _main_subject(tokens: tuple[Token, ...], starts: tuple[int, ...], verb: int) -> tuple[int, int]:
    """The span of a clause's subject that a relative clause follows ("An NGO that operated a
    national hotline ... received 1,864 calls"), when there is one before the verb."""
    relative = next((k for k in range(starts[verb], verb) if tokens[k].low in RELATIVES), None)
    if relative is None or relative == starts[verb]:
        return 0, 0
    return tokens[starts[verb]].start, tokens[relative - 1].end


def _opening_phrase(tokens: tuple[Token, ...]) -> tuple[int, int]:
    """The span of a phrase the sentence opens with, up to its first comma ("At the federal level,")."""
    if tokens and tokens[0].low in PREPOSITIONS:
        comma = next((t for t in tokens[:12] if t.low == ","), None)
        if comma is not None:
            return tokens[0].start, comma.start
    return 0, 0


def _subject(tokens: tuple[Token, ...], starts: tuple[int, ...], verb: int, drafts: list[Draft]) -> tuple[int, int]:
    """The span of the noun phrase right before a verb; a verb after "and" ("identified and
    assisted 1,352", "initiated prosecution of 31 ... and continued 45") has the subject of
    the verb before it in its clause."""
    k = verb - 1
    if k >= starts[verb] and tokens[k].low in ("and", "or"):
        previous = next(
            (
                j
                for j in range(k - 1, starts[verb] - 1, -1)
                if _verb_at(tokens, j) and not tokens[j].low.endswith("ing")
            ),
            None,
        )
        return _subject(tokens, starts, previous, drafts) if previous is not None else (0, 0)
    while k >= starts[verb] and (tokens[k].verb_shaped or tokens[k].low in _AUXILIARIES):
        k -= 1  # "The government reported identifying", "did not provide"
    end = tokens[k].end if k >= 0 else 0
    while k >= starts[verb] and not tokens[k].number and tokens[k].low not in (",", ";"):
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        named = tokens[k].low in ("of", "in", "at") and following is not None
        named = named and (following.text[:1].isupper() or following.low in DETERMINERS)  # type: ignore[union-attr]
        if tokens[k].low in STOPS and not named:
            break  # "authorities in Tlaxcala", "the head office in the capital" are one subject
        k -= 1
    return (tokens[k + 1].start if k + 1 < len(tokens) else end), end
