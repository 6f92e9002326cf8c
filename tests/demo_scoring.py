"""Score pipeline output against the demo corpus's expected facts (tests/data/demo_expected.json).

Used by tests/test_demo_pipeline.py (thresholds) and benchmarks/demo_facts.py (the table).
A fact counts as found when the record states it; matching is lenient on surface form
(case, accents, containment of names) and strict on values (dates, numbers, codes).
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

EXPECTED = Path(__file__).resolve().parent / "data" / "demo_expected.json"
# the demo corpus uses PLOVER 0.5 names for two types; the contract uses the current 16
PLOVER_ALIASES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().replace("’", "'").split())


def demo_key(where: str) -> str:
    """'…/demo/crawl.warc.gz#3 (https://…)' -> 'crawl.warc.gz#3'; '…/feed_dump.jsonl:2' -> 'feed_dump.jsonl:2'."""
    return where.split(" (", 1)[0].rsplit("/", 1)[-1]


def _person(record: dict, name: str) -> dict | None:
    target = fold(name)
    for e in record["entities"]:
        if e["type"] == "PERSON" and (fold(e["name"]) == target or target in fold(e["name"])
                                      or (len(fold(e["name"]).split()) >= 2 and fold(e["name"]) in target)):
            return e
    return None


def check_document(record: dict, facts: dict) -> dict[str, list[bool]]:
    """kind -> one bool per expected fact of that kind."""
    found: dict[str, list[bool]] = defaultdict(list)
    if "title" in facts and facts["title"]:
        found["title"].append(fold(record["title"]) == fold(facts["title"]))
    if "authors" in facts:
        got = {fold(a) for a in record["authors"]}
        found["authors"].append(got == {fold(a) for a in facts["authors"]})
    if "published" in facts:
        found["published"].append(record["published"] == facts["published"])
    if facts.get("dateline"):
        place = (record.get("dateline") or {}).get("place") or {}
        found["dateline"].append(fold(place.get("name")) == fold(facts["dateline"]["place"])
                                 and place.get("country") == facts["dateline"]["country"])
    for p in facts.get("people", []):
        entity = _person(record, p["name"])
        found["people"].append(entity is not None)
        if entity is not None:
            found["person country"].append(entity.get("country") == p.get("country"))
            if p.get("title"):
                titles = " ".join(fold(t) for t in entity.get("titles", []) + entity.get("roles", []))
                found["person title"].append(fold(p["title"]) in titles or titles in fold(p["title"]) and bool(titles))
    for q in facts.get("quotes", []):
        quotes = [x for x in record["quotes"] if fold(q["contains"]) in fold(x["text"])]
        found["quotes"].append(bool(quotes))
        if quotes:
            entity = next((e for e in record["entities"] if e["id"] == quotes[0]["speaker"]), None)
            speaker = fold(entity["name"] if entity else quotes[0].get("speaker_name"))
            found["quote speaker"].append(bool(speaker) and (speaker in fold(q["speaker"]) or fold(q["speaker"]) in speaker))
    for d in facts.get("dates", []):
        want = fold(d["text"])
        found["dates"].append(any((want in fold(x["text"]) or fold(x["text"]) in want) and x["value"] == d["value"]
                                  for x in record["dates"]))
    for c in facts.get("counts", []):
        matches = [x for x in record["counts"] if x["number"] == c["number"]]
        found["counts"].append(bool(matches))
        if matches and c.get("category"):
            found["count category"].append(any(x.get("category") == c["category"] for x in matches))
    for ev in facts.get("events", []):
        plover = PLOVER_ALIASES.get(ev["plover"], ev["plover"])
        typed = [x for x in record["events"] if x["action"].get("plover") == plover]
        found["event type"].append(bool(typed))

        def country(actor):
            return (actor or {}).get("country")

        full = [x for x in typed if country(x["source"]) == ev.get("source")
                and (ev.get("target") is None or country(x["target"]) == ev.get("target"))]
        found["event triple"].append(bool(full))
    return found


def score(records_by_key: dict[str, dict]) -> dict[str, tuple[int, int]]:
    """kind -> (found, expected) over the whole corpus; a missing record misses all its facts."""
    expected = json.loads(EXPECTED.read_text("utf-8"))["documents"]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, facts in expected.items():
        record = records_by_key.get(key)
        if record is None:
            record = {"title": None, "authors": [], "published": None, "dateline": None, "entities": [],
                      "quotes": [], "dates": [], "counts": [], "events": []}
        for kind, hits in check_document(record, facts).items():
            totals[kind][0] += sum(hits)
            totals[kind][1] += len(hits)
    return {kind: (v[0], v[1]) for kind, v in totals.items()}


def process_demo() -> dict[str, dict]:
    """Run the real pipeline over the bundled demo corpus; records keyed like the expected facts."""
    from dateline.errors import DocumentError
    from dateline.read import read_paths
    from dateline.run.ingest import demo_files
    from dateline.run.pipeline import process_many

    raws = list(read_paths(demo_files()))
    out = {}
    for raw, result in zip(raws, process_many(raws)):
        if not isinstance(result, DocumentError):
            out[demo_key(raw.where)] = result.to_dict()
    return out
