"""Read an appendix in the source's Markdown-table form (a PDF-to-Markdown extraction).

The extraction cuts the table at every page break: the header row repeats, and
a row whose STT cell is empty continues the row above it, cell by cell. This
module undoes that and returns the title block, the groups and the task rows
with their cells joined, as text; it knows nothing of units or YAML.

Every piece of the table (each run of ``|`` lines) must start with the header
row, column by column as :data:`COLUMNS` spells it: a missing header or columns
in another order (lead and partners swapped) would otherwise import by position.
Groups must be numbered 1, 2, 3… and tasks lettered a, b, c… once each, so a
table pasted twice is refused.
"""

from __future__ import annotations

import html
import re
import unicodedata
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
    """The document is not an appendix table of the expected form; ``line`` is where (0: the whole document)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


def _header_key(cell: str) -> str:
    """A header cell as compared: NFC, one space, no space before «/», case folded."""
    text = " ".join(unicodedata.normalize("NFC", cell).split()).replace(" /", "/")
    return text.casefold()


_HEADER_KEYS = tuple(_header_key(column) for column in COLUMNS)
_HEADER_TEXT = " | ".join(COLUMNS)


def _is_header(cells: list[str]) -> bool:
    """Whether a row is a header row (its first cell reads «STT»), well formed or not."""
    return bool(cells) and _header_key(cells[0]) == _HEADER_KEYS[0]


def _check_header(cells: list[str], line: int) -> None:
    for index, (cell, expected) in enumerate(zip(cells, COLUMNS, strict=True)):
        if _header_key(cell) != _HEADER_KEYS[index]:
            raise AppendixError(
                line,
                f"column {index + 1} of the header is «{cell}», expected «{expected}» (the header reads: {_HEADER_TEXT})",
            )


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
    title_line: int = 0  # source line of the title
    issued_with_line: int = 0  # source line where «(Ban hành kèm theo …» starts


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
    """Parse the whole document; raise :class:`AppendixError` naming the line of anything unexpected.

    A leading UTF-8 byte-order mark is ignored; the text is read in Unicode NFC form.
    """
    source = unicodedata.normalize("NFC", source.removeprefix("\ufeff"))
    title_lines: list[tuple[str, int]] = []
    rows: list[Row] = []
    seen_table = False
    in_table = False  # inside a run of «|» lines; the first line of each run must be the header
    for line_number, line in enumerate(source.splitlines(), start=1):
        if not line.strip().startswith("|"):
            in_table = False
            if not seen_table and line.strip():
                title_lines.append((line.strip(), line_number))
            continue
        seen_table = True
        cells = _cells(line)
        starts_table, in_table = not in_table, True
        if len(cells) != len(COLUMNS):
            raise AppendixError(line_number, f"expected {len(COLUMNS)} cells, found {len(cells)}")
        if starts_table and not _is_header(cells):
            raise AppendixError(
                line_number,
                f"the table (or its part after a page break) must start with the header row: {_HEADER_TEXT}",
            )
        if _is_header(cells):
            _check_header(cells, line_number)
            continue  # the header, repeated after a page break
        if all(_SEPARATOR_CELL.match(c) for c in cells if c):
            continue  # the header's separator
        number, rest = cells[0], cells[1:]
        if number:
            rows.append(Row(number, rest, line_number))
        elif rows:
            rows[-1].extend(rest)
        else:
            raise AppendixError(line_number, "a continuation row (empty STT) before any row")
    if len(title_lines) < 3:
        raise AppendixError(0, "the title block (appendix heading, title, «(Ban hành kèm theo …)») is missing")
    (heading, _), (title, title_line), *issued = title_lines
    issued_with = " ".join(text for text, _ in issued).strip().removeprefix("(").removesuffix(")").strip()
    return Appendix(heading, title, issued_with, _groups(rows), title_line, issued[0][1])


def _groups(rows: list[Row]) -> list[AppendixGroup]:
    groups: list[AppendixGroup] = []
    for row in rows:
        if row.number.isdigit():
            if any(row.cells[1:]):
                raise AppendixError(row.line, f"group {row.number} has cells other than its title")
            if int(row.number) != len(groups) + 1:
                again = next((g for g in groups if g.number == int(row.number)), None)
                found = (
                    f"group {row.number} again (first at line {again.line}): is the table repeated?"
                    if again
                    else f"group {row.number}"
                )
                raise AppendixError(row.line, f"expected group {len(groups) + 1}, found {found}")
            groups.append(AppendixGroup(int(row.number), _plain(row.cells[0]), row.line))
        elif row.number in ITEM_LETTERS:
            if not groups:
                raise AppendixError(row.line, f"task «{row.number}» comes before any group")
            tasks = groups[-1].tasks
            expected = ITEM_LETTERS[len(tasks)] if len(tasks) < len(ITEM_LETTERS) else None
            if row.number != expected:
                again = next((t for t in tasks if t.letter == row.number), None)
                found = f"«{row.number}» again (first at line {again.line})" if again else f"«{row.number}»"
                raise AppendixError(row.line, f"expected task «{expected}» of group {groups[-1].number}, found {found}")
            content, outputs, schedule, lead, partners = row.cells
            tasks.append(
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
            raise AppendixError(row.line, f"STT «{row.number}» is neither a group number nor a task letter")
    return groups
