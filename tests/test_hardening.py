"""Hardening: each defect a red team found, as a small hand-made reproducer that fails if it
comes back. Hangs first (an input of a few KB that a quadratic or cubic pattern would take
minutes over), then floods, then what `-o` and `check` may touch, then injection."""

import json
import os
import re
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import tipdiff
from tipdiff import layout, normalize
from tipdiff.cli import main
from tipdiff.markdown import markdown_blocks
from tipdiff.narrative import keyfigures, summary
from tipdiff.numbers import _CURRENCY_AFTER
from tipdiff.pipeline import MAX_TEXT
from tipdiff.profiles.tip import _COUNTRY_TIER
from tipdiff.readers.text import detect_format

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "narrative"
QUICK = 2.0
"""Seconds a linear pass over these inputs stays far below; a quadratic one takes minutes."""


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


# Each input takes minutes (or never ends) where the pattern is quadratic or cubic.
SHAPES = {
    "wiki heading of spaces": lambda: layout._wiki_line("=" + " " * 100_000 + "x"),
    "wiki templates never closed": lambda: layout._wiki_line("[tpl]" * 40_000 + "{{" * 40_000),
    "wiki links never closed": lambda: layout._wiki_line("[[" * 80_000 + "[http://x " * 20_000),
    "wiki references never closed": lambda: layout._wiki_line("<ref>" * 40_000),
    "format detection on signs": lambda: detect_format("==a" + "=" * 200_000 + "b\n", "x.txt"),
    "country line of spaces": lambda: [p.match("MEXICO" + " " * 100_000 + ")") for p in _COUNTRY_TIER],
    "summary items over spaces": lambda: (summary._ITEMS.split(" \n" * 100_000), summary._CLAUSES.split("\n" * 10**5)),
    "summary detail over newlines": lambda: summary._DETAIL.sub("", "\n" * 100_000 + "x"),
    "dashes over spaces": lambda: normalize.comparison_key(" " * 100_000 + "x" + " \t" * 50_000),
    "'of' over spaces": lambda: list(keyfigures._OF.finditer(" " * 100_000 + "x")),
    "currency over newlines": lambda: list(_CURRENCY_AFTER.finditer("\n" * 100_000 + "a")),
    "markdown paragraph of lines": lambda: markdown_blocks("Some words here\n" * 40_000),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_no_pattern_hangs_on_a_small_hostile_input(shape: str) -> None:
    assert timed(SHAPES[shape]) < QUICK


def test_wiki_headings_read_as_before() -> None:
    """The counted wiki heading gives what `^(={1,6})\\s*(.*?)\\s*\\1\\s*$` gave, without its cubic time."""
    old = re.compile(r"^(={1,6})\s*(.*?)\s*\1\s*$")
    lines = ["== Title ==", "=== Sub ===  ", "=== a ==", "== a ===", "==", "=", "= x =", "======= 7 =======", " == x"]
    for line in lines:
        found = old.match(line)
        assert layout._wiki_heading(line) == (found.group(2) if found else None), line


@pytest.mark.slow
def test_no_module_pattern_grows_faster_than_its_input() -> None:
    """Every pattern tipdiff compiles, on runs of characters it may meet: 8 times the input may
    take no more than about 8 times as long (a quadratic pattern takes 64 times)."""
    import importlib
    import pkgutil

    patterns = {}
    for module in pkgutil.walk_packages(tipdiff.__path__, "tipdiff."):
        if not module.name.endswith("__main__"):
            for value in vars(importlib.import_module(module.name)).values():
                for pattern in value if isinstance(value, tuple) else (value,):
                    if isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str):
                        patterns[pattern.pattern, pattern.flags] = pattern
    atoms = [" ", " \n", "\n", "=", "[", "[tpl]", "a", "1", "1 ", "a.", "-", "(", "<", "'", "|", "A ", ", ", "`"]
    slow = []
    for pattern in patterns.values():
        for atom in atoms:
            for before, after in (("", ""), ("a", "!"), ("==a", "b"), ("MEXICO ", ")")):
                small = before + atom * (2000 // len(atom)) + after
                if (short := timed(lambda s=small, p=pattern: list(p.finditer(s)))) < 0.002:
                    continue
                large = before + atom * (16000 // len(atom)) + after
                long = min(timed(lambda s=large, p=pattern: list(p.finditer(s))) for _ in range(3))  # noise
                if long > 30 * short and long > 0.1:
                    slow.append((pattern.pattern[:60], atom, before))
    assert not slow


# Floods: many copies of one sentence must not make N x N candidate pairs.


@pytest.mark.slow
def test_thousands_of_copies_of_a_sentence_compare_in_seconds() -> None:
    sentence = "The government identified 744 victims of trafficking in 2021, compared with 673 in 2020. "
    old, new = tipdiff.parse_report(sentence * 2500), tipdiff.parse_report(sentence * 2501)
    took = timed(lambda: tipdiff.compare(old, new))
    comparison = tipdiff.compare(old, new)
    assert took < 20
    assert comparison.counts["unchanged"] == 2500 and comparison.counts["added"] == 1


@pytest.mark.slow
def test_two_thousand_unshared_headings_match_in_seconds() -> None:
    old = "".join(f"## Heading a {i}\n\nText {i} here.\n\n" for i in range(2000))
    new = "".join(f"## Heading b {i}\n\nText {i + 1} here.\n\n" for i in range(2000))
    old_report, new_report = tipdiff.parse_report(old, "old.md"), tipdiff.parse_report(new, "new.md")
    assert timed(lambda: tipdiff.compare(old_report, new_report)) < 15


# -o writes only a regular file, and keeps what it replaces as it was.


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([os.fsdecode(arg) if isinstance(arg, bytes) else str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


PAIR = (SMALL / "old.txt", SMALL / "new.txt")


def refused(capsys, target: Path, why: str) -> None:
    code, out, err = run(capsys, "compare", *PAIR, "-o", target)
    assert (code, out, len(err.splitlines())) == (2, "", 1)
    assert why in err


def test_a_fifo_is_not_replaced(capsys, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    refused(capsys, tmp_path / "fifo", "is not a regular file")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "fifo").st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_not_replaced(capsys, tmp_path: Path) -> None:
    device = tmp_path / "null"  # a copy of /dev/null: the real one must never be at stake in a test
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("this container may not make device nodes")
    refused(capsys, device, "is not a regular file")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_symlink_and_a_hard_link_are_not_broken(capsys, tmp_path: Path) -> None:
    (tmp_path / "target.md").write_text("kept", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(tmp_path / "target.md")
    refused(capsys, tmp_path / "link.md", "is a symbolic link")
    os.link(tmp_path / "target.md", tmp_path / "hard.md")
    refused(capsys, tmp_path / "hard.md", "other hard link")
    assert (tmp_path / "target.md").read_text(encoding="utf-8") == "kept"


def test_an_existing_file_keeps_its_mode(capsys, tmp_path: Path) -> None:
    private = tmp_path / "private.md"
    private.write_text("old", encoding="utf-8")
    private.chmod(0o600)
    assert run(capsys, "compare", *PAIR, "-o", private)[0] == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and private.read_text(encoding="utf-8").startswith("# ")


def test_any_name_the_system_allows(capsys, tmp_path: Path) -> None:
    long = tmp_path / ("x" * 250 + ".md")
    assert run(capsys, "compare", *PAIR, "-o", long)[0] == 0 and long.is_file()
    odd = os.path.join(os.fsencode(tmp_path), b"bad\xff.md")
    assert run(capsys, "compare", *PAIR, "-o", odd)[0] == 0 and os.path.isfile(odd)
    assert sorted(os.listdir(tmp_path)) == sorted([long.name, os.fsdecode(b"bad\xff.md")]), "no .tmp left"


def test_a_report_name_that_is_not_utf8_prints(capsys, tmp_path: Path) -> None:
    name = os.path.join(os.fsencode(tmp_path), b"in\xff.txt")
    with open(name, "wb") as file:
        file.write(PAIR[0].read_bytes())
    code, out, _ = run(capsys, "compare", name, PAIR[1], "-f", "md")
    assert code == 0 and "in\ufffd.txt" in out
    code, _, err = run(capsys, "compare", os.path.join(os.fsencode(tmp_path), b"no\xff\nsuch.txt"), PAIR[1])
    assert code == 2 and len(err.splitlines()) == 1 and "no\ufffd such.txt: no such file" in err


# check: nothing read from outside the repository, nothing injected into what CI reads.


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    root = tmp_path / "repo"
    (root / "reports" / "mexico").mkdir(parents=True)
    subprocess.run(["git", "-C", str(root), "init", "-q"], check=True)
    monkeypatch.chdir(root)
    return root


def test_check_reads_nothing_outside_the_repository(repo: Path, capsys, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("MEXICO: Tier 2\n\nThe password is hunter2 and it was set in 2023.\n", encoding="utf-8")
    (repo / "reports" / "mexico" / "2023.txt").symlink_to(secret)
    summary_file = repo / "summary.md"
    code, out, _ = run(capsys, "check", "reports/mexico/2023.txt", "--summary", summary_file)
    assert code == 1 and "TD002" in out
    assert "hunter2" not in out + summary_file.read_text(encoding="utf-8")


def test_a_linked_report_is_checked_under_its_own_name(repo: Path, capsys) -> None:
    (repo / "reports" / "mexico" / "2022.txt").write_bytes((ROOT / "examples" / "mexico" / "2022.txt").read_bytes())
    (repo / "reports" / "mexico" / "2023.txt").symlink_to(repo / "reports" / "mexico" / "2022.txt")
    out = run(capsys, "check", "reports/mexico/2023.txt", "-f", "json")[1]
    assert json.loads(out)["reports"][0]["path"] == "reports/mexico/2023.txt"


def test_a_fifo_summary_is_refused(repo: Path, capsys) -> None:
    (repo / "reports" / "mexico" / "2022.txt").write_bytes((ROOT / "examples" / "mexico" / "2022.txt").read_bytes())
    os.mkfifo(repo / "summary")
    code, _, err = run(capsys, "check", "reports/mexico/2022.txt", "--summary", repo / "summary")
    assert code == 2 and "is not a regular file" in err


def test_a_file_name_cannot_write_a_workflow_command(repo: Path, capsys, monkeypatch) -> None:
    name = "2023.txt\n::error file=x::pwned"
    (repo / "reports" / "mexico" / name).write_text("MEXICO: Tier 2\n\nNo full stop", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = run(capsys, "check", f"reports/mexico/{name}")[1]
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert commands and all(re.match(r"::(error|warning) file=reports/mexico/2023\.txt ", line) for line in commands)


def test_a_backtick_in_a_path_stays_in_its_code_span(repo: Path, capsys) -> None:
    name = "2023`<img src=x onerror=alert(1)>.txt"
    (repo / "reports" / "mexico" / name).write_text("MEXICO: Tier 2\n\nThe government acted.", encoding="utf-8")
    run(capsys, "check", f"reports/mexico/{name}", "--summary", repo / "summary.md")
    html = MarkdownIt("commonmark").render((repo / "summary.md").read_text(encoding="utf-8"))
    assert "<img" not in html


def test_junit_is_well_formed_whatever_a_message_holds(repo: Path, capsys) -> None:
    text = "MEXICO: Tier 2\n\nThe government acted.\x0c Twice \ufffe\uffff.\n"
    (repo / "reports" / "mexico" / "2023\x0c\uffff.txt").write_text(text, encoding="utf-8")
    out = run(capsys, "check", "reports/mexico/2023\x0c\uffff.txt", "-f", "junit")[1]
    ET.fromstring(out.encode("utf-8"))


@pytest.mark.parametrize(
    "settings",
    [
        "pattern = 3",
        'profile = ["tip"]',
        'severity = "off"',
        "severity = { TD106 = 3 }",
        '[severity]\nTD999 = "off"',
        'pattern = "reports/{country}.txt"',
    ],
)
def test_a_broken_setting_is_one_line_and_exit_two(repo: Path, capsys, settings: str) -> None:
    (repo / "tipdiff.toml").write_text(settings + "\n", encoding="utf-8")
    (repo / "reports" / "mexico" / "2022.txt").write_bytes((ROOT / "examples" / "mexico" / "2022.txt").read_bytes())
    code, out, err = run(capsys, "check", "reports/mexico/2022.txt")
    assert (code, out, len(err.splitlines())) == (2, "", 1) and err.startswith("Error: ")


def test_tipdiff_settings_that_are_no_table(repo: Path, capsys) -> None:
    (repo / "pyproject.toml").write_text("[tool]\ntipdiff = 3\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "anything.txt")
    assert code == 2 and "must be a table" in err


# Injection into the narrative and the page.


def test_a_report_name_makes_no_link_in_the_page(capsys, tmp_path: Path) -> None:
    hostile = tmp_path / "x`y<https:\\\\evil.example>.txt"
    hostile.write_text("MEXICO (TIER 2 <HTTPS:EVIL.EXAMPLE>)\n\nThe government has 3 points.\n", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text("MEXICO: Tier 2\n\nThe government has 4 points.\n", encoding="utf-8")
    assert run(capsys, "compare", hostile, new, "-o", tmp_path / "page.html")[0] == 0
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert not re.findall(r'href="(?!#)', page)


def test_section_ids_are_unique(tmp_path: Path) -> None:
    old = "# Report\n\nIt began.\n\n## ANNEX 2\n\nOne.\n\n## ANNEX\n\nTwo.\n\n## ANNEX\n\nThree.\n"
    new = old.replace("One.", "One more.")
    comparison = tipdiff.compare(tipdiff.parse_report(old, "a.md"), tipdiff.parse_report(new, "b.md"))
    ids = re.findall(r'<section[^>]* id="([^"]+)"', tipdiff.to_html(comparison, "generic"))
    assert len(ids) == len(set(ids)) >= 4


# Labels and library arguments.


def test_invisible_characters_change_nothing() -> None:
    old = "MEXICO: Tier 2\n\nThe government identified 744 victims. Officials acted.\n"
    new = old.replace("government", "govern\u2060ment").replace("Officials", "Officials\u180e")
    new = new.replace("744", "7\u034f4\ufe0f4").replace("victims", "vic\u3164tims\u200b")
    assert tipdiff.compare(old, new).identical


def test_a_lone_surrogate_cannot_break_every_output() -> None:
    comparison = tipdiff.compare("The government acted \ud800 twice.", "The government acted twice.")
    assert tipdiff.to_markdown(comparison).encode("utf-8") and tipdiff.to_json(comparison).encode("utf-8")


def test_parse_report_refuses_what_is_no_text() -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        tipdiff.parse_report(None)  # type: ignore[arg-type]


def test_a_report_beyond_the_size_limit_says_so() -> None:
    with pytest.raises(tipdiff.TipdiffError, match="MB of text is more than the 5 MB"):
        tipdiff.parse_report("It was. " * (MAX_TEXT // 8 + 1))


@pytest.mark.slow
def test_the_size_limit_through_the_command_line(capsys, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("It was. " * (MAX_TEXT // 8 + 1), encoding="utf-8")
    code, out, err = run(capsys, "compare", big, PAIR[1])
    assert (code, out, len(err.splitlines())) == (2, "", 1) and "5 MB" in err


@pytest.mark.slow
def test_benchmark_shapes_run(tmp_path: Path) -> None:
    """The blow-up benchmark's smallest size runs (its table is in the README)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "blowup.py"), "--sizes", "1", "--only", "wiki heading"],
        check=False, capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0 and "| wiki heading of spaces |" in done.stdout


# Nothing dropped without a word.


def test_a_list_nested_deeper_than_the_parser_goes_loses_nothing() -> None:
    text = "".join("  " * depth + f"- Item {depth} is here.\n" for depth in range(14))
    report = tipdiff.parse_report(text + "\n## Later\n\nA later sentence stays.\n", "deep.md")
    said = [s.text for s in report.sentences]
    assert [f"Item {depth} is here." for depth in range(14)] == said[:14]
    assert said[-1] == "A later sentence stays." and "later" in {s.key for s in report.sections}


def test_a_report_typed_in_capitals_and_wrapped_is_read_as_prose() -> None:
    import textwrap

    upper = (ROOT / "examples" / "mexico" / "2022.txt").read_text(encoding="utf-8").upper()
    wrapped = "\n".join(textwrap.fill(paragraph, 72) for paragraph in upper.split("\n"))
    report = tipdiff.parse_report(wrapped, "caps.txt")
    compared = sum(len(s.text.split()) for s in report.sentences)
    assert compared >= 0.9 * len(wrapped.split()) and len(report.headings) < 40


# Labels that hold under moves.

A = "The ministry opened four new shelters for adult victims in the capital."
B = "The ministry opened two new shelters for child victims in the north."
C = "Police arrested nine suspects in a raid on a bar in the port city."
D = "Courts convicted three traffickers and sentenced them to prison terms."


@pytest.mark.parametrize(
    ("old", "new"),
    [([A, B], [B, A]), ([A, C, D, B], [B, C, D, A]), ([A, B, C, D], [D, C, B, A])],
    ids=["swap", "far-swap", "reversed"],
)
def test_sentences_that_change_places_are_moves_not_revisions(old: list[str], new: list[str]) -> None:
    comparison = tipdiff.compare("\n\n".join(old), "\n\n".join(new), "generic")
    assert {change.label for change in comparison.changes} == {tipdiff.Label.UNCHANGED}
    assert any(change.moved for change in comparison.changes)


@pytest.mark.slow
def test_mirror_and_twins_over_fuzzed_pairs() -> None:
    """Mutations of a real report (paragraphs dropped, repeated, swapped, a number or a word
    changed, a sentence split), compared both ways: the counts mirror, the links mirror where no
    sentence is said twice, and a sentence said once in each report, word for word, is unchanged."""
    import random

    paragraphs = (ROOT / "examples" / "mexico" / "2022.txt").read_text(encoding="utf-8").split("\n\n")

    def mutated(rng: random.Random) -> str:
        out = list(paragraphs)
        for _ in range(rng.randint(1, 6)):
            k, op = rng.randrange(len(out)), rng.choice(["drop", "repeat", "swap", "number", "word", "split"])
            if op == "drop" and len(out) > 3:
                out.pop(k)
            elif op == "repeat":
                out.insert(rng.randrange(len(out)), out[k])
            elif op == "swap":
                m = rng.randrange(len(out))
                out[k], out[m] = out[m], out[k]
            elif op == "number":
                out[k] = re.sub(r"\d+", lambda found: str(int(found.group()) + rng.randint(1, 9)), out[k], count=1)
            elif op == "word":
                words = out[k].split(" ")
                words[rng.randrange(len(words))] = rng.choice(["not", "significantly", "the", "new"])
                out[k] = " ".join(words)
            else:
                out[k] = out[k].replace(", and ", ". And ", 1)
        return "\n\n".join(out)

    def links(comparison: tipdiff.Comparison, flip: bool) -> set:
        pairs = {(tuple(s.index for s in c.old), tuple(s.index for s in c.new)) for c in comparison.changes}
        return {(new, old) for old, new in pairs} if flip else pairs

    for seed in range(60):
        rng = random.Random(seed)
        old, new = tipdiff.parse_report(mutated(rng), "a.txt"), tipdiff.parse_report(mutated(rng), "b.txt")
        forth, back = tipdiff.compare(old, new), tipdiff.compare(new, old)
        counts = dict(back.counts)
        counts[tipdiff.Label.ADDED], counts[tipdiff.Label.REMOVED] = (
            counts[tipdiff.Label.REMOVED],
            counts[tipdiff.Label.ADDED],
        )
        assert dict(forth.counts) == counts, seed
        old_keys, new_keys = [s.key for s in old.sentences], [s.key for s in new.sentences]
        if len(set(old_keys)) == len(old_keys) and len(set(new_keys)) == len(new_keys):
            assert links(forth, False) == links(back, True), seed
        once = {key for key in old_keys if old_keys.count(key) == 1 and new_keys.count(key) == 1}
        for comparison in (forth, back):
            for change in comparison.changes:
                if any(s.key in once for s in (*change.old, *change.new)):
                    assert change.label is tipdiff.Label.UNCHANGED, (seed, change)


def test_bad_library_arguments_are_tipdiff_errors_and_type_errors() -> None:
    for call in (
        lambda: tipdiff.parse_report(None),
        lambda: tipdiff.compare(3, "x y"),
        lambda: tipdiff.compare("a b", "c d", 7),
    ):  # type: ignore[arg-type]
        with pytest.raises(tipdiff.TipdiffError) as raised:
            call()
        assert isinstance(raised.value, TypeError) and "\n" not in str(raised.value)


def test_renamed_headings_or_moved_sentences_are_not_identical() -> None:
    old = "# Report\n\n## Shelters\n\nThe ministry opened shelters.\n\n## Courts\n\nCourts convicted traffickers.\n"
    renamed = old.replace("## Courts", "## Justice")
    moved = "# Report\n\n## Shelters\n\nCourts convicted traffickers.\n\n## Courts\n\nThe ministry opened shelters.\n"
    assert tipdiff.compare(tipdiff.parse_report(old, "a.md"), tipdiff.parse_report(old, "b.md")).identical
    for other in (renamed, moved):
        assert not tipdiff.compare(tipdiff.parse_report(old, "a.md"), tipdiff.parse_report(other, "b.md")).identical


def test_the_previous_report_is_read_only_inside_the_repository(repo: Path, capsys, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text((ROOT / "examples" / "mexico" / "2022.txt").read_text(encoding="utf-8") + "\nSECRETTOKEN here.\n")
    (repo / "reports" / "mexico" / "2022.txt").symlink_to(secret)
    (repo / "reports" / "mexico" / "2023.txt").write_bytes((ROOT / "examples" / "mexico" / "2023.txt").read_bytes())
    out = run(capsys, "check", "reports/mexico/2023.txt", "--summary", repo / "summary.md")[1]
    assert "SECRETTOKEN" not in out + (repo / "summary.md").read_text(encoding="utf-8")
    assert "compared with" not in out


def test_the_previous_reports_name_is_printed_safely(repo: Path, capsys, monkeypatch) -> None:
    reports = repo / "reports" / "mexico\n::error::pwned <b>"
    reports.mkdir()
    (reports / "2022.txt").write_bytes((ROOT / "examples" / "mexico" / "2022.txt").read_bytes())
    (reports / "2023.txt").write_bytes((ROOT / "examples" / "mexico" / "2023.txt").read_bytes())
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = run(capsys, "check", str(reports / "2023.txt"), "--summary", repo / "summary.md")[1]
    summary_text = (repo / "summary.md").read_text(encoding="utf-8")
    assert "compared with reports/mexico ::error::pwned <b>/2022.txt" in out
    assert not [line for line in (out + summary_text).splitlines() if line.startswith("::error::")]
    assert "<b>" not in MarkdownIt("commonmark").render(summary_text)  # shown as text, never as HTML


def test_thousands_of_headings_on_one_side(tmp_path: Path) -> None:
    headings = "".join(f"# Heading {i}\n\nSome text {i}.\n\n" for i in range(5000))
    old = tipdiff.load_report(ROOT / "examples" / "mexico" / "2022.txt")
    new = tipdiff.parse_report(headings, "h.md")
    assert timed(lambda: tipdiff.compare(old, new)) < 10
