"""Readers: formats detected by content, decoding, and one clear error per bad document."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from dateline.errors import DocumentError
from dateline.read import RawDocument, read_path

from conftest import FIXTURES

HTML = (FIXTURES / "html_ukraine.html").read_text("utf-8")
TEXT = (FIXTURES / "plain_wire.txt").read_text("utf-8")


def read_all(path) -> list:
    return list(read_path(str(path)))


def make_warc(path, pages: list[tuple[str, str]], gzipped: bool = True, charset: str = "utf-8") -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode(charset)),
                                               http_headers=headers)
            writer.write_record(record)


def test_html_detected_by_content_not_extension(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(HTML, "utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument) and doc.kind == "html" and doc.container == "html"


def test_plain_text(tmp_path):
    path = tmp_path / "story"
    path.write_text(TEXT, "utf-8")
    [doc] = read_all(path)
    assert doc.kind == "text" and doc.content == TEXT


def test_gzipped_html(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(HTML.encode("utf-8")))
    [doc] = read_all(path)
    assert doc.kind == "html" and "grain corridor" in doc.content


def test_warc_gz_streams_each_response(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [("https://news.example/a", HTML), ("https://news.example/b", HTML.replace("Warsaw", "Krakow"))])
    docs = read_all(path)
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert all(d.container == "warc" and d.kind == "html" for d in docs)


def test_plain_warc_and_declared_charset(tmp_path):
    path = tmp_path / "crawl.warc"
    make_warc(path, [("https://news.example/c", "<html><body><p>Caf\u00e9 talks in M\u00fcnchen.</p></body></html>")],
              gzipped=False, charset="iso-8859-1")
    [doc] = read_all(path)
    assert "Café talks in München" in doc.content


def test_jsonl_text_and_html_fields_and_a_broken_line(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps({"url": "https://x.example/1", "published": "2024-03-07", "title": "T1", "text": TEXT}),
             '{"url": "https://x.example/2", "text": "unterminated',
             json.dumps({"url": "https://x.example/3", "html": HTML})]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    first, broken, third = read_all(path)
    assert first.kind == "text" and first.published == "2024-03-07" and first.title == "T1"
    assert isinstance(broken, DocumentError) and str(broken).startswith(f"{path}:2: invalid JSON")
    assert third.kind == "html" and third.url == "https://x.example/3"


def test_windows_1256_arabic_without_declared_charset(tmp_path):
    arabic = "قال وزير الخارجية العراقي إن القوات الأمريكية ستنسحب من العراق خلال الأسابيع المقبلة."
    path = tmp_path / "ar.txt"
    path.write_bytes(((arabic + "\n") * 5).encode("cp1256"))
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument)
    assert "القوات" in doc.content


def test_a_page_encoded_twice_reads_as_meant(tmp_path):
    # UTF-8 once read as Windows-1252 and saved again: what a careless CMS import leaves
    meant = ("<html><head><title>The Saver\u2019s Guide</title></head><body><p>Caf\u00e9 owners\u2019 "
             "\u201cslow season\u201d \u2014 a guide. \u00a9 2023 Lakeview Ledger</p></body></html>")
    path = tmp_path / "twice.html"
    # (the bytes Windows-1252 leaves undefined, as in the closing quote's 0x9d, pass as Latin-1)
    misread = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in meant.encode("utf-8"))
    path.write_bytes(misread.encode("utf-8"))
    [doc] = read_all(path)
    assert "Saver\u2019s" in doc.content and "\u201cslow season\u201d" in doc.content and "Caf\u00e9" in doc.content


def test_latin_symbols_and_a_text_about_mojibake_are_left_alone(tmp_path):
    page = ("<html><body><p>Rosa \u00d7\u00a0hybrida grows in the CAF\u00c9\u00ae garden. Old software showed "
            "\u201c\u00c3\u00a4\u201d instead of \u201c\u00e4\u201d.</p></body></html>")
    path = tmp_path / "symbols.html"
    path.write_bytes(page.encode("utf-8"))
    [doc] = read_all(path)
    assert doc.content == page


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    [doc] = read_all(path)
    assert doc.content.startswith("GENEVA")


@pytest.mark.parametrize("name, payload, reason", [
    ("binary.html", bytes(range(256)) * 40, "binary content"),
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b" \n\t\n  ", "empty document"),
    ("truncated.html.gz", gzip.compress(HTML.encode() * 20)[:400], "truncated gzip"),
])
def test_bad_input_gives_one_clear_error(tmp_path, name, payload, reason):
    path = tmp_path / name
    path.write_bytes(payload)
    [error] = read_all(path)
    assert isinstance(error, DocumentError)
    message = str(error)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_oversized_page_is_refused_at_the_limit(tmp_path):
    path = tmp_path / "huge.html"
    filler = "<p>" + "word " * 200 + "</p>\n"
    with path.open("w") as fh:
        fh.write("<html><body>")
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(filler * 100)
    [error] = read_all(path)
    assert isinstance(error, DocumentError) and "too large" in str(error)


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * (40 * 1024 * 1024)))
    [error] = list(read_path(str(path), max_bytes=5 * 1024 * 1024))
    assert isinstance(error, DocumentError) and "too large when decompressed" in str(error)


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    path = tmp_path / "cut.warc.gz"
    make_warc(path, [("https://news.example/a", HTML), ("https://news.example/b", HTML * 3)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])
    results = read_all(path)
    assert isinstance(results[0], RawDocument) and results[0].url == "https://news.example/a"
    assert isinstance(results[-1], DocumentError) and "WARC" in str(results[-1])


def test_missing_file(tmp_path):
    [error] = read_all(tmp_path / "nope.txt")
    assert isinstance(error, DocumentError) and "no such file" in str(error)
