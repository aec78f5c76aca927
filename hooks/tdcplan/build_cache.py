"""Files the build would otherwise draw again on every run (link-preview images, QR codes), kept on disk by content.

Drawing 25 preview images and 24 QR codes costs more than the rest of the hook
at the real plan's size, and ``mkdocs serve`` rebuilds on every edit. Like
Material's social plugin (``.cache/plugin/social``), the results are kept in a
folder that git ignores, each under a hash of everything that decides its
bytes: what is drawn, the drawing code's version and the library's version.
A changed input is a new key, so a cached file can only be the file a fresh
drawing would give; a clean checkout simply draws everything. A build marks each
entry it uses (its modification time); entries unused for a week are removed
at the end of a build (:meth:`BuildCache.prune`), so the folder holds recent
sites' files, not a history, and two builds at once (``mkdocs serve`` and a
``make build``, or a public and a local build) never remove each other's files.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jinja2

UNUSED_FOR = 7 * 24 * 3600  # seconds: entries no build used for a week are removed


class BuildCache:
    """Bytes by key in ``directory`` (``None``: no cache, everything is made each time)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.used: set[Path] = set()
        self.made = 0  # entries drawn in this build (not found in the folder)

    def get(self, kind: str, key: str, make: Callable[[], bytes]) -> bytes:
        """The cached bytes of ``kind``/``key``, or ``make()``'s, written to the folder for the next build."""
        if self.directory is None:
            self.made += 1
            return make()
        path = self.file(kind, key, make)
        return path.read_bytes()

    def file(self, kind: str, key: str, make: Callable[[], bytes]) -> Path:
        """The cache file of ``kind``/``key``, made with ``make()`` if missing (the folder must be set).

        A build can publish the file from there (MkDocs copies it) instead of holding its bytes
        in memory: 2,400 preview images at ×100 are about 40 MB.
        """
        assert self.directory is not None, "BuildCache.file needs a folder"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        path = self.directory / kind / digest
        self.used.add(path)
        try:
            os.utime(path)  # used now: a concurrent build's prune keeps it
            return path
        except FileNotFoundError:
            pass
        content = make()
        self.made += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole or not at all: a build stopped midway leaves no half file behind.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
        return path

    def template_bytecode(self) -> jinja2.BytecodeCache | None:
        """Jinja's cache of compiled templates in the folder (Jinja recompiles a template whose source changed)."""
        if self.directory is None:
            return None
        folder = self.directory / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(folder))

    def prune(self, kinds: tuple[str, ...], unused_for: float = UNUSED_FOR) -> int:
        """Remove the entries of ``kinds`` no build used for ``unused_for`` seconds; return how many."""
        if self.directory is None:
            return 0
        stale = time.time() - unused_for
        removed = 0
        for kind in kinds:
            folder = self.directory / kind
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path.is_file() and path not in self.used and path.stat().st_mtime < stale:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


@functools.cache
def library_version(distribution: str) -> str:
    """An installed distribution's version (read once: importlib.metadata takes a millisecond a call)."""
    return importlib.metadata.version(distribution)


@functools.cache
def code_version(*files: str | Path) -> str:
    """A short hash of source files' bytes: part of a cache key, so that changing the drawing code redraws."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file).read_bytes())
    return digest.hexdigest()[:16]
