"""Facts: what each number of a sentence counts, for whom and for when, rule by rule on
small hand-made sentences in the shapes real reports use."""

from decimal import Decimal

import pytest

from tipdiff.facts import sentence_facts
from tipdiff.model import Fact, Period, Role
from tipdiff.profiles import GENERIC
from tipdiff.profiles.tip import TIP


def read(text: str, before: tuple[Fact, ...] = (), data_year: int | None = 2022, profile=TIP) -> dict[str, Fact]:
    """The facts of one sentence by the number as written (the last of equals wins)."""
    facts, _ = sentence_facts(text, "1", before, None, data_year, profile.lexicon)
    return {f.text: f for f in facts}


@pytest.mark.parametrize(
    ("text", "number", "role"),
    [
        ("The law prescribed penalties of five to 30 years' imprisonment.", "five", Role.DURATION),
        ("The law prescribed penalties of five to 30 years' imprisonment.", "30", Role.DURATION),
        ("There were no shelters for male victims older than 13.", "13", Role.AGE),
        ("Shelters accepted boys over 12.", "12", Role.AGE),
        ("Article 10 of the law defines trafficking.", "10", Role.NAME),
        ("Law 13.344 criminalized trafficking.", "13.344", Role.NAME),
        ("Mexico remained on Tier 2.", "2", Role.NAME),
        ("It did not convict traffickers for the second consecutive year.", "second", Role.RANK),
        ("In 2021, officials identified 15 victims.", "2021", Role.DATE),
        ("In the first six months of 2020, officials identified 15 victims.", "six", Role.DATE),
        ("A 24-hour notice requirement hampered inspections.", "24", Role.DURATION),
        ("UIF froze more than $52 million in funds.", "$52 million", Role.MONEY),
        ("Workers kept only 6 percent of their salaries.", "6 percent", Role.SHARE),
        ("One victim received restitution.", "One", Role.COUNT),
    ],
)
def test_roles(text: str, number: str, role: Role) -> None:
    assert read(text)[number].role is role


def test_a_total_and_its_parts_take_the_subject_scope() -> None:
    facts = read("State authorities convicted 75 traffickers, including 65 sex traffickers and 10 labor traffickers.")
    total, sex, labor = facts["75"], facts["65"], facts["10"]
    assert (total.measure, total.scope) == ("persons convicted", ("state",))
    assert (sex.measure, sex.scope) == ("persons convicted", ("sex trafficking", "state"))
    assert (labor.measure, labor.scope) == ("persons convicted", ("labor trafficking", "state"))
    assert sex.relation.kind == labor.relation.kind == "part"
    assert sex.relation.of == labor.relation.of == total.id


def test_a_level_in_the_phrase_beats_the_subject() -> None:
    facts = read("Authorities initiated 33 federal investigations and 798 state investigations in 2022.")
    assert facts["33"].scope == ("federal",) and facts["798"].scope == ("state",)
    assert facts["33"].measure == facts["798"].measure == "cases investigated"


@pytest.mark.parametrize(
    ("text", "number", "scope"),
    [
        ("Although federal authorities did not issue any convictions, state authorities convicted 75 traffickers.",
         "75", ("state",)),
        ("In 2022, federal officials convicted five sex traffickers and state authorities convicted 111 traffickers.",
         "five", ("federal", "sex trafficking")),
        ("In 2022, federal officials convicted five sex traffickers and state authorities convicted 111 traffickers.",
         "111", ("state",)),
        ("The government reported prosecuting at least 63 suspects at the state level.", "63", ("state",)),
        ("Mexican consular officials identified and assisted 1,352 Mexican nationals.", "1,352", ("abroad",)),
        ("FEVIMTRA coordinated with local embassies and repatriated six victims.", "six", ()),
        ("Immigration officials identified 15 trafficking victims during the year.", "15", ("immigration",)),
        ("Mexican prosecutors collaborated on 13 cases with authorities from other countries.", "13", ()),
    ],
)  # fmt: skip
def test_scope_is_read_from_the_subject_of_the_number_s_own_verb(text: str, number: str, scope: tuple) -> None:
    assert read(text)[number].scope == scope


def test_a_part_without_a_noun_counts_what_its_total_counts() -> None:
    facts = read("State authorities convicted 111 traffickers – 81 for sex trafficking, 20 for labor trafficking.")
    assert facts["81"].measure == "persons convicted" and facts["81"].scope == ("sex trafficking", "state")
    assert facts["81"].relation.of == facts["111"].id


def test_a_list_item_is_read_like_the_one_before() -> None:
    facts = read(
        "State officials identified 231 sex trafficking victims in 17 states, 112 forced labor victims in nine states."
    )
    assert facts["112"].measure == facts["231"].measure == "victims identified"
    assert facts["112"].scope == ("labor trafficking", "state")
    assert facts["17"].measure == "states (victims in)"


def test_a_number_inside_a_phrase_counts_only_its_noun() -> None:
    facts = read("The government reported state-level prosecutions in 22 states for a total of 95 suspects prosecuted.")
    assert (facts["22"].measure, facts["22"].scope) == ("states (prosecutions in)", ("state",))
    assert (facts["95"].measure, facts["95"].scope) == ("persons prosecuted", ("state",))


def test_what_states_have_is_part_of_what_is_counted() -> None:
    facts = read("In total, seven states had specialized government or NGO shelters for trafficking victims.")
    assert facts["seven"].measure == "states had shelters"
    assert facts["seven"].label == "states with specialized government or NGO shelters"


def test_a_vague_noun_alone_measures_nothing() -> None:
    assert read("At least 15 victims were from other countries.")["15"].measure is None


def test_a_denominator_counts_all_of_them() -> None:
    facts = read("31 of 32 states had established specialized prosecutors.")
    assert facts["31"].measure == "states had prosecutors" and facts["32"].measure is None


def test_a_comparison_in_the_sentence_is_an_earlier_period_of_the_same_measure() -> None:
    facts = read("The government identified 744 victims in 2021, compared with 673 victims in 2020, and 658 in 2019.")
    assert [facts[n].period for n in ("744", "673", "658")] == [Period(2021), Period(2020), Period(2019)]
    assert facts["673"].relation.kind == facts["658"].relation.kind == "earlier"
    assert facts["673"].relation.of == facts["658"].relation.of == facts["744"].id
    assert facts["658"].measure == "victims identified"


def test_a_total_named_before_its_number() -> None:
    facts = read("Total convictions, 116, increased from 75 convictions (all state level) in 2021.")
    assert facts["116"].measure == facts["75"].measure == "persons convicted"
    assert facts["116"].scope == () and facts["75"].scope == ("state",)
    assert facts["75"].relation.kind == "earlier" and facts["75"].relation.of == facts["116"].id


def test_a_sentence_opening_in_comparison_compares_with_the_one_before() -> None:
    first = tuple(read("The government provided five humanitarian visas to victims of trafficking in 2022.").values())
    second = read("In comparison, it provided humanitarian visas to 13 trafficking victims in 2021.", first)
    visas = next(f for f in first if f.text == "five")
    assert second["13"].relation.kind == "earlier" and second["13"].relation.of == visas.id


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        ("Authorities abroad assisted 313 victims in the first six months of 2020.", "313",
         Period(2020, part="first six months")),
        ("During fiscal year 2022, the agency trained 300 officials.", "300", Period(2022, part="fiscal year")),
        ("Over the three-year period 2019-2021, UIF froze 1,617 bank accounts.", "1,617", Period(2021, 2019)),
        ("Immigration officials identified 15 trafficking victims during the year.", "15", Period(2022)),
        ("In the previous reporting period, authorities arrested 12 suspects.", "12", Period(2021)),
        ("In 2021, consular officials assisted 1,352 nationals; 86 were victims of forced labor.", "86", Period(2021)),
        ("The law of 1976 is in force and 40 victims were identified.", "40", None),
        ("The 2012 law obligated states to act; authorities convicted 40 traffickers.", "40", None),
    ],
)  # fmt: skip
def test_periods(text: str, number: str, period: Period | None) -> None:
    assert read(text)[number].period == period


@pytest.mark.parametrize(
    ("text", "number", "qualifier"),
    [
        ("Authorities initiated at least 35 federal investigations.", "35", "at least"),
        ("The hotline identified more than 196 victims.", "196", "more than"),
        ("NGOs received approximately 11 million pesos.", "11 million", "approximately"),
        ("Population: 130,207,371 (2023 est.)", "130,207,371", "est."),
        ("The hotline identified 196 victims.", "196", None),
    ],
)
def test_qualifiers(text: str, number: str, qualifier: str | None) -> None:
    assert read(text, profile=GENERIC)[number].qualifier == qualifier


def test_a_coverage_caveat_travels_with_the_figure() -> None:
    facts = read("The government reported prosecuting at least 63 suspects but provided data from only 10 states.")
    assert facts["63"].caveat == "provided data from only 10 states"
    assert facts["10"].caveat is None  # the caveat's own number


def test_an_almanac_field_names_its_measure_and_its_parts() -> None:
    facts = read("Population: total: 130,207,371 male: 64,000,000 female: 66,207,371 (2023 est.)", profile=GENERIC)
    total, male, female = facts["130,207,371"], facts["64,000,000"], facts["66,207,371"]
    assert total.measure == male.measure == female.measure == "population"
    assert (total.scope, male.scope, female.scope) == ((), ("men",), ("women",))
    assert total.period == female.period == Period(2023)


def test_an_almanac_line_without_a_label_continues_the_field_above() -> None:
    lexicon = GENERIC.lexicon
    first, field = sentence_facts("Real GDP growth rate: 3.06% (2022 est.)", "1", (), None, 2023, lexicon)
    later, _year = sentence_facts("-8.06% (2020 est.)", "2", first, field, 2023, lexicon)[0]
    assert later.measure == "real gdp growth rate" and later.value == Decimal("-8.06")
    assert later.relation.kind == "earlier" and later.relation.of == first[0].id


# Found by an analyst's review of the output on reports of other shapes: each once read wrong.


def test_a_time_after_a_number_is_no_noun_and_the_previous_year_is_the_one_before_the_figure():
    facts = read("The government identified 48 victims in 2020, compared with 35 victims the previous year.")
    assert facts["35"].measure == "victims identified" and facts["35"].period == Period(2019)
    facts = read("Courts convicted four traffickers, compared with seven the previous year.", data_year=2021)
    assert facts["seven"].measure == "persons convicted" and facts["seven"].period == Period(2020)


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        ("In the fourth quarter, revenue was EUR 118.3 million.", "EUR 118.3 million", Period(2022, part="fourth quarter")),
        ("The ministry employed 1,204 staff at 31 December 2022.", "1,204", Period(2022, part="31 December")),
        ("Authorities assisted 313 victims in the first half of 2020.", "313", Period(2020, part="first six months")),
        ("It registered 1,280 agencies, compared with 945 in 2017, and revoked the licenses of 21 agencies.", "21", None),
    ],
)  # fmt: skip
def test_parts_of_years_and_dates(text, number, period):
    assert read(text)[number].period == period


def test_room_for_victims_is_a_capacity_not_a_count_of_victims():
    facts = read("The government operated three shelters, which could house 45 victims at a time.")
    assert facts["45"].measure == "capacity for victims"


def test_a_qualifier_before_one_figure_does_not_reach_the_next():
    facts = read("Authorities initiated at least 35 federal investigations and 621 state investigations.")
    assert (facts["35"].qualifier, facts["621"].qualifier) == ("at least", None)
    facts = read("Victims included at least 16 girls, 75 women, and three men.")
    assert facts["75"].qualifier == facts["three"].qualifier == "at least"


def test_the_numbers_of_a_caveat_or_a_flattened_table_count_nothing():
    facts = read("The government identified 33 victims; data from two of five districts was incomplete.")
    assert facts["33"].caveat == "data from two of five districts was incomplete" and facts["two"].measure is None
    assert all(f.measure is None for f in read("North | 12 | 340 | 121.4").values())


def test_a_noun_shared_by_two_numbers():
    facts = read("Authorities initiated 127 federal and 298 state investigations in 2017.")
    assert (facts["127"].measure, facts["127"].scope, facts["127"].label) == (
        "cases investigated",
        ("federal",),
        "federal investigations",
    )


def test_list_items_after_a_dash_are_parts_with_their_own_form():
    facts = read("The government identified 667 victims—429 for sex trafficking, eight for forced begging, "
                 "four for other purposes, and 115 unspecified.")  # fmt: skip
    assert all(facts[n].relation.kind == "part" for n in ("429", "eight", "four", "115"))
    assert facts["eight"].scope == ("labor trafficking",) and facts["115"].scope == ("unspecified",)


@pytest.mark.parametrize(
    ("text", "number", "measure"),
    [
        ("Staff turnover fell to 7 percent.", "7 percent", "staff turnovers"),
        ("A new Eastern office, opened in March, handled 412 cases.", "412", "cases handled by eastern office"),
        ("One victim received 57,500 Mexican pesos (USD 2,800) in restitution.", "USD 2,800", None),
    ],
)
def test_what_is_counted_in_other_shapes(text, number, measure):
    assert read(text, profile=GENERIC)[number].measure == measure


def test_where_victims_were_sent_is_not_who_counted_them():
    facts = read("The Directorate referred 140 child victims to NGO shelters.")
    assert "NGO" not in facts["140"].scope


def test_a_subject_that_points_elsewhere_is_not_named_in_the_label() -> None:
    """ "its intelligence" names no one on its own: the label says what was uncovered, not by whom."""
    sentence = "The UIF reported suspicious transactions and its intelligence uncovered 201 possible cases in 2021."
    [fact] = [f for f in read(sentence).values() if f.text == "201"]
    assert fact.label == "possible cases uncovered"
