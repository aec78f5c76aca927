"""The task explorer's data: one compact JSON document the page's script filters in the browser.

It carries the open-data columns of every task (number, group, content, outputs,
schedule, lead and coordinating units, status, page URL) plus what the script
needs to stay small: unit and group registries referenced by id, and each task's
searchable text already folded (``vietnamese.fold``, punctuation turned into
spaces), so the browser only folds the query.
"""

from __future__ import annotations

import json
import re
from typing import Any

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


def search_text(task: Task) -> str:
    """Every field a free-text query looks in: content, outputs, number, unit names and short names."""
    fields = [item.text for item in task.content + task.outputs]
    fields += [item.official for item in task.content + task.outputs if item.corrected]
    fields.append(task.number)
    for unit in task.units:
        fields += [unit.name, unit.short_name]
    return FIELD_SEPARATOR.join(searchable(field) for field in fields)


def explorer_task(task: Task, urls: Urls) -> dict[str, Any]:
    """One task, in the open data's terms; units and the group by id (see :func:`explorer_dataset`)."""
    return {
        "id": task.number,
        "slug": task.slug,
        "url": urls.url(urls.task(task)),
        "group": task.group_number,
        "short": shorten(task.content[0].text),
        "content": [item.text for item in task.content],
        "outputs": [item.text for item in task.outputs],
        "schedule": schedule_record(task),
        "lead": [unit.id for unit in task.lead],
        "partners": [unit.id for unit in task.partners],
        "status": task.status_code.value,
        "overdue": {"due": task.deadline_flag.due.isoformat(), "text": task.deadline_flag.text}
        if task.deadline_flag
        else None,
        "number_folded": fold(task.number),
        "folded": search_text(task),
    }


def explorer_unit(unit: Unit, urls: Urls) -> dict[str, str]:
    return {"name": unit.name, "short_name": unit.short_name, "url": urls.url(urls.unit(unit))}


def explorer_dataset(plan: Plan, urls: Urls) -> dict[str, Any]:
    """The whole document: the plan's tasks in plan order and the registries they refer to.

    URLs are site-relative (``nhiem-vu/2-dd/``); the script resolves them against
    the site root the page gives it, so the site can live under any path.
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
        "tasks": [explorer_task(task, urls) for task in plan.tasks],
    }


def explorer_json(plan: Plan, urls: Urls) -> str:
    """:func:`explorer_dataset` as compact JSON (no spaces, Vietnamese kept as UTF-8)."""
    return json.dumps(explorer_dataset(plan, urls), ensure_ascii=False, separators=(",", ":"))
