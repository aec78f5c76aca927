"""Task pages: ``/nhiem-vu/<slug>/``, one per task, with everything the plan says of it."""

from __future__ import annotations

from collections.abc import Iterator

from ..escaping import Trusted, escape_markdown
from ..feedback import feedback_link
from ..model import Plan, Task, TextItem
from ..wording import shorten
from .base import GeneratedPage, PageWriter, SiteContext

FIELD_NAMES = {"content": "Nội dung thực hiện", "outputs": "Sản phẩm, dự kiến kết quả"}


def task_title(task: Task) -> str:
    """«Nhiệm vụ 2.đ: <start of its content>», the page title and search title."""
    return f"Nhiệm vụ {task.number}: {shorten(task.content[0].text, 90)}"


def plan_title(plan: Plan) -> str:
    """The appendix title in sentence case («Danh mục nhiệm vụ triển khai thực hiện năm 2026»)."""
    lowered = plan.title.lower()
    return lowered[:1].upper() + lowered[1:]


def related_by_lead(task: Task, plan: Plan) -> tuple[Task, ...]:
    """Other tasks with a lead unit in common and the same quarters."""
    return tuple(
        other for other in plan.tasks
        if other is not task and set(other.lead) & set(task.lead)
        and other.schedule.quarters == task.schedule.quarters and other.schedule.kind == task.schedule.kind
    )


def related_by_reference(task: Task, plan: Plan) -> tuple[Task, ...]:
    """Other tasks citing a document this task cites."""
    return tuple(other for other in plan.tasks if other is not task and set(other.references) & set(task.references))


def _correction_note(item: TextItem) -> Trusted:
    return Trusted(f"*(đã sửa lỗi chính tả; nguyên văn: «{escape_markdown(item.official)}»)*")


def task_pages(site: SiteContext, plan: Plan) -> Iterator[GeneratedPage]:
    """One page per task, in plan order."""
    tasks = plan.tasks
    for index, task in enumerate(tasks):
        src_uri = site.layout.task(task)
        page = PageWriter(site, src_uri)
        quarter_links = Trusted(", ".join(page.quarter_link(task.year, q) for q in task.schedule.quarters))
        source_url = site.source_url(task.location.path, task.location.line)
        related_lead = related_by_lead(task, plan)
        related_reference = related_by_reference(task, plan)
        content = page.render(
            "task.md.j2",
            {
                "title": task_title(task),
                "description": shorten(f"Nhiệm vụ {task.number} ({task.schedule.text}): {task.content[0].text}", 155),
            },
            task=task,
            plan=plan,
            plan_title=plan_title(plan),
            field_names=FIELD_NAMES,
            correction_note=_correction_note,
            quarter_links=quarter_links,
            related_by_lead=Trusted(", ".join(page.task_link(t) for t in related_lead)) if related_lead else None,
            related_by_reference=Trusted(", ".join(page.task_link(t) for t in related_reference)) if related_reference else None,
            source_url=source_url,
            source_link=Trusted(f"[xem tệp trên kho mã nguồn]({source_url})") if source_url else None,
            previous=tasks[index - 1] if index > 0 else None,
            next=tasks[index + 1] if index + 1 < len(tasks) else None,
            feedback_link=feedback_link(site.repository_url, task, src_uri),
        )
        yield GeneratedPage(src_uri, content, edit_path=task.location.path)
