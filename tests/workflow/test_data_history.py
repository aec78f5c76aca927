"""«Lịch sử cập nhật» and «Cập nhật lần cuối» from a real git repository with three commits, built with MkDocs."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import checkers
import pytest
from bs4 import BeautifulSoup
from project_copy import copy_project
from tdcplan.data_history import read_history
from tdcplan.load import load_data

PLAN = Path("data/plans/2026/plan.yml")
STATUS = Path("data/plans/2026/status.yml")
TASK_2A_OUTPUT = "    - Báo cáo\n    schedule: Quý IV/2026\n"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def commit(repository: Path, message: str, when: str) -> None:
    """Commit everything, authored and committed at ``when`` (ISO 8601 with offset)."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(
            [
                "git",
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.invalid",
                "-c",
                "commit.gpgsign=false",
                *args,
            ],
            cwd=repository,
            env=env,
            check=True,
            capture_output=True,
        )


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """A git repository holding the project: the data as published, a wording change, then a report."""
    root = tmp_path_factory.mktemp("history")
    copy_project(root)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    commit(root, "Publish the 2026 plan", "2026-03-01T09:00:00+07:00")
    edit(root / PLAN, TASK_2A_OUTPUT, "    - Báo cáo tổng kết\n    schedule: Quý IV/2026\n")
    commit(root, "Official amendment of 2.a's output", "2026-05-02T23:30:00+07:00")
    edit(
        root / STATUS,
        "reports: []\n",
        'reports:\n  - task: "1.a"\n    status: in_progress\n    as_of: 2026-06-30\n    note: Đã tổ chức 01 buổi Tọa đàm.\n'
        "    evidence:\n      - title: Tin về buổi Tọa đàm\n        url: https://example.org/toa-dam\n",
    )
    commit(root, "Report of 1.a", "2026-07-02T20:00:00+00:00")  # 3 July in Vietnam
    return root


def test_history_newest_first_with_dates_and_old_and_new_wording(repository):
    history = read_history(repository / "data", load_data(repository / "data", repository))
    assert [entry.day for entry in history.entries] == [dt.date(2026, 7, 3), dt.date(2026, 5, 2), dt.date(2026, 3, 1)]
    texts = [[change.text() for change in entry.changes] for entry in history.entries]
    assert texts[0] == ["Thêm báo cáo tiến độ ngày 30/06/2026: Đang thực hiện. Ghi chú: «Đã tổ chức 01 buổi Tọa đàm.»."]
    assert texts[1] == ["Sản phẩm, dự kiến kết quả, mục 1: «Báo cáo» → «Báo cáo tổng kết»."]
    assert "Thêm kế hoạch năm 2026: 6 nhóm, 24 nhiệm vụ." in texts[2]
    assert history.task_days[(2026, "1.a")] == dt.date(2026, 7, 3)
    assert history.task_days[(2026, "2.a")] == dt.date(2026, 5, 2)
    assert history.task_days[(2026, "1.b")] == dt.date(2026, 3, 1)


def test_an_uncommitted_change_is_listed_first_without_a_date(repository, tmp_path):
    data = repository / "data"
    current = load_data(data, repository)
    plan_text = (repository / PLAN).read_text(encoding="utf-8")
    try:
        edit(repository / PLAN, "    - Báo cáo tổng kết\n", "    - Báo cáo tổng kết năm\n")
        history = read_history(data, load_data(data, repository))
    finally:
        (repository / PLAN).write_text(plan_text, encoding="utf-8")
    assert history.entries[0].commit is None and history.entries[0].day is None
    assert (2026, "2.a") in history.dirty
    assert read_history(data, current).entries[0].commit is not None


@pytest.fixture(scope="module")
def built(repository) -> Path:
    try:
        return checkers.build_site(repository / "mkdocs.yml", repository / "site")
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


def article_text(path: Path) -> str:
    return " ".join(
        BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article").get_text(" ").split()
    )


@pytest.mark.build
def test_history_page_of_the_built_site(built):
    text = article_text(built / "lich-su-cap-nhat" / "index.html")
    positions = [text.index(f"Ngày {day}") for day in ("03/07/2026", "02/05/2026", "01/03/2026")]
    assert positions == sorted(positions), "entries are not newest first"
    assert "Sản phẩm, dự kiến kết quả, mục 1: «Báo cáo» → «Báo cáo tổng kết»." in text
    assert "Thêm báo cáo tiến độ ngày 30/06/2026: Đang thực hiện." in text


@pytest.mark.build
def test_task_pages_say_when_their_record_last_changed(built):
    for slug, day in (("2-a", "02/05/2026"), ("1-a", "03/07/2026"), ("1-b", "01/03/2026")):
        text = article_text(built / "nhiem-vu" / slug / "index.html")
        assert f"Cập nhật lần cuối: {day} (theo lịch sử thay đổi của tệp dữ liệu)." in text, slug
    soup = BeautifulSoup((built / "nhiem-vu" / "1-a" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("article").find("a", href="https://example.org/toa-dam").get_text() == "Tin về buổi Tọa đàm"
