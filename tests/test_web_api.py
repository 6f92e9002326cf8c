"""The web interface and JSON API (`dateline serve`), tested over real HTTP.

A store is built once per module from tests/fixtures with the real pipeline, plus two
hostile articles whose text, title, authors, site and URL carry script, event-handler,
javascript: and CSS payloads. The real uvicorn server runs in a thread on 127.0.0.1 and
httpx talks to it; one test starts `python -m dateline serve` as the CLI does.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

import dateline
from dateline.record import Boilerplate
from dateline.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TOKEN = "t0ken-for-tests-only"

SCRIPT = "<script>window.__xss=1</script>"
IMG = '<img src=x onerror="window.__xss=2">'
JS_URL = "javascript:window.__xss=3"
CSS = "<style>body{display:none}</style>"
BREAKOUT = '"><svg onload=window.__xss=4>'
PAYLOADS = (SCRIPT, IMG, CSS, BREAKOUT)

HOSTILE_TEXT = (
    "KYIV – Ukraine's Foreign Minister Olena Marchuk said on Tuesday that Russian forces shelled the city of "
    f"Kharkiv overnight. {SCRIPT} \"We will not accept this {IMG},\" Marchuk told reporters in Kyiv.\n\n"
    f"The ministry's statement pointed readers to {JS_URL} and {CSS} while Poland condemned the attack.{BREAKOUT}")
HOSTILE_TEXT_2 = (
    "VILNIUS – Lithuania's Defence Minister Tomas Varnas said on Monday that the government would send 300 "
    f"soldiers to the border with Belarus. \"{BREAKOUT} We are ready,\" Varnas told the national broadcaster LRT.\n\n"
    f"Belarus accused Lithuania of provoking tension {IMG} at the frontier.")

PAGES = ["/", "/?q=minister", "/?q=Kharkiv", "/events", "/events?sort=date&order=desc", "/timeline", "/map",
         "/map?fit=true&layer=events", "/network", "/people", "/api"]


def hostile_articles() -> list[dateline.Article]:
    """Real records of hostile text, with hostile metadata as a scraper could hand it over."""
    first = dateline.process(HOSTILE_TEXT, published="2024-05-07")
    first.title = f"Shelling {SCRIPT} {IMG}{BREAKOUT}"
    first.authors = [IMG, f"Jane Doe{SCRIPT}"]
    first.source.url = JS_URL
    first.source.site = f"evil.example{BREAKOUT}"
    first.boilerplate.append(Boilerplate(text=f"{CSS}{SCRIPT}", reason="css"))
    second = dateline.process(HOSTILE_TEXT_2, url=f'https://evil.example/a"{BREAKOUT}', published="2024-05-06")
    second.title = f"Border {CSS} tension"
    # the same page fetched again after the desk added a paragraph: version 2 of its URL
    updated = dateline.process(HOSTILE_TEXT_2 + "\n\nUPDATE: Lithuania's parliament approved the deployment on "
                               "Tuesday.", url=second.source.url, published="2024-05-06")
    updated.title = second.title
    return [first, second, updated]


def build_store(path: Path) -> Path:
    """tests/fixtures through the real pipeline, plus the hostile articles."""
    from dateline.read import read_paths
    from dateline.run.ingest import ingest_documents

    report = ingest_documents(read_paths([str(p) for p in sorted(FIXTURES.iterdir()) if p.is_file()]), path)
    assert report.added >= 3 and not report.errors
    with Store(path) as store:
        assert store.add(hostile_articles()).added == 3
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def write_db(db, tmp_path_factory) -> Path:
    """A copy for the writing server (one process opens a file either read-only or read-write)."""
    copy = tmp_path_factory.mktemp("web-write") / "write.duckdb"
    shutil.copy(db, copy)
    return copy


@pytest.fixture(scope="module")
def base(db) -> str:
    from dateline.web.app import create_app, serving

    with serving(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def client(base) -> httpx.Client:
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def write_client(write_db) -> httpx.Client:
    from dateline.web.app import create_app, serving

    with serving(create_app(write_db, allow_write=True, token=TOKEN)) as url, \
            httpx.Client(base_url=url, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def hostile_id(client) -> str:
    items = client.get("/api/search", params={"q": "Marchuk Kharkiv"}).json()["items"]
    assert items and items[0]["title"].startswith("Shelling")
    return items[0]["id"]


# -- an audit of served HTML ----------------------------------------------------------------

class MarkupAudit(HTMLParser):
    """Collects any markup that could run script or restyle the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = [(k.lower(), v or "") for k, v in attrs]
        if tag == "script" and (dict(attrs).get("src") != "/static/app.js" or len(attrs) > 2):
            self.problems.append(f"script {attrs}")
        if tag in ("style", "iframe", "object", "embed", "base", "img", "form") and not (
                tag == "form" and dict(attrs).get("action", "").startswith("/")):
            self.problems.append(f"<{tag}> {attrs}")
        for name, value in attrs:
            if name.startswith("on") or name == "style" or name == "srcdoc":
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "xlink:href", "formaction"):
                scheme = value.strip().lower()
                if scheme.startswith(("javascript:", "data:", "vbscript:")):
                    self.problems.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def audit(html: str) -> list[str]:
    parser = MarkupAudit()
    parser.feed(html)
    parser.close()
    return parser.problems


def assert_secure_headers(response: httpx.Response) -> None:
    csp = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert response.headers.get("x-content-type-options") == "nosniff"
    assert response.headers.get("referrer-policy")


# -- pages -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", PAGES)
def test_pages_render_without_injected_markup(client, hostile_id, path):
    response = client.get(path)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert_secure_headers(response)
    assert audit(response.text) == []
    for payload in PAYLOADS:
        assert payload not in response.text


def test_article_page_highlights_items_and_escapes_the_text(client, hostile_id):
    record = client.get(f"/api/documents/{hostile_id}").json()
    response = client.get(f"/article/{hostile_id}")
    assert response.status_code == 200
    html = response.text
    assert audit(html) == []
    for payload in PAYLOADS:
        assert payload not in html
    # the payloads are shown as text: escaped, never dropped
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "onerror=&#34;window.__xss=2&#34;" in html or "onerror=&quot;window.__xss=2&quot;" in html
    assert 'href="javascript:' not in html.lower()
    # every person, quote, date and event sentence is marked
    person = next(e for e in record["entities"] if e["type"] == "PERSON")
    assert f'data-ref="e-{person["id"]}"' in html and 'class="ent t-PERSON"' in html
    assert record["quotes"] and 'class="q"' in html and f'id="q-0"' in html
    assert record["dates"] and 'class="dt"' in html
    assert record["events"]
    for ev in record["events"]:
        assert f'id="s-{ev["sentence"]["start"]}"' in html
    assert "<details class=\"boilerplate\">" in html


def test_article_marks_keep_the_text_whole(client, hostile_id):
    """Removing the tags of the highlighted text gives back exactly the article's text."""
    record = client.get(f"/api/documents/{hostile_id}").json()
    html = client.get(f"/article/{hostile_id}").text
    start = html.index('<div class="text" id="text">') + len('<div class="text" id="text">')
    body = html[start:html.index("</div>", start)]

    class Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self.depth = [], 0

        def handle_starttag(self, tag, attrs):
            assert tag == "span"
            self.depth += 1

        def handle_endtag(self, tag):
            assert tag == "span"
            self.depth -= 1
            assert self.depth >= 0

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.feed(body)
    parser.close()
    assert parser.depth == 0
    assert "".join(parser.parts) == record["text"]


def test_article_lists_the_sources_of_its_story(client):
    items = client.get("/api/documents", params={"limit": 50}).json()["items"]
    for item in items:
        doc = client.get(f"/api/documents/{item['id']}").json()
        assert {s["id"] for s in doc["sources"]} >= {item["id"]}
        assert doc["story"] == item["story"]


def test_an_updated_page_links_its_versions(client):
    second, updated = hostile_articles()[1:]
    doc = client.get(f"/api/documents/{updated.id}").json()
    assert [(v["id"], v["version"]) for v in doc["versions"]] == [(second.id, 1), (updated.id, 2)]
    assert doc["story"] == client.get(f"/api/documents/{second.id}").json()["story"]
    page = client.get(f"/article/{updated.id}")
    assert "Versions of this page (2)" in page.text and f'href="/article/{second.id}">version 1<' in page.text


def test_search_page_filters_and_paginates(client):
    page = client.get("/", params={"q": "Kharkiv"})
    assert page.status_code == 200 and "<mark>Kharkiv</mark>" in page.text
    none = client.get("/", params={"q": "Kharkiv", "since": "2099-01-01"})
    assert "No article matches" in none.text
    assert client.get("/", params={"page": 2}).status_code == 200
    assert client.get("/", params={"page": 0}).status_code == 400


def test_events_page_links_each_row_to_its_sentence(client):
    clusters = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert clusters
    first = clusters[0]["mentions"][0]
    assert f'/article/{first["document"]}#s-{first["sentence"]["start"]}' in client.get("/events").text
    by_date = client.get("/events", params={"sort": "date"}).text
    assert f"{len(clusters)} event clusters" in by_date
    plover = clusters[0]["action"]["plover"]
    filtered = client.get("/events", params={"plover": plover}).text
    others = {c["action"]["plover"] for c in clusters} - {plover}
    assert f"</svg>{plover}</span>" in filtered
    assert not any(f"</svg>{other}</span>" in filtered.split("<tbody>", 1)[1] for other in others)


def test_person_page(client):
    people = client.get("/api/entities", params={"limit": 5}).json()["items"]
    assert people
    response = client.get("/person", params={"name": people[0]["name"]})
    assert response.status_code == 200 and people[0]["name"] in response.text
    assert client.get("/person", params={"name": "Nobody Atall"}).status_code == 404


def test_unknown_pages_are_404(client):
    assert client.get("/article/does-not-exist").status_code == 404
    assert client.get("/nothing-here").status_code == 404
    assert client.get("/api/documents/does-not-exist").status_code == 404
    assert client.get("/api/nothing").json() == {"detail": "Not Found"}


def test_concurrent_requests(base, hostile_id):
    """Requests in parallel each read through their own cursor."""
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/api/events", "/events", f"/article/{hostile_id}", "/api/search?q=minister", "/timeline",
             "/api/stats", "/network", "/map"] * 4
    with httpx.Client(base_url=base, timeout=60) as c, ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda p: c.get(p).status_code, paths))
    assert statuses == [200] * len(paths)


# -- the JSON API ----------------------------------------------------------------------------

def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/quotes", "/api/entities",
                 "/api/search", "/api/stats", "/api/process", "/api/ingest"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/ingest"]


def test_documents_are_paginated(client):
    first = client.get("/api/documents", params={"limit": 2}).json()
    second = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2 and first["total"] >= 5
    assert not {d["id"] for d in first["items"]} & {d["id"] for d in second["items"]}
    everything = client.get("/api/documents", params={"limit": 500}).json()
    assert everything["next_offset"] is None and len(everything["items"]) == everything["total"]
    for bad in ({"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "x"}):
        assert client.get("/api/documents", params=bad).status_code == 422


def test_document_record_is_the_article_record(client, hostile_id):
    record = client.get(f"/api/documents/{hostile_id}").json()
    assert record["id"] == hostile_id and record["text"].startswith("Ukraine's Foreign Minister")
    assert record["source"]["url"] == JS_URL  # stored as given; only never rendered as a link
    for key in ("entities", "quotes", "dates", "places", "counts", "events", "story", "sources"):
        assert key in record


def test_events_filters(client):
    all_events = client.get("/api/events", params={"limit": 500}).json()
    assert all_events["total"] == len(all_events["items"]) > 0
    plover = all_events["items"][0]["action"]["plover"]
    only = client.get("/api/events", params={"plover": plover.lower(), "limit": 500}).json()["items"]
    assert only and all(c["action"]["plover"] == plover for c in only)
    ukr = client.get("/api/events", params={"country": "ukr", "limit": 500}).json()["items"]
    assert all("UKR" in {(c["source"] or {}).get("country"), (c["target"] or {}).get("country"),
                         (c["place"] or {}).get("country")} for c in ukr)
    late = client.get("/api/events", params={"since": "2024-05-01", "limit": 500}).json()["items"]
    assert all(c["date"] >= "2024-05-01" for c in late)
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert page["items"][0]["id"] == all_events["items"][1]["id"]


def test_search_quotes_entities_stats(client):
    found = client.get("/api/search", params={"q": "Varnas"}).json()
    assert found["items"] and "Varnas" in found["items"][0]["snippet"]
    quotes = client.get("/api/quotes", params={"speaker": "Marchuk"}).json()["items"]
    assert quotes and all("Marchuk" in q["speaker_name"] for q in quotes)
    people = client.get("/api/entities", params={"name": "Varnas"}).json()["items"]
    assert [p["name"] for p in people] == ["Tomas Varnas"]
    stats = client.get("/api/stats").json()
    assert stats["articles"] >= 5 and stats["events"] > 0 and isinstance(stats["events_by_type"], list)
    assert client.get("/api/counts").status_code == 200


INJECTIONS = ["' OR 1=1 --", "'; DROP TABLE documents; --", "%' UNION SELECT id, text FROM documents --",
              "\\'); DELETE FROM events; --", "\0", "１' OR '1'='1"]


@pytest.mark.parametrize("injection", INJECTIONS)
def test_sql_injection_in_every_filter_is_just_a_value(client, injection):
    total = client.get("/api/stats").json()["articles"]
    endpoints = {
        "/api/documents": ("since", "until", "country", "actor", "plover"),
        "/api/search": ("q", "since", "until", "country", "actor", "plover"),
        "/api/events": ("actor", "country", "plover", "cameo", "since", "until", "text"),
        "/api/quotes": ("speaker", "text", "since", "until"),
        "/api/entities": ("name", "country"),
        "/api/counts": ("noun", "category", "country", "since", "until"),
        "/": ("q", "since", "until", "country", "actor", "plover"),
        "/events": ("actor", "country", "plover", "cameo", "since", "until", "text", "sort", "order"),
        "/timeline": ("actor", "country", "plover", "since", "until", "category", "noun"),
        "/map": ("actor", "country", "plover", "since", "until"),
        "/network": ("actor", "country", "plover", "since", "until"),
        "/people": ("name", "country"),
    }
    for path, params in endpoints.items():
        for param in params:
            response = client.get(path, params={param: injection})
            assert response.status_code == 200, (path, param, response.text[:300])
            assert_secure_headers(response)
    assert client.get("/person", params={"name": injection}).status_code == 404
    assert client.get("/api/stats").json()["articles"] == total


def test_request_sizes_are_bounded(client):
    assert client.get("/api/search", params={"q": "x" * 600}).status_code == 422
    assert client.get("/", params={"q": "x" * 600}).status_code == 400
    assert client.get("/api/search", params={"q": "x" * 5000}).status_code == 414
    assert client.get("/network", params={"top": 10_000}).status_code == 400


@pytest.mark.parametrize("raw_path", [
    "/static/../../etc/passwd", "/static/../../../../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static//etc/passwd", "/static/../app.py", "/static/%2e%2e/app.py",
    "/static/..\\..\\app.py"])
def test_static_files_cannot_leave_their_folder(base, raw_path):
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", raw_path)  # sent as written: no client-side normalisation of ".."
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    conn.close()
    assert response.status == 404, (raw_path, response.status)
    assert "root:" not in body and "create_app" not in body


def test_static_files_are_served_with_headers(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert_secure_headers(css)
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]


# -- writing ------------------------------------------------------------------------------

ARTICLE = {"text": "ANKARA – Turkey's Foreign Minister Selim Kaya met his Greek counterpart on Friday in Ankara "
                   "and the two governments agreed to reopen talks on maritime borders, Kaya said.",
           "published": "2024-09-13", "url": "https://news.example/turkey-greece"}


def test_writing_is_refused_on_a_read_only_server(client):
    for path in ("/api/process", "/api/ingest"):
        response = client.post(path, json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 403
        assert_secure_headers(response)


def test_writing_needs_the_right_token(write_client):
    for path in ("/api/process", "/api/ingest"):
        assert write_client.post(path, json=ARTICLE).status_code == 403
        for header in (f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer", f"Basic {TOKEN}", TOKEN):
            assert write_client.post(path, json=ARTICLE, headers={"Authorization": header}).status_code == 403


def test_process_and_ingest_with_the_token(write_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    before = write_client.get("/api/stats").json()["articles"]
    processed = write_client.post("/api/process", json=ARTICLE, headers=auth)
    assert processed.status_code == 200, processed.text
    record = processed.json()
    assert record["text"].startswith("Turkey's Foreign Minister") and record["published"] == "2024-09-13"
    assert any(e["name"] == "Selim Kaya" for e in record["entities"])
    assert write_client.get("/api/stats").json()["articles"] == before  # process does not store
    stored = write_client.post("/api/ingest", json=ARTICLE, headers=auth).json()
    assert stored["added"] is True and stored["id"] == record["id"]
    assert write_client.get(f"/api/documents/{record['id']}").json()["text"] == record["text"]
    assert write_client.get("/api/stats").json()["articles"] == before + 1
    again = write_client.post("/api/ingest", json=ARTICLE, headers=auth).json()
    assert again["added"] is False
    assert write_client.post("/api/process", json={"text": "   "}, headers=auth).status_code == 422


def test_allow_write_needs_a_token(db):
    from dateline.web.app import create_app

    with pytest.raises(ValueError):
        create_app(db, allow_write=True, token=None)


# -- the command line ----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command(write_db, tmp_path):
    db = tmp_path / "cli.duckdb"
    shutil.copy(write_db, db)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
    refused = subprocess.run([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--allow-write"],
                             capture_output=True, text=True, env=env, timeout=60)
    assert refused.returncode != 0 and "token" in refused.stderr
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"{url}/api/stats", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["articles"] >= 5
        assert_secure_headers(response)
        home = httpx.get(url + "/", timeout=10)
        assert home.status_code == 200 and audit(home.text) == []
        assert httpx.post(f"{url}/api/ingest", json=ARTICLE,
                          headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10).status_code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=30)
