"""Checks of a page's text: its head, English interface strings, and addresses."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

# Material's English interface strings (partials/languages/en.html) that a
# Vietnamese page must not show, and the toc extension's default permalink title.
ENGLISH_UI = [
    "Skip to content",
    "Initializing search",
    "Type to start searching",
    "Back to top",
    "Made with",
    "Permanent link",
    "Go to repository",
    "Edit this page",
    "View source of this page",
    "No matching documents",
    "Table of contents",
]


def head_problems(text: str) -> list[str]:
    """What a page's HTML lacks: lang="vi", one <title>, one meta description."""
    head = text.split("</head>", 1)[0]
    problems = []
    if not re.search(r'<html lang="vi"[ >]', text):
        problems.append('<html> has no lang="vi"')
    titles = re.findall(r"<title>(.*?)</title>", head, re.S)
    if len(titles) != 1 or not titles[0].strip():
        problems.append(f"expected one non-empty <title>, found {titles}")
    descriptions = re.findall(r'<meta name="description" content="([^"]*)">', head)
    if len(descriptions) != 1 or len(html.unescape(descriptions[0]).strip()) < 20:
        problems.append(f"expected one meta description of 20+ characters, found {descriptions}")
    return problems


def english_strings(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH_UI if phrase in text]


def absolute(base: str, path: str) -> str:
    return urljoin(base, path.lstrip("/"))
