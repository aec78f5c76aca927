"""Real MkDocs builds: of a project (``mkdocs build --strict``), and of tiny throwaway projects."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from repository import REPOSITORY


class BuildFailed(AssertionError):
    pass


# Settings of a publishing build and the build clock: a test build sets them only when it means to.
PUBLISHING_VARIABLES = ("SITE_URL", "PUBLISH", "SOURCE_DATE_EPOCH")


def run_build(config_file: Path, site_dir: Path, **environment: str) -> subprocess.CompletedProcess:
    """Run a real `mkdocs build --strict --clean` of ``config_file`` into ``site_dir``; whatever its outcome.

    ``environment`` adds variables (e.g. ``SITE_URL``); those of a publishing build are otherwise left out.
    """
    env = {key: value for key, value in os.environ.items() if key not in PUBLISHING_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env | {"NO_MKDOCS_2_WARNING": "1"} | environment,
        capture_output=True,
        text=True,
    )


def build_site(config_file: Path, site_dir: Path) -> Path:
    """Run a real `mkdocs build --strict` of ``config_file`` into ``site_dir``.

    Raises BuildFailed carrying MkDocs' own output when the build fails.
    """
    result = run_build(config_file, site_dir)
    if result.returncode != 0:
        raise BuildFailed(
            f"`mkdocs build --strict -f {config_file}` failed "
            f"(exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return site_dir


def make_throwaway_site(root: Path, pages: dict[str, str], *, theme_overrides: bool = True) -> Path:
    """Write a tiny MkDocs project using this repository's theme set-up.

    ``pages`` maps a docs-relative path to Markdown. Returns mkdocs.yml's path.
    With ``theme_overrides`` the project borrows overrides/ and docs/assets/
    so that only the page contents differ from the real site; without, it is
    Material's default output.
    """
    docs = root / "docs"
    for rel, text in pages.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    lines = [
        'site_name: "Trang thử"',
        'site_description: "Trang thử của bộ kiểm tra chất lượng."',
        'site_url: "http://127.0.0.1:8000/"',
        "docs_dir: docs",
        "theme:",
        "  name: material",
        "  font: false",
    ]
    if theme_overrides:
        shutil.copytree(REPOSITORY / "docs" / "assets", docs / "assets")
        lines += [
            "  language: custom",
            f"  custom_dir: {json.dumps(str(REPOSITORY / 'overrides'))}",
            "extra_css:",
            "  - assets/stylesheets/site.css",
        ]
        lines += ["extra:", "  generator: false"]
    else:
        lines += ["  language: vi"]
    lines += [
        'copyright: "© 2026 Trang thử"',
        # The negative tests build deliberately broken pages: MkDocs itself
        # must let them through so that the checkers get to see them.
        "validation:",
        "  links:",
        "    not_found: info",
        "    anchors: info",
        "    unrecognized_links: info",
    ]
    config = "\n".join(lines) + "\n"
    path = root / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path
