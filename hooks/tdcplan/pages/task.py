"""Task pages: ``/nhiem-vu/<slug>/``, one per task, with everything the plan says of it."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..data_history import DataHistory
from ..escaping import Trusted, escape_markdown
from ..feedback import feedback_url
from ..model import Plan, Task, TextItem
from ..progress import period_end
from ..search_record import task_search_record
from ..wording import format_date, plan_title, quarter_name, schedule_note, shorten, task_title
from .base import GeneratedPage, PageWriter, SiteContext

# Related tasks shown per kind; the rest are a click away (the unit or document page lists
# them all). Unbounded lists would make every page grow with the plan (and the build quadratic).
RELATED_LIMIT = 10


@dataclass(frozen=True)
class RelatedList:
    """The related tasks a page shows (nearest first) and how many there are in all."""

    shown: tuple[Task, ...]
    total: int


class RelatedTasks:
    """Which tasks of a plan are related to a task, indexed once per plan (by unit and document ids)."""

    def __init__(self, plan: Plan) -> None:
        self.tasks = plan.tasks
        self.position = {id(task): index for index, task in enumerate(self.tasks)}
        self.lead_schedule: dict[tuple[str, str, tuple[int, ...]], list[Task]] = {}
        self.reference: dict[str, list[Task]] = {}
        self._group_positions: dict[int, list[int]] = {}  # by id() of a list above: its tasks' positions
        for task in self.tasks:
            for unit in task.lead:
                self.lead_schedule.setdefault(self._lead_key(task, unit.id), []).append(task)
            for reference in task.references:
                self.reference.setdefault(reference.id, []).append(task)

    @staticmethod
    def _lead_key(task: Task, unit_id: str) -> tuple[str, str, tuple[int, ...]]:
        return unit_id, task.schedule.kind.value, task.schedule.quarters

    def _nearest_first(self, task: Task, groups: list[list[Task]]) -> RelatedList:
        """The :data:`RELATED_LIMIT` tasks of ``groups`` nearest ``task`` in plan order (earlier on ties), and the count.

        Each group is in plan order, so only the ``RELATED_LIMIT`` neighbours on either side of
        ``task`` in each group can be among the nearest: a page costs the same at any plan size.
        """
        here = self.position[id(task)]
        near: dict[int, Task] = {}
        contains = False  # whether the (single) group holds ``task`` itself
        for group in groups:
            positions = self._positions(group)
            index = bisect.bisect_left(positions, here)
            contains = index < len(positions) and positions[index] == here
            for other in group[max(0, index - RELATED_LIMIT) : index + RELATED_LIMIT + 1]:
                if other is not task:
                    near[id(other)] = other
        shown = sorted(near.values(), key=lambda t: (abs(self.position[id(t)] - here), self.position[id(t)]))
        if len(groups) == 1:
            total = len(groups[0]) - contains
        else:
            total = len({id(other) for group in groups for other in group} - {id(task)})
        return RelatedList(tuple(shown[:RELATED_LIMIT]), total)

    def _positions(self, group: list[Task]) -> list[int]:
        key = id(group)
        if key not in self._group_positions:
            self._group_positions[key] = [self.position[id(t)] for t in group]
        return self._group_positions[key]

    def by_lead(self, task: Task) -> RelatedList:
        """Other tasks with a lead unit in common and the same schedule."""
        return self._nearest_first(task, [self.lead_schedule[self._lead_key(task, u.id)] for u in task.lead])

    def by_reference(self, task: Task) -> RelatedList:
        """Other tasks citing a document this task cites."""
        return self._nearest_first(task, [self.reference[r.id] for r in task.references])


def _related_links(page: PageWriter, related: RelatedList, more_target: str, more_label: str) -> Trusted | None:
    """At most :data:`RELATED_LIMIT` task links, then «và N nhiệm vụ khác» linking to a page that lists them."""
    if not related.total:
        return None
    links = [page.task_link(t) for t in related.shown]
    if related.total > len(related.shown):
        links.append(page.link_to(more_target, f"và {related.total - len(related.shown)} nhiệm vụ khác ({more_label})"))
    return Trusted(", ".join(links))


HEADING_LENGTH = 60  # characters of content in the H1: at most three lines at 360 px


def task_heading(task: Task) -> str:
    """The start of the task's official content, for the H1 «2.b · <start>…» (the full text follows it)."""
    return shorten(task.content[0].text, HEADING_LENGTH)


def _correction_note(task: Task) -> Callable[[TextItem, str], Trusted]:
    """The note printed after a corrected paragraph or output: what was corrected, why and when (shown once)."""

    def note(item: TextItem, field: str) -> Trusted:
        parts = [
            f"bản gốc ghi «{escape_markdown(c.original)}», sửa thành «{escape_markdown(c.corrected)}», "
            f"ghi nhận ngày {format_date(c.recorded)}" + (f". {escape_markdown(c.note)}" if c.note else "")
            for c in task.corrections
            if c.field == field and c.original in item.official
        ]
        detail = "; ".join(parts) if parts else f"nguyên văn: «{escape_markdown(item.official)}»"
        return Trusted(f"*(Đính chính lỗi chính tả: {detail})*")

    return note


def task_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    """One page per task, in plan order."""
    tasks = plan.tasks
    related = RelatedTasks(plan)
    history = site.history or DataHistory((), {})  # without one: dates from the data, saying so
    for index, task in enumerate(tasks):
        src_uri = site.urls.task(task)
        page = PageWriter(site, src_uri)
        # Links to the quarter pages, named without the year: the summary states the schedule.
        quarter_links = Trusted(
            ", ".join(page.quarter_link(task.year, q, quarter_name(q)) for q in task.schedule.quarters)
        )
        source_url = site.source_url(task.location.path, task.location.line)
        github_feedback = feedback_url(site.repository_url, task, site.urls.url(src_uri))
        related_lead = related.by_lead(task)
        related_reference = related.by_reference(task)
        content = page.render(
            "task.md.j2",
            {
                "title": task_title(task),
                "pagefind": task_search_record(task),
                "description": shorten(f"Nhiệm vụ {task.number} ({task.schedule.text}): {task.content[0].text}", 155),
                # Read by the theme (overrides/main.html): the feedback box and the maintainers' note.
                "feedback": True,
                "task_number": task.number,
                "data_file": task.location.path,
                "data_line": task.location.line,
                **({"data_source_url": source_url} if source_url else {}),
                **({"github_feedback": github_feedback} if github_feedback else {}),
            },
            task=task,
            plan=plan,
            plan_title=plan_title(plan),
            heading_text=task_heading(task),
            schedule_note=schedule_note(task.schedule, task.year, period_end(task.schedule)),
            correction_note=_correction_note(task),
            quarter_links=quarter_links,
            related_by_lead=_related_links(page, related_lead, site.urls.unit(task.lead[0]), "xem trang đơn vị"),
            related_by_reference=_related_links(
                page,
                related_reference,
                site.urls.reference(task.references[0]) if task.references else "",
                "xem trang văn bản",
            ),
            previous=tasks[index - 1] if index > 0 else None,
            next=tasks[index + 1] if index + 1 < len(tasks) else None,
            update=history.task_update(task, plan),
        )
        yield GeneratedPage(src_uri, content, edit_path=task.location.path)
