"""Gate: LinkChecker, crawling the served site with its AnchorCheck plugin,
finds no broken internal link or anchor."""

from __future__ import annotations

import checkers
import pytest

pytestmark = pytest.mark.build  # builds variants of the site itself


def test_no_broken_links_or_anchors(site_url, site_pages, tmp_path):
    report = checkers.check_links(site_url, tmp_path)
    broken = "\n".join(str(b) for b in report.broken)
    assert report.exit_code == 0 and not report.broken, (
        f"linkchecker exit {report.exit_code}; {len(report.broken)} broken of {report.checked} "
        f"links checked:\n{broken}\n--- linkchecker output ---\n{report.output[-5000:]}"
    )
    # The crawl reached the whole site, not only the start page.
    assert report.checked >= len(site_pages), (
        f"linkchecker checked {report.checked} URLs but the site has {len(site_pages)} pages"
    )


def test_link_check_catches_a_broken_link_and_a_broken_anchor(tmp_path):
    config = checkers.make_throwaway_site(
        tmp_path / "project",
        {
            "index.md": ("# Trang thử\n\n[Trang không có](khong-co/)\n\n[Mục không có](khac.md#muc-khong-co)\n"),
            "khac.md": "# Trang khác\n\n## Mục có\n",
        },
    )
    site = checkers.build_site(config, tmp_path / "site")
    with checkers.serve_directory(site) as url:
        report = checkers.check_links(url, tmp_path)
    problems = "\n".join(map(str, report.broken))
    assert report.exit_code != 0, report.output
    assert any(b.url.endswith("khong-co/") and "404" in b.problem for b in report.broken), problems
    assert any("muc-khong-co" in b.url and "Anchor" in b.problem for b in report.broken), problems
