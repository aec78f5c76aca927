"""The site search as a reader uses it, in headless Chromium against the built site:
the header and home forms lead to /tim-kiem/, whose URL holds the query and the
filters (bookmarkable, Back works), results say what each task is, filters count,
the explorer and the search link to each other, and pages where nobody searched
load nothing of the search. Relevance is in test_search_relevance.py."""

from __future__ import annotations

import json
import re
import time
from pathlib import PurePosixPath
from urllib.parse import parse_qs, unquote, urlsplit

import checkers
import pytest

from quality.site_search import DONE, result_paths, run_search, search_url, show_all


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_header_search_box_leads_to_the_search_page(page, site_url):
    page.goto(site_url + "nhiem-vu/1-a/")
    page.fill("#tdc-header-query", "hieu chuan")
    page.press("#tdc-header-query", "Enter")
    page.wait_for_function(DONE)
    assert urlsplit(page.url).path == "/tim-kiem/"
    assert _query(page.url) == {"q": ["hieu chuan"]}
    assert page.input_value("#tdc-search-query") == "hieu chuan"
    assert "/nhiem-vu/4-b/" in result_paths(page)[:3]


def test_home_search_form_leads_to_the_search_page(page, site_url):
    page.goto(site_url)
    page.fill("#tdc-home-query", "2.đ")
    page.click(".tdc-search button[type=submit]")
    page.wait_for_function(DONE)
    assert urlsplit(page.url).path == "/tim-kiem/"
    assert result_paths(page)[0] == "/nhiem-vu/2-dd/"


def test_a_task_result_shows_number_words_lead_schedule_status_and_marked_excerpt(page, site_url):
    run_search(page, site_url, "bao tri bao duong")
    first = page.locator(".tdc-search-result").first
    title = first.locator(".tdc-search-result__title").inner_text()
    assert title.startswith("Nhiệm vụ 4.b: Rà soát đầu tư; tổ chức bảo trì, bảo dưỡng"), title
    facts = first.locator(".tdc-search-result__facts").inner_text()
    for expected in ("Chủ trì", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "Thời gian", "Thường xuyên", "Tình trạng"):
        assert expected in facts, facts
    marks = first.locator(".tdc-search-result__excerpt mark").all_inner_texts()
    assert {"bảo", "trì,", "dưỡng,"} <= set(marks), marks


def test_the_count_is_announced_and_nothing_found_says_so(page, site_url):
    run_search(page, site_url, "zzqxw")
    status = page.locator(".tdc-search-page__status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith("Không tìm thấy kết quả nào cho «zzqxw»")
    assert result_paths(page) == []
    run_search(page, site_url, "tham nhung")
    assert re.match(r"Tìm thấy \d+ kết quả cho «tham nhung»", status.inner_text())


def test_listing_pages_come_after_the_tasks_that_match(page, site_url):
    # Pagefind's first results hold too few tasks: the page list tells the later ones before the first page.
    run_search(page, site_url, "đo lường")
    paths = show_all(page)
    kinds = ["task" if p.startswith("/nhiem-vu/") else "other" for p in paths]
    assert "other" in kinds, paths  # group, unit and quarter pages are results too…
    assert kinds == sorted(kinds, key=lambda k: k != "task"), paths  # …after every task


def test_a_long_list_shows_its_first_page_then_orders_the_rest_tasks_first(page, site_url):
    # «tổ chức»: a group the query names first, then every task, then the other pages.
    run_search(page, site_url, "tổ chức")
    paths = show_all(page)
    assert len(paths) == _count(page) > 12
    kinds = ["task" if p.startswith("/nhiem-vu/") else "other" for p in paths]
    first_task = kinds.index("task")
    assert first_task <= 2, paths  # before it, the pages the query names (a group «Tổ chức…»)
    assert "other" in kinds[first_task:] and kinds[first_task:] == sorted(kinds[first_task:], key=lambda k: k != "task")


def test_before_its_first_results_a_search_loads_only_tasks_and_the_pages_it_names(page, site_url, site_dir):
    # Pagefind ranks group pages, whose titles hold «đo lường», among its first 12 results for
    # «do luong»; search.js tells them from tasks with pagefind/trang.json and loads no group's
    # text before the first page (the query names no group), only the first 12 tasks and the
    # unit and document pages the query names.
    listed = json.loads((site_dir / "pagefind" / "trang.json").read_text(encoding="utf-8"))
    kinds = {page_id: kind for page_id, (kind, _, _) in listed["trang"].items()}
    kinds |= dict.fromkeys(listed["nhiem-vu"], "nhiem-vu")
    run_search(page, site_url, "do luong")
    loaded = page.evaluate(
        """() => {
          const shown = performance.getEntriesByName("tdc-search:results")[0].startTime;
          return performance.getEntriesByType("resource")
            .filter((e) => e.name.endsWith(".pf_fragment") && e.startTime <= shown).map((e) => e.name);
        }"""
    )
    loaded_kinds = [kinds[PurePosixPath(urlsplit(url).path).stem] for url in loaded]
    assert loaded_kinds.count("nhiem-vu") == 12, loaded_kinds
    assert "nhom" not in loaded_kinds and len(loaded_kinds) <= 16, loaded_kinds
    assert len(result_paths(page)) == 10 and all(p.startswith("/nhiem-vu/") for p in result_paths(page))


def _count(page) -> int:
    return int(re.match(r"Tìm thấy (\d+) kết quả", page.locator(".tdc-search-page__status").inner_text()).group(1))


def test_filters_narrow_the_results_go_into_the_url_and_show_counts(page, site_url):
    run_search(page, site_url, "chất lượng")
    everything = _count(page)
    option = page.locator("#tdc-search-nhom option[value='5']")
    announced = int(re.search(r"\((\d+)\)$", option.text_content()).group(1))
    page.click(".tdc-search-page__filter-box summary")  # the filters open in one click
    page.select_option("#tdc-search-nhom", "5")
    page.wait_for_function("() => new URLSearchParams(location.search).get('nhom') === '5'")
    page.wait_for_function(DONE)
    assert _query(page.url) == {"q": ["chất lượng"], "nhom": ["5"]}
    narrowed = result_paths(page)
    assert 0 < len(narrowed) == _count(page) == announced < everything
    assert {p for p in narrowed if p.startswith("/nhiem-vu/")} == {f"/nhiem-vu/5-{x}/" for x in "abcd"}
    # The chosen group's count stays what choosing it gives; the other groups' counts too.
    assert option.text_content().endswith(f"({announced})")


def test_a_unit_filter_tells_lead_from_coordinating(page, site_url):
    run_search(page, site_url, "", **{"don-vi": "phong-kiem-tra-phap-che", "vai-tro": "phoi-hop", "trang": "nhiem-vu"})
    coordinating = result_paths(page)
    assert "/nhiem-vu/5-a/" in coordinating
    run_search(page, site_url, "", **{"don-vi": "phong-kiem-tra-phap-che", "vai-tro": "chu-tri", "trang": "nhiem-vu"})
    assert result_paths(page) == []  # the unit leads no task


def test_back_returns_to_the_previous_search(page, site_url):
    run_search(page, site_url, "tham nhung")
    first = result_paths(page)
    page.fill("#tdc-search-query", "hiệu chuẩn")
    page.press("#tdc-search-query", "Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'hiệu chuẩn'")
    page.wait_for_function(DONE)
    page.go_back()
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'tham nhung'")
    page.wait_for_function(
        "() => document.querySelector('.tdc-search-page__status').textContent.includes('tham nhung')"
    )
    assert page.input_value("#tdc-search-query") == "tham nhung"
    assert result_paths(page) == first


def test_the_search_button_searches_once_and_keeps_the_query_in_the_url(page, site_url):
    run_search(page, site_url, "tham nhung")
    runs = "() => performance.getEntriesByName('tdc-search:results').length"  # one mark per search shown
    before = page.evaluate(runs)
    page.fill("#tdc-search-query", "giải thưởng")  # typing starts a search after a pause; the button does it now
    page.click("form.tdc-search-page button[type=submit]")
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'giải thưởng'")
    page.wait_for_function(DONE)
    assert "/nhiem-vu/1-b/" in result_paths(page)[:3]
    page.wait_for_timeout(400)  # past the typing pause
    assert page.evaluate(runs) == before + 1, "the search of the typed words was not cancelled"


def test_a_query_typed_before_the_index_loads_is_searched(browser, site_url):
    context = browser.new_context()
    checkers.RequestRecorder(context)

    def slow(route):
        time.sleep(1.0)  # the index script arrives late, as on a slow phone connection
        route.continue_()

    context.route("**/pagefind/pagefind.js", slow)
    page = context.new_page()
    try:
        page.goto(site_url + "tim-kiem/", wait_until="commit")
        page.wait_for_selector("#tdc-search-query")
        page.fill("#tdc-search-query", "to giac")
        page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'to giac'", timeout=15000)
        page.wait_for_function(DONE, timeout=15000)
        assert result_paths(page)[0] == "/nhiem-vu/5-d/"
        assert _query(page.url) == {"q": ["to giac"]}
    finally:
        context.close()


def test_search_and_explorer_link_to_each_other_with_the_query(page, site_url):
    run_search(page, site_url, "hiệu chuẩn", nhom="4")
    href = page.get_attribute(".tdc-search-page__explorer-link", "href")
    assert urlsplit(href).path.endswith("tra-cuu/") and _query(href) == {"q": ["hiệu chuẩn"], "nhom": ["4"]}
    page.click(".tdc-search-page__explorer-link")
    page.wait_for_selector(".tdc-explorer__controls:not([hidden])")
    assert _query(page.url) == {"q": ["hiệu chuẩn"], "nhom": ["4"]}
    back = page.locator(".tdc-explorer__search-link")
    assert _query(back.get_attribute("href")) == {"q": ["hiệu chuẩn"], "nhom": ["4"]}
    back.click()
    page.wait_for_function(DONE)
    assert urlsplit(page.url).path == "/tim-kiem/"
    assert "/nhiem-vu/4-b/" in result_paths(page)


def test_results_open_existing_pages(page, site_url):
    for path in run_search(page, site_url, "chất lượng")[:10]:
        assert page.request.get(site_url + path.lstrip("/")).ok, path


def test_without_javascript_the_page_says_so_and_links_the_explorer(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    checkers.RequestRecorder(context)
    page = context.new_page()
    try:
        page.goto(search_url(site_url, "hiệu chuẩn"))
        notice = page.locator(".md-content noscript").first.inner_text()  # the head has a style one
        assert "cần JavaScript" in notice and "Tra cứu" in notice
        assert page.locator(".tdc-search-page__noscript a[href='../tra-cuu/']").count() == 1
        assert not page.locator(".tdc-search-page__filter-box").is_visible()  # filters need the script
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "nhiem-vu/2-dd/", "don-vi/chi-cuc-tdc/", "tra-cuu/"])
def test_pages_where_nobody_searched_load_nothing_of_the_search(page, site_url, path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(unquote(urlsplit(request.url).path)))
    page.goto(site_url + path, wait_until="networkidle")
    searchy = [p for p in requested if "/pagefind/" in p or p.endswith("/search.js") or "/workers/search" in p]
    assert searchy == [], f"/{path} loaded {searchy}"


def test_the_search_page_loads_its_script_deferred_and_pagefind_only_there(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(unquote(urlsplit(request.url).path)))
    run_search(page, site_url, "2.đ")
    assert "/pagefind/pagefind.js" in requested
    assert page.locator("script[src$='assets/javascripts/search.js'][defer]").count() == 1
    assert page.third_party == []


@pytest.mark.parametrize("width", [360, 1280])
def test_search_page_with_results_is_accessible_and_fits(page, site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    run_search(page, site_url, "hiệu chuẩn", nhom="4")
    violations = checkers.axe_violations(page, f"/tim-kiem/ at {width}px")
    assert violations == [], checkers.summarize_axe(violations)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"horizontal scroll of {overflow}px at {width}px"
    label = page.locator("label[for='tdc-search-query']").inner_text()
    assert "Tìm" in label


def test_the_search_page_is_usable_by_keyboard(page, site_url):
    run_search(page, site_url, "tham nhung")
    page.focus("#tdc-search-query")
    focused = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.getAttribute('href') || document.activeElement.id"))
    assert any(f and "nhiem-vu/5-d" in f for f in focused), focused


def test_the_search_page_with_its_results_is_valid_html(page, site_url, tmp_path):
    run_search(page, site_url, "bao tri bao duong", nhom="4")
    rendered = tmp_path / "tim-kiem.html"
    rendered.write_text(page.content(), encoding="utf-8")
    errors = checkers.vnu_errors(rendered)
    assert errors == [], checkers.summarize_html_errors(errors)


def test_the_empty_search_page_warms_the_engine_up_with_one_index_chunk_and_no_page(page, site_url):
    # search.js runs one throwaway search (data-warm-up) so that the reader's first query runs
    # on optimised WebAssembly; it costs one index chunk (without it the empty page loads none)
    # and loads no result's fragment.
    requested: list[str] = []
    page.on("request", lambda request: requested.append(unquote(urlsplit(request.url).path)))
    page.goto(site_url + "tim-kiem/")
    page.wait_for_function("() => document.querySelector('form.tdc-search-page').dataset.ready !== undefined")
    assert page.get_attribute("form.tdc-search-page", "data-warm-up") == "2026"
    assert len([p for p in requested if p.startswith("/pagefind/index/")]) == 1, requested
    assert [p for p in requested if p.startswith("/pagefind/fragment/")] == []
    assert page.locator(".tdc-search-result").count() == 0
    assert page.inner_text(".tdc-search-page__status").startswith("Nhập từ khóa")
    # A query then gets its results as usual.
    page.fill("#tdc-search-query", "hiệu chuẩn")
    page.press("#tdc-search-query", "Enter")
    page.wait_for_function(DONE)
    assert "/nhiem-vu/4-b/" in result_paths(page)[:3]
