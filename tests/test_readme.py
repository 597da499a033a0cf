"""The README stays honest: its transcript is what the command prints today."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    commands = re.findall(r"^    (python3 -m venv .*)$", README, re.MULTILINE)
    assert "tipdiff compare examples/mexico/2022.txt examples/mexico/2023.txt" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_transcript_lines_are_real_output():
    block = README.split("$ tipdiff compare examples/mexico/2022.txt examples/mexico/2023.txt --format markdown\n")[1]
    shown = []
    for line in block.splitlines():
        if line.strip() and not line.startswith("    "):
            break  # the transcript ends where the prose starts again
        if line.strip() and line.strip() != "...":
            shown.append(line[4:])
    output = subprocess.run(
        [sys.executable, "-m", "tipdiff.cli", "compare", "examples/mexico/2022.txt", "examples/mexico/2023.txt",
         "--format", "markdown"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    missing = [line for line in shown if line not in output]
    assert len(shown) > 20 and not missing
