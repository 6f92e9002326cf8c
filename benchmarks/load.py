"""A bounded load test of `dateline serve` on loopback: `python benchmarks/load.py [--requests 10000]`.

Starts the server as its own process over a store (the demo corpus unless --db is given),
then sends a fixed number of requests from concurrent clients across the search, article,
events and API pages, and prints errors and latency percentiles. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    import httpx

    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="store to serve (default: a demo store built in a temp folder)")
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db
    if not db:
        db = str(Path(tmp.name) / "load.duckdb")
        from dateline.run.ingest import demo_files, ingest

        ingest(demo_files(), db, workers=1)
    from dateline.store import Store

    with Store(db, read_only=True) as store:
        ids = [row[0] for row in store.con.execute("SELECT id FROM documents").fetchall()]
        words = [row[0] for row in store.con.execute(
            "SELECT term FROM fts_terms GROUP BY term ORDER BY count(*) DESC LIMIT 200").fetchall()]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/api/stats", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        rng = random.Random(5)
        paths = []
        for i in range(args.requests):
            kind = i % 5
            if kind == 0:
                paths.append(f"/?q={rng.choice(words)}+{rng.choice(words)}")
            elif kind == 1:
                paths.append(f"/article/{rng.choice(ids)}")
            elif kind == 2:
                paths.append(f"/events?page={rng.randint(1, 3)}")
            elif kind == 3:
                paths.append(f"/api/events?limit=20&offset={rng.randint(0, 60)}")
            else:
                paths.append(f"/api/search?q={rng.choice(words)}")
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        queue = iter(paths)

        def client() -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                while True:
                    with lock:
                        path = next(queue, None)
                    if path is None:
                        return
                    start = time.perf_counter()
                    try:
                        status = http.get(path).status_code
                    except httpx.HTTPError as exc:
                        status = repr(exc)
                    elapsed = time.perf_counter() - start
                    with lock:
                        latencies.append(elapsed)
                        if status != 200:
                            errors.append(f"{path}: {status}")

        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    print(f"{len(latencies)} requests from {args.clients} clients in {wall:.1f}s ({len(latencies) / wall:.0f} req/s), "
          f"{len(errors)} errors")
    print(f"latency ms: p50 {pct(0.50):.0f}  p95 {pct(0.95):.0f}  p99 {pct(0.99):.0f}  "
          f"max {latencies[-1] * 1000:.0f}  mean {statistics.mean(latencies) * 1000:.0f}")
    for line in errors[:10]:
        print("  error:", line)


if __name__ == "__main__":
    main()
