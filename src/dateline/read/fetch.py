"""Collect articles from RSS/Atom feeds and sitemaps, politely.

Polite means: robots.txt is obeyed for dateline's User-Agent, requests to one host are
spaced by a minimum delay, and pages fetched before are asked for again with a conditional
GET (ETag / Last-Modified), so that an unchanged page costs the site a 304 and nothing else.
What was fetched is remembered in the store (``fetch_state``), so a rerun only fetches
what is new or changed.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Callable, Iterator
from urllib.parse import urljoin, urlsplit

from dateline import __version__
from dateline.errors import DocumentError
from dateline.read import RawDocument, looks_like_html
from dateline.read.decode import decode_bytes

USER_AGENT = f"dateline/{__version__} (news fact extraction; +https://pypi.org/project/dateline/)"
MAX_PAGE_BYTES = 20 * 1024 * 1024


@dataclass
class FeedItem:
    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class Response:
    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PoliteFetcher:
    """HTTP GET with robots.txt, a per-host delay and conditional requests."""

    delay: float = 1.0
    timeout: float = 20.0
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)
    sleep: Callable[[float], None] = time.sleep

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            response = self._get(urljoin(host, "/robots.txt"))
            if response.status == 200:
                parser.parse(response.body.decode("utf-8", "replace").splitlines())
                self._robots[host] = parser
            else:
                # no robots.txt (404) means everything is allowed
                self._robots[host] = None
        parser = self._robots[host]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        if not self.allowed(url):
            return Response(url, 999)  # refused by robots.txt; never requested
        return self._get(url, etag, last_modified)

    def _get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        self._wait_for_host(url)
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                body = reply.read(MAX_PAGE_BYTES + 1)
                return Response(reply.geturl(), reply.status, body, reply.headers.get("Content-Type", ""),
                                reply.headers.get("ETag"), reply.headers.get("Last-Modified"))
        except urllib.error.HTTPError as exc:
            return Response(url, exc.code, b"", "", etag, last_modified)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise DocumentError(url, f"fetch failed ({getattr(exc, 'reason', exc)})") from None

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            remaining = self.delay - (time.monotonic() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last_request[host] = time.monotonic()


def parse_feed(body: bytes, base_url: str) -> list[FeedItem]:
    """Article links of an RSS/Atom feed, or of a sitemap (urlset; a sitemap index is followed by the caller)."""
    head = body[:2000].lstrip()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return parse_sitemap(body, base_url)
    import feedparser

    feed = feedparser.parse(body)
    items = []
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = time.strftime("%Y-%m-%d", stamp)
        items.append(FeedItem(urljoin(base_url, link), entry.get("title"), published))
    return items


def parse_sitemap(body: bytes, base_url: str) -> list[FeedItem]:
    from lxml import etree

    root = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    items = []
    for node in root.iter("{*}url", "{*}sitemap"):
        loc = node.findtext("{*}loc")
        if not loc:
            continue
        published = node.findtext(".//{*}publication_date") or node.findtext("{*}lastmod")
        title = node.findtext(".//{*}title")
        items.append(FeedItem(urljoin(base_url, loc.strip()), title, published[:10] if published else None))
    return items


def is_sitemap_index(body: bytes) -> bool:
    return b"<sitemapindex" in body[:2000]


@dataclass
class FetchReport:
    feeds: int = 0
    found: int = 0
    fetched: int = 0
    unchanged: int = 0
    refused: int = 0  # robots.txt
    errors: list[str] = field(default_factory=list)


def fetch_documents(sources: list[str], fetcher: PoliteFetcher, state: dict[str, tuple[str | None, str | None]],
                    report: FetchReport, max_items: int | None = None,
                    remember: Callable[[str, Response], None] = lambda url, r: None) -> Iterator[RawDocument]:
    """Pages linked from feeds/sitemaps that are new or changed since ``state`` (url -> etag, last-modified)."""
    queue = list(sources)
    seen: set[str] = set()
    taken = 0
    while queue:
        source = queue.pop(0)
        if source in seen:
            continue
        seen.add(source)
        try:
            response = fetcher.get(source)
        except DocumentError as exc:
            report.errors.append(str(exc))
            continue
        if response.status != 200:
            report.errors.append(f"{source}: HTTP {response.status}" if response.status != 999
                                 else f"{source}: disallowed by robots.txt")
            continue
        report.feeds += 1
        try:
            items = parse_feed(response.body, response.url)
        except Exception as exc:  # a broken feed must not stop the others
            report.errors.append(f"{source}: not a feed or sitemap ({type(exc).__name__})")
            continue
        if is_sitemap_index(response.body):
            queue.extend(item.url for item in items)
            continue
        report.found += len(items)
        for item in items:
            if max_items is not None and taken >= max_items:
                return
            taken += 1
            etag, modified = state.get(item.url, (None, None))
            try:
                page = fetcher.get(item.url, etag, modified)
            except DocumentError as exc:
                report.errors.append(str(exc))
                continue
            if page.status == 999:
                report.refused += 1
                continue
            if page.status == 304:
                report.unchanged += 1
                continue
            if page.status != 200:
                report.errors.append(f"{item.url}: HTTP {page.status}")
                continue
            try:
                text = decode_bytes(page.body, item.url, declared=_charset(page.content_type))
            except DocumentError as exc:
                report.errors.append(str(exc))
                continue
            report.fetched += 1
            remember(item.url, page)
            kind = "html" if "html" in page.content_type or looks_like_html(text) else "text"
            yield RawDocument(content=text, kind=kind, path=None, container="feed", url=page.url,
                              published=item.published, title=None, where=item.url)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'").lower()
    return None
