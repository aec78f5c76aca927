"""LinkChecker (with its AnchorCheck plugin) over a served site, internal links only."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .tools import require_file


@dataclass(frozen=True)
class BrokenLink:
    url: str
    parent: str
    line: str
    problem: str

    def __str__(self) -> str:
        return f"{self.parent} (line {self.line}): {self.url} -> {self.problem}"


@dataclass
class LinkReport:
    exit_code: int
    broken: list[BrokenLink]
    checked: int
    output: str


LINKCHECKER_CONFIG = """\
[output]
log=csv
status=0
verbose=1

[csv]
separator=;
quotechar="

[checking]
threads=4
maxrequestspersecond=100
recursionlevel=-1
timeout=30

[filtering]
checkextern=0

[AnchorCheck]
"""


def check_links(start_url: str, workdir: Path) -> LinkReport:
    """Run LinkChecker (with its AnchorCheck plugin) recursively over the
    site at ``start_url``, internal links only."""
    exe = Path(sys.executable).with_name("linkchecker")
    require_file(exe, "linkchecker (pip package LinkChecker)")
    config = workdir / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    result = subprocess.run(
        [str(exe), "--config", str(config), "--no-robots", start_url],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=dict(os.environ, HOME=str(workdir)),
    )
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";", quotechar='"')
    broken, checked = [], 0
    for row in reader:
        checked += 1
        valid = row.get("valid", "").strip().lower() in ("true", "1")
        warning = (row.get("warningstring") or "").strip()
        if not valid or warning:
            broken.append(
                BrokenLink(
                    url=row.get("urlname") or row.get("url") or "",
                    parent=row.get("parentname") or "",
                    line=row.get("line") or "",
                    problem="; ".join(x for x in (row.get("result", "").strip(), warning) if x),
                )
            )
    # The CSV rows are summarised in ``broken``; keep LinkChecker's own log
    # lines and closing comments for the report.
    comments = [line for line in result.stdout.splitlines() if line.startswith("#")]
    return LinkReport(result.returncode, broken, checked, "\n".join(comments) + "\n" + result.stderr)


# ----------------------------------------------------------- page heads ---
