"""A real build of data in which every text field holds ``& < > "`` and starts like a spreadsheet formula.

Each output context escapes once: the HTML source never holds a double-escaped
entity (``&amp;lt;``), and the CSV never holds a cell a spreadsheet would run.
"""

from __future__ import annotations

import csv
import io
import re
from itertools import cycle
from pathlib import Path

import checkers
import pytest
import yaml
from project_copy import copy_project

pytestmark = pytest.mark.build  # builds a variant of the site

# Keys whose values are free text (ids, numbers, dates, schedules and codes keep their grammar).
TEXT_KEYS = {"name", "short_name", "text", "title", "description", "note", "content", "outputs", "issuer"}
SPECIAL = "& < > \" '"
# What Excel, LibreOffice and Google Sheets run as a formula when a cell starts with it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DOUBLE_ESCAPED = re.compile(r"&amp;(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")


FORMULA_MARKS = cycle("=+-@")


def hostile(text: str) -> str:
    """``text`` starting like a formula and holding every character HTML escapes."""
    return f"{next(FORMULA_MARKS)}1 {SPECIAL} {text}"


def poison(value, key: str | None = None):
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v, key) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return hostile(value)
    return value


@pytest.fixture(scope="module")
def hostile_data_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile-data")
    config = copy_project(project)
    for path in (project / "data").rglob("*.yml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "corrections.yml":  # «original» must still quote the official text
            for correction in document["corrections"]:
                correction["note"] = hostile(correction["note"])
                correction["corrected"] = f"{correction['corrected']} {SPECIAL}"
        else:
            document = poison(document)
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        return checkers.build_site(config, project / "site")
    except checkers.BuildFailed as failure:
        pytest.fail(str(failure), pytrace=False)


def test_no_page_escapes_twice(hostile_data_site: Path) -> None:
    pages = sorted(hostile_data_site.rglob("*.html"))
    assert len(pages) > 40
    doubled = {}
    for page in pages:
        found = DOUBLE_ESCAPED.findall(page.read_text(encoding="utf-8"))
        if found:
            doubled[str(page.relative_to(hostile_data_site))] = sorted(set(found))
    assert doubled == {}


def test_hostile_text_reaches_the_head_and_the_pager_escaped_once(hostile_data_site: Path) -> None:
    html = (hostile_data_site / "nhiem-vu" / "1-b" / "index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description and "&amp; &lt; &gt;" in description.group(1)
    html = (hostile_data_site / "don-vi" / "chi-cuc-tdc" / "index.html").read_text(encoding="utf-8")
    pager = re.findall(r'class="md-footer__link[^"]*" aria-label="([^"]*)"', html)
    assert pager and any("&amp; &lt; &gt; &quot;" in label for label in pager), pager


def test_csv_holds_no_formula(hostile_data_site: Path) -> None:
    raw = (hostile_data_site / "du-lieu" / "nhiem-vu.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert len(rows) == 25
    assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []
    # The hostile texts are there, made inert by the apostrophe, not dropped.
    assert sum(cell.startswith(("'=", "'+", "'-", "'@")) for cell in cells) >= 24


def test_open_data_page_documents_the_apostrophe(hostile_data_site: Path) -> None:
    html = (hostile_data_site / "du-lieu" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "được thêm một dấu nháy đơn" in text
    for mark in ("=", "+", "-", "@"):
        assert f"<code>{mark}</code>" in html
