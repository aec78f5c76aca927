"""The site search's index: what of each page Pagefind reads, and the Pagefind run itself.

Pagefind (PyPI ``pagefind[bin]``, a static binary) indexes the built HTML after
MkDocs has written it. What it reads of a page is set in three places:
``overrides/main.html`` wraps the content of pages that carry a ``pagefind``
front-matter record (:mod:`tdcplan.search_record`) in ``data-pagefind-body`` with
their metadata and filters; :func:`prepare_content` (run on each page's HTML)
leaves out what the templates mark ``data-search-exclude``; and the folded copy of
đ-words lets a query typed without marks match them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from .search_record import folded_d_words

OUTPUT_SUBDIR = "pagefind"  # the bundle's folder in the built site: /pagefind/pagefind.js…
# Pagefind's ready-made interfaces, which the site does not use (search.js uses its JS API):
# removed so that the published folder holds only what a search loads.
UNUSED_FILES = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")

# A heading marked {: data-search-exclude } leaves its whole section (up to the next heading of
# the same or a higher level) out of the index; any other marked element leaves out itself.
_EXCLUDED_HEADING = re.compile(r"<h([1-6])\b[^>]*\bdata-search-exclude\b[^>]*>")
_MARK = re.compile(r'\sdata-search-exclude(="[^"]*")?')
_TAG = re.compile(r"<[^>]+>")


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


def _section_end(html: str, start: int, level: int) -> int:
    closing = re.compile(rf"<h[1-{level}]\b")
    found = closing.search(html, start)
    return found.start() if found else len(html)


def ignore_excluded(html: str) -> str:
    """``html`` with each ``data-search-exclude`` section or element marked ``data-pagefind-ignore``."""
    parts: list[str] = []
    position = 0
    while found := _EXCLUDED_HEADING.search(html, position):
        end = _section_end(html, found.end(), int(found.group(1)))
        parts += [html[position : found.start()], "<div data-pagefind-ignore>", html[found.start() : end], "</div>"]
        position = end
    parts.append(html[position:])
    # The headings' permalink sign («¶») is no word of the page.
    marked = "".join(parts).replace('class="headerlink"', 'class="headerlink" data-pagefind-ignore')
    return _MARK.sub(" data-pagefind-ignore", marked)


def indexed_text(html: str) -> str:
    """The text of ``html`` that Pagefind indexes (ignored sections and elements left out), roughly."""
    kept = re.sub(r"<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</\1>", " ", html, flags=re.S)
    return _TAG.sub(" ", kept)


def prepare_content(html: str) -> tuple[str, str]:
    """A page's content HTML for the index, and the folded copy of its indexed đ-words."""
    marked = ignore_excluded(html)
    return marked, folded_d_words(indexed_text(marked))


def pagefind_executable() -> Path:
    """The Pagefind binary of the pinned ``pagefind-bin`` package (or one on ``PATH``)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        found = shutil.which("pagefind")
        if not found:
            raise SearchIndexError(
                "Pagefind is not installed: run `make python-deps` (requirements.txt pins pagefind[bin])"
            ) from None
        return Path(found)
    return Path(get_executable())


def build_index(site_dir: Path) -> None:
    """Run Pagefind over the built site; its bundle goes to ``site_dir/pagefind/``."""
    target = site_dir / OUTPUT_SUBDIR
    if target.exists():
        shutil.rmtree(target)  # a stale bundle would keep fragments of pages that are gone
    command = [
        str(pagefind_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        OUTPUT_SUBDIR,
        # One language for the whole site: Vietnamese words are split on spaces, no stemming.
        "--force-language",
        "vi",
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    for pattern in UNUSED_FILES:
        for path in target.glob(pattern):
            path.unlink()
