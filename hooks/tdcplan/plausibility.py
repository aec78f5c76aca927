"""Checks that a date or a correction is plausible for its plan, not merely well formed.

Data comes from pull requests: a report «as of» 2099 or a correction of a
correction would pass every type check and then show on the site as fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .fields import FieldReader
from .located import LocatedMap
from .model import TextItem

# A plan's reports and corrections are recorded during its year and the year after (final reports).
YEARS_AFTER_PLAN = 1


def record_dates(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day a report or correction of the ``year`` plan may carry."""
    return dt.date(year, 1, 1), dt.date(year + YEARS_AFTER_PLAN, 12, 31)


def record_date(fields: FieldReader, item: LocatedMap, key: str, what: str, year: int) -> dt.date | None:
    """The date under ``key`` if it lies in :func:`record_dates` (the data date is checked by the readers)."""
    value = fields.date(item, key, what)
    if value is None:
        return None
    first, last = record_dates(year)
    if not first <= value <= last:
        fields.problem(
            item.line_of(key),
            f"{what} is {value.isoformat()}; expected a date from {first.isoformat()} to {last.isoformat()} "
            f"(the {year} plan's year or the year after)",
        )
        return None
    return value


def official_occurrences(items: Sequence[TextItem], original: str) -> tuple[int, list[int]]:
    """How often ``original`` occurs in the official wording of ``items``, and the items it occurs in.

    A correction quotes the official text, never an earlier correction's result:
    «A→B» then «B→C» would show B, which the official text never said, as «Nguyên văn».
    """
    hits = [index for index, item in enumerate(items) if original in item.official]
    return sum(item.official.count(original) for item in items), hits
