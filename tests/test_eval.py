"""The hand-made fact gold (eval/gold/): no key-figure row contradicts it.

The gold was annotated blind to tipdiff. A row whose pair the annotator did not make
is a false statement to a reader, so precision must stay whole; recall is measured by
eval/score_facts.py and reported, not asserted."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval" / "refseg.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.exists(), reason="../shared/eval is not beside this checkout")
def test_no_key_figure_row_that_the_fact_gold_does_not_make(tmp_path):
    pred = tmp_path / "pred.json"
    with pred.open("w", encoding="utf-8") as out:
        subprocess.run(
            [sys.executable, "-m", "tipdiff", "compare", "examples/mexico/2022.txt", "examples/mexico/2023.txt",
             "--format", "json"], cwd=ROOT, stdout=out, check=True,
        )  # fmt: skip
    scorer = ROOT / "eval" / "score_facts.py"
    gold = ROOT / "eval" / "gold"
    result = subprocess.run(
        [sys.executable, str(scorer), str(SHARED), str(gold / "facts-2022-2023.jsonl"),
         str(gold / "fact-pairs-2022-2023.jsonl"), "--pred", str(pred), "--old", "2022", "--new", "2023"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    scores = json.loads(result.stdout.splitlines()[-1])
    assert scores["row_p"] == 1.0, result.stdout
    assert scores["same_p"] == 1.0, result.stdout
    assert scores["fact_role"] >= 0.95, result.stdout
