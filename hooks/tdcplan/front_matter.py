"""A generated page's front matter: its metadata written as one line of JSON, which YAML reads as it is.

MkDocs reads a page's front matter with PyYAML (libyaml's loader). JSON is YAML's
flow style, so ``json.dumps`` writes the same mapping PyYAML's dumper wrote, in a
fraction of the time: PyYAML's representer (Python even with libyaml's emitter)
was about a third of the time spent on each task page. Three differences between
the two formats are handled here:

- JSON writes some characters as they are that YAML does not accept in a document
  (DEL, the C1 controls) or reads as a line break inside a quoted string (NEL,
  U+2028, U+2029, folded into a space): they are written as ``\\uXXXX`` escapes,
  which both formats read back as the same character.
- A JSON float such as ``1e-05`` is a string to YAML 1.1, and JSON has no
  dates: only text, whole numbers, booleans, ``None``, lists and mappings with
  text keys are accepted; anything else is a programming error, raised at once.
- MkDocs ignores front matter it cannot read, silently: the page would lose its
  title and search record. :func:`front_matter` writes text MkDocs reads back for
  every value it accepts (``tests/unit/test_front_matter.py`` reads hostile text back
  with MkDocs' own reader), but for a lone surrogate (no valid UTF-8 text holds one)
  or a key of over 1,024 characters; the hook stops the build if a generated page
  comes back without its title (``mkdocs_site.PlanSite.confirm_front_matter``).
"""

from __future__ import annotations

import json
import re

# Characters YAML refuses in a document, or reads as a line break in a quoted string.
_NOT_FOR_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _check(value: object, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"front matter {where}: key {key!r} is not text")
            _check(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, f"{where}[{index}]")
    elif value is not None and not isinstance(value, str | int):  # bool is an int
        raise TypeError(f"front matter {where}: {type(value).__name__} is not written ({value!r})")


def front_matter(meta: dict[str, object]) -> str:
    """``meta`` as front matter text (one line, keys sorted), to go between the two ``---`` lines."""
    _check(meta, "")
    text = json.dumps(meta, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    return _NOT_FOR_YAML.sub(_escaped, text) + "\n"
