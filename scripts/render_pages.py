#!/usr/bin/env python3
"""Write every generated page and data file of the site as real files, without running MkDocs' build.

Usage: python scripts/render_pages.py OUT_DIR [--config-file mkdocs.yml]

The build hook generates the pages in memory; this writes the very same Markdown
(with front matter) and data files into OUT_DIR, so the site can be built by a
MkDocs-compatible tool that does not run hooks (copy OUT_DIR over a copy of docs/
and give it the ``nav`` and ``not_in_nav`` settings printed at the end). It reads
mkdocs.yml with MkDocs and calls the hook's own :func:`tdcplan.mkdocs_site.site_pages`,
so settings, pages and navigation are the build's. The edit links and the search
folding that the hook adds are not part of the files.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

try:
    import yaml
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort
    from tdcplan.mkdocs_site import site_pages
    from tdcplan.pages import GeneratedAsset, GeneratedPage
except ImportError as missing:  # run outside the project's virtual environment
    sys.exit(f"{missing}: run `make python-deps` first, then use .venv/bin/python {sys.argv[0]}")

REPOSITORY = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--config-file", type=Path, default=REPOSITORY / "mkdocs.yml", help="default: mkdocs.yml")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # no notes about the configuration itself
    try:
        built = site_pages(load_config(str(args.config_file)))
    except Abort as error:
        print(error, file=sys.stderr)
        return 1
    for output in built.outputs:
        target = args.out_dir / output.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output, GeneratedAsset):
            target.write_bytes(output.content_bytes())
        else:
            target.write_text(output.content, encoding="utf-8")
    pages = [output.src_uri for output in built.outputs if isinstance(output, GeneratedPage)]
    outside_nav = sorted(set(pages) - built.in_navigation)
    print(f"wrote {len(pages)} pages and {len(built.outputs) - len(pages)} data files to {args.out_dir}")
    # The mkdocs.yml settings that stand in for the hook's navigation.
    settings = {"nav": built.nav, "not_in_nav": "".join(f"/{uri}\n" for uri in outside_nav)}
    print(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
