"""Group pages: ``/nhom/<n>/``, the group's title and its tasks in plan order."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Plan
from ..search_record import group_search_record
from ..wording import plan_title, shorten
from .base import GeneratedPage, PageWriter, SiteContext


def group_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    groups = plan.groups
    for group in groups:
        src_uri = site.urls.group(group, plan.year)
        page = PageWriter(site, src_uri)
        yield GeneratedPage(
            src_uri,
            page.render(
                "group.md.j2",
                {
                    "title": f"Nhóm {group.number}: {shorten(group.title, 80)}",
                    "description": shorten(f"Nhóm {group.number} ({len(group.tasks)} nhiệm vụ): {group.title}", 155),
                    "pagefind": group_search_record(group),
                },
                group=group,
                plan=plan,
                plan_title=plan_title(plan),
            ),
            edit_path=group.location.path,
        )
