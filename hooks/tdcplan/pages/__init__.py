"""Every generated page of the site, from the validated data (no MkDocs here).

Each page kind has its module, as Material's blog plugin has one per view:
:mod:`.home`, :mod:`.task`, :mod:`.group`, :mod:`.unit`, :mod:`.quarter`,
:mod:`.reference`, :mod:`.indexes`.
"""

from __future__ import annotations

from .base import GeneratedAsset, GeneratedPage, PageWriter, SiteContext
from .explorer import explorer_asset, explorer_pages
from .group import group_pages
from .history import history_page
from .home import home_page
from .indexes import index_pages, registry_index_pages
from .open_data import home_links, open_data_outputs
from .print_table import print_table_page, qr_assets
from .quarter import quarter_pages
from .reference import reference_pages
from .search import search_outputs
from .task import task_pages
from .unit import unit_pages

__all__ = ["GeneratedAsset", "GeneratedPage", "PageWriter", "SiteContext", "generate_pages"]


def generate_pages(site: SiteContext) -> list[GeneratedPage | GeneratedAsset]:
    """All pages and published assets, in a stable order (the build is deterministic)."""
    pages: list[GeneratedPage | GeneratedAsset] = []
    for plan in site.plans:
        open_data_page, data_files = open_data_outputs(site, plan)
        plan_pages = [
            home_page(site, plan, extra_links=home_links(site, plan)),
            *task_pages(site, plan),
            *group_pages(site, plan),
            *quarter_pages(site, plan),
            *index_pages(site, plan),
            *explorer_pages(site, plan),
            open_data_page,
            print_table_page(site, plan),
        ]
        pages.extend(plan_pages)
        pages.append(explorer_asset(site, plan))
        pages.extend(qr_assets(site, plan))
        pages.extend(data_files)
    pages.extend(unit_pages(site))
    pages.extend(reference_pages(site))
    pages.extend(registry_index_pages(site))
    pages.append(history_page(site))
    pages.extend(search_outputs(site))
    return pages
