"""The Ray Data engine gives the store exactly what the local pipeline gives it.

One local Ray cluster (2 CPUs) is started for the whole module; ``process_paths_ray`` finds
it initialised and leaves it running. Skipped when Ray is not installed
(``pip install 'dateline[ray]'``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")

from click.testing import CliRunner  # noqa: E402

from dateline.errors import DocumentError  # noqa: E402
from dateline.run.cli import main  # noqa: E402
from dateline.run.ingest import demo_files, ingest  # noqa: E402
from dateline.run.pipeline import process_paths  # noqa: E402
from dateline.run.ray_engine import (  # noqa: E402
    article_from_dict,
    expand_inputs,
    files_per_task,
    iter_parquet,
    process_paths_ray,
    write_parquet,
)
from dateline.store import Store  # noqa: E402

pytestmark = pytest.mark.ray

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def cluster():
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> list[str]:
    """Inputs that fail in different ways, around one good JSONL line."""
    root = tmp_path_factory.mktemp("broken")
    (root / "empty.txt").write_text("   \n")
    (root / "mixed.jsonl").write_text(
        '{"text": "Port Aldren, May 3 (Harbour Wire) - The city council of Port Aldren voted on Tuesday '
        'to close the old ferry terminal, council leader Mara Kessel said.", "published": "2024-05-03"}\n'
        "{not json\n"
        '{"title": "no body"}\n')
    return [str(root / "empty.txt"), str(root / "mixed.jsonl"), str(root / "missing.txt")]


@pytest.fixture(scope="module")
def inputs(broken) -> list[str]:
    return demo_files() + sorted(str(p) for p in FIXTURES.iterdir() if p.is_file()) + broken


def _shape(results) -> list[tuple[str, object]]:
    return [("error", str(r)) if isinstance(r, DocumentError) else ("article", r.to_dict()) for r in results]


@pytest.fixture(scope="module")
def local_results(inputs):
    return _shape(process_paths(inputs))


def test_article_round_trips_through_json(local_results):
    records = [value for kind, value in local_results if kind == "article"]
    assert records
    for record in records:
        rebuilt = article_from_dict(json.loads(json.dumps(record)))
        assert rebuilt.to_dict() == record
        # typed, not dicts: the store reads attributes
        assert all(type(e).__name__ == "Event" and type(e.action).__name__ == "Action" for e in rebuilt.events)


def test_files_are_grouped_but_every_worker_gets_several_tasks():
    assert files_per_task(1, 2) == 1
    assert files_per_task(8, 2) == 1
    assert files_per_task(200, 2) == 25
    assert files_per_task(100_000, 64) == 32


def test_ray_gives_the_same_records_and_errors_in_the_same_order(cluster, inputs, local_results):
    remote = _shape(process_paths_ray(inputs, workers=2))
    assert [kind for kind, _ in remote] == [kind for kind, _ in local_results]
    assert remote == local_results
    errors = [value for kind, value in remote if kind == "error"]
    assert any("empty document" in e for e in errors)
    assert any("mixed.jsonl:2" in e and "invalid JSON" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)


def test_ingest_on_ray_stores_the_same_documents(cluster, inputs, tmp_path):
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    report = ingest(inputs, local_db, workers=1)
    result = CliRunner().invoke(main, ["ingest", *inputs, "--db", str(ray_db), "--engine", "ray", "--workers", "2"])
    assert report.errors and report.added
    assert result.exit_code == 1, result.output  # the broken inputs are reported, the rest stored
    assert isinstance(result.exception, SystemExit)
    with Store(local_db, read_only=True) as a, Store(ray_db, read_only=True) as b:
        ids = "SELECT id, story FROM documents ORDER BY id"
        assert a.con.execute(ids).fetchall() == b.con.execute(ids).fetchall()
        assert a.count("events") == b.count("events") > 0


def test_parquet_shards_read_back_in_input_order(cluster, broken, tmp_path):
    files = sorted(str(p) for p in FIXTURES.iterdir() if p.is_file()) + broken
    written = write_parquet(files, str(tmp_path / "out"), workers=2)
    local = _shape(process_paths(files))
    assert written == len(local)
    assert _shape(iter_parquet(str(tmp_path / "out"))) == local


def test_fsspec_urls_expand_and_read_like_paths(cluster, tmp_path):
    for p in FIXTURES.iterdir():
        if p.is_file():
            (tmp_path / p.name).write_bytes(p.read_bytes())
    url = f"file://{tmp_path}/*.txt"
    files = expand_inputs([url])
    assert files and all(f.startswith("file://") and f.endswith(".txt") for f in files)
    remote = list(process_paths_ray([url], workers=2))
    local = list(process_paths(sorted(str(p) for p in tmp_path.glob("*.txt"))))
    assert [r.id for r in remote] == [r.id for r in local]
    assert [r.source.path for r in remote] == files


def test_the_time_limit_holds_inside_ray_actors(cluster):
    """Ray runs the transform in an actor's worker thread: the watchdog, not SIGALRM, stops it."""
    fixtures = sorted(str(p) for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))[:3]
    results = list(process_paths_ray(fixtures, workers=2, time_limit_s=1e-6))
    assert len(results) == len(fixtures)
    assert all(isinstance(r, DocumentError) and "took longer than" in str(r) for r in results)
