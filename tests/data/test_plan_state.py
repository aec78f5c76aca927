"""The state of a plan as of its data date: the data date rule, due dates, counts per status."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from plan_data_helpers import DATA, REPOSITORY
from tdcplan.load import load_data
from tdcplan.model import Plan
from tdcplan.plan_state import data_date, quarter_of, tasks_due_in_quarter
from tdcplan.progress import Bucket, period_end, rollup
from tdcplan.schedule import parse_schedule

FIXTURE = REPOSITORY / "tests" / "fixtures" / "progress_plan" / "plans"


def fixture_plan(tmp_path: Path, edit=None, with_reports: bool = True) -> Plan:
    """The fixture plan of tests/fixtures/progress_plan beside the real unit and document registries."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in ("units.yml", "references.yml"):
        shutil.copy(DATA / name, tmp_path / name)
    shutil.copytree(FIXTURE, tmp_path / "plans")
    if not with_reports:
        (tmp_path / "plans" / "2026" / "status.yml").unlink()
    if edit:
        plan_file = tmp_path / "plans" / "2026" / "plan.yml"
        plan_file.write_text(edit(plan_file.read_text(encoding="utf-8")), encoding="utf-8")
    return load_data(tmp_path).plans[0]


@pytest.mark.parametrize(
    ("wording", "due"),
    [
        ("Quý I/2026", dt.date(2026, 3, 31)),
        ("Quý I, II và III/2026", dt.date(2026, 9, 30)),
        ("Quý IV/2026", dt.date(2026, 12, 31)),
        ("Từ tháng 01/2026 đến tháng 11/2026", dt.date(2026, 11, 30)),
        ("Từ tháng 02/2028 đến tháng 02/2028", dt.date(2028, 2, 29)),
        ("Từ tháng 3/2026 đến tháng 12/2026", dt.date(2026, 12, 31)),
        ("Thường xuyên", None),
        ("Định kỳ hoặc đột xuất theo yêu cầu", None),
    ],
)
def test_due_date_is_the_last_day_of_the_schedule(wording: str, due: dt.date | None) -> None:
    assert period_end(parse_schedule(wording)) == due


def test_the_fixture_plan_as_of_its_data_date(tmp_path: Path) -> None:
    plan = fixture_plan(tmp_path)
    assert data_date(plan) == dt.date(2026, 8, 14)  # the latest report
    assert quarter_of(data_date(plan)) == 3
    counts = dict(rollup(plan.tasks, plan.data_date).shown)
    assert counts == {Bucket.NOT_REPORTED: 3, Bucket.IN_PROGRESS: 2, Bucket.DONE: 1, Bucket.DELAYED: 1}
    assert [t.number for t in tasks_due_in_quarter(plan, 2026, 3)] == ["1.a", "2.a", "2.d"]
    assert [t.number for t in tasks_due_in_quarter(plan, 2026, 1)] == ["1.b"]
    assert [t.number for t in tasks_due_in_quarter(plan, 2026, 4)] == ["2.c"]
    assert tasks_due_in_quarter(plan, 2027, 3) == ()


def test_without_any_recorded_date_the_plan_date_is_used_and_else_none(tmp_path: Path) -> None:
    assert data_date(fixture_plan(tmp_path / "none", with_reports=False)) is None
    dated = fixture_plan(
        tmp_path / "dated",
        edit=lambda text: text.replace(
            "    number: null\n    date: null", "    number: 12/KH-SKHCN\n    date: 2026-01-15"
        ),
        with_reports=False,
    )
    assert data_date(dated) == dt.date(2026, 1, 15)


def test_the_real_plan_as_of_its_data_date(real_data) -> None:
    plan = real_data.plans[0]
    recorded = [r.as_of for t in plan.tasks for r in t.reports] + [
        c.recorded for t in plan.tasks for c in t.corrections
    ]
    assert data_date(plan) == max(recorded)
    assert len(plan.tasks) == 24
