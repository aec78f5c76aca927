"""The Nu HTML Checker (vnu.jar, run with the system Java)."""

from __future__ import annotations

import contextlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .tools import TOOLS, require_command, require_file

VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class HtmlError:
    file: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}  [{self.extract.strip()}]"


def vnu_errors(target: Path) -> list[HtmlError]:
    """Run the Nu HTML Checker over a file or a directory; return its errors."""
    require_command("java", "Install Java 11+ (apt-get install -y default-jre-headless).")
    require_file(VNU_JAR, "vnu.jar (npm package vnu-jar)")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(target)],
        capture_output=True,
        text=True,
    )
    # vnu writes its JSON report on stderr; exit 1 means "errors found".
    report = result.stderr.strip() or result.stdout.strip()
    try:
        messages = json.loads(report)["messages"]
    except (ValueError, KeyError) as exc:
        raise AssertionError(f"vnu gave no JSON report (exit {result.returncode}):\n{report}") from exc
    base = target if target.is_dir() else target.parent
    errors = []
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        file = m.get("url", "")
        if file.startswith("file:"):
            file = file[len("file:") :]
        with contextlib.suppress(ValueError):
            file = Path(file).relative_to(base.resolve()).as_posix()
        errors.append(HtmlError(file, m.get("lastLine"), m.get("message", ""), m.get("extract", "")))
    if result.returncode not in (0, 1) or (result.returncode == 1 and not errors):
        raise AssertionError(f"vnu failed (exit {result.returncode}):\n{report}")
    return errors


def summarize_html_errors(errors: list[HtmlError]) -> str:
    """One line per distinct error, with the files where it occurs."""
    groups: dict[tuple, list[str]] = {}
    for e in errors:
        groups.setdefault((e.message, " ".join(e.extract.split())), []).append(
            f"{e.file}:{e.line}" if e.line else e.file
        )
    lines = []
    for (message, extract), files in sorted(groups.items(), key=lambda g: -len(g[1])):
        shown = ", ".join(files[:4]) + (f" and {len(files) - 4} more" if len(files) > 4 else "")
        lines.append(f"{message}  [{extract}]  in {len(files)} file(s): {shown}")
    return "\n".join(lines)
