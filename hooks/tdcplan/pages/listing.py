"""Listing pages split by :mod:`tdcplan.paging`: one writer per page, its front matter and its pager's links.

Every page kind that lists rows (unit, quarter, group, document, section indexes, the
explorer) builds its :class:`~tdcplan.paging.Section` list and writes each
:class:`ListingPageWriter` with its own template, which includes ``_listing.md.j2``.
The first page keeps the listing's address and carries its summary; the next pages
(``…/trang-2/``) are titled «… — trang 2» and left out of the site search, which
should lead to the tasks' own pages, not to the n-th page of a list of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..escaping import Trusted
from ..paging import ROWS_PER_PAGE, ListingPage, Section, paginate
from .base import GeneratedPage, PageWriter, SiteContext

SEARCH_RECORD = "pagefind"  # the front-matter key of the page's search record (tdcplan.search_record)


@dataclass(frozen=True)
class ListingPageWriter:
    """One page of a listing: where it is written, its rows, and the links to its sibling pages."""

    src_uri: str
    writer: PageWriter
    listing: ListingPage
    hrefs: tuple[Trusted, ...]  # relative URL of each page of the listing, from this one

    def meta(self, meta: dict[str, Any]) -> dict[str, Any]:
        """Front matter: the first page's as given; a next page's titled «… — trang n», not in the search."""
        if self.listing.is_first:
            return meta
        number = self.listing.number
        meta = {key: value for key, value in meta.items() if key != SEARCH_RECORD}
        meta["title"] = f"{meta['title']} — trang {number}"
        if meta.get("description"):
            meta["description"] = f"{meta['description']} (Trang {number}/{self.listing.count}.)"
        return meta

    def context(self, pager_label: str, level: int = 2, table_label: str = "", columns: Sequence[str] = ()) -> dict:
        """What ``_listing.md.j2`` needs, to pass to :meth:`PageWriter.render`."""
        return {
            "listing": self.listing,
            "pager_hrefs": self.hrefs,
            "pager_label": pager_label,
            "level": level,
            "table_label": table_label,
            "columns": list(columns),
        }

    def page(
        self,
        template: str,
        meta: dict[str, Any],
        edit_path: str | None,
        pager_label: str,
        *,
        level: int = 2,
        table_label: str = "",
        columns: Sequence[str] = (),
        **context: Any,
    ) -> GeneratedPage:
        """This page of the listing: ``template`` rendered with ``context``, the listing and its pager."""
        listing = self.context(pager_label, level=level, table_label=table_label, columns=columns)
        return GeneratedPage(
            self.src_uri, self.writer.render(template, self.meta(meta), **context, **listing), edit_path=edit_path
        )


def listing_page_writers(
    site: SiteContext, first: str, sections: Sequence[Section], per_page: int = ROWS_PER_PAGE
) -> list[ListingPageWriter]:
    """The pages of the listing whose first page is ``first``, each with its writer."""
    pages = paginate(sections, per_page)
    sources = site.urls.listing_pages(first, len(pages))
    writers = []
    for listing, src_uri in zip(pages, sources, strict=True):
        writer = PageWriter(site, src_uri)
        writers.append(ListingPageWriter(src_uri, writer, listing, tuple(writer.href(uri) for uri in sources)))
    return writers
