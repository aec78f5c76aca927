"""The plan switcher: a row of links to every plan's home page, on every generated page.

With one plan there is nothing to switch to and no switcher. With several, readers
of any page can go to another year's plan; the plan the page belongs to is marked
with ``aria-current`` («page» on that plan's own home page, «true» elsewhere in it).
"""

from __future__ import annotations

from ..escaping import escape_html
from .base import GeneratedAsset, GeneratedPage, PageWriter, SiteContext

LABEL = "Chọn năm kế hoạch"


def plan_switcher_html(site: SiteContext, src_uri: str) -> str:
    """The switcher for the page at ``src_uri`` (raw HTML), or ``""`` when there is only one plan."""
    if len(site.plans) < 2:
        return ""
    page = PageWriter(site, src_uri)
    current = site.urls.plan_of(src_uri)
    links = []
    for plan in reversed(site.plans):  # newest first, as on unit and document pages
        home = site.urls.plan_home(plan)
        if home == src_uri:
            state = ' aria-current="page"'
        elif plan.year == current:
            state = ' aria-current="true"'
        else:
            state = ""
        links.append(f'<a href="{page.href(home)}"{state}>Năm {escape_html(str(plan.year))}</a>')
    return f'<nav class="tdc-plan-switcher" aria-label="{LABEL}">\n<p>Kế hoạch: {" · ".join(links)}</p>\n</nav>\n\n'


def add_plan_switcher(site: SiteContext, outputs: list[GeneratedPage | GeneratedAsset]) -> None:
    """Put the switcher at the top of each generated page's body, right after its front matter."""
    if len(site.plans) < 2:
        return
    for output in outputs:
        if not isinstance(output, GeneratedPage) or not output.content.startswith("---\n"):
            continue
        end = output.content.index("\n---\n", 3) + len("\n---\n")
        front, body = output.content[:end], output.content[end:].lstrip("\n")
        output.content = f"{front}\n{plan_switcher_html(site, output.src_uri)}{body}"
