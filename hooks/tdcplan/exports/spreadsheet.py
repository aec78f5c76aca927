"""Cells for spreadsheets (CSV, xlsx): text that a spreadsheet would run as a formula is made inert.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``,
``-`` or ``@`` (and, in some versions, a tab or carriage return before one) as a
formula, and a formula can fetch URLs or run commands ("CSV injection"). The
usual remedy (OWASP) is a leading apostrophe: spreadsheets show the text as
typed and hide the apostrophe. The open-data page documents it.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_PREFIX = "'"


def spreadsheet_text(text: str) -> str:
    """``text`` as a cell that is never a formula: a leading apostrophe when it starts like one."""
    return TEXT_PREFIX + text if text.startswith(FORMULA_STARTS) else text
