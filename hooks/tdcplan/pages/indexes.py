"""Section index pages (``/nhiem-vu/``, ``/nhom/``, ``/don-vi/``, ``/quy/``, ``/van-ban/``): one template, one table each."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..model import Plan, Reference, Unit
from ..paging import Section
from ..plan_state import tasks_due_in_quarter
from ..progress import data_date_text
from ..quarter_listing import quarter_listing
from ..schedule import quarter_bounds
from ..urls import REFERENCES_INDEX, UNITS_INDEX
from ..wording import format_date, quarter_name
from .base import GeneratedPage, PageWriter, SiteContext
from .listing import listing_page_writers


def _listing(
    site: SiteContext,
    src_uri: str,
    heading: str,
    description: str,
    intro: str,
    columns: list[str],
    rows: Sequence[Any],
    edit_path: str | None,
) -> Iterator[GeneratedPage]:
    """An index's pages: tasks in the task list (no ``columns``), or rows (functions of the page's writer) in a table."""
    sections = [Section((), tuple(rows), "Chưa có mục nào.")]
    for listed in listing_page_writers(site, src_uri, sections):
        yield listed.page(
            "listing.md.j2",
            {"title": heading, "description": description},
            edit_path,
            f"Các trang của danh sách «{heading}»",
            table_label=heading,
            columns=columns,
            heading=heading,
            intro=intro,
        )


def index_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    """The index of each section, for ``plan`` (units and documents list every plan's counts)."""
    urls = site.urls
    yield from _listing(
        site,
        urls.tasks_index(plan),
        f"Tất cả nhiệm vụ năm {plan.year}",
        f"Danh sách {len(plan.tasks)} nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm {plan.year}, theo thứ tự của kế hoạch.",
        f"{len(plan.tasks)} nhiệm vụ theo thứ tự của kế hoạch. Trang tra cứu cho phép lọc theo nhóm, đơn vị, quý và tình trạng."
        + (f" Tình trạng: {data_date_text(plan.data_date).lower()}." if plan.data_date else ""),
        [],
        plan.tasks,
        plan.location.path,
    )
    yield from _listing(
        site,
        urls.groups_index(plan),
        f"Các nhóm nhiệm vụ năm {plan.year}",
        f"{len(plan.groups)} nhóm nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm {plan.year}.",
        f"Kế hoạch năm {plan.year} chia {len(plan.tasks)} nhiệm vụ thành {len(plan.groups)} nhóm.",
        ["Nhóm", "Nội dung", "Số nhiệm vụ"],
        [lambda page, g=group: [page.group_link(g, plan.year), g.title, len(g.tasks)] for group in plan.groups],
        plan.location.path,
    )
    for quarter in range(1, 5):
        name = quarter_name(quarter, plan.year)
        due = tasks_due_in_quarter(plan, plan.year, quarter)
        start, end = (format_date(day) for day in quarter_bounds(plan.year, quarter))
        yield from _listing(
            site,
            urls.due_in_quarter(plan.year, quarter),
            f"Nhiệm vụ đến hạn trong {name}",
            f"{len(due)} nhiệm vụ có thời gian thực hiện theo kế hoạch kết thúc trong {name}.",
            f"{len(due)} nhiệm vụ có thời gian thực hiện theo kế hoạch kết thúc trong {name} (từ {start} đến {end}), "
            "theo thứ tự của kế hoạch."
            + (f" Tình trạng: {data_date_text(plan.data_date).lower()}." if plan.data_date else ""),
            [],
            due,
            plan.location.path,
        )
    yield from _listing(
        site,
        urls.quarters_index(plan),
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


# (heading, description, intro) of the registry indexes; {count} is the number of entries.
REGISTRY_TEXTS = {
    UNITS_INDEX: (
        "Đơn vị thực hiện",
        "{count} đơn vị chủ trì và phối hợp thực hiện các nhiệm vụ tiêu chuẩn, đo lường, chất lượng.",
        "Số nhiệm vụ mỗi đơn vị chủ trì và phối hợp. Chọn một đơn vị để xem nhiệm vụ của đơn vị theo từng quý.",
    ),
    REFERENCES_INDEX: (
        "Văn bản, chương trình được dẫn chiếu",
        "{count} chương trình, đề án, kế hoạch và văn bản pháp luật mà các nhiệm vụ dẫn chiếu.",
        "Các chương trình, đề án, kế hoạch và văn bản pháp luật được nêu trong nội dung hoặc sản phẩm của nhiệm vụ.",
    ),
}


def _registry_listing(
    site: SiteContext, src_uri: str, entries: list[Any], columns: list[str], row: Callable[[PageWriter, Any], list]
) -> Iterator[GeneratedPage]:
    """The index of a registry: one row per entry, with counts per plan, newest plan first."""
    heading, description, intro = REGISTRY_TEXTS[src_uri]
    rows = [lambda page, entry=entry: row(page, entry) for entry in entries]
    edit_path = entries[0].location.path if entries else None
    return _listing(site, src_uri, heading, description.format(count=len(entries)), intro, columns, rows, edit_path)


def registry_index_pages(site: SiteContext) -> Iterator[GeneratedPage]:
    """Indexes of the registries shared by every plan: units and documents."""
    plans = tuple(reversed(site.plans))

    def unit_row(page: PageWriter, unit: Unit) -> list:
        counts = [n for p in plans for n in (len(p.tasks_led_by(unit)), len(p.tasks_coordinated_by(unit)))]
        return [page.unit_link(unit), unit.short_name, *counts]

    def reference_row(page: PageWriter, reference: Reference) -> list:
        return [page.reference_link(reference), reference.kind, *(len(p.tasks_citing(reference)) for p in plans)]

    unit_columns = [c for p in plans for c in (f"Chủ trì {p.year}", f"Phối hợp {p.year}")]
    yield from _registry_listing(
        site, UNITS_INDEX, list(site.data.units.values()), ["Đơn vị", "Tên viết gọn", *unit_columns], unit_row
    )
    reference_columns = ["Văn bản", "Loại", *(f"Số nhiệm vụ {p.year}" for p in plans)]
    yield from _registry_listing(
        site, REFERENCES_INDEX, list(site.data.references.values()), reference_columns, reference_row
    )
