"""YAML documents whose mappings and sequences remember the line of every value.

PyYAML's composer keeps a mark on every node; the constructor throws them away.
We compose the node tree ourselves and build plain containers that keep, for
each value, the 1-based line it starts on, so the validator can say
``data/plans/2026/plan.yml:57: ...``.

Data files come from pull requests, so reading is bounded: only regular files
inside the data directory, at most :data:`MAX_FILE_BYTES` holding at most
:data:`MAX_VALUES` values, nested at most :data:`MAX_DEPTH` deep, and no
aliases (``*name``) at all. Aliases are refused
rather than budgeted: the data is official wording reviewed line by line, and a
value written once and used elsewhere hides what a line means from that review;
no data file uses them; and refusing costs nothing, where a budget ("billion
laughs" stays under it) would still have to be tuned and proven.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem


class LocatedMap(dict):
    """A YAML mapping; ``line`` is where it starts, ``lines[key]`` where each value starts."""

    line: int
    lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """The line of the value under ``key``, or of the mapping when the key is absent."""
        return self.lines.get(key, self.line)


class LocatedList(list):
    """A YAML sequence; ``line`` is where it starts, ``lines[i]`` where item ``i`` starts."""

    line: int
    lines: list[int]


MAX_FILE_BYTES = 2_500_000  # the 2026 plan.yml is 18 KB; the plan × 100 of the benchmarks (2,400 tasks) is 1.7 MB
MAX_DEPTH = 30  # the deepest real structure is 5 levels (plan, groups, a group, tasks, a task, a list)
MAX_VALUES = 60_000  # the 2026 plan.yml holds 531 values (keys included), the plan × 100 about 53,000

_ALIAS_REFUSED = "an alias (*{}) is not allowed in data files; write the value out where it is used"
_TOO_DEEP = f"the data is nested more than {MAX_DEPTH} levels deep; expected at most a few levels"
_TOO_MANY = f"the file holds more than {MAX_VALUES:,} values; expected a plan data file (the 2026 plan holds 531)"


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader composing nodes with no alias and at most :data:`MAX_DEPTH` levels."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.depth = 0
        self.values = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, _ALIAS_REFUSED.format(event.anchor), event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, _TOO_DEEP, self.peek_event().start_mark)
        self.values += 1
        if self.values > MAX_VALUES:
            raise yaml.composer.ComposerError(None, None, _TOO_MANY, self.peek_event().start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _check_events(events: Any) -> None:
    """Refuse an alias, a node nested deeper than :data:`MAX_DEPTH` or past :data:`MAX_VALUES`, from parser events."""
    open_collections = values = 0
    for event in events:
        if isinstance(event, yaml.NodeEvent):
            if open_collections >= MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, _TOO_DEEP, event.start_mark)
            values += 1
            if values > MAX_VALUES:
                raise yaml.composer.ComposerError(None, None, _TOO_MANY, event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, _ALIAS_REFUSED.format(event.anchor), event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            open_collections += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            open_collections -= 1


def _compose(text: str) -> yaml.Node | None:
    """The node tree of ``text``, bounded as the module says.

    With libyaml (PyYAML's C extension, in its wheels) the events are checked
    first and then composed in C: about twenty times faster than pure Python,
    so the largest file allowed is read in well under a second. Without it the
    pure-Python composer applies the same bounds as it goes.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return yaml.compose(text, Loader=_BoundedLoader)
    try:
        _check_events(yaml.parse(text, Loader=fast))
    except yaml.reader.ReaderError:
        yaml.reader.Reader(text)  # the pure-Python reader names the character and its position
        raise
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in (error.problem or ""):  # libyaml's own limit (1000 levels), met while scanning ahead
            raise yaml.composer.ComposerError(None, None, _TOO_DEEP, error.problem_mark) from None
        raise
    return yaml.compose(text, Loader=fast)


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe constructor for scalars only; containers are built by :func:`_build`."""


# What a scalar's resolved tag promised, for the message when its text cannot be read as one.
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:timestamp": "a date",
}


def _build(node: yaml.Node, constructor: _Constructor) -> Any:
    """Build ``node``: containers here (the loader refused aliases, so each node is built once), scalars by PyYAML."""
    if isinstance(node, yaml.MappingNode):
        own = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
        constructor.flatten_mapping(node)  # resolve YAML merge keys (<<) like safe_load does
        merged = len(node.value) - own  # merged entries come first; the mapping's own keys override them
        result = LocatedMap()
        result.line = node.start_mark.line + 1
        result.lines = {}
        own_keys = set()
        for index, (key_node, value_node) in enumerate(node.value):
            key = _build(key_node, constructor)
            if isinstance(key, (dict, list)):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in own_keys:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            if index >= merged:
                own_keys.add(key)
            result[key] = _build(value_node, constructor)
            result.lines[key] = value_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_build(item, constructor) for item in node.value)
        items.line = node.start_mark.line + 1
        items.lines = [item.start_mark.line + 1 for item in node.value]
        return items
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.YAMLError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
        # PyYAML lets these escape for scalars such as «2026-13-01» (resolved as a date), «0x_», «!!int abc».
        kind = _TAG_NAMES.get(node.tag, f"«{node.tag}»")
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"«{node.value}» cannot be read as {kind} ({error}); put it in quotes if it is text",
            node.start_mark,
        ) from error


def _read_regular_file(path: Path, inside: Path | None) -> bytes:
    """The bytes of ``path`` if it is a regular file (not a link, device or FIFO) within ``inside``.

    Raises :class:`OSError` or :class:`ValueError` saying why not; the message never
    quotes what the file (or a link's target) contains.
    """
    if inside is not None:
        real, folder = os.path.realpath(path), os.path.realpath(inside)
        if os.path.commonpath([real, folder]) != folder:
            raise ValueError(
                "the file lies outside the data directory (through a symbolic link); expected a file in it"
            )
    status = os.lstat(path)
    if stat.S_ISLNK(status.st_mode):
        raise ValueError("the file is a symbolic link; expected a regular file")
    if not stat.S_ISREG(status.st_mode):
        raise ValueError("the file is not a regular file (a device, a pipe or a folder); expected a YAML file")
    # O_NOFOLLOW and O_NONBLOCK: if the file is swapped for a link or a pipe after the check, fail, never hang.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise ValueError("the file is not a regular file; expected a YAML file")
        raw = file.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"the file is larger than {MAX_FILE_BYTES:,} bytes; expected a plan data file")
    return raw


def read_yaml(path: Path, shown_as: str, inside: Path | None = None) -> tuple[Any, list[Problem]]:
    """Read one YAML file; return its located content, or ``None`` and the problems.

    ``shown_as`` is how the file is named in messages (a path relative to the
    repository, so messages are clickable in editors and CI annotations).
    ``inside`` is the data directory: the file must be a regular file within it.
    """
    try:
        raw = _read_regular_file(path, inside)
    except OSError as error:
        return None, [Problem(shown_as, 0, f"cannot read the file: {error.strerror or error}")]
    except ValueError as error:
        return None, [Problem(shown_as, 0, f"cannot read the file: {error}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown_as, line, f"the file is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8")
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        node = _compose(text)
        if node is None:
            return None, [Problem(shown_as, 1, "the file is empty; expected a YAML mapping")]
        return _build(node, _Constructor()), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # A problem at the end of the stream is marked on the line after the last one
        # («{» alone: line 2 of a one-line file): name the last line instead.
        line = min(mark.line + 1, max(1, len(text.splitlines()))) if mark else 0
        what = error.problem or error.context or "invalid YAML"
        return None, [Problem(shown_as, line, f"invalid YAML: {what}")]
    except yaml.reader.ReaderError as error:  # a control character YAML does not allow
        line = text[: error.position].count("\n") + 1
        return None, [Problem(shown_as, line, f"invalid YAML: character U+{error.character:04X} is not allowed")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 0, f"invalid YAML: {error}")]
