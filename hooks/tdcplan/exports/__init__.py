"""Open data generated from the model at build time: JSON (+ its schema), CSV, iCalendar, Atom.

One module per format; :mod:`.records` holds the facts the JSON and CSV
share. Nothing here imports MkDocs or the page generators: :func:`plan_exports`
returns the files as bytes with what the open-data page says about each.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..build_cache import BuildCache
from ..identifiers import Identifiers
from ..model import Plan, Unit
from ..urls import Urls
from ..wording import quarter_name
from .atom_feed import FEED_FILE, plan_feed
from .csv_export import CSV_FILE, plan_csv
from .icalendar_export import PLAN_FILE, CalendarWriter
from .json_export import JSON_FILE, plan_json, schema_json
from .json_schema import SCHEMA_FILE
from .xlsx_export import XLSX_FILE, plan_xlsx

__all__ = ["Export", "plan_exports"]


@dataclass(frozen=True)
class Export:
    """A published file: where it goes (source path), its bytes, and how the open-data page lists it."""

    src_uri: str
    content: bytes
    title: str
    format: str
    kind: str  # "main", "unit" or "quarter": which list of the open-data page shows it
    unit: Unit | None = None
    quarter: int | None = None

    @property
    def size(self) -> int:
        return len(self.content)


def plan_exports(
    plan: Plan,
    units: dict[str, Unit],
    addresses: Urls,
    ids: Identifiers,
    source_document: bytes | None = None,
    cache: BuildCache | None = None,
) -> list[Export]:
    """Every open-data file of ``plan``, main files first, then per unit and per quarter (stable order).

    ``source_document`` is the document the plan was imported from, published unchanged when given;
    ``cache`` keeps the workbook between builds (:mod:`tdcplan.build_cache`)."""

    def at(name: str) -> str:
        return addresses.data_file(plan, name)

    calendars = CalendarWriter(plan, addresses, ids, cache)
    files = [
        Export(at(JSON_FILE), plan_json(plan, addresses), "Danh mục nhiệm vụ (JSON)", "JSON", "main"),
        Export(
            at(SCHEMA_FILE),
            schema_json(addresses.absolute(at(SCHEMA_FILE))),
            "Lược đồ của tệp JSON (JSON Schema 2020-12)",
            "JSON Schema",
            "main",
        ),
        Export(
            at(CSV_FILE), plan_csv(plan, addresses), "Danh mục nhiệm vụ (bảng tính CSV)", "CSV (UTF-8, có BOM)", "main"
        ),
        Export(
            at(XLSX_FILE),
            plan_xlsx(plan, units, addresses, cache),
            "Danh mục nhiệm vụ (bảng tính Excel, một trang cho mỗi đơn vị)",
            "XLSX",
            "main",
        ),
        Export(at(PLAN_FILE), calendars.plan_calendar(), "Lịch hạn nhiệm vụ cả năm", "iCalendar", "main"),
        Export(
            at(FEED_FILE),
            plan_feed(plan, addresses, ids),
            "Tin cập nhật: báo cáo tiến độ và đính chính",
            "Atom",
            "main",
        ),
    ]
    if source_document is not None:
        files.append(
            Export(
                addresses.source_document(plan),
                source_document,
                "Văn bản nguồn: Phụ lục trích từ tệp PDF (bảng Markdown)",
                "Văn bản (UTF-8)",
                "main",
            )
        )
    # The calendars per unit (of units with a part in the plan), then per quarter.
    for unit in units.values():
        if plan.tasks_led_by(unit) or plan.tasks_coordinated_by(unit):
            content = calendars.unit_calendar(unit)
            title = f"Lịch hạn nhiệm vụ: {unit.name}"
            files.append(Export(addresses.unit_calendar(plan, unit), content, title, "iCalendar", "unit", unit=unit))
    for q in range(1, 5):
        content, title = calendars.quarter_calendar(q), f"Lịch hạn nhiệm vụ {quarter_name(q, plan.year)}"
        files.append(Export(addresses.quarter_calendar(plan, q), content, title, "iCalendar", "quarter", quarter=q))
    return files
