"""The US State Department's Trafficking in Persons (TIP) country narratives.

Heading variants seen across the years ("RECOMMENDATIONS FOR MEXICO:", "Prioritized
Recommendations", "TRAFFICKING PROFILE:", "==Prosecution==") and the sentences that
open a section when its heading is missing: each section of a TIP narrative since
2010 starts with a verdict ("The government maintained protection efforts").
"""

import re

from tipdiff.profiles import Profile, SectionKind

_GOVERNMENT = r"(?:the )?government(?: of [\w .'-]{1,40}?)?(?:'s)?"
_VERDICT = r"(?:\w+ ){0,4}?"


def _verdict(efforts: str) -> re.Pattern[str]:
    """ "The government increased/maintained/decreased ... <efforts>" at a paragraph's start."""
    return re.compile(rf"{_GOVERNMENT} {_VERDICT}(?:{efforts})\b")


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
            opener=_verdict(r"(?:anti-trafficking )?law enforcement (?:efforts|response)"),
        ),
        SectionKind(
            key="protection",
            title="Protection",
            headings=re.compile(r"^(?:victim )?protection\b"),
            opener=_verdict(r"(?:victim )?protection efforts|efforts to (?:protect|identify and protect) victims"),
        ),
        SectionKind(
            key="prevention",
            title="Prevention",
            headings=re.compile(r"^prevention\b"),
            opener=_verdict(r"(?:trafficking )?prevention efforts|efforts to prevent"),
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
)
