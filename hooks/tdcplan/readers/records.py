"""The per-plan records that change tasks: ``corrections.yml`` and ``status.yml`` (both optional).

They are read after ``plan.yml`` and before any task is made: :class:`TaskRevisions`
gathers, per task, the corrected texts, the corrections and the reports, which
:mod:`tdcplan.load` passes to each :class:`~tdcplan.model.Task` when it makes it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..fields import FieldReader
from ..located import LocatedMap
from ..model import Correction, SourceLocation, StatusReport, TextItem
from ..plausibility import official_occurrences, record_date
from .files import DataFiles, choice
from .plan import PlanDraft, TaskDraft
from .status import read_status

CORRECTABLE_FIELDS = ("content", "outputs")


@dataclass
class TaskRevisions:
    """What the records say of one task: its texts after corrections, the corrections, the reports."""

    texts: dict[str, list[TextItem]]  # "content"/"outputs" -> items, corrected in file order
    corrections: list[Correction] = field(default_factory=list)
    reports: list[StatusReport] = field(default_factory=list)  # oldest first

    @classmethod
    def of(cls, draft: TaskDraft) -> TaskRevisions:
        """No revision yet: the official wording."""
        return cls({name: [TextItem(t, t) for t in draft.texts[name]] for name in CORRECTABLE_FIELDS})


class RecordsReader:
    """Reads the records of one plan against its draft."""

    def __init__(self, files: DataFiles, plan: PlanDraft) -> None:
        self.files = files
        self.plan = plan
        self.revisions = {task.number: TaskRevisions.of(task) for task in plan.tasks()}
        self.data_date: dt.date | None = None  # from status.yml

    def entries(self, path: Path, key: str) -> tuple[list[tuple[LocatedMap, int]], FieldReader] | None:
        """The entries under ``key`` of an optional per-plan file, each with its line."""
        if not os.path.lexists(path):  # a dangling link is reported, not taken for «no file»
            return None
        content, fields = self.files.read(path)
        if content is None:
            return None
        top = fields.mapping(content, 1, path.name, (key,))
        entries = fields.list(top, key, f"«{key}»") if top else None
        return [(entry, entries.lines[i]) for i, entry in enumerate(entries or ())], fields

    def task_of(self, fields: FieldReader, item: LocatedMap, what: str) -> tuple[str, TaskRevisions] | None:
        """The number and revisions of the task an entry names."""
        number = fields.text(item, "task", f"{what}: «task»")
        if number is None:
            return None
        if number not in self.revisions:
            fields.problem(item.line_of("task"), f"{what}: there is no task «{number}» in the {self.plan.year} plan")
            return None
        return number, self.revisions[number]

    def corrections(self, path: Path) -> None:
        """Apply each recorded correction (in file order) to its task's text."""
        found = self.entries(path, "corrections")
        if found is None:
            return
        entries, fields = found
        for index, (entry, line) in enumerate(entries):
            what = f"correction {index + 1}"
            item = fields.mapping(entry, line, what, ("task", "field", "original", "corrected", "note", "recorded"))
            if item is None:
                continue
            task = self.task_of(fields, item, what)
            name = choice(fields, item, "field", f"{what}: «field»", {f: f for f in CORRECTABLE_FIELDS})
            original = fields.text(item, "original", f"{what}: «original»")
            corrected = fields.text(item, "corrected", f"{what}: «corrected»")
            note = fields.text(item, "note", f"{what}: «note»")
            recorded = record_date(fields, item, "recorded", f"{what}: «recorded»", self.plan.year)
            if None in (task, name, original, corrected, note, recorded):
                continue
            if original == corrected:
                fields.problem(item.line_of("corrected"), f"{what}: «corrected» is the same as «original»")
                continue
            number, revisions = task
            items = revisions.texts[name]
            occurrences, hits = official_occurrences(items, original)
            if occurrences != 1:
                fields.problem(
                    item.line_of("original"),
                    f"{what}: «{original}» must occur exactly once in the official «{name}» of task {number}, "
                    f"found {occurrences} times",
                )
                continue
            position = hits[0]
            if items[position].text.count(original) != 1:  # an earlier correction changed these words
                fields.problem(item.line_of("original"), f"{what}: «{original}» overlaps an earlier correction")
                continue
            items[position] = TextItem(items[position].official, items[position].text.replace(original, corrected))
            location = SourceLocation(fields.path, line)
            revisions.corrections.append(Correction(name, original, corrected, note, recorded, location))

    def status(self, path: Path) -> None:
        """Attach each task's progress reports, and take the plan's data date (see :mod:`.status`)."""
        if not os.path.lexists(path):  # a dangling link is reported, not taken for «no file»
            return
        content, fields = self.files.read(path)
        if content is None:
            return
        progress = read_status(content, fields, self.revisions.keys(), self.plan.year)
        self.data_date = progress.data_date
        for number, reports in progress.reports.items():
            self.revisions[number].reports.extend(reports)
