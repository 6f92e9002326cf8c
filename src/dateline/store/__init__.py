"""store: the embedded DuckDB store, one file, tables keyed by document id.

Every article record is kept whole (``documents.record``, the JSON that ``process``
prints) and spread into one table per kind of fact so that they can be queried:
entities, mentions, quotes, dates, places, counts, events. Ingest is idempotent: the
document id is a hash of the normalised clean text, so a document seen before is skipped.
Each batch is one transaction: a crash loses at most the batch in flight.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from dateline.record import Actor, Article, Source
from dateline.store import dedup, search, versions

SCHEMA_VERSION = 6


def _backfill_signatures(con) -> None:
    """Version 2 adds near-duplicate detection: sign the documents stored before it."""
    for doc_id, text in con.execute("SELECT id, text FROM documents").fetchall():
        sig = dedup.signature(text)
        con.execute("INSERT INTO signatures VALUES (?, ?)", [doc_id, dedup.to_blob(sig)])
        con.executemany("INSERT INTO lsh VALUES (?, ?)", [(key, doc_id) for key in dedup.band_keys(sig)])


def _backfill_search_index(con) -> None:
    """Version 3 adds full-text search: index the documents stored before it."""
    for doc_id, title, text in con.execute("SELECT id, title, text FROM documents").fetchall():
        term_rows, doc_row = search.index_rows(doc_id, title, text)
        con.executemany("INSERT INTO fts_terms VALUES (?, ?, ?)", term_rows)
        con.execute("INSERT INTO fts_docs VALUES (?, ?)", list(doc_row))


def _backfill_versions(con) -> None:
    """Version 6 links re-fetched pages: number the stored documents of each URL by arrival."""
    stored = con.execute("SELECT id, url, ingested_at FROM documents WHERE url IS NOT NULL "
                         "ORDER BY ingested_at, id").fetchall()
    rows, _ = versions.assign(stored, {})  # stories stay as they were given; only the links are new
    insert_rows(con, "versions", rows)


# (version, steps): SQL statements or callables taking the connection, applied in order
# inside one transaction each to bring an older file up to SCHEMA_VERSION
MIGRATIONS: list[tuple[int, list[str | Callable]]] = [
    (1, [
        """CREATE TABLE IF NOT EXISTS documents (
            id VARCHAR PRIMARY KEY, url VARCHAR, path VARCHAR, format VARCHAR, site VARCHAR,
            title VARCHAR, authors VARCHAR[], published VARCHAR, language VARCHAR,
            dateline_text VARCHAR, dateline_place VARCHAR, dateline_country VARCHAR, dateline_time VARCHAR,
            text VARCHAR, warnings VARCHAR[], record JSON, ingested_at TIMESTAMP DEFAULT current_timestamp,
            story VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS boilerplate (
            doc_id VARCHAR, idx INTEGER, reason VARCHAR, text VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS entities (
            doc_id VARCHAR, entity_id VARCHAR, name VARCHAR, type VARCHAR, titles VARCHAR[], roles VARCHAR[],
            country VARCHAR, sectors VARCHAR[], n_mentions INTEGER)""",
        """CREATE TABLE IF NOT EXISTS mentions (
            doc_id VARCHAR, entity_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS quotes (
            doc_id VARCHAR, idx INTEGER, speaker VARCHAR, speaker_name VARCHAR, text VARCHAR, direct BOOLEAN,
            cue VARCHAR, channel VARCHAR, start INTEGER, "end" INTEGER)""",
        """CREATE TABLE IF NOT EXISTS dates (
            doc_id VARCHAR, idx INTEGER, text VARCHAR, value VARCHAR, kind VARCHAR, start INTEGER, "end" INTEGER)""",
        """CREATE TABLE IF NOT EXISTS places (
            doc_id VARCHAR, idx INTEGER, name VARCHAR, country VARCHAR, admin1 VARCHAR, kind VARCHAR,
            lat DOUBLE, lon DOUBLE, geonames_id BIGINT, role VARCHAR, n_mentions INTEGER, mentions JSON)""",
        """CREATE TABLE IF NOT EXISTS counts (
            doc_id VARCHAR, idx INTEGER, number DOUBLE, noun VARCHAR, category VARCHAR, kind VARCHAR,
            vague BOOLEAN, actor_name VARCHAR, actor_code VARCHAR, actor_country VARCHAR, start INTEGER, "end" INTEGER)""",
        """CREATE TABLE IF NOT EXISTS events (
            doc_id VARCHAR, event_id VARCHAR,
            source_name VARCHAR, source_code VARCHAR, source_country VARCHAR, source_entity VARCHAR,
            target_name VARCHAR, target_code VARCHAR, target_country VARCHAR, target_entity VARCHAR,
            cameo VARCHAR, plover VARCHAR, verb VARCHAR, quad_class INTEGER, goldstein DOUBLE,
            date VARCHAR, date_source VARCHAR, place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
            modality VARCHAR, count DOUBLE, reported_by VARCHAR, confidence DOUBLE,
            sentence_start INTEGER, sentence_end INTEGER, sentence VARCHAR)""",
    ]),
    (2, [
        "CREATE TABLE IF NOT EXISTS signatures (doc_id VARCHAR PRIMARY KEY, signature BLOB)",
        "CREATE TABLE IF NOT EXISTS lsh (bucket BIGINT, doc_id VARCHAR)",
        _backfill_signatures,
    ]),
    (3, [
        "CREATE TABLE IF NOT EXISTS fts_terms (term VARCHAR, doc_id VARCHAR, tf INTEGER)",
        "CREATE TABLE IF NOT EXISTS fts_docs (doc_id VARCHAR PRIMARY KEY, length INTEGER)",
        _backfill_search_index,
    ]),
    (4, [
        """CREATE TABLE IF NOT EXISTS fetch_state (
            url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, status INTEGER, fetched_at TIMESTAMP)""",
    ]),
    (5, [
        # every place a document was read from: an exact copy on a second site is one
        # document (same id) with two sources
        """CREATE TABLE IF NOT EXISTS sources (
            doc_id VARCHAR, url VARCHAR, path VARCHAR, site VARCHAR, format VARCHAR, first_seen TIMESTAMP)""",
        "INSERT INTO sources SELECT id, url, path, site, format, ingested_at FROM documents",
    ]),
    (6, [
        # one row per document read from a URL: its version number there and the one before
        """CREATE TABLE IF NOT EXISTS versions (
            doc_id VARCHAR PRIMARY KEY, url VARCHAR, version INTEGER, previous VARCHAR, seen_at TIMESTAMP)""",
        _backfill_versions,
    ]),
]


class StoreBusy(RuntimeError):
    """The file is locked by another process that writes it."""


@dataclass
class IngestResult:
    added: int = 0
    skipped: int = 0  # already in the store (same normalised text)


class Store:
    """A DuckDB file holding article records. Use as a context manager."""

    def __init__(self, path: str | Path, read_only: bool = False):
        import duckdb

        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"{self.path}: no such database (run `dateline ingest` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                # DuckDB allows one writing process per file; say so instead of a lock trace
                raise StoreBusy(f"{self.path}: in use by another dateline process (ingest, fetch or demo "
                                "write one file at a time); try again when it has finished") from None
            raise
        # DuckDB caches pages up to 80% of RAM by default; a long ingest must stay flat
        self.con.execute(f"SET memory_limit = '{_memory_limit()}'")
        if not read_only:
            self.migrate()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema -------------------------------------------------------------------------

    def schema_version(self) -> int:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: schema version {current} is newer than this dateline ({SCHEMA_VERSION})")
        for version, statements in MIGRATIONS:
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                for step in statements:
                    step(self.con) if callable(step) else self.con.execute(step)
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # -- writing ------------------------------------------------------------------------

    def add(self, articles: Sequence[Article]) -> IngestResult:
        """Store a batch in one transaction; documents already stored are skipped."""
        result = IngestResult()
        if not articles:
            return result
        ids = [a.id for a in articles]
        existing = {row[0] for row in self.con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [ids]).fetchall()}
        fresh: list[Article] = []
        for article in articles:
            if article.id in existing:
                result.skipped += 1
                continue
            existing.add(article.id)
            fresh.append(article)
        source_rows = self._new_sources([(a.id, a.source) for a in articles])
        if not fresh and not source_rows:
            return result
        rows = _rows(fresh)
        rows["sources"] = source_rows
        seen_at = _now()
        rows["versions"], inherited = versions.assign(
            [(a.id, a.source.url, seen_at) for a in fresh], self._latest_versions(fresh))
        rows["signatures"], rows["lsh"] = self._link_stories(fresh, rows["documents"], inherited)
        for article in fresh:
            term_rows, doc_row = search.index_rows(article.id, article.title, article.text)
            rows["fts_terms"].extend(term_rows)
            rows["fts_docs"].append(doc_row)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, table_rows in rows.items():
                insert_rows(self.con, table, table_rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        result.added = len(fresh)
        return result

    def _new_sources(self, seen: Sequence[tuple[str, Source]]) -> list[tuple]:
        """Source rows for (document id, source) pairs that are not stored yet."""
        ids = sorted({doc_id for doc_id, _ in seen})
        known = {(doc, where) for doc, where in self.con.execute(
            "SELECT doc_id, coalesce(url, path, '') FROM sources WHERE doc_id IN (SELECT unnest(?))", [ids]).fetchall()}
        rows = []
        for doc_id, source in seen:
            key = (doc_id, source.url or source.path or "")
            if key not in known:
                known.add(key)
                rows.append((doc_id, source.url, source.path, source.site, source.format, _now()))
        return rows

    def add_sources(self, seen: Sequence[tuple[str, Source]]) -> int:
        """Record where already-stored documents were seen again (a resumed ingest, a mirror)."""
        rows = self._new_sources(seen)
        stored = {doc for (doc,) in self.con.execute(
            "SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [sorted({row[0] for row in rows})]).fetchall()}
        rows = [row for row in rows if row[0] in stored]
        insert_rows(self.con, "sources", rows)
        return len(rows)

    def _latest_versions(self, fresh: list[Article]) -> dict[str, tuple[str, int, str]]:
        """canonical URL -> (document id, version, story) of the newest stored version of each new URL."""
        urls = sorted({u for a in fresh if (u := versions.canonical_url(a.source.url))})
        if not urls:
            return {}
        rows = self.con.execute(
            "SELECT v.url, v.doc_id, v.version, d.story FROM versions v JOIN documents d ON d.id = v.doc_id "
            "WHERE v.url IN (SELECT unnest(?)) QUALIFY row_number() OVER (PARTITION BY v.url ORDER BY v.version DESC) = 1",
            [urls]).fetchall()
        return {url: (doc_id, version, story) for url, doc_id, version, story in rows}

    def _link_stories(self, fresh: list[Article], documents: list[tuple],
                      inherited: dict[str, str]) -> tuple[list[tuple], list[tuple]]:
        """Give each new document the story of its nearest stored (or earlier) near-duplicate,
        or, for a new version of a stored page, the story of that page.

        Rewrites the ``story`` column (the last) of the new ``documents`` rows in place and
        returns the signature and LSH rows to insert with them.
        """
        signatures: dict[str, object] = {}
        stories: dict[str, str] = {}
        buckets: dict[int, list[str]] = {}
        sig_rows, lsh_rows = [], []
        for i, article in enumerate(fresh):
            sig = dedup.signature(article.text)
            keys = dedup.band_keys(sig)
            if article.id in inherited:  # a new version of a page (maybe one earlier in this batch)
                story = stories.get(inherited[article.id], inherited[article.id])
            else:
                earlier = {doc: (signatures[doc], stories[doc]) for key in keys for doc in buckets.get(key, [])}
                story = self._nearest_story(sig, keys, earlier) or article.id
            documents[i] = (*documents[i][:-1], story)
            signatures[article.id], stories[article.id] = sig, story
            for key in keys:
                buckets.setdefault(key, []).append(article.id)
            sig_rows.append((article.id, dedup.to_blob(sig)))
            lsh_rows.extend((key, article.id) for key in keys)
        return sig_rows, lsh_rows

    def _nearest_story(self, sig, keys: list[int], earlier: dict[str, tuple[object, str]]) -> str | None:
        """The story of the most similar near-duplicate, stored or earlier in this batch
        (``earlier``: document id -> (signature, story) of batch documents sharing a band)."""
        stored = self.con.execute(
            "SELECT s.signature, d.story FROM signatures s JOIN documents d ON d.id = s.doc_id "
            "WHERE s.doc_id IN (SELECT doc_id FROM lsh WHERE bucket IN (SELECT unnest(?)))", [keys]).fetchall()
        best: tuple[float, str] | None = None
        for other, story in [(dedup.from_blob(blob), story) for blob, story in stored] + list(earlier.values()):
            score = dedup.similarity(sig, other)
            if score >= dedup.THRESHOLD and (best is None or score > best[0]):
                best = (score, story)
        return best[1] if best else None

    def document_ids(self) -> frozenset[str]:
        return frozenset(row[0] for row in self.con.execute("SELECT id FROM documents").fetchall())

    def fetch_state(self) -> dict[str, tuple[str | None, str | None]]:
        """url -> (ETag, Last-Modified) of every page fetched before, for conditional requests."""
        return {url: (etag, modified) for url, etag, modified in
                self.con.execute("SELECT url, etag, last_modified FROM fetch_state").fetchall()}

    def remember_fetches(self, rows: Sequence[tuple[str, str | None, str | None, int]]) -> None:
        if rows:
            self.con.executemany("INSERT OR REPLACE INTO fetch_state VALUES (?, ?, ?, ?, ?)",
                                 [(*row, _now()) for row in rows])

    def story_sources(self, story: str) -> list[tuple[str, str | None, str | None]]:
        """(document id, url, site) of every place a copy of a story was read from."""
        return self.con.execute(
            "SELECT s.doc_id, s.url, s.site FROM sources s JOIN documents d ON d.id = s.doc_id WHERE d.story = ? "
            "ORDER BY s.first_seen, s.doc_id, s.url", [story]).fetchall()

    # -- reading ------------------------------------------------------------------------

    def versions(self, doc_id: str) -> list[tuple[str, int, str | None]]:
        """(document id, version, seen at) of every version of the page a document was read from, oldest first."""
        return self.con.execute(
            "SELECT v.doc_id, v.version, strftime(v.seen_at, '%Y-%m-%d %H:%M') FROM versions v "
            "WHERE v.url = (SELECT url FROM versions WHERE doc_id = ?) ORDER BY v.version", [doc_id]).fetchall()

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def records(self) -> Iterable[dict]:
        """Every stored article record, as ``process`` printed it, plus its ``story`` id, oldest first."""
        cursor = self.con.execute(
            "SELECT d.record, d.story, v.version, v.previous FROM documents d LEFT JOIN versions v ON v.doc_id = d.id "
            "ORDER BY d.ingested_at, d.id")
        while True:
            chunk = cursor.fetchmany(500)
            if not chunk:
                return
            for record, story, version, previous in chunk:
                yield {**json.loads(record), "story": story, "version": version or 1, "previous_version": previous}

    def event_clusters(self, *, actor: str | None = None, country: str | None = None, plover: str | None = None,
                       cameo: str | None = None, since: str | None = None, until: str | None = None,
                       text: str | None = None) -> list[dict]:
        """Stored events, filtered, merged into clusters of one real-world event each."""
        from dateline.store.clusters import EVENT_COLUMNS, cluster_events

        where, params = ["TRUE"], []
        if actor:
            where.append("(source_name ILIKE ? OR target_name ILIKE ? OR source_code = ? OR target_code = ?)")
            params += [f"%{actor}%", f"%{actor}%", actor.upper(), actor.upper()]
        if country:
            where.append("(? IN (source_country, target_country, place_country))")
            params.append(country.upper())
        if plover:
            where.append("plover = ?")
            params.append(plover.upper())
        if cameo:
            where.append("starts_with(cameo, ?)")
            params.append(cameo)
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("left(date, 10) <= ?")
            params.append(until)
        if text:
            where.append("sentence ILIKE ?")
            params.append(f"%{text}%")
        columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
        rows = [dict(zip(EVENT_COLUMNS, row)) for row in self.con.execute(
            f"SELECT {columns} FROM events WHERE {' AND '.join(where)}", params).fetchall()]
        docs = {r["doc_id"] for r in rows}
        stories = dict(self.con.execute("SELECT id, story FROM documents WHERE id IN (SELECT unnest(?))",
                                        [sorted(docs)]).fetchall())
        # a document's sources: every site (or address) it was read from, exact copies included
        sites: dict[str, set[str]] = {}
        for doc, where in self.con.execute(
                "SELECT doc_id, coalesce(site, url, path) FROM sources WHERE doc_id IN (SELECT unnest(?))",
                [sorted(docs)]).fetchall():
            if where:
                sites.setdefault(doc, set()).add(where)
        clusters = cluster_events(rows)
        records = [c.to_record(stories, sites) for c in clusters]
        return sorted(records, key=lambda r: (-r["num_articles"], -r["num_mentions"], r["date"] or "", r["id"]))

    def search(self, query: str = "", *, since: str | None = None, until: str | None = None,
               country: str | None = None, actor: str | None = None, plover: str | None = None,
               limit: int = 20, offset: int = 0) -> list[dict]:
        """Articles matching ``query`` (BM25; all articles, newest first, when empty) and the filters."""
        where, params = _document_filters(since, until, country, actor, plover)
        query_terms = search.terms(query)
        if query_terms:
            sql = (f"SELECT d.id, d.title, d.published, d.site, d.url, d.story, d.text, r.score FROM ({search.BM25_SQL}) r "
                   f"JOIN documents d ON d.id = r.doc_id WHERE {where} "
                   "ORDER BY r.matched DESC, r.score DESC, d.id LIMIT ? OFFSET ?")
            params = [query_terms, *params, limit, offset]
        else:
            sql = (f"SELECT d.id, d.title, d.published, d.site, d.url, d.story, d.text, NULL FROM documents d "
                   f"WHERE {where} ORDER BY d.published DESC NULLS LAST, d.id LIMIT ? OFFSET ?")
            params = [*params, limit, offset]
        results = []
        for doc_id, title, published, site, url, story, text, score in self.con.execute(sql, params).fetchall():
            snip, hits = search.snippet(text, query_terms)
            results.append({"id": doc_id, "title": title, "published": published, "site": site, "url": url,
                            "story": story, "score": score, "snippet": snip, "highlights": hits})
        return results

    def quotes(self, *, speaker: str | None = None, text: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        where, params = _document_filters(since, until, None, None, None)
        if speaker:
            where += " AND q.speaker_name ILIKE ?"
            params.append(f"%{speaker}%")
        if text:
            where += " AND q.text ILIKE ?"
            params.append(f"%{text}%")
        rows = self.con.execute(
            "SELECT q.doc_id, d.title, d.published, q.speaker, q.speaker_name, q.cue, q.channel, q.direct, q.text, "
            "q.start, q.\"end\" FROM quotes q JOIN documents d ON d.id = q.doc_id "
            f"WHERE {where} ORDER BY d.published DESC NULLS LAST, q.doc_id, q.start LIMIT ? OFFSET ?",
            [*params, limit, offset]).fetchall()
        keys = ("document", "title", "published", "speaker", "speaker_name", "cue", "channel", "direct", "text",
                "start", "end")
        return [dict(zip(keys, row)) for row in rows]

    def people(self, *, name: str | None = None, country: str | None = None, limit: int = 100,
               offset: int = 0) -> list[dict]:
        """People across articles (by name), with their titles, countries and how often they speak."""
        where, params = people_filters(name, country)
        rows = self.con.execute(f"""
            SELECT e.name, list_distinct(flatten(list(e.titles))), list_distinct(flatten(list(e.roles))),
                   mode(e.country), list_distinct(flatten(list(e.sectors))), count(DISTINCT e.doc_id), sum(e.n_mentions),
                   (SELECT count(*) FROM quotes q JOIN entities e2 ON e2.doc_id = q.doc_id AND e2.entity_id = q.speaker
                    WHERE e2.name = e.name)
            FROM entities e WHERE {' AND '.join(where)}
            GROUP BY e.name ORDER BY count(DISTINCT e.doc_id) DESC, sum(e.n_mentions) DESC, e.name
            LIMIT ? OFFSET ?""", [*params, limit, offset]).fetchall()
        keys = ("name", "titles", "roles", "country", "sectors", "articles", "mentions", "quotes")
        return [dict(zip(keys, row)) for row in rows]

    def count_series(self, *, noun: str | None = None, category: str | None = None, country: str | None = None,
                     since: str | None = None, until: str | None = None) -> list[dict]:
        """Counts over time, e.g. US troops in Iraq as claimed by each source, each linked to its sentence."""
        where, params = _document_filters(since, until, None, None, None)
        if noun:
            where += " AND c.noun ILIKE ?"
            params.append(f"%{noun}%")
        if category:
            where += " AND c.category = ?"
            params.append(category)
        if country:
            where += " AND c.actor_country = ?"
            params.append(country.upper())
        rows = self.con.execute(
            "SELECT coalesce(d.published, ''), c.number, c.noun, c.category, c.kind, c.actor_code, d.site, "
            "c.doc_id, c.start, c.\"end\", substr(d.text, c.start + 1, c.\"end\" - c.start) "
            f"FROM counts c JOIN documents d ON d.id = c.doc_id WHERE {where} ORDER BY 1, c.doc_id, c.start",
            params).fetchall()
        keys = ("date", "number", "noun", "category", "kind", "actor", "site", "document", "start", "end", "text")
        return [dict(zip(keys, row)) for row in rows]

    def summary(self) -> dict:
        """What the store holds, for the CLI's closing report."""
        q = self.con.execute
        return {
            "articles": self.count("documents"),
            "stories": q("SELECT count(DISTINCT story) FROM documents").fetchone()[0],
            "languages": dict(q("SELECT coalesce(language, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "people": q("SELECT count(DISTINCT name) FROM entities WHERE type = 'PERSON'").fetchone()[0],
            "organizations": q("SELECT count(DISTINCT name) FROM entities WHERE type = 'ORG'").fetchone()[0],
            "quotes": self.count("quotes"),
            "dates": self.count("dates"),
            "places": q("SELECT count(DISTINCT coalesce(CAST(geonames_id AS VARCHAR), name)) FROM places").fetchone()[0],
            "counts": self.count("counts"),
            "events": self.count("events"),
            "events_by_type": q("SELECT coalesce(plover, cameo), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall(),
            "events_by_country": q(
                "SELECT c, count(*) FROM (SELECT coalesce(place_country, source_country, target_country) AS c FROM events) "
                "WHERE c IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15").fetchall(),
            "top_people": q(
                "SELECT name, any_value(country), count(DISTINCT doc_id) AS docs, sum(n_mentions) FROM entities "
                "WHERE type = 'PERSON' GROUP BY name ORDER BY docs DESC, 4 DESC, name LIMIT 10").fetchall(),
        }


def people_filters(name: str | None, country: str | None, table: str = "e") -> tuple[list[str], list]:
    """Conditions on the entities table (aliased ``table``) for the people queries."""
    where, params = [f"{table}.type = 'PERSON'"], []
    if name:
        where.append(f"{table}.name ILIKE ?")
        params.append(f"%{name}%")
    if country:
        where.append(f"{table}.country = ?")
        params.append(country.upper())
    return where, params


def _document_filters(since, until, country, actor, plover) -> tuple[str, list]:
    """SQL conditions on documents ``d`` for the filters every query shares (bound parameters only)."""
    where, params = ["TRUE"], []
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("left(d.published, 10) <= ?")
        params.append(until)
    if country:
        where.append("(d.id IN (SELECT doc_id FROM places WHERE country = ?) "
                     "OR d.id IN (SELECT doc_id FROM entities WHERE country = ?))")
        params += [country.upper(), country.upper()]
    if actor:
        where.append("d.id IN (SELECT doc_id FROM entities WHERE name ILIKE ?)")
        params.append(f"%{actor}%")
    if plover:
        where.append("d.id IN (SELECT doc_id FROM events WHERE plover = ?)")
        params.append(plover.upper())
    return " AND ".join(where), params


TABLES = ("documents", "boilerplate", "entities", "mentions", "quotes", "dates", "places", "counts", "events",
          "signatures", "lsh", "fts_terms", "fts_docs", "fetch_state", "sources", "versions")


def insert_rows(con, table: str, rows: Sequence[tuple]) -> None:
    """Insert rows column-wise: one statement that unnests a list per column is ~100x
    faster than ``executemany``, which DuckDB runs row by row."""
    if not rows:
        return
    columns = [list(column) for column in zip(*rows)]
    con.execute(f"INSERT INTO {table} SELECT {', '.join('unnest(?)' for _ in columns)}", columns)


def _actor_cols(actor: Actor | None) -> list:
    if actor is None:
        return [None, None, None, None]
    return [actor.name, actor.code, actor.country, actor.entity]


def _rows(articles: Iterable[Article]) -> dict[str, list[tuple]]:
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    for a in articles:
        dl = a.dateline
        dl_place = dl.place if dl else None
        rows["documents"].append((
            a.id, a.source.url, a.source.path, a.source.format, a.source.site, a.title, a.authors, a.published,
            a.language, dl.text if dl else None, dl_place.name if dl_place else None,
            dl_place.country if dl_place else None, dl.time if dl else None, a.text, a.warnings,
            json.dumps(a.to_dict(), ensure_ascii=False), _now(),
            a.id))  # story: its own until near-duplicate detection links copies
        rows["boilerplate"].extend((a.id, i, b.reason, b.text) for i, b in enumerate(a.boilerplate))
        for e in a.entities:
            rows["entities"].append((a.id, e.id, e.name, e.type, e.titles, e.roles, e.country, e.sectors, len(e.mentions)))
            rows["mentions"].extend((a.id, e.id, m.start, m.end, m.text) for m in e.mentions)
        rows["quotes"].extend(
            (a.id, i, q.speaker, q.speaker_name, q.text, q.direct, q.cue, q.channel, q.start, q.end)
            for i, q in enumerate(a.quotes))
        rows["dates"].extend((a.id, i, d.text, d.value, d.kind, d.start, d.end) for i, d in enumerate(a.dates))
        rows["places"].extend(
            (a.id, i, p.name, p.country, p.admin1, p.kind, p.lat, p.lon, p.geonames_id, p.role, len(p.mentions),
             json.dumps([m.to_dict() for m in p.mentions]))
            for i, p in enumerate(a.places))
        for i, c in enumerate(a.counts):
            actor = c.actor
            rows["counts"].append((a.id, i, c.number, c.noun, c.category, c.kind, c.vague,
                                   actor.name if actor else None, actor.code if actor else None,
                                   actor.country if actor else None, c.start, c.end))
        for ev in a.events:
            place = ev.place
            rows["events"].append((
                a.id, ev.id, *_actor_cols(ev.source), *_actor_cols(ev.target),
                ev.action.cameo, ev.action.plover, ev.action.verb, ev.action.quad_class, ev.action.goldstein,
                ev.date, ev.date_source, place.name if place else None, place.country if place else None,
                place.lat if place else None, place.lon if place else None,
                ev.modality, ev.count, ev.reported_by, ev.confidence,
                ev.sentence.start, ev.sentence.end, ev.sentence.text))
    return rows


def _memory_limit() -> str:
    """DATELINE_DUCKDB_MEMORY (e.g. "1GB"); 512MB by default, plenty for the store's queries."""
    import os
    import re

    value = os.environ.get("DATELINE_DUCKDB_MEMORY", "512MB").strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]?i?B", value, re.I):
        raise ValueError(f"DATELINE_DUCKDB_MEMORY={value!r}: expected a size such as 512MB or 2GB")
    return value


def _now():
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
