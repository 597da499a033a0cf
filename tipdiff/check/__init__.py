"""Checking a repository of reports: every file a change touched is accounted for, each report
is validated and read against the report before it, and nothing passes without a word.

Reports live at paths that say their country and year (by default
`reports/{country}/{year}.{ext}`, see `tipdiff.check.config`). For a change since a git ref:
- an added, edited or renamed report is validated (`tipdiff.validate`) and compared with the
  nearest earlier report of its country (`tipdiff.check.history`);
- a deleted report is an error (TD005), a file in the reports folder that is not a report is a
  warning (TD003), any other file is listed as ignored, with the reason;
- the report after an edited, added or deleted year is compared again with its new neighbour,
  and what that comparison finds that it did not find before the change is reported;
- warnings on lines the change did not touch are left out (errors never are), unless asked
  for; findings accepted in the settings or a baseline file are listed with their reasons.
"""

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tipdiff.check import git
from tipdiff.check.baseline import Acceptance, load_baseline, settled
from tipdiff.check.config import BadConfig, load_config
from tipdiff.check.git import GitFailed
from tipdiff.check.plan import (
    Ignored,
    changed_files,
    check_paths_exist,
    named_files,
    neighbours,
    under_paths,
    work_tree_files,
)
from tipdiff.check.reading import Tree, check_file, deleted, earlier_findings, recheck
from tipdiff.errors import TipdiffError
from tipdiff.model import ReportCheck, Severity
from tipdiff.readers.text import shown

__all__ = ["BadConfig", "CheckRun", "GitFailed", "Ignored", "run_check"]


@dataclass(frozen=True, slots=True)
class CheckRun:
    """The outcome of `tipdiff check`: every file looked at, and whether that fails the build."""

    reports: tuple[ReportCheck, ...]
    strict: bool
    """Warnings fail the check too."""
    base: str | None = None
    ignored: tuple[Ignored, ...] = ()
    folder: str = ""
    """The reports folder of the layout ("reports/")."""
    root: Path | None = None
    """The repository's work tree."""
    within: tuple[str, ...] = ()
    """The paths the changes looked at were limited to (all, when empty)."""

    def holds(self, file: Path) -> bool:
        """Whether a file is one of the reports checked or in the reports folder: no output may
        be written there."""
        if self.root is None:
            return False
        target = Path(os.path.realpath(file))
        if any(target == Path(os.path.realpath(self.root / r.path)) for r in self.reports):
            return True
        return bool(self.folder) and target.is_relative_to(Path(os.path.realpath(self.root / self.folder)))

    @property
    def scope(self) -> str:
        """Where changed files were looked for, as the output names it."""
        return ", ".join(self.within) or self.folder or "the repository"

    def count(self, severity: Severity) -> int:
        return sum(report.count(severity) for report in self.reports)

    @property
    def checked(self) -> tuple[ReportCheck, ...]:
        """The files read and checked."""
        return tuple(r for r in self.reports if r.read)

    @property
    def selected_none(self) -> bool:
        """Files in the reports folder changed, but not one of them is a report in the layout."""
        misfits = [r for r in self.reports if r.country is None and r.path.startswith(self.folder)]
        return bool(misfits) and not any(r.country is not None for r in self.checked)

    @property
    def exit_code(self) -> int:
        """0 when all is well, 1 when a rule failed (a warning too, when strict) or when files in
        the reports folder changed and none of them is a report."""
        failed = self.count(Severity.ERROR) or (self.strict and self.count(Severity.WARNING))
        return int(bool(failed or self.selected_none))


def run_check(
    paths: list[str],
    base: str | None,
    start: Path,
    strict: bool = False,
    every: bool = False,
    begin: Callable[[str, int], None] = lambda description, total: None,
    baseline: Path | None = None,
) -> CheckRun:
    """Check the reports named (files or folders), or every file changed since `base` (limited to
    `paths` when given too), in the repository holding `start`. `begin(description, total)` is
    called as each of the `total` files is begun (for progress); `baseline` names a baseline
    file to use instead of the settings' one."""
    found_root = git.repository_root(start)
    root = (found_root or start).resolve()
    config = load_config(root)
    accepted = baseline or (root / config.baseline if config.baseline else None)
    acceptance = Acceptance(config.ignores, load_baseline(accepted) if accepted else None)
    layout = config.layout
    here = Tree(root, tuple(work_tree_files(root, layout)), layout)
    if base is None:
        if not paths:
            raise TipdiffError("name the reports to check, or give --base to check those changed since a git ref")
        plan, ignored, gone, there = named_files(paths, start, here), [], [], None
    else:
        if found_root is None:
            raise GitFailed(f"--base needs a git repository, and {shown(start)} is in none")
        since = git.merge_base(root, git.commit_of(root, base))
        there = Tree(root, git.files_at(root, since), layout, since)
        check_paths_exist(paths, start, root, there.files, base)
        changes = [c for c in git.changes_since(root, since) if under_paths(c, paths, start, root)]
        plan, ignored, gone = changed_files(changes, layout, root, since)

    checks: list[ReportCheck] = []
    total = len(plan) + len(gone)
    for item in plan:
        begin(f"Checking {shown(item.path)}", total)
        known = earlier_findings(item.path, there, config) if item.touched is not None else Counter()
        checks.append(settled(check_file(item, here, there, config), item.touched, known, acceptance, every))
    for path, renamed_to in gone:
        begin(f"Checking {shown(path)}", total)
        if kept := here.holds_year(*layout.place(path)):  # type: ignore[misc]
            ignored.append(
                Ignored(shown(path), f"{'renamed' if renamed_to else 'deleted'}; {shown(kept)} holds its year")
            )
        else:
            checks.append(settled(deleted(path, renamed_to, config), None, Counter(), acceptance, every))

    changed = [item.path for item in plan] + [path for path, _ in gone]
    years = {where for path in changed if (where := layout.place(path)) and not layout.misfit(path)}
    for path in neighbours(years, here.reports, set(changed)) if there else ():
        begin(f"Re-checking {shown(path)}", total)
        known = earlier_findings(path, there, config)
        checks.append(settled(recheck(path, here, config), frozenset(), known, acceptance, every))
    within = tuple(shown(p) for p in paths) if base is not None else ()
    return CheckRun(tuple(checks), strict, base, tuple(ignored), layout.folder, root, within)
