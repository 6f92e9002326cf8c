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
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v" or ch == "\ufffd")
    return controls / len(sample) > 0.01


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
            return text
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
