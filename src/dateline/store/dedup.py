"""Near-duplicate documents: MinHash signatures over word shingles, banded for LSH.

Syndicated copies of one wire story differ in boilerplate, headline and a few words; their
clean texts still share most 5-word shingles. A document whose estimated Jaccard
similarity with a stored one reaches ``THRESHOLD`` joins that document's story.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: candidates from about 0.4 similarity, checked against THRESHOLD
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.6
_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # fixed seed: signatures must be comparable across processes and releases
    rng = np.random.default_rng(20201120)
    a = rng.integers(1, 2**32 - 1, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 2**32 - 1, size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingle_hashes(text: str) -> np.ndarray:
    """CRC32 of every 5-word shingle of the lower-cased text (one shingle for short texts)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        grams = [" ".join(words)]
    else:
        grams = [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    return np.unique(np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64))


def signature(text: str) -> np.ndarray:
    """The MinHash signature: NUM_PERM minima of universal hashes (a*x + b) mod p."""
    a, b = _permutations()
    x = shingle_hashes(text)
    # (a * x + b) < 2**64 because a, b, x < 2**32, so uint64 arithmetic does not overflow
    hashed = (np.outer(x, a) + b) % _PRIME
    return hashed.min(axis=0).astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    """One bucket key per band; documents sharing any key are candidate duplicates."""
    keys = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].tobytes()
        # the band number is mixed in so equal rows in different bands do not collide
        keys.append((band << 56) | (zlib.crc32(chunk) << 24) | (zlib.adler32(chunk) & 0xFFFFFF))
    return keys


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(sig_a == sig_b))


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8").astype(np.uint64)
