"""``nhiem-vu.xlsx``: opens with openpyxl, equals the CSV cell by cell, reads well, same bytes every build."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from tdcplan.exports.xlsx_export import ROLE_HEADER, TASKS_SHEET


@pytest.fixture(scope="module")
def workbook(site_dir: Path):
    return openpyxl.load_workbook(site_dir / "du-lieu" / "nhiem-vu.xlsx")


@pytest.fixture(scope="module")
def csv_rows(site_dir: Path) -> list[list[str]]:
    text = (site_dir / "du-lieu" / "nhiem-vu.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def cells(sheet) -> list[list[str]]:
    return [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]


def test_the_tasks_sheet_is_the_csv_cell_by_cell(workbook, csv_rows) -> None:
    assert workbook.sheetnames[0] == TASKS_SHEET
    rows = cells(workbook[TASKS_SHEET])
    assert len(rows) == len(csv_rows) == 25 and len(rows[0]) == 15
    assert rows == csv_rows
    assert all(isinstance(value, str) for row in rows for value in row)


def test_each_unit_sheet_lists_its_tasks_with_its_role_and_the_csv_cells(workbook, csv_rows, plan_data) -> None:
    plan = plan_data.plans[0]
    by_number = {row[0]: row for row in csv_rows[1:]}
    sheets = workbook.sheetnames[1:]
    assert len(sheets) == 8 and "Chi cục TĐC" in sheets
    for name in sheets:
        rows = cells(workbook[name])
        assert rows[0] == [ROLE_HEADER, *csv_rows[0]]
        unit = next(u for u in plan_data.units.values() if u.short_name.startswith(name.split(" (")[0][:31]))
        expected = [t.number for t in plan.tasks if unit in t.lead or unit in t.partners]
        assert [row[1] for row in rows[1:]] == expected, name
        for row in rows[1:]:
            assert row[0] in ("chủ trì", "phối hợp", "chủ trì và phối hợp")
            assert row[1:] == by_number[row[1]]


def test_columns_are_wide_and_wrapped_with_a_bold_header_in_view(workbook) -> None:
    sheet = workbook[TASKS_SHEET]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width == 60  # «Nội dung»
    assert all(sheet.column_dimensions[letter].width >= 6 for letter in "ABCDEFGHIJKLMNO")
    assert all(cell.font.bold for cell in sheet[1])
    assert all(cell.alignment.wrap_text for row in sheet.iter_rows() for cell in row)


def test_the_file_is_dated_from_the_data_not_the_clock(site_dir: Path, workbook, plan_data) -> None:
    day = plan_data.plans[0].last_change
    assert workbook.properties.created == workbook.properties.modified == dt.datetime.combine(day, dt.time(0, 0))
    with zipfile.ZipFile(site_dir / "du-lieu" / "nhiem-vu.xlsx") as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(day.year, day.month, day.day, 0, 0, 0)}
