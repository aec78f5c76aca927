"""The schedule parser: every official wording is understood exactly, anything else is refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest
from tdcplan.schedule import (
    ACCEPTED_FORMS,
    Schedule,
    ScheduleError,
    ScheduleKind,
    month_end,
    parse_schedule,
    quarter_bounds,
    quarter_of_month,
)

QUARTERS, MONTHS, ONGOING, ON_REQUEST = (
    ScheduleKind.QUARTERS,
    ScheduleKind.MONTHS,
    ScheduleKind.ONGOING,
    ScheduleKind.ON_REQUEST,
)


@pytest.mark.parametrize(
    ("text", "kind", "year", "quarters", "months"),
    [
        ("Quý I/2026", QUARTERS, 2026, (1,), None),
        ("Quý II/2026", QUARTERS, 2026, (2,), None),
        ("Quý III/2026", QUARTERS, 2026, (3,), None),
        ("Quý IV/2026", QUARTERS, 2026, (4,), None),
        ("Quý I và II/2026", QUARTERS, 2026, (1, 2), None),
        ("Quý II và III/2026", QUARTERS, 2026, (2, 3), None),
        ("Quý I, II và III/2026", QUARTERS, 2026, (1, 2, 3), None),
        ("Quý II, III và IV/2026", QUARTERS, 2026, (2, 3, 4), None),
        ("Quý I, II, III và IV/2026", QUARTERS, 2026, (1, 2, 3, 4), None),
        ("Quý III/2031", QUARTERS, 2031, (3,), None),
        ("Quý I và II/2025", QUARTERS, 2025, (1, 2), None),
        ("Từ tháng 01/2026 đến tháng 11/2026", MONTHS, 2026, (1, 2, 3, 4), (1, 11)),
        ("Từ tháng 3/2027 đến tháng 5/2027", MONTHS, 2027, (1, 2), (3, 5)),
        ("Từ tháng 04/2026 đến tháng 06/2026", MONTHS, 2026, (2,), (4, 6)),
        ("Từ tháng 12/2026 đến tháng 12/2026", MONTHS, 2026, (4,), (12, 12)),
        ("Thường xuyên", ONGOING, None, (1, 2, 3, 4), None),
        ("Định kỳ hoặc đột xuất theo yêu cầu", ON_REQUEST, None, (), None),
    ],
)
def test_accepted_form(text, kind, year, quarters, months):
    assert parse_schedule(text) == Schedule(text, kind, year, quarters, months)


def test_white_space_is_folded_and_the_folded_wording_kept():
    assert parse_schedule("  Quý I  và\nII/2026 ") == Schedule("Quý I và II/2026", QUARTERS, 2026, (1, 2))
    assert parse_schedule("Thường\nxuyên") == Schedule("Thường xuyên", ONGOING, None, (1, 2, 3, 4))


@pytest.mark.parametrize(
    ("year", "quarter", "first", "last"),
    [
        (2026, 1, dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        (2026, 2, dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        (2026, 3, dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        (2026, 4, dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        (2028, 1, dt.date(2028, 1, 1), dt.date(2028, 3, 31)),
    ],
)
def test_quarter_bounds(year, quarter, first, last):
    assert quarter_bounds(year, quarter) == (first, last)


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [(2026, 2, 28), (2028, 2, 29), (2026, 11, 30), (2026, 12, 31), (2026, 1, 31)],
)
def test_month_end(year, month, last):
    assert month_end(year, month) == dt.date(year, month, last)


def test_quarter_of_every_month():
    assert [quarter_of_month(month) for month in range(1, 13)] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]


def test_kind_values_are_the_open_data_contract():
    assert [kind.value for kind in ScheduleKind] == ["quarters", "months", "ongoing", "on_request"]


NOT_UNDERSTOOD = "is not a wording the site understands; accepted forms: "


@pytest.mark.parametrize(
    "text",
    [
        "Quý V/2026",  # no fifth quarter
        "Quý IIII/2026",
        "Quý 1/2026",  # Arabic numeral
        "Quý I/26",  # two-digit year
        "Quý I/20260",
        "Quý /2026",
        "quý I/2026",  # lower case
        "Quý I/2026.",  # trailing full stop
        "Quý I,II và III/2026",  # no space after the comma
        "Quý I và II và III/2026",
        "Quý I và II, III/2026",
        "Quý I/２０２６",  # full-width digits
        "Quý I/٢٠٢٦",  # Arabic-Indic digits
        "Từ tháng 001/2026 đến tháng 3/2026",
        "Từ tháng 01/2026",
        "thường xuyên",  # lower case
        "THƯỜNG XUYÊN",
        "Thường xuyên.",
        "Định kỳ",
        "",
        "   ",
        "Q1/2026",
        "Cả năm",
        "2026",
    ],
)
def test_rejected_form_names_the_text_and_the_accepted_forms(text):
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(text)
    assert str(caught.value) == f"schedule «{text}» {NOT_UNDERSTOOD}{ACCEPTED_FORMS}"


def test_accepted_forms_list_every_kind_of_wording():
    for form in (
        "«Quý I/2026»",
        "«Quý I và II/2026»",
        "«Quý I, II và III/2026»",
        "«Từ tháng 01/2026 đến tháng 11/2026»",
        "«Thường xuyên»",
        "«Định kỳ hoặc đột xuất theo yêu cầu»",
    ):
        assert form in ACCEPTED_FORMS


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Quý II và I/2026", "quarters must be in increasing order, each once"),
        ("Quý I, I/2026", "quarters must be in increasing order, each once"),
        ("Quý I và I/2026", "quarters must be in increasing order, each once"),
        ("Quý III, II và IV/2026", "quarters must be in increasing order, each once"),
        ("Quý I, II/2026", "join the last two quarters with «và», e.g. «Quý I, II và III/2026»"),
        ("Quý I, II, III/2026", "join the last two quarters with «và», e.g. «Quý I, II và III/2026»"),
        ("Từ tháng 13/2026 đến tháng 14/2026", "months must be 01 to 12"),
        ("Từ tháng 00/2026 đến tháng 03/2026", "months must be 01 to 12"),
        ("Từ tháng 11/2026 đến tháng 01/2026", "the first month comes after the last"),
        ("Từ tháng 11/2026 đến tháng 02/2027", "a span of months must lie within one year"),
        ("Từ tháng 01/2026 đến tháng 01/2027", "a span of months must lie within one year"),
    ],
)
def test_rejected_form_says_what_is_wrong(text, reason):
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(text)
    assert str(caught.value) == f"schedule «{text}»: {reason}"


@pytest.mark.parametrize(
    ("value", "type_name"), [(2026, "int"), (3.5, "float"), (None, "NoneType"), (["Quý I/2026"], "list")]
)
def test_a_value_that_is_not_text_is_rejected(value, type_name):
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(value)
    assert str(caught.value) == f"schedule must be text, got {type_name}; accepted forms: {ACCEPTED_FORMS}"


def test_schedule_error_is_a_value_error():
    assert issubclass(ScheduleError, ValueError)
