"""Build the web map's country outlines: src/dateline/web/data/world.json.

The outlines are Natural Earth's 1:110m admin-0 countries (public domain), as shipped
inside the geopandas 0.14 wheel (``geopandas/datasets/naturalearth_lowres``). This script
fetches that wheel from the package registry with pip (or takes one already downloaded),
reads the shapefile with a small reader (no GIS dependency), simplifies each ring
(Douglas-Peucker) and writes one SVG path per country in equirectangular coordinates:
x = longitude, y = -latitude, so an SVG with viewBox "-180 -90 360 180" shows the world.

    python scripts/build_world_map.py [--wheel geopandas-0.14.4-py3-none-any.whl]
"""

from __future__ import annotations

import argparse
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "dateline" / "web" / "data" / "world.json"
WHEEL = "geopandas==0.14.4"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
TOLERANCE = 0.12  # degrees: invisible at the web map's scale, a quarter of the points


def fetch_wheel(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "-d", str(folder)], check=True)
    return next(folder.glob("geopandas-*.whl"))


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Rings of each record of a polygon shapefile (shape type 5), in file order."""
    records, pos = [], 100
    while pos + 8 <= len(shp):
        _, words = struct.unpack(">ii", shp[pos:pos + 8])
        content = shp[pos + 8:pos + 8 + words * 2]
        pos += 8 + words * 2
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type != 5:
            records.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        coords = struct.unpack(f"<{2 * n_points}d", content[base:base + 16 * n_points])
        points = list(zip(coords[0::2], coords[1::2]))
        bounds = parts[1:] + [n_points]
        records.append([points[a:b] for a, b in zip(parts, bounds)])
    return records


def read_dbf(dbf: bytes) -> list[dict[str, str]]:
    n_records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields, pos = [], 32
    while dbf[pos] != 0x0D:
        name = dbf[pos:pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        raw = dbf[header_len + i * record_len:header_len + (i + 1) * record_len]
        row, offset = {}, 1  # the first byte is the deletion flag
        for name, length in fields:
            row[name] = raw[offset:offset + length].decode("utf-8", "replace").strip()
            offset += length
        rows.append(row)
    return rows


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (rings of large countries are long)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, None
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def ring_path(ring: list[tuple[float, float]]) -> str:
    pts = []
    for x, y in ring:
        p = f"{x:.1f} {-y:.1f}"
        if not pts or pts[-1] != p:
            pts.append(p)
    if len(pts) < 4:  # a speck at this scale
        return ""
    return "M" + "L".join(pts) + "Z"


def iso3_of(row: dict[str, str]) -> str | None:
    """Natural Earth leaves iso_a3 at -99 for a few countries (France, Norway, Kosovo): ask dateline's table."""
    code = row.get("iso_a3", "")
    if len(code) == 3 and code.isalpha():
        return code
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.analyse.countries import country_code

    return country_code(row.get("name", "")) or ("XKX" if row.get("name") == "Kosovo" else None)


def build(wheel: Path) -> list[dict]:
    with zipfile.ZipFile(wheel) as zf:
        shp = zf.read(MEMBER + ".shp")
        dbf = zf.read(MEMBER + ".dbf")
    countries = []
    for row, rings in zip(read_dbf(dbf), read_polygons(shp)):
        d = "".join(ring_path(simplify(ring, TOLERANCE)) for ring in rings)
        if d:
            countries.append({"iso3": iso3_of(row), "name": row.get("name"), "d": d})
    return sorted(countries, key=lambda c: c["name"] or "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a downloaded geopandas 0.14 wheel (default: pip download it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        countries = build(wheel)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {"source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4",
               "projection": "equirectangular: x = longitude, y = -latitude", "countries": countries}
    OUTPUT.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(f"{len(countries)} countries -> {OUTPUT} ({OUTPUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
