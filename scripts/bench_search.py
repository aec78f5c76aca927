#!/usr/bin/env python3
"""What the site search costs a reader, for the real plan and a plan N times larger.

Builds the site (``mkdocs build --strict``, the plan enlarged by ``bench.make_project``),
times Pagefind's indexing run alone, and measures in Debian's Chromium, per query, on a
fresh browser context (empty cache): the bytes the search page downloads from opening it
until the first results are shown (gzip-compressed size, as a web server sends them), and
the time from submitting the query (pasted into the field, then Enter) to the results,
once the page has loaded and its script is ready (``data-ready``: Pagefind loaded and
warmed up, which a reader's typing outlasts). Also the time from the load of a shared
link (``/tim-kiem/?q=…``) to its results, for information, and that pages where nobody
searched download nothing of the search.

Budgets (plan × 100): at most 300 KB gzipped per query (the search's own bytes: Pagefind's
script, WebAssembly, metadata, index chunks and fragments, and search.js; the page around
them is weighed by ``bench.py``), results under 300 ms after the page has loaded, no search
payload on other pages. Prints figures with PASS/FAIL; it is
not a test.

Usage: ``.venv/bin/python scripts/bench_search.py [--times 1 100] [--runs 3] [--queries …]``.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests"), str(ROOT / "hooks")]

import checkers  # noqa: E402
from bench import build as build_site  # noqa: E402
from bench import make_project, task_count  # noqa: E402
from quality.site_search import DONE, search_url  # noqa: E402
from tdcplan.search_index import index_site  # noqa: E402

QUERIES = ["2.đ", "4b", "hiệu chuẩn", "do luong", "giai thuong chat luong quoc gia", "chi cuc tdc", "135/2021"]
BUDGET_KB = 300
BUDGET_MS = 300
OTHER_PAGES = ["", "nhiem-vu/2-dd/", "don-vi/chi-cuc-tdc/", "tra-cuu/"]
# search.js has loaded Pagefind and run it once (its warm-up): the page is ready for a query.
READY = "() => document.querySelector('form.tdc-search-page').dataset.ready !== undefined"


def build(times: int, workdir: Path) -> Path:
    """The site of the plan ×``times``, built as scripts/bench.py builds it."""
    project = make_project(workdir, times)
    site = project / "site"
    build_site(project, "mkdocs.yml", site)
    return site


def gzip_size(site: Path, url_path: str) -> int:
    """What a server sends for a file, gzip-compressed (Pagefind's index files already are)."""
    file = site / unquote(url_path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    data = file.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 9))


def measure_link(browser, base: str, query: str) -> float:
    """Ms from the load event of a fresh page opened at /tim-kiem/?q=… (a shared link) to its results."""
    context = browser.new_context()
    checkers.RequestRecorder(context)
    page = context.new_page()
    try:
        page.goto(search_url(base, query), wait_until="load")
        page.wait_for_function(DONE)
        return page.evaluate(
            """() => performance.getEntriesByName("tdc-search:results")[0].startTime
                     - performance.getEntriesByType("navigation")[0].loadEventEnd"""
        )
    finally:
        context.close()


def measure_query(browser, base: str, site: Path, query: str) -> tuple[int, float, int, float, int]:
    """Gzip bytes before the first results (all; the search's own), ms from submit to results,
    results shown, ms from load to results for a link."""
    context = browser.new_context()
    checkers.RequestRecorder(context)
    page = context.new_page()
    try:
        page.goto(base + "tim-kiem/", wait_until="load")
        page.wait_for_function(READY)
        # The query is pasted (no typing, so nothing is fetched ahead), then Enter is pressed:
        # the time runs from that key's event to the results.
        page.evaluate(
            """(query) => {
              const field = document.querySelector("form.tdc-search-page").elements.q;
              field.focus();
              field.value = query;
              performance.clearMarks("tdc-search:results");
              window.addEventListener("keydown", (event) => { window.tdcEnterAt = event.timeStamp; }, { capture: true, once: true });
            }""",
            query,
        )
        page.keyboard.press("Enter")
        elapsed = page.evaluate(
            """async () => {
              while (!performance.getEntriesByName("tdc-search:results").length) {
                await new Promise((resolve) => setTimeout(resolve, 2));
              }
              return performance.getEntriesByName("tdc-search:results")[0].startTime - window.tdcEnterAt;
            }"""
        )
        page.wait_for_function(DONE)
        shown = page.locator(".tdc-search-result").count()
        linked = measure_link(browser, base, query)
        mark = page.evaluate("() => performance.getEntriesByName('tdc-search:results')[0].startTime")
        entries = page.evaluate(
            "m => performance.getEntriesByType('resource').filter(e => e.startTime <= m).map(e => e.name)", mark
        )
        paths = {urlsplit(page.url).path} | {urlsplit(url).path for url in entries}
        size = sum(gzip_size(site, p) for p in paths)
        search_size = sum(gzip_size(site, p) for p in paths if "/pagefind/" in p or p.endswith("search.js"))
        return size, elapsed, shown, linked, search_size
    finally:
        context.close()


def search_payload_elsewhere(browser, base: str) -> dict[str, list[str]]:
    """Per page where nobody searched, what it downloaded of the search (nothing, by design)."""
    found = {}
    for path in OTHER_PAGES:
        context = browser.new_context()
        checkers.RequestRecorder(context)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request, into=requested: into.append(urlsplit(request.url).path))
        try:
            page.goto(base + path, wait_until="networkidle")
        finally:
            context.close()
        search = [p for p in requested if "/pagefind/" in p or p.endswith("search.js")]
        if search:
            found[path or "/"] = search
    return found


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 100])
    parser.add_argument("--queries", nargs="+", default=QUERIES)
    parser.add_argument("--runs", type=int, default=3, help="fresh pages per query; the median time is shown")
    args = parser.parse_args()
    failed = False
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = checkers.launch_browser(playwright)
        for times in args.times:
            site = build(times, Path(tmp))
            # The build indexed the site already; indexing its files again, alone, times that step.
            start = time.perf_counter()
            index_site(site)
            index_seconds = time.perf_counter() - start
            bundle = site / "pagefind"
            files = [f for f in bundle.rglob("*") if f.is_file()]
            tasks = task_count(site)
            pages = len(list(site.rglob("*.html")))
            print(
                f"\n× {times}: {tasks} tasks, {pages} HTML pages; index {sum(f.stat().st_size for f in files) / 1e6:.2f} MB "
                f"on disk in {len(files)} files; Pagefind run (index build) {index_seconds:.2f} s"
            )
            print(
                f"{'query':<32} {'KB before results':>17} {'of it search':>12} {'≤ ' + str(BUDGET_KB) + ' KB':>8} "
                f"{'submit→results ms':>17} {'< ' + str(BUDGET_MS) + ' ms':>8} {'link load→results ms':>20} {'results':>7}"
            )
            with checkers.serve_directory(site) as base:
                for query in args.queries:
                    runs = [measure_query(browser, base, site, query) for _ in range(args.runs)]
                    kb = max(r[0] for r in runs) / 1024
                    search_kb = max(r[4] for r in runs) / 1024
                    ms = statistics.median(r[1] for r in runs)
                    link_ms = statistics.median(r[3] for r in runs)
                    # What a query costs: the search's own bytes (the page around it is weighed by bench.py).
                    kb_ok, ms_ok = search_kb <= BUDGET_KB, ms < BUDGET_MS
                    failed |= times >= 100 and not (kb_ok and ms_ok)
                    print(
                        f"{query:<32} {kb:>17.1f} {search_kb:>12.1f} {verdict(kb_ok):>8} "
                        f"{ms:>17.0f} {verdict(ms_ok):>8} {link_ms:>20.0f} {runs[0][2]:>7}"
                    )
                elsewhere = search_payload_elsewhere(browser, base)
            failed |= bool(elsewhere)
            print(
                f"search payload on pages where nobody searched ({', '.join(p or '/' for p in OTHER_PAGES)}): "
                f"{elsewhere or 'none'} -> {verdict(not elsewhere)}"
            )
        browser.close()
    print(
        f"\nbudgets (× 100): ≤ {BUDGET_KB} KB gzip and < {BUDGET_MS} ms per query, no search payload elsewhere: "
        f"{'all PASS' if not failed else 'some FAIL'} (median of {args.runs} fresh pages per query; the KB are the "
        "largest of them)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
