"""How fast tipdiff is on the bundled 2022 -> 2023 pair: per stage, end to end, and as a CLI call.

    python benchmarks/bench.py [--repeat N]

Prints the median of N runs (after one warm-up) for each stage, the whole in-process
comparison, and the `tipdiff compare` command as a fresh process (import time included).
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tipdiff.align import align_sentences
from tipdiff.arrange import arrange
from tipdiff.classify import classify
from tipdiff.layout import split_blocks
from tipdiff.match import match_sections
from tipdiff.narrate import narrate
from tipdiff.pipeline import compare, load_report
from tipdiff.profiles.tip import TIP
from tipdiff.read import detect_format, read_text
from tipdiff.render import render_changes, render_json, render_narrative
from tipdiff.sections import split_sections
from tipdiff.similarity import Wording

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "mexico"
OLD, NEW = EXAMPLES / "2022.txt", EXAMPLES / "2023.txt"


def median_seconds(run, repeat: int) -> float:
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat

    texts = [read_text(p) for p in (OLD, NEW)]
    blocks = [split_blocks(t, detect_format(t, str(p))) for t, p in zip(texts, (OLD, NEW), strict=True)]
    old, new = (load_report(p) for p in (OLD, NEW))
    wording = Wording.of(old, new)
    pairs = match_sections(old, new, wording)
    links = align_sentences(old, new, pairs, wording)
    changes = [classify(link, old.sentences, new.sentences) for link in links]
    comparison = compare(old, new)
    narrative = narrate(comparison, TIP)

    stages = {
        "read (2 files)": lambda: [read_text(p) for p in (OLD, NEW)],
        "layout": lambda: [split_blocks(t, "plain") for t in texts],
        "sections + sentences": lambda: [split_sections(b, TIP) for b in blocks],
        "wording + match": lambda: match_sections(old, new, Wording.of(old, new)),
        "alignment": lambda: align_sentences(old, new, pairs, wording),
        "classification": lambda: [classify(link, old.sentences, new.sentences) for link in links],
        "arrangement": lambda: arrange(old, new, pairs, links, changes),
        "narrative": lambda: narrate(comparison, TIP),
        "render narrative (Markdown)": lambda: render_narrative(narrative, TIP),
        "render changes (Markdown)": lambda: render_changes(comparison, TIP),
        "render json (with narrative)": lambda: render_json(comparison, narrative),
        "end to end (load both + compare)": lambda: compare(load_report(OLD), load_report(NEW)),
    }
    print(f"tipdiff on {OLD.name} -> {NEW.name}, median of {repeat} runs")
    for name, run in stages.items():
        print(f"  {name:<36} {median_seconds(run, repeat) * 1000:8.1f} ms")

    command = [sys.executable, "-m", "tipdiff.cli", "compare", str(OLD), str(NEW), "--format", "json"]
    cli = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), max(3, repeat // 4))
    print(f"  {'CLI call (fresh process, json)':<36} {cli * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
