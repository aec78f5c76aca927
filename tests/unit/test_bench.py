"""scripts/bench.py's parts that need no build: the size list, the budget table, the synthetic plan."""

from __future__ import annotations

import argparse

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
