"""Programme and legal-document pages: ``/van-ban/<id>/``, what it is and which tasks cite it."""

from __future__ import annotations

from collections.abc import Iterator

from ..search_record import reference_search_record
from ..wording import shorten
from .base import GeneratedPage, PageWriter, SiteContext


def reference_pages(site: SiteContext) -> Iterator[GeneratedPage]:
    for reference in site.data.references.values():
        src_uri = site.urls.reference(reference)
        page = PageWriter(site, src_uri)
        citing = [(plan, plan.tasks_citing(reference)) for plan in reversed(site.plans)]
        numbers = ", ".join(task.number for _, tasks in citing for task in tasks) or "không có"
        yield GeneratedPage(
            src_uri,
            page.render(
                "reference.md.j2",
                {
                    "title": reference.title,
                    "description": shorten(
                        f"{reference.title} ({reference.kind}) — nhiệm vụ dẫn chiếu: {numbers}. "
                        f"{reference.description}",
                        155,
                    ),
                    "pagefind": reference_search_record(reference),
                },
                reference=reference,
                citing=citing,
            ),
            edit_path=reference.location.path,
        )
