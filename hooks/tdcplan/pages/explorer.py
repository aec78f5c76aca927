"""The task explorer, ``/tra-cuu/``: every task in a table, filtered in the browser.

Without JavaScript the tasks are listed :data:`~tdcplan.paging.ROWS_PER_PAGE`
to a page (``/tra-cuu/``, ``/tra-cuu/trang-2/``…, with page links; :mod:`.listing`),
so no page grows with the plan. ``docs/assets/javascripts/explorer.js``, loaded by these
pages only (deferred), adds the filters over every task, reading them from the
JSON document published beside the page (:func:`explorer_asset`, built by
:mod:`tdcplan.explorer_data`).
"""

from __future__ import annotations

from ..explorer_data import explorer_json
from ..model import Plan
from ..paging import Section
from ..urls import HOME
from .base import GeneratedAsset, GeneratedPage, SiteContext
from .listing import listing_page_writers


def explorer_asset(site: SiteContext, plan: Plan) -> GeneratedAsset:
    """The tasks of ``plan`` as the explorer's script reads them."""
    return GeneratedAsset(site.urls.explorer_data(plan), explorer_json(plan, site.urls))


EXPLORER_SCRIPT = "assets/javascripts/explorer.js"


def explorer_pages(site: SiteContext, plan: Plan) -> list[GeneratedPage]:
    """The explorer's pages: the same filters on each, the tasks without JavaScript a page at a time."""
    heading = f"Tra cứu nhiệm vụ năm {plan.year}"
    meta = {
        "title": heading,
        "description": f"Tra cứu {len(plan.tasks)} nhiệm vụ năm {plan.year} theo nhóm, đơn vị, quý và tình trạng.",
        "scripts": [EXPLORER_SCRIPT],  # loaded, deferred, by this page only (overrides/main.html)
    }
    pages = []
    for listed in listing_page_writers(site, site.urls.explorer(plan), [Section((), plan.tasks)]):
        page = listed.writer
        pages.append(
            listed.page(
                "explorer.md.j2",
                meta,
                plan.location.path,
                "Các trang của danh sách nhiệm vụ",
                heading=heading,
                plan=plan,
                data_href=page.href(site.urls.explorer_data(plan)),
                root_href=page.href(HOME),  # the JSON's URLs are relative to the site root
            )
        )
    return pages
