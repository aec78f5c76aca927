"""urls.Urls: the table of every page's source path, URL and plan; links between pages."""

from __future__ import annotations

import posixpath
from types import SimpleNamespace

import pytest
import small_plan
from hypothesis import given
from hypothesis import strategies as st
from tdcplan.paging import ROWS_PER_PAGE
from tdcplan.urls import Urls, relative_path, url_of_source


def urls_of(*years: int, primary: int = 2026, site_url: str = "") -> Urls:
    data = small_plan.data(*years)
    return Urls(data.plans, primary, data.units.values(), data.references.values(), site_url)


def test_table_of_one_plan():
    table = {page.src_uri: (page.url, page.year) for page in urls_of(2026).pages.values()}
    assert table == {
        "index.md": ("", 2026),
        "nhiem-vu/1-a.md": ("nhiem-vu/1-a/", 2026),
        "nhiem-vu/1-b.md": ("nhiem-vu/1-b/", 2026),
        "nhiem-vu/2-dd.md": ("nhiem-vu/2-dd/", 2026),
        "nhom/1.md": ("nhom/1/", 2026),
        "nhom/2.md": ("nhom/2/", 2026),
        "quy/2026-q1.md": ("quy/2026-q1/", 2026),
        "quy/2026-q2.md": ("quy/2026-q2/", 2026),
        "quy/2026-q3.md": ("quy/2026-q3/", 2026),
        "quy/2026-q4.md": ("quy/2026-q4/", 2026),
        "quy/2026-q1/den-han.md": ("quy/2026-q1/den-han/", 2026),
        "quy/2026-q2/den-han.md": ("quy/2026-q2/den-han/", 2026),
        "quy/2026-q3/den-han.md": ("quy/2026-q3/den-han/", 2026),
        "quy/2026-q4/den-han.md": ("quy/2026-q4/den-han/", 2026),
        "nhiem-vu/index.md": ("nhiem-vu/", 2026),
        "nhom/index.md": ("nhom/", 2026),
        "quy/index.md": ("quy/", 2026),
        "tra-cuu/index.md": ("tra-cuu/", 2026),
        "du-lieu/index.md": ("du-lieu/", 2026),
        "ban-in/index.md": ("ban-in/", 2026),
        "don-vi/index.md": ("don-vi/", None),
        "van-ban/index.md": ("van-ban/", None),
        "lich-su-cap-nhat/index.md": ("lich-su-cap-nhat/", None),
        "tim-kiem/index.md": ("tim-kiem/", None),
        "don-vi/u-a.md": ("don-vi/u-a/", None),
        "don-vi/u-b.md": ("don-vi/u-b/", None),
        "van-ban/de-an-1.md": ("van-ban/de-an-1/", None),
    }


def test_a_second_plan_lives_under_its_year_and_moves_no_url():
    one, two = urls_of(2026), urls_of(2026, 2027)
    assert {uri: page.url for uri, page in one.pages.items()}.items() <= {
        uri: page.url for uri, page in two.pages.items()
    }.items()
    added = {uri: page.year for uri, page in two.pages.items() if uri not in one.pages}
    assert added["2027/index.md"] == 2027
    assert added["2027/nhiem-vu/2-dd.md"] == 2027
    assert added["quy/2027-q3.md"] == 2027  # quarter pages carry their year in the name
    assert "2027/quy/index.md" in added
    assert all(year == 2027 for year in added.values())


def test_primary_plan_at_the_root():
    urls = urls_of(2026, 2027, primary=2027)
    assert urls.plan_home(small_plan.plan(2027)) == "index.md"
    assert urls.plan_home(small_plan.plan(2026)) == "2026/index.md"
    assert urls.plan_of("index.md") == 2027
    assert urls.plan_of("2026/nhom/1.md") == 2026


def test_pages_shared_by_every_plan_and_unknown_pages_have_no_plan():
    urls = urls_of(2026, 2027)
    assert urls.plan_of("don-vi/u-a.md") is None
    assert urls.plan_of("van-ban/index.md") is None
    assert urls.plan_of("gioi-thieu.md") is None  # hand-written


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", ""),
        ("nhom/index.md", "nhom/"),
        ("nhiem-vu/2-dd.md", "nhiem-vu/2-dd/"),
        ("2027/index.md", "2027/"),
        ("gioi-thieu.md", "gioi-thieu/"),
        ("du-lieu/nhiem-vu.csv", "du-lieu/nhiem-vu.csv"),
    ],
)
def test_url_of_source(src_uri, url):
    assert url_of_source(src_uri) == url


@pytest.mark.parametrize(
    ("source", "target", "link", "href"),
    [
        ("nhiem-vu/1-a.md", "don-vi/u-a.md", "../don-vi/u-a.md", "../../don-vi/u-a/"),
        ("index.md", "nhom/1.md", "nhom/1.md", "nhom/1/"),
        ("nhom/1.md", "index.md", "../index.md", "../../"),
        ("nhom/index.md", "nhom/2.md", "2.md", "2/"),
        ("2027/nhiem-vu/1-a.md", "index.md", "../../index.md", "../../../"),
        ("index.md", "index.md", "index.md", "."),
        ("tra-cuu/trang-2.md", "tra-cuu/nhiem-vu.json", "nhiem-vu.json", "../nhiem-vu.json"),
        ("tra-cuu/index.md", "tra-cuu/nhiem-vu.json", "nhiem-vu.json", "nhiem-vu.json"),
    ],
)
def test_links_for_markdown_and_for_raw_html(source, target, link, href):
    urls = urls_of(2026, 2027)
    assert urls.link(source, target) == link
    assert urls.href(source, target) == href


def test_site_root_paths_and_absolute_addresses():
    task = small_plan.plan(2026).task("2.đ")
    local, public = urls_of(2026), urls_of(2026, site_url="https://tdc.example.vn/sub/")
    assert local.path(local.task(task)) == "/nhiem-vu/2-dd/"
    assert local.absolute(local.task(task)) == "/nhiem-vu/2-dd/"
    assert public.absolute(public.task(task)) == "https://tdc.example.vn/sub/nhiem-vu/2-dd/"


def test_qr_codes_preview_images_and_the_source_document():
    urls, plan_2026, plan_2027 = urls_of(2026, 2027), small_plan.plan(2026), small_plan.plan(2027)
    task = plan_2027.task("2.đ")
    assert urls.qr_code(urls.task(task)) == "ma-qr/2027/nhiem-vu/2-dd.svg"
    assert urls.qr_code(urls.print_table(plan_2026)) == "ma-qr/ban-in.svg"
    assert urls.task_preview_image(task) == "2027/anh/nhiem-vu/2-dd.png"
    assert urls.plan_preview_image(plan_2026) == "anh/chia-se.png"
    assert urls.source_document(plan_2027) == "2027/du-lieu/kh.txt"  # «kh.docx» published as text
    assert urls.file_href(urls.task(task), urls.qr_code(urls.task(task))) == "../../../ma-qr/2027/nhiem-vu/2-dd.svg"
    assert urls.file_href(urls.print_table(plan_2026), "ma-qr/nhiem-vu/1-a.svg") == "../ma-qr/nhiem-vu/1-a.svg"
    assert urls.file_href("index.md", "du-lieu/kh.txt") == "du-lieu/kh.txt"


def test_published_files():
    urls, plan_2027 = urls_of(2026, 2027), small_plan.plan(2027)
    assert urls.data_file(plan_2027, "nhiem-vu.csv") == "2027/du-lieu/nhiem-vu.csv"
    assert urls.unit_calendar(plan_2027, small_plan.UNIT_A) == "2027/du-lieu/don-vi/u-a.ics"
    assert urls.quarter_calendar(plan_2027, 3) == "2027/du-lieu/quy/2027-q3.ics"
    assert urls.explorer_data(small_plan.plan(2026)) == "tra-cuu/nhiem-vu.json"


def test_the_explorer_lists_its_tasks_a_page_of_rows_at_a_time():
    urls = urls_of(2026)
    assert urls.explorer_pages(small_plan.plan(2026)) == ["tra-cuu/index.md"]  # a small plan: one page
    # Only the number of tasks and the year matter here: a stand-in plan of two pages and one task.
    large = SimpleNamespace(year=2026, tasks=tuple(range(2 * ROWS_PER_PAGE + 1)))
    assert urls.explorer_pages(large) == ["tra-cuu/index.md", "tra-cuu/trang-2.md", "tra-cuu/trang-3.md"]
    assert urls.href("tra-cuu/trang-3.md", "tra-cuu/index.md") == "../"


def test_a_listing_keeps_its_address_and_continues_under_it():
    urls = urls_of(2026, 2027)
    group = small_plan.plan(2027).groups[0]
    first = urls.group(group, 2027)
    assert urls.listing_pages(first, 1) == [first]
    pages = urls.listing_pages(first, 3)
    assert pages == [first, "2027/nhom/1/trang-2.md", "2027/nhom/1/trang-3.md"]
    assert [urls.path(uri) for uri in pages] == ["/2027/nhom/1/", "/2027/nhom/1/trang-2/", "/2027/nhom/1/trang-3/"]
    assert urls.plan_of("2027/nhom/1/trang-3.md") == 2027  # the next pages belong to the first page's plan
    assert urls.href("2027/nhom/1/trang-2.md", first) == "../"
    assert urls.href(first, "2027/nhom/1/trang-2.md") == "trang-2/"
    assert urls.listing_pages(urls.tasks_index(small_plan.plan(2026)), 2)[1] == "nhiem-vu/trang-2.md"
    assert urls.listing_pages("don-vi/u-a.md", 2)[1] == "don-vi/u-a/trang-2.md"
    assert urls.listing_pages(urls.quarter(2026, 2), 2)[1] == "quy/2026-q2/trang-2.md"
    assert urls.due_in_quarter(2026, 2) == "quy/2026-q2/den-han.md"
    assert urls.path(urls.listing_pages(urls.due_in_quarter(2026, 2), 2)[1]) == "/quy/2026-q2/den-han/trang-2/"


def test_only_a_page_of_the_site_has_next_pages():
    with pytest.raises(KeyError, match="not a page of the site"):
        urls_of(2026).listing_pages("nhom/99.md", 2)


_SEGMENTS = ["nhiem-vu", "2-dd", "don-vi", "a", "b", "index.html", "trang-2", "."]


@given(
    target=st.lists(st.sampled_from(_SEGMENTS), max_size=4).map("/".join),
    start=st.lists(st.sampled_from(_SEGMENTS), max_size=4).map("/".join),
    target_slash=st.booleans(),
    start_slash=st.booleans(),
)
def test_relative_paths_are_what_relpath_answers(target, start, target_slash, start_slash):
    target += "/" if target_slash and target else ""
    start += "/" if start_slash and start else ""
    assert relative_path(target, start) == posixpath.relpath(target or ".", start or ".")
