"""Fixtures of the data-layer tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from plan_data_helpers import DATA, REPOSITORY, DataCopy
from tdcplan.load import PlanData, load_data


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    """A fresh copy of ``data/`` to edit; ``tmp_path`` is its repository root."""
    shutil.copytree(DATA, tmp_path / "data")
    return DataCopy(tmp_path)


@pytest.fixture(scope="session")
def real_data() -> PlanData:
    """The repository's own data, loaded once."""
    return load_data(DATA, REPOSITORY)
