"""Gate: axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on one page of
every kind, at desktop and phone widths; the skip link works from the keyboard."""

from __future__ import annotations

import checkers
import pytest

pytestmark = pytest.mark.build  # builds variants of the site itself

VIEWPORTS = {"desktop": (1280, 800), "phone": (360, 740)}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_axe_violations_on_any_page_kind(browser, site_url, site_pages, viewport):
    width, height = VIEWPORTS[viewport]
    kinds = checkers.one_page_per_kind(site_pages)
    context = browser.new_context(viewport={"width": width, "height": height})
    checkers.RequestRecorder(context)
    violations = []
    try:
        page = context.new_page()
        for kind, path in kinds.items():
            page.goto(checkers.absolute(site_url, path), wait_until="networkidle")
            violations += checkers.axe_violations(page, label=f"{path} [{kind}, {width}px]")
    finally:
        context.close()
    report = checkers.summarize_axe(violations)
    assert not violations, (
        f"axe ({', '.join(checkers.AXE_TAGS)}): {len(violations)} violations on "
        f"{len(kinds)} page kinds at {width}px:\n{report}"
    )


def _task_or_content_page(site_pages: list[str]) -> str:
    tasks = [p for p in site_pages if checkers.page_kind(p) == "nhiem-vu/*"]
    if tasks:
        return tasks[0]
    content = [p for p in site_pages if p.endswith("/") and p != "/"]
    assert content, "the site has no content page to test the skip link on"
    return content[0]


def test_skip_link_is_first_and_moves_focus_to_main_content(page, site_url, site_pages):
    path = _task_or_content_page(site_pages)
    page.goto(checkers.absolute(site_url, path), wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({cls: document.activeElement.className, text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert "md-skip" in focused["cls"], f"first Tab on {path} focused {focused}, not the skip link"
    assert focused["text"].startswith("Bỏ qua"), f"skip link text is {focused['text']!r}"
    assert page.locator(".md-skip").is_visible(), "the focused skip link is not visible"

    page.keyboard.press("Enter")
    target_id = focused["href"].split("#", 1)[1]
    assert page.evaluate("() => decodeURIComponent(location.hash.slice(1))") == target_id
    in_main = page.evaluate(
        "id => !!document.getElementById(id) && !!document.getElementById(id).closest('main')",
        target_id,
    )
    assert in_main, f"skip link target #{target_id} is not inside <main> on {path}"
    # The next Tab continues from the target, inside the main content.
    page.keyboard.press("Tab")
    next_in_main = page.evaluate("() => !!document.activeElement.closest('main')")
    assert next_in_main, (
        f"after the skip link, Tab focused "
        f"{page.evaluate('() => document.activeElement.outerHTML.slice(0, 200)')} outside <main>"
    )


def test_axe_catches_an_unlabelled_input(page, tmp_path):
    config = checkers.make_throwaway_site(
        tmp_path / "project", {"index.md": '# Trang thử\n\n<input type="text" name="q">\n'}
    )
    site = checkers.build_site(config, tmp_path / "site")
    with checkers.serve_directory(site) as url:
        page.goto(url, wait_until="networkidle")
        violations = checkers.axe_violations(page)
    assert any(v.rule == "label" for v in violations), "\n".join(map(str, violations))


def test_axe_catches_materials_default_failures(page, tmp_path):
    """Material's default output fails axe; the overrides and site.css fix
    it. Without them, the failures are back: this proves both the checker
    and the need for the overrides."""
    config = checkers.make_throwaway_site(
        tmp_path / "project",
        {
            "index.md": "# Trang thử\n\nXem [trang khác](khac.md) để biết thêm chi tiết.\n",
            "khac.md": "# Trang khác\n",
        },
        theme_overrides=False,
    )
    site = checkers.build_site(config, tmp_path / "site")
    with checkers.serve_directory(site) as url:
        page.goto(url, wait_until="networkidle")
        rules = {v.rule for v in checkers.axe_violations(page)}
    assert {"aria-dialog-name", "link-in-text-block", "color-contrast"} <= rules, f"rules reported: {sorted(rules)}"
