"""The US State Department's Trafficking in Persons (TIP) country narratives.

Heading variants seen across the years ("RECOMMENDATIONS FOR MEXICO:", "Prioritized
Recommendations", "TRAFFICKING PROFILE:", "==Prosecution==") and the sentences that
open a section when its heading is missing: each section of a TIP narrative since
2010 starts with a verdict ("The government maintained protection efforts").
"""

import re

from tipdiff.profiles import Profile, SectionKind
from tipdiff.profiles.lexicon import ENGLISH

_GOVERNMENT = r"(?:the )?government(?: of [\w .'-]{1,40}?)?(?:'s)?"
_ANY_WORDS = r"(?:\w+ ){0,4}?"


def _opener(efforts: str) -> re.Pattern[str]:
    """Opens a section: "The government increased/maintained/decreased ... <efforts>"."""
    return re.compile(rf"{_GOVERNMENT} {_ANY_WORDS}(?:{efforts})\b")


def _verdict(efforts: str) -> re.Pattern[str]:
    """The short verdict ("increased", "made minimal") of a section's first sentence."""
    return re.compile(
        rf"{_GOVERNMENT} (?P<verdict>increased|maintained|decreased|made (?:\w+ )?\w+|did not make \w+)"
        rf" (?:\w+ ){{0,3}}?(?:{efforts})\b"
    )


_LAW_ENFORCEMENT = r"(?:anti-trafficking )?law enforcement (?:efforts|response)"
_PROTECTION = r"(?:victim )?protection efforts|efforts to (?:protect|identify and protect) victims"
_PREVENTION = r"(?:trafficking )?prevention efforts|efforts to prevent"


LEXICON = ENGLISH.extended(
    scopes={
        "sex trafficking": (
            "sex trafficking",
            "sexual exploitation",
            "sex traffickers",
            "sex trafficker",
            "commercial sexual exploitation",
            "child sex trafficking",
        ),
        "labor trafficking": (
            "labor trafficking",
            "forced labor",
            "labor traffickers",
            "labor trafficker",
            "labour trafficking",
            "forced labour",
            "forced criminality",
            "forced begging",
            "forced labor or services",
        ),
        "unspecified": ("unspecified", "not specified", "unspecified exploitation", "unspecified forms"),
        "immigration": ("immigration officials", "immigration authorities", "inm"),
        "LGBTQI+": ("lgbtqi+", "lgbti", "lgbtqi"),
    },
    dimensions={
        "sex trafficking": "form",
        "labor trafficking": "form",
        "unspecified": "form",
        "immigration": "agent",
        "LGBTQI+": "group",
    },
    nouns={"victim": "victims"},
    vague=frozenset({"victims"}),
    neutral=frozenset({"trafficking", "human", "anti-trafficking", "potential"}),
    weights={
        "victims identified": 3.0,
        "persons prosecuted": 3.0,
        "persons convicted": 3.0,
        "cases investigated": 3.0,
        "victims referred": 2.0,
        "victims assisted": 2.0,
        "persons arrested": 2.0,
        "officials convicted": 3.0,
    },
)
"""The TIP reports' counts: victims identified, suspects prosecuted, traffickers convicted,
by level of government and form of trafficking."""


TIP = Profile(
    name="tip",
    sections=(
        SectionKind(
            key="summary",
            title="Summary",
            # The report's title line and the "Country (Tier N)" line both open the summary.
            headings=re.compile(
                r"trafficking in persons report|\(tier [^)]*\)$|^tier (?:[123]|2 watch list)\b"
                r"|^(?:executive )?summary$|^overview$"
            ),
            opener=re.compile(
                rf"{_GOVERNMENT} (?:does not fully|fully) (?:meets?|compl(?:y|ies))"
                r" (?:with )?the minimum standards"
            ),
            verdict=re.compile(
                r"(?P<verdict>(?:does not fully|fully|does not) (?:meets?|compl(?:y|ies))"
                r" (?:with )?the minimum standards(?:[^.;]*? (?:is|is not) making significant efforts)?)"
            ),
        ),
        SectionKind(
            key="recommendations",
            title="Recommendations",
            headings=re.compile(r"recommendations?\b"),
            opener=re.compile(r"recommendations for [\w .'-]+:"),
        ),
        SectionKind(
            key="prosecution",
            title="Prosecution",
            headings=re.compile(r"^prosecution\b|law enforcement"),
            opener=_opener(_LAW_ENFORCEMENT),
            verdict=_verdict(_LAW_ENFORCEMENT),
        ),
        SectionKind(
            key="protection",
            title="Protection",
            headings=re.compile(r"^(?:victim )?protection\b"),
            opener=_opener(_PROTECTION),
            verdict=_verdict(_PROTECTION),
        ),
        SectionKind(
            key="prevention",
            title="Prevention",
            headings=re.compile(r"^prevention\b"),
            opener=_opener(_PREVENTION),
            verdict=_verdict(_PREVENTION),
        ),
        SectionKind(
            key="profile",
            title="Trafficking profile",
            headings=re.compile(r"trafficking profile|scope and magnitude"),
            opener=re.compile(
                r"as reported over the past \w+ years"
                r"|[\w .'-]{1,40} is (?:a|an|primarily a) (?:\w+,? ){0,5}?(?:source|transit|destination)\b"
            ),
        ),
    ),
    headings=(
        re.compile(r"^(?P<year>(?:19|20)\d\d) trafficking in persons report(?::\s*(?P<country>.+))?$"),
        re.compile(r"trafficking in persons report (?P<year>(?:19|20)\d\d)"),
        re.compile(r"^(?P<country>[^()]+?)\s*\((?P<tier>tier [^)]+)\)$"),
        re.compile(r"^(?P<country>[^:()]+?):\s*(?P<tier>tier (?:2 watch list|[123]))$"),
        re.compile(r"^(?:human )?trafficking in (?P<country>[^()]+)$"),
    ),
    statements=(
        re.compile(
            r"\b(?:remained on|(?:upgraded|downgraded|moved) to|placed on) (?P<tier>Tier (?:2 Watch List|[123]))\b"
        ),
        re.compile(r"\b[Tt]he Government of (?P<country>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)"),
    ),
    data_year_lag=1,
    recommendations="recommendations",
    required_sections=("summary", "recommendations", "prosecution", "protection", "prevention", "profile"),
    required_facts=("title", "country", "year", "tier"),
    lexicon=LEXICON,
)
