"""The bridge to MkDocs: the only module that imports it. ``hooks/plan_site.py`` calls it.

Like Material's blog plugin, it turns the generator's output into MkDocs objects:
virtual files in ``on_files`` (``File.generated``), the navigation in
``on_config``, each page's search markup in ``on_page_content`` and the search
index (Pagefind) in ``on_post_build``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .load import PlanData, load_data
from .navigation import navigation_pages, site_navigation
from .pages import GeneratedAsset, GeneratedPage, SiteContext, generate_pages
from .problems import PlanDataError
from .search_index import SearchIndexError, build_index, prepare_content
from .urls import SiteLayout

log = logging.getLogger("mkdocs.hooks.plan_site")


class PlanSite:
    """The plan site of one build: its data, layout and generated pages."""

    def __init__(self) -> None:
        self.data: PlanData | None = None
        self.site: SiteContext | None = None
        self.outputs: list[GeneratedPage | GeneratedAsset] = []
        self.in_navigation: set[str] = set()

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate ``data/``; stop the build with the validator's messages if it is wrong."""
        root = Path(config.config_file_path).resolve().parent
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
        self.site = SiteContext(
            self.data,
            SiteLayout(primary),
            repository_url=config.repo_url or "",
            branch=config.extra.get("branch", "main"),
            site_url=config.site_url or "",
        )
        if str(data_dir) not in config.watch:
            config.watch.append(str(data_dir))  # `mkdocs serve` rebuilds when the data changes
        self.outputs = generate_pages(self.site)
        generated = {output.src_uri for output in self.outputs}
        config.nav = site_navigation(
            self.site, has_page=lambda uri: uri in generated or (Path(config.docs_dir) / uri).exists()
        )
        self.in_navigation = navigation_pages(config.nav)
        return config

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

    def prepare_search(self, html: str, page: Page) -> str:
        """Mark what search leaves out of a page it indexes; keep the folded đ-words for the template."""
        if not page.meta.get("pagefind"):
            return html
        html, folded = prepare_content(html)
        page.meta["pagefind_folded"] = folded  # printed, hidden, by overrides/main.html
        return html

    def build_search_index(self, config: MkDocsConfig) -> None:
        """Index the built site with Pagefind (``/pagefind/``); a failure stops the build."""
        try:
            build_index(Path(config.site_dir))
        except SearchIndexError as error:
            raise Abort(str(error)) from None
