"""The open-data page, ``/du-lieu/``, and the files it lists (JSON, schema, CSV, calendars, feed).

The files come from :mod:`tdcplan.exports`; this module publishes them as
assets and describes each one with its size, computed from the bytes written.
"""

from __future__ import annotations

from ..escaping import Trusted
from ..exports import Export, plan_exports
from ..exports.csv_export import COLUMNS as CSV_COLUMNS
from ..exports.csv_export import CSV_FILE
from ..exports.json_export import JSON_FILE
from ..model import Plan
from ..wording import format_date, format_size
from .base import GeneratedAsset, GeneratedPage, PageWriter, SiteContext

# Keys of nhiem-vu.json and what they mean, in the file's order (the schema pins the same keys).
JSON_FIELDS: tuple[tuple[str, str], ...] = (
    ("plan.title, plan.year, plan.appendix", "Tên danh mục, năm, tên phụ lục như trong bản gốc"),
    ("plan.issuer", "Cơ quan ban hành"),
    ("plan.source_document", "Tệp văn bản gốc mà dữ liệu được nhập từ đó"),
    ("plan.parent_plan", "Kế hoạch ban hành kèm: as_printed (nguyên văn), number và date (null khi bản gốc để trống)"),
    ("plan.generated", "Ngày thay đổi gần nhất của dữ liệu (báo cáo tiến độ hoặc đính chính), dạng năm-tháng-ngày"),
    (
        "plan.data_date",
        "Ngày số liệu: dữ liệu tính đến ngày này (năm-tháng-ngày); cờ «đã hết thời hạn» tính theo ngày này",
    ),
    ("plan.site_url", "Địa chỉ gốc của trang; ghép với url của nhiệm vụ để có địa chỉ đầy đủ"),
    ("tasks[].id", "Số hiệu nhiệm vụ như trong bản gốc, ví dụ «2.đ»"),
    ("tasks[].group", "Nhóm: number (số) và title (tên)"),
    ("tasks[].content", "Nội dung thực hiện, mỗi đoạn một phần tử, như trang hiển thị (đã áp dụng đính chính)"),
    ("tasks[].content_official", "Nội dung thực hiện đúng nguyên văn bản gốc"),
    ("tasks[].outputs", "Sản phẩm, dự kiến kết quả, mỗi mục một phần tử (đã áp dụng đính chính)"),
    ("tasks[].outputs_official", "Sản phẩm, dự kiến kết quả đúng nguyên văn bản gốc"),
    (
        "tasks[].schedule",
        "Thời gian: text (nguyên văn), kind (quarters, months, ongoing, on_request), "
        "quarters (các quý 1–4; thường xuyên: cả bốn; theo yêu cầu: không có), "
        "due (các ngày đến hạn; không có với nhiệm vụ thường xuyên hoặc theo yêu cầu)",
    ),
    ("tasks[].lead, tasks[].partners", "Đơn vị chủ trì, phối hợp: id (trang /don-vi/<id>/) và name (tên chuẩn)"),
    ("tasks[].references", "Mã các chương trình, văn bản được dẫn chiếu (trang /van-ban/<mã>/)"),
    (
        "tasks[].status",
        "Tình trạng mới nhất: code (not_reported, not_started, in_progress, done, delayed, paused, "
        "cancelled), label, "
        "as_of (ngày báo cáo, null nếu chưa có), note",
    ),
    (
        "tasks[].reports",
        "Mọi báo cáo tiến độ, cũ trước mới sau: code, label, as_of, note, evidence (căn cứ: title, "
        "url và/hoặc document — số và ngày văn bản)",
    ),
    (
        "tasks[].corrections",
        "Đính chính: field (content hoặc outputs), original, corrected, note, recorded (ngày ghi nhận)",
    ),
    ("tasks[].url", "Đường dẫn trang của nhiệm vụ tính từ gốc trang, ví dụ «/nhiem-vu/2-dd/»"),
)


def _python_literal(text: str) -> Trusted:
    """A Python string literal for a code block (code blocks are not Markdown-escaped)."""
    if "`" in text or "\n" in text:
        raise ValueError(f"cannot put {text!r} in a code block")
    return Trusted(repr(text))


def open_data_outputs(site: SiteContext, plan: Plan) -> tuple[GeneratedPage, list[GeneratedAsset]]:
    """The open-data page of ``plan`` and every file it lists."""
    addresses = site.urls
    exports = plan_exports(
        plan, site.data.units, addresses, site.ids, site.source_documents.get(plan.year), cache=site.cache
    )
    src_uri = site.urls.open_data(plan)
    page = PageWriter(site, src_uri)

    def row(export: Export, label: str) -> list[object]:
        return [page.link_to(export.src_uri, label), export.format, format_size(export.size)]

    heading = f"Dữ liệu mở của kế hoạch năm {plan.year}"
    content = page.render(
        "open_data.md.j2",
        {
            "title": heading,
            "description": f"Tải danh mục {len(plan.tasks)} nhiệm vụ năm {plan.year} dưới dạng JSON, CSV, bảng tính Excel, lịch iCalendar "
            f"và tin cập nhật Atom; mô tả các trường dữ liệu.",
        },
        heading=heading,
        plan=plan,
        main_files=[row(e, e.title) for e in exports if e.kind == "main"],
        unit_files=[row(e, e.unit.name) for e in exports if e.kind == "unit" and e.unit],
        quarter_files=[row(e, e.title) for e in exports if e.kind == "quarter"],
        last_change=format_date(plan.last_change) if plan.last_change else None,
        json_url=_python_literal(addresses.absolute(addresses.data_file(plan, JSON_FILE))),
        csv_url=_python_literal(addresses.absolute(addresses.data_file(plan, CSV_FILE))),
        json_fields=JSON_FIELDS,
        csv_columns=CSV_COLUMNS,
        print_link=page.link_to(site.urls.print_table(plan), "bản in của bảng danh mục"),
    )
    assets = [GeneratedAsset(export.src_uri, export.content) for export in exports]
    return GeneratedPage(src_uri, content, edit_path=plan.location.path), assets


def home_links(site: SiteContext, plan: Plan) -> list[Trusted]:
    """The home page's links to the open data and the printable table (Markdown list items)."""
    page = PageWriter(site, site.urls.plan_home(plan))
    return [
        Trusted(
            page.link_to(site.urls.open_data(plan), "Dữ liệu mở")
            + ": tải danh mục dạng JSON, CSV, lịch iCalendar và tin cập nhật."
        ),
        Trusted(
            page.link_to(site.urls.print_table(plan), "Bản in")
            + ": bảng danh mục nhiệm vụ như Phụ lục gốc, để in khổ A4 ngang."
        ),
    ]
