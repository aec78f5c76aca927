"""The search page, ``/tim-kiem/?q=…``: ranked full-text search over the plan's pages.

The page holds the form and the filters' vocabulary (groups, units, quarters,
statuses, with the explorer's URL keys and values); ``docs/assets/javascripts/search.js``
runs the query against the Pagefind index (:mod:`tdcplan.search_index`) and lists
the results. Without JavaScript the page says so and points to the explorer.
"""

from __future__ import annotations

import json

from ..escaping import Trusted, escape_html
from ..model import STATUS_LABELS
from ..search_index import OUTPUT_SUBDIR, PAGE_LIST
from ..search_record import KIND_LABELS
from ..urls import HOME
from ..wording import quarter_name, shorten
from .base import GeneratedAsset, GeneratedPage, PageWriter, SiteContext

# Up to this many groups, the group filter's options sit in the page; a longer list (the
# benchmark's plan ×100 has 600 groups, 60 KB of options) is a JSON file that search.js
# loads into the list, so that the page stays under the page-weight budget at any size.
GROUPS_IN_PAGE = 30


def search_outputs(site: SiteContext) -> list[GeneratedPage | GeneratedAsset]:
    """The search page of the site (its filters name the primary plan's groups), and its list of groups if long."""
    page = PageWriter(site, site.urls.search())
    plan = next((p for p in site.plans if p.year == site.urls.primary_year), site.plans[0])
    root = page.href(HOME)
    options = {
        "nhom": [(str(g.number), f"Nhóm {g.number}: {shorten(g.title, 60)}") for g in plan.groups],
        "don-vi": [(unit.id, unit.name) for unit in site.data.units.values()],
        "quy": [(str(q), quarter_name(q, plan.year)) for q in range(1, 5)],
        "trang-thai": [(code.value, label) for code, label in STATUS_LABELS.items()],
        "trang": list(KIND_LABELS.items()),
    }
    outputs: list[GeneratedPage | GeneratedAsset] = []
    remote_options = {}
    if len(options["nhom"]) > GROUPS_IN_PAGE:
        groups_file = site.urls.search_groups()
        outputs.append(GeneratedAsset(groups_file, json.dumps(options["nhom"], ensure_ascii=False)))
        remote_options["nhom"] = page.file_href(groups_file)
        options["nhom"] = []
    outputs.insert(
        0,
        GeneratedPage(
            site.urls.search(),
            page.render(
                "search.md.j2",
                {
                    "title": "Tìm kiếm",
                    "description": f"Tìm nhiệm vụ, đơn vị, văn bản của kế hoạch tiêu chuẩn, đo lường, chất lượng năm "
                    f"{plan.year} theo nội dung, số hiệu, tên đơn vị; gõ có dấu hay không dấu đều được.",
                    "scripts": ["assets/javascripts/search.js"],  # loaded, deferred, by this page only
                    "hide": ["toc"],
                },
                options=options,
                remote_options=remote_options,
                explorer_href=page.href(site.urls.explorer(plan)),
                warm_up=plan.year,  # a word on nearly every page: search.js's warm-up search (see warmUp)
                pagefind_href=Trusted(escape_html(f"{root.rstrip('/')}/{OUTPUT_SUBDIR}/pagefind.js")),
                page_list_href=Trusted(escape_html(f"{root.rstrip('/')}/{OUTPUT_SUBDIR}/{PAGE_LIST}")),
            ),
            edit_path=plan.location.path,
        ),
    )
    return outputs
