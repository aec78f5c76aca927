"""The task explorer, ``/tra-cuu/``: every task in a table, filtered in the browser.

Without JavaScript the tasks are listed :data:`~tdcplan.urls.EXPLORER_PAGE_SIZE`
to a page (``/tra-cuu/``, ``/tra-cuu/trang-2/``…, with page links), so no page
grows with the plan. ``docs/assets/javascripts/explorer.js``, loaded by these
pages only (deferred), adds the filters over every task, reading them from the
JSON document published beside the page (:func:`explorer_asset`, built by
:mod:`tdcplan.explorer_data`).
"""

from __future__ import annotations

from ..explorer_data import explorer_json
from ..model import Plan
from ..urls import EXPLORER_PAGE_SIZE, HOME
from .base import GeneratedAsset, GeneratedPage, PageWriter, SiteContext


def explorer_asset(site: SiteContext, plan: Plan) -> GeneratedAsset:
    """The tasks of ``plan`` as the explorer's script reads them."""
    return GeneratedAsset(site.urls.explorer_data(plan), explorer_json(plan, site.urls))


EXPLORER_SCRIPT = "assets/javascripts/explorer.js"


def explorer_pages(site: SiteContext, plan: Plan) -> list[GeneratedPage]:
    """The explorer's pages: the same filters on each, the tasks without JavaScript a page at a time."""
    sources = site.urls.explorer_pages(plan)
    return [_explorer_page(site, plan, sources, number) for number in range(1, len(sources) + 1)]


def _explorer_page(site: SiteContext, plan: Plan, sources: list[str], number: int) -> GeneratedPage:
    src_uri = sources[number - 1]
    page = PageWriter(site, src_uri)
    heading = f"Tra cứu nhiệm vụ năm {plan.year}"
    first = (number - 1) * EXPLORER_PAGE_SIZE
    tasks = plan.tasks[first : first + EXPLORER_PAGE_SIZE]
    meta = {
        "title": heading if number == 1 else f"{heading} (trang {number})",
        "description": f"Tra cứu {len(plan.tasks)} nhiệm vụ năm {plan.year} theo nhóm, đơn vị, quý và tình trạng.",
        "scripts": [EXPLORER_SCRIPT],  # loaded, deferred, by this page only (overrides/main.html)
    }
    if number > 1:
        meta["search"] = {"exclude": True}  # the first page stands for the explorer in the search
    return GeneratedPage(
        src_uri,
        page.render(
            "explorer.md.j2",
            meta,
            heading=heading,
            plan=plan,
            tasks=tasks,
            first=first + 1,
            page_number=number,
            pages=[(n, page.href(uri)) for n, uri in enumerate(sources, start=1)] if len(sources) > 1 else [],
            data_href=page.href(site.urls.explorer_data(plan)),
            root_href=page.href(HOME),  # the JSON's URLs are relative to the site root
        ),
        edit_path=plan.location.path,
    )
