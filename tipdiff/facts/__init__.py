"""Facts: the stage that reads every number of a report for what it counts, for whom and when.

"State authorities convicted 75 traffickers, including 65 sex traffickers, in 2021" holds
three numbers: 75 counts persons convicted at the state level in 2021; 65 is a part of it,
for sex trafficking; 2021 is a date. Every later stage asks these facts, and only these,
what a number is: alignment (one fact stated in two sentences), classification (which
figures of a revised sentence changed like for like), the narrative and every output.
What a report family counts is in its profile's lexicon; the engine stays general.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tipdiff.edition import edition_years
from tipdiff.facts.draft import Draft
from tipdiff.facts.fieldwide import FieldWide, ending, field_wide
from tipdiff.facts.periods import COMPARISON, Periods
from tipdiff.facts.reading import read_numbers
from tipdiff.facts.relations import relate, scopes_in
from tipdiff.facts.scopes import find_scopes
from tipdiff.facts.tokens import clause_starts, tokenize
from tipdiff.fieldlayout import VALUE_NAME
from tipdiff.model import Fact, Period, Relation, Report, Role
from tipdiff.numbers import find_numbers
from tipdiff.profiles import Profile
from tipdiff.profiles.lexicon import Lexicon

_FIELD = re.compile(r"^\s*(?P<label>[A-Za-z][\w()'’,/ -]{0,60}?):(?:\s+(?=\S)|\s*$)")
"""An almanac field ("Population: 130,207,371 (2023 est.)", or "Age structure:" over the
lines that give it): its label names what is counted."""
_SUBFIELD = re.compile(r"(?<![\w-])(?P<label>[A-Za-z0-9][\w'’ -]{0,30}?):\s")
"""A field's parts ("total: 130,207,371 male: 64,000,000", "0-14 years: 17.9%")."""


def read_facts(report: Report, profile: Profile) -> Report:
    """The report with its edition years and each sentence's facts."""
    year, data_year = edition_years(report, profile)
    sections = []
    before: tuple[Fact, ...] = ()
    field: str | None = None
    read: dict[tuple, tuple[tuple[Fact, ...], str | None]] = {}  # a sentence said again is read once
    wide = field_wide(list(report.sentences), data_year)
    for section in report.sections:
        sentences = []
        for sentence in section.sentences:
            this, previous = str(sentence.index), str(sentence.index - 1)
            whole = wide.get(sentence.index)
            asked = (sentence.text, field, sentence.field, whole, _anonymous(before, previous, ""))
            if asked not in read:
                facts, field = sentence_facts(
                    sentence.text, this, before, field, data_year, profile.lexicon, sentence.field, whole
                )
                read[asked] = (_anonymous(facts, previous, this), field)
            facts, field = read[asked]
            facts = _named(facts, previous, this)
            sentences.append(replace(sentence, facts=facts))
            before = facts
        sections.append(replace(section, sentences=tuple(sentences)))
    return replace(report, sections=tuple(sections), year=year, data_year=data_year)


def _anonymous(facts: tuple[Fact, ...], previous: str, this: str) -> tuple[Fact, ...]:
    """The facts with the sentence numbers taken out of their ids: equal for copies of a sentence."""
    return tuple(_renamed(fact, {previous: "<", this: ">"}) for fact in facts)


def _named(facts: tuple[Fact, ...], previous: str, this: str) -> tuple[Fact, ...]:
    """`_anonymous` undone for the sentence `this`."""
    return tuple(_renamed(fact, {"<": previous, ">": this}) for fact in facts)


def _renamed(fact: Fact, names: dict[str, str]) -> Fact:
    def renamed(id: str) -> str:
        sentence, _, number = id.partition(".")
        return f"{names.get(sentence, sentence)}.{number}"

    relation = replace(fact.relation, of=renamed(fact.relation.of)) if fact.relation else None
    return replace(fact, id=renamed(fact.id), relation=relation)


def sentence_facts(
    text: str,
    sentence_id: str,
    before: tuple[Fact, ...],
    field: str | None,
    data_year: int | None,
    lexicon: Lexicon,
    labels: tuple[str, ...] = (),
    whole: FieldWide | None = None,
) -> tuple[tuple[Fact, ...], str | None]:
    """The facts of one sentence, given the facts of the sentence before it; and the field
    label that a following line without a label of its own continues. `labels` are those of
    the field line the sentence opens, where the layout read it in fields, and `whole` what
    its field states once for all its lines."""
    field, part = (labels[0], " ".join(labels[1:]) or None) if labels else _field(text, field, lexicon)
    numbers = find_numbers(text)
    if not numbers:
        return (), field
    scopes = find_scopes(text, lexicon)
    comparisons = [m.span() for m in COMPARISON.finditer(text)]
    tokens = tokenize(text, numbers, scopes, comparisons)
    starts = clause_starts(tokens)
    drafts = read_numbers(tokens, starts, scopes, lexicon)
    if field:
        _read_field(drafts, text, tokens, field, part, before, lexicon)
    relate(drafts, tokens, starts, text, [start for start, _ in comparisons], before, lexicon)
    periods = Periods.of(text, data_year, comparisons)
    said = next((m for pattern in lexicon.caveats if (m := pattern.search(text))), None)
    caveat = said.group(0).strip(" ,") if said else None
    table = text.count("|") >= 2  # a flattened table row: which column a number is in is lost
    facts = []
    for k, draft in enumerate(drafts):
        number = tokens[draft.index].number
        assert number is not None
        period = periods.period_of(number.start, number.end) if draft.role.measurable else None
        if draft.how == "field" and draft.role.measurable and period is None:
            period = whole.period if whole else ending(text, data_year)  # "...; services: 59.4% (2005)"
        # a field figure no line of its field dates is for no year we know: never the edition's
        undated = bool(labels) and draft.how == "field" and period is None
        facts.append(
            Fact(
                id=f"{sentence_id}.{k}",
                text=number.text,
                start=number.start,
                value=number.amount,
                unit=number.unit,
                role=draft.role,
                measure=None
                if draft.measure in lexicon.vague or inside(said, number.start) or table or undated
                else _in_prices(draft.measure, number.kind == "money", whole),
                label=draft.label,
                scope=tuple(sorted(draft.scope.values())),
                period=period,
                qualifier=draft.qualifier,
                relation=_relation(draft, sentence_id, before),
                caveat=caveat if said and draft.role.measurable and not inside(said, number.start) else None,
            )
        )
    return _distinct_parts(_earlier_than(_inherit_periods(tuple(facts)))), field


def _in_prices(measure: str | None, money: bool, whole: FieldWide | None) -> str | None:
    """Money of a field in stated prices is that measure in those prices: "in 2017 dollars"
    and "in 2015 dollars" are two measures."""
    if measure and whole and whole.base and money:
        return f"{measure} in {whole.base}"
    return measure


def _earlier_than(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """A figure the sentence compares with a later one is for an earlier period: "48 victims
    in 2020, compared with 35 victims the previous year" puts the 35 in 2019, whatever year
    the report is about."""
    by_id = {f.id: f for f in facts}

    def earlier(fact: Fact) -> Fact:
        later = by_id.get(fact.relation.of) if fact.relation and fact.relation.kind == "earlier" else None
        if later is None or later.period is None or fact.period is None or fact.period.year < later.period.year:
            return fact
        return replace(fact, period=Period(later.period.year - 1) if later.period.whole_year else None)

    return tuple(earlier(f) for f in facts)


def inside(match: re.Match[str] | None, offset: int) -> bool:
    """Whether the offset falls in the matched text ("data from only 10 states": the 10)."""
    return match is not None and match.start() <= offset < match.end()


def _distinct_parts(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """A part its own words do not set apart from its total ("two of whom forced children
    to ...") cannot be compared with anything: its measure is dropped."""
    by_id = {f.id: f for f in facts}

    def same_as_total(fact: Fact) -> bool:
        total = by_id.get(fact.relation.of) if fact.relation and fact.relation.kind == "part" else None
        return total is not None and (total.measure, total.scope) == (fact.measure, fact.scope)

    return tuple(replace(f, measure=None) if same_as_total(f) else f for f in facts)


def _field(text: str, carried: str | None, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """The almanac field a line belongs to, and the part of it the line gives: a line with a
    label of its own opens a field ("Population: ..."), unless the label names a part of the
    field above ("male: 2,609,870"); a line that starts with a number continues the field
    above ("$2.3 trillion (2020 est.)"); any other line ends it."""
    labelled = _FIELD.match(text)
    if labelled:
        label = labelled["label"].strip()
        if carried and label.casefold() in lexicon.phrases:
            return carried, label
        return label, None
    starts_with_number = re.match(r"\s*[-−]?[.$€£]?\d", text) is not None
    return (carried, None) if starts_with_number else (None, None)


def _read_field(
    drafts: list[Draft], text: str, tokens, field: str, part: str | None, before: tuple[Fact, ...], lexicon: Lexicon
) -> None:
    """In an almanac field, the label says what is counted ("Public debt: 63.0% of GDP" is
    public debt) and the parts' labels for whom; a line that continues the field gives
    earlier periods of its first figure."""
    labelled = _FIELD.match(text)
    after_label = labelled.end() if labelled else 0
    labels = [(m.end(), m["label"].strip()) for m in _SUBFIELD.finditer(text) if m.start() >= after_label]
    continued = not labelled or part is not None
    first = next((f for f in before if f.role.measurable and f.measure), None) if continued else None
    name = _value_name(text) if not labelled else None
    if name:
        first = None  # "Pentecostal 1.6%" names a part of its own, no earlier year of the field
    for draft in drafts:
        if not draft.role.measurable:
            continue
        start = tokens[draft.index].start
        sublabel = next((label for end, label in reversed(labels) if end <= start and label != field), part)
        if _RANK.search(sublabel or field):
            draft.role = Role.RANK  # "country comparison to the world: 6": sixth, no count of six
            continue
        sublabel = sublabel or name
        scope = {**draft.scope, **(scopes_in(sublabel, lexicon) if sublabel else {})}
        scoped = sublabel and (scopes_in(sublabel, lexicon) or sublabel.casefold() == "total")
        named = f"{field}: {sublabel}" if sublabel and not scoped else field
        draft.measure, draft.label, draft.how = named.casefold(), named, "field"
        draft.scope, draft.own = scope, frozenset(scope) | {"level", "agent", "place"}
        if "est." in text and draft.qualifier is None:
            draft.qualifier = "est."  # "total: 130,207,371 male: ... (2023 est.)" estimates them all
        same = first is not None and (first.role, first.measure, first.scope) == (
            draft.role,
            draft.measure,
            tuple(sorted(scope.values())),
        )
        if same and part is None:
            draft.relation = ("earlier", -1 - before.index(first))


_RANK = re.compile(r"\bcountry comparison to the world\b|\brank(?:ing|ed)?\b", re.IGNORECASE)
"""A sub-field whose label says it ranks the country among others."""


def _value_name(text: str) -> str | None:
    """What a value line names before its first number: the "Pentecostal" of "Pentecostal 1.6%"."""
    found = VALUE_NAME.match(text)
    return found["name"] if found else None


def _relation(draft: Draft, sentence_id: str, before: tuple[Fact, ...]) -> Relation | None:
    if draft.relation is None:
        return None
    kind, k = draft.relation
    other = before[-1 - k].id if k < 0 else f"{sentence_id}.{k}"
    return Relation(kind, other)  # type: ignore[arg-type]


def _inherit_periods(facts: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """A part without a period of its own is for its total's period."""
    by_id = {f.id: f for f in facts}
    return tuple(
        replace(f, period=by_id[f.relation.of].period)
        if f.period is None and f.relation and f.relation.kind == "part" and f.relation.of in by_id
        else f
        for f in facts
    )


__all__ = ["Role", "read_facts", "sentence_facts"]
