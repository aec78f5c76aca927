"""``scripts/validate.py`` run as maintainers and CI run it: exit status, output lines, no traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from plan_data_helpers import CORRECTIONS, PLAN, REPOSITORY, STATUS, UNITS

VALIDATE = REPOSITORY / "scripts" / "validate.py"
PROBLEM_LINE = re.compile(r"^data/[\w/.-]+\.yml:\d+: \S.*$")


def validate(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(VALIDATE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_real_data_is_valid():
    run = validate(REPOSITORY)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == "OK: 1 plan(s) (2026), 24 tasks, 8 units, 14 references\n"
    assert run.stderr == ""


def test_real_data_with_github_flag_prints_no_annotation():
    run = validate(REPOSITORY, "data", "--github")
    assert run.returncode == 0
    assert run.stdout == "OK: 1 plan(s) (2026), 24 tasks, 8 units, 14 references\n"


def test_bad_data_prints_path_line_message(data_copy):
    data_copy.replace(PLAN, "schedule: Quý I và II/2026", "schedule: Quý V/2026")
    data_copy.replace(UNITS, "kind: collective", "kind: group")
    run = validate(data_copy.root, "data")
    assert run.returncode == 1
    schedule_line = data_copy.line_of(PLAN, "Quý V/2026")
    kind_line = data_copy.line_of(UNITS, "kind: group")
    lines = run.stdout.splitlines()
    assert lines == [
        f"{PLAN}:{schedule_line}: task 1.b: schedule «Quý V/2026» is not a wording the site understands; "
        "accepted forms: «Quý I/2026», «Quý I và II/2026», «Quý I, II và III/2026» (quarters I–IV in increasing "
        "order), «Từ tháng 01/2026 đến tháng 11/2026», «Thường xuyên», «Định kỳ hoặc đột xuất theo yêu cầu»",
        f"{UNITS}:{kind_line}: unit 2: «kind» is «group»; expected one of: organisation, collective",
    ]
    assert run.stderr == "2 problem(s) found in data\n"


def test_github_flag_adds_an_annotation_after_each_problem(data_copy):
    data_copy.replace(PLAN, "schedule: Quý I và II/2026", "schedule: Quý I và II/2027")
    data_copy.replace(PLAN, "- ke-hoach-36", "- ke-hoach-36%")
    run = validate(data_copy.root, "data", "--github")
    assert run.returncode == 1
    schedule_line = data_copy.line_of(PLAN, "Quý I và II/2027")
    reference_line = data_copy.line_of(PLAN, "- ke-hoach-36%")
    assert run.stdout.splitlines() == [
        f"{PLAN}:{schedule_line}: task 1.b: schedule «Quý I và II/2027» is not in the plan's year 2026",
        f"::error file={PLAN},line={schedule_line}::task 1.b: schedule «Quý I và II/2027» is not in the plan's year 2026",
        f"{PLAN}:{reference_line}: task 2.a: cites «ke-hoach-36%», which is not in data/references.yml",
        f"::error file={PLAN},line={reference_line}::task 2.a: cites «ke-hoach-36%25», which is not in data/references.yml",
    ]


def test_github_annotation_of_a_whole_file_problem_points_at_line_1(data_copy):
    (data_copy.root / STATUS).write_text("", encoding="utf-8")
    run = validate(data_copy.root, "data", "--github")
    assert run.stdout.splitlines() == [
        f"{STATUS}:1: the file is empty; expected a YAML mapping",
        f"::error file={STATUS},line=1::the file is empty; expected a YAML mapping",
    ]
    (data_copy.root / STATUS).unlink()
    (data_copy.root / UNITS).unlink()
    run = validate(data_copy.root, "data", "--github")
    assert run.stdout.splitlines() == [
        f"{UNITS}:0: cannot read the file: No such file or directory",
        f"::error file={UNITS},line=1::cannot read the file: No such file or directory",
    ]


BAD_INPUTS = {
    "malformed YAML": (PLAN, "schedule: Quý I và II/2026", "schedule: [Quý I và II/2026"),
    "duplicate key": (PLAN, "    schedule: Quý I và II/2026\n", "    schedule: Quý I và II/2026\n    schedule: x\n"),
    "impossible date": (CORRECTIONS, "recorded: 2026-11-25", "recorded: 2026-11-31"),
    "bad hexadecimal": (CORRECTIONS, "recorded: 2026-11-25", "recorded: 0x_"),
    "explicit tag": (CORRECTIONS, "recorded: 2026-11-25", "recorded: !!bool perhaps"),
    "unknown tag": (CORRECTIONS, "recorded: 2026-11-25", "recorded: !!python/object:os.system ls"),
    "recursive alias": (STATUS, "reports: []", "reports: &a [*a]"),
    "undefined alias": (STATUS, "reports: []", "reports: *nothing"),
    "control character": (UNITS, "Văn phòng Sở", "Văn phòng\x00Sở"),
    "wrong type": (PLAN, "schedule: Quý I và II/2026", "schedule: {quarter: 1}"),
    "top level scalar": (STATUS, "reports: []", "just text"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_never_gives_a_traceback(data_copy, case):
    path, old, new = BAD_INPUTS[case]
    data_copy.replace(path, old, new)
    run = validate(data_copy.root, "data")
    assert "Traceback" not in run.stderr
    assert run.returncode == 1, run.stderr
    assert run.stdout, "no problem printed"
    for line in run.stdout.splitlines():
        assert PROBLEM_LINE.match(line), line
        assert line.startswith(f"{path}:"), line
    assert re.fullmatch(r"\d+ problem\(s\) found in data\n", run.stderr)


def test_file_not_utf8_gives_no_traceback(data_copy):
    (data_copy.root / UNITS).write_bytes("units:\n  - id: x\n    name: Café\n".encode("latin-1"))
    run = validate(data_copy.root, "data")
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    assert run.stdout == f"{UNITS}:3: the file is not UTF-8 (byte 0xe9); save it as UTF-8\n"


def test_missing_data_directory_gives_no_traceback(tmp_path):
    run = validate(tmp_path, "nowhere")
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    assert run.stdout == "nowhere:0: the data directory does not exist\n"


def test_data_outside_the_working_directory_is_named_by_absolute_path(data_copy, tmp_path_factory):
    data_copy.replace(STATUS, "reports: []", "reports: 3")
    elsewhere = tmp_path_factory.mktemp("cwd")
    run = validate(elsewhere, str(data_copy.data_dir))
    line = data_copy.line_of(STATUS, "reports: 3")
    status = (data_copy.root / STATUS).resolve().as_posix()
    assert run.stdout == f"{status}:{line}: «reports» must be a list (lines starting with «- »), found a whole number\n"
