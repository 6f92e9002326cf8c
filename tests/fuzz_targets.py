"""Fuzz targets for the readers and the cleaner, shared by the CI fuzz test and benchmarks/fuzz.py.

A target may return anything or raise DocumentError (a clear refusal); any other exception
is a crash, and a call slower than the limit is a hang.
"""

from __future__ import annotations

import gzip
import json

from hypothesis import strategies as st

from dateline.clean import clean_document
from dateline.errors import DocumentError
from dateline.read import read_bytes

SEED_HTML = ("<html><head><title>T</title><meta name='author' content='A B'></head><body><nav>x</nav>"
             "<article><h1>Head</h1><p>KABUL, Afghanistan — Officials said on Monday that 12 people died.</p>"
             "<p>“We will rebuild,” the governor said.</p></article><footer>c</footer></body></html>")
SEED_TEXT = ("By Jane Roe | March 3, 2021\nKYIV (Wire) — Shelling killed 4 people, officials said.\n"
             ".x { color: red; }\nShare this: Facebook Twitter\nContent retrieved from: http://a.example")

html_fragments = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "{", "}",
                                  "<!--", "-->", "<![CDATA[", "&amp;", "&#0;", "\x00", "<meta charset='utf-16'>",
                                  "<time datetime='2021-13-45'>", "<a href='javascript:alert(1)'>", "“", "—", "\n"])
text_pieces = st.one_of(st.text(max_size=200), html_fragments, st.sampled_from(SEED_TEXT.split()))


@st.composite
def html_documents(draw) -> str:
    pieces = draw(st.lists(st.one_of(html_fragments, st.text(max_size=60)), max_size=60))
    cut = draw(st.integers(0, len(SEED_HTML)))
    return SEED_HTML[:cut] + "".join(pieces) + SEED_HTML[cut:]


@st.composite
def text_documents(draw) -> str:
    return "".join(draw(st.lists(text_pieces, max_size=40)))


@st.composite
def byte_documents(draw) -> bytes:
    kind = draw(st.sampled_from(["raw", "gzip", "jsonl", "html", "warc-ish"]))
    payload = draw(st.binary(max_size=2000))
    if kind == "gzip":
        data = gzip.compress(payload + SEED_HTML.encode())
        return data[: draw(st.integers(0, len(data)))]
    if kind == "jsonl":
        lines = draw(st.lists(st.one_of(st.just(json.dumps({"text": SEED_TEXT})), st.text(max_size=80)), max_size=5))
        return "\n".join(lines).encode("utf-8", "surrogatepass") if lines else payload
    if kind == "html":
        return SEED_HTML.encode()[: draw(st.integers(0, len(SEED_HTML)))] + payload
    if kind == "warc-ish":
        return b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload
    return payload


def read_target(data: bytes) -> None:
    try:
        for item in read_bytes(data, where="fuzz", path=None, max_bytes=1 << 20):
            if not isinstance(item, DocumentError):
                assert isinstance(item.content, str)
    except DocumentError:
        pass


def clean_target(content: str, kind: str) -> None:
    cleaned = clean_document(content, kind)
    assert isinstance(cleaned.text, str)
    for piece in cleaned.boilerplate:
        assert isinstance(piece.text, str) and piece.reason
