"""The «Báo lỗi / góp ý» link for readers with a GitHub account: a new issue on the repository, pre-filled.

It opens the issue form ``.github/ISSUE_TEMPLATE/bao-loi.yml`` with its title and
its «nhiem-vu» field filled in (GitHub fills an issue form's fields from query
parameters named by the fields' ids).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from .model import Task

ISSUE_FORM = "bao-loi.yml"
TASK_FIELD = "nhiem-vu"  # the id of the form's «Nhiệm vụ» field


def feedback_url(repository_url: str, task: Task, page_path: str) -> str | None:
    """The new-issue address for ``task`` (its page at ``page_path``, e.g. ``nhiem-vu/2-dd/``); ``None`` without a repository."""
    if not repository_url:
        return None
    query = urlencode(
        {
            "template": ISSUE_FORM,
            "title": f"Góp ý nhiệm vụ {task.number} (kế hoạch năm {task.year})",
            TASK_FIELD: f"Nhiệm vụ {task.number} (kế hoạch năm {task.year}) — /{page_path}",
        },
        quote_via=quote,  # %20 rather than «+», and «(», «)» encoded: the URL is safe in a Markdown link
    )
    return f"{repository_url.rstrip('/')}/issues/new?{query}"
