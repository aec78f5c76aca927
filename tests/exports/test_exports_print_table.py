"""/ban-in/: the built table, read back as text, equals the source appendix cell by cell."""

from __future__ import annotations

from pathlib import Path

from repository import REPOSITORY
from tdcplan.appendix import parse_appendix
from tdcplan.registry import UnitNames

from .html_table import read_table

SEED = REPOSITORY / "data" / "plans" / "2026" / "nguon" / "phu-luc-2026.txt"
HEADER = [
    "STT",
    "Nội dung thực hiện",
    "Sản phẩm/ dự kiến kết quả",
    "Thời gian thực hiện",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
]


def _corrected(texts: list[str], corrections: list) -> list[str]:
    """The source's paragraphs or items with the recorded corrections applied."""
    result = list(texts)
    for correction in corrections:
        hits = [i for i, text in enumerate(result) if correction.original in text]
        assert len(hits) == 1, correction
        result[hits[0]] = result[hits[0]].replace(correction.original, correction.corrected, 1)
    return result


def _units(cell: str, names: UnitNames) -> list[str]:
    if cell.strip() == "/":
        return []
    units, unmatched = names.split(cell)
    assert unmatched == [], cell
    return [unit.id for unit in units]


def test_print_table_equals_the_source_appendix(site_dir: Path, plan_data) -> None:
    plan = plan_data.plans[0]
    names = UnitNames(plan_data.units)
    appendix = parse_appendix(SEED.read_text(encoding="utf-8"))
    header, rows = read_table(site_dir / "ban-in" / "index.html", "tdc-print-table")
    assert header == HEADER

    html = (site_dir / "ban-in" / "index.html").read_text(encoding="utf-8")
    assert f">{appendix.heading}<" in html and f">{appendix.title}<" in html
    assert f">({appendix.issued_with})<" in html

    expected: list[tuple[str, list[list[str]]]] = []
    for group in appendix.groups:
        expected.append(("tdc-print-group", [[str(group.number)], [group.title]]))
        for source in group.tasks:
            task = plan.task(f"{group.number}.{source.letter}")
            by_field = {f: [c for c in task.corrections if c.field == f] for f in ("content", "outputs")}
            outputs = _corrected(source.outputs, by_field["outputs"])
            expected.append(
                (
                    "",
                    [
                        [source.letter],
                        _corrected(source.content, by_field["content"]),
                        [f"- {item}" for item in outputs] if len(outputs) > 1 else outputs,
                        [source.schedule],
                        _units(source.lead, names),
                        _units(source.partners, names),
                    ],
                )
            )
    built = []
    group = ""
    for css_class, cells in rows:
        if css_class == "tdc-print-group":
            group = cells[0][0]
            built.append((css_class, cells))
            continue
        lead, partners = cells[4][0], cells[5][0]
        built.append((css_class, [*cells[:4], _units(lead, names), _units(partners, names)]))
        task = plan.task(f"{group}.{cells[0][0]}")  # the printed cells hold canonical names, «/» for none
        assert lead == ", ".join(u.name for u in task.lead)
        assert partners == (", ".join(u.name for u in task.partners) or "/")
    assert len([r for r in built if r[0]]) == 6 and len([r for r in built if not r[0]]) == 24
    for got, want in zip(built, expected, strict=True):
        assert got == want


def test_print_table_shows_slash_for_no_partner_and_lists_corrections(site_dir: Path) -> None:
    _, rows = read_table(site_dir / "ban-in" / "index.html", "tdc-print-table")
    task_1b = rows[2][1]
    assert task_1b[0] == ["b"] and task_1b[5] == ["/"]
    html = (site_dir / "ban-in" / "index.html").read_text(encoding="utf-8")
    notes = html[html.index('class="tdc-print-notes"') :]
    for original, corrected in (
        ("nâng suất", "năng suất"),
        ("Giải thường chất lượng", "Giải thưởng chất lượng"),
        ("tham những", "tham nhũng"),
    ):
        assert f"«{original}», sửa thành «{corrected}»" in notes
