"""SIGKILL during ingest loses at most the batch in flight; a rerun stores every document
exactly once and nothing partial is ever visible. benchmarks/durability.py runs the long
version (2,000 documents, 20 kills)."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import duckdb
import pytest

from dateline.store import Store, StoreBusy
from conftest import FIXTURES

SENTENCES = [p.strip() for name in ("plain_wire.txt", "flattened_sahel.txt") for p in
             (FIXTURES / name).read_text("utf-8").splitlines() if len(p.split()) > 8 and "{" not in p]


def write_corpus(directory, n: int, seed: int = 3) -> None:
    """n distinct short articles recombined from fixture sentences, as JSONL and text files."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        body = " ".join(rng.sample(SENTENCES, 3)) + f" The ministry gave reference number {i} for the case."
        if i % 4 == 0:
            (directory / f"a{i:05d}.txt").write_text(body, "utf-8")
        else:
            lines.append(json.dumps({"url": f"https://corpus.example/{i}", "published": "2024-03-0%d" % (1 + i % 9),
                                     "text": body}))
    (directory / "dump.jsonl").write_text("\n".join(lines) + "\n", "utf-8")


def ingest_cmd(corpus, db):
    return [sys.executable, "-m", "dateline", "ingest", str(corpus), "--db", str(db), "--workers", "1",
            "--batch-size", "8"]


def check_store(db, expected_docs: int | None = None) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert con.execute("SELECT count(*) - count(DISTINCT id) FROM documents").fetchone()[0] == 0
        for record_json, doc_id in con.execute("SELECT record, id FROM documents").fetchall():
            record = json.loads(record_json)
            # every stored document has all its facts: a batch is all or nothing
            for table, key in (("entities", "entities"), ("quotes", "quotes"), ("dates", "dates"),
                               ("counts", "counts"), ("events", "events")):
                stored = con.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc_id]).fetchone()[0]
                assert stored == len(record[key]), (table, doc_id)
        orphans = con.execute("SELECT count(*) FROM entities WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
        assert orphans == 0
    finally:
        con.close()
    if expected_docs is not None:
        assert n == expected_docs
    return n


def test_sigkill_at_random_points_then_rerun_stores_each_document_once(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "kill.duckdb"
    write_corpus(corpus, 120)
    rng = random.Random(11)
    for _ in range(4):
        proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.0, 9.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        check_store(db)  # opens cleanly, nothing partial, whatever was committed
    final = subprocess.run(ingest_cmd(corpus, db), capture_output=True, timeout=600)
    assert final.returncode == 0, final.stderr.decode()[-500:]
    check_store(db, expected_docs=120)


@contextmanager
def held_by_another_process(db):
    """A second process that opens the store for writing and keeps it open."""
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(30)", str(db)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout.readline().strip() == b"ready"
        yield
    finally:
        holder.kill()
        holder.wait()


def test_a_second_writer_gets_a_clear_error(tmp_path):
    db = tmp_path / "busy.duckdb"
    with held_by_another_process(db):
        with pytest.raises(StoreBusy, match="in use by another dateline process"):
            Store(db, read_only=True)


def test_store_commands_say_busy_or_missing_in_one_line(tmp_path):
    missing = subprocess.run([sys.executable, "-m", "dateline", "summary", "--db", str(tmp_path / "none.duckdb")],
                             capture_output=True, timeout=120)
    assert missing.returncode == 2
    assert missing.stderr.decode().strip().splitlines() == [
        f"dateline: {tmp_path / 'none.duckdb'}: no such database (run `dateline ingest` first)"]
    db = tmp_path / "busy.duckdb"
    with held_by_another_process(db):
        busy = subprocess.run([sys.executable, "-m", "dateline", "events", "--db", str(db), "--format", "json"],
                              capture_output=True, timeout=120)
    assert busy.returncode == 2
    lines = busy.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "in use by another dateline process" in lines[0]


def test_a_resumed_ingest_does_not_analyse_stored_documents_again(tmp_path):
    from dateline.run.ingest import ingest

    corpus, db = tmp_path / "corpus", tmp_path / "resume.duckdb"
    write_corpus(corpus, 12)
    first = ingest([str(corpus)], db, workers=1)
    assert (first.added, first.skipped) == (12, 0)
    calls = []
    import dateline.run.pipeline as pipeline

    original = pipeline.parse_batch
    pipeline.parse_batch = lambda docs, model: (calls.append(len(docs)), original(docs, model))[1]
    try:
        again = ingest([str(corpus)], db, workers=1)
    finally:
        pipeline.parse_batch = original
    assert (again.added, again.skipped) == (0, 12)
    assert sum(calls) == 0  # nothing was parsed: stored documents are known by their id
