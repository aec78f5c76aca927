"""MkDocs hooks of the plan site: events only, each delegated to :mod:`tdcplan.mkdocs_site`.

MkDocs puts this folder on ``sys.path`` only while it imports this file, so the
package is imported here at the top, not inside the event functions.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from tdcplan.mkdocs_site import PlanSite

_site = PlanSite()


def on_startup(command: str, dirty: bool) -> None:
    _site.start(dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return _site.configure(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _site.add_files(files, config)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    _site.date_page(page)
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _site.confirm_front_matter(page)
    _site.describe_page(page, config)
    _site.release_source(page)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _site.prepare_search(html, page)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    _site.order_pages_for_index(files)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _site.index_page(output, page, config)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    _site.build_search_index(config)


def on_build_error(error: Exception) -> None:
    _site.abandon_search_index()
