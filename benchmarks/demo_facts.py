"""Recall of the demo corpus's expected facts, per kind: `python benchmarks/demo_facts.py`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from demo_scoring import process_demo, score  # noqa: E402


def main() -> None:
    start = time.perf_counter()
    records = process_demo()
    seconds = time.perf_counter() - start
    table = score(records)
    print(f"{len(records)} demo documents processed in {seconds:.1f}s")
    print(f"{'fact':<16}{'found':>7}{'of':>6}{'recall':>8}")
    for kind, (found, total) in table.items():
        print(f"{kind:<16}{found:>7}{total:>6}{found / total if total else 0:>8.2f}")


if __name__ == "__main__":
    main()
