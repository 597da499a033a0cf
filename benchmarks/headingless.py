"""How well tipdiff links the sentences of heading-less prose, beside a difflib baseline.

    python benchmarks/headingless.py [--show-errors] [--pairs 13-22]   (or: python benchmarks/bench.py --only-headingless)

Each pair in headingless/pairs/ holds old.txt, new.txt and gold.json: the reference sentences of
both sides and the groups an editor's revision makes of them (headingless/README.md). Both tools
are scored on old-new links between reference sentences, micro-averaged over the set.

- tipdiff: `compare(old, new)`, the profile chosen by the text as users get it (generic and
  TIP score the same here). Its sentences are mapped onto the reference
  sentences by text, as ../shared/eval/score.py does: letters and digits only, case-folded, and
  a predicted sentence stands for each reference sentence it covers half or more of. So a
  different sentence split does not count against it.
- baseline: difflib over the reference sentences themselves. Every old-new pair is scored with
  `SequenceMatcher(None, a, b).ratio()` over lowercased words; pairs are taken greedily, best
  first, while the ratio is at least the threshold (0.5), each sentence of either side at most
  once. It cannot split or merge; it is printed at 0.4, 0.5 and 0.6 so its best is on record.
"""

import argparse
import difflib
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from tipdiff.pipeline import compare

PROFILE = "auto"
"""As `tipdiff compare` chooses by default."""

PAIRS = Path(__file__).resolve().parent / "headingless" / "pairs"
THRESHOLD = 0.5
THRESHOLDS = (0.4, 0.5, 0.6)

Links = set[tuple[int, int]]
"""Old-new links as (old sentence index, new sentence index) over the reference sentences."""


@dataclass(frozen=True)
class Pair:
    """One old/new document pair with its reference sentences and gold groups."""

    name: str
    old_text: str
    new_text: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    groups: tuple[dict, ...]
    """{"old": [i...], "new": [j...]}, with optional "tags" and "conf"; see the README."""

    @property
    def links(self) -> Links:
        return {link for group in self.groups for link in itertools.product(group["old"], group["new"])}

    def tagged_links(self, tag: str) -> Links:
        return {
            link
            for group in self.groups
            if tag in group.get("tags", ())
            for link in itertools.product(group["old"], group["new"])
        }

    def tagged_sentences(self, tag: str) -> tuple[set[int], set[int]]:
        """Old and new sentences of the groups with `tag`."""
        groups = [group for group in self.groups if tag in group.get("tags", ())]
        return {i for g in groups for i in g["old"]}, {j for g in groups for j in g["new"]}


def load_pairs(folder: Path = PAIRS) -> list[Pair]:
    pairs = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        gold = json.loads((path / "gold.json").read_text(encoding="utf-8"))
        texts = [(path / f"{side}.txt").read_text(encoding="utf-8") for side in ("old", "new")]
        pairs.append(Pair(path.name, *texts, tuple(gold["old"]), tuple(gold["new"]), tuple(gold["groups"])))
    return pairs


def squash(text: str) -> str:
    """Letters and digits only, case-folded: quotes, dashes and spacing do not matter."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


class Reference:
    """The reference sentences of one side, as spans of their squashed concatenation."""

    def __init__(self, sentences: tuple[str, ...]) -> None:
        self.text, self.spans = "", []
        for sentence in sentences:
            start = len(self.text)
            self.text += squash(sentence)
            self.spans.append((start, len(self.text)))

    def locate(self, sentence: str, cursor: int) -> tuple[list[int] | None, int]:
        """Reference sentences that `sentence` covers half or more of, searched from `cursor` first
        so that a repeated sentence maps to the occurrence in reading order; None if not found."""
        squashed = squash(sentence)
        if not squashed:
            return [], cursor
        at = self.text.find(squashed, cursor)
        if at < 0:
            at = self.text.find(squashed)
        if at < 0:
            return None, cursor
        end = at + len(squashed)
        covered = [i for i, (a, b) in enumerate(self.spans) if min(b, end) - max(a, at) >= (b - a) / 2]
        return covered, end


@dataclass(frozen=True)
class TipdiffResult:
    links: Links
    unmapped: int
    """Predicted sentences whose text was not found in the reference text."""
    resplit: tuple[str, ...]
    """Predicted sentences that are not exactly one reference sentence: where tipdiff splits differently."""


def tipdiff_links(pair: Pair) -> TipdiffResult:
    comparison = compare(pair.old_text, pair.new_text, profile=PROFILE)
    references = {"old": Reference(pair.old), "new": Reference(pair.new)}
    cursors = {"old": 0, "new": 0}
    links: Links = set()
    unmapped, resplit = 0, []
    for change in comparison.changes:
        ids: dict[str, list[int]] = {"old": [], "new": []}
        for side, sentences in (("old", change.old), ("new", change.new)):
            for sentence in sentences:
                found, cursors[side] = references[side].locate(sentence.text, cursors[side])
                if found is None:
                    unmapped += 1
                    continue
                if not _one_reference(references[side], found, sentence.text):
                    resplit.append(f"{side}: {sentence.text}")
                ids[side] += found
        links |= set(itertools.product(ids["old"], ids["new"]))
    return TipdiffResult(links, unmapped, tuple(resplit))


def _one_reference(reference: Reference, found: list[int], text: str) -> bool:
    """Whether a predicted sentence is one reference sentence, give or take a list marker ("3.")."""
    if len(found) != 1:
        return False
    start, end = reference.spans[found[0]]
    return end - start - len(squash(text)) <= 3


def ratio_links(old: tuple[str, ...], new: tuple[str, ...], threshold: float = THRESHOLD) -> Links:
    """The difflib baseline: greedy best-first one-to-one pairing by word-level ratio."""
    words = [[s.lower().split() for s in side] for side in (old, new)]
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(), i, j)
            for (i, a), (j, b) in itertools.product(enumerate(words[0]), enumerate(words[1]))
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_old, used_new, links = set(), set(), set()
    for ratio, i, j in scored:
        if ratio < threshold:
            break
        if i not in used_old and j not in used_new:
            links.add((i, j))
            used_old.add(i)
            used_new.add(j)
    return links


@dataclass(frozen=True)
class Score:
    """Link counts, added up over pairs before precision and recall are taken (micro-average)."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @classmethod
    def of(cls, predicted: Links, gold: Links) -> "Score":
        return cls(len(predicted & gold), len(predicted), len(gold))

    def __add__(self, other: "Score") -> "Score":
        return Score(self.correct + other.correct, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"{self.precision:5.2f} {self.recall:5.2f} {self.f1:5.2f}"


def onto_look_alikes(pair: Pair, links: Links) -> int:
    """Predicted links that touch a sentence the gold calls a look-alike: all of them are wrong."""
    old, new = pair.tagged_sentences("look-alike")
    return sum(i in old or j in new for i, j in links)


def print_errors(pair: Pair, result: TipdiffResult) -> None:
    for i, j in sorted(pair.links - result.links):
        print(f"    missed   old {i}: {pair.old[i][:70]}\n             new {j}: {pair.new[j][:70]}")
    for i, j in sorted(result.links - pair.links):
        print(f"    spurious old {i}: {pair.old[i][:70]}\n             new {j}: {pair.new[j][:70]}")
    for text in result.resplit:
        print(f"    split differently {text[:80]}")


def select(pairs: list[Pair], spec: str | None) -> list[Pair]:
    """The pairs whose number is in `spec`, e.g. "13-22" or "1,6,13-15"; all of them if spec is None."""
    if not spec:
        return pairs
    wanted = set()
    for part in spec.split(","):
        low, _, high = part.partition("-")
        wanted |= set(range(int(low), int(high or low) + 1))
    return [pair for pair in pairs if int(pair.name.split("-")[0]) in wanted]


def report(show_errors: bool = False, pairs_spec: str | None = None) -> None:
    """Print the per-pair table, the totals, the baseline at each threshold and recall by tag."""
    pairs = select(load_pairs(), pairs_spec)
    print(f"\nheading-less revisions: link precision / recall / F1 on {len(pairs)} pairs ({PAIRS.parent.name}/)")
    print(f"  {'pair':<26} {'sents':>5} {'links':>5}   {'tipdiff P     R    F1':<19}  baseline@{THRESHOLD} P  R    F1")
    total_tipdiff, total_baseline = Score(), Score()
    baselines = dict.fromkeys(THRESHOLDS, Score())
    results = {}
    for pair in pairs:
        result = results[pair.name] = tipdiff_links(pair)
        mine, theirs = Score.of(result.links, pair.links), Score.of(ratio_links(pair.old, pair.new), pair.links)
        total_tipdiff, total_baseline = total_tipdiff + mine, total_baseline + theirs
        for threshold in THRESHOLDS:
            baselines[threshold] += Score.of(ratio_links(pair.old, pair.new, threshold), pair.links)
        sentences = len(pair.old) + len(pair.new)
        print(f"  {pair.name:<26} {sentences:>5} {len(pair.links):>5}   {mine}     {theirs}")
        if show_errors:
            print_errors(pair, result)
    sentences = sum(len(p.old) + len(p.new) for p in pairs)
    print(f"  {'total (micro)':<26} {sentences:>5} {total_tipdiff.gold:>5}   {total_tipdiff}     {total_baseline}")
    best = max(THRESHOLDS, key=lambda t: baselines[t].f1)
    for threshold, score in baselines.items():
        print(f"  baseline at {threshold}: {score}" + ("   <- its best" if threshold == best else ""))
    for tag in ("heavy", "split", "merge", "moved"):
        gold = [(pair, pair.tagged_links(tag)) for pair in pairs]
        count = sum(len(links) for _, links in gold)
        found = sum(len(links & results[pair.name].links) for pair, links in gold)
        base = sum(len(links & ratio_links(pair.old, pair.new)) for pair, links in gold)
        print(f"  recall on {tag:<6} links: tipdiff {found:>2}/{count}, baseline {base:>2}/{count}")
    wrong = sum(onto_look_alikes(p, results[p.name].links) for p in pairs)
    wrong_base = sum(onto_look_alikes(p, ratio_links(p.old, p.new)) for p in pairs)
    print(f"  links onto look-alike sentences (all false): tipdiff {wrong}, baseline {wrong_base}")
    unmapped = sum(r.unmapped for r in results.values())
    if unmapped:
        print(f"  note: {unmapped} tipdiff sentences were not found in the reference text")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list tipdiff's missed and spurious links")
    parser.add_argument("--pairs", help='only the pairs with these numbers, e.g. "13-22" or "1,6,13-15"')
    arguments = parser.parse_args()
    report(arguments.show_errors, arguments.pairs)


if __name__ == "__main__":
    main()
