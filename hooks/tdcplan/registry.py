"""Unit names as printed in source documents, resolved to registry units.

The source spells one unit several ways: with or without a trailing full stop,
with «–» or «-», in lower case inside a list, cut at a page break, or with a
typo. Names are compared after :func:`name_key` folds the harmless differences;
the rest are listed as aliases in ``data/units.yml``.
"""

from __future__ import annotations

import re
import unicodedata

from .model import Unit

_DASHES = re.compile(r"\s*[-‐‑‒–—]\s*")


def name_key(name: str) -> str:
    """The form two spellings of one name share: NFC, one space, one dash, no final stop, lower case."""
    text = unicodedata.normalize("NFC", name)
    text = _DASHES.sub(" - ", " ".join(text.split()))
    return text.rstrip(" .").lower()


class UnitNames:
    """Finds the unit a printed name means."""

    def __init__(self, units: dict[str, Unit]) -> None:
        self.units = units
        self.by_key: dict[str, Unit] = {}
        for unit in units.values():
            for spelling in (unit.name, unit.short_name, *(alias.text for alias in unit.aliases)):
                self.by_key.setdefault(name_key(spelling), unit)

    def resolve(self, name: str) -> Unit | None:
        """The unit printed as ``name``, or ``None``."""
        return self.by_key.get(name_key(name))

    def split(self, cell: str) -> tuple[list[Unit], list[str]]:
        """Read a cell listing units separated by commas; return the units and any unmatched parts.

        A comma may belong to a name («Các phòng, đơn vị trực thuộc Sở»), so the
        longest run of comma-separated parts that names a unit wins.
        """
        parts = [part for part in cell.split(",")]
        units: list[Unit] = []
        unmatched: list[str] = []
        start = 0
        while start < len(parts):
            for end in range(len(parts), start, -1):
                unit = self.resolve(",".join(parts[start:end]))
                if unit is not None:
                    if unit not in units:
                        units.append(unit)
                    start = end
                    break
            else:
                if parts[start].strip(" ."):
                    unmatched.append(parts[start].strip())
                start += 1
        return units, unmatched
