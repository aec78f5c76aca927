"""The bridge to MkDocs: the only module that imports it. ``hooks/plan_site.py`` calls it.

Like Material's blog plugin, it turns the generator's output into MkDocs objects:
virtual files in ``on_files`` (``File.generated``), the navigation in
``on_config``, the folded search fields in ``on_post_build``. :func:`site_pages`
is the one function that turns a MkDocs configuration into pages and navigation;
``scripts/render_pages.py`` calls it too, so the two entry points cannot differ.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from .data_history import read_history
from .load import load_data
from .navigation import navigation_pages, site_navigation
from .pages import GeneratedAsset, GeneratedPage, SiteContext, generate_pages
from .problems import PlanDataError
from .search_index import fold_search_index
from .settings import PlanSiteSettings, SettingsError, read_settings
from .stylesheets import BUNDLE, bundle, is_bundled
from .urls import Urls

log = logging.getLogger("mkdocs.hooks.plan_site")


@dataclass(frozen=True)
class SitePages:
    """What the hook adds to a build: the settings, the pages and files, the navigation."""

    settings: PlanSiteSettings
    site: SiteContext
    outputs: list[GeneratedPage | GeneratedAsset]
    nav: list
    in_navigation: frozenset[str]  # source paths the navigation names


def site_pages(config: MkDocsConfig) -> SitePages:
    """Validate the settings and ``data/``, then generate every page and the navigation.

    Raises :class:`~mkdocs.exceptions.Abort` (one sentence per problem, no
    traceback) when a setting or the data is wrong: nothing is built then.
    """
    root = Path(config.config_file_path).resolve().parent
    try:
        settings = read_settings(config.extra, root)
        data = load_data(settings.data_dir, root=root)
        if not data.plans:
            raise Abort(f"{settings.data_dir}: no plan to publish")
        primary = settings.primary_year(plan.year for plan in data.plans)
    except SettingsError as error:
        raise Abort("the site settings are not valid; nothing was built:\n" + str(error)) from None
    except PlanDataError as error:
        raise Abort(
            "the plan data is not valid; nothing was built:\n" + "\n".join(str(p) for p in error.problems)
        ) from None
    urls = Urls(data.plans, primary, data.units.values(), data.references.values(), config.site_url or "")
    site = SiteContext(
        data,
        urls,
        repository_url=config.repo_url or "",
        branch=settings.branch,
        history=read_history(settings.data_dir, data),
    )
    outputs = generate_pages(site)
    generated = {output.src_uri for output in outputs}
    nav = site_navigation(site, has_page=lambda uri: uri in generated or (Path(config.docs_dir) / uri).exists())
    return SitePages(settings, site, outputs, nav, frozenset(navigation_pages(nav)))


class PlanSite:
    """The plan site of one build: its generated pages (set in ``on_config``)."""

    def __init__(self) -> None:
        self.pages: SitePages | None = None
        self.stylesheets: list[str] = []  # the extra_css files bundled into stylesheets.BUNDLE

    def configure(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and validate settings and ``data/``; stop the build with the messages if they are wrong."""
        self.pages = site_pages(config)
        data_dir = str(self.pages.settings.data_dir)
        if data_dir not in config.watch:
            config.watch.append(data_dir)  # `mkdocs serve` rebuilds when the data changes
        config.nav = self.pages.nav
        # One stylesheet of the site's own, in place of the files listed (see add_files).
        self.stylesheets = [path for path in config.extra_css if is_bundled(path)]
        if self.stylesheets:
            others = [path for path in config.extra_css if not is_bundled(path)]
            config.extra_css = [BUNDLE, *others]
        return config

    def add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add every generated page as a virtual file; point edit links at the data behind each page."""
        assert self.pages is not None
        root = Path(config.config_file_path).resolve().parent
        docs_prefix = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        for file in files:
            if file.is_documentation_page():
                file.edit_uri = f"{docs_prefix}/{file.src_uri}"
        for output in self.pages.outputs:
            files.append(self._file(output, config))
        if self.stylesheets:
            sources = [files.get_file_from_path(path) for path in self.stylesheets]
            missing = [path for path, file in zip(self.stylesheets, sources, strict=True) if file is None]
            if missing:
                raise Abort(f"extra_css in mkdocs.yml names files that are not in docs/: {', '.join(missing)}")
            files.append(File.generated(config, BUNDLE, content=bundle(file.content_string for file in sources)))
            for file in sources:
                files.remove(file)  # published only inside the bundle
        return files

    def _file(self, output: GeneratedPage | GeneratedAsset, config: MkDocsConfig) -> File:
        if isinstance(output, GeneratedAsset):
            return File.generated(config, output.src_uri, content=output.content)
        # Pages the navigation leaves out are built all the same, without a "not in nav" warning.
        assert self.pages is not None
        listed = output.src_uri in self.pages.in_navigation
        inclusion = InclusionLevel.INCLUDED if listed else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, output.src_uri, content=output.content, inclusion=inclusion)
        file.edit_uri = output.edit_path
        return file

    def fold_search(self, config: MkDocsConfig) -> None:
        """Add diacritic-free copies of titles and texts to Material's search index."""
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.exists():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(
            json.dumps(fold_search_index(index), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
