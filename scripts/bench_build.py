"""The synthetic plans moved to ``scripts/bench.py``; this name stays importable for code that used it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("bench", Path(__file__).with_name("bench.py"))
assert _spec is not None and _spec.loader is not None
_bench = sys.modules.get("bench") or importlib.util.module_from_spec(_spec)
if "bench" not in sys.modules:
    sys.modules["bench"] = _bench
    _spec.loader.exec_module(_bench)

PROJECT_PARTS = _bench.PROJECT_PARTS
enlarged_plan = _bench.enlarged_plan

__all__ = ["PROJECT_PARTS", "enlarged_plan"]
