"""The quality checkers, one module per tool, shared by the gates and their negative tests.

Each wrapper runs a real tool and returns plain findings, so that a test can
assert "none" on the real site and "this one" on a deliberately broken site:
:mod:`.build` (MkDocs), :mod:`.server` (an HTTP server), :mod:`.browser`
(Chromium through Playwright), :mod:`.axe` (axe-core), :mod:`.vnu` (the Nu HTML
Checker), :mod:`.linkchecker` (LinkChecker); :mod:`.pages` checks page text and
:mod:`.pagefind` reads the search index back. Tests use them as ``checkers.<name>``.
"""

from .axe import AXE_EXTRA_RULES, AXE_TAGS, AxeViolation, axe_violations, summarize_axe
from .browser import CHROMIUM, CHROMIUM_ARGS, RequestRecorder, is_local, launch_browser, third_party_requests
from .build import BuildFailed, build_site, make_throwaway_site, run_build
from .linkchecker import BrokenLink, LinkReport, check_links
from .pagefind import pagefind_fragments
from .pages import ENGLISH_UI, absolute, english_strings, head_problems
from .server import html_pages, one_page_per_kind, page_kind, serve_directory
from .tools import INSTALL_HINT, TOOLS, ToolMissing, require_command, require_file
from .vnu import VNU_JAR, HtmlError, summarize_html_errors, vnu_errors

__all__ = [
    "AXE_EXTRA_RULES",
    "AXE_TAGS",
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "ENGLISH_UI",
    "INSTALL_HINT",
    "TOOLS",
    "VNU_JAR",
    "AxeViolation",
    "BrokenLink",
    "BuildFailed",
    "HtmlError",
    "LinkReport",
    "RequestRecorder",
    "ToolMissing",
    "absolute",
    "axe_violations",
    "build_site",
    "check_links",
    "english_strings",
    "head_problems",
    "html_pages",
    "is_local",
    "launch_browser",
    "make_throwaway_site",
    "one_page_per_kind",
    "page_kind",
    "pagefind_fragments",
    "require_command",
    "require_file",
    "run_build",
    "serve_directory",
    "summarize_axe",
    "summarize_html_errors",
    "third_party_requests",
    "vnu_errors",
]
