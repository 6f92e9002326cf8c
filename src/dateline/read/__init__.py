"""read: files and streams to ``RawDocument``s, one at a time, in constant memory.

The format is detected from the content (gzip magic, a WARC header, JSON objects per
line, HTML tags), not from the file name alone. A document that cannot be read becomes a
``DocumentError`` in the stream, and reading goes on with the next one.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from dateline.errors import DocumentError
from dateline.read.decode import decode_bytes

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_HTML_MARKERS = re.compile(r"<(!doctype html|html|head|body|div|p|article|meta|title|span|a\s)[\s>/]", re.I)


@dataclass
class RawDocument:
    """One document as read: decoded content and what the container said about it."""

    content: str
    kind: str  # "html" or "text": what the cleaner should treat ``content`` as
    path: str | None
    container: str  # the contract's source format: text, html, warc, jsonl, feed
    url: str | None = None
    published: str | None = None
    title: str | None = None
    where: str = "<input>"  # for messages: path, path:line or path#record


def read_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | DocumentError]:
    """Every document in ``paths`` (``-`` is standard input), errors included, in order."""
    for path in paths:
        yield from read_path(path, max_bytes=max_bytes)


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | DocumentError]:
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from read_bytes(data, where="<stdin>", path=None, max_bytes=max_bytes)
            return
        p = Path(path)
        if p.is_dir():
            for child in sorted(c for c in p.rglob("*") if c.is_file()):
                yield from read_path(str(child), max_bytes=max_bytes)
            return
        if not p.exists():
            raise DocumentError(path, "no such file")
        with p.open("rb") as fh:
            yield from read_stream(fh, where=path, path=path, max_bytes=max_bytes)
    except DocumentError as exc:
        yield exc
    except OSError as exc:
        yield DocumentError(path, exc.strerror or str(exc))


def read_stream(fh: BinaryIO, where: str, path: str | None, max_bytes: int) -> Iterator[RawDocument | DocumentError]:
    head = fh.read(4)
    fh.seek(0)
    if head[:2] == b"\x1f\x8b":
        inner = _gunzip_head(fh, where)
        fh.seek(0)
        if inner.startswith(b"WARC/"):
            yield from read_warc(fh, where, path, max_bytes)
            return
        data = gunzip_limited(fh, where, max_bytes)
    elif head == b"WARC":
        yield from read_warc(fh, where, path, max_bytes)
        return
    else:
        data = fh.read(max_bytes + 1)
    yield from read_bytes(data, where=where, path=path, max_bytes=max_bytes)


def read_bytes(data: bytes, where: str, path: str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | DocumentError]:
    if data[:2] == b"\x1f\x8b":
        data = gunzip_limited(io.BytesIO(data), where, max_bytes)
    if data.startswith(b"WARC/"):
        yield from read_warc(io.BytesIO(data), where, path, max_bytes)
        return
    if len(data) > max_bytes:
        raise DocumentError(where, f"too large: over the {max_bytes // (1024 * 1024)} MB limit per document (--max-mb)")
    if not data.strip():
        raise DocumentError(where, "empty document")
    text = decode_bytes(data, where)
    if not text.strip():
        raise DocumentError(where, "empty document")
    if looks_like_jsonl(text):
        yield from read_jsonl(text, where, path)
        return
    kind = "html" if looks_like_html(text) else "text"
    yield RawDocument(content=text, kind=kind, path=path, container=kind, where=where)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_MARKERS.search(text[:5000]))


def looks_like_jsonl(text: str) -> bool:
    """The first non-blank line is a JSON object with a ``text`` or ``html`` field."""
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return False
    first = stripped.split("\n", 1)[0]
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)


def read_jsonl(text: str, where: str, path: str | None) -> Iterator[RawDocument | DocumentError]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        here = f"{where}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield DocumentError(here, f"invalid JSON line ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield DocumentError(here, "JSON line is not an object")
            continue
        html, body = obj.get("html"), obj.get("text")
        content = html if isinstance(html, str) and html.strip() else body
        if not isinstance(content, str) or not content.strip():
            yield DocumentError(here, "no 'text' or 'html' field")
            continue
        kind = "html" if content is html else "text"
        yield RawDocument(
            content=content, kind=kind, path=path, container="jsonl", where=here,
            url=_str_or_none(obj.get("url")),
            published=_str_or_none(obj.get("published") or obj.get("date")),
            title=_str_or_none(obj.get("title")),
        )


def read_warc(fh: BinaryIO, where: str, path: str | None, max_bytes: int) -> Iterator[RawDocument | DocumentError]:
    """HTML and text responses of a WARC or WARC.gz file, streamed record by record.

    warcio reads WARC.gz written one gzip member per record (the standard); a file gzipped
    whole is read again through GzipFile, skipping the records already given.
    """
    from warcio.exceptions import ArchiveLoadFailed

    done = 0
    try:
        for item in _warc_responses(fh, where, path, max_bytes):
            done += 1
            yield item
    except ArchiveLoadFailed as exc:
        if "non-chunked gzip" not in str(exc):
            yield DocumentError(f"{where}#{done + 1}", f"malformed WARC record ({exc})")
            return
        fh.seek(0)
        whole = gzip.GzipFile(fileobj=fh)
        try:
            for i, item in enumerate(_warc_responses(whole, where, path, max_bytes)):
                if i >= done:
                    yield item
                    done += 1
            # warcio stops quietly where a gzip stream ends; a truncated one must not pass
            whole.read(1)
        except Exception as again:
            yield _warc_error(where, done, again)
    except Exception as exc:
        yield _warc_error(where, done, exc)


def _warc_error(where: str, done: int, exc: Exception) -> DocumentError:
    if isinstance(exc, (EOFError, zlib.error, OSError, ValueError)):
        return DocumentError(f"{where}#{done + 1}", f"truncated or corrupt WARC ({type(exc).__name__}: {exc})")
    return DocumentError(f"{where}#{done + 1}", f"malformed WARC record ({type(exc).__name__}: {exc})")


def _warc_responses(fh: BinaryIO, where: str, path: str | None, max_bytes: int) -> Iterator[RawDocument | DocumentError]:
    from warcio.archiveiterator import ArchiveIterator

    index = 0
    for record in ArchiveIterator(fh):
        if record.rec_type not in ("response", "resource", "conversion"):
            continue
        index += 1
        url = record.rec_headers.get_header("WARC-Target-URI")
        here = f"{where}#{index}" + (f" ({url})" if url else "")
        if record.http_headers is not None:
            status = record.http_headers.get_statuscode()
            if status and not status.startswith("2"):
                continue  # redirects and errors are crawl artefacts, not documents
            content_type = record.http_headers.get_header("Content-Type") or ""
        else:
            content_type = record.rec_headers.get_header("Content-Type") or ""
        if content_type and not re.search(r"html|text|xml", content_type, re.I):
            continue  # images, scripts, stylesheets of a crawl are not articles
        try:
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                raise DocumentError(here, f"too large: over the {max_bytes // (1024 * 1024)} MB limit per document")
            if _record_cut_short(record):
                raise DocumentError(here, "truncated WARC record: shorter than its Content-Length")
            text = decode_bytes(data, here, declared=_charset_of(content_type))
            if not text.strip():
                raise DocumentError(here, "empty record")
        except DocumentError as exc:
            yield exc
            continue
        kind = "html" if "html" in content_type.lower() or looks_like_html(text) else "text"
        yield RawDocument(content=text, kind=kind, path=path, container="warc", url=url, where=here)


def _record_cut_short(record) -> bool:
    """warcio returns a cut-off record's bytes without complaint; its LimitReader knows."""
    remaining = getattr(record.raw_stream, "limit", 0)
    return isinstance(remaining, int) and remaining > 0


def gunzip_limited(fh: BinaryIO, where: str, max_bytes: int) -> bytes:
    """Decompress at most ``max_bytes``; a zip bomb stops at the limit instead of filling memory."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=fh) as gz:
            while True:
                chunk = gz.read(1 << 20)
                if not chunk:
                    break
                out.write(chunk)
                if out.tell() > max_bytes:
                    raise DocumentError(where, f"too large when decompressed: over the {max_bytes // (1024 * 1024)} MB limit")
    except EOFError:
        raise DocumentError(where, "truncated gzip: the compressed data ends early") from None
    except (OSError, zlib.error) as exc:
        raise DocumentError(where, f"corrupt gzip ({exc})") from None
    return out.getvalue()


def _gunzip_head(fh: BinaryIO, where: str) -> bytes:
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(fh.read(65536), 16)
    except zlib.error as exc:
        raise DocumentError(where, f"corrupt gzip ({exc})") from None


def _charset_of(content_type: str) -> str | None:
    match = re.search(r"charset=([\w.:-]+)", content_type, re.I)
    return match.group(1).lower() if match else None


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
