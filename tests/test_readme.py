"""The README stays honest: its transcript is what the command prints today."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    commands = re.findall(r"^    (python3 -m venv .*)$", README, re.MULTILINE)
    assert "tipdiff compare examples/mexico/2022.txt examples/mexico/2023.txt" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.slow
def test_transcript_lines_are_real_output():
    block = README.split("$ tipdiff compare examples/mexico/2022.txt examples/mexico/2023.txt --format markdown\n")[1]
    shown = []
    for line in block.splitlines():
        if line.strip() and not line.startswith("    "):
            break  # the transcript ends where the prose starts again
        if line.strip() and line.strip() != "...":
            shown.append(line[4:])
    output = subprocess.run(
        [sys.executable, "-m", "tipdiff", "compare", "examples/mexico/2022.txt", "examples/mexico/2023.txt",
         "--format", "markdown"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    missing = [line for line in shown if line not in output]
    assert len(shown) > 20 and not missing


@pytest.mark.slow
def test_the_python_examples_run(tmp_path: Path) -> None:
    """Each ```python block of the README, run as a reader would run it from the checkout
    (here from a scratch folder that sees the same examples)."""
    blocks = re.findall(r"^```python\n(.*?)^```$", README, re.MULTILINE | re.DOTALL)
    assert len(blocks) >= 2
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    outputs = [
        subprocess.run([sys.executable, "-c", block], cwd=tmp_path, capture_output=True, text=True, check=False)
        for block in blocks
    ]
    assert [done.returncode for done in outputs] == [0] * len(blocks), [done.stderr for done in outputs]
    assert "## Briefing" in outputs[0].stdout
    assert (tmp_path / "changes.html").read_text(encoding="utf-8").startswith("<!doctype html>")
