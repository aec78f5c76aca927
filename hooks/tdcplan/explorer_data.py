"""The task explorer's data: one compact JSON document the page's script filters in the browser.

Compact records: only what the filters, the sorting and the result rows need
(number, page URL, group, the shortened first paragraph, schedule, lead and
coordinating units by id, status, the period-ended flag) and each task's
content and outputs folded once for the free-text filter (``vietnamese.fold``,
punctuation turned into spaces), so the browser only folds the query. Unit
names live once in the registry; the script folds them and the numbers itself.
The full official wording is in the open data (``du-lieu/nhiem-vu.json``), which
the page's downloads fetch only when a reader asks for one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .exports.csv_export import COLUMNS, corrections_cell, references_cell, report_date_cell
from .exports.json_export import JSON_FILE
from .exports.records import schedule_record
from .model import STATUS_LABELS, Plan, Task, Unit
from .progress import BUCKET_LABELS, Bucket
from .urls import Urls
from .vietnamese import fold
from .wording import SCHEDULE_KIND_LABELS, shorten

# Searchable fields are folded, then every run of anything but a letter or digit
# becomes one space, so "kiem tra phap che" finds «Kiểm tra – Pháp chế». The
# script applies the same rule to the query (explorer.js, ``searchable``).
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Fields are joined by a character the rule above never leaves, so a query
# cannot match across the end of one field and the start of the next.
FIELD_SEPARATOR = "|"


def searchable(text: str) -> str:
    """``text`` folded for matching: lower-case, no marks, đ→d, punctuation as single spaces."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def text_fields(task: Task) -> list[str]:
    """The task's own text a free-text query looks in: content and outputs (official wording too)."""
    fields = [item.text for item in task.content + task.outputs]
    fields += [item.official for item in task.content + task.outputs if item.corrected]
    return fields


def search_text(task: Task) -> str:
    """Every field a free-text query looks in: content, outputs, number, unit names and short names.

    The explorer's script builds the same string from :func:`explorer_task`'s
    ``folded`` text and the unit registry (explorer.js, ``Engine``).
    """
    fields = [*text_fields(task), task.number]
    for unit in task.units:
        fields += [unit.name, unit.short_name]
    return FIELD_SEPARATOR.join(searchable(field) for field in fields)


def explorer_task(task: Task, urls: Urls) -> dict[str, Any]:
    """One task as a compact record; units and the group by id (see :func:`explorer_dataset`)."""
    schedule = schedule_record(task)
    del schedule["due"]  # the rows show the official wording; the filters use the quarters
    record: dict[str, Any] = {
        "id": task.number,
        "url": urls.url(urls.task(task)),
        "group": task.group_number,
        "short": shorten(task.content[0].text),
        "schedule": schedule,
        "lead": [unit.id for unit in task.lead],
        "partners": [unit.id for unit in task.partners],
        "status": task.status_code.value,
        "folded": FIELD_SEPARATOR.join(searchable(field) for field in text_fields(task)),
        # The published CSV's cells the fields above do not hold (the download repeats its columns).
        "references_text": references_cell(task),
        "reported": report_date_cell(task),
        "corrections_text": corrections_cell(task),
    }
    if task.deadline_flag:
        record["overdue"] = task.deadline_flag.short_text  # as the server-drawn rows say it
    return record


def explorer_unit(unit: Unit, urls: Urls) -> dict[str, str]:
    return {"name": unit.name, "short_name": unit.short_name, "url": urls.url(urls.unit(unit))}


def explorer_dataset(plan: Plan, urls: Urls) -> dict[str, Any]:
    """The whole document: the plan's tasks in plan order and the registries they refer to.

    URLs are site-relative (``nhiem-vu/2-dd/``); the script resolves them against
    the site root the page gives it, so the site can live under any path.
    ``open_data`` is the full open-data JSON, which the downloads read.
    """
    used = {unit.id: unit for task in plan.tasks for unit in task.units}
    units = {unit_id: explorer_unit(unit, urls) for unit_id, unit in plan.units.items() if unit_id in used}
    return {
        "plan": {"year": plan.year, "title": plan.title, "issuer": plan.issuer},
        "groups": {str(group.number): group.title for group in plan.groups},
        "units": units,
        "statuses": {code.value: label for code, label in STATUS_LABELS.items()},
        "overdue_label": BUCKET_LABELS[Bucket.OVERDUE].capitalize(),
        "data_date": plan.data_date.isoformat() if plan.data_date else None,
        "kinds": {kind.value: label for kind, label in SCHEDULE_KIND_LABELS.items()},
        "open_data": urls.url(urls.data_file(plan, JSON_FILE)),
        "csv_headers": [header for header, _ in COLUMNS],
        "tasks": [explorer_task(task, urls) for task in plan.tasks],
    }


def explorer_json(plan: Plan, urls: Urls) -> str:
    """:func:`explorer_dataset` as compact JSON (no spaces, Vietnamese kept as UTF-8)."""
    return json.dumps(explorer_dataset(plan, urls), ensure_ascii=False, separators=(",", ":"))
