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


# -- the rules, on hand-built rows (no NLP) ------------------------------------------------

def row(doc, src, tgt, cameo, date, *, sentence="", place=None, modality="asserted", date_source="expression",
        start=0, lat=None, lon=None, event="v1"):
    from dateline.store.clusters import EVENT_COLUMNS

    r = dict.fromkeys(EVENT_COLUMNS)
    code = lambda c: (c or "").split("/")[0] or None  # noqa: E731  "RUSMIL/RUS": code and country
    country = lambda c: (c.split("/")[1] if c and "/" in c else (c[:3] if c and len(c) >= 3 else None))  # noqa: E731
    r.update(doc_id=doc, event_id=event, source_code=code(src), source_country=country(src), source_name=src,
             target_code=code(tgt), target_country=country(tgt), target_name=tgt, cameo=cameo, date=date,
             date_source=date_source, modality=modality, sentence=sentence, sentence_start=start, sentence_end=start + 1,
             place_name=place, place_country=place[:3].upper() if place else None, lat=lat, lon=lon)
    return r


def groups(rows):
    from dateline.store.clusters import cluster_events

    return sorted(sorted(m["doc_id"] for m in c.members) for c in cluster_events(rows))


def test_one_attack_told_as_strike_bombing_and_killing_is_one_cluster():
    rows = [row("a", "RUSMIL", "SYR", "190", "2025-03-04"), row("b", "RUS", "SYR", "183", "2025-03-05"),
            row("c", "RUSMIL", "SYRCVL", "1823", "2025-03-04")]
    assert groups(rows) == [["a", "b", "c"]]


def test_an_unknown_target_joins_a_known_one_only_with_more_evidence():
    known = row("a", "RUSMIL", "SYR", "190", "2025-03-04", sentence="Russian jets struck Saraqib on Tuesday.")
    vague = row("b", "RUS", None, "1823", "2025-03-04", sentence="A raid on Saraqib by Russian aircraft killed 12.")
    bare = row("c", "RUS", None, "1823", "2025-03-04", sentence="Russian aircraft also killed people elsewhere.")
    assert groups([known, vague, bare]) == [["a", "b"], ["c"]]


def test_unknown_actors_cannot_chain_two_different_targets():
    rows = [row("a", "RUSMIL", "SYR", "190", "2025-03-04", sentence="Strikes hit Idlib and Kharkiv."),
            row("b", "RUS", None, "190", "2025-03-04", sentence="Strikes hit Idlib and Kharkiv."),
            row("c", "RUSMIL", "UKR", "190", "2025-03-04", sentence="Strikes hit Idlib and Kharkiv.")]
    assert len(groups(rows)) == 2 and ["a", "c"] not in groups(rows)


def test_meetings_match_whichever_side_the_coder_put_first():
    rows = [row("a", "JPNGOV", "PHLGOV", "042", "2025-03-06"), row("b", "PHLGOV", "JPNGOV", "040", "2025-03-06"),
            row("c", "JPNGOV", "PHLGOV", "057", "2025-03-06", modality="intended")]
    assert groups(rows) == [["a", "b", "c"]]


def test_denials_and_countries_keep_events_apart():
    rows = [row("a", "KEN", "COD", "0874", "2025-03-11"), row("b", "KEN", "COD", "0874", "2025-03-11", modality="negated"),
            row("c", "KENMIL", "COD", "0874", "2025-03-11", place="COD Goma"),
            row("d", "KEN", "COD", "0874", "2025-03-11", place="SOM Mogadishu")]
    found = groups(rows)
    # "a" names no place, so it may join either; the two places and the denial stay apart
    assert ["b"] in found and len(found) == 3 and not any({"c", "d"} <= set(g) for g in found)


def test_a_date_that_is_only_the_publication_day_reaches_back():
    event_day = row("a", "LTU", "RUSGOV", "166", "2025-03-14")
    told_later = row("b", "LTU", "RUSGOV", "166", "2025-03-17", date_source="published")
    dated_later = row("c", "LTU", "RUSGOV", "166", "2025-03-17")
    assert groups([event_day, told_later, dated_later]) == [["a", "b"], ["c"]]


def test_a_year_matches_only_the_same_year():
    rows = [row("a", "UKRMIL", "RUS", "190", "2022"), row("b", "UKRMIL", "RUS", "190", "2022"),
            row("c", "UKRMIL", "RUS", "190", "2022-03-01")]
    assert groups(rows) == [["a", "b"], ["c"]]


def test_parts_of_one_sentence_hold_the_cluster_together():
    # the coder gave the killed civilians the attacker's country; the sentence keeps it one happening
    s = "Russian warplanes struck the market in Saraqib, killing 12 civilians."
    rows = [row("a", "RUSMIL", "SYR", "190", "2025-03-04", sentence=s, event="v1"),
            row("a", "RUSMIL", "RUSCVL", "1823", "2025-03-04", sentence=s, event="v2"),
            row("b", "RUSMIL", "RUS", "183", "2025-03-05", sentence="Russian jets bombed Saraqib, killing 12."),
            row("c", "RUSMIL", "SYR", "190", "2025-03-19", sentence="Russian jets struck Ariha.")]
    assert groups(rows) == [["a", "a", "b"], ["c"]]


def test_places_within_fifty_km_are_one_place():
    from dateline.store.clusters import same_place

    goma = row("a", None, None, "190", None, place="COD Goma", lat=-1.679, lon=29.222)
    gisenyi = row("b", None, None, "190", None, place="RWA Gisenyi", lat=-1.702, lon=29.256)
    bukavu = row("c", None, None, "190", None, place="COD Bukavu", lat=-2.508, lon=28.861)
    assert same_place(goma, gisenyi) and not same_place(goma, bukavu)
