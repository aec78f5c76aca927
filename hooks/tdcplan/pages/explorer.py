"""The task explorer, ``/tra-cuu/``: every task in a table, filtered in the browser.

The page lists all tasks without JavaScript; ``docs/assets/javascripts/explorer.js``
adds the filters, reading the tasks from the JSON document published beside the
page (:func:`explorer_asset`, built by :mod:`tdcplan.explorer_data`).
"""

from __future__ import annotations

from ..escaping import Trusted, escape_html
from ..explorer_data import explorer_json
from ..model import Plan
from ..urls import HOME
from .base import GeneratedAsset, GeneratedPage, PageWriter, SiteContext


def explorer_asset(site: SiteContext, plan: Plan) -> GeneratedAsset:
    """The tasks of ``plan`` as the explorer's script reads them."""
    return GeneratedAsset(site.urls.explorer_data(plan), explorer_json(plan, site.urls))


def explorer_page(site: SiteContext, plan: Plan) -> GeneratedPage:
    src_uri = site.urls.explorer(plan)
    page = PageWriter(site, src_uri)
    # The explorer is an index page: its URL's folder is its source folder, so the
    # source-relative path of the JSON is also its URL-relative path.
    data_href = site.urls.link(src_uri, site.urls.explorer_data(plan))
    heading = f"Tra cứu nhiệm vụ năm {plan.year}"
    return GeneratedPage(
        src_uri,
        page.render(
            "explorer.md.j2",
            {
                "title": heading,
                "description": f"Tra cứu {len(plan.tasks)} nhiệm vụ năm {plan.year} theo nhóm, đơn vị, quý và tình trạng.",
            },
            heading=heading,
            plan=plan,
            data_href=Trusted(escape_html(data_href)),
            root_href=page.href(HOME),  # the JSON's URLs are relative to the site root
        ),
        edit_path=plan.location.path,
    )
