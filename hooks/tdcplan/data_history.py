"""The published history of the plan data, read from git: what changed, when, and when each task last changed.

Each commit of the branch that changed the data directory (first parent only: a merge
into the published branch is one publication) is loaded and validated as
``scripts/diff_plan.py`` does, and compared with the one before by
:func:`tdcplan.plan_diff.diff_plan_data`. A version whose data does not validate was
never published (the build refuses it) and is skipped. Dates are the commit dates
in Vietnam's time zone: deterministic for one commit, never the build clock.

Outside a git checkout (or with no commit touching the data) there is no history;
a task's «last updated» date falls back to the latest date in its data, and says so.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .load import PlanData, load_data
from .model import Plan, Task
from .plan_diff import Change, diff_plan_data
from .problems import PlanDataError

VIETNAM = dt.timezone(dt.timedelta(hours=7))
EMPTY = PlanData({}, {}, ())


@dataclass(frozen=True)
class HistoryEntry:
    """One published change of the data: a commit (``None``: not yet committed), its day and what changed."""

    commit: str | None
    day: dt.date | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class TaskUpdate:
    """When a task's record last changed, and where that date comes from."""

    day: dt.date
    from_git: bool

    @property
    def source(self) -> str:
        if self.from_git:
            return "theo lịch sử thay đổi của tệp dữ liệu"
        return "ngày mới nhất ghi trong dữ liệu của nhiệm vụ, vì bản dựng không có lịch sử git"


@dataclass(frozen=True)
class DataHistory:
    """The history shown on «Lịch sử cập nhật» and the tasks' «Cập nhật lần cuối» dates."""

    entries: tuple[HistoryEntry, ...]  # newest first
    task_days: dict[tuple[int, str], dt.date]  # (year, number) -> day of the last commit changing it
    dirty: frozenset[tuple[int, str]] = frozenset()  # tasks changed in the working copy since

    @property
    def from_git(self) -> bool:
        return any(entry.commit for entry in self.entries)

    def task_update(self, task: Task, plan: Plan) -> TaskUpdate | None:
        """The task's last update: from git when known, else the latest date in its data."""
        key = (task.year, task.number)
        if key in self.task_days and key not in self.dirty:
            return TaskUpdate(self.task_days[key], True)
        dates = [report.as_of for report in task.reports] + [c.recorded for c in task.corrections]
        day = max(dates, default=plan.data_date)
        return TaskUpdate(day, False) if day else None


def task_fingerprint(task: Task) -> tuple:
    """Everything of a task's record a reader sees (not where it sits in the file)."""
    return (
        tuple(item.official for item in task.content),
        tuple(item.official for item in task.outputs),
        task.schedule.text,
        tuple(unit.id for unit in task.lead),
        tuple(unit.id for unit in task.partners),
        tuple(reference.id for reference in task.references),
        tuple((r.code, r.as_of, r.note, r.evidence) for r in task.reports),
        tuple((c.field, c.original, c.corrected, c.note, c.recorded) for c in task.corrections),
    )


def _fingerprints(data: PlanData) -> dict[tuple[int, str], tuple]:
    return {(task.year, task.number): task_fingerprint(task) for plan in data.plans for task in plan.tasks}


def _git(repository: Path, *args: str) -> bytes:
    result = subprocess.run(["git", "-C", str(repository), *args], capture_output=True, check=False)
    if result.returncode != 0:
        raise OSError(result.stderr.decode(errors="replace").strip())
    return result.stdout


def _versions(data_dir: Path) -> list[tuple[str, dt.date, PlanData]]:
    """Every committed, valid version of ``data_dir``, oldest first; empty outside git."""
    try:
        top = Path(_git(data_dir, "rev-parse", "--show-toplevel").decode().strip())
        relative = data_dir.resolve().relative_to(top.resolve()).as_posix()
        log = _git(top, "log", "--first-parent", "--reverse", "--format=%H %ct", "--", relative).decode()
    except (OSError, ValueError):
        return []
    versions = []
    with tempfile.TemporaryDirectory(prefix="tdc-history-") as scratch:
        for line in log.splitlines():
            commit, stamp = line.split()
            archive = _git(top, "archive", "--format=tar", commit, "--", relative)
            root = Path(scratch) / commit
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(root, filter="data")
            try:
                data = load_data(root / PurePosixPath(relative), root=root)
            except PlanDataError:
                continue  # never published: the build refuses invalid data
            day = dt.datetime.fromtimestamp(int(stamp), VIETNAM).date()
            versions.append((commit, day, data))
    return versions


def read_history(data_dir: Path, current: PlanData) -> DataHistory:
    """The history of ``data_dir`` up to ``current`` (the data being built)."""
    entries: list[HistoryEntry] = []
    task_days: dict[tuple[int, str], dt.date] = {}
    previous, before = EMPTY, {}
    for commit, day, data in _versions(Path(data_dir)):
        changes = diff_plan_data(previous, data)
        if previous is EMPTY:  # the first publication: the registries in one line, not entry by entry
            changes = [c for c in changes if not c.sentence.startswith(("Thêm đơn vị", "Thêm văn bản"))]
            changes.append(
                Change(
                    "Danh mục dùng chung",
                    "Công bố danh mục {} đơn vị và {} văn bản, chương trình.",
                    (str(len(data.units)), str(len(data.references))),
                )
            )
        after = _fingerprints(data)
        for key, fingerprint in after.items():
            if before.get(key) != fingerprint:
                task_days[key] = day
        if changes:
            entries.append(HistoryEntry(commit, day, tuple(changes)))
        previous, before = data, after
    dirty: frozenset[tuple[int, str]] = frozenset()
    if entries:
        pending = diff_plan_data(previous, current)
        if pending:
            entries.append(HistoryEntry(None, None, tuple(pending)))
            now = _fingerprints(current)
            dirty = frozenset(key for key, fingerprint in now.items() if before.get(key) != fingerprint)
    return DataHistory(tuple(reversed(entries)), task_days, dirty)
