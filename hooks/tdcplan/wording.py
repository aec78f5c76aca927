"""How the site words things in Vietnamese: dates, quarters, task fields, titles, sizes, short forms.

(:mod:`tdcplan.vietnamese` holds the language's text rules: letters, folding.)
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .schedule import ROMAN_QUARTERS, Schedule, ScheduleKind

if TYPE_CHECKING:  # the model's progress rules word dates with this module
    from .model import Plan, Task

QUARTER_NAMES = {number: f"Quý {roman}" for roman, number in ROMAN_QUARTERS.items()}


@dataclass(frozen=True)
class FieldWording:
    """How a task's text field is named: in full, in a table column, and what one of its items is called."""

    label: str  # e.g. "Nội dung thực hiện": headings, change lists
    short: str  # e.g. "Nội dung": spreadsheet columns
    item: str  # one paragraph or one output: "đoạn", "mục"


# The fields a correction can change, as the site names them everywhere.
TASK_FIELDS: dict[str, FieldWording] = {
    "content": FieldWording("Nội dung thực hiện", "Nội dung", "đoạn"),
    "outputs": FieldWording("Sản phẩm, dự kiến kết quả", "Sản phẩm", "mục"),
}

# «Loại thời gian»: how each kind of schedule is named in tables and downloads.
SCHEDULE_KIND_LABELS = {
    ScheduleKind.QUARTERS: "theo quý",
    ScheduleKind.MONTHS: "theo tháng",
    ScheduleKind.ONGOING: "thường xuyên",
    ScheduleKind.ON_REQUEST: "theo yêu cầu",
}


def format_date(day: dt.date) -> str:
    """``dd/mm/yyyy``, the Vietnamese way."""
    return day.strftime("%d/%m/%Y")


def quarter_name(quarter: int, year: int | None = None) -> str:
    """``Quý III`` or ``Quý III/2026``."""
    return QUARTER_NAMES[quarter] + (f"/{year}" if year else "")


def schedule_meaning(schedule: Schedule) -> str:
    """What the schedule means, in words (shown beside the official wording)."""
    if schedule.kind is ScheduleKind.ONGOING:
        return "Thực hiện thường xuyên, cả bốn quý"
    if schedule.kind is ScheduleKind.ON_REQUEST:
        return "Thực hiện khi có yêu cầu; không gắn với quý nào"
    names = [QUARTER_NAMES[q] for q in schedule.quarters]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
    return f"Thực hiện trong {listed} năm {schedule.year}"


def schedule_note(schedule: Schedule, year: int, due: dt.date | None) -> str:
    """What a task page says after the official schedule: its due date (``progress.period_end``), or why it has none."""
    if schedule.kind is ScheduleKind.ONGOING:
        return f"suốt năm {year}, cả bốn quý"
    if schedule.kind is ScheduleKind.ON_REQUEST:
        return "khi có yêu cầu, không gắn với quý nào"
    return f"hạn {format_date(due)}" if due else schedule.text


@functools.lru_cache(maxsize=8192)  # each task's start is shown on every list that lists it
def shorten(text: str, limit: int = 110) -> str:
    """The start of ``text``, cut at a word boundary within ``limit`` characters, with «…»."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def plan_title(plan: Plan) -> str:
    """The appendix title in sentence case («Danh mục nhiệm vụ triển khai thực hiện năm 2026»)."""
    lowered = plan.title.lower()
    return lowered[:1].upper() + lowered[1:]


def task_title(task: Task) -> str:
    """«Nhiệm vụ 2.đ: <start of its content>», the page title and search title."""
    return f"Nhiệm vụ {task.number}: {shorten(task.content[0].text, 90)}"


def parent_plan_wording(plan: Plan) -> str:
    """The parent plan as printed, saying so when its number and date are still blank."""
    parent = plan.parent
    if parent.number is None and parent.date is None:
        return f"Kế hoạch của Sở (bản gốc để trống số và ngày ban hành: «{parent.as_printed}»)"
    return parent.as_printed


def format_size(size: int) -> str:
    """«55.129 byte (53,8 KB)»: Vietnamese digit grouping and decimal comma."""
    grouped = f"{size:,}".replace(",", ".")
    kilobytes = f"{size / 1024:.1f}".replace(".", ",")
    return f"{grouped} byte ({kilobytes} KB)"
