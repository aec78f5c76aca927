"""Whatever is in ``data/``, the loader returns the data or raises PlanDataError, never anything else.

Three kinds of input: random YAML-shaped values in place of a whole file; the
real files with one node of their structure replaced, removed or added; and the
real files with one line's text mangled (values YAML reads in surprising ways).
"""

from __future__ import annotations

import copy
import re
import shutil
import signal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_data_helpers import CORRECTIONS, DATA, PLAN, REFERENCES, STATUS, UNITS
from tdcplan.load import PlanData, load_data
from tdcplan.problems import PlanDataError

FILES = [PLAN, UNITS, REFERENCES, CORRECTIONS, STATUS]
# As many examples as the active Hypothesis profile asks (100 by default; `make test-fast` uses
# the "fast" profile of tests/conftest.py).
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: the examples run faster

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates()
keys = (
    st.text(max_size=12) | st.integers(-3, 3) | st.sampled_from(["task", "id", "letter", "schedule", "units", "groups"])
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=25,
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One copy of ``data/`` per test; each example edits one file and puts it back."""
    root = tmp_path_factory.mktemp("property")
    shutil.copytree(DATA, root / "data")
    return root


def check(root: Path, path: str, content: bytes) -> None:
    """Load the data with ``content`` as ``path``: a result or a PlanDataError of located problems."""
    target = root / path
    original = target.read_bytes()
    target.write_bytes(content)
    try:
        try:
            result = load_data(root / "data", root)
        except PlanDataError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.path in FILES or problem.path == "data/plans", problem
                assert problem.message.strip(), problem
                assert 0 <= problem.line <= line_count(root / problem.path), problem
        else:
            assert isinstance(result, PlanData)
    finally:
        target.write_bytes(original)


# What YAML counts as a line break (a lone CR and NEL, LS, PS too).
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def line_count(path: Path) -> int:
    if not path.is_file():
        return 0
    return len(LINE_BREAK.findall(path.read_bytes().decode("utf-8", "replace"))) + 1


def dump(value) -> bytes:
    return yaml.dump(value, Dumper=Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


@SETTINGS
@given(path=st.sampled_from(FILES), value=yaml_values)
def test_random_yaml_in_place_of_a_file(scratch, path, value):
    check(scratch, path, dump(value))


def nodes(value, path=()):
    """Every position in a YAML structure, as a path of keys and indexes."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from nodes(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from nodes(child, (*path, index))


REAL = {path: yaml.safe_load((DATA / path.removeprefix("data/")).read_text(encoding="utf-8")) for path in FILES}
REAL_NODES = {path: list(nodes(value)) for path, value in REAL.items()}


def mutated(document, where: tuple, how: str, value, key):
    """A copy of ``document`` with the node at ``where`` replaced, removed or given a sibling."""
    document = copy.deepcopy(document)
    if not where:
        return value
    parent = document
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if how == "replace":
        parent[last] = value
    elif how == "remove":
        del parent[last]
    elif how == "add" and isinstance(parent, dict):
        parent[key] = value
    elif how == "add":
        parent.insert(last, value)
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif how == "duplicate":
        parent[key] = parent[last]
    return document


@SETTINGS
@given(data=st.data())
def test_real_structure_with_one_node_changed(scratch, data):
    path = data.draw(st.sampled_from([PLAN, PLAN, PLAN, UNITS, REFERENCES, CORRECTIONS]), label="file")
    where = data.draw(st.sampled_from(REAL_NODES[path]), label="node")
    how = data.draw(st.sampled_from(["replace", "replace", "remove", "add", "duplicate"]), label="how")
    value = data.draw(yaml_values, label="value")
    key = data.draw(keys, label="key")
    check(scratch, path, dump(mutated(REAL[path], where, how, value, key)))


# Scalars and fragments YAML reads in surprising ways, to put where a value was.
TRICKY = [
    "2026-13-01",
    "2026-02-30",
    "2026-01-01 25:00:00",
    "0x_",
    "0b_",
    "!!int abc",
    "!!float x",
    "!!bool maybe",
    "!!timestamp later",
    "!!binary '!!'",
    "!!python/object:os.system ls",
    "!foo bar",
    "&a [*a]",
    "*undefined",
    "&b {k: *b}",
    "{",
    "[",
    "'",
    '"',
    "- x",
    "? [a]",
    "<<: 1",
    "null",
    "~",
    "[]",
    "{}",
    "yes",
    "no",
    ".inf",
    ".nan",
    "1e3",
    "12:30",
    "0o17",
    "2026-06-30",
    "Quý I/2026",
    "Quý V/2026",
    "Thường xuyên",
    "2.đ",
    "chi-cuc-tdc",
    "|",
    ">",
    "%YAML 1.1",
    "---",
    "...",
    "\t",
    "\x00",
    "\x85",
    "\ufeff",
    "a: b: c",
]
LINES = {
    path: (DATA / path.removeprefix("data/")).read_text(encoding="utf-8").splitlines(keepends=True) for path in FILES
}


@SETTINGS
@given(
    path=st.sampled_from([PLAN, PLAN, UNITS, REFERENCES, CORRECTIONS, STATUS]),
    where=st.integers(min_value=0),
    replacement=st.sampled_from(TRICKY) | st.text(max_size=15),
    whole_line=st.booleans(),
)
def test_real_text_with_one_value_mangled(scratch, path, where, replacement, whole_line):
    lines = list(LINES[path])
    index = where % len(lines)
    line = lines[index]
    if whole_line or ": " not in line:
        indent = line[: len(line) - len(line.lstrip())]
        lines[index] = indent + replacement + "\n"
    else:
        lines[index] = line[: line.index(": ") + 2] + replacement + "\n"
    check(scratch, path, "".join(lines).encode("utf-8", "surrogatepass"))


@settings(max_examples=min(40, settings.default.max_examples), deadline=None)
@given(content=st.binary(max_size=200))
def test_random_bytes_in_place_of_a_file(scratch, content):
    check(scratch, STATUS, content)


# --- hostile YAML: aliases, deep nesting, control characters, huge strings ----------------------

# A hang guard, not a speed test: the slowest of these takes well under a second (issue 16 measured
# them); an alias explosion or a quadratic path would take minutes and trips the alarm instead.
HANG_GUARD_SECONDS = 20
HOSTILE_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

odd_characters = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co", "Cs"]) | st.sampled_from(
    "\n\r\t\x85\u2028\u200b\u202e\ufeff:&*[]{}#|>-'\""
)
odd_text = st.text(odd_characters | st.characters(), max_size=40)


@st.composite
def alias_bombs(draw) -> str:
    """Anchors each naming a list of aliases to the one before: up to ``width ** levels`` values."""
    levels, width = draw(st.integers(1, 30)), draw(st.integers(1, 12))
    lines = ["reports: []", "a0: &a0 [x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * width)}]")
    if draw(st.booleans()):
        lines.append(f"<<: *a{levels - 1}")
    return "\n".join(lines) + "\n"


@st.composite
def deep_nests(draw) -> str:
    depth = draw(st.integers(1, 5000))
    kind = draw(st.sampled_from(["flow-list", "flow-map", "block"]))
    if kind == "flow-list":
        return "reports: " + "[" * depth + "]" * depth + "\n"
    if kind == "flow-map":
        return "reports: " + "{a: " * depth + "1" + "}" * depth + "\n"
    depth = min(depth, 800)  # block nesting costs two spaces a level: 800 levels is 640 KB already
    return "reports:\n" + "".join("  " * level + "- \n" for level in range(1, depth)) + "  " * depth + "- x\n"


@st.composite
def huge_strings(draw) -> str:
    size = draw(st.integers(0, 3_000_000))
    character = draw(st.sampled_from(["x", "ệ", "\x00", "\u200b", "'", "\\"]))
    quoted = draw(st.booleans())
    value = character * size
    return f'reports: "{value}"\n' if quoted else f"reports:\n  - task: '1.a'\n    note: {value}\n"


@st.composite
def control_characters_in_values(draw) -> str:
    key = draw(st.sampled_from(["task", "status", "as_of", "note", draw(odd_text)]))
    return f"reports:\n  - task: '1.a'\n    status: in_progress\n    as_of: 2026-06-30\n    {key}: {draw(odd_text)!r}\n"


hostile_yaml = alias_bombs() | deep_nests() | huge_strings() | control_characters_in_values() | odd_text


class HangGuard(Exception):
    pass


def _alarm(signum, frame):
    raise HangGuard(f"the validator took more than {HANG_GUARD_SECONDS} s")


@HOSTILE_SETTINGS
@given(text=hostile_yaml, path=st.sampled_from([STATUS, UNITS, PLAN]))
def test_hostile_yaml_ends_with_data_or_problems(scratch, text, path):
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        check(scratch, path, text.encode("utf-8", "surrogatepass"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
