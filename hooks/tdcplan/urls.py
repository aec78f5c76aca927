"""The site's URL scheme, owned by one object: :class:`Urls` (compare Datasette's ``Urls``).

Every generated page has a *source path* (``nhiem-vu/2-dd.md``), which MkDocs turns
into the *URL* ``nhiem-vu/2-dd/`` (directory URLs). The primary plan's pages sit at
the root; any other plan's pages sit under ``<year>/``, so adding a 2027 plan never
moves a 2026 URL. Quarter pages carry the year in their name instead
(``quy/2026-q1.md``), and units and documents are shared by every plan.

:class:`Urls` knows every page when it is made (:attr:`Urls.pages`, a table of
:class:`PageAddress`: source path, URL, plan) and answers every question about
addresses from it: source paths (``urls.task(task)``), relative links for Markdown
(:meth:`Urls.link`, which MkDocs checks and rewrites) and for raw HTML
(:meth:`Urls.href`, which it does not), site-root paths (:meth:`Urls.path`) and
absolute addresses (:meth:`Urls.absolute`). Other modules ask it; none builds a path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .model import Group, Plan, Reference, Task, Unit
from .paging import page_count

HOME = "index.md"
TASKS_INDEX = "nhiem-vu/index.md"
GROUPS_INDEX = "nhom/index.md"
UNITS_INDEX = "don-vi/index.md"
QUARTERS_INDEX = "quy/index.md"
REFERENCES_INDEX = "van-ban/index.md"
EXPLORER = "tra-cuu/index.md"
SEARCH = "tim-kiem/index.md"  # the site search: one page for every plan
OPEN_DATA = "du-lieu/index.md"
PRINT_TABLE = "ban-in/index.md"
ABOUT = "gioi-thieu.md"
HISTORY = "lich-su-cap-nhat/index.md"  # the data's published changes, every plan at once
EXPLORER_DATA = "nhiem-vu.json"  # published next to the explorer page
LISTING_PAGE = "trang-{number}.md"  # page 2, 3… of a long listing, under the first page's URL
QR_CODES = "ma-qr"  # QR codes of pages' public addresses: ma-qr/<page path>.svg
PREVIEW_IMAGES = "anh"  # link-preview images: <plan prefix>anh/chia-se.png, anh/nhiem-vu/<slug>.png


@dataclass(frozen=True)
class PageAddress:
    """A generated page: its source path, its URL relative to the site root, and its plan (``None``: shared)."""

    src_uri: str
    url: str  # e.g. "nhiem-vu/2-dd/" ("" for the home page)
    year: int | None


def url_of_source(src_uri: str) -> str:
    """The URL MkDocs gives a source path (directory URLs); other files keep their path.

    ``nhiem-vu/1-a.md`` -> ``nhiem-vu/1-a/``, ``nhom/index.md`` -> ``nhom/``, ``index.md`` -> ``""``.
    """
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index").removesuffix("index") + "/"


def relative_path(target: str, start: str) -> str:
    """The path from folder ``start`` to ``target``, both from the site root (``""`` is the root).

    What ``posixpath.relpath`` answers, by comparing the paths' parts: ``relpath`` makes
    both paths absolute first, which asks the system for the working folder at every
    call (about 1,300 calls in a build of the real plan).
    """
    if ".." in target or ".." in start:  # never in the site's own paths; relpath knows the rules
        return posixpath.relpath(target or ".", start or ".")
    target_parts = [part for part in target.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    common = 0
    for target_part, start_part in zip(target_parts, start_parts, strict=False):
        if target_part != start_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."


@cache
def _source_link(from_dir: str, to_uri: str) -> str:
    return relative_path(to_uri, from_dir)


@cache
def _url_link(from_url: str, to_url: str) -> str:
    link = relative_path(to_url, from_url)
    is_file = bool(to_url) and not to_url.endswith("/")  # a data file keeps its name: no trailing slash
    return link if link == "." or is_file else link + "/"


class Urls:
    """Every address of the site, given the plans, the registries, the primary year and ``site_url``."""

    def __init__(
        self,
        plans: Iterable[Plan],
        primary_year: int,
        units: Iterable[Unit] = (),
        references: Iterable[Reference] = (),
        site_url: str = "",
    ) -> None:
        self.primary_year = primary_year
        self.site_url = site_url  # the public address (mkdocs.yml site_url); may be empty
        self.pages: dict[str, PageAddress] = {}
        for plan in plans:
            for src_uri in self._plan_pages(plan):
                self._add(src_uri, plan.year)
            self.explorer_pages(plan)  # its next pages (other listings add theirs as they are written)
        for src_uri in (UNITS_INDEX, REFERENCES_INDEX, HISTORY, SEARCH):
            self._add(src_uri, None)
        for unit in units:
            self._add(self.unit(unit), None)
        for reference in references:
            self._add(self.reference(reference), None)

    def _add(self, src_uri: str, year: int | None) -> None:
        self.pages[src_uri] = PageAddress(src_uri, url_of_source(src_uri), year)

    def _plan_pages(self, plan: Plan) -> Iterable[str]:
        yield self.plan_home(plan)
        yield from (self.task(task) for task in plan.tasks)
        yield from (self.group(group, plan.year) for group in plan.groups)
        yield from (self.quarter(plan.year, quarter) for quarter in range(1, 5))
        yield from (self.due_in_quarter(plan.year, quarter) for quarter in range(1, 5))
        for section in (self.tasks_index, self.groups_index, self.quarters_index):
            yield section(plan)
        for section in (self.open_data, self.print_table):
            yield section(plan)
        yield self.explorer(plan)

    # --- source paths of pages and files -----------------------------------------------------

    def prefix(self, year: int) -> str:
        """Where a plan's pages live: ``""`` for the primary plan, ``"2027/"`` for another."""
        return "" if year == self.primary_year else f"{year}/"

    def plan_home(self, plan: Plan) -> str:
        return self.prefix(plan.year) + HOME

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

    def due_in_quarter(self, year: int, quarter: int) -> str:
        """The tasks whose period ends in a quarter: ``quy/<year>-q<n>/den-han/`` (the home page's list, whole)."""
        return f"quy/{year}-q{quarter}/den-han.md"

    def quarters_index(self, plan: Plan) -> str:
        return self.prefix(plan.year) + QUARTERS_INDEX

    def unit(self, unit: Unit) -> str:
        return f"don-vi/{unit.id}.md"

    def reference(self, reference: Reference) -> str:
        return f"van-ban/{reference.id}.md"

    def explorer(self, plan: Plan) -> str:
        return self.prefix(plan.year) + EXPLORER

    def explorer_pages(self, plan: Plan) -> list[str]:
        """The explorer's pages: ``tra-cuu/`` with the first tasks, then ``tra-cuu/trang-2/``…"""
        return self.listing_pages(self.explorer(plan), page_count(len(plan.tasks)))

    def listing_pages(self, first: str, count: int) -> list[str]:
        """The ``count`` pages of a listing (:mod:`tdcplan.paging`): ``first``, at its URL, then its next pages.

        ``quy/2026-q2.md`` (``/quy/2026-q2/``) -> ``quy/2026-q2/trang-2.md`` (``/quy/2026-q2/trang-2/``)…,
        ``nhiem-vu/index.md`` -> ``nhiem-vu/trang-2.md``. The next pages are added to :attr:`pages`
        with the first page's plan.
        """
        if first not in self.pages:
            raise KeyError(f"{first} is not a page of the site")
        year = self.pages[first].year
        folder = url_of_source(first)
        sources = [first, *(folder + LISTING_PAGE.format(number=number) for number in range(2, count + 1))]
        for src_uri in sources[1:]:
            self._add(src_uri, year)
        return sources

    def explorer_data(self, plan: Plan) -> str:
        """The explorer's JSON, next to its page (``tra-cuu/nhiem-vu.json``)."""
        return posixpath.join(posixpath.dirname(self.explorer(plan)), EXPLORER_DATA)

    def open_data(self, plan: Plan) -> str:
        return self.prefix(plan.year) + OPEN_DATA

    def data_file(self, plan: Plan, name: str) -> str:
        """A file published in the plan's open-data folder: ``du-lieu/<name>``."""
        return posixpath.join(posixpath.dirname(self.open_data(plan)), name)

    def unit_calendar(self, plan: Plan, unit: Unit) -> str:
        """The calendar of a unit's due dates in ``plan``: ``du-lieu/don-vi/<id>.ics``."""
        return self.data_file(plan, f"don-vi/{unit.id}.ics")

    def quarter_calendar(self, plan: Plan, quarter: int) -> str:
        """The calendar of a quarter's due dates: ``du-lieu/quy/<year>-q<n>.ics``."""
        return self.data_file(plan, f"quy/{plan.year}-q{quarter}.ics")

    def print_table(self, plan: Plan) -> str:
        return self.prefix(plan.year) + PRINT_TABLE

    def history(self) -> str:
        """«Lịch sử cập nhật», shared by every plan."""
        return HISTORY

    def source_document(self, plan: Plan) -> str:
        """The published copy of the document the plan was imported from, in its open-data folder.

        It is published as ``.txt`` whatever its extension (a ``.md`` file would become a page)."""
        return self.data_file(plan, posixpath.splitext(plan.source_document)[0] + ".txt")

    def qr_code(self, src_uri: str) -> str:
        """The QR code of a page's public address: ``nhiem-vu/2-dd.md`` -> ``ma-qr/nhiem-vu/2-dd.svg``."""
        return f"{QR_CODES}/{src_uri.removesuffix('.md').removesuffix('/index')}.svg"

    def plan_preview_image(self, plan: Plan) -> str:
        """The link-preview image of a plan's pages other than task pages."""
        return f"{self.prefix(plan.year)}{PREVIEW_IMAGES}/chia-se.png"

    def task_preview_image(self, task: Task) -> str:
        """The link-preview image of a task page."""
        return f"{self.prefix(task.year)}{PREVIEW_IMAGES}/nhiem-vu/{task.slug}.png"

    def search(self) -> str:
        """The site search (``/tim-kiem/``), shared by every plan."""
        return SEARCH

    def search_groups(self) -> str:
        """The search page's list of groups, when it is too long to sit in the page (a JSON file)."""
        return posixpath.join(posixpath.dirname(SEARCH), "nhom.json")

    # --- what a source path is ---------------------------------------------------------------

    def plan_of(self, src_uri: str) -> int | None:
        """The year of the plan a generated page belongs to, ``None`` for pages every plan shares."""
        page = self.pages.get(src_uri)
        return page.year if page else None

    def url(self, src_uri: str) -> str:
        """The URL relative to the site root (``nhiem-vu/2-dd/``); a file keeps its path."""
        page = self.pages.get(src_uri)
        return page.url if page else url_of_source(src_uri)

    def path(self, src_uri: str) -> str:
        """The path from the site root: ``/nhiem-vu/2-dd/``."""
        return "/" + self.url(src_uri)

    def absolute(self, src_uri: str) -> str:
        """The public address (the site-root path when no ``site_url`` is configured)."""
        if not self.site_url:
            return self.path(src_uri)
        return self.site_url.rstrip("/") + self.path(src_uri)

    # --- links from one page to another -----------------------------------------------------

    def link(self, from_uri: str, to_uri: str) -> str:
        """The relative link between source paths, for Markdown (MkDocs validates and rewrites it)."""
        return _source_link(posixpath.dirname(from_uri), to_uri)

    def href(self, from_uri: str, to_uri: str) -> str:
        """The relative URL for raw HTML (MkDocs leaves it as is): from the page's URL to the target's."""
        return _url_link(self.url(from_uri), self.url(to_uri))

    def file_href(self, from_uri: str, file_uri: str) -> str:
        """The relative URL for raw HTML from a page's URL to a published file (an image, a download)."""
        return relative_path(file_uri, self.url(from_uri))
