"""The site navigation: sections and their index pages, never the task pages.

Material renders the whole navigation into every page, so a navigation listing
every task would make the site grow with the square of the number of tasks.
A section lists its pages too (groups, units, quarters, documents) only while it
has at most :data:`SECTION_PAGES_LIMIT` of them; a larger one shows its index page,
which links to them all. Only the primary plan is in the navigation; the plan
switcher leads to the others. Pages left out are reached by links, search and the
explorer (``scripts/bench.py`` measures what this keeps bounded).
"""

from __future__ import annotations

from collections.abc import Callable

from .pages import SiteContext
from .urls import ABOUT, HISTORY, REFERENCES_INDEX, UNITS_INDEX

SECTION_PAGES_LIMIT = 10


def _section(index: str, pages: list[str]) -> list[str] | str:
    return [index, *pages] if len(pages) <= SECTION_PAGES_LIMIT else index


def navigation_pages(nav: list) -> set[str]:
    """Every source path the navigation names."""
    found: set[str] = set()
    for entry in nav:
        for value in entry.values() if isinstance(entry, dict) else [entry]:
            if isinstance(value, list):
                found |= navigation_pages(value)
            else:
                found.add(value)
    return found


def site_navigation(site: SiteContext, has_page: Callable[[str], bool]) -> list:
    """The ``nav`` setting for MkDocs (sections of the primary plan); hand-written pages only if present."""
    urls = site.urls
    plan = next(p for p in site.plans if p.year == urls.primary_year)
    nav: list = [
        {"Trang chủ": urls.plan_home(plan)},
        {"Nhóm": _section(urls.groups_index(plan), [urls.group(g, plan.year) for g in plan.groups])},
        {"Đơn vị": _section(UNITS_INDEX, [urls.unit(u) for u in site.data.units.values()])},
        {"Quý": _section(urls.quarters_index(plan), [urls.quarter(plan.year, q) for q in range(1, 5)])},
        {"Văn bản": _section(REFERENCES_INDEX, [urls.reference(r) for r in site.data.references.values()])},
        {"Tra cứu": urls.explorer(plan)},
    ]
    for title, uri in (
        ("Dữ liệu", urls.open_data(plan)),
        ("Bản in", urls.print_table(plan)),
        ("Lịch sử cập nhật", HISTORY),
        ("Giới thiệu", ABOUT),
    ):
        if has_page(uri):
            nav.append({title: uri})
    return nav
