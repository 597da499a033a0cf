#!/usr/bin/env python3
"""Score the facts of a tipdiff JSON comparison against a hand-made fact gold.

    score_facts.py REFSEG.jsonl FACTS.jsonl PAIRS.jsonl --pred PRED.json --old DOC --new DOC

FACTS holds one object per number of the annotated sentences ({"doc", "id", "number", "nth",
"role", "scope", "period", ...}); PAIRS the like-for-like pairs across the two editions
({"old": {"id", "number", "nth"}, "new": {...}, "relation": same | year_over_year |
restated, "conf"}); see gold/facts-notes.md. PRED is `tipdiff compare OLD NEW --format json`.

Tool facts are placed on the reference sentences by their text, as score.py places
sentences, and on the gold's number tokens by their digits or words. Prints:
- facts: how many gold numbers the tool read, and its role, period and scope agreement;
- key figures: the rows of the narrative's table (year over year, restated) against the
  gold's year_over_year and restated pairs, matched on the new figure and the old value;
- same: the facts the tool would call unchanged across editions (one identity, period and
  value, once on each side) against the gold's "same" pairs.
Precision matters more than recall: a missing row is a gap, a wrong row a false statement.
"""

import argparse
import json
import re
import sys
from collections import defaultdict

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z]+(?:-[A-Za-z]+)*")
_ROLES = {"citation": "name"}
_LEVEL_FORM = {"federal", "state", "sex trafficking", "labor trafficking", "unspecified"}


def squash(text):
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def token_of(text):
    """The gold's number token for a tool fact's text: "$52 million" -> "52"."""
    match = _TOKEN.search(re.sub(r"US\$|\$|\b(?:USD|MXN|EUR|GBP)\b|€|£", " ", text))
    return match.group(0) if match else text


def occurrences(token, text):
    return [m.start() for m in re.finditer(rf"(?<![\w.,]){re.escape(token)}(?![\w]|[.,]\d)", text)]


def tool_facts(pred, refs):
    """{(side, ref id, token, nth): fact} for every tool fact that falls on a reference sentence."""
    placed, seen = {}, set()
    for section in pred["sections"]:
        for change in section["changes"]:
            for side in ("old", "new"):
                for sentence in change[side]:
                    key = (side, sentence["line"], sentence["text"])
                    if key in seen:
                        continue
                    seen.add(key)
                    for ref_id, ref_text in refs[side]:
                        offset = sentence["text"].find(ref_text)
                        if offset < 0 and squash(ref_text) != squash(sentence["text"]):
                            continue
                        offset = max(offset, 0)
                        for fact in sentence["facts"]:
                            at = fact["start"] - offset if "start" in fact else None
                            token = token_of(fact["text"])
                            spots = occurrences(token, ref_text)
                            nth = next((k for k, s in enumerate(spots) if at is not None and s >= at - 1), None)
                            if nth is None and at is None and spots:
                                nth = 0
                            if nth is not None and 0 <= (at or 0) <= len(ref_text):
                                placed[(side, ref_id, token, nth)] = fact
    return placed


def read_jsonl(path):
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("refseg")
    ap.add_argument("facts")
    ap.add_argument("pairs")
    ap.add_argument("--pred", required=True)
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    a = ap.parse_args()

    seg, gold_facts, gold_pairs = (read_jsonl(path) for path in (a.refseg, a.facts, a.pairs))
    scope_ids = {g["id"] for g in gold_facts}
    refs = {side: [(s["id"], s["text"]) for s in seg if s["doc"] == doc and s["id"] in scope_ids]
            for side, doc in (("old", a.old), ("new", a.new))}  # fmt: skip
    with open(a.pred, encoding="utf-8") as file:
        pred = json.load(file)
    placed = tool_facts(pred, refs)
    narrative = pred.get("narrative") or {}
    years = {side: (narrative.get(side) or {}).get("data_year") for side in ("old", "new")}

    def side_of(doc):
        return "old" if doc == a.old else "new"

    # 1. fact attributes
    read = role_ok = period_n = period_ok = scope_n = scope_ok = 0
    for g in gold_facts:
        fact = placed.get((side_of(g["doc"]), g["id"], g["number"], g["nth"]))
        if fact is None:
            continue
        read += 1
        role_ok += fact["role"] == _ROLES.get(g["role"], g["role"])
        if g["role"] in ("count", "money", "share"):
            if g["period"]:
                period_n += 1
                period_ok += (fact["period"] or str(years[side_of(g["doc"])])) == g["period"]
            scope_n += 1
            gold_scope = {s.casefold() for s in g["scope"]} & _LEVEL_FORM
            scope_ok += gold_scope == {s.casefold() for s in fact["scope"]} & _LEVEL_FORM

    # 2. key-figure rows
    gold_rows = [p for p in gold_pairs if p["relation"] in ("year_over_year", "restated")]
    gold_row_keys = {}
    for p in gold_rows:
        old_fact = next((g for g in gold_facts if (g["id"], g["number"], g["nth"]) == tuple(p["old"].values())), None)
        value = old_fact["value"] if old_fact else None
        gold_row_keys[(p["new"]["id"], p["new"]["number"], p["new"]["nth"], value)] = p
    where = {id(f): k for k, f in placed.items()}
    predicted = []
    for row in narrative.get("figures", []):
        new_fact = next((f for k, f in placed.items() if k[0] == "new" and f["id"] == row["new"]["fact"]), None)
        if new_fact is None:
            continue
        _, ref_id, token, nth = where[id(new_fact)]
        predicted.append((ref_id, token, nth, row["old"]["value"], row))
    hits = [r for r in predicted if r[:4] in gold_row_keys]
    hits_high = {r[:4] for r in hits if gold_row_keys[r[:4]]["conf"] == "high"}
    high = [k for k, p in gold_row_keys.items() if p["conf"] == "high"]

    # 3. same facts
    def identity(fact, side):
        return (fact["role"], fact["unit"], fact["measure"], tuple(fact["scope"]), fact["period"] or years[side])

    groups = {"old": defaultdict(list), "new": defaultdict(list)}
    for (side, ref_id, token, nth), fact in placed.items():
        if fact["measure"] and fact["role"] in ("count", "money", "share"):
            groups[side][identity(fact, side)].append(((ref_id, token, nth), fact))
    same_pred = set()
    for key, news in groups["new"].items():
        olds = groups["old"].get(key, [])
        if len(news) == 1 and len(olds) == 1 and news[0][1]["value"] == olds[0][1]["value"]:
            same_pred.add((olds[0][0], news[0][0]))
    same_gold = {((p["old"]["id"], p["old"]["number"], p["old"]["nth"]), (p["new"]["id"], p["new"]["number"],
                  p["new"]["nth"])) for p in gold_pairs if p["relation"] == "same"}  # fmt: skip
    same_hit = same_pred & same_gold

    def ratio(x, y):
        return x / y if y else 0.0

    print(
        f"facts: {read} of {len(gold_facts)} gold numbers read; role {ratio(role_ok, read):.3f}, "
        f"period {ratio(period_ok, period_n):.3f} ({period_n}), level/form scope {ratio(scope_ok, scope_n):.3f} ({scope_n})"
    )
    print(
        f"key figures: precision {ratio(len(hits), len(predicted)):.3f} ({len(hits)} of {len(predicted)} rows in the "
        f"annotated sections), recall {ratio(len(hits_high), len(high)):.3f} of high-confidence pairs "
        f"({len(hits_high)} of {len(high)}), {ratio(len(hits), len(gold_rows)):.3f} of all ({len(gold_rows)})"
    )
    print(
        f"same: precision {ratio(len(same_hit), len(same_pred)):.3f} ({len(same_hit)} of {len(same_pred)}), "
        f"recall {ratio(len(same_hit), len(same_gold)):.3f} (of {len(same_gold)})"
    )
    for r in predicted:
        if r[:4] not in gold_row_keys:
            print(f"  row not in the gold: {r[4]['label']} {r[4]['old']['text']} -> {r[4]['new']['text']} ({r[0]})")
    print(json.dumps({"fact_role": round(ratio(role_ok, read), 4), "fact_period": round(ratio(period_ok, period_n), 4),
                      "row_p": round(ratio(len(hits), len(predicted)), 4), "row_r": round(ratio(len(hits_high), len(high)), 4),
                      "same_p": round(ratio(len(same_hit), len(same_pred)), 4),
                      "same_r": round(ratio(len(same_hit), len(same_gold)), 4)}))  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
