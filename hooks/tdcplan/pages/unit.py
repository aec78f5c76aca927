"""Unit pages: ``/don-vi/<id>/``, the tasks a unit leads and coordinates, by quarter.

A long list continues on ``/don-vi/<id>/trang-2/``… (:mod:`.listing`); the counts and the
roll-ups of both roles stay on the first page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Plan, Task, Unit
from ..paging import Section
from ..quarter_listing import of_kind, scheduled_in
from ..schedule import ScheduleKind
from ..search_record import unit_search_record
from ..wording import quarter_name
from .base import GeneratedPage, SiteContext
from .listing import listing_page_writers


@dataclass(frozen=True)
class Role:
    heading: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class UnitPlanView:
    plan: Plan
    led: tuple[Task, ...]
    coordinated: tuple[Task, ...]
    roles: list[Role]


def quarter_sections(tasks: tuple[Task, ...], year: int) -> list[tuple[str, tuple[Task, ...]]]:
    """(heading, tasks) for each quarter, then ongoing and on-request tasks; empty ones left out."""
    sections = [(quarter_name(q, year), scheduled_in(tasks, q)) for q in range(1, 5)]
    sections.append(("Thường xuyên, cả năm", of_kind(tasks, ScheduleKind.ONGOING)))
    sections.append(("Theo yêu cầu", of_kind(tasks, ScheduleKind.ON_REQUEST)))
    return [section for section in sections if section[1]]


def unit_view(unit: Unit, plan: Plan) -> UnitPlanView:
    led, coordinated = plan.tasks_led_by(unit), plan.tasks_coordinated_by(unit)
    roles = [
        Role(f"Nhiệm vụ chủ trì năm {plan.year}", led),
        Role(f"Nhiệm vụ phối hợp năm {plan.year}", coordinated),
    ]
    return UnitPlanView(plan, led, coordinated, roles)


def unit_sections(views: list[UnitPlanView]) -> list[Section[Task]]:
    """The unit's listing: for each plan and role, its tasks by quarter (a role without tasks says so)."""
    sections: list[Section[Task]] = []
    for view in views:
        for role in view.roles:
            by_quarter = quarter_sections(role.tasks, view.plan.year)
            sections += [Section((role.heading, heading), tasks) for heading, tasks in by_quarter]
            if not by_quarter:
                sections.append(Section((role.heading,), (), "Không có nhiệm vụ nào."))
    return sections


def unit_pages(site: SiteContext) -> Iterator[GeneratedPage]:
    for unit in site.data.units.values():
        views = [unit_view(unit, plan) for plan in reversed(site.plans)]  # newest plan first
        counts = "; ".join(
            f"năm {v.plan.year}: chủ trì {len(v.led)}, phối hợp {len(v.coordinated)} nhiệm vụ" for v in views
        )
        meta = {"title": unit.name, "description": f"{unit.name} — {counts}.", "pagefind": unit_search_record(unit)}
        for listed in listing_page_writers(site, site.urls.unit(unit), unit_sections(views)):
            yield listed.page(
                "unit.md.j2",
                meta,
                unit.location.path,
                f"Các trang nhiệm vụ của {unit.short_name}",
                unit=unit,
                plans=views,
            )
