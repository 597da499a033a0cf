"""The heading-less benchmark (benchmarks/headingless/): its gold is well-formed and its scorer counts right.

tipdiff's score on the set is measured by the benchmark and reported, not asserted here."""

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from headingless import Pair, Reference, Score, load_pairs, ratio_links, select, squash

PAIRS = load_pairs()


def test_the_set_has_a_dozen_or_more_pairs() -> None:
    assert 12 <= len(PAIRS) <= 30


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.name)
def test_every_sentence_is_in_exactly_one_group(pair: Pair) -> None:
    for side, sentences in (("old", pair.old), ("new", pair.new)):
        indices = sorted(i for group in pair.groups for i in group[side])
        assert indices == list(range(len(sentences))), side


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.name)
def test_the_reference_sentences_are_the_document_in_order(pair: Pair) -> None:
    for text, sentences in ((pair.old_text, pair.old), (pair.new_text, pair.new)):
        flat = " ".join(text.split())
        at = 0
        for sentence in sentences:
            found = flat.find(sentence, at)
            assert found >= 0, sentence
            at = found + len(sentence)
        assert squash("".join(sentences)) == squash(text)
    assert 8 <= len(pair.old) + len(pair.new) <= 100


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.name)
def test_no_paragraph_is_a_heading(pair: Pair) -> None:
    for text in (pair.old_text, pair.new_text):
        for paragraph in re.split(r"\n\s*\n", text.strip()):
            assert paragraph.rstrip()[-1] in '.!?"”', paragraph


def test_pairs_are_selected_by_number() -> None:
    names = [pair.name for pair in select(PAIRS, "1,13-14")]
    assert names == ["01-victims-identified", "13-essay-uniforms", "14-essay-homework"]
    assert select(PAIRS, None) == PAIRS


def test_links_are_every_old_new_pair_of_a_group() -> None:
    pair = Pair("tiny", "", "", ("a", "b", "c"), ("x", "y"), ({"old": [0], "new": [0, 1]}, {"old": [1, 2], "new": []}))
    assert pair.links == {(0, 0), (0, 1)}


def test_micro_averaged_precision_recall_and_f1() -> None:
    score = Score.of({(0, 0), (1, 1), (2, 3)}, {(0, 0), (1, 1), (1, 2), (4, 4)}) + Score.of(set(), {(0, 0)})
    assert (score.correct, score.predicted, score.gold) == (2, 3, 5)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 5)
    assert score.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert Score().f1 == 0.0


def test_a_predicted_sentence_maps_to_the_reference_sentences_it_covers() -> None:
    reference = Reference(("The board met in May.", "It met again in June.", "Costs rose."))
    assert reference.locate("the board met in May. It met again in June", 0)[0] == [0, 1]
    assert reference.locate("in June.", 0)[0] == []
    assert reference.locate("Nothing like this.", 0)[0] is None


def test_the_baseline_pairs_best_first_and_one_to_one() -> None:
    old = ("the board met four times in may", "costs rose by a third")
    new = ("costs rose by a half", "the board met five times in may", "the board met in may")
    assert ratio_links(old, new, 0.5) == {(0, 1), (1, 0)}
    assert ratio_links(old, new, 0.9) == set()
