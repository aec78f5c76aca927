"""navigation: sections of the primary plan, bounded in size whatever the number of pages."""

from __future__ import annotations

import dataclasses

import small_plan
from tdcplan.model import SourceLocation, Unit, UnitKind
from tdcplan.navigation import SECTION_PAGES_LIMIT, navigation_pages, site_navigation


def section(nav: list, title: str):
    return next(entry[title] for entry in nav if title in entry)


def test_sections_list_their_pages_while_few():
    nav = site_navigation(small_plan.site(2026), has_page=lambda uri: True)
    assert [next(iter(entry)) for entry in nav] == [
        "Trang chủ",
        "Nhóm",
        "Đơn vị",
        "Quý",
        "Văn bản",
        "Tra cứu",
        "Dữ liệu",
        "Bản in",
        "Lịch sử cập nhật",
        "Giới thiệu",
    ]
    assert section(nav, "Nhóm") == ["nhom/index.md", "nhom/1.md", "nhom/2.md"]
    assert section(nav, "Quý") == ["quy/index.md"] + [f"quy/2026-q{q}.md" for q in range(1, 5)]
    assert not any("nhiem-vu/" in uri for uri in navigation_pages(nav))  # task pages never


def test_a_section_over_the_limit_shows_its_index_only():
    site = small_plan.site(2026)
    many = {
        f"u-{n}": Unit(
            f"u-{n}", f"Đơn vị {n}", f"ĐV{n}", UnitKind.ORGANISATION, (), SourceLocation("data/units.yml", n)
        )
        for n in range(SECTION_PAGES_LIMIT + 1)
    }
    crowded = dataclasses.replace(site, data=dataclasses.replace(site.data, units=many))
    assert section(site_navigation(crowded, has_page=lambda uri: True), "Đơn vị") == "don-vi/index.md"
    exactly = dict(list(many.items())[:SECTION_PAGES_LIMIT])
    full = dataclasses.replace(site, data=dataclasses.replace(site.data, units=exactly))
    assert len(section(site_navigation(full, has_page=lambda uri: True), "Đơn vị")) == SECTION_PAGES_LIMIT + 1


def test_only_the_primary_plan_and_only_pages_that_exist():
    nav = site_navigation(small_plan.site(2026, 2027, primary=2027), has_page=lambda uri: uri != "gioi-thieu.md")
    assert section(nav, "Trang chủ") == "index.md"
    assert section(nav, "Quý")[1] == "quy/2027-q1.md"
    assert not any(uri.startswith("2026/") or "2026-q" in uri for uri in navigation_pages(nav))
    assert not any("Giới thiệu" in entry for entry in nav)
