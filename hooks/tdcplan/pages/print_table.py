"""The printable official table, ``/ban-in/``: the whole plan as the appendix prints it.

Columns, group heading rows, the title block, «/» for no partner and «- item»
output lines follow the source; units carry their canonical registry names and
recorded corrections are applied, each listed in a note under the table. The
table is HTML (a Markdown table cannot hold paragraphs in a cell), written by
the template with every value HTML-escaped.
"""

from __future__ import annotations

import posixpath

from ..appendix import COLUMNS, NO_PARTNER, AppendixTask
from ..model import Plan, Task, Unit
from ..qr_codes import cached_qr_svg
from ..wording import format_date
from .base import GeneratedAsset, GeneratedPage, PageWriter, SiteContext

FIELD_COLUMNS = {"content": COLUMNS[1], "outputs": COLUMNS[2]}


def unit_names(units: tuple[Unit, ...]) -> str:
    """Canonical names joined as the source joins them, «/» for none."""
    return ", ".join(unit.name for unit in units) or NO_PARTNER


def print_row(task: Task) -> AppendixTask:
    """A task's cells as the official appendix prints them (the importer's row type, read the other way)."""
    return AppendixTask(
        letter=task.letter,
        content=[item.text for item in task.content],
        outputs=[item.text for item in task.outputs],
        schedule=task.schedule.text,
        lead=unit_names(task.lead),
        partners=unit_names(task.partners),
        line=task.location.line,
    )


def qr_assets(site: SiteContext, plan: Plan) -> list[GeneratedAsset]:
    """The QR code of every task page's public address (the printed table and the printed task pages show them)."""
    urls = site.urls
    return [
        GeneratedAsset(urls.qr_code(urls.task(task)), cached_qr_svg(site.cache, urls.absolute(urls.task(task))))
        for task in plan.tasks
    ]


def print_table_page(site: SiteContext, plan: Plan) -> GeneratedPage:
    src_uri = site.urls.print_table(plan)
    page = PageWriter(site, src_uri)
    corrections = [
        (task.number, FIELD_COLUMNS[correction.field], correction)
        for task in plan.tasks
        for correction in task.corrections
    ]
    heading = f"Bản in danh mục nhiệm vụ năm {plan.year}"
    return GeneratedPage(
        src_uri,
        page.render(
            "print_table.md.j2",
            {
                "title": heading,
                "description": f"Bảng {plan.appendix.lower()} «{plan.title}» để in khổ A4 ngang, đúng bố cục bản gốc.",
                "hide": ["navigation", "toc"],
                "search": {"exclude": True},  # the task pages already carry this text in the search index
            },
            heading=heading,
            plan=plan,
            columns=COLUMNS,
            groups=[
                (
                    group,
                    [
                        (print_row(task), page.file_href(site.urls.qr_code(site.urls.task(task))), task)
                        for task in group.tasks
                    ],
                )
                for group in plan.groups
            ],
            issued_with=f"(Ban hành kèm theo {plan.parent.as_printed} của {plan.issuer})",
            corrections=corrections,
            page_address=site.urls.absolute(src_uri),
            last_change=format_date(plan.last_change) if plan.last_change else None,
            open_data_link=page.link_to(site.urls.open_data(plan), "dữ liệu mở"),
            source_link=page.link_to(
                site.urls.source_document(plan), posixpath.basename(site.urls.source_document(plan))
            ),
        ),
        edit_path=plan.location.path,
    )
