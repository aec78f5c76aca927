"""Fixtures of the open-data tests: the built files, and the plan they come from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from repository import REPOSITORY
from tdcplan.load import PlanData, load_data


@pytest.fixture(scope="session")
def plan_data() -> PlanData:
    return load_data(REPOSITORY / "data", root=REPOSITORY)


@pytest.fixture(scope="session")
def exported_json(site_dir: Path) -> dict:
    return json.loads((site_dir / "du-lieu" / "nhiem-vu.json").read_text(encoding="utf-8"))
