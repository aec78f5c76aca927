"""Progress data: the validator's refusals with ``path:line``, the data date, the «period ended» flag and roll-ups."""

from __future__ import annotations

import datetime as dt

import pytest
from plan_data_helpers import REPOSITORY, STATUS
from tdcplan.problems import Problem
from tdcplan.progress import Bucket, StatusCode, deadline_flag, period_end, rollup
from tdcplan.schedule import parse_schedule

FIXTURE_STATUS = REPOSITORY / "tests" / "fixtures" / "progress" / "plans" / "2026" / "status.yml"
HEAD = "data_date: 2026-10-15\nreports:\n"


def report(task: str = "1.a", status: str = "in_progress", as_of: str = "2026-06-30", extra: str = "") -> str:
    return f'  - task: "{task}"\n    status: {status}\n    as_of: {as_of}\n    note: Theo báo cáo.\n{extra}'


def only_problem(data_copy, text: str) -> Problem:
    data_copy.write(STATUS, text)
    problems = data_copy.problems()
    assert len(problems) == 1, problems
    return problems[0]


def test_fixture_loads_with_every_status_and_evidence(data_copy):
    data_copy.write(STATUS, FIXTURE_STATUS.read_text(encoding="utf-8"))
    plan = data_copy.load().plans[0]
    assert plan.data_date == dt.date(2026, 10, 15)
    assert {t.status_code for t in plan.tasks} == set(StatusCode)  # every status is someone's latest
    evidence = plan.task("1.b").status.evidence
    assert [(e.title, e.url, e.document) for e in evidence] == [
        ("Thông báo kết quả", "https://example.org/thong-bao/giai-thuong", None),
        ("Báo cáo kết quả quý II", None, "123/BC-CCTĐC ngày 25/6/2026"),
    ]
    assert [r.code for r in plan.task("1.a").reports] == [StatusCode.IN_PROGRESS, StatusCode.DELAYED]


def test_unknown_task(data_copy):
    problem = only_problem(data_copy, HEAD + report(task="9.z"))
    assert problem == Problem(
        STATUS, data_copy.line_of(STATUS, '"9.z"'), "report 1: there is no task «9.z» in the 2026 plan"
    )


def test_unknown_status(data_copy):
    problem = only_problem(data_copy, HEAD + report(status="finished"))
    assert (problem.path, problem.line) == (STATUS, data_copy.line_of(STATUS, "status: finished"))
    assert "«status» is «finished»; expected one of: not_started, in_progress, done" in problem.message


def test_date_that_is_not_a_date(data_copy):
    problem = only_problem(data_copy, HEAD + report(as_of='"30/06/2026"'))
    assert problem == Problem(
        STATUS,
        data_copy.line_of(STATUS, "as_of:"),
        "report 1: «as_of» must be a date written YYYY-MM-DD, found '30/06/2026'",
    )


def test_date_after_the_data_date(data_copy):
    problem = only_problem(data_copy, HEAD + report(as_of="2026-10-16"))
    assert problem == Problem(
        STATUS,
        data_copy.line_of(STATUS, "as_of:"),
        "report 1: «as_of» 2026-10-16 is after the plan's data date 2026-10-15 («data_date» at the top of the "
        "file); move «data_date» forward or correct the date",
    )


def test_reports_of_a_task_out_of_date_order(data_copy):
    problem = only_problem(data_copy, HEAD + report(as_of="2026-06-30") + report(as_of="2026-05-31"))
    assert problem == Problem(
        STATUS,
        data_copy.line_of(STATUS, "2026-05-31"),
        "report 2: reports of task 1.a must be in date order, each later than the one before (2026-06-30)",
    )


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_closing_report_without_a_note(data_copy, status):
    text = HEAD + f'  - task: "1.b"\n    status: {status}\n    as_of: 2026-06-30\n'
    problem = only_problem(data_copy, text)
    assert problem == Problem(
        STATUS,
        data_copy.line_of(STATUS, '- task: "1.b"'),
        f"report 1: a «{status}» report needs a «note» saying what was done or why not (in Vietnamese: readers see it)",
    )


def test_evidence_with_neither_url_nor_document(data_copy):
    problem = only_problem(data_copy, HEAD + report(extra="    evidence:\n      - title: Báo cáo\n"))
    assert problem.line == data_copy.line_of(STATUS, "- title: Báo cáo")
    assert problem.message.startswith("report 1: evidence 1: needs a «url» (http:// or https://) or a «document»")


@pytest.mark.parametrize("url", ["ftp://example.org/bao-cao.pdf", "javascript:alert(1)", "example.org/bao-cao"])
def test_evidence_url_that_is_not_http(data_copy, url):
    extra = f"    evidence:\n      - title: Báo cáo\n        url: {url}\n"
    problem = only_problem(data_copy, HEAD + report(extra=extra))
    assert problem == Problem(
        STATUS,
        data_copy.line_of(STATUS, f"url: {url}"),
        f"report 1: evidence 1: «url» must be a web address starting with http:// or https://, found «{url}»",
    )


def test_reports_need_a_data_date(data_copy):
    problem = only_problem(data_copy, "reports:\n" + report())
    assert problem == Problem(
        STATUS,
        1,
        "status.yml lacks the key «data_date»: the date the plan's data is current to (YYYY-MM-DD), "
        "required once there are reports",
    )


def test_not_reported_is_never_stored(data_copy):
    problem = only_problem(data_copy, HEAD + report(status="not_reported"))
    assert problem.line == data_copy.line_of(STATUS, "status: not_reported")
    assert "a task without any report is shown as «Chưa báo cáo»" in problem.message


def test_every_problem_of_a_file_in_one_run(data_copy):
    data_copy.write(
        STATUS,
        HEAD
        + report(task="9.z")
        + report(status="finished")
        + report(as_of="2026-12-01")
        + '  - task: "2.a"\n    status: done\n    as_of: 2026-06-30\n',
    )
    assert [p.line for p in data_copy.problems()] == [3, 8, 13, 15]


# --- the rules, on their own --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wording", "end"),
    [
        ("Quý I/2026", dt.date(2026, 3, 31)),
        ("Quý I và II/2026", dt.date(2026, 6, 30)),
        ("Quý II, III và IV/2026", dt.date(2026, 12, 31)),
        ("Từ tháng 01/2026 đến tháng 11/2026", dt.date(2026, 11, 30)),
        ("Từ tháng 01/2026 đến tháng 02/2026", dt.date(2026, 2, 28)),
        ("Thường xuyên", None),
        ("Định kỳ hoặc đột xuất theo yêu cầu", None),
    ],
)
def test_period_end(wording, end):
    assert period_end(parse_schedule(wording)) == end


def test_flag_rule():
    june = parse_schedule("Quý I và II/2026")
    assert deadline_flag(june, StatusCode.NOT_REPORTED, dt.date(2026, 6, 30)) is None  # the last day itself
    flag = deadline_flag(june, StatusCode.NOT_REPORTED, dt.date(2026, 7, 1))
    assert flag.text == "Đã hết thời hạn theo kế hoạch (30/06/2026), chưa báo cáo hoàn thành"
    for code in (StatusCode.IN_PROGRESS, StatusCode.DELAYED, StatusCode.PAUSED, StatusCode.NOT_STARTED):
        assert deadline_flag(june, code, dt.date(2026, 7, 1)) is not None
    for code in (StatusCode.DONE, StatusCode.CANCELLED):
        assert deadline_flag(june, code, dt.date(2026, 7, 1)) is None
    assert deadline_flag(june, StatusCode.NOT_REPORTED, None) is None  # no data date: nothing time-relative
    for wording in ("Thường xuyên", "Định kỳ hoặc đột xuất theo yêu cầu"):
        assert deadline_flag(parse_schedule(wording), StatusCode.NOT_REPORTED, dt.date(2027, 1, 1)) is None


def test_rollup_of_the_fixture(data_copy):
    data_copy.write(STATUS, FIXTURE_STATUS.read_text(encoding="utf-8"))
    plan = data_copy.load().plans[0]
    counts = rollup(plan.tasks, plan.data_date)
    assert dict(counts.shown) == {
        Bucket.DONE: 1,
        Bucket.IN_PROGRESS: 2,
        Bucket.NOT_STARTED: 1,
        Bucket.PAUSED: 1,
        Bucket.CANCELLED: 1,
        Bucket.OVERDUE: 2,
        Bucket.NOT_REPORTED: 16,
    }
    assert counts.total == 24
    assert counts.text == (
        "1 đã hoàn thành · 2 đang thực hiện · 1 chưa triển khai · 1 tạm dừng · 1 không thực hiện"
        " · 2 đã hết thời hạn, chưa báo cáo hoàn thành · 16 chưa báo cáo"
    )


def test_real_data_date_and_flags(real_data):
    plan = real_data.plans[0]
    assert plan.data_date == dt.date(2026, 11, 25)
    assert all(task.status_code is StatusCode.NOT_REPORTED for task in plan.tasks)
    flagged = {task.number: task.deadline_flag.due for task in plan.tasks if task.deadline_flag}
    assert flagged == {
        "1.a": dt.date(2026, 9, 30),
        "1.b": dt.date(2026, 6, 30),
        "2.h": dt.date(2026, 3, 31),
        "3.b": dt.date(2026, 9, 30),
    }
