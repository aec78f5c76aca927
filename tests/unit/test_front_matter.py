"""Generated pages' front matter (tdcplan.front_matter), read back with MkDocs' own reader."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from mkdocs.utils.meta import get_data
from tdcplan.front_matter import front_matter

HOSTILE_TEXT = [
    "Nhiệm vụ 2.đ: «Hiệu chuẩn» — 100% / năm",
    "quotes \" and ' and back\\slash \\n \\u0041",
    "key: value # not a comment",
    "- a list item? [1, 2] {a: b} & *alias !tag | > @ `",
    "line one\nline two\r\nline three\ttab",
    "---\n...\n---",
    "NEL\x85 LS\u2028 PS\u2029 BOM\ufeff",
    "DEL\x7f C1\x80\x9f NUL\x00 BEL\x07 ESC\x1b",
    "astral 𝔘𝔫𝔦 😀 and CJK 漢字",
    "  leading and trailing spaces  ",
    "",
    "true",
    "null",
    "0123",
    "1e-05",
    "2026-11-27",
    "~",
]


def _read(text: str) -> dict:
    """The metadata MkDocs reads from a page whose front matter is ``text``."""
    _, meta = get_data(f"---\n{text}---\n\n# Body\n")
    return meta


@pytest.mark.parametrize("value", HOSTILE_TEXT)
def test_mkdocs_reads_back_exactly_the_text_written(value):
    meta = {"title": value, "pagefind": {"meta": {"tieu-de": value}, "filters": {"nhom": [value, "1"]}}}
    text = front_matter(meta)
    assert _read(text) == meta
    assert yaml.safe_load(text) == meta  # PyYAML's pure-Python reader agrees with libyaml's
    assert text.count("\n") == 1 and text.endswith("\n")


def test_numbers_booleans_nothing_lists_and_nesting_keep_their_types():
    meta = {"count": 24, "negative": -3, "search": True, "hidden": False, "image": None, "rows": [[1, "a"], []]}
    assert _read(front_matter(meta)) == meta


def test_keys_are_sorted_so_that_two_builds_write_the_same_text():
    assert front_matter({"b": 1, "a": {"d": 2, "c": 3}}) == '{"a": {"c": 3, "d": 2}, "b": 1}\n'


@pytest.mark.parametrize(
    "meta, problem",
    [
        ({"weight": 1e-05}, "front matter .weight: float is not written"),  # YAML 1.1 would read text
        ({"day": dt.date(2026, 11, 27)}, "front matter .day: date is not written"),
        ({"a": [{"b": {1, 2}}]}, r"front matter .a\[0\].b: set is not written"),
        ({"a": {1: "x"}}, "front matter .a: key 1 is not text"),
    ],
)
def test_a_value_yaml_and_json_would_read_differently_is_a_programming_error(meta, problem):
    with pytest.raises(TypeError, match=problem):
        front_matter(meta)
