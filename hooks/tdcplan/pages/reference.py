"""Programme and legal-document pages: ``/van-ban/<id>/``, what it is and which tasks cite it."""

from __future__ import annotations

from collections.abc import Iterator

from ..paging import Section
from ..search_record import reference_search_record
from ..wording import shorten
from .base import GeneratedPage, SiteContext
from .listing import listing_page_writers


def reference_pages(site: SiteContext) -> Iterator[GeneratedPage]:
    for reference in site.data.references.values():
        citing = [(plan, plan.tasks_citing(reference)) for plan in reversed(site.plans)]
        numbers = ", ".join(task.number for _, tasks in citing for task in tasks) or "không có"
        meta = {
            "title": reference.title,
            "description": shorten(
                f"{reference.title} ({reference.kind}) — nhiệm vụ dẫn chiếu: {numbers}. {reference.description}",
                155,
            ),
            "pagefind": reference_search_record(reference),
        }
        sections = [
            Section(
                (f"Nhiệm vụ năm {plan.year} dẫn chiếu",),
                tasks,
                f"Không có nhiệm vụ nào của kế hoạch năm {plan.year} dẫn chiếu văn bản này.",
            )
            for plan, tasks in citing
        ]
        for listed in listing_page_writers(site, site.urls.reference(reference), sections):
            yield listed.page(
                "reference.md.j2",
                meta,
                reference.location.path,
                f"Các trang nhiệm vụ dẫn chiếu {shorten(reference.title, 60)}",
                reference=reference,
            )
