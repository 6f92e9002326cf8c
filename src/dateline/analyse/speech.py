"""Reporting language shared by entities and quotes: quotation spans and speech verbs."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

QUOTE_MARKS = "\"“”„‟«»"
_OPENING_CONTEXT = set(" \t\n([{—–-/:")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    data = resources.files("dateline").joinpath("data/speech_verbs.txt").read_text("utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#"))


def is_speech_lemma(lemma: str) -> bool:
    return lemma.lower() in speech_verbs()


def _mark_role(text: str, i: int) -> str:
    """'open' or 'close' for the quotation mark at ``i``, from its glyph and its neighbours."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“„‟«":
        # a curly opening mark glued to the end of a word is a typo'd closing mark
        return "close" if before.isalnum() and (after.isspace() or after in ".,;:!?") else "open"
    if ch in "”»":
        return "open" if before in _OPENING_CONTEXT and not after.isspace() and after not in ".,;:!?" else "close"
    # straight marks: direction from the neighbours
    if before in _OPENING_CONTEXT and not after.isspace():
        return "open"
    return "close"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the content of each quotation, marks excluded, in text order.

    A quotation left open at the end of a paragraph continues when the next paragraph
    opens with a quotation mark (the newspaper convention for multi-paragraph quotes);
    otherwise the stray mark is dropped.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None and text.startswith("\n\n", i):
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in QUOTE_MARKS and _mark_role(text, j) == "open":
                i = j + 1  # the quotation runs on into the next paragraph
                continue
            open_at = None
        elif ch in QUOTE_MARKS:
            role = _mark_role(text, i)
            if role == "open" and open_at is None:
                open_at = i + 1
            elif role == "close" and open_at is not None:
                if i > open_at:
                    spans.append((open_at, i))
                open_at = None
            elif role == "open":
                open_at = i + 1  # two openings in a row: the first one was stray
        i += 1
    return spans


class QuoteIndex:
    """Fast "is this offset inside a quotation?" over a text's quotation spans."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def containing(self, offset: int) -> tuple[int, int] | None:
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and self.spans[k][0] <= offset < self.spans[k][1]:
            return self.spans[k]
        return None

    def inside(self, offset: int) -> bool:
        return self.containing(offset) is not None


def text_of(parsed) -> str:
    """The parsed Doc's text, built once: spaCy's ``Doc.text`` joins every token on each call."""
    cached = parsed.user_data.get("dateline_text")
    if cached is None:
        cached = parsed.text
        parsed.user_data["dateline_text"] = cached
    return cached


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))
