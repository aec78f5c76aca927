"""Debian Chromium through Playwright, with every non-local request recorded and aborted."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .pages import absolute
from .tools import require_file

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1"}


def launch_browser(playwright):
    require_file(CHROMIUM, "Debian chromium (apt-get install -y chromium)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOCAL_HOSTS


class RequestRecorder:
    """Records every request of a browser context whose host is not local,
    and aborts it (so that nothing leaves the machine and no test waits on
    the closed network)."""

    def __init__(self, context):
        self.third_party: list[str] = []
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.third_party.append(url)
            route.abort()


def third_party_requests(browser, base_url: str, paths: list[str]) -> dict[str, list[str]]:
    """Load each page (one browser context, until the network is idle);
    return, per page path, the non-local requests it made (pages making none
    are left out)."""
    context = browser.new_context()
    found: dict[str, list[str]] = {}
    try:
        recorder = RequestRecorder(context)
        page = context.new_page()
        for path in paths:
            recorder.third_party.clear()
            page.goto(absolute(base_url, path), wait_until="networkidle")
            if recorder.third_party:
                found[path] = list(recorder.third_party)
        return found
    finally:
        context.close()


# ------------------------------------------------------------------- axe ---
