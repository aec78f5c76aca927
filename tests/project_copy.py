"""A copy of the project (config, docs, theme overrides, hook, data) in a temporary folder.

Tests that build a variant of the site (hostile text, broken data, a second plan)
edit the copy's data and build it with the real MkDocs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from repository import REPOSITORY

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def copy_project(destination: Path) -> Path:
    """Copy what a build needs into ``destination``; return the copy's ``mkdocs.yml``."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPOSITORY / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination / "mkdocs.yml"
