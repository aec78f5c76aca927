"""Task pages: ``/nhiem-vu/<slug>/``, one per task, with everything the plan says of it."""

from __future__ import annotations

from collections.abc import Iterator

from ..data_history import DataHistory
from ..escaping import Trusted, escape_markdown
from ..feedback import feedback_link
from ..model import Plan, Task, TextItem
from ..search_record import task_search_record
from ..wording import TASK_FIELDS, plan_title, shorten, task_title
from .base import GeneratedPage, PageWriter, SiteContext

# Related tasks shown per kind; the rest are a click away (the unit or document page lists
# them all). Unbounded lists would make every page grow with the plan (and the build quadratic).
RELATED_LIMIT = 10


class RelatedTasks:
    """Which tasks of a plan are related to a task, indexed once per plan (by unit and document ids)."""

    def __init__(self, plan: Plan) -> None:
        self.tasks = plan.tasks
        self.position = {id(task): index for index, task in enumerate(self.tasks)}
        self.lead_schedule: dict[tuple[str, str, tuple[int, ...]], list[Task]] = {}
        self.reference: dict[str, list[Task]] = {}
        for task in self.tasks:
            for unit in task.lead:
                self.lead_schedule.setdefault(self._lead_key(task, unit.id), []).append(task)
            for reference in task.references:
                self.reference.setdefault(reference.id, []).append(task)

    @staticmethod
    def _lead_key(task: Task, unit_id: str) -> tuple[str, str, tuple[int, ...]]:
        return unit_id, task.schedule.kind.value, task.schedule.quarters

    def _nearest_first(self, task: Task, candidates: list[list[Task]]) -> tuple[Task, ...]:
        """The candidates but ``task``, each once, by distance in plan order (neighbours first, earlier on ties)."""
        here = self.position[id(task)]
        unique = {id(other): other for group in candidates for other in group if other is not task}
        return tuple(sorted(unique.values(), key=lambda t: (abs(self.position[id(t)] - here), self.position[id(t)])))

    def by_lead(self, task: Task) -> tuple[Task, ...]:
        """Other tasks with a lead unit in common and the same schedule."""
        return self._nearest_first(task, [self.lead_schedule[self._lead_key(task, u.id)] for u in task.lead])

    def by_reference(self, task: Task) -> tuple[Task, ...]:
        """Other tasks citing a document this task cites."""
        return self._nearest_first(task, [self.reference[r.id] for r in task.references])


def _related_links(page: PageWriter, related: tuple[Task, ...], more_target: str, more_label: str) -> Trusted | None:
    """At most :data:`RELATED_LIMIT` task links, then «và N nhiệm vụ khác» linking to a page that lists them."""
    if not related:
        return None
    links = [page.task_link(t) for t in related[:RELATED_LIMIT]]
    if len(related) > RELATED_LIMIT:
        links.append(page.link_to(more_target, f"và {len(related) - RELATED_LIMIT} nhiệm vụ khác ({more_label})"))
    return Trusted(", ".join(links))


def _correction_note(item: TextItem) -> Trusted:
    return Trusted(f"*(đã sửa lỗi chính tả; nguyên văn: «{escape_markdown(item.official)}»)*")


def task_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    """One page per task, in plan order."""
    tasks = plan.tasks
    related = RelatedTasks(plan)
    history = site.history or DataHistory((), {})  # without one: dates from the data, saying so
    for index, task in enumerate(tasks):
        src_uri = site.urls.task(task)
        page = PageWriter(site, src_uri)
        quarter_links = Trusted(", ".join(page.quarter_link(task.year, q) for q in task.schedule.quarters))
        source_url = site.source_url(task.location.path, task.location.line)
        related_lead = related.by_lead(task)
        related_reference = related.by_reference(task)
        content = page.render(
            "task.md.j2",
            {
                "title": task_title(task),
                "pagefind": task_search_record(task),
                "description": shorten(f"Nhiệm vụ {task.number} ({task.schedule.text}): {task.content[0].text}", 155),
            },
            task=task,
            plan=plan,
            plan_title=plan_title(plan),
            field_names={name: field.label for name, field in TASK_FIELDS.items()},
            correction_note=_correction_note,
            quarter_links=quarter_links,
            related_by_lead=_related_links(page, related_lead, site.urls.unit(task.lead[0]), "xem trang đơn vị"),
            related_by_reference=_related_links(
                page,
                related_reference,
                site.urls.reference(task.references[0]) if task.references else "",
                "xem trang văn bản",
            ),
            source_url=source_url,
            source_link=Trusted(f"[xem tệp trên kho mã nguồn]({source_url})") if source_url else None,
            previous=tasks[index - 1] if index > 0 else None,
            next=tasks[index + 1] if index + 1 < len(tasks) else None,
            feedback_link=feedback_link(site.repository_url, task, site.urls.url(src_uri)),
            update=history.task_update(task, plan),
        )
        yield GeneratedPage(src_uri, content, edit_path=task.location.path)
