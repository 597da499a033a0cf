"""The working record of one number while its sentence is read, shared by the readers."""

from __future__ import annotations

from dataclasses import dataclass, field

from tipdiff.model import Role


@dataclass(slots=True, eq=False)
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
    adjectives: tuple[str, ...] = ()
    """Scope words of its phrase that stand without a noun ("federal" of "127 federal and 298
    state investigations"), as written."""
    shares_noun: bool = False
    """Its phrase is only scope words before "and" and the next number ("127 federal and 298
    state investigations"): it counts the next item's noun."""
    narrowed: tuple[str, ...] = ()
    """Words after the counted noun that narrow what it counts, as written ("on", "brothels" of
    "45 raids on brothels"; "and", "their", "dependents" of "150 victims and their
    dependents", more than the victims): part of the measure, so 45 raids on brothels are
    never set against 60 raids."""
    pp_label: str | None = None
    """For a number inside a phrase, how a reader names what it counts: "with prosecutions"
    (states with prosecutions), "collaborated on" (cases collaborated on), "denied entry"."""


def owner(drafts: list[Draft], position: int) -> Draft | None:
    """The draft whose own words hold the character at `position`; drafts are in reading
    order, so the search stops at the first that starts before it."""
    for draft in reversed(drafts):
        if draft.window[0] <= position:
            return draft if position < draft.window[1] else None
    return None
