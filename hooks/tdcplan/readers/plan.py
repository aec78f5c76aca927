"""``plans/<year>/plan.yml``: the plan's metadata, groups and tasks in the official wording.

The file is read into drafts (:class:`PlanDraft`); :mod:`tdcplan.load` makes the
frozen model from them once the per-plan records (corrections, reports) are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..fields import FieldReader
from ..located import LocatedList, LocatedMap
from ..model import GroupHeading, ParentPlan, Reference, SourceLocation, Unit
from ..registry import UnitNames
from ..schedule import Schedule, ScheduleError, parse_schedule
from ..vietnamese import ITEM_LETTERS
from .files import PLAN_FILE, REFERENCES_FILE, UNITS_FILE, DataFiles
from .registries import Entry, Registry

Draft = TypeVar("Draft")


@dataclass(frozen=True)
class TaskDraft:
    """A task as ``plan.yml`` gives it, before corrections and reports."""

    number: str  # e.g. "2.đ"
    texts: dict[str, tuple[str, ...]]  # "content" and "outputs", in the official wording
    fields: dict[str, Any]  # letter, schedule, lead, partners, references, location: as Task takes them


@dataclass(frozen=True)
class GroupDraft:
    heading: GroupHeading
    location: SourceLocation
    tasks: tuple[TaskDraft, ...]


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

    def tasks(self) -> list[TaskDraft]:
        return [task for group in self.groups for task in group.tasks]


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

    @staticmethod
    def each(
        fields: FieldReader,
        parent: LocatedMap,
        key: str,
        what: str,
        entry_name: Callable[[int], str],
        keys: tuple[tuple[str, ...], tuple[str, ...]],
        read: Callable[[LocatedMap, int, int, str], Draft | None],
    ) -> tuple[Draft, ...] | None:
        """Read each mapping of the non-empty list under ``key``; ``None`` unless every one reads whole.

        ``keys`` are the required and the optional keys of an entry; ``read(item,
        index, line, name)`` reads one entry, named ``entry_name(index)`` in messages.
        """
        entries = fields.list(parent, key, what, allow_empty=False)
        if entries is None:
            return None
        found: list[Draft] = []
        for index, entry in enumerate(entries):
            line, name = entries.lines[index], entry_name(index)
            item = fields.mapping(entry, line, name, *keys)
            draft = read(item, index, line, name) if item is not None else None
            if draft is not None:
                found.append(draft)
        return tuple(found) if len(found) == len(entries) else None

    def groups(self, fields: FieldReader, top: LocatedMap, year: int | None) -> tuple[GroupDraft, ...] | None:
        def group(item: LocatedMap, index: int, line: int, what: str) -> GroupDraft | None:
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
                return None
            return GroupDraft(GroupHeading(number, title), SourceLocation(fields.path, line), tasks)

        keys = (("number", "title", "tasks"), ())
        return self.each(fields, top, "groups", "«groups»", lambda index: f"group {index + 1}", keys, group)

    def tasks(
        self, fields: FieldReader, group: LocatedMap, group_number: int, year: int | None
    ) -> tuple[TaskDraft, ...] | None:
        def expected_letter(index: int) -> str | None:
            return ITEM_LETTERS[index] if index < len(ITEM_LETTERS) else None

        def task(item: LocatedMap, index: int, line: int, what: str) -> TaskDraft | None:
            letter = fields.text(item, "letter", f"{what}: «letter»")
            expected = expected_letter(index)
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
                return None
            return TaskDraft(
                f"{group_number}.{letter}",
                {"content": content, "outputs": outputs},
                {
                    "letter": letter,
                    "schedule": schedule,
                    "lead": lead,
                    "partners": partners,
                    "references": cited,
                    "location": SourceLocation(fields.path, line),
                },
            )

        keys = (("letter", "content", "outputs", "schedule", "lead"), ("partners", "references"))
        what = f"group {group_number}: «tasks»"
        return self.each(
            fields,
            group,
            "tasks",
            what,
            lambda index: f"task {group_number}.{expected_letter(index) or '?'}",
            keys,
            task,
        )

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
        """The units a task's ``lead`` or ``partners`` name, each once, all in the registry."""
        if key not in item:
            return None if not allow_empty else ()
        ids = fields.list(item, key, f"{what}: «{key}»", allow_empty=allow_empty)
        if ids is None:
            return None

        def unknown(unit_id: str) -> str:
            hint = UnitNames(self.units.entries).resolve(unit_id)
            suggestion = f" (did you mean «{hint.id}»?)" if hint else ""
            return f"{what}: «{key}» names unit «{unit_id}», which is not in data/{UNITS_FILE}{suggestion}"

        twice = f"{what}: «{key}» lists unit «{{}}» twice"
        return self.named(fields, ids, f"{what}: «{key}»", self.units, unknown, twice)

    def reference_ids(self, fields: FieldReader, item: LocatedMap, what: str) -> tuple[Reference, ...] | None:
        """The documents a task cites (a document cited twice counts once)."""
        ids = fields.list(item, "references", f"{what}: «references»")

        def unknown(ref_id: str) -> str:
            return f"{what}: cites «{ref_id}», which is not in data/{REFERENCES_FILE}"

        return self.named(fields, ids or (), f"{what}: «references»", self.references, unknown, twice=None)

    @staticmethod
    def named(
        fields: FieldReader,
        ids: LocatedList | tuple[()],
        what: str,
        registry: Registry[Entry],
        unknown: Callable[[str], str],
        twice: str | None,
    ) -> tuple[Entry, ...] | None:
        """The registry entries a list of ids names, in order; ``None`` if one is wrong.

        An unknown id is reported only while the registry itself is sound (otherwise
        the broken registry is the problem to report). ``twice`` is the message for an
        id listed twice, or ``None`` when a repeat is simply dropped.
        """
        found: list[Entry] = []
        ok = True
        for index, value in enumerate(ids):
            line = ids.lines[index]
            entry_id = fields.text_value(value, line, f"{what}, item {index + 1}")
            entry = registry.entries.get(entry_id) if entry_id is not None else None
            if entry is None:
                ok = False
                if entry_id is not None and registry.ok:
                    fields.problem(line, unknown(entry_id))
            elif entry not in found:
                found.append(entry)
            elif twice:
                fields.problem(line, twice.format(entry_id))
                ok = False
        return tuple(found) if ok else None
