"""The search box, used as a reader would: typed into Material's search in
headless Chromium against the built site. Queries with and without
Vietnamese marks find the task; the results link to pages that exist."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

TOP = 5  # a reader looks at the first few results

# (query, a page that must be among the first TOP result pages). Material's search matches
# every word as a prefix and ranks a title match far above text, so a phrase that is in many
# titles (every group title says «đo lường») lists those pages first; the cases below are the
# ones where one task or unit is the right answer, typed with and without marks.
EXPECTED = [
    ("đo lường", "/nhom/2/"),  # groups whose titles say it come first, marked or not
    ("do luong", "/nhom/2/"),
    ("chuyển đổi số", "/don-vi/phong-chuyen-doi-so/"),
    ("chuyen doi so", "/don-vi/phong-chuyen-doi-so/"),
    ("chuyển đổi số", "/nhiem-vu/2-i/"),  # «…về chuyển đổi số của Sở…» in its content
    ("tham nhũng", "/nhiem-vu/5-d/"),  # the corrected wording of 5.d
    ("tham nhung", "/nhiem-vu/5-d/"),
    ("kiem tra phap che", "/don-vi/phong-kiem-tra-phap-che/"),
    ("chi cuc tdc", "/don-vi/chi-cuc-tdc/"),
    ("2.đ", "/nhiem-vu/2-dd/"),
    ("2.d", "/nhiem-vu/2-dd/"),
    ("2.d", "/nhiem-vu/2-d/"),
    ("996", "/van-ban/de-an-996/"),
    ("996", "/nhiem-vu/1-a/"),
    ("135/2021", "/nhiem-vu/4-b/"),
    ("135/2021", "/van-ban/nghi-dinh-135-2021/"),
    ("tuyen truyen", "/nhiem-vu/1-b/"),  # «Tuyên truyền, vận động…» (1.a's text does not say it)
]


def search(page, site_url: str, query: str) -> list[str]:
    """Enter ``query`` in the header search box; return the result links'
    hrefs in the order shown."""
    page.goto(site_url, wait_until="networkidle")
    box = page.locator(".md-search__input")
    box.click()
    # The whole query at once, then a key press (Material searches on key
    # events): typing letter by letter would let the results of a partial
    # query ("2" for "2.đ") be read before the last ones arrive.
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """() => {
          const meta = document.querySelector('.md-search-result__meta');
          return document.querySelector('.md-search-result__item')
              || (meta && /Không tìm thấy/.test(meta.textContent));
        }""",
        timeout=15000,
    )
    return page.eval_on_selector_all(".md-search-result__item a.md-search-result__link", "els => els.map(e => e.href)")


def result_pages(hrefs: list[str]) -> list[str]:
    """Distinct page paths of the results, in order."""
    return list(dict.fromkeys(unquote(urlsplit(h).path) for h in hrefs))


def _matches(path: str, expected: str) -> bool:
    if expected.endswith("/*"):
        prefix = expected[:-1]
        return path.startswith(prefix) and path != prefix
    return path == expected


@pytest.mark.parametrize("query, expected", EXPECTED)
def test_search_finds_the_page(page, site_url, query, expected):
    pages = result_pages(search(page, site_url, query))
    assert any(_matches(p, expected) for p in pages[:TOP]), (
        f"search for {query!r}: expected {expected} among the first {TOP} result pages, got {pages}"
    )


@pytest.mark.parametrize(
    "marked, unmarked",
    [
        ("đo lường", "do luong"),
        ("chuyển đổi số", "chuyen doi so"),
        ("tuyên truyền", "tuyen truyen"),
        ("tham nhũng", "tham nhung"),
        ("kiểm tra pháp chế", "kiem tra phap che"),
    ],
)
def test_unmarked_query_finds_what_the_marked_one_finds(page, site_url, marked, unmarked):
    with_marks = result_pages(search(page, site_url, marked))
    without = result_pages(search(page, site_url, unmarked))
    assert with_marks, f"no results for {marked!r}"
    assert with_marks[0] in without[:TOP], (
        f"{marked!r} finds {with_marks[0]} first, but {unmarked!r} does not show it "
        f"among its first {TOP} result pages: {without}"
    )


@pytest.mark.parametrize("query", ["do luong", "2.đ"])
def test_search_results_open_existing_pages_and_sections(page, site_url, query):
    hrefs = search(page, site_url, query)
    assert hrefs, f"no results for {query!r}"
    for href in list(dict.fromkeys(hrefs))[:8]:
        response = page.request.get(href.split("#")[0])
        assert response.ok, f"result {href} answered {response.status}"
        fragment = unquote(urlsplit(href).fragment)
        if fragment:
            page.goto(href.split("#")[0], wait_until="load")
            assert page.evaluate("id => !!document.getElementById(id)", fragment), (
                f"result {href}: no element with id {fragment!r} on the page"
            )


def test_search_says_so_when_nothing_matches(page, site_url):
    assert search(page, site_url, "zzqxw") == []
    meta = page.locator(".md-search-result__meta").inner_text()
    assert "Không tìm thấy" in meta, meta
