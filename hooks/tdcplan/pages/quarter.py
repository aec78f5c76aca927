"""Quarter pages: ``/quy/<year>-q<n>/``, what runs in each quarter."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Plan
from ..quarter_listing import quarter_listing
from ..schedule import quarter_bounds
from ..search_record import quarter_search_record
from ..wording import quarter_name
from .base import GeneratedPage, PageWriter, SiteContext


def quarter_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    for quarter in range(1, 5):
        src_uri = site.urls.quarter(plan.year, quarter)
        page = PageWriter(site, src_uri)
        listing = quarter_listing(plan.tasks, quarter)
        start, end = quarter_bounds(plan.year, quarter)
        sections = [
            ("Nhiệm vụ có lịch trong quý", listing.scheduled, "Không có nhiệm vụ nào ghi lịch trong quý này."),
            ("Nhiệm vụ thường xuyên", listing.ongoing, "Không có nhiệm vụ thường xuyên."),
            ("Nhiệm vụ thực hiện theo yêu cầu", listing.on_request, "Không có nhiệm vụ thực hiện theo yêu cầu."),
        ]
        name = quarter_name(quarter, plan.year)
        yield GeneratedPage(
            src_uri,
            page.render(
                "quarter.md.j2",
                {
                    "title": name,
                    "description": f"Nhiệm vụ tiêu chuẩn, đo lường, chất lượng trong {name}: {len(listing.scheduled)} "
                    f"có lịch trong quý, {len(listing.ongoing)} thường xuyên, {len(listing.on_request)} theo yêu cầu.",
                    "pagefind": quarter_search_record(plan.year, quarter),
                },
                listing=listing,
                year=plan.year,
                start=start,
                end=end,
                sections=sections,
                data_date=plan.data_date,
                explorer_url=page.url_of(site.urls.explorer(plan)),
            ),
            edit_path=plan.location.path,
        )
