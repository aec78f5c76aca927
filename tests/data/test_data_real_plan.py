"""The repository's own data: the 2026 plan as published."""

from __future__ import annotations

import datetime as dt

import yaml
from plan_data_helpers import CORRECTIONS, DATA, PLAN
from tdcplan.model import StatusCode, UnitKind
from tdcplan.quarter_listing import scheduled_in
from tdcplan.schedule import ScheduleKind

NUMBERS = [
    "1.a",
    "1.b",
    "2.a",
    "2.b",
    "2.c",
    "2.d",
    "2.đ",
    "2.e",
    "2.g",
    "2.h",
    "2.i",
    "3.a",
    "3.b",
    "3.c",
    "3.d",
    "4.a",
    "4.b",
    "4.c",
    "5.a",
    "5.b",
    "5.c",
    "5.d",
    "6.a",
    "6.b",
]


def test_one_plan_of_2026(real_data):
    assert [plan.year for plan in real_data.plans] == [2026]
    plan = real_data.plans[0]
    assert plan.appendix == "Phụ lục"
    assert plan.title == "DANH MỤC NHIỆM VỤ TRIỂN KHAI THỰC HIỆN NĂM 2026"
    assert plan.issuer == "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh"
    assert plan.parent.as_printed == "Kế hoạch số /KH-SKHCN ngày tháng năm 2026"
    assert plan.parent.number is None  # not yet numbered: never invented
    assert plan.parent.date is None
    assert plan.location.path == PLAN


def test_24_tasks_in_plan_order(real_data):
    plan = real_data.plans[0]
    assert [task.number for task in plan.tasks] == NUMBERS


def test_six_groups_with_their_sizes(real_data):
    groups = real_data.plans[0].groups
    assert [group.number for group in groups] == [1, 2, 3, 4, 5, 6]
    assert [len(group.tasks) for group in groups] == [2, 9, 4, 3, 4, 2]
    assert [group.title for group in groups][2:] == [
        "Xây dựng, đào tạo nguồn nhân lực lĩnh vực tiêu chuẩn, đo lường, chất lượng",
        "Đầu tư ngân sách nhà nước cho công tác tiêu chuẩn, đo lường, chất lượng",
        "Tăng cường công tác kiểm tra, giám sát về tiêu chuẩn, đo lường, chất lượng",
        "Trao đổi thông tin, kinh nghiệm, hợp tác đào tạo về tiêu chuẩn, đo lường, chất lượng",
    ]
    for group in groups:
        assert all((task.group.number, task.group.title) == (group.number, group.title) for task in group.tasks)
        assert all(task.group_number == group.number for task in group.tasks)


def test_letters_follow_the_vietnamese_alphabet(real_data):
    groups = real_data.plans[0].groups
    assert [task.letter for task in groups[1].tasks] == ["a", "b", "c", "d", "đ", "e", "g", "h", "i"]
    assert [task.slug for task in groups[1].tasks] == [
        "2-a",
        "2-b",
        "2-c",
        "2-d",
        "2-dd",
        "2-e",
        "2-g",
        "2-h",
        "2-i",
    ]


def test_task_locations_point_at_their_letter_line(real_data):
    lines = (DATA / "plans/2026/plan.yml").read_text(encoding="utf-8").splitlines()
    for task in real_data.plans[0].tasks:
        assert task.location.path == PLAN
        assert lines[task.location.line - 1] == f"  - letter: {task.letter}", task.number


def test_eight_units(real_data):
    assert sorted(real_data.units) == [
        "cac-phong-don-vi",
        "chi-cuc-tdc",
        "phong-chuyen-doi-so",
        "phong-kiem-tra-phap-che",
        "phong-quan-ly-khoa-hoc",
        "trung-tam-cntt-dia-khong-gian",
        "trung-tam-phan-tich-tdc",
        "van-phong-so",
    ]
    assert real_data.units["cac-phong-don-vi"].kind is UnitKind.COLLECTIVE
    assert [u.id for u in real_data.units.values() if u.kind is UnitKind.COLLECTIVE] == ["cac-phong-don-vi"]
    assert real_data.units["chi-cuc-tdc"].short_name == "Chi cục TĐC"


def test_every_task_is_not_yet_reported(real_data):
    for task in real_data.plans[0].tasks:
        assert task.reports == ()
        assert task.status is None
        assert task.status_code is StatusCode.NOT_REPORTED
        assert task.status_label == "Chưa báo cáo"


CORRECTED = {
    # task: (field, official wording, corrected wording)
    "2.d": (
        "outputs",
        "Nội dung và kinh phí thực hiện theo chương trình nâng suất chất lượng",
        "Nội dung và kinh phí thực hiện theo chương trình năng suất chất lượng",
    ),
    "3.a": (
        "outputs",
        "Nội dung và kinh phí theo các chương trình, đề án (100, 996, năng suất, Giải thường chất lượng Quốc Gia, "
        "ISO hành chính công,...).",
        "Nội dung và kinh phí theo các chương trình, đề án (100, 996, năng suất, Giải thưởng chất lượng Quốc Gia, "
        "ISO hành chính công,...).",
    ),
}


def test_three_corrections_applied(real_data):
    plan = real_data.plans[0]
    corrected = [
        (task.number, field, item)
        for task in plan.tasks
        for field in ("content", "outputs")
        for item in getattr(task, field)
        if item.corrected
    ]
    assert [(number, field) for number, field, _ in corrected] == [
        ("2.d", "outputs"),
        ("3.a", "outputs"),
        ("5.d", "content"),
    ]
    for number, (field, official, text) in CORRECTED.items():
        item = getattr(plan.task(number), field)[0]
        assert (item.official, item.text) == (official, text)
    five_d = plan.task("5.d").content[0]
    assert "tham những, tiêu cực" in five_d.official
    assert "tham nhũng, tiêu cực" in five_d.text
    assert five_d.text == five_d.official.replace("tham những", "tham nhũng")


def test_official_wording_is_what_plan_yml_says(real_data):
    raw = yaml.safe_load((DATA / "plans/2026/plan.yml").read_text(encoding="utf-8"))
    plan = real_data.plans[0]
    for group, raw_group in zip(plan.groups, raw["groups"], strict=True):
        for task, raw_task in zip(group.tasks, raw_group["tasks"], strict=True):
            assert [item.official for item in task.content] == raw_task["content"]
            assert [item.official for item in task.outputs] == raw_task["outputs"]


def test_other_items_of_corrected_tasks_are_unchanged(real_data):
    three_a = real_data.plans[0].task("3.a")
    assert [item.corrected for item in three_a.outputs] == [True, False, False]
    assert not three_a.content[0].corrected


def test_corrections_are_recorded_on_their_tasks(real_data):
    plan = real_data.plans[0]
    records = [
        (task.number, c.field, c.original, c.corrected, c.recorded) for task in plan.tasks for c in task.corrections
    ]
    assert records == [
        ("2.d", "outputs", "nâng suất", "năng suất", dt.date(2026, 11, 25)),
        ("3.a", "outputs", "Giải thường chất lượng", "Giải thưởng chất lượng", dt.date(2026, 11, 25)),
        ("5.d", "content", "tham những", "tham nhũng", dt.date(2026, 11, 25)),
    ]
    assert all(c.location.path == CORRECTIONS for task in plan.tasks for c in task.corrections)
    assert plan.last_change == dt.date(2026, 11, 25)


def test_schedules(real_data):
    plan = real_data.plans[0]
    kinds = [task.schedule.kind for task in plan.tasks]
    assert kinds.count(ScheduleKind.ONGOING) == 13
    assert kinds.count(ScheduleKind.ON_REQUEST) == 1
    assert kinds.count(ScheduleKind.MONTHS) == 1
    assert kinds.count(ScheduleKind.QUARTERS) == 9
    assert plan.task("1.a").schedule.quarters == (1, 2, 3)
    assert plan.task("2.c").schedule.kind is ScheduleKind.ON_REQUEST
    assert plan.task("2.đ").schedule.months == (1, 11)
    assert plan.task("2.h").schedule.quarters == (1,)
    assert [task.number for task in scheduled_in(plan.tasks, 1)] == [
        "1.a",
        "1.b",
        "2.đ",
        "2.h",
    ]


def test_units_and_references_of_tasks(real_data):
    plan = real_data.plans[0]
    units = real_data.units
    assert plan.task("3.c").lead == (units["phong-quan-ly-khoa-hoc"],)
    assert plan.task("4.a").lead == (units["trung-tam-phan-tich-tdc"],)
    assert plan.task("1.b").partners == ()
    assert [u.id for u in plan.task("2.i").units] == [
        "chi-cuc-tdc",
        "phong-chuyen-doi-so",
        "van-phong-so",
        "trung-tam-cntt-dia-khong-gian",
    ]
    assert [r.id for r in plan.task("2.a").references] == ["de-an-100", "de-an-996", "chuong-trinh-1322", "ke-hoach-36"]
    assert len(plan.tasks_led_by(units["chi-cuc-tdc"])) == 22
    assert [t.number for t in plan.tasks_coordinated_by(units["phong-chuyen-doi-so"])] == ["2.h", "2.i"]
