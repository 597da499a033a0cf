"""The output file: written whole or not at all, and only ever as a regular file.

`-o` names a file the user may care about; what is there is never replaced by surprise: a
folder, a device (`/dev/null`), a FIFO, a symbolic link or a file with other hard links is
refused, and an existing file keeps its permissions.
"""

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tipdiff.errors import TipdiffError


def write_atomically(path: Path, text: Iterable[str]) -> None:
    """Write all of `text` (its pieces in order) or nothing: a half-written report is worse than none."""
    existing = _existing(path)
    folder = path.parent
    if not folder.is_dir():
        raise TipdiffError(
            f"{path}: {folder} is not a folder" if folder.exists() else f"{path}: folder {folder} does not exist"
        )
    temporary = None
    try:
        # A short name of its own: the output's name may already be as long as the system allows.
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tipdiff-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", errors="surrogateescape") as file:
            file.writelines(text)
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise TipdiffError(f"{path}: cannot write ({error.strerror})") from None
    except BaseException:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise


def _existing(path: Path) -> os.stat_result | None:
    """What is at `path` now, if it may be replaced; else a one-line refusal."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise TipdiffError(f"{path}: cannot write ({error.strerror})") from None
    if stat.S_ISDIR(found.st_mode):
        raise TipdiffError(f"{path}: is a folder; name a file to write")
    if stat.S_ISLNK(found.st_mode):
        raise TipdiffError(f"{path}: is a symbolic link; name the file itself ({os.path.realpath(path)})")
    if not stat.S_ISREG(found.st_mode):
        raise TipdiffError(f"{path}: is not a regular file (a device, FIFO or socket); tipdiff writes only files")
    if found.st_nlink > 1:
        raise TipdiffError(f"{path}: has {found.st_nlink - 1} other hard link(s), which replacing it would break")
    return found


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def append(path: Path, text: str) -> None:
    """Add `text` to the end of a file (a CI job's summary); a FIFO or device, which would
    block or swallow it, is refused."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        found = None
    if found and not stat.S_ISREG(found.st_mode):
        raise TipdiffError(f"{path}: is not a regular file (a device, FIFO or socket); tipdiff writes only files")
    with path.open("a", encoding="utf-8") as file:
        file.write(text)
