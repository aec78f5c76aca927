"""«Lịch sử cập nhật» (``/lich-su-cap-nhat/``): every published change of the plan data, newest first."""

from __future__ import annotations

from ..escaping import Trusted, escape_markdown
from ..plan_diff import Change
from .base import GeneratedPage, PageWriter, SiteContext


def by_subject(changes: tuple[Change, ...]) -> list[tuple[str, list[Trusted]]]:
    """The changes grouped by what they concern, in the diff's order, each sentence with escaped values."""
    groups: dict[str, list[Trusted]] = {}
    for change in changes:
        groups.setdefault(change.subject, []).append(Trusted(change.text(escape_markdown)))
    return list(groups.items())


def history_page(site: SiteContext) -> GeneratedPage:
    """The page, from ``site.history`` (read from git by :mod:`tdcplan.data_history`)."""
    page = PageWriter(site, site.urls.history())
    entries = site.history.entries if site.history else ()

    def commit_url(commit: str) -> Trusted | None:
        base = site.repository_url.rstrip("/")
        return Trusted(f"{base}/commit/{commit}") if base else None

    return GeneratedPage(
        site.urls.history(),
        page.render(
            "history.md.j2",
            {
                "title": "Lịch sử cập nhật",
                "description": "Mọi thay đổi đã công bố của dữ liệu kế hoạch: báo cáo tiến độ, đính chính, "
                "thay đổi lời văn và đơn vị, mới nhất trước.",
            },
            entries=entries,
            commit_url=commit_url,
            by_subject=by_subject,
        ),
    )
