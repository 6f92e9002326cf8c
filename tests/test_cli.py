"""The command line, driven for real in a subprocess, per the contract's table."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import duckdb

from conftest import FIXTURES, assert_valid_record

CLI = [sys.executable, "-m", "dateline"]


def run(*args, stdin: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], input=stdin, capture_output=True, cwd=cwd, timeout=300)


def records(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode().splitlines() if line.strip()]


def test_process_prints_one_valid_record_per_document(schema_validator):
    paths = [FIXTURES / "plain_wire.txt", FIXTURES / "html_ukraine.html"]
    result = run("process", *paths, "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    out = records(result.stdout)
    assert [r["source"]["path"] for r in out] == [str(p) for p in paths]
    assert [r["source"]["format"] for r in out] == ["text", "html"]
    for record in out:
        assert_valid_record(record, schema_validator)


def test_bad_documents_fail_alone_with_one_line_each(tmp_path):
    binary = tmp_path / "junk.html"
    binary.write_bytes(bytes(range(256)) * 50)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    truncated = tmp_path / "cut.html.gz"
    truncated.write_bytes(gzip.compress((FIXTURES / "html_ukraine.html").read_bytes() * 10)[:300])
    good = FIXTURES / "plain_wire.txt"
    result = run("process", binary, good, empty, truncated, "--format", "json")
    assert result.returncode == 1
    assert len(records(result.stdout)) == 1
    errors = result.stderr.decode().strip().splitlines()
    assert len(errors) == 3
    for line, path, reason in zip(errors, (binary, empty, truncated), ("binary", "empty", "truncated gzip")):
        assert str(path) in line and reason in line


def test_stdin_and_published_and_url_fallbacks():
    text = (FIXTURES / "plain_wire.txt").read_bytes()
    result = run("process", "-", "--published", "2024-02-12", "--url", "https://wire.example/sudan", "--format", "json",
                 stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    [record] = records(result.stdout)
    assert record["published"] == "2024-02-12"
    assert record["source"]["url"] == "https://wire.example/sudan"
    assert record["source"]["site"] == "wire.example"


def test_text_format_is_readable():
    result = run("process", FIXTURES / "plain_wire.txt", "--format", "text")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.startswith("== ") and "GENEVA" not in out.splitlines()[0]


def test_ingest_is_idempotent_and_export_returns_the_records(tmp_path):
    db = tmp_path / "store.duckdb"
    paths = [FIXTURES / "plain_wire.txt", FIXTURES / "html_ukraine.html", FIXTURES / "flattened_sahel.txt"]
    first = run("ingest", *paths, "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    assert "3 added" in first.stderr.decode()
    second = run("ingest", *paths, "--db", db)
    assert second.returncode == 0
    assert "0 added, 3 already stored" in second.stderr.decode()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    con.close()
    exported = records(run("export", "--db", db, "--format", "jsonl").stdout)
    processed = records(run("process", *paths, "--format", "json").stdout)
    assert sorted(r["id"] for r in exported) == sorted(r["id"] for r in processed)
    by_id = {r["id"]: r for r in processed}
    for record in exported:
        assert record.pop("story")
        assert record.pop("version") == 1 and record.pop("previous_version") is None
        assert record == by_id[record["id"]]
