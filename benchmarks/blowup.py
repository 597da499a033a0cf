"""Pathological inputs at growing sizes: each must grow linearly in time and memory.

    python benchmarks/blowup.py [--sizes 1,2,4,8,16] [--limit 120] [--only NAME]

Each shape is a small hostile report (a line of spaces in a wiki heading, 40,000 lines of one
Markdown paragraph, thousands of copies of one sentence, ...) compared by `tipdiff compare
-f json` in a fresh process with the bundled 2022 report, or with another such report. For each size: seconds, peak
memory (MB), and the growth exponent fitted from the first size to the last (1 is linear).
"""

import argparse
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "mexico" / "2022.txt"
SENTENCE = "The government identified 744 victims of trafficking in 2021, compared with 673 in 2020."

SHAPES: dict[str, tuple[str, Callable[[int, int], str], bool]] = {
    # name: (suffix, make(size, side) -> text, whether both reports are hostile; else the old is 2022)
    "wiki heading of spaces": (".txt", lambda n, _: "[tpl]x[/tpl]\n=" + " " * (400 * n) + "x\nSome text.\n", False),
    "format detection on signs": (".txt", lambda n, _: "==a" + "=" * (8000 * n) + "b\nSome text.\n", False),
    "markdown heading of spaces": (".md", lambda n, _: "# a" + " " * (4000 * n) + "b\n\nSome text.\n", False),
    "markdown paragraph of lines": (".md", lambda n, _: "Some words here\n" * (5000 * n), False),
    "line of templates": (".txt", lambda n, _: "[tpl]" * (2000 * n) + "\nSome text.\n", False),
    "runs of spaces in sentences": (".txt", lambda n, _: ("The government" + " " * (2000 * n) + "acted. ") * 4, False),
    "unshared headings": (
        ".md",
        lambda n, side: "".join(f"## Heading {side} {i}\n\nText {i * 7 + side} here.\n\n" for i in range(250 * n)),
        True,
    ),
    "numbers in the narrative": (".txt", lambda n, _: " ".join(f"It had {i} cases." for i in range(3000 * n)), False),
    "one sentence repeated": (".txt", lambda n, side: (SENTENCE + " ") * (1250 * n + side), True),
    "sentences differing in numbers": (
        ".txt",
        lambda n, side: " ".join(
            f"The government identified {i + side} victims in {2000 + i % 20}." for i in range(1250 * n)
        ),
        True,
    ),
}


def run(shape: str, size: int, limit: float) -> tuple[float, float, int]:
    """Seconds, peak MB and exit code of one comparison, in a fresh process."""
    suffix, make, both = SHAPES[shape]
    with tempfile.TemporaryDirectory() as folder:
        hostile = Path(folder) / f"hostile{suffix}"
        hostile.write_text(make(size, 1), encoding="utf-8")
        old = Path(folder) / f"old{suffix}" if both else EXAMPLE
        if both:
            old.write_text(make(size, 0), encoding="utf-8")
        code = (
            "import resource, sys\n"
            "from tipdiff.cli import main\n"
            "code = main(sys.argv[1:])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(code)\n"
        )
        began = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, "-c", code, "compare", str(old), str(hostile), "-f", "json"],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                timeout=limit,
            )
        except subprocess.TimeoutExpired:
            return limit, math.nan, -1
        seconds = time.perf_counter() - began
        peak = int(done.stderr.strip().splitlines()[-1]) / 1024 if done.stderr.strip() else math.nan
        return seconds, peak, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,2,4,8,16")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before a run counts as a hang")
    parser.add_argument("--only", default=None, help="run the shapes whose name holds this")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"| shape | {' | '.join(f'{s}x' for s in sizes)} | growth |")
    print(f"| --- | {' | '.join('---:' for _ in sizes)} | ---: |")
    for shape in SHAPES:
        if args.only and args.only not in shape:
            continue
        cells, times = [], []
        for size in sizes:
            seconds, peak, code = run(shape, size, args.limit)
            times.append(seconds)
            cells.append(f"{seconds:.1f} s, {peak:.0f} MB" + ("" if code in (0, 2) else f" (exit {code})"))
            if code == -1:
                break
        cells += ["—"] * (len(sizes) - len(cells))
        fitted = len(times) > 1 and times[0] > 0
        growth = math.log(times[-1] / times[0]) / math.log(sizes[len(times) - 1] / sizes[0]) if fitted else math.nan
        print(f"| {shape} | {' | '.join(cells)} | {growth:.2f} |", flush=True)


if __name__ == "__main__":
    main()
