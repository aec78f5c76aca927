"""Progress on the built site: the fixture plan (made-up reports, data date 15/10/2026) and the real data.

The fixture site is the real project with ``tests/fixtures/progress/plans/2026/status.yml`` in place
of the real status file, built with ``mkdocs build --strict``; expectations are computed here from
the fixture by restating the rules (not by calling the code under test).
"""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import checkers
import pytest
from bs4 import BeautifulSoup
from project_copy import copy_project
from tdcplan.exports.records import due_dates
from tdcplan.load import load_data
from tdcplan.model import Plan, Task

pytestmark = pytest.mark.build  # builds the fixture site

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_STATUS = ROOT / "tests" / "fixtures" / "progress" / "plans" / "2026" / "status.yml"
FLAG = "Đã hết thời hạn theo kế hoạch (30/09/2026), chưa báo cáo hoàn thành"
ROW_FLAG = "Đã hết thời hạn (30/09/2026)"  # in a row of a list, beside the status it qualifies
FLAGGED = {"1.a", "3.b"}  # tests/fixtures/progress/README.md
NEVER_FLAGGED = {"1.b": "done", "2.h": "cancelled", "2.d": "ongoing", "2.c": "on request", "2.đ": "ends 30/11"}
ATOM = {"atom": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def fixture_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("progress-site")
    copy_project(root)
    shutil.copy(FIXTURE_STATUS, root / "data" / "plans" / "2026" / "status.yml")
    return root


@pytest.fixture(scope="module")
def fixture_site(fixture_project) -> Path:
    try:
        return checkers.build_site(fixture_project / "mkdocs.yml", fixture_project / "site")
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="module")
def fixture_plan(fixture_project) -> Plan:
    return load_data(fixture_project / "data", fixture_project).plans[0]


def article(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser").find("article")


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


def expected_bucket(task: Task, data_date: dt.date) -> str:
    """The roll-up rule of the Giới thiệu page, restated."""
    latest = task.reports[-1].code.value if task.reports else "not_reported"
    due = [day for _, day in due_dates(task)]
    if due and due[-1] < data_date and latest not in ("done", "cancelled"):
        return "overdue"
    return latest


def shown_counts(rollup) -> dict[str, int]:
    return {
        li["data-bucket"]: int(li.select_one(".tdc-rollup__count").get_text())
        for li in rollup.select(".tdc-rollup__legend li")
    }


def expected_counts(tasks, data_date) -> dict[str, int]:
    return dict(Counter(expected_bucket(task, data_date) for task in tasks))


# --- the flag -----------------------------------------------------------------------------------


def test_flag_on_task_pages(fixture_site, fixture_plan):
    for task in fixture_plan.tasks:
        page = article(fixture_site, f"nhiem-vu/{task.slug}")
        status = page.select_one(".tdc-task-status")
        assert "Số liệu tính đến ngày 15/10/2026" in words(status)
        if task.number in FLAGGED:
            assert FLAG in words(status.select_one(".tdc-flag")), task.number
        else:
            assert not page.select(".tdc-flag"), f"{task.number} flagged"
    assert set(NEVER_FLAGGED) <= {t.number for t in fixture_plan.tasks} - FLAGGED


def test_flag_in_lists_of_tasks(fixture_site):
    for path in ("nhom/1", "nhom/2", "nhom/3", "nhiem-vu", "quy/2026-q3", "don-vi/chi-cuc-tdc"):
        rows = article(fixture_site, path).select("tbody tr")
        flagged = {row.find("td").get_text(strip=True) for row in rows if row.select(".tdc-flag")}
        listed = {row.find("td").get_text(strip=True) for row in rows}
        assert flagged == FLAGGED & listed, path
        for row in rows:
            if row.select(".tdc-flag"):
                assert words(row.select_one(".tdc-flag")) == ROW_FLAG


def test_home_lists_the_flagged_tasks(fixture_site):
    home = article(fixture_site, "")
    items = home.select(".tdc-overdue li")
    assert [item.find("a").get_text() for item in items] == ["Nhiệm vụ 1.a", "Nhiệm vụ 3.b"]
    assert all(FLAG in words(item) for item in items)
    assert "(tình trạng: Chậm tiến độ)" in words(items[0]) and "(tình trạng: Chưa báo cáo)" in words(items[1])


def test_task_page_history_with_evidence(fixture_site):
    page = article(fixture_site, "nhiem-vu/1-b")
    assert "Tình trạng Đã hoàn thành báo cáo ngày 25/06/2026" in words(page.select_one(".tdc-task-status"))
    history = page.find(id="tien-do-thuc-hien").find_next("ul")
    assert "25/06/2026 — Đã hoàn thành. Đã hướng dẫn 12 doanh nghiệp" in words(history)
    link = history.find("a", href="https://example.org/thong-bao/giai-thuong")
    assert link.get_text() == "Thông báo kết quả"
    assert "Báo cáo kết quả quý II (văn bản số 123/BC-CCTĐC ngày 25/6/2026)" in words(history)
    older_first = words(article(fixture_site, "nhiem-vu/1-a").find(id="tien-do-thuc-hien").find_next("ul"))
    assert older_first.index("20/07/2026 — Chậm tiến độ") < older_first.index("10/04/2026 — Đang thực hiện")
    assert "Cập nhật lần cuối: 25/06/2026 (ngày mới nhất ghi trong dữ liệu" in words(page)


# --- roll-ups -----------------------------------------------------------------------------------


def test_rollups_on_every_page_kind_equal_the_fixture_counts(fixture_site, fixture_plan):
    data_date = dt.date(2026, 10, 15)
    home = article(fixture_site, "").select(".tdc-rollup")
    assert len(home) == 1 and shown_counts(home[0]) == expected_counts(fixture_plan.tasks, data_date)
    assert shown_counts(home[0]) == {
        "done": 1, "in_progress": 2, "not_started": 1, "paused": 1, "cancelled": 1, "overdue": 2, "not_reported": 16
    }  # fmt: skip
    assert "Số liệu tính đến ngày 15/10/2026".lower() in words(home[0]).lower()
    for group in fixture_plan.groups:
        (rollup,) = article(fixture_site, f"nhom/{group.number}").select(".tdc-rollup")
        assert shown_counts(rollup) == expected_counts(group.tasks, data_date), group.number
    for quarter in range(1, 5):
        listed = [t for t in fixture_plan.tasks if quarter in t.schedule.quarters or not t.schedule.quarters]
        (rollup,) = article(fixture_site, f"quy/2026-q{quarter}").select(".tdc-rollup")
        assert shown_counts(rollup) == expected_counts(listed, data_date), quarter
    for unit in fixture_plan.units.values():
        rollups = article(fixture_site, f"don-vi/{unit.id}").select(".tdc-rollup")
        roles = [
            tasks
            for tasks in (
                [t for t in fixture_plan.tasks if unit in t.lead],
                [t for t in fixture_plan.tasks if unit in t.partners],
            )
            if tasks
        ]
        assert [shown_counts(r) for r in rollups] == [expected_counts(t, data_date) for t in roles], unit.id
        if roles and [t for t in fixture_plan.tasks if unit in t.lead]:
            assert "chủ trì" in words(rollups[0].select_one(".tdc-rollup__caption"))


def test_rollup_bar_matches_its_text(fixture_site):
    rollup = article(fixture_site, "").select_one(".tdc-rollup")
    svg = rollup.find("svg")
    assert svg["aria-hidden"] == "true"
    widths = {rect["class"][0].removeprefix("tdc-rollup--"): int(rect["width"]) for rect in svg.find_all("rect")}
    assert widths == shown_counts(rollup)
    assert svg["viewbox" if "viewbox" in svg.attrs else "viewBox"] == "0 0 24 1"


# --- feed -----------------------------------------------------------------------------------------


def test_feed_parses_and_carries_every_report_with_evidence(fixture_site, fixture_plan):
    root = ET.parse(fixture_site / "du-lieu" / "cap-nhat.xml").getroot()
    entries = root.findall("atom:entry", ATOM)
    reports = [(t, r) for t in fixture_plan.tasks for r in t.reports]
    corrections = sum(len(t.corrections) for t in fixture_plan.tasks)
    assert len(entries) == len(reports) + corrections == 8 + 3
    titles = [e.find("atom:title", ATOM).text for e in entries]
    assert "Nhiệm vụ 1.b: Đã hoàn thành (báo cáo ngày 25/06/2026)" in titles
    entry = entries[titles.index("Nhiệm vụ 1.b: Đã hoàn thành (báo cáo ngày 25/06/2026)")]
    related = entry.findall("atom:link[@rel='related']", ATOM)
    assert [(link.get("href"), link.get("title")) for link in related] == [
        ("https://example.org/thong-bao/giai-thuong", "Thông báo kết quả")
    ]
    content = BeautifulSoup(entry.find("atom:content", ATOM).text, "html.parser")
    assert content.find("a", href="https://example.org/thong-bao/giai-thuong").get_text() == "Thông báo kết quả"
    assert "123/BC-CCTĐC ngày 25/6/2026" in content.get_text()
    updated = [e.find("atom:updated", ATOM).text for e in entries]
    assert updated == sorted(updated, reverse=True)


# --- the explorer, in the browser -------------------------------------------------------------------


def test_explorer_filters_the_flagged_tasks(fixture_site, browser):
    with checkers.serve_directory(fixture_site) as url:
        context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
        page = context.new_page()
        page.goto(url + "tra-cuu/?trang-thai=het-han")
        page.wait_for_selector(".tdc-explorer__form")
        page.click("details.tdc-explorer__panel > summary")  # the filters fold into a panel on phones
        shown = page.eval_on_selector_all(".tdc-explorer tbody tr td:first-child", "a => a.map(x => x.textContent)")
        assert shown == ["1.a", "3.b"]
        option = page.locator("#tdc-explorer-status option[value='het-han']").inner_text()
        assert option == "Đã hết thời hạn, chưa báo cáo hoàn thành (2)"
        assert page.locator(".tdc-explorer tbody .tdc-flag").all_inner_texts() == [ROW_FLAG, ROW_FLAG]
        page.select_option("#tdc-explorer-status", "done")
        assert page.eval_on_selector_all(".tdc-explorer tbody tr td:first-child", "a => a.map(x => x.textContent)") == [
            "1.b"
        ]
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        context.close()


# --- the real site -----------------------------------------------------------------------------


REAL_FLAGGED = {"1-a": "30/09/2026", "1-b": "30/06/2026", "2-h": "31/03/2026", "3-b": "30/09/2026"}


def test_real_site_every_task_not_reported_and_the_ended_periods_flagged(site_dir):
    slugs = sorted(p.parent.name for p in (site_dir / "nhiem-vu").glob("*/index.html"))
    assert len(slugs) == 24
    for slug in slugs:
        status = words(article(site_dir, f"nhiem-vu/{slug}").select_one(".tdc-task-status"))
        assert status.startswith("Tình trạng Chưa báo cáo"), slug  # the summary's first item
        assert "Số liệu tính đến ngày 25/11/2026." in status
        flag = (
            f"Đã hết thời hạn theo kế hoạch ({REAL_FLAGGED[slug]}), chưa báo cáo hoàn thành"
            if slug in REAL_FLAGGED
            else None
        )
        assert (flag in status) if flag else ("Đã hết thời hạn" not in status), slug
    cells = [words(row.find_all("td")[-1]) for row in article(site_dir, "nhiem-vu").select("tbody tr")]
    assert len(cells) == 24 and all(cell.startswith("Chưa báo cáo") for cell in cells)
    home = article(site_dir, "")
    assert [a.get_text() for a in home.select(".tdc-overdue li a")] == [
        "Nhiệm vụ 1.a", "Nhiệm vụ 1.b", "Nhiệm vụ 2.h", "Nhiệm vụ 3.b"
    ]  # fmt: skip
    assert shown_counts(home.select_one(".tdc-rollup")) == {"overdue": 4, "not_reported": 20}


# --- accessibility of what only the fixture shows ---------------------------------------------------


@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violations_on_progress_pages(fixture_site, browser, width):
    paths = ["", "nhiem-vu/1-a/", "nhiem-vu/1-b/", "nhom/1/", "don-vi/chi-cuc-tdc/", "quy/2026-q3/", "tra-cuu/"]
    with checkers.serve_directory(fixture_site) as url:
        context = browser.new_context(viewport={"width": width, "height": 800})
        checkers.RequestRecorder(context)
        page = context.new_page()
        violations = []
        for path in paths:
            page.goto(url + path, wait_until="networkidle")
            violations += checkers.axe_violations(page, label=f"{path} [{width}px]")
            assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
        context.close()
    assert not violations, checkers.summarize_axe(violations)
