"""Using the explorer: filters change the URL and the count, history steps back, downloads hold the rows shown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from explorer_expect import PLAN, count_text, expected_numbers, open_explorer, query_of, shown_numbers
from tdcplan.exports.csv_export import COLUMNS

TOTAL = len(PLAN.tasks)
CSV_HEADERS = [header for header, _ in COLUMNS]


def test_changing_a_filter_updates_the_url_and_the_count(page, site_url):
    open_explorer(page, site_url)
    assert count_text(page) == f"{TOTAL} / {TOTAL} nhiệm vụ"
    page.select_option("#tdc-explorer-quarter", "3")
    assert query_of(page.url) == {"quy": "3"}
    assert count_text(page) == f"{len(expected_numbers('?quy=3'))} / {TOTAL} nhiệm vụ"
    page.select_option("#tdc-explorer-unit", "phong-kiem-tra-phap-che")
    page.select_option("#tdc-explorer-role", "phoi-hop")
    assert query_of(page.url) == {"don-vi": "phong-kiem-tra-phap-che", "vai-tro": "phoi-hop", "quy": "3"}
    assert shown_numbers(page) == ["4.b", "5.a", "5.b", "5.c", "5.d"]
    assert page.get_attribute(".tdc-explorer__count", "aria-live") == "polite"


def test_back_button_restores_the_previous_filters(page, site_url):
    open_explorer(page, site_url, "?nhom=2")
    page.select_option("#tdc-explorer-kind", "thuong-xuyen")
    page.fill("#tdc-explorer-text", "doanh nghiep")
    after_text = shown_numbers(page)
    assert after_text == expected_numbers("?nhom=2&loai=thuong-xuyen&q=doanh+nghiep")

    page.go_back()  # the whole typed query was one step
    assert query_of(page.url) == {"nhom": "2", "loai": "thuong-xuyen"}
    assert page.input_value("#tdc-explorer-text") == ""
    assert shown_numbers(page) == expected_numbers("?nhom=2&loai=thuong-xuyen")

    page.go_back()
    assert query_of(page.url) == {"nhom": "2"}
    assert page.input_value("#tdc-explorer-kind") == ""
    assert shown_numbers(page) == expected_numbers("?nhom=2")

    page.go_forward()
    assert page.input_value("#tdc-explorer-kind") == "thuong-xuyen"
    assert shown_numbers(page) == expected_numbers("?nhom=2&loai=thuong-xuyen")


def test_clear_button_resets_every_filter(page, site_url):
    open_explorer(page, site_url, "?nhom=5&quy=2&q=kiem")
    assert len(shown_numbers(page)) < TOTAL
    page.get_by_role("button", name="Xoá bộ lọc").click()
    assert query_of(page.url) == {}
    assert len(shown_numbers(page)) == TOTAL
    assert page.input_value("#tdc-explorer-group") == ""
    assert page.input_value("#tdc-explorer-text") == ""
    page.go_back()
    assert query_of(page.url) == {"nhom": "5", "quy": "2", "q": "kiem"}


def test_a_filter_with_no_match_says_so(page, site_url):
    open_explorer(page, site_url, "?q=khong+co+nhiem+vu+nao+nhu+the")
    assert shown_numbers(page) == []
    assert "Không có nhiệm vụ nào" in page.inner_text(".tdc-explorer tbody")
    assert count_text(page) == f"0 / {TOTAL} nhiệm vụ"


def test_csv_download_holds_exactly_the_filtered_rows(page, site_url):
    query = "?quy=4&don-vi=cac-phong-don-vi"
    open_explorer(page, site_url, query)
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải kết quả (CSV)").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == CSV_HEADERS
    expected = expected_numbers(query)
    assert [row[0] for row in rows[1:]] == expected
    first = PLAN.task(expected[0])
    row = dict(zip(CSV_HEADERS, rows[1], strict=False))
    assert row["Nội dung"] == "; ".join(item.text for item in first.content)
    assert row["Đơn vị chủ trì"] == "; ".join(unit.name for unit in first.lead)
    assert row["Quý"] == "; ".join(str(q) for q in first.schedule.quarters)
    assert row["Tình trạng"] == first.status_label
    assert row["Đường dẫn"] == site_url + f"nhiem-vu/{first.slug}/"


def test_csv_download_of_every_task_is_the_published_csv_cell_by_cell(page, site_url, site_dir):
    open_explorer(page, site_url)
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải kết quả (CSV)").click()
    downloaded = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"), newline="")))
    published_text = (site_dir / "du-lieu" / "nhiem-vu.csv").read_text(encoding="utf-8-sig")
    published = list(csv.reader(io.StringIO(published_text, newline="")))
    assert len(downloaded[0]) == len(published[0]) == 15
    assert len(downloaded) == len(published) == TOTAL + 1
    # The page's own address is where it is served; the published file uses site_url.
    link = CSV_HEADERS.index("Đường dẫn")
    for row in downloaded[1:]:
        row[link] = row[link].replace(site_url, "http://127.0.0.1:8000/")
    assert downloaded == published


def test_csv_download_follows_a_later_filter_change(page, site_url):
    open_explorer(page, site_url, "?nhom=1")
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải kết quả (CSV)").click()
    assert len(Path(info.value.path()).read_text(encoding="utf-8-sig").strip().splitlines()) == 1 + 2
    page.select_option("#tdc-explorer-group", "6")
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải kết quả (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:]] == ["6.a", "6.b"]


def test_json_download_holds_the_filtered_tasks_in_open_data_terms(page, site_url):
    query = "?loai=theo-yeu-cau"
    open_explorer(page, site_url, query)
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải kết quả (JSON)").click()
    document = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert document["filters"] == {"loai": "theo-yeu-cau"}
    assert [task["id"] for task in document["tasks"]] == expected_numbers(query)
    task = document["tasks"][0]
    source = PLAN.task(task["id"])
    assert task["schedule"] == {"text": source.schedule.text, "kind": "on_request", "quarters": [], "due": []}
    assert task["lead"][0] == {
        "id": source.lead[0].id,
        "name": source.lead[0].name,
        "short_name": source.lead[0].short_name,
    }
    assert task["group"] == {"number": source.group.number, "title": source.group.title}


def test_the_form_is_usable_by_keyboard(page, site_url):
    open_explorer(page, site_url)
    page.focus("#tdc-explorer-text")
    page.keyboard.type("chuyen doi so")
    assert shown_numbers(page) == ["2.h", "2.i"]
    page.keyboard.press("Tab")  # to the filter panel's summary (the panel is open at this width)
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")  # to the group select
    assert page.evaluate("document.activeElement.id") == "tdc-explorer-group"
    for _ in range(7):  # unit, role, quarter, kind, status, sort, clear
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Xoá bộ lọc"
    page.keyboard.press("Enter")
    assert len(shown_numbers(page)) == TOTAL
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused button shows no focus outline"
