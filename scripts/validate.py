#!/usr/bin/env python3
"""Check the plan data and report every problem as PATH:LINE: MESSAGE.

Usage: python scripts/validate.py [DATA_DIR] [--github]

Exit status 0 with a one-line summary when the data is valid; 1 with one line
per problem otherwise. --github also prints each problem as a GitHub Actions
``::error file=…,line=…::`` annotation, so pull requests show it on the line.
Every problem is one line: data quoted in a message has its control characters
written as escapes (``\\n``), so a pull request cannot inject workflow commands.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

try:
    from tdcplan.load import load_data, source_documents
    from tdcplan.problems import PlanDataError, more_problems, shown_problems
except ImportError as missing:  # run outside the project's virtual environment
    sys.exit(f"{missing}: run `make python-deps` first, then use .venv/bin/python {sys.argv[0]}")

REPOSITORY = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPOSITORY / "data", help="default: data/")
    parser.add_argument("--github", action="store_true", help="also print GitHub Actions error annotations")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `validate.py | head` ends quietly
    try:
        data = load_data(args.data_dir, root=Path.cwd())
        source_documents(data, Path.cwd())  # each plan's source document is there to publish
    except PlanDataError as error:
        for problem in shown_problems(error.problems):
            print(problem)
            if args.github:
                print(problem.as_github_annotation())
        if more := more_problems(error.problems):
            print(more)
        print(f"{len(error.problems)} problem(s) found in {args.data_dir}", file=sys.stderr)
        return 1
    tasks = sum(len(plan.tasks) for plan in data.plans)
    plans = ", ".join(str(plan.year) for plan in data.plans)
    print(
        f"OK: {len(data.plans)} plan(s) ({plans}), {tasks} tasks, {len(data.units)} units, "
        f"{len(data.references)} references"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
