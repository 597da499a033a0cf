"""The US State Department's Trafficking in Persons (TIP) country narratives.

Heading variants seen across the years ("RECOMMENDATIONS FOR MEXICO:", "Prioritized
Recommendations", "TRAFFICKING PROFILE:", "==Prosecution==") and the sentences that
open a section when its heading is missing: each section of a TIP narrative since
2010 starts with a verdict ("The government maintained protection efforts").
"""

import re

from tipdiff.profiles import Format, Profile, SectionKind, VerdictKind
from tipdiff.profiles.lexicon import ENGLISH
from tipdiff.profiles.places import TIP_PLACES

_GOVERNMENT = r"(?:the )?government(?: of [\w .'-]{1,40}?)?(?:'s)?"
_ANY_WORDS = r"(?:\w+ ){0,6}?"


def _opener(efforts: str) -> re.Pattern[str]:
    """Opens a section: "The government increased/maintained/decreased ... <efforts>"."""
    return re.compile(rf"{_GOVERNMENT} {_ANY_WORDS}(?:{efforts})\b")


_TIER = r"(?:tier (?:2 (?:[-\u2013\u2014] )?watch ?list|[123])|special case)"
_COUNTRY_TIER = (
    re.compile(rf"^(?P<country>[^()]*[^()\s])\s*+\({_TIER}\)$"),
    re.compile(rf"^(?P<country>[^:()]*[^:()\s])\s*+(?::|\s[\u2013\u2014-])\s*+{_TIER}$"),
)
"""The heading that opens a country's narrative: "MEXICO (Tier 2)", "MEXICO: Tier 2 Watch List",
"Mexico – Tier 2"."""
_START = r"(?:^|(?<=\u2026 ))"
"""A verdict opens its sentence (in a scrape, glued to the last one by an ellipsis)."""
_SUBJECT = (
    r"(?:(?:the )?(?:[\w-]+ ){0,4}?(?:government|governments|authorities)(?: of [\w .'-]{1,40}?)?(?:'s)?"
    r"|[\w.'-]+(?: [\w.'-]+){0,3}?'s)"
)
"""Who is judged: "the government", "the Mexican federal and state governments", "Mexico's"."""
_DEGREE = r"(?:(?P<degree>modestly|slightly|somewhat|marginally|significantly|markedly|considerably|overall) )?"
_DIRECTION = (
    r"(?P<direction>increased|maintained|sustained|continued|decreased|reduced|improved|strengthened|expanded"
    r"|weakened|demonstrated|made|showed|provided|did not (?:make|demonstrate|increase|improve))"
)
_LEVEL = (
    r"(?: (?:its |their )?(?:\w+ly )?(?P<level>inadequate|insufficient|minimal|negligible"
    r"|limited|modest|uneven|mixed|some|significant|notable|clear|strong|adequate|sufficient|weak|serious|little"
    r"|no(?: discernible| significant| appreciable| measurable)?|(?:overall )?(?:increasing|decreasing)))?"
)
"""How much: "maintained inadequate", "maintained severely inadequate"; the adverb before the level
is read past, the level is part of the verdict ("decreased its already inadequate" efforts were
inadequate before: the verdict is "decreased")."""
_SECTION_MEANINGS = {
    "sustained": "maintained", "continued": "maintained", "improved": "increased", "strengthened": "increased",
    "expanded": "increased", "reduced": "decreased", "weakened": "decreased", "declined": "decreased",
    "remained": "maintained", "increasing": "increased", "overall increasing": "increased", "decreasing": "decreased",
    "overall decreasing": "decreased", "demonstrated": "", "made": "", "showed": "", "overall": "",
    "did not make": "not", "did not demonstrate": "not", "did not increase": "not increased",
    "did not improve": "not increased", "insufficient": "inadequate", "mixed": "uneven",
    "provided": "", "little": "minimal", "notable": "significant", "clear": "significant", "no": "not",
    "no discernible": "not", "no significant": "not", "no appreciable": "not", "no measurable": "not",
    "slightly": "modestly", "somewhat": "modestly", "marginally": "modestly", "markedly": "significantly",
    "considerably": "significantly",
}  # fmt: skip
"""The words of "the government maintained inadequate ... efforts", by what they mean."""


def _section_verdict(subject: str, efforts: str) -> VerdictKind:
    """ "The government [modestly] increased|maintained [minimal] ... <efforts>", or "the
    government's <efforts> increased": the first sentence of a section since 2004."""
    return VerdictKind(
        subject=subject,
        section=subject,
        patterns=(
            re.compile(
                rf"{_START}{_SUBJECT} (?P<verdict>{_DEGREE}{_DIRECTION}{_LEVEL}) (?:its |their )?(?:[\w,-]+ ){{0,6}}?"
                rf"(?:{efforts})\b",
                re.IGNORECASE,
            ),
            re.compile(
                rf"{_START}{_SUBJECT} (?:[\w-]+ ){{0,4}}?(?:{efforts})(?: [\w-]+){{0,6}}? (?P<verdict>{_DEGREE}"
                r"(?P<direction>increased|decreased|improved|weakened|declined|remained (?:\w+)))\b",
                re.IGNORECASE,
            ),
        ),
        meanings=_SECTION_MEANINGS,
        ranks={"decreased": 0, "maintained": 1, "increased": 2},
    )


_LAW_ENFORCEMENT = (
    r"(?:anti-trafficking )?law enforcement (?:efforts|response)"
    r"|(?:efforts|progress) (?:to|in) (?:investigat|prosecut|punish|convict)\w*"
    r"|efforts to (?:[\w-]+ ){1,5}?through law enforcement"
)
_PROTECTION = (
    r"(?:victim )?protection efforts|(?:protection|assistance) (?:to|for) (?:trafficking )?victims"
    r"|(?:efforts|progress) (?:to|in) (?:(?:identify|identifying|protect|protecting|assist|assisting|serve|serving"
    r"|support|supporting),? (?:and )?)+(?:(?:trafficking |potential )?victims|them)\b"
)
_PREVENTION = r"(?:trafficking )?prevention efforts|(?:efforts|progress) (?:to|in) (?:prevent|preventing)\b"

_ADVICE = (
    r"accede|adopt|allocate|amend|approve|apply|assess|avoid|build|cease|clarify|collect|combat|complete|conduct"
    r"|consider|continue|coordinate|create|criminalize|dedicate|designate|develop|disaggregate"
    r"|dismantle|educate|eliminate|empower|enact|encourage|end|enforce|engage|ensure|establish|expand"
    r"|finalize|formalize|fund|grant|harmonize|hold|identify|implement|improve|incorporate|increase|institute"
    r"|institutionalize|integrate|intensify|investigate|issue|launch|maintain|make|monitor|offer|pass|permit"
    r"|prioritize|promote|prosecute|protect|provide|punish|raise|ratify|reduce|refer|reform|regulate|remove"
    r"|require|resume|revise|screen|seek|sentence|standardize|strengthen|streamline|support|take|train|update"
    r"|use|vet|work|address|allow|disburse|draft|expedite|facilitate|inspect|partner|undertake|utilize"
    r"|abolish|prohibit|ban|repeal|stop|enhance|appoint|publish|share|sign"
)
"""The verbs a TIP recommendation starts with (after an adverb, "vigorously investigate")."""
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

FORMATS = (
    Format("2001-2009", "tier", "MEXICO (TIER 2)", "tier 2"),
    Format("2004-2016", "tier", "Mexico (Tier 2 Watch List)", "tier 2 watch list"),
    Format("2005", "tier", "HAITI (TIER 2 - WATCH LIST)", "tier 2 watch list"),
    Format("2017-2021", "tier", "MEXICO: TIER 2 WATCH LIST", "tier 2 watch list"),
    Format("2017-2021", "tier", "SOMALIA: Special Case", "special case"),
    Format("2022-2024", "tier", "Mexico (Tier 2)", "tier 2"),
    Format("2008-2012", "tier", "Therefore, Mexico is placed on Tier 2 Watch List.", "tier 2 watch list"),
    Format("2013-2024", "tier", "Therefore Mexico remained on Tier 3.", "tier 3"),
    Format("2010-2024", "tier", "Somalia remains a Special Case for the 15th consecutive year.", "special case"),
    Format("2001-2016", "heading", "MEXICO (Tier 2)", "summary"),
    Format("2017-2021", "heading", "MEXICO: Tier 1", "summary"),
    Format("2022-2024", "heading", "2024 Trafficking in Persons Report: Mexico", "summary"),
    Format(
        "2008-2016",
        "heading",
        "Recommendations for Mexico: Increase efforts to prosecute traffickers.",
        "recommendations",
    ),
    Format("2017-2019", "heading", "RECOMMENDATIONS FOR MEXICO:", "recommendations"),
    Format("2020-2024", "heading", "PRIORITIZED RECOMMENDATIONS:", "recommendations"),
    Format("2004-2016", "heading", "Prosecution", "prosecution"),
    Format(
        "2004-2009",
        "heading",
        "Prosecution: The government made modest progress in its law enforcement efforts.",
        "prosecution",
    ),
    Format(
        "2004-2016", "heading", "Protection \u2013 The government maintained efforts to protect victims.", "protection"
    ),
    Format("2017-2024", "heading", "PREVENTION", "prevention"),
    Format("2017-2024", "heading", "TRAFFICKING PROFILE:", "profile"),
    Format("2010-2016", "heading", "Scope and Magnitude", "profile"),
    Format(
        "2008-2019",
        "recommendations",
        "Recommendations for Mexico: Increase efforts to investigate, prosecute, and convict traffickers,"
        " including complicit officials; strengthen victim identification; and vigorously enforce the law.",
        "3",
    ),
    Format(
        "2008-2009",
        "recommendations",
        "Recommendations for Qatar: Enact a law; train police to identify victims; and abolish the sponsorship system.",
        "3",
    ),
    Format(
        "2020-2024 (scraped)",
        "recommendations",
        "Increase efforts to investigate and convict traffickers.Develop a national plan on victim services."
        "Train officials to identify victims.",
        "3",
    ),
    Format(
        "2020-2024 (scraped)",
        "recommendations",
        "\u2022 Increase efforts to convict traffickers. \u2022 Fund shelters for victims, including men; train"
        " police \u2022 Screen migrants for indicators of trafficking.",
        "3",
    ),
    Format(
        "2001-2016",
        "summary",
        "The Government of Mexico does not fully comply with the minimum standards for the elimination of"
        " trafficking; however, it is making significant efforts to do so.",
        "not fully making",
    ),
    Format(
        "2017-2024",
        "summary",
        "The Government of Mexico does not fully meet the minimum standards for the elimination of trafficking"
        " and is not making significant efforts to do so.",
        "not fully not making",
    ),
    Format(
        "2001-2024",
        "summary",
        "The Government of Chile fully meets the minimum standards for the elimination of trafficking.",
        "fully",
    ),
    Format(
        "2008-2012",
        "overall-efforts",
        "The government has not shown evidence of increasing efforts to combat trafficking over the previous year.",
        "not increasing",
    ),
    Format(
        "2004-2009",
        "overall-efforts",
        "Qatar is placed on Tier 2 Watch List for its failure to provide sufficient evidence of increasing efforts"
        " to combat trafficking in persons over the last year.",
        "not increasing",
    ),
    Format(
        "2014-2016",
        "overall-efforts",
        "The government has not demonstrated evidence of overall increasing anti-trafficking efforts.",
        "not increasing",
    ),
    Format(
        "2013-2024",
        "overall-efforts",
        "The government demonstrated overall increasing efforts compared to the previous reporting period.",
        "increasing",
    ),
    Format(
        "2004-2009",
        "prosecution",
        "Mexico's anti-trafficking law enforcement efforts improved over the last year.",
        "increased",
    ),
    Format(
        "2010-2016",
        "prosecution",
        "The Government of Mexico made uneven progress in its anti-trafficking law enforcement efforts.",
        "uneven",
    ),
    Format("2017-2024", "prosecution", "The government maintained law enforcement efforts.", "maintained"),
    Format(
        "2008-2009", "prosecution", "The government made no discernible progress in its law enforcement efforts.", "not"
    ),
    Format(
        "2013-2016",
        "prosecution",
        "The government demonstrated limited efforts to address human trafficking through law enforcement.",
        "limited",
    ),
    Format("2004-2006", "protection", "The government provided limited assistance to victims.", "limited"),
    Format(
        "2004-2016",
        "protection",
        "The government made limited efforts to protect and assist victims of trafficking.",
        "limited",
    ),
    Format(
        "2010-2016",
        "protection",
        "The Government of Mexico made uneven progress in protecting trafficking victims.",
        "uneven",
    ),
    Format("2010-2016", "protection", "The government made negligible efforts to protect victims.", "negligible"),
    Format(
        "2017-2024",
        "protection",
        "The government maintained severely inadequate efforts to protect victims.",
        "maintained inadequate",
    ),
    Format(
        "2017-2024", "protection", "The government modestly increased victim protection efforts.", "modestly increased"
    ),
    Format(
        "2017-2024",
        "protection",
        "Government efforts to protect trafficking victims remained inadequate.",
        "maintained inadequate",
    ),
    Format("2004-2016", "prevention", "The government continued efforts to prevent trafficking.", "maintained"),
    Format("2017-2024", "prevention", "The government decreased prevention efforts.", "decreased"),
)
"""What TIP country narratives print, edition by edition: the tier line, the headings (and the
run-in headings of older years), the shapes of a list of recommendations, and the verdicts."""


TIP = Profile(
    name="tip",
    family="TIP",
    layout="prose",
    evidence=("sections", "tier"),
    sections=(
        SectionKind(
            key="summary",
            title="Summary",
            telling=False,
            # The report's title line and the "Country (Tier N)" line both open the summary.
            headings=re.compile(
                rf"trafficking in persons report|\({_TIER}\)$|(?::|\s[\u2013\u2014-])\s*{_TIER}$|^{_TIER}$"
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
            telling=False,
            headings=re.compile(r"recommendations?\b"),
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
                re.compile(rf"^(?:[^:()]++(?::|\s[\u2013\u2014-])\s*+)?(?P<verdict>(?P<tier>{_TIER}))$", re.IGNORECASE),
                re.compile(
                    r"\b(?:remained on|remains on|(?:is|was) (?:being )?placed on|(?:upgraded|downgraded|moved|placed)"
                    r" (?:to|on)) (?P<verdict>(?P<tier>tier (?:2 (?:[-\u2013\u2014] )?watch ?list|[123])))\b",
                    re.IGNORECASE,
                ),
                re.compile(r"\b(?:remains|remained|is) (?:a )?(?P<verdict>(?P<tier>special case))\b", re.IGNORECASE),
            ),
            meanings={
                "tier 2 watchlist": "tier 2 watch list",
                "tier 2 - watch list": "tier 2 watch list",
                "tier 2 \u2014 watch list": "tier 2 watch list",
            },
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
                    r"(?P<verdict>(?P<overall>demonstrated|has demonstrated|showed|has shown|did not demonstrate"
                    r"|has not demonstrated|did not show|has not shown|failure to (?:show|provide)"
                    r"|failed to (?:show|provide))(?: sufficient)?(?: evidence of)? (?:overall )?increasing"
                    r" (?:anti-trafficking )?efforts)",
                    re.IGNORECASE,
                ),
            ),
            meanings={
                "demonstrated": "increasing",
                "has demonstrated": "increasing",
                "showed": "increasing",
                "has shown": "increasing",
                "did not demonstrate": "not increasing",
                "has not demonstrated": "not increasing",
                "did not show": "not increasing",
                "has not shown": "not increasing",
                "failure to show": "not increasing",
                "failure to provide": "not increasing",
                "failed to show": "not increasing",
                "failed to provide": "not increasing",
            },
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
    shortfalls=re.compile(
        r"^however, (?:the government|it) (?:did not|has not|failed to)\b"
        r"|^despite (?:these|the government's) efforts\b",
        re.IGNORECASE,
    ),
    placement=re.compile(
        r"\bwaiver\b|\b(?:remained|remains|placed|upgraded|downgraded) (?:on|to) tier\b"
        r"|\bconsecutive year\b.*\btier\b|\bspecial case\b",
        re.IGNORECASE,
    ),
    data_year_lag=1,
    recommendations="recommendations",
    required_sections=("summary", "recommendations", "prosecution", "protection", "prevention", "profile"),
    required_facts=("title", "country", "year", "tier"),
    lexicon=LEXICON,
    places=TIP_PLACES,
    run_in=re.compile(
        r"^(?P<heading>(?:prioritized )?recommendations(?: for [^:.;]{1,60})?|prosecution|protection"
        r"|victim protection|prevention|trafficking profile)(?::\s*|\s*[\u2013\u2014]\s*|\s+-\s+)(?=\w)",
        re.IGNORECASE,
    ),
    advice=re.compile(rf"(?:(?:and|or) )?(?:\w+ly,? )?(?:{_ADVICE})\b", re.IGNORECASE),
    formats=FORMATS,
)
