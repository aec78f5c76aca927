"""The search index: what of each page Pagefind reads (unit tests of the markup rules, then the
built site's pages and Pagefind bundle)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from tdcplan.search_index import BODY_END, BODY_START, ignore_excluded, prepare_content
from tdcplan.search_record import folded_d_words, task_number_key


@pytest.mark.parametrize("number, key", [("2.đ", "2dd"), ("2.d", "2d"), ("4.b", "4b"), ("12.a", "12a"), ("Đ", "dd")])
def test_task_number_key_tells_d_from_dd(number, key):
    assert task_number_key(number) == key


def test_folded_d_words_spell_each_d_word_without_marks_once():
    assert (
        folded_d_words("Đo lường; điều ước, đo lường và Đề án") == "do dieu de"
    )  # «ước» has no đ: Pagefind strips its marks itself
    assert folded_d_words("tiêu chuẩn") == ""


def test_an_excluded_heading_leaves_out_its_section_up_to_the_next_heading_of_its_level():
    html = (
        "<h2>Nội dung</h2><p>giữ</p>"
        '<h2 data-search-exclude="data-search-exclude" id="x">Nguồn</h2><p>bỏ</p><h3>con</h3><p>bỏ nữa</p>'
        "<h2>Sau</h2><p>giữ nữa</p>"
    )
    marked = ignore_excluded(html)
    ignored = re.search(r"<div data-pagefind-ignore>(.*?)</div>", marked).group(1)
    assert "bỏ" in ignored and "bỏ nữa" in ignored and "giữ" not in ignored
    assert marked.endswith("<h2>Sau</h2><p>giữ nữa</p>")


def test_an_excluded_element_and_the_permalink_signs_are_ignored():
    html = '<h1>T<a class="headerlink" href="#t">¶</a></h1><div class="tdc-task-list" data-search-exclude="">x</div>'
    marked = ignore_excluded(html)
    assert 'class="headerlink" data-pagefind-ignore' in marked
    assert '<div class="tdc-task-list" data-pagefind-ignore>' in marked


def test_the_folded_copy_covers_indexed_text_only():
    html = "<p>điều ước</p><div data-pagefind-ignore><p>đặc khu</p></div>"
    assert prepare_content(html)[1] == "dieu"


def _page(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def test_a_task_page_gives_pagefind_its_content_meta_filters_and_folded_words(site_dir):
    html = _page(site_dir, "nhiem-vu/2-dd")
    assert html.count("data-pagefind-body") == 1
    body = html[html.index("data-pagefind-body") :]
    assert '<span data-pagefind-meta="so">2.đ</span>' in body
    assert '<span data-pagefind-filter="so">2dd</span>' in body
    assert '<span data-pagefind-filter="nhom">2</span>' in body
    assert '<span data-pagefind-filter="chu-tri">chi-cuc-tdc</span>' in body
    assert '<span data-pagefind-filter="trang-thai">not_reported</span>' in body
    assert re.search(r'<p class="tdc-search-folded" hidden>⁂ [^<]*\bduy\b', body) is None  # no đ in «duy»
    assert re.search(r'<p class="tdc-search-folded" hidden>⁂ [^<]*\bdong\b', body)
    # The sections worded alike on every task page are left out.
    assert '<dl class="tdc-facts" data-pagefind-ignore' in body  # the summary repeats the lists' facts


@pytest.mark.parametrize("path", ["", "tra-cuu", "ban-in", "du-lieu", "nhom", "don-vi", "tim-kiem"])
def test_pages_that_are_no_search_answer_are_not_indexed(site_dir, path):
    assert "data-pagefind-body" not in _page(site_dir, path)


def test_each_indexed_page_marks_where_its_indexed_content_ends(site_dir):
    for path in site_dir.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if BODY_START in html:
            assert html.count(BODY_START) == html.count(BODY_END) == 1, path
            assert html.index(BODY_START) < html.index(BODY_END), path


def test_listing_pages_are_indexed_without_their_task_lists(site_dir):
    html = _page(site_dir, "don-vi/chi-cuc-tdc")
    assert "data-pagefind-body" in html
    assert '<div class="tdc-tasks" data-pagefind-ignore>' in html


def test_the_pagefind_bundle_indexes_every_page_with_a_record_and_nothing_else(site_dir):
    bundle = site_dir / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = [p for p in site_dir.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["vi"]["page_count"] == len(pages) > 24
    assert (bundle / "pagefind.js").exists()
    assert not list(bundle.glob("pagefind-ui.*")), "Pagefind's unused interfaces should not be published"
    assert not (site_dir / "search" / "search_index.json").exists(), "Material's search index is gone"


def test_mkdocs_builds_the_indexed_pages_first_so_that_pagefind_writes_while_it_builds_the_rest(site_dir):
    # MkDocs builds pages in the order of its files, which is also the sitemap's order.
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    paths = [loc.split("/", 3)[3] for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap)]
    indexed = [BODY_START in _page(site_dir, path.rstrip("/")) for path in paths]
    assert indexed.count(True) > 24 and indexed.count(False) > 5
    assert indexed == sorted(indexed, reverse=True), "a page search does not index is built before one it does"


def test_every_file_of_the_search_bundle_is_whole(site_dir):
    # Pagefind's own WriteFiles could leave a torn file (search_index.SearchIndexer); a torn
    # gzip file fails gzip's length and checksum, a torn script its last statement.
    bundle = site_dir / "pagefind"
    compressed = [*bundle.rglob("*.pf_*"), *bundle.glob("wasm.*.pagefind")]
    assert len(compressed) > 30
    for path in compressed:
        assert gzip.decompress(path.read_bytes()).startswith(b"pagefind_dcd"), path
    assert (bundle / "pagefind.js").read_text(encoding="utf-8").endswith("preload,search};")
    assert (bundle / "pagefind-worker.js").read_text(encoding="utf-8").endswith("});})();")
    assert json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]


def test_the_page_list_beside_the_index_tells_each_fragment_s_kind_and_name(site_dir):
    # search.js reads it to choose the results it loads before any page's text.
    bundle = site_dir / "pagefind"
    listed = json.loads((bundle / "trang.json").read_text(encoding="utf-8"))
    tasks, others = [], {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        [kind] = fragment["filters"]["trang"]
        if kind == "nhiem-vu":
            assert fragment["url"].startswith("/nhiem-vu/"), fragment["url"]
            tasks.append(path.stem)
        else:
            others[path.stem] = [kind, fragment["meta"]["title"], fragment["meta"]["tom-tat"]]
    assert listed["nhiem-vu"] == sorted(tasks) and len(tasks) == 24
    assert listed["trang"] == others and {kind for kind, _, _ in others.values()} == {
        "nhom",
        "don-vi",
        "quy",
        "van-ban",
    }
    units = [title for kind, title, _ in others.values() if kind == "don-vi"]
    assert "Chi cục Tiêu chuẩn Đo lường Chất lượng Thành phố Hồ Chí Minh" in units, units
