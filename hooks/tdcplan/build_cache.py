"""Files the build would otherwise draw again on every run (link-preview images, QR codes), kept on disk by content.

Drawing 25 preview images and 24 QR codes costs more than the rest of the hook
at the real plan's size, and ``mkdocs serve`` rebuilds on every edit. Like
Material's social plugin (``.cache/plugin/social``), the results are kept in a
folder that git ignores, each under a hash of everything that decides its
bytes: what is drawn, the drawing code's version and the library's version.
A changed input is a new key, so a cached file can only be the file a fresh
drawing would give; a clean checkout simply draws everything. Entries no build
asked for are removed at the end (:meth:`BuildCache.prune`), so the folder
holds one site's files, not a history.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2


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
        if path.is_file():
            return path
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

    def prune(self, kinds: tuple[str, ...]) -> int:
        """Remove the entries of ``kinds`` this build did not use; return how many were removed."""
        if self.directory is None:
            return 0
        removed = 0
        for kind in kinds:
            folder = self.directory / kind
            if not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path.is_file() and path not in self.used:
                    path.unlink()
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
