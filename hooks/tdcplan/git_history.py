"""When files last changed, read from git: the one place the site reads the repository's history.

:meth:`GitHistory.read` runs ``git log`` once for the paths asked about and
answers from memory. Outside a git checkout (a tarball, a copy without
``.git``, no ``git`` program) it returns ``None`` and callers fall back to dates
recorded in the data. A shallow clone only knows the commits it has: the
workflows check out the whole history (``fetch-depth: 0``).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

RECORD = "\x1e"  # starts each commit's header line in the log output
VIETNAM = dt.timezone(dt.timedelta(hours=7))  # commit days are counted in the readers' time zone


@dataclass(frozen=True)
class Commit:
    """A commit: its hash and its committer date (when the change landed)."""

    sha: str
    committed: dt.datetime

    @property
    def day(self) -> dt.date:
        """The commit's day in Vietnam (as :mod:`tdcplan.data_history` counts it)."""
        return self.committed.astimezone(VIETNAM).date()


def _git(root: Path, *args: str) -> str | None:
    try:
        run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except OSError:  # no git program
        return None
    return run.stdout if run.returncode == 0 else None


class GitHistory:
    """The last commit of each file under some paths of one checkout."""

    def __init__(self, root: Path, prefix: str, last_commits: dict[str, Commit]) -> None:
        self.root = root
        self._prefix = prefix  # ``root`` relative to the top of the checkout ("" when they are the same)
        self._last = last_commits

    @classmethod
    def read(cls, root: Path, paths: Iterable[str] = (".",)) -> GitHistory | None:
        """The history of ``paths`` (relative to ``root``), or ``None`` when ``root`` is not in a git checkout."""
        root = Path(root).resolve()
        prefix = _git(root, "rev-parse", "--show-prefix")
        if prefix is None:
            return None
        log = _git(
            root,
            "log",
            "--no-renames",
            "--name-only",
            f"--format={RECORD}%H %cI",
            "--",
            *(str(PurePosixPath(path)) for path in paths),
        )
        if log is None:
            return None
        last: dict[str, Commit] = {}
        commit: Commit | None = None
        for line in log.split("\n"):  # not splitlines(): it splits at RECORD too
            if line.startswith(RECORD):
                sha, committed = line[1:].split(" ", 1)
                commit = Commit(sha, dt.datetime.fromisoformat(committed))
            elif line and commit is not None:
                last.setdefault(line, commit)  # the log is newest first
        return cls(root, prefix.strip(), last)

    def last_commit(self, path: str) -> Commit | None:
        """The last commit that changed ``path`` (a file, or any file under a folder), relative to ``root``."""
        key = posixpath.normpath(str(PurePosixPath(self._prefix, path)))
        if key in self._last:
            return self._last[key]
        inside = [commit for name, commit in self._last.items() if name.startswith(key.rstrip("/") + "/")]
        return max(inside, key=lambda commit: commit.committed, default=None)

    def last_change(self, paths: Iterable[str]) -> dt.date | None:
        """The day of the newest last commit among ``paths`` (``None`` if git knows none of them)."""
        commits = [commit for path in paths if (commit := self.last_commit(path))]
        return max(commits, key=lambda commit: commit.committed).day if commits else None
