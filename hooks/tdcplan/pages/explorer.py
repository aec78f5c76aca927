"""The task explorer, ``/tra-cuu/``: every task in a table (the page works without JavaScript)."""

from __future__ import annotations

from ..model import Plan
from ..wording import shorten
from .base import GeneratedPage, PageWriter, SiteContext


def explorer_page(site: SiteContext, plan: Plan) -> GeneratedPage:
    src_uri = site.layout.explorer(plan)
    page = PageWriter(site, src_uri)
    rows = [
        [page.task_link(t), page.task_link(t, shorten(t.content[0].text)), t.schedule.text,
         page.units_links(t.lead, short=True), page.units_links(t.partners, short=True), t.status_label]
        for t in plan.tasks
    ]
    heading = f"Tra cứu nhiệm vụ năm {plan.year}"
    return GeneratedPage(src_uri, page.render(
        "listing.md.j2",
        {"title": heading, "description": f"Tra cứu {len(plan.tasks)} nhiệm vụ năm {plan.year} theo nhóm, đơn vị, quý và tình trạng."},
        heading=heading,
        intro=f"{len(plan.tasks)} nhiệm vụ của kế hoạch năm {plan.year}.",
        columns=["Số", "Nội dung", "Thời gian thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tình trạng"],
        rows=rows,
    ), edit_path=plan.location.path, in_nav=True)
