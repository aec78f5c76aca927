"""Unit pages: ``/don-vi/<id>/``, the tasks a unit leads and coordinates, by quarter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Plan, Task, Unit
from ..quarter_listing import of_kind, scheduled_in
from ..schedule import ScheduleKind
from ..search_record import unit_search_record
from ..wording import quarter_name
from .base import GeneratedPage, PageWriter, SiteContext


@dataclass(frozen=True)
class Role:
    heading: str
    tasks: tuple[Task, ...]
    sections: list[tuple[str, tuple[Task, ...], str]]


@dataclass(frozen=True)
class UnitPlanView:
    plan: Plan
    led: tuple[Task, ...]
    coordinated: tuple[Task, ...]
    roles: list[Role]


def quarter_sections(tasks: tuple[Task, ...], year: int) -> list[tuple[str, tuple[Task, ...], str]]:
    """(heading, tasks, text when empty) for each quarter, then ongoing and on-request tasks; empty ones left out."""
    sections = [
        (quarter_name(q, year), scheduled_in(tasks, q), "Không có nhiệm vụ có lịch trong quý này.") for q in range(1, 5)
    ]
    sections.append(("Thường xuyên, cả năm", of_kind(tasks, ScheduleKind.ONGOING), "Không có nhiệm vụ thường xuyên."))
    sections.append(
        ("Theo yêu cầu", of_kind(tasks, ScheduleKind.ON_REQUEST), "Không có nhiệm vụ thực hiện theo yêu cầu.")
    )
    return [section for section in sections if section[1]]


def unit_view(unit: Unit, plan: Plan) -> UnitPlanView:
    led, coordinated = plan.tasks_led_by(unit), plan.tasks_coordinated_by(unit)
    roles = [
        Role(f"Nhiệm vụ chủ trì năm {plan.year}", led, quarter_sections(led, plan.year)),
        Role(f"Nhiệm vụ phối hợp năm {plan.year}", coordinated, quarter_sections(coordinated, plan.year)),
    ]
    return UnitPlanView(plan, led, coordinated, roles)


def unit_pages(site: SiteContext) -> Iterator[GeneratedPage]:
    for unit in site.data.units.values():
        src_uri = site.urls.unit(unit)
        page = PageWriter(site, src_uri)
        views = [unit_view(unit, plan) for plan in reversed(site.plans)]  # newest plan first
        counts = "; ".join(
            f"năm {v.plan.year}: chủ trì {len(v.led)}, phối hợp {len(v.coordinated)} nhiệm vụ" for v in views
        )
        yield GeneratedPage(
            src_uri,
            page.render(
                "unit.md.j2",
                {"title": unit.name, "description": f"{unit.name} — {counts}.", "pagefind": unit_search_record(unit)},
                unit=unit,
                plans=views,
            ),
            edit_path=unit.location.path,
        )
