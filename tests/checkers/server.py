"""An HTTP server for a built site on 127.0.0.1, and the list of its pages."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def end_headers(self):
        # LinkChecker limits itself to about 3 requests a second per host
        # unless the server answers with this header (see its
        # maxrequestspersecond setting); this server is ours and local.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hangs up early (LinkChecker does, once it has the
        # headers of a non-HTML file) is not an error of the site.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (random port) in a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# ------------------------------------------------------------ site pages ---


def html_pages(site_dir: Path) -> list[str]:
    """Site-relative URL paths of every HTML page, e.g. "/" or "/nhiem-vu/1-a/"."""
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if rel == "index.html":
            paths.append("/")
        elif rel.endswith("/index.html"):
            paths.append("/" + rel[: -len("index.html")])
        else:
            paths.append("/" + rel)
    return paths


def page_kind(path: str) -> str:
    """The kind of a page from its URL: "home", "nhiem-vu/*" (a task page),
    "nhiem-vu" (the section's index page), "404.html"..."""
    parts = [p for p in path.split("/") if p]
    if not parts:
        return "home"
    return parts[0] if len(parts) == 1 else parts[0] + "/*"


def one_page_per_kind(paths: list[str]) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for path in paths:
        kinds.setdefault(page_kind(path), path)
    return kinds
