"""``cap-nhat.xml``: an Atom feed (RFC 4287) of changes to tasks: status reports and corrections.

Entries are dated from the data (a report's ``as_of``, a correction's
``recorded``), newest first; the feed's ``updated`` is the newest entry's date.
Feed and entry ids are tag URIs (RFC 4151) named after the publisher and the
entry's subject (:mod:`tdcplan.identifiers`), never after the site's host, so they
stay the same from build to build and when the site moves.
"""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..identifiers import Identifiers
from ..model import Evidence, Plan, Task
from ..urls import Urls
from ..wording import TASK_FIELDS, format_date

FEED_FILE = "cap-nhat.xml"
ATOM = "http://www.w3.org/2005/Atom"
VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class Change:
    """A dated change to a task, as one feed entry."""

    task: Task
    day: dt.date
    key: str  # distinguishes changes of one task on one day, e.g. "dinh-chinh-1"
    title: str
    summary: str
    evidence: tuple[Evidence, ...] = ()  # a report's: each a link (rel="related") and a line of the content


def changes(plan: Plan) -> list[Change]:
    """Every recorded change, newest first (plan order among changes of the same day)."""
    found: list[Change] = []
    for task in plan.tasks:
        for index, correction in enumerate(task.corrections, start=1):
            found.append(
                Change(
                    task,
                    correction.recorded,
                    f"dinh-chinh-{index}",
                    f"Nhiệm vụ {task.number}: đính chính «{correction.original}» thành «{correction.corrected}»",
                    f"Mục {TASK_FIELDS[correction.field].label.lower()} của nhiệm vụ {task.number}: "
                    f"bản gốc ghi «{correction.original}», trang hiển thị «{correction.corrected}». {correction.note}",
                )
            )
        for report in task.reports:
            note = f" {report.note}" if report.note else ""
            found.append(
                Change(
                    task,
                    report.as_of,
                    f"bao-cao-{report.as_of.isoformat()}",
                    f"Nhiệm vụ {task.number}: {report.label} (báo cáo ngày {format_date(report.as_of)})",
                    f"Tình trạng của nhiệm vụ {task.number}: {report.label}.{note}"
                    + "".join(f" Căn cứ: {evidence_text(e)}." for e in report.evidence),
                    report.evidence,
                )
            )
    return sorted(found, key=lambda change: change.day, reverse=True)  # stable sort keeps plan order


def evidence_text(evidence: Evidence) -> str:
    """«title (văn bản số …): url» in plain words."""
    document = f" (văn bản số {evidence.document})" if evidence.document else ""
    url = f": {evidence.url}" if evidence.url else ""
    return f"{evidence.title}{document}{url}"


def _content(change: Change) -> str:
    """The entry's HTML content: the summary's sentence, then the evidence as links."""
    first = html.escape(change.summary.split(" Căn cứ: ")[0])
    items = []
    for evidence in change.evidence:
        title = html.escape(evidence.title)
        if evidence.url:
            title = f'<a href="{html.escape(evidence.url, quote=True)}">{title}</a>'
        document = f" (văn bản số {html.escape(evidence.document)})" if evidence.document else ""
        items.append(f"<li>{title}{document}</li>")
    return f"<p>{first}</p>" + (f"<p>Căn cứ:</p><ul>{''.join(items)}</ul>" if items else "")


def _timestamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=VIETNAM).isoformat()


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def plan_feed(plan: Plan, addresses: Urls, ids: Identifiers) -> bytes:
    """The feed document (UTF-8, with an XML declaration)."""
    entries = changes(plan)
    newest = entries[0].day if entries else (plan.last_change or dt.date(plan.year, 1, 1))
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "vi"})
    _text(feed, "id", ids.feed(plan))
    _text(feed, "title", f"Cập nhật kế hoạch TĐC {plan.year}: báo cáo tiến độ và đính chính")
    _text(feed, "updated", _timestamp(newest))
    author = ET.SubElement(feed, "author")
    _text(author, "name", plan.issuer)
    ET.SubElement(
        feed,
        "link",
        {
            "rel": "self",
            "type": "application/atom+xml",
            "href": addresses.absolute(addresses.data_file(plan, FEED_FILE)),
        },
    )
    ET.SubElement(
        feed,
        "link",
        {"rel": "alternate", "type": "text/html", "href": addresses.absolute(addresses.open_data(plan))},
    )
    for change in entries:
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", ids.feed_entry(plan, change.task, change.key))
        _text(entry, "title", change.title)
        _text(entry, "updated", _timestamp(change.day))
        ET.SubElement(
            entry,
            "link",
            {"rel": "alternate", "type": "text/html", "href": addresses.absolute(addresses.task(change.task))},
        )
        for evidence in change.evidence:
            if evidence.url:
                ET.SubElement(
                    entry,
                    "link",
                    {"rel": "related", "type": "text/html", "href": evidence.url, "title": evidence.title},
                )
        _text(entry, "summary", change.summary, type="text")
        if change.evidence:
            _text(entry, "content", _content(change), type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
