#!/usr/bin/env python3
"""Rebuild the demo corpus containers from their sources.

    python scripts/build_demo_containers.py

writes, under src/dateline/data/demo/:

- ``crawl.warc.gz``: a warcinfo record, then one request/response pair per page listed in
  ``warc_src/manifest.json`` (HTTP headers with the charset in Content-Type; each body is
  encoded in that charset, as a crawler would have received it);
- ``feed_dump.jsonl``: one JSON object per line for each entry of ``jsonl_src/manifest.json``
  ({"url", "title", "published", "text"} or "html" instead of "text").

The output is deterministic (fixed record ids and gzip timestamps), so rebuilding without
changing a source gives byte-identical files and a clean ``git status``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEMO = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "demo"


def _record_id(*parts: str) -> str:
    """A stable WARC-Record-ID: the same source always gets the same id."""
    return f"<urn:uuid:{uuid.UUID(hashlib.md5('|'.join(parts).encode()).hexdigest())}>"


def _http_date(iso: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)


def build_warc(demo: Path = DEMO) -> Path:
    manifest = json.loads((demo / "warc_src" / "manifest.json").read_text(encoding="utf-8"))
    raw = io.BytesIO()
    # gzip=False then one deterministic gzip member per record below keeps the output stable
    writer = WARCWriter(raw, gzip=False)
    members: list[bytes] = []

    def flush() -> None:
        data = raw.getvalue()
        raw.seek(0)
        raw.truncate()
        members.append(gzip.compress(data, mtime=0))

    info = writer.create_warcinfo_record(
        "crawl.warc.gz",
        {"software": "dateline demo builder", "format": "WARC File Format 1.1",
         "description": "dateline demo corpus: original articles written for the project"},
    )
    info.rec_headers.replace_header("WARC-Record-ID", _record_id("warcinfo"))
    info.rec_headers.replace_header("WARC-Date", "2026-01-01T00:00:00Z")
    writer.write_record(info)
    flush()
    for entry in manifest:
        url, crawled, charset = entry["url"], entry["crawled"], entry["charset"]
        body = (demo / "warc_src" / entry["file"]).read_text(encoding="utf-8").encode(charset)
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
        req_headers = StatusAndHeaders(f"GET {path} HTTP/1.1", [
            ("Host", host), ("User-Agent", "dateline-demo-crawler/1.0"), ("Accept", "text/html")],
            is_http_request=True)
        request = writer.create_warc_record(url, "request", http_headers=req_headers, payload=io.BytesIO(b""))
        request.rec_headers.replace_header("WARC-Record-ID", _record_id("request", url))
        request.rec_headers.replace_header("WARC-Date", crawled)
        http_headers = StatusAndHeaders("200 OK", [
            ("Content-Type", f"text/html; charset={charset}"),
            ("Content-Length", str(len(body))),
            ("Date", _http_date(crawled)),
            ("Server", "nginx"),
            ("Cache-Control", "max-age=300"),
        ], protocol="HTTP/1.1")
        response = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http_headers)
        response.rec_headers.replace_header("WARC-Record-ID", _record_id("response", url))
        response.rec_headers.replace_header("WARC-Date", crawled)
        response.rec_headers.add_header("WARC-Concurrent-To", request.rec_headers.get_header("WARC-Record-ID"))
        writer.write_record(response)
        flush()
        writer.write_record(request)
        flush()
    out = demo / "crawl.warc.gz"
    out.write_bytes(b"".join(members))
    return out


def build_jsonl(demo: Path = DEMO) -> Path:
    manifest = json.loads((demo / "jsonl_src" / "manifest.json").read_text(encoding="utf-8"))
    lines = []
    for entry in manifest:
        content = (demo / "jsonl_src" / entry["file"]).read_text(encoding="utf-8")
        record = {"url": entry["url"], "title": entry["title"], "published": entry["published"],
                  entry["field"]: content}
        lines.append(json.dumps(record, ensure_ascii=False))
    out = demo / "feed_dump.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", type=Path, default=DEMO, help="the demo folder (default: the package's)")
    args = parser.parse_args()
    for path in (build_warc(args.demo), build_jsonl(args.demo)):
        print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
