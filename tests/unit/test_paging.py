"""The paging helper: listings cut into pages of rows, headings carried over, the pager's window."""

from __future__ import annotations

import pytest
from tdcplan.paging import ROWS_PER_PAGE, SUMMARY_ROWS, Opening, Section, page_count, page_window, paginate


def rows(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{n}" for n in range(1, count + 1))


def layout(pages) -> list[list[tuple[tuple, tuple, tuple]]]:
    """Per page, per part: (headings it opens, with «+» for continued ones), (first row, last row)."""
    return [
        [
            (
                tuple(f"{o.heading}+" if o.continued else o.heading for o in part.openings),
                (part.rows[0], part.rows[-1]) if part.rows else (),
                part.continued,
            )
            for part in page.parts
        ]
        for page in pages
    ]


def test_a_short_listing_is_one_page():
    sections = [Section(("Quý I",), rows("a", 3)), Section(("Quý II",), rows("b", 2))]
    [page] = paginate(sections, per_page=5)
    assert (page.number, page.count, page.is_first, page.is_split) == (1, 1, True, False)
    assert [part.openings for part in page.parts] == [(Opening(0, "Quý I", False),), (Opening(0, "Quý II", False),)]
    assert (page.first_row, page.last_row, page.rows) == (1, 5, 5)


def test_a_section_cut_across_pages_is_opened_again_as_continued():
    sections = [Section(("Quý I",), rows("a", 3)), Section(("Quý II",), rows("b", 6))]
    pages = paginate(sections, per_page=4)
    assert [page.count for page in pages] == [3, 3, 3]
    assert layout(pages) == [
        [(("Quý I",), ("a1", "a3"), False), (("Quý II",), ("b1", "b1"), False)],
        [(("Quý II+",), ("b2", "b5"), True)],
        [(("Quý II+",), ("b6", "b6"), True)],
    ]
    assert [(p.first_row, p.last_row) for p in pages] == [(1, 4), (5, 8), (9, 9)]
    assert all(len(part.rows) <= 4 for page in pages for part in page.parts)


def test_outer_headings_are_shared_and_continued_too():
    led, coordinated = "Chủ trì", "Phối hợp"
    sections = [
        Section((led, "Quý I"), rows("a", 2)),
        Section((led, "Quý II"), rows("b", 3)),
        Section((coordinated, "Quý I"), rows("c", 1)),
        Section((coordinated,), (), "Không có nhiệm vụ nào."),
    ]
    pages = paginate(sections, per_page=3)
    assert layout(pages) == [
        [((led, "Quý I"), ("a1", "a2"), False), (("Quý II",), ("b1", "b1"), False)],
        [((f"{led}+", "Quý II+"), ("b2", "b3"), True), ((coordinated, "Quý I"), ("c1", "c1"), False)],
        # A section with the same outer heading but no inner one opens nothing new but its own rows.
        [((f"{coordinated}+",), (), False)],
    ]
    assert pages[2].parts[0].section.empty_text == "Không có nhiệm vụ nào."


def test_an_empty_section_takes_one_row_and_no_sections_one_empty_page():
    pages = paginate([Section(("A",), (), "Không có."), Section(("B",), rows("b", 2))], per_page=2)
    assert layout(pages) == [[(("A",), (), False), (("B",), ("b1", "b1"), False)], [(("B+",), ("b2", "b2"), True)]]
    assert pages[0].rows == 3
    [empty] = paginate([], per_page=2)
    assert (empty.count, empty.parts, empty.rows) == (1, (), 0)


def test_a_listing_without_headings_opens_none():
    pages = paginate([Section((), rows("t", 7))], per_page=3)
    assert [[(part.openings, part.rows) for part in page.parts] for page in pages] == [
        [((), ("t1", "t2", "t3"))],
        [((), ("t4", "t5", "t6"))],
        [((), ("t7",))],
    ]
    assert len(pages) == page_count(7, 3)


def test_page_count():
    assert [page_count(n, 30) for n in (0, 1, 30, 31, 60, 61)] == [1, 1, 1, 2, 2, 3]
    with pytest.raises(ValueError, match="at least 1"):
        page_count(3, 0)
    assert page_count(2400 * 3) == -(-7200 // ROWS_PER_PAGE)


def test_the_pager_shows_a_window_of_pages():
    assert page_window(1, 1) == [1]
    assert page_window(2, 4) == [1, 2, 3, 4]
    assert page_window(1, 10) == [1, 2, 3, None, 10]
    assert page_window(5, 10) == [1, 2, 3, 4, 5, 6, 7, None, 10]  # one number left out is shown, not «…»
    assert page_window(50, 95) == [1, None, 48, 49, 50, 51, 52, None, 95]
    assert all(len(page_window(n, 1000)) <= 9 for n in range(1, 1001))


def test_the_cap_is_one_constant():
    assert SUMMARY_ROWS == ROWS_PER_PAGE // 4
