"""The Material overrides stay small: each differs from the installed
Material template only by the lines it exists for. When Material is upgraded
and its template changes, this test says which override to refresh."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from repository import REPOSITORY

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = REPOSITORY / "overrides"

# override -> (lines removed from Material's template, lines added), stripped.
EXPECTED = {
    "base.html": (
        {
            '<meta name="description" content="{{ page.meta.description }}">',
            '<meta name="description" content="{{ config.site_description }}">',
            '<meta name="author" content="{{ page.meta.author }}">',
            '<meta name="author" content="{{ config.site_author }}">',
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        },
        {
            '<meta name="description" content="{{ page.meta.description | e }}">',
            '<meta name="description" content="{{ config.site_description | e }}">',
            '<meta name="author" content="{{ page.meta.author | e }}">',
            '<meta name="author" content="{{ config.site_author | e }}">',
            '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
        },
    ),
    # The site search's form in the header (/tim-kiem/) and its Pagefind markup around the
    # content: only additions are checked.
    "partials/header.html": None,
    # main.html adds the link-preview meta tags (extrahead) and the search markup (content, scripts):
    # only additions are checked.
    "main.html": None,
    "partials/nav-item.html": (
        {
            '<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
            '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label" tabindex="{{ tabindex }}">',
        },
        {
            '<label class="md-nav__link" for="{{ path }}" id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>',
            '<label class="md-nav__link {{ class }}" for="{{ path }}" id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>',
        },
    ),
    "partials/toc.html": (
        set(),
        {"{% if page in nav.pages %}", "{% else %}", '<div class="md-nav__title">', "</div>"},
    ),
    "partials/footer.html": (
        {
            '<a href="{{ page.previous_page.url | url }}" class="md-footer__link md-footer__link--prev" '
            'aria-label="{{ direction }}: {{ page.previous_page.title | e }}">',
            '<a href="{{ page.next_page.url | url }}" class="md-footer__link md-footer__link--next" '
            'aria-label="{{ direction }}: {{ page.next_page.title | e }}">',
        },
        {
            '<a href="{{ page.previous_page.url | url }}" class="md-footer__link md-footer__link--prev" '
            'aria-label="{{ direction }}: {{ page.previous_page.title }}">',
            '<a href="{{ page.next_page.url | url }}" class="md-footer__link md-footer__link--next" '
            'aria-label="{{ direction }}: {{ page.next_page.title }}">',
        },
    ),
    # Adds the open-data links to the footer (owned by the open-data pages):
    # only additions are checked.
    "partials/copyright.html": None,
    "partials/source.html": (
        {
            '<a href="{{ config.repo_url }}" title="{{ lang.t(\'source\') }}" class="md-source" data-md-component="source">'
        },
        {'<a href="{{ config.repo_url }}" title="{{ lang.t(\'source\') }}" class="md-source">'},
    ),
}

# Overrides that add lines (the others change lines in place).
LINES_ADDED = {"partials/toc.html": 7}


def _body(path: Path) -> list[str]:
    """Template lines without the leading {#- ... -#} comment."""
    text = re.sub(r"\A\{#-.*?-#\}\n", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [line.strip() for line in text.splitlines()]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_override_differs_from_material_only_where_intended(name):
    ours, theirs = _body(OVERRIDES / name), _body(MATERIAL / name)
    removed = {line for line in theirs if line not in ours}
    added = {line for line in ours if line not in theirs}
    if EXPECTED[name] is None:
        assert not removed, f"overrides/{name} drops Material's lines {sorted(removed)}"
        return
    expected_removed, expected_added = EXPECTED[name]
    assert (removed, added) == (expected_removed, expected_added), (
        f"overrides/{name} no longer matches Material's {name} plus the intended changes.\n"
        f"unexpected removals: {sorted(removed - expected_removed)}\n"
        f"unexpected additions: {sorted(added - expected_added)}\n"
        f"missing changes: {sorted((expected_removed - removed) | (expected_added - added))}\n"
        f"Refresh the override from {MATERIAL / name} and re-apply the changes."
    )
    extra = LINES_ADDED.get(name, 0)
    assert len(ours) == len(theirs) + extra, (
        f"overrides/{name} has {len(ours)} lines, Material's {len(theirs)} (+{extra} expected)"
    )


# Templates of our own: new partials, and Material's one-line main.html and 404.html replaced
# (main.html adds the contact box and the maintainers' note; 404.html is Vietnamese).
OWN_TEMPLATES = {
    "main.html",
    "404.html",
    "partials/tdc-contact.html",
    "partials/tdc-maintainers.html",
    "partials/languages/custom.html",
}


def test_replaced_templates_still_extend_what_materials_did():
    assert '{% extends "base.html" %}' in (OVERRIDES / "main.html").read_text(encoding="utf-8")
    assert '{% extends "base.html" %}' in (MATERIAL / "main.html").read_text(encoding="utf-8")
    assert '{% extends "main.html" %}' in (OVERRIDES / "404.html").read_text(encoding="utf-8")
    for name in ("partials/tdc-contact.html", "partials/tdc-maintainers.html"):
        assert not (MATERIAL / name).exists(), f"Material now has {name}: rename ours"


def test_every_override_is_accounted_for():
    files = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")}
    assert files == set(EXPECTED) | OWN_TEMPLATES, (
        f"overrides/ holds {sorted(files)}; add new overrides to EXPECTED or OWN_TEMPLATES in this test"
    )
