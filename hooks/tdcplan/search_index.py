"""Make Material's search find Vietnamese words typed without diacritics.

lunr matches tokens exactly: «do luong» finds nothing in «đo lường». Each entry
of the index gets folded copies of its title and text (marks stripped, đ -> d);
``mkdocs.yml`` declares them as search fields, so an unmarked query matches the
folded copy while a marked query still matches the original.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .vietnamese import fold

FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}
_TAG = re.compile(r"<[^>]+>")


def fold_search_index(index: dict[str, Any]) -> dict[str, Any]:
    """The index with a folded field beside each title and text (only where folding changes something)."""
    for entry in index.get("docs", []):
        for field, folded_field in FOLDED_FIELDS.items():
            value = entry.get(field)
            if not value:
                continue
            plain = html.unescape(_TAG.sub(" ", value))
            folded = fold(plain)
            if folded != plain.lower():
                entry[folded_field] = folded
    return index
