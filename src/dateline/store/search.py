"""Full-text search over stored articles: an inverted index in DuckDB tables, ranked by BM25.

DuckDB's own FTS extension is downloaded at run time, which an offline machine cannot do;
this index is plain tables (term, document, frequency), built as documents are stored.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
STOPWORDS = frozenset(
    "a an and are as at be but by for from had has have he her his i in is it its of on or said she that the "
    "their them they this to was were which who will with would".split())
K1, B = 1.2, 0.75


def terms(text: str) -> list[str]:
    """Index terms: lower-cased words and numbers, stopwords dropped."""
    return [t for t in (m.group(0).casefold().replace("’", "'") for m in _TOKEN.finditer(text)) if t not in STOPWORDS]


def index_rows(doc_id: str, title: str | None, text: str) -> tuple[list[tuple], tuple]:
    """(fts_terms rows, fts_docs row) for one document; the title counts like body text."""
    words = terms(f"{title or ''} {text}")
    counts = Counter(words)
    return [(term, doc_id, tf) for term, tf in counts.items()], (doc_id, len(words))


BM25_SQL = f"""
WITH q AS (SELECT DISTINCT unnest(?::VARCHAR[]) AS term),
stats AS (SELECT count(*) AS n, avg(length) AS avgdl FROM fts_docs),
df AS (SELECT term, count(*) AS df FROM fts_terms WHERE term IN (SELECT term FROM q) GROUP BY term)
SELECT t.doc_id,
       sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
           * t.tf * ({K1} + 1) / (t.tf + {K1} * (1 - {B} + {B} * d.length / stats.avgdl))) AS score,
       count(*) AS matched
FROM fts_terms t JOIN df ON df.term = t.term JOIN fts_docs d ON d.doc_id = t.doc_id, stats
GROUP BY t.doc_id
"""


def snippet(text: str, query_terms: list[str], width: int = 90) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first query term, and the (start, end) of each hit in it."""
    wanted = set(query_terms)
    hits = [(m.start(), m.end()) for m in _TOKEN.finditer(text) if m.group(0).casefold() in wanted]
    if not hits:
        return text[: 2 * width].strip(), []
    start = max(0, hits[0][0] - width)
    end = min(len(text), hits[0][1] + width)
    window = text[start:end]
    inside = [(s - start, e - start) for s, e in hits if s >= start and e <= end]
    prefix = "..." if start > 0 else ""
    suffix = "..." if end < len(text) else ""
    return prefix + window + suffix, [(s + len(prefix), e + len(prefix)) for s, e in inside]
