"""What changed between two versions of the plan data, task by task and field by field, in Vietnamese.

Pure: two loaded :class:`~tdcplan.load.PlanData` in, a list of :class:`Change` out.
``scripts/diff_plan.py`` reads the two versions from git and prints
:func:`format_changes` (plain text, or Markdown for a pull request's summary).
The official wording is compared (``TextItem.official``): recorded corrections
are reported as corrections, not as edits of the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .load import PlanData
from .model import Correction, Plan, Reference, StatusReport, Task, TextItem, Unit
from .schedule import Schedule
from .wording import TASK_FIELDS, format_date, quarter_name, shorten

NO_CHANGE = "Không có thay đổi về nội dung kế hoạch."
UNITS_SUBJECT = "Danh mục đơn vị (data/units.yml)"
REFERENCES_SUBJECT = "Danh mục văn bản, chương trình (data/references.yml)"


@dataclass(frozen=True)
class Change:
    """One change: what it concerns, and a sentence whose ``{}`` are filled with data ``values``."""

    subject: str  # e.g. "Kế hoạch năm 2026 — nhiệm vụ 2.a"
    sentence: str  # fixed wording, with one «{}» per value
    values: tuple[str, ...] = ()

    def text(self, escape: Callable[[str], str] = str) -> str:
        """The sentence with its values (each passed through ``escape``, e.g. for Markdown)."""
        return self.sentence.format(*(escape(value) for value in self.values))


def diff_plan_data(old: PlanData, new: PlanData) -> list[Change]:
    """Every change from ``old`` to ``new``: plans (oldest year first), then the unit and document registries."""
    changes: list[Change] = []
    old_plans = {plan.year: plan for plan in old.plans}
    new_plans = {plan.year: plan for plan in new.plans}
    for year in sorted(old_plans.keys() | new_plans.keys()):
        subject = f"Kế hoạch năm {year}"
        if year not in old_plans:
            plan = new_plans[year]
            changes.append(
                Change(
                    subject,
                    "Thêm kế hoạch năm {}: {} nhóm, {} nhiệm vụ.",
                    (str(year), str(len(plan.groups)), str(len(plan.tasks))),
                )
            )
        elif year not in new_plans:
            changes.append(Change(subject, "Bỏ kế hoạch năm {}.", (str(year),)))
        else:
            changes.extend(_plan_changes(old_plans[year], new_plans[year]))
    changes.extend(_unit_changes(old.units, new.units))
    changes.extend(_reference_changes(old.references, new.references))
    return changes


def format_changes(changes: list[Change], markdown: bool = False) -> str:
    """The changes grouped by subject: plain text for a terminal, or Markdown (values escaped)."""
    if markdown:
        from .escaping import escape_markdown  # only the Markdown form needs it

        escape: Callable[[str], str] = escape_markdown
        lines = ["## Những thay đổi của kế hoạch", ""]
    else:
        escape = str
        lines = []
    if not changes:
        return "\n".join([*lines, NO_CHANGE]) + "\n"
    subjects: dict[str, list[Change]] = {}
    for change in changes:
        subjects.setdefault(change.subject, []).append(change)
    for subject, items in subjects.items():
        lines.append(f"### {subject}" if markdown else f"{subject}:")
        if markdown:
            lines.append("")
        lines.extend(f"{'-' if markdown else '  -'} {change.text(escape)}" for change in items)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# --- a plan -------------------------------------------------------------------------------------


def _plan_changes(old: Plan, new: Plan) -> Iterator[Change]:
    subject = f"Kế hoạch năm {new.year}"
    for label, before, after in (
        ("Tên phụ lục", old.title, new.title),
        ("Văn bản ban hành kèm theo", old.parent.as_printed, new.parent.as_printed),
        ("Số văn bản ban hành", old.parent.number or "(để trống)", new.parent.number or "(để trống)"),
        ("Ngày ban hành", _date(old.parent.date), _date(new.parent.date)),
        ("Cơ quan ban hành", old.issuer, new.issuer),
        ("Tài liệu nguồn", old.source_document, new.source_document),
        ("Số liệu tính đến ngày", _date(old.data_date), _date(new.data_date)),
    ):
        if before != after:
            yield Change(subject, label + ": «{}» → «{}».", (before, after))
    old_groups = {group.number: group for group in old.groups}
    for group in new.groups:
        previous = old_groups.get(group.number)
        if previous is None:
            yield Change(subject, "Thêm nhóm {}: «{}».", (str(group.number), group.title))
        elif previous.title != group.title:
            yield Change(subject, "Nhóm {}: tên nhóm «{}» → «{}».", (str(group.number), previous.title, group.title))
    for number in sorted(old_groups.keys() - {group.number for group in new.groups}):
        yield Change(subject, "Bỏ nhóm {}: «{}».", (str(number), old_groups[number].title))
    old_tasks = {task.number: task for task in old.tasks}
    new_tasks = {task.number: task for task in new.tasks}
    for task in new.tasks:  # plan order
        task_subject = f"{subject} — nhiệm vụ {task.number}"
        if task.number not in old_tasks:
            yield Change(
                task_subject,
                "Thêm nhiệm vụ {}: «{}» ({}).",
                (task.number, shorten(task.content[0].official, 120), task.schedule.text),
            )
        else:
            yield from _task_changes(task_subject, old_tasks[task.number], task)
    for task in old.tasks:
        if task.number not in new_tasks:
            yield Change(
                f"{subject} — nhiệm vụ {task.number}",
                "Bỏ nhiệm vụ {}: «{}».",
                (task.number, shorten(task.content[0].official, 120)),
            )


def _task_changes(subject: str, old: Task, new: Task) -> Iterator[Change]:
    for field in ("content", "outputs"):
        yield from _text_changes(subject, field, getattr(old, field), getattr(new, field))
    if old.schedule.text != new.schedule.text:
        yield Change(
            subject,
            "Thời gian thực hiện: «{}» → «{}» (theo quý: {} → {}).",
            (old.schedule.text, new.schedule.text, _quarters(old.schedule), _quarters(new.schedule)),
        )
    for role, before, after in (("chủ trì", old.lead, new.lead), ("phối hợp", old.partners, new.partners)):
        yield from _added_removed(
            subject, f"đơn vị {role}", before, after, key=lambda unit: unit.id, label=lambda unit: unit.name
        )
    yield from _added_removed(
        subject,
        "văn bản dẫn chiếu",
        old.references,
        new.references,
        key=lambda reference: reference.id,
        label=lambda reference: reference.title,
    )
    yield from _report_changes(subject, old.reports, new.reports)
    yield from _correction_changes(subject, old.corrections, new.corrections)


def _text_changes(subject: str, field: str, old: tuple[TextItem, ...], new: tuple[TextItem, ...]) -> Iterator[Change]:
    label, item = TASK_FIELDS[field].label, TASK_FIELDS[field].item
    before, after = [t.official for t in old], [t.official for t in new]
    for index in range(max(len(before), len(after))):
        if index >= len(before):
            yield Change(subject, f"{label}: thêm {item} {index + 1}: «{{}}».", (after[index],))
        elif index >= len(after):
            yield Change(subject, f"{label}: bỏ {item} {index + 1}: «{{}}».", (before[index],))
        elif before[index] != after[index]:
            yield Change(subject, f"{label}, {item} {index + 1}: «{{}}» → «{{}}».", (before[index], after[index]))


def _report_changes(subject: str, old: tuple[StatusReport, ...], new: tuple[StatusReport, ...]) -> Iterator[Change]:
    def describe(report: StatusReport) -> tuple[str, ...]:
        return (format_date(report.as_of), report.label) + ((report.note,) if report.note else ())

    def sentence(verb: str, report: StatusReport) -> Change:
        note = " Ghi chú: «{}»." if report.note else ""
        return Change(subject, verb + " báo cáo tiến độ ngày {}: {}." + note, describe(report))

    old_set, new_set = {describe(r) for r in old}, {describe(r) for r in new}
    for report in new:
        if describe(report) not in old_set:
            yield sentence("Thêm", report)
    for report in old:
        if describe(report) not in new_set:
            yield sentence("Bỏ", report)


def _correction_changes(subject: str, old: tuple[Correction, ...], new: tuple[Correction, ...]) -> Iterator[Change]:
    def describe(correction: Correction) -> tuple[str, ...]:
        return (TASK_FIELDS[correction.field].label, correction.original, correction.corrected, correction.note)

    old_set, new_set = {describe(c) for c in old}, {describe(c) for c in new}
    for correction in new:
        if describe(correction) not in old_set:
            yield Change(subject, "Thêm đính chính ({}): «{}» → «{}»; lý do: {}", describe(correction))
    for correction in old:
        if describe(correction) not in new_set:
            yield Change(subject, "Bỏ đính chính ({}): «{}» → «{}»; lý do: {}", describe(correction))


# --- the registries -----------------------------------------------------------------------------


def _unit_changes(old: dict[str, Unit], new: dict[str, Unit]) -> Iterator[Change]:
    for unit_id, unit in new.items():
        previous = old.get(unit_id)
        if previous is None:
            yield Change(UNITS_SUBJECT, "Thêm đơn vị «{}»: {}.", (unit_id, unit.name))
            continue
        for label, before, after in (
            ("tên", previous.name, unit.name),
            ("tên viết gọn", previous.short_name, unit.short_name),
            ("loại", previous.kind.value, unit.kind.value),
        ):
            if before != after:
                yield Change(UNITS_SUBJECT, "Đơn vị «{}»: " + label + " «{}» → «{}».", (unit_id, before, after))
        yield from _added_removed(
            UNITS_SUBJECT,
            f"cách viết khác của đơn vị «{unit_id}»",
            previous.aliases,
            unit.aliases,
            key=lambda alias: alias.text,
            label=lambda alias: alias.text,
        )
    for unit_id in old.keys() - new.keys():
        yield Change(UNITS_SUBJECT, "Bỏ đơn vị «{}»: {}.", (unit_id, old[unit_id].name))


def _reference_changes(old: dict[str, Reference], new: dict[str, Reference]) -> Iterator[Change]:
    for ref_id, reference in new.items():
        previous = old.get(ref_id)
        if previous is None:
            yield Change(REFERENCES_SUBJECT, "Thêm văn bản «{}»: {} ({}).", (ref_id, reference.title, reference.kind))
            continue
        for label, before, after in (
            ("tên", previous.title, reference.title),
            ("loại", previous.kind, reference.kind),
            ("mô tả", previous.description, reference.description),
        ):
            if before != after:
                yield Change(REFERENCES_SUBJECT, "Văn bản «{}»: " + label + " «{}» → «{}».", (ref_id, before, after))
        yield from _added_removed(
            REFERENCES_SUBJECT,
            f"cụm từ nhận diện (mentions) của văn bản «{ref_id}»",
            tuple(previous.mentions),
            tuple(reference.mentions),
            key=str,
            label=str,
        )
    for ref_id in old.keys() - new.keys():
        yield Change(REFERENCES_SUBJECT, "Bỏ văn bản «{}»: {}.", (ref_id, old[ref_id].title))


# --- helpers ------------------------------------------------------------------------------------


def _added_removed(
    subject: str, what: str, old: Iterable, new: Iterable, key: Callable[[object], str], label: Callable[[object], str]
) -> Iterator[Change]:
    """«Thêm <what>: X.» / «Bỏ <what>: Y.» for items of ``new`` not in ``old`` and the reverse, in order."""
    old_keys, new_keys = {key(item) for item in old}, {key(item) for item in new}
    for item in new:
        if key(item) not in old_keys:
            yield Change(subject, f"Thêm {what}: {{}}.", (label(item),))
    for item in old:
        if key(item) not in new_keys:
            yield Change(subject, f"Bỏ {what}: {{}}.", (label(item),))


def _quarters(schedule: Schedule) -> str:
    if not schedule.quarters:
        return "không gắn với quý nào"
    return ", ".join(quarter_name(q, schedule.year) if schedule.year else quarter_name(q) for q in schedule.quarters)


def _date(day: dt.date | None) -> str:
    return format_date(day) if day else "(để trống)"
