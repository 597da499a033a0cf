"""The GitHub Action: its definition checked against GitHub's schema, and its check step run as
GitHub runs it, in a shallow clone with the environment GitHub sets."""

import json
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata, resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "mexico"
AUTHOR = ("-c", "user.name=t", "-c", "user.email=t@example.org")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_the_action_is_valid_for_github():
    schema = json.loads(
        resources.files("check_jsonschema.builtin_schemas.vendor").joinpath("github-actions.json").read_text()
    )
    jsonschema.validate(ACTION, schema)


def test_inputs_reach_scripts_only_through_the_environment():
    """A `${{ }}` pasted into a script is a script injection (GitHub's hardening guide)."""
    steps = ACTION["runs"]["steps"]
    assert all("${{" not in step.get("run", "") for step in steps)
    script = (ROOT / "action" / "run.py").read_text(encoding="utf-8")
    check = next(step for step in steps if step.get("id") == "check")
    for name in ACTION["inputs"]:
        used = f"inputs.{name}" in json.dumps(steps)
        assert used, f"input {name} is not used"
        if f"INPUT_{name.upper()}" in check["env"]:
            assert f"INPUT_{name.upper()}" in script
    assert set(ACTION["outputs"]) == set(re.findall(r'"([a-z-]+)": ', script.split("values = {", 1)[1].split("}")[0]))


def test_the_installed_versions_are_pinned():
    pinned = {}
    for line in (ROOT / "action" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", line
            pinned[requirement.name.lower().replace("_", "-")] = spec.version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for dependency in map(Requirement, project["dependencies"]):
        name = dependency.name.lower()
        assert name in pinned, f"{name} is not pinned in action/constraints.txt"
        assert dependency.specifier.contains(pinned[name]), f"{name}=={pinned[name]} breaks {dependency}"
    for name in _installed_with(project["dependencies"]):  # what they pull in, too
        assert name in pinned, f"{name} (a dependency of a dependency) is not pinned in action/constraints.txt"


def _installed_with(requirements: list[str]) -> set[str]:
    """Every package installing these requirements brings, as this environment has them."""
    found, waiting = set(), [Requirement(r) for r in requirements]
    while waiting:
        requirement = waiting.pop()
        name = requirement.name.lower().replace("_", "-")
        if name in found or (requirement.marker and not requirement.marker.evaluate({"extra": ""})):
            continue
        found.add(name)
        waiting += [Requirement(r) for r in metadata.requires(name) or []]
    return found


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A remote whose main holds the 2022 report and whose branch `feature` adds 2023."""
    work = tmp_path / "upstream"
    (work / "reports" / "mexico").mkdir(parents=True)
    shutil.copy(EXAMPLES / "2022.txt", work / "reports" / "mexico" / "2022.txt")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, *AUTHOR, "commit", "-qm", "2022")
    git(work, "checkout", "-q", "-b", "feature")
    shutil.copy(EXAMPLES / "2023.txt", work / "reports" / "mexico" / "2023.txt")
    git(work, "add", "-A")
    git(work, *AUTHOR, "commit", "-qm", "2023")
    return work


def shallow_clone(origin: Path, tmp_path: Path, branch: str = "feature") -> Path:
    """What actions/checkout gives by default: one commit, no other branch."""
    clone = tmp_path / "checkout"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", "--branch", branch, f"file://{origin}", str(clone)],
        check=True, capture_output=True,
    )  # fmt: skip
    assert git(clone, "rev-parse", "--is-shallow-repository") == "true"
    return clone


def run_step(clone: Path, tmp_path: Path, event: str, **env: str) -> tuple[subprocess.CompletedProcess, dict, str]:
    """The action's check step, with the variables GitHub and action.yml set."""
    outputs, summary = tmp_path / "output.txt", tmp_path / "summary.md"
    variables = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GITHUB_ACTIONS": "true",
        "GITHUB_EVENT_NAME": event,
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(tmp_path),
        **{f"INPUT_{name.upper()}": "" for name in ("base", "paths", "sarif", "junit", "json")},
        "INPUT_STRICT": "false",
        "INPUT_ALL": "false",
        **env,
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "action" / "run.py")],
        cwd=clone, env=variables, capture_output=True, text=True, check=False,
    )  # fmt: skip
    values = dict(line.split("=", 1) for line in outputs.read_text().splitlines()) if outputs.exists() else {}
    return done, values, summary.read_text(encoding="utf-8") if summary.exists() else ""


@pytest.mark.slow
def test_a_pull_request_in_a_shallow_checkout(origin, tmp_path):
    clone = shallow_clone(origin, tmp_path)
    done, outputs, summary = run_step(clone, tmp_path, "pull_request", GITHUB_BASE_REF="main")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tipdiff check --base origin/main" in done.stdout
    assert re.search(r"^::warning file=reports/mexico/2023.txt,line=14,", done.stdout, re.MULTILINE)
    assert outputs | {"json": ""} == {"errors": "0", "warnings": "2", "reports": "1", "exit-code": "0", "json": "",
                                      "sarif": "", "junit": ""}  # fmt: skip
    assert json.loads(Path(outputs["json"]).read_text())["reports"][0]["previous"] == "reports/mexico/2022.txt"
    assert "## tipdiff check" in summary and "What changed in <code>reports/mexico/2023.txt</code>" in summary


@pytest.mark.slow
def test_strict_and_sarif_inputs(origin, tmp_path):
    clone = shallow_clone(origin, tmp_path)
    sarif = tmp_path / "out.sarif"
    done, outputs, _ = run_step(clone, tmp_path, "pull_request", GITHUB_BASE_REF="main", INPUT_STRICT="true",
                                INPUT_SARIF=str(sarif))  # fmt: skip
    assert done.returncode == 1 and outputs["exit-code"] == "1" and outputs["sarif"] == str(sarif)
    assert json.loads(sarif.read_text())["version"] == "2.1.0"


@pytest.mark.slow
def test_a_push_compares_with_the_commit_before_it(origin, tmp_path):
    before = git(origin, "rev-parse", "main")
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"before": before, "after": git(origin, "rev-parse", "feature")}))
    clone = shallow_clone(origin, tmp_path)
    done, outputs, _ = run_step(clone, tmp_path, "push", GITHUB_EVENT_PATH=str(event))
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"tipdiff check --base {before}" in done.stdout and outputs["reports"] == "1"


@pytest.mark.slow
def test_the_first_push_of_a_branch_checks_every_report(origin, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"before": "0" * 40}))
    clone = shallow_clone(origin, tmp_path)
    done, outputs, _ = run_step(clone, tmp_path, "push", GITHUB_EVENT_PATH=str(event))
    assert "::notice title=tipdiff check::the first push of this branch: every report is checked" in done.stdout
    assert outputs["reports"] == "2" and done.returncode == 0


@pytest.mark.slow
def test_a_base_that_cannot_be_fetched_says_how_to_fix_it(origin, tmp_path):
    clone = shallow_clone(origin, tmp_path)
    done, outputs, _ = run_step(clone, tmp_path, "pull_request", GITHUB_BASE_REF="release")
    assert done.returncode == 2 and outputs["exit-code"] == "2" and outputs["errors"] == ""
    assert re.fullmatch(r"::error title=tipdiff check::cannot fetch the base branch release \(couldn't find remote"
                        r" ref .*\): it is not on origin\n", done.stdout)  # fmt: skip
    shutil.rmtree(origin)  # the remote is gone: nothing more can be fetched
    done, _, _ = run_step(clone, tmp_path, "pull_request", GITHUB_BASE_REF="main")
    assert done.returncode == 2
    assert re.fullmatch(r"::error title=tipdiff check::cannot fetch the base branch main \(.*\): origin cannot be"
                        r" reached; check out with actions/checkout and fetch-depth: 0\n", done.stdout)  # fmt: skip


@pytest.mark.slow
def test_the_base_input_is_fetched_in_a_shallow_checkout(origin, tmp_path):
    clone = shallow_clone(origin, tmp_path)
    done, outputs, _ = run_step(clone, tmp_path, "pull_request", INPUT_BASE="origin/main")
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs["reports"] == "1"
    done, outputs, _ = run_step(shallow_clone(origin, tmp_path / "again"), tmp_path, "push", INPUT_BASE="main")
    assert "tipdiff check --base origin/main" in done.stdout and outputs["reports"] == "1"
    done, outputs, _ = run_step(clone, tmp_path, "push", INPUT_BASE="no-such-branch")
    assert done.stdout == ("::error title=tipdiff check::the base no-such-branch names no commit here,"
                           " and origin has no branch no-such-branch\n") and outputs["exit-code"] == "2"  # fmt: skip


@pytest.mark.slow
def test_the_first_push_of_a_feature_branch_is_compared_with_the_default_branch(origin, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"before": "0" * 40, "repository": {"default_branch": "main"}}))
    clone = shallow_clone(origin, tmp_path)
    done, outputs, _ = run_step(clone, tmp_path, "push", GITHUB_EVENT_PATH=str(event), GITHUB_REF_NAME="feature")
    assert "::notice title=tipdiff check::the first push of this branch: compared with main" in done.stdout
    assert "tipdiff check --base origin/main" in done.stdout and outputs["reports"] == "1"


@pytest.mark.slow
def test_a_force_push_whose_before_is_gone_checks_every_report(origin, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"before": "1234567" * 5 + "89abc"}))
    clone = shallow_clone(origin, tmp_path)
    done, outputs, _ = run_step(clone, tmp_path, "push", GITHUB_EVENT_PATH=str(event))
    assert "::warning title=tipdiff check::cannot fetch the commit before the push (123456712345)" in done.stdout
    assert "every report is checked instead" in done.stdout and outputs["reports"] == "2"


@pytest.mark.slow
def test_a_check_that_cannot_run_says_why_on_the_pull_request(origin, tmp_path):
    clone = shallow_clone(origin, tmp_path)
    (clone / "tipdiff.toml").write_text("severty = 1\n", encoding="utf-8")
    done, outputs, _ = run_step(clone, tmp_path, "pull_request", GITHUB_BASE_REF="main", INPUT_SARIF="out.sarif")
    assert done.returncode == 2 and outputs["exit-code"] == "2"
    assert re.search(
        r"^::error title=tipdiff check::.*tipdiff.toml: no setting is called 'severty'", done.stdout, re.MULTILINE
    )
    assert outputs["sarif"] == str(clone / "out.sarif")  # absolute: the workflow reads it from elsewhere


@pytest.mark.slow
def test_working_directory_and_paths(origin, tmp_path):
    (origin / "reports" / "guatemala").mkdir()
    (origin / "reports" / "guatemala" / "2023.txt").write_text("x", encoding="utf-8")
    git(origin, "add", "-A")
    git(origin, *AUTHOR, "commit", "-qm", "guatemala")
    clone = shallow_clone(origin, tmp_path)
    done, outputs, _ = run_step(
        clone / "reports", tmp_path, "pull_request", GITHUB_BASE_REF="main", INPUT_PATHS=" mexico \n\n"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert outputs["reports"] == "1" and "guatemala" not in done.stdout
