"""The year at a glance: an SVG drawn at build time, one row per task, one column per quarter.

The figure is decoration for sighted readers (``aria-hidden``); the page puts the
same facts in a table beside it for screen readers and for reading on a phone.
"""

from __future__ import annotations

from .escaping import escape_html
from .model import Task
from .schedule import ScheduleKind
from .wording import quarter_name

LABEL_WIDTH = 56
QUARTER_WIDTH = 110
ROW_HEIGHT = 22
HEADER_HEIGHT = 28
BAR_INSET = 4

# Colours: scheduled bars dark blue, ongoing bars a light tint with a dark outline,
# both with at least 3:1 contrast against the white background (WCAG 1.4.11).
SCHEDULED_FILL = "#1a4f8b"
ONGOING_FILL = "#d6e4f5"
ONGOING_STROKE = "#1a4f8b"
TEXT_FILL = "#1d1d1d"
GRID_STROKE = "#8a8a8a"


def timeline_svg(tasks: tuple[Task, ...], year: int) -> str:
    """An inline SVG (one line per element, no blank lines, so Markdown leaves it alone)."""
    width = LABEL_WIDTH + 4 * QUARTER_WIDTH
    height = HEADER_HEIGHT + ROW_HEIGHT * len(tasks) + 4
    parts = [
        f'<svg class="tdc-timeline__chart" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-hidden="true" focusable="false" '
        f'font-family="inherit" font-size="12">'
    ]
    for quarter in range(1, 5):
        x = LABEL_WIDTH + (quarter - 1) * QUARTER_WIDTH
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height}" stroke="{GRID_STROKE}" stroke-width="0.5"/>')
        parts.append(
            f'<text x="{x + QUARTER_WIDTH / 2:g}" y="18" text-anchor="middle" fill="{TEXT_FILL}" '
            f'font-weight="bold">{escape_html(quarter_name(quarter, year))}</text>'
        )
    for row, task in enumerate(tasks):
        y = HEADER_HEIGHT + row * ROW_HEIGHT
        parts.append(f'<text x="4" y="{y + 15}" fill="{TEXT_FILL}">{escape_html(task.number)}</text>')
        kind = task.schedule.kind
        if kind is ScheduleKind.ON_REQUEST:
            parts.append(
                f'<text x="{LABEL_WIDTH + 6}" y="{y + 15}" fill="{TEXT_FILL}" font-style="italic">theo yêu cầu</text>'
            )
            continue
        first, last = task.schedule.quarters[0], task.schedule.quarters[-1]
        x = LABEL_WIDTH + (first - 1) * QUARTER_WIDTH + BAR_INSET
        bar_width = (last - first + 1) * QUARTER_WIDTH - 2 * BAR_INSET
        if kind is ScheduleKind.ONGOING:
            parts.append(
                f'<rect x="{x}" y="{y + 4}" width="{bar_width}" height="{ROW_HEIGHT - 8}" rx="3" '
                f'fill="{ONGOING_FILL}" stroke="{ONGOING_STROKE}" stroke-dasharray="4 2"/>'
            )
            parts.append(f'<text x="{x + 6}" y="{y + 15}" fill="{TEXT_FILL}">thường xuyên</text>')
        else:
            parts.append(
                f'<rect x="{x}" y="{y + 4}" width="{bar_width}" height="{ROW_HEIGHT - 8}" rx="3" fill="{SCHEDULED_FILL}"/>'
            )
    parts.append("</svg>")
    return "\n".join(parts)
