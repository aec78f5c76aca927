"""pages: each page generator, given the small plan, returns the expected Markdown."""

from __future__ import annotations

import dataclasses
import json

import small_plan
import yaml
from tdcplan.pages import GeneratedAsset, GeneratedPage, generate_pages
from tdcplan.pages.group import group_pages
from tdcplan.pages.quarter import quarter_pages
from tdcplan.pages.search import GROUPS_IN_PAGE, search_outputs
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
        "pagefind": meta["pagefind"],  # what search knows of the page (tests/built_site/test_search_index.py)
        # read by the theme: the contact box and the maintainers' note
        "feedback": True,
        "task_number": "1.a",
        "data_file": "data/plans/2026/plan.yml",
        "data_line": meta["data_line"],
        "data_source_url": f"https://github.com/o/r/blob/main/data/plans/2026/plan.yml#L{meta['data_line']}",
        "github_feedback": meta["github_feedback"],
    }
    # The number and the start of the content as the heading, then the summary, then the full text.
    assert body.startswith(
        '# 1\\.a · <span data-search-exclude="">Thực hiện Đề án 1 năm 2026</span>\n\n<dl class="tdc-facts"'
    )
    summary = body[: body.index("</dl>")]
    assert '<span class="tdc-status tdc-status--in_progress">Đang thực hiện</span>' in summary
    assert "báo cáo ngày 01/03/2026" in summary
    assert "<strong>Quý I và II/2026</strong>" in summary and "hạn 30/06/2026" in summary
    assert '<a href="../../don-vi/u-b/">Chi cục &lt;Đo lường&gt;</a>' in summary
    assert '<a href="../../nhom/1/">Nhóm 1</a>' in summary
    assert (
        "## Nội dung thực hiện\n\nThực hiện Đề án 1 năm 2026\n\n*(Đính chính lỗi chính tả: bản gốc ghi «Đề an», "
        "sửa thành «Đề án», ghi nhận ngày 01/02/2026. lỗi gõ)*"
    ) in body
    assert "## Đính chính" not in body  # the correction is stated once, beside the text
    assert "**Cùng quý:** [Quý I](../quy/2026-q1.md), [Quý II](../quy/2026-q2.md)" in body
    assert "- **01/03/2026 — Đang thực hiện.**" in body  # the dated history
    assert '[Nhiệm vụ 1\\.b →](1-b.md){: rel="next" }' in body
    assert (
        '<p class="tdc-print-url"><img class="tdc-qr" src="../../ma-qr/nhiem-vu/1-a.svg" '
        'alt="Mã QR: https://tdc.example.vn/nhiem-vu/1-a/" width="96" height="96">'
        "Bản in của trang https://tdc.example.vn/nhiem-vu/1-a/</p>"
    ) in body
    assert page.edit_path == "data/plans/2026/plan.yml"


def test_group_page_lists_its_tasks_with_escaped_text():
    site = small_plan.site(2026)
    pages = by_uri(group_pages(site, site.plans[0]))
    meta, body = split(pages["nhom/1.md"])
    assert meta == {
        "title": "Nhóm 1: Nhóm một",
        "description": "Nhóm 1 (2 nhiệm vụ): Nhóm một",
        "pagefind": {"filters": {"trang": ["nhom"], "nhom": ["1"]}, "meta": {"tom-tat": "Nhóm một"}},
    }
    # The one list of tasks: raw HTML, every value HTML-escaped.
    row = body[body.index('<tr data-task="1.b">') :]
    row = row[: row.index("</tr>")]
    # Cells carry no attributes (the stylesheet finds the columns by position): number, content,
    # schedule, lead, status.
    assert row == (
        '<tr data-task="1.b"><td>1.b</td><td><a href="../../nhiem-vu/1-b/">Kiểm tra [định kỳ]</a></td>'
        '<td>Thường xuyên</td><td><a href="../../don-vi/u-b/">CC.ĐL</a></td>'
        '<td><span class="tdc-status tdc-status--not_reported">Chưa báo cáo</span></td>'
    )
    _, second = split(pages["nhom/2.md"])
    assert second.startswith(
        '# <span data-search-exclude="">Nhóm 2</span>\n\n<p class="tdc-official-title">Nhóm *hai*</p>'
    )


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
    assert (
        sum(isinstance(o, GeneratedPage) for o in outputs) == 27
    )  # with «Lịch sử cập nhật», the search page and the due list of each quarter
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
        '<a href="../../" aria-current="true">Năm 2027</a> · <a href="../../../">Năm 2026</a></p>\n</nav>\n\n# <span data-search-exclude="">Nhóm 1</span>'
    )
    _, home = split(two["index.md"])
    assert '<a href="." aria-current="page">Năm 2026</a>' in home
    _, unit = split(two["don-vi/u-a.md"])
    assert "aria-current" not in unit.split("</nav>")[0]  # units belong to no single plan


def test_search_page_keeps_a_long_group_list_out_of_the_page():
    site = small_plan.site(2026)
    (page,) = search_outputs(site)
    assert "data-options" not in page.content and '<option value="2">Nhóm 2: Nhóm *hai*</option>' in page.content

    plan = site.plans[0]
    groups = tuple(
        dataclasses.replace(plan.groups[0], number=number, title=f"Nhóm số {number}")
        for number in range(1, GROUPS_IN_PAGE + 2)
    )
    many = dataclasses.replace(plan, groups=groups)
    site = dataclasses.replace(site, data=dataclasses.replace(site.data, plans=(many,)))
    page, groups_file = search_outputs(site)
    assert groups_file.src_uri == "tim-kiem/nhom.json"
    listed = json.loads(groups_file.content_bytes())
    assert len(listed) == GROUPS_IN_PAGE + 1 and listed[0] == ["1", "Nhóm 1: Nhóm số 1"]
    assert '<select id="tdc-search-nhom" name="nhom" data-options="nhom.json">' in page.content
    assert "Nhóm số 1" not in page.content
