"""The GitHub Action's check step: choose what to compare with, make sure git has it, run
`tipdiff check`, and hand its counts to the workflow as step outputs.

What is compared with what:
- a pull request: its base branch (`origin/$GITHUB_BASE_REF`), fetched when the checkout
  lacks it or is shallow;
- a push: the commit before it (`before` in the event); the first push of a branch has none,
  and then every report is checked;
- any other event (a schedule, a manual run): every report;
- the `base` input, when given, wins.

Inputs come as INPUT_* variables (action.yml sets them); GitHub sets GITHUB_EVENT_NAME,
GITHUB_BASE_REF, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP.
Only the standard library is used: this runs before anything but tipdiff is installed.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PULL_REQUESTS = ("pull_request", "pull_request_target")
FULL_HISTORY = "check out with actions/checkout and fetch-depth: 0"


def main() -> int:
    env = os.environ
    results = Path(
        env.get("INPUT_JSON") or Path(env.get("RUNNER_TEMP") or tempfile.gettempdir()) / "tipdiff-check.json"
    )
    try:
        base = _base(env)
    except Unavailable as problem:
        print(f"::error title=tipdiff check::{problem}")
        _outputs(env, 2, results)
        return 2
    paths = [p.strip() for p in env.get("INPUT_PATHS", "").splitlines() if p.strip()]
    args = ["check", *(["--base", base] if base else []), "--json", str(results)]
    for name in ("sarif", "junit"):
        if env.get(f"INPUT_{name.upper()}"):
            args += [f"--{name}", str(Path(env[f"INPUT_{name.upper()}"]).absolute())]
    args += ["--strict"] * _yes(env.get("INPUT_STRICT")) + ["--all"] * _yes(env.get("INPUT_ALL"))
    args += ["--", *(paths or ([] if base else ["."]))]
    print(f"tipdiff {' '.join(args)}", flush=True)
    done = subprocess.run([sys.executable, "-m", "tipdiff", *args], check=False, stderr=subprocess.PIPE, text=True)
    sys.stderr.write(done.stderr)
    if done.returncode == 2:  # the check could not run: say why where the pull request shows it
        why = (done.stderr.strip().splitlines() or ["tipdiff check could not run"])[-1].removeprefix("Error: ")
        print(f"::error title=tipdiff check::{why.replace('%', '%25')}")
    _outputs(env, done.returncode, results)
    return done.returncode


class Unavailable(Exception):
    "What to compare with cannot be had"


def _base(env) -> str | None:
    """The ref to compare with, fetched if need be; None to check every report."""
    event = env.get("GITHUB_EVENT_NAME", "")
    if env.get("INPUT_BASE"):
        return _given(env["INPUT_BASE"])
    if event in PULL_REQUESTS and env.get("GITHUB_BASE_REF"):
        return _branch(env["GITHUB_BASE_REF"], "the base branch")
    if event == "push":
        payload = _event(env)
        before = payload.get("before") or ""
        default = (payload.get("repository") or {}).get("default_branch")
        if not before.strip("0"):
            if default and default != env.get("GITHUB_REF_NAME"):
                print(f"::notice title=tipdiff check::the first push of this branch: compared with {default}")
                return _branch(default, "the default branch")
            print("::notice title=tipdiff check::the first push of this branch: every report is checked")
            return None
        if _shallow() or not _has(before):
            try:
                _fetch(before, f"the commit before the push ({before[:12]})")
            except Unavailable as problem:  # a force push can leave it unreachable: check everything
                print(f"::warning title=tipdiff check::{problem}; every report is checked instead")
                return None
        return before
    print(f"::notice title=tipdiff check::a {event or 'manual'} run compares nothing: every report is checked")
    return None


def _given(ref: str) -> str:
    """The `base` input: any ref or commit; in a shallow checkout the history is fetched, and a
    branch only origin has is taken from there."""
    if _shallow():
        _fetch("HEAD", "the history", unshallow=True)
    if _has(ref):
        return ref
    branch = ref.removeprefix("origin/")
    try:
        return _branch(branch, "the base branch")
    except Unavailable:
        raise Unavailable(f"the base {ref} names no commit here, and origin has no branch {branch}") from None


def _branch(branch: str, what: str) -> str:
    """origin's `branch`, fetched when the checkout lacks it or is shallow."""
    ref = f"origin/{branch}"
    if _shallow() or not _has(ref):
        _fetch(f"+refs/heads/{branch}:refs/remotes/origin/{branch}", f"{what} {branch}")
    return ref


def _event(env) -> dict:
    try:
        return json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    except (KeyError, OSError, ValueError):
        return {}


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def _shallow() -> bool:
    return _git("rev-parse", "--is-shallow-repository").stdout.strip() == "true"


def _has(ref: str) -> bool:
    return _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").returncode == 0


def _fetch(refspec: str, what: str, unshallow: bool = False) -> None:
    """Fetch `refspec` from origin with the whole history, so that the merge base is there."""
    deepen = ["--unshallow"] if unshallow or _shallow() else []
    done = _git("fetch", "--no-tags", "--quiet", *deepen, "origin", refspec)
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or ["git fetch failed"])[-1].removeprefix("fatal: ")
        missing = "couldn't find remote ref" in why or "not our ref" in why
        hint = "it is not on origin" if missing else f"origin cannot be reached; {FULL_HISTORY}"
        raise Unavailable(f"cannot fetch {what} ({why}): {hint}")


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower() in ("true", "yes", "1")


def _outputs(env, code: int, results: Path) -> None:
    """errors, warnings, reports (checked) and exit-code as step outputs, with the files written."""
    try:
        data = json.loads(results.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    values = {
        "errors": data.get("errors", ""),
        "warnings": data.get("warnings", ""),
        "reports": data.get("reports_checked", ""),
        "exit-code": code,
        "json": results if data else "",
        "sarif": Path(env["INPUT_SARIF"]).absolute() if env.get("INPUT_SARIF") else "",
        "junit": Path(env["INPUT_JUNIT"]).absolute() if env.get("INPUT_JUNIT") else "",
    }
    if env.get("GITHUB_OUTPUT"):
        with open(env["GITHUB_OUTPUT"], "a", encoding="utf-8") as file:
            file.writelines(f"{name}={value}\n" for name, value in values.items())


if __name__ == "__main__":
    sys.exit(main())
