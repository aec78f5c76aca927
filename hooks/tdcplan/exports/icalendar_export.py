"""Calendars (iCalendar, RFC 5545) of the plan's due dates: the whole plan, one per unit, one per quarter.

A task is due at the end of each quarter its schedule names (``Quý I, II và
III/2026``: 31/03, 30/06 and 30/09) or on the last day of a span of months
(``Từ tháng 01/2026 đến tháng 11/2026``: 30/11). Ongoing and on-request tasks
name no date, and the calendars invent none. Each due date is an all-day event
whose UID is stable (``2026-2-dd-q1@<host>``); DTSTAMP is the date of the
latest change in the data, never the build clock. The ``icalendar`` library
writes the text (CRLF, lines folded at 75 octets).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from ..model import Plan, Task, Unit
from ..schedule import quarter_of_month
from ..urls import Urls
from ..wording import format_date, quarter_name, shorten
from .records import due_dates

PLAN_FILE = "ke-hoach.ics"
PRODID = "-//So KH&CN TP.HCM//Ke hoach TDC//VI"
TIMEZONE = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class DueEvent:
    """One due date of a task (``key`` is ``q1``… or ``m11``), and the unit's role when a unit calendar lists it."""

    task: Task
    key: str
    day: dt.date
    role: str = ""


def plan_events(plan: Plan) -> list[DueEvent]:
    """Every due date of the plan, by date then plan order."""
    events = [DueEvent(task, key, day) for task in plan.tasks for key, day in due_dates(task)]
    return sorted(events, key=lambda event: event.day)  # stable: plan order within a day


def unit_role(task: Task, unit: Unit) -> str:
    """«chủ trì», «phối hợp», both, or empty when the unit has no part in the task."""
    roles = [name for name, units in (("chủ trì", task.lead), ("phối hợp", task.partners)) if unit in units]
    return " và ".join(roles)


def unit_events(plan: Plan, unit: Unit) -> list[DueEvent]:
    """The due dates of tasks ``unit`` leads or coordinates, with its role."""
    return [
        DueEvent(e.task, e.key, e.day, unit_role(e.task, unit)) for e in plan_events(plan) if unit_role(e.task, unit)
    ]


def quarter_events(plan: Plan, quarter: int) -> list[DueEvent]:
    """The due dates that fall in ``quarter``."""
    return [event for event in plan_events(plan) if quarter_of_month(event.day.month) == quarter]


def stamp(plan: Plan) -> dt.datetime:
    """DTSTAMP: the latest change in the data (1 January of the plan's year when nothing is recorded)."""
    day = plan.last_change or dt.date(plan.year, 1, 1)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def _timezone() -> Timezone:
    # The readers' time zone (UTC+7 since 1975), so that clients show the all-day dates in it.
    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1975, 6, 13, 0, 0))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=7))
    standard.add("tzname", "+07")
    zone.add_component(standard)
    return zone


def _event(event: DueEvent, plan: Plan, addresses: Urls, uid_suffix: str) -> Event:
    task = event.task
    role = f" ({event.role})" if event.role else ""
    url = addresses.absolute(addresses.task(task))
    partners = ", ".join(unit.name for unit in task.partners) or "không có"
    lines = [
        f"Nhiệm vụ {task.number}{role}: {task.content[0].text}",
        f"Thời gian thực hiện: {task.schedule.text} (hạn ngày {format_date(event.day)})",
        f"Đơn vị chủ trì: {', '.join(unit.name for unit in task.lead)}",
        f"Đơn vị phối hợp: {partners}",
        f"Tình trạng: {task.status_label}",
        f"Chi tiết: {url}",
    ]
    item = Event()
    item.add("uid", f"{plan.year}-{task.slug}-{event.key}{uid_suffix}@{addresses.host}")
    item.add("dtstamp", stamp(plan))
    item.add("dtstart", event.day)
    item.add("dtend", event.day + dt.timedelta(days=1))
    item.add("summary", f"Hạn nhiệm vụ {task.number}{role}: {shorten(task.content[0].text, 80)}")
    item.add("description", "\n".join(lines))
    item.add("url", url)
    item.add("transp", "TRANSPARENT")  # a deadline, not a busy slot
    return item


def calendar(plan: Plan, addresses: Urls, name: str, events: list[DueEvent], uid_suffix: str = "") -> bytes:
    """One calendar file. ``uid_suffix`` tells apart events whose text differs (a unit's role) from the plan's."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add_component(_timezone())  # also keeps a calendar without due dates valid (RFC 5545 needs a component)
    for event in events:
        cal.add_component(_event(event, plan, addresses, uid_suffix))
    return cal.to_ical()


def plan_calendar(plan: Plan, addresses: Urls) -> bytes:
    return calendar(plan, addresses, f"Kế hoạch TĐC {plan.year}: hạn nhiệm vụ", plan_events(plan))


def unit_calendar(plan: Plan, unit: Unit, addresses: Urls) -> bytes:
    name = f"Kế hoạch TĐC {plan.year}: {unit.short_name}"
    return calendar(plan, addresses, name, unit_events(plan, unit), uid_suffix=f"-{unit.id}")


def quarter_calendar(plan: Plan, quarter: int, addresses: Urls) -> bytes:
    name = f"Kế hoạch TĐC {plan.year}: hạn trong {quarter_name(quarter, plan.year)}"
    return calendar(plan, addresses, name, quarter_events(plan, quarter))
