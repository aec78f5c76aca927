"""scripts/bench.py's parts that need no build: the size list, the budget table, the synthetic plan."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

import pytest
import yaml
from repository import REPOSITORY, script_module

bench = script_module("bench")


def test_sizes_are_parsed_sorted_and_checked() -> None:
    assert bench.parse_sizes("100,1,10") == [1, 10, 100]
    assert bench.arguments(["--sizes", "1,100", "--skip-lighthouse"]).sizes == [1, 100]
    for bad in ("0", "x", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            bench.parse_sizes(bad)


def test_budget_rows_say_pass_or_fail_both_ways() -> None:
    ceiling = bench.Figure("hook / plain", "×1", 1.25, 1.10)
    floor = bench.Figure("Lighthouse", "×1", 96, 95, at_least=True)
    assert not ceiling.passed and floor.passed
    text = bench.table([ceiling, floor]).splitlines()
    assert text[0] == "| figure | size | measured | budget | result | note |"
    assert text[2] == "| hook / plain | ×1 | 1.25 | ≤ 1.10 | FAIL |  |"
    assert text[3] == "| Lighthouse | ×1 | 96 | ≥ 95 | PASS |  |"


def test_enlarged_plan_repeats_and_renumbers_the_groups() -> None:
    plan_file = REPOSITORY / "data" / "plans" / "2026" / "plan.yml"
    real = yaml.safe_load(plan_file.read_text(encoding="utf-8"))["groups"]
    groups = yaml.safe_load(bench.enlarged_plan(plan_file, 3))["groups"]
    assert [g["number"] for g in groups] == list(range(1, 3 * len(real) + 1))
    assert groups[len(real)]["title"] == f"{real[0]['title']} (bản sao 1)"
    assert "*id" not in bench.enlarged_plan(plan_file, 2)  # no YAML alias: the data reader refuses them


def test_short_builds_are_paired_more_often() -> None:
    assert bench.pairs_at(1, 3) == 9
    assert bench.pairs_at(10, 3) == bench.pairs_at(100, 3) == 3


def test_builds_run_with_python_writing_compiled_modules(monkeypatch) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = bench._env()
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["NO_MKDOCS_2_WARNING"] == "1"


def test_the_memory_of_a_process_and_its_children_is_summed() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; b = bytearray(60_000_000); time.sleep(5)"])
    try:
        time.sleep(1.5)
        alone = bench._tree_rss_kb(child.pid)
        together = bench._tree_rss_kb(os.getpid())
        assert alone > 55_000  # the child's 60 MB
        assert together >= alone + 10_000  # this process and its child
    finally:
        child.kill()
        child.wait()
