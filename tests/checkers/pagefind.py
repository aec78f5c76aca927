"""Pagefind's published bundle read back: each page's fragment, by the page's URL."""

from __future__ import annotations

import gzip
import json
from pathlib import Path


def pagefind_fragments(bundle: Path) -> dict[str, dict]:
    """The fragments of ``bundle`` (``site/pagefind``) by URL: gzip of a signature, then the JSON."""
    fragments = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        fragments[fragment["url"]] = fragment
    return fragments
