"""The US State Department's Trafficking in Persons (TIP) country narratives.

Heading variants seen across the years ("RECOMMENDATIONS FOR MEXICO:", "Prioritized
Recommendations", "TRAFFICKING PROFILE:", "==Prosecution==") and the sentences that
open a section when its heading is missing: each section of a TIP narrative since
2010 starts with a verdict ("The government maintained protection efforts").
"""

import re

from tipdiff.profiles import Profile, SectionKind, VerdictKind
from tipdiff.profiles.lexicon import ENGLISH
from tipdiff.profiles.places import TIP_PLACES

_GOVERNMENT = r"(?:the )?government(?: of [\w .'-]{1,40}?)?(?:'s)?"
_ANY_WORDS = r"(?:\w+ ){0,4}?"


def _opener(efforts: str) -> re.Pattern[str]:
    """Opens a section: "The government increased/maintained/decreased ... <efforts>"."""
    return re.compile(rf"{_GOVERNMENT} {_ANY_WORDS}(?:{efforts})\b")


_TIER = r"(?:tier (?:2 watch list|[123])|special case)"
_COUNTRY_TIER = (
    re.compile(rf"^(?P<country>[^()]*[^()\s])\s*+\({_TIER}\)$"),
    re.compile(rf"^(?P<country>[^:()]*[^:()\s])\s*+:\s*+{_TIER}$"),
)
"""The heading that opens a country's narrative: "MEXICO (Tier 2)", "MEXICO: Tier 2 Watch List"."""
_START = r"(?:^|(?<=\u2026 ))"
"""A verdict opens its sentence (in a scrape, glued to the last one by an ellipsis)."""
_SUBJECT = r"(?:the )?(?:[\w-]+ ){0,3}?(?:government|governments|authorities)(?: of [\w .'-]{1,40}?)?(?:'s)?"
_DEGREE = r"(?:(?P<degree>modestly|slightly|somewhat|marginally|significantly|markedly|considerably|overall) )?"
_DIRECTION = (
    r"(?P<direction>increased|maintained|sustained|decreased|reduced|improved|strengthened|expanded|weakened"
    r"|demonstrated|made|showed|did not (?:make|demonstrate|increase|improve))"
)
_LEVEL = (
    r"(?: (?P<level>inadequate|insufficient|minimal|negligible|limited|modest|uneven|mixed|some|significant"
    r"|strong|adequate|sufficient|weak|serious|(?:overall )?(?:increasing|decreasing)))?"
)
_SECTION_MEANINGS = {
    "sustained": "maintained", "improved": "increased", "strengthened": "increased", "expanded": "increased",
    "reduced": "decreased", "weakened": "decreased", "declined": "decreased", "remained": "maintained",
    "increasing": "increased", "overall increasing": "increased", "decreasing": "decreased",
    "overall decreasing": "decreased", "demonstrated": "", "made": "", "showed": "", "overall": "",
    "did not make": "not", "did not demonstrate": "not", "did not increase": "not increased",
    "did not improve": "not increased", "insufficient": "inadequate", "negligible": "minimal", "mixed": "uneven",
    "slightly": "modestly", "somewhat": "modestly", "marginally": "modestly", "markedly": "significantly",
    "considerably": "significantly",
}  # fmt: skip
"""The words of "the government maintained inadequate ... efforts", by what they mean."""


def _section_verdict(subject: str, efforts: str) -> VerdictKind:
    """ "The government [modestly] increased|maintained [minimal] ... <efforts>", or "the
    government's <efforts> increased": the first sentence of a section since 2010."""
    return VerdictKind(
        subject=subject,
        section=subject,
        patterns=(
            re.compile(
                rf"{_START}{_SUBJECT} (?P<verdict>{_DEGREE}{_DIRECTION}{_LEVEL}) (?:its |their )?(?:[\w-]+ ){{0,4}}?"
                rf"(?:{efforts})\b",
                re.IGNORECASE,
            ),
            re.compile(
                rf"{_START}{_SUBJECT} (?:[\w-]+ ){{0,3}}?(?:{efforts})(?: [\w-]+){{0,6}}? (?P<verdict>{_DEGREE}"
                r"(?P<direction>increased|decreased|improved|weakened|declined|remained (?:\w+)))\b",
                re.IGNORECASE,
            ),
        ),
        meanings=_SECTION_MEANINGS,
        ranks={"decreased": 0, "maintained": 1, "increased": 2},
    )


_LAW_ENFORCEMENT = r"(?:anti-trafficking )?law enforcement (?:efforts|response)"
_PROTECTION = (
    r"(?:victim )?protection efforts|efforts to (?:protect|identify and protect|assist) (?:trafficking )?victims"
    r"|(?:protection|assistance) (?:to|for) (?:trafficking )?victims"
)
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
    family="TIP",
    layout="prose",
    evidence=("sections", "tier"),
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
        ),
        SectionKind(
            key="protection",
            title="Protection",
            headings=re.compile(r"^(?:victim )?protection\b"),
            opener=_opener(_PROTECTION),
        ),
        SectionKind(
            key="prevention",
            title="Prevention",
            headings=re.compile(r"^prevention\b"),
            opener=_opener(_PREVENTION),
        ),
        SectionKind(
            key="profile",
            title="Trafficking profile",
            weight=0.6,  # how the country is described changes slowly; the year's record is elsewhere
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
        *_COUNTRY_TIER,
        re.compile(r"^(?:human )?trafficking in (?P<country>[^()]+)$"),
    ),
    parts=_COUNTRY_TIER,
    statements=(re.compile(r"\b[Tt]he Government of (?P<country>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)"),),
    verdicts=(
        VerdictKind(
            subject="tier",
            section=None,
            patterns=(
                re.compile(rf"\((?P<verdict>(?P<tier>{_TIER}))\)$", re.IGNORECASE),
                re.compile(rf"^(?:[^:()]++:\s*+)?(?P<verdict>(?P<tier>{_TIER}))$", re.IGNORECASE),
                re.compile(
                    r"\b(?:remained on|remains on|(?:upgraded|downgraded|moved|placed) (?:to|on))"
                    r" (?P<verdict>(?P<tier>tier (?:2 watch list|[123])))\b",
                    re.IGNORECASE,
                ),
            ),
            ranks={"tier 1": 3, "tier 2": 2, "tier 2 watch list": 1, "tier 3": 0},
        ),
        VerdictKind(
            subject="summary",
            section="summary",
            patterns=(
                re.compile(
                    r"(?P<verdict>(?P<standards>does not fully|fully|does not) (?:meets?|compl(?:y|ies)) (?:with )?"
                    r"the minimum standards(?:[^.]*? (?:is|are) (?P<efforts>(?:not )?making) significant efforts)?)",
                    re.IGNORECASE,
                ),
            ),
            meanings={"does": ""},
            ranks={"fully": 3, "not fully making": 2, "not fully not making": 0, "not not making": 0},
        ),
        VerdictKind(
            subject="overall-efforts",
            section="summary",
            patterns=(
                re.compile(
                    r"(?P<verdict>(?P<overall>demonstrated|did not demonstrate) (?:overall )?increasing efforts)",
                    re.IGNORECASE,
                ),
            ),
            meanings={"demonstrated": "increasing", "did not demonstrate": "not increasing"},
            ranks={"not increasing": 0, "increasing": 1},
        ),
        _section_verdict("prosecution", _LAW_ENFORCEMENT),
        _section_verdict("protection", _PROTECTION),
        _section_verdict("prevention", _PREVENTION),
    ),
    summary="summary",
    credits=re.compile(
        r"^(?:these efforts included|(?:the government|it) (?:demonstrated|made) (?:\w+ ){0,4}?efforts"
        r"(?: (?:\w+ ){0,6}?)? by) (?P<items>.+)$",
        re.IGNORECASE,
    ),
    shortfalls=re.compile(r"^however, the government did not (?:fully )?meet the minimum standards", re.IGNORECASE),
    data_year_lag=1,
    recommendations="recommendations",
    required_sections=("summary", "recommendations", "prosecution", "protection", "prevention", "profile"),
    required_facts=("title", "country", "year", "tier"),
    lexicon=LEXICON,
    places=TIP_PLACES,
)
