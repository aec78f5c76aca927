"""What the explorer should show, computed from the real data in Python, and how to read what it shows.

The expectations restate the filter rules of the explorer page independently of
its script: group, unit in a role, quarter (named by the schedule or ongoing),
schedule kind, status, and a diacritic-insensitive phrase.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from repository import REPOSITORY
from tdcplan.explorer_data import search_text, searchable
from tdcplan.load import load_data
from tdcplan.model import Plan, Task
from tdcplan.schedule import ScheduleKind

PLAN: Plan = load_data(REPOSITORY / "data").plans[0]  # the primary plan, whose explorer is /tra-cuu/
EXPLORER = "tra-cuu/"

KINDS = {
    "theo-quy": {ScheduleKind.QUARTERS, ScheduleKind.MONTHS},
    "thuong-xuyen": {ScheduleKind.ONGOING},
    "theo-yeu-cau": {ScheduleKind.ON_REQUEST},
}


def units_in_role(task: Task, role: str) -> set[str]:
    units = {"chu-tri": task.lead, "phoi-hop": task.partners}.get(role, task.lead + task.partners)
    return {unit.id for unit in units}


def expected_numbers(query: str) -> list[str]:
    """Task numbers, in plan order, that the explorer opened at ``?query`` must list."""
    params = {key: values[0] for key, values in parse_qs(query.lstrip("?")).items()}
    tasks = []
    for task in PLAN.tasks:
        if "nhom" in params and str(task.group_number) != params["nhom"]:
            continue
        if "don-vi" in params and params["don-vi"] not in units_in_role(task, params.get("vai-tro", "ca-hai")):
            continue
        if "quy" in params and int(params["quy"]) not in task.schedule.quarters:
            continue
        if "loai" in params and task.schedule.kind not in KINDS[params["loai"]]:
            continue
        if "trang-thai" in params and params["trang-thai"] == "het-han":
            if task.deadline_flag is None:
                continue
        elif "trang-thai" in params and task.status_code.value != params["trang-thai"]:
            continue
        if "q" in params and searchable(params["q"]) not in search_text(task):
            continue
        tasks.append(task.number)
    return tasks


def open_explorer(page, site_url: str, query: str = "") -> None:
    """Open the explorer at ``query`` and wait until its script has built the filter form."""
    page.goto(site_url + EXPLORER + query)
    page.wait_for_selector(".tdc-explorer__form")


def shown_numbers(page) -> list[str]:
    """Task numbers of the table rows, top to bottom (the «no match» row is not a task)."""
    return page.eval_on_selector_all(
        ".tdc-explorer tbody tr[data-task] td:first-child", "cells => cells.map(td => td.textContent.trim())"
    )


def option_labels(page, select: str) -> list[tuple[str, str]]:
    """Each option of the list ``select`` (a CSS selector) as (value, label), once every count
    is written: the explorer writes the chosen option's count at once and the others when the
    browser is idle (or when a reader goes to a list)."""
    page.wait_for_selector(".tdc-explorer[data-labels]", state="attached")
    return [
        tuple(pair)
        for pair in page.eval_on_selector_all(select + " option", "os => os.map(o => [o.value, o.textContent])")
    ]


def count_text(page) -> str:
    return page.inner_text(".tdc-explorer__count").strip()


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
