"""settings: the hook's settings in mkdocs.yml ``extra:``, each problem in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from tdcplan.settings import SettingsError, read_settings


def test_defaults(tmp_path: Path):
    (tmp_path / "data").mkdir()
    settings = read_settings({"generator": False}, tmp_path)  # the theme's keys are left alone
    assert (settings.data_dir, settings.primary_plan, settings.branch) == (tmp_path / "data", None, "main")
    assert settings.primary_year([2027, 2026]) == 2026


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"primary_plan": "abc"}, "extra.primary_plan in mkdocs.yml must be a plan's year such as 2026, found «abc»."),
        ({"branch": ["main"]}, "extra.branch in mkdocs.yml must be a branch name such as «main», found «['main']»."),
        (
            {"data_dir": "nowhere"},
            "extra.data_dir in mkdocs.yml is «nowhere», which is not a folder beside mkdocs.yml.",
        ),
    ],
)
def test_one_sentence_per_problem(tmp_path: Path, extra: dict, message: str):
    (tmp_path / "data").mkdir()
    with pytest.raises(SettingsError) as raised:
        read_settings(extra, tmp_path)
    assert raised.value.problems == [message]


def test_primary_plan_must_exist(tmp_path: Path):
    (tmp_path / "data").mkdir()
    settings = read_settings({"primary_plan": 2030}, tmp_path)
    with pytest.raises(SettingsError) as raised:
        settings.primary_year([2026, 2027])
    assert raised.value.problems == [
        "extra.primary_plan in mkdocs.yml is 2030, but no plan of that year exists (plans: 2026, 2027)."
    ]
