"""Builds of variants of the project: hostile text, broken data, and the same commit twice."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import checkers
import pytest
from project_copy import copy_project
from repository import REPOSITORY
from tdcplan.mkdocs_site import CACHE_DIR

from built_site.html_text import BuiltPage

pytestmark = pytest.mark.build  # builds variants of the site itself

HOSTILE = "<script>alert('x')</script> *nghiêng* _gạch_ [x](y) | ống {{ c }} {% if %} &amp; # 1. - +"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The real project with hostile text in a task's content and outputs, a group title and a unit name."""
    project = tmp_path_factory.mktemp("hostile")
    config = copy_project(project)
    plan = project / "data/plans/2026/plan.yml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "  - letter: b\n    content:\n    - Tuyên truyền,",
        f"  - letter: b\n    content:\n    - {HOSTILE!r}\n    - Tuyên truyền,",
        1,
    )
    text = text.replace("    outputs:\n    - Theo thực tế", f"    outputs:\n    - {HOSTILE!r}\n    - Theo thực tế", 1)
    text = text.replace("  title: Xây dựng, đào tạo", f"  title: {('Nhóm ' + HOSTILE)!r} # Xây dựng, đào tạo", 1)
    plan.write_text(text, encoding="utf-8")
    units = project / "data/units.yml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "    name: Văn phòng Sở\n", f"    name: {('Văn phòng Sở ' + HOSTILE)!r}\n", 1
        ),
        encoding="utf-8",
    )
    status = project / "data/plans/2026/status.yml"
    status.write_text(
        "data_date: 2026-11-25\nreports:\n"
        f'  - task: "1.b"\n    status: done\n    as_of: 2026-06-30\n    note: {("Ghi chú " + HOSTILE)!r}\n'
        f"    evidence:\n      - title: {('Căn cứ ' + HOSTILE)!r}\n"
        "        url: 'https://example.org/?a=\"><script>x</script>&b=1'\n"
        f"        document: {('Số ' + HOSTILE)!r}\n",
        encoding="utf-8",
    )
    out = project / "site"
    result = checkers.run_build(config, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.parametrize(
    "path", ["nhiem-vu/1-b", "nhom/1", "nhom/3", "don-vi/van-phong-so", "quy/2026-q1", "", "tra-cuu"]
)
def test_hostile_text_shows_as_text(hostile_site: Path, path: str) -> None:
    page = BuiltPage(hostile_site, path)
    assert HOSTILE in page.text or ("Văn phòng Sở " + HOSTILE) in page.text or ("Nhóm " + HOSTILE) in page.text, path
    assert "<script>alert" not in page.html  # never markup
    assert "<em>nghiêng</em>" not in page.html and "<em>gạch</em>" not in page.html
    assert 'href="y"' not in page.html


def test_hostile_report_note_and_evidence_show_as_text(hostile_site: Path) -> None:
    page = BuiltPage(hostile_site, "nhiem-vu/1-b")
    for text in ("Ghi chú " + HOSTILE, "Căn cứ " + HOSTILE, "Số " + HOSTILE):
        assert text in page.text, text
    assert "<script>x" not in page.html and "<script>alert" not in page.html
    assert 'href="https://example.org/?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;b=1"' in page.html
    feed = (hostile_site / "du-lieu" / "cap-nhat.xml").read_text(encoding="utf-8")
    assert "<script>" not in feed


def test_hostile_text_is_escaped_in_the_title_and_description(hostile_site: Path) -> None:
    html = BuiltPage(hostile_site, "nhiem-vu/1-b").html
    head = html[: html.index("</head>")]
    assert "<script>alert" not in head
    assert "&lt;script&gt;alert" in head


def _differing(left: Path, right: Path) -> list[str]:
    """Paths whose bytes differ between two built sites (or that only one of them has)."""
    differing: list[str] = []

    def collect(cmp: filecmp.dircmp, prefix: str) -> None:
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differing.extend(prefix + name for name in mismatch + errors + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            collect(sub, f"{prefix}{name}/")

    collect(filecmp.dircmp(left, right), "")
    return differing


def test_two_builds_of_one_commit_are_identical(tmp_path: Path, site_dir: Path) -> None:
    # One build without the build cache (every image, QR code and workbook drawn), one over the
    # cache it left: both must give the session's site byte for byte, so a cached file can never
    # differ from a fresh drawing.
    shutil.rmtree(REPOSITORY / CACHE_DIR, ignore_errors=True)
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    checkers.build_site(REPOSITORY / "mkdocs.yml", cold)
    assert any((REPOSITORY / CACHE_DIR / "previews").iterdir())
    checkers.build_site(REPOSITORY / "mkdocs.yml", warm)
    assert _differing(site_dir, cold) == []
    assert _differing(cold, warm) == []
    assert len(list(site_dir.rglob("*.html"))) > 60


def test_a_dirty_build_keeps_every_page_in_the_search_index(tmp_path: Path) -> None:
    """`mkdocs build --dirty` rebuilds only changed sources; the index must still hold every page."""
    config = copy_project(tmp_path / "project")
    (tmp_path / "project/docs/thu-muc.md").write_text(
        "---\npagefind:\n  filters: {trang: [van-ban]}\n  meta: {tom-tat: Thư mục}\n---\n"
        "# Thư mục tài liệu\n\nDanh mục hồ sơ lưu trữ.\n",
        encoding="utf-8",
    )
    with config.open("a", encoding="utf-8") as settings:
        settings.write("not_in_nav: /thu-muc.md\n")  # a page of docs/ the navigation leaves out
    out = tmp_path / "site"
    built = checkers.run_build(config, out)
    assert built.returncode == 0, built.stdout + built.stderr
    clean = set(checkers.pagefind_fragments(out / "pagefind"))
    assert "/thu-muc/" in clean
    dirty = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--dirty",
            "--no-strict",
            "-f",
            str(config),
            "-d",
            str(out),
        ],  # it warns
        cwd=config.parent,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert dirty.returncode == 0, dirty.stdout + dirty.stderr
    # The unchanged page (not rebuilt) is still found.
    assert set(checkers.pagefind_fragments(out / "pagefind")) == clean


def test_broken_data_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "project")
    plan = tmp_path / "project/data/plans/2026/plan.yml"
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, text in enumerate(lines) if "schedule: Quý IV/2026" in text) + 1
    lines[line - 1] = lines[line - 1].replace("Quý IV/2026", "Cuối năm 2026")
    plan.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "site"
    result = checkers.run_build(config, out)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"data/plans/2026/plan.yml:{line}: task 2.a: schedule «Cuối năm 2026»" in output
    assert "Traceback" not in output
    assert not (out / "index.html").exists()  # nothing published


@pytest.mark.parametrize(
    ("setting", "sentence"),
    [
        (
            "primary_plan: 2030",
            "extra.primary_plan in mkdocs.yml is 2030, but no plan of that year exists (plans: 2026).",
        ),
        ("data_dir: du-lieu", "extra.data_dir in mkdocs.yml is «du-lieu», which is not a folder beside mkdocs.yml."),
    ],
)
def test_a_bad_setting_stops_the_build_with_one_sentence(tmp_path: Path, setting: str, sentence: str) -> None:
    config = copy_project(tmp_path / "project")
    text = config.read_text(encoding="utf-8")
    assert "\n  generator: false\n" in text
    config.write_text(
        text.replace("\n  generator: false\n", f"\n  generator: false\n  {setting}\n", 1), encoding="utf-8"
    )
    result = checkers.run_build(config, tmp_path / "site")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert sentence in output.splitlines()
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()
