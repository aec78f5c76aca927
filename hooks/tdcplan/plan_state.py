"""The plan as of its data date: which date that is, and the tasks due in its quarter (counts per
status are :func:`tdcplan.progress.rollup`).

Time-relative statements use the data's own date, never the build clock: the
home page says «as of dd/mm/yyyy», and that date comes from :func:`data_date`.
"""

from __future__ import annotations

import datetime as dt

from .model import Plan, Task
from .progress import period_end
from .schedule import quarter_bounds


def data_date(plan: Plan) -> dt.date | None:
    """The date the plan's data speaks for: the explicit one (``status.yml``), else the latest date
    recorded in the data, else the plan's own date.

    ``None`` when the data records no date at all (the home page then says so and
    names no «current» quarter). This is the one place the rule lives, so that an
    explicit data date in the YAML can replace it.
    """
    return plan.data_date or plan.last_change or plan.parent.date


def quarter_of(day: dt.date) -> int:
    """The quarter (1-4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


def tasks_due_in_quarter(plan: Plan, year: int, quarter: int) -> tuple[Task, ...]:
    """Tasks whose scheduled period ends (``progress.period_end``) in ``quarter`` of ``year``, in plan order."""
    start, end = quarter_bounds(year, quarter)
    return tuple(task for task in plan.tasks if (due := period_end(task.schedule)) and start <= due <= end)
