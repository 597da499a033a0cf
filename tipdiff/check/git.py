"""What git says about a repository: the commit a ref names, the files a change touched, the
lines it touched in each, and files as they were.

Paths come NUL-separated (`-z`), so any name (accents, spaces, quotes) arrives as it is; a ref
is verified with `rev-parse --verify` after `--end-of-options` and then used as its commit id,
so no ref (`--output=FILE`) can be taken for an option.
"""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tipdiff.errors import TipdiffError

SHALLOW_HINT = (
    "the clone is shallow: fetch the history (actions/checkout with fetch-depth: 0, or git fetch --unshallow)"
)


class GitFailed(TipdiffError):
    "git could not say which files changed"


@dataclass(frozen=True, slots=True)
class FileChange:
    """One path a change touched, as `git diff --name-status` gives it."""

    status: str
    """A added, M modified, D deleted, R renamed, C copied, T type changed."""
    path: str
    old_path: str | None = None
    """Where a renamed or copied file was."""


def repository_root(start: Path) -> Path | None:
    """The work tree holding `start`, or None outside git."""
    try:
        return Path(_git(start, "rev-parse", "--show-toplevel").rstrip("\n"))
    except GitFailed:
        return None


def commit_of(root: Path, ref: str) -> str:
    """The commit `ref` names, verified: a branch, tag, commit id or expression such as HEAD~1."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").strip()
    except GitFailed:
        hint = f"; {SHALLOW_HINT}" if is_shallow(root) else ""
        raise GitFailed(f"--base {ref}: names no commit in this repository{hint}") from None


def merge_base(root: Path, commit: str) -> str:
    """Where HEAD left `commit`'s history: what a pull request is compared with."""
    try:
        return _git(root, "merge-base", commit, "HEAD").strip()
    except GitFailed:
        hint = SHALLOW_HINT if is_shallow(root) else "they share no history"
        raise GitFailed(f"{commit[:12]} and HEAD have no common commit: {hint}") from None


def is_shallow(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except GitFailed:
        return False


def changes_since(root: Path, commit: str) -> tuple[FileChange, ...]:
    """Every path changed between `commit` and the work tree, renames found as renames: what a
    pull request holds, and before it is committed what it would hold (new files git does not
    ignore included). In CI the work tree is HEAD."""
    fields = _git(root, "diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-relative", commit)
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--full-name")
    parts = fields.split("\0")
    found, at = [], 0
    while at < len(parts) and parts[at]:
        status = parts[at][:1]
        if status in "RC":
            found.append(FileChange(status, parts[at + 2], parts[at + 1]))
            at += 3
        else:
            found.append(FileChange(status, parts[at + 1]))
            at += 2
    return tuple(found) + tuple(FileChange("A", path) for path in untracked.split("\0") if path)


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def touched_lines(root: Path, commit: str, path: str) -> frozenset[int] | None:
    """The lines of `path` in the work tree that the change since `commit` wrote; where lines were only
    deleted, the lines on either side of the gap. Changes of white space alone (a file saved
    with CRLF line ends) touch nothing. None for a file git does not diff by lines."""
    diff = _git(root, "diff", "-U0", "-w", "--no-color", "--no-ext-diff", "--no-relative", commit, "--", path)
    if not _HUNK.search(diff) and diff:
        return None  # "Binary files differ"
    lines: set[int] = set()
    for hunk in _HUNK.finditer(diff):
        start, count = int(hunk[1]), int(hunk[2] or 1)
        lines.update(range(start, start + count) if count else (start, start + 1))
    return frozenset(lines)


def files_at(root: Path, commit: str) -> tuple[str, ...]:
    """Every file in the tree of `commit`."""
    return tuple(p for p in _git(root, "ls-tree", "-r", "-z", "--name-only", commit).split("\0") if p)


def file_at(root: Path, commit: str, path: str) -> bytes:
    """A file's bytes as they were in `commit`."""
    return _git(root, "cat-file", "blob", f"{commit}:{path}", binary=True)


def _git(root: Path, *args: str, binary: bool = False):
    """git's output; its first line of complaint as GitFailed. Names are bytes on disk, so output
    is read as UTF-8 with undecodable bytes kept (`surrogateescape`) to name the same files."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as error:
        raise GitFailed(f"cannot run git ({error.strerror})") from None
    if done.returncode != 0:
        complaint = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitFailed(complaint[0] if complaint else f"git {args[0]} failed")
    return done.stdout if binary else done.stdout.decode("utf-8", "surrogateescape")
