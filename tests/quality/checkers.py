"""Wrappers around the quality checkers, shared by the gates and their
negative tests.

Each wrapper runs a real tool (MkDocs, an HTTP server, Chromium through
Playwright, axe-core, the Nu HTML Checker, LinkChecker) and returns plain
findings, so that a test can assert "none" on the real site and "this one" on
a deliberately broken site.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import html
import http.server
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
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

# WCAG 2.0/2.1/2.2 A and AA rules of axe-core...
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# ...plus best-practice rules that Material's default output is known to
# break (see the design notes), so that they stay fixed.
AXE_EXTRA_RULES = ["aria-dialog-name"]

INSTALL_HINT = "Run `make test` (or `make test-tools`) to install the test tools."


class ToolMissing(RuntimeError):
    """A checker's tool is not installed; the message says how to install it."""


def require_file(path: Path, what: str) -> Path:
    if not path.exists():
        raise ToolMissing(f"{what} not found at {path}. {INSTALL_HINT}")
    return path


def require_command(name: str, hint: str) -> str:
    found = shutil.which(name)
    if not found:
        raise ToolMissing(f"`{name}` not found on PATH. {hint}")
    return found


# --------------------------------------------------------------- building ---


class BuildFailed(AssertionError):
    pass


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Run a real `mkdocs build --strict` of ``config_file`` into ``site_dir``.

    Raises BuildFailed carrying MkDocs' own output when the build fails.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed(
            f"`mkdocs build --strict -f {config_file}` failed "
            f"(exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return site_dir


def make_throwaway_site(root: Path, pages: dict[str, str], *, theme_overrides: bool = True) -> Path:
    """Write a tiny MkDocs project using this repository's theme set-up.

    ``pages`` maps a docs-relative path to Markdown. Returns mkdocs.yml's path.
    With ``theme_overrides`` the project borrows overrides/ and docs/assets/
    so that only the page contents differ from the real site; without, it is
    Material's default output.
    """
    docs = root / "docs"
    for rel, text in pages.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    lines = [
        'site_name: "Trang thử"',
        'site_description: "Trang thử của bộ kiểm tra chất lượng."',
        'site_url: "http://127.0.0.1:8000/"',
        "docs_dir: docs",
        "theme:",
        "  name: material",
        "  font: false",
    ]
    if theme_overrides:
        shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
        lines += [
            "  language: custom",
            f"  custom_dir: {json.dumps(str(ROOT / 'overrides'))}",
            "extra_css:",
            "  - assets/stylesheets/site.css",
        ]
        lines += ["extra:", "  generator: false"]
    else:
        lines += ["  language: vi"]
    lines += [
        'copyright: "© 2026 Trang thử"',
        # The negative tests build deliberately broken pages: MkDocs itself
        # must let them through so that the checkers get to see them.
        "validation:",
        "  links:",
        "    not_found: info",
        "    anchors: info",
        "    unrecognized_links: info",
    ]
    config = "\n".join(lines) + "\n"
    path = root / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path


# ---------------------------------------------------------------- serving ---


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


# ---------------------------------------------------------------- browser ---


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


@dataclass(frozen=True)
class AxeViolation:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) {self.help} -> {', '.join(self.targets)}"


def axe_violations(page, label: str | None = None, *, whole_page: bool = True) -> list[AxeViolation]:
    """Run axe-core on the page as it is now; WCAG 2.x A/AA rules (plus
    AXE_EXTRA_RULES).

    axe can only judge the colour contrast of what is inside the viewport
    (elsewhere it answers "needs review", not "violation"), so with
    ``whole_page`` the viewport is made as tall as the page for the run.
    """
    from axe_playwright_python.sync_playwright import Axe

    size = page.viewport_size
    if whole_page and size:
        height = page.evaluate("() => document.documentElement.scrollHeight")
        page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height, 20000))})
    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "rules": {rule: {"enabled": True} for rule in AXE_EXTRA_RULES},
            "resultTypes": ["violations"],
        },
    )
    if whole_page and size:
        page.set_viewport_size(size)
    label = label or page.url
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            found.append(
                AxeViolation(
                    page=label,
                    rule=violation["id"],
                    impact=violation.get("impact") or "",
                    help=violation["help"],
                    targets=tuple(str(t) for t in node["target"]),
                )
            )
    return found


def summarize_axe(violations: list[AxeViolation]) -> str:
    """One line per rule and target, with the pages where it occurs."""
    groups: dict[tuple, list[str]] = {}
    for v in violations:
        groups.setdefault((v.rule, v.impact, v.help, ", ".join(v.targets)), []).append(v.page)
    lines = []
    for (rule, impact, help_, target), pages in sorted(groups.items()):
        shown = ", ".join(pages[:4]) + (f" and {len(pages) - 4} more" if len(pages) > 4 else "")
        lines.append(f"{rule} ({impact}) {help_} -> {target}  on {len(pages)} page(s): {shown}")
    return "\n".join(lines)


# ------------------------------------------------------------------- vnu ---


@dataclass(frozen=True)
class HtmlError:
    file: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}  [{self.extract.strip()}]"


def vnu_errors(target: Path) -> list[HtmlError]:
    """Run the Nu HTML Checker over a file or a directory; return its errors."""
    require_command("java", "Install Java 11+ (apt-get install -y default-jre-headless).")
    require_file(VNU_JAR, "vnu.jar (npm package vnu-jar)")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(target)],
        capture_output=True,
        text=True,
    )
    # vnu writes its JSON report on stderr; exit 1 means "errors found".
    report = result.stderr.strip() or result.stdout.strip()
    try:
        messages = json.loads(report)["messages"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"vnu gave no JSON report (exit {result.returncode}):\n{report}") from exc
    base = target if target.is_dir() else target.parent
    errors = []
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        file = m.get("url", "")
        if file.startswith("file:"):
            file = file[len("file:") :]
        with contextlib.suppress(ValueError):
            file = Path(file).relative_to(base.resolve()).as_posix()
        errors.append(HtmlError(file, m.get("lastLine"), m.get("message", ""), m.get("extract", "")))
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors):
        raise AssertionError(f"vnu failed (exit {result.returncode}):\n{report}")
    return errors


def summarize_html_errors(errors: list[HtmlError]) -> str:
    """One line per distinct error, with the files where it occurs."""
    groups: dict[tuple, list[str]] = {}
    for e in errors:
        groups.setdefault((e.message, " ".join(e.extract.split())), []).append(
            f"{e.file}:{e.line}" if e.line else e.file
        )
    lines = []
    for (message, extract), files in sorted(groups.items(), key=lambda g: -len(g[1])):
        shown = ", ".join(files[:4]) + (f" and {len(files) - 4} more" if len(files) > 4 else "")
        lines.append(f"{message}  [{extract}]  in {len(files)} file(s): {shown}")
    return "\n".join(lines)


# ----------------------------------------------------------- linkchecker ---


@dataclass(frozen=True)
class BrokenLink:
    url: str
    parent: str
    line: str
    problem: str

    def __str__(self) -> str:
        return f"{self.parent} (line {self.line}): {self.url} -> {self.problem}"


@dataclass
class LinkReport:
    exit_code: int
    broken: list[BrokenLink]
    checked: int
    output: str


LINKCHECKER_CONFIG = """\
[output]
log=csv
status=0
verbose=1

[csv]
separator=;
quotechar="

[checking]
threads=4
maxrequestspersecond=100
recursionlevel=-1
timeout=30

[filtering]
checkextern=0

[AnchorCheck]
"""


def check_links(start_url: str, workdir: Path) -> LinkReport:
    """Run LinkChecker (with its AnchorCheck plugin) recursively over the
    site at ``start_url``, internal links only."""
    exe = Path(sys.executable).with_name("linkchecker")
    require_file(exe, "linkchecker (pip package LinkChecker)")
    config = workdir / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    result = subprocess.run(
        [str(exe), "--config", str(config), "--no-robots", start_url],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=dict(os.environ, HOME=str(workdir)),
    )
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";", quotechar='"')
    broken, checked = [], 0
    for row in reader:
        checked += 1
        valid = row.get("valid", "").strip().lower() in ("true", "1")
        warning = (row.get("warningstring") or "").strip()
        if not valid or warning:
            broken.append(
                BrokenLink(
                    url=row.get("urlname") or row.get("url") or "",
                    parent=row.get("parentname") or "",
                    line=row.get("line") or "",
                    problem="; ".join(x for x in (row.get("result", "").strip(), warning) if x),
                )
            )
    # The CSV rows are summarised in ``broken``; keep LinkChecker's own log
    # lines and closing comments for the report.
    comments = [line for line in result.stdout.splitlines() if line.startswith("#")]
    return LinkReport(result.returncode, broken, checked, "\n".join(comments) + "\n" + result.stderr)


# ----------------------------------------------------------- page heads ---

# Material's English interface strings (partials/languages/en.html) that a
# Vietnamese page must not show, and the toc extension's default permalink title.
ENGLISH_UI = [
    "Skip to content",
    "Initializing search",
    "Type to start searching",
    "Back to top",
    "Made with",
    "Permanent link",
    "Go to repository",
    "Edit this page",
    "View source of this page",
    "No matching documents",
    "Table of contents",
]


def head_problems(text: str) -> list[str]:
    """What a page's HTML lacks: lang="vi", one <title>, one meta description."""
    head = text.split("</head>", 1)[0]
    problems = []
    if not re.search(r'<html lang="vi"[ >]', text):
        problems.append('<html> has no lang="vi"')
    titles = re.findall(r"<title>(.*?)</title>", head, re.S)
    if len(titles) != 1 or not titles[0].strip():
        problems.append(f"expected one non-empty <title>, found {titles}")
    descriptions = re.findall(r'<meta name="description" content="([^"]*)">', head)
    if len(descriptions) != 1 or len(html.unescape(descriptions[0]).strip()) < 20:
        problems.append(f"expected one meta description of 20+ characters, found {descriptions}")
    return problems


def english_strings(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH_UI if phrase in text]


def absolute(base: str, path: str) -> str:
    return urljoin(base, path.lstrip("/"))
