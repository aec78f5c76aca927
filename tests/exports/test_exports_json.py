"""nhiem-vu.json: valid against its published schema, and the same facts as the task pages."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import jsonschema
import pytest
from built_site.html_text import BuiltPage

# The summary's labels, then the page's section headings, in page order.
TASK_SECTIONS = (
    "Thời gian thực hiện",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thuộc",
    "Nội dung thực hiện",
    "Sản phẩm, dự kiến kết quả",
    "Văn bản, chương trình được dẫn chiếu",
)


def test_json_validates_against_the_published_schema(site_dir: Path, exported_json: dict) -> None:
    schema = json.loads((site_dir / "du-lieu" / "nhiem-vu.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(exported_json)]
    assert errors == []


def test_the_schema_rejects_a_task_without_its_number(site_dir: Path, exported_json: dict) -> None:
    schema = json.loads((site_dir / "du-lieu" / "nhiem-vu.schema.json").read_text(encoding="utf-8"))
    broken = json.loads(json.dumps(exported_json))
    del broken["tasks"][0]["id"]
    broken["tasks"][1]["unexpected"] = 1
    messages = [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(broken)]
    assert any("'id' is a required property" in m for m in messages)
    assert any("unexpected" in m for m in messages)


def test_json_lists_every_task_in_plan_order(exported_json: dict, plan_data) -> None:
    plan = plan_data.plans[0]
    assert [task["id"] for task in exported_json["tasks"]] == [task.number for task in plan.tasks]
    assert len(exported_json["tasks"]) == 24
    assert exported_json["plan"]["generated"] == plan.last_change.isoformat()
    assert exported_json["plan"]["parent_plan"] == {
        "as_printed": "Kế hoạch số /KH-SKHCN ngày tháng năm 2026",
        "number": None,
        "date": None,
    }


def test_json_keeps_the_official_wording_beside_corrections(exported_json: dict) -> None:
    task = next(t for t in exported_json["tasks"] if t["id"] == "5.d")
    assert "tham nhũng" in " ".join(task["content"]) and "tham những" not in " ".join(task["content"])
    assert "tham những" in " ".join(task["content_official"])
    assert task["corrections"] == [
        {
            "field": "content",
            "original": "tham những",
            "corrected": "tham nhũng",
            "note": task["corrections"][0]["note"],
            "recorded": "2026-11-25",
        }
    ]
    dd = next(t for t in exported_json["tasks"] if t["id"] == "2.đ")
    assert dd["url"] == "/nhiem-vu/2-dd/"
    assert dd["schedule"] == {
        "text": "Từ tháng 01/2026 đến tháng 11/2026",
        "kind": "months",
        "quarters": [1, 2, 3, 4],
        "due": ["2026-11-30"],
    }
    assert dd["status"] == {"code": "not_reported", "label": "Chưa báo cáo", "as_of": None, "note": None}


def _sections(text: str) -> dict[str, str]:
    """The article text split at the task page's section headings."""
    found: dict[str, str] = {}
    for name, following in itertools.pairwise(TASK_SECTIONS):
        start = text.index(name) + len(name)
        found[name] = text[start : text.index(following, start)]
    return found


def _normal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("index", range(24))
def test_json_agrees_with_the_task_page(site_dir: Path, exported_json: dict, index: int) -> None:
    task = exported_json["tasks"][index]
    page = BuiltPage(site_dir, task["url"])
    assert page.text.startswith(f"{task['id']} · ")
    sections = _sections(page.text)
    for paragraph in task["content"]:
        assert _normal(paragraph) in sections["Nội dung thực hiện"], (task["id"], paragraph)
    for item in task["outputs"]:
        assert _normal(item) in sections["Sản phẩm, dự kiến kết quả"], (task["id"], item)
    assert task["schedule"]["text"] in sections["Thời gian thực hiện"]
    lead_part, partner_part = sections["Đơn vị chủ trì"], sections["Đơn vị phối hợp"]
    assert [u["name"] for u in task["lead"]] and all(u["name"] in lead_part for u in task["lead"])
    assert all(u["name"] in partner_part for u in task["partners"])
    if not task["partners"]:
        assert "Không có" in partner_part
