"""What every reader shares: the data directory's file names, the problems found, YAML reading."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from ..fields import FieldReader
from ..located import LocatedMap, read_yaml
from ..problems import Problem

UNITS_FILE = "units.yml"
REFERENCES_FILE = "references.yml"
PLANS_DIR = "plans"
PLAN_FILE = "plan.yml"
CORRECTIONS_FILE = "corrections.yml"
STATUS_FILE = "status.yml"
SOURCE_DIR = "nguon"  # beside plan.yml: the document the plan was imported from (published unchanged)

Choice = TypeVar("Choice")


class DataFiles:
    """One pass over a data directory: reads its YAML files and collects every problem found."""

    def __init__(self, data_dir: Path, root: Path) -> None:
        self.data_dir = data_dir
        self.root = root
        self.problems: list[Problem] = []

    def shown_as(self, path: Path) -> str:
        """``path`` as messages name it: relative to the repository root when it lies inside it."""
        # abspath, not resolve: a symbolic link is named as itself, never as its target
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        return Path(os.path.abspath(path)).as_posix() if relative.startswith("..") else Path(relative).as_posix()

    def read(self, path: Path) -> tuple[object, FieldReader]:
        """The located content of a YAML file (``None`` if unreadable) and a field reader for it."""
        shown = self.shown_as(path)
        content, problems = read_yaml(path, shown, inside=self.data_dir)
        self.problems += problems
        return content, FieldReader(shown, self.problems)


def identifier(fields: FieldReader, item: LocatedMap, what: str) -> str | None:
    """An id: lower-case ASCII letters, digits and hyphens (it becomes a URL)."""
    value = fields.text(item, "id", f"{what}: «id»")
    if value is None:
        return None
    if not value.replace("-", "").isalnum() or not value.isascii() or value != value.lower() or value.startswith("-"):
        fields.problem(item.line_of("id"), f"{what}: id «{value}» must use only a-z, 0-9 and «-» (it becomes a URL)")
        return None
    return value


def choice(fields: FieldReader, item: LocatedMap, key: str, what: str, choices: dict[str, Choice]) -> Choice | None:
    """The value of ``key`` among ``choices`` (by their YAML spelling), or ``None`` with a problem."""
    value = fields.text(item, key, what)
    if value is None:
        return None
    if value not in choices:
        fields.problem(item.line_of(key), f"{what} is «{value}»; expected one of: {', '.join(choices)}")
        return None
    return choices[value]
