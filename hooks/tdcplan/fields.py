"""Typed reading of located YAML values, collecting problems instead of raising.

Every accessor returns ``None`` (or an empty tuple) when the value is wrong and
records a :class:`Problem` saying what was found and what was expected, so one
run of the validator reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from .located import LocatedList, LocatedMap
from .problems import Problem

_TYPE_NAMES = {
    dict: "a mapping (key: value)",
    list: "a list",
    str: "text",
    int: "a whole number",
    bool: "true/false",
    float: "a number",
    type(None): "nothing (empty)",
    dt.date: "a date",
    dt.datetime: "a date and time",
}


def describe(value: Any) -> str:
    """Name a YAML value's type the way a maintainer would."""
    for kind in type(value).__mro__:
        if kind in _TYPE_NAMES:
            return _TYPE_NAMES[kind]
    return type(value).__name__


# Keys whose text may run over several lines (it is folded into one paragraph when shown).
# Every other text is one line: a line break in a name, a title or a schedule breaks
# Markdown tables, iCalendar lines and CI messages.
MULTILINE_KEYS = frozenset({"description"})


def text_fault(text: str, multiline: bool = False) -> str | None:
    """What makes ``text`` unfit for plan data, or ``None``; never quotes the text itself.

    Refused everywhere: control characters, invisible format characters (zero-width
    spaces and joiners, bidirectional controls, soft hyphens: they make look-alike
    names differ and can reorder what a reader sees) and text not in Unicode NFC
    (composed) form, so that two spellings that look alike compare equal.
    """
    if text.isprintable() and unicodedata.is_normalized("NFC", text):
        return None  # the usual case, checked in C: no control, format or line-separator character
    for character in text:
        code = ord(character)
        category = unicodedata.category(character)
        if character in "\n\r" or category in ("Zl", "Zp") or code == 0x85:
            if multiline and character == "\n":
                continue
            return f"contains a line break (U+{code:04X}); it must be one line"
        if category == "Cc" and not (multiline and character == "\t"):
            return f"contains the control character U+{code:04X}; remove it"
        if category == "Cf":
            name = unicodedata.name(character, "a format character")
            return f"contains the invisible character U+{code:04X} ({name.lower()}); remove it"
    if not unicodedata.is_normalized("NFC", text):
        return "is not in Unicode NFC (composed) form; retype it or save the file with composed characters"
    return None


class FieldReader:
    """Reads the fields of one file, recording problems against it."""

    def __init__(self, shown_as: str, problems: list[Problem]) -> None:
        self.path = shown_as
        self.problems = problems

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def mapping(
        self, value: Any, line: int, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> LocatedMap | None:
        """Check ``value`` is a mapping with the required keys and no unknown ones."""
        if not isinstance(value, LocatedMap):
            self.problem(line, f"{what} must be a mapping (key: value), found {describe(value)}")
            return None
        for key in required:
            if key not in value:
                self.problem(value.line, f"{what} lacks the key «{key}»")
        for key in value:
            if key not in required and key not in optional:
                known = ", ".join(required + optional)
                self.problem(value.line_of(key), f"{what} has an unknown key «{key}»; expected keys: {known}")
        return value

    def list(self, parent: LocatedMap, key: str, what: str, allow_empty: bool = True) -> LocatedList | None:
        """The list under ``key`` (absent counts as empty when allowed)."""
        value = parent.get(key)
        line = parent.line_of(key)
        if value is None and key not in parent:
            return None
        if value is None and allow_empty:
            empty = LocatedList()
            empty.line, empty.lines = line, []
            return empty
        if not isinstance(value, LocatedList):
            self.problem(line, f"{what} must be a list (lines starting with «- »), found {describe(value)}")
            return None
        if not value and not allow_empty:
            self.problem(line, f"{what} must not be empty")
        return value

    def text(self, parent: LocatedMap, key: str, what: str, required: bool = True) -> str | None:
        """Non-empty text under ``key``, whitespace at both ends removed."""
        if key not in parent:
            return None  # a missing required key is reported by mapping()
        return self.text_value(parent[key], parent.line_of(key), what, required, multiline=key in MULTILINE_KEYS)

    def text_value(
        self, value: Any, line: int, what: str, required: bool = True, multiline: bool = False
    ) -> str | None:
        """``value`` as non-empty, clean text (see :func:`text_fault`), stripped; else ``None`` and a problem."""
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(line, f"{what} must be text, found {describe(value)}")
            return None
        if not isinstance(value, str):
            self.problem(line, f"{what} must be text, found {describe(value)} {value!r}; put it in quotes")
            return None
        if not value.strip():
            self.problem(line, f"{what} must not be empty")
            return None
        fault = text_fault(value.strip(), multiline)
        if fault:
            self.problem(line, f"{what} {fault}")
            return None
        return value.strip()

    def text_list(self, parent: LocatedMap, key: str, what: str, allow_empty: bool) -> tuple[str, ...]:
        """A list of non-empty texts under ``key``."""
        items = self.list(parent, key, what, allow_empty)
        if items is None:
            return ()
        texts = []
        for index, item in enumerate(items):
            text = self.text_value(item, items.lines[index], f"{what}, item {index + 1}")
            if text is not None:
                texts.append(text)
        return tuple(texts)

    def integer(self, parent: LocatedMap, key: str, what: str) -> int | None:
        if key not in parent:
            return None
        value = parent[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(parent.line_of(key), f"{what} must be a whole number, found {describe(value)}")
            return None
        return value

    def date(self, parent: LocatedMap, key: str, what: str, required: bool = True) -> dt.date | None:
        """A date written YYYY-MM-DD."""
        if key not in parent:
            return None
        value = parent[key]
        if value is None and not required:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(parent.line_of(key), f"{what} must be a date written YYYY-MM-DD, found {value!r}")
        return None
