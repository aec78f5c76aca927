"""The calendars: real iCalendar, one all-day event per due date, none invented, one file per unit and quarter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

EXPECTED_EVENTS = {  # task -> due dates, by its official schedule
    "1.a": ["2026-03-31", "2026-06-30", "2026-09-30"],
    "1.b": ["2026-03-31", "2026-06-30"],
    "2.a": ["2026-12-31"],
    "2.b": ["2026-06-30", "2026-09-30", "2026-12-31"],
    "2.đ": ["2026-11-30"],
    "2.e": ["2026-12-31"],
    "2.h": ["2026-03-31"],
    "3.a": ["2026-06-30", "2026-09-30", "2026-12-31"],
    "3.b": ["2026-06-30", "2026-09-30"],
    "3.d": ["2026-06-30", "2026-09-30", "2026-12-31"],
}


def _events(path: Path) -> list[icalendar.Event]:
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"] and calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["X-WR-CALNAME"]
    return list(calendar.walk("VEVENT"))


def _task_number(event: icalendar.Event) -> str:
    return str(event["SUMMARY"]).removeprefix("Hạn nhiệm vụ ").split(":")[0].split(" ")[0]


def test_plan_calendar_has_one_event_per_due_date(site_dir: Path, exported_json: dict) -> None:
    events = _events(site_dir / "du-lieu" / "ke-hoach.ics")
    found: dict[str, list[str]] = {}
    for event in events:
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime), "all-day events"
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 25, tzinfo=dt.UTC)
        assert str(event["URL"]).startswith("http") and str(event["URL"]) in str(event["DESCRIPTION"])
        found.setdefault(_task_number(event), []).append(start.isoformat())
    assert {k: sorted(v) for k, v in found.items()} == EXPECTED_EVENTS
    assert len(events) == sum(len(task["schedule"]["due"]) for task in exported_json["tasks"]) == 20
    uids = [str(event["UID"]) for event in events]
    assert (
        len(set(uids)) == len(uids)
        and "2026-2-dd-m11@skhcn.hochiminhcity.gov.vn" in uids
        and "2026-1-a-q1@skhcn.hochiminhcity.gov.vn" in uids
    )
    undated = {t["id"] for t in exported_json["tasks"] if t["schedule"]["kind"] in ("ongoing", "on_request")}
    assert undated and not undated & set(found)


def test_every_unit_has_a_calendar_with_its_role(site_dir: Path, exported_json: dict, plan_data) -> None:
    for unit in plan_data.units.values():
        events = _events(site_dir / "du-lieu" / "don-vi" / f"{unit.id}.ics")
        expected = sum(
            len(task["schedule"]["due"])
            for task in exported_json["tasks"]
            if unit.id in {u["id"] for u in task["lead"] + task["partners"]}
        )
        assert len(events) == expected, unit.id
        for event in events:
            assert "(chủ trì" in str(event["SUMMARY"]) or "(phối hợp" in str(event["SUMMARY"])
    partner_events = _events(site_dir / "du-lieu" / "don-vi" / "van-phong-so.ics")
    assert {_task_number(e) for e in partner_events} == {"2.đ", "2.h"}
    assert all("(phối hợp)" in str(e["SUMMARY"]) for e in partner_events)


def test_quarter_calendars_split_the_plan_calendar(site_dir: Path) -> None:
    counts = [len(_events(site_dir / "du-lieu" / "quy" / f"2026-q{q}.ics")) for q in range(1, 5)]
    assert counts == [3, 6, 5, 6]
    assert sum(counts) == len(_events(site_dir / "du-lieu" / "ke-hoach.ics"))
