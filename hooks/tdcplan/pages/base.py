"""What every page kind shares: the generated page record, the template environment, links."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

import jinja2
import yaml

from .. import wording
from ..escaping import Trusted, escape_html, escape_markdown, markdown_link
from ..load import PlanData
from ..model import Group, Plan, Reference, Task, Unit
from ..urls import SiteLayout, page_url, relative_link


@dataclass
class GeneratedPage:
    """A page the generator writes: its source path, Markdown with front matter, and provenance."""

    src_uri: str
    content: str
    edit_path: str | None = None  # repository path of the data file the page comes from


@dataclass
class GeneratedAsset:
    """A file published as it is (JSON, CSV, iCalendar, a feed…), at ``src_uri`` in the built site."""

    src_uri: str
    content: str | bytes


@dataclass
class SiteContext:
    """Everything page builders need: the data, the URL layout, the site settings."""

    data: PlanData
    layout: SiteLayout
    repository_url: str = ""  # e.g. https://github.com/owner/repo/ (empty: no links to the repository)
    branch: str = "main"
    site_url: str = ""  # the public address (mkdocs.yml site_url), for absolute links in feeds and calendars
    environment: jinja2.Environment = field(init=False)

    def __post_init__(self) -> None:
        self.environment = jinja2.Environment(
            loader=jinja2.PackageLoader("tdcplan", "templates"),
            finalize=escape_markdown,  # every printed value is escaped unless it is Trusted
            autoescape=False,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters["html"] = lambda value: Trusted(escape_html(str(value)))
        # A macro's output is Markdown the macro already escaped value by value: print it as is.
        self.environment.filters["rendered"] = Trusted
        self.environment.globals.update(
            format_date=wording.format_date,
            quarter_name=wording.quarter_name,
            schedule_meaning=wording.schedule_meaning,
            shorten=wording.shorten,
        )

    @property
    def plans(self) -> tuple[Plan, ...]:
        return self.data.plans

    def absolute_url(self, src_uri: str) -> str:
        """The public address of a page or file (its site-root path when no ``site_url`` is set)."""
        path = page_url(src_uri) if src_uri.endswith(".md") else src_uri
        base = self.site_url.rstrip("/") + "/" if self.site_url else "/"
        return base + path

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
        return markdown_link(label, relative_link(self.src_uri, target_uri))

    def url_of(self, target_uri: str) -> Trusted:
        """A relative link target for a Markdown link (MkDocs checks it and rewrites it to the page URL)."""
        return Trusted(relative_link(self.src_uri, target_uri))

    def href(self, target_uri: str) -> Trusted:
        """A relative URL for raw HTML, which MkDocs does not rewrite: from this page's URL to the target's."""
        here, there = page_url(self.src_uri), page_url(target_uri)
        link = posixpath.relpath(there or ".", here.rstrip("/") or ".")
        return Trusted(escape_html(link if link == "." else link + "/"))

    def html_link(self, target_uri: str, label: object, css_class: str | None = None) -> Trusted:
        """An HTML ``<a>`` to a page, for raw HTML blocks (the label is escaped text)."""
        attributes = f' class="{escape_html(css_class)}"' if css_class else ""
        return Trusted(f'<a href="{self.href(target_uri)}"{attributes}>{escape_html(str(label))}</a>')

    def html_units(self, units: tuple[Unit, ...], short: bool = True, empty: str = "Không có") -> Trusted:
        """Unit links as HTML, comma-separated; ``empty`` (escaped) when there is none."""
        if not units:
            return Trusted(escape_html(empty))
        layout = self.site.layout
        return Trusted(", ".join(self.html_link(layout.unit(u), u.short_name if short else u.name) for u in units))

    def task_link(self, task: Task, label: object | None = None) -> Trusted:
        return self.link_to(self.site.layout.task(task), label if label is not None else task.number)

    def unit_link(self, unit: Unit, short: bool = False) -> Trusted:
        return self.link_to(self.site.layout.unit(unit), unit.short_name if short else unit.name)

    def units_links(self, units: tuple[Unit, ...], short: bool = False, empty: str = "Không có") -> Trusted:
        if not units:
            return Trusted(escape_markdown(empty))
        return Trusted(", ".join(self.unit_link(unit, short) for unit in units))

    def group_link(self, group: Group, year: int, label: object | None = None) -> Trusted:
        return self.link_to(self.site.layout.group(group, year), label if label is not None else f"Nhóm {group.number}")

    def quarter_link(self, year: int, quarter: int, label: object | None = None) -> Trusted:
        return self.link_to(self.site.layout.quarter(year, quarter), label or wording.quarter_name(quarter, year))

    def reference_link(self, reference: Reference) -> Trusted:
        return self.link_to(self.site.layout.reference(reference), reference.title)

    def render(self, template: str, meta: dict[str, Any], **context: Any) -> str:
        """Front matter (YAML, safely dumped) followed by the rendered Markdown body."""
        body = self.site.environment.get_template(template).render(
            site=self.site, layout=self.site.layout, page=self, **context
        )
        # MkDocs themes print the title and description unescaped (in <title>, the nav, an
        # attribute): escape them here, once, as HTML.
        meta = {key: escape_html(value) if key in ("title", "description") else value for key, value in meta.items()}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
        return f"---\n{front}---\n\n{body}"
