"""Where the test tools are, and the error that says how to install a missing one."""

from __future__ import annotations

import shutil
from pathlib import Path

from repository import REPOSITORY

TOOLS = REPOSITORY / ".tools"

INSTALL_HINT = "Run `make test` (or `make test-tools`) to install the test tools."


class ToolMissing(RuntimeError):
    """A checker's tool is not installed; the message says how to install it."""


def require_file(path: Path, what: str) -> Path:
    if not path.exists():
        raise ToolMissing(f"{what} not found at {path}. {INSTALL_HINT}")
    return path


def require_command(name: str, hint: str) -> str:
    found = shutil.which(name)
    if not found:
        raise ToolMissing(f"`{name}` not found on PATH. {hint}")
    return found
