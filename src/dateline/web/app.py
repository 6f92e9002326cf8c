"""The web interface and JSON API over a store (``dateline serve``), datasette-style.

A thin layer: pages and API endpoints call ``dateline.store.Store`` (and ``queries`` for
the few lookups the store has no method for). Article content is hostile input, so
templates autoescape everything, highlighting escapes every piece of text it wraps,
every response carries a strict Content-Security-Policy (no inline script or style), and
SQL only ever binds values. The store is opened read-only unless writing was allowed;
each request reads through its own DuckDB cursor (connections are not shared between
threads), and writes are serialised by a lock.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import threading
from collections import Counter, defaultdict
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.doc import parse_iso_date
from dateline.store import Store
from dateline.web import charts, highlight, queries

HERE = Path(__file__).resolve().parent
log = logging.getLogger("dateline.web")

PAGE_SIZE = 25
API_MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_QUERY_STRING = 4096  # bytes of a URL's query string
MAX_BODY = 8 * 1024 * 1024  # bytes of a POSTed article
FILTER_LEN = 200  # characters of one filter value

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class _CursorStore(Store):
    """A Store whose queries run on one request's own cursor of the shared connection."""

    def __init__(self, cursor, path: str):  # noqa: D107 - deliberately skips Store.__init__ (no new connection)
        self.con = cursor
        self.path = path


# -- request parameters --------------------------------------------------------------------

def _text(description: str, default: str | None = None, max_length: int = FILTER_LEN):
    return Query(default, max_length=max_length, description=description)


@dataclass
class DocumentFilters:
    since: str | None = None
    until: str | None = None
    country: str | None = None
    actor: str | None = None
    plover: str | None = None

    def kwargs(self) -> dict:
        return {k: v or None for k, v in self.__dict__.items()}


def document_filters(
    since: str | None = _text("published on or after (YYYY-MM-DD)"),
    until: str | None = _text("published on or before (YYYY-MM-DD)"),
    country: str | None = _text("ISO alpha-3 named in the article (places, entities)"),
    actor: str | None = _text("an entity name in the article (substring)"),
    plover: str | None = _text("articles with an event of this PLOVER type"),
) -> DocumentFilters:
    return DocumentFilters(since, until, country, actor, plover)


@dataclass
class EventFilters:
    actor: str | None = None
    country: str | None = None
    plover: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None

    def kwargs(self) -> dict:
        return {k: v or None for k, v in self.__dict__.items()}


def event_filters(
    actor: str | None = _text("actor name (substring) or CAMEO actor code"),
    country: str | None = _text("ISO alpha-3 of either side or of the place"),
    plover: str | None = _text("PLOVER type, e.g. RETREAT"),
    cameo: str | None = _text("CAMEO code or prefix, e.g. 08 or 0874"),
    since: str | None = _text("first date (YYYY-MM-DD)"),
    until: str | None = _text("last date (YYYY-MM-DD)"),
    text: str | None = _text("words in the event's sentence"),
) -> EventFilters:
    return EventFilters(actor, country, plover, cameo, since, until, text)


def _limit(default: int = 20):
    return Query(default, ge=1, le=API_MAX_LIMIT, description=f"at most {API_MAX_LIMIT}")


def _offset():
    return Query(0, ge=0, le=MAX_OFFSET)


def _page():
    return Query(1, ge=1, le=MAX_OFFSET // PAGE_SIZE)


class ArticleIn(BaseModel):
    """An article to process: its text or its HTML, and optionally where and when it was published."""

    text: str | None = Field(None, max_length=MAX_BODY)
    html: str | None = Field(None, max_length=MAX_BODY)
    url: str | None = Field(None, max_length=2048)
    published: str | None = Field(None, max_length=32, description="YYYY-MM-DD, when the document carries none")


def _paged(rows: list, limit: int, offset: int, **extra) -> dict:
    """API page: the first ``limit`` rows (one more was fetched to know whether a next page exists)."""
    more = len(rows) > limit
    return {**extra, "limit": limit, "offset": offset, "next_offset": offset + limit if more else None,
            "items": queries.jsonable(rows[:limit])}


# -- helpers for templates ------------------------------------------------------------------

def url_for(path: str, **params) -> str:
    """``path`` with the non-empty ``params`` as its query string (values are URL-encoded)."""
    clean = {k: v for k, v in params.items() if v not in (None, "", [])}
    return f"{path}?{urlencode(clean, doseq=True)}" if clean else path


def safe_href(url: str | None) -> str | None:
    """An article's own URL as a link target only when it is http(s): never javascript: or data:."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def actor_label(actor: dict | None) -> str:
    if not actor:
        return ""
    return actor.get("name") or actor.get("code") or ""


def sentence_href(cluster: dict) -> str:
    """Link to the sentence of a cluster's first mention in its article."""
    mention = (cluster.get("mentions") or [None])[0]
    if mention:
        return f"/article/{mention['document']}#s-{mention['sentence']['start']}"
    doc = cluster["id"].rsplit(":", 1)[0]
    return f"/article/{doc}#s-{cluster['sentence']['start']}"


def number(n) -> str:
    if n is None:
        return ""
    return f"{n:,.0f}" if float(n).is_integer() else f"{n:,}"


def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(url_for=url_for, safe_href=safe_href, actor_label=actor_label, sentence_href=sentence_href,
                       number=number, plover_color=charts.plover_color, swatch=charts.swatch)
    return env


EVENT_SORTS = {
    "articles": lambda c: (-c["num_articles"], -c["num_mentions"], c["date"] or ""),
    "mentions": lambda c: (-c["num_mentions"], -c["num_articles"], c["date"] or ""),
    "sources": lambda c: (-c["num_sources"], -c["num_articles"], c["date"] or ""),
    "date": lambda c: (c["date"] or "0000", c["id"]),
    "type": lambda c: (c["action"]["plover"] or "~", c["action"]["cameo"] or "", c["date"] or ""),
    "source": lambda c: (actor_label(c["source"]).casefold() or "~", c["date"] or ""),
    "target": lambda c: (actor_label(c["target"]).casefold() or "~", c["date"] or ""),
    "goldstein": lambda c: (c["action"]["goldstein"] if c["action"]["goldstein"] is not None else 99, c["date"] or ""),
}


# -- the application ------------------------------------------------------------------------

def create_app(db_path: str | Path, allow_write: bool = False, token: str | None = None) -> FastAPI:
    """The FastAPI app serving ``db_path``; writing needs ``allow_write`` and a bearer ``token``."""
    if allow_write and not token:
        raise ValueError("allow_write needs a token")
    db_path = str(db_path)
    store = Store(db_path, read_only=not allow_write)
    write_lock = threading.Lock()
    cursor_lock = threading.Lock()  # cursors are made one at a time; each is then used by one thread only
    env = _templates()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="dateline", version=_version(), lifespan=lifespan,
                  description="Sourced facts from news: articles, events, quotes, people. Read-only unless the "
                              "server was started with --allow-write; writes need `Authorization: Bearer <token>`.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.store = store
    app.mount("/static", StaticFiles(directory=str(HERE / "static"), follow_symlink=False), name="static")

    def get_store() -> Iterator[Store]:
        with cursor_lock:
            cursor = store.con.cursor()
        try:
            yield _CursorStore(cursor, db_path)
        finally:
            cursor.close()

    def render(template: str, request: Request, status: int = 200, **context) -> HTMLResponse:
        context.setdefault("title", "")
        html = env.get_template(template).render(request_path=request.url.path, query=dict(request.query_params),
                                             **context)
        return HTMLResponse(html, status_code=status)

    # -- security: headers on every response, bounded requests ----------------------------

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if len(request.scope.get("query_string", b"")) > MAX_QUERY_STRING:
            response = PlainTextResponse("query string too long", status_code=414)
        elif int(request.headers.get("content-length") or 0) > MAX_BODY + 4096:
            response = PlainTextResponse("request body too large", status_code=413)
        else:
            try:
                response = await call_next(request)
            except Exception:  # keep the security headers on unexpected errors too
                log.exception("error serving %s", request.url.path)
                response = PlainTextResponse("internal error", status_code=500)
        for key, value in SECURITY_HEADERS.items():
            response.headers[key] = value
        return response

    def _is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    @app.exception_handler(StarletteHTTPException)  # also FastAPI's HTTPException and the router's 404/405
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return render("error.html", request, status=exc.status_code, title=f"{exc.status_code}",
                      message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        if _is_api(request):
            return JSONResponse({"detail": errors}, status_code=422)
        message = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in errors)
        return render("error.html", request, status=400, title="400", message=f"Bad request: {message}")

    # -- pages ------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = _text("words to find", "", 500),
                    filters: DocumentFilters = Depends(document_filters), page: int = _page(),
                    st: Store = Depends(get_store)):
        offset = (page - 1) * PAGE_SIZE
        rows = st.search(q, limit=PAGE_SIZE + 1, offset=offset, **filters.kwargs())
        for row in rows:
            row["snippet_html"] = highlight.snippet(row["snippet"] or "", row["highlights"])
        params = {"q": q, **filters.kwargs()}
        return render("search.html", request, title="Search", q=q, filters=filters.kwargs(), rows=rows[:PAGE_SIZE],
                      page=page, offset=offset,
                      prev_url=url_for("/", **params, page=page - 1) if page > 1 else None,
                      next_url=url_for("/", **params, page=page + 1) if len(rows) > PAGE_SIZE else None,
                      plovers=queries.plover_types(st.con), total=queries.document_count(st.con))

    @app.get("/article/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, doc_id: str = PathParam(..., max_length=64),
                     st: Store = Depends(get_store)):
        record = queries.document(st.con, doc_id)
        if record is None:
            raise HTTPException(404, "no such article")
        body = highlight.render(record["text"], highlight.article_marks(record))
        sources, versions = queries.copies(st, record)
        events = sorted(record.get("events") or [], key=lambda e: e["sentence"]["start"])
        entities = sorted(record.get("entities") or [], key=lambda e: (-len(e.get("mentions") or []), e["name"]))
        return render("article.html", request, title=record.get("title") or "Article", record=record, body=body,
                      sources=sources, versions=versions, events=events, entities=entities,
                      event_summary=highlight.event_summary)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, filters: EventFilters = Depends(event_filters),
                    sort: str = Query("articles", max_length=FILTER_LEN), order: str = Query("", max_length=FILTER_LEN),
                    page: int = _page(), st: Store = Depends(get_store)):
        clusters = st.event_clusters(**filters.kwargs())
        key = EVENT_SORTS.get(sort, EVENT_SORTS["articles"])
        clusters = sorted(clusters, key=key, reverse=(order == "desc"))
        offset = (page - 1) * PAGE_SIZE
        params = {**filters.kwargs(), "sort": sort if sort in EVENT_SORTS else None, "order": order or None}
        return render("events.html", request, title="Events", filters=filters.kwargs(), rows=clusters[offset:offset + PAGE_SIZE],
                      total=len(clusters), page=page, offset=offset, sort=sort, order=order, sorts=list(EVENT_SORTS),
                      plovers=queries.plover_types(st.con),
                      sort_url=lambda s: url_for("/events", **{**params, "sort": s,
                                                               "order": "desc" if s == sort and order != "desc" else None}),
                      api_url=url_for("/api/events", **filters.kwargs()),
                      prev_url=url_for("/events", **params, page=page - 1) if page > 1 else None,
                      next_url=url_for("/events", **params, page=page + 1) if offset + PAGE_SIZE < len(clusters) else None)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, filters: EventFilters = Depends(event_filters),
                      unit: str = Query("auto", pattern="^(auto|day|week|month)$"),
                      category: str | None = _text("what is counted: troops, killed, ..."),
                      noun: str | None = _text("counted noun (substring)"),
                      st: Store = Depends(get_store)):
        clusters = st.event_clusters(**filters.kwargs())
        dated = [(parse_iso_date(c["date"]), c["action"]["plover"] or c["action"]["cameo"]) for c in clusters]
        dated = [(d, p) for d, p in dated if d]
        chart, used_unit, by_type = Markup(""), unit, Counter(p for _, p in dated)
        if dated:
            first, last = min(d for d, _ in dated), max(d for d, _ in dated)
            used_unit = charts.choose_unit(first, last, unit)
            buckets = charts.buckets_between(first, last, used_unit)
            index = {b: i for i, b in enumerate(buckets)}
            series = {p: [0] * len(buckets) for p, _ in by_type.most_common()}
            for d, p in dated:
                series[p][index[charts.bucket_of(d, used_unit)]] += 1
            base = {k: v for k, v in filters.kwargs().items() if k not in ("since", "until", "plover")}

            def link(bucket, plover):
                end = charts.next_bucket(bucket, used_unit) - dt.timedelta(days=1)
                return url_for("/events", **base, plover=plover, since=bucket.isoformat(), until=end.isoformat())

            chart = charts.stacked_bars(buckets, used_unit, series, link=link)
        count_charts, undated_counts = _count_charts(st, category=category, noun=noun, country=filters.country,
                                     since=filters.since, until=filters.until)
        return render("timeline.html", request, title="Timeline", filters=filters.kwargs(), unit=unit,
                      used_unit=used_unit, chart=chart, by_type=by_type.most_common(), undated=len(clusters) - len(dated),
                      n_events=len(clusters), plovers=queries.plover_types(st.con), count_charts=count_charts, undated_counts=undated_counts,
                      categories=queries.count_categories(st.con), category=category or "", noun=noun or "")

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, filters: EventFilters = Depends(event_filters),
                 layer: str = Query("all", pattern="^(all|events|places)$"), fit: bool = False,
                 st: Store = Depends(get_store)):
        points, located, countries = [], [], set()
        clusters = st.event_clusters(**filters.kwargs())
        for c in clusters:
            for side in ("source", "target"):
                if c[side] and c[side].get("country"):
                    countries.add(c[side]["country"])
            place = c["place"]
            if place and place.get("country"):
                countries.add(place["country"])
            if place and place.get("lat") is not None and place.get("lon") is not None:
                located.append(c)
        if layer in ("all", "places"):
            for p in queries.place_points(st.con, country=filters.country):
                points.append({"lat": p["lat"], "lon": p["lon"], "r": 0.7 + 0.35 * p["articles"] ** 0.5,
                               "color": "#4a5568", "layer": "place", "href": f"/article/{p['document']}",
                               "title": f"{p['name']}, {p['country'] or '?'}: named in {p['articles']} "
                                        f"article(s) as {', '.join(p['roles'])}"})
        if layer in ("all", "events"):
            for c in located:
                points.append({"lat": c["place"]["lat"], "lon": c["place"]["lon"],
                               "r": 1.6 + 0.7 * c["num_articles"] ** 0.5,
                               "color": charts.plover_color(c["action"]["plover"]), "layer": "event",
                               "href": sentence_href(c), "title": f"{c['place']['name']}: "
                                                                  f"{highlight.event_summary(c)}"})
        world = charts.world_map(points, highlight=countries, fit=fit)
        return render("map.html", request, title="Map", filters=filters.kwargs(), layer=layer, fit=fit, world=world,
                      located=located, n_events=len(clusters), plovers=queries.plover_types(st.con),
                      legend=sorted({c["action"]["plover"] for c in located if c["action"]["plover"]}))

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, filters: EventFilters = Depends(event_filters),
                     top: int = Query(30, ge=2, le=80), st: Store = Depends(get_store)):
        clusters = st.event_clusters(**filters.kwargs())
        nodes, edges = _network(clusters, top)
        graph = charts.network(nodes, edges)
        return render("network.html", request, title="Network", filters=filters.kwargs(), top=top, graph=graph,
                      edges=sorted(edges, key=lambda e: (-e["weight"], e["source"], e["target"])), nodes=nodes,
                      n_events=len(clusters), plovers=queries.plover_types(st.con))

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page(request: Request, name: str | None = _text("name (substring)"),
                    country: str | None = _text("ISO alpha-3"), page: int = _page(),
                    st: Store = Depends(get_store)):
        offset = (page - 1) * PAGE_SIZE
        rows = st.people(name=name or None, country=country or None, limit=PAGE_SIZE + 1, offset=offset)
        params = {"name": name, "country": country}
        return render("people.html", request, title="People", rows=rows[:PAGE_SIZE], name=name or "",
                      country=country or "", page=page, offset=offset,
                      total=queries.people_total(st.con, name=name or None, country=country or None),
                      prev_url=url_for("/people", **params, page=page - 1) if page > 1 else None,
                      next_url=url_for("/people", **params, page=page + 1) if len(rows) > PAGE_SIZE else None)

    @app.get("/person", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, name: str = Query(..., min_length=1, max_length=FILTER_LEN),
                    st: Store = Depends(get_store)):
        person = queries.person(st.con, name)
        if person is None:
            raise HTTPException(404, "no such person")
        return render("person.html", request, title=name, person=person)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request):
        spec = app.openapi()
        routes = []
        for path, methods in spec["paths"].items():
            for method, op in methods.items():
                params = [(p["name"], p.get("description") or p.get("schema", {}).get("description", ""))
                          for p in op.get("parameters", [])]
                routes.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                               "doc": op.get("description", ""), "params": params})
        return render("api.html", request, title="API", routes=routes)

    # -- JSON API ---------------------------------------------------------------------------

    @app.get("/api/documents", summary="Stored articles, newest first")
    def api_documents(filters: DocumentFilters = Depends(document_filters), limit: int = _limit(),
                      offset: int = _offset(), st: Store = Depends(get_store)):
        rows = st.search("", limit=limit + 1, offset=offset, **filters.kwargs())
        for row in rows:
            row.pop("score", None), row.pop("highlights", None)
        return _paged(rows, limit, offset, total=queries.document_count(st.con))

    @app.get("/api/documents/{doc_id}", summary="One article record with its story's sources and its page's versions")
    def api_document(doc_id: str = PathParam(..., max_length=64), st: Store = Depends(get_store)):
        record = queries.document(st.con, doc_id)
        if record is None:
            raise HTTPException(404, "no such document")
        record["sources"], record["versions"] = queries.copies(st, record)
        return record

    @app.get("/api/events", summary="Event clusters: one real-world event, however many articles report it")
    def api_events(filters: EventFilters = Depends(event_filters), limit: int = _limit(100),
                   offset: int = _offset(), st: Store = Depends(get_store)):
        clusters = st.event_clusters(**filters.kwargs())
        page = clusters[offset:offset + limit + 1]
        return _paged(page, limit, offset, total=len(clusters))

    @app.get("/api/quotes", summary="Who said what: quotes with speaker, cue and channel")
    def api_quotes(speaker: str | None = _text("speaker name (substring)"), text: str | None = _text("words in the quote"),
                   since: str | None = _text("published on or after"), until: str | None = _text("published on or before"),
                   limit: int = _limit(100), offset: int = _offset(), st: Store = Depends(get_store)):
        rows = st.quotes(speaker=speaker or None, text=text or None, since=since or None, until=until or None,
                         limit=limit + 1, offset=offset)
        return _paged(rows, limit, offset)

    @app.get("/api/entities", summary="People across articles with titles, countries and quotes")
    def api_entities(name: str | None = _text("name (substring)"), country: str | None = _text("ISO alpha-3"),
                     limit: int = _limit(100), offset: int = _offset(), st: Store = Depends(get_store)):
        rows = st.people(name=name or None, country=country or None, limit=limit + 1, offset=offset)
        return _paged(rows, limit, offset)

    @app.get("/api/search", summary="Full-text search (BM25) with filters")
    def api_search(q: str = _text("words to find", "", 500), filters: DocumentFilters = Depends(document_filters),
                   limit: int = _limit(), offset: int = _offset(), st: Store = Depends(get_store)):
        rows = st.search(q, limit=limit + 1, offset=offset, **filters.kwargs())
        return _paged(rows, limit, offset, query=q)

    @app.get("/api/counts", summary="Counts over time, each linked to its sentence")
    def api_counts(noun: str | None = _text("counted noun (substring)"), category: str | None = _text("category"),
                   country: str | None = _text("ISO alpha-3 of the count's actor"),
                   since: str | None = _text("published on or after"), until: str | None = _text("published on or before"),
                   limit: int = _limit(100), offset: int = _offset(), st: Store = Depends(get_store)):
        rows = st.count_series(noun=noun or None, category=category or None, country=country or None,
                               since=since or None, until=until or None)
        return _paged(rows[offset:offset + limit + 1], limit, offset, total=len(rows))

    @app.get("/api/stats", summary="What the store holds")
    def api_stats(st: Store = Depends(get_store)):
        s = st.summary()
        s["events_by_type"] = [{"type": t, "events": n} for t, n in s["events_by_type"]]
        s["events_by_country"] = [{"country": c, "events": n} for c, n in s["events_by_country"]]
        s["top_people"] = [{"name": n, "country": c, "articles": a, "mentions": m} for n, c, a, m in s["top_people"]]
        return s

    def require_writer(request: Request) -> None:
        if not allow_write:
            raise HTTPException(403, "writing is disabled on this server (start it with --allow-write)")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(403, "a valid bearer token is required")

    def _process(article: ArticleIn):
        import dateline
        from dateline.errors import DocumentError

        content = article.html if article.html else article.text
        if not content or not content.strip():
            raise HTTPException(422, "give the article's text or html")
        try:
            return dateline.process(content, url=article.url or None, published=article.published or None)
        except DocumentError as error:
            raise HTTPException(422, str(error)) from None

    @app.post("/api/process", summary="Process a posted article and return its record (not stored)",
              dependencies=[Depends(require_writer)])
    def api_process(article: ArticleIn):
        return _process(article).to_dict()

    @app.post("/api/ingest", summary="Process a posted article and store it",
              dependencies=[Depends(require_writer)])
    def api_ingest(article: ArticleIn):
        record = _process(article)
        with write_lock:
            with cursor_lock:
                cursor = store.con.cursor()
            try:
                result = _CursorStore(cursor, db_path).add([record])
            finally:
                cursor.close()
        return {"id": record.id, "added": result.added == 1, "record": record.to_dict()}

    return app


def _count_charts(st: Store, **filters) -> tuple[list[dict], int]:
    """One chart per counted category (or the one asked for), one line per source; and how many counts are undated."""
    every = st.count_series(**filters)
    rows = [r for r in every if parse_iso_date(r["date"])]
    documents = queries.texts(st.con, [r["document"] for r in rows])
    for r in rows:
        text, title = documents.get(r["document"], ("", None))
        piece, a, b = highlight.sentence_around(text, r["start"], r["end"])
        r["sentence"], r["sentence_html"] = piece, highlight.marked(piece, a, b)
        # a line joins one source's claims: the site, else the article itself
        r["source"] = r["site"] or (title[:40] + "…" if title and len(title) > 40 else title) or f"article {r['document'][:8]}"
    by_category: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_category[r["category"] or r["noun"] or "other"].append(r)
    out = []
    for category, items in sorted(by_category.items(), key=lambda kv: -len(kv[1]))[:6]:
        series: dict[str, list[dict]] = defaultdict(list)
        for r in items:
            series[r["source"]].append({
                "day": parse_iso_date(r["date"]), "number": r["number"],
                "href": f"/article/{r['document']}#c-{r['start']}",
                "title": f"{number(r['number'])} {r['noun']} ({r['date']}): {r['sentence']}"})
        out.append({"category": category, "chart": charts.count_chart(dict(series)), "rows": items,
                    "sources": [(name, charts.SERIES_COLORS[i % len(charts.SERIES_COLORS)])
                                for i, name in enumerate(series)]})
    return out, len(every) - len(rows)


def _network(clusters: list[dict], top: int) -> tuple[list[dict], list[dict]]:
    """Actors (by CAMEO code, else name) and who-acts-on-whom edges weighted by event clusters."""
    def key(actor: dict | None) -> str | None:
        if not actor:
            return None
        return actor.get("code") or (actor.get("name") or "").strip() or None

    names: dict[str, Counter] = defaultdict(Counter)
    weight: Counter = Counter()
    pairs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in clusters:
        s, t = key(c["source"]), key(c["target"])
        for k, actor in ((s, c["source"]), (t, c["target"])):
            if k:
                names[k][actor.get("name") or k] += 1
        if s and t:
            weight[s] += 1
            weight[t] += 1
            pairs[(s, t)].append(c)
    keep = {k for k, _ in weight.most_common(top)}
    # alphabetical by code puts one country's actors (RUS, RUSGOV, RUSMIL) side by side: shorter arrows
    ordered = sorted(keep)
    nodes = [{"id": k, "label": k if len(k) <= 18 else k[:17] + "…", "weight": weight[k],
              "title": f"{k}: {weight[k]} events · " + ", ".join(n for n, _ in names[k].most_common(4)),
              "href": url_for("/events", actor=k)} for k in ordered]
    edges = []
    for (s, t), items in pairs.items():
        if s not in keep or t not in keep:
            continue
        types = Counter(c["action"]["plover"] or c["action"]["cameo"] for c in items)
        quads = Counter(c["action"]["quad_class"] for c in items if c["action"]["quad_class"])
        quad = quads.most_common(1)[0][0] if quads else None
        color = {1: "#2b6cb0", 2: "#2b6cb0", 3: "#c53030", 4: "#c53030"}.get(quad, "#718096")
        summary = ", ".join(f"{p} {n}" for p, n in types.most_common())
        edges.append({"source": s, "target": t, "weight": len(items), "color": color, "types": types.most_common(),
                      "title": f"{s} → {t}: {len(items)} events ({summary})", "href": url_for("/events", actor=s),
                      "example": items[0], "source_names": ", ".join(n for n, _ in names[s].most_common(3)),
                      "target_names": ", ".join(n for n, _ in names[t].most_common(3))})
    return nodes, edges


def _version() -> str:
    from dateline import __version__

    return __version__


@contextmanager
def serving(app: FastAPI, host: str = "127.0.0.1", port: int = 0, timeout: float = 15.0) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread (tests, screenshots); yields its base URL.

    Port 0 picks a free port: the socket is bound here, so the URL is known before serving.
    """
    import socket
    import time

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web server did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8023, allow_write: bool = False,
        token: str | None = None) -> None:
    """Serve ``db`` with uvicorn until interrupted."""
    import uvicorn

    app = create_app(db, allow_write=allow_write, token=token)
    print(f"dateline: serving {db} on http://{host}:{port}/ ({'read-write' if allow_write else 'read-only'})",
          flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)
