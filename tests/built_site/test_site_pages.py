"""The built site (a real `mkdocs build --strict`) says what the data says, on the right pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from repository import REPOSITORY
from tdcplan.load import load_data
from tdcplan.model import Plan
from tdcplan.schedule import ScheduleKind

from built_site.html_text import BuiltPage


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_data(REPOSITORY / "data", root=REPOSITORY).plans[0]


def task_numbers_in(page: BuiltPage, plan: Plan) -> set[str]:
    """Numbers of the tasks a page links to."""
    linked = {path for path, _ in page.internal_targets()}
    return {task.number for task in plan.tasks if f"nhiem-vu/{task.slug}" in linked}


def heading_position(html: str, text: str, start: int = 0) -> int:
    """Where the heading (h2/h3, not the table of contents) that starts with ``text`` is."""
    match = re.compile(rf"<h[23][^>]*>{re.escape(text)}").search(html, start)
    assert match, f"no heading «{text}»"
    return match.start()


def section_numbers(page: BuiltPage, plan: Plan, start_heading: str, end_marker: str) -> set[str]:
    """Numbers of tasks linked between a heading and the next heading or marker."""
    html = page.html
    start = heading_position(html, start_heading)
    end = html.index(end_marker, start + 1)
    return {task.number for task in plan.tasks if f'href="../../nhiem-vu/{task.slug}/"' in html[start:end]}


def test_every_task_page_exists_and_shows_its_official_text(site_dir: Path, plan: Plan) -> None:
    assert len(plan.tasks) == 24
    for task in plan.tasks:
        page = BuiltPage(site_dir, f"nhiem-vu/{task.slug}")
        assert page.text.startswith(f"{task.number} · "), task.number  # the H1: number · start of content
        for item in task.content + task.outputs:
            assert item.text in page.text, f"{task.number}: «{item.text[:60]}…» missing"
        assert task.schedule.text in page.text
        for unit in task.lead + task.partners:
            assert unit.name in page.text, f"{task.number}: unit {unit.id} missing"
        assert "Chưa báo cáo" in page.text


def test_task_slugs_are_distinct_for_d_and_dd(site_dir: Path, plan: Plan) -> None:
    d, dd = BuiltPage(site_dir, "nhiem-vu/2-d"), BuiltPage(site_dir, "nhiem-vu/2-dd")
    assert d.text.startswith("2.d · ") and plan.task("2.d").content[0].text in d.text
    assert dd.text.startswith("2.đ · ") and plan.task("2.đ").content[0].text in dd.text


def test_a_corrected_task_shows_the_correction_beside_the_original(site_dir: Path) -> None:
    page = BuiltPage(site_dir, "nhiem-vu/5-d")
    assert "tham nhũng, tiêu cực" in page.text  # the corrected wording in the content
    assert "nguyên văn" in page.text and "tham những" in page.text  # and the source's own
    assert "Đính chính" in page.text


def test_task_page_links_its_quarters_units_documents_and_neighbours(site_dir: Path, plan: Plan) -> None:
    task = plan.task("2.a")
    targets = {path for path, _ in BuiltPage(site_dir, "nhiem-vu/2-a").internal_targets()}
    assert "quy/2026-q4" in targets and "quy/2026-q1" not in targets
    assert {f"don-vi/{u.id}" for u in task.lead + task.partners} <= targets
    assert {f"van-ban/{r.id}" for r in task.references} == {t for t in targets if t.startswith("van-ban/")}
    assert {"nhiem-vu/1-b", "nhiem-vu/2-b", "nhom/2"} <= targets  # previous, next, group


def test_every_link_between_generated_pages_resolves(site_dir: Path, plan: Plan) -> None:
    pages = ["", "nhom", "don-vi", "quy", "van-ban", "nhiem-vu", "tra-cuu"]
    pages += [f"nhiem-vu/{t.slug}" for t in plan.tasks] + [f"nhom/{g.number}" for g in plan.groups]
    pages += [f"quy/2026-q{q}" for q in range(1, 5)]
    pages += [f"don-vi/{u}" for u in plan.units] + [f"van-ban/{r}" for r in plan.references]
    checked = 0
    for path in pages:
        for target, fragment in BuiltPage(site_dir, path).internal_targets():
            file = (
                site_dir / target / "index.html"
                if not target.endswith((".json", ".csv", ".ics", ".xml"))
                else site_dir / target
            )
            assert file.exists(), f"/{path}/ links to missing /{target}"
            if fragment and file.suffix == ".html":
                assert fragment in BuiltPage(site_dir, target).ids, (
                    f"/{path}/ links to missing #{fragment} of /{target}/"
                )
            checked += 1
    assert checked > 500


def test_quarter_pages_list_exactly_the_tasks_of_each_quarter(site_dir: Path, plan: Plan) -> None:
    for quarter in range(1, 5):
        page = BuiltPage(site_dir, f"quy/2026-q{quarter}")
        scheduled = {
            t.number
            for t in plan.tasks
            if t.schedule.kind in (ScheduleKind.QUARTERS, ScheduleKind.MONTHS) and quarter in t.schedule.quarters
        }
        ongoing = {t.number for t in plan.tasks if t.schedule.kind is ScheduleKind.ONGOING}
        on_request = {t.number for t in plan.tasks if t.schedule.kind is ScheduleKind.ON_REQUEST}
        assert section_numbers(page, plan, "Nhiệm vụ có lịch trong quý", "<h2") == scheduled
        assert section_numbers(page, plan, "Nhiệm vụ thường xuyên", "<h2") == ongoing
        assert section_numbers(page, plan, "Nhiệm vụ thực hiện theo yêu cầu", "</article>") == on_request


def test_first_quarter_by_hand(site_dir: Path, plan: Plan) -> None:
    page = BuiltPage(site_dir, "quy/2026-q1")
    scheduled = section_numbers(page, plan, "Nhiệm vụ có lịch trong quý", "<h2")
    assert scheduled == {"1.a", "1.b", "2.đ", "2.h"}  # 2.đ runs from 01/2026 to 11/2026; 2.a is Quý IV only
    assert "2.a" not in task_numbers_in(page, plan)
    q4 = section_numbers(BuiltPage(site_dir, "quy/2026-q4"), plan, "Nhiệm vụ có lịch trong quý", "<h2")
    assert q4 == {"2.a", "2.b", "2.đ", "2.e", "3.a", "3.d"}


def listing_html(site_dir: Path, path: str) -> str:
    """The HTML of every page of a listing: ``path``, then ``path/trang-2``… while they exist."""
    pages = [BuiltPage(site_dir, path).html]
    while (site_dir / path / f"trang-{len(pages) + 1}" / "index.html").is_file():
        pages.append(BuiltPage(site_dir, f"{path}/trang-{len(pages) + 1}").html)
    return "".join(pages)


def test_unit_pages_list_the_right_tasks_in_the_right_role(site_dir: Path, plan: Plan) -> None:
    for unit in plan.units.values():
        page = BuiltPage(site_dir, f"don-vi/{unit.id}")
        assert unit.name in page.text
        html = listing_html(site_dir, f"don-vi/{unit.id}")
        split = heading_position(html, "Nhiệm vụ phối hợp năm 2026")
        # Links from /don-vi/<id>/ and from its next pages /don-vi/<id>/trang-2/ (one level deeper).
        led = {
            t.number
            for t in plan.tasks
            if re.search(
                rf'href="(\.\./)+nhiem-vu/{t.slug}/"', html[heading_position(html, "Nhiệm vụ chủ trì") : split]
            )
        }
        coordinated = {t.number for t in plan.tasks if re.search(rf'href="(\.\./)+nhiem-vu/{t.slug}/"', html[split:])}
        assert led == {t.number for t in plan.tasks_led_by(unit)}, unit.id
        assert coordinated == {t.number for t in plan.tasks_coordinated_by(unit)}, unit.id


def test_unit_pages_by_hand(site_dir: Path, plan: Plan) -> None:
    legal = BuiltPage(site_dir, "don-vi/phong-kiem-tra-phap-che")
    assert "chủ trì 0 nhiệm vụ, phối hợp 6 nhiệm vụ" in legal.text
    collective = BuiltPage(site_dir, "don-vi/cac-phong-don-vi")
    assert "Các phòng, đơn vị trực thuộc Sở" in collective.text
    assert "phối hợp 11 nhiệm vụ" in collective.text
    science = BuiltPage(site_dir, "don-vi/phong-quan-ly-khoa-hoc")
    assert task_numbers_in(science, plan) == {"3.c"}


def test_group_pages_list_their_tasks_in_plan_order(site_dir: Path, plan: Plan) -> None:
    for group in plan.groups:
        page = BuiltPage(site_dir, f"nhom/{group.number}")
        assert group.title in page.text
        positions = [page.html.index(f'href="../../nhiem-vu/{t.slug}/"') for t in group.tasks]
        assert positions == sorted(positions)
        assert task_numbers_in(page, plan) == {t.number for t in group.tasks}


def test_document_pages_list_the_tasks_citing_them(site_dir: Path, plan: Plan) -> None:
    for reference in plan.references.values():
        page = BuiltPage(site_dir, f"van-ban/{reference.id}")
        assert reference.title in page.text
        assert task_numbers_in(page, plan) == {t.number for t in plan.tasks_citing(reference)}, reference.id
    assert task_numbers_in(BuiltPage(site_dir, "van-ban/de-an-996"), plan) == {"1.a", "2.a", "3.a", "4.c"}


def test_home_page_has_groups_timeline_units_and_a_search_form(site_dir: Path, plan: Plan) -> None:
    page = BuiltPage(site_dir, "")
    assert "24 nhiệm vụ" in page.text and "6 nhóm" in page.text
    # The timeline: one link per task, whose text (number and official schedule) is the chart's text equivalent.
    timeline = page.html[page.html.index('<ol class="tdc-timeline__rows"') :]
    timeline = timeline[: timeline.index("</ol>")]
    for task in plan.tasks:
        assert f'href="nhiem-vu/{task.slug}/"' in timeline, task.number
    assert timeline.count("<li>") == len(plan.tasks)
    assert "<table" not in timeline
    # A plain GET form to the search page (q=…).
    assert '<form class="tdc-search" action="tim-kiem/" method="get"' in page.html
    assert 'name="q"' in page.html
    for unit in plan.units.values():
        assert unit.short_name in page.text  # the full name is on the unit's page


def test_navigation_lists_sections_but_no_task_page(site_dir: Path) -> None:
    # Group 1's page links to its own tasks (1.a, 1.b) only: any link to 6.b would come from the navigation.
    html = BuiltPage(site_dir, "nhom/1").html
    assert "nhiem-vu/6-b/" not in html and "nhiem-vu/2-dd/" not in html
    tabs = html[html.index('<nav class="md-tabs"') :]
    tabs = " ".join(tabs[: tabs.index("</nav>")].split())
    for section in ("Trang chủ", "Nhóm", "Đơn vị", "Quý", "Văn bản", "Tra cứu", "Giới thiệu"):
        assert section in tabs, section


def test_every_page_has_a_meta_description(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("index.html"))
    assert len(pages) > 60
    for file in pages:
        text = file.read_text(encoding="utf-8")
        assert '<meta name="description" content="' in text, file


def test_the_edit_button_opens_the_yaml_file_of_a_task(site_dir: Path, plan: Plan) -> None:
    task = plan.task("2.đ")
    html = BuiltPage(site_dir, "nhiem-vu/2-dd").html
    assert f'href="https://github.com/sokhcn-hcm/ke-hoach-tdc/edit/main/{task.location.path}"' in html
    assert f"/blob/main/{task.location.path}#L{task.location.line}" in html
    about = BuiltPage(site_dir, "gioi-thieu").html
    assert 'href="https://github.com/sokhcn-hcm/ke-hoach-tdc/edit/main/docs/gioi-thieu.md"' in about


def test_heading_anchors_keep_vietnamese_letters(site_dir: Path) -> None:
    assert "nội-dung-thực-hiện" in BuiltPage(site_dir, "nhiem-vu/1-a").ids
