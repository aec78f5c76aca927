"""Gate: pages read on a phone (360x800) and a desktop (1280x800), in a real browser.

- on every task page the status, the lead unit and the schedule start within the first screen;
- no list of tasks (group, unit, quarter, document, home and explorer pages) hides or scrolls
  any of its content sideways: every element's scrollWidth fits its clientWidth, every cell is
  shown and within the screen;
- no H1 is taller than three lines;
- the explorer shows its result count and first results within the first screen of a phone;
- the home page's timeline labels are at least 12 px and each row links to its task.
"""

from __future__ import annotations

import checkers
import pytest

WIDTHS = [360, 1280]
SCREEN = 800

# Where each key fact of a task page starts (its top edge, in page coordinates).
FACT_TOPS_JS = """() => Object.fromEntries(['status', 'lead', 'schedule'].map((name) => {
  const el = document.querySelector('.tdc-facts__item--' + name);
  return [name, el ? el.getBoundingClientRect().top + window.scrollY : null];
}))"""

# Every element of every list of tasks whose content does not fit: scrolled or clipped
# sideways (scrollWidth > clientWidth), not shown, or past the screen's right edge.
LIST_PROBLEMS_JS = """() => {
  const limit = document.scrollingElement.clientWidth;
  const lists = [...document.querySelectorAll('article .tdc-tasks, article .tdc-timeline')];
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  for (const list of lists) {
    for (const el of [list, ...list.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      if (el.closest('thead') || el.closest('.tdc-timeline__text')) continue;  // for screen readers only
      const box = el.getBoundingClientRect();
      const row = el.closest('tr, li');
      if (style.display === 'none' || style.visibility === 'hidden' || (box.width === 0 && el.textContent.trim())) {
        problems.push(`${name(el)} «${el.textContent.trim().slice(0, 40)}» is not shown`);
      } else if (el.clientWidth && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} «${el.textContent.trim().slice(0, 40)}»: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
      } else if (box.right > limit + 1) {
        problems.push(`${name(el)} «${el.textContent.trim().slice(0, 40)}» ends at ${Math.round(box.right)} px > ${limit}`);
      }
    }
  }
  return {lists: lists.length, problems: problems.slice(0, 10)};
}"""

# Lines of each H1: its height over its line height.
H1_LINES_JS = """() => [...document.querySelectorAll('article h1')].map((h) => {
  const style = getComputedStyle(h);
  const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
  const range = document.createRange();
  range.selectNodeContents(h);
  return {text: h.textContent.trim(), lines: Math.round(range.getBoundingClientRect().height / line)};
})"""


def list_pages(site_pages: list[str]) -> list[str]:
    """Every group, unit, quarter and document page, the home page and the explorer."""
    kinds = ("nhom/*", "don-vi/*", "quy/*", "van-ban/*")
    return ["/", "/tra-cuu/"] + [p for p in site_pages if checkers.page_kind(p) in kinds]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": SCREEN}, locale="vi-VN")
    checkers.RequestRecorder(context)
    yield context.new_page()
    context.close()


def open_page(page, site_url: str, path: str) -> None:
    page.goto(checkers.absolute(site_url, path), wait_until="load")


def measure(browser, site_url: str, paths: list[str], width: int, lists: set[str]) -> dict[str, dict]:
    """Each page loaded once at ``width``: its key-fact tops, H1 lines and (for ``lists``) list problems."""
    context = browser.new_context(viewport={"width": width, "height": SCREEN}, locale="vi-VN")
    checkers.RequestRecorder(context)
    page = context.new_page()
    found = {}
    try:
        for path in paths:
            open_page(page, site_url, path)
            if path.endswith("/tra-cuu/"):
                page.wait_for_selector(".tdc-explorer__form")  # the filters are in place
            found[path] = {
                "facts": page.evaluate(FACT_TOPS_JS) if checkers.page_kind(path) == "nhiem-vu/*" else None,
                "h1": page.evaluate(H1_LINES_JS),
                "lists": page.evaluate(LIST_PROBLEMS_JS) if path in lists else None,
            }
    finally:
        context.close()
    return found


@pytest.fixture(scope="module")
def measured(browser, site_url, site_pages) -> dict[int, dict[str, dict]]:
    """Every page at 360 px; at 1280 px the task pages and one page of every other kind."""
    lists = set(list_pages(site_pages))
    tasks = [p for p in site_pages if checkers.page_kind(p) == "nhiem-vu/*"]
    desktop = sorted(set(tasks) | set(checkers.one_page_per_kind(site_pages).values()) | {"/nhom/2/"})
    return {
        360: measure(browser, site_url, site_pages, 360, lists),
        1280: measure(browser, site_url, desktop, 1280, set()),
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_every_task_page_shows_status_lead_and_schedule_in_the_first_screen(measured, width):
    tasks = {path: m["facts"] for path, m in measured[width].items() if m["facts"] is not None}
    assert len(tasks) >= 24
    late = [
        f"{path}: {fact} at {top} px"
        for path, tops in tasks.items()
        for fact, top in tops.items()
        if top is None or top >= SCREEN
    ]
    assert not late, f"key facts below the first {SCREEN} px at {width} px:\n" + "\n".join(late)


def test_no_list_of_tasks_hides_or_scrolls_content_on_a_phone(measured, site_pages):
    problems = []
    for path in list_pages(site_pages):
        found = measured[360][path]["lists"]
        if not found["lists"]:
            problems.append(f"{path}: no list of tasks found")
        problems += [f"{path}: {problem}" for problem in found["problems"]]
    assert not problems, "lists of tasks that do not fit at 360 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_heading_is_taller_than_three_lines(measured, width):
    pages = measured[width]
    assert all(m["h1"] for m in pages.values()), [p for p, m in pages.items() if not m["h1"]]
    tall = [
        f"{path}: {h['lines']} lines «{h['text'][:60]}»" for path, m in pages.items() for h in m["h1"] if h["lines"] > 3
    ]
    assert not tall, f"H1 taller than three lines at {width} px:\n" + "\n".join(tall)


def test_a_list_of_tasks_is_stacked_cards_on_a_phone_and_a_table_on_a_desktop(browser, site_url):
    shapes = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": SCREEN})
        checkers.RequestRecorder(context)
        page = context.new_page()
        open_page(page, site_url, "/nhom/2/")
        shapes[width] = page.evaluate(
            """() => {
              const rows = [...document.querySelectorAll('article .tdc-tasks tbody tr')];
              const cells = [...rows[0].cells];
              const content = cells[1].getBoundingClientRect().width;  // number, content, schedule…
              const table = rows[0].closest('table').getBoundingClientRect().width;
              return {display: getComputedStyle(rows[0]).display, tops: new Set(cells.map(c => Math.round(c.getBoundingClientRect().top))).size, share: content / table};
            }"""
        )
        context.close()
    assert shapes[360]["display"] != "table-row" and shapes[360]["tops"] >= 3, shapes  # cells stacked
    assert shapes[1280]["display"] == "table-row" and shapes[1280]["tops"] == 1, shapes  # one line of cells
    assert shapes[1280]["share"] >= 0.4, shapes  # the content column gets the room


def test_the_explorer_shows_its_count_and_first_results_in_the_first_screen_of_a_phone(phone, site_url):
    open_page(phone, site_url, "/tra-cuu/")
    phone.wait_for_selector(".tdc-explorer__form")
    tops = phone.evaluate(
        """() => ({
          count: document.querySelector('.tdc-explorer__count').getBoundingClientRect().top,
          first: document.querySelector('.tdc-explorer tbody tr').getBoundingClientRect().top,
          panelOpen: document.querySelector('details.tdc-explorer__panel').open,
          summary: document.querySelector('details.tdc-explorer__panel > summary').textContent,
        })"""
    )
    assert tops["count"] < SCREEN and tops["first"] < SCREEN - 100, tops
    assert not tops["panelOpen"] and tops["summary"] == "Bộ lọc (chưa dùng)", tops
    # The panel says how many filters are in use, and opens and closes without script of ours.
    open_page(phone, site_url, "/tra-cuu/?quy=3&don-vi=chi-cuc-tdc")
    phone.wait_for_selector(".tdc-explorer__form")
    summary = phone.locator("details.tdc-explorer__panel > summary")
    assert summary.inner_text() == "Bộ lọc (đang dùng 2)"
    summary.click()
    assert phone.locator("#tdc-explorer-quarter").is_visible()


def test_the_home_page_timeline_is_legible_and_links_each_row_on_a_phone(phone, site_url):
    open_page(phone, site_url, "/")
    rows = phone.evaluate(
        """() => [...document.querySelectorAll('.tdc-timeline__rows > li > a')].map((a) => ({
          href: a.getAttribute('href'),
          sizes: [...a.querySelectorAll('span')].filter((s) => !s.closest('.tdc-timeline__text') && s.textContent.trim())
            .map((s) => parseFloat(getComputedStyle(s).fontSize)),
          name: a.textContent.trim(),
        }))"""
    )
    assert len(rows) == 24
    assert all(r["href"].startswith("nhiem-vu/") for r in rows), rows[:3]
    assert min(size for r in rows for size in r["sizes"]) >= 12, rows[:3]
    heads = phone.evaluate(
        "() => [...document.querySelectorAll('.tdc-timeline__head span')].map((s) => parseFloat(getComputedStyle(s).fontSize))"
    )
    assert heads and min(heads) >= 12
    # Each row's text says which task and when: the chart's text equivalent.
    assert rows[0]["name"].startswith("1.a") and "2026" in rows[0]["name"]
    assert phone.locator("article table:not(.tdc-tasks__table)").count() <= 1  # the units table only
