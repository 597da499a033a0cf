"""Reading one sentence's numbers from the words around them: role (`roles.py`), what each
counts (`phrases.py`) and for whom (`scopes.py`). Relations between the numbers (parts,
earlier periods) are `relations.py`'s.
"""

from __future__ import annotations

from itertools import pairwise

from tipdiff.facts.draft import Draft
from tipdiff.facts.phrases import measure, read_phrase
from tipdiff.facts.roles import qualifier_of, role_of, share_range_roles
from tipdiff.facts.scopes import lent_scope, name_the_place, name_the_subject, own_scope, share_tails
from tipdiff.facts.tokens import Token
from tipdiff.profiles.lexicon import Lexicon


def read_numbers(
    tokens: tuple[Token, ...], starts: tuple[int, ...], scopes: list[tuple[int, int, str]], lexicon: Lexicon
) -> list[Draft]:
    """A draft for each number token: role, noun phrase, event, own and lent scope, qualifier."""
    drafts = [Draft(i, role_of(tokens, i)) for i, token in enumerate(tokens) if token.number]
    share_range_roles(tokens, drafts)
    for k, draft in enumerate(drafts):
        read_phrase(tokens, starts, draft, drafts[:k], lexicon)
        draft.qualifier = qualifier_of(tokens, draft.index)
        if draft.qualifier is None and draft.parallel is not None and drafts[draft.parallel].part:
            draft.qualifier = drafts[draft.parallel].qualifier  # "included at least 16 girls, 75 women, and three men"
        measure(draft, drafts[:k], lexicon)
    for draft, following in pairwise(drafts):
        if draft.shares_noun and draft.head is None and following.head is not None:
            draft.head, draft.words, draft.modifiers = following.head, following.words, following.modifiers
            draft.event, draft.how, draft.pp_label = following.event, following.how, following.pp_label
            measure(draft, [], lexicon)
            draft.label = " ".join((*draft.adjectives, following.words[-1]))  # "federal investigations"
    for draft in drafts:
        if draft.role.measurable:
            own_scope(draft, tokens, scopes, lexicon)
    share_tails(tokens, drafts)
    for draft in drafts:
        if draft.role.measurable:
            lent_scope(draft, drafts, tokens, starts, scopes, lexicon)
            name_the_subject(draft, drafts, tokens, starts)
            name_the_place(draft, tokens)
    return drafts
