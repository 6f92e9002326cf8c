"""Event clusters: one real-world event, however many articles (or sentences) report it.

GDELT merges only identical rows, so one abduction reported 366 times stays 366 events.
Here two stored events are the same event when they share the action family (CAMEO root),
the two sides (actor codes, or at least their countries), agree on the place's country
when both name one, and fall within ``DAY_WINDOW`` days of each other. Syndicated copies
of one story count once as sources but every article and mention is kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DAY_WINDOW = 2

EVENT_COLUMNS = (
    "doc_id", "event_id", "source_name", "source_code", "source_country", "source_entity",
    "target_name", "target_code", "target_country", "target_entity", "cameo", "plover", "verb",
    "quad_class", "goldstein", "date", "date_source", "place_name", "place_country", "lat", "lon",
    "modality", "count", "reported_by", "confidence", "sentence_start", "sentence_end", "sentence",
)


@dataclass
class Cluster:
    first: dict  # the earliest-dated mention stands for the cluster
    members: list[dict] = field(default_factory=list)

    def key_matches(self, row: dict) -> bool:
        head = self.first
        if (head["cameo"] or "")[:2] != (row["cameo"] or "")[:2] or head["modality"] != row["modality"]:
            return False
        for side in ("source", "target"):
            if not _same_actor(head, row, side):
                return False
        a, b = head["place_country"], row["place_country"]
        if a and b and a != b:
            return False
        return _within_days(head["date"], row["date"], DAY_WINDOW)

    def to_record(self, stories: dict[str, str], sites: dict[str, str | None]) -> dict:
        head = self.first
        articles = {m["doc_id"] for m in self.members}
        sources = {sites.get(d) or stories.get(d, d) for d in articles}
        counts = [m["count"] for m in self.members if m["count"] is not None]
        return {
            "id": f"{head['doc_id']}:{head['event_id']}",
            "source": _actor(head, "source"),
            "target": _actor(head, "target"),
            "action": {"cameo": head["cameo"], "plover": head["plover"], "verb": head["verb"],
                       "quad_class": head["quad_class"], "goldstein": head["goldstein"]},
            "date": head["date"],
            "place": None if not head["place_name"] else {
                "name": head["place_name"], "country": head["place_country"], "lat": head["lat"], "lon": head["lon"]},
            "modality": head["modality"],
            "count": max(counts) if counts else None,
            "reported_by": head["reported_by"],
            "sentence": {"start": head["sentence_start"], "end": head["sentence_end"], "text": head["sentence"]},
            "confidence": head["confidence"],
            "num_mentions": len(self.members),
            "num_sources": len(sources),
            "num_articles": len(articles),
            "mentions": [{"document": m["doc_id"], "event": m["event_id"],
                          "sentence": {"start": m["sentence_start"], "end": m["sentence_end"], "text": m["sentence"]}}
                         for m in self.members],
        }


def cluster_events(rows: list[dict]) -> list[Cluster]:
    """Greedy clustering in date order; each event joins the first compatible cluster."""
    clusters: list[Cluster] = []
    open_by_root: dict[str, list[Cluster]] = {}
    for row in sorted(rows, key=lambda r: (r["date"] or "9999", r["doc_id"], r["event_id"])):
        candidates = open_by_root.setdefault((row["cameo"] or "")[:2], [])
        for cluster in candidates:
            if cluster.key_matches(row):
                cluster.members.append(row)
                break
        else:
            cluster = Cluster(first=row, members=[row])
            candidates.append(cluster)
            clusters.append(cluster)
    return clusters


def _same_actor(a: dict, b: dict, side: str) -> bool:
    code_a, code_b = a[f"{side}_code"], b[f"{side}_code"]
    if code_a and code_b:
        if code_a == code_b:
            return True
        # the same country with a sector on one side only ("IRQ" and "IRQGOV") is compatible
        return code_a.startswith(code_b) or code_b.startswith(code_a)
    country_a, country_b = a[f"{side}_country"], b[f"{side}_country"]
    return country_a == country_b


def _within_days(a: str | None, b: str | None, days: int) -> bool:
    if not a or not b:
        return a == b
    try:
        da, db = dt.date.fromisoformat(a[:10]), dt.date.fromisoformat(b[:10])
    except ValueError:
        return a[:7] == b[:7]
    return abs((da - db).days) <= days


def _actor(row: dict, side: str) -> dict | None:
    if not row[f"{side}_name"] and not row[f"{side}_code"]:
        return None
    return {"name": row[f"{side}_name"] or "", "country": row[f"{side}_country"], "code": row[f"{side}_code"],
            "entity": row[f"{side}_entity"]}
