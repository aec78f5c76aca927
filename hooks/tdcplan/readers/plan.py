"""``plans/<year>/plan.yml``: the plan's metadata, groups and tasks in the official wording.

The file is read into drafts (:class:`PlanDraft`); :mod:`tdcplan.load` makes the
frozen model from them once the per-plan records (corrections, reports) are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..fields import FieldReader
from ..located import LocatedMap
from ..model import ParentPlan, Reference, SourceLocation, Unit
from ..registry import UnitNames
from ..schedule import Schedule, ScheduleError, parse_schedule
from ..vietnamese import ITEM_LETTERS
from .files import PLAN_FILE, REFERENCES_FILE, UNITS_FILE, DataFiles
from .registries import Registry


@dataclass(frozen=True)
class TaskDraft:
    """A task as ``plan.yml`` gives it (official wording, before corrections and reports)."""

    letter: str
    content: tuple[str, ...]
    outputs: tuple[str, ...]
    schedule: Schedule
    lead: tuple[Unit, ...]
    partners: tuple[Unit, ...]
    references: tuple[Reference, ...]
    location: SourceLocation


@dataclass(frozen=True)
class GroupDraft:
    number: int
    title: str
    tasks: tuple[TaskDraft, ...]
    location: SourceLocation

    def numbers(self) -> list[str]:
        return [f"{self.number}.{task.letter}" for task in self.tasks]


@dataclass(frozen=True)
class PlanDraft:
    """A plan file read without problems."""

    year: int
    appendix: str
    title: str
    parent: ParentPlan
    issuer: str
    source_document: str
    groups: tuple[GroupDraft, ...]
    location: SourceLocation

    def task_numbers(self) -> set[str]:
        return {number for group in self.groups for number in group.numbers()}


class PlanReader:
    """Reads one plan file against the registries."""

    def __init__(self, files: DataFiles, units: Registry[Unit], references: Registry[Reference]) -> None:
        self.files = files
        self.units = units
        self.references = references

    def read(self, plan_dir: Path) -> PlanDraft | None:
        """The draft of ``plan_dir/plan.yml``, or ``None`` if anything in it is wrong."""
        content, fields = self.files.read(plan_dir / PLAN_FILE)
        if content is None:
            return None
        top = fields.mapping(content, 1, PLAN_FILE, ("plan", "groups"))
        if top is None:
            return None
        meta = fields.mapping(
            top.get("plan"),
            top.line_of("plan"),
            "«plan»",
            ("year", "appendix", "title", "issued_with", "issuer", "source_document"),
        )
        year = appendix = title = issuer = source = parent = None
        if meta is not None:
            year = fields.integer(meta, "year", "«plan: year»")
            if year is not None and not 2000 <= year <= 2100:
                fields.problem(meta.line_of("year"), f"«plan: year» must be a year such as 2026, found {year}")
                year = None
            if year is not None and plan_dir.name != str(year):
                fields.problem(
                    meta.line_of("year"), f"«plan: year» is {year} but the plan lives in folder «{plan_dir.name}»"
                )
            appendix = fields.text(meta, "appendix", "«plan: appendix»")
            title = fields.text(meta, "title", "«plan: title»")
            issuer = fields.text(meta, "issuer", "«plan: issuer»")
            source = fields.text(meta, "source_document", "«plan: source_document»")
            parent = self.parent_plan(fields, meta)
        groups = self.groups(fields, top, year)
        if None in (year, appendix, title, issuer, source, parent) or groups is None:
            return None
        return PlanDraft(year, appendix, title, parent, issuer, source, groups, SourceLocation(fields.path, 1))

    def parent_plan(self, fields: FieldReader, meta: LocatedMap) -> ParentPlan | None:
        if "issued_with" not in meta:
            return None
        what = "«plan: issued_with»"
        item = fields.mapping(meta["issued_with"], meta.line_of("issued_with"), what, ("as_printed", "number", "date"))
        if item is None:
            return None
        as_printed = fields.text(item, "as_printed", f"{what}: «as_printed»")
        number = fields.text(item, "number", f"{what}: «number» (leave empty while not yet numbered)", required=False)
        date = fields.date(item, "date", f"{what}: «date» (leave empty while not yet dated)", required=False)
        return ParentPlan(as_printed, number, date) if as_printed else None

    def groups(self, fields: FieldReader, top: LocatedMap, year: int | None) -> tuple[GroupDraft, ...] | None:
        entries = fields.list(top, "groups", "«groups»", allow_empty=False)
        if entries is None:
            return None
        groups: list[GroupDraft] = []
        complete = True
        for index, entry in enumerate(entries):
            line = entries.lines[index]
            what = f"group {index + 1}"
            item = fields.mapping(entry, line, what, ("number", "title", "tasks"))
            if item is None:
                complete = False
                continue
            number = fields.integer(item, "number", f"{what}: «number»")
            if number is not None and number != index + 1:
                fields.problem(
                    item.line_of("number"),
                    f"groups must be numbered 1, 2, 3… in order: expected {index + 1}, found {number}",
                )
                number = None
            title = fields.text(item, "title", f"{what}: «title»")
            tasks = self.tasks(fields, item, index + 1, year)
            if None in (number, title, tasks):
                complete = False
                continue
            groups.append(GroupDraft(number, title, tasks, SourceLocation(fields.path, line)))
        return tuple(groups) if complete else None

    def tasks(
        self, fields: FieldReader, group: LocatedMap, group_number: int, year: int | None
    ) -> tuple[TaskDraft, ...] | None:
        entries = fields.list(group, "tasks", f"group {group_number}: «tasks»", allow_empty=False)
        if entries is None:
            return None
        tasks: list[TaskDraft] = []
        complete = True
        for index, entry in enumerate(entries):
            line = entries.lines[index]
            expected = ITEM_LETTERS[index] if index < len(ITEM_LETTERS) else None
            what = f"task {group_number}.{expected or '?'}"
            item = fields.mapping(
                entry, line, what, ("letter", "content", "outputs", "schedule", "lead"), ("partners", "references")
            )
            if item is None:
                complete = False
                continue
            letter = fields.text(item, "letter", f"{what}: «letter»")
            if letter is not None and letter != expected:
                fields.problem(
                    item.line_of("letter"),
                    f"tasks of group {group_number} must be lettered a, b, c, d, đ, e, g, h, i… in order: "
                    f"expected «{expected}», found «{letter}»",
                )
                letter = None
            content = fields.text_list(item, "content", f"{what}: «content»", allow_empty=False)
            outputs = fields.text_list(item, "outputs", f"{what}: «outputs»", allow_empty=False)
            schedule = self.schedule(fields, item, what, year)
            lead = self.unit_ids(fields, item, "lead", what, allow_empty=False)
            partners = self.unit_ids(fields, item, "partners", what, allow_empty=True)
            cited = self.reference_ids(fields, item, what)
            if None in (letter, schedule, lead, partners, cited) or not content or not outputs:
                complete = False
                continue
            location = SourceLocation(fields.path, line)
            tasks.append(TaskDraft(letter, content, outputs, schedule, lead, partners, cited, location))
        return tuple(tasks) if complete else None

    def schedule(self, fields: FieldReader, item: LocatedMap, what: str, year: int | None) -> Schedule | None:
        text = fields.text(item, "schedule", f"{what}: «schedule»")
        if text is None:
            return None
        try:
            schedule = parse_schedule(text)
        except ScheduleError as error:
            fields.problem(item.line_of("schedule"), f"{what}: {error}")
            return None
        if schedule.year is not None and year is not None and schedule.year != year:
            fields.problem(item.line_of("schedule"), f"{what}: schedule «{text}» is not in the plan's year {year}")
            return None
        return schedule

    def unit_ids(
        self, fields: FieldReader, item: LocatedMap, key: str, what: str, allow_empty: bool
    ) -> tuple[Unit, ...] | None:
        if key not in item:
            return None if not allow_empty else ()
        ids = fields.list(item, key, f"{what}: «{key}»", allow_empty=allow_empty)
        if ids is None:
            return None
        units = self.units.entries
        found: list[Unit] = []
        ok = True
        for index, value in enumerate(ids):
            line = ids.lines[index]
            unit_id = fields.text_value(value, line, f"{what}: «{key}», item {index + 1}")
            if unit_id is None:
                ok = False
            elif unit_id not in units:
                ok = False
                if not self.units.ok:
                    continue  # the registry itself is broken: that is the problem to report
                hint = UnitNames(units).resolve(unit_id)
                suggestion = f" (did you mean «{hint.id}»?)" if hint else ""
                fields.problem(
                    line, f"{what}: «{key}» names unit «{unit_id}», which is not in data/{UNITS_FILE}{suggestion}"
                )
            elif units[unit_id] in found:
                fields.problem(line, f"{what}: «{key}» lists unit «{unit_id}» twice")
                ok = False
            else:
                found.append(units[unit_id])
        return tuple(found) if ok else None

    def reference_ids(self, fields: FieldReader, item: LocatedMap, what: str) -> tuple[Reference, ...] | None:
        ids = fields.list(item, "references", f"{what}: «references»")
        references = self.references.entries
        found: list[Reference] = []
        ok = True
        for index, value in enumerate(ids or ()):
            line = ids.lines[index]
            ref_id = fields.text_value(value, line, f"{what}: «references», item {index + 1}")
            if ref_id is None:
                ok = False
            elif ref_id not in references:
                ok = False
                if self.references.ok:
                    fields.problem(line, f"{what}: cites «{ref_id}», which is not in data/{REFERENCES_FILE}")
            elif references[ref_id] not in found:
                found.append(references[ref_id])
        return tuple(found) if ok else None
