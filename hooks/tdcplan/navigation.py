"""The site navigation: sections and their index pages, never the task pages.

Material renders the whole navigation into every page, so a navigation listing
every task would make the site grow with the square of the number of tasks.
Groups, quarters, units and documents are few and stay in it.
"""

from __future__ import annotations

from collections.abc import Callable

from . import urls
from .pages import SiteContext


def site_navigation(site: SiteContext, has_page: Callable[[str], bool]) -> list:
    """The ``nav`` setting for MkDocs (sections of the primary plan); hand-written pages only if present."""
    layout = site.layout
    plan = next(p for p in site.plans if p.year == layout.primary_year)
    nav: list = [
        {"Trang chủ": layout.plan_home(plan)},
        {"Nhóm": [layout.groups_index(plan)] + [layout.group(g, plan.year) for g in plan.groups]},
        {"Đơn vị": [urls.UNITS_INDEX] + [layout.unit(u) for u in site.data.units.values()]},
        {"Quý": [layout.quarters_index(plan)] + [layout.quarter(plan.year, q) for q in range(1, 5)]},
        {"Văn bản": [urls.REFERENCES_INDEX] + [layout.reference(r) for r in site.data.references.values()]},
        {"Tra cứu": layout.explorer(plan)},
    ]
    for title, uri in (("Dữ liệu", layout.open_data(plan)), ("Bản in", layout.print_table(plan)),
                       ("Giới thiệu", urls.ABOUT)):
        if has_page(uri):
            nav.append({title: uri})
    return nav
