"""Navigation as a reader uses it: the tabs on a desktop screen, the drawer
on a phone."""

from __future__ import annotations


def test_each_navigation_tab_opens_its_section(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    tabs = page.eval_on_selector_all(
        ".md-tabs__link", "els => els.map(e => ({text: e.textContent.trim(), href: e.href}))"
    )
    assert len(tabs) >= 3, f"expected the sections as tabs, found {tabs}"
    for tab in tabs:
        page.goto(site_url, wait_until="load")
        page.get_by_role("link", name=tab["text"], exact=True).and_(page.locator(".md-tabs__link")).click()
        page.wait_for_load_state("load")
        assert page.url.split("#")[0] == tab["href"].split("#")[0], f"tab {tab['text']!r} led to {page.url}"
        active = page.locator(".md-tabs__item--active .md-tabs__link").inner_text().strip()
        assert active == tab["text"], f"after clicking {tab['text']!r}, the active tab is {active!r}"
        assert page.locator("article h1").count() == 1, f"{page.url} has no single <h1>"


def test_phone_drawer_opens_and_lists_the_sections(page, site_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url, wait_until="networkidle")
    assert not page.locator(".md-tabs").is_visible(), "tabs should give way to the drawer at 360px"
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator(".md-sidebar--primary")
    drawer.wait_for(state="visible")
    links = drawer.locator(".md-nav--primary > .md-nav__list > .md-nav__item").count()
    assert links >= 3, f"the drawer lists {links} sections"
    entry = drawer.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link:visible").first
    text, href = entry.inner_text().strip(), entry.evaluate("e => e.href")
    entry.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0] == href.split("#")[0], f"drawer entry {text!r} led to {page.url}, not {href}"
    assert page.locator("article h1").count() == 1, f"{page.url} has no single <h1>"
