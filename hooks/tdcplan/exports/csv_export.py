"""``nhiem-vu.csv``: one row per task, the JSON's facts flattened for spreadsheets.

RFC 4180 (CRLF line ends, fields quoted when needed), UTF-8 with a byte-order
mark so that Excel reads Vietnamese correctly. Lists are joined with «; »;
dates are ISO (``2026-11-25``), which every spreadsheet reads as a date.
A cell that a spreadsheet would run as a formula gets a leading apostrophe
(:mod:`.spreadsheet`).
The column order is part of the contract (the open-data page documents it).
"""

from __future__ import annotations

import csv
import io

from ..model import Plan, Task
from ..urls import Urls
from ..wording import SCHEDULE_KIND_LABELS, TASK_FIELDS
from .spreadsheet import spreadsheet_text

CSV_FILE = "nhiem-vu.csv"
JOIN = "; "

# (header, meaning shown on the open-data page), in column order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Số", "Số hiệu nhiệm vụ như trong bản gốc, ví dụ 2.đ"),
    ("Nhóm", "Số của nhóm nhiệm vụ"),
    ("Tên nhóm", "Tên nhóm nhiệm vụ"),
    (TASK_FIELDS["content"].short, "Nội dung thực hiện (đã áp dụng đính chính); các đoạn nối bằng «; »"),
    (TASK_FIELDS["outputs"].short, "Sản phẩm, dự kiến kết quả (đã áp dụng đính chính); các mục nối bằng «; »"),
    ("Thời gian thực hiện", "Nguyên văn thời gian thực hiện"),
    ("Loại thời gian", "theo quý, theo tháng, thường xuyên hoặc theo yêu cầu"),
    ("Quý", "Các quý thực hiện (1–4), nối bằng «; »; trống với nhiệm vụ theo yêu cầu"),
    ("Đơn vị chủ trì", "Tên chuẩn của đơn vị chủ trì, nối bằng «; »"),
    ("Đơn vị phối hợp", "Tên chuẩn của các đơn vị phối hợp, nối bằng «; »; trống nếu bản gốc ghi «/»"),
    ("Văn bản dẫn chiếu", "Chương trình, văn bản được dẫn chiếu, nối bằng «; »"),
    ("Tình trạng", "Tình trạng theo báo cáo mới nhất («Chưa báo cáo» nếu chưa có)"),
    ("Ngày báo cáo", "Ngày của báo cáo mới nhất (năm-tháng-ngày), trống nếu chưa có"),
    ("Đính chính", "Các lỗi chính tả của bản gốc đã sửa: mục: «nguyên văn» → «đã sửa»"),
    ("Đường dẫn", "Địa chỉ trang của nhiệm vụ"),
)


def references_cell(task: Task) -> str:
    return JOIN.join(reference.title for reference in task.references)


def report_date_cell(task: Task) -> str:
    return task.status.as_of.isoformat() if task.status else ""


def corrections_cell(task: Task) -> str:
    return JOIN.join(f"{TASK_FIELDS[c.field].short}: «{c.original}» → «{c.corrected}»" for c in task.corrections)


def task_row(task: Task, addresses: Urls) -> list[str]:
    """The cells of one task, in :data:`COLUMNS` order."""
    return [
        task.number,
        str(task.group.number),
        task.group.title,
        JOIN.join(item.text for item in task.content),
        JOIN.join(item.text for item in task.outputs),
        task.schedule.text,
        SCHEDULE_KIND_LABELS[task.schedule.kind],
        JOIN.join(str(q) for q in task.schedule.quarters),
        JOIN.join(unit.name for unit in task.lead),
        JOIN.join(unit.name for unit in task.partners),
        references_cell(task),
        task.status_label,
        report_date_cell(task),
        corrections_cell(task),
        addresses.absolute(addresses.task(task)),
    ]


def plan_csv(plan: Plan, addresses: Urls) -> bytes:
    """The whole file: header row, then one row per task in plan order."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([header for header, _ in COLUMNS])
    for task in plan.tasks:
        writer.writerow([spreadsheet_text(cell) for cell in task_row(task, addresses)])
    return buffer.getvalue().encode("utf-8-sig")
