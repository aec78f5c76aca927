"""The loader reports each kind of bad input as one problem naming the file and the line.

Each test breaks a copy of ``data/`` by editing its text, then finds the expected
line by searching the edited file, so the tests do not depend on the layout of
the real files.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from plan_data_helpers import CORRECTIONS, PLAN, REFERENCES, STATUS, UNITS
from tdcplan.load import load_data
from tdcplan.model import StatusCode
from tdcplan.problems import PlanDataError, Problem
from tdcplan.schedule import ACCEPTED_FORMS

# Task 1.b of the real plan, used as the guinea pig of most tests.
B1_HEAD = "  - letter: b\n    content:\n    - Tuyên truyền, vận động"
B1_SCHEDULE = "    schedule: Quý I và II/2026\n"
B1_OUTPUTS = "    outputs:\n    - Theo thực tế số lượng"
GROUP3_TITLE = "  title: Xây dựng, đào tạo nguồn nhân lực lĩnh vực tiêu chuẩn, đo lường, chất lượng\n"


def test_the_copy_loads_before_any_edit(data_copy):
    plan = data_copy.load().plans[0]
    assert len(plan.tasks) == 24
    assert plan.location.path == PLAN


# --- the file itself -------------------------------------------------------------------------
# Syntax errors are libyaml's words (tdcplan.located parses with PyYAML's C extension).


def test_malformed_yaml(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: Quý I: và II/2026\n")
    line = data_copy.line_of(PLAN, "Quý I: và II/2026")
    assert data_copy.problems() == [Problem(PLAN, line, "invalid YAML: mapping values are not allowed in this context")]


def test_malformed_indentation(data_copy):
    data_copy.replace(PLAN, B1_HEAD, B1_HEAD.replace("    content:", "   stray: indent\n    content:"))
    line = data_copy.line_of(PLAN, "stray: indent")
    assert data_copy.problems() == [Problem(PLAN, line, "invalid YAML: did not find expected key")]


def test_tab_character(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "\tschedule: Quý I và II/2026\n")
    line = data_copy.line_of(PLAN, "\tschedule")
    assert data_copy.problems() == [
        Problem(PLAN, line, "invalid YAML: found a tab character that violates indentation")
    ]


def test_control_character(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: Quý I và II/2026\x07\n")
    line = data_copy.line_of(PLAN, "\x07")
    assert data_copy.problems() == [Problem(PLAN, line, "invalid YAML: character U+0007 is not allowed")]


def test_duplicate_yaml_key(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, B1_SCHEDULE + "    schedule: Quý I/2026\n")
    line = data_copy.line_of(PLAN, B1_SCHEDULE + "    schedule: Quý I/2026\n") + 1
    assert data_copy.problems() == [Problem(PLAN, line, "invalid YAML: duplicate key 'schedule'")]


def test_a_problem_at_the_end_of_the_file_names_its_last_line(data_copy):
    # PyYAML marks the end of the stream on the line after the last («{» alone: line 2).
    data_copy.write(STATUS, "{")
    assert data_copy.problems() == [Problem(STATUS, 1, "invalid YAML: did not find expected node content")]


@pytest.mark.parametrize("path", [UNITS, REFERENCES, PLAN, CORRECTIONS, STATUS])
def test_empty_file(data_copy, path):
    data_copy.write(path, "")
    assert data_copy.problems() == [Problem(path, 1, "the file is empty; expected a YAML mapping")]


def test_file_of_comments_only_is_empty(data_copy):
    data_copy.write(STATUS, "# no reports yet\n")
    assert data_copy.problems() == [Problem(STATUS, 1, "the file is empty; expected a YAML mapping")]


def test_file_not_utf8(data_copy):
    raw = data_copy.text(CORRECTIONS).encode("utf-8")
    raw = raw.replace("corrected: Giải thưởng".encode(), b"corrected: Gi\xe1i th\xf4\xf4ng", 1)
    (data_copy.root / CORRECTIONS).write_bytes(raw)
    line = raw[: raw.index(b"Gi\xe1i")].count(b"\n") + 1
    assert data_copy.problems() == [Problem(CORRECTIONS, line, "the file is not UTF-8 (byte 0xe1); save it as UTF-8")]


def test_byte_order_mark_is_accepted(data_copy):
    data_copy.write(UNITS, "\ufeff" + data_copy.text(UNITS))
    assert len(data_copy.load().units) == 8


def test_missing_file(data_copy):
    (data_copy.root / REFERENCES).unlink()
    assert data_copy.problems() == [Problem(REFERENCES, 0, "cannot read the file: No such file or directory")]


def test_missing_data_directory(tmp_path):
    with pytest.raises(PlanDataError) as caught:
        load_data(tmp_path / "data", tmp_path)
    assert caught.value.problems == [Problem("data", 0, "the data directory does not exist")]


def test_no_plan(data_copy):
    shutil.rmtree(data_copy.root / "data/plans/2026")
    assert data_copy.problems() == [Problem("data/plans", 0, "no plan found; expected plans/<year>/plan.yml")]


@pytest.mark.parametrize(
    ("scalar", "message"),
    [
        (
            "2026-13-01",
            "invalid YAML: «2026-13-01» cannot be read as a date (month must be in 1..12); put it in quotes if it is text",
        ),
        (
            "2026-02-30",
            "invalid YAML: «2026-02-30» cannot be read as a date (day is out of range for month); put it in quotes if it is text",
        ),
        (
            "0x_",
            "invalid YAML: «0x_» cannot be read as a whole number (invalid literal for int() with base 16: ''); put it in quotes if it is text",
        ),
        (
            "!!int abc",
            "invalid YAML: «abc» cannot be read as a whole number (invalid literal for int() with base 10: 'abc'); put it in quotes if it is text",
        ),
    ],
)
def test_scalar_that_yaml_cannot_construct(data_copy, scalar, message):
    # PyYAML raises ValueError (not a YAMLError) for these; the loader must still name the line.
    data_copy.replace(CORRECTIONS, "recorded: 2026-11-25", f"recorded: {scalar}", 2)
    line = data_copy.line_of(CORRECTIONS, f"recorded: {scalar}")
    assert data_copy.problems() == [Problem(CORRECTIONS, line, message)]


def test_alias_inside_itself(data_copy):
    data_copy.write(STATUS, "reports: &loop\n  - *loop\n")
    assert data_copy.problems() == [
        Problem(
            STATUS,
            2,
            "invalid YAML: an alias (*loop) is not allowed in data files; write the value out where it is used",
        )
    ]


def test_alias_is_refused_even_when_harmless(data_copy):
    # Aliases are refused outright (tdcplan.located explains why), merge keys included.
    data_copy.write(
        STATUS,
        "data_date: 2026-11-25\nreports:\n  - &r {task: '1.a', status: done, as_of: 2026-03-31, note: Xong.}\n"
        "  - task: '1.b'\n    <<: *r\n",
    )
    assert data_copy.problems() == [
        Problem(
            STATUS, 5, "invalid YAML: an alias (*r) is not allowed in data files; write the value out where it is used"
        )
    ]


def test_inline_merge_key_still_works(data_copy):
    data_copy.write(
        STATUS,
        "data_date: 2026-11-25\nreports:\n  - task: '1.b'\n"
        "    <<: {task: '1.a', status: done, as_of: 2026-03-31, note: Xong.}\n",
    )
    assert data_copy.load().plans[0].task("1.b").status_code is StatusCode.DONE


# --- wrong types -----------------------------------------------------------------------------


def test_number_where_text_belongs(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: 2026\n")
    line = data_copy.line_of(PLAN, "schedule: 2026")
    assert data_copy.problems() == [
        Problem(PLAN, line, "task 1.b: «schedule» must be text, found a whole number 2026; put it in quotes")
    ]


def test_number_in_a_list_of_unit_ids(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE + "    lead:\n    - chi-cuc-tdc\n", B1_SCHEDULE + "    lead:\n    - 42\n")
    line = data_copy.line_of(PLAN, "    - 42\n")
    assert data_copy.problems() == [
        Problem(PLAN, line, "task 1.b: «lead», item 1 must be text, found a whole number 42; put it in quotes")
    ]


def test_true_false_where_text_belongs(data_copy):
    data_copy.replace(PLAN, GROUP3_TITLE, "  title: yes\n")
    line = data_copy.line_of(PLAN, "  title: yes\n")
    assert data_copy.problems() == [Problem(PLAN, line, "group 3: «title» must be text, found true/false")]


def test_mapping_where_list_belongs(data_copy):
    data_copy.replace(PLAN, B1_OUTPUTS, "    outputs:\n      item: Theo thực tế số lượng")
    line = data_copy.line_of(PLAN, "item: Theo thực tế số lượng")  # where the mapping value starts
    assert data_copy.problems() == [
        Problem(
            PLAN, line, "task 1.b: «outputs» must be a list (lines starting with «- »), found a mapping (key: value)"
        )
    ]


def test_list_where_text_belongs(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: [Quý I và II/2026]\n")
    line = data_copy.line_of(PLAN, "schedule: [Quý I và II/2026]")
    assert data_copy.problems() == [Problem(PLAN, line, "task 1.b: «schedule» must be text, found a list")]


def test_list_where_the_file_must_be_a_mapping(data_copy):
    data_copy.write(UNITS, "- chi-cuc-tdc\n- van-phong-so\n")
    assert data_copy.problems() == [Problem(UNITS, 1, "units.yml must be a mapping (key: value), found a list")]


# --- keys ------------------------------------------------------------------------------------


def test_missing_required_key(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "")
    line = data_copy.line_of(PLAN, B1_HEAD)  # a missing key is reported where the task starts
    assert data_copy.problems() == [Problem(PLAN, line, "task 1.b lacks the key «schedule»")]


def test_unknown_key(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, B1_SCHEDULE + "    priority: high\n")
    line = data_copy.line_of(PLAN, "priority: high")
    assert data_copy.problems() == [
        Problem(
            PLAN,
            line,
            "task 1.b has an unknown key «priority»; expected keys: "
            "letter, content, outputs, schedule, lead, partners, references",
        )
    ]


def test_unknown_key_in_a_unit(data_copy):
    data_copy.replace(
        UNITS, "    short_name: Văn phòng Sở\n", "    short_name: Văn phòng Sở\n    phone: 028 3829 7080\n"
    )
    line = data_copy.line_of(UNITS, "phone: 028")
    assert data_copy.problems() == [
        Problem(UNITS, line, "unit 4 has an unknown key «phone»; expected keys: id, name, short_name, kind, aliases")
    ]


# --- registries ------------------------------------------------------------------------------


def test_duplicate_unit_id(data_copy):
    data_copy.replace(UNITS, "id: cac-phong-don-vi", "id: chi-cuc-tdc")
    line = data_copy.line_of(UNITS, "id: chi-cuc-tdc\n    name: Các phòng")
    # Only the duplicate: tasks naming the now-missing «cac-phong-don-vi» are not reported as well.
    assert data_copy.problems() == [Problem(UNITS, line, "unit id «chi-cuc-tdc» is used twice; ids must be unique")]


def test_unit_id_that_is_not_a_slug(data_copy):
    data_copy.replace(UNITS, "id: van-phong-so", "id: Van_phong_so")
    line = data_copy.line_of(UNITS, "id: Van_phong_so")
    assert data_copy.problems() == [
        Problem(UNITS, line, "unit 4: id «Van_phong_so» must use only a-z, 0-9 and «-» (it becomes a URL)")
    ]


def test_two_units_with_one_name(data_copy):
    data_copy.replace(UNITS, "    short_name: Văn phòng Sở\n", "    short_name: Phòng Kiểm tra - Pháp chế.\n")
    line = data_copy.line_of(UNITS, "  - id: van-phong-so")
    assert data_copy.problems() == [
        Problem(
            UNITS,
            line,
            "the name «Phòng Kiểm tra - Pháp chế.» of unit «van-phong-so» also names unit «phong-kiem-tra-phap-che»",
        )
    ]


def test_unknown_unit_id_in_a_task(data_copy):
    data_copy.replace(
        PLAN, "    - van-phong-so\n    - phong-chuyen-doi-so\n", "    - van-phong-sox\n    - phong-chuyen-doi-so\n"
    )
    line = data_copy.line_of(PLAN, "- van-phong-sox")  # the line of that list item
    assert data_copy.problems() == [
        Problem(PLAN, line, "task 2.h: «partners» names unit «van-phong-sox», which is not in data/units.yml")
    ]


def test_unit_name_instead_of_id_suggests_the_id(data_copy):
    data_copy.replace(
        PLAN, "    - van-phong-so\n    - phong-chuyen-doi-so\n", "    - Văn phòng Sở\n    - phong-chuyen-doi-so\n"
    )
    line = data_copy.line_of(PLAN, "- Văn phòng Sở")
    assert data_copy.problems() == [
        Problem(
            PLAN,
            line,
            "task 2.h: «partners» names unit «Văn phòng Sở», which is not in data/units.yml "
            "(did you mean «van-phong-so»?)",
        )
    ]


def test_unit_listed_twice(data_copy):
    data_copy.replace(
        PLAN, "    - van-phong-so\n    - phong-chuyen-doi-so\n", "    - van-phong-so\n    - van-phong-so\n"
    )
    line = data_copy.line_of(PLAN, "    - van-phong-so\n    - van-phong-so\n") + 1
    assert data_copy.problems() == [Problem(PLAN, line, "task 2.h: «partners» lists unit «van-phong-so» twice")]


def test_unknown_reference_id(data_copy):
    data_copy.replace(PLAN, "- ke-hoach-36", "- ke-hoach-37")
    line = data_copy.line_of(PLAN, "- ke-hoach-37")
    assert data_copy.problems() == [
        Problem(PLAN, line, "task 2.a: cites «ke-hoach-37», which is not in data/references.yml")
    ]


# --- schedules, numbering, texts ---------------------------------------------------------------


def test_unparseable_schedule(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: Quý V/2026\n")
    line = data_copy.line_of(PLAN, "Quý V/2026")
    assert data_copy.problems() == [
        Problem(
            PLAN,
            line,
            f"task 1.b: schedule «Quý V/2026» is not a wording the site understands; accepted forms: {ACCEPTED_FORMS}",
        )
    ]


def test_schedule_with_a_specific_reason(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: Quý II và I/2026\n")
    line = data_copy.line_of(PLAN, "Quý II và I/2026")
    assert data_copy.problems() == [
        Problem(PLAN, line, "task 1.b: schedule «Quý II và I/2026»: quarters must be in increasing order, each once")
    ]


def test_schedule_in_another_year(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: Quý I và II/2027\n")
    line = data_copy.line_of(PLAN, "Quý I và II/2027")
    assert data_copy.problems() == [
        Problem(PLAN, line, "task 1.b: schedule «Quý I và II/2027» is not in the plan's year 2026")
    ]


def test_span_of_months_in_another_year(data_copy):
    data_copy.replace(PLAN, "Từ tháng 01/2026 đến tháng 11/2026", "Từ tháng 01/2025 đến tháng 11/2025")
    line = data_copy.line_of(PLAN, "Từ tháng 01/2025")
    assert data_copy.problems() == [
        Problem(PLAN, line, "task 2.đ: schedule «Từ tháng 01/2025 đến tháng 11/2025» is not in the plan's year 2026")
    ]


def test_plan_year_not_its_folder(data_copy):
    data_copy.replace(PLAN, "  year: 2026\n", "  year: 2027\n")
    line = data_copy.line_of(PLAN, "  year: 2027\n")
    problems = data_copy.problems()
    assert Problem(PLAN, line, "«plan: year» is 2027 but the plan lives in folder «2026»") in problems
    # the 10 dated schedules are then outside the declared year, each reported on its own line
    outside = [p for p in problems if p.message.endswith("is not in the plan's year 2027")]
    assert len(outside) == 10
    assert len({p.line for p in outside}) == 10


def test_group_numbers_out_of_order(data_copy):
    data_copy.replace(PLAN, "- number: 4\n", "- number: 7\n")
    line = data_copy.line_of(PLAN, "- number: 7\n")
    assert data_copy.problems() == [
        Problem(PLAN, line, "groups must be numbered 1, 2, 3… in order: expected 4, found 7")
    ]


def test_task_letter_d_where_dd_belongs(data_copy):
    # Vietnamese order: a b c d đ e g h i; the fifth task of group 2 is «đ».
    data_copy.replace(PLAN, "  - letter: đ\n", "  - letter: d\n")
    line = data_copy.line_of(PLAN, "  - letter: d\n    content:\n    - Tổ chức triển khai xây dựng")
    assert data_copy.problems() == [
        Problem(
            PLAN, line, "tasks of group 2 must be lettered a, b, c, d, đ, e, g, h, i… in order: expected «đ», found «d»"
        )
    ]


def test_task_letter_f_does_not_exist(data_copy):
    data_copy.replace(PLAN, "  - letter: g\n", "  - letter: f\n")
    line = data_copy.line_of(PLAN, "  - letter: f\n")
    assert data_copy.problems() == [
        Problem(
            PLAN, line, "tasks of group 2 must be lettered a, b, c, d, đ, e, g, h, i… in order: expected «g», found «f»"
        )
    ]


def test_tasks_swapped(data_copy):
    text = data_copy.text(PLAN)
    swapped = text.replace("  - letter: a\n", "  - letter: X\n", 1).replace("  - letter: b\n", "  - letter: a\n", 1)
    data_copy.write(PLAN, swapped.replace("  - letter: X\n", "  - letter: b\n", 1))
    first = data_copy.line_of(PLAN, "  - letter: b\n    content:\n    - Tổ chức các lớp tập huấn")
    second = data_copy.line_of(PLAN, "  - letter: a\n    content:\n    - Tuyên truyền, vận động")
    order = "tasks of group 1 must be lettered a, b, c, d, đ, e, g, h, i… in order: "
    assert data_copy.problems() == [
        Problem(PLAN, first, order + "expected «a», found «b»"),
        Problem(PLAN, second, order + "expected «b», found «a»"),
    ]


def test_empty_text_item(data_copy):
    data_copy.replace(PLAN, B1_HEAD, B1_HEAD.split("    - ")[0] + "    - ''\n    - Tuyên truyền, vận động")
    line = data_copy.line_of(PLAN, "    - ''\n")
    assert data_copy.problems() == [Problem(PLAN, line, "task 1.b: «content», item 1 must not be empty")]


def test_empty_title(data_copy):
    data_copy.replace(PLAN, GROUP3_TITLE, "  title: '   '\n")
    line = data_copy.line_of(PLAN, "  title: '   '\n")
    assert data_copy.problems() == [Problem(PLAN, line, "group 3: «title» must not be empty")]


def test_empty_content_list(data_copy):
    content = "    content:\n    - Tuyên truyền, vận động, hướng dẫn tổ chức, doanh nghiệp tham dự Giải thưởng Chất lượng Quốc gia.\n"
    data_copy.replace(PLAN, content, "    content: []\n")
    line = data_copy.line_of(PLAN, "    content: []\n")
    assert data_copy.problems() == [Problem(PLAN, line, "task 1.b: «content» must not be empty")]


# --- corrections -----------------------------------------------------------------------------


def test_correction_whose_original_is_not_found(data_copy):
    data_copy.replace(CORRECTIONS, "original: nâng suất", "original: nâng xuất")
    line = data_copy.line_of(CORRECTIONS, "original: nâng xuất")
    assert data_copy.problems() == [
        Problem(
            CORRECTIONS,
            line,
            "correction 1: «nâng xuất» must occur exactly once in the official «outputs» of task 2.d, found 0 times",
        )
    ]


def test_correction_in_the_wrong_field(data_copy):
    data_copy.replace(
        CORRECTIONS, "field: outputs\n    original: Giải thường", "field: content\n    original: Giải thường"
    )
    line = data_copy.line_of(CORRECTIONS, "original: Giải thường")
    assert data_copy.problems() == [
        Problem(
            CORRECTIONS,
            line,
            "correction 2: «Giải thường chất lượng» must occur exactly once in the official «content» "
            "of task 3.a, found 0 times",
        )
    ]


def test_correction_of_a_task_that_does_not_exist(data_copy):
    data_copy.replace(CORRECTIONS, 'task: "5.d"', 'task: "5.đ"')
    line = data_copy.line_of(CORRECTIONS, 'task: "5.đ"')
    assert data_copy.problems() == [Problem(CORRECTIONS, line, "correction 3: there is no task «5.đ» in the 2026 plan")]


def test_correction_that_changes_nothing(data_copy):
    data_copy.replace(CORRECTIONS, "corrected: tham nhũng", "corrected: tham những")
    line = data_copy.line_of(CORRECTIONS, "corrected: tham những")
    assert data_copy.problems() == [Problem(CORRECTIONS, line, "correction 3: «corrected» is the same as «original»")]


def test_correction_of_an_unknown_field(data_copy):
    data_copy.replace(CORRECTIONS, "field: content", "field: schedule")
    line = data_copy.line_of(CORRECTIONS, "field: schedule")
    assert data_copy.problems() == [
        Problem(CORRECTIONS, line, "correction 3: «field» is «schedule»; expected one of: content, outputs")
    ]


def test_corrections_file_is_optional(data_copy):
    (data_copy.root / CORRECTIONS).unlink()
    plan = data_copy.load().plans[0]
    assert [item.text for item in plan.task("2.d").outputs] == [
        "Nội dung và kinh phí thực hiện theo chương trình nâng suất chất lượng"
    ]
    assert all(not task.corrections for task in plan.tasks)


# --- progress reports ------------------------------------------------------------------------

REPORT = '  - task: "{task}"\n    status: {status}\n    as_of: {as_of}\n    note: Theo báo cáo.\n'


def reports(*entries: tuple[str, str, str]) -> str:
    return "data_date: 2026-11-25\nreports:\n" + "".join(
        REPORT.format(task=t, status=s, as_of=d) for t, s, d in entries
    )


def test_valid_reports_give_the_latest_status(data_copy):
    data_copy.write(
        STATUS,
        reports(("1.a", "in_progress", "2026-03-31"), ("2.đ", "delayed", "2026-04-15"), ("1.a", "done", "2026-06-30")),
    )
    plan = data_copy.load().plans[0]
    task = plan.task("1.a")
    assert [report.code for report in task.reports] == [StatusCode.IN_PROGRESS, StatusCode.DONE]
    assert task.status_code is StatusCode.DONE
    assert task.status_label == "Đã hoàn thành"
    assert task.status.location.line == data_copy.line_of(STATUS, '"1.a"\n    status: done')
    assert plan.task("2.đ").status_label == "Chậm tiến độ"
    assert plan.task("1.b").status is None
    assert plan.last_change == dt.date(2026, 11, 25)  # the corrections are recorded later than the reports


def test_report_with_an_unknown_status_code(data_copy):
    data_copy.write(STATUS, reports(("1.a", "finished", "2026-03-31")))
    line = data_copy.line_of(STATUS, "status: finished")
    assert data_copy.problems() == [
        Problem(
            STATUS,
            line,
            "report 1: «status» is «finished»; expected one of: "
            "not_started, in_progress, done, delayed, paused, cancelled",
        )
    ]


def test_report_cannot_say_not_reported(data_copy):
    data_copy.write(STATUS, reports(("1.a", "not_reported", "2026-03-31")))
    line = data_copy.line_of(STATUS, "status: not_reported")
    assert data_copy.problems() == [
        Problem(
            STATUS,
            line,
            "report 1: «status» «not_reported» is not written down: a task without any report is shown as "
            "«Chưa báo cáo»; remove this report, or use one of: "
            "not_started, in_progress, done, delayed, paused, cancelled",
        )
    ]


def test_report_with_a_date_in_another_format(data_copy):
    data_copy.write(STATUS, reports(("1.a", "done", '"31/03/2026"')))
    line = data_copy.line_of(STATUS, "as_of:")
    assert data_copy.problems() == [
        Problem(STATUS, line, "report 1: «as_of» must be a date written YYYY-MM-DD, found '31/03/2026'")
    ]


def test_report_with_an_impossible_date(data_copy):
    data_copy.write(STATUS, reports(("1.a", "done", "2026-13-01")))
    line = data_copy.line_of(STATUS, "as_of:")
    assert data_copy.problems() == [
        Problem(
            STATUS,
            line,
            "invalid YAML: «2026-13-01» cannot be read as a date (month must be in 1..12); "
            "put it in quotes if it is text",
        )
    ]


def test_report_with_an_impossible_quoted_date(data_copy):
    data_copy.write(STATUS, reports(("1.a", "done", '"2026-02-30"')))
    line = data_copy.line_of(STATUS, "as_of:")
    assert data_copy.problems() == [
        Problem(STATUS, line, "report 1: «as_of» must be a date written YYYY-MM-DD, found '2026-02-30'")
    ]


def test_reports_out_of_date_order(data_copy):
    data_copy.write(
        STATUS,
        reports(
            ("1.a", "in_progress", "2026-06-30"), ("2.b", "in_progress", "2026-01-31"), ("1.a", "done", "2026-03-31")
        ),
    )
    line = data_copy.line_of(STATUS, "2026-03-31")
    assert data_copy.problems() == [
        Problem(
            STATUS,
            line,
            "report 3: reports of task 1.a must be in date order, each later than the one before (2026-06-30)",
        )
    ]


def test_two_reports_of_one_task_on_one_day(data_copy):
    data_copy.write(STATUS, reports(("1.a", "in_progress", "2026-06-30"), ("1.a", "done", "2026-06-30")))
    line = data_copy.line_of(STATUS, "done\n    as_of: 2026-06-30") + 1
    assert data_copy.problems() == [
        Problem(
            STATUS,
            line,
            "report 2: reports of task 1.a must be in date order, each later than the one before (2026-06-30)",
        )
    ]


def test_report_of_a_task_that_does_not_exist(data_copy):
    data_copy.write(STATUS, reports(("2.f", "done", "2026-03-31")))
    line = data_copy.line_of(STATUS, '"2.f"')
    assert data_copy.problems() == [Problem(STATUS, line, "report 1: there is no task «2.f» in the 2026 plan")]


# --- every problem at once ---------------------------------------------------------------------


def test_every_problem_is_reported_in_one_run(data_copy):
    data_copy.replace(PLAN, B1_SCHEDULE, "    schedule: Quý V/2026\n")
    data_copy.replace(
        PLAN, "    - van-phong-so\n    - phong-chuyen-doi-so\n", "    - van-phong-sox\n    - phong-chuyen-doi-so\n"
    )
    data_copy.replace(REFERENCES, "    kind: Đề án\n", "    kind: Đề án\n    year: 2016\n")
    problems = data_copy.problems()
    assert [(p.path, p.line) for p in problems] == [
        (PLAN, data_copy.line_of(PLAN, "Quý V/2026")),
        (PLAN, data_copy.line_of(PLAN, "- van-phong-sox")),
        (REFERENCES, data_copy.line_of(REFERENCES, "year: 2016")),
    ]
    assert str(problems[0]).startswith(f"{PLAN}:{problems[0].line}: task 1.b: schedule «Quý V/2026»")
