#!/usr/bin/env python3
"""The site's performance budgets, measured: build time and memory, page weight, explorer speed, mobile load.

For each size (the real plan ×1 and synthetic plans ×10, ×100: the real groups
repeated, renumbered; :func:`enlarged_plan`), in a copy of the project in a
temporary folder, it builds the site twice over, in pairs, in the same run:
with the hook (``mkdocs build --strict``) and as plain MkDocs building the very
same pages (the output of ``scripts/render_pages.py`` copied into a docs folder,
the hook removed, its ``nav`` and ``not_in_nav`` given), followed by the same
Pagefind command (search is the site's engine, not the hook's work: a plain
MkDocs site indexes its pages the same way, after its build). The project copy
starts without the build cache (``.cache/tdcplan``): the first hook build
draws every image and writes the workbook, later ones reuse them, as
``mkdocs serve`` and a maintainer's second build do; the first pair's ratio is
printed on its own line. Then it measures the
hook build's output and, at the largest size, the explorer and a task page in
Chromium, and Lighthouse (mobile) on the real site served with gzip as GitHub
Pages serves it (:class:`GzipHandler`). Each figure is printed with its budget
and PASS or FAIL. It is a benchmark, not a test: it times things.

    .venv/bin/python scripts/bench.py                       # everything (about 15 minutes)
    .venv/bin/python scripts/bench.py --sizes 1,100 --repeats 3 --skip-lighthouse
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import importlib.util
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
from tdcplan.search_index import pagefind_command  # noqa: E402  (one home for the Pagefind run)

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "data")
# The browser and Lighthouse are run as scripts/audit.py runs them (one home for their flags).
_audit_spec = importlib.util.spec_from_file_location("audit", Path(__file__).with_name("audit.py"))
audit = importlib.util.module_from_spec(_audit_spec)
_audit_spec.loader.exec_module(audit)
CHROMIUM = audit.CHROMIUM
CHROMIUM_ARGS = audit.CHROME_FLAGS.split()
LIGHTHOUSE = audit.LIGHTHOUSE
LIGHTHOUSE_PAGES = ["/", "/nhiem-vu/2-dd/", "/tra-cuu/"]
LIGHTHOUSE_CATEGORIES = audit.CATEGORIES
TASK_PAGE = "nhiem-vu/2-dd/"  # the task page whose first view is weighed
PRINT_TABLE = "ban-in/index.html"
EXPLORER_DATA = "tra-cuu/nhiem-vu.json"
KB = 1024
MB = 1024 * 1024


# --- the synthetic plans --------------------------------------------------------------------


class _NoAliases(yaml.SafeDumper):
    """Writes repeated values out: data files may not use YAML aliases (the reader refuses them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


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
    return yaml.dump(document, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)


def make_project(workdir: Path, times: int) -> Path:
    """A copy of the project whose primary plan is ``times`` times the real one."""
    project = workdir / f"x{times}"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():  # without compiled modules: the first build compiles them, as on a fresh clone
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    if times > 1:
        plan_file = project / "data/plans/2026/plan.yml"
        plan_file.write_text(enlarged_plan(plan_file, times), encoding="utf-8")
    return project


def make_plain_config(project: Path) -> Path:
    """The same pages as plain MkDocs: render_pages.py output over docs/, no hook, the hook's nav given."""
    pages = project / "plain-pages"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_pages.py"), str(pages), "--config-file", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env=dict(_env(), PYTHONPATH=str(project / "hooks")),  # the copy's generator, as its build uses
    )
    if result.returncode:
        sys.exit(f"render_pages.py failed:\n{result.stdout}{result.stderr}")
    settings = result.stdout.split("\n", 1)[1]  # after «wrote N pages…»: the nav and not_in_nav settings
    docs = project / "docs-plain"
    shutil.copytree(project / "docs", docs)
    shutil.copytree(pages, docs, dirs_exist_ok=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\ndocs_dir: docs\n", "\ndocs_dir: docs-plain\n")
    head, hooks = config.split("\nhooks:\n", 1)
    assert hooks.lstrip().startswith("- hooks/plan_site.py"), "mkdocs.yml: the hook is expected last"
    plain = project / "mkdocs-plain.yml"
    plain.write_text(head + "\n" + settings, encoding="utf-8")
    return plain


# --- builds -----------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    """The builds' environment: Python as a maintainer's machine runs it.

    Python writes the hook's compiled modules (``__pycache__``) unless told not to; some CI
    images and sandboxes set PYTHONDONTWRITEBYTECODE, which would make every build compile
    the hook's 70 modules again (MkDocs' own come compiled from pip). The first, cold build
    compiles them, as it draws the images.
    """
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, NO_MKDOCS_2_WARNING="1")


@dataclass(frozen=True)
class Build:
    seconds: float
    peak_mb: float  # the largest peak resident set size of the build's processes (MkDocs, Pagefind)
    together_mb: float  # the most the build's processes held at once (sampled every 50 ms)


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and its descendants now, in kilobytes (Linux /proc)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
    return total


def _run(command: list[str], project: Path, what: str) -> Build:
    """One command: wall time, its processes' largest peak memory (wait4) and their most at once."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    together = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            together[0] = max(together[0], _tree_rss_kb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.stdout.read() if process.stdout else b""
    done.set()
    sampler.join()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        sys.exit(f"{what} failed:\n{output.decode(errors='replace')}")
    # ru_maxrss (kilobytes on Linux) of a waited process covers its waited children: the largest one's peak.
    return Build(seconds, usage.ru_maxrss / 1024, together[0] / 1024)


def build(project: Path, config: str, out: Path, index: bool = False) -> Build:
    """One ``mkdocs build --strict`` (then, with ``index``, the Pagefind run over its output)."""
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(out)]
    built = _run(command, project, f"{config}: build")
    if not index:
        return built
    # What the hook leaves out of the index (tdcplan.search_index marks it data-pagefind-ignore),
    # Pagefind leaves out here by its selector: both runs index the same text.
    command = [*pagefind_command(out), "--exclude-selectors", "[data-search-exclude]"]
    indexed = _run(command, project, f"{config}: pagefind")
    return Build(
        built.seconds + indexed.seconds,
        max(built.peak_mb, indexed.peak_mb),
        max(built.together_mb, indexed.together_mb),
    )


# --- serving with gzip, as GitHub Pages does ------------------------------------------------------

COMPRESSED_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it and the type compresses (as GitHub Pages serves them)."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # the standard library's signature
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED_TYPES):
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' lifetime
        self.end_headers()
        return io.BytesIO(body)


@functools.cache
def _gzipped(path: Path, _mtime: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """The folder on 127.0.0.1 (a free port), gzipped; yields the base URL."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# --- figures of a built site ----------------------------------------------------------------------


def task_count(site: Path) -> int:
    """The built task pages (``/nhiem-vu/trang-N/`` are pages of the task list, not tasks)."""
    return len([p for p in (site / "nhiem-vu").glob("*/index.html") if not p.parent.name.startswith("trang-")])


def largest_page(site: Path) -> tuple[str, int]:
    """The largest HTML page but the print table (one page per plan by design): its path and bytes."""
    pages = [p for p in site.rglob("*.html") if "ban-in" not in p.relative_to(site).parts]
    biggest = max(pages, key=lambda p: p.stat().st_size)
    return biggest.relative_to(site).as_posix(), biggest.stat().st_size


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


FILTER_TIMING = """async ([changes, runs]) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times = [];
  for (let run = 0; run < runs; run++) {
    for (const [name, value] of changes) {
      const select = document.querySelector(`select[name="${name}"]`);
      const start = performance.now();
      select.value = value;
      select.dispatchEvent(new Event("change"));
      await frame();  // the rows are in the DOM, styled, laid out and painted
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], rows: document.querySelectorAll(".tdc-explorer tbody tr").length };
}"""
# Select changes, each from the state the previous one left: narrow, widen, narrow again.
FILTER_CHANGES = [
    ["quy", "3"],
    ["quy", ""],
    ["nhom", "2"],
    ["nhom", ""],
    ["trang-thai", "not_reported"],
    ["trang-thai", ""],
]


def browser_figures(site: Path, runs: int) -> dict[str, float]:
    """In Chromium: the explorer's filter change to rendered rows, and a task page's first-view bytes."""
    from playwright.sync_api import sync_playwright

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base + "tra-cuu/")
            page.wait_for_selector(".tdc-explorer__form")
            timing = page.evaluate(FILTER_TIMING, [FILTER_CHANGES, runs])
            page.close()

            context = browser.new_context(viewport={"width": 360, "height": 800})
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda request: responses.append(request))
            page.goto(base + TASK_PAGE, wait_until="networkidle")
            page.wait_for_timeout(1000)  # late requests (a worker's index, fonts) count too
            transferred = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in responses)
            context.close()
        finally:
            browser.close()
    return {"filter_ms": timing["median"], "task_page_bytes": transferred, "requests": len(responses)}


def lighthouse_scores(site: Path, reports: Path) -> dict[str, dict[str, int]]:
    """Lighthouse's mobile preset (its default) on the served pages: the four category scores."""
    scores = {}
    with serve(site) as base:
        for path in LIGHTHOUSE_PAGES:
            report = reports / f"lighthouse-{path.strip('/').replace('/', '-') or 'home'}.json"
            data = audit.lighthouse(base + path.lstrip("/"), report, preset=None)
            scores[path] = {c: round(data["categories"][c]["score"] * 100) for c in LIGHTHOUSE_CATEGORIES}
    return scores


# --- budgets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One measured figure against its budget (``at_most`` or, with ``at_least``, a floor)."""

    name: str
    size: str  # "×1", "×100", "×100/×10"…
    value: float
    budget: float | None  # None: printed for the record, no budget
    unit: str = ""
    at_least: bool = False
    note: str = ""

    @property
    def passed(self) -> bool:
        if self.budget is None:
            return True
        return self.value >= self.budget if self.at_least else self.value <= self.budget

    def row(self) -> list[str]:
        sign = "≥" if self.at_least else "≤"
        if self.budget is None:
            budget, result = "—", "(record)"
        else:
            budget, result = f"{sign} {_number(self.budget)}{self.unit}", "PASS" if self.passed else "FAIL"
        return [
            self.name,
            self.size,
            f"{_number(self.value)}{self.unit}",
            budget,
            result,
            self.note,
        ]


def _number(value: float) -> str:
    if value == int(value) and abs(value) >= 10:
        return f"{int(value):,}"
    return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table (the README shows it as printed)."""
    header = ["figure", "size", "measured", "budget", "result", "note"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(figure.row()) + " |" for figure in figures]
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    """``"1,10,100"`` → ``[1, 10, 100]`` (each a positive whole number)."""
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be whole numbers separated by commas, not {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"sizes must be 1 or more, not {text!r}")
    return sizes


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[1, 10, 100], help="plan sizes, default 1,10,100")
    parser.add_argument(
        "--repeats", type=int, default=3, help="paired builds per size, thrice that below ×10 (the median ratio counts)"
    )
    parser.add_argument("--browser-runs", type=int, default=5, help="repeats of the explorer's filter changes")
    parser.add_argument("--skip-browser", action="store_true", help="no Chromium figures")
    parser.add_argument("--skip-lighthouse", action="store_true", help="no Lighthouse run")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return parser.parse_args(argv)


def pairs_at(times: int, repeats: int) -> int:
    """Paired builds at a size: thrice ``repeats`` below ×10.

    Builds of under two seconds swing by a third from run to run on a 2-core VM (one pair
    measured 0.77, the next 1.6, same code); their median needs more pairs to mean anything.
    """
    return repeats if times >= 10 else 3 * repeats


def measure_size(workdir: Path, times: int, repeats: int, log: Callable[[str], None]) -> dict:
    """Paired builds (hook, plain, alternating which goes first) and the hook build's output figures."""
    project = make_project(workdir, times)
    make_plain_config(project)
    hook_runs, plain_runs, ratios = [], [], []
    for run in range(pairs_at(times, repeats)):
        order = [("mkdocs.yml", "site"), ("mkdocs-plain.yml", "site-plain")]
        results = {}
        for config, out in order if run % 2 == 0 else order[::-1]:
            results[config] = build(project, config, project / out, index=config == "mkdocs-plain.yml")
        hook, plain = results["mkdocs.yml"], results["mkdocs-plain.yml"]
        hook_runs.append(hook)
        plain_runs.append(plain)
        ratios.append(hook.seconds / plain.seconds)
        log(f"  ×{times} run {run + 1}: hook {hook.seconds:.1f} s, plain {plain.seconds:.1f} s")
    site = project / "site"
    tasks = task_count(site)
    page, page_bytes = largest_page(site)
    return {
        "project": project,
        "site": site,
        "tasks": tasks,
        "pages": len(list(site.rglob("*.html"))),
        "hook_s": statistics.median(b.seconds for b in hook_runs),
        "plain_s": statistics.median(b.seconds for b in plain_runs),
        "ratio": statistics.median(ratios),
        "cold_ratio": ratios[0],  # the first pair: the hook draws every image (no build cache yet)
        "peak_mb": max(b.peak_mb for b in hook_runs),
        "together_mb": max(b.together_mb for b in hook_runs),
        "largest_page": page,
        "largest_bytes": page_bytes,
        "print_per_task": (site / PRINT_TABLE).stat().st_size / tasks,
        "explorer_gz": gzipped_size(site / EXPLORER_DATA),
    }


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    if not args.skip_lighthouse and not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make test-tools` (or use --skip-lighthouse)")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    figures: list[Figure] = []
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="tdc-bench-") as tmp:
        workdir = Path(tmp)
        for times in args.sizes:
            log(f"size ×{times}: building (hook and plain, {pairs_at(times, args.repeats)} pairs)…")
            m = results[times] = measure_size(workdir, times, args.repeats, log)
            size = f"×{times}"
            note = (
                f"{m['tasks']} tasks, {m['pages']} pages; hook {m['hook_s']:.2f} s, plain {m['plain_s']:.2f} s, "
                f"{pairs_at(times, args.repeats)} pairs"
            )
            if times in (1, 100):
                figures.append(Figure("hook build / plain build (median of pairs)", size, m["ratio"], 1.10, note=note))
                figures.append(
                    Figure(
                        "hook build / plain build, first pair (no build cache)",
                        size,
                        m["cold_ratio"],
                        None,
                        note="every preview image, QR code and workbook drawn",
                    )
                )
            else:
                figures.append(Figure("hook build / plain build (median of pairs)", size, m["ratio"], None, note=note))
            figures.append(
                Figure(
                    "largest HTML page (not /ban-in/)", size, m["largest_bytes"] / KB, 60, " KB", note=m["largest_page"]
                )
            )
            if times >= 10:  # at ×1 the page's frame (header, navigation) outweighs its 24 rows
                figures.append(Figure("/ban-in/ HTML per task", size, m["print_per_task"] / KB, 1, " KB"))
            if times == 100:
                figures.append(
                    Figure(
                        "peak build memory",
                        size,
                        m["peak_mb"],
                        300,
                        " MB",
                        note="the largest process (MkDocs or Pagefind)",
                    )
                )
                figures.append(
                    Figure(
                        "build memory, processes together",
                        size,
                        m["together_mb"],
                        None,
                        " MB",
                        note="MkDocs and Pagefind at once, sampled every 50 ms",
                    )
                )
                figures.append(Figure("explorer data, gzipped", size, m["explorer_gz"] / KB, 200, " KB"))
            if times == max(args.sizes) and not args.skip_browser:
                log(f"size ×{times}: Chromium (explorer filter, task page bytes)…")
                b = browser_figures(m["site"], args.browser_runs)
                figures.append(
                    Figure("explorer: filter change to rendered rows", size, b["filter_ms"], 50, " ms", note="Chromium")
                )
                figures.append(
                    Figure(
                        "task page, first view, bytes (gzip)",
                        size,
                        b["task_page_bytes"] / KB,
                        150,
                        " KB",
                        note=f"/{TASK_PAGE}, {b['requests']} requests",
                    )
                )
        if 10 in results and 100 in results:
            growth = results[100]["hook_s"] / results[10]["hook_s"]
            figures.append(Figure("build time growth", "×100/×10", growth, 11))
        if not args.skip_lighthouse:
            log("Lighthouse (mobile) on the real site, gzipped…")
            site = results[1]["site"] if 1 in results else None
            if site is None:
                project = make_project(workdir, 1)
                build(project, "mkdocs.yml", project / "site")
                site = project / "site"
            for path, scores in lighthouse_scores(site, workdir).items():
                figures.append(
                    Figure(f"Lighthouse mobile performance {path}", "×1", scores["performance"], 95, at_least=True)
                )
                others = min(scores[c] for c in LIGHTHOUSE_CATEGORIES[1:])
                detail = ", ".join(f"{c} {scores[c]}" for c in LIGHTHOUSE_CATEGORIES[1:])
                figures.append(
                    Figure(f"Lighthouse a11y/best practices/SEO {path}", "×1", others, 100, at_least=True, note=detail)
                )

    cpu = platform.processor() or platform.machine()
    print(
        f"{platform.node()}: {os.cpu_count()} CPUs ({cpu}), load average {os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    print(f"command: scripts/bench.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print(table(figures))
    budgeted = [f for f in figures if f.budget is not None]
    failed = [f for f in budgeted if not f.passed]
    print(f"\n{len(budgeted) - len(failed)} PASS, {len(failed)} FAIL")
    if args.json:
        args.json.write_text(
            json.dumps([f.__dict__ | {"passed": f.passed} for f in figures], indent=2), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
