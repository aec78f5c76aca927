"""The official wording of a task's schedule, parsed strictly into quarters.

Accepted forms (``YYYY`` any year, months ``1``-``12`` written with one or two digits):

* ``Quý I/YYYY``, ``Quý I và II/YYYY``, ``Quý I, II và III/YYYY``, ``Quý I, II, III và IV/YYYY``
  (quarters in increasing order, each once)
* ``Từ tháng MM/YYYY đến tháng MM/YYYY`` (within one year, start before end)
* ``Thường xuyên`` (ongoing: active in all four quarters)
* ``Định kỳ hoặc đột xuất theo yêu cầu`` (on request: no quarter of its own)

Anything else is an error: a schedule the parser does not understand is never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

ROMAN_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}

ONGOING_TEXT = "Thường xuyên"
ON_REQUEST_TEXT = "Định kỳ hoặc đột xuất theo yêu cầu"

ACCEPTED_FORMS = (
    "«Quý I/2026», «Quý I và II/2026», «Quý I, II và III/2026» (quarters I–IV in increasing order), "
    "«Từ tháng 01/2026 đến tháng 11/2026», «Thường xuyên», «Định kỳ hoặc đột xuất theo yêu cầu»"
)

_ROMAN = r"(?:IV|III|II|I)"
_QUARTERS_RE = re.compile(rf"^Quý (?P<list>{_ROMAN}(?:, {_ROMAN})*(?: và {_ROMAN})?) ?/ ?(?P<year>[0-9]{{4}})$")
_MONTHS_RE = re.compile(
    r"^Từ tháng (?P<m1>[0-9]{1,2}) ?/ ?(?P<y1>[0-9]{4}) đến tháng (?P<m2>[0-9]{1,2}) ?/ ?(?P<y2>[0-9]{4})$"
)


class ScheduleKind(StrEnum):
    """How a schedule is expressed; the values are the open-data contract's."""

    QUARTERS = "quarters"
    MONTHS = "months"
    ONGOING = "ongoing"
    ON_REQUEST = "on_request"


class ScheduleError(ValueError):
    """The wording is not one of the accepted forms."""


@dataclass(frozen=True)
class Schedule:
    """A task's schedule: the official wording and what it means."""

    text: str
    kind: ScheduleKind
    year: int | None
    quarters: tuple[int, ...]
    months: tuple[int, int] | None = None  # first and last month, for kind MONTHS


# The calendar arithmetic of quarters and months: every other module asks these.


def quarter_of_month(month: int) -> int:
    """The quarter (1-4) that contains ``month`` (1-12)."""
    return (month - 1) // 3 + 1


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return following - dt.timedelta(days=1)


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter."""
    first_month = 3 * quarter - 2
    return dt.date(year, first_month, 1), month_end(year, first_month + 2)


def parse_schedule(text: str) -> Schedule:
    """Parse the official wording; raise :class:`ScheduleError` naming the text and the accepted forms."""
    if not isinstance(text, str):
        raise ScheduleError(f"schedule must be text, got {type(text).__name__}; accepted forms: {ACCEPTED_FORMS}")
    wording = " ".join(unicodedata.normalize("NFC", text).split())  # decomposed marks read the same
    if wording == ONGOING_TEXT:
        return Schedule(wording, ScheduleKind.ONGOING, None, (1, 2, 3, 4))
    if wording == ON_REQUEST_TEXT:
        return Schedule(wording, ScheduleKind.ON_REQUEST, None, ())
    if match := _QUARTERS_RE.match(wording):
        romans = re.split(r", | và ", match["list"])
        quarters = tuple(ROMAN_QUARTERS[roman] for roman in romans)
        if list(quarters) != sorted(set(quarters)):
            raise ScheduleError(f"schedule «{text}»: quarters must be in increasing order, each once")
        if len(quarters) > 1 and " và " not in match["list"]:
            raise ScheduleError(
                f"schedule «{text}»: join the last two quarters with «và», e.g. «Quý I, II và III/2026»"
            )
        return Schedule(wording, ScheduleKind.QUARTERS, int(match["year"]), quarters)
    if match := _MONTHS_RE.match(wording):
        first, last = int(match["m1"]), int(match["m2"])
        year, end_year = int(match["y1"]), int(match["y2"])
        if not (1 <= first <= 12 and 1 <= last <= 12):
            raise ScheduleError(f"schedule «{text}»: months must be 01 to 12")
        if year != end_year:
            raise ScheduleError(f"schedule «{text}»: a span of months must lie within one year")
        if first > last:
            raise ScheduleError(f"schedule «{text}»: the first month comes after the last")
        quarters = tuple(range(quarter_of_month(first), quarter_of_month(last) + 1))
        return Schedule(wording, ScheduleKind.MONTHS, year, quarters, (first, last))
    raise ScheduleError(f"schedule «{text}» is not a wording the site understands; accepted forms: {ACCEPTED_FORMS}")
