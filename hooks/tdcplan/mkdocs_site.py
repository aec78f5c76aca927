"""The bridge to MkDocs: the only module that imports it. ``hooks/plan_site.py`` calls it.

Like Material's blog plugin, it turns the generator's output into MkDocs objects:
virtual files in ``on_files`` (``File.generated``), the navigation in
``on_config``, the folded search fields in ``on_post_build``.
"""

from __future__ import annotations

import html
import json
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .git_history import GitHistory
from .identifiers import Identifiers
from .load import PlanData, load_data, source_documents
from .navigation import navigation_pages, site_navigation
from .page_dates import PageDates, generated_page_sources, latest_data_date
from .pages import GeneratedAsset, GeneratedPage, SiteContext, generate_pages
from .pages.link_previews import LinkPreviews, link_previews
from .previews import HEIGHT, WIDTH, FontMissing, render_png
from .problems import PlanDataError
from .publishing import local_build_notice, publishing_problem
from .search_index import fold_search_index
from .urls import SiteLayout

log = logging.getLogger("mkdocs.hooks.plan_site")


class PlanSite:
    """The plan site of one build: its data, layout and generated pages."""

    def __init__(self) -> None:
        self.data: PlanData | None = None
        self.site: SiteContext | None = None
        self.outputs: list[GeneratedPage | GeneratedAsset] = []
        self.in_navigation: set[str] = set()
        self.page_dates: PageDates | None = None
        self.page_sources: dict[str, tuple[str, ...]] = {}
        self.docs_prefix = "docs"
        self.previews: LinkPreviews | None = None

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate ``data/``; stop the build with the validator's messages if it is wrong."""
        root = Path(config.config_file_path).resolve().parent
        site_url = config.site_url or ""
        refusal = publishing_problem(site_url, os.environ)
        if refusal:
            raise Abort(refusal)  # on_config runs before MkDocs cleans or writes site_dir
        notice = local_build_notice(site_url)
        if notice:
            log.info(notice)
        try:
            ids = Identifiers(str(config.extra.get("publisher_id", "")))
        except ValueError as error:
            raise Abort(f"{config.config_file_path}: extra.{error}; nothing was built") from None
        data_dir = root / config.extra.get("data_dir", "data")
        try:
            self.data = load_data(data_dir, root=root)
        except PlanDataError as error:
            raise Abort(
                "the plan data is not valid; nothing was built:\n" + "\n".join(str(p) for p in error.problems)
            ) from None
        if not self.data.plans:
            raise Abort(f"{data_dir}: no plan to publish")
        primary = int(config.extra.get("primary_plan", self.data.plans[0].year))
        try:
            documents = source_documents(self.data, root)
        except PlanDataError as error:
            raise Abort("\n".join(str(p) for p in error.problems) + "\nnothing was built") from None
        self.site = SiteContext(
            self.data,
            SiteLayout(primary),
            ids,
            repository_url=config.repo_url or "",
            branch=config.extra.get("branch", "main"),
            site_url=site_url,
            source_documents=documents,
        )
        if str(data_dir) not in config.watch:
            config.watch.append(str(data_dir))  # `mkdocs serve` rebuilds when the data changes
        self.outputs = generate_pages(self.site)
        self.previews = link_previews(self.site)
        try:
            self.outputs += [GeneratedAsset(image.src_uri, render_png(image)) for image in self.previews.images()]
        except FontMissing as error:
            raise Abort(f"{error}; nothing was built") from None
        generated = {output.src_uri for output in self.outputs}
        config.nav = site_navigation(
            self.site, has_page=lambda uri: uri in generated or (Path(config.docs_dir) / uri).exists()
        )
        self.in_navigation = navigation_pages(config.nav)
        self._read_page_dates(root, data_dir, config)
        return config

    def _read_page_dates(self, root: Path, data_dir: Path, config: MkDocsConfig) -> None:
        assert self.data is not None and self.site is not None
        data_prefix = Path(os.path.relpath(data_dir, root)).as_posix()
        self.docs_prefix = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        history = GitHistory.read(root, [data_prefix, self.docs_prefix])
        self.page_dates = PageDates(history, latest_data_date(self.data))
        log.info(self.page_dates.describe())
        self.page_sources = {
            output.src_uri: generated_page_sources(output.src_uri, self.data, self.site.layout, data_prefix)
            for output in self.outputs
            if isinstance(output, GeneratedPage)
        }

    def date_page(self, page: Page) -> None:
        """Set the page's sitemap date (MkDocs' ``update_date``) from its data or source file, not the clock."""
        assert self.page_dates is not None
        uri = page.file.src_uri
        sources = self.page_sources.get(uri) or (f"{self.docs_prefix}/{uri}",)
        page.update_date = self.page_dates.date_of(sources).isoformat()

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add every generated page as a virtual file; point edit links at the data behind each page."""
        assert self.site is not None
        root = Path(config.config_file_path).resolve().parent
        docs_prefix = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        for file in files:
            if file.is_documentation_page():
                file.edit_uri = f"{docs_prefix}/{file.src_uri}"
        for output in self.outputs:
            files.append(self._file(output, config))
        return files

    def _file(self, output: GeneratedPage | GeneratedAsset, config: MkDocsConfig) -> File:
        if isinstance(output, GeneratedAsset):
            return File.generated(config, output.src_uri, content=output.content)
        # Pages the navigation leaves out are built all the same, without a "not in nav" warning.
        inclusion = InclusionLevel.INCLUDED if output.src_uri in self.in_navigation else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, output.src_uri, content=output.content, inclusion=inclusion)
        file.edit_uri = output.edit_path
        return file

    def describe_page(self, page: Page, config: MkDocsConfig) -> None:
        """Put the page's link-preview facts (plain text, absolute URLs) in ``page.meta.preview`` for main.html."""
        assert self.site is not None and self.previews is not None
        uri = page.file.src_uri
        image = self.previews.of_page(uri, self.site.layout.plan_of(uri))
        # Generated pages carry HTML-escaped titles and descriptions (see PageWriter.render): back to text.
        page.meta["preview"] = {
            "title": html.unescape(str(page.meta.get("title") or page.title or config.site_name)),
            "description": html.unescape(str(page.meta.get("description") or config.site_description or "")),
            "url": page.canonical_url or self.site.absolute_url(uri),
            "image": self.site.absolute_url(image.src_uri),
            "alt": image.alt,
            "width": WIDTH,
            "height": HEIGHT,
        }

    def fold_search(self, config: MkDocsConfig) -> None:
        """Add diacritic-free copies of titles and texts to Material's search index."""
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.exists():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(
            json.dumps(fold_search_index(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
