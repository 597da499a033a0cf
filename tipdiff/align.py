"""Sentence alignment: which sentences of the new report revise which of the old.

Three passes, from most to least certain:
1. inside each pair of matched sections, the heaviest chain of one-to-one pairs in
   reading order (pairs may not cross), each at least IN_ORDER alike; then, in each
   gap between those anchors, a chain at the lower GAP level; then a single old and a
   single new sentence left between two anchors pair at the lowest SANDWICHED level (in
   prose without headings, whose paragraphs are its structure, so do a gap's paragraphs
   and sentences taken in turn);
2. each pair grows into a split (one old, several new) or a merge where an adjacent,
   unpaired sentence is mostly made of the single side's words and brings back words
   of it that its partner had lost;
3. what is still unpaired is paired best-first at stricter levels: first inside each
   pair of sections (MOVED_WITHIN), then across the whole reports (MOVED_ACROSS).
A pair is moved only where it leaves reading order. Ties are broken by position, so equal
inputs always give equal alignments.
"""

import itertools
from bisect import bisect_left
from collections import Counter
from dataclasses import replace

from tipdiff.match import SectionPair
from tipdiff.model import Link, Report
from tipdiff.similarity import TIEBREAK, Wording, merged

IN_ORDER = 0.45
"""Least similarity for two sentences in the same place to be one revised sentence."""
GAP = 0.35
"""Least similarity inside a gap between anchors, where position already speaks for the pair."""
SANDWICHED = 0.2
"""Least similarity for the one old and one new sentence left between two anchors."""
MOVED_WITHIN = 0.4
"""Least similarity for a pair out of reading order inside one section: without the
support of its neighbours a pair needs more wording in common."""
MOVED_ACROSS = 0.55
"""Least similarity for a pair in different sections, the least likely place for a revision."""
TOPIC = 3
"""Least sentences of each edition a word stands in to be its topic's: in a short essay on
school uniforms, "uniforms" and "students" say which sentences are on the topic, not which
one revises which."""
GROW_GAIN = 0.1
"""Least rise in the share of the single side's wording that a split or merge holds."""
GROW_COVER = 0.3
"""Least share of a joining neighbour's wording that the single side must hold."""
MAX_GROUP = 4
"""Most sentences on the larger side of a split or merge."""
LANDMARK_SPREAD = 32
"""Most sentences a distinctive word may stand in and still be used to find moved ones."""
CANDIDATES = 20
"""Most in-order candidates kept for one sentence; only a flood of near-copies has more."""
SPREAD = 200
"""Most sentences a word may stand in and still propose them all as in-order candidates:
more than a section of a real report holds, so only a flood of near-copies is cut."""


def align_sentences(
    old: Report, new: Report, pairs: tuple[SectionPair, ...], wording: Wording, fixed: tuple[Link, ...] = ()
) -> tuple[Link, ...]:
    """Links covering every sentence of both reports exactly once, in the new report's order;
    the `fixed` links (an almanac's fields, paired by label) are kept and not aligned again."""
    old_spans, new_spans = old.section_spans, new.section_spans
    held_old, held_new = {i for link in fixed for i in link.old}, {j for link in fixed for j in link.new}
    scopes = [
        ([i for s in pair.old for i in old_spans[s] if i not in held_old],
         [j for s in pair.new for j in new_spans[s] if j not in held_new])
        for pair in pairs
    ]  # fmt: skip
    # Structure on one side only (a web scrape against a report): reading order says little,
    # and gaps between anchors nothing. Prose on both sides has its paragraphs for structure.
    levels = (IN_ORDER, GAP, SANDWICHED) if old.structured == new.structured else (IN_ORDER,)
    prose = not (old.structured or new.structured)
    paragraphs = (_paragraphs(old), _paragraphs(new)) if prose else None
    twins = _twins(wording)
    links = [link for olds, news in scopes for link in _in_order(olds, news, levels, wording, twins, paragraphs)]
    paired_old = held_old | {i for link in links for i in link.old}
    paired_new = held_new | {j for link in links for j in link.new}
    everything = (range(len(wording.old)), range(len(wording.new)))
    topic = _topic(wording) if prose else frozenset()
    for (olds, news), level in [*((scope, MOVED_WITHIN) for scope in scopes), (everything, MOVED_ACROSS)]:
        free_old, free_new = [i for i in olds if i not in paired_old], [j for j in news if j not in paired_new]
        for link in _moved(free_old, free_new, level, wording, twins, topic):
            links.append(link)
            paired_old.update(link.old)
            paired_new.update(link.new)
    for i, j in _identical(paired_old, paired_new, wording):  # still apart: the same words are one sentence
        links.append(Link((i,), (j,), moved=True, similarity=1.0))
        paired_old.add(i)
        paired_new.add(j)
    links = [*fixed, *_reading_order(links, scopes)]
    links += [Link((i,), ()) for i in range(len(wording.old)) if i not in paired_old]
    links += [Link((), (j,)) for j in range(len(wording.new)) if j not in paired_new]
    return tuple(sorted(links, key=lambda link: (link.new or (len(wording.new),), link.old)))


def _paragraphs(report: Report) -> tuple[int, ...]:
    """The paragraph of each sentence of the report."""
    return tuple(s.paragraph for s in report.sentences)


def _reading_order(links: list[Link], scopes: list[tuple[list[int], list[int]]]) -> list[Link]:
    """The links, each flagged moved only where it leaves reading order: off the chain, in
    reading order on both sides, that holds the most sentences of its pair of sections. A
    link across two pairs of sections has moved wherever it stands."""
    scope_of = {("old", i): k for k, (olds, _) in enumerate(scopes) for i in olds}
    scope_of |= {("new", j): k for k, (_, news) in enumerate(scopes) for j in news}
    members: dict[int, list[tuple[int, int, float]]] = {}
    for link in links:
        held = {scope_of["old", i] for i in link.old} | {scope_of["new", j] for j in link.new}
        if len(held) == 1:
            weight = len(link.old) + len(link.new) + TIEBREAK * link.similarity
            members.setdefault(held.pop(), []).append((min(link.old), min(link.new), weight))
    in_order = {(a, b) for chain in members.values() for a, b, _ in heaviest_chain(chain)}
    return [replace(link, moved=(min(link.old), min(link.new)) not in in_order) for link in links]


def _twins(wording: Wording) -> dict[tuple[str, int], int]:
    """("old", i) -> j and ("new", j) -> i for each sentence said once in each report, word for
    word: the two are one sentence wherever they stand, and neither may be paired with another
    (two sentences that swap places are two moves, never two revisions into each other)."""
    olds: dict[str, list[int]] = {}
    news: dict[str, list[int]] = {}
    for i, (key, _) in enumerate(wording.old_tiebreaks):
        olds.setdefault(key, []).append(i)
    for j, (key, _) in enumerate(wording.new_tiebreaks):
        news.setdefault(key, []).append(j)
    twins = {}
    for key, (i, *more_old) in olds.items():
        if not more_old and len(news.get(key, ())) == 1:
            (j,) = news[key]
            twins["old", i], twins["new", j] = j, i
    return twins


def _may_pair(i: int, j: int, twins: dict[tuple[str, int], int]) -> bool:
    """Whether old sentence i and new sentence j may be one: neither has a twin but the other."""
    return twins.get(("old", i), j) == j and twins.get(("new", j), i) == i


def _identical(paired_old: set[int], paired_new: set[int], wording: Wording) -> list[tuple[int, int]]:
    """Unpaired sentences with the same words on both sides, paired in reading order."""
    waiting: dict[str, list[int]] = {}
    for j in reversed(range(len(wording.new_tiebreaks))):  # popped from the end: reading order
        if j not in paired_new:
            waiting.setdefault(wording.new_tiebreaks[j][0], []).append(j)
    pairs = []
    for i, (key, _) in enumerate(wording.old_tiebreaks):
        if i not in paired_old and waiting.get(key):
            pairs.append((i, waiting[key].pop()))
    return pairs


def _in_order(
    olds: list[int],
    news: list[int],
    levels: tuple[float, ...],
    wording: Wording,
    twins: dict[tuple[str, int], int],
    paragraphs: tuple[tuple[int, ...], tuple[int, ...]] | None,
) -> list[Link]:
    """Passes 1 and 2 over the sentences of one pair of sections; `paragraphs`, the paragraph
    of each sentence of either report, where they are the only structure."""
    candidates = _thinned(_sharing(olds, news, levels[-1], wording, twins), len(olds), len(news))
    places = (tuple(paragraphs[0][i] for i in olds), tuple(paragraphs[1][j] for j in news)) if paragraphs else None
    chain = _fill_gaps(sorted(candidates), range(len(olds)), range(len(news)), levels, places)
    # a sentence with a twin elsewhere is kept for it, never grown into a split or merge
    free_old = {a for a in range(len(olds)) if ("old", olds[a]) not in twins} - {a for a, _, _ in chain}
    free_new = {b for b in range(len(news)) if ("new", news[b]) not in twins} - {b for _, b, _ in chain}
    links = []
    for a, b, _ in chain:
        group_old, group_new = _grow([a], [b], olds, news, free_old, free_new, wording)
        old_ids, new_ids = tuple(olds[x] for x in group_old), tuple(news[y] for y in group_new)
        links.append(Link(old_ids, new_ids, moved=False, similarity=wording.similarity(old_ids, new_ids)))
    return links


def _sharing(
    olds: list[int], news: list[int], floor: float, wording: Wording, twins: dict[tuple[str, int], int]
) -> list[tuple[int, int, float]]:
    """In-order candidates (a, b, score): pairs that share a word and score at least `floor`,
    found through the words rather than by trying every pair. A word in more than SPREAD new
    sentences proposes only the CANDIDATES of them nearest the old sentence's place in reading
    order (copies of a sentence pair with their own copies), and copies are scored once, so a
    flood of near-copies costs about CANDIDATES a sentence, not N x M."""
    postings: dict[str, list[int]] = {}
    for b, j in enumerate(news):
        for word in wording.new[j]:
            postings.setdefault(word, []).append(b)
    scale = len(news) / max(len(olds), 1)
    scores: dict[tuple[str, str], float] = {}  # by the two sentences' texts: copies score alike
    found = []
    for a, i in enumerate(olds):
        place, proposed = round(a * scale), set()
        for word in wording.old[i]:
            posting = postings.get(word, ())
            if len(posting) > SPREAD:
                start = min(max(0, bisect_left(posting, place) - CANDIDATES // 2), len(posting) - CANDIDATES)
                posting = posting[start : start + CANDIDATES]
            proposed.update(posting)
        for b in sorted(proposed):
            if not _may_pair(i, news[b], twins):
                continue
            texts = (wording.old_tiebreaks[i][0], wording.new_tiebreaks[news[b]][0])
            if (score := scores.get(texts)) is None:
                score = scores[texts] = wording.score(i, news[b])
            if score >= floor:
                found.append((a, b, score))
    return found


def _thinned(candidates: list[tuple[int, int, float]], olds: int, news: int) -> list[tuple[int, int, float]]:
    """At most CANDIDATES per sentence on either side, the best and those nearest the diagonal:
    a report that says one sentence a thousand times must not make a million candidates."""
    by_old: dict[int, list[tuple[int, int, float]]] = {}
    by_new: dict[int, list[tuple[int, int, float]]] = {}
    for candidate in candidates:
        by_old.setdefault(candidate[0], []).append(candidate)
        by_new.setdefault(candidate[1], []).append(candidate)
    if all(len(row) <= CANDIDATES for row in (*by_old.values(), *by_new.values())):
        return candidates

    def best(row: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        return sorted(row, key=lambda c: (-c[2], abs(c[0] / olds - c[1] / news), c))[:CANDIDATES]

    kept = {c for rows in (by_old, by_new) for row in rows.values() for c in best(row)}
    return list(kept)


def _fill_gaps(
    candidates: list[tuple[int, int, float]],
    olds: range,
    news: range,
    levels: tuple[float, ...],
    places: tuple[tuple[int, ...], tuple[int, ...]] | None,
) -> list[tuple[int, int, float]]:
    """The heaviest chain at the first level, then the gaps between its pairs at the next.
    `candidates` are sorted, so those of a gap are one slice of them; `places`, the paragraph
    of each sentence, where paragraphs are the structure."""
    level, *lower = levels
    start, stop = bisect_left(candidates, (olds.start,)), bisect_left(candidates, (olds.stop,))
    inside = [c for c in candidates[start:stop] if news.start <= c[1] < news.stop]
    if level == SANDWICHED:
        return _in_place(inside, olds, news, places)
    chain = heaviest_chain([c for c in inside if c[2] >= level])
    if not lower:
        return chain
    filled = []
    corners = [(olds.start - 1, news.start - 1), *((a, b) for a, b, _ in chain), (olds.stop, news.stop)]
    for (a0, b0), (a1, b1) in itertools.pairwise(corners):
        filled += _fill_gaps(inside, range(a0 + 1, a1), range(b0 + 1, b1), tuple(lower), places)
    return sorted(chain + filled)


def _in_place(
    inside: list[tuple[int, int, float]],
    olds: range,
    news: range,
    places: tuple[tuple[int, ...], tuple[int, ...]] | None,
) -> list[tuple[int, int, float]]:
    """Pairs at the SANDWICHED level in a gap that anchors leave: the one old and one new
    sentence left between two anchors; in prose, also the gap's paragraphs taken in turn
    where both sides have as many of them, and sentences taken in turn where both sides have
    as many, each pair the best of either sentence's candidates in the gap."""
    fit = [c for c in inside if c[2] >= SANDWICHED]
    if len(olds) == len(news) == 1 or (places and len(olds) == len(news)):
        best_of_old = {a: max(c[2] for c in fit if c[0] == a) for a, _, _ in fit}
        best_of_new = {b: max(c[2] for c in fit if c[1] == b) for _, b, _ in fit}
        return [
            c for c in fit if c[1] - news.start == c[0] - olds.start and c[2] == best_of_old[c[0]] == best_of_new[c[1]]
        ]
    if not places or not olds or not news:
        return []
    old_runs, new_runs = _runs(olds, places[0]), _runs(news, places[1])
    if len(old_runs) != len(new_runs) or len(old_runs) < 2:
        return []
    return [c for a, b in zip(old_runs, new_runs, strict=True) for c in _in_place(inside, a, b, places)]


def _runs(positions: range, paragraph: tuple[int, ...]) -> list[range]:
    """The positions cut where the paragraph changes."""
    cuts = [k for k in positions[1:] if paragraph[k] != paragraph[k - 1]]
    return [range(a, b) for a, b in itertools.pairwise([positions.start, *cuts, positions.stop])]


def _grow(
    group_old: list[int], group_new: list[int], olds: list[int], news: list[int],
    free_old: set[int], free_new: set[int], wording: Wording,
) -> tuple[list[int], list[int]]:  # fmt: skip
    """Pass 2: take in adjacent free sentences while they bring back the single side's words."""
    while max(len(group_old), len(group_new)) < MAX_GROUP:
        options = []  # (gain, side, position); side 1 is new
        if len(group_old) == 1:
            i = olds[group_old[0]]
            single, group = wording.old[i], [wording.new[news[b]] for b in group_new]
            for b in (min(group_new) - 1, max(group_new) + 1):
                if b in free_new:
                    facts = wording.evidence(wording.old_facts[i], wording.new_facts[news[b]])
                    options.append((_gain(single, group, wording.new[news[b]], wording, facts), 1, b))
        if len(group_new) == 1:
            j = news[group_new[0]]
            single, group = wording.new[j], [wording.old[olds[a]] for a in group_old]
            for a in (min(group_old) - 1, max(group_old) + 1):
                if a in free_old:
                    facts = wording.evidence(wording.old_facts[olds[a]], wording.new_facts[j])
                    options.append((_gain(single, group, wording.old[olds[a]], wording, facts), 0, a))
        best = max((o for o in options if o[0] >= GROW_GAIN), default=None, key=lambda o: (o[0], -o[1], -o[2]))
        if best is None:
            break
        _, side, position = best
        if side:
            group_new = sorted([*group_new, position])
            free_new.discard(position)
        else:
            group_old = sorted([*group_old, position])
            free_old.discard(position)
    return group_old, group_new


def _gain(
    single: Counter[str], group: list[Counter[str]], joining: Counter[str], wording: Wording, shared_facts: float
) -> float:
    """How much more of `single` the group holds once `joining` joins, plus the evidence of the
    facts `joining` and `single` both state; 0 if `joining` is mostly new words and states none."""
    vocabulary = wording.vocabulary
    if vocabulary.containment(joining, single) < GROW_COVER and not shared_facts:
        return 0.0
    gain = vocabulary.containment(single, merged([*group, joining])) - vocabulary.containment(single, merged(group))
    return gain + shared_facts


def _topic(wording: Wording) -> frozenset[str]:
    """The words of a document's topic: each in TOPIC or more sentences of both editions."""
    counts = [Counter(w for bag in side for w in bag) for side in (wording.old, wording.new)]
    return frozenset(w for w, n in counts[0].items() if n >= TOPIC and counts[1][w] >= TOPIC)


def _look_alike(i: int, j: int, level: float, wording: Wording, topic: frozenset[str]) -> bool:
    """Whether two sentences are alike only in their topic's words: without them they fall
    below `level`, so a move between them needs MOVED_ACROSS."""
    old = Counter({w: n for w, n in wording.old[i].items() if w not in topic})
    new = Counter({w: n for w, n in wording.new[j].items() if w not in topic})
    return wording.vocabulary.similarity(old, new) < level


def _moved(
    olds: list[int],
    news: list[int],
    level: float,
    wording: Wording,
    twins: dict[tuple[str, int], int],
    topic: frozenset[str] = frozenset(),
) -> list[Link]:
    """Pass 3: best-first pairing of what is left among `olds` and `news`; a pair alike only
    in the `topic` words needs MOVED_ACROSS, and two sentences that count different things are
    never paired out of reading order."""
    # Sentences anywhere may have moved, so comparing all pairs would be quadratic: a pair is
    # only scored when the two share one of their most distinctive words.
    by_landmark: dict[str, list[int]] = {}
    for j in news:
        for word in wording.landmarks(wording.new[j]):
            by_landmark.setdefault(word, []).append(j)
    # A word that many sentences share does not single out the one a sentence moved to.
    by_landmark = {word: posting for word, posting in by_landmark.items() if len(posting) <= LANDMARK_SPREAD}
    scored = []
    for i in olds:
        candidates = {j for word in wording.landmarks(wording.old[i]) for j in by_landmark.get(word, ())}
        for j in candidates:
            if _may_pair(i, j, twins) and (score := wording.score(i, j)) >= level:
                if wording.count_apart(i, j) or (
                    score < MOVED_ACROSS and topic and _look_alike(i, j, level, wording, topic)
                ):
                    continue
                scored.append((-score, i, j))
    links, taken_old, taken_new = [], set(), set()
    for score, i, j in sorted(scored):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            links.append(Link((i,), (j,), moved=True, similarity=-score))
    return links


def heaviest_chain(candidates: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The pairs (a, b, weight), a and b both strictly increasing, of greatest total weight.

    A Fenwick tree over b holds the best chain ending left of each b, so this takes
    O(k log k) for k candidates instead of the O(n*m) of a full alignment table.
    """
    if not candidates:
        return []
    # Within one `a`, visit larger `b` first so that a pair never chains onto its own row.
    order = sorted(candidates, key=lambda c: (c[0], -c[1]))
    columns = sorted({b for _, b, _ in order})
    tree = [(0.0, -1)] * (len(columns) + 1)
    best: list[tuple[float, int]] = []
    previous: list[int] = []
    for k, (_, b, weight) in enumerate(order):
        column = bisect_left(columns, b)
        found, position = (0.0, -1), column
        while position > 0:
            found = max(found, tree[position])
            position -= position & -position
        best.append((found[0] + weight, k))
        previous.append(found[1])
        position = column + 1
        while position <= len(columns):
            tree[position] = max(tree[position], best[k])
            position += position & -position
    k = max(best)[1]
    chain = []
    while k >= 0:
        chain.append(order[k])
        k = previous[k]
    return chain[::-1]
