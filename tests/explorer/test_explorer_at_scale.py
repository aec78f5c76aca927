"""The explorer of a plan larger than one batch of rows: matches enter the page a batch (25 rows) at a time.

The site is the real project with its plan tripled (72 tasks) as scripts/bench.py enlarges it,
built with ``mkdocs build --strict``; expectations come from the enlarged plan's data.
"""

from __future__ import annotations

from pathlib import Path

import checkers
import pytest
from explorer_expect import count_text, open_explorer, option_labels, shown_numbers
from project_copy import copy_project
from repository import script_module
from tdcplan.load import load_data
from tdcplan.model import Plan
from tdcplan.paging import ROWS_PER_PAGE

pytestmark = pytest.mark.build  # builds the enlarged site

bench = script_module("bench")

TIMES = 3
ROWS_AT_A_TIME = 25  # explorer.js, ROWS_AT_A_TIME (after the rows the page lists, ROWS_PER_PAGE)


@pytest.fixture(scope="module")
def large_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("explorer-x3")
    copy_project(root)
    plan_file = root / "data" / "plans" / "2026" / "plan.yml"
    plan_file.write_text(bench.enlarged_plan(plan_file, TIMES), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def large_plan(large_project) -> Plan:
    return load_data(large_project / "data").plans[0]


@pytest.fixture(scope="module")
def large_site_url(large_project, tmp_path_factory):
    try:
        site = checkers.build_site(large_project / "mkdocs.yml", tmp_path_factory.mktemp("explorer-x3-site"))
    except checkers.BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)
    with checkers.serve_directory(site) as url:
        yield url


def more_button(page):
    return page.locator(".tdc-tasks__more button")


def test_matches_enter_a_batch_at_a_time_and_a_filter_starts_again(page, large_site_url, large_plan):
    numbers = [task.number for task in large_plan.tasks]
    assert len(numbers) > ROWS_PER_PAGE + ROWS_AT_A_TIME, "the enlarged plan fits one batch: nothing to test"
    open_explorer(page, large_site_url)
    assert count_text(page) == f"{len(numbers)} / {len(numbers)} nhiệm vụ"
    # On load the rows the page lists without JavaScript (a page of the list) stay shown.
    assert shown_numbers(page) == numbers[:ROWS_PER_PAGE]
    rest = len(numbers) - ROWS_PER_PAGE
    assert more_button(page).inner_text().strip() == f"Hiện thêm {min(rest, ROWS_AT_A_TIME)} nhiệm vụ (còn {rest})"

    # Each «Hiện thêm» adds the next batch below the rows shown and moves the focus to its first
    # task (the keyboard's place is not lost), until every match is shown.
    shown = ROWS_PER_PAGE
    while shown < len(numbers):
        more_button(page).focus()
        page.keyboard.press("Enter")
        focused_row = page.evaluate("() => document.activeElement.closest('tr').dataset.task")
        assert focused_row == numbers[shown]
        shown = min(shown + ROWS_AT_A_TIME, len(numbers))
        assert shown_numbers(page) == numbers[:shown]
    assert more_button(page).count() == 0

    # A filter change shows its first batch again, in plan order.
    in_q3 = [task.number for task in large_plan.tasks if 3 in task.schedule.quarters]
    page.select_option("#tdc-explorer-quarter", "3")
    assert count_text(page) == f"{len(in_q3)} / {len(numbers)} nhiệm vụ"
    assert shown_numbers(page) == in_q3[:ROWS_AT_A_TIME]
    assert more_button(page).count() == (1 if len(in_q3) > ROWS_AT_A_TIME else 0)


def group_labels(page) -> list[str]:
    return [label for _, label in option_labels(page, "#tdc-explorer-group")]


def test_group_counts_follow_each_filter_change(page, large_site_url, large_plan):
    """Option labels are rewritten only when their count changes: they must still be right after each change."""

    def expected(tasks) -> list[str]:
        counts = [sum(task.group_number == group.number for task in tasks) for group in large_plan.groups]
        return [f"Tất cả ({len(tasks)})"] + [
            f"Nhóm {group.number}: {group.title} ({count})"
            for group, count in zip(large_plan.groups, counts, strict=True)
        ]

    everything = list(large_plan.tasks)
    in_q3 = [task for task in everything if 3 in task.schedule.quarters]
    open_explorer(page, large_site_url)
    assert group_labels(page) == expected(everything)
    page.select_option("#tdc-explorer-quarter", "3")
    assert group_labels(page) == expected(in_q3)
    page.select_option("#tdc-explorer-quarter", "")
    assert group_labels(page) == expected(everything)


@pytest.mark.parametrize("event", ["focus", "pointerdown", "keydown"])
def test_a_list_shows_its_counts_as_soon_as_a_reader_goes_to_it(page, large_site_url, large_plan, event):
    """The rows come first; the other options' counts follow when the browser is idle, or at
    once when the reader goes to a list (Tab, a click or a touch, a key such as Alt+↓ on a list
    that kept the focus). Checked in one task, so that no idle time comes between."""
    in_q3 = [task for task in large_plan.tasks if 3 in task.schedule.quarters]

    def count(group, tasks):
        return sum(task.group_number == group.number for task in tasks)

    # A group whose count the quarter changes, and its option's place in the list (after «Tất cả»).
    index, group = next(
        (i, g) for i, g in enumerate(large_plan.groups, 1) if count(g, in_q3) != count(g, large_plan.tasks)
    )
    open_explorer(page, large_site_url)
    option_labels(page, "#tdc-explorer-group")  # the first counts are all written
    chosen, before, after = page.evaluate(
        """([index, event]) => {
          const quarter = document.querySelector("#tdc-explorer-quarter");
          quarter.value = "3";
          quarter.dispatchEvent(new Event("change"));
          const chosen = quarter.options[quarter.selectedIndex].textContent;
          const group = document.querySelector("#tdc-explorer-group");
          const before = group.options[index].textContent;
          group.dispatchEvent(new Event(event));
          return [chosen, before, group.options[index].textContent];
        }""",
        [index, event],
    )
    assert chosen == f"Quý III ({len(in_q3)})"  # the closed list shows the chosen option: written at once
    assert after == f"Nhóm {group.number}: {group.title} ({count(group, in_q3)})"
    assert before != after, "the counts were written before the rows were shown: nothing deferred"


def test_the_rows_a_reader_is_reading_stay_when_the_filters_arrive(page, large_site_url, large_plan):
    """The page lists a page of tasks before the script has its data; a reader who has scrolled
    into them keeps the place: the same row, at the same height, when the filters are built."""
    held = []
    page.route("**/tra-cuu/nhiem-vu.json", lambda route: held.append(route))
    page.goto(large_site_url + "tra-cuu/", wait_until="domcontentloaded")
    for _ in range(500):  # the script asks for its data at once; 10 s at most
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the explorer never asked for tra-cuu/nhiem-vu.json"
    row = ROWS_PER_PAGE - 5  # far down the listed page, past a first batch of the script
    before = page.evaluate(
        """(row) => {
          const tr = document.querySelectorAll(".tdc-explorer tbody tr")[row];
          tr.id = "tdc-reader-here";
          tr.scrollIntoView();
          return [tr.dataset.task, tr.getBoundingClientRect().top];
        }""",
        row,
    )
    held[0].continue_()
    page.wait_for_selector(".tdc-explorer__form")
    after = page.evaluate(
        """() => {
          const tr = document.getElementById("tdc-reader-here");
          return tr && tr.isConnected ? [tr.dataset.task, tr.getBoundingClientRect().top] : null;
        }"""
    )
    assert before[0] == large_plan.tasks[row].number
    assert after is not None, "the row the reader was on left the page"
    # The same row, within a pixel (column widths may round differently once the button row is in).
    assert after[0] == before[0] and abs(after[1] - before[1]) < 1, (before, after)


def test_rows_the_script_adds_are_the_rows_a_page_without_javascript_lists(page, large_site_url, large_plan):
    """A task past the first page gets its row from the script: the same cells, words and links
    as the row the next page lists without JavaScript (tra-cuu/trang-2/)."""
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    number = large_plan.tasks[ROWS_PER_PAGE].number  # the first task of the second page
    page2 = large_site_url + "tra-cuu/trang-2/"
    listed = BeautifulSoup(page.request.get(page2).text(), "html.parser").find("tr", attrs={"data-task": number})
    expected = [
        (td.get_text(), sorted(td.attrs), [urljoin(page2, a["href"]) for a in td.find_all("a")])
        for td in listed.find_all("td")
    ]
    open_explorer(page, large_site_url)
    more_button(page).click()
    made = page.evaluate(
        """(number) => [...document.querySelector(`.tdc-explorer tbody tr[data-task="${number}"]`).cells]
             .map((td) => [td.textContent, td.getAttributeNames().sort(), [...td.querySelectorAll("a")].map((a) => a.href)])""",
        number,
    )
    assert [tuple(cell) for cell in made] == expected
