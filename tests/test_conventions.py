"""What a newcomer tries first: the conventions of command-line tools, and a library API that
forgives the obvious calls."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tipdiff
from tipdiff.cli import main

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "narrative"
"""A small hand-made pair (2031 -> 2032), quick to compare."""


@pytest.fixture(scope="module")
def pair() -> tuple[Path, Path]:
    return SMALL / "old.txt", SMALL / "new.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(capsys, flag: str) -> None:
    assert run(capsys, flag) == (0, f"tipdiff {tipdiff.__version__}\n", "")


def test_python_dash_m_is_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tipdiff", "--version"], check=False, capture_output=True, text=True, cwd=ROOT
    )
    assert (done.returncode, done.stdout) == (0, f"tipdiff {tipdiff.__version__}\n")


@pytest.mark.parametrize("command", [[], ["compare"], ["extract"], ["timeline"], ["check"]])
def test_dash_h_is_help_and_help_is_clean(capsys, command: list[str]) -> None:
    code, short, _ = run(capsys, *command, "-h")
    assert (code, short) == (0, run(capsys, *command, "--help")[1])
    assert short.startswith("Usage: tipdiff")
    for leak in ("<bool>", "<list[", "<str>", "{", "Value error"):
        assert leak not in short, leak


def test_usage_line_names_the_arguments(capsys) -> None:
    assert run(capsys, "compare", "-h")[1].startswith("Usage: tipdiff compare [OPTIONS] OLD NEW\n")
    assert run(capsys, "timeline", "-h")[1].startswith("Usage: tipdiff timeline [OPTIONS] REPORT...\n")


def test_shell_completion_completes_formats() -> None:
    environment = {**os.environ, "_TIPDIFF_COMPLETE": "complete_bash", "COMP_WORDS": "tipdiff compare a b -f h"}
    environment["COMP_CWORD"] = "5"
    done = subprocess.run(
        [sys.executable, "-m", "tipdiff"], check=False, capture_output=True, text=True, env=environment
    )
    assert set(done.stdout.split()) == {"html", "htm"}


@pytest.mark.parametrize(("alias", "form"), [("md", "markdown"), ("MD", "markdown"), ("htm", "html")])
def test_format_aliases(capsys, pair: tuple[Path, Path], alias: str, form: str) -> None:
    assert run(capsys, "compare", *pair, "-f", alias, "-o", "-") == run(capsys, "compare", *pair, "-f", form, "-o", "-")


def test_a_wrong_format_names_the_right_ones(capsys, pair: tuple[Path, Path]) -> None:
    code, out, err = run(capsys, "compare", *pair, "-f", "xml")
    assert (code, out) == (2, "")
    assert "'xml' is not one of text, markdown (md), changes, html (htm), json" in err
    assert "Value error" not in err


@pytest.mark.parametrize(
    ("name", "starts"), [("changes.html", "<!doctype html>"), ("changes.HTM", "<!doctype html>"), ("changes.md", "# ")]
)
def test_the_output_file_name_chooses_the_format(capsys, pair, tmp_path: Path, name: str, starts: str) -> None:
    assert run(capsys, "compare", *pair, "-o", tmp_path / name)[0] == 0
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts)


def test_json_file_name_gives_json_and_format_wins_over_the_name(capsys, pair, tmp_path: Path) -> None:
    assert run(capsys, "compare", *pair, "-o", tmp_path / "c.json")[0] == 0
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["schema"] == "tipdiff-comparison"
    assert run(capsys, "compare", *pair, "-f", "markdown", "-o", tmp_path / "c.html")[0] == 0
    assert (tmp_path / "c.html").read_text(encoding="utf-8").startswith("# ")


def test_a_file_name_of_a_format_the_command_does_not_write_is_refused(capsys, pair, tmp_path: Path) -> None:
    code, out, err = run(capsys, "compare", *pair, "-o", tmp_path / "c.csv")
    assert (code, out, len(err.splitlines())) == (2, "", 1)
    assert err.startswith("Error: ") and "--format" in err
    assert list(tmp_path.iterdir()) == []


def test_timeline_writes_csv_for_a_csv_file(capsys, pair, tmp_path: Path) -> None:
    assert run(capsys, "timeline", *pair, "-o", tmp_path / "t.csv")[0] == 0
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").startswith("measure,")


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
def test_output_that_names_an_input_is_refused(capsys, pair, tmp_path: Path, spelling: str) -> None:
    old = tmp_path / "old.txt"
    old.write_bytes(pair[0].read_bytes())
    target = {"same": old, "dotted": tmp_path / "." / "old.txt", "symlink": tmp_path / "link.txt"}[spelling]
    if spelling == "symlink":
        target.symlink_to(old)
    code, out, err = run(capsys, "compare", old, pair[1], "-o", target)
    assert (code, out, len(err.splitlines())) == (2, "", 1)
    assert "is one of the reports read" in err
    assert old.read_bytes() == pair[0].read_bytes()


def test_dash_is_standard_output(capsys, pair) -> None:
    code, out, _ = run(capsys, "compare", *pair, "-o", "-", "-f", "json")
    assert code == 0 and json.loads(out)["schema"] == "tipdiff-comparison"


def test_piped_output_has_no_colour_and_no_progress(capsys, pair) -> None:
    code, out, err = run(capsys, "compare", *pair)
    assert (code, err) == (0, "")
    assert "\x1b" not in out and out.startswith("# ")


# The library API


def test_compare_takes_paths_text_bytes_and_reports(pair: tuple[Path, Path]) -> None:
    old_text, new_text = (path.read_text(encoding="utf-8") for path in pair)
    given = [
        pair,
        tuple(str(path) for path in pair),
        (old_text, new_text),
        (old_text.encode(), new_text.encode()),
        tuple(tipdiff.load_report(path) for path in pair),
    ]
    counts = {str(tipdiff.compare(*editions).counts) for editions in given}
    assert len(counts) == 1


@pytest.mark.parametrize("wrong", [None, 3, ["a.txt"]])
def test_compare_refuses_what_is_no_report(wrong: object) -> None:
    with pytest.raises(TypeError, match="a report is a Report, a path or the report's text"):
        tipdiff.compare(wrong, "Mexico is on Tier 2.")  # type: ignore[arg-type]


def test_a_missing_file_name_says_so() -> None:
    with pytest.raises(tipdiff.TipdiffError, match=r"missing\.txt: no such file"):
        tipdiff.compare("missing.txt", "Mexico is on Tier 2.")


def test_renderers_are_exported(pair: tuple[Path, Path]) -> None:
    comparison = tipdiff.compare(*pair)
    assert "## Briefing" in tipdiff.to_markdown(comparison)
    assert tipdiff.to_html(comparison).startswith("<!doctype html>")
    assert (
        json.loads(tipdiff.to_json(comparison))["counts"]
        == json.loads("".join(tipdiff.render(comparison, "json")))["counts"]
    )
    with pytest.raises(tipdiff.TipdiffError, match="'pdf' is not an output form"):
        tipdiff.render(comparison, "pdf")


def test_the_generic_profile_is_exported() -> None:
    comparison = tipdiff.compare("A memo. It has 3 points.", "A memo. It has 4 points.", tipdiff.GENERIC)
    assert "3" in tipdiff.to_markdown(comparison, tipdiff.GENERIC)


@pytest.mark.slow
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_completion_scripts_the_readme_names(shell: str) -> None:
    assert f"source_{shell}" in (ROOT / "README.md").read_text(encoding="utf-8")
    environment = {**os.environ, "_TIPDIFF_COMPLETE": f"source_{shell}"}
    done = subprocess.run(
        [sys.executable, "-m", "tipdiff"], check=False, capture_output=True, text=True, env=environment
    )
    assert done.returncode == 0 and "tipdiff" in done.stdout and "not supported" not in done.stdout


def test_help_examples_run(capsys) -> None:
    """Every example line of every command's help is a command that works from the checkout."""
    os.chdir(ROOT)
    for command in ("compare", "timeline"):
        for line in run(capsys, command, "-h")[1].splitlines():
            words = line.split()
            if words[:2] == ["tipdiff", command] and "examples/" in line and "|" not in line and "-o" not in words:
                assert run(capsys, *words[1:])[0] == 0, line


def test_two_memos_are_one_section(capsys, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The memo has 3 points. It was written in May.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The memo has 4 points. It was written in May.\n", encoding="utf-8")
    code, out, _ = run(capsys, "compare", tmp_path / "a.txt", tmp_path / "b.txt", "-f", "json", "--profile", "generic")
    sections = json.loads(out)["sections"]
    assert code == 0 and len(sections) == 1
    assert [change["kind"] for change in sections[0]["changes"]] == ["figures", "unchanged"]


def test_a_name_without_a_suffix_is_a_path_too() -> None:
    with pytest.raises(tipdiff.TipdiffError, match="no such file"):
        tipdiff.compare("reports/mexico-2022", "The government acted.")
    with pytest.raises(tipdiff.TipdiffError, match="is a directory"):
        tipdiff.compare(str(ROOT), "The government acted.")


def test_profiles_by_name_and_a_short_repr() -> None:
    comparison = tipdiff.compare("The memo has 3 points.", "The memo has 4 points.", "generic")
    assert tipdiff.to_markdown(comparison, "generic") == tipdiff.to_markdown(comparison, tipdiff.GENERIC)
    assert repr(tipdiff.GENERIC) == "Profile('generic')"
    with pytest.raises(TypeError, match="a profile is"):
        tipdiff.compare("a b", "c d", "nope")


def test_extract_ends_its_last_line(capsys, tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("MEXICO: Tier 2\n\nThe government acted.", encoding="utf-8")
    assert run(capsys, "extract", tmp_path / "r.txt")[1].endswith("acted.\n")


def test_output_that_is_a_folder(capsys, pair) -> None:
    code, out, err = run(capsys, "compare", *pair, "-o", "")
    assert (code, out) == (2, "") and "is a folder" in err
