"""The site search's index: what of each page Pagefind reads, and the Pagefind run itself.

Pagefind (npm ``pagefind``, a static binary that make links into the virtual environment)
indexes the built HTML as MkDocs writes it. What it reads of a page is set in three places:
``overrides/main.html`` wraps the content of pages that carry a ``pagefind``
front-matter record (:mod:`tdcplan.search_record`) in ``data-pagefind-body`` with
their metadata and filters; :func:`prepare_content` (run on each page's HTML)
leaves out what the templates mark ``data-search-exclude``; and the folded copy of
đ-words lets a query typed without marks match them.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

import cbor2

from .search_record import KIND_FILTER, TASK_KIND, folded_d_words

# Written by overrides/main.html after the element Pagefind indexes (data-pagefind-body).
BODY_START = "<div data-pagefind-body"
BODY_END = "<!-- end of the indexed content -->"
# One language for the whole site: Vietnamese words are split on spaces, no stemming.
LANGUAGE = "vi"
OUTPUT_SUBDIR = "pagefind"  # the bundle's folder in the built site: /pagefind/pagefind.js…
# Pagefind's ready-made interfaces, which the site does not use (search.js uses its JS API):
# removed so that the published folder holds only what a search loads.
UNUSED_FILES = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")
# Written beside Pagefind's files: which pages of the index are tasks (by their kind filter), and
# the kind, title and summary of the others. search.js reads it to choose, before it loads any
# page's text, the results it re-orders: the tasks, and the other pages whose name the query is.
PAGE_LIST = "trang.json"

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
    """The Pagefind binary: ``PAGEFIND_BINARY_PATH`` if set, else the one make links into the venv.

    ``make python-deps`` installs the version pinned in ``tools/pagefind/package.json`` and links
    its binary as ``.venv/bin/pagefind``. No other ``pagefind`` on ``PATH`` is taken: another
    version ranks and splits the index differently.
    """
    configured = os.environ.get("PAGEFIND_BINARY_PATH")
    executable = Path(configured) if configured else Path(sys.prefix) / "bin" / "pagefind"
    if not executable.is_file():
        raise SearchIndexError(
            f"Pagefind is not installed ({executable} is missing): run `make python-deps`, which installs"
            " the version pinned in tools/pagefind/package.json"
            + (" (or unset PAGEFIND_BINARY_PATH)" if configured else "")
        )
    return executable


def pagefind_command(site_dir: Path) -> list[str]:
    """Pagefind's command line over a built ``site_dir`` (the plain build of ``scripts/bench.py``).

    The site's own build feeds its pages to :class:`SearchIndexer` instead, with the same options.
    """
    return [
        str(pagefind_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        OUTPUT_SUBDIR,
        "--force-language",
        LANGUAGE,
        "--quiet",
    ]


def indexed_document(html: str, where: str) -> str:
    """The part of a built page Pagefind reads: its title and its ``data-pagefind-body`` element.

    Pagefind parses whatever it is given; the header, navigation and footer around the body
    are three quarters of a task page, and its index is the same without them.
    """
    start = html.find(BODY_START)
    end = html.find(BODY_END, start)
    if start == -1 or end == -1:
        raise SearchIndexError(
            f"{where}: the indexed content is not marked ({BODY_START}…{BODY_END}, overrides/main.html)"
        )
    title = re.search(r"<title>.*?</title>", html, re.S)
    head = title.group(0) if title else ""
    return f'<!doctype html><html lang="{LANGUAGE}"><head>{head}</head><body>{html[start:end]}</body></html>'


def page_url(dest_uri: str) -> str:
    """The URL Pagefind gives the page written at ``dest_uri`` (as its command line does)."""
    if dest_uri == "index.html" or dest_uri.endswith("/index.html"):
        dest_uri = dest_uri.removesuffix("index.html")
    return f"/{dest_uri}"


class SearchIndexer:
    """One Pagefind index, fed page by page as MkDocs writes the site, then written as the bundle.

    Pagefind's command line reads every page of a site at once before it indexes them: over
    2,400 tasks it peaked at 377 MB. Its service mode (``pagefind --service``, the protocol its
    own Python and Node APIs speak: each message base64 of a JSON object, followed by a comma)
    takes one page per message, so only the index is held. The PyPI ``pagefind`` client of that
    protocol waits 100 ms before it reads each reply (3,000 pages: 5 minutes), hence this one.
    Replies are read by a thread as they come, so sending never waits on Pagefind.

    The bundle's files are asked for (``GetFiles``) and written here, not written by Pagefind
    (``WriteFiles``): Pagefind 1.5.2 answered ``WriteFiles`` while its last writes were still in
    flight (tokio's file writes, not flushed; Pagefind issue #1271), and ending it then could
    leave a torn file in the bundle (the two-builds test caught a torn ``pagefind.js``). Written
    here, the files are complete whatever the version, and the page list (:func:`page_list`) is
    read from the fragments on the way.
    """

    def __init__(self) -> None:
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115  (open as long as Pagefind runs; close() closes it)
        try:
            self._process = subprocess.Popen(
                [str(pagefind_executable()), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
            )
        except OSError as error:
            raise SearchIndexError(f"pagefind could not start: {error}") from None
        self._replies: queue.Queue[dict | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read_replies, name="pagefind-replies", daemon=True)
        self._reader.start()
        self._sent: dict[int, str] = {}  # message id → what it asked, for error messages
        self._writing: tuple[int, Path] | None = None  # the write asked for: its message id, the bundle
        self._writer: threading.Thread | None = None  # receives the bundle's files and writes them
        self._outcome: BaseException | None = None  # how the writer ended, if not well
        self._stopped_early = False  # Pagefind ended before it gave the files
        self._send({"type": "NewIndex", "config": {"force_language": LANGUAGE}}, "create the index")

    def _read_replies(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        # A message is decoded as it arrives: the one with the bundle's files is 23 MB of base64
        # at ×100, and holding it whole beside its decoding raised the build's peak memory.
        decoded = bytearray()  # the message so far, decoded
        undecoded = b""  # its last characters, short of a group of four
        try:
            while chunk := stdout.read1(1 << 20):
                start = 0
                while True:
                    end = chunk.find(b",", start)
                    text = undecoded + chunk[start : len(chunk) if end == -1 else end]
                    whole = len(text) - len(text) % 4 if end == -1 else len(text)
                    decoded += binascii.a2b_base64(text[:whole])
                    undecoded = text[whole:]
                    if end == -1:
                        break
                    self._replies.put(json.loads(decoded))
                    decoded, start = bytearray(), end + 1
        except (ValueError, binascii.Error):
            pass  # not Pagefind's protocol: reported as Pagefind having stopped
        finally:
            self._replies.put(None)  # no more replies: whoever waits for one stops waiting

    def _send(self, payload: dict, what: str) -> int:
        message_id = len(self._sent) + 1
        self._sent[message_id] = what
        # Vietnamese as UTF-8, not \u escapes: the pages' messages are a fifth smaller.
        message = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False).encode()
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(message) + b",")
        except BrokenPipeError:
            raise self._stopped() from None
        return message_id

    def _stopped(self) -> SearchIndexError:
        self._end()
        self._stderr.seek(0)
        detail = self._stderr.read().decode(errors="replace")
        self._stderr.close()
        code = self._process.returncode
        return SearchIndexError(f"pagefind stopped (exit {code}) before the index was written:\n{detail}")

    def add_page(self, dest_uri: str, html: str) -> None:
        """Index the page that MkDocs writes at ``dest_uri`` (``nhiem-vu/2-dd/index.html``)."""
        url = page_url(dest_uri)
        document = indexed_document(html, dest_uri)
        self._send({"type": "AddFile", "index_id": 0, "url": url, "file_contents": document}, f"index {url}")

    def start_writing(self, bundle: Path) -> None:
        """Ask Pagefind for the index's files, to be written to ``bundle``, once it has every page.

        The build asks as soon as the last indexed page is given, so that Pagefind builds the
        index while MkDocs builds the pages left. A thread receives the files and writes them as
        soon as they come (MkDocs may still be writing pages); :meth:`write` waits for it.
        """
        if self._writing is not None:
            return
        message_id = self._send({"type": "GetFiles", "index_id": 0}, f"write {bundle}")
        assert self._process.stdin is not None
        try:
            self._process.stdin.flush()
        except BrokenPipeError:
            raise self._stopped() from None
        self._writing = (message_id, bundle)
        # A daemon, as the reader: a build stopped before write() must not wait for it at exit.
        self._writer = threading.Thread(
            target=self._receive_bundle, args=(message_id, bundle), name="pagefind-bundle", daemon=True
        )
        self._writer.start()

    def _receive_bundle(self, last: int, bundle: Path) -> None:
        """Wait for the bundle's files (reply ``last``) and write them; errors are kept for :meth:`write`."""
        errors: list[str] = []
        try:
            while (reply := self._replies.get()) is not None:
                payload = reply.get("payload", {})
                if payload.get("type") == "Error":
                    what = self._sent.get(reply.get("message_id") or 0, "a message")
                    errors.append(f"{what}: {payload.get('message')}")
                if reply.get("message_id") == last:
                    break
            else:
                self._stopped_early = True
                return
            if errors:
                raise SearchIndexError("pagefind failed:\n" + "\n".join(errors))
            write_bundle(bundle, payload["files"])
        except SearchIndexError as error:  # raised again by write(), in the build's thread
            self._outcome = error
        except Exception as error:  # a reply or a file not as Pagefind writes them: said, not a traceback
            self._outcome = SearchIndexError(f"pagefind's index could not be read or written to {bundle}: {error!r}")

    def write(self, bundle: Path) -> None:
        """Write the index to ``bundle``, replacing it (with the files asked for early, if so), and stop Pagefind."""
        self.start_writing(bundle)
        assert self._writing is not None
        _, asked = self._writing
        if asked != bundle:
            raise SearchIndexError(f"the index is being written to {asked}, not {bundle}")
        assert self._writer is not None
        try:
            self._writer.join()
            if self._stopped_early:
                raise self._stopped()
        finally:
            self.close()
        if self._outcome is not None:
            raise self._outcome

    def _end(self) -> None:
        """End Pagefind's input, which ends it; kill it if it has not ended 10 s later."""
        if self._process.poll() is None:
            try:
                assert self._process.stdin is not None
                self._process.stdin.close()
                self._process.wait(timeout=10)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()

    def close(self) -> None:
        """Stop Pagefind; a build that failed calls this too (twice is harmless)."""
        self._end()
        self._stderr.close()


def index_site(site_dir: Path) -> None:
    """Index an already built site from its files (what the build does page by page)."""
    indexer = SearchIndexer()
    try:
        for path in sorted(site_dir.rglob("*.html")):
            html = path.read_text(encoding="utf-8")
            if BODY_START in html:
                indexer.add_page(path.relative_to(site_dir).as_posix(), html)
        indexer.write(site_dir / OUTPUT_SUBDIR)
    finally:
        indexer.close()


# The files deterministic_filters rewrites (small); the others are written as Pagefind gave them.
_META_FILE = re.compile(r"pagefind\.[^/]+\.pf_meta")
_REWRITTEN = re.compile(rf"pagefind-entry\.json|{_META_FILE.pattern}|filter/[^/]+\.pf_filter")


def _write_base64(target: Path, text: str) -> tuple[str, str, str, str] | None:
    """Write a file Pagefind gave; for a fragment, return its page's id, kind, title and summary."""
    data = base64.b64decode(text)  # decoded here: eight files at a time in memory, not all
    target.write_bytes(data)
    if target.suffix != ".pf_fragment":
        return None
    fragment = json.loads((raw := gzip.decompress(data))[raw.index(b"{") :])  # a signature, then the JSON
    kinds = fragment.get("filters", {}).get(KIND_FILTER, [])
    meta = fragment.get("meta", {})
    return target.stem, kinds[0] if kinds else "", meta.get("title", ""), meta.get("tom-tat", "")


def page_list(pages: list[tuple[str, str, str, str]]) -> dict:
    """``PAGE_LIST``: the ids of the task pages, and the kind, title and summary of each other page."""
    return {
        TASK_KIND: sorted(page for page, kind, _, _ in pages if kind == TASK_KIND),
        "trang": {page: [kind, title, summary] for page, kind, title, summary in sorted(pages) if kind != TASK_KIND},
    }


def write_bundle(bundle: Path, files: list[dict[str, str]]) -> None:
    """Write the files Pagefind gave (``path``, and ``content`` in base64) to ``bundle``, replacing it.

    The unused files are left out, and the filter indexes are written in a fixed order
    (:func:`deterministic_filters`), so that two builds are byte-identical. ``PAGE_LIST`` tells
    the pages' kinds by their ids (fragment names): :func:`page_list`.
    """
    rewritten: dict[str, bytes] = {}
    as_given: list[tuple[Path, str]] = []
    for file in files:
        path = file["path"]
        relative = PurePosixPath(path)
        parts = relative.parts
        if not parts or relative.is_absolute() or ".." in parts:
            raise SearchIndexError(f"pagefind gave a file outside its bundle: {path!r}")
        if any(fnmatch(path, pattern) for pattern in UNUSED_FILES):
            continue
        if _REWRITTEN.fullmatch(path):
            rewritten[path] = base64.b64decode(file["content"])
        else:
            as_given.append((bundle.joinpath(*parts), file["content"]))
    if "pagefind-entry.json" not in rewritten:
        raise SearchIndexError(f"pagefind gave no index to write to {bundle} (its format changed?)")
    targets = [(bundle.joinpath(*path.split("/")), data) for path, data in deterministic_filters(rewritten).items()]
    try:
        if bundle.exists():
            shutil.rmtree(bundle)  # a stale bundle would keep fragments of pages that are gone
        for folder in sorted({target.parent for target, _ in [*as_given, *targets]}):
            folder.mkdir(parents=True, exist_ok=True)
        # Creating a file is the slow part (3,000 of them at ×100), and the system does it for
        # several threads at once, as Pagefind's own writer does.
        with ThreadPoolExecutor(max_workers=8, thread_name_prefix="pagefind-file") as pool:
            given = [pool.submit(_write_base64, target, text) for target, text in as_given]
            written = [pool.submit(target.write_bytes, data) for target, data in targets]
            pages = [page for future in given if (page := future.result())]
            for future in written:
                future.result()
        listed = json.dumps(page_list(pages), ensure_ascii=False, separators=(",", ":"))
        (bundle / PAGE_LIST).write_text(listed, encoding="utf-8")
    except OSError as error:
        raise SearchIndexError(f"the search index could not be written to {bundle}: {error}") from None


# Pagefind's index files: gzip of a signature followed by CBOR.
_SIGNATURE = b"pagefind_dcd"


def _decode(data: bytes, path: str) -> object:
    data = gzip.decompress(data)
    if not data.startswith(_SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind index file (Pagefind's format changed?)")
    return cbor2.loads(data[len(_SIGNATURE) :])


def _encode(prefix: str, digits: int, value: object) -> tuple[str, bytes]:
    """``value`` as a Pagefind index file: its name (``prefix`` and a hash of its content) and its bytes."""
    data = _SIGNATURE + cbor2.dumps(value)
    return f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}", gzip.compress(data, mtime=0)


def deterministic_filters(files: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle's files with the filter indexes in a fixed order, so that two builds are byte-identical.

    Pagefind (1.5.2 at least) writes filter values (and the list of filters in its metadata
    file) in hash-map order, which changes from run to run (Pagefind issue #638: pages and word
    indexes are stable, filters are not). Each filter file is rewritten with its values
    sorted and named by its content; the metadata file, which names them, likewise; and
    ``pagefind-entry.json`` points at the new metadata file.
    """
    files = dict(files)
    entry = files["pagefind-entry.json"].decode("utf-8")
    for meta_path in sorted(path for path in files if _META_FILE.fullmatch(path)):
        language, old_hash = meta_path.split(".")[1].split("_", 1)
        meta = _decode(files.pop(meta_path), meta_path)
        filters = []
        for name, filter_hash in sorted(meta[3]):
            filter_path = f"filter/{filter_hash}.pf_filter"
            if filter_path not in files:
                raise SearchIndexError(f"{meta_path} names {filter_path}, which pagefind did not give")
            filter_name, values = _decode(files.pop(filter_path), filter_path)
            new_hash, data = _encode(f"{language}_", 7, [filter_name, sorted(values)])
            files[f"filter/{new_hash}.pf_filter"] = data
            filters.append([name, new_hash])
        meta[3] = filters
        new_meta, data = _encode(f"pagefind.{language}_", 10, meta)
        files[f"{new_meta}.pf_meta"] = data
        entry = entry.replace(f'"{language}_{old_hash}"', f'"{new_meta.removeprefix("pagefind.")}"')
    files["pagefind-entry.json"] = entry.encode("utf-8")
    return files
