"""End to end on the example reports: invariants every comparison keeps, and facts read off the reports."""

import itertools
from collections import Counter
from pathlib import Path

import pytest

import tipdiff
from tipdiff.facts.pairing import identity
from tipdiff.model import Comparison, Label, Report
from tipdiff.numbers import find_numbers

EXAMPLE_NAMES = sorted(p.stem for p in (Path(__file__).parent.parent / "examples" / "mexico").glob("*.txt"))
PAIRS = list(itertools.permutations(EXAMPLE_NAMES, 2))
EVERY_PAIR = [pytest.param(old, new, id=f"{old}->{new}") for old, new in PAIRS]
EITHER_WAY = [pytest.param(a, b, id=f"{a}<->{b}") for a, b in itertools.combinations(EXAMPLE_NAMES, 2)]


@pytest.fixture(scope="module")
def comparisons(all_reports: dict[str, Report]) -> dict[tuple[str, str], Comparison]:
    """compare(old, new) for every ordered pair of example reports, run once."""
    return {(old, new): tipdiff.compare(all_reports[old], all_reports[new]) for old, new in PAIRS}


def joined(sentences) -> str:
    return " ".join(s.text for s in sentences)


def number_keys(sentences) -> Counter[str]:
    """The numbers of some sentences as a multiset, read afresh from their text."""
    return Counter(n.key for s in sentences for n in find_numbers(s.text))


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR)
def test_every_sentence_in_exactly_one_change(comparisons, all_reports, old: str, new: str) -> None:
    changes = comparisons[old, new].changes
    assert Counter(s for c in changes for s in c.old) == Counter(all_reports[old].sentences)
    assert Counter(s for c in changes for s in c.new) == Counter(all_reports[new].sentences)


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR)
def test_labels_fit_their_sides(comparisons, old: str, new: str) -> None:
    for change in comparisons[old, new].changes:
        assert (change.label is Label.ADDED) == (not change.old)
        assert (change.label is Label.REMOVED) == (not change.new)
        assert change.old or change.new


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_report_compared_with_itself_is_unchanged(all_reports: dict[str, Report], name: str) -> None:
    comparison = tipdiff.compare(all_reports[name], all_reports[name])
    assert comparison.identical
    assert {change.label for change in comparison.changes} == {Label.UNCHANGED}
    assert all(len(c.old) == len(c.new) == 1 and not c.moved for c in comparison.changes)


@pytest.mark.parametrize(("old", "new"), EITHER_WAY)
def test_swapping_the_reports_mirrors_the_counts(comparisons, old: str, new: str) -> None:
    forward, backward = comparisons[old, new].counts, comparisons[new, old].counts
    swap = {Label.ADDED: Label.REMOVED, Label.REMOVED: Label.ADDED}
    assert {swap.get(label, label): n for label, n in forward.items()} == backward


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR)
def test_figures_list_the_numbers_that_changed(comparisons, old: str, new: str) -> None:
    for change in comparisons[old, new].changes:
        if change.label is Label.FIGURES:
            assert change.figures
            assert number_keys(change.old) != number_keys(change.new)
            gone, came = (
                number_keys(change.old) - number_keys(change.new),
                number_keys(change.new) - number_keys(change.old),
            )
            old_facts = {f.id: f for s in change.old for f in s.facts}
            new_facts = {f.id: f for s in change.new for f in s.facts}
            # exactly the numbers that disappear and appear, each with its fact
            assert Counter(old_facts[f.old_fact].key for f in change.figures if f.old) == gone
            assert Counter(new_facts[f.new_fact].key for f in change.figures if f.new) == came
            for figure in change.figures:
                assert figure.old is None or figure.old == old_facts[figure.old_fact].text
                assert figure.new is None or figure.new == new_facts[figure.new_fact].text
        else:
            assert not change.figures


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR)
def test_reworded_keeps_the_numbers(comparisons, old: str, new: str) -> None:
    for change in comparisons[old, new].changes:
        if change.label is Label.REWORDED:
            assert any(edit.op != "equal" for edit in change.diff)
            assert number_keys(change.old) == number_keys(change.new)


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR)
def test_word_diff_rebuilds_both_sides(comparisons, old: str, new: str) -> None:
    for change in comparisons[old, new].changes:
        if change.label in (Label.REWORDED, Label.FIGURES):
            assert "".join(edit.old for edit in change.diff) == joined(change.old)
            assert "".join(edit.new for edit in change.diff) == joined(change.new)
        else:
            assert change.diff == ()


def test_unchanged_means_equal_keys(comparisons) -> None:
    for change in comparisons["2022", "2023"].changes:
        if change.label is Label.UNCHANGED:
            assert [s.key for s in change.old] == [s.key for s in change.new]


def test_2022_to_2023_recommendations_add_and_drop_bullets(comparisons) -> None:
    (recommendations,) = [s for s in comparisons["2022", "2023"].sections if s.key == "recommendations"]
    added = [c for c in recommendations.changes if c.label is Label.ADDED]
    removed = [c for c in recommendations.changes if c.label is Label.REMOVED]
    assert added and all(s.bullet for c in added for s in c.new)
    assert removed and all(s.bullet for c in removed for s in c.old)


def test_2022_to_2023_sections_keep_their_order(comparisons) -> None:
    keys = [s.key for s in comparisons["2022", "2023"].sections]
    assert keys == ["summary", "recommendations", "prosecution", "protection", "prevention", "profile"]


def test_2022_to_2023_pairs_most_sentences(comparisons) -> None:
    # A year's report is a revision of the year before: most of its sentences survive in some form.
    changes = comparisons["2022", "2023"].changes
    paired = sum(len(c.old) for c in changes if c.old and c.new)
    assert paired > 0.6 * sum(len(c.old) for c in changes)


def test_excerpt_pairs_with_the_protection_section(comparisons, all_reports) -> None:
    excerpt = all_reports["2021-protection-excerpt"]
    comparison = comparisons["2021-protection-excerpt", "2022"]
    paired = [(section.key, c) for section in comparison.sections for c in section.changes if c.old and c.new]
    assert sum(len(c.old) for _, c in paired) > 0.6 * len(excerpt.sentences)
    assert {key for key, _ in paired} == {"protection"}
    (protection,) = [s for s in all_reports["2022"].sections if s.key == "protection"]
    assert all(s in protection.sentences for _, c in paired for s in c.new)


def test_section_counts_add_up(comparisons) -> None:
    for comparison in comparisons.values():
        total = Counter()
        for section in comparison.sections:
            total.update(section.counts)
        assert dict(total) == comparison.counts


@pytest.mark.parametrize(("old", "new"), EVERY_PAIR)
def test_fact_changes_compare_like_for_like(comparisons, old: str, new: str) -> None:
    """A chip never pairs two facts that count different things, for different parts, in different roles."""
    for change in comparisons[old, new].changes:
        for fact_change in change.facts:
            if fact_change.old and fact_change.new:
                assert identity(fact_change.old) == identity(fact_change.new)
                assert fact_change.old.value != fact_change.new.value
            assert (fact_change.old or fact_change.new).role.measurable


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_number_is_one_fact(all_reports: dict[str, Report], name: str) -> None:
    for sentence in all_reports[name].sentences:
        assert [f.text for f in sentence.facts] == [n.text for n in find_numbers(sentence.text)]
        assert all(sentence.text[f.start : f.end] == f.text for f in sentence.facts)
