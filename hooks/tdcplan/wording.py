"""How the site words things in Vietnamese: dates, quarters, short forms of long texts."""

from __future__ import annotations

import datetime as dt

from .schedule import QUARTER_NAMES, Schedule, ScheduleKind

QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}

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


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter."""
    first_month, last_month = QUARTER_MONTHS[quarter]
    start = dt.date(year, first_month, 1)
    end = (dt.date(year + 1, 1, 1) if last_month == 12 else dt.date(year, last_month + 1, 1)) - dt.timedelta(days=1)
    return start, end


def schedule_meaning(schedule: Schedule) -> str:
    """What the schedule means, in words (shown beside the official wording)."""
    if schedule.kind is ScheduleKind.ONGOING:
        return "Thực hiện thường xuyên, cả bốn quý"
    if schedule.kind is ScheduleKind.ON_REQUEST:
        return "Thực hiện khi có yêu cầu; không gắn với quý nào"
    names = [QUARTER_NAMES[q] for q in schedule.quarters]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
    return f"Thực hiện trong {listed} năm {schedule.year}"


def schedule_note(schedule: Schedule, year: int) -> str:
    """What a task page says after the official schedule: its due date, or why it has none."""
    if schedule.kind is ScheduleKind.ONGOING:
        return f"suốt năm {year}, cả bốn quý"
    if schedule.kind is ScheduleKind.ON_REQUEST:
        return "khi có yêu cầu, không gắn với quý nào"
    due = schedule.due_date
    return f"hạn {format_date(due)}" if due else schedule.text


def shorten(text: str, limit: int = 110) -> str:
    """The start of ``text``, cut at a word boundary within ``limit`` characters, with «…»."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"
