"""TIP country narratives as each era printed them, 2001-2024: tier lines, headings and run-in
headings, lists of recommendations in every shape, and verdicts. Every form written down in
the profile (`TIP.formats`) is read here from its example; whole hand-made narratives in
the layouts of older years are compared as a reader would compare them."""

import pytest

import tipdiff
from tipdiff.model import Label
from tipdiff.profiles.tip import TIP
from tipdiff.render import render_narrative
from tipdiff.verdicts import read_verdicts

FILLER = "\n\nThe government acted.\n"


def _section_heading(key: str) -> str:
    return "MEXICO (Tier 2)" if key == "summary" else TIP.title(key).upper()


@pytest.mark.parametrize("form", TIP.formats, ids=lambda form: f"{form.part}:{form.years}:{form.example[:30]}")
def test_each_published_form_is_read_as_written_down(form) -> None:
    if form.part == "tier":
        report = tipdiff.parse_report(form.example + FILLER)
        assert read_verdicts(report, TIP)["tier"].meaning == form.reads
    elif form.part == "heading":
        report = tipdiff.parse_report(form.example + FILLER)
        assert report.sections[0].key == form.reads
    elif form.part == "recommendations":
        report = tipdiff.parse_report("MEXICO (Tier 2)\n\nThe government acted.\n\n" + form.example + "\n")
        [recommendations] = [s for s in report.sections if s.key == "recommendations"]
        assert len(recommendations.sentences) == int(form.reads)
    else:
        kind = next(kind for kind in TIP.verdicts if kind.subject == form.part)
        report = tipdiff.parse_report(f"{_section_heading(kind.section)}\n\n{form.example}\n")
        assert read_verdicts(report, TIP)[form.part].meaning == form.reads


def test_every_part_of_a_narrative_has_its_forms_written_down() -> None:
    parts = {form.part for form in TIP.formats}
    assert {"tier", "heading", "recommendations"} <= parts
    assert {kind.subject for kind in TIP.verdicts} <= parts


# The layout of 2010-2016: the profile comes first, recommendations are run in with semicolons.
OLD_2012 = """MEXICO (Tier 2)

Mexico is a large source, transit, and destination country for men, women, and children subjected to sex trafficking and forced labor. Groups considered most vulnerable include women, children, and migrants.

The Government of Mexico does not fully comply with the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so. During the year, the government convicted 14 trafficking offenders.

Recommendations for Mexico: Increase efforts to prosecute trafficking offenses and convict trafficking offenders, including complicit officials; strengthen efforts to identify victims among vulnerable populations; and increase funding for specialized shelters.

Prosecution
The Government of Mexico made uneven progress in its anti-trafficking law enforcement efforts. The government convicted 14 offenders in 2011.

Protection
The government made limited efforts to protect and assist victims of trafficking. It identified 60 victims.

Prevention
The government continued efforts to prevent trafficking. It trained 400 officials.
"""
NEW_2013 = """MEXICO (Tier 2)

Mexico is a large source, transit, and destination country for men, women, and children subjected to sex trafficking and forced labor. Groups considered most vulnerable include women, children, migrants, and LGBT individuals.

The Government of Mexico does not fully comply with the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so. During the year, the government convicted 20 trafficking offenders.

Recommendations for Mexico: Increase efforts to prosecute trafficking offenses and convict trafficking offenders, including complicit officials; increase funding for specialized shelters; and train labor inspectors to detect forced labor.

Prosecution
The Government of Mexico increased anti-trafficking law enforcement efforts. The government convicted 20 offenders in 2012.

Protection
The government made uneven efforts to protect and assist victims of trafficking. It identified 85 victims.

Prevention
The government maintained efforts to prevent trafficking. It trained 500 officials.
"""


def _recommendations(comparison) -> dict[Label, list[str]]:
    [section] = [s for s in comparison.sections if s.key == "recommendations"]
    found: dict[Label, list[str]] = {}
    for change in section.changes:
        found.setdefault(change.label, []).append(" ".join(s.text for s in change.old or change.new))
    return found


def test_a_2010s_narrative_keeps_its_summary_apart_from_the_profile_that_opens_it() -> None:
    report = tipdiff.parse_report(OLD_2012, "2012.txt")
    assert [s.key for s in report.sections] == [
        "profile",
        "summary",
        "recommendations",
        "prosecution",
        "protection",
        "prevention",
    ]
    assert read_verdicts(report, TIP)["summary"].meaning == "not fully making"


def test_recommendations_run_together_are_compared_item_by_item() -> None:
    found = _recommendations(tipdiff.compare(OLD_2012, NEW_2013))
    assert found[Label.REMOVED] == ["strengthen efforts to identify victims among vulnerable populations"]
    assert found[Label.ADDED] == ["and train labor inspectors to detect forced labor."]
    assert len(found[Label.UNCHANGED]) == 2  # the same item, first in the middle, then last of the list
    assert Label.REWORDED not in found


def test_every_verdict_of_a_2010s_narrative_is_read_in_both_editions() -> None:
    comparison = tipdiff.compare(OLD_2012, NEW_2013)
    text = render_narrative(tipdiff.narrate(comparison), TIP)
    assert "no verdict found" not in text
    shifts = {shift.subject: shift for shift in tipdiff.narrate(comparison).shifts}
    assert (shifts["prosecution"].old.meaning, shifts["prosecution"].new.meaning) == ("uneven", "increased")
    assert (shifts["protection"].old.meaning, shifts["protection"].new.meaning) == ("limited", "uneven")
    assert shifts["prevention"].old.meaning == shifts["prevention"].new.meaning == "maintained"


# The layout of 2017-2019: "COUNTRY: Tier N", capital headings, a recommendations paragraph.
def _narrative_2018(tier: str, protection: str, recommendations: str) -> str:
    return f"""MEXICO: {tier}

The Government of Mexico does not fully meet the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so. The government demonstrated increasing efforts compared to the previous reporting period; therefore Mexico remained on {tier}.

RECOMMENDATIONS FOR MEXICO:
{recommendations}

PROSECUTION
The government maintained law enforcement efforts. Authorities convicted 95 traffickers.

PROTECTION
{protection} Authorities identified 550 victims.

PREVENTION
The government maintained efforts to prevent trafficking.

TRAFFICKING PROFILE
As reported over the past five years, Mexico is a large source, transit, and destination country for victims.
"""


ADVICE = "Increase efforts to convict traffickers; fund shelters for victims, including shelter; legal aid; and care; and train judges."


def test_a_country_tier_title_opens_the_summary_and_gives_the_tier() -> None:
    report = tipdiff.parse_report(
        _narrative_2018("Tier 2 Watch List", "The government maintained efforts to protect victims.", ADVICE)
    )
    assert report.sections[0].key == "summary" and report.sections[0].title == "MEXICO: Tier 2 Watch List"
    verdicts = read_verdicts(report, TIP)
    assert verdicts["tier"].meaning == "tier 2 watch list"
    assert {"summary", "overall-efforts", "prosecution", "protection", "prevention"} <= verdicts.keys()


def test_a_list_inside_an_item_is_not_taken_for_items() -> None:
    report = tipdiff.parse_report(_narrative_2018("Tier 2", "The government maintained efforts.", ADVICE))
    [section] = [s for s in report.sections if s.key == "recommendations"]
    assert [s.text for s in section.sentences] == [
        "Increase efforts to convict traffickers",
        "fund shelters for victims, including shelter; legal aid; and care",
        "and train judges.",
    ]


def test_an_adverb_before_the_level_keeps_the_level_in_the_verdict() -> None:
    old = _narrative_2018("Tier 2", "The government maintained efforts to protect victims.", ADVICE)
    new = _narrative_2018("Tier 2", "The government maintained severely inadequate efforts to protect victims.", ADVICE)
    comparison = tipdiff.compare(old, new)
    [shift] = [s for s in tipdiff.narrate(comparison).shifts if s.subject == "protection"]
    assert (shift.old.meaning, shift.new.meaning) == ("maintained", "maintained inadequate")
    text = render_narrative(tipdiff.narrate(comparison), TIP)
    assert "protection (maintained)" not in text  # not "as before"


def test_a_list_of_advice_after_the_summary_is_the_recommendations_without_its_heading() -> None:
    text = (
        "MEXICO (Tier 2)\n\nThe Government of Mexico does not fully meet the minimum standards for the"
        " elimination of trafficking but is making significant efforts to do so.\n\n"
        "- Increase efforts to convict traffickers.\n- Vigorously investigate complicit officials.\n\n"
        "PROSECUTION\n\nThe government maintained law enforcement efforts.\n"
    )
    report = tipdiff.parse_report(text, "2024.md")
    assert [(s.key, len(s.sentences)) for s in report.sections] == [
        ("summary", 1),
        ("recommendations", 2),
        ("prosecution", 1),
    ]


def test_items_glued_into_one_line_compare_with_the_bullets_of_the_next_year() -> None:
    old = "MEXICO (Tier 2)\n\nThe government acted.\n\nPRIORITIZED RECOMMENDATIONS:\n\nIncrease efforts to convict traffickers.Train judges.Fund shelters.\n"
    new = "MEXICO (Tier 2)\n\nThe government acted.\n\nPRIORITIZED RECOMMENDATIONS:\n\n- Increase efforts to convict traffickers.\n- Fund shelters.\n- Screen migrants.\n"
    found = _recommendations(tipdiff.compare(old, new))
    assert len(found[Label.UNCHANGED]) == 2
    assert found[Label.REMOVED] == ["Train judges."] and found[Label.ADDED] == ["Screen migrants."]


# The layout of 2004-2009: run-in headings, no heading for the profile.
NARRATIVE_2005 = """MEXICO (TIER 2 WATCH LIST)

Mexico is a source, transit, and destination country for persons trafficked for sexual exploitation and labor.

The Government of Mexico does not fully comply with the minimum standards for the elimination of trafficking; however, it is making significant efforts to do so. Mexico is placed on Tier 2 Watch List.

Prosecution: Mexico's anti-trafficking law enforcement efforts improved over the last year. Authorities arrested 12 traffickers.

Protection: The government made limited efforts to protect and assist victims of trafficking.

Prevention \u2013 The Government of Mexico continued efforts to prevent trafficking.
"""


def test_run_in_headings_of_older_years_open_their_sections() -> None:
    report = tipdiff.parse_report(NARRATIVE_2005, "2005.txt")
    assert [s.key for s in report.sections] == ["profile", "summary", "prosecution", "protection", "prevention"]
    assert report.sections[2].title == "Prosecution"
    assert report.sections[2].sentences[0].text.startswith("Mexico's anti-trafficking")
    verdicts = read_verdicts(report, TIP)
    assert {subject: v.meaning for subject, v in verdicts.items()} == {
        "tier": "tier 2 watch list",
        "summary": "not fully making",
        "prosecution": "increased",
        "protection": "limited",
        "prevention": "maintained",
    }


def test_a_special_case_has_no_place_on_the_tier_scale() -> None:
    old = "SOMALIA: Special Case\n\nSomalia remains a Special Case for the 15th consecutive year.\n"
    new = "SOMALIA (Tier 3)\n\nThe Government of Somalia does not fully meet the minimum standards.\n"
    [tier] = [s for s in tipdiff.narrate(tipdiff.compare(old, new)).shifts if s.subject == "tier"]
    assert tier.old.meaning == "special case" and tier.old.rank is None
    assert tier.new.meaning == "tier 3"


def test_a_narrative_of_run_in_headings_is_prose_not_almanac_fields() -> None:
    """ "Prosecution: The government made ..." lines are headings run into prose: the profile
    chosen by the text is TIP's, and the tier change is read."""

    def narrative(tier: str, standards: str) -> str:
        return (
            f"QATAR ({tier})\nThe Government of Qatar does not fully comply with the minimum standards for the"
            f" elimination of trafficking {standards}.\nRecommendations for Qatar: Enact an anti-trafficking law;"
            " and train police.\nProsecution: The government made minimal progress in its law enforcement efforts."
            "\nProtection: The government made minimal efforts to protect victims.\nPrevention: The government"
            " made limited efforts to prevent trafficking.\n"
        )

    old = narrative("Tier 3", "and is not making significant efforts to do so")
    new = narrative("Tier 2 Watch List", "; however, it is making significant efforts to do so")
    [tier] = [s for s in tipdiff.narrate(tipdiff.compare(old, new)).shifts if s.subject == "tier"]
    assert (tier.old.meaning, tier.new.meaning) == ("tier 3", "tier 2 watch list")


def test_a_watch_list_summary_turns_to_its_shortfalls_and_lists_no_placement() -> None:
    """A Watch List summary says "However, the government did not demonstrate overall increasing
    efforts ..." where others say "... did not meet the minimum standards ...": what follows are
    shortfalls, and the waiver or the tier kept is no item of either list."""

    def summary(shortfall: str, placement: str) -> str:
        return (
            "KUWAIT (Tier 2 Watch List)\nThe Government of Kuwait does not fully meet the minimum standards for the"
            " elimination of trafficking but is making significant efforts to do so. These efforts included opening"
            " a new shelter. However, the government did not demonstrate overall increasing efforts compared to the"
            f" previous reporting period. {shortfall} {placement}\nPROSECUTION\nThe government maintained law"
            " enforcement efforts.\n"
        )

    old = summary("The government did not convict any traffickers.", "Therefore Kuwait remained on Tier 2 Watch List.")
    new = summary(
        "The government identified fewer victims.",
        "Kuwait was granted a waiver from an otherwise required downgrade to Tier 3.",
    )
    narrative = tipdiff.narrate(tipdiff.compare(old, new))
    told = {(change.status, change.item.kind, change.item.text) for change in narrative.summary}
    assert told == {
        ("dropped", "shortfall", "The government did not convict any traffickers"),
        ("new", "shortfall", "The government identified fewer victims"),
    }


def test_a_report_named_by_its_edition_covers_the_year_before_though_it_names_its_own(tmp_path) -> None:
    """A TIP report of 2012 reports on 2011, though "In February 2012" and "the 2012 Act" name
    its own year more often than it names 2011; a file named by the year it covers, whose text
    names that year over and over, keeps that year."""
    report = (
        "BANGLADESH (Tier 2)\n\nIn February 2012, the government enacted the 2012 Act. In 2011, police"
        " investigated 312 cases.\n"
    )
    (tmp_path / "2012.txt").write_text(report)
    assert tipdiff.load_report(tmp_path / "2012.txt").data_year == 2011
    covering = "BANGLADESH (Tier 2)\n\nIn 2012, police investigated 312 cases; in 2012, courts convicted 55; in 2012, 512 victims were found.\n"
    (tmp_path / "named-by-coverage-2012.txt").write_text(covering)
    assert tipdiff.load_report(tmp_path / "named-by-coverage-2012.txt").data_year == 2012


def test_a_recommendation_split_in_two_is_neither_new_nor_dropped() -> None:
    old = (
        "NEPAL: Tier 2\n\nThe government acted.\n\nRECOMMENDATIONS FOR NEPAL:\nIncrease investigations and"
        " prosecutions of traffickers, including complicit officials; amend the 2007 act to criminalize forced labor;"
        " and eliminate recruitment fees charged to migrant workers.\n"
    )
    new = (
        "NEPAL: Tier 2\n\nThe government acted.\n\nRECOMMENDATIONS FOR NEPAL:\nAmend the 2007 act to criminalize"
        " forced labor; increase investigations of traffickers; and increase prosecutions of traffickers, including"
        " complicit officials.\n"
    )
    told = tipdiff.narrate(tipdiff.compare(old, new)).recommendations
    assert [(c.label, (c.old or c.new)[0].text) for c in told if c.label in (Label.ADDED, Label.REMOVED)] == [
        (Label.REMOVED, "and eliminate recruitment fees charged to migrant workers.")
    ]


def test_a_shortfall_said_shorter_is_still_named() -> None:
    def summary(shortfall: str) -> str:
        return (
            "NIGERIA (Tier 2)\nThe Government of Nigeria does not fully meet the minimum standards for the elimination"
            " of trafficking but is making significant efforts to do so. These efforts included convicting more"
            " traffickers. However, the government did not meet the minimum standards in several key areas."
            f" {shortfall}\nPROSECUTION\nThe government maintained law enforcement efforts.\n"
        )

    old = summary(
        "The Civilian Joint Task Force (CJTF), a non-governmental self-defense militia that received some state"
        " funding, continued to recruit and use children."
    )
    new = summary("The CJTF continued to recruit and use children.")
    assert tipdiff.narrate(tipdiff.compare(old, new)).summary == ()
