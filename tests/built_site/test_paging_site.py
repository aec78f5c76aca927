"""Long listings split into pages, on a real build of the plan three times over (72 tasks).

With :data:`tdcplan.paging.ROWS_PER_PAGE` rows a page, Chi cục TĐC's list, the quarter
pages, the task index and the explorer run to several pages: their addresses, headings
carried over, pager links, titles, search and sitemap entries, the page budget, and
the Nu HTML Checker and axe-core on the pages after the first.
"""

from __future__ import annotations

import math
from pathlib import Path
from urllib.parse import urljoin

import checkers
import pytest
from bs4 import BeautifulSoup
from project_copy import copy_project
from repository import script_module
from tdcplan.load import load_data
from tdcplan.paging import ROWS_PER_PAGE

pytestmark = pytest.mark.build  # builds the plan three times over

SCALE = 3
PAGE_BUDGET = 60 * 1024  # scripts/bench.py: the largest HTML page, /ban-in/ excepted
UNIT = "chi-cuc-tdc"


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> tuple[Path, Path]:
    """(project folder, built site) of the plan repeated three times."""
    project = tmp_path_factory.mktemp("x3")
    config = copy_project(project)
    plan_file = project / "data/plans/2026/plan.yml"
    plan_file.write_text(script_module("bench").enlarged_plan(plan_file, SCALE), encoding="utf-8")
    try:
        return project, checkers.build_site(config, project / "site")
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="module")
def large_plan(large):
    project, _ = large
    return load_data(project / "data", project).plans[0]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def listing_paths(site: Path, first: str) -> list[str]:
    """``first`` and its next pages ``first/trang-2``… as built."""
    paths = [first]
    while (site / first / f"trang-{len(paths) + 1}" / "index.html").is_file():
        paths.append(f"{first}/trang-{len(paths) + 1}")
    return paths


def unit_rows(plan, unit_id: str) -> int:
    """Rows of a unit's list, role by role: a scheduled task once per quarter it names, others once."""
    rows = 0
    for role in ("lead", "partners"):
        for task in (t for t in plan.tasks if any(u.id == unit_id for u in getattr(t, role))):
            scheduled = task.schedule.kind.value in ("quarters", "months")
            rows += len(task.schedule.quarters) if scheduled else 1
    return rows


def test_a_long_unit_list_is_split_into_pages_of_rows(large, large_plan):
    _, site = large
    paths = listing_paths(site, f"don-vi/{UNIT}")
    rows = unit_rows(large_plan, UNIT)
    assert rows > 2 * ROWS_PER_PAGE
    assert len(paths) == math.ceil(rows / ROWS_PER_PAGE)
    counts = [len(soup(site, path).select("article tbody tr[data-task]")) for path in paths]
    assert counts == [ROWS_PER_PAGE] * (len(paths) - 1) + [rows - ROWS_PER_PAGE * (len(paths) - 1)]
    # Every task the unit leads or coordinates is listed, under its role, once the pages are joined.
    numbers = {tr["data-task"] for path in paths for tr in soup(site, path).select("article tbody tr[data-task]")}
    assert numbers == {t.number for t in large_plan.tasks if any(u.id == UNIT for u in t.lead + t.partners)}


def test_the_first_page_keeps_the_summary_and_the_next_ones_say_where_they_are(large):
    _, site = large
    paths = listing_paths(site, f"don-vi/{UNIT}")
    first, second = soup(site, paths[0]), soup(site, paths[1])
    assert len(first.select("article .tdc-rollup")) == 2  # both roles' roll-ups
    assert "Lọc các nhiệm vụ năm 2026 của đơn vị này" in first.article.get_text()
    assert not second.select("article .tdc-rollup")
    assert "Lọc các nhiệm vụ" not in second.article.get_text()
    position = " ".join(second.select_one(".tdc-pages__position").get_text().split())
    assert position == (
        f"Trang 2/{len(paths)} của danh sách: dòng {ROWS_PER_PAGE + 1}–{2 * ROWS_PER_PAGE} trong "
        f"{first.select_one('.tdc-pages__position').get_text().split(' trong ')[1].split()[0]} dòng."
    )
    # A section cut by the page break is opened again, with its role, as continued.
    headings = [" ".join(h.get_text().replace("¶", "").split()) for h in second.select("article h2, article h3")]
    assert headings[0] == "Nhiệm vụ chủ trì năm 2026 (tiếp theo)"
    assert headings[1].endswith("(tiếp theo)")
    assert second.h1.get_text().replace("¶", "").strip() == "Chi cục TĐC — trang 2"
    assert second.title.get_text().startswith("Chi cục Tiêu chuẩn Đo lường Chất lượng Thành phố Hồ Chí Minh — trang 2")


def test_the_pager_links_every_page_with_plain_links(large):
    _, site = large
    for first in (f"don-vi/{UNIT}", "quy/2026-q2", "nhiem-vu", "tra-cuu"):
        paths = listing_paths(site, first)
        assert len(paths) >= 2, first
        for number, path in enumerate(paths, start=1):
            page_url = f"http://site/{path}/"
            pager = soup(site, path).select_one("nav.tdc-pages")
            assert pager["aria-label"], path
            current = pager.select('a[aria-current="page"]')
            assert [a.get_text() for a in current] == [f"Trang {number}/{len(paths)}"], path
            targets = {a.get_text(): urljoin(page_url, a["href"]) for a in pager.select("a")}
            for target in targets.values():  # every link leads to a built page of the listing
                assert (site / target.removeprefix("http://site/") / "index.html").is_file(), (path, target)
            previous, following = pager.select_one('a[rel="prev"]'), pager.select_one('a[rel="next"]')
            if number > 1:
                assert previous.get_text() == "← Trang trước"
                assert urljoin(page_url, previous["href"]) == f"http://site/{paths[number - 2]}/"
            else:
                assert previous is None
            if number < len(paths):
                assert following.get_text() == "Trang sau →"
                assert urljoin(page_url, following["href"]) == f"http://site/{paths[number]}/"
            else:
                assert following is None


def test_next_pages_are_in_the_sitemap_but_not_in_the_search(large):
    _, site = large
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/don-vi/{UNIT}/trang-2/</loc>" in sitemap
    assert "/quy/2026-q2/trang-2/</loc>" in sitemap
    assert soup(site, f"don-vi/{UNIT}").select("[data-pagefind-body]")  # the first page is the unit's record
    assert not soup(site, f"don-vi/{UNIT}/trang-2").select("[data-pagefind-body]")


def test_every_page_keeps_within_the_page_budget(large):
    _, site = large
    sizes = {
        path.relative_to(site).as_posix(): path.stat().st_size
        for path in site.rglob("*.html")
        if not path.relative_to(site).as_posix().startswith("ban-in/")
    }
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= PAGE_BUDGET, f"{largest}: {sizes[largest]} bytes"


def test_the_home_page_lists_stay_short_and_link_to_the_whole_lists(large, large_plan):
    _, site = large
    home = soup(site, "")
    shown = ROWS_PER_PAGE // 4
    # Due this quarter (Quý IV: 6 tasks of the real plan, 18 here): the first ones, then the whole list.
    assert len(home.select("article .tdc-tasks tbody tr")) == shown
    whole = home.select_one(".tdc-state__due a[href*='den-han']")
    assert whole.get_text() == "xem cả 18 nhiệm vụ"
    listed = listing_paths(site, urljoin("http://site/", whole["href"]).removeprefix("http://site/").strip("/"))
    assert sum(len(soup(site, path).select("article tbody tr[data-task]")) for path in listed) == 18
    # Overdue (4 of the real plan, 12 here): the first ones, then the explorer filtered the same way.
    assert len(home.select(".tdc-overdue li")) == shown
    assert (
        home.select_one("a[href$='tra-cuu/?trang-thai=het-han']").get_text() == "xem cả 12 nhiệm vụ trong trang Tra cứu"
    )
    # 72 tasks are too many for the year's timeline: the quarters index instead.
    assert not home.select(".tdc-timeline")
    assert home.select_one("article a[href='quy/']")


def test_html_of_the_next_pages_is_valid(large):
    _, site = large
    pages = [
        site / path / "index.html" for path in (f"don-vi/{UNIT}/trang-2", "quy/2026-q2/trang-2", "nhiem-vu/trang-2")
    ]
    errors = [error for page in pages for error in checkers.vnu_errors(page)]
    assert errors == [], checkers.summarize_html_errors(errors)


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violations_on_a_next_page(large, browser, width):
    _, site = large
    with checkers.serve_directory(site) as url:
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
        try:
            page = context.new_page()
            page.goto(url + f"don-vi/{UNIT}/trang-2/")
            violations = checkers.axe_violations(page, f"/don-vi/{UNIT}/trang-2/ at {width}px")
            assert violations == [], checkers.summarize_axe(violations)
            assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        finally:
            context.close()
