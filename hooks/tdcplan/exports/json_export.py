"""``nhiem-vu.json``: the plan and its tasks as open data, and its JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from ..model import Plan
from ..urls import Urls
from .json_schema import schema
from .records import plan_record, task_record

JSON_FILE = "nhiem-vu.json"


def _dump(value: Any) -> bytes:
    # Insertion order (the documented order), readable indentation, Vietnamese kept as is.
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def plan_json(plan: Plan, addresses: Urls) -> bytes:
    """The open-data file: ``{"plan": {...}, "tasks": [...]}`` in plan order."""
    return _dump(
        {
            "plan": plan_record(plan, addresses),
            "tasks": [task_record(task, addresses) for task in plan.tasks],
        }
    )


def schema_json(schema_url: str) -> bytes:
    """The published JSON Schema, identified by ``schema_url``."""
    return _dump(schema(schema_url))
