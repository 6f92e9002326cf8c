"""SIGKILL `dateline ingest` at random points, rerun, check: `python benchmarks/durability.py`.

The long version of tests/test_durability.py: a corpus of --docs documents, --kills
random kills, then a final run; after each kill the store must open cleanly with no
partial document, and at the end every document must be stored exactly once.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_durability import check_store, ingest_cmd, write_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--max-wait", type=float, default=30.0, help="longest run before a kill, seconds")
    args = parser.parse_args()
    rng = random.Random(2020)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "corpus", Path(tmp) / "kill.duckdb"
        write_corpus(corpus, args.docs)
        survived = 0
        for i in range(args.kills):
            proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(1.0, args.max_wait))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            stored = check_store(db)
            survived += 1
            print(f"kill {i + 1}: store opens cleanly, {stored} documents, none partial", flush=True)
        start = time.perf_counter()
        final = subprocess.run(ingest_cmd(corpus, db), capture_output=True)
        stored = check_store(db, expected_docs=args.docs)
        print(f"final run: exit {final.returncode} in {time.perf_counter() - start:.0f}s; "
              f"{stored} of {args.docs} documents stored exactly once after {survived} kills")


if __name__ == "__main__":
    main()
