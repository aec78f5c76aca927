"""Using the site search (/tim-kiem/) in the browser, shared by its tests and its benchmark."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import yaml

RELEVANCE_FILE = Path(__file__).with_name("search_relevance.yml")
# The search the URL asks for is shown, results and filter counts (search.js sets data-searched
# to the query string it has answered).
DONE = """() => {
  const form = document.querySelector("form.tdc-search-page");
  if (!form || form.dataset.searched === undefined) return false;
  const sorted = (search) => [...new URLSearchParams(search)].filter(([k, v]) => v && !(k === "vai-tro" && v === "ca-hai"))
    .map(([k, v]) => k + "=" + v).sort().join("&");
  return sorted(form.dataset.searched) === sorted(location.search);
}"""


@dataclass(frozen=True)
class RelevanceCase:
    """A query and the page that must answer it: first, or among the first three."""

    query: str
    expected: str
    first: bool
    scale: bool

    def __str__(self) -> str:
        return f"{self.query!r} -> {self.expected} {'first' if self.first else 'in top 3'}"


def relevance_cases() -> list[RelevanceCase]:
    """The cases of ``search_relevance.yml``, in file order."""
    cases = []
    for entry in yaml.safe_load(RELEVANCE_FILE.read_text(encoding="utf-8")):
        first = "first" in entry
        cases.append(
            RelevanceCase(str(entry["query"]), entry["first" if first else "top3"], first, bool(entry.get("scale")))
        )
    return cases


def search_url(site_url: str, query: str, **filters: str) -> str:
    """The search page's address for a query and filters, as the form writes it."""
    params = [("q", query), *filters.items()]
    return site_url + "tim-kiem/?" + "&".join(f"{k}={quote(v, safe='')}" for k, v in params)


def result_paths(page) -> list[str]:
    """The site paths of the results shown, in order."""
    hrefs = page.eval_on_selector_all(".tdc-search-results .tdc-search-result__title a", "els => els.map(e => e.href)")
    return [unquote(urlsplit(href).path) for href in hrefs]


def run_search(page, site_url: str, query: str, **filters: str) -> list[str]:
    """Open the search page for ``query`` (a fresh load, as a shared link would) and return the results."""
    page.goto(search_url(site_url, query, **filters))
    page.wait_for_function(DONE, timeout=15000)
    return result_paths(page)


def show_all(page) -> list[str]:
    """Press «Xem thêm kết quả» until every result is listed; return them all."""
    more = page.locator(".tdc-search-page__more")
    while more.is_visible():
        shown = len(result_paths(page))
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('.tdc-search-result').length > {shown}")
    return result_paths(page)
