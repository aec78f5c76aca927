"""The JSON Schema (draft 2020-12) of ``nhiem-vu.json``, published beside it as ``nhiem-vu.schema.json``.

Every object is closed (``additionalProperties: false``): a key added to
:mod:`.records` without a line here fails the schema test, so the published
contract and the file cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from ..model import StatusCode
from ..schedule import ScheduleKind

SCHEMA_FILE = "nhiem-vu.schema.json"

_DATE = {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_DATE_OR_NULL = {"anyOf": [_DATE, {"type": "null"}]}
_TEXT = {"type": "string", "minLength": 1}
_TEXTS = {"type": "array", "items": _TEXT}
_STATUS_CODES = [code.value for code in StatusCode]


def _object(properties: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


_UNIT = _object(
    {"id": {"type": "string", "pattern": "^[a-z0-9-]+$"}, "name": _TEXT},
    "A unit of the registry: its id (its page is /don-vi/<id>/) and its canonical name.",
)
_REPORT = _object(
    {
        "code": {"enum": [c for c in _STATUS_CODES if c != StatusCode.NOT_REPORTED.value]},
        "label": _TEXT,
        "as_of": _DATE,
        "note": {"type": ["string", "null"]},
        "evidence": {
            "type": "array",
            "items": _object(
                {
                    "title": _TEXT,
                    "url": {"type": ["string", "null"], "pattern": "^https?://"},
                    "document": {"type": ["string", "null"]},
                },
                "What the report rests on: a web address and/or an official document's number and date.",
            ),
        },
    },
    "A progress report.",
)


def schema(schema_url: str) -> dict[str, Any]:
    """The schema, identified by its public address ``schema_url``."""
    task = _object(
        {
            "id": {"type": "string", "pattern": r"^[0-9]+\.[a-zđ]$", "description": "Number as printed, e.g. 2.đ"},
            "group": _object({"number": {"type": "integer", "minimum": 1}, "title": _TEXT}, "The task's group."),
            "content": {
                **_TEXTS,
                "minItems": 1,
                "description": "Paragraphs as the site shows them (after corrections).",
            },
            "content_official": {**_TEXTS, "minItems": 1, "description": "Paragraphs as officially printed."},
            "outputs": {**_TEXTS, "description": "Expected products/results (after corrections)."},
            "outputs_official": {**_TEXTS, "description": "Expected products/results as officially printed."},
            "schedule": _object(
                {
                    "text": _TEXT,
                    "kind": {"enum": [kind.value for kind in ScheduleKind]},
                    "quarters": {
                        "type": "array",
                        "items": {"type": "integer", "minimum": 1, "maximum": 4},
                        "uniqueItems": True,
                    },
                    "due": {"type": "array", "items": _DATE},
                },
                "The official wording, its kind, the quarters it covers and the due dates it names.",
            ),
            "lead": {"type": "array", "items": _UNIT, "minItems": 1},
            "partners": {"type": "array", "items": _UNIT},
            "references": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9-]+$"}},
            "status": _object(
                {
                    "code": {"enum": _STATUS_CODES},
                    "label": _TEXT,
                    "as_of": _DATE_OR_NULL,
                    "note": {"type": ["string", "null"]},
                },
                "The latest progress report (code not_reported and as_of null until one is made).",
            ),
            "reports": {"type": "array", "items": _REPORT},
            "corrections": {
                "type": "array",
                "items": _object(
                    {
                        "field": {"enum": ["content", "outputs"]},
                        "original": _TEXT,
                        "corrected": _TEXT,
                        "note": _TEXT,
                        "recorded": _DATE,
                    },
                    "An evident typo of the source, corrected by the site.",
                ),
            },
            "url": {"type": "string", "pattern": "^/.*/$", "description": "The task page's path from the site root."},
        },
        "A task of the plan.",
    )
    plan = _object(
        {
            "title": _TEXT,
            "year": {"type": "integer"},
            "appendix": _TEXT,
            "issuer": _TEXT,
            "source_document": _TEXT,
            "parent_plan": _object(
                {"as_printed": _TEXT, "number": {"type": ["string", "null"]}, "date": _DATE_OR_NULL},
                "The plan the list is issued with, as printed; number and date null while blank.",
            ),
            "generated": {**_DATE_OR_NULL, "description": "Date of the latest change recorded in the data."},
            "data_date": {
                **_DATE_OR_NULL,
                "description": "The date the plan's data is current to; «period ended» flags are computed against it.",
            },
            "site_url": {"type": ["string", "null"]},
        },
        "What the list is and who issued it.",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url,
        "title": "Danh mục nhiệm vụ (open data)",
        **_object(
            {"plan": plan, "tasks": {"type": "array", "items": task}}, "The plan's task list, tasks in plan order."
        ),
    }
