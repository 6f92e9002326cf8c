"""Bytes to text: byte-order marks, declared charsets, UTF-8, then detection.

Binary data is refused here, before it can reach the cleaner, with a reason a user can act on.
"""

from __future__ import annotations

import codecs
import re

from dateline.errors import DocumentError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.-]+)""", re.I)


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):], encoding
    return data, None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares for itself in a <meta> tag or an XML prolog."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text with no BOM shows NUL in every other byte of ASCII-range characters."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """Control characters (other than whitespace) in more than 1% of a sample mean binary data."""
    sample = text[:8192]
    if not sample:
        return False
    return len(_BINARY_CHARS.findall(sample)) / len(sample) > 0.01


# control characters other than layout whitespace, and the replacement character of bytes
# no encoding could read
_BINARY_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def decode_bytes(data: bytes, where: str, declared: str | None = None) -> str:
    """Decode ``data`` to text or raise DocumentError naming ``where`` and the reason."""
    data, bom_encoding = strip_bom(data)
    candidates: list[str] = []
    if bom_encoding:
        candidates.append(bom_encoding)
    else:
        guessed = utf16_without_bom(data)
        if guessed:
            candidates.append(guessed)
        if declared:
            candidates.append(declared)
        in_page = declared_charset(data)
        if in_page:
            candidates.append(in_page)
        candidates.append("utf-8")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not looks_binary(text):
            return undo_double_utf8(text)
    if b"\x00" in data[:8192]:
        raise DocumentError(where, "binary content, not text or HTML")
    text = _detect_and_decode(data)
    if text is None or looks_binary(text):
        raise DocumentError(where, "binary content or unknown character encoding")
    return text


def _detect_and_decode(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# A page saved twice over: its UTF-8 bytes were once read as Windows-1252 and written back as
# UTF-8, so the reader sees "Investor\u00e2\u20ac\u2122s" for "Investor\u2019s" and "\u00c2\u00a9" for "\u00a9".
# Only the three lead bytes that English and West European text produces are read (C2/C3:
# accents and symbols, E2: quotes and dashes), so "Rosa \u00d7 hybrid" and "CAF\u00c9\u00ae" stay; a
# run is replaced only when it is valid UTF-8 once turned back into bytes, and only on a page
# with several such runs (one or two are as likely a text about mojibake as mojibake).
_CP1252_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
                       "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_DOUBLE_UTF8 = re.compile(f"[\u00c2\u00c3][{_CP1252_CONTINUATION}]|\u00e2[{_CP1252_CONTINUATION}]{{2}}")
_MIN_DOUBLE_UTF8_RUNS = 3


def _as_utf8(run: str) -> str | None:
    # the five bytes Windows-1252 leaves undefined come through as themselves
    try:
        return bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in run).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def undo_double_utf8(text: str) -> str:
    """``text`` with UTF-8 read as Windows-1252 turned back into the characters meant."""
    if "\u00c2" not in text and "\u00c3" not in text and "\u00e2" not in text:
        return text  # no lead byte at all: most pages, found without a regex scan
    runs = [m.group() for m in _DOUBLE_UTF8.finditer(text, 0, 2_000_000)]
    if sum(1 for run in runs if _as_utf8(run) is not None) < _MIN_DOUBLE_UTF8_RUNS:
        return text
    return _DOUBLE_UTF8.sub(lambda m: _as_utf8(m.group()) or m.group(), text)
