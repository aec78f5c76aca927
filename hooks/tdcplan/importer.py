"""Turn an appendix table (:mod:`tdcplan.appendix`) into ``plan.yml`` in our layout.

Unit names are matched against the registry (``data/units.yml``) and cited
documents are found by the registry's ``mentions`` (``data/references.yml``).
Names the registry does not know are kept as printed and reported, so the
validator flags them until a maintainer adds the unit or an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .appendix import NO_PARTNER, Appendix, AppendixError, AppendixTask
from .model import Reference, Unit
from .registry import UnitNames

_PARENT = re.compile(
    r"^Ban hành kèm theo (?P<as_printed>Kế hoạch số (?P<number>[^/\s]*)/\S+ ngày .*? năm \d{4})\s+của (?P<issuer>.+)$"
)
_YEAR = re.compile(r"(\d{4})\s*$")

HEADER = """\
# {title}
# Imported by scripts/import_appendix.py from {source}.
#
# This file is the official wording of the plan: change it only when the official
# plan changes (re-run the importer). Typo fixes go in corrections.yml and progress
# in status.yml, beside this file. Units are ids from data/units.yml; «references»
# are ids from data/references.yml.
"""


@dataclass
class ImportResult:
    """The YAML text and the names that could not be matched (with their source lines)."""

    yaml_text: str
    unmatched: list[str] = field(default_factory=list)


def _cited(task: AppendixTask, references: dict[str, Reference]) -> list[str]:
    haystack = " ".join(task.content + task.outputs).casefold()
    return [ref.id for ref in references.values() if any(m.casefold() in haystack for m in ref.mentions)]


def _unit_ids(cell: str, names: UnitNames, where: str, unmatched: list[str], allow_none: bool) -> list[str]:
    if allow_none and cell.strip() == NO_PARTNER:
        return []
    units, unknown = names.split(cell)
    for name in unknown:
        unmatched.append(f"{where}: unit name «{name}» matches no unit or alias in data/units.yml")
    return [unit.id for unit in units] + unknown


def import_appendix(
    appendix: Appendix, source_name: str, units: dict[str, Unit], references: dict[str, Reference]
) -> ImportResult:
    """Build ``plan.yml`` text for ``appendix``; ``source_name`` is recorded as the source document."""
    names = UnitNames(units)
    unmatched: list[str] = []
    parent = _PARENT.match(appendix.issued_with)
    if parent is None:
        raise AppendixError(
            appendix.issued_with_line,
            f"the title block «{appendix.issued_with}» does not read «Ban hành kèm theo Kế hoạch số … của …»",
        )
    year = _YEAR.search(appendix.title)
    if year is None:
        raise AppendixError(appendix.title_line, f"the title «{appendix.title}» does not end with the plan's year")
    groups = []
    for group in appendix.groups:
        tasks = []
        for task in group.tasks:
            where = f"{source_name}:{task.line}: task {group.number}.{task.letter}"
            entry: dict = {
                "letter": task.letter,
                "content": task.content,
                "outputs": task.outputs,
                "schedule": task.schedule,
                "lead": _unit_ids(task.lead, names, where, unmatched, allow_none=False),
                "partners": _unit_ids(task.partners, names, where, unmatched, allow_none=True),
            }
            cited = _cited(task, references)
            if cited:
                entry["references"] = cited
            tasks.append(entry)
        groups.append({"number": group.number, "title": group.title, "tasks": tasks})
    document = {
        "plan": {
            "year": int(year.group(1)),
            "appendix": appendix.heading,
            "title": appendix.title,
            "issued_with": {
                "as_printed": parent["as_printed"],
                # The source leaves the plan's number and date blank: keep them empty, never invent them.
                "number": parent["number"] or None,
                "date": None,
            },
            "issuer": parent["issuer"].strip(),
            "source_document": source_name,
        },
        "groups": groups,
    }
    body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return ImportResult(HEADER.format(title=appendix.title, source=source_name) + body, unmatched)
