"""Event clusters over a real store: one real-world event reported many times is one cluster."""

from __future__ import annotations

import json
import subprocess
import sys

from dateline.record import Action, Actor, Article, Event, Place, Source, Span
from dateline.run.pipeline import document_id
from dateline.store import Store


def article(text: str, site: str, events: list[tuple]) -> Article:
    """An article whose events are given as (source, target, cameo, plover, date, place_country, sentence)."""
    records = []
    for i, (src, tgt, cameo, plover, date, place_country, sentence) in enumerate(events, start=1):
        start = text.index(sentence)
        records.append(Event(
            id=f"v{i}",
            source=Actor(name=src, country=src[:3], code=src) if src else None,
            target=Actor(name=tgt, country=tgt[:3], code=tgt) if tgt else None,
            action=Action(cameo=cameo, plover=plover, verb="x"),
            date=date, place=Place(name=place_country, country=place_country) if place_country else None,
            modality="asserted", sentence=Span(start, start + len(sentence), sentence)))
    return Article(id=document_id(text), source=Source(path=None, url=f"https://{site}/a", format="text", site=site),
                   title=None, authors=[], published=None, dateline=None, language="en", text=text, events=records)


def build(tmp_path):
    s1 = "Gunmen abducted 276 schoolgirls from a school in Chibok."
    s2 = "Militants kidnapped the schoolgirls in Chibok on Monday night."
    s3 = "Police arrested two suspects in Lagos."
    s4 = "Nigeria and Niger agreed to reopen the border."
    a1 = article(f"{s1} {s3}", "wire.example", [("NGAREB", "NGACVL", "181", "ASSAULT", "2014-04-14", "NGA", s1),
                                                ("NGACOP", "NGA", "173", "COERCE", "2014-04-14", "NGA", s3)])
    a2 = article(f"{s2} Parents wept.", "daily.example", [("NGAREB", "NGACVL", "1811", "ASSAULT", "2014-04-15", "NGA", s2)])
    a3 = article(f"Again: {s1}", "weekly.example", [("NGAREB", "NGACVL", "181", "ASSAULT", "2014-04-16", "NGA", s1)])
    a4 = article(f"{s4} Trade resumed.", "wire.example", [("NGAGOV", "NERGOV", "057", "AGREE", "2014-04-15", None, s4)])
    a5 = article(f"Months later: {s1}", "late.example", [("NGAREB", "NGACVL", "181", "ASSAULT", "2014-09-01", "NGA", s1)])
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.add([a1, a2, a3, a4, a5])
    return db


def test_reports_of_one_abduction_merge_and_others_stay_apart(tmp_path):
    db = build(tmp_path)
    with Store(db, read_only=True) as store:
        clusters = store.event_clusters()
    by_size = sorted((c["num_articles"], c["action"]["plover"]) for c in clusters)
    # three reports within two days merge; the one months later and the other events stay apart
    assert by_size == [(1, "AGREE"), (1, "ASSAULT"), (1, "COERCE"), (3, "ASSAULT")]
    big = max(clusters, key=lambda c: c["num_articles"])
    assert big["num_mentions"] == 3 and big["num_sources"] == 3
    assert {m["document"] for m in big["mentions"]} and all(m["sentence"]["text"] for m in big["mentions"])


def test_filters(tmp_path):
    db = build(tmp_path)
    with Store(db, read_only=True) as store:
        assert [c["action"]["plover"] for c in store.event_clusters(plover="agree")] == ["AGREE"]
        assert {c["action"]["cameo"][:2] for c in store.event_clusters(cameo="18")} == {"18"}
        assert store.event_clusters(country="NER")[0]["target"]["code"] == "NERGOV"
        assert len(store.event_clusters(since="2014-05-01")) == 1
        assert all(c["date"] <= "2014-04-14" for c in store.event_clusters(until="2014-04-14"))
        assert len(store.event_clusters(text="kidnapped")) == 1
        assert store.event_clusters(actor="NGACOP")[0]["action"]["plover"] == "COERCE"
        # filter values are parameters, never SQL
        assert store.event_clusters(text="'; DROP TABLE events; --") == []
        assert store.count("events") == 6


def test_events_command_prints_clusters_in_the_contract_shape(tmp_path):
    db = build(tmp_path)
    out = subprocess.run([sys.executable, "-m", "dateline", "events", "--db", str(db), "--format", "json",
                          "--plover", "ASSAULT"], capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    lines = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(lines) == 2
    for cluster in lines:
        for key in ("source", "action", "target", "date", "place", "modality", "sentence",
                    "num_mentions", "num_sources", "num_articles", "mentions"):
            assert key in cluster
        assert all({"document", "sentence"} <= set(m) for m in cluster["mentions"])
    csv_out = subprocess.run([sys.executable, "-m", "dateline", "events", "--db", str(db), "--format", "csv"],
                             capture_output=True, timeout=120).stdout.decode().splitlines()
    assert csv_out[0].startswith("id,date,source") and len(csv_out) == 5


def test_gdelt_export_has_the_61_gdelt_columns(tmp_path):
    from dateline.store.export import GDELT_COLUMNS

    db = build(tmp_path)
    out = subprocess.run([sys.executable, "-m", "dateline", "export", "--db", str(db), "--format", "gdelt"],
                         capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    rows = [line.split("\t") for line in out.stdout.decode().splitlines()]
    assert len(rows) == 4 and len(GDELT_COLUMNS) == 61
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    for row in rows:
        assert len(row) == 61
    abduction = max(rows, key=lambda r: int(r[col["NumArticles"]]))
    assert abduction[col["SQLDATE"]] == "20140414" and abduction[col["EventRootCode"]] == "18"
    assert abduction[col["Actor1Code"]] == "NGAREB" and abduction[col["Actor1Type1Code"]] == "REB"
    assert abduction[col["ActionGeo_CountryCode"]] == "NI"  # GDELT geo columns use FIPS codes
    assert abduction[col["SOURCEURL"]].startswith("https://")


def test_parquet_and_csv_exports(tmp_path):
    import duckdb

    db = build(tmp_path)
    folder = tmp_path / "parquet"
    out = subprocess.run([sys.executable, "-m", "dateline", "export", "--db", str(db), "--format", "parquet",
                          "--output", str(folder)], capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{folder / 'events.parquet'}'").fetchone()[0] == 6
    csv_path = tmp_path / "docs.csv"
    subprocess.run([sys.executable, "-m", "dateline", "export", "--db", str(db), "--format", "csv", "-o", str(csv_path)],
                   check=True, capture_output=True, timeout=120)
    lines = csv_path.read_text().splitlines()
    assert lines[0].startswith("id,story,url") and len(lines) == 6
