"""Pages for readers, checked in the built HTML: the home page's state of the plan computed from
the data (the real plan and a fixture plan with reports), the contact box configured and not,
maintainers' tools kept in one place, the Vietnamese 404 page and the print button."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import checkers
import pytest
from bs4 import BeautifulSoup
from project_copy import copy_project
from tdcplan.load import load_data
from tdcplan.model import Plan
from tdcplan.schedule import ScheduleKind
from tdcplan.wording import format_date, quarter_name

from built_site.html_text import BuiltPage

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CONTACT_CONFIG = FIXTURES / "contact" / "mkdocs-contact.yml"
NOT_PUBLISHED = "chưa được công bố"


def home_state(site: Path) -> tuple[str, dict[str, int], str, list[str]]:
    """(heading, count per status label, due sentence, task numbers of the due list) of a built home page."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    box = soup.find("section", class_="tdc-state")
    legend = box.select(".tdc-rollup__legend li")
    counts = {li["data-bucket"]: int(li.select_one(".tdc-rollup__count").get_text()) for li in legend}
    due = box.find("p", class_="tdc-state__due")
    listing = box.find_next_sibling("div", class_="tdc-tasks")
    numbers = [tr["data-task"] for tr in listing.find_all("tr", attrs={"data-task": True})] if listing else []
    return box.find("h2").get_text(" ", strip=True), counts, due.get_text(" ", strip=True) if due else "", numbers


def expected_state(plan: Plan) -> tuple[str, dict[str, int], str, list[str]]:
    """The same, worked out here from the data (not through the site's own functions)."""
    as_of = plan.data_date  # the explicit data date of status.yml
    quarter = (as_of.month - 1) // 3 + 1

    def period_end(task) -> dt.date | None:
        schedule = task.schedule
        if schedule.kind is ScheduleKind.MONTHS:
            last = schedule.months[1]
        elif schedule.kind is ScheduleKind.QUARTERS:
            last = schedule.quarters[-1] * 3
        else:
            return None
        return dt.date(schedule.year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)

    def bucket(task) -> str:
        end = period_end(task)
        if end and end < as_of and task.status_code.value not in ("done", "cancelled"):
            return "overdue"
        return task.status_code.value

    counts = dict(Counter(bucket(t) for t in plan.tasks))
    due = [t.number for t in plan.tasks if (end := period_end(t)) and (end.month - 1) // 3 + 1 == quarter]
    sentence = f"Đến hạn trong {quarter_name(quarter, plan.year)} : {len(due)} nhiệm vụ"
    return f"Tình hình đến ngày {format_date(as_of)}", counts, sentence, due


def test_the_home_page_states_the_real_plan_as_of_its_data_date(site_dir: Path) -> None:
    plan = load_data(ROOT / "data", root=ROOT).plans[0]
    heading, counts, due_sentence, due = home_state(site_dir)
    want_heading, want_counts, want_sentence, want_due = expected_state(plan)
    assert heading == want_heading
    assert counts == want_counts
    assert due_sentence.startswith(want_sentence)
    assert due == want_due


@pytest.fixture(scope="module")
def progress_site(tmp_path_factory) -> Path:
    """The real project with the fixture plan of tests/fixtures/progress_plan (reports included) as its plan."""
    project = tmp_path_factory.mktemp("progress")
    config = copy_project(project)
    shutil.rmtree(project / "data" / "plans" / "2026")
    shutil.copytree(FIXTURES / "progress_plan" / "plans" / "2026", project / "data" / "plans" / "2026")
    (project / "docs" / "gioi-thieu.md").unlink()  # it links to tasks of the real plan
    try:
        return checkers.build_site(config, project / "site")
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


def test_the_home_page_states_a_plan_with_reports_as_of_its_data_date(progress_site: Path) -> None:
    heading, counts, due_sentence, due = home_state(progress_site)
    # Worked out by hand in tests/fixtures/progress_plan/README.md.
    assert heading == "Tình hình đến ngày 14/08/2026"
    assert counts == {"not_reported": 3, "in_progress": 2, "done": 1, "delayed": 1}
    assert due_sentence.startswith("Đến hạn trong Quý III/2026 : 3 nhiệm vụ")
    assert due == ["1.a", "2.a", "2.d"]
    # The same figures as the independent derivation from the fixture's data.
    plan = load_data(progress_site.parent / "data", root=progress_site.parent).plans[0]
    assert (heading, counts, due) == (lambda e: (e[0], e[1], e[3]))(expected_state(plan))


def test_a_task_page_states_its_status_in_text_in_the_summary(progress_site: Path) -> None:
    soup = BeautifulSoup((progress_site / "nhiem-vu" / "2-d" / "index.html").read_text(encoding="utf-8"), "html.parser")
    facts = soup.find("dl", class_="tdc-facts")
    status = facts.find("span", class_="tdc-status")
    assert status.get_text() == "Chậm tiến độ" and "tdc-status--delayed" in status["class"]
    assert "báo cáo ngày 14/08/2026: Chưa bố trí được kinh phí." in facts.get_text(" ", strip=True)
    # Each fact once: the schedule's wording appears in the summary only, the correction note once.
    article = soup.find("article")
    for hidden in article.find_all(hidden=True):  # what only the search index reads
        hidden.decompose()
    assert article.get_text(" ", strip=True).count("Quý III/2026") == 1


def test_each_fact_is_stated_once_on_a_real_task_page(site_dir: Path) -> None:
    text = BuiltPage(site_dir, "nhiem-vu/5-d").text
    assert text.count("Đính chính") == 1  # the correction: one note beside the corrected text, no table
    assert "bản gốc ghi «tham những», sửa thành «tham nhũng», ghi nhận ngày 25/11/2026" in text
    assert text.count("Định kỳ hoặc đột xuất theo yêu cầu") <= 1
    for path in ("nhom/2", "quy/2026-q2"):
        assert 'class="tdc-pager"' not in BuiltPage(site_dir, path).html, path  # Material's footer pages them
    assert "(cả năm) (" not in BuiltPage(site_dir, "don-vi/chi-cuc-tdc").text


# --- the contact box ---------------------------------------------------------------------------


def contact_box(site: Path, path: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
    box = soup.find("section", class_="tdc-contact")
    assert box is not None, f"{path}: no contact box"
    return box


@pytest.mark.parametrize("path", ["nhiem-vu/2-dd", "nhiem-vu/6-b", "gioi-thieu"])
def test_while_no_contact_is_configured_the_site_says_so(site_dir: Path, path: str) -> None:
    box = contact_box(site_dir, path)
    assert NOT_PUBLISHED in box.get_text(" ", strip=True)
    assert not box.find("a", href=lambda h: h and h.startswith(("mailto:", "tel:")))


@pytest.fixture(scope="module")
def contact_site(tmp_path_factory) -> Path:
    """The real project built with tests/fixtures/contact/mkdocs-contact.yml (a configured contact)."""
    project = tmp_path_factory.mktemp("contact")
    copy_project(project)
    shutil.copy(CONTACT_CONFIG, project / CONTACT_CONFIG.name)
    try:
        return checkers.build_site(project / CONTACT_CONFIG.name, project / "site")
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.mark.parametrize("path", ["nhiem-vu/2-dd", "nhiem-vu/6-b", "gioi-thieu"])
def test_a_configured_contact_is_shown_on_task_pages_and_about(contact_site: Path, path: str) -> None:
    box = contact_box(contact_site, path)
    text = box.get_text(" ", strip=True)
    assert NOT_PUBLISHED not in text
    assert box.find("a", href=lambda h: h and h.startswith("mailto:gopy@example.invalid"))
    assert box.find("a", href="tel:02800000000")
    assert "Số 0 Đường Thử nghiệm, Thành phố Hồ Chí Minh" in text
    if path.startswith("nhiem-vu/2-dd"):
        assert "nhiệm vụ 2.đ" in text


def test_the_contact_box_is_only_on_task_pages_and_about(site_dir: Path) -> None:
    for path in ("", "nhom/2", "don-vi/chi-cuc-tdc", "tra-cuu"):
        assert 'class="tdc-contact"' not in BuiltPage(site_dir, path).html, path


# --- readers and maintainers apart ------------------------------------------------------------


def test_maintainers_tools_are_in_one_closed_place_at_the_end(site_dir: Path) -> None:
    html = BuiltPage(site_dir, "nhiem-vu/2-dd").html
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article")
    note = article.find("details", class_="tdc-maintainers")
    assert note is not None and not note.has_attr("open")
    assert note.find("summary").get_text(strip=True) == "Dành cho người cập nhật dữ liệu"
    assert "dòng 115" in note.get_text(" ", strip=True)
    # Nowhere else in the article: no data-file line, no edit pencil, no code host link.
    note.decompose()
    rest = article.get_text(" ", strip=True)
    assert "plan.yml" not in rest and "dòng 115" not in rest
    assert not article.find("a", href=lambda h: h and "github.com" in h)
    assert not soup.find(class_="md-content__button")


def test_about_page_explains_maintenance_in_plain_words(site_dir: Path) -> None:
    text = BuiltPage(site_dir, "gioi-thieu").text
    note = text.index("Dành cho người cập nhật dữ liệu", text.index("Báo lỗi, góp ý"))
    for word in ("pull request", "issue", "YAML", "GitHub"):
        assert word.lower() not in text[:note].lower(), word


# --- 404 and print ----------------------------------------------------------------------------


def test_the_404_page_is_vietnamese_with_a_search_form_and_ways_back(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert article.find("h1").get_text(strip=True) == "Không tìm thấy trang"
    assert "Not found" not in article.get_text()
    form = article.find("form", attrs={"role": "search"})
    assert form["method"] == "get" and form["action"] == "/tim-kiem/"
    assert form.find("input", attrs={"name": "q", "type": "search"})
    assert form.find("label", attrs={"for": form.find("input")["id"]})
    links = {a["href"] for a in article.find_all("a")}
    assert {"/tra-cuu/", "/nhiem-vu/"} <= links and ("/" in links or "/./" in links)


def test_the_print_page_has_a_print_button(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "ban-in" / "index.html").read_text(encoding="utf-8"), "html.parser")
    button = soup.find("button", class_="tdc-print-button")
    assert button is not None and button["type"] == "button" and "print()" in button["onclick"]
