"""Which preview image each page shares: a task page its own (number and first words), others their plan's."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Plan, Task
from ..previews import Preview
from ..wording import shorten
from .base import SiteContext


def footer(plan: Plan) -> str:
    return f"Kế hoạch TĐC {plan.year} · {plan.issuer}"


def plan_preview(site: SiteContext, plan: Plan) -> Preview:
    """The image of every page of ``plan`` that is not a task page."""
    return Preview(
        site.urls.plan_preview_image(plan),
        f"Kế hoạch TĐC {plan.year}",
        f"Danh mục {len(plan.tasks)} nhiệm vụ tiêu chuẩn, đo lường, chất lượng năm {plan.year}: nội dung, "
        "sản phẩm, thời gian, đơn vị chủ trì, đơn vị phối hợp và tình trạng thực hiện.",
        footer(plan),
    )


def task_preview(site: SiteContext, plan: Plan, task: Task) -> Preview:
    return Preview(
        site.urls.task_preview_image(task),
        f"Nhiệm vụ {task.number}",
        shorten(task.content[0].text, 240),
        footer(plan),
    )


@dataclass(frozen=True)
class LinkPreviews:
    """The preview images of the site: one per task page, one per plan for its other pages."""

    tasks: dict[str, Preview]  # by task page source path
    plans: dict[int, Preview]  # by plan year
    primary_year: int

    def of_page(self, src_uri: str, year: int | None) -> Preview:
        """The image of a page; ``year`` is its plan's (``None``: shared pages take the primary plan's)."""
        return self.tasks.get(src_uri) or self.plans.get(year or self.primary_year) or self.plans[self.primary_year]

    def images(self) -> list[Preview]:
        return [*self.plans.values(), *self.tasks.values()]


def link_previews(site: SiteContext) -> LinkPreviews:
    """Every preview image of the site, in a stable order."""
    return LinkPreviews(
        {site.urls.task(task): task_preview(site, plan, task) for plan in site.plans for task in plan.tasks},
        {plan.year: plan_preview(site, plan) for plan in site.plans},
        site.urls.primary_year,
    )
