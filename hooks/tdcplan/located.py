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


# What a scalar's resolved tag promised, for the message when its text cannot be read as one.
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:timestamp": "a date",
}


def _build(node: yaml.Node, constructor: _Constructor, enclosing: frozenset[int] = frozenset()) -> Any:
    """Build ``node``; ``enclosing`` holds the ids of the containers being built around it."""
    if id(node) in enclosing:  # an alias inside the very container it names: «&a [*a]»
        raise yaml.constructor.ConstructorError(
            None, None, "an alias (*name) is used inside the mapping or list it names", node.start_mark
        )
    enclosing = enclosing | {id(node)}
    if isinstance(node, yaml.MappingNode):
        if not hasattr(node, "merged"):  # a node built again through an alias is flattened already
            own = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
            constructor.flatten_mapping(node)  # resolve YAML merge keys (<<) like safe_load does
            node.merged = len(node.value) - own  # merged entries come first; the mapping's own keys override them
        result = LocatedMap()
        result.line = node.start_mark.line + 1
        result.lines = {}
        own_keys = set()
        for index, (key_node, value_node) in enumerate(node.value):
            key = _build(key_node, constructor, enclosing)
            if isinstance(key, (dict, list)):
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in own_keys:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            if index >= node.merged:
                own_keys.add(key)
            result[key] = _build(value_node, constructor, enclosing)
            result.lines[key] = value_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        items = LocatedList(_build(item, constructor, enclosing) for item in node.value)
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
        return None, [Problem(shown_as, line, f"invalid YAML: character U+{error.character:04X} is not allowed")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 0, f"invalid YAML: {error}")]
