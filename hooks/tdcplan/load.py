"""Load ``data/`` into the validated, frozen model, or report every problem as ``path:line: message``.

Layout of the data directory::

    units.yml                  the unit registry (shared by every plan)
    references.yml             programmes and legal documents that tasks cite
    plans/<year>/plan.yml      one plan: metadata, groups and tasks, in the official wording
    plans/<year>/corrections.yml   recorded corrections of evident typos (optional)
    plans/<year>/status.yml        the data date and progress reports (optional; see tdcplan.readers.status)
    plans/<year>/nguon/<source_document>   the document plan.yml was imported from, as received

Each kind of file has its reader in :mod:`tdcplan.readers`; this module runs them
in order and makes every record once, complete (corrections applied, reports
attached, year and group given), never changing it afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .model import Group, Plan, Reference, Task, Unit
from .problems import PlanDataError, Problem
from .readers.files import (
    CORRECTIONS_FILE,
    PLAN_FILE,
    PLANS_DIR,
    REFERENCES_FILE,
    SOURCE_DIR,
    STATUS_FILE,
    UNITS_FILE,
    DataFiles,
)
from .readers.plan import PlanDraft, PlanReader
from .readers.records import CORRECTABLE_FIELDS, RecordsReader
from .readers.registries import REFERENCES, UNITS, read_registry

__all__ = [
    "CORRECTABLE_FIELDS",
    "CORRECTIONS_FILE",
    "PLANS_DIR",
    "PLAN_FILE",
    "REFERENCES_FILE",
    "SOURCE_DIR",
    "STATUS_FILE",
    "UNITS_FILE",
    "PlanData",
    "load_data",
    "registries",
    "source_documents",
]


@dataclass(frozen=True)
class PlanData:
    """Everything in the data directory: the registries and the plans, oldest year first."""

    units: dict[str, Unit]
    references: dict[str, Reference]
    plans: tuple[Plan, ...]


def _files(data_dir: Path, root: Path | None) -> DataFiles:
    return DataFiles(Path(data_dir), Path(root) if root else Path(data_dir).parent)


def load_data(data_dir: Path, root: Path | None = None) -> PlanData:
    """Load and validate the whole data directory; raise :class:`PlanDataError` with every problem.

    ``root`` is the repository root: file names in messages and source
    locations are relative to it (default: the data directory's parent).
    """
    files = _files(data_dir, root)
    data_dir = files.data_dir
    if not data_dir.is_dir():
        raise PlanDataError([Problem(files.shown_as(data_dir), 0, "the data directory does not exist")])
    units = read_registry(files, UNITS)
    references = read_registry(files, REFERENCES)
    plans_dir = data_dir / PLANS_DIR
    plan_dirs = sorted(p for p in plans_dir.glob("*") if p.is_dir()) if plans_dir.is_dir() else []
    if not plan_dirs:
        files.problems.append(
            Problem(files.shown_as(plans_dir), 0, f"no plan found; expected {PLANS_DIR}/<year>/{PLAN_FILE}")
        )
    reader = PlanReader(files, units, references)
    plans: list[Plan] = []
    for plan_dir in plan_dirs:
        draft = reader.read(plan_dir)
        if draft is None:
            continue
        records = RecordsReader(files, draft)
        records.corrections(plan_dir / CORRECTIONS_FILE)
        records.status(plan_dir / STATUS_FILE)
        plans.append(_plan(draft, records, units.entries, references.entries))
    if files.problems:
        raise PlanDataError(files.problems)
    return PlanData(units.entries, references.entries, tuple(plans))


def _plan(draft: PlanDraft, records: RecordsReader, units: dict[str, Unit], references: dict[str, Reference]) -> Plan:
    """Make the frozen plan from its draft and its records."""
    groups = []
    for group in draft.groups:
        tasks = []
        for task in group.tasks:
            revisions = records.revisions[task.number]
            texts = {name: tuple(items) for name, items in revisions.texts.items()}
            corrections, reports = tuple(revisions.corrections), tuple(revisions.reports)
            tasks.append(
                Task(
                    year=draft.year,
                    group=group.heading,
                    **texts,
                    corrections=corrections,
                    reports=reports,
                    data_date=records.data_date,
                    **task.fields,
                )
            )
        groups.append(Group(group.heading.number, group.heading.title, tuple(tasks), group.location))
    return Plan(
        draft.year,
        draft.appendix,
        draft.title,
        draft.parent,
        draft.issuer,
        draft.source_document,
        tuple(groups),
        units,
        references,
        draft.location,
        records.data_date,
    )


def registries(data_dir: Path, root: Path | None = None) -> tuple[dict[str, Unit], dict[str, Reference]]:
    """Load only the unit and reference registries (what the importer needs)."""
    files = _files(data_dir, root)
    units, references = read_registry(files, UNITS), read_registry(files, REFERENCES)
    if files.problems:
        raise PlanDataError(files.problems)
    return units.entries, references.entries


def source_documents(data: PlanData, root: Path) -> dict[int, bytes]:
    """Each plan's source document (``<plan folder>/nguon/<source_document>``) by year, as bytes to publish.

    ``root`` is the repository root the plans' locations are relative to.
    """
    documents: dict[int, bytes] = {}
    problems: list[Problem] = []
    for plan in data.plans:
        shown = Path(plan.location.path).parent / SOURCE_DIR / plan.source_document
        path = Path(root) / shown
        if path.is_file():
            documents[plan.year] = path.read_bytes()
        else:
            message = f"source_document «{plan.source_document}» is not in the plan's folder: expected the file {shown}"
            problems.append(Problem(plan.location.path, plan.location.line, message))
    if problems:
        raise PlanDataError(problems)
    return documents
