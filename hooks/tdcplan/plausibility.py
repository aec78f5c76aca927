"""Checks that a date or a correction is plausible for its plan, not merely well formed.

Data comes from pull requests: a report «as of» 2099 or a correction of a
correction would pass every type check and then show on the site as fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from .fields import FieldReader
from .located import LocatedMap
from .model import TextItem

# A plan's reports and corrections are recorded during its year and the year after (final reports).
YEARS_AFTER_PLAN = 1


class Dated(Protocol):
    """A plan (or the reader's draft of one): its year, and its data date once the model has one."""

    year: int


def record_dates(plan: Dated) -> tuple[dt.date, dt.date]:
    """The first and last day a report or correction of ``plan`` may carry."""
    return dt.date(plan.year, 1, 1), dt.date(plan.year + YEARS_AFTER_PLAN, 12, 31)


def data_date(plan: Dated) -> dt.date | None:
    """HOOK for the plan's data date (issue 13): no record may be dated after it.

    Returns ``None`` while the plan read so far has no data date; once the reader
    sets ``data_date`` on the plan (draft) before its records are read, this check
    applies with no other change.
    """
    return getattr(plan, "data_date", None)


def record_date(fields: FieldReader, item: LocatedMap, key: str, what: str, plan: Dated) -> dt.date | None:
    """The date under ``key`` if it lies in :func:`record_dates` and not after :func:`data_date`."""
    value = fields.date(item, key, what)
    if value is None:
        return None
    first, last = record_dates(plan)
    if not first <= value <= last:
        fields.problem(
            item.line_of(key),
            f"{what} is {value.isoformat()}; expected a date from {first.isoformat()} to {last.isoformat()} "
            f"(the {plan.year} plan's year or the year after)",
        )
        return None
    latest = data_date(plan)
    if latest is not None and value > latest:
        fields.problem(
            item.line_of(key), f"{what} is {value.isoformat()}, after the plan's data date {latest.isoformat()}"
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
