"""The plan diff: what a reviewer reads about a pull request, in Vietnamese."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PYTHON_SCRIPTS, edit, git
from tdcplan.load import load_data
from tdcplan.plan_diff import NO_CHANGE, diff_plan_data, format_changes

DIFF = PYTHON_SCRIPTS / "diff_plan.py"

# Task 2.a of the real plan: «Báo cáo», Quý IV/2026, partners: cac-phong-don-vi.
TASK_2A_SCHEDULE = "    - Báo cáo\n    schedule: Quý IV/2026\n"
TASK_2A_PARTNERS = "    partners:\n    - cac-phong-don-vi\n    references:\n    - de-an-100\n    - de-an-996\n    - chuong-trinh-1322\n"


def lines(old: Path, new: Path) -> list[str]:
    return format_changes(diff_plan_data(load_data(old), load_data(new))).splitlines()


def test_unchanged_data_says_so(data_dirs):
    assert lines(*data_dirs) == [NO_CHANGE]


def test_schedule_partner_output_and_report_of_a_task(data_dirs):
    old, new = data_dirs
    plan = new / "plans" / "2026" / "plan.yml"
    edit(plan, TASK_2A_SCHEDULE, "    - Báo cáo tổng kết\n    schedule: Quý II và III/2026\n")
    edit(
        plan,
        TASK_2A_PARTNERS,
        TASK_2A_PARTNERS.replace("- cac-phong-don-vi\n", "- cac-phong-don-vi\n    - van-phong-so\n"),
    )
    edit(
        new / "plans" / "2026" / "status.yml",
        "reports: []",
        'reports:\n  - task: "2.a"\n    status: in_progress\n    as_of: 2026-06-30\n    note: Đã gửi báo cáo quý II.\n',
    )
    assert lines(old, new) == [
        "Kế hoạch năm 2026 — nhiệm vụ 2.a:",
        "  - Sản phẩm, dự kiến kết quả, mục 1: «Báo cáo» → «Báo cáo tổng kết».",
        "  - Thời gian thực hiện: «Quý IV/2026» → «Quý II và III/2026» (theo quý: Quý IV/2026 → Quý II/2026, Quý III/2026).",
        "  - Thêm đơn vị phối hợp: Văn phòng Sở.",
        "  - Thêm báo cáo tiến độ ngày 30/06/2026: Đang thực hiện. Ghi chú: «Đã gửi báo cáo quý II.».",
    ]


def test_lead_replaced_reference_added_and_correction(data_dirs):
    old, new = data_dirs
    plan = new / "plans" / "2026" / "plan.yml"
    edit(
        plan,
        "    lead:\n    - chi-cuc-tdc\n" + TASK_2A_PARTNERS,
        "    lead:\n    - phong-kiem-tra-phap-che\n" + TASK_2A_PARTNERS + "    - nghi-dinh-135-2021\n",
    )
    edit(
        new / "plans" / "2026" / "corrections.yml",
        "corrections:\n",
        "corrections:\n"
        '  - task: "2.a"\n    field: outputs\n    original: Báo cáo\n    corrected: Báo cáo năm\n'
        "    note: Thử nghiệm.\n    recorded: 2026-12-01\n",
    )
    assert lines(old, new) == [
        "Kế hoạch năm 2026 — nhiệm vụ 2.a:",
        "  - Thêm đơn vị chủ trì: Phòng Kiểm tra – Pháp chế.",
        "  - Bỏ đơn vị chủ trì: Chi cục Tiêu chuẩn Đo lường Chất lượng Thành phố Hồ Chí Minh.",
        "  - Thêm văn bản dẫn chiếu: Nghị định 135/2021/NĐ-CP.",
        # A correction changes what the site shows, not the official wording: no «mục 1» edit line.
        "  - Thêm đính chính (Sản phẩm, dự kiến kết quả): «Báo cáo» → «Báo cáo năm»; lý do: Thử nghiệm.",
    ]


def test_task_added_and_removed_and_registries(data_dirs):
    old, new = data_dirs
    plan = new / "plans" / "2026" / "plan.yml"
    text = plan.read_text(encoding="utf-8")
    # Drop the last task of the plan: cut the file at its «- letter:» line.
    cut = text.rindex("\n  - letter: ")
    plan.write_text(text[:cut] + "\n", encoding="utf-8")
    last = load_data(old).plans[0].tasks[-1]
    edit(
        new / "units.yml",
        "units:\n",
        "units:\n  - id: so-cong-thuong\n    name: Sở Công Thương\n"
        "    short_name: Sở Công Thương\n    kind: organisation\n",
    )
    result = lines(old, new)
    assert f"Kế hoạch năm 2026 — nhiệm vụ {last.number}:" in result
    assert any(line.startswith(f"  - Bỏ nhiệm vụ {last.number}: «") for line in result), result
    assert result[-2:] == ["Danh mục đơn vị (data/units.yml):", "  - Thêm đơn vị «so-cong-thuong»: Sở Công Thương."]


def test_markdown_form_escapes_data(data_dirs):
    old, new = data_dirs
    edit(
        new / "plans" / "2026" / "plan.yml",
        TASK_2A_SCHEDULE,
        "    - Báo cáo <script>x</script> *đậm*\n    schedule: Quý IV/2026\n",
    )
    text = format_changes(diff_plan_data(load_data(old), load_data(new)), markdown=True)
    assert text.startswith("## Những thay đổi của kế hoạch\n")
    assert "### Kế hoạch năm 2026 — nhiệm vụ 2.a" in text
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert r"\*đậm\*" in text


# --- the script, against a real git repository -------------------------------------------------


def run_diff(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(DIFF), *args], cwd=cwd, capture_output=True, text=True)


def make_repository(tmp_path: Path, data: Path) -> Path:
    """A git repository with ``data/`` committed once (tag «before»)."""
    repository = tmp_path / "repo"
    repository.mkdir()
    git(repository, "init", "-q", "-b", "main")
    shutil.copytree(data, repository / "data")
    git(repository, "add", "data")
    git(repository, "commit", "-q", "-m", "Plan 2026")
    git(repository, "tag", "before")
    return repository


def test_script_compares_two_commits(data_dirs, tmp_path):
    repository = make_repository(tmp_path, data_dirs[0])
    edit(
        repository / "data" / "plans" / "2026" / "plan.yml",
        TASK_2A_SCHEDULE,
        "    - Báo cáo\n    schedule: Quý III/2026\n",
    )
    git(repository, "commit", "-q", "-am", "Move 2.a to Q3")
    result = run_diff(repository / "data", "before", "HEAD")  # from a subfolder: the repository root is found
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Kế hoạch năm 2026 — nhiệm vụ 2.a:",
        "  - Thời gian thực hiện: «Quý IV/2026» → «Quý III/2026» (theo quý: Quý IV/2026 → Quý III/2026).",
    ]
    same = run_diff(repository, "HEAD", "main")
    assert same.stdout == NO_CHANGE + "\n"


def test_script_bad_ref_is_a_clear_message(data_dirs, tmp_path):
    repository = make_repository(tmp_path, data_dirs[0])
    result = run_diff(repository, "origin/khong-co", "HEAD")
    assert result.returncode == 2
    assert result.stderr == "diff_plan: không tìm thấy phiên bản «origin/khong-co» trong kho git\n"
    assert result.stdout == ""


def test_script_invalid_data_at_a_ref_is_a_clear_message(data_dirs, tmp_path):
    repository = make_repository(tmp_path, data_dirs[0])
    edit(
        repository / "data" / "plans" / "2026" / "plan.yml",
        TASK_2A_SCHEDULE,
        "    - Báo cáo\n    schedule: Quý V/2026\n",
    )
    git(repository, "commit", "-q", "-am", "Broken schedule")
    result = run_diff(repository, "before", "HEAD")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("diff_plan: dữ liệu ở phiên bản «HEAD» không hợp lệ:\n  data/plans/2026/plan.yml:")
    assert "Quý V/2026" in result.stderr


def test_script_data_missing_at_a_ref(tmp_path):
    repository = tmp_path / "repo"
    repository.mkdir()
    git(repository, "init", "-q", "-b", "main")
    (repository / "README.md").write_text("x\n", encoding="utf-8")
    git(repository, "add", "README.md")
    git(repository, "commit", "-q", "-m", "Empty")
    result = run_diff(repository, "HEAD", "HEAD")
    assert result.returncode == 2
    assert result.stderr == "diff_plan: phiên bản «HEAD» không có thư mục «data»\n"


def test_script_outside_a_repository(tmp_path):
    result = run_diff(tmp_path, "HEAD", "HEAD")
    assert result.returncode == 2
    assert result.stderr == f"diff_plan: thư mục {tmp_path} không nằm trong một kho git\n"


def _diff_with_status_linked_to(data_dirs, tmp_path, target: str):
    """diff_plan.py from the first data to a commit where status.yml is a symbolic link to ``target``."""
    repository = make_repository(tmp_path, data_dirs[0])
    status = repository / "data" / "plans" / "2026" / "status.yml"
    status.unlink()
    status.symlink_to(target)
    git(repository, "commit", "-q", "-am", f"Link to {target}")
    return run_diff(repository, "before", "HEAD")


def test_script_link_out_of_the_data_is_a_clear_message(data_dirs, tmp_path):
    result = _diff_with_status_linked_to(data_dirs, tmp_path, "/etc/passwd")
    assert result.returncode == 2
    assert result.stderr == (
        "diff_plan: phiên bản «HEAD» có «data/plans/2026/status.yml» là liên kết ra ngoài thư mục dữ liệu "
        "hoặc tệp đặc biệt; dữ liệu chỉ gồm các tệp thường\n"
    )
    assert result.stdout == ""


def test_script_link_inside_the_data_is_refused_by_the_loader(data_dirs, tmp_path):
    result = _diff_with_status_linked_to(data_dirs, tmp_path, "../../units.yml")
    assert result.returncode == 2
    assert result.stderr == (
        "diff_plan: dữ liệu ở phiên bản «HEAD» không hợp lệ:\n"
        "  data/plans/2026/status.yml:0: cannot read the file: the file is a symbolic link; expected a regular file\n"
    )


def test_script_deep_nesting_at_a_ref_is_a_clear_message(data_dirs, tmp_path):
    repository = make_repository(tmp_path, data_dirs[0])
    status = repository / "data" / "plans" / "2026" / "status.yml"
    status.write_text("reports: " + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "Deep")
    result = run_diff(repository, "before", "HEAD")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        "diff_plan: dữ liệu ở phiên bản «HEAD» không hợp lệ:\n"
        "  data/plans/2026/status.yml:1: invalid YAML: the data is nested more than 30 levels deep; "
        "expected at most a few levels\n"
    )
