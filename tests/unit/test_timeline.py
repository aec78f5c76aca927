"""timeline: the year-at-a-glance SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import small_plan
from tdcplan.timeline import ROW_HEIGHT, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def test_one_row_per_task_and_a_bar_per_kind():
    tasks = small_plan.plan(2026).tasks
    svg = timeline_svg(tasks, 2026)
    assert "\n\n" not in svg  # a blank line would end the raw HTML block in Markdown
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:4] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert texts[4:] == ["1.a", "1.b", "thường xuyên", "2.đ", "theo yêu cầu"]
    bars = list(root.iter(f"{SVG}rect"))
    assert len(bars) == 2  # 1.a scheduled, 1.b ongoing; 2.đ on request has none
    scheduled, ongoing = bars
    assert float(scheduled.get("width")) < float(ongoing.get("width"))  # two quarters against four
    assert ongoing.get("stroke-dasharray") == "4 2"
    assert root.get("viewBox").endswith(str(28 + ROW_HEIGHT * 3 + 4))
