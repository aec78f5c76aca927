"""cap-nhat.xml: a valid Atom feed of recorded changes, newest first, dated from the data."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"atom": "http://www.w3.org/2005/Atom"}


def test_feed_has_the_required_elements_and_one_entry_per_change(site_dir: Path, exported_json: dict) -> None:
    root = ET.parse(site_dir / "du-lieu" / "cap-nhat.xml").getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for name in ("id", "title", "updated", "author/atom:name"):
        assert root.find(f"atom:{name}", NS) is not None and root.find(f"atom:{name}", NS).text, name
    self_link = root.find("atom:link[@rel='self']", NS)
    assert self_link is not None and self_link.get("href").endswith("/du-lieu/cap-nhat.xml")
    entries = root.findall("atom:entry", NS)
    changes = sum(len(t["corrections"]) + len(t["reports"]) for t in exported_json["tasks"])
    assert len(entries) == changes == 3
    dates = [entry.find("atom:updated", NS).text for entry in entries]
    assert dates == sorted(dates, reverse=True)
    assert root.find("atom:updated", NS).text == dates[0] == "2026-11-25T00:00:00+07:00"
    ids = [entry.find("atom:id", NS).text for entry in entries]
    assert len(set(ids)) == 3 and all(i.startswith("tag:") for i in ids)
    urls = {t["url"] for t in exported_json["tasks"]}
    for entry in entries:
        assert entry.find("atom:title", NS).text and entry.find("atom:summary", NS).text
        href = entry.find("atom:link[@rel='alternate']", NS).get("href")
        assert href.startswith("http") and any(href.endswith(url) for url in urls)
    assert [e.find("atom:link", NS).get("href").rsplit("/", 2)[-2] for e in entries] == ["2-d", "3-a", "5-d"]
