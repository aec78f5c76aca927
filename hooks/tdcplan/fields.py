"""Typed reading of located YAML values, collecting problems instead of raising.

Every accessor returns ``None`` (or an empty tuple) when the value is wrong and
records a :class:`Problem` saying what was found and what was expected, so one
run of the validator reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
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
        return self.text_value(parent[key], parent.line_of(key), what, required)

    def text_value(self, value: Any, line: int, what: str, required: bool = True) -> str | None:
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
