"""The whole pipeline on the bundled demo corpus: every record valid, and the expected facts
found at (at least) the recall measured when this floor was set. `benchmarks/demo_facts.py`
prints the same table."""

from __future__ import annotations

import pytest

from conftest import assert_valid_record
from demo_scoring import process_demo, score

# recall floors per kind of fact, a little under what the pipeline measured (2026-11-25)
FLOORS = {
    "title": 0.90, "authors": 0.70, "published": 0.85, "dateline": 0.70,
    "people": 0.90, "person country": 0.70, "person title": 0.85,
    "quotes": 0.85, "quote speaker": 0.85, "dates": 0.78,
    "counts": 0.72, "count category": 0.62, "event type": 0.68, "event triple": 0.35,
}


@pytest.fixture(scope="module")
def records():
    return process_demo()


def test_every_demo_document_is_processed_and_valid(records, schema_validator):
    assert len(records) == 37
    for record in records.values():
        assert_valid_record(record, schema_validator)


def test_the_spanish_article_is_kept_but_not_analysed_as_english(records):
    spanish = [r for r in records.values() if r["language"] == "es"]
    assert len(spanish) == 1
    assert spanish[0]["text"] and not spanish[0]["events"]
    assert any("English-only analysis skipped" in w for w in spanish[0]["warnings"])


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_expected_facts_recall(records, kind):
    found, total = score(records)[kind]
    assert total > 0
    assert found / total >= FLOORS[kind], f"{kind}: {found}/{total} = {found / total:.2f} < {FLOORS[kind]}"
