"""The site's URL scheme: where each page of the plan lives (stable, lower-case, no diacritics).

Pages are addressed by their source path (``nhiem-vu/2-dd.md``); MkDocs turns it
into the URL ``/nhiem-vu/2-dd/``. The primary plan's pages sit at the root; any
other plan's plan-scoped pages sit under ``/<year>/``, so adding a 2027 plan never
moves a 2026 URL. Units and documents are shared by every plan.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .model import Group, Plan, Reference, Task, Unit

HOME = "index.md"
TASKS_INDEX = "nhiem-vu/index.md"
GROUPS_INDEX = "nhom/index.md"
UNITS_INDEX = "don-vi/index.md"
QUARTERS_INDEX = "quy/index.md"
REFERENCES_INDEX = "van-ban/index.md"
EXPLORER = "tra-cuu/index.md"
OPEN_DATA = "du-lieu/index.md"
PRINT_TABLE = "ban-in/index.md"
ABOUT = "gioi-thieu.md"
SEARCH = "tim-kiem/index.md"  # the site search: one page for every plan
# Sections whose pages belong to no single plan (units and documents serve every year).
SHARED_SECTIONS = ("don-vi", "van-ban")


@dataclass(frozen=True)
class SiteLayout:
    """Source paths of every generated page, given which plan is the primary one."""

    primary_year: int

    def prefix(self, year: int) -> str:
        return "" if year == self.primary_year else f"{year}/"

    def plan_of(self, src_uri: str) -> int | None:
        """The year of the plan a page belongs to, or ``None`` for pages shared by every plan."""
        head = src_uri.split("/", 1)[0]
        if head.isdigit() and "/" in src_uri:
            return int(head)
        if head == "quy" and src_uri[4:8].isdigit():
            return int(src_uri[4:8])  # quy/<year>-q<n>.md
        if head in SHARED_SECTIONS or src_uri == ABOUT:
            return None
        return self.primary_year

    def plan_home(self, plan: Plan) -> str:
        return self.prefix(plan.year) + "index.md"

    def task(self, task: Task) -> str:
        return f"{self.prefix(task.year)}nhiem-vu/{task.slug}.md"

    def tasks_index(self, plan: Plan) -> str:
        return self.prefix(plan.year) + TASKS_INDEX

    def group(self, group: Group, year: int) -> str:
        return f"{self.prefix(year)}nhom/{group.number}.md"

    def groups_index(self, plan: Plan) -> str:
        return self.prefix(plan.year) + GROUPS_INDEX

    def quarter(self, year: int, quarter: int) -> str:
        return f"quy/{year}-q{quarter}.md"

    def quarters_index(self, plan: Plan) -> str:
        return self.prefix(plan.year) + QUARTERS_INDEX

    def unit(self, unit: Unit) -> str:
        return f"don-vi/{unit.id}.md"

    def reference(self, reference: Reference) -> str:
        return f"van-ban/{reference.id}.md"

    def explorer(self, plan: Plan) -> str:
        return self.prefix(plan.year) + EXPLORER

    def open_data(self, plan: Plan) -> str:
        return self.prefix(plan.year) + OPEN_DATA

    def print_table(self, plan: Plan) -> str:
        return self.prefix(plan.year) + PRINT_TABLE


def relative_link(from_uri: str, to_uri: str) -> str:
    """The relative Markdown link from one source path to another (MkDocs validates and rewrites it)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def page_url(src_uri: str) -> str:
    """The site-relative URL MkDocs gives a source path (directory URLs): ``nhiem-vu/1-a.md`` -> ``nhiem-vu/1-a/``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index").removesuffix("index") + "/"
