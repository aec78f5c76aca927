"""Builds for publishing: the public address everywhere, refusals, stable ids, sitemap dates, two clocks."""

from __future__ import annotations

import filecmp
import io
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import checkers
import pytest
import zxingcpp
from PIL import Image
from project_copy import copy_project
from repository import REPOSITORY
from tdcplan.load import load_data

PUBLIC = "https://tdc.example.gov.vn/ke-hoach/"
OTHER = "https://ke-hoach.example.org/"
URL = re.compile(rb"""https?://[^\s"'<>()\\]+""")
pytestmark = pytest.mark.build  # builds variants of the site itself

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def built(config: Path, out: Path, **environment: str) -> Path:
    result = checkers.run_build(config, out, **environment)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("publish"))


@pytest.fixture(scope="module")
def public_site(project: Path) -> Path:
    return built(project, project.parent / "public", SITE_URL=PUBLIC, PUBLISH="1")


@pytest.fixture(scope="module")
def other_site(project: Path) -> Path:
    return built(project, project.parent / "other", SITE_URL=OTHER, PUBLISH="1")


def test_a_public_build_points_only_to_the_public_address(public_site: Path) -> None:
    ours = 0
    for name, content in files_of(public_site).items():
        if name.endswith((".png", ".gz", ".js.map")):  # images, the zipped sitemap, Material's source map
            continue
        if name.endswith(".ics"):
            content = content.replace(b"\r\n ", b"")  # unfold RFC 5545 lines
        assert b"127.0.0.1" not in content and b"localhost" not in content, name
        for url in URL.findall(content):
            text = url.decode()
            if urlsplit(text).hostname == "tdc.example.gov.vn":
                ours += 1
                assert text.startswith(PUBLIC), f"{name}: {text}"
    assert ours > 300
    home = (public_site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{PUBLIC}">' in home
    csv = (public_site / "du-lieu" / "nhiem-vu.csv").read_text(encoding="utf-8-sig")
    assert f"{PUBLIC}nhiem-vu/2-dd/" in csv
    table = (public_site / "ban-in" / "index.html").read_text(encoding="utf-8")
    assert f"Bản in từ {PUBLIC}ban-in/" in table


def _ids(site: Path) -> list[str]:
    feed = ET.parse(site / "du-lieu" / "cap-nhat.xml").getroot()
    ids = [element.text or "" for element in feed.iter("{http://www.w3.org/2005/Atom}id")]
    for calendar in sorted((site / "du-lieu").rglob("*.ics")):
        text = calendar.read_bytes().decode("utf-8").replace("\r\n ", "")  # unfolded
        ids += re.findall(r"^UID:(.*)\r$", text, flags=re.M)
    return ids


def test_changing_the_address_changes_links_but_no_id(public_site: Path, other_site: Path) -> None:
    ids = _ids(public_site)
    assert len(ids) > 70 and ids == _ids(other_site)
    assert all("skhcn.hochiminhcity.gov.vn" in i and "example" not in i for i in ids)
    assert ids[0] == "tag:skhcn.hochiminhcity.gov.vn,2026:ke-hoach-2026/cap-nhat"
    feed = (public_site / "du-lieu" / "cap-nhat.xml").read_text(encoding="utf-8")
    assert PUBLIC in feed and feed != (other_site / "du-lieu" / "cap-nhat.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("address", "says"),
    [
        (None, "SITE_URL is not set"),
        ("http://127.0.0.1:8000/", "127.0.0.1 is a loopback address"),
        ("http://localhost:8000/", "«localhost» is this machine"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("https://10.1.2.3/ke-hoach/", "10.1.2.3 is a private address"),
        ("http://192.168.1.20/", "192.168.1.20 is a private address"),
    ],
)
def test_a_publishing_build_refuses_a_local_address_and_writes_nothing(
    project: Path, tmp_path: Path, address: str | None, says: str
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "earlier.html").write_text("an earlier build", encoding="utf-8")
    environment = {"PUBLISH": "1"} | ({"SITE_URL": address} if address else {})
    result = checkers.run_build(project, out, **environment)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert says in output and "nothing was built" in output
    assert "Traceback" not in output
    assert [p.name for p in out.iterdir()] == ["earlier.html"]
    assert not (tmp_path / "fresh").exists()
    assert checkers.run_build(project, tmp_path / "fresh", **environment).returncode == 1
    assert not (tmp_path / "fresh").exists()


def test_a_local_build_says_it_uses_the_loopback_address_and_passes_strict(project: Path, tmp_path: Path) -> None:
    result = checkers.run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "site_url is http://127.0.0.1:8000/ (127.0.0.1 is a loopback address)" in result.stderr
    assert "not a git checkout, so every page is dated with the latest date in the data (2026-" in result.stderr


def _git(project: Path, *args: str, date: str = "") -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project), "GIT_CONFIG_NOSYSTEM": "1"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
    )


def _lastmod(site: Path) -> dict[str, str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {
        url.findtext(f"{SITEMAP}loc", ""): url.findtext(f"{SITEMAP}lastmod", "") for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_dates_come_from_git_and_two_clocks_build_the_same_bytes(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "repo")
    project = config.parent
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "data", date="2026-03-05T10:00:00+07:00")
    about = project / "docs" / "gioi-thieu.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    _git(project, "commit", "-qam", "about", date="2026-04-10T09:00:00+07:00")
    units = project / "data" / "units.yml"
    units.write_text(units.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    _git(project, "commit", "-qam", "units", date="2026-05-20T09:00:00+07:00")

    first = built(config, tmp_path / "a", SOURCE_DATE_EPOCH="1700000000")
    second = built(config, tmp_path / "b", SOURCE_DATE_EPOCH="1900000000")
    assert files_of(first) == files_of(second)
    assert not filecmp.dircmp(first, second).diff_files

    dates = _lastmod(first)
    base = "http://127.0.0.1:8000/"
    assert len(dates) > 60
    assert dates[f"{base}gioi-thieu/"] == "2026-04-10"
    assert dates[f"{base}nhiem-vu/2-dd/"] == "2026-03-05"
    assert dates[f"{base}don-vi/chi-cuc-tdc/"] == "2026-05-20"
    assert dates[f"{base}van-ban/de-an-100/"] == "2026-03-05"
    assert set(dates.values()) == {"2026-03-05", "2026-04-10", "2026-05-20"}


def test_two_clocks_outside_git_build_the_same_bytes(project: Path, tmp_path: Path) -> None:
    first = built(project, tmp_path / "a", SOURCE_DATE_EPOCH="1700000000")
    second = built(project, tmp_path / "b", SOURCE_DATE_EPOCH=str(int(os.path.getmtime(project))))
    assert files_of(first) == files_of(second)
    assert len(set(_lastmod(first).values())) == 1


class _Meta(HTMLParser):
    """The <meta property|name content> tags and the canonical link of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and (key := found.get("property") or found.get("name")):
            self.tags[key] = found.get("content") or ""
        if tag == "link" and found.get("rel") == "canonical":
            self.tags["canonical"] = found.get("href") or ""


PREVIEW_TAGS = [
    "og:type",
    "og:site_name",
    "og:locale",
    "og:title",
    "og:description",
    "og:url",
    "og:image",
    "og:image:type",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
    "twitter:card",
    "twitter:title",
    "twitter:description",
    "twitter:image",
    "twitter:image:alt",
]


def test_every_page_has_link_preview_tags_and_a_real_png_of_the_declared_size(site_dir: Path) -> None:
    images: set[str] = set()
    pages = sorted(site_dir.rglob("index.html"))  # every page but 404.html, which nobody shares
    for page in pages:
        meta = _Meta()
        meta.feed(page.read_text(encoding="utf-8"))
        tags = meta.tags
        name = page.relative_to(site_dir).as_posix()
        assert all(tags.get(key) for key in PREVIEW_TAGS), name
        assert tags["og:locale"] == "vi_VN" and tags["twitter:card"] == "summary_large_image", name
        if "canonical" in tags:
            assert tags["og:url"] == tags["canonical"], name
        assert tags["og:image"] == tags["twitter:image"] and tags["og:image"].startswith("http://127.0.0.1:8000/")
        image = site_dir / tags["og:image"].removeprefix("http://127.0.0.1:8000/")
        with Image.open(image) as png:
            png.verify()
        with Image.open(image) as png:
            assert png.format == "PNG"
            assert png.size == (int(tags["og:image:width"]), int(tags["og:image:height"])) == (1200, 630)
        images.add(image.name if "nhiem-vu/" not in name else image.relative_to(site_dir).as_posix())
    task = _Meta()
    task.feed((site_dir / "nhiem-vu" / "2-dd" / "index.html").read_text(encoding="utf-8"))
    assert task.tags["og:image"].endswith("/anh/nhiem-vu/2-dd.png")
    assert task.tags["og:image:alt"].startswith("Nhiệm vụ 2.đ: Tổ chức triển khai xây dựng")
    assert len(pages) > 60 and len(images) >= 25  # the site image and one per task


def _decode(page, url: str) -> list[str]:
    """The texts of the QR codes a real browser renders at ``url``, read by zxing-cpp."""
    page.goto(url)
    with Image.open(io.BytesIO(page.screenshot())) as shot:
        return [result.text for result in zxingcpp.read_barcodes(shot)]


def test_printed_table_rows_carry_qr_codes_of_their_task_pages(public_site: Path, browser) -> None:
    table = public_site / "ban-in" / "index.html"
    images = re.findall(r'<img src="([^"]+)" alt="([^"]+)" width="56" height="56">', table.read_text(encoding="utf-8"))
    plan = load_data(REPOSITORY / "data", REPOSITORY).plans[0]
    expected = [f"{PUBLIC}nhiem-vu/{task.slug}/" for task in plan.tasks]
    assert [alt for _, alt in images] == [f"Mã QR nhiệm vụ {task.number}" for task in plan.tasks]
    page = browser.new_page(viewport={"width": 300, "height": 300})
    try:
        decoded = [_decode(page, (table.parent / src).resolve().as_uri()) for src, _ in images]
    finally:
        page.close()
    assert decoded == [[address] for address in expected]


def test_a_printed_task_page_carries_the_qr_code_of_its_own_address(public_site: Path, browser) -> None:
    context = browser.new_context(viewport={"width": 800, "height": 1000}, device_scale_factor=3)
    page = context.new_page()
    try:
        page.goto((public_site / "nhiem-vu" / "2-dd" / "index.html").as_uri())
        code = page.locator(".tdc-print-url img.tdc-qr")
        assert not code.is_visible()  # on screen the address block is hidden
        page.emulate_media(media="print")
        assert code.is_visible()
        box = code.bounding_box()
        assert box and 90 <= box["width"] <= 100  # 25 mm at 96 px per inch
        with Image.open(io.BytesIO(code.screenshot())) as shot:
            decoded = [result.text for result in zxingcpp.read_barcodes(shot)]
    finally:
        context.close()
    assert decoded == [f"{PUBLIC}nhiem-vu/2-dd/"]
