"""Load ``data/`` into the validated model, or report every problem as ``path:line: message``.

Layout of the data directory::

    units.yml                  the unit registry (shared by every plan)
    references.yml             programmes and legal documents that tasks cite
    plans/<year>/plan.yml      one plan: metadata, groups and tasks, in the official wording
    plans/<year>/corrections.yml   recorded corrections of evident typos (optional)
    plans/<year>/status.yml        progress reports (optional; a task without one is «not yet reported»)
    plans/<year>/nguon/<source_document>   the document plan.yml was imported from, as received
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .fields import FieldReader
from .located import LocatedMap, read_yaml
from .model import (
    Alias,
    Correction,
    Group,
    ParentPlan,
    Plan,
    Reference,
    SourceLocation,
    StatusCode,
    StatusReport,
    Task,
    TextItem,
    Unit,
    UnitKind,
)
from .problems import PlanDataError, Problem
from .registry import UnitNames, name_key
from .schedule import ScheduleError, parse_schedule
from .vietnamese import ITEM_LETTERS

UNITS_FILE = "units.yml"
REFERENCES_FILE = "references.yml"
PLANS_DIR = "plans"
PLAN_FILE = "plan.yml"
CORRECTIONS_FILE = "corrections.yml"
STATUS_FILE = "status.yml"
SOURCE_DIR = "nguon"  # beside plan.yml: the document the plan was imported from (published unchanged)

CORRECTABLE_FIELDS = ("content", "outputs")


@dataclass
class PlanData:
    """Everything in the data directory: the registries and the plans, newest year last."""

    units: dict[str, Unit]
    references: dict[str, Reference]
    plans: tuple[Plan, ...]


class _DataReader:
    """One pass over the data directory; collects problems, builds the model where it can."""

    def __init__(self, data_dir: Path, root: Path) -> None:
        self.data_dir = data_dir
        self.root = root
        self.problems: list[Problem] = []
        # When a registry file itself is broken, every id naming it would be reported
        # as unknown too; these flags keep the report to the real problem.
        self.units_ok = True
        self.references_ok = True

    def shown_as(self, path: Path) -> str:
        relative = os.path.relpath(path.resolve(), self.root.resolve())
        return path.resolve().as_posix() if relative.startswith("..") else Path(relative).as_posix()

    def read(self, path: Path) -> tuple[object, FieldReader]:
        shown = self.shown_as(path)
        content, problems = read_yaml(path, shown)
        self.problems += problems
        return content, FieldReader(shown, self.problems)

    # --- registries -------------------------------------------------------------------------

    def units(self) -> dict[str, Unit]:
        before = len(self.problems)
        units = self._units()
        self.units_ok = len(self.problems) == before
        return units

    def _units(self) -> dict[str, Unit]:
        content, fields = self.read(self.data_dir / UNITS_FILE)
        units: dict[str, Unit] = {}
        if content is None:
            return units
        top = fields.mapping(content, 1, f"{UNITS_FILE}", ("units",))
        entries = fields.list(top, "units", "«units»", allow_empty=False) if top else None
        seen_names: dict[str, str] = {}
        for index, entry in enumerate(entries or ()):
            line = entries.lines[index]
            what = f"unit {index + 1}"
            item = fields.mapping(entry, line, what, ("id", "name", "short_name", "kind"), ("aliases",))
            if item is None:
                continue
            unit_id = _identifier(fields, item, what)
            name = fields.text(item, "name", f"{what}: «name»")
            short_name = fields.text(item, "short_name", f"{what}: «short_name»")
            kind = _choice(fields, item, "kind", f"{what}: «kind»", {k.value: k for k in UnitKind})
            aliases = []
            alias_list = fields.list(item, "aliases", f"{what}: «aliases»")
            for a_index, alias in enumerate(alias_list or ()):
                a_line = alias_list.lines[a_index]
                a_what = f"{what}: alias {a_index + 1}"
                alias_map = fields.mapping(alias, a_line, a_what, ("text",), ("note",))
                if alias_map is None:
                    continue
                text = fields.text(alias_map, "text", f"{a_what}: «text»")
                note = fields.text(alias_map, "note", f"{a_what}: «note»", required=False) or ""
                if text:
                    aliases.append(Alias(text, note))
            if None in (unit_id, name, short_name, kind):
                continue
            if unit_id in units:
                fields.problem(item.line_of("id"), f"unit id «{unit_id}» is used twice; ids must be unique")
                continue
            for spelling in (name, short_name, *(a.text for a in aliases)):
                owner = seen_names.setdefault(name_key(spelling), unit_id)
                if owner != unit_id:
                    fields.problem(line, f"the name «{spelling}» of unit «{unit_id}» also names unit «{owner}»")
            units[unit_id] = Unit(unit_id, name, short_name, kind, tuple(aliases), SourceLocation(fields.path, line))
        return units

    def references(self) -> dict[str, Reference]:
        before = len(self.problems)
        references = self._references()
        self.references_ok = len(self.problems) == before
        return references

    def _references(self) -> dict[str, Reference]:
        content, fields = self.read(self.data_dir / REFERENCES_FILE)
        references: dict[str, Reference] = {}
        if content is None:
            return references
        top = fields.mapping(content, 1, REFERENCES_FILE, ("references",))
        entries = fields.list(top, "references", "«references»") if top else None
        for index, entry in enumerate(entries or ()):
            line = entries.lines[index]
            what = f"reference {index + 1}"
            item = fields.mapping(entry, line, what, ("id", "title", "kind", "mentions"), ("description",))
            if item is None:
                continue
            ref_id = _identifier(fields, item, what)
            title = fields.text(item, "title", f"{what}: «title»")
            kind = fields.text(item, "kind", f"{what}: «kind»")
            description = fields.text(item, "description", f"{what}: «description»", required=False) or ""
            mentions = fields.text_list(item, "mentions", f"{what}: «mentions»", allow_empty=False)
            if None in (ref_id, title, kind) or not mentions:
                continue
            if ref_id in references:
                fields.problem(item.line_of("id"), f"reference id «{ref_id}» is used twice; ids must be unique")
                continue
            references[ref_id] = Reference(
                ref_id, title, kind, description, mentions, SourceLocation(fields.path, line)
            )
        return references

    # --- a plan -----------------------------------------------------------------------------

    def plan(self, plan_dir: Path, units: dict[str, Unit], references: dict[str, Reference]) -> Plan | None:
        content, fields = self.read(plan_dir / PLAN_FILE)
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
        groups = self.groups(fields, top, year, units, references)
        if None in (year, appendix, title, issuer, source, parent) or groups is None:
            return None
        plan = Plan(
            year, appendix, title, parent, issuer, source, groups, units, references, SourceLocation(fields.path, 1)
        )
        for task in plan.tasks:
            task.year = year
        self.corrections(plan_dir / CORRECTIONS_FILE, plan)
        self.status(plan_dir / STATUS_FILE, plan)
        return plan

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

    def groups(
        self,
        fields: FieldReader,
        top: LocatedMap,
        year: int | None,
        units: dict[str, Unit],
        references: dict[str, Reference],
    ) -> tuple[Group, ...] | None:
        entries = fields.list(top, "groups", "«groups»", allow_empty=False)
        if entries is None:
            return None
        groups: list[Group] = []
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
            tasks = self.tasks(fields, item, index + 1, year, units, references)
            if None in (number, title, tasks):
                complete = False
                continue
            group = Group(number, title, tasks, SourceLocation(fields.path, line))
            for task in tasks:
                task.group = group
            groups.append(group)
        return tuple(groups) if complete else None

    def tasks(
        self,
        fields: FieldReader,
        group: LocatedMap,
        group_number: int,
        year: int | None,
        units: dict[str, Unit],
        references: dict[str, Reference],
    ) -> tuple[Task, ...] | None:
        entries = fields.list(group, "tasks", f"group {group_number}: «tasks»", allow_empty=False)
        if entries is None:
            return None
        tasks: list[Task] = []
        complete = True
        for index, entry in enumerate(entries):
            line = entries.lines[index]
            what = f"task {group_number}.{ITEM_LETTERS[index] if index < len(ITEM_LETTERS) else '?'}"
            item = fields.mapping(
                entry, line, what, ("letter", "content", "outputs", "schedule", "lead"), ("partners", "references")
            )
            if item is None:
                complete = False
                continue
            letter = fields.text(item, "letter", f"{what}: «letter»")
            expected = ITEM_LETTERS[index] if index < len(ITEM_LETTERS) else None
            if letter is not None and letter != expected:
                fields.problem(
                    item.line_of("letter"),
                    f"tasks of group {group_number} must be lettered a, b, c, d, đ, e, g, h, i… in order: "
                    f"expected «{expected}», found «{letter}»",
                )
                letter = None
            content = fields.text_list(item, "content", f"{what}: «content»", allow_empty=False)
            outputs = fields.text_list(item, "outputs", f"{what}: «outputs»", allow_empty=False)
            schedule = None
            schedule_text = fields.text(item, "schedule", f"{what}: «schedule»")
            if schedule_text is not None:
                try:
                    schedule = parse_schedule(schedule_text)
                except ScheduleError as error:
                    fields.problem(item.line_of("schedule"), f"{what}: {error}")
                if schedule and schedule.year is not None and year is not None and schedule.year != year:
                    fields.problem(
                        item.line_of("schedule"), f"{what}: schedule «{schedule_text}» is not in the plan's year {year}"
                    )
                    schedule = None
            lead = self.unit_ids(fields, item, "lead", what, units, allow_empty=False)
            partners = self.unit_ids(fields, item, "partners", what, units, allow_empty=True)
            cited = self.reference_ids(fields, item, what, references)
            if None in (letter, schedule, lead, partners, cited) or not content or not outputs:
                complete = False
                continue
            tasks.append(
                Task(
                    group_number=group_number,
                    letter=letter,
                    content=tuple(TextItem(t, t) for t in content),
                    outputs=tuple(TextItem(t, t) for t in outputs),
                    schedule=schedule,
                    lead=lead,
                    partners=partners,
                    references=cited,
                    location=SourceLocation(fields.path, line),
                )
            )
        return tuple(tasks) if complete else None

    def unit_ids(
        self, fields: FieldReader, item: LocatedMap, key: str, what: str, units: dict[str, Unit], allow_empty: bool
    ) -> tuple[Unit, ...] | None:
        if key not in item:
            return None if not allow_empty else ()
        ids = fields.list(item, key, f"{what}: «{key}»", allow_empty=allow_empty)
        if ids is None:
            return None
        found: list[Unit] = []
        ok = True
        for index, value in enumerate(ids):
            line = ids.lines[index]
            unit_id = fields.text_value(value, line, f"{what}: «{key}», item {index + 1}")
            if unit_id is None:
                ok = False
            elif unit_id not in units:
                ok = False
                if not self.units_ok:
                    continue
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

    def reference_ids(
        self, fields: FieldReader, item: LocatedMap, what: str, references: dict[str, Reference]
    ) -> tuple[Reference, ...] | None:
        ids = fields.list(item, "references", f"{what}: «references»")
        found: list[Reference] = []
        ok = True
        for index, value in enumerate(ids or ()):
            line = ids.lines[index]
            ref_id = fields.text_value(value, line, f"{what}: «references», item {index + 1}")
            if ref_id is None:
                ok = False
            elif ref_id not in references:
                ok = False
                if self.references_ok:
                    fields.problem(line, f"{what}: cites «{ref_id}», which is not in data/{REFERENCES_FILE}")
            elif references[ref_id] not in found:
                found.append(references[ref_id])
        return tuple(found) if ok else None

    # --- corrections and progress -------------------------------------------------------------

    def records(self, path: Path, key: str) -> tuple[list[tuple[LocatedMap, int]], FieldReader] | None:
        """The entries under ``key`` of an optional per-plan file."""
        if not path.exists():
            return None
        content, fields = self.read(path)
        if content is None:
            return None
        top = fields.mapping(content, 1, path.name, (key,))
        entries = fields.list(top, key, f"«{key}»") if top else None
        return [(entry, entries.lines[i]) for i, entry in enumerate(entries or ())], fields

    def task_of(self, fields: FieldReader, item: LocatedMap, plan: Plan, what: str) -> Task | None:
        number = fields.text(item, "task", f"{what}: «task»")
        if number is None:
            return None
        try:
            return plan.task(number)
        except KeyError:
            fields.problem(item.line_of("task"), f"{what}: there is no task «{number}» in the {plan.year} plan")
            return None

    def corrections(self, path: Path, plan: Plan) -> None:
        found = self.records(path, "corrections")
        if found is None:
            return
        entries, fields = found
        for index, (entry, line) in enumerate(entries):
            what = f"correction {index + 1}"
            item = fields.mapping(entry, line, what, ("task", "field", "original", "corrected", "note", "recorded"))
            if item is None:
                continue
            task = self.task_of(fields, item, plan, what)
            field = _choice(fields, item, "field", f"{what}: «field»", {f: f for f in CORRECTABLE_FIELDS})
            original = fields.text(item, "original", f"{what}: «original»")
            corrected = fields.text(item, "corrected", f"{what}: «corrected»")
            note = fields.text(item, "note", f"{what}: «note»")
            recorded = fields.date(item, "recorded", f"{what}: «recorded»")
            if None in (task, field, original, corrected, note, recorded):
                continue
            if original == corrected:
                fields.problem(item.line_of("corrected"), f"{what}: «corrected» is the same as «original»")
                continue
            items: tuple[TextItem, ...] = getattr(task, field)
            hits = [i for i, text_item in enumerate(items) if original in text_item.text]
            occurrences = sum(text_item.text.count(original) for text_item in items)
            if occurrences != 1:
                fields.problem(
                    item.line_of("original"),
                    f"{what}: «{original}» must occur exactly once in the «{field}» of task {task.number}, "
                    f"found {occurrences} times",
                )
                continue
            position = hits[0]
            patched = list(items)
            patched[position] = TextItem(items[position].official, items[position].text.replace(original, corrected))
            setattr(task, field, tuple(patched))
            task.corrections += (
                Correction(field, original, corrected, note, recorded, SourceLocation(fields.path, line)),
            )

    def status(self, path: Path, plan: Plan) -> None:
        found = self.records(path, "reports")
        if found is None:
            return
        entries, fields = found
        reportable = {code.value: code for code in StatusCode if code is not StatusCode.NOT_REPORTED}
        by_task: dict[str, list[StatusReport]] = {}
        for index, (entry, line) in enumerate(entries):
            what = f"report {index + 1}"
            item = fields.mapping(entry, line, what, ("task", "status", "as_of"), ("note",))
            if item is None:
                continue
            task = self.task_of(fields, item, plan, what)
            code = _choice(fields, item, "status", f"{what}: «status»", reportable)
            as_of = fields.date(item, "as_of", f"{what}: «as_of»")
            note = fields.text(item, "note", f"{what}: «note»", required=False) or ""
            if None in (task, code, as_of):
                continue
            earlier = by_task.setdefault(task.number, [])
            if earlier and earlier[-1].as_of >= as_of:
                fields.problem(
                    item.line_of("as_of"),
                    f"{what}: reports of task {task.number} must be in date order, "
                    f"each later than the one before ({earlier[-1].as_of.isoformat()})",
                )
                continue
            report = StatusReport(code, as_of, note, SourceLocation(fields.path, line))
            earlier.append(report)
            task.reports += (report,)


def _identifier(fields: FieldReader, item: LocatedMap, what: str) -> str | None:
    """An id: lower-case ASCII letters, digits and hyphens (it becomes a URL)."""
    value = fields.text(item, "id", f"{what}: «id»")
    if value is None:
        return None
    if not value.replace("-", "").isalnum() or not value.isascii() or value != value.lower() or value.startswith("-"):
        fields.problem(item.line_of("id"), f"{what}: id «{value}» must use only a-z, 0-9 and «-» (it becomes a URL)")
        return None
    return value


def _choice(fields: FieldReader, item: LocatedMap, key: str, what: str, choices: dict[str, object]):
    value = fields.text(item, key, what)
    if value is None:
        return None
    if value not in choices:
        fields.problem(item.line_of(key), f"{what} is «{value}»; expected one of: {', '.join(choices)}")
        return None
    return choices[value]


def load_data(data_dir: Path, root: Path | None = None) -> PlanData:
    """Load and validate the whole data directory; raise :class:`PlanDataError` with every problem.

    ``root`` is the repository root: file names in messages and source
    locations are relative to it (default: the data directory's parent).
    """
    data_dir = Path(data_dir)
    reader = _DataReader(data_dir, Path(root) if root else data_dir.parent)
    if not data_dir.is_dir():
        raise PlanDataError([Problem(reader.shown_as(data_dir), 0, "the data directory does not exist")])
    units = reader.units()
    references = reader.references()
    plans: list[Plan] = []
    plan_dirs = (
        sorted(p for p in (data_dir / PLANS_DIR).glob("*") if p.is_dir()) if (data_dir / PLANS_DIR).is_dir() else []
    )
    if not plan_dirs:
        reader.problems.append(
            Problem(reader.shown_as(data_dir / PLANS_DIR), 0, f"no plan found; expected {PLANS_DIR}/<year>/{PLAN_FILE}")
        )
    for plan_dir in plan_dirs:
        plan = reader.plan(plan_dir, units, references)
        if plan is not None:
            plans.append(plan)
    if reader.problems:
        raise PlanDataError(reader.problems)
    return PlanData(units, references, tuple(plans))


def registries(data_dir: Path, root: Path | None = None) -> tuple[dict[str, Unit], dict[str, Reference]]:
    """Load only the unit and reference registries (what the importer needs)."""
    data_dir = Path(data_dir)
    reader = _DataReader(data_dir, Path(root) if root else data_dir.parent)
    units, references = reader.units(), reader.references()
    if reader.problems:
        raise PlanDataError(reader.problems)
    return units, references


def source_documents(data: PlanData, root: Path) -> dict[int, bytes]:
    """Each plan's source document (``<plan folder>/nguon/<source_document>``) by year, as bytes to publish.

    ``root`` is the repository root the plans' locations are relative to.
    """
    documents: dict[int, bytes] = {}
    problems: list[Problem] = []
    for plan in data.plans:
        path = Path(root) / Path(plan.location.path).parent / SOURCE_DIR / plan.source_document
        if path.is_file():
            documents[plan.year] = path.read_bytes()
        else:
            shown = Path(plan.location.path).parent / SOURCE_DIR / plan.source_document
            problems.append(
                Problem(
                    plan.location.path,
                    plan.location.line,
                    f"source_document «{plan.source_document}» is not in the plan's folder: expected the file {shown}",
                )
            )
    if problems:
        raise PlanDataError(problems)
    return documents
