"""scripts/render_pages.py writes the generated pages as real files: MkDocs builds them without the hook."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import checkers
from project_copy import copy_project
from repository import REPOSITORY

from built_site.html_text import BuiltPage


def searchless(text: str) -> str:
    """A page's text without the search index's hidden words and the maintainers' note.

    The note's edit link is the hook's (the data file behind a generated page); a build
    without the hook can only point it at the rendered Markdown file, or has none."""
    return text.split("⁂")[0].split("Dành cho người cập nhật dữ liệu")[0].rstrip()


def test_rendered_pages_build_without_the_hook(tmp_path: Path, site_dir: Path) -> None:
    config = copy_project(tmp_path / "project")
    rendered = tmp_path / "rendered"
    result = subprocess.run(
        [sys.executable, str(REPOSITORY / "scripts/render_pages.py"), str(rendered)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    # 71 pages: 67 + the due list of each quarter (every list of the real plan fits one page).
    assert result.stdout.startswith("wrote 71 pages and 69 data files")  # 18 + XLSX, source, 24 QR codes, 25 previews
    nav = result.stdout.split("\n", 1)[1]
    shutil.copytree(rendered, tmp_path / "project/docs", dirs_exist_ok=True)
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"\nhooks:\n  - hooks/plan_site.py\n", "\n", text)
    assert "hooks/plan_site.py" not in text
    config.write_text(text + "\n" + nav, encoding="utf-8")
    shutil.rmtree(tmp_path / "project/hooks")
    out = tmp_path / "site"
    build = checkers.run_build(config, out)
    assert build.returncode == 0, build.stdout + build.stderr
    for path in ("nhiem-vu/2-dd", "quy/2026-q1", "don-vi/cac-phong-don-vi", "ban-in"):
        # The hidden words only the search index reads (after «⁂») come from the hook (on_page_content).
        assert searchless(BuiltPage(out, path).text) == searchless(BuiltPage(site_dir, path).text), path
    assert (out / "du-lieu/nhiem-vu.json").read_bytes() == (site_dir / "du-lieu/nhiem-vu.json").read_bytes()
