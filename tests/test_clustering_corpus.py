"""Event clustering and story dedup scored on the invented corpus in tests/data/clustering.

The corpus, the gold and the scoring are described in tests/clustering_scoring.py; the
numbers are printed by ``python benchmarks/clustering.py``. The floors sit a little under
what the pipeline reaches today (main-cluster pairwise P 1.00, R 0.80, F1 0.89; dedup 1.00),
so that a change in event coding elsewhere shows up here before it ruins clustering.
"""

from __future__ import annotations

import pytest

from clustering_scoring import build_store, load_corpus, process_corpus, score_store


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    articles, _ = load_corpus()
    records = process_corpus(articles)
    db = tmp_path_factory.mktemp("clustering") / "clustering.duckdb"
    build_store(records, db)
    return score_store(db, records)


def test_corpus_is_whole_and_consistent():
    articles, gold = load_corpus()
    assert len(articles) >= 50 and set(gold) == {a["id"] for a in articles}
    events = {a["story"] for a in articles if a["story"]}
    assert len(events) == 10
    for event in events:
        assert 3 <= sum(a["story"] == event for a in articles) <= 8
    assert sum(a["story"] is None for a in articles) == 5
    for a in articles:
        assert gold[a["id"]]["main"] == a["story"] and a["published"] and a["url"].startswith("https://")


def test_every_article_is_processed(result):
    assert result["processed"] == result["articles"]


def test_reports_of_one_event_share_a_cluster_and_others_do_not(result):
    main = result["main"]
    assert main["precision"] >= 0.95, result["errors"]["false_merges"]
    assert main["recall"] >= 0.70, result["errors"]["missed"]
    assert main["f1"] >= 0.85


def test_distractors_stay_out_of_the_events_they_resemble(result):
    articles, gold = load_corpus()
    clusters = result["main_cluster"]
    for a in articles:
        if a["story"] is None and clusters[a["id"]] is not None:
            sharing = [b["id"] for b in articles if b["id"] != a["id"] and clusters[b["id"]] == clusters[a["id"]]]
            assert sharing == [], f"{a['id']} merged with {sharing}"


def test_syndicated_copies_are_one_story_and_nothing_else_is(result):
    dedup = result["dedup"]
    assert dedup["gold_pairs"] >= 5
    assert dedup["precision"] == 1.0, result["errors"]["dedup_false"]
    assert dedup["recall"] == 1.0, result["errors"]["dedup_missed"]
