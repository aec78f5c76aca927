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

import gzip
import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import cbor2

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


def pagefind_command(site_dir: Path) -> list[str]:
    """The Pagefind run that indexes ``site_dir`` into ``site_dir/pagefind/``."""
    return [
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


def build_index(site_dir: Path) -> None:
    """Run Pagefind over the built site; its bundle goes to ``site_dir/pagefind/``."""
    target = site_dir / OUTPUT_SUBDIR
    if target.exists():
        shutil.rmtree(target)  # a stale bundle would keep fragments of pages that are gone
    command = pagefind_command(site_dir)
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"pagefind failed (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    for pattern in UNUSED_FILES:
        for path in target.glob(pattern):
            path.unlink()
    make_filters_deterministic(target)


# Pagefind's files: gzip of a signature followed by CBOR.
_SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind index file (Pagefind's format changed?)")
    return cbor2.loads(data[len(_SIGNATURE) :])


def _write(folder: Path, prefix: str, digits: int, suffix: str, value: object) -> str:
    """Write ``value`` as a Pagefind file named by its content; return the name's hash part."""
    data = _SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def make_filters_deterministic(bundle: Path) -> None:
    """Write Pagefind's filter indexes in a fixed order, so that two builds are byte-identical.

    Pagefind 1.5 writes filter values (and the list of filters in its metadata file) in
    hash-map order, which changes from run to run (Pagefind issue #638: pages and word
    indexes are stable, filters are not). Each filter file is rewritten with its values
    sorted and named by its content; the metadata file, which names them, likewise; and
    ``pagefind-entry.json`` points at the new metadata file.
    """
    entry_file = bundle / "pagefind-entry.json"
    entry = entry_file.read_text(encoding="utf-8")
    for meta_file in sorted(bundle.glob("pagefind.*.pf_meta")):
        language, old_hash = meta_file.name.split(".")[1].split("_", 1)
        meta = _read(meta_file)
        filters = []
        for name, filter_hash in sorted(meta[3]):
            filter_file = bundle / "filter" / f"{filter_hash}.pf_filter"
            filter_name, values = _read(filter_file)
            filter_file.unlink()
            new_hash = _write(bundle / "filter", f"{language}_", 7, ".pf_filter", [filter_name, sorted(values)])
            filters.append([name, new_hash])
        meta[3] = filters
        meta_file.unlink()
        new_meta = _write(bundle, f"pagefind.{language}_", 10, ".pf_meta", meta)
        entry = entry.replace(f'"{language}_{old_hash}"', f'"{new_meta.removeprefix("pagefind.")}"')
    entry_file.write_text(entry, encoding="utf-8")
