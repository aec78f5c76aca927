"""Read an appendix in the source's Markdown-table form (a PDF-to-Markdown extraction).

The extraction cuts the table at every page break: the header row repeats, and
a row whose STT cell is empty continues the row above it, cell by cell. This
module undoes that and returns the title block, the groups and the task rows
with their cells joined, as text; it knows nothing of units or YAML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .vietnamese import ITEM_LETTERS

NO_PARTNER = "/"  # the source's mark for «no coordinating unit»

COLUMNS = (
    "STT",
    "Nội dung thực hiện",
    "Sản phẩm/ dự kiến kết quả",
    "Thời gian thực hiện",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
)

_SEPARATOR_CELL = re.compile(r"^:?-+:?$")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_OUTPUT_ITEM_BREAK = re.compile(r"(?<=\.)\s+-\s+")


class AppendixError(ValueError):
    """The document is not an appendix table of the expected form."""


@dataclass
class Row:
    """A table row with its page-break continuations joined."""

    number: str  # "1" for a group, "a", "đ"… for a task
    cells: list[str]  # the five cells after STT
    line: int  # line of the row in the source

    def extend(self, cells: list[str]) -> None:
        """Append a continuation row's cells (a word cut at a page break is joined with a space)."""
        for index, more in enumerate(cells):
            if more:
                self.cells[index] = f"{self.cells[index]} {more}".strip()


@dataclass
class AppendixTask:
    letter: str
    content: list[str]
    outputs: list[str]
    schedule: str
    lead: str
    partners: str
    line: int


@dataclass
class AppendixGroup:
    number: int
    title: str
    line: int
    tasks: list[AppendixTask] = field(default_factory=list)


@dataclass
class Appendix:
    """The appendix: its title block as printed, and its groups of tasks."""

    heading: str  # e.g. "Phụ lục"
    title: str  # e.g. "DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN NĂM 2026"
    issued_with: str  # the parenthesised line(s), joined, without parentheses
    groups: list[AppendixGroup]


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [cell.replace("\\|", "|").strip() for cell in re.split(r"(?<!\\)\|", body)]


def content_paragraphs(cell: str) -> list[str]:
    """Paragraphs of a content cell: ``<p>`` elements if any, else the cell as one paragraph."""
    paragraphs = _PARAGRAPH.findall(cell) or [cell]
    return [_plain(p) for p in paragraphs if _plain(p)]


def output_items(cell: str) -> list[str]:
    """Items of an outputs cell: a cell starting with «- » lists items, each after a full stop and «- »."""
    text = _plain(cell)
    if not text.startswith("- "):
        return [text] if text else []
    return [item.strip() for item in _OUTPUT_ITEM_BREAK.split(text[2:]) if item.strip()]


def _plain(text: str) -> str:
    """Text without markup: tags dropped, entities decoded, white space folded."""
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def parse_appendix(source: str) -> Appendix:
    """Parse the whole document; raise :class:`AppendixError` naming the line of anything unexpected."""
    title_lines: list[str] = []
    rows: list[Row] = []
    seen_table = False
    for line_number, line in enumerate(source.splitlines(), start=1):
        if not line.strip().startswith("|"):
            if not seen_table and line.strip():
                title_lines.append(line.strip())
            continue
        seen_table = True
        cells = _cells(line)
        if len(cells) != len(COLUMNS):
            raise AppendixError(f"line {line_number}: expected {len(COLUMNS)} cells, found {len(cells)}")
        if cells[0] == COLUMNS[0] or all(_SEPARATOR_CELL.match(c) for c in cells if c):
            continue  # the header repeated after a page break, or its separator
        number, rest = cells[0], cells[1:]
        if number:
            rows.append(Row(number, rest, line_number))
        elif rows:
            rows[-1].extend(rest)
        else:
            raise AppendixError(f"line {line_number}: a continuation row (empty STT) before any row")
    if len(title_lines) < 3:
        raise AppendixError("the title block (appendix heading, title, «(Ban hành kèm theo …)») is missing")
    heading, title, *issued = title_lines
    issued_with = " ".join(issued).strip().removeprefix("(").removesuffix(")").strip()
    return Appendix(heading, title, issued_with, _groups(rows))


def _groups(rows: list[Row]) -> list[AppendixGroup]:
    groups: list[AppendixGroup] = []
    for row in rows:
        if row.number.isdigit():
            if any(row.cells[1:]):
                raise AppendixError(f"line {row.line}: group {row.number} has cells other than its title")
            groups.append(AppendixGroup(int(row.number), _plain(row.cells[0]), row.line))
        elif row.number in ITEM_LETTERS:
            if not groups:
                raise AppendixError(f"line {row.line}: task «{row.number}» comes before any group")
            content, outputs, schedule, lead, partners = row.cells
            groups[-1].tasks.append(
                AppendixTask(
                    letter=row.number,
                    content=content_paragraphs(content),
                    outputs=output_items(outputs),
                    schedule=_plain(schedule),
                    lead=_plain(lead),
                    partners=_plain(partners),
                    line=row.line,
                )
            )
        else:
            raise AppendixError(f"line {row.line}: STT «{row.number}» is neither a group number nor a task letter")
    return groups
