"""timeline: the year at a glance, one linked row per task (HTML laid out by CSS grid)."""

from __future__ import annotations

import small_plan
from bs4 import BeautifulSoup
from tdcplan.timeline import timeline_html


def test_one_linked_row_per_task_and_a_bar_spanning_its_quarters():
    tasks = small_plan.plan(2026).tasks
    html = timeline_html(tasks, 2026, lambda task: f"nhiem-vu/{task.slug}/")
    assert "\n\n" not in html  # a blank line would end the raw HTML block in Markdown
    soup = BeautifulSoup(html, "html.parser")
    head = [span.get_text() for span in soup.select(".tdc-timeline__head .tdc-timeline__quarter")]
    assert head == ["Quý I", "Quý II", "Quý III", "Quý IV"]
    rows = soup.select("ol.tdc-timeline__rows > li > a")
    assert [a["href"] for a in rows] == [f"nhiem-vu/{t.slug}/" for t in tasks]
    # Each row's text is the chart's text equivalent: the number, then the schedule.
    names = [a.get_text(" ", strip=True) for a in rows]
    assert names == ["1.a Quý I và II/2026", "1.b thường xuyên", "2.đ theo yêu cầu"]
    bars = [a.select_one(".tdc-timeline__bar")["class"] for a in rows]
    assert {"tdc-timeline__bar--scheduled", "tdc-timeline__bar--from-1", "tdc-timeline__bar--to-2"} <= set(bars[0])
    assert {"tdc-timeline__bar--ongoing", "tdc-timeline__bar--from-1", "tdc-timeline__bar--to-4"} <= set(bars[1])
    assert "tdc-timeline__bar--on-request" in bars[2]


def test_task_text_is_escaped():
    tasks = small_plan.plan(2026).tasks
    html = timeline_html(tasks, 2026, lambda task: "x/")
    assert "<script" not in html
