"""`dateline fetch` against a real HTTP server on loopback: feeds, sitemaps, robots.txt,
per-host delay and conditional GET. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline.store import Store
from conftest import FIXTURES


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright Loopback Times</footer></body></html>").encode()


WIRE = [p for p in (FIXTURES / "plain_wire.txt").read_text().split("\n\n") if p.strip()]
SAHEL = [line for line in (FIXTURES / "flattened_sahel.txt").read_text().splitlines()[1:6]]
PAGES = {
    "/news/sudan.html": page("Fighting in Sudan displaces 50,000", WIRE),
    "/news/mali.html": page("Mali army retakes Kidal", SAHEL),
    "/news/sudan-2.html": page("Aid convoys blocked in Sudan", WIRE[1:] + ["The agency appealed for calm."]),
    "/private/secret.html": page("Not for robots", ["This page is disallowed by robots.txt for every crawler."]),
}
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Times</title>
<item><title>Sudan</title><link>/news/sudan.html</link><pubDate>Mon, 12 Feb 2024 09:00:00 GMT</pubDate></item>
<item><title>Mali</title><link>/news/mali.html</link><pubDate>Fri, 08 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Secret</title><link>/private/secret.html</link></item>
</channel></rss>"""
SITEMAP = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>/news/sudan-2.html</loc><lastmod>2024-02-13</lastmod></url></urlset>"""


class Site(BaseHTTPRequestHandler):
    log: list[tuple[float, str, dict]] = []

    def do_GET(self):  # noqa: N802
        Site.log.append((time.monotonic(), self.path, dict(self.headers)))
        if self.path == "/robots.txt":
            return self._send(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if self.path == "/feed.xml":
            return self._send(FEED, "application/rss+xml")
        if self.path == "/sitemap.xml":
            return self._send(SITEMAP, "application/xml")
        body = PAGES.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        etag = '"' + hashlib.md5(body).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(body, "text/html; charset=utf-8", etag)

    def _send(self, body: bytes, content_type: str, etag: str | None = None):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def site():
    Site.log = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fetch(site, db, delay="0.2"):
    return subprocess.run([sys.executable, "-m", "dateline", "fetch", f"{site}/feed.xml", f"{site}/sitemap.xml",
                           "--db", str(db), "--delay", delay], capture_output=True, timeout=300)


def test_fetch_is_polite_and_conditional(site, tmp_path):
    db = tmp_path / "f.duckdb"
    first = fetch(site, db)
    assert first.returncode == 0, first.stderr.decode()
    paths = [path for _, path, _ in Site.log]
    assert "/private/secret.html" not in paths  # robots.txt obeyed
    assert paths.count("/robots.txt") == 1  # cached per host
    assert all("dateline/" in headers.get("User-Agent", "") for _, _, headers in Site.log)
    times = [t for t, _, _ in Site.log]
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.15  # per-host delay
    with Store(db, read_only=True) as store:
        urls = {row[0] for row in store.con.execute("SELECT url FROM documents").fetchall()}
        assert urls == {f"{site}/news/sudan.html", f"{site}/news/mali.html", f"{site}/news/sudan-2.html"}
        published = dict(store.con.execute("SELECT url, published FROM documents").fetchall())
        assert published[f"{site}/news/sudan.html"] == "2024-02-12"
        assert store.con.execute("SELECT DISTINCT format FROM documents").fetchall() == [("feed",)]
    assert "1 refused by robots.txt" in first.stderr.decode()

    Site.log = []
    second = fetch(site, db)
    assert second.returncode == 0, second.stderr.decode()
    assert "3 unchanged" in second.stderr.decode() and "0 new articles" in second.stderr.decode()
    conditional = [h for _, path, h in Site.log if path.startswith("/news/")]
    assert conditional and all("If-None-Match" in h for h in conditional)


def test_a_page_changed_since_the_last_fetch_is_stored_as_its_next_version(site, tmp_path, monkeypatch):
    db = tmp_path / "f.duckdb"
    assert fetch(site, db, delay="0").returncode == 0
    url = f"{site}/news/mali.html"
    monkeypatch.setitem(PAGES, "/news/mali.html", page("Mali army retakes Kidal", SAHEL + [
        "Correction: an earlier version of this article misstated the date of the offensive."]))
    again = fetch(site, db, delay="0")
    assert again.returncode == 0, again.stderr.decode()
    assert "1 new article" in again.stderr.decode()
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT id, story FROM documents WHERE url = ? ORDER BY ingested_at", [url]).fetchall()
        assert len(rows) == 2 and rows[0][1] == rows[1][1]  # one story, two versions
        assert [v for _, v, _ in store.versions(rows[1][0])] == [1, 2]


def test_unreachable_feed_is_one_error_and_nothing_else(tmp_path):
    out = subprocess.run([sys.executable, "-m", "dateline", "fetch", "http://127.0.0.1:9/feed.xml",
                          "--db", str(tmp_path / "f.duckdb"), "--delay", "0"], capture_output=True, timeout=120)
    assert out.returncode == 1
    assert "fetch failed" in out.stderr.decode()
