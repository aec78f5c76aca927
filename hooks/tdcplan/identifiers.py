"""Permanent identifiers of what the site publishes: Atom feed and entry ids, iCalendar UIDs.

They are named after the publisher (``publisher_id`` in mkdocs.yml, a domain name
the department owns), never after the host that happens to serve the site: when
the address changes, feed readers and calendars must not see every item as new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Plan, Task

# A domain name (RFC 4151 taggingEntity authority): letters, digits, hyphens, dots.
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@dataclass(frozen=True)
class Identifiers:
    """Identifier rules of one publisher (``authority``: a domain name it owns)."""

    authority: str

    def __post_init__(self) -> None:
        if not DOMAIN.match(self.authority):
            raise ValueError(f"publisher_id {self.authority!r} is not a domain name such as skhcn.hochiminhcity.gov.vn")

    def tag(self, plan: Plan, specific: str) -> str:
        """A tag URI (RFC 4151) dated with the plan's year: ``tag:<authority>,2026:ke-hoach-2026/…``."""
        return f"tag:{self.authority},{plan.year}:ke-hoach-{plan.year}/{specific}"

    def feed(self, plan: Plan) -> str:
        return self.tag(plan, "cap-nhat")

    def feed_entry(self, plan: Plan, task: Task, key: str) -> str:
        return self.tag(plan, f"nhiem-vu/{task.slug}/{key}")

    def calendar_uid(self, plan: Plan, task: Task, key: str, suffix: str = "") -> str:
        """``2026-2-dd-q1@<authority>`` (``suffix`` tells a unit calendar's copy of an event apart)."""
        return f"{plan.year}-{task.slug}-{key}{suffix}@{self.authority}"
