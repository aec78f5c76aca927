"""A small plan made in code (no YAML, no MkDocs), for the unit tests of pages, URLs and exports.

Plan 2026: group 1 with tasks 1.a (Quý I và II, lead u-a, partner u-b, cites «Đề án 1»)
and 1.b (ongoing, lead u-b), group 2 with task 2.đ (on request, lead u-a). Task 1.a
has one correction and one progress report. :func:`two_plans` adds a 2027 plan.
"""

from __future__ import annotations

import datetime as dt

from tdcplan.identifiers import Identifiers
from tdcplan.load import PlanData
from tdcplan.model import (
    Correction,
    Group,
    GroupHeading,
    ParentPlan,
    Plan,
    Reference,
    SourceLocation,
    StatusCode,
    StatusReport,
    Task,
    TextItem,
    Unit,
    UnitKind,
)
from tdcplan.pages import SiteContext
from tdcplan.schedule import parse_schedule
from tdcplan.urls import Urls

HERE = SourceLocation("data/units.yml", 1)
UNIT_A = Unit("u-a", "Phòng Tiêu chuẩn", "P.TC", UnitKind.ORGANISATION, (), SourceLocation("data/units.yml", 2))
UNIT_B = Unit("u-b", "Chi cục <Đo lường>", "CC.ĐL", UnitKind.ORGANISATION, (), SourceLocation("data/units.yml", 8))
REFERENCE = Reference("de-an-1", "Đề án 1", "Đề án", "", ("Đề án 1",), SourceLocation("data/references.yml", 2))


def _task(
    year: int, group: GroupHeading, letter: str, text: str, schedule: str, lead: Unit, at: SourceLocation
) -> Task:
    """A task with one paragraph, one output, one lead unit, no partner, no reference, no record."""
    output = TextItem("Kết quả", "Kết quả")
    return Task(year, group, letter, (TextItem(text, text),), (output,), parse_schedule(schedule), (lead,), (), (), at)


def plan(year: int) -> Plan:
    """The small plan of ``year`` (task texts name the year, so that two plans differ)."""
    path = f"data/plans/{year}/plan.yml"
    one, two = GroupHeading(1, "Nhóm một"), GroupHeading(2, "Nhóm *hai*")
    correction = Correction("content", "Đề an", "Đề án", "lỗi gõ", dt.date(year, 2, 1), SourceLocation(path, 90))
    report = StatusReport(StatusCode.IN_PROGRESS, dt.date(year, 3, 1), "", SourceLocation(path, 95))
    task_a = Task(
        year,
        one,
        "a",
        (TextItem(f"Thực hiện Đề an 1 năm {year}", f"Thực hiện Đề án 1 năm {year}"),),
        (TextItem("Báo cáo", "Báo cáo"),),
        parse_schedule(f"Quý I và II/{year}"),
        (UNIT_A,),
        (UNIT_B,),
        (REFERENCE,),
        SourceLocation(path, 10),
        corrections=(correction,),
        reports=(report,),
    )
    task_b = _task(year, one, "b", "Kiểm tra [định kỳ]", "Thường xuyên", UNIT_B, SourceLocation(path, 20))
    task_dd = _task(
        year, two, "đ", "Hỗ trợ doanh nghiệp", "Định kỳ hoặc đột xuất theo yêu cầu", UNIT_A, SourceLocation(path, 30)
    )
    groups = (
        Group(1, one.title, (task_a, task_b), SourceLocation(path, 8)),
        Group(2, two.title, (task_dd,), SourceLocation(path, 28)),
    )
    parent = ParentPlan(f"Kế hoạch số /KH-SKHCN ngày tháng năm {year}", None, None)
    units = {UNIT_A.id: UNIT_A, UNIT_B.id: UNIT_B}
    return Plan(
        year,
        "Phụ lục",
        f"DANH MỤC NHIỆM VỤ NĂM {year}",
        parent,
        "Sở KH&CN",
        "kh.docx",
        groups,
        units,
        {REFERENCE.id: REFERENCE},
        SourceLocation(path, 1),
    )


IDS = Identifiers("so.example.vn")  # the publisher's permanent name (mkdocs.yml extra.publisher_id)


def data(*years: int) -> PlanData:
    """The registries and the small plans of ``years`` (oldest first)."""
    plans = tuple(plan(year) for year in sorted(years or (2026,)))
    return PlanData({UNIT_A.id: UNIT_A, UNIT_B.id: UNIT_B}, {REFERENCE.id: REFERENCE}, plans)


def site(*years: int, site_url: str = "https://tdc.example.vn/", primary: int | None = None) -> SiteContext:
    """The page builders' context for the small plans (the oldest is primary unless told)."""
    plan_data = data(*years)
    urls = Urls(
        plan_data.plans,
        primary or plan_data.plans[0].year,
        plan_data.units.values(),
        plan_data.references.values(),
        site_url,
    )
    return SiteContext(plan_data, urls, IDS, repository_url="https://github.com/o/r")
