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


def test_pool_json_lines_equal_serial_records(tmp_path):
    """``as_json`` (what ``dateline process --workers N`` uses): each record comes back as its
    JSON line, the same line the serial path's record gives; errors stay errors."""
    import json

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    paths = [str(p) for p in sorted(FIXTURES.glob("*.*"))] + [str(bad)]
    serial = list(process_paths(paths))
    pooled = list(process_paths_parallel(paths, workers=2, as_json=True))
    assert len(serial) == len(pooled) == len(paths)
    for a, b in zip(serial, pooled):
        if isinstance(a, DocumentError):
            assert isinstance(b, DocumentError) and str(a) == str(b)
        else:
            assert isinstance(b, str) and json.loads(b) == a.to_dict()


def test_a_document_over_its_time_limit_fails_alone():
    paths = [str(FIXTURES / "plain_wire.txt"), str(FIXTURES / "flattened_sahel.txt")]
    results = list(process_paths(paths, time_limit_s=1e-6))
    assert all(isinstance(r, DocumentError) and "took longer than" in str(r) for r in results)
    assert [r.where for r in results] == paths


def test_the_time_limit_also_stops_a_block_outside_the_main_thread():
    """Ray Data runs transforms in worker threads, where SIGALRM cannot reach."""
    import threading
    import time

    from dateline.errors import DocumentError
    from dateline.run.limits import time_limit

    outcome: dict[str, object] = {}

    def stuck() -> None:
        start = time.perf_counter()
        try:
            with time_limit(0.2, "page.html", "analysis"):
                while time.perf_counter() - start < 30:  # a pathological loop in Python code
                    pass
        except DocumentError as exc:
            outcome["error"] = str(exc)
        outcome["seconds"] = time.perf_counter() - start
        with time_limit(5, "next.html", "analysis"):  # the next document runs normally
            outcome["next"] = sum(range(1000))
        time.sleep(0.3)  # and nothing fires late

    thread = threading.Thread(target=stuck)
    thread.start()
    thread.join(60)
    assert "page.html" in outcome["error"] and "took longer than 0.2s" in outcome["error"]
    assert outcome["seconds"] < 10 and outcome["next"] == 499500
