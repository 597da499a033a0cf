"""The view at a terminal, run on a real pseudo-terminal: the briefing on the first screen, in
colour, through the pager; plain text for a terminal without colour; progress only where a
person is watching."""

import fcntl
import io
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from rich.console import Console

from tipdiff.cli import terminal

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "mexico"
SMALL = (str(ROOT / "tests" / "narrative" / "old.txt"), str(ROOT / "tests" / "narrative" / "new.txt"))
"""A small hand-made pair, quick to compare."""
ROWS, COLUMNS = 30, 100
COLOUR = re.compile(r"\x1b\[[0-9;]*3[1-7](;[0-9]+)*m|\x1b\[[0-9;]*m")
"""An SGR sequence: colour, bold, strike."""


def on_a_terminal(*args: str, rows: int = ROWS, **environment: str) -> str:
    """What `tipdiff ARGS` writes to a terminal of `rows` x 100, escape sequences included."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, COLUMNS, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PAGER", "LESS", "CI")}
    env |= {"TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(rows), **environment}
    process = subprocess.Popen(
        [sys.executable, "-m", "tipdiff", *args], stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT
    )
    os.close(slave)
    drawn = b""
    while select.select([master], [], [], 60)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not chunk:
            break
        drawn += chunk
    process.wait(timeout=60)
    os.close(master)
    return drawn.decode("utf-8", errors="replace").replace("\r\n", "\n")


def plain(drawn: str) -> str:
    """The text a terminal shows for `drawn`, scrolled-off lines included: a line the cursor
    went back up to and erased (a progress bar, wiped when done) is gone."""
    lines, row, column = [""], 0, 0
    for piece in re.split(r"(\x1b\[[0-9;?]*[A-Za-z]|\n|\r)", drawn):
        if piece == "\n":
            row, column = row + 1, 0
            lines += [""] * (row + 1 - len(lines))
        elif piece == "\r":
            column = 0
        elif re.fullmatch(r"\x1b\[\d*A", piece):
            row = max(0, row - int(piece[2:-1] or 1))
        elif piece == "\x1b[2K":
            lines[row] = ""
        elif piece and not piece.startswith("\x1b"):
            line = lines[row].ljust(column)
            lines[row] = line[:column] + piece + line[column + len(piece) :]
            column += len(piece)
    return "\n".join(line.rstrip() for line in lines)


@pytest.fixture(scope="module")
def paged() -> str:
    """The Mexico pair as a person sees it, through a pager that shows one screen."""
    return on_a_terminal(
        "compare", str(EXAMPLES / "2022.txt"), str(EXAMPLES / "2023.txt"), TIPDIFF_PAGER=f"head -n {ROWS}"
    )


def test_the_first_screen_is_the_briefing_in_colour(paged: str) -> None:
    screen = plain(paged).strip("\n").splitlines()
    assert len(screen) <= ROWS, "the pager shows one screen"
    assert screen[0].startswith("Mexico: what changed from the 2022 report to the 2023 report")
    text = "\n".join(screen)
    assert "Briefing" in text and "Tier: Mexico remained on Tier 2." in text
    assert "Protection: maintained → decreased" in text
    assert COLOUR.search(paged)


@pytest.mark.slow
@pytest.mark.parametrize("flag", ["--no-pager", None])
def test_without_a_pager_everything_is_written(flag: str | None) -> None:
    pager = {"TIPDIFF_PAGER": "head -n 5"} if flag else {"TIPDIFF_PAGER": "", "PAGER": "head -n 5"}
    everything = plain(on_a_terminal("compare", *SMALL, *([flag] if flag else []), rows=10, **pager))
    assert len(everything.splitlines()) > 20
    assert "Section by section" in everything


@pytest.mark.slow
def test_word_diffs_are_coloured_and_apart() -> None:
    drawn = on_a_terminal("compare", *SMALL, "--detail", "full", TIPDIFF_PAGER="")
    assert "\x1b[9;31m" in drawn and "\x1b[1;32m" in drawn, "deletions red and struck, insertions green and bold"
    assert re.search(r"\x1b\[9;31m[^\x1b]*\x1b\[0m \x1b\[1;32m", drawn), "a space between old and new words"


@pytest.mark.slow
def test_no_color_marks_diffs_as_git_does() -> None:
    drawn = on_a_terminal("compare", *SMALL, "--detail", "full", NO_COLOR="1", PAGER="")
    assert not re.search(r"\x1b\[[0-9;]*3[0-7]m", drawn), "no colour"
    assert re.search(r"\[-[^\]]+-\] \{\+", plain(drawn)), "[-old-] {+new+}"


@pytest.mark.slow
def test_an_html_page_is_not_written_to_a_terminal() -> None:
    drawn = plain(on_a_terminal("compare", *SMALL, "-f", "html"))
    assert drawn.startswith("Error: an HTML page is not for a terminal") and len(drawn.splitlines()) == 1


def test_what_a_report_holds_cannot_drive_the_terminal() -> None:
    drawn = terminal.draw("# Title\n\nA \x1b]0;owned\x07 title and a \x9b31m CSI.\n", Console(force_terminal=True))
    assert "\x07" not in drawn and "\x9b" not in drawn and "]0;owned" in drawn
    assert terminal.without_controls("tab\tand\nnewline\x1b[2J") == "tab\tand\nnewline[2J"


def test_progress_is_drawn_on_a_terminal_once_work_takes_long() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=COLUMNS)
    with terminal.progress(2, console=console, after=0) as step:
        step("Reading 2022.txt")
        time.sleep(0.3)
        step("Aligning sentences")
    assert "Reading 2022.txt" in screen.getvalue(), "drawn while the work went on"
    assert plain(screen.getvalue()).strip() == "", "and wiped when it was done"


def test_no_progress_off_a_terminal_or_for_quick_work() -> None:
    for console, after in ((Console(file=io.StringIO(), force_terminal=False), 0.0), (None, 60.0)):
        screen = console.file if console else io.StringIO()
        with terminal.progress(1, console=console or Console(file=screen, force_terminal=True), after=after) as step:
            step("Reading")
        assert screen.getvalue() == ""  # type: ignore[union-attr]


def test_no_progress_over_output_piped_to_another_program() -> None:
    console = Console(file=io.StringIO(), force_terminal=True)
    with terminal.progress(1, shown=False, console=console, after=0) as step:
        step("Reading")
        time.sleep(0.2)
    assert console.file.getvalue() == ""  # type: ignore[attr-defined]


def test_long_lines_count_as_the_rows_they_wrap_to() -> None:
    assert terminal._rows("x" * 250 + "\n" + "y", 100) == 4
