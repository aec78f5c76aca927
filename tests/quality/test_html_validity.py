"""Gate: the Nu HTML Checker finds no error in any page of the site."""

from __future__ import annotations

import checkers
import pytest

pytestmark = pytest.mark.build  # builds variants of the site itself


def test_every_page_is_valid_html(site_dir, site_pages):
    errors = checkers.vnu_errors(site_dir)
    report = checkers.summarize_html_errors(errors)
    assert not errors, (
        f"Nu HTML Checker: {len(errors)} errors in {len({e.file for e in errors})} "
        f"of {len(site_pages)} pages:\n{report}"
    )


def test_html_check_catches_an_invalid_attribute(tmp_path):
    config = checkers.make_throwaway_site(
        tmp_path / "project",
        {"index.md": '# Trang thử\n\n<p>Đoạn <span href="/x/">sai</span> thuộc tính.</p>\n'},
    )
    site = checkers.build_site(config, tmp_path / "site")
    errors = checkers.vnu_errors(site)
    assert any("Attribute “href” not allowed on element “span”" in e.message for e in errors), (
        "expected the invalid href on <span> to be reported; got:\n" + "\n".join(map(str, errors))
    )


def test_html_check_catches_materials_autocomplete_on_checkboxes(tmp_path):
    """Material's own base.html puts autocomplete="off" on two checkboxes;
    overrides/base.html removes it. Without the overrides the error is back."""
    config = checkers.make_throwaway_site(
        tmp_path / "project", {"index.md": "# Trang thử\n\nNội dung.\n"}, theme_overrides=False
    )
    site = checkers.build_site(config, tmp_path / "site")
    errors = checkers.vnu_errors(site / "index.html")
    autocomplete = [e for e in errors if "autocomplete" in e.message]
    assert len(autocomplete) == 2, "\n".join(map(str, errors))
