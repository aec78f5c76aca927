"""Where exported records point to: site-root paths and absolute addresses of pages and files."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model import Plan, Task
from ..urls import SiteLayout, page_url


@dataclass(frozen=True)
class Addresses:
    """The site's URL layout and its public address (``site_url`` of mkdocs.yml, may be empty)."""

    layout: SiteLayout
    site_url: str = ""

    def path(self, src_uri: str) -> str:
        """The path from the site root: ``nhiem-vu/2-dd.md`` -> ``/nhiem-vu/2-dd/``; files keep their name."""
        return "/" + (page_url(src_uri) if src_uri.endswith(".md") else src_uri)

    def absolute(self, src_uri: str) -> str:
        """The absolute address (the site-root path when no ``site_url`` is configured)."""
        if not self.site_url:
            return self.path(src_uri)
        return self.site_url.rstrip("/") + self.path(src_uri)

    def task_path(self, task: Task) -> str:
        return self.path(self.layout.task(task))

    def task_url(self, task: Task) -> str:
        return self.absolute(self.layout.task(task))

    def data_file(self, plan: Plan, name: str) -> str:
        """The source path of a file published in the plan's open-data folder (``du-lieu/<name>``)."""
        return posixpath.join(posixpath.dirname(self.layout.open_data(plan)), name)
