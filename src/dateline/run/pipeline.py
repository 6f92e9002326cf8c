"""The pipeline: read -> clean -> analyse -> code events, one document or a stream of them.

``process`` handles one text or HTML string; ``process_many`` streams documents and
batches the spaCy parse across them (``nlp.pipe``); ``process_paths`` reads files first.
A document that fails at any stage becomes a ``DocumentError`` in the stream; the others
go on.
"""

from __future__ import annotations

import gc
import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Container, Iterable, Iterator, Sequence
from urllib.parse import urlsplit

from dateline import events
from dateline.analyse import analyse
from dateline.analyse.nlp import MAX_CHARS, load
from dateline.clean import clean_document
from dateline.clean.language import detect_language
from dateline.doc import Doc, parse_iso_date
from dateline.errors import DocumentError
from dateline.read import DEFAULT_MAX_BYTES, RawDocument, looks_like_html, read_paths
from dateline.record import Article, Source
from dateline.run.limits import DEFAULT_TIME_LIMIT, time_limit

DEFAULT_BATCH_SIZE = 32


def document_id(text: str) -> str:
    """Hash of the normalised clean text: the same article from two places gets one id."""
    normalised = re.sub(r"\s+", " ", text.casefold()).strip()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def process(text_or_html: str, url: str | None = None, published: str | None = None, *,
            model: str | None = None, actors: Sequence[str] = ()) -> Article:
    """Process one article given as HTML or plain text. Raises DocumentError if it has no text."""
    kind = "html" if looks_like_html(text_or_html) else "text"
    raw = RawDocument(content=text_or_html, kind=kind, path=None, container=kind, url=url)
    result = next(process_many([raw], published=published, model=model, actors=actors))
    if isinstance(result, DocumentError):
        raise result
    return result


def process_paths(paths: Iterable[str], *, url: str | None = None, published: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, batch_size: int = DEFAULT_BATCH_SIZE,
                  model: str | None = None, actors: Sequence[str] = (),
                  time_limit_s: float | None = DEFAULT_TIME_LIMIT,
                  known_ids: Container[str] | None = None) -> Iterator[Article | DocumentError | AlreadyStored]:
    """Records (or errors) for every document in files, folders, WARC and JSONL, in order."""
    return process_many(read_paths(paths, max_bytes=max_bytes), url=url, published=published,
                        batch_size=batch_size, model=model, actors=actors, time_limit_s=time_limit_s,
                        known_ids=known_ids)


@dataclass(frozen=True)
class AlreadyStored:
    """A document whose id is in ``known_ids``: cleaned to learn its id, never analysed again."""

    where: str
    id: str
    source: Source


def process_many(items: Iterable[str | RawDocument | DocumentError], *, url: str | None = None,
                 published: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 model: str | None = None, actors: Sequence[str] = (),
                 time_limit_s: float | None = DEFAULT_TIME_LIMIT,
                 known_ids: Container[str] | None = None) -> Iterator[Article | DocumentError | AlreadyStored]:
    """Stream records for ``items`` (strings, RawDocuments, or read errors passed through).

    ``url`` and ``published`` are fallbacks for documents that carry none of their own.
    Order is kept: each output corresponds to one input document. ``actors`` are
    PETRARCH-format dictionary files whose entries win over inferred actor codes.
    ``time_limit_s`` bounds cleaning and analysis of each document (None: no limit).
    Documents whose id is in ``known_ids`` (a resumed ingest) come out as ``AlreadyStored``.
    While the stream runs, Python's young-object collector wakes less often (``fewer_collections``).
    """
    with fewer_collections():
        yield from _process_many(items, url=url, published=published, batch_size=batch_size, model=model,
                                 actors=actors, time_limit_s=time_limit_s, known_ids=known_ids)


def _process_many(items: Iterable[str | RawDocument | DocumentError], *, url: str | None,
                  published: str | None, batch_size: int, model: str | None, actors: Sequence[str],
                  time_limit_s: float | None,
                  known_ids: Container[str] | None) -> Iterator[Article | DocumentError | AlreadyStored]:
    dictionary = events.load_actor_dictionaries(tuple(actors)) if actors else None
    batch: list[tuple[Doc, str]] = []
    for item in items:
        if isinstance(item, DocumentError):
            yield from _finish(batch, model, time_limit_s)
            batch = []
            yield item
            continue
        raw = item if isinstance(item, RawDocument) else _raw_from_string(item)
        try:
            with time_limit(time_limit_s, raw.where, "cleaning"):
                doc = prepare(raw, url=url, published=published)
            doc.actor_dictionary = dictionary
            if known_ids is not None and doc.article.id in known_ids:
                yield from _finish(batch, model, time_limit_s)
                batch = []
                yield AlreadyStored(raw.where, doc.article.id, doc.article.source)
                continue
        except DocumentError as exc:
            yield from _finish(batch, model, time_limit_s)
            batch = []
            yield exc
            continue
        except Exception as exc:  # a cleaner bug must not take the other documents down
            yield from _finish(batch, model, time_limit_s)
            batch = []
            yield DocumentError(raw.where, f"could not clean ({type(exc).__name__}: {exc})")
            continue
        batch.append((doc, raw.where))
        if len(batch) >= batch_size:
            yield from _finish(batch, model, time_limit_s)
            batch = []
    yield from _finish(batch, model, time_limit_s)


def prepare(raw: RawDocument, url: str | None = None, published: str | None = None) -> Doc:
    """Read and clean one document into a Doc with its Article's metadata; no NLP yet."""
    url = raw.url or url
    cleaned = clean_document(raw.content, raw.kind, url=url)
    if not cleaned.text.strip():
        raise DocumentError(raw.where, "no article text found after cleaning")
    # the container's own date (a JSONL field) beats the cleaner's reading, which beats
    # the caller's fallback: --published is for documents that carry no date
    when = normalise_published(raw.published) or normalise_published(cleaned.published) or normalise_published(published)
    site = cleaned.site or (urlsplit(url).hostname if url else None)
    article = Article(
        id=document_id(cleaned.text),
        source=Source(path=raw.path, url=url, format=raw.container, site=site),  # type: ignore[arg-type]
        title=raw.title or cleaned.title,
        authors=cleaned.authors,
        published=when,
        dateline=cleaned.dateline,
        language=detect_language(cleaned.text),
        text=cleaned.text,
        boilerplate=cleaned.boilerplate,
    )
    return Doc(article=article, published=parse_iso_date(when))


def normalise_published(value: str | None) -> str | None:
    """An ISO 8601 day (or month/year when that is all there is) from a date string."""
    if not value:
        return None
    value = value.strip()
    match = re.match(r"^(\d{4})(-\d{2})?(-\d{2})?", value)
    if match and (match.group(3) or len(value) <= 7):
        return match.group(0)
    import dateparser

    parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def _finish(batch: list[tuple[Doc, str]], model: str | None,
            time_limit_s: float | None) -> Iterator[Article | DocumentError]:
    if not batch:
        return
    skipped = {id(doc): reason for doc, _ in batch if (reason := _why_not_analysed(doc))}
    parse_batch([doc for doc, _ in batch if id(doc) not in skipped], model)
    for doc, where in batch:
        if id(doc) in skipped or doc.parsed is None:
            doc.article.warnings.append(skipped.get(id(doc)) or "the parser failed on this text: analysis skipped, text kept")
            yield doc.article
            continue
        try:
            with time_limit(time_limit_s, where, "analysis"):
                analyse(doc)
                events.annotate(doc)
        except DocumentError as exc:
            yield exc
            continue
        except Exception as exc:
            yield DocumentError(where, f"analysis failed ({type(exc).__name__}: {exc})")
            continue
        yield doc.article


@contextmanager
def fewer_collections(threshold: int = 20_000):
    """Python's young-object collector woken every 20,000 allocations instead of 700.

    Cleaning, parsing and analysis allocate hundreds of thousands of short-lived objects
    (tokens, spans, small lists) and free them without cycles; at the default threshold the
    collector runs hundreds of times per 200 articles and re-scans what survives, about 2%
    of the run for nothing. Cyclic garbage waits a little longer; the old setting is back
    when the block ends (for a generator: when it is exhausted or closed).
    """
    old = gc.get_threshold()
    if not old[0] or old[0] >= threshold:  # collection off, or already rarer: leave it
        yield
        return
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _why_not_analysed(doc: Doc) -> str | None:
    """The documented partial result: text kept and stored, English-only analysis skipped."""
    if doc.article.language != "en":
        return f"language {doc.article.language or 'unknown'}: English-only analysis skipped, text kept"
    if len(doc.text) > MAX_CHARS:
        return f"text of {len(doc.text):,} characters is over the {MAX_CHARS:,} analysed: analysis skipped, text kept"
    return None


def parse_batch(docs: list[Doc], model: str | None) -> None:
    """Parse the batch with ``nlp.pipe``; if the batch fails, parse one by one to isolate the culprit."""
    if not docs:
        return
    nlp = load(model)
    try:
        for doc, parsed in zip(docs, nlp.pipe(doc.text for doc in docs)):
            doc.parsed = parsed
    except Exception:
        for doc in docs:
            try:
                doc.parsed = nlp(doc.text)
            except Exception:
                doc.parsed = None


def _raw_from_string(content: str) -> RawDocument:
    kind = "html" if looks_like_html(content) else "text"
    return RawDocument(content=content, kind=kind, path=None, container=kind)
