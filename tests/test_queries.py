"""Search, quotes, people and counts over a real store filled by the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import dateline
from dateline.store import Store
from conftest import FIXTURES

CLI = [sys.executable, "-m", "dateline"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("q") / "q.duckdb"
    articles = [dateline.process((FIXTURES / n).read_text("utf-8"), published=p)
                for n, p in (("plain_wire.txt", "2024-02-12"), ("flattened_sahel.txt", "2024-03-08"),
                             ("html_ukraine.html", None))]
    with Store(path) as store:
        store.add(articles)
    return path


def test_search_ranks_the_matching_article_first(db):
    with Store(db, read_only=True) as store:
        hits = store.search("grain corridor farmers")
        assert hits and "grain" in hits[0]["title"].lower()
        first = hits[0]
        for start, end in first["highlights"]:
            assert first["snippet"][start:end].lower() in {"grain", "corridor", "farmers"}
        assert store.search("Kidal rebels")[0]["snippet"].count("Kidal") >= 1
        assert store.search("zanzibar xylophone") == []


def test_search_filters_and_paging(db):
    with Store(db, read_only=True) as store:
        everything = store.search("")
        assert len(everything) == 3
        assert [h["published"] for h in store.search("", since="2024-03-01")] and all(
            h["published"] >= "2024-03-01" for h in store.search("", since="2024-03-01"))
        assert len(store.search("", limit=1, offset=1)) == 1
        assert store.search("' OR 1=1 --") == [] or all(h["id"] for h in store.search("' OR 1=1 --"))


def test_cli_search_quotes_people_counts_print_json_lines(db):
    for args in (["search", "Sudan", "--db", db], ["quotes", "--db", db], ["people", "--db", db],
                 ["counts", "--db", db]):
        out = subprocess.run([*CLI, *map(str, args), "--format", "json"], capture_output=True, timeout=120)
        assert out.returncode == 0, out.stderr.decode()
        for line in out.stdout.decode().splitlines():
            assert isinstance(json.loads(line), dict)
    out = subprocess.run([*CLI, "search", "Sudan", "--db", str(db), "--format", "csv"], capture_output=True, timeout=120)
    assert out.stdout.decode().splitlines()[0] == "id,published,site,title,snippet"
