#!/usr/bin/env python3
"""Record one progress report of a task in its plan's status.yml, so nobody hand-edits YAML.

Usage:
  python scripts/report.py TASK STATUS --date YYYY-MM-DD --note TEXT
      [--evidence-title T (--evidence-url U | --evidence-doc "123/BC-X ngày 30/6/2026")]
      [--plan YEAR] [--data DIR]

STATUS is one of not_started, in_progress, done, delayed, paused, cancelled. The report is
appended to data/plans/<year>/status.yml (the plan of the report's year, or --plan),
keeping the file's comments and layout (ruamel.yaml round trip). When the report is
newer than the plan's data date, the data date moves forward to it (and the script says
so). A date later than today is refused; so is anything the validator refuses, with the
validator's own «path:line: message», and the file is left untouched (exit 1). On success
the task's new status is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import shutil
import sys
import tempfile
from pathlib import Path

try:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString
    from tdcplan.load import PLANS_DIR, PlanData, load_data
    from tdcplan.model import Plan, Task
    from tdcplan.problems import PlanDataError
    from tdcplan.progress import REPORTABLE, data_date_text
    from tdcplan.readers.status import STATUS_FILE, evidence_problem
    from tdcplan.wording import format_date
except ImportError as missing:  # run outside the project's virtual environment
    sys.exit(f"{missing}: run `make python-deps` first, then use .venv/bin/python {sys.argv[0]}")

ROOT = Path(__file__).resolve().parents[1]


class Refused(Exception):
    """The report cannot be recorded; the message says why (one or more lines)."""


def round_trip_yaml() -> YAML:
    """ruamel.yaml set to write the layout of the repository's status files (2-space maps, «  - » items)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long note onto a second line
    yaml.representer.ignore_aliases = lambda _data: True  # the data date and a report's date are one value
    return yaml


def choose_plan(data: PlanData, day: dt.date, year: int | None) -> Plan:
    """The plan named by ``--plan``, else the plan of the report's year, else the newest plan."""
    plans = {plan.year: plan for plan in data.plans}
    if year is not None:
        if year not in plans:
            raise Refused(f"there is no {year} plan; plans: {', '.join(str(y) for y in plans)}")
        return plans[year]
    return plans.get(day.year, data.plans[-1])


def new_entry(args: argparse.Namespace) -> CommentedMap:
    entry = CommentedMap()
    entry["task"] = DoubleQuotedScalarString(args.task)
    entry["status"] = args.status
    entry["as_of"] = args.date
    if args.note:
        entry["note"] = args.note
    if args.evidence_title is not None:
        item = CommentedMap()
        item["title"] = args.evidence_title
        if args.evidence_url:
            item["url"] = args.evidence_url
        if args.evidence_doc:
            item["document"] = args.evidence_doc
        evidence = CommentedSeq([item])
        entry["evidence"] = evidence
    return entry


def updated_text(text: str, entry: CommentedMap) -> tuple[str, dt.date | None, dt.date | None]:
    """The file with ``entry`` appended (and its data date moved forward); and the data date before/after."""
    yaml = round_trip_yaml()
    document = yaml.load(text) if text.strip() else None
    if document is None:
        document = CommentedMap()
    if not isinstance(document, CommentedMap):
        raise Refused(f"{STATUS_FILE} must be a mapping with «data_date» and «reports»")
    before = document.get("data_date")
    before = before if isinstance(before, dt.date) else None
    after = before
    if before is None or entry["as_of"] > before:
        after = entry["as_of"]
        if "data_date" in document:
            document["data_date"] = after
        else:
            document.insert(0, "data_date", after)
    reports = document.get("reports")
    if not isinstance(reports, CommentedSeq) or not reports:
        reports = CommentedSeq()  # «reports: []» becomes a block list
        document["reports"] = reports
    reports.append(entry)
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue(), before, after


def validate_copy(data_dir: Path, root: Path, status: Path, text: str) -> PlanData:
    """Load the data with ``status`` replaced by ``text``, in a scratch copy named like the original."""
    with tempfile.TemporaryDirectory(prefix="report-") as scratch:
        relative = data_dir.resolve().relative_to(root.resolve())
        copy = Path(scratch) / relative
        shutil.copytree(data_dir, copy)
        (copy / status.resolve().relative_to(data_dir.resolve())).write_text(text, encoding="utf-8")
        try:
            return load_data(copy, root=Path(scratch))
        except PlanDataError as error:
            raise Refused("\n".join(str(problem) for problem in error.problems)) from None


def status_line(task: Task, plan: Plan) -> str:
    """The task's status as its page shows it."""
    line = f"Nhiệm vụ {task.number} (kế hoạch năm {plan.year}): {task.status_label}"
    if task.status:
        line += f" (báo cáo ngày {format_date(task.status.as_of)})"
    if task.deadline_flag:
        line += f". {task.deadline_flag.text}"
    if plan.data_date:
        line += f". {data_date_text(plan.data_date)}."
    return line


def record(args: argparse.Namespace, today: dt.date) -> list[str]:
    """Record the report; return what to print. Raise :class:`Refused` instead of writing anything wrong."""
    if args.date > today:
        raise Refused(
            f"the date {args.date.isoformat()} is later than today ({today.isoformat()}); a report is dated when it is made"
        )
    if args.evidence_title is None and (args.evidence_url or args.evidence_doc):
        raise Refused("--evidence-url and --evidence-doc need --evidence-title (what the evidence is)")
    if args.evidence_title is not None:
        problem = evidence_problem(args.evidence_url, args.evidence_doc)
        if problem:
            raise Refused(f"evidence {problem}")
    data_dir = Path(args.data).resolve()
    root = data_dir.parent
    try:
        data = load_data(data_dir, root=root)
    except PlanDataError as error:
        raise Refused("the data is not valid before the report:\n" + str(error)) from None
    plan = choose_plan(data, args.date, args.plan)
    status = data_dir / PLANS_DIR / str(plan.year) / STATUS_FILE
    text = status.read_text(encoding="utf-8") if status.exists() else ""
    new_text, before, after = updated_text(text, new_entry(args))
    updated = validate_copy(data_dir, root, status, new_text)
    status.write_text(new_text, encoding="utf-8")
    new_plan = next(p for p in updated.plans if p.year == plan.year)
    shown = status.resolve().relative_to(root).as_posix()
    lines = [f"{shown}: recorded the report of task {args.task} ({args.status}, {args.date.isoformat()})."]
    if after != before:
        was = before.isoformat() if before else "(none)"
        lines.append(f"{shown}: data_date moved forward from {was} to {after.isoformat()}.")
    lines.append(status_line(new_plan.task(args.task), new_plan))
    return lines


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", help='the task number as printed, e.g. "2.đ"')
    parser.add_argument("status", choices=[code.value for code in REPORTABLE], help="the reported status")
    parser.add_argument("--date", required=True, type=dt.date.fromisoformat, help="the report's date, YYYY-MM-DD")
    parser.add_argument(
        "--note", default="", help="what the report says, in Vietnamese (required for done and cancelled)"
    )
    parser.add_argument("--evidence-title", help="the title of the document or page the report rests on")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--evidence-url", help="its web address (http:// or https://)")
    where.add_argument("--evidence-doc", help='its number and date, e.g. "123/BC-CCTĐC ngày 30/6/2026"')
    parser.add_argument("--plan", type=int, help="the plan's year (default: the year of --date, else the newest plan)")
    parser.add_argument("--data", default=str(ROOT / "data"), help="the data directory (default: data/)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, today: dt.date | None = None) -> int:
    args = parse_args(argv)
    try:
        lines = record(args, today or dt.date.today())
    except Refused as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
