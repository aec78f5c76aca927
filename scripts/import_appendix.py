#!/usr/bin/env python3
"""Import an appendix table (Markdown, as extracted from the PDF) into plan.yml.

Usage: python scripts/import_appendix.py SOURCE.md [--data DATA_DIR] > data/plans/<year>/plan.yml

Unit names are matched against DATA_DIR/units.yml and cited documents found
with DATA_DIR/references.yml (default: the repository's data/). Names that
match no unit are printed on standard error as SOURCE:LINE: messages, kept as
printed in the output, and make the exit status 1. A source that is not an
appendix table (no header row, columns in another order, a table pasted twice)
is refused with SOURCE:LINE: and exit status 2. A UTF-8 byte-order mark is fine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

try:
    from tdcplan.appendix import AppendixError, parse_appendix
    from tdcplan.importer import import_appendix
    from tdcplan.load import registries
    from tdcplan.problems import PlanDataError
except ImportError as missing:  # run outside the project's virtual environment
    sys.exit(f"{missing}: run `make python-deps` first, then use .venv/bin/python {sys.argv[0]}")

REPOSITORY = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="the appendix in Markdown-table form")
    parser.add_argument("--data", type=Path, default=REPOSITORY / "data", help="data directory with the registries")
    args = parser.parse_args(argv)
    try:
        text = args.source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.source}:0: cannot read the source as UTF-8 text: {error}", file=sys.stderr)
        return 2
    try:
        units, references = registries(args.data)
        appendix = parse_appendix(text)
        result = import_appendix(appendix, args.source.name, units, references)
    except PlanDataError as error:
        print(error, file=sys.stderr)
        return 2
    except AppendixError as error:
        print(f"{args.source}:{error.line}: {error.message}", file=sys.stderr)
        return 2
    sys.stdout.write(result.yaml_text)
    for message in result.unmatched:
        print(message, file=sys.stderr)
    return 1 if result.unmatched else 0


if __name__ == "__main__":
    sys.exit(main())
