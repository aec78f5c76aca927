"""How fast the task explorer filters a plan 100 times the real one (2,400 tasks), in Chromium.

Builds the site (``mkdocs build --strict``) into a temporary folder, replaces the
explorer's JSON with the real tasks replicated 100 times under distinct numbers
(groups 1-600), serves the folder on 127.0.0.1, opens ``/tra-cuu/`` in headless
Chromium and times, with ``performance.now()`` inside the page, the median of
several runs of:

* the filter function with a unit, role and quarter filter;
* the filter function with a free-text query (folded on each run, as typed);
* the facet counts of all filters;
* a whole update (filter, facet counts, table body, count) as a change of a select triggers
  (script time only: the browser's layout and paint come after it).

Prints figures; it is not a test. Usage: ``.venv/bin/python scripts/bench_explorer.py [--runs 25]``.
"""

from __future__ import annotations

import argparse
import copy
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from tdcplan.explorer_data import explorer_dataset, searchable
from tdcplan.load import load_data
from tdcplan.urls import Urls

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FACTOR = 100

# state: the explorer's filter state (see explorer.js DEFAULTS); each case is timed on its own.
CASES = {
    "filter: unit + role + quarter": {"unit": "phong-kiem-tra-phap-che", "role": "phoi-hop", "quarter": "3"},
    "filter: text «kiem tra»": {"text": "kiem tra"},
    "filter: text «chuyển đổi số» + quarter": {"text": "chuyển đổi số", "quarter": "1"},
}

TIMING_SCRIPT = """([cases, runs]) => {
  const { explorer, engine } = window.tdcExplorer;
  const base = { ...explorer.state };
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const time = (fn) => { const xs = []; let out; for (let i = 0; i < runs; i++) { const t = performance.now(); out = fn(); xs.push(performance.now() - t); } return [median(xs), out]; };
  const results = {};
  for (const [name, overrides] of Object.entries(cases)) {
    const state = { ...base, ...overrides };
    const [ms, rows] = time(() => engine.filter(state));
    results[name] = { ms, rows: rows.length };
    const [facetMs] = time(() => engine.facets(state));
    results[name.replace("filter:", "facet counts:")] = { ms: facetMs, rows: rows.length };
    const [updateMs] = time(() => { explorer.state = state; explorer.update(); return null; });
    results[name.replace("filter:", "whole update:")] = { ms: updateMs, rows: explorer.rows.length };
  }
  explorer.state = base; explorer.update();
  return results;
}"""


def synthetic_dataset(factor: int) -> dict:
    """The real explorer document with its tasks copied ``factor`` times, group g of copy k as group g + 6k."""
    data = load_data(ROOT / "data")
    plan = data.plans[0]
    document = explorer_dataset(plan, Urls([plan], plan.year))
    groups = len(plan.groups)
    tasks, titles = [], {}
    for k in range(factor):
        for number, title in document["groups"].items():
            titles[str(int(number) + groups * k)] = title
        for task in document["tasks"]:
            clone = copy.deepcopy(task)
            group = task["group"] + groups * k
            letter = task["id"].split(".", 1)[1]
            clone["id"] = f"{group}.{letter}"
            clone["group"] = group
            clone["number_folded"] = searchable(clone["id"]).replace(" ", ".")
            tasks.append(clone)
    return {**document, "groups": titles, "tasks": tasks}


def build_site(target: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)],
        cwd=ROOT,
        env=env,
        check=True,
    )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=25, help="runs per measurement (the median is printed)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        data_file = site / "tra-cuu" / "nhiem-vu.json"
        real = data_file.read_bytes()
        synthetic = json.dumps(synthetic_dataset(FACTOR), ensure_ascii=False, separators=(",", ":")).encode()
        data_file.write_bytes(synthetic)

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/tra-cuu/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(url)
                page.wait_for_selector(".tdc-explorer__form")
                ready = page.evaluate("performance.getEntriesByName('tdc-explorer:ready')[0].startTime")
                rows = page.evaluate("document.querySelectorAll('.tdc-explorer tbody tr').length")
                results = page.evaluate(TIMING_SCRIPT, [CASES, args.runs])
                browser.close()
        finally:
            server.shutdown()
            server.server_close()

    print(
        f"explorer JSON, real plan ({len(json.loads(real)['tasks'])} tasks): "
        f"{len(real):,} bytes ({len(gzip.compress(real)):,} gzipped)"
    )
    print(
        f"explorer JSON, synthetic plan ({FACTOR}x, {rows} rows shown): "
        f"{len(synthetic):,} bytes ({len(gzip.compress(synthetic)):,} gzipped)"
    )
    print(f"/tra-cuu/ ready (navigation start to first filtered render, JSON fetched and parsed): {ready:.0f} ms")
    print(f"median of {args.runs} runs, Chromium headless:")
    for name, result in results.items():
        print(f"  {name:<48} {result['ms']:8.2f} ms  ({result['rows']} rows)")


if __name__ == "__main__":
    main()
