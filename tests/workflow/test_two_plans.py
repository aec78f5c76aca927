"""Two plans side by side: adding a 2027 plan never moves a 2026 page, and readers can switch plans.

Builds the real site (``mkdocs build --strict``) from a temporary copy of the
project whose ``data/`` holds the real 2026 plan plus the 2027 plan of
``tests/fixtures/two_plans/``, and compares it with the one-plan build of the
repository (the ``site_dir`` fixture).
"""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

import checkers
import pytest
from bs4 import BeautifulSoup
from project_copy import copy_project
from repository import REPOSITORY

pytestmark = pytest.mark.build  # builds variants of the site itself

FIXTURE = REPOSITORY / "tests" / "fixtures" / "two_plans"
SWITCHER = "Chọn năm kế hoạch"
TASKS_2027 = ("1-a", "1-b", "2-a")


@pytest.fixture(scope="module")
def two_plan_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("two-plans")
    copy_project(project)
    shutil.copytree(FIXTURE / "plans" / "2027", project / "data" / "plans" / "2027")
    try:
        return checkers.build_site(project / "mkdocs.yml", project / "site")
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def article(path: Path) -> BeautifulSoup:
    """A page's article, without the plan switcher and the «last updated» date (from git in the
    repository's build, from the data in the copy outside git)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
    for nav in soup.find_all("nav", attrs={"aria-label": SWITCHER}):
        nav.decompose()
    for date in soup.select(".tdc-last-update"):
        date.decompose()
    return soup


def switchers(path: Path) -> list:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all(
        "nav", attrs={"aria-label": SWITCHER}
    )


def resolve(page: str, href: str) -> str:
    """The site path a relative link of ``page`` (e.g. ``2027/nhom/1/index.html``) points to."""
    return posixpath.normpath(posixpath.join("/", posixpath.dirname(page), href)).rstrip("/") + "/"


def test_every_2026_page_keeps_its_url(site_dir, two_plan_site):
    missing = pages(site_dir) - pages(two_plan_site)
    assert not missing, f"pages of the one-plan site gone when a 2027 plan is added: {sorted(missing)}"


def test_2026_task_pages_keep_their_content(site_dir, two_plan_site):
    tasks = sorted(p.parent.name for p in (site_dir / "nhiem-vu").glob("*/index.html"))
    assert len(tasks) == 24
    for slug in tasks:
        before, after = (article(s / "nhiem-vu" / slug / "index.html") for s in (site_dir, two_plan_site))
        assert " ".join(str(after).split()) == " ".join(str(before).split()), (
            f"task page nhiem-vu/{slug}/ changed when a 2027 plan was added"
        )


def test_2027_pages_live_under_2027(two_plan_site):
    expected = {
        "2027/index.html",
        "2027/nhom/index.html",
        "2027/nhom/1/index.html",
        "2027/nhom/2/index.html",
        "2027/quy/index.html",
        "2027/tra-cuu/index.html",
    }
    expected |= {f"2027/nhiem-vu/{slug}/index.html" for slug in TASKS_2027}
    expected |= {f"quy/2027-q{q}/index.html" for q in range(1, 5)}
    assert expected <= pages(two_plan_site)
    task = article(two_plan_site / "2027" / "nhiem-vu" / "1-a" / "index.html").get_text(" ")
    assert "Tổ chức lớp tập huấn thử nghiệm năm 2027" in task and "Quý I và II/2027" in task
    quarter = article(two_plan_site / "quy" / "2027-q3" / "index.html")
    linked = {resolve("quy/2027-q3/index.html", a["href"]) for a in quarter.find_all("a", href=True)}
    assert {"/2027/nhiem-vu/1-b/", "/2027/nhiem-vu/2-a/"} <= linked  # ongoing and March–October tasks


def test_unit_pages_list_the_tasks_of_both_years(two_plan_site):
    unit = article(two_plan_site / "don-vi" / "chi-cuc-tdc" / "index.html")
    linked = {resolve("don-vi/chi-cuc-tdc/index.html", a["href"]) for a in unit.find_all("a", href=True)}
    assert {"/2027/nhiem-vu/1-a/", "/2027/nhiem-vu/2-a/", "/nhiem-vu/1-a/", "/nhiem-vu/2-dd/"} <= linked
    headings = [h.get_text(strip=True).rstrip("¶") for h in unit.find_all("h2")]
    assert headings.index("Nhiệm vụ chủ trì năm 2027") < headings.index("Nhiệm vụ chủ trì năm 2026")
    index = article(two_plan_site / "don-vi" / "index.html").get_text(" ")
    assert "Chủ trì 2027" in index and "Chủ trì 2026" in index


def test_the_navigation_shows_the_primary_plan_only(two_plan_site):
    home = BeautifulSoup((two_plan_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = home.find("nav", class_="md-nav--primary")
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    assert not any("2027" in href for href in hrefs), hrefs


def test_a_plan_switcher_on_every_generated_page(two_plan_site):
    hand_written = {
        p.relative_to(REPOSITORY / "docs").with_suffix("").as_posix() for p in (REPOSITORY / "docs").rglob("*.md")
    }
    checked = 0
    for page in sorted(pages(two_plan_site)):
        stem = page.removesuffix("/index.html").removesuffix("index.html")
        if page == "404.html" or stem in hand_written:
            continue
        found = switchers(two_plan_site / page)
        assert len(found) == 1, f"{page}: {len(found)} plan switchers"
        links = {resolve(page, a["href"]): a.get("aria-current") for a in found[0].find_all("a")}
        assert set(links) == {"/", "/2027/"}, f"{page}: {links}"
        year = (
            "2027"
            if page.startswith("2027/") or page.startswith("quy/2027")
            else (None if page.startswith(("don-vi/", "van-ban/", "lich-su-cap-nhat/", "tim-kiem/")) else "2026")
        )
        home = {"2026": "/", "2027": "/2027/"}.get(year)
        is_home = page in ("index.html", "2027/index.html")
        expected = {url: ("page" if is_home and url == home else "true" if url == home else None) for url in links}
        assert links == expected, f"{page}: {links}"
        checked += 1
    assert checked > 60


def test_one_plan_has_no_switcher(site_dir):
    assert switchers(site_dir / "index.html") == []
    assert switchers(site_dir / "nhiem-vu" / "2-dd" / "index.html") == []


@pytest.mark.parametrize("path", ["2027/nhiem-vu/1-a/", "don-vi/chi-cuc-tdc/", ""])
def test_pages_with_the_switcher_pass_axe(two_plan_site, browser, path):
    with checkers.serve_directory(two_plan_site) as url:
        context = browser.new_context(viewport={"width": 360, "height": 800}, locale="vi-VN")
        try:
            page = context.new_page()
            page.goto(url + path)
            assert page.locator(f'nav[aria-label="{SWITCHER}"] a').count() == 2
            assert checkers.axe_violations(page) == []
        finally:
            context.close()
