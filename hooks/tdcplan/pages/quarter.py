"""Quarter pages: ``/quy/<year>-q<n>/``, what runs in each quarter (continued on ``trang-2/``…)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Plan
from ..paging import Section
from ..plan_state import tasks_due_in_quarter
from ..quarter_listing import quarter_listing
from ..schedule import quarter_bounds
from ..search_record import quarter_search_record
from ..wording import quarter_name
from .base import GeneratedPage, SiteContext
from .listing import listing_page_writers


def quarter_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    for quarter in range(1, 5):
        listing = quarter_listing(plan.tasks, quarter)
        start, end = quarter_bounds(plan.year, quarter)
        sections = [
            Section(
                ("Nhiệm vụ có lịch trong quý",), listing.scheduled, "Không có nhiệm vụ nào ghi lịch trong quý này."
            ),
            Section(("Nhiệm vụ thường xuyên",), listing.ongoing, "Không có nhiệm vụ thường xuyên."),
            Section(
                ("Nhiệm vụ thực hiện theo yêu cầu",), listing.on_request, "Không có nhiệm vụ thực hiện theo yêu cầu."
            ),
        ]
        name = quarter_name(quarter, plan.year)
        meta = {
            "title": name,
            "description": f"Nhiệm vụ tiêu chuẩn, đo lường, chất lượng trong {name}: {len(listing.scheduled)} "
            f"có lịch trong quý, {len(listing.ongoing)} thường xuyên, {len(listing.on_request)} theo yêu cầu.",
            "pagefind": quarter_search_record(plan.year, quarter),
        }
        for listed in listing_page_writers(site, site.urls.quarter(plan.year, quarter), sections):
            yield listed.page(
                "quarter.md.j2",
                meta,
                plan.location.path,
                f"Các trang nhiệm vụ của {name}",
                quarter_tasks=listing,
                year=plan.year,
                start=start,
                end=end,
                data_date=plan.data_date,
                explorer_url=listed.writer.url_of(site.urls.explorer(plan)),
                due=tasks_due_in_quarter(plan, plan.year, quarter),
                due_url=listed.writer.url_of(site.urls.due_in_quarter(plan.year, quarter)),
            )
