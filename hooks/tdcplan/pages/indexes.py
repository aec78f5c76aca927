"""Section index pages (``/nhiem-vu/``, ``/nhom/``, ``/don-vi/``, ``/quy/``, ``/van-ban/``): one template, one table each."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..calendar import quarter_listing
from ..model import Plan
from ..progress import data_date_text
from ..urls import REFERENCES_INDEX, UNITS_INDEX
from ..wording import format_date, quarter_bounds, shorten
from .base import GeneratedPage, PageWriter, SiteContext, status_cell


def _listing(
    site: SiteContext,
    src_uri: str,
    heading: str,
    description: str,
    intro: str,
    columns: list[str],
    rows: list[list[Any]],
    edit_path: str | None,
) -> GeneratedPage:
    page = PageWriter(site, src_uri)
    return GeneratedPage(
        src_uri,
        page.render(
            "listing.md.j2",
            {"title": heading, "description": description},
            heading=heading,
            intro=intro,
            columns=columns,
            rows=[row(page) if callable(row) else row for row in rows],
        ),
        edit_path=edit_path,
    )


def index_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    """The index of each section, for ``plan`` (units and documents list every plan's counts)."""
    layout = site.layout
    yield _listing(
        site,
        layout.tasks_index(plan),
        f"Tất cả nhiệm vụ năm {plan.year}",
        f"Danh sách {len(plan.tasks)} nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm {plan.year}, theo thứ tự của kế hoạch.",
        f"{len(plan.tasks)} nhiệm vụ theo thứ tự của kế hoạch. Trang tra cứu cho phép lọc theo nhóm, đơn vị, quý và tình trạng."
        + (f" Tình trạng: {data_date_text(plan.data_date).lower()}." if plan.data_date else ""),
        ["Số", "Nội dung", "Thời gian thực hiện", "Đơn vị chủ trì", "Tình trạng"],
        [
            lambda page, t=task: [
                page.task_link(t),
                page.task_link(t, shorten(t.content[0].text)),
                t.schedule.text,
                page.units_links(t.lead, short=True),
                status_cell(t),
            ]
            for task in plan.tasks
        ],
        plan.location.path,
    )
    yield _listing(
        site,
        layout.groups_index(plan),
        f"Các nhóm nhiệm vụ năm {plan.year}",
        f"{len(plan.groups)} nhóm nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm {plan.year}.",
        f"Kế hoạch năm {plan.year} chia {len(plan.tasks)} nhiệm vụ thành {len(plan.groups)} nhóm.",
        ["Nhóm", "Nội dung", "Số nhiệm vụ"],
        [lambda page, g=group: [page.group_link(g, plan.year), g.title, len(g.tasks)] for group in plan.groups],
        plan.location.path,
    )
    yield _listing(
        site,
        layout.quarters_index(plan),
        f"Nhiệm vụ theo quý năm {plan.year}",
        f"Nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm {plan.year} theo từng quý.",
        "Mỗi quý gồm các nhiệm vụ có lịch trong quý, các nhiệm vụ thường xuyên và các nhiệm vụ thực hiện theo yêu cầu.",
        ["Quý", "Thời gian", "Có lịch trong quý", "Thường xuyên", "Theo yêu cầu"],
        [
            lambda page, q=listing.quarter, listing=listing: [
                page.quarter_link(plan.year, q),
                " – ".join(format_date(d) for d in quarter_bounds(plan.year, q)),
                len(listing.scheduled),
                len(listing.ongoing),
                len(listing.on_request),
            ]
            for listing in (quarter_listing(plan.tasks, quarter) for quarter in range(1, 5))
        ],
        plan.location.path,
    )


def registry_index_pages(site: SiteContext) -> Iterator[GeneratedPage]:
    """Indexes of the registries shared by every plan: units and documents."""
    plans = tuple(reversed(site.plans))
    units = list(site.data.units.values())
    yield _listing(
        site,
        UNITS_INDEX,
        "Đơn vị thực hiện",
        f"{len(units)} đơn vị chủ trì và phối hợp thực hiện các nhiệm vụ tiêu chuẩn, đo lường, chất lượng.",
        "Số nhiệm vụ mỗi đơn vị chủ trì và phối hợp. Chọn một đơn vị để xem nhiệm vụ của đơn vị theo từng quý.",
        ["Đơn vị", "Tên viết gọn"] + [c for p in plans for c in (f"Chủ trì {p.year}", f"Phối hợp {p.year}")],
        [
            lambda page, u=unit: (
                [page.unit_link(u), u.short_name]
                + [n for p in plans for n in (len(p.tasks_led_by(u)), len(p.tasks_coordinated_by(u)))]
            )
            for unit in units
        ],
        units[0].location.path if units else None,
    )
    references = list(site.data.references.values())
    yield _listing(
        site,
        REFERENCES_INDEX,
        "Văn bản, chương trình được dẫn chiếu",
        f"{len(references)} chương trình, đề án, kế hoạch và văn bản pháp luật mà các nhiệm vụ dẫn chiếu.",
        "Các chương trình, đề án, kế hoạch và văn bản pháp luật được nêu trong nội dung hoặc sản phẩm của nhiệm vụ.",
        ["Văn bản", "Loại"] + [f"Số nhiệm vụ {p.year}" for p in plans],
        [
            lambda page, r=reference: [page.reference_link(r), r.kind] + [len(p.tasks_citing(r)) for p in plans]
            for reference in references
        ],
        references[0].location.path if references else None,
    )
