"""Data from a hostile pull request: it must not hang, crash, leak files or inject commands.

Each case runs the real ``scripts/validate.py`` (as CI does) or the real loader.
The subprocess timeout is a guard against a hang, not a speed test.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hostile_inputs import billion_laughs, deep_nesting, huge_file, many_values
from plan_data_helpers import CORRECTIONS, PLAN, STATUS, UNITS
from tdcplan.problems import Problem
from test_data_validate_script import PROBLEM_LINE, validate

# --- bounded reading ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, line, message",
    [
        (billion_laughs(), 3, "an alias (*a0) is not allowed in data files"),
        (deep_nesting(1000), 1, "nested more than 30 levels deep"),
        (deep_nesting(400, flow=False), 30, "nested more than 30 levels deep"),
        (huge_file(), 0, "larger than 2,500,000 bytes"),
        (many_values(), 59999, "holds more than 60,000 values"),
    ],
    ids=["billion-laughs", "deep-flow", "deep-block", "huge", "many-values"],
)
def test_hostile_yaml_is_refused_with_its_line(data_copy, content, line, message):
    data_copy.write(STATUS, content)
    run = validate(data_copy.root, "data")
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{STATUS}:{line}: ") and message in lines[0], lines


OUTSIDE = "the file lies outside the data directory (through a symbolic link); expected a file in it"


def replace_with_link(data_copy, path: str, target: str) -> None:
    (data_copy.root / path).unlink()
    os.symlink(target, data_copy.root / path)


@pytest.mark.parametrize(
    "target, message",
    [
        ("/etc/passwd", OUTSIDE),
        ("/dev/zero", OUTSIDE),
        ("../units.yml", "the file is a symbolic link; expected a regular file"),
    ],
)
def test_links_are_not_followed_and_their_target_never_printed(data_copy, target, message):
    replace_with_link(data_copy, PLAN, target)
    run = validate(data_copy.root, "data")
    assert run.returncode == 1
    assert run.stdout == f"{PLAN}:0: cannot read the file: {message}\n"
    assert "root:" not in run.stdout and "units:" not in run.stdout


def test_a_fifo_is_refused_without_waiting(data_copy):
    (data_copy.root / STATUS).unlink()
    os.mkfifo(data_copy.root / STATUS)
    run = validate(data_copy.root, "data")
    assert run.returncode == 1
    assert run.stdout == (
        f"{STATUS}:0: cannot read the file: the file is not a regular file (a device, a pipe or a folder); "
        "expected a YAML file\n"
    )


def test_a_dangling_link_is_reported_not_ignored(data_copy):
    replace_with_link(data_copy, STATUS, "nowhere.yml")
    assert data_copy.problems() == [
        Problem(STATUS, 0, "cannot read the file: the file is a symbolic link; expected a regular file")
    ]


def test_a_plan_folder_linked_from_outside_is_refused(data_copy, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "plan.yml").write_text(data_copy.text(PLAN).replace("year: 2026", "year: 2027"), encoding="utf-8")
    os.symlink(outside, data_copy.data_dir / "plans" / "2027")
    problems = data_copy.problems()
    assert [p.message for p in problems] == [
        "cannot read the file: the file lies outside the data directory (through a symbolic link); "
        "expected a file in it"
    ]


# --- no injection through messages ----------------------------------------------------------------


def test_github_output_is_one_line_per_problem_whatever_the_data(data_copy):
    # An unknown key is quoted in its message: a line break in it must not start a workflow command.
    data_copy.replace(
        UNITS, "    kind: organisation\n", '    kind: organisation\n    "x\\n::add-mask::s\\r%0A::error::y": 1\n'
    )
    run = validate(data_copy.root, "data", "--github")
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert len(lines) == 2, lines
    assert PROBLEM_LINE.match(lines[0]) and lines[1].startswith("::error file=data/units.yml,line=")
    assert not any(line.startswith("::") for line in lines[:1])
    assert "::error::y" in lines[1] and "%250A" in lines[1]  # the data's «%0A» cannot become a line break


def test_problem_text_never_holds_a_control_character():
    problem = Problem("data/units.yml", 3, "key «a\n::add-mask::x\x1b[2J\u2028\u202e»")
    assert str(problem) == "data/units.yml:3: key «a\\n::add-mask::x\\x1b[2J\\u2028\\u202e»"
    assert "\n" not in problem.as_github_annotation() and "\x1b" not in problem.as_github_annotation()


@pytest.mark.parametrize(
    "text, expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Chi cục = 1", "Chi cục = 1"),
        ("2.đ", "2.đ"),
    ],
)
def test_spreadsheet_cells_never_start_like_a_formula(text, expected):
    from tdcplan.exports.spreadsheet import spreadsheet_text

    assert spreadsheet_text(text) == expected


# --- single-line, clean text ------------------------------------------------------------------------

SHORT_NAME = "    short_name: Chi cục TĐC\n"


@pytest.mark.parametrize(
    "value, message",
    [
        ('"Chi cục\\nTĐC"', "contains a line break (U+000A); it must be one line"),
        ('"Chi cục\\rTĐC"', "contains a line break (U+000D); it must be one line"),
        ('"Chi cục\\u2028TĐC"', "contains a line break (U+2028); it must be one line"),
        ('"Chi cục\\tTĐC"', "contains the control character U+0009; remove it"),
        ('"Chi cục\\x1bTĐC"', "contains the control character U+001B; remove it"),
        ('"Chi cục\\u200bTĐC"', "contains the invisible character U+200B (zero width space); remove it"),
        ('"Chi cục\\u202eTĐC"', "contains the invisible character U+202E (right-to-left override); remove it"),
        ("|\n      Chi cục\n      TĐC", "contains a line break (U+000A); it must be one line"),
    ],
)
def test_single_line_fields_refuse_breaks_and_invisible_characters(data_copy, value, message):
    # A newline in a short name used to validate, then crash the iCalendar export.
    data_copy.replace(UNITS, SHORT_NAME, f"    short_name: {value}\n")
    line = data_copy.line_of(UNITS, f"    short_name: {value.splitlines()[0]}")
    assert data_copy.problems() == [Problem(UNITS, line, f"unit 1: «short_name» {message}")]


@pytest.mark.parametrize(
    "old, new",
    [
        ("  title: Xây dựng, đào tạo", '  title: "Xây dựng,\\nđào tạo" #'),
        ("    schedule: Quý I và II/2026", '    schedule: "Quý I\\nvà II/2026"'),
        ("    name: Văn phòng Sở\n", '    name: "Văn phòng\\nSở"\n'),
    ],
)
def test_line_breaks_are_refused_in_titles_schedules_and_names(data_copy, old, new):
    data_copy.replace(PLAN if "name:" not in old else UNITS, old, new)
    problems = data_copy.problems()
    assert len(problems) >= 1 and all("line break" in p.message for p in problems), problems


def test_a_zero_width_space_no_longer_hides_a_duplicate_name(data_copy):
    data_copy.replace(
        UNITS,
        "    name: Văn phòng Sở\n",
        '    name: "Chi cục Tiêu chuẩn Đo lường\\u200b Chất lượng Thành phố Hồ Chí Minh"\n',
    )
    problems = data_copy.problems()
    assert [p.message for p in problems] == [
        "unit 4: «name» contains the invisible character U+200B (zero width space); remove it"
    ]


def test_names_must_be_nfc(data_copy):
    decomposed = "Văn phòng Sở".replace("ă", "a\u0306")
    data_copy.replace(UNITS, "    name: Văn phòng Sở\n", f"    name: {decomposed}\n")
    [problem] = data_copy.problems()
    assert problem.message == (
        "unit 4: «name» is not in Unicode NFC (composed) form; retype it or save the file with composed characters"
    )


def test_text_fault_lets_clean_vietnamese_through():
    from tdcplan.fields import text_fault

    assert text_fault("Chi cục Tiêu chuẩn Đo lường Chất lượng – Quý I và II/2026 (100%)") is None
    assert text_fault("Dòng một\nDòng hai", multiline=True) is None


# --- plausible dates and corrections ------------------------------------------------------------------


def report(as_of: str, data_date: str = "2027-12-31") -> str:
    return f"data_date: {data_date}\nreports:\n  - task: '1.a'\n    status: in_progress\n    as_of: {as_of}\n"


@pytest.mark.parametrize("as_of", ["2099-01-01", "1999-12-31", "2025-12-31", "2028-01-01"])
def test_report_dates_outside_the_plan_years_are_refused(data_copy, as_of):
    data_copy.write(STATUS, report(as_of))
    assert data_copy.problems() == [
        Problem(
            STATUS,
            5,
            f"report 1: «as_of» is {as_of}; expected a date from 2026-01-01 to 2027-12-31 "
            "(the 2026 plan's year or the year after)",
        )
    ]


@pytest.mark.parametrize("as_of", ["2026-01-01", "2027-12-31"])
def test_report_dates_in_the_plan_years_are_accepted(data_copy, as_of):
    data_copy.write(STATUS, report(as_of))
    assert data_copy.load().plans[0].task("1.a").status.as_of == dt.date.fromisoformat(as_of)


def test_correction_dates_outside_the_plan_years_are_refused(data_copy):
    data_copy.replace(CORRECTIONS, "recorded: 2026-11-25", "recorded: 2099-11-25")
    [problem] = data_copy.problems()
    assert (
        problem.path == CORRECTIONS and "«recorded» is 2099-11-25; expected a date from 2026-01-01" in problem.message
    )


CHAIN = """
  - task: "2.d"
    field: outputs
    original: năng suất
    corrected: năng xuất
    note: Một đính chính của một đính chính.
    recorded: 2026-11-26
"""


def test_a_correction_of_a_correction_is_refused(data_copy):
    # The first correction makes «nâng suất» read «năng suất»; a second one quoting the corrected words
    # would put «năng suất» in the «Nguyên văn» column, which the official text never said.
    data_copy.write(CORRECTIONS, data_copy.text(CORRECTIONS).rstrip("\n") + "\n" + CHAIN.lstrip("\n"))
    line = data_copy.text(CORRECTIONS).count("\n") - 3
    problems = data_copy.problems()
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(line, "correction 4")], problems
    assert "official «outputs» of task 2.d" in problems[0].message


OVERLAP = """
  - task: "2.d"
    field: outputs
    original: nâng suất chất lượng
    corrected: năng suất, chất lượng
    note: Một đính chính chồng lên đính chính 1.
    recorded: 2026-11-26
"""


def test_a_correction_overlapping_an_earlier_one_is_refused(data_copy):
    # «nâng suất chất lượng» is in the official text once, but correction 1 already rewrote «nâng suất».
    data_copy.write(CORRECTIONS, data_copy.text(CORRECTIONS).rstrip("\n") + "\n" + OVERLAP.lstrip("\n"))
    line = data_copy.text(CORRECTIONS).count("\n") - 3
    assert data_copy.problems() == [
        Problem(CORRECTIONS, line, "correction 4: «nâng suất chất lượng» overlaps an earlier correction")
    ]


def test_a_data_date_outside_the_plan_years_is_refused(data_copy):
    data_copy.write(STATUS, report("2026-06-30", data_date="2099-01-01"))
    assert data_copy.problems() == [
        Problem(
            STATUS,
            1,
            "«data_date» is 2099-01-01; expected a date from 2026-01-01 to 2027-12-31 "
            "(the 2026 plan's year or the year after)",
        )
    ]


def test_a_file_of_many_problems_prints_the_first_ones_and_a_count(data_copy):
    # Every item of a long list is wrong: the maintainer (and the public CI log) gets the first
    # problems and how many more there are, not tens of thousands of lines.
    data_copy.write(STATUS, "data_date: 2026-11-25\nreports:\n" + "  - 1\n" * 5_000)
    run = validate(data_copy.root, str(data_copy.data_dir), "--github")
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert len(lines) == 2 * 200 + 1, len(lines)
    assert lines[-1] == "… and 4,800 more problem(s); fix the ones above and run again"
    assert "5000 problem(s) found" in run.stderr
