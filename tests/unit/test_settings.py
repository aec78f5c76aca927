"""settings: the hook's settings in mkdocs.yml ``extra:``, each problem in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from tdcplan.settings import SettingsError, read_settings

PUBLISHER = {"publisher_id": "so.example.vn"}  # required


def test_defaults(tmp_path: Path):
    (tmp_path / "data").mkdir()
    settings = read_settings({"generator": False} | PUBLISHER, tmp_path)  # the theme's keys are left alone
    assert (settings.data_dir, settings.primary_plan, settings.branch) == (tmp_path / "data", None, "main")
    assert settings.ids.authority == "so.example.vn"
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
        (
            {"publisher_id": None},
            "extra.publisher_id in mkdocs.yml is missing: set it once to a domain name the publisher owns, "
            "such as «skhcn.hochiminhcity.gov.vn» (feed ids and calendar UIDs are named after it).",
        ),
        (
            {"publisher_id": "http://so.vn/"},
            "extra.publisher_id in mkdocs.yml is «http://so.vn/», which is not a domain name "
            "such as «skhcn.hochiminhcity.gov.vn».",
        ),
    ],
)
def test_one_sentence_per_problem(tmp_path: Path, extra: dict, message: str):
    (tmp_path / "data").mkdir()
    with pytest.raises(SettingsError) as raised:
        read_settings(PUBLISHER | extra, tmp_path)
    assert raised.value.problems == [message]


def test_primary_plan_must_exist(tmp_path: Path):
    (tmp_path / "data").mkdir()
    settings = read_settings({"primary_plan": 2030} | PUBLISHER, tmp_path)
    with pytest.raises(SettingsError) as raised:
        settings.primary_year([2026, 2027])
    assert raised.value.problems == [
        "extra.primary_plan in mkdocs.yml is 2030, but no plan of that year exists (plans: 2026, 2027)."
    ]
