"""Progress of tasks: the status codes and their labels, the «period ended» rule and roll-up counts.

Everything time-relative is computed against the plan's *data date* (the date its
data is current to, set by the maintainer in ``status.yml``), never the build clock.
Pure functions of the schedule, the reports and the data date; no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from .schedule import Schedule, ScheduleKind, month_end, quarter_bounds
from .wording import format_date

if TYPE_CHECKING:  # the model imports this module
    from .model import Task


class StatusCode(StrEnum):
    """Progress of a task, as reported by a maintainer (``not_reported``: no report yet, never stored)."""

    NOT_REPORTED = "not_reported"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DELAYED = "delayed"
    PAUSED = "paused"
    CANCELLED = "cancelled"


STATUS_LABELS: dict[StatusCode, str] = {
    StatusCode.NOT_REPORTED: "Chưa báo cáo",
    StatusCode.NOT_STARTED: "Chưa triển khai",
    StatusCode.IN_PROGRESS: "Đang thực hiện",
    StatusCode.DONE: "Đã hoàn thành",
    StatusCode.DELAYED: "Chậm tiến độ",
    StatusCode.PAUSED: "Tạm dừng",
    StatusCode.CANCELLED: "Không thực hiện",
}

# What a report may say (the absence of any report is «Chưa báo cáo», never written down).
REPORTABLE: tuple[StatusCode, ...] = tuple(code for code in StatusCode if code is not StatusCode.NOT_REPORTED)
# A report closing the task: it ends the «period ended» flag, and must say why in its note.
CLOSING: frozenset[StatusCode] = frozenset({StatusCode.DONE, StatusCode.CANCELLED})

DATA_DATE_WORDING = "Số liệu tính đến ngày {}"


def data_date_text(data_date: dt.date) -> str:
    """«Số liệu tính đến ngày dd/mm/yyyy»: said wherever a time-relative fact is shown."""
    return DATA_DATE_WORDING.format(format_date(data_date))


def period_end(schedule: Schedule) -> dt.date | None:
    """The last day of a task's scheduled period: its last quarter's end, or its last month's.

    Ongoing and on-request tasks have no end: ``None`` (they are never flagged).
    """
    if schedule.year is None:
        return None
    if schedule.kind is ScheduleKind.QUARTERS:
        return quarter_bounds(schedule.year, schedule.quarters[-1])[1]
    if schedule.kind is ScheduleKind.MONTHS and schedule.months:
        return month_end(schedule.year, schedule.months[1])
    return None


@dataclass(frozen=True)
class DeadlineFlag:
    """A task whose scheduled period ended before the data date with no report closing it."""

    due: dt.date  # the period's last day
    data_date: dt.date

    @property
    def text(self) -> str:
        """The flag as a citizen reads it: a fact, with the date the period ended."""
        return f"Đã hết thời hạn theo kế hoạch ({format_date(self.due)}), chưa báo cáo hoàn thành"

    @property
    def short_text(self) -> str:
        """The flag in a row of a list of tasks, beside the status it qualifies («Chưa báo cáo»,
        «Đang thực hiện»…; never a closing one): the same fact in a third of the bytes, paid on every row."""
        return f"Đã hết thời hạn ({format_date(self.due)})"


def deadline_flag(schedule: Schedule, latest: StatusCode, data_date: dt.date | None) -> DeadlineFlag | None:
    """The flag when the period ended strictly before ``data_date`` and the latest report is not done/cancelled."""
    due = period_end(schedule)
    if data_date is None or due is None or due >= data_date or latest in CLOSING:
        return None
    return DeadlineFlag(due, data_date)


# What a task counts as in a roll-up: its latest status, or «period ended» (``overdue``), which takes
# precedence. The order is the roll-up's: finished work, work under way, then what is missing.
Bucket = StrEnum(
    "Bucket",
    {
        value.upper(): value
        for value in ("done", "in_progress", "not_started", "delayed", "paused", "cancelled", "overdue", "not_reported")
    },
)


BUCKET_LABELS: dict[Bucket, str] = {
    **{Bucket(code.value): label.lower() for code, label in STATUS_LABELS.items()},
    Bucket.OVERDUE: "đã hết thời hạn, chưa báo cáo hoàn thành",
}


def bucket_of(task: Task) -> Bucket:
    """The roll-up bucket of ``task`` (the rule written on the Giới thiệu page)."""
    if task.deadline_flag is not None:
        return Bucket.OVERDUE
    return Bucket(task.status_code.value)


@dataclass(frozen=True)
class Rollup:
    """Counts of tasks per bucket, in :class:`Bucket` order; only counts, no percentages."""

    counts: tuple[tuple[Bucket, int], ...]  # every bucket, zero counts included
    data_date: dt.date | None

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    @property
    def shown(self) -> tuple[tuple[Bucket, int], ...]:
        """The buckets that have tasks."""
        return tuple((bucket, count) for bucket, count in self.counts if count)

    def count(self, bucket: Bucket) -> int:
        return dict(self.counts)[bucket]

    @property
    def text(self) -> str:
        """«3 đã hoàn thành · 2 đang thực hiện · 18 chưa báo cáo» (the bar's text equivalent)."""
        return " · ".join(f"{count} {BUCKET_LABELS[bucket]}" for bucket, count in self.shown)


def rollup(tasks: Iterable[Task], data_date: dt.date | None) -> Rollup:
    """Count ``tasks`` per bucket."""
    found = Counter(bucket_of(task) for task in tasks)
    return Rollup(tuple((bucket, found[bucket]) for bucket in Bucket), data_date)
