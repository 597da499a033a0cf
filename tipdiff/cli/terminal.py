"""What a person at a terminal sees: the narrative drawn in colour, a pager for long output,
progress on long work. Used only when standard output (for progress, standard error) is a
terminal; pipes, files and CI get the plain text."""

import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markdown import Heading, Markdown
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.theme import Theme

THEME = Theme(
    {"markdown.s": "red strike", "markdown.ins": "bold green", "markdown.code": "cyan"}
    | {"markdown.h1": "bold", "markdown.h2": "bold"}
)
"""Deletions red and struck, insertions green and bold, so that a diff reads without strikethrough."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 controls but tab and newline: from a report they could move the cursor or retitle the window."""

_PADDING = re.compile(r"(?<! ) ++(?=(?:\x1b\[[0-9;]*+m)*+$)", re.MULTILINE)
"""Spaces at the end of a drawn line, before its closing colour codes."""

PROGRESS_AFTER = 1.0
"""Seconds of work before progress is drawn: quicker runs show none."""


def without_controls(text: str) -> str:
    """Text safe to write to a terminal."""
    return _CONTROLS.sub("", text)


def stdout_console() -> Console:
    """Standard output as rich sees it: colour unless NO_COLOR is set or TERM is dumb."""
    return Console(theme=THEME, highlight=False, soft_wrap=False)


class _LeftHeading(Heading):
    LEVEL_ALIGN = {}  # noqa: RUF012 (rich's own): every heading on the left, as the text reads


class _DiffMarkdown(Markdown):
    """rich's Markdown, where `<ins>…</ins>` is an insertion (rich draws `~~…~~` as struck)."""

    inlines = Markdown.inlines | {"ins"}
    elements = {**Markdown.elements, "heading_open": _LeftHeading}  # noqa: RUF012

    def __init__(self, markup: str) -> None:
        super().__init__(markup, hyperlinks=False)
        for token in self.parsed:
            for child in token.children or ():
                if child.type == "html_inline" and child.content in ("<ins>", "</ins>"):
                    closing = child.content == "</ins>"
                    child.type, child.tag = ("ins_close" if closing else "ins_open"), "ins"
                    child.nesting = -1 if closing else 1


def draw(markdown: str, console: Console) -> str:
    """The narrative's Markdown drawn for `console`'s terminal, as text with its colour codes."""
    with console.capture() as captured:
        console.print(_DiffMarkdown(without_controls(markdown)))
    return _PADDING.sub("", captured.get())  # rich pads each line to the width: copied text would keep it


def show(text: str, console: Console, pager: bool = True, drawn: bool = False) -> None:
    """Write `text` to the terminal, through the pager when it is longer than the screen, as git
    does: $TIPDIFF_PAGER, else $PAGER, else `less` (with LESS=FRX unless LESS is set); an empty
    pager or `cat` means none. Text not `drawn` by `draw` loses its control characters."""
    text = text if drawn else without_controls(text)
    command = _pager_command() if pager and _rows(text, console.width) >= console.height else None
    if command is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    environment = {**os.environ, "LESS": os.environ.get("LESS", "FRX"), "LV": os.environ.get("LV", "-c")}
    process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environment, encoding="utf-8")
    try:
        process.stdin.write(text)  # type: ignore[union-attr]
        process.stdin.close()  # type: ignore[union-attr]
    except BrokenPipeError:
        pass  # the reader quit the pager before the end
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:
            continue  # Ctrl-C is the pager's to handle, as in git


def _rows(text: str, width: int) -> int:
    """Screen rows `text` takes, long lines wrapped (colour codes counted as text: at worst it pages)."""
    return sum(1 + len(line) // max(width, 1) for line in text.split("\n"))


def _pager_command() -> str | None:
    """The pager to run, or None when there is none to be had."""
    command = os.environ.get("TIPDIFF_PAGER", os.environ.get("PAGER", "less")).strip()
    try:
        program = shlex.split(command)[0] if command else None
    except ValueError:
        return None
    if program is None or program == "cat" or shutil.which(program) is None:
        return None
    return command


@contextmanager
def progress(
    total: int | None = None, shown: bool = True, console: Console | None = None, after: float = PROGRESS_AFTER
) -> Iterator[Callable[..., None]]:
    """Yields `step(description, total=None)`, called as each step of work begins (`total`: how
    many steps there are, if not known at the start). A bar is drawn on standard error once the
    work has taken `after` seconds, if `shown` and standard error is a terminal, and wiped when done."""
    console = console or Console(stderr=True)
    if not shown or not console.is_terminal or console.is_dumb_terminal:
        yield lambda description, total=None: None
        return
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = bar.add_task("Working", total=total)
    begun = 0

    def step(description: str, total: int | None = None) -> None:
        nonlocal begun
        bar.update(task, description=description, completed=begun, **({"total": total} if total else {}))
        begun += 1

    timer = threading.Timer(after, bar.start)
    timer.daemon = True
    timer.start()
    try:
        yield step
    finally:
        timer.cancel()
        timer.join()
        bar.stop()
