"""Vietnamese text rules, unit-name matching, and how problems are printed."""

from __future__ import annotations

import unicodedata

import pytest
from tdcplan.model import Alias, SourceLocation, Unit, UnitKind
from tdcplan.problems import PlanDataError, Problem
from tdcplan.registry import UnitNames, name_key
from tdcplan.vietnamese import ITEM_LETTERS, fold, letter_slug

# --- vietnamese --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đo lường", "do luong"),
        ("đo lường", "do luong"),
        ("TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG", "tieu chuan do luong chat luong"),
        ("Quý II, III và IV/2026", "quy ii, iii va iv/2026"),
        ("Thường xuyên", "thuong xuyen"),
        ("Chuyển đổi số", "chuyen doi so"),
        ("Ủy ban nhân dân", "uy ban nhan dan"),
        ("hoá", "hoa"),
        ("ISO 9001:2015", "iso 9001:2015"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_of_decomposed_text_is_the_same():
    assert fold(unicodedata.normalize("NFD", "Đo lường Chất lượng")) == "do luong chat luong"


@pytest.mark.parametrize(("letter", "slug"), [("a", "a"), ("d", "d"), ("đ", "dd"), ("e", "e"), ("i", "i")])
def test_letter_slug(letter, slug):
    assert letter_slug(letter) == slug


def test_letter_slugs_are_distinct():
    slugs = [letter_slug(letter) for letter in ITEM_LETTERS]
    assert len(set(slugs)) == len(ITEM_LETTERS)


def test_item_letters_follow_the_vietnamese_alphabet():
    assert ITEM_LETTERS[:12] == ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m")
    assert not {"f", "j", "w", "z"} & set(ITEM_LETTERS)


# --- unit names ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Phòng Kiểm tra – Pháp chế", "phòng kiểm tra - pháp chế"),
        ("Phòng Kiểm tra - Pháp chế.", "phòng kiểm tra - pháp chế"),
        ("Phòng Kiểm tra—Pháp chế", "phòng kiểm tra - pháp chế"),
        ("  Văn   phòng\nSở . ", "văn phòng sở"),
        ("Các phòng, đơn vị trực thuộc Sở.", "các phòng, đơn vị trực thuộc sở"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def test_name_key_of_decomposed_text_is_the_same():
    assert name_key(unicodedata.normalize("NFD", "Văn phòng Sở")) == name_key("Văn phòng Sở") == "văn phòng sở"


def unit(unit_id: str, name: str, short_name: str, kind=UnitKind.ORGANISATION, aliases=()) -> Unit:
    return Unit(unit_id, name, short_name, kind, tuple(Alias(a) for a in aliases), SourceLocation("data/units.yml", 1))


UNITS = {
    u.id: u
    for u in (
        unit(
            "chi-cuc-tdc",
            "Chi cục Tiêu chuẩn Đo lường Chất lượng Thành phố Hồ Chí Minh",
            "Chi cục TĐC",
            aliases=["Chi cục Tiêu chuẩn Đo lường Chất lượng Thành phó Hồ Chí Minh"],
        ),
        unit("cac-phong-don-vi", "Các phòng, đơn vị trực thuộc Sở", "Các phòng, đơn vị thuộc Sở", UnitKind.COLLECTIVE),
        unit("phong-kiem-tra-phap-che", "Phòng Kiểm tra – Pháp chế", "Phòng Kiểm tra – Pháp chế"),
        unit("van-phong-so", "Văn phòng Sở", "Văn phòng Sở"),
        unit("phong-chuyen-doi-so", "Phòng Chuyển đổi số", "Phòng Chuyển đổi số", aliases=["Phòng Chuyên đổi số"]),
    )
}


@pytest.fixture
def names() -> UnitNames:
    return UnitNames(UNITS)


@pytest.mark.parametrize(
    ("cell", "ids", "unmatched"),
    [
        ("Văn phòng Sở, Phòng Chuyên đổi số", ["van-phong-so", "phong-chuyen-doi-so"], []),
        (
            "Phòng Kiểm tra – Pháp chế, các phòng, đơn vị trực thuộc Sở.",
            ["phong-kiem-tra-phap-che", "cac-phong-don-vi"],
            [],
        ),
        ("Văn phòng Sở, Phòng Kiểm tra - Pháp chế.", ["van-phong-so", "phong-kiem-tra-phap-che"], []),
        ("Các phòng, đơn vị trực thuộc Sở.", ["cac-phong-don-vi"], []),
        ("Chi cục Tiêu chuẩn Đo lường Chất lượng Thành phó Hồ Chí Minh.", ["chi-cuc-tdc"], []),
        ("Chi cục TĐC, Văn phòng Sở", ["chi-cuc-tdc", "van-phong-so"], []),
        ("Văn phòng Sở, Văn phòng Sở.", ["van-phong-so"], []),
        ("Văn phòng Sở, Phòng Không Tồn Tại, ", ["van-phong-so"], ["Phòng Không Tồn Tại"]),
        ("Phòng Ma, các phòng, đơn vị trực thuộc Sở", ["cac-phong-don-vi"], ["Phòng Ma"]),
        ("Các phòng, Văn phòng Sở", ["van-phong-so"], ["Các phòng"]),
        ("", [], []),
    ],
)
def test_split(names, cell, ids, unmatched):
    units, left = names.split(cell)
    assert ([u.id for u in units], left) == (ids, unmatched)


def test_resolve(names):
    assert names.resolve("VĂN PHÒNG SỞ.").id == "van-phong-so"
    assert names.resolve("Chi cục TĐC").id == "chi-cuc-tdc"
    assert names.resolve("Phòng Chuyên đổi số").id == "phong-chuyen-doi-so"
    assert names.resolve("Phòng Chuyển đổi") is None
    assert names.resolve("van-phong-so") is None  # an id is not a name


# --- problems ----------------------------------------------------------------------------------


def test_problem_prints_as_path_line_message():
    assert str(Problem("data/units.yml", 12, "unit 2: «kind» is «x»")) == "data/units.yml:12: unit 2: «kind» is «x»"


def test_github_annotation_escapes_what_the_workflow_command_reserves():
    problem = Problem("data/a,b:c.yml", 7, "50% done\r\nnext line")
    # A line break in the data is written as «\\r\\n», so the annotation stays one line.
    assert problem.as_github_annotation() == "::error file=data/a%2Cb%3Ac.yml,line=7::50%25 done\\r\\nnext line"
    assert Problem("data/units.yml", 0, "gone").as_github_annotation() == "::error file=data/units.yml,line=1::gone"


def test_plan_data_error_sorts_and_deduplicates_its_problems():
    b, a = Problem("data/units.yml", 3, "b"), Problem("data/plans/2026/plan.yml", 9, "a")
    error = PlanDataError([b, a, b])
    assert error.problems == [a, b]
    assert str(error) == "data/plans/2026/plan.yml:9: a\ndata/units.yml:3: b"
