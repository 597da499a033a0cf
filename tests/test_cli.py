"""The `tipdiff` command: output formats, files, and the one line users see when input is bad."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tipdiff
from tipdiff.cli import app, main
from tipdiff.model import Label
from tipdiff.profiles.tip import TIP


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `tipdiff ARGS`."""
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture(scope="module")
def pair(examples: Path) -> tuple[Path, Path]:
    return examples / "2022.txt", examples / "2023.txt"


def test_json_output_is_what_the_scorer_reads(capsys, pair: tuple[Path, Path]) -> None:
    code, out, err = run(capsys, "compare", *pair, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert isinstance(data["schema_version"], int)
    changes = [change for section in data["sections"] for change in section["changes"]]
    assert changes
    for change in changes:
        assert change["kind"] in {label.value for label in Label}
        assert all(isinstance(s["text"], str) and s["text"] for s in change["old"] + change["new"])
        assert all(set(f) >= {"old", "new"} for f in change["figures"])
        assert isinstance(change["moved"], bool)
        assert bool(change["figures"]) == (change["kind"] == "figures")


def test_json_holds_every_sentence_once(capsys, pair: tuple[Path, Path]) -> None:
    _, out, _ = run(capsys, "compare", *pair, "-f", "json")
    data = json.loads(out)
    changes = [change for section in data["sections"] for change in section["changes"]]
    old, new = (tipdiff.load_report(path) for path in pair)
    assert sorted(s["text"] for c in changes for s in c["old"]) == sorted(s.text for s in old.sentences)
    assert sorted(s["text"] for c in changes for s in c["new"]) == sorted(s.text for s in new.sentences)


def test_output_file_gets_everything(capsys, pair: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "changes.json"
    code, out, err = run(capsys, "compare", *pair, "-f", "json", "-o", target)
    assert (code, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["sections"]
    assert [p.name for p in tmp_path.iterdir()] == ["changes.json"]


@pytest.mark.parametrize("format", ["markdown", "changes"])
def test_markdown_has_a_heading_per_section(capsys, pair: tuple[Path, Path], format: str) -> None:
    code, out, _ = run(capsys, "compare", *pair, "--format", format)
    assert code == 0
    assert out.startswith("# ")
    comparison = tipdiff.compare(*(tipdiff.load_report(path) for path in pair))
    headings = [line for line in out.splitlines() if re.match(r"#{2,6} ", line)]
    position = 0
    for section in comparison.sections:  # each section's heading, in reading order
        title = TIP.title(section.key)
        found = [i for i, line in enumerate(headings) if i >= position and line.lstrip("#").strip().startswith(title)]
        assert found, f"no heading for {title} after {headings[position - 1] if position else 'the start'}"
        position = found[0] + 1


def test_text_output_off_a_terminal_is_markdown(capsys, pair: tuple[Path, Path]) -> None:
    _, text, _ = run(capsys, "compare", *pair)
    _, markdown, _ = run(capsys, "compare", *pair, "-f", "markdown")
    assert text == markdown


def test_identical_reports(capsys, examples: Path) -> None:
    report = examples / "2022.txt"
    code, _, err = run(capsys, "compare", report, report)
    assert code == 0
    assert "identical" in err
    assert len(err.splitlines()) == 1


def bad_inputs(folder: Path) -> dict[str, tuple[Path, str]]:
    """Name -> (a path that is no usable report, the error line the user must see)."""
    files = {
        "empty": (b"", "is empty"),
        "whitespace": (b"  \n\n", "is empty"),
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "is a binary file, not text"),
        "latin1": ("Se identificó a 440 víctimas.\n".encode("latin-1"), None),
        "utf16": (
            "Se identificó a 440 víctimas.\n".encode("utf-16"),
            "is UTF-16; save it as UTF-8 (e.g. iconv -f utf-16 -t utf-8)",
        ),
        "no-sentences": (b"....\n", "holds no sentences to compare"),
    }
    cases = {}
    for name, (data, message) in files.items():
        path = folder / f"{name}.txt"
        path.write_bytes(data)
        cases[name] = (path, message)
    cases["latin1"] = (
        cases["latin1"][0],
        "is not UTF-8 (byte 0xf3 at offset 12); convert it first, e.g. iconv -f windows-1252 -t utf-8",
    )
    cases["missing"] = (folder / "missing.txt", "no such file")
    cases["directory"] = (folder, "is a directory, not a file")
    return cases


BAD = ["empty", "whitespace", "binary", "latin1", "utf16", "no-sentences", "missing", "directory"]


@pytest.mark.parametrize("name", BAD)
@pytest.mark.parametrize("side", ["old", "new"])
def test_bad_input_is_one_error_line(capsys, examples: Path, tmp_path: Path, name: str, side: str) -> None:
    path, message = bad_inputs(tmp_path)[name]
    good = examples / "2022.txt"
    args = (path, good) if side == "old" else (good, path)
    code, out, err = run(capsys, "compare", *args)
    assert (code, out, err) == (2, "", f"Error: {path}: {message}\n")


@pytest.mark.parametrize("name", BAD)
def test_bad_input_through_the_runner(tmp_path: Path, examples: Path, name: str) -> None:
    path, message = bad_inputs(tmp_path)[name]
    result = CliRunner().invoke(app, ["compare", str(path), str(examples / "2022.txt")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: {path}: {message}\n"


def test_output_into_a_missing_folder(capsys, pair: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "changes.json"
    code, out, err = run(capsys, "compare", *pair, "-o", target)
    assert (code, out) == (2, "")
    assert err.startswith("Error: ") and len(err.splitlines()) == 1
    assert str(target) in err
    assert list(tmp_path.iterdir()) == []


def test_usage_error_through_the_runner(pair: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(app, ["compare", str(pair[0])])
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [["compare", "only-one.txt"], ["compare", "--format", "pdf", "a.txt", "b.txt"], ["no-such-command"]],
    ids=["missing-argument", "bad-format", "unknown-command"],
)
def test_usage_error_through_main(capsys, args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert "Error" in err
