"""The plan switcher: a row of links to every plan's home page, on every generated page.

With one plan there is nothing to switch to and no switcher. With several, readers
of any page can go to another year's plan; the plan the page belongs to is marked
with ``aria-current`` («page» on that plan's own home page, «true» elsewhere in it).
:meth:`~tdcplan.pages.base.PageWriter.render` puts it in the page frame's
``plan_switcher`` slot (``templates/page.md.j2``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..escaping import escape_html

if TYPE_CHECKING:
    from .base import SiteContext

LABEL = "Chọn năm kế hoạch"


def plan_switcher_html(site: SiteContext, src_uri: str) -> str:
    """The switcher for the page at ``src_uri`` (raw HTML), or ``""`` when there is only one plan."""
    if len(site.plans) < 2:
        return ""
    urls = site.urls
    current = urls.plan_of(src_uri)
    links = []
    for plan in reversed(site.plans):  # newest first, as on unit and document pages
        home = urls.plan_home(plan)
        if home == src_uri:
            state = ' aria-current="page"'
        elif plan.year == current:
            state = ' aria-current="true"'
        else:
            state = ""
        links.append(f'<a href="{escape_html(urls.href(src_uri, home))}"{state}>Năm {escape_html(str(plan.year))}</a>')
    return f'<nav class="tdc-plan-switcher" aria-label="{LABEL}">\n<p>Kế hoạch: {" · ".join(links)}</p>\n</nav>\n\n'
