"""What every page kind shares: the generated page record, the template environment, links."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2

from .. import progress, wording
from ..build_cache import BuildCache
from ..data_history import DataHistory
from ..escaping import Trusted, escape_html, escape_markdown, markdown_link
from ..front_matter import front_matter
from ..identifiers import Identifiers
from ..load import PlanData
from ..model import Group, Plan, Reference, Task, Unit
from ..paging import page_window
from ..urls import Urls
from .plan_switcher import plan_switcher_html

PAGE_FRAME = "page.md.j2"  # front matter, then the plan switcher slot, then the body


def status_badge(task: Task) -> Trusted:
    """A task's status in text and colour (never colour alone): the one place a status is drawn.

    Colours live in docs/assets/stylesheets/status.css, keyed by the status code; the explorer's
    script draws the same markup for the rows it adds. A function, not a template macro: it is
    drawn in every row of every task list, and a macro call costs more than the row's other cells.
    """
    code, label = escape_html(task.status_code.value), escape_html(task.status_label)
    return Trusted(f'<span class="tdc-status tdc-status--{code}">{label}</span>')


@dataclass(frozen=True)
class GeneratedPage:
    """A page the generator writes: its source path, Markdown with front matter, and provenance."""

    src_uri: str
    content: str
    edit_path: str | None = None  # repository path of the data file the page comes from


@dataclass(frozen=True)
class GeneratedAsset:
    """A file published as it is (JSON, CSV, iCalendar, a feed…), at ``src_uri`` in the built site.

    ``content`` is the file's text or bytes, or a ``Path`` whose bytes are published (a file of the
    build cache: the bytes then stay on disk, not in memory)."""

    src_uri: str
    content: str | bytes | Path

    def content_bytes(self) -> bytes:
        """The published bytes (text as UTF-8)."""
        if isinstance(self.content, Path):
            return self.content.read_bytes()
        return self.content if isinstance(self.content, bytes) else self.content.encode("utf-8")


@dataclass(frozen=True)
class SiteContext:
    """Everything page builders need: the data, its addresses (:class:`~tdcplan.urls.Urls`), the site settings."""

    data: PlanData
    urls: Urls
    ids: Identifiers  # permanent ids (feeds, calendars), named after the publisher, not the host
    repository_url: str = ""  # e.g. https://github.com/owner/repo/ (empty: no links to the repository)
    branch: str = "main"
    source_documents: Mapping[int, bytes] = field(default_factory=dict)  # by plan year: the imported document
    history: DataHistory | None = None  # from git (tdcplan.data_history); None: not read
    cache: BuildCache = field(default_factory=lambda: BuildCache(None))  # drawings kept between builds

    @cached_property
    def environment(self) -> jinja2.Environment:
        """The templates' environment: Markdown out, every printed value escaped unless Trusted."""
        environment = jinja2.Environment(
            loader=jinja2.PackageLoader("tdcplan", "templates"),
            finalize=escape_markdown,  # every printed value is escaped unless it is Trusted
            autoescape=False,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # A build makes its own environment (on_config), so templates cannot change under it:
            # no need to check each template's file again at every page.
            auto_reload=False,
            # Compiled templates kept between builds (Jinja checks each template's source).
            bytecode_cache=self.cache.template_bytecode(),
        )
        environment.filters["html"] = lambda value: Trusted(escape_html(str(value)))
        # A macro's output is Markdown the macro already escaped value by value: print it as is.
        environment.filters["rendered"] = Trusted
        environment.globals.update(
            format_date=wording.format_date,
            quarter_name=wording.quarter_name,
            schedule_meaning=wording.schedule_meaning,
            shorten=wording.shorten,
            data_date_text=progress.data_date_text,
            rollup=progress.rollup,
            bucket_labels=progress.BUCKET_LABELS,
            page_window=page_window,
            status_badge=status_badge,
        )
        return environment

    @property
    def plans(self) -> tuple[Plan, ...]:
        return self.data.plans

    def source_url(self, path: str, line: int | None = None) -> str | None:
        """The repository page showing a data file (at a line), or ``None`` without a repository."""
        if not self.repository_url:
            return None
        anchor = f"#L{line}" if line else ""
        return f"{self.repository_url.rstrip('/')}/blob/{self.branch}/{path}{anchor}"


class PageWriter:
    """Renders one page: a template, its context, and links relative to the page's own path."""

    def __init__(self, site: SiteContext, src_uri: str) -> None:
        self.site = site
        self.src_uri = src_uri

    def link_to(self, target_uri: str, label: object) -> Trusted:
        """A Markdown link to a page or file, ``label`` escaped."""
        return markdown_link(label, self.site.urls.link(self.src_uri, target_uri))

    def url_of(self, target_uri: str) -> Trusted:
        """A relative link target for a Markdown link (MkDocs checks it and rewrites it to the page URL)."""
        return Trusted(self.site.urls.link(self.src_uri, target_uri))

    def href(self, target_uri: str) -> Trusted:
        """A relative URL for raw HTML, which MkDocs does not rewrite (HTML-escaped)."""
        return Trusted(escape_html(self.site.urls.href(self.src_uri, target_uri)))

    def file_href(self, file_uri: str) -> Trusted:
        """A relative URL for raw HTML from this page to a published file (an image, a download), HTML-escaped."""
        return Trusted(escape_html(self.site.urls.file_href(self.src_uri, file_uri)))

    def html_link(self, target_uri: str, label: object, css_class: str | None = None) -> Trusted:
        """An HTML ``<a>`` to a page, for raw HTML blocks (the label is escaped text)."""
        attributes = f' class="{escape_html(css_class)}"' if css_class else ""
        return Trusted(f'<a href="{self.href(target_uri)}"{attributes}>{escape_html(str(label))}</a>')

    def html_units(self, units: tuple[Unit, ...], short: bool = True, empty: str = "Không có") -> Trusted:
        """Unit links as HTML, comma-separated; ``empty`` (escaped) when there is none."""
        if not units:
            return Trusted(escape_html(empty))
        return Trusted(
            ", ".join(self.html_link(self.site.urls.unit(u), u.short_name if short else u.name) for u in units)
        )

    def task_link(self, task: Task, label: object | None = None) -> Trusted:
        return self.link_to(self.site.urls.task(task), label if label is not None else task.number)

    def unit_link(self, unit: Unit, short: bool = False) -> Trusted:
        return self.link_to(self.site.urls.unit(unit), unit.short_name if short else unit.name)

    def units_links(self, units: tuple[Unit, ...], short: bool = False, empty: str = "Không có") -> Trusted:
        if not units:
            return Trusted(escape_markdown(empty))
        return Trusted(", ".join(self.unit_link(unit, short) for unit in units))

    def group_link(self, group: Group, year: int, label: object | None = None) -> Trusted:
        return self.link_to(self.site.urls.group(group, year), label if label is not None else f"Nhóm {group.number}")

    def quarter_link(self, year: int, quarter: int, label: object | None = None) -> Trusted:
        return self.link_to(self.site.urls.quarter(year, quarter), label or wording.quarter_name(quarter, year))

    def reference_link(self, reference: Reference) -> Trusted:
        return self.link_to(self.site.urls.reference(reference), reference.title)

    def render(self, template: str, meta: dict[str, Any], **context: Any) -> str:
        """Front matter (:mod:`tdcplan.front_matter`) followed by the rendered Markdown body."""
        body = self.site.environment.get_template(template).render(
            site=self.site, urls=self.site.urls, page=self, **context
        )
        # The theme prints a page's title as it is (in <title>, the header, the nav, the pager;
        # overrides/partials/footer.html drops Material's one «| e»): escape it here, once, as
        # HTML. The description has one place, the <meta> tag, and overrides/base.html escapes it there.
        meta = {key: escape_html(value) if key == "title" else value for key, value in meta.items()}
        front = front_matter(meta)
        switcher = plan_switcher_html(self.site, self.src_uri)
        return self.site.environment.get_template(PAGE_FRAME).render(
            front_matter=Trusted(front), plan_switcher=Trusted(switcher), body=Trusted(body)
        )
