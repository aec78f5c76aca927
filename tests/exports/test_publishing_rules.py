"""Fast tests of the publishing rules: which addresses are public, permanent ids, git dates of files."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageFont
from repository import REPOSITORY
from tdcplan.git_history import GitHistory
from tdcplan.identifiers import Identifiers
from tdcplan.load import load_data, source_documents
from tdcplan.previews import BOLD, HEIGHT, REGULAR, WIDTH, Preview, fitting_font, render_png, wrap
from tdcplan.problems import PlanDataError
from tdcplan.publishing import local_build_notice, local_reason, publishing_problem


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:8000/",
        "http://127.8.9.10/",
        "http://localhost/",
        "http://LOCALHOST./",
        "http://app.localhost:8000/",
        "http://[::1]:8000/",
        "http://0.0.0.0/",
        "https://10.0.0.1/",
        "https://172.16.5.4/",
        "https://192.168.0.10/ke-hoach/",
        "http://169.254.1.1/",
        "http://[fd00::1]/",
        "/relative/",
    ],
)
def test_local_addresses_are_refused_for_publishing(address: str) -> None:
    assert local_reason(address)
    assert local_build_notice(address)
    problem = publishing_problem(address, {"PUBLISH": "1", "SITE_URL": address})
    assert problem and problem.endswith("nothing was built.") and problem.count(".") >= 1


@pytest.mark.parametrize(
    "address", ["https://tdc.example.gov.vn/ke-hoach/", "https://owner.github.io/repo/", "http://8.8.8.8/"]
)
def test_public_addresses_are_accepted(address: str) -> None:
    assert local_reason(address) is None and local_build_notice(address) is None
    assert publishing_problem(address, {"PUBLISH": "1", "SITE_URL": address}) is None


def test_only_a_publishing_build_is_refused() -> None:
    assert publishing_problem("http://127.0.0.1:8000/", {}) is None
    assert publishing_problem("http://127.0.0.1:8000/", {"PUBLISH": "0"}) is None
    missing = publishing_problem("http://127.0.0.1:8000/", {"PUBLISH": "1"})
    assert missing and "SITE_URL is not set" in missing
    assert "not an http(s) address" in (
        publishing_problem("ftp://x.gov.vn/", {"PUBLISH": "1", "SITE_URL": "ftp"}) or ""
    )


def test_ids_name_the_publisher_and_the_plan(plan_data) -> None:
    plan = plan_data.plans[0]
    ids = Identifiers("skhcn.hochiminhcity.gov.vn")
    task = plan.task("2.đ")
    assert ids.feed(plan) == "tag:skhcn.hochiminhcity.gov.vn,2026:ke-hoach-2026/cap-nhat"
    assert ids.feed_entry(plan, task, "bao-cao-2026-03-31") == (
        "tag:skhcn.hochiminhcity.gov.vn,2026:ke-hoach-2026/nhiem-vu/2-dd/bao-cao-2026-03-31"
    )
    assert ids.calendar_uid(plan, task, "m11", "-chi-cuc-tdc") == "2026-2-dd-m11-chi-cuc-tdc@skhcn.hochiminhcity.gov.vn"


@pytest.mark.parametrize("bad", ["", "127.0.0.1", "https://skhcn.gov.vn/", "khong co dau cham", "Sở.vn"])
def test_a_publisher_id_must_be_a_domain_name(bad: str) -> None:
    with pytest.raises(ValueError, match="not a domain name"):
        Identifiers(bad)


def _git(root: Path, *args: str, date: str = "") -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=root, env=env, check=True)


def test_git_history_gives_the_last_commit_of_a_file_or_folder(tmp_path: Path) -> None:
    assert GitHistory.read(tmp_path) is None  # not a checkout
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "data" / "b.yml").write_text("b: 1\n", encoding="utf-8")
    _git(tmp_path, "init", "-q", date="2026-01-01T00:00:00+07:00")
    _git(tmp_path, "add", ".", date="2026-01-01T00:00:00+07:00")
    _git(tmp_path, "commit", "-qm", "first", date="2026-02-03T23:30:00+07:00")
    (tmp_path / "data" / "b.yml").write_text("b: 2\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "second", date="2026-04-05T08:00:00+07:00")

    history = GitHistory.read(tmp_path, ["data"])
    assert history is not None
    first, second = history.last_commit("data/a.yml"), history.last_commit("data/b.yml")
    assert first and second and first.sha != second.sha and len(second.sha) == 40
    assert first.day == dt.date(2026, 2, 3)  # the committer's own day, not UTC's
    assert history.last_commit("data") == second
    assert history.last_commit("data/none.yml") is None
    assert history.last_change(["data/a.yml", "data/b.yml"]) == dt.date(2026, 4, 5)
    assert history.last_change(["data/none.yml"]) is None
    nested = GitHistory.read(tmp_path / "data", ["."])
    assert nested and nested.last_commit("a.yml") == first


def test_preview_images_are_deterministic_pngs_whose_text_fits() -> None:
    text = "Tổ chức triển khai xây dựng, áp dụng, duy trì, cải tiến hệ thống quản lý chất lượng tiên tiến " * 4
    preview = Preview("anh/x.png", "Nhiệm vụ 2.đ", text, "Kế hoạch TĐC 2026 · Sở Khoa học và Công nghệ TP.HCM")
    data = render_png(preview)
    assert data == render_png(preview)
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("PNG", (WIDTH, HEIGHT))
    body = ImageFont.truetype(str(REGULAR), 44)
    lines = wrap(text, body, WIDTH - 128, 6)
    assert len(lines) == 6 and lines[-1].endswith(" …")
    assert all(body.getlength(line) <= WIDTH - 128 for line in lines)
    long_footer = "Kế hoạch TĐC 2026 · " + "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh " * 2
    assert fitting_font(long_footer, BOLD, 28, WIDTH - 128).getlength(long_footer) <= WIDTH - 128
    assert preview.alt == f"Nhiệm vụ 2.đ: {text}"


def test_a_missing_source_document_is_a_data_problem(tmp_path: Path) -> None:
    shutil.copytree(REPOSITORY / "data", tmp_path / "data")
    data = load_data(tmp_path / "data", tmp_path)
    assert (
        source_documents(data, tmp_path)[2026] == (REPOSITORY / "data/plans/2026/nguon/phu-luc-2026.txt").read_bytes()
    )
    (tmp_path / "data/plans/2026/nguon/phu-luc-2026.txt").unlink()
    with pytest.raises(PlanDataError) as error:
        source_documents(data, tmp_path)
    (problem,) = error.value.problems
    assert str(problem).startswith("data/plans/2026/plan.yml:")
    assert problem.message == (
        "source_document «phu-luc-2026.txt» is not in the plan's folder: "
        "expected the file data/plans/2026/nguon/phu-luc-2026.txt"
    )
