"""Tasks arranged by the quarters of a year, as quarter and unit pages list them."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Task
from .schedule import ScheduleKind


@dataclass(frozen=True)
class QuarterListing:
    """The tasks of one quarter: those whose schedule names it, the ongoing ones, those on request."""

    quarter: int
    scheduled: tuple[Task, ...]
    ongoing: tuple[Task, ...]
    on_request: tuple[Task, ...]


def scheduled_in(tasks: tuple[Task, ...], quarter: int) -> tuple[Task, ...]:
    """Tasks whose schedule names ``quarter`` (by quarters or by a span of months)."""
    return tuple(
        task
        for task in tasks
        if task.schedule.kind in (ScheduleKind.QUARTERS, ScheduleKind.MONTHS) and quarter in task.schedule.quarters
    )


def of_kind(tasks: tuple[Task, ...], kind: ScheduleKind) -> tuple[Task, ...]:
    return tuple(task for task in tasks if task.schedule.kind is kind)


def quarter_listing(tasks: tuple[Task, ...], quarter: int) -> QuarterListing:
    """What a quarter holds for ``tasks``."""
    return QuarterListing(
        quarter,
        scheduled_in(tasks, quarter),
        of_kind(tasks, ScheduleKind.ONGOING),
        of_kind(tasks, ScheduleKind.ON_REQUEST),
    )
