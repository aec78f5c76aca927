"""The open-data page lists every file with its real size; every page links to the data from its footer;
hostile text in the data stays text in the printable table and literal in the JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import checkers
import pytest
from built_site.html_text import BuiltPage
from project_copy import copy_project

from .html_table import read_table

pytestmark = pytest.mark.build  # builds variants of the site itself

HOSTILE = "<script>alert(1)</script>"


def _size_text(size: int) -> str:
    return f"{size:,}".replace(",", ".") + " byte"


def test_open_data_page_lists_every_file_with_its_size(site_dir: Path) -> None:
    page = BuiltPage(site_dir, "du-lieu")
    data_files = sorted(p for p in (site_dir / "du-lieu").rglob("*") if p.is_file() and p.name != "index.html")
    assert len(data_files) == 7 + 8 + 4  # JSON, schema, CSV, XLSX, calendar, feed, source; units; quarters
    for file in data_files:
        relative = file.relative_to(site_dir / "du-lieu").as_posix()
        assert relative in page.links, relative
        assert _size_text(file.stat().st_size) in page.text, relative
    assert "chưa công bố giấy phép chính thức" in page.text
    assert "25/11/2026" in page.text


@pytest.mark.parametrize("path", ["", "nhiem-vu/2-dd", "du-lieu", "ban-in", "don-vi/chi-cuc-tdc"])
def test_every_page_links_to_the_data_from_its_footer(site_dir: Path, path: str) -> None:
    html = BuiltPage(site_dir, path).html
    footer = html[html.index('class="tdc-footer-data"') :]
    footer = footer[: footer.index("</nav>")]
    base = f"/{path}/" if path else "/"
    targets = {urljoin(base, href) for href in re.findall(r'href="([^"]+)"', footer)}
    assert targets == {
        "/du-lieu/",
        "/du-lieu/nhiem-vu.json",
        "/du-lieu/nhiem-vu.csv",
        "/du-lieu/ke-hoach.ics",
        "/du-lieu/cap-nhat.xml",
        "/ban-in/",
    }
    assert all((site_dir / target.strip("/")).exists() for target in targets)


def test_task_pages_carry_their_address_for_print(site_dir: Path) -> None:
    html = BuiltPage(site_dir, "nhiem-vu/2-dd").html
    assert (
        '<p class="tdc-print-url"><img class="tdc-qr" src="../../ma-qr/nhiem-vu/2-dd.svg" '
        'alt="Mã QR: http://127.0.0.1:8000/nhiem-vu/2-dd/" width="96" height="96">'
        "Bản in của trang http://127.0.0.1:8000/nhiem-vu/2-dd/</p>"
    ) in html


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile-exports")
    config = copy_project(project)
    plan = project / "data/plans/2026/plan.yml"
    text = plan.read_text(encoding="utf-8")
    needle = "    - Tuyên truyền, vận động, hướng dẫn tổ chức, doanh nghiệp tham dự Giải thưởng Chất lượng Quốc gia.\n"
    assert needle in text
    plan.write_text(text.replace(needle, needle + f"    - {HOSTILE!r}\n", 1), encoding="utf-8")
    return checkers.build_site(config, project / "site")


def test_hostile_text_is_escaped_in_the_print_table_and_literal_in_the_exports(hostile_build: Path) -> None:
    html = (hostile_build / "ban-in" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    _, rows = read_table(hostile_build / "ban-in" / "index.html", "tdc-print-table")
    assert rows[2][1][1][-1] == HOSTILE  # task 1.b, second paragraph, read back as text
    data = json.loads((hostile_build / "du-lieu" / "nhiem-vu.json").read_text(encoding="utf-8"))
    assert data["tasks"][1]["content"][-1] == HOSTILE
    assert HOSTILE in (hostile_build / "du-lieu" / "nhiem-vu.csv").read_text(encoding="utf-8-sig")
