"""Fixtures of the open-data tests: the built files, and the plan they come from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tdcplan.load import PlanData, load_data

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def plan_data() -> PlanData:
    return load_data(ROOT / "data", root=ROOT)


@pytest.fixture(scope="session")
def exported_json(site_dir: Path) -> dict:
    return json.loads((site_dir / "du-lieu" / "nhiem-vu.json").read_text(encoding="utf-8"))
