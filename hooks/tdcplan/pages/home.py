"""The home page: what the plan is, its groups, its year by quarter, its units."""

from __future__ import annotations

from ..escaping import Trusted
from ..model import Plan, Task
from ..schedule import ScheduleKind
from ..timeline import timeline_svg
from ..wording import parent_plan_wording, plan_title
from .base import GeneratedPage, PageWriter, SiteContext


def quarter_mark(task: Task, quarter: int) -> str:
    """A table cell saying whether ``task`` runs in ``quarter``."""
    kind = task.schedule.kind
    if kind is ScheduleKind.ON_REQUEST:
        return "theo yêu cầu"
    if quarter not in task.schedule.quarters:
        return "—"
    return "thường xuyên" if kind is ScheduleKind.ONGOING else "có"


def home_page(site: SiteContext, plan: Plan, extra_links: list[Trusted]) -> GeneratedPage:
    src_uri = site.urls.plan_home(plan)
    page = PageWriter(site, src_uri)
    units = [(u, len(plan.tasks_led_by(u)), len(plan.tasks_coordinated_by(u))) for u in site.data.units.values()]
    heading = f"Kế hoạch tiêu chuẩn, đo lường, chất lượng năm {plan.year}"
    return GeneratedPage(
        src_uri,
        page.render(
            "home.md.j2",
            {
                "title": heading,
                "description": f"{plan.issuer}: {len(plan.tasks)} nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm "
                f"{plan.year} — nội dung, đơn vị chủ trì, phối hợp và thời gian thực hiện theo quý.",
            },
            heading=heading,
            plan=plan,
            plan_title=plan_title(plan),
            parent_plan=parent_plan_wording(plan),
            timeline=Trusted(timeline_svg(plan.tasks, plan.year)),
            quarter_mark=quarter_mark,
            units=units,
            search_url=page.href(site.urls.search()),
            extra_links=extra_links,
        ),
        edit_path=plan.location.path,
    )
