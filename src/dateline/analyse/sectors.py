"""CAMEO sector codes (GOV, MIL, REB, ...) from role words: titles, organisations, groups.

One table (``data/sector_words.tsv``) serves entities (a person's title), counts (the
counted noun) and events (actor phrases), so that "troops" means MIL everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[str, str]]:
    """(phrase, sector) pairs, longest phrase first so that it wins."""
    pairs: list[tuple[str, str]] = []
    data = resources.files("dateline").joinpath("data/sector_words.tsv").read_text("utf-8")
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sector, words = line.split("\t")
        pairs.extend((w.strip(), sector) for w in words.split("|") if w.strip())
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def sector_table() -> dict[str, str]:
    """phrase (lower case) -> sector code."""
    return dict(_phrases())


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p, _ in _phrases())
    return re.compile(rf"(?<![\w-])({alternatives})(?:e?s)?(?![\w-])", re.I)


def sectors_in(text: str) -> list[str]:
    """Sector codes named in ``text``, in order of first appearance, without repeats.

    Case matters for short acronyms only ("UN", "EU", "WHO" as organisations, not "who").
    """
    table = sector_table()
    found: list[str] = []
    for match in _pattern().finditer(text):
        word = match.group(1)
        if len(word) <= 3 and not word.isupper():
            continue
        sector = table[word.lower()]
        if sector not in found:
            found.append(sector)
    return found


def main_sector(text: str) -> str | None:
    """The first sector named, e.g. "Defense Minister" -> GOV, "army spokesman" -> MIL."""
    found = sectors_in(text)
    return found[0] if found else None
