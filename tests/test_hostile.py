"""Hostile input: each bad document fails alone, with one clear line, and nothing hangs."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES
from hostile import write_hostile_corpus


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    expect = write_hostile_corpus(directory)
    good = FIXTURES / "plain_wire.txt"
    names = sorted(expect)
    # a good document before, between and after the hostile ones
    paths = [str(good)] + [str(directory / n) for n in names] + [str(good)]
    out = subprocess.run([sys.executable, "-m", "dateline", "process", *paths, "--format", "json", "--time-limit", "60"],
                         capture_output=True, timeout=900)
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    errors = out.stderr.decode().splitlines()
    return expect, directory, out.returncode, records, errors, str(good)


def test_good_documents_around_hostile_ones_are_processed(run):
    expect, directory, code, records, errors, good = run
    assert code == 1
    assert [r["source"]["path"] for r in records].count(good) == 2


def test_each_hostile_document_gets_its_expected_outcome(run):
    expect, directory, code, records, errors, good = run
    by_path = {}
    for r in records:
        by_path.setdefault(r["source"]["path"], []).append(r)
    for name, expectation in expect.items():
        path = str(directory / name)
        mine = [e for e in errors if e.startswith(f"dateline: {path}")]
        got = by_path.get(path, [])
        if expectation.startswith("error:"):
            reason = expectation.split(":", 1)[1].strip()
            assert len(mine) == 1 and reason in mine[0] and not got, (name, mine, len(got))
        elif expectation.startswith("record"):
            assert got, (name, mine)
            assert not mine, (name, mine)
            note = expectation.split(":", 1)[1].strip() if ":" in expectation else None
            if note and note.startswith("language"):
                assert got[0]["language"] == note.split()[1]
                assert any("English-only analysis skipped" in w for w in got[0]["warnings"])
            elif note:
                assert any(note in w for w in got[0]["warnings"])
        else:  # "any": a record or a one-line error, never silence
            assert got or mine, name
    for line in errors:
        assert line.startswith("dateline: ") and len(line) < 400
