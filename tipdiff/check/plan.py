"""Which files a check looks at, and why: the files a change since a git ref touched, or the
reports named on the command line; each changed path is planned for checking, set apart as a
deleted report, or ignored with the reason."""

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tipdiff.check import git
from tipdiff.check.config import Layout
from tipdiff.errors import TipdiffError
from tipdiff.model import FileStatus
from tipdiff.readers.text import shown

_STATUS = {"A": FileStatus.ADDED, "C": FileStatus.ADDED, "M": FileStatus.MODIFIED, "T": FileStatus.MODIFIED}


@dataclass(frozen=True, slots=True)
class Ignored:
    """A changed file that is not a report, and why it was not checked."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Planned:
    path: str
    status: FileStatus
    renamed_from: str | None = None
    touched: frozenset[int] | None = None
    """The lines the change wrote, None for all."""


def work_tree_files(root: Path, layout: Layout) -> list[str]:
    """The files in the work tree the pattern could name (links out of the repository left out)."""
    glob = layout.pattern.replace("{country}", "*").replace("{year}", "*").replace("{ext}", "*")
    return [p.relative_to(root).as_posix() for p in root.glob(glob) if p.resolve().is_relative_to(root)]


def under_paths(change: git.FileChange, paths: list[str], start: Path, root: Path) -> bool:
    """Whether a change is under one of the paths given with --base (all, when none is)."""
    if not paths:
        return True
    given = [_in_repository(Path(p), start, root) for p in paths]
    return any(change.path == g or change.path.startswith(g.rstrip("/") + "/") or g == "" for g in given)


def check_paths_exist(paths: list[str], start: Path, root: Path, earlier: tuple[str, ...], base: str) -> None:
    """Paths given with --base name something now or at the base (a folder the change deleted);
    a mistyped one would otherwise check nothing and pass."""
    for given in paths:
        name = _in_repository(Path(given), start, root)
        if not (root / name).exists() and not any(f == name or f.startswith(name.rstrip("/") + "/") for f in earlier):
            raise TipdiffError(f"{shown(given)}: no such file or folder, now or at {shown(base)}")


def _in_repository(path: Path, start: Path, root: Path) -> str:
    """A path given relative to where the command runs, as the repository names it: its folders
    resolved, its last part not (a link is named as itself)."""
    absolute = path if path.is_absolute() else start / path
    parent = Path(os.path.realpath(absolute.parent))
    whole = parent if absolute.name in ("", ".") else parent / absolute.name
    try:
        relative = whole.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()
    return "" if relative == "." else relative


def named_files(paths: list[str], start: Path, here) -> list[Planned]:
    """The files named on the command line; a folder stands for every file in it that the
    layout could name (the misnamed ones too, so that they are reported)."""
    plan, root, layout = [], here.root, here.layout
    for given in paths:
        name = _in_repository(Path(given), start, root)
        folder = root / name
        if folder.is_dir() and not folder.is_symlink():
            inside = [
                p for p in _files_under(folder, root) if not layout.excluded(p) and (layout.under(p) or layout.place(p))
            ]
            if not inside:
                raise TipdiffError(f"{shown(given)}: holds no reports (the layout is {layout.pattern})")
            plan += [Planned(p, FileStatus.NAMED) for p in inside]
        elif not folder.exists() and not folder.is_symlink():
            raise TipdiffError(f"{shown(given)}: no such file or folder")
        else:
            plan.append(Planned(name, FileStatus.NAMED))
    return list({item.path: item for item in plan}.values())


def _files_under(folder: Path, root: Path) -> list[str]:
    """Every file in a folder, named as the repository names it, git's own folder left out."""
    named = (p.relative_to(root) if p.is_relative_to(root) else p for p in folder.rglob("*") if p.is_file())
    return sorted(p.as_posix() for p in named if ".git" not in p.parts)


def changed_files(changes: Iterable[git.FileChange], layout: Layout, root: Path, since: str):
    """What to do with each changed path: check it, report its deletion, or say why it is ignored."""
    plan, ignored, gone = [], [], []
    for change in changes:
        old = change.old_path if change.status == "R" else None
        if old and layout.published(old):
            gone.append((old, change.path))
        path = change.path
        if change.status == "D" and layout.published(path):
            gone.append((path, None))
        elif not layout.under(path) and not layout.place(path):
            where = f"outside the reports folder {layout.folder}" if layout.folder else "not a report of the layout"
            ignored.append(Ignored(shown(path), where))
        elif layout.excluded(path):
            ignored.append(Ignored(shown(path), "excluded: not a report by its name or the settings"))
        elif change.status == "D":
            ignored.append(Ignored(shown(path), "deleted, and not a report"))
        else:
            status = FileStatus.RENAMED if old else _STATUS.get(change.status, FileStatus.MODIFIED)
            touched = git.touched_lines(root, since, path) if status is FileStatus.MODIFIED else None
            plan.append(Planned(path, status, old, touched))
    return plan, ignored, gone


def neighbours(years: set[tuple[str, int]], here: dict[tuple[str, int], str], done: set[str]) -> list[str]:
    """The report after each changed year of a country, when it is not checked already."""
    after = []
    for country, year in sorted(years):
        later = sorted((y, path) for (c, y), path in here.items() if c == country and y > year)
        if later and later[0][1] not in done and later[0][1] not in after:
            after.append(later[0][1])
    return after
