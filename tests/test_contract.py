"""Every record validates against the contract's schema, and every offset points at its text."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, SCHEMA_COPY, SHARED, assert_valid_record, seed_files

import dateline


def test_schema_copy_matches_the_shared_contract():
    shared = SHARED / "contract" / "article.schema.json"
    if not shared.exists():
        pytest.skip("../shared/contract is absent")
    assert json.loads(SCHEMA_COPY.read_text()) == json.loads(shared.read_text())


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.*")))
def test_fixture_records_validate(name, schema_validator):
    article = dateline.process((FIXTURES / name).read_text("utf-8"), published="2024-03-08")
    assert_valid_record(article.to_dict(), schema_validator)


def test_seed_record_validates(schema_validator):
    for path in seed_files():
        article = dateline.process(path.read_text("utf-8"))
        assert_valid_record(article.to_dict(), schema_validator)


def test_record_round_trips_through_json(schema_validator):
    article = dateline.process((FIXTURES / "flattened_sahel.txt").read_text("utf-8"))
    again = json.loads(json.dumps(article.to_dict()))
    assert again == article.to_dict()
    assert again["id"] == article.id
