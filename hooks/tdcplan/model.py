"""The plan as typed, validated objects. Built by :mod:`tdcplan.load`; knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from .progress import STATUS_LABELS, DeadlineFlag, StatusCode, deadline_flag
from .schedule import Schedule
from .vietnamese import letter_slug


@dataclass(frozen=True)
class SourceLocation:
    """Where a record lives in the repository (for edit links and error messages)."""

    path: str  # relative to the repository root, e.g. "data/plans/2026/plan.yml"
    line: int


class UnitKind(StrEnum):
    """An organisation, or a collective such as «Các phòng, đơn vị trực thuộc Sở»."""

    ORGANISATION = "organisation"
    COLLECTIVE = "collective"


@dataclass(frozen=True)
class Alias:
    """A spelling of a unit's name found in source documents, with why it differs."""

    text: str
    note: str = ""


# Units and references are registry entries: one object per id, compared by identity
# (field-by-field equality and hashing were the hot spot of building large plans).
@dataclass(frozen=True, eq=False)
class Unit:
    """An entry of the unit registry."""

    id: str
    name: str
    short_name: str
    kind: UnitKind
    aliases: tuple[Alias, ...]
    location: SourceLocation


@dataclass(frozen=True, eq=False)
class Reference:
    """A programme or legal document that tasks cite."""

    id: str
    title: str  # e.g. "Đề án 996" or "Nghị định 135/2021/NĐ-CP"
    kind: str  # e.g. "Đề án", "Nghị định", "Luật"
    description: str  # the source's own words about it, when it gives any
    mentions: tuple[str, ...]  # phrases whose presence in a task's text means it cites this
    location: SourceLocation


@dataclass(frozen=True)
class Evidence:
    """What a report rests on: a title, and a web address or an official document (or both)."""

    title: str
    url: str | None = None  # http(s) only
    document: str | None = None  # number and date as printed, e.g. "123/BC-CCTĐC ngày 30/6/2026"


@dataclass(frozen=True)
class StatusReport:
    """One progress report for a task, dated by the maintainer who made it."""

    code: StatusCode
    as_of: dt.date
    note: str
    location: SourceLocation
    evidence: tuple[Evidence, ...] = ()

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.code]


@dataclass(frozen=True)
class Correction:
    """An evident typo of the source, corrected by the site and shown beside the original."""

    field: str  # "content" or "outputs"
    original: str
    corrected: str
    note: str
    recorded: dt.date
    location: SourceLocation


@dataclass(frozen=True)
class TextItem:
    """A paragraph or output item: the official wording, and the text after corrections."""

    official: str
    text: str

    @property
    def corrected(self) -> bool:
        return self.official != self.text


@dataclass(frozen=True)
class GroupHeading:
    """What a task knows of its group: the number and the title (the group holds its tasks)."""

    number: int
    title: str


@dataclass(frozen=True)
class Task:
    """A task of the plan (e.g. 2.đ), complete when made: corrections applied, reports attached."""

    year: int  # the plan's year
    group: GroupHeading
    letter: str
    content: tuple[TextItem, ...]  # after corrections; each item keeps the official wording
    outputs: tuple[TextItem, ...]
    schedule: Schedule
    lead: tuple[Unit, ...]
    partners: tuple[Unit, ...]
    references: tuple[Reference, ...]
    location: SourceLocation
    corrections: tuple[Correction, ...] = ()
    reports: tuple[StatusReport, ...] = ()  # oldest first
    data_date: dt.date | None = None  # the plan's: what «period ended» is measured against

    @property
    def group_number(self) -> int:
        return self.group.number

    # number, slug and deadline_flag are read for every link and every listed row: computed once
    # (cached_property writes the instance's __dict__, which a frozen dataclass allows).
    @cached_property
    def number(self) -> str:
        """The task's number as printed in the plan, e.g. ``"2.đ"``."""
        return f"{self.group.number}.{self.letter}"

    @cached_property
    def slug(self) -> str:
        """The URL-safe form of the number, distinct for d and đ (``"2-dd"``)."""
        return f"{self.group.number}-{letter_slug(self.letter)}"

    @property
    def status(self) -> StatusReport | None:
        """The latest report, or ``None`` while the task is not yet reported."""
        return self.reports[-1] if self.reports else None

    @property
    def status_code(self) -> StatusCode:
        return self.status.code if self.status else StatusCode.NOT_REPORTED

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status_code]

    @cached_property
    def deadline_flag(self) -> DeadlineFlag | None:
        """Set when the scheduled period ended before the data date and no report closes the task."""
        return deadline_flag(self.schedule, self.status_code, self.data_date)

    @property
    def units(self) -> tuple[Unit, ...]:
        """Lead then coordinating units, each once."""
        return tuple(dict.fromkeys(self.lead + self.partners))


@dataclass(frozen=True)
class Group:
    """A numbered group of tasks with its title."""

    number: int
    title: str
    tasks: tuple[Task, ...]
    location: SourceLocation


@dataclass(frozen=True)
class ParentPlan:
    """The plan the appendix is issued with; its number and date may still be blank."""

    as_printed: str  # e.g. "Kế hoạch số /KH-SKHCN ngày tháng năm 2026"
    number: str | None  # None while the plan is not yet numbered
    date: dt.date | None


@dataclass(frozen=True)
class Plan:
    """One year's task list: metadata, groups and tasks, with the registries it refers to."""

    year: int
    appendix: str  # e.g. "Phụ lục"
    title: str  # e.g. "Danh mục nhiệm vụ triển khai thực hiện năm 2026"
    parent: ParentPlan
    issuer: str
    source_document: str
    groups: tuple[Group, ...]
    units: dict[str, Unit]
    references: dict[str, Reference]
    location: SourceLocation
    data_date: dt.date | None = None  # from status.yml; None when the plan has no status file

    @cached_property
    def tasks(self) -> tuple[Task, ...]:
        """Every task in plan order (the groups of a loaded plan do not change)."""
        return tuple(task for group in self.groups for task in group.tasks)

    def task(self, number: str) -> Task:
        """The task printed as ``number`` (e.g. ``"2.đ"``)."""
        for task in self.tasks:
            if task.number == number:
                return task
        raise KeyError(number)

    def tasks_led_by(self, unit: Unit) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if unit in task.lead)

    def tasks_coordinated_by(self, unit: Unit) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if unit in task.partners)

    def tasks_citing(self, reference: Reference) -> tuple[Task, ...]:
        return tuple(task for task in self.tasks if reference in task.references)

    @cached_property  # asked once per calendar event: computed once
    def last_change(self) -> dt.date | None:
        """The latest date recorded in the data (status reports, corrections)."""
        dates = [report.as_of for task in self.tasks for report in task.reports]
        dates += [correction.recorded for task in self.tasks for correction in task.corrections]
        return max(dates, default=None)
