"""Event clustering and story dedup on the invented corpus in tests/data/clustering.

    python benchmarks/clustering.py [--cache /tmp/clustering.pkl] [--errors] [--clusters]

Processes the 51 articles with the real pipeline (about a minute on two cores; ``--cache``
keeps the processed records so that a change to the clustering rules is rescored in seconds),
stores them one by one in a temporary DuckDB with ``Store.add``, clusters with
``Store.event_clusters()`` and prints pairwise precision/recall/F1 of articles by main event,
and of syndicated copies by story. The scoring is defined in tests/clustering_scoring.py:
an article belongs to the biggest cluster among the events coded in its lead (first
paragraph), and a pair is predicted when both articles belong to the same cluster.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from clustering_scoring import run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="pickle of the processed corpus (written if absent)")
    parser.add_argument("--errors", action="store_true", help="print the wrong pairs")
    args = parser.parse_args()
    start = time.perf_counter()
    result = run(args.cache)
    print(f"{result['processed']}/{result['articles']} articles, {result['events']} events in "
          f"{result['clusters']} clusters ({time.perf_counter() - start:.1f}s)")
    print(f"{'score':<22}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}{'gold':>7}")
    for name, label in (("main", "events (main cluster)"), ("any", "events (any lead)"), ("dedup", "stories (dedup)")):
        s = result[name]
        print(f"{label:<22}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['pred_pairs']:>7}{s['gold_pairs']:>7}")
    if args.errors:
        for kind, pairs in result["errors"].items():
            print(f"{kind}: {len(pairs)}")
            for a, b in pairs:
                print(f"   {a} {b}")
        by_cluster: dict = {}
        for cid, n in result["main_cluster"].items():
            by_cluster.setdefault(n, []).append(cid)
        print("main clusters:", sorted(v for k, v in by_cluster.items() if k is not None))
        print("articles without events:", by_cluster.get(None, []))


if __name__ == "__main__":
    main()
