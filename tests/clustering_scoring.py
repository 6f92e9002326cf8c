"""Pairwise scoring of event clusters and story deduplication on tests/data/clustering.

Used by tests/test_clustering_corpus.py (thresholds) and benchmarks/clustering.py (the table).

The corpus (``articles.jsonl``) holds 51 invented articles: 10 real-world events, each
reported 3-6 times by different outlets in different words and on different days, plus 5
distractors (the same kind of event with the same actors a week or two later, or the same
kind of event in another country or against another target). ``gold.jsonl`` gives each
article its ``main`` event (null for a distractor: an event of its own), the events it
mentions in passing (``also``) and its syndication group (``syndicated``: copies of one wire
story with other boilerplate, or the same text on two sites).

Event clustering, scored over every pair of articles:

* an article's **main cluster** is, among the clusters holding the events coded in its lead
  (the first paragraph of the clean text; the whole text when the lead has no event), the one
  with the most articles (ties: the event nearest the start). An article without events is a
  cluster of its own. Exact copies are one stored document, so they share everything.
* gold: two articles are a pair when they have the same non-null ``main`` event.
* predicted: two articles are a pair when their main clusters are the same.
  Precision, recall and F1 over pairs (each article is in exactly one class on both sides,
  so this is the usual pairwise clustering score).
* a looser variant (``any``) calls a pair predicted when any cluster of one article's lead
  events holds a lead event of the other.

Story dedup, scored over every pair of articles: gold pairs share a ``syndicated`` group;
predicted pairs share ``documents.story``. Precision (no false merges) and recall.
"""

from __future__ import annotations

import itertools
import json
import pickle
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "data" / "clustering"


def load_corpus() -> tuple[list[dict], dict[str, dict]]:
    articles = [json.loads(line) for line in (CORPUS / "articles.jsonl").read_text("utf-8").splitlines() if line]
    gold = {g["id"]: g for g in (json.loads(line) for line in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines() if line)}
    return articles, gold


def process_corpus(articles: list[dict]) -> dict[str, object]:
    """Corpus id -> processed Article, through the real pipeline (read metadata as a JSONL reader would)."""
    from dateline.read import RawDocument
    from dateline.run.pipeline import process_many

    raws = [RawDocument(content=a["text"], kind="text", path=None, container="jsonl", url=a["url"],
                        published=a["published"], title=a.get("title"), where=a["id"]) for a in articles]
    results = list(process_many(raws))
    out = {}
    for item, result in zip(articles, results):
        if hasattr(result, "events"):
            out[item["id"]] = result
    return out


def processed(cache: Path | None = None) -> dict[str, object]:
    """The processed corpus, pickled in ``cache`` so that reclustering does not rerun the NLP."""
    articles, _ = load_corpus()
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    out = process_corpus(articles)
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


def build_store(records: dict[str, object], db: Path) -> None:
    """Store.add the articles in corpus order (publication order within each story)."""
    from dateline.store import Store

    with Store(db) as store:
        for article in records.values():  # one at a time: stories link across batches as in a crawl
            store.add([article])


def _prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "pred_pairs": len(pred),
            "gold_pairs": len(gold), "true_pairs": tp}


def score_store(db: Path, records: dict[str, object]) -> dict:
    from dateline.store import Store

    articles, gold = load_corpus()
    ids = [a["id"] for a in articles]
    doc_of = {cid: art.id for cid, art in records.items()}
    with Store(db, read_only=True) as store:
        clusters = store.event_clusters()
        story = dict(store.con.execute("SELECT id, story FROM documents").fetchall())
    cluster_of: dict[tuple[str, str], int] = {}
    for n, c in enumerate(clusters):
        for m in c["mentions"]:
            cluster_of[(m["document"], m["event"])] = n
    size = {n: c["num_articles"] for n, c in enumerate(clusters)}

    lead_clusters: dict[str, list[int]] = {}
    main: dict[str, object] = {}
    for cid in ids:
        art = records.get(cid)
        if art is None:
            main[cid] = ("missing", cid)
            lead_clusters[cid] = []
            continue
        lead_end = art.text.find("\n\n")
        lead_end = len(art.text) if lead_end < 0 else lead_end
        events = sorted(art.events, key=lambda e: e.sentence.start)
        lead = [e for e in events if e.sentence.start < lead_end] or events
        found = [cluster_of[(art.id, e.id)] for e in lead if (art.id, e.id) in cluster_of]
        lead_clusters[cid] = found
        # the biggest cluster among the lead's events; ties go to the earliest event
        main[cid] = max(found, key=lambda n: (size[n], -found.index(n))) if found else ("alone", art.id)

    gold_pairs, main_pairs, any_pairs, gold_dups, story_pairs = set(), set(), set(), set(), set()
    for a, b in itertools.combinations(ids, 2):
        ga, gb = gold[a], gold[b]
        if ga["main"] and ga["main"] == gb["main"]:
            gold_pairs.add((a, b))
        if main[a] == main[b]:
            main_pairs.add((a, b))
        if set(lead_clusters[a]) & set(lead_clusters[b]) or doc_of.get(a) == doc_of.get(b) != None:
            any_pairs.add((a, b))
        if ga["syndicated"] and ga["syndicated"] == gb["syndicated"]:
            gold_dups.add((a, b))
        if a in doc_of and b in doc_of and story.get(doc_of[a]) == story.get(doc_of[b]):
            story_pairs.add((a, b))
    return {
        "articles": len(ids), "processed": len(records), "clusters": len(clusters),
        "events": sum(len(c["mentions"]) for c in clusters),
        "main": _prf(main_pairs, gold_pairs), "any": _prf(any_pairs, gold_pairs),
        "dedup": _prf(story_pairs, gold_dups),
        "errors": {"false_merges": sorted(main_pairs - gold_pairs), "missed": sorted(gold_pairs - main_pairs),
                   "dedup_false": sorted(story_pairs - gold_dups), "dedup_missed": sorted(gold_dups - story_pairs)},
        "main_cluster": {cid: (main[cid] if isinstance(main[cid], int) else None) for cid in ids},
    }


def run(cache: Path | None = None) -> dict:
    records = processed(cache)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "clustering.duckdb"
        build_store(records, db)
        return score_store(db, records)
