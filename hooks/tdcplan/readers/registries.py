"""The registries shared by every plan: ``units.yml`` and ``references.yml``, read by one reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..fields import FieldReader
from ..located import LocatedMap
from ..model import Alias, Reference, SourceLocation, Unit, UnitKind
from ..registry import name_key
from .files import REFERENCES_FILE, UNITS_FILE, DataFiles, choice, identifier

Entry = TypeVar("Entry", Unit, Reference)


@dataclass(frozen=True)
class RegistryFormat(Generic[Entry]):
    """How one registry file is laid out, and how one of its entries is read."""

    file: str  # e.g. "units.yml"
    key: str  # the top-level list, e.g. "units"
    noun: str  # what an entry is called in messages, e.g. "unit"
    required: tuple[str, ...]
    optional: tuple[str, ...]
    allow_empty: bool
    # (fields, entry, "unit 3", its id or None, its line) -> the record, or None when incomplete
    entry: Callable[[FieldReader, LocatedMap, str, str | None, int], Entry | None]


@dataclass(frozen=True)
class Registry(Generic[Entry]):
    """A registry read from its file: entries by id, and whether the file was free of problems."""

    entries: dict[str, Entry]
    ok: bool


def read_registry(files: DataFiles, form: RegistryFormat[Entry]) -> Registry[Entry]:
    """Read a registry file; each entry needs a unique id (units also need unique names)."""
    before = len(files.problems)
    content, fields = files.read(files.data_dir / form.file)
    entries: dict[str, Entry] = {}
    if content is not None:
        top = fields.mapping(content, 1, form.file, (form.key,))
        items = fields.list(top, form.key, f"«{form.key}»", allow_empty=form.allow_empty) if top else None
        names: dict[str, str] = {}  # folded spelling -> id of the unit it names
        for index, value in enumerate(items or ()):
            line = items.lines[index]
            what = f"{form.noun} {index + 1}"
            item = fields.mapping(value, line, what, form.required, form.optional)
            if item is None:
                continue
            entry_id = identifier(fields, item, what)
            entry = form.entry(fields, item, what, entry_id, line)
            if entry is None:
                continue
            if entry.id in entries:
                fields.problem(item.line_of("id"), f"{form.noun} id «{entry.id}» is used twice; ids must be unique")
                continue
            if isinstance(entry, Unit):
                _check_names(fields, entry, line, names)
            entries[entry.id] = entry
    return Registry(entries, ok=len(files.problems) == before)


def _check_names(fields: FieldReader, unit: Unit, line: int, names: dict[str, str]) -> None:
    """Each spelling of a unit's name (name, short name, aliases) must name no other unit."""
    for spelling in (unit.name, unit.short_name, *(alias.text for alias in unit.aliases)):
        owner = names.setdefault(name_key(spelling), unit.id)
        if owner != unit.id:
            fields.problem(line, f"the name «{spelling}» of unit «{unit.id}» also names unit «{owner}»")


def _unit(fields: FieldReader, item: LocatedMap, what: str, unit_id: str | None, line: int) -> Unit | None:
    name = fields.text(item, "name", f"{what}: «name»")
    short_name = fields.text(item, "short_name", f"{what}: «short_name»")
    kind = choice(fields, item, "kind", f"{what}: «kind»", {k.value: k for k in UnitKind})
    aliases = []
    alias_list = fields.list(item, "aliases", f"{what}: «aliases»")
    for a_index, alias in enumerate(alias_list or ()):
        a_what = f"{what}: alias {a_index + 1}"
        alias_map = fields.mapping(alias, alias_list.lines[a_index], a_what, ("text",), ("note",))
        if alias_map is None:
            continue
        text = fields.text(alias_map, "text", f"{a_what}: «text»")
        note = fields.text(alias_map, "note", f"{a_what}: «note»", required=False) or ""
        if text:
            aliases.append(Alias(text, note))
    if None in (unit_id, name, short_name, kind):
        return None
    return Unit(unit_id, name, short_name, kind, tuple(aliases), SourceLocation(fields.path, line))


def _reference(fields: FieldReader, item: LocatedMap, what: str, ref_id: str | None, line: int) -> Reference | None:
    title = fields.text(item, "title", f"{what}: «title»")
    kind = fields.text(item, "kind", f"{what}: «kind»")
    description = fields.text(item, "description", f"{what}: «description»", required=False) or ""
    mentions = fields.text_list(item, "mentions", f"{what}: «mentions»", allow_empty=False)
    if None in (ref_id, title, kind) or not mentions:
        return None
    return Reference(ref_id, title, kind, description, mentions, SourceLocation(fields.path, line))


UNITS = RegistryFormat(
    UNITS_FILE, "units", "unit", ("id", "name", "short_name", "kind"), ("aliases",), allow_empty=False, entry=_unit
)
REFERENCES = RegistryFormat(
    REFERENCES_FILE,
    "references",
    "reference",
    ("id", "title", "kind", "mentions"),
    ("description",),
    allow_empty=True,
    entry=_reference,
)
