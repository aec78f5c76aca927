"""The home page: what this is, where the plan stands as of its data date, the year by quarter."""

from __future__ import annotations

from ..escaping import Trusted
from ..model import Plan
from ..paging import ROWS_PER_PAGE, SUMMARY_ROWS
from ..plan_state import data_date, quarter_of, tasks_due_in_quarter
from ..timeline import timeline_html
from ..wording import parent_plan_wording, plan_title
from .base import GeneratedPage, PageWriter, SiteContext


def home_page(site: SiteContext, plan: Plan, extra_links: list[Trusted]) -> GeneratedPage:
    src_uri = site.urls.plan_home(plan)
    page = PageWriter(site, src_uri)
    units = [(u, len(plan.tasks_led_by(u)), len(plan.tasks_coordinated_by(u))) for u in site.data.units.values()]
    heading = f"Kế hoạch tiêu chuẩn, đo lường, chất lượng năm {plan.year}"
    as_of = data_date(plan)
    # The quarter «now» is the data date's, and only within the plan's own year.
    quarter = quarter_of(as_of) if as_of and as_of.year == plan.year else None
    return GeneratedPage(
        src_uri,
        page.render(
            "home.md.j2",
            {
                "title": heading,
                "description": f"{plan.issuer}: {len(plan.tasks)} nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm "
                f"{plan.year} — nội dung, đơn vị chủ trì, phối hợp, thời gian thực hiện và tình trạng.",
            },
            heading=heading,
            plan=plan,
            plan_title=plan_title(plan),
            parent_plan=parent_plan_wording(plan),
            as_of=as_of,
            quarter=quarter,
            due=tasks_due_in_quarter(plan, plan.year, quarter) if quarter else (),
            # The year's timeline draws a row per task: drawn while the plan fits in a page of rows.
            timeline=Trusted(timeline_html(plan.tasks, plan.year, lambda task: page.href(site.urls.task(task))))
            if len(plan.tasks) <= ROWS_PER_PAGE
            else None,
            summary_rows=SUMMARY_ROWS,
            units=units,
            search_url=page.href(site.urls.search()),
            extra_links=extra_links,
        ),
        edit_path=plan.location.path,
    )
