"""The bridge to MkDocs: the only module that imports it. ``hooks/plan_site.py`` calls it.

Like Material's blog plugin, it turns the generator's output into MkDocs objects:
virtual files in ``on_files`` (``File.generated``), the navigation in
``on_config``, each page's search markup in ``on_page_content``, and the search
index (Pagefind), fed each page in ``on_post_page`` and written in ``on_post_build``.
:func:`site_pages` is the one function that turns a MkDocs configuration into pages
and navigation; ``scripts/render_pages.py`` calls it too, so the two entry points
cannot differ.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .build_cache import BuildCache
from .data_history import read_history
from .git_history import GitHistory
from .load import load_data, source_documents
from .navigation import navigation_pages, site_navigation
from .page_dates import PageDates, generated_page_sources, latest_data_date
from .pages import GeneratedAsset, GeneratedPage, SiteContext, generate_pages
from .pages.link_previews import LinkPreviews, link_previews
from .previews import HEIGHT, WIDTH, FontMissing, preview_file
from .problems import PlanDataError, more_problems, shown_problems
from .publishing import local_build_notice, publishing_problem
from .search_index import OUTPUT_SUBDIR, SearchIndexer, SearchIndexError, index_site, prepare_content
from .settings import PlanSiteSettings, SettingsError, read_settings
from .stylesheets import BUNDLE, bundle, is_bundled
from .urls import Urls

log = logging.getLogger("mkdocs.hooks.plan_site")
CACHE_DIR = ".cache/tdcplan"  # beside mkdocs.yml, ignored by git (see build_cache)
CACHED_KINDS = ("previews", "qr-codes", "spreadsheets", "calendars")


@dataclass(frozen=True)
class SitePages:
    """What the hook adds to a build: the settings, the pages and files, the navigation."""

    settings: PlanSiteSettings
    site: SiteContext
    outputs: list[GeneratedPage | GeneratedAsset]
    nav: list
    in_navigation: frozenset[str]  # source paths the navigation names
    previews: LinkPreviews  # which link-preview image each page shares (the images are among outputs)


def site_pages(config: MkDocsConfig) -> SitePages:
    """Validate the settings and ``data/``, then generate every page and the navigation.

    Raises :class:`~mkdocs.exceptions.Abort` (one sentence per problem, no
    traceback) when a setting or the data is wrong: nothing is built then.
    """
    root = Path(config.config_file_path).resolve().parent
    site_url = config.site_url or ""
    refusal = publishing_problem(site_url, os.environ)
    if refusal:
        raise Abort(refusal)  # on_config runs before MkDocs cleans or writes site_dir
    notice = local_build_notice(site_url)
    if notice:
        log.info(notice)
    try:
        settings = read_settings(config.extra, root)
        data = load_data(settings.data_dir, root=root)
        if not data.plans:
            raise Abort(f"{settings.data_dir}: no plan to publish")
        primary = settings.primary_year(plan.year for plan in data.plans)
        documents = source_documents(data, root)
    except SettingsError as error:
        raise Abort("the site settings are not valid; nothing was built:\n" + str(error)) from None
    except PlanDataError as error:
        lines = [str(p) for p in shown_problems(error.problems)] + [more_problems(error.problems) or ""]
        raise Abort("the plan data is not valid; nothing was built:\n" + "\n".join(lines).rstrip()) from None
    cache = BuildCache(root / CACHE_DIR)
    urls = Urls(data.plans, primary, data.units.values(), data.references.values(), site_url)
    site = SiteContext(
        data,
        urls,
        settings.ids,
        repository_url=config.repo_url or "",
        branch=settings.branch,
        source_documents=documents,
        history=read_history(settings.data_dir, data),
        cache=cache,
    )
    outputs = generate_pages(site)
    previews = link_previews(site)
    try:
        outputs += [GeneratedAsset(image.src_uri, preview_file(cache, image)) for image in previews.images()]
    except FontMissing as error:
        raise Abort(f"{error}; nothing was built") from None
    cache.prune(CACHED_KINDS)
    log.info(f"drawings and spreadsheets: {len(cache.used) - cache.made} from {CACHE_DIR}, {cache.made} made")
    generated = {output.src_uri for output in outputs}
    nav = site_navigation(site, has_page=lambda uri: uri in generated or (Path(config.docs_dir) / uri).exists())
    return SitePages(settings, site, outputs, nav, frozenset(navigation_pages(nav)), previews)


class PlanSite:
    """The plan site of one build: its generated pages (set in ``on_config``)."""

    def __init__(self) -> None:
        self.pages: SitePages | None = None
        self.stylesheets: list[str] = []  # the extra_css files bundled into stylesheets.BUNDLE
        self.page_dates: PageDates | None = None
        self.page_sources: dict[str, tuple[str, ...]] = {}
        self.task_dates: dict[str, dt.date] = {}  # task pages: their record's last change (data_history)
        self.docs_prefix = "docs"
        self.search_indexer: SearchIndexer | None = None  # fed each indexed page as it is written
        self.pages_to_index: int | None = None  # counted once every page's front matter is read
        self.dirty_build = False  # `mkdocs build --dirty` / `serve --dirty`: only changed pages are built
        self.pages_indexed = 0

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
        self._read_page_dates(config)
        return config

    def _read_page_dates(self, config: MkDocsConfig) -> None:
        assert self.pages is not None
        root = Path(config.config_file_path).resolve().parent
        site = self.pages.site
        data_prefix = Path(os.path.relpath(self.pages.settings.data_dir, root)).as_posix()
        self.docs_prefix = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        history = GitHistory.read(root, [data_prefix, self.docs_prefix])
        self.page_dates = PageDates(history, latest_data_date(site.data))
        log.info(self.page_dates.describe())
        self.page_sources = {
            output.src_uri: generated_page_sources(output.src_uri, site.data, site.urls, data_prefix)
            for output in self.pages.outputs
            if isinstance(output, GeneratedPage)
        }
        if site.history is not None:
            self.task_dates = {
                site.urls.task(task): update.day
                for plan in site.plans
                for task in plan.tasks
                if (update := site.history.task_update(task, plan))
            }

    def date_page(self, page: Page) -> None:
        """Set the page's sitemap date (MkDocs' ``update_date``) from its data or source file, not the clock."""
        assert self.page_dates is not None
        uri = page.file.src_uri
        if uri in self.task_dates:
            page.update_date = self.task_dates[uri].isoformat()
            return
        sources = self.page_sources.get(uri) or (f"{self.docs_prefix}/{uri}",)
        page.update_date = self.page_dates.date_of(sources).isoformat()

    def describe_page(self, page: Page, config: MkDocsConfig) -> None:
        """Put the page's link-preview facts (plain text, absolute URLs) in ``page.meta.preview`` for main.html."""
        assert self.pages is not None
        urls = self.pages.site.urls
        uri = page.file.src_uri
        image = self.pages.previews.of_page(uri, urls.plan_of(uri))
        # Generated pages carry HTML-escaped titles and descriptions (see PageWriter.render): back to text.
        page.meta["preview"] = {
            "title": html.unescape(str(page.meta.get("title") or page.title or config.site_name)),
            "description": html.unescape(str(page.meta.get("description") or config.site_description or "")),
            "url": page.canonical_url or urls.absolute(uri),
            "image": urls.absolute(image.src_uri),
            "alt": image.alt,
            "width": WIDTH,
            "height": HEIGHT,
        }

    def confirm_front_matter(self, page: Page) -> None:
        """Stop the build if MkDocs could not read a generated page's front matter (it would go on without it)."""
        if page.file.src_uri in self.page_sources and "title" not in page.meta:
            raise Abort(f"{page.file.src_uri}: MkDocs could not read the front matter the hook wrote (a bug)")

    def release_source(self, page: Page) -> None:
        """Drop a generated page's Markdown from its file once MkDocs has read it into ``page.markdown``.

        Otherwise every generated page's source is held twice until the build ends (about 60 MB
        of text at ×100); MkDocs reads a page's source once per build.
        """
        if page.file.src_uri in self.page_sources:
            page.file.content_string = ""

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
        # The files hold the outputs now; drop this list so that release_source can free each
        # page's Markdown once MkDocs has read it.
        self.pages = dataclasses.replace(self.pages, outputs=[])
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
            if isinstance(output.content, Path):  # a build-cache file: MkDocs copies it from there
                return File.generated(config, output.src_uri, abs_src_path=str(output.content))
            return File.generated(config, output.src_uri, content=output.content)
        # Pages the navigation leaves out are built all the same, without a "not in nav" warning.
        assert self.pages is not None
        listed = output.src_uri in self.pages.in_navigation
        inclusion = InclusionLevel.INCLUDED if listed else InclusionLevel.NOT_IN_NAV
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

    def start(self, dirty: bool) -> None:
        """Note whether MkDocs builds only the pages whose source changed (``--dirty``)."""
        self.dirty_build = dirty

    def order_pages_for_index(self, files: Files) -> None:
        """Count the pages search indexes and have MkDocs build them first (it has read every front matter).

        MkDocs builds pages in the order of ``files``. With the indexed pages first, Pagefind
        writes the index while MkDocs builds the others (the print table, the explorer, the
        lists), instead of after the last page: at the real plan's size that wait was a
        third of the hook's own time. The order of the pages is also the order of
        ``sitemap.xml``; the order of the navigation does not change.
        """
        self.pages_indexed = 0
        pages = [file for file in files.documentation_pages() if file.page is not None]
        later = [file for file in pages if not file.page.meta.get("pagefind")]
        self.pages_to_index = len(pages) - len(later)
        for file in later:  # moved, in their order, after every other file
            files.remove(file)
            files.append(file)

    def index_page(self, output: str, page: Page, config: MkDocsConfig) -> None:
        """Give Pagefind a page that search indexes, as MkDocs writes it (Pagefind runs beside MkDocs).

        After the last one, Pagefind is asked to write the index while MkDocs builds the pages left.
        """
        if self.dirty_build or not page.meta.get("pagefind"):
            return
        try:
            if self.search_indexer is None:
                self.search_indexer = SearchIndexer()
            self.search_indexer.add_page(page.file.dest_uri, output)
            self.pages_indexed += 1
            if self.pages_indexed == self.pages_to_index:
                self.search_indexer.start_writing(Path(config.site_dir) / OUTPUT_SUBDIR)
        except SearchIndexError as error:
            raise Abort(str(error)) from None

    def build_search_index(self, config: MkDocsConfig) -> None:
        """Write the search index of the pages given (``/pagefind/``); a failure stops the build.

        A ``--dirty`` build reads and writes only the pages whose source changed: its index is
        made from the built site's files, which hold the others as they were.
        """
        indexer, self.search_indexer = self.search_indexer, None
        site_dir = Path(config.site_dir)
        try:
            if self.dirty_build:
                index_site(site_dir)
            else:
                (indexer or SearchIndexer()).write(site_dir / OUTPUT_SUBDIR)
        except SearchIndexError as error:
            raise Abort(str(error)) from None

    def abandon_search_index(self) -> None:
        """Stop Pagefind when the build fails before the index is written."""
        indexer, self.search_indexer = self.search_indexer, None
        if indexer is not None:
            indexer.close()
