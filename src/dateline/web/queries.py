"""Store queries the web layer needs beyond ``dateline.store.Store``'s own.

Every statement is parameterised (values are bound, never formatted into SQL); each
function takes the request's DuckDB cursor.
"""

from __future__ import annotations

import json
from typing import Any

from dateline.store import people_filters


def document(con, doc_id: str) -> dict | None:
    """The stored article record with its story id, or None."""
    row = con.execute("SELECT record, story FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    return {**json.loads(row[0]), "story": row[1]}


def copies(store, record: dict) -> tuple[list[dict], list[dict]]:
    """Where else a stored article stands: every source of its story, and every version of its page."""
    sources = [{"id": d, "url": u, "site": s} for d, u, s in store.story_sources(record["story"])]
    versions = [{"id": d, "version": v, "seen": t} for d, v, t in store.versions(record["id"])]
    return sources, versions


def document_count(con) -> int:
    return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def plover_types(con) -> list[str]:
    """PLOVER types present in the store, most frequent first (for filter menus)."""
    return [r[0] for r in con.execute(
        "SELECT plover FROM events WHERE plover IS NOT NULL GROUP BY plover ORDER BY count(*) DESC, plover").fetchall()]


def count_categories(con) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT category FROM counts WHERE category IS NOT NULL GROUP BY category ORDER BY count(*) DESC, category"
    ).fetchall()]


def place_points(con, *, country: str | None = None, role: str | None = None, limit: int = 2000) -> list[dict]:
    """Every resolved place with coordinates, merged across articles: how many articles name it, in which roles."""
    where, params = ["lat IS NOT NULL AND lon IS NOT NULL"], []
    if country:
        where.append("country = ?")
        params.append(country.upper())
    if role:
        where.append("role = ?")
        params.append(role)
    rows = con.execute(
        "SELECT any_value(name), any_value(country), round(lat, 3), round(lon, 3), count(DISTINCT doc_id), "
        "list_distinct(list(role)), sum(n_mentions), min(doc_id) "
        f"FROM places WHERE {' AND '.join(where)} GROUP BY round(lat, 3), round(lon, 3) "
        "ORDER BY count(DISTINCT doc_id) DESC, any_value(name) LIMIT ?", [*params, limit]).fetchall()
    keys = ("name", "country", "lat", "lon", "articles", "roles", "mentions", "document")
    return [dict(zip(keys, row)) for row in rows]


def person(con, name: str) -> dict | None:
    """One person (exact name) across the store: titles, articles, quotes and the events they take part in."""
    row = con.execute(
        "SELECT list_distinct(flatten(list(titles))), list_distinct(flatten(list(roles))), mode(country), "
        "list_distinct(flatten(list(sectors))), count(DISTINCT doc_id), sum(n_mentions) "
        "FROM entities WHERE type = 'PERSON' AND name = ?", [name]).fetchone()
    if row is None or not row[4]:
        return None
    titles, roles, country, sectors, n_articles, n_mentions = row
    articles = con.execute(
        "SELECT d.id, d.title, d.published, d.site FROM documents d "
        "WHERE d.id IN (SELECT doc_id FROM entities WHERE type = 'PERSON' AND name = ?) "
        "ORDER BY d.published DESC NULLS LAST, d.id", [name]).fetchall()
    quotes = con.execute(
        "SELECT q.doc_id, d.title, d.published, q.text, q.direct, q.cue, q.channel, q.start, q.\"end\", q.idx "
        "FROM quotes q JOIN documents d ON d.id = q.doc_id "
        "JOIN entities e ON e.doc_id = q.doc_id AND e.entity_id = q.speaker "
        "WHERE e.name = ? ORDER BY d.published DESC NULLS LAST, q.doc_id, q.start", [name]).fetchall()
    events = con.execute(
        "SELECT v.doc_id, v.event_id, v.date, v.source_name, v.source_code, v.target_name, v.target_code, "
        "v.cameo, v.plover, v.verb, v.modality, v.sentence_start, v.sentence, "
        "CASE WHEN es.name = ? THEN 'source' ELSE 'target' END "
        "FROM events v "
        "LEFT JOIN entities es ON es.doc_id = v.doc_id AND es.entity_id = v.source_entity "
        "LEFT JOIN entities et ON et.doc_id = v.doc_id AND et.entity_id = v.target_entity "
        "WHERE es.name = ? OR et.name = ? ORDER BY v.date NULLS LAST, v.doc_id, v.sentence_start",
        [name, name, name]).fetchall()
    return {
        "name": name, "titles": titles, "roles": roles, "country": country, "sectors": sectors,
        "articles": n_articles, "mentions": n_mentions,
        "documents": [dict(zip(("id", "title", "published", "site"), r)) for r in articles],
        "quotes": [dict(zip(("document", "title", "published", "text", "direct", "cue", "channel", "start", "end",
                                      "idx"), r))
                   for r in quotes],
        "events": [dict(zip(("document", "event", "date", "source_name", "source_code", "target_name", "target_code",
                             "cameo", "plover", "verb", "modality", "sentence_start", "sentence", "side"), r))
                   for r in events],
    }


def people_total(con, *, name: str | None = None, country: str | None = None) -> int:
    where, params = people_filters(name, country, table="entities")
    return con.execute(f"SELECT count(DISTINCT name) FROM entities WHERE {' AND '.join(where)}", params).fetchone()[0]


def jsonable(value: Any) -> Any:
    """Tuples (DuckDB rows) as lists, recursively, for JSON responses."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def texts(con, doc_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """(clean text, title) of each document, for showing a count or a mention in its sentence."""
    if not doc_ids:
        return {}
    return {doc: (text, title) for doc, text, title in con.execute(
        "SELECT id, text, title FROM documents WHERE id IN (SELECT unnest(?))", [sorted(set(doc_ids))]).fetchall()}
