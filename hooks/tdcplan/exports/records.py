"""The facts of a task as exported: one record shared by the JSON and CSV files.

Key names are the open-data contract (``/work/shared/design.md``); they are
documented for readers on the open-data page and pinned by the JSON Schema in
:mod:`.json_schema`. Keys keep this insertion order in the published files.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Plan, Task, Unit
from ..schedule import ScheduleKind, month_end, quarter_bounds
from ..urls import Urls


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def unit_record(unit: Unit) -> dict[str, str]:
    return {"id": unit.id, "name": unit.name}


def due_dates(task: Task) -> list[tuple[str, dt.date]]:
    """When a task is due, keyed for stable identifiers: the end of each quarter its schedule names
    (``q1``…), or the last day of the last month of a span of months (``m11``). Ongoing and
    on-request tasks have no due date: none is invented."""
    schedule = task.schedule
    if schedule.kind is ScheduleKind.QUARTERS and schedule.year:
        return [(f"q{q}", quarter_bounds(schedule.year, q)[1]) for q in schedule.quarters]
    if schedule.kind is ScheduleKind.MONTHS and schedule.year and schedule.months:
        last_month = schedule.months[1]
        return [(f"m{last_month:02d}", month_end(schedule.year, last_month))]
    return []


def schedule_record(task: Task) -> dict[str, Any]:
    """The ``schedule`` object: the official wording, its kind, its quarters and its due dates."""
    return {
        "text": task.schedule.text,
        "kind": task.schedule.kind.value,
        "quarters": list(task.schedule.quarters),
        "due": [iso(day) for _, day in due_dates(task)],
    }


def plan_record(plan: Plan, addresses: Urls) -> dict[str, Any]:
    """The ``plan`` object: what the list is, who issued it, and the date of the latest data change."""
    return {
        "title": plan.title,
        "year": plan.year,
        "appendix": plan.appendix,
        "issuer": plan.issuer,
        "source_document": plan.source_document,
        "parent_plan": {
            "as_printed": plan.parent.as_printed,
            "number": plan.parent.number,
            "date": iso(plan.parent.date),
        },
        "generated": iso(plan.last_change),
        "data_date": iso(plan.data_date),
        "site_url": addresses.site_url or None,
    }


def task_record(task: Task, addresses: Urls) -> dict[str, Any]:
    """One task: the text as the site shows it (after corrections) and as officially printed."""
    status = task.status
    return {
        "id": task.number,
        "group": {"number": task.group.number, "title": task.group.title},
        "content": [item.text for item in task.content],
        "content_official": [item.official for item in task.content],
        "outputs": [item.text for item in task.outputs],
        "outputs_official": [item.official for item in task.outputs],
        "schedule": schedule_record(task),
        "lead": [unit_record(unit) for unit in task.lead],
        "partners": [unit_record(unit) for unit in task.partners],
        "references": [reference.id for reference in task.references],
        "status": {
            "code": task.status_code.value,
            "label": task.status_label,
            "as_of": iso(status.as_of) if status else None,
            "note": status.note if status and status.note else None,
        },
        "reports": [
            {
                "code": report.code.value,
                "label": report.label,
                "as_of": iso(report.as_of),
                "note": report.note or None,
                "evidence": [{"title": e.title, "url": e.url, "document": e.document} for e in report.evidence],
            }
            for report in task.reports
        ],
        "corrections": [
            {
                "field": correction.field,
                "original": correction.original,
                "corrected": correction.corrected,
                "note": correction.note,
                "recorded": iso(correction.recorded),
            }
            for correction in task.corrections
        ],
        "url": addresses.path(addresses.task(task)),
    }
