"""The web interface in a real headless Chromium (Debian's /usr/bin/chromium via Playwright).

Skipped when Chromium or Playwright is missing (CI installs both). The store is the one
test_web_api builds: tests/fixtures through the real pipeline plus hostile articles whose
payloads would set ``window.__xss`` if any of them ran.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

from test_web_api import PAGES, build_store  # noqa: E402  (the same store and pages as the API tests)

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    from dateline.web.app import create_app, serving

    db = build_store(tmp_path_factory.mktemp("browser") / "web.duckdb")
    with serving(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page that records console errors, uncaught exceptions and failed requests."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: self.errors.append(f"requestfailed: {r.url}"))

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.page.evaluate("typeof window.__xss") == "undefined", "an injected payload ran"
        assert self.page.evaluate("document.querySelectorAll('img, iframe, object, embed, style').length") == 0
        scripts = self.page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
        assert scripts == ["/static/app.js"]


@pytest.fixture
def page(browser, base):
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    yield watched
    context.close()


def _ids(page, base: str) -> tuple[str, str]:
    """(id of the hostile article, name of a person) from the JSON API, through the browser."""
    docs = page.page.request.get(f"{base}/api/search?q=Marchuk").json()["items"]
    people = page.page.request.get(f"{base}/api/entities?limit=1").json()["items"]
    return docs[0]["id"], people[0]["name"]


def test_every_page_loads_cleanly(page, base):
    doc_id, person = _ids(page, base)
    for path in [*PAGES, f"/article/{doc_id}", f"/person?name={person}"]:
        response = page.page.goto(path)
        assert response.status == 200, path
        page.page.wait_for_load_state("networkidle")
        page.assert_clean()


def test_search_article_events_timeline(page, base):
    p = page.page
    p.goto("/")
    p.fill("input[name=q]", "Kharkiv")
    p.click("button[type=submit]")
    p.wait_for_url(re.compile(r"q=Kharkiv"))
    assert p.locator("ol.results mark").first.inner_text() == "Kharkiv"
    # the hostile article: its payloads are shown as text
    p.click("ol.results a.title >> text=Shelling")
    p.wait_for_url(re.compile(r"/article/"))
    assert "<script>window.__xss=1</script>" in p.locator("#text").inner_text()
    assert "<script>" in p.locator("h1").inner_text()
    # a mention with nothing nested inside it ("Ukraine's Foreign Minister" holds a place)
    person = p.locator("#text .ent.t-PERSON:not(:has(span))").first
    assert person.is_visible() and "PERSON" in person.get_attribute("title")
    assert p.locator("#text .q").count() > 0 and p.locator("#text .dt").count() > 0
    # clicking a mention marks every mention of that entity and its panel entry
    ref = person.get_attribute("data-ref")
    person.click()
    focused = p.locator(f'[data-ref="{ref}"].focus')
    assert focused.count() == p.locator(f'[data-ref="{ref}"]').count() >= 2
    # the legend switches a kind of highlight off
    p.click("#legend .k.dt")
    assert "hide-dt" in p.evaluate("document.body.className")
    page.assert_clean()

    p.click("nav >> text=Events")
    p.wait_for_url(re.compile(r"/events$"))
    link = p.locator("table.events a.sent-link").first
    href = link.get_attribute("href")
    anchor = href.split("#", 1)[1]
    link.click()
    p.wait_for_url(re.compile(re.escape(href) + "$"))
    target = p.evaluate("document.querySelector(':target') && document.querySelector(':target').id")
    assert target == anchor and anchor.startswith("s-")
    assert "ev" in p.locator(f"#{anchor}").get_attribute("class")
    page.assert_clean()

    p.click("nav >> text=Timeline")
    p.wait_for_url(re.compile(r"/timeline"))
    bars = p.locator("svg.chart a rect")
    assert bars.count() > 0
    plover = bars.first.locator("title").text_content().split(" · ")[1].split(":")[0]
    bars.first.click(force=True)
    p.wait_for_url(re.compile(r"/events\?.*plover="))
    assert p.locator("table.events tbody tr").count() > 0
    assert set(p.locator("table.events tbody td.action .tag").all_inner_texts()) == {plover}
    page.assert_clean()


def test_map_and_network_draw_their_svg(page, base):
    p = page.page
    p.goto("/map")
    assert p.locator("svg.map path.land").count() > 100
    assert p.locator("svg.map circle.pt").count() > 0
    assert p.locator("svg.map").bounding_box()["width"] > 600
    p.goto("/network")
    nodes = p.locator("svg.network circle.node")
    assert nodes.count() >= 2
    assert p.locator("svg.network path.edge").count() >= 1
    page.assert_clean()


def test_people_to_person(page, base):
    p = page.page
    p.goto("/people")
    first = p.locator("table.data tbody tr a").first
    name = first.inner_text()
    first.click()
    p.wait_for_url(re.compile(r"/person\?name="))
    assert p.locator("h1").inner_text() == name
    page.assert_clean()
