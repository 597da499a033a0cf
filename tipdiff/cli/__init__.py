"""The `tipdiff` command: parse, call the library, render, write; `terminal` draws for a person
at a terminal, `writing` writes the output file."""

import json
import os
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from tipdiff import __version__
from tipdiff.cli import terminal
from tipdiff.cli.writing import append, write_atomically
from tipdiff.errors import ProfileMisfit, TipdiffError
from tipdiff.pipeline import AUTO, PROFILES, load_reports, reading_profile
from tipdiff.pipeline import compare as compare_reports
from tipdiff.readers.text import shown


class Command(TyperCommand):
    """typer's command with click's plain help: `Usage: … OLD NEW`, not `{OLD} {NEW}`, and
    arguments by name, not `REPORT <list[Path]>`."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        return [piece.replace("{", "").replace("}", "") for piece in super().collect_usage_pieces(ctx)]

    def format_options(self, ctx: typer.Context, formatter) -> None:
        records = {kind: [] for kind in ("argument", "option")}
        for param in self.get_params(ctx):
            if (record := param.get_help_record(ctx)) is not None:
                name, help = record
                records[param.param_type_name].append(
                    (name.split(" <")[0], help) if param.param_type_name == "argument" else record
                )
        for title, kind in (("Arguments", "argument"), ("Options", "option")):
            if records[kind]:
                with formatter.section(title):
                    formatter.write_dl(records[kind])


app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
command = app.command  # every command takes `cls=Command`

COMPARE_FORMS = ("text", "markdown", "changes", "html", "json")
TIMELINE_FORMS = ("text", "markdown", "csv", "json", "html")
ALIASES = {"md": "markdown", "htm": "html"}
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json"}
SUFFIXES |= {".csv": "csv", ".txt": "text", ".text": "text"}
"""The output format a file name asks for when --format is not given."""


def choice(names: Sequence[str], aliases: dict[str, str] | None = None) -> dict:
    """typer.Option's arguments for one of `names` (or an alias of one): the names shown in the
    help, completed by the shell, a wrong value refused with the right ones named."""
    aliases = aliases or {}
    shown = ", ".join(f"{name} ({alias})" if (alias := _alias(name, aliases)) else name for name in names)

    def chosen(value: str | None) -> str | None:
        if value is None:
            return None
        name = aliases.get(value.lower(), value.lower())
        if name not in names:
            raise typer.BadParameter(f"{value!r} is not one of {shown}")
        return name

    return {
        "metavar": f"[{'|'.join(names)}]",
        "callback": chosen,
        "autocompletion": lambda incomplete: [n for n in (*names, *aliases) if n.startswith(incomplete)],
    }


def _alias(name: str, aliases: dict[str, str]) -> str | None:
    return next((alias for alias, named in aliases.items() if named == name), None)


def format_option(forms: Sequence[str], help: str):
    """--format/-f: one of `forms` or its alias; None when not given (the -o extension decides)."""
    return typer.Option(
        "--format",
        "-f",
        help=f"{help} Default: the format the -o file's extension names, else text.",
        show_default=False,
        **choice(forms, ALIASES),
    )


Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (all or nothing) instead of standard output; '-' is standard output.",
        show_default=False,
    ),
]
NoPager = Annotated[
    bool, typer.Option("--no-pager", help="Write long output straight to the terminal (as git's --no-pager).")
]
PROFILE_NAMES = (AUTO, *PROFILES)


def _profile(value: str) -> str:
    """A profile's name, or where a profile of one's own is (package.module:NAME)."""
    if ":" in value:
        return value
    return choice(PROFILE_NAMES)["callback"](value)


ProfileOption = Annotated[
    str,
    typer.Option(
        help="The report family: auto chooses it by the text; package.module:NAME is a profile of one's own.",
        metavar=f"[{'|'.join(PROFILE_NAMES)}|MODULE:NAME]",
        callback=_profile,
        autocompletion=lambda incomplete: [n for n in PROFILE_NAMES if n.startswith(incomplete)],
    ),
]
Country = Annotated[
    str | None,
    typer.Option(metavar="NAME", help="This country's narrative, cut out of reports that hold many (the year's PDF)."),
]


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"tipdiff {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """What changed between two editions of a long yearly report.

    \b
    tipdiff compare OLD NEW      what changed this year
    tipdiff extract REPORT       the text tipdiff reads from a PDF or a web page
    tipdiff timeline REPORT...   one country's figures across many editions
    tipdiff check --base REF     new reports in a repository of reports, checked
    tipdiff COMMAND -h           more on each
    """


@command(cls=Command)
def compare(
    old: Annotated[Path, typer.Argument(help="The older report.", metavar="OLD", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The newer report.", metavar="NEW", show_default=False)],
    format: Annotated[
        str | None,
        format_option(
            COMPARE_FORMS,
            "text: the narrative, drawn for a terminal (Markdown when written elsewhere); markdown: the"
            " narrative as Markdown; changes: every change with its word diff; html: the narrative and the two"
            " reports side by side, one self-contained page; json: all of it as data.",
        ),
    ] = None,
    output: Output = None,
    detail: Annotated[
        str,
        typer.Option(
            help="brief: the briefing, key figures, recommendations and each section's few most important"
            " findings; full: every finding of every section.",
            **choice(["brief", "full"]),
        ),
    ] = "brief",
    country: Country = None,
    input_format: Annotated[
        str,
        typer.Option(
            help="Markup of text reports (PDFs and web pages are recognised by their content).",
            **choice(["auto", "plain", "markdown", "wiki"], {"md": "markdown"}),
        ),
    ] = "auto",
    profile: ProfileOption = AUTO,
    no_pager: NoPager = False,
) -> None:
    """Align two editions sentence by sentence and tell what changed this year.

    Reports may be text, Markdown or wiki files, PDFs or saved web pages; line numbers in the
    output are lines of the text `tipdiff extract` shows for each.

    \b
    Examples:
      tipdiff compare examples/mexico/2022.txt examples/mexico/2023.txt
      tipdiff compare examples/mexico/2022.txt examples/mexico/2023.txt -o changes.html
      tipdiff compare 2022-TIP-Report.pdf 2023-TIP-Report.pdf --country Mexico -f md | less
    """
    from tipdiff.narrative import narrate
    from tipdiff.render import render, render_narrative

    markup = None if input_format == "auto" else input_format
    full = detail == "full"
    with one_line_errors(), told_warnings():
        form = output_form(format, output, COMPARE_FORMS, "compare")
        target = destination(output, [old, new], form)
        with terminal.progress(3, watched(target)) as step:
            step(f"Reading {old.name} and {new.name}")
            (old_report, new_report), chosen = load_reports([old, new], markup, profile, country)
            step("Aligning sentences")
            comparison = compare_reports(old_report, new_report)
            step("Writing")
            drawn = form == "text" and target is None and sys.stdout.isatty()
            if drawn:
                console = terminal.stdout_console()
                marks = "brackets" if console.no_color or console.color_system is None else "colour"
                narrative = render_narrative(narrate(comparison, chosen), chosen, full=full, marks=marks)
                rendered: Iterable[str] = [terminal.draw(narrative, console)]
            else:
                rendered = render(comparison, "markdown" if form == "text" else form, chosen, full)
            if target is not None:
                write_atomically(target, rendered)
        if comparison.identical:
            typer.echo(f"The reports are identical: {len(comparison.changes)} sentences, none changed.", err=True)
        if target is None:
            to_stdout(rendered, pager=not no_pager, drawn=drawn)


@command(cls=Command)
def extract(
    report: Annotated[
        Path, typer.Argument(metavar="REPORT", help="A report: text, PDF or a saved web page.", show_default=False)
    ],
    country: Country = None,
    list_countries: Annotated[bool, typer.Option("--list", help="List the countries the report holds.")] = False,
    output: Output = None,
    profile: ProfileOption = AUTO,
    no_pager: NoPager = False,
) -> None:
    """Write the text tipdiff reads from a report: exactly what a comparison uses, so that the
    line numbers it cites can be looked up.

    \b
    Examples:
      tipdiff extract 2023-TIP-Report.pdf --list
      tipdiff extract 2023-TIP-Report.pdf --country Mexico -o mexico-2023.md
    """
    from tipdiff.readers import extract as extract_text
    from tipdiff.readers import list_parts

    with one_line_errors():
        chosen = reading_profile(profile)
        target = destination(output, [report], "text")
        with terminal.progress(1, watched(target)) as step:
            step(f"Reading {report.name}")
            if list_countries:
                rendered = [
                    f"{part.heading}" + (f"  (p. {page})" if page else f"  (line {part.line + 1})") + "\n"
                    for part, page in list_parts(report, chosen)
                ]
                if not rendered:
                    raise TipdiffError(f"{report}: holds no country headings such as 'MEXICO: Tier 2'")
            else:
                text = extract_text(report, chosen, country).text
                rendered = [text if text.endswith("\n") else text + "\n"]  # a text file ends its last line
            if target is not None:
                write_atomically(target, rendered)
        if target is None:
            to_stdout(rendered, pager=not no_pager)


@command(cls=Command)
def timeline(
    reports: Annotated[
        list[Path],
        typer.Argument(metavar="REPORT", help="Two or more editions of one country's report, in any order."),
    ],
    format: Annotated[
        str | None,
        format_option(
            TIMELINE_FORMS,
            "text: tables drawn for a terminal (Markdown when written elsewhere); markdown: the same as"
            " Markdown; csv and json: every figure as tidy data, one row per measure, period and edition;"
            " html: one self-contained page with a chart per measure.",
        ),
    ] = None,
    output: Output = None,
    country: Country = None,
    profile: ProfileOption = AUTO,
    no_pager: NoPager = False,
) -> None:
    """A country's figures, verdicts and recommendations across many editions.

    \b
    Example:
      tipdiff timeline examples/mexico/*.txt -o mexico.html
    """
    from tipdiff.render import render_timeline
    from tipdiff.timeline import build_timeline
    from tipdiff.timeline.tidy import timeline_csv, timeline_json

    with one_line_errors(), told_warnings():
        form = output_form(format, output, TIMELINE_FORMS, "timeline")
        target = destination(output, reports, form)
        with terminal.progress(3, watched(target)) as step:
            step(f"Reading {len(reports)} editions")
            loaded, chosen = load_reports(reports, None, profile, country)
            step(f"Comparing {len(reports)} editions")
            built = build_timeline(loaded, chosen)
            step("Writing")
            if form == "csv":
                rendered = timeline_csv(built)
            elif form == "json":
                rendered = timeline_json(built)
            else:
                rendered = render_timeline(built, chosen, "html" if form == "html" else "markdown")
            drawn = form == "text" and target is None and sys.stdout.isatty()
            if drawn:
                rendered = terminal.draw(rendered, terminal.stdout_console())
            if target is not None:
                write_atomically(target, [rendered])
        if target is None:
            to_stdout([rendered], pager=not no_pager, drawn=drawn)


CHECK_FORMS = ("text", "json", "junit", "sarif")


def _file_option(what: str) -> dict:
    return {"metavar": "FILE", "help": f"Also write {what} to FILE.", "show_default": False}


@command(cls=Command)
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Reports or folders of reports to check; with --base, only changes under these paths.",
            show_default=False,
        ),
    ] = None,
    base: Annotated[
        str | None,
        typer.Option(
            metavar="REF", help="Check every file added, changed or deleted since this git ref (origin/main)."
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="What to print.", **choice(list(CHECK_FORMS)))] = "text",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the --format output to FILE.", show_default=False),
    ] = None,
    json_file: Annotated[Path | None, typer.Option("--json", **_file_option("the results as JSON"))] = None,
    junit_file: Annotated[Path | None, typer.Option("--junit", **_file_option("JUnit XML"))] = None,
    sarif_file: Annotated[Path | None, typer.Option("--sarif", **_file_option("SARIF 2.1.0 (code scanning)"))] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Append the results and what changed, as Markdown, to FILE (default: $GITHUB_STEP_SUMMARY).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    every: Annotated[bool, typer.Option("--all", help="Show warnings on lines the change did not touch too.")] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="Accept the findings listed in FILE (default: the settings' baseline).",
            show_default=False,
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="Write every finding to FILE as accepted, with --reason, and pass.", show_default=False
        ),
    ] = None,
    reason: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Why the findings written by --write-baseline are accepted.")
    ] = None,
) -> None:
    """Check new or changed reports in a repository of reports and say what changed.

    Every changed file is accounted for: checked, or listed with the reason it was not.
    Exit codes: 0 all good (warnings allowed unless --strict), 1 a rule failed, 2 bad usage or input.
    Under GitHub Actions the findings are also printed as workflow annotations (with text output).

    \b
    Examples:
      tipdiff check --base origin/main
      tipdiff check --base origin/main --sarif tipdiff.sarif --junit tipdiff.xml
      tipdiff check reports/mexico
    """
    from tipdiff.check import run_check
    from tipdiff.check.baseline import baseline_data
    from tipdiff.check.outputs import SUMMARY_BYTES, check_data, check_sarif, render_check

    def rendered(form: str) -> str:
        if form == "json":
            return json.dumps(check_data(run), ensure_ascii=False, indent=2) + "\n"
        if form == "sarif":
            return json.dumps(check_sarif(run), ensure_ascii=False, indent=2) + "\n"
        return render_check(run, form)

    try:
        if write_baseline is not None and not (reason or "").strip():
            raise TipdiffError("--write-baseline needs --reason: say why these findings are accepted")
        outputs = [(output, format), (json_file, "json"), (junit_file, "junit"), (sarif_file, "sarif")]
        targets = [(path, form) for path, form in outputs if path is not None and str(path) != "-"]
        with terminal.progress(None, watched(None)) as step:
            run = run_check([str(p) for p in paths or []], base, Path.cwd(), strict, every, step, baseline)
        for path in [*(target for target, _ in targets), write_baseline, summary]:
            if path is not None and run.holds(path):
                raise TipdiffError(
                    f"{path}: is in the reports folder or one of the reports checked; write it elsewhere"
                )
        if write_baseline is not None:
            data = baseline_data(run.reports, reason)  # type: ignore[arg-type]
            write_atomically(write_baseline, [json.dumps(data, ensure_ascii=False, indent=2) + "\n"])
            count = len(data["findings"])
            typer.echo(f"Wrote {count} accepted finding{'s' * (count != 1)} to {shown(write_baseline)}", err=True)
            raise typer.Exit(0)
        for path, form in targets:
            write_atomically(path, [rendered(form)])
        to_file = output is not None and str(output) != "-"
        if not to_file:
            sys.stdout.write(rendered(format))
        if os.environ.get("GITHUB_ACTIONS") == "true" and (format == "text" or to_file):
            sys.stdout.write(render_check(run, "annotations"))  # machine output on stdout stays unmixed
        if target := summary or (
            Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None
        ):
            used = target.stat().st_size if target.is_file() else 0
            append(target, render_check(run, "summary", room=max(SUMMARY_BYTES - used, 4096)))
    except (TipdiffError, OSError) as error:
        typer.echo(f"Error: {shown(str(error))}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(run.exit_code)


@contextmanager
def told_warnings() -> Iterator[None]:
    """What the library warns of (a profile that does not fit the text) is one `Warning:` line
    on stderr each, after the command's own output; the command still succeeds."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProfileMisfit)
        try:
            yield
        finally:
            for warning in caught:
                if issubclass(warning.category, ProfileMisfit):
                    typer.echo(f"Warning: {shown(str(warning.message))}", err=True)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Input tipdiff cannot use ends the command with one `Error:` line and exit code 2."""
    try:
        yield
    except TipdiffError as error:
        typer.echo(f"Error: {shown(str(error))}", err=True)
        raise typer.Exit(2) from None


def output_form(given: str | None, output: Path | None, forms: Sequence[str], name: str) -> str:
    """The format asked for: --format, else the one the output file's extension names, else text."""
    if given is not None:
        return given
    if output is None or str(output) == "-" or output.suffix.lower() not in SUFFIXES:
        return "text"
    named = SUFFIXES[output.suffix.lower()]
    if named not in forms:
        raise TipdiffError(f"{output}: tipdiff {name} writes no {named}; give --format ({', '.join(forms)})")
    return named


def destination(output: Path | None, inputs: Sequence[Path], form: str) -> Path | None:
    """The file to write, or None for standard output. Refused: a file that is one of the inputs
    (it would be overwritten), and an HTML page for a terminal, where it is 200 KB of markup
    (as pandoc and gzip refuse binary output to a terminal; `-o -` forces it)."""
    if output is not None and str(output) != "-":
        if any(_same_file(output, path) for path in inputs):
            raise TipdiffError(f"{output}: is one of the reports read; write the output to another file")
        return output
    if output is None and form == "html" and sys.stdout.isatty():
        raise TipdiffError("an HTML page is not for a terminal: write it with -o FILE.html (or -o - to force it)")
    return None


def _same_file(output: Path, path: Path) -> bool:
    try:
        return output.resolve() == path.resolve() or (output.exists() and os.path.samefile(output, path))
    except OSError:
        return False


def watched(target: Path | None) -> bool:
    """Whether progress may be drawn: not over output piped to another program (`| less`)."""
    return target is not None or sys.stdout.isatty()


def to_stdout(rendered: Iterable[str], pager: bool, drawn: bool = False) -> None:
    """The output to standard output; on a terminal, through the pager when it is long."""
    if sys.stdout.isatty():
        terminal.show("".join(rendered), terminal.stdout_console(), pager, drawn)
    else:
        sys.stdout.writelines(rendered)


def main(args: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting (for tests and scripts)."""
    try:
        app(args, prog_name="tipdiff")  # standalone: usage errors print their usage and exit 2, as click does
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    return 0
