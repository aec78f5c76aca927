"""Gate: every kind of page reads at 360 px (phone) and 1280 px (desktop)
without horizontal scrolling of the page; wide tables scroll in their own box.
Screenshots of the home page and a task page go to test-artifacts/."""

from __future__ import annotations

import checkers
import pytest

pytestmark = pytest.mark.build  # builds variants of the site itself

WIDTHS = [360, 1280]

# Right edge of the document vs the viewport, and the elements sticking out.
OVERFLOW_JS = """() => {
  const root = document.scrollingElement;
  const limit = root.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > limit + 1 && getComputedStyle(el).position !== 'fixed') {
      let scrolled = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX) && p.clientWidth <= limit) {
          scrolled = true; break;
        }
      }
      if (!scrolled) out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right));
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: limit, offenders: out.slice(0, 8)};
}"""


def horizontal_overflow(page) -> dict | None:
    """None when the page does not scroll sideways; else the measurements."""
    m = page.evaluate(OVERFLOW_JS)
    return None if m["scrollWidth"] <= m["clientWidth"] else m


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_scroll_on_any_page_kind(browser, site_url, site_pages, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    checkers.RequestRecorder(context)
    problems = []
    try:
        page = context.new_page()
        for kind, path in checkers.one_page_per_kind(site_pages).items():
            page.goto(checkers.absolute(site_url, path), wait_until="networkidle")
            overflow = horizontal_overflow(page)
            if overflow:
                problems.append(
                    f"{path} [{kind}]: scrollWidth {overflow['scrollWidth']} > "
                    f"clientWidth {overflow['clientWidth']}; sticking out: {overflow['offenders']}"
                )
    finally:
        context.close()
    assert not problems, f"pages that scroll sideways at {width}px:\n" + "\n".join(problems)


def test_screenshots_of_home_and_a_task_page(browser, site_url, site_pages, artifacts_dir):
    """Saves screenshots for people to look at (phone and desktop)."""
    tasks = [p for p in site_pages if checkers.page_kind(p) == "nhiem-vu/*"]
    targets = {"home": "/" if "/" in site_pages else site_pages[0]}
    if tasks:
        targets["task"] = tasks[0]
    saved = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        checkers.RequestRecorder(context)
        page = context.new_page()
        for name, path in targets.items():
            page.goto(checkers.absolute(site_url, path), wait_until="networkidle")
            file = artifacts_dir / f"{name}-{width}.png"
            page.screenshot(path=str(file), full_page=True)
            saved.append(file)
        context.close()
    assert all(f.stat().st_size > 1000 for f in saved), saved


def test_a_wide_table_scrolls_in_its_own_box_at_360px(page, tmp_path):
    columns = 14
    table = "| " + " | ".join(f"Cột số {i}" for i in range(columns)) + " |\n"
    table += "|" + "---|" * columns + "\n"
    table += "| " + " | ".join("Nội dung khá dài của ô" for _ in range(columns)) + " |\n"
    long_id = "https://example.gov.vn/" + "a" * 120
    config = checkers.make_throwaway_site(
        tmp_path / "project", {"index.md": f"# Bảng rộng\n\n{table}\nĐịa chỉ `{long_id}`.\n"}
    )
    site = checkers.build_site(config, tmp_path / "site")
    page.set_viewport_size({"width": 360, "height": 800})
    with checkers.serve_directory(site) as url:
        page.goto(url, wait_until="networkidle")
        assert page.evaluate("() => document.querySelector('table').scrollWidth") > 360
        assert horizontal_overflow(page) is None, horizontal_overflow(page)


def test_overflow_check_catches_a_too_wide_block(page, tmp_path):
    config = checkers.make_throwaway_site(
        tmp_path / "project",
        {"index.md": '# Trang thử\n\n<div style="width: 900px">Khối quá rộng</div>\n'},
    )
    site = checkers.build_site(config, tmp_path / "site")
    page.set_viewport_size({"width": 360, "height": 800})
    with checkers.serve_directory(site) as url:
        page.goto(url, wait_until="networkidle")
        overflow = horizontal_overflow(page)
    assert overflow is not None and overflow["scrollWidth"] > 360, overflow
