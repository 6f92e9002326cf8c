"""Exports of a store: JSON Lines records, flat CSV, Parquet tables, GDELT 2.0 event rows."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from dateline.store import TABLES, Store

# GDELT 2.0 event table, in its column order, so that existing GDELT tooling reads the file
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
DOCUMENT_CSV_COLUMNS = ("id", "story", "url", "site", "title", "authors", "published", "language",
                        "dateline_place", "dateline_country", "n_entities", "n_quotes", "n_events", "text")


def export_jsonl(store: Store, out: TextIO) -> int:
    n = 0
    for record in store.records():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_csv(store: Store, out: TextIO) -> int:
    """One row per document with its metadata and fact counts."""
    rows = store.con.execute("""
        SELECT d.id, d.story, d.url, d.site, d.title, array_to_string(d.authors, '; '), d.published, d.language,
               d.dateline_place, d.dateline_country,
               (SELECT count(*) FROM entities e WHERE e.doc_id = d.id),
               (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id),
               (SELECT count(*) FROM events v WHERE v.doc_id = d.id), d.text
        FROM documents d ORDER BY d.ingested_at, d.id""").fetchall()
    writer = csv.writer(out)
    writer.writerow(DOCUMENT_CSV_COLUMNS)
    writer.writerows(rows)
    return len(rows)


def export_parquet(store: Store, directory: str | Path) -> list[Path]:
    """One Parquet file per table in ``directory``."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = target / f"{table}.parquet"
        # table names come from TABLES, never from the user; the path is a bound literal
        store.con.execute(f"COPY {table} TO '{_sql_literal(str(path))}' (FORMAT PARQUET)")
        written.append(path)
    return written


def export_gdelt(store: Store, out: TextIO) -> int:
    """Event clusters as GDELT 2.0 event rows (tab-separated, no header, as GDELT ships them)."""
    from dateline.analyse.countries import country_table

    fips = {iso3: row.get("fips") or "" for iso3, row in country_table().items()}
    urls = dict(store.con.execute("SELECT id, coalesce(url, path, '') FROM documents").fetchall())
    n = 0
    for number, cluster in enumerate(store.event_clusters(), start=1):
        out.write("\t".join(_gdelt_row(number, cluster, fips, urls)) + "\n")
        n += 1
    return n


def _gdelt_row(number: int, c: dict, fips: dict[str, str], urls: dict[str, str]) -> list[str]:
    date = (c["date"] or "")[:10]
    sqldate = date.replace("-", "") if len(date) == 10 else ""
    year = date[:4]
    fraction = ""
    if sqldate:
        month, day = int(date[5:7]), int(date[8:10])
        fraction = f"{int(year) + ((month - 1) * 30 + day) / 365:.4f}"
    code = c["action"]["cameo"]
    place = c["place"] or {}
    place_fips = fips.get(place.get("country") or "", "")
    geo = ["4" if place.get("lat") is not None else ("1" if place_fips else "0"), place.get("name") or "",
           place_fips, "", "", _num(place.get("lat")), _num(place.get("lon")), ""]
    values = [
        str(number), sqldate, sqldate[:6], year, fraction,
        *_gdelt_actor(c["source"]), *_gdelt_actor(c["target"]),
        "1", code, code[:3], code[:2], _num(c["action"]["quad_class"]), _num(c["action"]["goldstein"]),
        str(c["num_mentions"]), str(c["num_sources"]), str(c["num_articles"]), "",
        *([""] * 8), *([""] * 8), *geo,
        sqldate, urls.get(c["mentions"][0]["document"], ""),
    ]
    assert len(values) == len(GDELT_COLUMNS)
    return [v.replace("\t", " ").replace("\n", " ") for v in values]


def _gdelt_actor(actor: dict | None) -> list[str]:
    if not actor:
        return [""] * 10
    code = actor.get("code") or ""
    country = actor.get("country") or ""
    # an actor with no country is coded by its sectors alone ("IGO", "REBMIL")
    sectors = [code[i:i + 3] for i in range(3 if country else 0, len(code), 3)]
    return [code, (actor.get("name") or "").upper(), country, "", "", "", "",
            *(sectors + ["", "", ""])[:3]]


def _num(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _sql_literal(value: str) -> str:
    return value.replace("'", "''")
