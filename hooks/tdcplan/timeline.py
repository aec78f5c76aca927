"""The year at a glance: one row per task, one column per quarter, as HTML that reads on a phone.

Each row is a link to its task; its text (the number and the official schedule)
is the chart's text equivalent, so no second table repeats it. The bars are laid
out by CSS grid (docs/assets/stylesheets/plan.css: ``tdc-timeline``), so labels
keep the page's font size at every width instead of shrinking with an SVG.
"""

from __future__ import annotations

from collections.abc import Callable

from .escaping import escape_html
from .model import Task
from .schedule import ScheduleKind
from .wording import QUARTER_NAMES, shorten


def timeline_html(tasks: tuple[Task, ...], year: int, href: Callable[[Task], str]) -> str:
    """An HTML list (one line per element, no blank lines, so Markdown leaves it alone).

    ``href`` gives a task's link, relative to the page the chart is on (already HTML-safe).
    """
    head = "".join(f'<span class="tdc-timeline__quarter">{escape_html(QUARTER_NAMES[q])}</span>' for q in range(1, 5))
    parts = [
        '<div class="tdc-timeline" data-search-exclude="">',
        f'<p class="tdc-timeline__head" aria-hidden="true"><span class="tdc-timeline__corner">{year}</span>{head}</p>',
        f'<ol class="tdc-timeline__rows" aria-label="Thời gian thực hiện từng nhiệm vụ năm {year}">',
    ]
    for task in tasks:
        kind = task.schedule.kind
        if kind is ScheduleKind.ON_REQUEST:
            span, modifier, shown = (1, 4), "on-request", "theo yêu cầu"
        else:
            quarters = task.schedule.quarters
            span = (quarters[0], quarters[-1])
            modifier = "ongoing" if kind is ScheduleKind.ONGOING else "scheduled"
            shown = "thường xuyên" if kind is ScheduleKind.ONGOING else ""
        label = f'<span class="tdc-timeline__text">{escape_html(task.schedule.text)}</span>' if not shown else ""
        parts.append(
            f'<li><a class="tdc-timeline__row" href="{href(task)}" '
            f'title="{escape_html(shorten(task.content[0].text, 100))}">'
            f'<span class="tdc-timeline__number">{escape_html(task.number)}</span>'
            f'<span class="tdc-timeline__bar tdc-timeline__bar--{modifier} '
            f'tdc-timeline__bar--from-{span[0]} tdc-timeline__bar--to-{span[1]}">'
            f"{escape_html(shown)}{label}</span></a></li>"
        )
    parts += ["</ol>", "</div>"]
    return "\n".join(parts)
