"""Fixtures of the maintainers' workflow tests: scratch copies of ``data/`` and git repositories."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from repository import REPOSITORY

DATA = REPOSITORY / "data"
PYTHON_SCRIPTS = REPOSITORY / "scripts"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace ``old`` by ``new`` in a file, failing loudly if ``old`` is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def git(repository: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=repository,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def data_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """Two fresh copies of the repository's ``data/``: before and after (edit the second)."""
    old, new = tmp_path / "old" / "data", tmp_path / "new" / "data"
    shutil.copytree(DATA, old)
    shutil.copytree(DATA, new)
    return old, new
