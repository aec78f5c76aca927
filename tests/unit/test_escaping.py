"""escaping: text from YAML never becomes Markdown or HTML markup."""

from __future__ import annotations

import pytest
from tdcplan.escaping import Trusted, escape_html, escape_markdown, markdown_link


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*nghiêng* _gạch_", r"\*nghiêng\* \_gạch\_"),
        ("[x](y) | ống", r"\[x\]\(y\) \| ống"),
        ("<script>alert(1)</script>", r"&lt;script&gt;alert\(1\)&lt;/script&gt;"),
        ("# 1. - + !", r"\# 1\. \- \+ \!"),
        ("dòng một\n# dòng hai", r"dòng một \# dòng hai"),
        ("{{ c }} `code`", r"\{\{ c \}\} \`code\`"),
        (None, ""),
        (2026, "2026"),
    ],
)
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


def test_trusted_markdown_is_printed_as_is():
    assert escape_markdown(Trusted("[a](b.md)")) == "[a](b.md)"


def test_escape_html_quotes_attributes():
    assert escape_html('"a" & <b>') == "&quot;a&quot; &amp; &lt;b&gt;"


def test_markdown_link_escapes_its_label_and_refuses_unsafe_targets():
    assert markdown_link("Nhóm [1]", "nhom/1.md") == r"[Nhóm \[1\]](nhom/1.md)"
    with pytest.raises(ValueError, match="unsafe link target"):
        markdown_link("x", "a b.md")
