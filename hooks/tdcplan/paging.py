"""Long listings split into pages of at most :data:`ROWS_PER_PAGE` rows, with their headings carried over.

Material draws about 37 KB of header and navigation into every page, so a listing
page keeps within the page budget (60 KB of HTML, ``scripts/bench.py``) only if the
number of rows it draws is bounded, whatever the size of the plan. A listing is a
sequence of :class:`Section`: rows under zero or more nested headings (a role, then a
quarter, on a unit page). :func:`paginate` cuts it into pages; a section cut across
pages is opened again on the next page with its headings marked as continued
(«Quý II/2026 (tiếp theo)»). The addresses of the pages are :class:`~tdcplan.urls.Urls`'
(``…/trang-2/``); this module only counts.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

# The one cap on a listing page. Measured: a row of the task list is 360-510 bytes of HTML
# (the explorer's, with partners, the widest) and the page frame (Material's header,
# navigation, footer) about 42 KB; with 40 rows the largest listing page of the plan ×100 is
# 50.2 KB (scripts/bench.py), a margin under the 60 KB budget for longer texts and first-page
# summaries.
ROWS_PER_PAGE = 40
# A summary page (the home page) shows at most this many rows of each of its lists, then links
# to the whole list; a list that fits within a page (the year's timeline) is drawn whole.
SUMMARY_ROWS = ROWS_PER_PAGE // 4

T = TypeVar("T")


@dataclass(frozen=True)
class Section(Generic[T]):
    """Rows under their headings, outermost first (``()``: a listing without headings).

    A heading is any value the template knows how to print (a string, a role…);
    sections that follow one another under equal headings share them.
    """

    headings: tuple[Hashable, ...]
    rows: tuple[T, ...]
    empty_text: str = ""  # what the listing says when the section has no rows


@dataclass(frozen=True)
class Opening:
    """A heading a part opens: its depth (0 = outermost), its value, and whether an earlier page began it."""

    depth: int
    heading: Hashable
    continued: bool


@dataclass(frozen=True)
class Part(Generic[T]):
    """The rows of one section that fall on one page, after the headings this part opens."""

    section: Section[T]
    rows: tuple[T, ...]
    openings: tuple[Opening, ...]
    first_row: int  # the index of rows[0] in section.rows (0: the section starts here)

    @property
    def continued(self) -> bool:
        """The section began on an earlier page."""
        return self.first_row > 0


@dataclass(frozen=True)
class ListingPage(Generic[T]):
    """Page ``number`` of ``count`` of a listing of ``rows`` rows, whose first row here is row ``first_row``."""

    number: int
    count: int
    parts: tuple[Part[T], ...]
    rows: int  # rows of the whole listing (an empty section counts one)
    first_row: int  # 1-based, in the whole listing

    @property
    def last_row(self) -> int:
        return self.first_row + sum(max(1, len(part.rows)) for part in self.parts) - 1

    @property
    def is_first(self) -> bool:
        return self.number == 1

    @property
    def is_split(self) -> bool:
        """The listing has more than one page."""
        return self.count > 1


def _check(per_page: int) -> None:
    if per_page < 1:
        raise ValueError(f"rows per page must be at least 1, not {per_page}")


def page_count(rows: int, per_page: int = ROWS_PER_PAGE) -> int:
    """Pages for ``rows`` rows, at least one (a listing with no rows still has its page)."""
    _check(per_page)
    return max(1, -(-rows // per_page))


def paginate(sections: Sequence[Section[T]], per_page: int = ROWS_PER_PAGE) -> list[ListingPage[T]]:
    """Cut ``sections`` into pages of at most ``per_page`` rows; a long section continues on the next page.

    An empty section takes one row (the line saying it is empty). No sections: one empty page.
    """
    _check(per_page)
    pieces: list[list[tuple[Section[T], int, int]]] = [[]]  # per page: (section, start, stop)
    room = per_page
    for section in sections:
        start = 0
        while True:  # at least once: an empty section still takes its line
            if room < 1:
                pieces.append([])
                room = per_page
            stop = min(len(section.rows), start + room)
            pieces[-1].append((section, start, stop))
            room -= max(1, stop - start)
            start = stop
            if start >= len(section.rows):
                break
    total = sum(max(1, len(section.rows)) for section in sections)
    pages: list[ListingPage[T]] = []
    previous: Section[T] | None = None
    first_row = 1
    for number, page_pieces in enumerate(pieces, start=1):
        parts = []
        for index, (section, start, stop) in enumerate(page_pieces):
            parts.append(Part(section, section.rows[start:stop], _openings(previous, section, index == 0), start))
            previous = section
        page = ListingPage(number, len(pieces), tuple(parts), total, first_row)
        pages.append(page)
        first_row = page.last_row + 1
    return pages


def page_window(number: int, count: int, around: int = 2) -> list[int | None]:
    """The page numbers a pager shows: the first, the last and ``around`` either side of ``number``;
    ``None`` where numbers are left out, so that the pager stays short at any size."""
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    window: list[int | None] = []
    last = 0
    for page in shown:
        if last and page - last == 2:
            window.append(last + 1)  # one number left out: show it rather than «…»
        elif last and page - last > 2:
            window.append(None)
        window.append(page)
        last = page
    return window


def _openings(previous: Section | None, section: Section, starts_page: bool) -> tuple[Opening, ...]:
    """The headings ``section`` opens: those that differ from the previous section's, all of them atop a page.

    Atop a page, a heading the previous section shared was begun on an earlier page: it is continued.
    """
    openings = []
    shared = True  # the headings so far are the previous section's
    for depth, heading in enumerate(section.headings):
        shared = shared and previous is not None and previous.headings[: depth + 1] == section.headings[: depth + 1]
        if shared and not starts_page:
            continue
        openings.append(Opening(depth, heading, continued=shared))
    return tuple(openings)
