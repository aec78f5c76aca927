"""Helpers of the data-layer tests: the repository's paths and a scratch copy of ``data/`` to break."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from repository import REPOSITORY
from tdcplan.load import PlanData, load_data
from tdcplan.problems import PlanDataError, Problem

DATA = REPOSITORY / "data"
PLAN = "data/plans/2026/plan.yml"
CORRECTIONS = "data/plans/2026/corrections.yml"
STATUS = "data/plans/2026/status.yml"
UNITS = "data/units.yml"
REFERENCES = "data/references.yml"


@dataclass
class DataCopy:
    """A copy of the repository's ``data/`` at ``root / "data"``, edited as text by a test.

    Paths given to the helpers are relative to ``root`` (``"data/plans/2026/plan.yml"``),
    which is also how :func:`load_data` names files in its messages.
    """

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def text(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def write(self, path: str, text: str) -> None:
        (self.root / path).write_text(text, encoding="utf-8")

    def replace(self, path: str, old: str, new: str, occurrence: int = 1) -> None:
        """Replace the ``occurrence``-th (1-based) appearance of ``old``; it must exist."""
        text = self.text(path)
        start = -1
        for _ in range(occurrence):
            start = text.find(old, start + 1)
            assert start >= 0, f"{path} has fewer than {occurrence} occurrence(s) of {old!r}"
        self.write(path, text[:start] + new + text[start + len(old) :])

    def line_of(self, path: str, needle: str) -> int:
        """The 1-based line of the only occurrence of ``needle`` in the file."""
        text = self.text(path)
        assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times in {path}"
        return text[: text.index(needle)].count("\n") + 1

    def load(self) -> PlanData:
        return load_data(self.data_dir, self.root)

    def problems(self) -> list[Problem]:
        """The problems :func:`load_data` reports; fails the test if it loads without any."""
        with pytest.raises(PlanDataError) as caught:
            self.load()
        assert caught.value.problems, "PlanDataError without problems"
        return caught.value.problems
