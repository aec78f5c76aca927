"""scripts/report.py: one report appended, the file's comments and layout kept, the validator's refusals."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tdcplan.load import load_data

REPOSITORY = Path(__file__).resolve().parents[2]
DATA = REPOSITORY / "data"
REPORT = REPOSITORY / "scripts" / "report.py"
FIXTURE_STATUS = REPOSITORY / "tests" / "fixtures" / "progress" / "plans" / "2026" / "status.yml"
STATUS = Path("data/plans/2026/status.yml")
# The fixture, with comments where a careless rewrite would lose or move them.
COMMENTED = (
    FIXTURE_STATUS.read_text(encoding="utf-8")
    .replace(
        '  - task: "1.b"\n', '  # Nhiệm vụ 1.b: báo cáo quý II.\n  - task: "1.b"   # quoted, as every task number\n'
    )
    .replace("    as_of: 2026-09-30\n", "    as_of: 2026-09-30  # cuối quý III\n")
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of ``data/`` whose 2026 status file is the commented fixture; ``tmp_path`` is its root."""
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / STATUS).write_text(COMMENTED, encoding="utf-8")
    return tmp_path / "data"


def run(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPORT), *args, "--data", str(data)], capture_output=True, text=True, check=False
    )


def test_appends_one_entry_and_keeps_everything_else_byte_for_byte(data):
    before = (data.parent / STATUS).read_bytes()
    result = run(
        data,
        "3.b",
        "done",
        "--date",
        "2026-10-10",
        "--note",
        "Đã tổ chức 02 khóa tập huấn: năng suất, chất lượng.",
        "--evidence-title",
        "Báo cáo số 77",
        "--evidence-doc",
        "77/BC-CCTĐC ngày 10/10/2026",
    )
    assert result.returncode == 0, result.stderr
    after = (data.parent / STATUS).read_bytes()
    entry = (
        '  - task: "3.b"\n'
        "    status: done\n"
        "    as_of: 2026-10-10\n"
        "    note: 'Đã tổ chức 02 khóa tập huấn: năng suất, chất lượng.'\n"
        "    evidence:\n"
        "      - title: Báo cáo số 77\n"
        "        document: 77/BC-CCTĐC ngày 10/10/2026\n"
    )
    assert after == before + entry.encode("utf-8")
    plan = load_data(data, data.parent).plans[0]  # the output validates
    task = plan.task("3.b")
    assert task.status.note == "Đã tổ chức 02 khóa tập huấn: năng suất, chất lượng."
    assert task.deadline_flag is None
    assert result.stdout.splitlines()[-1] == (
        "Nhiệm vụ 3.b (kế hoạch năm 2026): Đã hoàn thành (báo cáo ngày 10/10/2026). Số liệu tính đến ngày 15/10/2026."
    )
    assert "data_date" not in result.stdout


def test_a_newer_report_moves_the_data_date_forward_and_says_so(data):
    before = (data.parent / STATUS).read_text(encoding="utf-8")
    result = run(
        data,
        "2.b",
        "in_progress",
        "--date",
        "2026-10-20",
        "--evidence-title",
        "Tin",
        "--evidence-url",
        "https://example.org/tin",
    )
    assert result.returncode == 0, result.stderr
    after = (data.parent / STATUS).read_text(encoding="utf-8")
    expected = before.replace("data_date: 2026-10-15\n", "data_date: 2026-10-20\n") + (
        '  - task: "2.b"\n    status: in_progress\n    as_of: 2026-10-20\n'
        "    evidence:\n      - title: Tin\n        url: https://example.org/tin\n"
    )
    assert after == expected
    assert "data/plans/2026/status.yml: data_date moved forward from 2026-10-15 to 2026-10-20." in result.stdout
    assert load_data(data, data.parent).plans[0].data_date == dt.date(2026, 10, 20)


def test_the_real_empty_list_becomes_a_block_list(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    before = (tmp_path / STATUS).read_text(encoding="utf-8")
    result = run(tmp_path / "data", "2.a", "not_started", "--date", "2026-10-01")
    assert result.returncode == 0, result.stderr
    after = (tmp_path / STATUS).read_text(encoding="utf-8")
    assert after == before.replace(
        "reports: []\n", 'reports:\n  - task: "2.a"\n    status: not_started\n    as_of: 2026-10-01\n'
    )


def test_refuses_a_date_later_than_today(data):
    before = (data.parent / STATUS).read_bytes()
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    result = run(data, "2.b", "in_progress", "--date", tomorrow.isoformat())
    assert result.returncode == 1
    assert f"the date {tomorrow.isoformat()} is later than today" in result.stderr
    assert (data.parent / STATUS).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("2.b", "done", "--date", "2026-10-01"),
            "data/plans/2026/status.yml:{line}: report 9: a «done» report needs a «note» saying what was done or "
            "why not (in Vietnamese: readers see it)",
        ),
        (
            ("9.z", "in_progress", "--date", "2026-10-01"),
            "data/plans/2026/status.yml:{line}: report 9: there is no task «9.z» in the 2026 plan",
        ),
        (
            ("1.a", "in_progress", "--date", "2026-07-01"),
            "data/plans/2026/status.yml:{line}: report 9: reports of task 1.a must be in date order, each later "
            "than the one before (2026-07-20)",
        ),
    ],
)
def test_refuses_what_the_validator_refuses_with_its_message(data, args, message):
    before = (data.parent / STATUS).read_bytes()
    result = run(data, *args)
    assert result.returncode == 1
    line = before.decode().count("\n") + (3 if "date order" in message else 1)
    assert result.stderr.strip() == f"report: {message.format(line=line)}"
    assert (data.parent / STATUS).read_bytes() == before


def test_refuses_evidence_that_is_not_http(data):
    result = run(
        data, "2.b", "in_progress", "--date", "2026-10-01", "--evidence-title", "X", "--evidence-url", "ftp://x"
    )
    assert result.returncode == 1
    assert "«url» must be a web address starting with http:// or https://, found «ftp://x»" in result.stderr
