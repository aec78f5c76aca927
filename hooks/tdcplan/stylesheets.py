"""The site's own stylesheets as one file, minified: one render-blocking request instead of one per file.

The files listed in ``extra_css`` stay separate in ``docs/`` (one concern each);
the build replaces them with :data:`BUNDLE`, their concatenation in the listed
order, minified by ``rcssmin`` (measured on the 2026 site: 11.8 KB → 7.0 KB,
3.9 KB → 2.1 KB gzipped: the comments go). The bundle sits in the same folder
as the sources, so relative ``url()`` references keep their meaning.
"""

from __future__ import annotations

from collections.abc import Iterable

import rcssmin

BUNDLE = "assets/stylesheets/tdc.min.css"


def is_bundled(path: str) -> bool:
    """Whether an ``extra_css`` entry is one of the site's own files (not an absolute or remote URL)."""
    return path.endswith(".css") and "://" not in path and not path.startswith("/")


def bundle(stylesheets: Iterable[str]) -> str:
    """The texts of the stylesheets, in order, as one minified stylesheet."""
    return rcssmin.cssmin("\n".join(stylesheets)) + "\n"
