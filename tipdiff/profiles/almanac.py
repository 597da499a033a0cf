"""A yearly country almanac (the CIA World Factbook's country pages, as text): fields under
section headings.

Each page is a country's fields ("Population: 130,207,371 (2023 est.)", "Area:" over
"total: 1,964,375 sq km"), grouped under the same headings every year. It passes no verdict
and has no lag between its edition and its figures: each figure states its own year
("(2022 est.)"). This module is all tipdiff knows of the family: a profile is data, and a
family of one's own is a module like this one (README, "Adding a report family").
"""

import re

from tipdiff.profiles import Profile, SectionKind
from tipdiff.profiles.lexicon import ENGLISH
from tipdiff.profiles.places import TIP_PLACES


def _section(key: str, title: str, headings: str, weight: float = 1.0) -> SectionKind:
    return SectionKind(key=key, title=title, headings=re.compile(headings), weight=weight)


ALMANAC = Profile(
    name="almanac",
    family="almanac",
    layout="fields",
    evidence=("fields", "sections"),
    sections=(
        # what a country is changes slowly; what it counts changes every year
        _section("introduction", "Introduction", r"^introduction$", weight=0.6),
        _section("geography", "Geography", r"^geography$", weight=0.6),
        _section("people", "People and Society", r"^people(?: and society)?$"),
        _section("environment", "Environment", r"^environment$"),
        _section("government", "Government", r"^government$"),
        _section("economy", "Economy", r"^economy$"),
        _section("energy", "Energy", r"^energy$"),
        _section("communications", "Communications", r"^communications?$"),
        _section("transportation", "Transportation", r"^transportation$"),
        _section("military", "Military and Security", r"^military(?: and security)?$"),
        _section("space", "Space", r"^space$"),
        _section("terrorism", "Terrorism", r"^terrorism$"),
        _section("transnational", "Transnational Issues", r"^transnational issues$"),
    ),
    # the page's title is the country's name, and "conventional short form: Mexico" says it too
    headings=(re.compile(rf"^(?P<country>{'|'.join(re.escape(place) for place in TIP_PLACES)})$"),),
    statements=(re.compile(r"\bconventional short form: (?P<country>[^;()]+?)\s*$"),),
    lexicon=ENGLISH.extended(
        weights={
            "population": 3.0,
            "real gdp (purchasing power parity)": 3.0,
            "gdp (purchasing power parity)": 3.0,
            "real gdp growth rate": 2.0,
            "inflation rate (consumer prices)": 2.0,
            "unemployment rate": 2.0,
        }
    ),
    places=TIP_PLACES,
)
"""The almanac: its sections, and "Label: value" fields whose labels are their identity."""
