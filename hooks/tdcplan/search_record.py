"""What the site search (Pagefind, ``/tim-kiem/``) knows of each page, set in its front matter.

Page generators put a ``pagefind`` mapping in the front matter of every page that
search should find; ``overrides/main.html`` turns it into Pagefind's markup
(``data-pagefind-body``, ``-meta``, ``-filter``, ``-weight``). Pages without it are
not indexed (the explorer, the print table, index pages…).

Filter names and values are the explorer's URL vocabulary (``nhom``, ``don-vi``,
``quy``, ``trang-thai``; ``chu-tri``/``phoi-hop`` are the explorer's ``vai-tro``
values), so a search's filters carry over to ``/tra-cuu/`` as they are.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Group, Reference, Task, Unit
from .vietnamese import fold
from .wording import quarter_name, shorten

# A page's kind is its `trang` filter (search.js reads it there, and filters by it).
KIND_FILTER = "trang"
TASK_KIND = "nhiem-vu"
# Result kinds, in the order the search page lists them after ranking (tasks first).
KIND_LABELS = {
    TASK_KIND: "Nhiệm vụ",
    "don-vi": "Đơn vị",
    "nhom": "Nhóm nhiệm vụ",
    "quy": "Quý",
    "van-ban": "Văn bản, chương trình",
}

_D_WORD = re.compile(r"\w*[đĐ]\w*")


def task_number_key(number: str) -> str:
    """The key a typed task number is matched by: «2.đ» -> ``2dd``, «2.d» and «2d» -> ``2d``.

    ``search.js`` builds the same key from the query (``numberKey``).
    """
    return re.sub(r"[^0-9a-z]", "", number.lower().replace("đ", "dd"))


def _record(kind: str, filters: dict[str, list[str]], meta: dict[str, str]) -> dict[str, Any]:
    return {
        "filters": {KIND_FILTER: [kind], **{name: values for name, values in filters.items() if values}},
        "meta": {name: value for name, value in meta.items() if value},
    }


def task_search_record(task: Task) -> dict[str, Any]:
    """A task: what its result shows (number, first words, schedule) and its filters.

    The result names the lead units and the status from the filters, with the search form's
    own lists, not from meta: Pagefind (since 1.5) indexes the words of every meta field, and a lead
    unit's name there made «đo lường» match each task the Chi cục leads (and cost the index
    build a fifth of its memory at ×100).
    """
    return _record(
        TASK_KIND,
        {
            "so": [task_number_key(task.number)],
            "nhom": [str(task.group_number)],
            "chu-tri": [unit.id for unit in task.lead],
            "phoi-hop": [unit.id for unit in task.partners],
            "don-vi": [unit.id for unit in task.units],
            "quy": [str(q) for q in task.schedule.quarters],
            "trang-thai": [task.status_code.value],
        },
        {
            "so": task.number,
            "tom-tat": shorten(task.content[0].text, 160),
            "thoi-gian": task.schedule.text,
        },
    )


def unit_search_record(unit: Unit) -> dict[str, Any]:
    # The page's H1 is the short name; the result's title (and search.js's «the query names
    # this unit») needs the full official name too.
    return _record("don-vi", {"don-vi": [unit.id]}, {"title": unit.name, "tom-tat": unit.short_name})


def group_search_record(group: Group) -> dict[str, Any]:
    return _record("nhom", {"nhom": [str(group.number)]}, {"tom-tat": shorten(group.title, 160)})


def quarter_search_record(year: int, quarter: int) -> dict[str, Any]:
    return _record("quy", {"quy": [str(quarter)]}, {"tom-tat": quarter_name(quarter, year)})


def reference_search_record(reference: Reference) -> dict[str, Any]:
    return _record("van-ban", {}, {"tom-tat": reference.kind})


def folded_d_words(text: str) -> str:
    """The words of ``text`` that contain đ, folded (marks stripped, đ -> d), each once, in order.

    Pagefind strips tone marks but keeps đ, so «do luong» would not find «đo lường»;
    this text, indexed but hidden, gives every đ-word its unmarked spelling.
    """
    words = dict.fromkeys(fold(word) for word in _D_WORD.findall(text))
    return " ".join(words)
