"""`tipdiff check` on real git repositories made in a temporary folder."""

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tipdiff.cli import main
from tipdiff.render import workflow_data, workflow_property

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "mexico"
ROOT = Path(__file__).resolve().parent.parent
ANNOTATION = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+),title=([^:,\n]*)::(.+)$")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A repository of reports whose first commit holds the 2022 report of Mexico."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "reports" / "mexico").mkdir(parents=True)
    shutil.copy(EXAMPLES / "2022.txt", tmp_path / "reports" / "mexico" / "2022.txt")
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "2022")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def add(repo: Path, name: str, text: str) -> None:
    """Commit a report as the second commit."""
    (repo / "reports" / "mexico" / name).write_text(text, encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", name)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def report_2023() -> str:
    return (EXAMPLES / "2023.txt").read_text(encoding="utf-8")


def test_a_good_report_passes(repo, capsys):
    add(repo, "2023.txt", report_2023())
    code, out, err = run(capsys, "--base", "HEAD~1")
    assert (code, err) == (0, "")
    assert "reports/mexico/2023.txt (mexico 2023, compared with reports/mexico/2022.txt)" in out
    assert "0 errors" in out
    assert re.search(r"line 14 +warning TD202 +the Prosecution section has no heading", out)  # inferred, reported


def test_a_web_scrape_fails_on_noise_and_duplicates(repo, capsys):
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"line 1 +error +TD301 +this sentence is already on line 1", out)
    assert re.search(r"line 1 +error +TD303 +text from another web page: .MEXICO CITY \(AP\)", out)
    assert re.search(r"line 1 +warning TD302 +web page furniture: .Twitter\.", out)


def test_a_missing_section_fails(repo, capsys):
    lines = report_2023().splitlines(keepends=True)
    start = lines.index("PROTECTION\n")
    end = lines.index("PREVENTION\n")
    add(repo, "2023.txt", "".join(lines[:start] + lines[end:]))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 1
    assert re.search(r"error +TD201 +no Protection section", out)


@pytest.mark.slow
def test_a_restated_figure_is_warned(repo, capsys):
    restated = report_2023().replace("at least 35 federal investigations and 621 state investigations in 2021",
                                     "at least 35 federal investigations and 650 state investigations in 2021")  # fmt: skip
    assert restated != report_2023()
    add(repo, "2023.txt", restated)
    code, out, _ = run(capsys, "--base", "HEAD~1")
    assert code == 0  # a warning only ...
    assert re.search(
        r"line 15 +warning TD401 +state investigations for 2021: 621 in reports/mexico/2022.txt \(line 25\), 650 here",
        out,
    )
    assert run(capsys, "--base", "HEAD~1", "--strict")[0] == 1  # ... unless strict


def test_paths_can_be_named(repo, capsys):
    shutil.copy(EXAMPLES / "2023.txt", repo / "reports" / "mexico" / "2023.txt")
    code, out, _ = run(capsys, "reports/mexico/2023.txt")
    assert code == 0 and "compared with reports/mexico/2022.txt" in out


def test_nothing_changed(repo, capsys):
    assert run(capsys, "--base", "HEAD") == (0, "No reports to check: none changed since HEAD.\n", "")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--base", "no-such-ref"], "Error: git diff against no-such-ref: fatal: bad revision 'no-such-ref...HEAD'\n"),
        ([], "Error: name the reports to check, or give --base to check those changed since a git ref\n"),
    ],
)
def test_usage_errors_exit_2(repo, capsys, args, error):
    assert run(capsys, *args) == (2, "", error)


def test_an_unreadable_report_fails_its_rule(repo, capsys):
    (repo / "reports" / "mexico" / "2023.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    code, out, _ = run(capsys, "reports/mexico/2023.txt")
    assert code == 1
    assert re.search(r"line 1 +error +TD001 +reports/mexico/2023.txt: is a binary file, not text", out)


def test_github_annotations_and_step_summary(repo, capsys, monkeypatch):
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    summary = repo / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(capsys, "--base", "HEAD~1")
    annotations = [line for line in out.splitlines() if line.startswith("::")]
    assert code == 1 and annotations
    for line in annotations:  # the workflow command format GitHub documents
        match = ANNOTATION.match(line)
        assert match, line
        assert match[2] == "reports/mexico/2019.txt"
    assert any(ANNOTATION.match(line)[1] == "error" and "TD301" in line for line in annotations)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## tipdiff check\n")  # appended, not overwritten
    assert "| `reports/mexico/2019.txt` | — | 13 |" in text


def test_step_summary_tells_what_changed(repo, capsys, tmp_path):
    add(repo, "2023.txt", report_2023())
    summary = tmp_path / "out.md"
    assert run(capsys, "--base", "HEAD~1", "--summary", str(summary))[0] == 0
    text = summary.read_text(encoding="utf-8")
    assert "<details><summary>What changed in <code>reports/mexico/2023.txt</code>" in text
    assert "# Mexico: what changed from the 2022 report to the 2023 report" in text
    assert "`examples" not in text and str(repo) not in text  # paths as the repository names them


def test_workflow_escaping():
    assert workflow_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert workflow_property("a:b,c%") == "a%3Ab%2Cc%25"


@pytest.mark.slow
def test_junit_and_json(repo, capsys):
    add(repo, "2023.txt", report_2023())
    add(repo, "2019.txt", (EXAMPLES / "2018-web-scrape.txt").read_text(encoding="utf-8"))
    code, out, _ = run(capsys, "--base", "HEAD~2", "--format", "junit")
    suite = ET.fromstring(out).find("testsuite")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert code == 1 and set(cases) == {"reports/mexico/2019.txt", "reports/mexico/2023.txt"}
    assert cases["reports/mexico/2019.txt"].find("failure") is not None
    assert cases["reports/mexico/2023.txt"].find("failure") is None
    assert suite.get("failures") == "1"
    code, out, _ = run(capsys, "--base", "HEAD~2", "--format", "json")
    data = json.loads(out)
    assert data["exit_code"] == code == 1
    by_path = {r["path"]: r for r in data["reports"]}
    assert by_path["reports/mexico/2023.txt"]["previous"] == "reports/mexico/2022.txt"
    assert by_path["reports/mexico/2023.txt"]["narrative"]["new"]["year"] == 2023
    assert {v["rule"] for v in by_path["reports/mexico/2019.txt"]["violations"]} >= {"TD301", "TD303"}


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


def test_configuration_errors_are_one_line(repo, capsys):
    (repo / "pyproject.toml").write_text('[tool.tipdiff]\npattern = "reports/{country}.txt"\n', encoding="utf-8")
    code, out, err = run(capsys, "reports/mexico/2022.txt")
    assert (code, out) == (2, "")
    assert (
        err
        == f"Error: {repo / 'pyproject.toml'}: pattern 'reports/{{country}}.txt' must be a string naming {{country}} and {{year}}\n"
    )


def test_the_action_runs_the_check_on_the_pull_requests_changes():
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "using: composite" in action
    assert 'python -m pip install --quiet "${{ github.action_path }}"' in action
    assert 'tipdiff check --base "$BASE"' in action


PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


@pytest.mark.network
@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (pip install -e '.[test]')")
def test_the_pre_commit_hook_checks_staged_reports(repo):
    """`pre-commit try-repo` installs this checkout as a hook and runs it on staged reports."""
    (repo / "reports" / "mexico" / "2023.txt").write_text(report_2023(), encoding="utf-8")
    (repo / "reports" / "mexico" / "2019.txt").write_bytes((EXAMPLES / "2018-web-scrape.txt").read_bytes())
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
