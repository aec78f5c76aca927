"""Reading a plan's ``status.yml``: the data date and the dated progress reports with their evidence.

Layout::

    data_date: 2026-11-25        # the date the plan's data is current to (set with each update)
    reports:
      - task: "1.a"
        status: in_progress      # one of progress.REPORTABLE
        as_of: 2026-06-30        # on or before data_date; a task's reports in date order
        note: Đã tổ chức 01 buổi Tọa đàm.   # required for done and cancelled
        evidence:                # optional; each item: a title and a url and/or a document
          - title: Báo cáo kết quả quý II
            document: 123/BC-CCTĐC ngày 30/6/2026

Used by :class:`tdcplan.readers.records.RecordsReader`; ``scripts/report.py`` applies the very
same rules (through the loader) and says the same ``path:line: message``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..fields import FieldReader
from ..located import LocatedMap
from ..model import Evidence, SourceLocation, StatusReport
from ..plausibility import record_date
from ..progress import CLOSING, REPORTABLE, StatusCode
from .files import STATUS_FILE


@dataclass(frozen=True)
class PlanProgress:
    """What a plan's status file says: its data date and each task's reports, oldest first."""

    data_date: dt.date | None = None
    reports: dict[str, tuple[StatusReport, ...]] = field(default_factory=dict)  # by task number


def read_status(content: object, fields: FieldReader, task_numbers: Collection[str], year: int) -> PlanProgress:
    """Validate a loaded ``status.yml``; problems go to ``fields``, valid reports come back."""
    top = fields.mapping(content, 1, STATUS_FILE, ("reports",), ("data_date",))
    if top is None:
        return PlanProgress()
    data_date = record_date(fields, top, "data_date", "«data_date»", year)
    entries = fields.list(top, "reports", "«reports»")
    if entries and "data_date" not in top:
        # Versions from before any report need none (the history page still reads them).
        fields.problem(
            top.line,
            f"{STATUS_FILE} lacks the key «data_date»: the date the plan's data is current to (YYYY-MM-DD), "
            "required once there are reports",
        )
    by_task: dict[str, list[StatusReport]] = {}
    for index, entry in enumerate(entries or ()):
        line = entries.lines[index]
        report = _report(fields, entry, line, f"report {index + 1}", task_numbers, year, data_date)
        if report is None:
            continue
        number, report = report
        earlier = by_task.setdefault(number, [])
        if earlier and earlier[-1].as_of >= report.as_of:
            fields.problem(
                entry.line_of("as_of"),
                f"report {index + 1}: reports of task {number} must be in date order, "
                f"each later than the one before ({earlier[-1].as_of.isoformat()})",
            )
            continue
        earlier.append(report)
    return PlanProgress(data_date, {number: tuple(reports) for number, reports in by_task.items()})


def _report(
    fields: FieldReader,
    entry: object,
    line: int,
    what: str,
    task_numbers: Collection[str],
    year: int,
    data_date: dt.date | None,
) -> tuple[str, StatusReport] | None:
    item = fields.mapping(entry, line, what, ("task", "status", "as_of"), ("note", "evidence"))
    if item is None:
        return None
    number = fields.text(item, "task", f"{what}: «task»")
    if number is not None and number not in task_numbers:
        fields.problem(item.line_of("task"), f"{what}: there is no task «{number}» in the {year} plan")
        number = None
    code = status_code(fields, item, what)
    as_of = record_date(fields, item, "as_of", f"{what}: «as_of»", year)
    if as_of is not None and data_date is not None and as_of > data_date:
        fields.problem(
            item.line_of("as_of"),
            f"{what}: «as_of» {as_of.isoformat()} is after the plan's data date {data_date.isoformat()} "
            "(«data_date» at the top of the file); move «data_date» forward or correct the date",
        )
        as_of = None
    note = fields.text(item, "note", f"{what}: «note»", required=False) or ""
    if code in CLOSING and not note and "note" not in item:
        fields.problem(
            item.line,
            f"{what}: a «{code.value}» report needs a «note» saying what was done or why not "
            "(in Vietnamese: readers see it)",
        )
        code = None
    evidence = _evidence(fields, item, what)
    if None in (number, code, as_of, evidence):
        return None
    return number, StatusReport(code, as_of, note, SourceLocation(fields.path, line), evidence)


def status_code(fields: FieldReader, item: LocatedMap, what: str) -> StatusCode | None:
    """The «status» of a report: one of the reportable codes («not_reported» is never stored)."""
    value = fields.text(item, "status", f"{what}: «status»")
    if value is None:
        return None
    expected = ", ".join(code.value for code in REPORTABLE)
    if value == StatusCode.NOT_REPORTED.value:
        fields.problem(
            item.line_of("status"),
            f"{what}: «status» «{value}» is not written down: a task without any report is shown as "
            f"«Chưa báo cáo»; remove this report, or use one of: {expected}",
        )
        return None
    if value not in {code.value for code in REPORTABLE}:
        fields.problem(item.line_of("status"), f"{what}: «status» is «{value}»; expected one of: {expected}")
        return None
    return StatusCode(value)


def _evidence(fields: FieldReader, item: LocatedMap, what: str) -> tuple[Evidence, ...] | None:
    items = fields.list(item, "evidence", f"{what}: «evidence»")
    found: list[Evidence] = []
    ok = True
    for index, entry in enumerate(items or ()):
        e_what = f"{what}: evidence {index + 1}"
        e_item = fields.mapping(entry, items.lines[index], e_what, ("title",), ("url", "document"))
        if e_item is None:
            ok = False
            continue
        title = fields.text(e_item, "title", f"{e_what}: «title»")
        url = fields.text(e_item, "url", f"{e_what}: «url»", required=False)
        document = fields.text(e_item, "document", f"{e_what}: «document»", required=False)
        # A present but unreadable url/document was reported by fields.text already.
        unreadable = any(
            e_item.get(key) is not None and value is None for key, value in (("url", url), ("document", document))
        )
        problem = None if unreadable else evidence_problem(url, document)
        if problem:
            fields.problem(e_item.line_of("url") if url else e_item.line, f"{e_what}: {problem}")
        if title is None or unreadable or problem:
            ok = False
            continue
        found.append(Evidence(title, url, document))
    return tuple(found) if ok else None


def evidence_problem(url: str | None, document: str | None) -> str | None:
    """What is wrong with an evidence item's address and document, or ``None``."""
    if url is None and document is None:
        return (
            "needs a «url» (http:// or https://) or a «document» (the number and date of an official "
            "document, e.g. «123/BC-CCTĐC ngày 30/6/2026»)"
        )
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
            return f"«url» must be a web address starting with http:// or https://, found «{url}»"
    return None
