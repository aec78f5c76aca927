"""The search index's Pagefind run (tdcplan.search_index.SearchIndexer), with the real Pagefind binary."""

from __future__ import annotations

import json
import re

import pytest
from checkers import pagefind_fragments
from tdcplan.search_index import SearchIndexer, SearchIndexError, indexed_document, page_url

# The markup of overrides/main.html around the indexed content.
PAGE = (
    '<!doctype html><html lang="vi"><head><title>{title}</title></head><body>'
    "<nav>điều hướng</nav><main><div data-pagefind-body><h1>{title}</h1><p>{text}</p>"
    '<span data-pagefind-filter="nhom" hidden>{group}</span></div><!-- end of the indexed content -->'
    "<footer>chân trang</footer></main></body></html>"
)


def test_pagefind_is_given_the_title_and_the_indexed_element_only():
    document = indexed_document(PAGE.format(title="2.đ", text="Hiệu chuẩn", group="2"), "a/index.html")
    assert document.startswith(
        '<!doctype html><html lang="vi"><head><title>2.đ</title></head><body><div data-pagefind-body>'
    )
    assert "Hiệu chuẩn" in document and "điều hướng" not in document and "chân trang" not in document


def test_a_page_whose_indexed_content_is_not_marked_stops_the_build():
    with pytest.raises(SearchIndexError, match=re.escape("a/index.html: the indexed content is not marked")):
        indexed_document("<html><body><div data-pagefind-body>x</div></body></html>", "a/index.html")


@pytest.mark.parametrize(
    "dest_uri, url",
    [
        ("index.html", "/"),
        ("nhiem-vu/2-dd/index.html", "/nhiem-vu/2-dd/"),
        ("don-vi/index.html", "/don-vi/"),
        ("gioi-thieu.html", "/gioi-thieu.html"),  # use_directory_urls: false
        ("myindex.html", "/myindex.html"),
    ],
)
def test_a_page_is_found_at_the_url_pagefind_gives_its_file(dest_uri, url):
    assert page_url(dest_uri) == url


def test_pages_given_one_by_one_are_written_as_one_bundle(tmp_path):
    indexer = SearchIndexer()
    indexer.add_page("nhiem-vu/1-a/index.html", PAGE.format(title="1.a", text="Giải thưởng chất lượng", group="1"))
    indexer.add_page("nhiem-vu/2-dd/index.html", PAGE.format(title="2.đ", text="Hiệu chuẩn đo lường", group="2"))
    indexer.write(tmp_path / "pagefind")
    bundle = tmp_path / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["vi"]["page_count"] == 2
    fragments = pagefind_fragments(bundle)
    assert set(fragments) == {"/nhiem-vu/1-a/", "/nhiem-vu/2-dd/"}
    assert "Hiệu chuẩn đo lường" in fragments["/nhiem-vu/2-dd/"]["content"]
    assert "điều hướng" not in fragments["/nhiem-vu/2-dd/"]["content"]  # outside data-pagefind-body
    assert fragments["/nhiem-vu/1-a/"]["filters"] == {"nhom": ["1"]}
    assert (bundle / "pagefind.js").exists() and not list(bundle.glob("pagefind-ui.*"))
    assert indexer._process.poll() == 0, "Pagefind has stopped"


def test_the_bundle_lists_its_pages_tasks_by_id_and_the_others_with_their_names(tmp_path):
    task = PAGE.replace(
        '<span data-pagefind-filter="nhom"',
        '<span data-pagefind-filter="trang">nhiem-vu</span><span data-pagefind-filter="nhom"',
    )
    indexer = SearchIndexer()
    indexer.add_page("nhiem-vu/1-a/index.html", task.format(title="1.a", text="Giải thưởng", group="1"))
    indexer.add_page("don-vi/a/index.html", PAGE.format(title="Đơn vị A", text="Giải thưởng", group="1"))
    indexer.write(tmp_path / "pagefind")
    listed = json.loads((tmp_path / "pagefind" / "trang.json").read_text(encoding="utf-8"))
    fragments = {path.stem: path for path in (tmp_path / "pagefind" / "fragment").glob("*.pf_fragment")}
    ids = listed["nhiem-vu"]
    assert len(fragments) == 2 and len(ids) == 1 and ids[0] in fragments
    [(other, record)] = listed["trang"].items()
    assert other in fragments and other != ids[0]
    assert record == ["", "Đơn vị A", ""]  # no kind filter on this page, no summary in its meta
    assert pagefind_fragments(tmp_path / "pagefind")["/nhiem-vu/1-a/"]["filters"]["trang"] == ["nhiem-vu"]


def test_writing_again_replaces_the_old_bundle(tmp_path):
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "fragment" / "vi_stale.pf_fragment").write_bytes(b"stale")
    indexer = SearchIndexer()
    indexer.add_page("a/index.html", PAGE.format(title="A", text="một", group="1"))
    indexer.write(bundle)
    assert not (bundle / "fragment" / "vi_stale.pf_fragment").exists()
    assert set(pagefind_fragments(bundle)) == {"/a/"}


def test_a_bundle_pagefind_cannot_write_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the bundle's folder should be", encoding="utf-8")
    indexer = SearchIndexer()
    indexer.add_page("a/index.html", PAGE.format(title="A", text="một", group="1"))
    with pytest.raises(SearchIndexError, match="pagefind"):
        indexer.write(blocker / "pagefind")
    indexer.close()
    assert indexer._process.poll() is not None, "Pagefind is not left running"


def test_closing_an_unwritten_index_stops_pagefind():
    indexer = SearchIndexer()
    indexer.add_page("a/index.html", PAGE.format(title="A", text="một", group="1"))
    indexer.close()
    assert indexer._process.poll() is not None
    indexer.close()  # twice is harmless (a failed build may close what was never written)


def test_a_write_asked_for_early_is_the_one_waited_for(tmp_path):
    indexer = SearchIndexer()
    indexer.add_page("a/index.html", PAGE.format(title="A", text="một", group="1"))
    indexer.start_writing(tmp_path / "pagefind")
    indexer.start_writing(tmp_path / "pagefind")  # asked once only
    with pytest.raises(SearchIndexError, match="being written to"):
        indexer.write(tmp_path / "elsewhere")
    indexer.write(tmp_path / "pagefind")
    assert set(pagefind_fragments(tmp_path / "pagefind")) == {"/a/"}
    assert not (tmp_path / "elsewhere").exists()


def test_pagefind_ending_early_is_a_clear_error_not_a_hang(tmp_path):
    indexer = SearchIndexer()
    indexer.add_page("a/index.html", PAGE.format(title="A", text="một", group="1"))
    indexer._process.kill()  # as if Pagefind crashed or was stopped
    indexer._process.wait()
    with pytest.raises(SearchIndexError, match=r"pagefind stopped \(exit -9\) before the index was written"):
        indexer.write(tmp_path / "pagefind")
    assert not (tmp_path / "pagefind").exists()
