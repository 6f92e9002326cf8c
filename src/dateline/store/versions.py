"""Versions: the same page fetched again with a changed text.

A document's id is the hash of its clean text, so an edited article (a corrected
figure, an updated death toll, a new paragraph) is a new document. When it comes from a
URL already stored, it is recorded as the next version of that URL, linked to the
version before it, and it joins that version's story: a page updated in place is one
story whatever its edits did to the text.
"""

from __future__ import annotations

from typing import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# query parameters that say how a reader arrived, not which page it is
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "cmpid", "ocid", "ref", "taid", "smid")


def canonical_url(url: str | None) -> str | None:
    """The URL a page is known by: host lower-cased, no fragment, no tracking
    parameters, no trailing slash, http and https the same page."""
    if not url or "://" not in url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(TRACKING_PREFIXES)]
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


def assign(fresh: Iterable[tuple[str, str | None, object]],
           latest: dict[str, tuple[str, int, str]]) -> tuple[list[tuple], dict[str, str]]:
    """Version rows for new documents, and the story each new version inherits.

    ``fresh`` holds (document id, url, time seen) of documents not stored before, in
    arrival order; ``latest`` maps a canonical URL to its newest stored (document id,
    version, story). Returns rows for the ``versions`` table and {document id: story}
    for documents that continue an earlier version.
    """
    rows: list[tuple] = []
    inherited: dict[str, str] = {}
    for doc_id, url, seen_at in fresh:
        key = canonical_url(url)
        if key is None:
            continue
        previous = latest.get(key)
        if previous is None:
            version, previous_id, story = 1, None, doc_id
        else:
            previous_id, previous_version, story = previous
            version = previous_version + 1
            inherited[doc_id] = story
        rows.append((doc_id, key, version, previous_id, seen_at))
        latest[key] = (doc_id, version, story)
    return rows, inherited
