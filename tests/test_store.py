"""The DuckDB store on a real file: schema version, idempotent batches, whole records kept."""

from __future__ import annotations

import duckdb
import pytest

import dateline
from dateline.store import SCHEMA_VERSION, TABLES, Store
from conftest import FIXTURES


@pytest.fixture(scope="module")
def articles():
    return [dateline.process((FIXTURES / name).read_text("utf-8"), published="2024-03-08")
            for name in ("plain_wire.txt", "flattened_sahel.txt", "html_ukraine.html")]


def test_new_file_gets_every_table_and_the_schema_version(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        for table in TABLES:
            assert store.count(table) == 0


def test_a_newer_schema_is_refused(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(db)


def test_adding_twice_adds_nothing_and_facts_follow_their_document(tmp_path, articles):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        first = store.add(articles + articles[:1])  # a duplicate inside the batch too
        assert (first.added, first.skipped) == (3, 1)
        again = store.add(articles)
        assert (again.added, again.skipped) == (0, 3)
        assert store.count("documents") == 3
        n_entities = sum(len(a.entities) for a in articles)
        n_mentions = sum(len(e.mentions) for a in articles for e in a.entities)
        assert store.count("entities") == n_entities
        assert store.count("mentions") == n_mentions
        assert store.count("dates") == sum(len(a.dates) for a in articles)
        assert store.count("events") == sum(len(a.events) for a in articles)


def test_records_come_back_whole(tmp_path, articles):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.add(articles)
    with Store(db, read_only=True) as store:
        stored = {r["id"]: r for r in store.records()}
    for article in articles:
        record = stored[article.id]
        assert record.pop("story") == article.id
        assert record.pop("version") == 1 and record.pop("previous_version") is None
        assert record == article.to_dict()


def test_read_only_on_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def _syndicated_copy(article):
    """The same wire story as another site prints it: a changed word, a credit line added."""
    text = article.text.replace("about 50,000", "nearly 50,000") + "\n\nReporting by the Alpine Wire desk."
    return dateline.process(text, published="2024-03-08")


def test_near_duplicates_share_a_story(tmp_path, articles):
    db = tmp_path / "s.duckdb"
    copy = _syndicated_copy(articles[0])
    assert copy.id != articles[0].id
    with Store(db) as store:
        store.add(articles)
        store.add([copy])  # a later batch: found through the stored LSH buckets
        stories = dict(store.con.execute("SELECT id, story FROM documents").fetchall())
        assert stories[copy.id] == stories[articles[0].id] == articles[0].id
        assert len(set(stories.values())) == 3
        assert [row[0] for row in store.story_sources(articles[0].id)] == [articles[0].id, copy.id]


def test_near_duplicates_in_one_batch(tmp_path, articles):
    copy = _syndicated_copy(articles[0])
    with Store(tmp_path / "s.duckdb") as store:
        store.add([articles[0], copy, articles[1]])
        stories = dict(store.con.execute("SELECT id, story FROM documents").fetchall())
    assert stories[copy.id] == articles[0].id and stories[articles[1].id] == articles[1].id


def test_migration_from_version_1_signs_existing_documents(tmp_path, articles):
    from dateline.store import MIGRATIONS

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for statement in dict(MIGRATIONS)[1]:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (id, text, story) VALUES (?, ?, ?)", [articles[0].id, articles[0].text, articles[0].id])
    con.close()
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.count("signatures") == 1
        store.add([_syndicated_copy(articles[0])])
        assert store.con.execute("SELECT count(DISTINCT story) FROM documents").fetchone()[0] == 1


def test_an_exact_copy_on_another_site_is_one_document_with_two_sources(tmp_path, articles):
    import dataclasses

    original = articles[0]
    copy = dataclasses.replace(original, source=dataclasses.replace(
        original.source, url="https://mirror.example/sudan", site="mirror.example", path=None))
    with Store(tmp_path / "s.duckdb") as store:
        store.add([original])
        again = store.add([copy])
        assert (again.added, again.skipped) == (0, 1)
        assert store.count("documents") == 1
        sources = store.story_sources(original.id)
        assert [s[1] for s in sources] == [original.source.url, "https://mirror.example/sudan"]
        store.add([copy])  # seen from the same place again: nothing new
        assert len(store.story_sources(original.id)) == 2


def _fetched(article, url, text=None):
    """The article as read from ``url``, its text edited when ``text`` is given."""
    if text is not None:
        article = dateline.process(text, url=url, published="2024-03-08")
    import dataclasses

    return dataclasses.replace(article, source=dataclasses.replace(article.source, url=url, path=None))


def test_a_page_fetched_again_with_changes_is_the_next_version_of_it(tmp_path, articles):
    original = _fetched(articles[0], "https://news.example/world/sudan-talks?utm_source=rss")
    # the desk rewrote the top and updated a figure: far from a near-duplicate of the first text
    rewritten = original.text.split("\n\n")[-1] + "\n\nUPDATE: the talks were suspended on Saturday evening."
    edited = _fetched(articles[0], "http://www.news.example/world/sudan-talks/#comments", text=rewritten)
    other = _fetched(articles[1], "https://news.example/world/sahel")
    with Store(tmp_path / "s.duckdb") as store:
        store.add([original, other])
        store.add([edited])
        history = store.versions(edited.id)
        assert [(doc, version) for doc, version, _ in history] == [(original.id, 1), (edited.id, 2)]
        assert [(doc, v) for doc, v, _ in store.versions(other.id)] == [(other.id, 1)]
        stories = dict(store.con.execute("SELECT id, story FROM documents").fetchall())
        assert stories[edited.id] == stories[original.id] != stories[other.id]
        exported = {r["id"]: r for r in store.records()}
    assert exported[edited.id]["version"] == 2 and exported[edited.id]["previous_version"] == original.id
    assert exported[original.id]["previous_version"] is None


def test_versions_in_one_batch_follow_arrival_order(tmp_path, articles):
    url = "https://news.example/live/ukraine"
    first = _fetched(articles[2], url)
    second = _fetched(articles[2], url, text=articles[2].text + "\n\nOfficials said 40 more families were moved on Sunday.")
    with Store(tmp_path / "s.duckdb") as store:
        store.add([first, second])
        assert [v for _, v, _ in store.versions(first.id)] == [1, 2]
        stories = dict(store.con.execute("SELECT id, story FROM documents").fetchall())
    assert stories[second.id] == stories[first.id]


@pytest.mark.parametrize("url, same_as", [
    ("https://www.News.example/a/b/?utm_medium=x#top", "https://news.example/a/b"),
    ("http://news.example/a/b?id=7&fbclid=zz", "https://news.example/a/b?id=7"),
])
def test_canonical_url_drops_what_does_not_name_the_page(url, same_as):
    from dateline.store.versions import canonical_url

    assert canonical_url(url) == canonical_url(same_as)
    assert canonical_url("https://news.example/a/b?id=8") != canonical_url("https://news.example/a/b?id=7")
    assert canonical_url("not a url") is None and canonical_url(None) is None


def test_migration_to_version_6_numbers_stored_pages(tmp_path, articles):
    from dateline.store import MIGRATIONS

    db = tmp_path / "v5.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for version, steps in MIGRATIONS:
        if version <= 5:
            for step in steps:
                step(con) if callable(step) else con.execute(step)
    con.execute("INSERT INTO meta VALUES ('schema_version', '5')")
    for i, article in enumerate(articles[:2]):  # two versions of one page, stored by a version-5 dateline
        con.execute("INSERT INTO documents (id, url, text, story, ingested_at) VALUES (?, ?, ?, ?, ?)",
                    [article.id, "https://news.example/page", article.text, article.id, f"2024-03-0{i + 1}"])
    con.close()
    with Store(db) as store:
        assert [v[:2] for v in store.versions(articles[1].id)] == [(articles[0].id, 1), (articles[1].id, 2)]
