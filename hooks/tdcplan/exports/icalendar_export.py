"""Calendars (iCalendar, RFC 5545) of the plan's due dates: the whole plan, one per unit, one per quarter.

A task is due at the end of each quarter its schedule names (``Quý I, II và
III/2026``: 31/03, 30/06 and 30/09) or on the last day of a span of months
(``Từ tháng 01/2026 đến tháng 11/2026``: 30/11). Ongoing and on-request tasks
name no date, and the calendars invent none. Each due date is an all-day event
whose UID is stable and names the publisher, not the host (``2026-2-dd-q1@<publisher_id>``); DTSTAMP is the date of the
latest change in the data, never the build clock. The ``icalendar`` library
writes the text (CRLF, lines folded at 75 octets).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..build_cache import BuildCache, code_version, library_version
from ..identifiers import Identifiers
from ..model import Plan, Task, Unit
from ..schedule import quarter_of_month
from ..urls import Urls
from ..wording import format_date, quarter_name, shorten
from .records import due_dates

if TYPE_CHECKING:  # imported where a calendar is written: a build whose calendars are cached never loads it
    from icalendar import Event, Timezone

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


def stamp(plan: Plan) -> dt.datetime:
    """DTSTAMP: the latest change in the data (1 January of the plan's year when nothing is recorded)."""
    day = plan.last_change or dt.date(plan.year, 1, 1)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)


def _timezone() -> Timezone:
    from icalendar import Timezone, TimezoneStandard

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


@dataclass(frozen=True)
class EventText:
    """What one calendar event says: everything the library serializes, computed without it."""

    uid: str
    day: dt.date
    summary: str
    description: str
    url: str


def _event_text(event: DueEvent, plan: Plan, addresses: Urls, uid: str) -> EventText:
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
    summary = f"Hạn nhiệm vụ {task.number}{role}: {shorten(task.content[0].text, 80)}"
    return EventText(uid, event.day, summary, "\n".join(lines), url)


def _event(text: EventText, dtstamp: dt.datetime) -> Event:
    from icalendar import Event

    item = Event()
    item.add("dtstamp", dtstamp)
    item.add("dtstart", text.day)
    item.add("dtend", text.day + dt.timedelta(days=1))
    item.add("summary", text.summary)
    item.add("description", text.description)
    item.add("url", text.url)
    item.add("transp", "TRANSPARENT")  # a deadline, not a busy slot
    item.add("uid", text.uid)
    return item


def _write_calendar(name: str, events: tuple[EventText, ...], dtstamp: dt.datetime) -> bytes:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add_component(_timezone())  # also keeps a calendar without due dates valid (RFC 5545 needs a component)
    for text in events:
        cal.add_component(_event(text, dtstamp))
    return cal.to_ical()


class CalendarWriter:
    """The calendars of one plan, each written by ``icalendar`` unless the build cache has it.

    What an event says is computed here (:class:`EventText`, cheap); the library's
    serialization (lines folded character by character) is the costly part, and a
    calendar's bytes follow from its name and its events' texts alone: so the cache
    key is that text, with this module's source and the library's version
    (:mod:`tdcplan.build_cache`).
    """

    def __init__(self, plan: Plan, addresses: Urls, ids: Identifiers, cache: BuildCache | None = None) -> None:
        self.plan = plan
        self.addresses = addresses
        self.ids = ids
        self.cache = cache or BuildCache(None)
        self.events = plan_events(plan)

    def calendar(self, name: str, events: list[DueEvent], uid_suffix: str = "") -> bytes:
        """One calendar file. ``uid_suffix`` tells apart events whose text differs (a unit's role) from the plan's."""
        texts = tuple(
            _event_text(e, self.plan, self.addresses, self.ids.calendar_uid(self.plan, e.task, e.key, uid_suffix))
            for e in events
        )
        dtstamp = stamp(self.plan)
        key = f"{code_version(__file__)} icalendar {library_version('icalendar')}\n{(name, dtstamp, texts)!r}"
        return self.cache.get("calendars", key, lambda: _write_calendar(name, texts, dtstamp))

    def plan_calendar(self) -> bytes:
        return self.calendar(f"Kế hoạch TĐC {self.plan.year}: hạn nhiệm vụ", self.events)

    def unit_calendar(self, unit: Unit) -> bytes:
        events = [DueEvent(e.task, e.key, e.day, unit_role(e.task, unit)) for e in self.events]
        name = f"Kế hoạch TĐC {self.plan.year}: {unit.short_name}"
        return self.calendar(name, [e for e in events if e.role], uid_suffix=f"-{unit.id}")

    def quarter_calendar(self, quarter: int) -> bytes:
        name = f"Kế hoạch TĐC {self.plan.year}: hạn trong {quarter_name(quarter, self.plan.year)}"
        return self.calendar(name, [e for e in self.events if quarter_of_month(e.day.month) == quarter])


def plan_calendar(plan: Plan, addresses: Urls, ids: Identifiers) -> bytes:
    return CalendarWriter(plan, addresses, ids).plan_calendar()


def unit_calendar(plan: Plan, unit: Unit, addresses: Urls, ids: Identifiers) -> bytes:
    return CalendarWriter(plan, addresses, ids).unit_calendar(unit)


def quarter_calendar(plan: Plan, quarter: int, addresses: Urls, ids: Identifiers) -> bytes:
    return CalendarWriter(plan, addresses, ids).quarter_calendar(quarter)
