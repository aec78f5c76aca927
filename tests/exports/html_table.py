"""Reads the printable table of a built page back into text: rows of cells, each cell its paragraphs."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _TableParser(HTMLParser):
    """Collects the rows of the first ``<table class="...{css_class}...">``: each cell as its ``<p>`` texts
    (or its whole text when it has no paragraph), with the row's class."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.rows: list[tuple[str, list[list[str]]]] = []
        self.header: list[str] = []
        self._depth = 0  # inside the table
        self._section = ""
        self._cell: list[str] | None = None
        self._paragraph: list[str] | None = None
        self._paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table" and self.css_class in (attributes.get("class") or "").split() and not self.rows:
            self._depth = 1
            return
        if not self._depth:
            return
        if tag in ("thead", "tbody"):
            self._section = tag
        elif tag == "tr" and self._section == "tbody":
            self.rows.append((attributes.get("class") or "", []))
        elif tag in ("td", "th"):
            self._cell, self._paragraphs = [], []
        elif tag == "p" and self._cell is not None:
            self._paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if tag == "table":
            self._depth = 0
        elif tag == "p" and self._paragraph is not None:
            self._paragraphs.append(" ".join("".join(self._paragraph).split()))
            self._paragraph = None
        elif tag in ("td", "th") and self._cell is not None:
            whole = " ".join("".join(self._cell).split())
            value = self._paragraphs or [whole]
            if self._section == "thead":
                self.header.append(whole)
            else:
                self.rows[-1][1].append(value)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._paragraph is not None:
            self._paragraph.append(data)


def read_table(html_file: Path, css_class: str) -> tuple[list[str], list[tuple[str, list[list[str]]]]]:
    """The header cells and the body rows (row class, cells) of the table with ``css_class``."""
    parser = _TableParser(css_class)
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.header, parser.rows
