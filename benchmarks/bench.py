"""How fast tipdiff is: per stage on 2022 -> 2023, as a CLI call, at growing sizes, and beside peers.

    python benchmarks/bench.py [--repeat N] [--sizes 1,4,16,64]

1. The median of N runs (after one warm-up) of each stage on the bundled 2022 -> 2023 pair,
   the whole in-process comparison, and `tipdiff compare` as a fresh process.
2. Scaling: pairs built by repeating the two reports 1, 4, 16, 64 times, each compared in a
   fresh process: time, peak memory, and the growth exponent fitted over the sizes.
3. Peers on the same inputs, as ratios: Python's difflib over the sentences, and
   `git diff --no-index --word-diff`.
4. A timeline of 20 editions (the two reports, alternately, under titles of 20 years).
5. Reports as published: one country out of a year's PDF of about 600 pages (written here
   with reportlab, from the test extras), the list of its countries, a comparison of two
   such PDFs, and a saved web page of more than 5 MB.
6. `tipdiff check --base` on pull requests adding 1, 10 and 40 reports to a repository.
7. Quality, not speed: link precision/recall/F1 on heading-less prose revisions, tipdiff beside a
   difflib baseline (headingless.py, pairs in headingless/).
"""

import argparse
import difflib
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium
from headingless import report as headingless_report

from tipdiff.align import align_sentences
from tipdiff.arrange import arrange
from tipdiff.classify import classify
from tipdiff.facts import read_facts
from tipdiff.facts.pairing import Known
from tipdiff.layout import split_blocks
from tipdiff.match import match_sections
from tipdiff.model import Report
from tipdiff.narrative import narrate
from tipdiff.pipeline import compare, load_report
from tipdiff.profiles.tip import TIP
from tipdiff.readers.text import detect_format, read_text
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


def scaled_pair(folder: Path, times: int) -> tuple[Path, Path]:
    """The two reports, each repeated `times` times: the size of a whole year at 64."""
    paths = []
    for source in (OLD, NEW):
        path = folder / f"{source.stem}x{times}.txt"
        path.write_text("\n\n".join([source.read_text(encoding="utf-8")] * times), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def timed_process(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one fresh process."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def difflib_over_sentences(old: Path, new: Path) -> None:
    """The peer a Python user reaches for: difflib on the two reports' sentence lists."""
    olds, news = (load_report(p).sentences for p in (old, new))
    difflib.SequenceMatcher(None, [s.key for s in olds], [s.key for s in news], autojunk=False).get_opcodes()


def scaling(sizes: list[int]) -> None:
    print("\nscaling: both reports repeated N times, each comparison a fresh `tipdiff compare --format json`")
    print(f"  {'N':>3} {'input':>9} {'time':>8} {'peak memory':>12} {'memory/input':>13}"
          f" {'difflib':>9} {'git diff':>9}")  # fmt: skip
    points = []
    with tempfile.TemporaryDirectory() as folder:
        for times in sizes:
            old, new = scaled_pair(Path(folder), times)
            size = (old.stat().st_size + new.stat().st_size) / 2**20
            command = [sys.executable, "-m", "tipdiff", "compare", str(old), str(new), "--format", "json"]
            seconds, _ = timed_process(command)
            # ru_maxrss of children is the largest child so far: measure memory in its own child.
            memory = _peak_memory(command)
            peer = median_seconds(lambda old=old, new=new: difflib_over_sentences(old, new), 1)
            git = median_seconds(
                lambda old=old, new=new: subprocess.run(
                    ["git", "diff", "--no-index", "--word-diff", str(old), str(new)], capture_output=True, check=False
                ),
                1,
            )
            points.append((size, seconds))
            print(f"  {times:>3} {size:>7.2f}MB {seconds:>7.2f}s {memory:>10.0f}MB {memory / size:>12.0f}x"
                  f" {seconds / peer:>8.1f}x {seconds / git:>8.1f}x")  # fmt: skip
    if len(points) > 1:
        xs, ys = [math.log(x) for x, _ in points], [math.log(y) for _, y in points]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
        print(f"  time grows as size^{slope:.2f} from {sizes[0]}x to {sizes[-1]}x"
              "  (difflib and git diff columns: how many times slower tipdiff is)")  # fmt: skip


def _peak_memory(command: list[str]) -> float:
    """Peak resident memory (MB) of `command`, measured by /usr/bin/time when it is there."""
    timer = Path("/usr/bin/time")
    if not timer.exists():
        return float("nan")
    result = subprocess.run([str(timer), "-f", "%M", *command], capture_output=True, text=True, check=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def published(repeat: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from published import web_page, write_pdf

    print("\nreports as published: fresh `tipdiff` processes, median of", repeat)
    with tempfile.TemporaryDirectory() as folder:
        years = {}
        for source in (OLD, NEW):
            text = source.read_text(encoding="utf-8")
            others = [text.replace("MEXICO (Tier 2)", f"COUNTRY {n:02d} (Tier 2)") for n in range(88)]
            pdf = write_pdf(Path(folder) / f"{source.stem}.pdf", [*others[:80], text, *others[80:]])
            years[source.stem] = pdf
        pages = len(pdfium.PdfDocument(str(pdf)))
        page = Path(folder) / "mexico.html"
        padding = "<div class='related'>" + "<p>Another story of the day.</p>" * 160_000 + "</div>"
        page.write_text(web_page(NEW.read_text(encoding="utf-8"), "Mexico").replace("<footer", padding + "<footer"))
        cli = [sys.executable, "-m", "tipdiff"]
        runs = {
            f"extract one country ({pages} pages)": [*cli, "extract", str(pdf), "--country", "Mexico"],
            f"extract --list ({pages} pages)": [*cli, "extract", str(pdf), "--list"],
            "compare two such PDFs --country": [*cli, "compare", *map(str, years.values()), "--country", "Mexico"],
            f"web page of {page.stat().st_size / 1e6:.1f} MB": [*cli, "extract", str(page)],
        }
        for name, command in runs.items():
            seconds = median_seconds(
                lambda command=command: subprocess.run(command, check=True, capture_output=True), repeat
            )
            print(f"  {name:<36} {seconds:8.2f} s")


def timeline_series(repeat: int) -> None:
    texts = [source.read_text(encoding="utf-8") for source in (OLD, NEW)]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(20):
            year = 2004 + number
            text = texts[number % 2]
            title = f"{year} Trafficking in Persons Report: Mexico"
            text = text if text.startswith("2022 Trafficking") else f"{title}\n{text}"
            path = Path(folder) / f"{year}.txt"
            path.write_text(
                text.replace("2022 Trafficking in Persons Report", f"{year} Trafficking in Persons Report", 1)
            )
            paths.append(str(path))
        command = [sys.executable, "-m", "tipdiff", "timeline", *paths, "--format", "json"]
        seconds = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeat)
        print(f"\ntimeline of 20 editions, fresh process, median of {repeat}: {seconds:.2f} s")


def check_pull_requests(repeat: int, countries: tuple[int, ...] = (1, 10, 40)) -> None:
    """`tipdiff check --base` on a pull request that adds the 2023 report of N countries (each
    read against its 2022) and edits the 2022 report of one more (read at the base too, and its
    2023 read again): what a CI job waits for."""
    texts = {year: (EXAMPLES / f"{year}.txt").read_text(encoding="utf-8") for year in (2022, 2023)}
    print(f"\ntipdiff check --base on a pull request, fresh process, median of {repeat}")
    for count in countries:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)

            def git(*args: str, root: Path = root) -> None:
                subprocess.run(["git", "-C", str(root), "-c", "user.name=b", "-c", "user.email=b@b", *args],
                               check=True, capture_output=True)  # fmt: skip

            for number in range(count + 1):
                (root / "reports" / f"country{number}").mkdir(parents=True)
                (root / "reports" / f"country{number}" / "2022.txt").write_text(texts[2022], encoding="utf-8")
            (root / "reports" / f"country{count}" / "2023.txt").write_text(texts[2023], encoding="utf-8")
            git("init", "-q")
            git("add", "-A")
            git("commit", "-qm", "base")
            for number in range(count):
                (root / "reports" / f"country{number}" / "2023.txt").write_text(texts[2023], encoding="utf-8")
            edited = root / "reports" / f"country{count}" / "2022.txt"
            edited.write_text(texts[2022].replace("621 state", "650 state"), encoding="utf-8")
            git("add", "-A")
            git("commit", "-qm", "pull request")
            command = [sys.executable, "-m", "tipdiff", "check", "--base", "HEAD~1", "-f", "json"]
            seconds = median_seconds(
                partial(subprocess.run, command, cwd=root, check=False, capture_output=True), repeat
            )
            print(f"  {count:>3} new reports + 1 edited year {seconds:8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sizes", default="1,4,16,64", help="repeat counts for the scaling table")
    parser.add_argument("--only-published", action="store_true", help="only the PDF, web page and timeline timings")
    parser.add_argument("--only-check", action="store_true", help="only the `tipdiff check` timings")
    parser.add_argument("--only-headingless", action="store_true", help="only the heading-less link scores")
    arguments = parser.parse_args()
    repeat = arguments.repeat
    if arguments.only_headingless:
        headingless_report()
        return
    if arguments.only_check:
        check_pull_requests(3)
        return
    if arguments.only_published:
        published(max(3, repeat // 4))
        timeline_series(3)
        return

    texts = [read_text(p) for p in (OLD, NEW)]
    blocks = [split_blocks(t, detect_format(t, str(p))) for t, p in zip(texts, (OLD, NEW), strict=True)]
    old, new = (load_report(p) for p in (OLD, NEW))
    sectioned = [Report(str(p), "plain", split_sections(b, TIP)) for p, b in zip((OLD, NEW), blocks, strict=True)]
    wording = Wording.of(old, new)
    pairs = match_sections(old, new, wording)
    links = align_sentences(old, new, pairs, wording)
    known = Known.of(old, new)
    changes = tuple(classify(link, old.sentences, new.sentences, known) for link in links)
    comparison = compare(old, new)
    narrative = narrate(comparison, TIP)

    stages = {
        "read (2 files)": lambda: [read_text(p) for p in (OLD, NEW)],
        "layout": lambda: [split_blocks(t, "plain") for t in texts],
        "sections + sentences": lambda: [split_sections(b, TIP) for b in blocks],
        "facts": lambda: [read_facts(r, TIP) for r in sectioned],
        "wording + match": lambda: match_sections(old, new, Wording.of(old, new)),
        "alignment": lambda: align_sentences(old, new, pairs, wording),
        "classification": lambda: [classify(link, old.sentences, new.sentences, known) for link in links],
        "arrangement": lambda: arrange(old, new, pairs, links, changes),
        "narrative": lambda: narrate(comparison, TIP),
        "render narrative (Markdown)": lambda: render_narrative(narrative, TIP),
        "render changes (Markdown)": lambda: render_changes(comparison, TIP),
        "render json (with narrative)": lambda: render_json(comparison, narrative),
        "end to end (load both + compare)": lambda: compare(load_report(OLD), load_report(NEW)),
        "end to end with the narrative": lambda: narrate(compare(load_report(OLD), load_report(NEW)), TIP),
    }
    print(f"tipdiff on {OLD.name} -> {NEW.name}, median of {repeat} runs")
    for name, run in stages.items():
        print(f"  {name:<36} {median_seconds(run, repeat) * 1000:8.1f} ms")

    command = [sys.executable, "-m", "tipdiff", "compare", str(OLD), str(NEW), "--format", "json"]
    cli = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), max(3, repeat // 4))
    print(f"  {'CLI call (fresh process, json)':<36} {cli * 1000:8.1f} ms")
    scaling([int(n) for n in arguments.sizes.split(",")])
    timeline_series(3)
    published(max(3, repeat // 4))
    check_pull_requests(3)
    headingless_report()


if __name__ == "__main__":
    main()
