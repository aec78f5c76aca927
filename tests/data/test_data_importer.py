"""The appendix importer, on the source document and on small synthetic appendices.

These are the only tests that read the source document, kept with the data it was imported from
(``data/plans/2026/nguon/phu-luc-2026.txt``).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from plan_data_helpers import DATA, PLAN, REPOSITORY, DataCopy
from tdcplan.appendix import AppendixError, content_paragraphs, output_items, parse_appendix
from tdcplan.importer import import_appendix
from tdcplan.load import registries

SEED = DATA / "plans" / "2026" / "nguon" / "phu-luc-2026.txt"
IMPORT = REPOSITORY / "scripts" / "import_appendix.py"


# The extraction exactly as it was received (shared seed 000_1474a8d58d960967.txt); see nguon/README.md.
SEED_SHA256 = "558ae10830c0a8b32cacab54295559a57bc95807f26025657d64cc7fb9e41e54"


def test_the_source_document_is_kept_unchanged_beside_the_plan():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    plan = yaml.safe_load((DATA / "plans/2026/plan.yml").read_text(encoding="utf-8"))
    assert (DATA / "plans/2026/nguon" / plan["plan"]["source_document"]).read_bytes() == SEED.read_bytes()


@pytest.fixture(scope="module")
def registry():
    return registries(DATA, REPOSITORY)


@pytest.fixture(scope="module")
def appendix():
    return parse_appendix(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported(appendix, registry):
    units, references = registry
    return import_appendix(appendix, SEED.name, units, references)


@pytest.fixture(scope="module")
def document(imported):
    return yaml.safe_load(imported.yaml_text)


def task(document, number: str) -> dict:
    group, letter = number.split(".")
    matches = [t for t in document["groups"][int(group) - 1]["tasks"] if t["letter"] == letter]
    assert len(matches) == 1, number
    return matches[0]


# --- the source document ---------------------------------------------------------------------


def test_every_unit_name_of_the_source_is_matched(imported):
    assert imported.unmatched == []


def test_checked_in_plan_is_the_importers_output(document):
    checked_in = yaml.safe_load((DATA / "plans/2026/plan.yml").read_text(encoding="utf-8"))
    assert document == checked_in


def test_title_block(appendix, document):
    assert appendix.heading == "Phụ lục"
    assert appendix.issued_with == (
        "Ban hành kèm theo Kế hoạch số /KH-SKHCN ngày tháng năm 2026 của Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh"
    )
    assert document["plan"] == {
        "year": 2026,
        "appendix": "Phụ lục",
        "title": "DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN NĂM 2026",
        "issued_with": {"as_printed": "Kế hoạch số /KH-SKHCN ngày tháng năm 2026", "number": None, "date": None},
        "issuer": "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh",
        "source_document": SEED.name,
    }


def test_24_tasks_in_six_groups(document):
    assert [g["number"] for g in document["groups"]] == [1, 2, 3, 4, 5, 6]
    assert [[t["letter"] for t in g["tasks"]] for g in document["groups"]] == [
        ["a", "b"],
        ["a", "b", "c", "d", "đ", "e", "g", "h", "i"],
        ["a", "b", "c", "d"],
        ["a", "b", "c"],
        ["a", "b", "c", "d"],
        ["a", "b"],
    ]


def test_group_titles(document):
    assert [g["title"] for g in document["groups"]] == [
        "Tuyên truyền, nâng cao nhận thức, kiến thức, trách nhiệm của các cấp ủy đảng, chính quyền và nhân dân "
        "về vai trò, vị trí và tầm quan trọng của công tác tiêu chuẩn, đo lường, chất lượng",
        "Tổ chức triển khai có hiệu quả công tác quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng; Rà soát, "
        "đề xuất sửa đổi, bổ sung, hoàn thiện hệ thống, chính sách pháp luật, văn bản quản lý về công tác tiêu "
        "chuẩn, đo lường, chất lượng",
        "Xây dựng, đào tạo nguồn nhân lực lĩnh vực tiêu chuẩn, đo lường, chất lượng",
        "Đầu tư ngân sách nhà nước cho công tác tiêu chuẩn, đo lường, chất lượng",
        "Tăng cường công tác kiểm tra, giám sát về tiêu chuẩn, đo lường, chất lượng",
        "Trao đổi thông tin, kinh nghiệm, hợp tác đào tạo về tiêu chuẩn, đo lường, chất lượng",
    ]


@pytest.mark.parametrize(
    ("number", "lead", "partners"),
    [
        # «Văn phòng Sở, Phòng Chuyên đổi số»: «Chuyên» is a typo of «Chuyển», known as an alias
        ("2.h", ["chi-cuc-tdc"], ["van-phong-so", "phong-chuyen-doi-so"]),
        # the lead's name is cut at a page break and ends «Thành phó Hồ Chí Minh.»
        ("3.a", ["chi-cuc-tdc"], []),
        # a collective whose name holds a comma, after another unit and a comma
        ("2.c", ["chi-cuc-tdc"], ["phong-kiem-tra-phap-che", "cac-phong-don-vi"]),
        # «/» means no coordinating unit
        ("1.b", ["chi-cuc-tdc"], []),
        # «Phòng Kiểm tra - Pháp chế.» with a hyphen instead of «–»
        ("5.d", ["chi-cuc-tdc"], ["van-phong-so", "phong-kiem-tra-phap-che"]),
        ("2.đ", ["chi-cuc-tdc"], ["van-phong-so", "cac-phong-don-vi"]),
        ("3.c", ["phong-quan-ly-khoa-hoc"], ["chi-cuc-tdc", "cac-phong-don-vi"]),
        ("4.a", ["trung-tam-phan-tich-tdc"], ["van-phong-so", "chi-cuc-tdc"]),
        # lead without the final full stop
        ("4.c", ["chi-cuc-tdc"], ["trung-tam-phan-tich-tdc"]),
        (
            "2.i",
            ["chi-cuc-tdc"],
            ["phong-chuyen-doi-so", "van-phong-so", "chi-cuc-tdc", "trung-tam-cntt-dia-khong-gian"],
        ),
    ],
)
def test_units_of_a_task(document, number, lead, partners):
    assert (task(document, number)["lead"], task(document, number)["partners"]) == (lead, partners)


def test_cells_cut_at_a_page_break_are_joined(document):
    assert task(document, "2.d")["content"] == [
        "Hỗ trợ doanh nghiệp xây dựng, áp dụng các hệ thống quản lý chất lượng tiên tiến để nâng cao năng suất, "
        "chất lượng; thực hiện công bố chất lượng sản phẩm, hàng hóa phù hợp theo yêu cầu của quy chuẩn kỹ thuật "
        "quốc gia, tiêu chuẩn quốc gia, tiêu chuẩn quốc tế, tiêu chuẩn cơ sở theo quy định."
    ]
    g2 = task(document, "2.g")["content"]
    assert len(g2) == 1
    assert "Đẩy mạnh xã hội hoá tổ chức đánh giá sự phù hợp, tổ chức kiểm định, hiệu chuẩn" in g2[0]
    assert g2[0].endswith("doanh nghiệp về tiêu chuẩn, đo lường, chất lượng tại Thành phố.")
    assert task(document, "3.a")["content"][0].count("UBND xã, phường, đặc khu;") == 1
    assert task(document, "3.a")["outputs"] == [
        "Nội dung và kinh phí theo các chương trình, đề án (100, 996, năng suất, Giải thường chất lượng Quốc Gia, "
        "ISO hành chính công,...).",
        "05 lớp tập huấn, phổ biến cho công chức.",
        "Cử 05 lượt công chức tham dự.",
    ]
    assert task(document, "5.d")["content"] == [
        "Khen thưởng và có biện pháp phù hợp để bảo vệ người tố giác hành vi vi phạm quy định của pháp luật về "
        "tiêu chuẩn, đo lường, chất lượng; Xử lý nghiêm các hành vi tham những, tiêu cực, vi phạm pháp luật về "
        "tiêu chuẩn, đo lường, chất lượng."
    ]


def test_paragraphs_and_list_items_without_html(document):
    e2 = task(document, "2.e")
    assert e2["content"] == [
        "Chủ trì, phối hợp với các sở, ban, ngành liên quan xây dựng, góp ý tiêu chuẩn quy chuẩn kỹ thuật quốc gia "
        "do Bộ Khoa học và Công nghệ ban hành.",
        "Phối hợp với các sở, ban, ngành liên quan xây dựng, góp ý quy chuẩn kỹ thuật quốc gia do các Bộ, cơ quan "
        "ngang Bộ quản lý ngành, lĩnh vực khác ban hành.",
        "Tổ chức việc xây dựng và tham gia xây dựng quy chuẩn kỹ thuật địa phương.",
    ]
    assert e2["outputs"] == [
        "Kế hoạch quy chuẩn kỹ thuật địa phương (nếu có).",
        "Số lượng tiêu chuẩn, quy chuẩn kỹ thuật xây dựng, góp ý.",
    ]
    texts = [text for g in document["groups"] for t in g["tasks"] for text in t["content"] + t["outputs"]]
    assert [text for text in texts if "<" in text or ">" in text or "&" in text] == []


def test_schedules_as_printed(document):
    schedules = [t["schedule"] for g in document["groups"] for t in g["tasks"]]
    assert schedules.count("Thường xuyên") == 13
    assert task(document, "2.c")["schedule"] == "Định kỳ hoặc đột xuất theo yêu cầu"
    assert task(document, "2.đ")["schedule"] == "Từ tháng 01/2026 đến tháng 11/2026"
    assert task(document, "1.a")["schedule"] == "Quý I, II và III/2026"


def test_cited_documents(document):
    assert task(document, "1.a")["references"] == ["de-an-100", "de-an-996", "luat-sua-doi-tieu-chuan-qckt"]
    assert task(document, "4.b")["references"] == ["nghi-dinh-135-2021"]
    assert "references" not in task(document, "1.b")


def test_import_script_on_the_source():
    run = subprocess.run([sys.executable, str(IMPORT), str(SEED)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert yaml.safe_load(run.stdout) == yaml.safe_load((DATA / "plans/2026/plan.yml").read_text(encoding="utf-8"))


# --- synthetic appendices --------------------------------------------------------------------

TITLE = """\
Phụ lục

DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN NĂM 2026

(Ban hành kèm theo Kế hoạch số /KH-SKHCN ngày tháng năm 2026
của Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh)

| STT | Nội dung thực hiện | Sản phẩm/ dự kiến kết quả | Thời gian thực hiện | Đơn vị chủ trì | Đơn vị phối hợp |
|---|---|---|---|---|---|
"""
CHI_CUC = "Chi cục Tiêu chuẩn Đo lường Chất lượng Thành phố Hồ Chí Minh."


def synthetic(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "synthetic.md"
    path.write_text(TITLE + rows, encoding="utf-8")
    return path


def line_number(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    matches = [index + 1 for index, line in enumerate(lines) if needle in line]
    assert len(matches) == 1, needle
    return matches[0]


UNKNOWN_UNIT_ROWS = (
    "| 1 | Nhóm thử | | | | |\n"
    f"| a | Nội dung thử. | Báo cáo | Quý I/2026 | {CHI_CUC} | Văn phòng Sở, Phòng Không Tồn Tại. |\n"
)


def test_importer_reports_a_unit_name_it_cannot_match(tmp_path, registry):
    source = synthetic(tmp_path, UNKNOWN_UNIT_ROWS)
    units, references = registry
    result = import_appendix(parse_appendix(source.read_text(encoding="utf-8")), source.name, units, references)
    line = line_number(source, "Phòng Không Tồn Tại")
    assert result.unmatched == [
        f"synthetic.md:{line}: task 1.a: unit name «Phòng Không Tồn Tại.» matches no unit or alias in data/units.yml"
    ]
    document = yaml.safe_load(result.yaml_text)
    only = document["groups"][0]["tasks"][0]
    assert only["lead"] == ["chi-cuc-tdc"]
    assert only["partners"] == ["van-phong-so", "Phòng Không Tồn Tại."]  # kept as printed, for the validator to flag


def test_the_validator_flags_an_unmatched_name_left_in_plan_yml(tmp_path, registry, data_copy: DataCopy):
    source = synthetic(tmp_path, UNKNOWN_UNIT_ROWS)
    units, references = registry
    result = import_appendix(parse_appendix(source.read_text(encoding="utf-8")), source.name, units, references)
    data_copy.write(PLAN, result.yaml_text)
    (data_copy.root / "data/plans/2026/corrections.yml").unlink()
    line = data_copy.line_of(PLAN, "- Phòng Không Tồn Tại.")
    assert [str(p) for p in data_copy.problems()] == [
        f"{PLAN}:{line}: task 1.a: «partners» names unit «Phòng Không Tồn Tại.», which is not in data/units.yml"
    ]


def test_import_script_exits_1_naming_the_unknown_unit(tmp_path):
    source = synthetic(tmp_path, UNKNOWN_UNIT_ROWS)
    run = subprocess.run([sys.executable, str(IMPORT), str(source)], capture_output=True, text=True, timeout=60)
    line = line_number(source, "Phòng Không Tồn Tại")
    assert run.returncode == 1
    assert run.stderr == (
        f"synthetic.md:{line}: task 1.a: unit name «Phòng Không Tồn Tại.» matches no unit or alias in data/units.yml\n"
    )
    assert yaml.safe_load(run.stdout)["groups"][0]["tasks"][0]["partners"] == ["van-phong-so", "Phòng Không Tồn Tại."]


def test_import_script_rejects_a_row_with_the_wrong_number_of_cells(tmp_path):
    source = synthetic(
        tmp_path, "| 1 | Nhóm thử | | | | |\n| a | Nội dung thử. | Báo cáo | Quý I/2026 | Văn phòng Sở. |\n"
    )
    run = subprocess.run([sys.executable, str(IMPORT), str(source)], capture_output=True, text=True, timeout=60)
    line = line_number(source, "Nội dung thử.")
    assert "Traceback" not in run.stderr
    assert run.returncode == 2
    assert run.stderr == f"{source}:{line}: expected 6 cells, found 5\n"
    assert run.stdout == ""


def test_import_script_rejects_a_source_that_is_not_utf8(tmp_path):
    source = tmp_path / "utf16.md"
    source.write_bytes("Phụ lục".encode("utf-16"))
    run = subprocess.run([sys.executable, str(IMPORT), str(source)], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in run.stderr
    assert run.returncode == 2
    assert run.stderr.startswith(f"{source}:0: cannot read the source as UTF-8 text: ")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("| 1 | Nhóm | | | | |\n| a | x | y | Quý I/2026 | Văn phòng Sở |\n", "expected 6 cells, found 5"),
        ("| a | x | y | Quý I/2026 | Văn phòng Sở | / |\n", "task «a» comes before any group"),
        ("| | x | y | Quý I/2026 | Văn phòng Sở | / |\n", "a continuation row (empty STT) before any row"),
        (
            "| 1 | Nhóm | | | | |\n| f | x | y | Quý I/2026 | Văn phòng Sở | / |\n",
            "STT «f» is neither a group number nor a task letter",
        ),
        ("| 1 | Nhóm | y | | | |\n", "group 1 has cells other than its title"),
    ],
)
def test_malformed_appendix(tmp_path, rows, message):
    source = synthetic(tmp_path, rows)
    line = len(source.read_text(encoding="utf-8").splitlines())  # the last row is the faulty one
    with pytest.raises(AppendixError) as caught:
        parse_appendix(source.read_text(encoding="utf-8"))
    assert (caught.value.line, caught.value.message) == (line, message)


def test_appendix_without_title_block():
    table = TITLE[TITLE.index("| STT") :]
    with pytest.raises(AppendixError) as caught:
        parse_appendix("DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN NĂM 2026\n\n" + table + "| 1 | x | | | | |\n")
    assert caught.value.message == "the title block (appendix heading, title, «(Ban hành kèm theo …)») is missing"


def test_continuation_rows_and_repeated_headers(tmp_path):
    header = TITLE.split("\n\n")[-1]
    rows = (
        "| 1 | Nhóm | | | | |\n"
        f"| a | Phần đầu của nội | - Sản phẩm một. - Sản | Quý I/2026 | {CHI_CUC} | / |\n"
        "\n" + header + "| | dung. | phẩm hai. | | | |\n"
        "| b | Có \\| dấu gạch | &lt;Báo cáo&gt; | Thường xuyên | Văn phòng Sở | / |\n"
    )
    appendix = parse_appendix(synthetic(tmp_path, rows).read_text(encoding="utf-8"))
    first, second = appendix.groups[0].tasks
    assert first.content == ["Phần đầu của nội dung."]
    assert first.outputs == ["Sản phẩm một.", "Sản phẩm hai."]
    assert second.content == ["Có | dấu gạch"]
    assert second.outputs == ["<Báo cáo>"]


def test_content_paragraphs_and_output_items():
    assert content_paragraphs("<p>Một.</p> <p> Hai \n ba. </p><p> </p>") == ["Một.", "Hai ba."]
    assert content_paragraphs("Không có thẻ.") == ["Không có thẻ."]
    assert output_items('<ul style="x"> - Một (nếu có). - Hai. </ul>') == ["Một (nếu có).", "Hai."]
    assert output_items("Báo cáo - không tách") == ["Báo cáo - không tách"]
    assert output_items("") == []


# --- hostile or damaged sources -------------------------------------------------------------------

ONE_TASK = "| 1 | Nhóm thử | | | | |\n| a | Nội dung thử. | Báo cáo | Quý I/2026 | Văn phòng Sở | / |\n"


def run_import(source: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(IMPORT), str(source)], capture_output=True, text=True, timeout=60)


def test_a_source_with_a_byte_order_mark_imports(tmp_path):
    source = synthetic(tmp_path, ONE_TASK)
    source.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    run = run_import(source)
    assert run.returncode == 0, run.stderr
    assert yaml.safe_load(run.stdout)["plan"]["appendix"] == "Phụ lục"


def test_a_table_without_its_header_row_is_refused(tmp_path):
    source = synthetic(tmp_path, ONE_TASK)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace(TITLE[TITLE.index("| STT") :], ""), encoding="utf-8")
    run = run_import(source)
    line = line_number(source, "| 1 | Nhóm thử")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (
        f"{source}:{line}: the table (or its part after a page break) must start with the header row: "
        "STT | Nội dung thực hiện | Sản phẩm/ dự kiến kết quả | Thời gian thực hiện | Đơn vị chủ trì | Đơn vị phối hợp\n"
    )


def test_swapped_lead_and_partner_columns_are_refused(tmp_path):
    source = synthetic(tmp_path, ONE_TASK)
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("| Đơn vị chủ trì | Đơn vị phối hợp |", "| Đơn vị phối hợp | Đơn vị chủ trì |"), encoding="utf-8"
    )
    run = run_import(source)
    line = line_number(source, "| STT |")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith(
        f"{source}:{line}: column 5 of the header is «Đơn vị phối hợp», expected «Đơn vị chủ trì» (the header reads: "
    )


def test_a_header_in_other_spacing_and_case_is_accepted(tmp_path):
    source = synthetic(tmp_path, ONE_TASK)
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("| Sản phẩm/ dự kiến kết quả |", "| sản phẩm / dự  kiến kết quả |"), encoding="utf-8"
    )
    assert run_import(source).returncode == 0


def test_a_table_pasted_twice_is_refused(tmp_path):
    source = synthetic(tmp_path, ONE_TASK + "\n" + TITLE[TITLE.index("| STT") :] + ONE_TASK)
    run = run_import(source)
    lines = source.read_text(encoding="utf-8").splitlines()
    first, again = [i + 1 for i, line in enumerate(lines) if line.startswith("| 1 | Nhóm thử")]
    assert run.returncode == 2 and run.stdout == ""
    assert (
        run.stderr
        == f"{source}:{again}: expected group 2, found group 1 again (first at line {first}): is the table repeated?\n"
    )


def test_a_task_letter_repeated_is_refused(tmp_path):
    source = synthetic(tmp_path, ONE_TASK + "| a | Lần nữa. | Báo cáo | Quý I/2026 | Văn phòng Sở | / |\n")
    run = run_import(source)
    first = line_number(source, "Nội dung thử.")
    again = line_number(source, "Lần nữa.")
    assert run.returncode == 2
    assert run.stderr == f"{source}:{again}: expected task «b» of group 1, found «a» again (first at line {first})\n"


def test_a_title_without_the_year_is_refused_with_its_line(tmp_path):
    source = synthetic(tmp_path, ONE_TASK)
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("THỰC HIỆN NĂM 2026", "THỰC HIỆN"), encoding="utf-8")
    run = run_import(source)
    assert run.returncode == 2
    assert (
        run.stderr
        == f"{source}:3: the title «DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN» does not end with the plan's year\n"
    )
