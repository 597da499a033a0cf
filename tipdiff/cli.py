"""The `tipdiff` command: parse, call the library, render, write."""

import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from tipdiff.errors import TipdiffError
from tipdiff.pipeline import compare as compare_reports
from tipdiff.pipeline import load_report
from tipdiff.profiles import GENERIC
from tipdiff.profiles.tip import TIP

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="What changed between two editions of a long yearly report.",
)

PROFILES = {"tip": TIP, "generic": GENERIC}


class OutputFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    changes = "changes"
    html = "html"
    json = "json"


class Detail(StrEnum):
    brief = "brief"
    full = "full"


class InputFormat(StrEnum):
    auto = "auto"
    plain = "plain"
    markdown = "markdown"
    wiki = "wiki"


class ProfileName(StrEnum):
    tip = "tip"
    generic = "generic"


@app.callback()
def main_callback() -> None:
    """What changed between two editions of a long yearly report."""


@app.command()
def compare(
    old: Annotated[Path, typer.Argument(help="The older report.", metavar="OLD", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The newer report.", metavar="NEW", show_default=False)],
    format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: the narrative, drawn for a terminal; markdown: the narrative as Markdown;"
            " changes: every change with its word diff; html: the narrative and the two reports side by side,"
            " one self-contained page; json: all of it as data.",
        ),
    ] = OutputFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead.")] = None,  # noqa: UP045
    detail: Annotated[
        Detail,
        typer.Option(
            help="brief: the briefing, key figures, recommendations and each section's few most important"
            " findings; full: every finding of every section."
        ),
    ] = Detail.brief,
    country: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Compare this country's narrative, cut out of reports that hold many (the year's PDF)."),
    ] = None,
    input_format: Annotated[
        InputFormat, typer.Option(help="Markup of text reports (PDF and web pages are recognised by their content).")
    ] = InputFormat.auto,
    profile: Annotated[ProfileName, typer.Option(help="The report family.")] = ProfileName.tip,
) -> None:
    """Align two editions sentence by sentence and tell what changed this year.

    Reports may be text, Markdown or wiki files, PDFs or saved web pages; line numbers in
    the output are lines of the text `tipdiff extract` shows for each.

    Examples:

        tipdiff compare reports/mexico/2022.txt reports/mexico/2023.txt --format html -o changes.html

        tipdiff compare 2022-TIP-Report.pdf 2023-TIP-Report.pdf --country Mexico
    """
    from tipdiff.jsonform import comparison_json
    from tipdiff.narrative import narrate
    from tipdiff.render import render_changes, render_html, render_narrative

    chosen = PROFILES[profile.value]
    markup = None if input_format is InputFormat.auto else input_format.value
    with one_line_errors():
        comparison = compare_reports(
            load_report(old, markup, chosen, country), load_report(new, markup, chosen, country)
        )
        rendered: Iterable[str]
        if format is OutputFormat.changes:
            rendered = [render_changes(comparison, chosen)]
        elif format is OutputFormat.json:
            rendered = comparison_json(comparison, narrate(comparison, chosen))
        elif format is OutputFormat.html:
            rendered = [render_html(comparison, narrate(comparison, chosen), chosen, full=detail is Detail.full)]
        else:
            rendered = [render_narrative(narrate(comparison, chosen), chosen, full=detail is Detail.full)]
        if comparison.identical:
            typer.echo(f"The reports are identical: {len(comparison.changes)} sentences, none changed.", err=True)
        emit(rendered, output, drawn=format is OutputFormat.text)


@app.command()
def extract(
    report: Annotated[Path, typer.Argument(help="A report: text, PDF or a saved web page.", show_default=False)],
    country: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Cut out this country's narrative (needed when the report holds many)."),
    ] = None,
    list_countries: Annotated[bool, typer.Option("--list", help="List the countries the report holds.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead.")] = None,  # noqa: UP045
    profile: Annotated[ProfileName, typer.Option(help="The report family.")] = ProfileName.tip,
) -> None:
    """Write the text tipdiff reads from a report: exactly what a comparison uses, so that the
    line numbers it cites can be looked up.

    Examples:

        tipdiff extract 2023-TIP-Report.pdf --list

        tipdiff extract 2023-TIP-Report.pdf --country Mexico -o mexico-2023.md
    """
    from tipdiff.readers import extract as extract_text
    from tipdiff.readers import list_parts

    chosen = PROFILES[profile.value]
    with one_line_errors():
        if list_countries:
            rendered = [
                f"{part.heading}" + (f"  (p. {page})" if page else f"  (line {part.line + 1})") + "\n"
                for part, page in list_parts(report, chosen)
            ]
            if not rendered:
                raise TipdiffError(f"{report}: holds no country headings such as 'MEXICO: Tier 2'")
        else:
            rendered = [extract_text(report, chosen, country).text]
        emit(rendered, output)


class TimelineFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    html = "html"


@app.command()
def timeline(
    reports: Annotated[list[Path], typer.Argument(help="Two or more editions of one country's report, in any order.")],
    format: Annotated[
        TimelineFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: tables drawn for a terminal; markdown: the same as Markdown; csv and json: every"
            " figure as tidy data, one row per measure, period and edition; html: one self-contained page"
            " with a chart per measure.",
        ),
    ] = TimelineFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead.")] = None,  # noqa: UP045
    country: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="This country's narrative, cut out of reports that hold many (the year's PDF)."),
    ] = None,
    profile: Annotated[ProfileName, typer.Option(help="The report family.")] = ProfileName.tip,
) -> None:
    """A country's figures, verdicts and recommendations across many editions.

    Example:

        tipdiff timeline reports/mexico/*.txt --format html -o mexico.html
    """
    from tipdiff.render import render_timeline
    from tipdiff.timeline import build_timeline
    from tipdiff.timeline.tidy import timeline_csv, timeline_json

    chosen = PROFILES[profile.value]
    with one_line_errors():
        built = build_timeline([load_report(path, None, chosen, country) for path in reports], chosen)
        if format is TimelineFormat.csv:
            rendered = timeline_csv(built)
        elif format is TimelineFormat.json:
            rendered = timeline_json(built)
        else:
            rendered = render_timeline(built, chosen, "html" if format is TimelineFormat.html else "markdown")
        emit([rendered], output, drawn=format is TimelineFormat.text)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"


@app.command()
def check(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Reports to check.", show_default=False)] = None,  # noqa: UP045
    base: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Check every report added or changed since this git ref (e.g. origin/main)."),
    ] = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="What to print.")] = CheckFormat.text,
    summary: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            help="Append the results and what changed, as Markdown, to this file (default: $GITHUB_STEP_SUMMARY)."
        ),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Fail on warnings too.")] = False,
) -> None:
    """Check new or changed reports in a repository of reports and say what changed.

    Exit codes: 0 all good (warnings allowed unless --strict), 1 a rule failed, 2 bad usage or input.
    Under GitHub Actions each problem is also printed as a workflow annotation.

    Example:

        tipdiff check --base origin/main
    """
    from tipdiff.check import run_check
    from tipdiff.jsonform import check_data
    from tipdiff.render import render_check

    try:
        run = run_check([str(p) for p in paths or []], base, Path.cwd(), strict)
        if format is CheckFormat.json:
            sys.stdout.write(json.dumps(check_data(run), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render_check(run, "junit" if format is CheckFormat.junit else "text"))
        if os.environ.get("GITHUB_ACTIONS") == "true":
            sys.stdout.write(render_check(run, "annotations"))
        if target := summary or (
            Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None
        ):
            with target.open("a", encoding="utf-8") as file:
                file.write(render_check(run, "summary"))
    except (TipdiffError, OSError) as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(run.exit_code)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Input tipdiff cannot use ends the command with one `Error:` line and exit code 2."""
    try:
        yield
    except TipdiffError as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None


def emit(rendered: Iterable[str], output: Path | None, drawn: bool = False) -> None:
    """The output to `output` (all or nothing) or to standard output; `drawn`: Markdown
    drawn with colour when standard output is a terminal."""
    if output is not None:
        write_atomically(output, rendered)
    elif drawn and sys.stdout.isatty():
        show_in_terminal("".join(rendered))
    else:
        sys.stdout.writelines(rendered)


def show_in_terminal(markdown: str) -> None:
    """Markdown drawn with colour and emphasis, for a person at a terminal."""
    from rich.console import Console
    from rich.markdown import Markdown

    Console().print(Markdown(markdown))


def write_atomically(path: Path, text: Iterable[str]) -> None:
    """Write all of `text` (its pieces in order) or nothing: a half-written report is worse than none."""
    folder = path.parent
    if not folder.is_dir():
        raise TipdiffError(
            f"{path}: {folder} is not a folder" if folder.exists() else f"{path}: folder {folder} does not exist"
        )
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.writelines(text)
        umask = os.umask(0)  # mkstemp makes the file private; give it the usual permissions
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise TipdiffError(f"{path}: cannot write ({error.strerror})") from None


def main(args: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting (for tests and scripts)."""
    try:
        app(args)  # standalone: usage errors print their usage and exit 2, as click does
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
