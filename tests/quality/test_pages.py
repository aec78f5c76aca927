"""Gate: every HTML page declares Vietnamese, has a title and a meta
description, and shows no theme string left in English."""

from __future__ import annotations

import checkers
import pytest

pytestmark = pytest.mark.build  # builds variants of the site itself


def _pages(site_dir):
    for file in sorted(site_dir.rglob("*.html")):
        yield file.relative_to(site_dir).as_posix(), file.read_text(encoding="utf-8")


def test_every_page_has_lang_title_and_description(site_dir, site_pages):
    problems = [f"{rel}: {p}" for rel, text in _pages(site_dir) for p in checkers.head_problems(text)]
    assert not problems, f"{len(problems)} problems in {len(site_pages)} pages:\n" + "\n".join(problems)


def test_no_page_shows_english_interface_strings(site_dir):
    found = [f"{rel}: {s!r}" for rel, text in _pages(site_dir) for s in checkers.english_strings(text)]
    assert not found, "English interface strings on Vietnamese pages:\n" + "\n".join(found)


def test_page_checks_catch_a_missing_description_and_english_strings(tmp_path):
    config = checkers.make_throwaway_site(tmp_path / "project", {"index.md": "# Trang thử\n"}, theme_overrides=False)
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_description:", "# site_description:"), encoding="utf-8"
    )
    site = checkers.build_site(config, tmp_path / "site")
    text = (site / "index.html").read_text(encoding="utf-8")
    assert any("meta description" in p for p in checkers.head_problems(text)), checkers.head_problems(text)
    assert "Made with" in checkers.english_strings(text)
