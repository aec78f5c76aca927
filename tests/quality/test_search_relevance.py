"""Relevance of the site search: each query of search_relevance.yml, typed as a reader types it,
finds its page first (or among the first three) on the real site, and the task-number queries
still find their task first on the synthetic plan 100 times larger."""

from __future__ import annotations

import checkers
import pytest
from project_copy import copy_project
from repository import script_module

from quality.site_search import RelevanceCase, relevance_cases, run_search

CASES = relevance_cases()
SCALE = 100


def _check(paths: list[str], case) -> None:
    shown = paths[:5]
    if case.first:
        assert paths[:1] == [case.expected], f"{case}: got {shown}"
    else:
        assert case.expected in paths[:3], f"{case}: got {shown}"


def test_the_relevance_file_has_enough_realistic_cases():
    assert len(CASES) >= 30
    assert any(c.query.isascii() for c in CASES) and any(not c.query.isascii() for c in CASES)
    assert sum(c.scale for c in CASES) >= 5


@pytest.mark.parametrize("case", CASES, ids=str)
def test_query_finds_its_page(page, site_url, case):
    _check(run_search(page, site_url, case.query), case)


@pytest.fixture(scope="module")
def large_site_url(tmp_path_factory):
    """The site built from the plan repeated 100 times (2,400 tasks), served on 127.0.0.1."""
    project = tmp_path_factory.mktemp("x100")
    config = copy_project(project)
    plan_file = project / "data/plans/2026/plan.yml"
    plan_file.write_text(script_module("bench").enlarged_plan(plan_file, SCALE), encoding="utf-8")
    site = checkers.build_site(config, project / "site")
    with checkers.serve_directory(site) as url:
        yield url


SCALE_CASES = [c for c in CASES if c.scale] + [
    # Tasks of the last copies, numbered on: 144.b is the 24th copy of 6.b.
    RelevanceCase("144.b", "/nhiem-vu/144-b/", first=True, scale=True),
    RelevanceCase("100c", "/nhiem-vu/100-c/", first=True, scale=True),
]


@pytest.mark.parametrize("case", SCALE_CASES, ids=str)
def test_task_number_finds_its_task_first_at_100_times_the_plan(page, large_site_url, case):
    _check(run_search(page, large_site_url, case.query), case)
