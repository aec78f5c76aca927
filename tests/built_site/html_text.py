"""Reading built pages as a reader sees them: visible text and links, from the real HTML."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._skip = 0
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "article":
            self._in_article += 1
        if tag == "a" and attributes.get("href") and self._in_article:
            self.links.append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag == "article":
            self._in_article -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and self._in_article:
            self.text.append(data)


class BuiltPage:
    """One built HTML page: its main article's visible text, its links, its element ids."""

    def __init__(self, site_dir: Path, url_path: str) -> None:
        self.url_path = url_path.strip("/")
        file = site_dir / self.url_path / "index.html" if self.url_path else site_dir / "index.html"
        self.html = file.read_text(encoding="utf-8")
        parser = _PageParser()
        parser.feed(self.html)
        self.text = " ".join(" ".join(parser.text).split())
        self.links = parser.links
        self.ids = parser.ids

    def internal_targets(self) -> list[tuple[str, str]]:
        """(url path of the target page, fragment) of every relative link in the article."""
        targets = []
        base = f"/{self.url_path}/" if self.url_path else "/"
        for href in self.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            path = normpath(base + unquote(parts.path)) if parts.path else base
            targets.append((path.strip("/"), unquote(parts.fragment)))
        return targets
