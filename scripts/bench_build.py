#!/usr/bin/env python3
"""How long the site takes to build and how big it is, for the real plan and for a plan N times larger.

The larger plan repeats the real groups (each with its real tasks) N times, numbered
on, in a copy of the project in a temporary folder; the build is the real
``mkdocs build --strict``. Prints, per size: tasks, pages, build seconds (best of
--runs), site size, average HTML page size, and how many links the navigation puts
into a task page (it should not grow with the number of tasks).

Prints figures; it is not a test. Usage: ``.venv/bin/python scripts/bench_build.py [--times 1 10 100] [--runs 2]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def enlarged_plan(plan_file: Path, times: int) -> str:
    """plan.yml with its groups repeated ``times`` times, renumbered 1, 2, 3…"""
    document = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    groups = []
    for copy_index in range(times):
        for group in document["groups"]:
            groups.append(
                {
                    **group,
                    "number": len(groups) + 1,
                    "title": group["title"] if copy_index == 0 else f"{group['title']} (bản sao {copy_index})",
                }
            )
    document["groups"] = groups
    # Data files may not use YAML aliases (tdcplan refuses them): write every repeated value out.
    return yaml.dump(document, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True


def build_once(project: Path, out: Path) -> float:
    if out.exists():
        shutil.rmtree(out)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout}{result.stderr}")
    return elapsed


def measure(times: int, runs: int, workdir: Path) -> dict[str, float]:
    project = workdir / f"x{times}"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    plan_file = project / "data/plans/2026/plan.yml"
    plan_file.write_text(enlarged_plan(plan_file, times), encoding="utf-8")
    out = project / "site"
    seconds = min(build_once(project, out) for _ in range(runs))
    pages = list(out.rglob("*.html"))
    task_pages = list((out / "nhiem-vu").glob("*/index.html"))
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    html_size = sum(f.stat().st_size for f in pages)
    sample = task_pages[0].read_text(encoding="utf-8")
    # Navigation and tab links (the page's own table of contents included) in one task page.
    nav_links = len(re.findall(r'class="md-(?:nav|tabs)__link', sample))
    return {
        "tasks": len(task_pages),
        "pages": len(pages),
        "seconds": seconds,
        "site_mb": size / 1e6,
        "kb_per_page": html_size / len(pages) / 1e3,
        "nav_links": nav_links,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=2, help="builds per size; the best time is shown")
    args = parser.parse_args()
    print(
        f"{'× plan':>7} {'tasks':>6} {'pages':>6} {'build s':>8} {'site MB':>8} {'KB/page':>8} {'nav links/page':>15}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for times in args.times:
            m = measure(times, args.runs, Path(tmp))
            print(
                f"{times:>7} {m['tasks']:>6} {m['pages']:>6} {m['seconds']:>8.2f} {m['site_mb']:>8.1f} "
                f"{m['kb_per_page']:>8.1f} {m['nav_links']:>15}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
