"""The state of a plan as of its data date: tasks per status, tasks due in the data date's quarter.

Time-relative statements use the data's own date, never the build clock: the
home page says «as of dd/mm/yyyy», and that date comes from :func:`data_date`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import STATUS_LABELS, Plan, StatusCode, Task
from .wording import quarter_bounds


def data_date(plan: Plan) -> dt.date | None:
    """The date the plan's data speaks for: the latest date recorded in it, else the plan's own date.

    ``None`` when the data records no date at all (the home page then says so and
    names no «current» quarter). This is the one place the rule lives, so that an
    explicit data date in the YAML can replace it.
    """
    return plan.last_change or plan.parent.date


def quarter_of(day: dt.date) -> int:
    """The quarter (1-4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


@dataclass(frozen=True)
class StatusCount:
    """How many tasks of a plan stand at one status."""

    code: StatusCode
    label: str
    count: int


def status_counts(plan: Plan) -> tuple[StatusCount, ...]:
    """Tasks per status, every status listed (zero included), in the order statuses are defined."""
    tally = {code: 0 for code in STATUS_LABELS}
    for task in plan.tasks:
        tally[task.status_code] += 1
    return tuple(StatusCount(code, STATUS_LABELS[code], count) for code, count in tally.items())


def tasks_due_in_quarter(plan: Plan, year: int, quarter: int) -> tuple[Task, ...]:
    """Tasks whose due date (``Schedule.due_date``) falls in ``quarter`` of ``year``, in plan order."""
    start, end = quarter_bounds(year, quarter)
    return tuple(task for task in plan.tasks if (due := task.schedule.due_date) and start <= due <= end)
