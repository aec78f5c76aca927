"""The explorer without JavaScript, for screen readers and on phones: complete, accessible, valid, narrow."""

from __future__ import annotations

import checkers
import pytest
from explorer_expect import EXPLORER, PLAN, open_explorer, shown_numbers

FILTERED = "?don-vi=phong-kiem-tra-phap-che&vai-tro=phoi-hop&quy=3&q=kiem"


def test_without_javascript_every_task_is_listed_with_a_link(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + EXPLORER + "?quy=3")  # filters need the script; the full list stays
        rows = page.eval_on_selector_all(
            ".tdc-explorer tbody tr",
            "rows => rows.map(r => [r.cells[0].textContent.trim(), r.cells[1].querySelector('a').getAttribute('href')])",
        )
        assert [number for number, _ in rows] == [t.number for t in PLAN.tasks]
        assert [href for _, href in rows] == [f"../nhiem-vu/{t.slug}/" for t in PLAN.tasks]
        assert page.is_hidden(".tdc-explorer__controls"), "controls that cannot work without the script are shown"
        assert page.inner_text(".tdc-explorer__count").strip() == f"{len(PLAN.tasks)} nhiệm vụ"
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_no_axe_violations_with_filters_applied(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    recorder = checkers.RequestRecorder(context)
    try:
        page = context.new_page()
        open_explorer(page, site_url, FILTERED)
        assert shown_numbers(page), "the filtered view is empty: axe would not see the table rows"
        violations = checkers.axe_violations(page, label=f"{EXPLORER}{FILTERED} [{width}px]")
        assert not violations, "\n".join(map(str, violations))
        # The empty result is a state of its own.
        page.fill("#tdc-explorer-text", "khong co gi nhu the nay")
        violations = checkers.axe_violations(page, label=f"{EXPLORER} no match [{width}px]")
        assert not violations, "\n".join(map(str, violations))
        assert recorder.third_party == []
    finally:
        context.close()


def test_form_and_table_fit_a_360_px_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        open_explorer(page, site_url, "?sap-xep=chu-tri")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
        form = page.eval_on_selector(".tdc-explorer__form", "f => f.getBoundingClientRect().right")
        assert form <= 360
        for control in page.query_selector_all(".tdc-explorer__form select, .tdc-explorer__form input"):
            assert control.bounding_box()["x"] + control.bounding_box()["width"] <= 360
    finally:
        context.close()


def test_the_page_as_the_script_leaves_it_is_valid_html(page, site_url, tmp_path):
    open_explorer(page, site_url, FILTERED)
    target = tmp_path / "explorer.html"
    target.write_text("<!doctype html>\n" + page.evaluate("document.documentElement.outerHTML"), encoding="utf-8")
    errors = checkers.vnu_errors(target)
    assert not errors, "\n".join(map(str, errors))


def test_every_control_has_a_label_and_the_unit_pair_a_legend(page, site_url):
    open_explorer(page, site_url)
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('.tdc-explorer__form select, .tdc-explorer__form input')]
              .filter(c => !c.labels || c.labels.length !== 1).map(c => c.id)"""
    )
    assert unlabelled == []
    assert page.inner_text(".tdc-explorer__unit legend").strip() == "Đơn vị thực hiện"


# Layout shift the explorer causes as it loads (the Layout Instability API's sum, as Lighthouse's CLS).
_LAYOUT_SHIFT = """() => new Promise((resolve) => {
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shifts.push([entry.value, entry.sources.map((s) => s.node && s.node.className)]);
    }
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(shifts), 200);
})"""


@pytest.mark.parametrize("width", [360, 412, 1280])
def test_the_list_does_not_move_when_the_script_adds_the_filters(browser, site_url, width):
    # The controls' room is kept from the first paint (explorer.css), so that the table below
    # them stays where the reader saw it; Lighthouse counts a jump of the list as layout shift.
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        open_explorer(page, site_url)
        page.wait_for_function("() => performance.getEntriesByName('tdc-explorer:ready').length > 0")
        shifts = page.evaluate(_LAYOUT_SHIFT)
        assert sum(value for value, _ in shifts) < 0.02, f"layout shifts at {width}px: {shifts}"
    finally:
        context.close()
