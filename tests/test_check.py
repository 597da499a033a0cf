"""`tipdiff check` on real git repositories made in a temporary folder, one pull request each."""

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tipdiff.check import run_check
from tipdiff.check.history import against_folder
from tipdiff.check.outputs import check_sarif, render_check
from tipdiff.cli import main
from tipdiff.pipeline import parse_report
from tipdiff.profiles.tip import TIP
from tipdiff.render import workflow_data, workflow_property

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "mexico"
ROOT = Path(__file__).resolve().parent.parent
ANNOTATION = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+)(?:,endLine=\d+)?,title=([^:,\n]*)::(.+)$")
AUTHOR = ("-c", "user.name=t", "-c", "user.email=t@example.org")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit(repo: Path, message: str = "change") -> None:
    git(repo, *AUTHOR, "add", "-A")
    git(repo, *AUTHOR, "commit", "-qm", message)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A repository of reports whose first commit holds the 2022 report of Mexico."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "reports" / "mexico").mkdir(parents=True)
    shutil.copy(EXAMPLES / "2022.txt", tmp_path / "reports" / "mexico" / "2022.txt")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "2022")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def add(repo: Path, name: str, text: str) -> None:
    """Commit a file (a path under reports/mexico/ unless it names its folder)."""
    path = repo / name if "/" in name else repo / "reports" / "mexico" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    commit(repo, name)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def report_2023() -> str:
    return (EXAMPLES / "2023.txt").read_text(encoding="utf-8")


def report_2022() -> str:
    return (EXAMPLES / "2022.txt").read_text(encoding="utf-8")


# --- what a report's own text must be ------------------------------------------------------


def test_a_good_report_passes(repo, capsys):
    add(repo, "2023.txt", report_2023())
    code, out, err = run(capsys, "--base", "HEAD~1")
    assert (code, err) == (0, "")
    assert "reports/mexico/2023.txt (added; mexico 2023, compared with reports/mexico/2022.txt)" in out
    assert "1 report checked, 0 errors" in out
    assert re.search(r"line 14 +warning TD202 +the Prosecution section has no heading", out)  # inferred, reported
    assert "TD40" not in out  # a real year-on-year change is no copy, no other country, drops nothing
    assert re.search(r"TD202  add the section's heading", out)  # the fix, once per rule


def test_a_web_scrape_fails_on_noise_and_duplicates(repo, capsys):
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"line 1 +error +TD301 +this sentence is already on line 1", out)
    assert re.search(r"line 1 +error +TD303 +text from another web page: .MEXICO CITY \(AP\)", out)
    assert re.search(r"line 1 +warning TD302 +web page furniture: .Twitter\.", out)


def test_a_missing_section_fails(repo, capsys):
    lines = report_2023().splitlines(keepends=True)
    start, end = lines.index("PROTECTION\n"), lines.index("PREVENTION\n")
    add(repo, "2023.txt", "".join(lines[:start] + lines[end:]))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"error +TD201 +no Protection section", out)


def test_a_paragraph_pasted_twice_is_one_finding(repo, capsys):
    lines = report_2023().splitlines(keepends=True)
    paragraph = lines[lines.index("PROTECTION\n") + 1]
    assert len(re.findall(r"[.!?] ", paragraph)) > 5  # a paragraph of many sentences
    at = lines.index("PREVENTION\n")
    add(repo, "2023.txt", "".join([*lines[:at], paragraph, *lines[at:]]))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    found = re.findall(r"line (\d+)-?(\d*) +error +TD301 +(.*)", out)
    assert code == 1 and len(found) == 1, out
    line, end, message = found[0]
    assert int(line) == at + 1 and (not end or int(end) == at + 1)  # a one-line paragraph
    assert re.match(r"these \d+ sentences are already on line \d+", message)


def test_a_repeat_is_reported_where_the_change_wrote_it(repo, capsys):
    add(repo, "2023.txt", report_2023())
    lines = report_2023().splitlines(keepends=True)
    later = lines[25].split(". ")[0] + "."  # the first sentence of line 26
    lines[19] = lines[19].rstrip("\n") + " " + later + "\n"  # pasted into line 20, above its first copy
    (repo / "reports" / "mexico" / "2023.txt").write_text("".join(lines), encoding="utf-8")
    commit(repo, "a sentence pasted above")
    _, out, _ = run(capsys, "--base", "HEAD~1")
    assert re.search(r"line 20 +error +TD301 +this sentence is said again on line 26: ", out), out


def test_an_unreadable_report_fails_its_rule(repo, capsys):
    (repo / "reports" / "mexico" / "2023.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    code, out, _ = run(capsys, "reports/mexico/2023.txt")
    assert code == 1
    assert "\nreports/mexico/2023.txt (mexico 2023)\n  line 1    error   TD001  is a binary file, not text\n" in out


# --- every changed path accounted for --------------------------------------------------------


@pytest.mark.parametrize("name", ["reports/mexico/2023-final.txt", "reports/mexico-2023.txt", "reports/2023.txt"])
def test_a_misnamed_report_alone_fails(repo, capsys, name):
    add(repo, name, report_2023())
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1  # nothing was checked, though the reports folder changed
    assert "No report was checked, but files in reports/ changed: that fails the check." in out
    assert re.search(rf"{re.escape(name)} \(added\)\n  line 1 +warning TD003 +does not fit the layout", out)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["notes.docx", "notes.txt"])
def test_a_misnamed_file_beside_a_good_report_is_one_warning(repo, capsys, name):
    (repo / "reports" / "mexico" / "2023.txt").write_text(report_2023(), encoding="utf-8")
    add(repo, f"reports/mexico/{name}", "Notes for the desk officer")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 0 and re.search(
        rf"{name} \(added\)\n  line 1 +warning TD003 +does not fit the layout[^\n]*\n\n", out
    )
    assert run(capsys, "--base", "HEAD~1", "--strict")[0] == 1


def test_a_country_folder_spelled_otherwise_is_named(repo, capsys):
    add(repo, "reports/Mexico/2023.txt", report_2023())
    _, out, _ = run(capsys, "--base", "HEAD~1")
    assert re.search(r"warning TD003 +filed under Mexico, but the country's other reports are under mexico:"
                     r" move it there", out)  # fmt: skip
    assert "(added; Mexico 2023, compared with reports/mexico/2022.txt)" in out  # read against its years all the same
    assert run(capsys, "--base", "HEAD~1", "--strict")[0] == 1


def test_files_outside_the_reports_folder_are_listed_as_not_checked(repo, capsys):
    add(repo, "./README.md", "# Reports\n")
    add(repo, "reports/README.md", "What is here.\n")
    code, out, _ = run(capsys, "--base", "HEAD~2")
    assert code == 0
    assert "No reports to check: no report in reports/ changed since HEAD~2." in out
    assert "  README.md: outside the reports folder reports/" in out
    assert "  reports/README.md: excluded: not a report by its name or the settings" in out


def test_a_deleted_report_fails_and_its_neighbour_is_read_again(repo, capsys):
    add(repo, "2023.txt", report_2023())
    (repo / "reports" / "mexico" / "2022.txt").unlink()
    commit(repo, "delete 2022")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"reports/mexico/2022.txt \(deleted; mexico 2022\)\n  line 1 +error +TD005 +deleted: the"
                     r" published report of mexico for 2022 is no longer in the repository", out)  # fmt: skip
    assert "reports/mexico/2023.txt (re-checked; mexico 2023)" in out  # it has no previous report now


@pytest.mark.slow
def test_a_renamed_year_fails(repo, capsys):
    git(repo, "mv", "reports/mexico/2022.txt", "reports/mexico/2021.txt")
    commit(repo, "rename")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"TD005 +renamed to reports/mexico/2021.txt: the published report of mexico for 2022", out)
    assert re.search(r"2021.txt \(renamed from reports/mexico/2022.txt; mexico 2021\)", out)
    assert re.search(r"error +TD105 +the file is named for 2021, but its title says 2022", out)


def test_a_country_folder_renamed_on_purpose_loses_no_year(repo, capsys):
    add(repo, "2023.txt", report_2023())
    git(repo, "mv", "reports/mexico", "reports/méxico")
    commit(repo, "rename the folder")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert "TD005" not in out and "(renamed from reports/mexico/2023.txt; méxico 2023, compared with" in out
    assert code == 0


def test_a_report_renamed_within_its_year_keeps_its_year(repo, capsys):
    git(repo, "mv", "reports/mexico/2022.txt", "reports/mexico/2022.text")
    commit(repo, "rename")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert "TD005" not in out and "(renamed from reports/mexico/2022.txt; mexico 2022)" in out
    assert "  reports/mexico/2022.txt: renamed; reports/mexico/2022.text holds its year" in out
    assert code == 0


@pytest.mark.slow
def test_editing_a_published_year_rechecks_the_next(repo, capsys):
    """A 2022 figure corrected while 2023 still repeats the old one: 2023 is warned of."""
    add(repo, "2023.txt", report_2023())
    old = "621 state investigations"
    assert old in report_2022() and "621 state investigations in 2021" in report_2023()
    (repo / "reports" / "mexico" / "2022.txt").write_text(report_2022().replace(old, "650 state investigations"))
    commit(repo, "correct 2022")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert "reports/mexico/2022.txt (modified; mexico 2022)" in out
    assert re.search(r"2023.txt \(re-checked; mexico 2023, compared with reports/mexico/2022.txt\)\n"
                     r"  line \d+ +warning TD401 +state investigations for 2021: 650 in reports/mexico/2022.txt", out)  # fmt: skip
    assert "TD202" not in out.split("re-checked")[1].split("How to fix")[0]  # only what the edit changed
    assert code == 0 and run(capsys, "--base", "HEAD~1", "--strict")[0] == 1


@pytest.mark.slow
def test_a_finding_the_change_causes_is_shown_though_its_line_was_not_touched(repo, capsys):
    """2022's figure edited and an unrelated line of 2023 edited too: 2023 now contradicts 2022,
    on a line the change did not touch, and that is new: it is shown."""
    add(repo, "2023.txt", report_2023())
    old = "621 state investigations"
    (repo / "reports" / "mexico" / "2022.txt").write_text(report_2022().replace(old, "650 state investigations"))
    lines = report_2023().splitlines(keepends=True)
    lines[-2] = lines[-2].rstrip("\n") + " The government continued its efforts.\n"
    (repo / "reports" / "mexico" / "2023.txt").write_text("".join(lines), encoding="utf-8")
    commit(repo, "edit both")
    code, out, _ = run(capsys, "--base", "HEAD~1", "--strict")
    assert re.search(r"2023.txt \(modified; mexico 2023, compared with reports/mexico/2022.txt\)\n"
                     r"  line \d+ +warning TD401 +state investigations for 2021: 650 in", out)  # fmt: skip
    assert "2 warnings on lines this change did not touch" in out and code == 1  # TD202 and TD302: old


def test_adding_an_earlier_year_rechecks_the_next(repo, capsys):
    add(repo, "2021.txt", report_2022())  # last year's text filed as the year before
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1 and re.search(r"error +TD105 +the file is named for 2021, but its title says 2022", out)
    assert "reports/mexico/2022.txt (re-checked; mexico 2022, compared with reports/mexico/2021.txt)" in out
    assert re.search(r"error +TD402 +100% of its sentences \(\d+ of \d+\) are word for word as in", out)


@pytest.mark.slow
def test_non_ascii_paths_and_a_sub_folder(repo, capsys, monkeypatch):
    add(repo, "reports/côte-d'ivoire/2023 draft?.txt", "x")
    add(repo, "reports/côte-d'ivoire/2022.txt", report_2022())
    add(repo, "reports/côte-d'ivoire/2023.txt", report_2023())
    monkeypatch.chdir(repo / "reports" / "côte-d'ivoire")
    code, out, err = run(capsys, "--base", "HEAD~3")
    assert code == 1 and err == "" and "no such file" not in out  # the draft fails
    assert (
        "reports/côte-d'ivoire/2023.txt (added; côte-d'ivoire 2023, compared with reports/côte-d'ivoire/2022.txt)"
        in out
    )
    assert "reports/côte-d'ivoire/2023 draft?.txt (added)\n  line 1 " in out
    _, out, _ = run(capsys, "2023.txt")  # a name relative to the sub-folder
    assert "reports/côte-d'ivoire/2023.txt (côte-d'ivoire 2023, compared with reports/côte-d'ivoire/2022.txt)" in out


def test_paths_and_folders_can_be_named(repo, capsys):
    shutil.copy(EXAMPLES / "2023.txt", repo / "reports" / "mexico" / "2023.txt")
    code, out, _ = run(capsys, "reports/mexico/2023.txt")
    assert code == 0 and "compared with reports/mexico/2022.txt" in out
    code, out, _ = run(capsys, "reports")
    assert "2 reports checked" in out and "reports/mexico/2022.txt (mexico 2022)" in out


def test_a_folder_named_stands_for_every_file_in_it(repo, capsys):
    (repo / "reports" / "mexico" / "2023-final.txt").write_text(report_2023(), encoding="utf-8")
    code, out, _ = run(capsys, "reports")
    assert code == 0 and re.search(r"2023-final.txt\n  line 1 +warning TD003 +does not fit the layout", out)
    assert run(capsys, "reports", "--strict")[0] == 1
    (repo / "misc").mkdir()
    (repo / "misc" / "notes.txt").write_text("Notes.", encoding="utf-8")
    assert run(capsys, "misc") == (
        2,
        "",
        "Error: misc: holds no reports (the layout is reports/{country}/{year}.{ext})\n",
    )
    assert run(capsys, "nowhere") == (2, "", "Error: nowhere: no such file or folder\n")


def test_a_file_outside_the_repository_can_be_named(repo, capsys, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "2023.txt"
    outside.write_text(report_2023(), encoding="utf-8")
    code, out, _ = run(capsys, str(outside))
    assert code == 0 and f"\n{outside}\n  line 14 " in out and "1 report checked" in out
    assert "TD002" not in out and "No report was checked" not in out


def test_two_files_for_one_year_are_named(repo, capsys):
    (repo / "reports" / "mexico" / "2022.md").write_text(report_2022(), encoding="utf-8")
    commit(repo, "a second 2022")
    _, out, _ = run(capsys, "--base", "HEAD~1")
    assert re.search(r"warning TD003 +reports/mexico/2022.txt also holds mexico 2022: keep one file for a year", out)


def test_paths_limit_the_changes_looked_at(repo, capsys):
    add(repo, "2023.txt", report_2023())
    add(repo, "reports/guatemala/2023.txt", "x")
    code, out, _ = run(capsys, "--base", "HEAD~2", "--", "reports/mexico")
    assert code == 0 and "guatemala" not in out and "1 report checked" in out
    assert run(capsys, "--base", "HEAD~1", "--", "reports/mexico")[1] == (
        "No reports to check: no report in reports/mexico changed since HEAD~1.\n"
    )


def test_a_path_given_with_base_must_name_something(repo, capsys):
    add(repo, "2023.txt", report_2023())
    assert run(capsys, "--base", "HEAD~1", "reports/nowhere") == (
        2, "", "Error: reports/nowhere: no such file or folder, now or at HEAD~1\n",
    )  # fmt: skip
    git(repo, "rm", "-rq", "reports/mexico")
    commit(repo, "delete the country")
    code, out, _ = run(capsys, "--base", "HEAD~1", "reports/mexico")  # there at the base: fine
    assert code == 1 and out.count("error   TD005") == 2


@pytest.mark.slow
def test_a_year_still_to_come_is_warned(repo, capsys):
    add(repo, "2999.txt", report_2023())
    _, out, _ = run(capsys, "--base", "HEAD~1")
    assert re.search(r"warning TD107 +the file is named for 2999, a year still to come", out)


def test_a_report_saved_with_crlf_line_ends_brings_no_old_warning_back(repo, capsys):
    add(repo, "2023.txt", report_2023())
    (repo / "reports" / "mexico" / "2023.txt").write_bytes(report_2023().replace("\n", "\r\n").encode())
    commit(repo, "crlf")
    code, out, _ = run(capsys, "--base", "HEAD~1", "--strict")
    assert (
        code == 0
        and "reports/mexico/2023.txt (modified; mexico 2023, compared with reports/mexico/2022.txt):"
        " no new findings\n  2 warnings on lines this change did not touch"
        in out
    )


def test_a_layout_without_a_reports_folder_lets_other_files_be(repo, capsys):
    (repo / "tipdiff.toml").write_text('pattern = "{country}/{year}.txt"\n', encoding="utf-8")
    (repo / "mexico").mkdir()
    shutil.copy(EXAMPLES / "2022.txt", repo / "mexico" / "2022.txt")
    commit(repo, "a flat layout")
    for name in (".github/workflows/reports.yml", ".github/CODEOWNERS", "scripts/fetch.py", "docs/guide.md"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text("x\n", encoding="utf-8")
    (repo / "tipdiff.toml").write_text('pattern = "{country}/{year}.txt"\nexclude = []\n', encoding="utf-8")
    commit(repo, "repository files")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 0 and "TD003" not in out, out
    add(repo, "mexico/2023-final.txt", report_2023())  # but a misnamed report is still one
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1 and "mexico/2023-final.txt (added)\n  line 1    warning TD003" in out


def test_an_unreadable_previous_year_is_passed_over(repo, capsys):
    (repo / "reports" / "mexico" / "2023.txt").write_bytes(report_2023().encode("utf-16"))
    commit(repo, "a broken 2023")
    add(repo, "2024.txt", report_2023().replace("MEXICO (Tier 2)", "MEXICO (Tier 2)\n2024 report.", 1))
    _, out, _ = run(capsys, "--base", "HEAD~1")
    assert "reports/mexico/2024.txt (added; mexico 2024, compared with reports/mexico/2022.txt)" in out


def test_the_settings_cannot_exclude_a_deleted_report(repo, capsys):
    (repo / "tipdiff.toml").write_text('exclude = ["reports/mexico/*"]\n', encoding="utf-8")
    (repo / "reports" / "mexico" / "2022.txt").unlink()
    commit(repo, "exclude and delete")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1 and "TD005 deleted: the published report of mexico for 2022" in out.replace("  ", " ")


def test_changes_not_yet_committed_are_checked_as_they_would_be(repo, capsys):
    (repo / "reports" / "mexico" / "2023.txt").write_text(report_2023(), encoding="utf-8")  # not even added
    code, out, _ = run(capsys, "--base", "HEAD")
    assert code == 0 and "reports/mexico/2023.txt (added; mexico 2023, compared with" in out
    (repo / "reports" / "mexico" / "2022.txt").unlink()
    code, out, _ = run(capsys, "--base", "HEAD")
    assert code == 1 and "reports/mexico/2022.txt (deleted; mexico 2022)" in out


def test_nothing_changed(repo, capsys):
    assert run(capsys, "--base", "HEAD") == (0, "No reports to check: no report in reports/ changed since HEAD.\n", "")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--base", "no-such-ref"], "Error: --base no-such-ref: names no commit in this repository\n"),
        (["--base=--output=written.txt"], "Error: --base --output=written.txt: names no commit in this repository\n"),
        (["--base", "-p"], "Error: --base -p: names no commit in this repository\n"),
        ([], "Error: name the reports to check, or give --base to check those changed since a git ref\n"),
    ],
)
def test_refs_are_verified_never_options(repo, capsys, args, error):
    assert run(capsys, *args) == (2, "", error)
    assert not (repo / "written.txt").exists()


def test_base_outside_git(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--base", "main")
    assert code == 2 and err == f"Error: --base needs a git repository, and {tmp_path} is in none\n"


# --- against the previous report ---------------------------------------------------------------


def test_last_years_text_with_a_new_title_fails(repo, capsys):
    add(repo, "2023.txt", report_2022().replace("2022 TRAFFICKING", "2023 TRAFFICKING"))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"error +TD402 +100% of its sentences \(\d+ of \d+\) are word for word as in"
                     r" reports/mexico/2022.txt: last year's text with a new title\?", out)  # fmt: skip


def test_another_countrys_report_in_this_folder_fails(repo, capsys):
    other = report_2023().replace("Mexico", "Guatemala").replace("MEXICO", "GUATEMALA").replace("Mexican", "Guatemalan")
    add(repo, "2023.txt", other)
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"error +TD403 +the report says it is about Guatemala, but it is filed under mexico", out)


def test_a_report_that_names_another_country_most_is_not_this_ones():
    text = "MEXICO\n\n" + "Guatemala reported cases in Guatemala City. " * 6 + "Mexico sent no data.\n"
    report = parse_report(text, "x.txt", profile=TIP)
    (found,) = against_folder(report, "mexico", TIP)
    assert (
        found.rule == "TD403"
        and found.message == "the text names Guatemala 12 times and mexico 1: is it Guatemala's report?"
    )
    neighbours = "Mexico and Guatemala share a border. " * 10
    assert against_folder(parse_report(neighbours, "x.txt", profile=TIP), "mexico", TIP) == []


def test_dropped_sections_of_the_previous_report_are_warned(repo, capsys):
    add(repo, "2022.txt", report_2022() + "\nANNEX\nA table of cases follows.\n")
    add(repo, "2023.txt", report_2023())
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 0 and re.search(r"warning TD404 +no Annex section, where reports/mexico/2022.txt had one", out)


@pytest.mark.slow
# --- changed lines, baselines, ignores ------------------------------------------------------------


def test_warnings_only_on_the_lines_a_change_touched(repo, capsys):
    add(repo, "2023.txt", report_2023())
    lines = report_2023().splitlines(keepends=True)
    lines[-2] = lines[-2].rstrip("\n") + " The government continued its efforts.\n"
    (repo / "reports" / "mexico" / "2023.txt").write_text("".join(lines), encoding="utf-8")
    commit(repo, "edit the last line")
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 0 and "TD202" not in out and "TD302" not in out  # line 14 and 36 were not touched
    assert "2 warnings on lines this change did not touch (shown with --all)" in out
    code, out, _ = run(capsys, "--base", "HEAD~1", "--all")
    assert "TD202" in out and "TD302" in out
    assert run(capsys, "--base", "HEAD~1", "--strict")[0] == 0  # untouched warnings do not fail it


@pytest.mark.slow
def test_a_baseline_accepts_findings_with_a_reason(repo, capsys):
    add(repo, "2023.txt", report_2023())
    code, _, err = run(capsys, "--base", "HEAD~1", "--write-baseline", "tipdiff-baseline.json")
    assert code == 2 and err == "Error: --write-baseline needs --reason: say why these findings are accepted\n"
    reason = "kept as published"
    code, _, err = run(capsys, "--base", "HEAD~1", "--write-baseline", "tipdiff-baseline.json", "--reason", reason)
    assert code == 0 and err == "Wrote 2 accepted findings to tipdiff-baseline.json\n"
    baseline = json.loads((repo / "tipdiff-baseline.json").read_text(encoding="utf-8"))
    assert {f["rule"] for f in baseline["findings"]} == {"TD202", "TD302"}
    code, out, _ = run(capsys, "--base", "HEAD~1", "--strict", "--baseline", "tipdiff-baseline.json")
    assert code == 0 and re.search(r"accepted TD302 +web page furniture: .* \(reason: kept as published\)", out)
    # each accepted finding is accepted once: the same furniture pasted again is new
    (repo / "reports" / "mexico" / "2023.txt").write_text(report_2023() + "\nOriginal source can be found here.\n")
    commit(repo, "again")
    code, out, _ = run(capsys, "--base", "HEAD~1", "--baseline", "tipdiff-baseline.json")
    assert re.search(r"line \d+ +warning TD302 +web page furniture", out) and "accepted TD302" in out
    # findings move with their lines: the baseline still holds after a paragraph above them is added
    text = report_2023().replace("PROTECTION\n", "PROTECTION\nA new first paragraph.\n")
    (repo / "pyproject.toml").write_text('[tool.tipdiff]\nbaseline = "tipdiff-baseline.json"\n', encoding="utf-8")
    add(repo, "2023.txt", text)
    code, out, _ = run(capsys, "--base", "HEAD~3", "--strict")
    assert code == 0 and "accepted TD202" in out


def test_ignores_in_the_settings_need_a_reason(repo, capsys):
    add(repo, "2023.txt", report_2023())
    settings = repo / "tipdiff.toml"
    settings.write_text('[[ignore]]\nrule = "TD302"\npath = "reports/mexico/*"\n', encoding="utf-8")
    code, _, err = run(capsys, "--base", "HEAD~1")
    assert code == 2 and "each [[ignore]] needs a rule id and a reason" in err
    settings.write_text('[[ignore]]\nrule = "TD302"\ncontains = "Original source"\nreason = "in the PDF too"\n')
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert re.search(r"accepted TD302 .*\(reason: in the PDF too\)", out) and "warning TD302" not in out


# --- outputs -------------------------------------------------------------------------------------


def test_github_annotations_and_step_summary(repo, capsys, monkeypatch):
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    summary = repo / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert code == 1
    errors = [line for line in annotations if line.startswith("::error")]
    warnings = [line for line in annotations if line.startswith("::warning")]
    assert len(errors) == 10 and 1 <= len(warnings) <= 10  # GitHub shows 10 of each a step
    assert annotations.index(errors[-1]) < annotations.index(warnings[0])  # the most severe first
    for line in errors + warnings:  # the workflow command format GitHub documents
        match = ANNOTATION.match(line)
        assert match, line
        assert match[2] == "reports/mexico/2019.txt" and "%0AFix: " in match[5]
    assert re.fullmatch(r"::notice title=tipdiff check::\d+ more errors not shown as annotations .*", annotations[-1])
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## tipdiff check\n")  # appended, not overwritten
    assert re.search(r"\| `reports/mexico/2019.txt` \| added \| — \| \d+ \|", text)


@pytest.mark.slow
def test_machine_output_is_never_mixed_with_annotations(repo, capsys, monkeypatch):
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "--base", "HEAD~1", "-f", "json")
    assert json.loads(out)["exit_code"] == code == 1
    code, out, _ = run(capsys, "--base", "HEAD~1", "-f", "junit")
    assert ET.fromstring(out).tag == "testsuites"


@pytest.mark.slow
def test_several_outputs_at_once(repo, capsys, monkeypatch, tmp_path):
    add(repo, "2023.txt", report_2023())
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    files = {form: tmp_path / f"out.{form}" for form in ("json", "junit", "sarif")}
    summary = tmp_path / "summary.md"
    args = [f"--{form}={path}" for form, path in files.items()]
    code, out, _ = run(capsys, "--base", "HEAD~2", *args, "--summary", str(summary))
    assert code == 1 and out.startswith("tipdiff check: 3 reports checked") and "\n::error file=" in out
    data = json.loads(files["json"].read_text(encoding="utf-8"))
    by_path = {r["path"]: r for r in data["reports"]}
    assert data["exit_code"] == 1 and data["reports_checked"] == 3
    assert by_path["reports/mexico/2022.txt"]["status"] == "re-checked"  # 2019 now comes before it
    assert by_path["reports/mexico/2023.txt"]["previous"] == "reports/mexico/2022.txt"
    assert by_path["reports/mexico/2023.txt"]["narrative"]["new"]["year"] == 2023
    assert {v["rule"] for v in by_path["reports/mexico/2019.txt"]["violations"]} >= {"TD301", "TD303"}
    suite = ET.parse(files["junit"]).getroot().find("testsuite")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {"reports/mexico/2019.txt", "reports/mexico/2022.txt", "reports/mexico/2023.txt"}
    assert cases["reports/mexico/2019.txt"].find("failure") is not None
    assert cases["reports/mexico/2023.txt"].find("failure") is None and suite.get("failures") == "1"
    sarif = json.loads(files["sarif"].read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert sarif["version"] == "2.1.0" and {r["ruleId"] for r in results} >= {"TD301", "TD303", "TD202"}
    assert "<details><summary>What changed in <code>reports/mexico/2023.txt</code>" in summary.read_text()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("option", "target"),
    [("--sarif", "reports/mexico/../mexico/2023.txt"), ("-o", "reports/mexico/2022.txt"),
     ("--write-baseline", "reports/mexico/2023.txt"), ("--junit", "reports/out.xml")],
)  # fmt: skip
def test_an_output_never_overwrites_a_report(repo, capsys, option, target):
    add(repo, "2023.txt", report_2023())
    code, out, err = run(capsys, "--base", "HEAD~1", option, target, "--reason", "r")
    assert (code, out) == (2, "")
    assert err == f"Error: {target}: is in the reports folder or one of the reports checked; write it elsewhere\n"
    assert not (repo / "reports" / "out.xml").exists()
    assert (repo / "reports" / "mexico" / "2023.txt").read_text(encoding="utf-8") == report_2023()


def test_step_summary_tells_what_changed(repo, capsys, tmp_path):
    add(repo, "2023.txt", report_2023())
    summary = tmp_path / "out.md"
    assert run(capsys, "--base", "HEAD~1", "--summary", str(summary))[0] == 0
    text = summary.read_text(encoding="utf-8")
    assert "<details><summary>What changed in <code>reports/mexico/2023.txt</code>" in text
    assert "# Mexico: what changed from the 2022 report to the 2023 report" in text
    assert "`examples" not in text and str(repo) not in text  # paths as the repository names them


@pytest.mark.slow
def test_the_summary_stays_under_githubs_limit_and_says_what_it_left_out(repo):
    (repo / "reports" / "mexico" / "2023.txt").write_text(report_2023(), encoding="utf-8")
    for year in (2019, 2020):
        (repo / "reports" / "mexico" / f"{year}.txt").write_text(
            (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
    checked = run_check(["reports"], None, repo)
    whole = render_check(checked, "summary")
    room = len(whole.encode()) - 1000
    cut = render_check(checked, "summary", room=room)
    assert len(cut.encode()) <= room
    assert re.search(r"Left out to stay under GitHub's 1 MiB limit for a step summary: what changed in \d report", cut)
    tiny = render_check(checked, "summary", room=2000)
    assert len(tiny.encode()) <= 2000 and re.search(r"Left out .*: \d+ findings \(all are in the log\)", tiny)


def test_junit_is_valid_xml_whatever_a_message_quotes(repo, capsys):
    add(
        repo, "2023.txt", report_2023().replace("Original source can be found here.", "Original\x0c source <&> \ufffe.")
    )
    _, out, _ = run(capsys, "--base", "HEAD~1", "-f", "junit", "--all")
    ET.fromstring(out)  # parses


@pytest.mark.slow
def test_workflow_escaping():
    assert workflow_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert workflow_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_sarif_marks_accepted_findings_as_suppressed(repo):
    (repo / "reports" / "mexico" / "2023.txt").write_text(report_2023(), encoding="utf-8")
    (repo / "tipdiff.toml").write_text('[[ignore]]\nrule = "TD202"\nreason = "as published"\n', encoding="utf-8")
    log = check_sarif(run_check(["reports/mexico/2023.txt"], None, repo))
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert results["TD202"]["suppressions"] == [{"kind": "external", "justification": "as published"}]
    assert "suppressions" not in results["TD302"]
    location = results["TD302"]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "reports/mexico/2023.txt", "uriBaseId": "SRCROOT"},
                        "region": {"startLine": 36}}  # fmt: skip


def test_sarif_locations_are_uri_references(repo):
    folder = repo / "reports" / 'côte d\'ivoire "x" 100%'
    folder.mkdir()
    (folder / "2023.txt").write_text("x", encoding="utf-8")
    (location,) = check_sarif(run_check(["reports"], None, repo))["runs"][0]["results"][0]["locations"]
    assert (
        location["physicalLocation"]["artifactLocation"]["uri"]
        == "reports/c%C3%B4te%20d%27ivoire%20%22x%22%20100%25/2023.txt"
    )


# --- settings ------------------------------------------------------------------------------------


def test_tipdiff_toml_may_hold_the_pyproject_table(repo, capsys):
    add(repo, "2023.txt", report_2023())
    (repo / "tipdiff.toml").write_text('[tool.tipdiff]\nseverity = { TD302 = "error" }\n', encoding="utf-8")
    assert run(capsys, "--base", "HEAD~1")[0] == 1


def test_configuration_in_tipdiff_toml(repo, capsys):
    (repo / "tipdiff.toml").write_text(
        'pattern = "data/{year}-{country}.{ext}"\n[severity]\nTD202 = "off"\nTD302 = "error"\n', encoding="utf-8"
    )
    (repo / "data").mkdir()
    shutil.copy(EXAMPLES / "2022.txt", repo / "data" / "2022-mexico.txt")
    shutil.copy(EXAMPLES / "2023.txt", repo / "data" / "2023-mexico.txt")
    code, out, _ = run(capsys, "data/2023-mexico.txt")
    assert "compared with data/2022-mexico.txt" in out
    assert "TD202" not in out  # switched off
    assert code == 1 and re.search(r"error +TD302", out)  # made an error


@pytest.mark.parametrize(
    ("settings", "error"),
    [
        (
            "severty = {}",
            (
                "no setting is called 'severty' (the settings are pattern, profile, exclude, baseline,"
                " near_identical, severity, ignore)"
            ),
        ),
        (
            'ignore = [{ rule = "TD401", reason = "r", contain = "x" }]',
            "the ignore of TD401: no key is called 'contain' (rule, path, contains, reason)",
        ),
        (
            'pattern = "reports/{country}.txt"',
            "pattern 'reports/{country}.txt' must be a string naming {country} and {year}",
        ),
        ("exclude = 3", 'exclude must be a list of path globs (exclude = ["reports/*/notes/*"])'),
        ("near_identical = 2", "near_identical = 2: give a share of sentences between 0 and 1 (0.9)"),
        ('severity = { TD999 = "off" }', "severity.TD999 = 'off': use a rule id and error, warning or off"),
    ],
)
def test_configuration_errors_are_one_line(repo, capsys, settings, error):
    (repo / "pyproject.toml").write_text(f"[tool.tipdiff]\n{settings}\n", encoding="utf-8")
    assert run(capsys, "reports/mexico/2022.txt") == (2, "", f"Error: {repo / 'pyproject.toml'}: {error}\n")


# --- the pre-commit hook ------------------------------------------------------------------------

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


@pytest.mark.network
@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (pip install -e '.[test]')")
def test_the_pre_commit_hook_checks_staged_reports(repo):
    """`pre-commit try-repo` installs this checkout as a hook and runs it on staged reports."""
    (repo / "reports" / "mexico" / "2023.txt").write_text(report_2023(), encoding="utf-8")
    (repo / "reports" / "mexico" / "2019.txt").write_bytes((EXAMPLES / "2018-web-scrape.txt").read_bytes())
    (repo / "reports" / "mexico" / "2020.txt").write_bytes(report_2023().encode("utf-16"))
    git(repo, "add", "-A")

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        command = [PRE_COMMIT, "try-repo", str(ROOT), "tipdiff-check", "--files", *files]
        env = {"PATH": "/usr/bin:/bin", "HOME": str(repo), "PRE_COMMIT_HOME": str(repo / ".cache")}
        return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, check=False)

    good = try_repo("reports/mexico/2023.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert re.search(r"tipdiff check\.+Passed", good.stdout)
    bad = try_repo("reports/mexico/2019.txt")
    assert bad.returncode == 1
    assert re.search(r"tipdiff check\.+Failed", bad.stdout) and "TD301" in bad.stdout
    binary = try_repo("reports/mexico/2020.txt")  # not skipped as binary: reported
    assert binary.returncode == 1 and "TD001" in binary.stdout


SARIF_PACKAGE = "https://registry.npmjs.org/@microsoft/jest-sarif/-/jest-sarif-1.0.0-beta.0.tgz"
"""Microsoft's SARIF test matchers, which ship the OASIS SARIF 2.1.0 schema."""


@pytest.mark.network
def test_sarif_is_valid_against_the_oasis_schema(repo, tmp_path):
    import io
    import tarfile
    import urllib.request

    import jsonschema

    with (
        urllib.request.urlopen(SARIF_PACKAGE, timeout=60) as response,
        tarfile.open(fileobj=io.BytesIO(response.read())) as package,
    ):
        schema = json.load(package.extractfile("package/lib/schemas/sarif-2.1.0-rtm.5.json"))
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    (repo / "tipdiff.toml").write_text('[[ignore]]\nrule = "TD302"\nreason = "as published"\n', encoding="utf-8")
    log = check_sarif(run_check([], "HEAD~1", repo))
    assert {r["ruleId"] for r in log["runs"][0]["results"]} >= {"TD301", "TD302", "TD303"}
    jsonschema.validate(log, schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):  # the schema does say no
        jsonschema.validate(log, schema)
