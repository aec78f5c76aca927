"""Gate: no page of the site makes a request to another host than the one
serving it (no fonts, analytics, code-host API, CDN...)."""

from __future__ import annotations

import checkers
import pytest

pytestmark = pytest.mark.build  # builds variants of the site itself


def test_no_page_requests_a_third_party_host(browser, site_url, site_pages):
    offenders = checkers.third_party_requests(browser, site_url, site_pages)
    report = "\n".join(f"{page}: {', '.join(urls)}" for page, urls in offenders.items())
    assert not offenders, f"{len(offenders)} of {len(site_pages)} pages request third-party hosts:\n{report}"


def test_third_party_check_catches_an_external_image(browser, tmp_path):
    config = checkers.make_throwaway_site(
        tmp_path / "project",
        {
            "index.md": "# Trang thử\n\nKhông có gì từ bên ngoài.\n",
            "ngoai.md": '# Trang có ảnh ngoài\n\n<img src="https://example.com/x.png" alt="Ảnh ngoài">\n',
        },
    )
    site = checkers.build_site(config, tmp_path / "site")
    with checkers.serve_directory(site) as url:
        offenders = checkers.third_party_requests(browser, url, checkers.html_pages(site))
    assert offenders == {"/ngoai/": ["https://example.com/x.png"]}, offenders
