"""Problems found in plan data, reported as ``path:line: message``."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def one_line(text: str) -> str:
    """``text`` with every control, format and line-separator character written as an escape (``\\x0a``).

    Messages quote data (a key, a value), and data comes from pull requests: printed
    raw, a line break could start a line of its own (a GitHub workflow command such as
    ``::add-mask::``), and an escape sequence could rewrite the terminal.
    """
    if text.isprintable():  # the common case: nothing to escape (spaces count as printable)
        return text
    return "".join(
        ascii(character)[1:-1] if unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp") else character
        for character in text
    )


def escape_workflow_data(text: str) -> str:
    """Escape a GitHub Actions workflow command's message, as the runner's own toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_workflow_property(text: str) -> str:
    """Escape a workflow command property (``file=…``): the message escapes plus «:» and «,»."""
    return escape_workflow_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located in a file (line 0: the whole file)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        """``path:line: message`` on one line, whatever the data quoted in it contains."""
        return one_line(f"{self.path}:{self.line}: {self.message}")

    def as_github_annotation(self) -> str:
        """The GitHub Actions workflow command that shows this problem on the file's line (one line)."""
        message = escape_workflow_data(one_line(self.message))
        path = escape_workflow_property(one_line(self.path))
        return f"::error file={path},line={max(self.line, 1)}::{message}"


# A broken file can hold tens of thousands of problems; a maintainer reads the first ones, and a
# CI log (public, size-limited) should not hold them all.
SHOWN_PROBLEMS = 200


def shown_problems(problems: list[Problem]) -> list[Problem]:
    """The problems worth printing: the first :data:`SHOWN_PROBLEMS` (see :func:`more_problems`)."""
    return problems[:SHOWN_PROBLEMS]


def more_problems(problems: list[Problem]) -> str | None:
    """The line that says how many problems were not printed, or ``None`` when all were."""
    hidden = len(problems) - SHOWN_PROBLEMS
    return f"… and {hidden:,} more problem(s); fix the ones above and run again" if hidden > 0 else None


class PlanDataError(Exception):
    """Raised when plan data cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        # a key, not the dataclass order: tens of thousands of problems sort in milliseconds
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))
