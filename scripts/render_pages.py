#!/usr/bin/env python3
"""Write every generated page and data file of the site as real files, without MkDocs.

Usage: python scripts/render_pages.py OUT_DIR [--data DATA_DIR] [--site-url URL] [--repo-url URL]

The build hook generates the pages in memory; this writes the very same Markdown
(with front matter) and data files into OUT_DIR, so the site can be built by a
MkDocs-compatible tool that does not run hooks (copy OUT_DIR over a copy of docs/
and give it the ``nav`` and ``not_in_nav`` settings printed at the end). The edit links and the search
folding that the hook adds are not part of the files.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

try:
    import yaml
    from tdcplan.identifiers import Identifiers
    from tdcplan.load import load_data, source_documents
    from tdcplan.navigation import navigation_pages, site_navigation
    from tdcplan.pages import GeneratedPage, SiteContext, generate_pages
    from tdcplan.problems import PlanDataError
    from tdcplan.urls import SiteLayout
except ImportError as missing:  # run outside the project's virtual environment
    sys.exit(f"{missing}: run `make python-deps` first, then use .venv/bin/python {sys.argv[0]}")

REPOSITORY = Path(__file__).resolve().parent.parent


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for plain settings; tags such as !!python/name (MkDocs-only) become None."""


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    """MkDocs' ``!ENV [NAME, default]``: the variable's value, else the default."""
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[name] for name in variables if os.environ.get(name)), default)


_SettingsLoader.add_constructor("!ENV", _environment_value)
_SettingsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_setting(key: str, section: str | None = None) -> str:
    """A top-level setting of the repository's mkdocs.yml, or one of its ``section`` (empty when unset)."""
    settings = yaml.load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SettingsLoader)
    if section:
        settings = settings.get(section) or {}
    return str(settings.get(key) or "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--data", type=Path, default=REPOSITORY / "data")
    parser.add_argument(
        "--site-url",
        default=mkdocs_setting("site_url"),
        help="absolute address of the site, for feeds and calendars (default: site_url of mkdocs.yml)",
    )
    parser.add_argument(
        "--repo-url",
        default=mkdocs_setting("repo_url"),
        help="repository address, for links to the data files (default: repo_url of mkdocs.yml)",
    )
    args = parser.parse_args(argv)
    try:
        data = load_data(args.data, root=REPOSITORY)
        documents = source_documents(data, REPOSITORY)
    except PlanDataError as error:
        print(error, file=sys.stderr)
        return 1
    site = SiteContext(
        data,
        SiteLayout(data.plans[0].year),
        Identifiers(mkdocs_setting("publisher_id", section="extra")),
        repository_url=args.repo_url,
        site_url=args.site_url,
        source_documents=documents,
    )
    outputs = generate_pages(site)
    for output in outputs:
        target = args.out_dir / output.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        content = output.content
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    generated = {output.src_uri for output in outputs}
    nav = site_navigation(site, has_page=lambda uri: uri in generated or (REPOSITORY / "docs" / uri).exists())
    pages = [output.src_uri for output in outputs if isinstance(output, GeneratedPage)]
    outside_nav = sorted(set(pages) - navigation_pages(nav))
    print(f"wrote {len(pages)} pages and {len(outputs) - len(pages)} data files to {args.out_dir}")
    # The mkdocs.yml settings that stand in for the hook's navigation.
    settings = {"nav": nav, "not_in_nav": "".join(f"/{uri}\n" for uri in outside_nav)}
    print(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
