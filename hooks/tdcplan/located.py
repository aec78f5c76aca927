"""YAML documents whose mappings and sequences remember the line of every value.

PyYAML's composer keeps a mark on every node; the constructor throws them away.
We compose the node tree ourselves and build plain containers that keep, for
each value, the 1-based line it starts on, so the validator can say
``data/plans/2026/plan.yml:57: ...``.
"""

from __future__ import annotations

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


class _Constructor(yaml.constructor.SafeConstructor):
    """Safe constructor for scalars only; containers are built by :func:`_build`."""


def _build(node: yaml.Node, constructor: _Constructor) -> Any:
    if isinstance(node, yaml.MappingNode):
        constructor.flatten_mapping(node)  # resolve YAML merge keys (<<) like safe_load does
        result = LocatedMap()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node, constructor)
            if isinstance(key, (dict, list)):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            result[key] = _build(value_node, constructor)
            result.lines[key] = value_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_build(item, constructor) for item in node.value)
        items.line = node.start_mark.line + 1
        items.lines = [item.start_mark.line + 1 for item in node.value]
        return items
    return constructor.construct_object(node, deep=True)


def read_yaml(path: Path, shown_as: str) -> tuple[Any, list[Problem]]:
    """Read one YAML file; return its located content, or ``None`` and the problems.

    ``shown_as`` is how the file is named in messages (a path relative to the
    repository, so messages are clickable in editors and CI annotations).
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(shown_as, 0, f"cannot read the file: {error.strerror or error}")]
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
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if node is None:
            return None, [Problem(shown_as, 1, "the file is empty; expected a YAML mapping")]
        return _build(node, _Constructor()), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        what = error.problem or error.context or "invalid YAML"
        return None, [Problem(shown_as, line, f"invalid YAML: {what}")]
    except yaml.reader.ReaderError as error:  # a control character YAML does not allow
        line = text[: error.position].count("\n") + 1
        return None, [Problem(shown_as, line, f"invalid YAML: character {error.character!r} is not allowed")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 0, f"invalid YAML: {error}")]
