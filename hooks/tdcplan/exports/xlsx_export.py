"""``nhiem-vu.xlsx``: the CSV's table as a spreadsheet that opens readable, plus a sheet per unit.

Written with openpyxl. The first sheet has the CSV's columns and cells exactly
(:func:`.csv_export.task_row`, made inert by :func:`.spreadsheet.spreadsheet_text`); each unit's sheet lists the tasks it leads or
coordinates, with its role. Columns have widths and wrapped text, the header
row stays in view. The file is the same bytes on every build: the document
properties are dated from the data (never the clock), and so are the zip entries.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..build_cache import BuildCache, code_version, library_version
from ..model import Plan, Unit
from ..urls import Urls
from .csv_export import COLUMNS, task_row
from .icalendar_export import unit_role
from .spreadsheet import spreadsheet_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

XLSX_FILE = "nhiem-vu.xlsx"
TASKS_SHEET = "Nhiệm vụ"
ROLE_HEADER = "Vai trò của đơn vị"
# Character widths of the CSV's columns, in COLUMNS order: long texts wide, codes narrow.
WIDTHS = (6, 7, 30, 60, 45, 22, 14, 8, 30, 30, 30, 14, 12, 30, 40)
SHEET_NAME_LIMIT = 31  # Excel's limit
FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def sheet_name(unit: Unit, taken: set[str]) -> str:
    """A valid, unique sheet name for a unit (its short name, cut to Excel's 31 characters)."""
    base = FORBIDDEN_IN_SHEET_NAMES.sub("-", unit.short_name)[:SHEET_NAME_LIMIT].strip()
    name, counter = base, 2
    while name in taken:
        suffix = f" ({counter})"
        name, counter = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, counter + 1
    taken.add(name)
    return name


def _cells(row: list[str]) -> list[str]:
    """The CSV's cells, made inert as the CSV makes them (a leading apostrophe before a formula's start)."""
    return [spreadsheet_text(cell) for cell in row]


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells (text only) and column widths."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]


def _fill(
    sheet: Worksheet, header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], widths: tuple[int, ...]
) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.append(header)
    for row in rows:
        sheet.append(row)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
            # Every cell is text: openpyxl would store a value starting with «=» as a formula.
            cell.data_type = "s"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _deterministic_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same archive with every entry dated ``stamp`` (openpyxl dates them with the clock)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def workbook_sheets(plan: Plan, units: dict[str, Unit], addresses: Urls) -> list[Sheet]:
    """The tasks sheet, then one sheet per unit that has a part in the plan."""
    headers = tuple(header for header, _ in COLUMNS)
    sheets = [Sheet(TASKS_SHEET, headers, tuple(tuple(_cells(task_row(t, addresses))) for t in plan.tasks), WIDTHS)]
    taken = {TASKS_SHEET}
    for unit in units.values():
        rows = tuple(
            (unit_role(task, unit), *_cells(task_row(task, addresses))) for task in plan.tasks if unit_role(task, unit)
        )
        if rows:
            sheets.append(Sheet(sheet_name(unit, taken), (ROLE_HEADER, *headers), rows, (16, *WIDTHS)))
    return sheets


def plan_xlsx(plan: Plan, units: dict[str, Unit], addresses: Urls, cache: BuildCache | None = None) -> bytes:
    """The workbook's bytes (from ``cache`` when the same cells were written by the same code and openpyxl)."""
    sheets = workbook_sheets(plan, units, addresses)
    stamp = dt.datetime.combine(plan.last_change or dt.date(plan.year, 1, 1), dt.time(0, 0))
    key = (
        f"{code_version(__file__)} openpyxl {library_version('openpyxl')}\n{(sheets, stamp, plan.issuer, plan.title)!r}"
    )
    return (cache or BuildCache(None)).get("spreadsheets", key, lambda: _workbook(sheets, stamp, plan))


def _workbook(sheets: list[Sheet], stamp: dt.datetime, plan: Plan) -> bytes:
    # openpyxl is imported here, not at the top: a build whose workbook is cached never loads it.
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    for index, sheet in enumerate(sheets):
        target = workbook.active if index == 0 else workbook.create_sheet()
        target.title = sheet.title
        _fill(target, sheet.header, sheet.rows, sheet.widths)
    properties = workbook.properties
    properties.created = properties.modified = stamp
    properties.creator = properties.lastModifiedBy = plan.issuer
    properties.title = plan.title
    properties.language = "vi"
    buffer = io.BytesIO()
    # ExcelWriter, not openpyxl.save_workbook: the latter sets «modified» to the clock.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _deterministic_zip(buffer.getvalue(), stamp)
