"""nhiem-vu.csv: RFC 4180 with a BOM, the pinned columns, one row per task, the JSON's facts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

HEADER = [
    "Số",
    "Nhóm",
    "Tên nhóm",
    "Nội dung",
    "Sản phẩm",
    "Thời gian thực hiện",
    "Loại thời gian",
    "Quý",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Văn bản dẫn chiếu",
    "Tình trạng",
    "Ngày báo cáo",
    "Đính chính",
    "Đường dẫn",
]


def test_csv_is_utf8_with_bom_crlf_and_pinned_columns(site_dir: Path, exported_json: dict) -> None:
    raw = (site_dir / "du-lieu" / "nhiem-vu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADER
    body = [dict(zip(HEADER, row, strict=False)) for row in rows[1:]]
    assert len(body) == 24 and all(len(row) == len(HEADER) for row in rows)
    for row, task in zip(body, exported_json["tasks"], strict=False):
        assert row["Số"] == task["id"]
        assert row["Nội dung"] == "; ".join(task["content"])
        assert row["Sản phẩm"] == "; ".join(task["outputs"])
        assert row["Thời gian thực hiện"] == task["schedule"]["text"]
        assert row["Đơn vị chủ trì"] == "; ".join(u["name"] for u in task["lead"])
        assert row["Đơn vị phối hợp"] == "; ".join(u["name"] for u in task["partners"])
        assert row["Tình trạng"] == task["status"]["label"]
        assert row["Đường dẫn"].endswith(task["url"])
    by_number = {row["Số"]: row for row in body}
    assert by_number["2.c"]["Quý"] == "" and by_number["2.c"]["Loại thời gian"] == "theo yêu cầu"
    assert by_number["1.a"]["Quý"] == "1; 2; 3"
    assert by_number["2.d"]["Đính chính"] == "Sản phẩm: «nâng suất» → «năng suất»"
