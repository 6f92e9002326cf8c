"""A corpus of hostile documents, written by code so that nothing binary lives in the repo.

Each entry says what dateline must do with it: fail alone with a one-line error that
contains a reason, or give a (documented, partial) record.
"""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

ENGLISH = ("Police in the northern city said on Tuesday that they had arrested 14 people after clashes "
           "between rival groups left three dead. The interior minister called for calm. ")
ARABIC = "قال وزير الداخلية يوم الثلاثاء إن الشرطة اعتقلت أربعة عشر شخصا بعد اشتباكات بين مجموعات متنافسة. "
RUSSIAN = "Министр внутренних дел заявил во вторник, что полиция задержала четырнадцать человек после столкновений. "


def _warc(records: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


def _page(n: int) -> bytes:
    return f"<html><body><article><h1>Clashes {n}</h1><p>{ENGLISH * 3}</p></article></body></html>".encode()


def write_hostile_corpus(directory: Path) -> dict[str, str]:
    """Write the files; return name -> expectation ("error: REASON" or "record" or "record: WARNING")."""
    rng = random.Random(7)
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def put(name: str, data: bytes, expectation: str) -> None:
        (d / name).write_bytes(data)
        expect[name] = expectation

    put("binary.html", bytes(rng.randrange(256) for _ in range(20000)), "error: binary")
    put("utf16-no-bom.txt", (ENGLISH * 5).encode("utf-16-le"), "record")
    put("windows-1256.txt", (ARABIC * 8).encode("cp1256"), "record: language ar")
    put("russian.txt", (RUSSIAN * 8).encode("utf-8"), "record: language ru")
    put("mojibake.txt", (ENGLISH * 3 + "Café owner José said he was “shocked”.").encode("utf-8").decode("latin-1")
        .encode("utf-8"), "record")
    put("empty.txt", b"", "error: empty")
    put("whitespace.txt", b" \n\t \r\n ", "error: empty")
    put("huge.html", b"<html><body>" + b"<p>" + b"word " * 11_000_000 + b"</p></body></html>", "error: too large")
    put("one-line.txt", (ENGLISH * 26_000).replace(". ", "; ").encode()[:5_000_000], "record: analysis skipped")
    put("deep.html", b"<div>" * 100_000 + ENGLISH.encode() + b"</div>" * 100_000, "any")
    put("truncated.html.gz", gzip.compress(_page(1) * 50)[:-30], "error: truncated gzip")
    full = gzip.compress(_page(2) * 5)
    put("truncated.warc.gz", gzip.compress(_warc([("https://h.example/1", _page(3)),
                                                   ("https://h.example/2", _page(4) * 20)]))[:-200], "any")
    lying = _warc([("https://h.example/3", _page(5)), ("https://h.example/4", _page(6))])
    lying = lying.replace(b"Content-Length: ", b"Content-Length: 9", 1)  # the first record claims far more bytes
    put("lying-length.warc", lying, "any")
    put("broken.jsonl", b'{"text": "' + ENGLISH.encode() + b'"}\n{"text": "unterminated\n[1, 2]\n{"html": 5}\n',
        "any")
    put("zip-bomb.txt.gz", gzip.compress(b"A" * (60 * 1024 * 1024)), "error: too large when decompressed")
    put("not-really.gz", b"\x1f\x8b" + bytes(rng.randrange(256) for _ in range(3000)), "error: gzip")
    del full
    return expect
