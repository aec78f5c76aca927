"""Text from YAML is data, never markup: escape it for the Markdown and HTML it lands in.

Page templates render Markdown; every value they print passes through
:func:`escape_markdown` (the template environment's ``finalize``), unless the
code that built it marked it :class:`Trusted` (a link or fragment made here,
from already escaped parts).
"""

from __future__ import annotations

import html
import re

# Python-Markdown's backslash-escapable characters plus «|» (the tables extension); a
# character outside that set would keep its backslash on the page. «<», «>» and «&»
# become HTML entities, so raw HTML in the data shows as text. (Enabling a Markdown
# extension with new syntax, such as pymdownx.tilde, means adding its characters here.)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


class Trusted(str):
    """Markdown or HTML built by this package from escaped parts; printed as is."""

    __slots__ = ()


def escape_html(text: str) -> str:
    """Escape ``text`` for HTML element content or a quoted attribute."""
    return html.escape(text, quote=True)


def escape_markdown(value: object) -> str:
    """Escape a value for Markdown inline text: no markup, no HTML, no line breaks."""
    if value is None:
        return ""
    if isinstance(value, Trusted):
        return value
    text = " ".join(str(value).split())  # a newline could start a heading or a list in Markdown
    text = html.escape(text, quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def markdown_link(label: object, target: str, title: str | None = None) -> Trusted:
    """A Markdown link whose label is escaped text; ``target`` is a path this package made."""
    if any(ch in target for ch in " ()<>"):
        raise ValueError(f"unsafe link target {target!r}")
    return Trusted(f"[{escape_markdown(label)}]({target})")
