"""exports: the open-data files of the small plan."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import xml.etree.ElementTree as ET

import openpyxl
import small_plan
from icalendar import Calendar
from tdcplan.exports import plan_exports
from tdcplan.exports.atom_feed import plan_feed
from tdcplan.exports.csv_export import COLUMNS, plan_csv
from tdcplan.exports.icalendar_export import plan_calendar, quarter_calendar
from tdcplan.exports.json_export import plan_json
from tdcplan.exports.xlsx_export import plan_xlsx


def setup():
    site = small_plan.site(2026)
    return site.plans[0], site.urls


def test_json_record_of_a_task():
    plan, urls = setup()
    document = json.loads(plan_json(plan, urls))
    assert document["plan"]["site_url"] == "https://tdc.example.vn/"
    assert document["plan"]["generated"] == "2026-03-01"
    task = document["tasks"][0]
    assert task["id"] == "1.a" and task["url"] == "/nhiem-vu/1-a/"
    assert task["group"] == {"number": 1, "title": "Nhóm một"}
    assert task["content"] == ["Thực hiện Đề án 1 năm 2026"]
    assert task["content_official"] == ["Thực hiện Đề an 1 năm 2026"]
    assert task["schedule"] == {
        "text": "Quý I và II/2026",
        "kind": "quarters",
        "quarters": [1, 2],
        "due": ["2026-03-31", "2026-06-30"],
    }
    assert task["partners"] == [{"id": "u-b", "name": "Chi cục <Đo lường>"}]
    assert [t["schedule"]["due"] for t in document["tasks"][1:]] == [[], []]


def test_csv_rows():
    plan, urls = setup()
    text = plan_csv(plan, urls).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [header for header, _ in COLUMNS]
    assert rows[1][:3] == ["1.a", "1", "Nhóm một"]
    assert rows[1][13] == "Nội dung: «Đề an» → «Đề án»"
    assert rows[1][14] == "https://tdc.example.vn/nhiem-vu/1-a/"
    assert rows[2][9] == ""  # no coordinating unit
    assert text.count("\r\n") == 4


def test_calendars_hold_only_named_due_dates():
    plan, urls = setup()
    events = Calendar.from_ical(plan_calendar(plan, urls, small_plan.IDS)).walk("VEVENT")
    assert [(str(e["uid"]), e["dtstart"].dt.isoformat()) for e in events] == [
        ("2026-1-a-q1@so.example.vn", "2026-03-31"),
        ("2026-1-a-q2@so.example.vn", "2026-06-30"),
    ]
    assert Calendar.from_ical(quarter_calendar(plan, 3, urls, small_plan.IDS)).walk("VEVENT") == []


def test_feed_entries_newest_first():
    plan, urls = setup()
    feed = ET.fromstring(plan_feed(plan, urls, small_plan.IDS))
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")]
    assert titles == [
        "Nhiệm vụ 1.a: Đang thực hiện (báo cáo ngày 01/03/2026)",
        "Nhiệm vụ 1.a: đính chính «Đề an» thành «Đề án»",
    ]
    summary = list(feed.iter(f"{atom}entry"))[1].find(f"{atom}summary").text
    assert summary.startswith("Mục nội dung thực hiện của nhiệm vụ 1.a: ")


def test_open_data_files_of_a_plan():
    plan, urls = setup()
    files = plan_exports(plan, plan.units, urls, small_plan.IDS, source_document=b"| STT |")
    assert [(f.src_uri, f.kind) for f in files] == [
        ("du-lieu/nhiem-vu.json", "main"),
        ("du-lieu/nhiem-vu.schema.json", "main"),
        ("du-lieu/nhiem-vu.csv", "main"),
        ("du-lieu/nhiem-vu.xlsx", "main"),
        ("du-lieu/ke-hoach.ics", "main"),
        ("du-lieu/cap-nhat.xml", "main"),
        ("du-lieu/kh.txt", "main"),
        ("du-lieu/don-vi/u-a.ics", "unit"),
        ("du-lieu/don-vi/u-b.ics", "unit"),
    ] + [(f"du-lieu/quy/2026-q{q}.ics", "quarter") for q in range(1, 5)]


def test_spreadsheet_cells_are_text_never_formulas():
    plan, urls = setup()
    formula = '=HYPERLINK("https://attacker.example/","x")'
    task = plan.tasks[0]
    hostile = dataclasses.replace(task, content=(dataclasses.replace(task.content[0], text=formula),))
    plan = dataclasses.replace(plan, groups=(dataclasses.replace(plan.groups[0], tasks=(hostile,)),))
    workbook = openpyxl.load_workbook(io.BytesIO(plan_xlsx(plan, plan.units, urls)))
    sheet = workbook.worksheets[0]
    assert [cell.value for cell in sheet[1]] == [header for header, _ in COLUMNS]
    cell = sheet.cell(2, 4)
    assert (cell.value, cell.data_type) == ("'" + formula, "s")  # as the CSV writes it
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row if c.value is not None)
