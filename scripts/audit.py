#!/usr/bin/env python3
"""Lighthouse scores of the site: builds it (mkdocs build --strict), serves it
on 127.0.0.1, runs npm lighthouse (from .tools/, desktop preset, Debian
chromium) on the home page and a task page, and prints the four category
scores as a table.

    .venv/bin/python scripts/audit.py [--page /nhiem-vu/1-a/ ...] [--json DIR]

Install the tools first with `make test-tools` (or run `make audit`).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".tools" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
DEFAULT_PAGES = ["/", "/nhiem-vu/1-a/"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def build(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=ROOT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")


def lighthouse(url: str, report: Path, preset: str | None = "desktop") -> dict:
    """Lighthouse's JSON report of ``url`` (``preset=None``: its default, the mobile one); exits if it fails."""
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            *([f"--preset={preset}"] if preset else []),
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=dict(os.environ, CHROME_PATH=str(CHROMIUM)),
        capture_output=True,
        text=True,
    )
    if result.returncode or not report.exists():
        sys.exit(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def failed_audits(data: dict, category: str) -> list[str]:
    """Titles of the audits that lost points in a category."""
    refs = data["categories"][category]["auditRefs"]
    out = []
    for ref in refs:
        audit = data["audits"].get(ref["id"], {})
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            out.append(f"{ref['id']} ({audit['score']:.2f}): {audit.get('title', '')}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", action="append", help="site path to audit (repeatable)")
    parser.add_argument("--json", type=Path, help="keep the Lighthouse JSON reports in this folder")
    args = parser.parse_args()
    pages = args.page or DEFAULT_PAGES
    for tool, hint in ((LIGHTHOUSE, "make test-tools"), (CHROMIUM, "apt-get install -y chromium")):
        if not tool.exists():
            sys.exit(f"{tool} is missing: run `{hint}`")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build(tmp / "site")
        reports = args.json or tmp
        reports.mkdir(parents=True, exist_ok=True)
        rows = []
        with serve(tmp / "site") as base:
            for path in pages:
                name = path.strip("/").replace("/", "-") or "home"
                data = lighthouse(base + path, reports / f"lighthouse-{name}.json")
                scores = [round(data["categories"][c]["score"] * 100) for c in CATEGORIES]
                lost = [a for c in CATEGORIES for a in failed_audits(data, c)]
                rows.append((path, scores, lost))

    width = max(len(r[0]) for r in rows)
    print(f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in CATEGORIES))
    for path, scores, _ in rows:
        print(f"{path:<{width}}  " + "  ".join(f"{s:>14}" for s in scores))
    for path, _, lost in rows:
        if lost:
            print(f"\n{path}: audits below full marks")
            for line in lost:
                print(f"  - {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
