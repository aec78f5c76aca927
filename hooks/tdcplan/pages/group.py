"""Group pages: ``/nhom/<n>/``, the group's title and its tasks in plan order (continued on ``trang-2/``…)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Plan
from ..paging import Section
from ..search_record import group_search_record
from ..wording import plan_title, shorten
from .base import GeneratedPage, SiteContext
from .listing import listing_page_writers


def group_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    for group in plan.groups:
        meta = {
            "title": f"Nhóm {group.number}: {shorten(group.title, 80)}",
            "description": shorten(f"Nhóm {group.number} ({len(group.tasks)} nhiệm vụ): {group.title}", 155),
            "pagefind": group_search_record(group),
        }
        sections = [Section((), group.tasks, "Nhóm này không có nhiệm vụ nào.")]
        for listed in listing_page_writers(site, site.urls.group(group, plan.year), sections):
            yield listed.page(
                "group.md.j2",
                meta,
                group.location.path,
                f"Các trang nhiệm vụ của nhóm {group.number}",
                table_label=f"Nhiệm vụ của nhóm {group.number}",
                group=group,
                plan=plan,
                plan_title=plan_title(plan),
            )
