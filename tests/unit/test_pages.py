"""pages: each page generator, given the small plan, returns the expected Markdown."""

from __future__ import annotations

import small_plan
import yaml
from tdcplan.pages import GeneratedAsset, GeneratedPage, generate_pages
from tdcplan.pages.group import group_pages
from tdcplan.pages.quarter import quarter_pages
from tdcplan.pages.task import task_pages


def split(page: GeneratedPage) -> tuple[dict, str]:
    """Front matter and body of a generated page."""
    assert page.content.startswith("---\n")
    front, body = page.content[4:].split("\n---\n\n", 1)
    return yaml.safe_load(front), body


def by_uri(pages) -> dict[str, GeneratedPage]:
    return {page.src_uri: page for page in pages}


def test_task_page():
    site = small_plan.site(2026)
    plan = site.plans[0]
    page = by_uri(task_pages(site, plan))["nhiem-vu/1-a.md"]
    meta, body = split(page)
    assert meta == {
        "title": "Nhiệm vụ 1.a: Thực hiện Đề án 1 năm 2026",
        "description": "Nhiệm vụ 1.a (Quý I và II/2026): Thực hiện Đề án 1 năm 2026",
        "search": {"boost": 4},
    }
    assert body.startswith(
        "# Nhiệm vụ 1\\.a\n\n[Nhóm 1: Nhóm một](../nhom/1.md) · [Danh mục nhiệm vụ năm 2026](../index.md)\n"
    )
    assert (
        "## Nội dung thực hiện\n\nThực hiện Đề án 1 năm 2026\n\n*(đã sửa lỗi chính tả; nguyên văn: «Thực hiện Đề an 1 năm 2026»)*"
        in body
    )
    assert "Theo quý: [Quý I/2026](../quy/2026-q1.md), [Quý II/2026](../quy/2026-q2.md)." in body
    assert "- **Đơn vị phối hợp:** [Chi cục &lt;Đo lường&gt;](../don-vi/u-b.md)" in body
    assert "| Nội dung thực hiện | «Đề an» | «Đề án» | lỗi gõ | 01/02/2026 |" in body
    assert "**Tình trạng:** Đang thực hiện (báo cáo ngày 01/03/2026)." in body
    assert "- **01/03/2026 — Đang thực hiện.**" in body  # the dated history
    assert '[Nhiệm vụ 1\\.b →](1-b.md){: rel="next" }' in body
    assert '<p class="tdc-print-url">Bản in của trang https://tdc.example.vn/nhiem-vu/1-a/</p>' in body
    assert page.edit_path == "data/plans/2026/plan.yml"


def test_group_page_lists_its_tasks_with_escaped_text():
    site = small_plan.site(2026)
    pages = by_uri(group_pages(site, site.plans[0]))
    meta, body = split(pages["nhom/1.md"])
    assert meta == {"title": "Nhóm 1: Nhóm một", "description": "Nhóm 1 (2 nhiệm vụ): Nhóm một"}
    assert (
        "| [1\\.b](../nhiem-vu/1-b.md) | [Kiểm tra \\[định kỳ\\]](../nhiem-vu/1-b.md) | Thường xuyên "
        "| [CC\\.ĐL](../don-vi/u-b.md) | Không có | Chưa báo cáo |"
    ) in body
    _, second = split(pages["nhom/2.md"])
    assert second.startswith("# Nhóm 2: Nhóm \\*hai\\*\n")


def test_quarter_pages_sort_tasks_by_kind():
    site = small_plan.site(2026)
    pages = by_uri(quarter_pages(site, site.plans[0]))
    meta, _ = split(pages["quy/2026-q3.md"])
    assert meta["title"] == "Quý III/2026"
    assert meta["description"].endswith(": 0 có lịch trong quý, 1 thường xuyên, 1 theo yêu cầu.")
    assert split(pages["quy/2026-q1.md"])[0]["description"].endswith(
        ": 1 có lịch trong quý, 1 thường xuyên, 1 theo yêu cầu."
    )


def test_every_page_and_file_once_in_a_stable_order():
    outputs = generate_pages(small_plan.site(2026))
    uris = [output.src_uri for output in outputs]
    assert len(uris) == len(set(uris))
    assert uris == [output.src_uri for output in generate_pages(small_plan.site(2026))]
    assert sum(isinstance(o, GeneratedPage) for o in outputs) == 22  # with «Lịch sử cập nhật»
    assert {o.src_uri for o in outputs if isinstance(o, GeneratedAsset)} >= {
        "tra-cuu/nhiem-vu.json",
        "du-lieu/nhiem-vu.csv",
        "du-lieu/don-vi/u-b.ics",
        "du-lieu/quy/2026-q4.ics",
    }


def test_plan_switcher_slot_only_with_two_plans():
    one = by_uri(generate_pages(small_plan.site(2026)))
    assert not any("tdc-plan-switcher" in p.content for p in one.values() if isinstance(p, GeneratedPage))
    two = by_uri(generate_pages(small_plan.site(2026, 2027)))
    _, body = split(two["2027/nhom/1.md"])
    assert body.startswith(
        '<nav class="tdc-plan-switcher" aria-label="Chọn năm kế hoạch">\n<p>Kế hoạch: '
        '<a href="../../" aria-current="true">Năm 2027</a> · <a href="../../../">Năm 2026</a></p>\n</nav>\n\n# Nhóm 1'
    )
    _, home = split(two["index.md"])
    assert '<a href="." aria-current="page">Năm 2026</a>' in home
    _, unit = split(two["don-vi/u-a.md"])
    assert "aria-current" not in unit.split("</nav>")[0]  # units belong to no single plan
