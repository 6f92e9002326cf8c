"""The local process pool gives exactly the serial pipeline's records; time limits hold."""

from __future__ import annotations

from dateline.errors import DocumentError
from dateline.run.parallel import process_paths_parallel
from dateline.run.pipeline import process_paths
from conftest import FIXTURES


def test_pool_output_equals_serial_output(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    paths = [str(p) for p in sorted(FIXTURES.glob("*.*"))] + [str(bad)]
    serial = list(process_paths(paths))
    pooled = list(process_paths_parallel(paths, workers=2))
    assert len(serial) == len(pooled) == len(paths)
    for a, b in zip(serial, pooled):
        if isinstance(a, DocumentError):
            assert isinstance(b, DocumentError) and str(a) == str(b)
        else:
            assert a.to_dict() == b.to_dict()


def test_a_document_over_its_time_limit_fails_alone():
    paths = [str(FIXTURES / "plain_wire.txt"), str(FIXTURES / "flattened_sahel.txt")]
    results = list(process_paths(paths, time_limit_s=1e-6))
    assert all(isinstance(r, DocumentError) and "took longer than" in str(r) for r in results)
    assert [r.where for r in results] == paths
