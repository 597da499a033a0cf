"""Lexicons: the words a report family uses for what its numbers count, kept as data.

The facts stage reads a number's measure and scope with these words and nothing else, so
that a report family is taught by extending a lexicon, never by changing the engine.
`ENGLISH` holds what any English report shares (levels of government, sexes, age groups,
the nouns of law enforcement); a family's profile extends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What the numbers of a report family count, and for whom."""

    scopes: dict[str, tuple[str, ...]]
    """Canonical scope -> the phrases that say it, lower case ("state": "state-level", ...)."""
    dimensions: dict[str, str]
    """Canonical scope -> its dimension ("state": "level"): a fact has one scope per dimension,
    and a clause's subject only lends the dimensions a number's own words leave open."""
    nouns: dict[str, str]
    """A counted noun -> its class: "suspects", "traffickers" and "individuals" are all
    "persons", since "76 individuals prosecuted" and "76 suspects prosecuted" count one thing."""
    vague: frozenset[str]
    """Classes too vague to compare without a verb saying what befell them ("persons")."""
    events: dict[str, tuple[str, str]]
    """An action noun -> (its past participle, the class it counts): "prosecutions" ->
    ("prosecuted", "persons"), so "76 prosecutions" are "persons prosecuted"."""
    neutral: frozenset[str]
    """Modifiers that do not change what is counted ("suspected traffickers", "additional
    victims"); every other word before the noun is part of the measure ("bank accounts")."""
    light_verbs: frozenset[str]
    """Verbs that say nothing of what is counted ("initiated 33 investigations")."""
    reporting_verbs: frozenset[str]
    """Verbs of saying ("reported"), skipped when looking for what befell the counted thing."""
    weights: dict[str, float] = field(default_factory=dict)
    """Measure -> how much it matters to a reader of the family (default 1)."""
    caveats: tuple[re.Pattern[str], ...] = ()
    """Phrases that limit a figure ("although not all states provided data")."""
    phrases: dict[str, str] = field(init=False, repr=False, compare=False)
    """Each scope phrase -> its scope."""
    scope_pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    """Finds every scope phrase in lower-case text, the longest first."""

    def extended(
        self,
        scopes: dict[str, tuple[str, ...]] | None = None,
        dimensions: dict[str, str] | None = None,
        nouns: dict[str, str] | None = None,
        vague: frozenset[str] = frozenset(),
        neutral: frozenset[str] = frozenset(),
        events: dict[str, tuple[str, str]] | None = None,
        weights: dict[str, float] | None = None,
        caveats: tuple[re.Pattern[str], ...] = (),
    ) -> Lexicon:
        """This lexicon with a family's own words added."""
        merged = dict(self.scopes)
        for scope, phrases in (scopes or {}).items():
            merged[scope] = merged.get(scope, ()) + phrases
        return Lexicon(
            scopes=merged,
            dimensions=self.dimensions | (dimensions or {}),
            nouns=self.nouns | (nouns or {}),
            vague=self.vague | vague,
            events=self.events | (events or {}),
            neutral=self.neutral | neutral,
            light_verbs=self.light_verbs,
            reporting_verbs=self.reporting_verbs,
            weights=self.weights | (weights or {}),
            caveats=self.caveats + caveats,
        )

    def __post_init__(self) -> None:
        phrases = {phrase: scope for scope, said in self.scopes.items() for phrase in said}
        alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        # object.__setattr__ because the dataclass is frozen: both are derived once from `scopes`.
        object.__setattr__(self, "phrases", phrases)
        object.__setattr__(self, "scope_pattern", re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"))


ENGLISH = Lexicon(
    scopes={
        "federal": ("federal", "federal-level", "federal level", "federally"),
        "state": ("state", "state-level", "state level", "states'"),
        "local": ("local", "municipal", "municipal-level", "local-level"),
        "provincial": ("provincial", "provincial-level"),
        "NGO": (
            "ngo",
            "ngos",
            "ngo-run",
            "ngo-operated",
            "civil society",
            "nongovernmental organization",
            "non-governmental organization",
        ),
        "international organization": ("international organization", "international organizations"),
        "abroad": ("abroad", "overseas", "consular", "in other countries", "embassies", "consulates"),
        "foreign": ("foreign", "foreign national", "foreign nationals", "from other countries", "foreigners"),
        "women": ("women", "woman", "female", "females"),
        "men": ("men", "man", "male", "males"),
        "girls": ("girls", "girl"),
        "boys": ("boys", "boy"),
        "children": ("children", "child", "minors", "minor"),
        "adults": ("adults", "adult"),
        "new": ("new",),
        "ongoing": ("ongoing", "continued", "pending"),
    },
    dimensions={
        "federal": "level",
        "state": "level",
        "local": "level",
        "provincial": "level",
        "NGO": "agent",
        "international organization": "agent",
        "abroad": "place",
        "foreign": "origin",
        "women": "group",
        "men": "group",
        "girls": "group",
        "boys": "group",
        "children": "group",
        "adults": "group",
        "new": "status",
        "ongoing": "status",
    },
    nouns={
        **dict.fromkeys(
            """suspects suspect traffickers trafficker individuals individual persons person people defendants
            defendant offenders offender perpetrators perpetrator""".split(),
            "persons",
        ),
        **dict.fromkeys("officials official officers officer personnel staff employees agents".split(), "officials"),
    },
    vague=frozenset({"persons", "officials", "cases"}),
    events={
        "investigations": ("investigated", "cases"),
        "investigation": ("investigated", "cases"),
        "prosecutions": ("prosecuted", "persons"),
        "prosecution": ("prosecuted", "persons"),
        "convictions": ("convicted", "persons"),
        "conviction": ("convicted", "persons"),
        "arrests": ("arrested", "persons"),
        "referrals": ("referred", "persons"),
        "inspections": ("inspected", "cases"),
        "extraditions": ("extradited", "persons"),
        "deportations": ("deported", "persons"),
        "repatriations": ("repatriated", "persons"),
    },
    neutral=frozenset(
        """additional other total suspected alleged potential possible presumed identified reported confirmed
        known various several more new""".split()
    ),
    light_verbs=frozenset(
        """initiated initiating opened opening conducted conducting launched launching continued continuing
        had have has having held holding recorded pursued carried filed registered undertook performed
        began totaled totalled numbered included""".split()
    ),
    reporting_verbs=frozenset(
        "reported reporting noted stated said indicated claimed cited documented announced estimated".split()
    ),
    caveats=(
        re.compile(
            r"\b(?:although|though|but|however)?,? ?not all [\w -]{1,40}? (?:provided|reported|submitted) data\b"
        ),
        re.compile(
            r"\b(?:provided |reported |with |using )?(?:the )?(?:data|figures|statistics)"
            r" (?:from|for|on|covered|came from|were from|included) only [\w -]{1,40}?(?=[,;.)]|$)"
        ),
        re.compile(
            r"\b(?:data|figures|statistics)\b[^.;]{0,60}?\b(?:was|were|is|are) (?:incomplete|partial|provisional)\b"
        ),
        re.compile(r"\bpartial (?:\w+ )?(?:data|figures|statistics)\b"),
        re.compile(r"\bincomplete (?:data|figures|statistics)\b"),
    ),
)
