"""When each page last changed, for the sitemap's ``lastmod``: the date of its data, never the build clock.

A task page changes when its own record changes: the day :mod:`.data_history`
gives (the one the page shows as «Cập nhật lần cuối»). Any other generated page
changes when the data files it is made from change: its plan's
``plan.yml``, ``status.yml`` and ``corrections.yml``, plus ``units.yml`` for
unit pages and ``references.yml`` for document pages. A hand-written page
changes with its source under ``docs/``. The date is that of the last commit of
those files (:mod:`.git_history`); outside a git checkout, or for a file git does
not know yet, it is the latest date recorded in the data.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from .git_history import GitHistory
from .load import CORRECTIONS_FILE, REFERENCES_FILE, STATUS_FILE, UNITS_FILE, PlanData
from .model import Plan
from .urls import Urls

# Sections whose pages also read a registry file.
REGISTRY_OF_SECTION = {"don-vi": UNITS_FILE, "van-ban": REFERENCES_FILE}


def plan_files(plan: Plan) -> tuple[str, ...]:
    """The repository paths of a plan's data files (the optional ones included)."""
    folder = posixpath.dirname(plan.location.path)
    return (plan.location.path, posixpath.join(folder, STATUS_FILE), posixpath.join(folder, CORRECTIONS_FILE))


def generated_page_sources(src_uri: str, data: PlanData, urls: Urls, data_dir: str) -> tuple[str, ...]:
    """The data files (repository paths) a generated page is made from."""
    year = urls.plan_of(src_uri)
    plans = [plan for plan in data.plans if year is None or plan.year == year]
    files = [path for plan in plans for path in plan_files(plan)]
    registry = REGISTRY_OF_SECTION.get(src_uri.split("/", 1)[0])
    if registry:
        files.append(posixpath.join(data_dir, registry))
    return tuple(files)


def latest_data_date(data: PlanData) -> dt.date:
    """The latest date recorded in the data (reports, corrections); 1 January of the newest plan's year if none."""
    dates = [plan.last_change for plan in data.plans if plan.last_change]
    return max(dates, default=dt.date(max(plan.year for plan in data.plans), 1, 1))


@dataclass(frozen=True)
class PageDates:
    """Dates of pages from the git history (``history`` is ``None`` outside a checkout)."""

    history: GitHistory | None
    fallback: dt.date

    def date_of(self, sources: Iterable[str]) -> dt.date:
        """The day the newest of ``sources`` was last committed, else :attr:`fallback`."""
        day = self.history.last_change(sources) if self.history else None
        return day or self.fallback

    def describe(self) -> str:
        """One build-log sentence saying where the sitemap dates come from."""
        if self.history:
            return "sitemap dates: the last git commit of each page's data files or source page."
        return (
            "sitemap dates: not a git checkout, so every page is dated with the latest date in the data "
            f"({self.fallback.isoformat()})."
        )
