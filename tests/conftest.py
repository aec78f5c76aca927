"""Shared fixtures: a real strict build of the repository's site, an HTTP
server for it on 127.0.0.1, and headless Debian Chromium through Playwright.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/: checkers, repository, project_copy

import checkers
from repository import REPOSITORY

ARTIFACTS = REPOSITORY / "test-artifacts"

# `pytest --hypothesis-profile=fast` (make test-fast): fewer examples of the property tests.
settings.register_profile("fast", max_examples=10)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The repository's site, built with `mkdocs build --strict` into a temporary folder."""
    target = tmp_path_factory.mktemp("site")
    try:
        return checkers.build_site(REPOSITORY / "mkdocs.yml", target)
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL ("http://127.0.0.1:<port>/") of ``site_dir`` served in-process."""
    with checkers.serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def site_pages(site_dir) -> list[str]:
    """URL paths of every HTML page of the built site."""
    pages = checkers.html_pages(site_dir)
    assert pages, f"the build in {site_dir} produced no HTML page"
    return pages


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the venv always has it
        pytest.fail("playwright is not installed: run `make test`", pytrace=False)
    with sync_playwright() as playwright:
        try:
            chromium = checkers.launch_browser(playwright)
        except checkers.ToolMissing as exc:
            pytest.fail(str(exc), pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh 1280x800 page; non-local requests are aborted and recorded in
    ``page.third_party`` (a list of URLs)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    recorder = checkers.RequestRecorder(context)
    page = context.new_page()
    page.third_party = recorder.third_party
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# Markers (registered in pyproject.toml): a test is a `browser` test when it uses the
# `browser` fixture (directly or through another fixture, e.g. `page`), and a `build`
# test when it uses the built site (`site_dir`). Modules whose tests build a variant of
# the site themselves say so with `pytestmark = pytest.mark.build`. `make test-fast`
# runs the rest: `pytest -m "not browser and not build"`.
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if "site_dir" in fixtures:
            item.add_marker(pytest.mark.build)
