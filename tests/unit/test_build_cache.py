"""tdcplan.build_cache: drawings kept by content between builds, pruned to what the last build used."""

from __future__ import annotations

import os
import time
from pathlib import Path

import small_plan
from tdcplan.build_cache import UNUSED_FOR, BuildCache, code_version
from tdcplan.exports.icalendar_export import CalendarWriter
from tdcplan.exports.xlsx_export import plan_xlsx
from tdcplan.previews import Preview, cached_png, render_png
from tdcplan.qr_codes import cached_qr_svg, qr_svg


def test_a_key_is_made_once_then_read_back(tmp_path: Path) -> None:
    calls: list[str] = []

    def make(text: str) -> bytes:
        calls.append(text)
        return text.encode()

    first = BuildCache(tmp_path)
    assert first.get("kind", "a", lambda: make("a")) == b"a"
    assert first.get("kind", "b", lambda: make("b")) == b"b"
    second = BuildCache(tmp_path)  # the next build
    assert second.get("kind", "a", lambda: make("changed")) == b"a"
    assert calls == ["a", "b"]
    assert (first.made, second.made) == (2, 0)
    assert not list(tmp_path.rglob(".tmp-*"))  # written whole, no temporary file left


def test_prune_removes_what_no_build_used_for_a_week(tmp_path: Path) -> None:
    first = BuildCache(tmp_path)
    for key in ("a", "b", "c"):
        first.get("kind", key, key.encode)
    first.get("other", "x", b"x".__bytes__)
    assert first.prune(("kind",)) == 0  # all used now
    week_ago = time.time() - UNUSED_FOR - 60
    for path in tmp_path.rglob("*"):
        if path.is_file():
            os.utime(path, (week_ago, week_ago))
    second = BuildCache(tmp_path)
    second.get("kind", "b", lambda: b"?")  # used again: marked
    assert BuildCache(tmp_path).prune(("kind",)) == 2  # another build, at once: «b» is kept
    assert len(list((tmp_path / "kind").iterdir())) == 1
    assert len(list((tmp_path / "other").iterdir())) == 1  # kinds not named are left alone
    assert BuildCache(tmp_path).get("kind", "b", lambda: b"?") == b"b"


def test_without_a_folder_everything_is_made(tmp_path: Path) -> None:
    cache = BuildCache(None)
    assert cache.get("kind", "a", lambda: b"1") == b"1"
    assert cache.get("kind", "a", lambda: b"2") == b"2"
    assert cache.made == 2 and cache.prune(("kind",)) == 0 and cache.template_bytecode() is None


def test_code_version_follows_the_bytes_of_the_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.py", tmp_path / "two.py"
    one.write_text("A = 1\n")
    two.write_text("A = 2\n")
    assert code_version(one) != code_version(two)
    assert len(code_version(one)) == 16


def test_cached_drawings_are_the_bytes_a_fresh_drawing_gives(tmp_path: Path) -> None:
    preview = Preview("anh/x.png", "Nhiệm vụ 2.đ", "Tuyên truyền, vận động", "Kế hoạch TĐC 2026")
    address = "https://example.org/nhiem-vu/2-dd/"
    site = small_plan.site(2026)
    plan, urls = site.plans[0], site.urls
    for _ in range(2):  # drawn, then read back from the folder
        cache = BuildCache(tmp_path)
        assert cached_png(cache, preview) == render_png(preview)
        assert cached_qr_svg(cache, address) == qr_svg(address)
        assert plan_xlsx(plan, plan.units, urls, cache) == plan_xlsx(plan, plan.units, urls)
        cached_calendar = CalendarWriter(plan, urls, small_plan.IDS, cache).plan_calendar()
        assert cached_calendar == CalendarWriter(plan, urls, small_plan.IDS).plan_calendar()
    assert cache.made == 0
    other = Preview("anh/x.png", "Nhiệm vụ 2.đ", "Tuyên truyền, vận động, hướng dẫn", "Kế hoạch TĐC 2026")
    assert cached_png(cache, other) == render_png(other) != render_png(preview)  # a new text is a new key
    assert cache.made == 1
