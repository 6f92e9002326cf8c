"""Fuzz the readers and the cleaner: `python benchmarks/fuzz.py [--examples 10000]`.

Counts inputs tried, crashes (any exception but DocumentError) and hangs (a call over
--hang seconds) per target, and prints the first few crashing inputs.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from fuzz_targets import byte_documents, clean_target, html_documents, read_target, text_documents  # noqa: E402


class Hang(Exception):
    pass


def run_target(name, strategy, call, examples: int, hang_s: float) -> dict:
    stats = {"target": name, "inputs": 0, "crashes": 0, "hangs": 0, "seconds": 0.0, "samples": []}

    def on_alarm(signum, frame):
        raise Hang()

    signal.signal(signal.SIGALRM, on_alarm)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(value):
        stats["inputs"] += 1
        signal.setitimer(signal.ITIMER_REAL, hang_s)
        try:
            call(value)
        except Hang:
            stats["hangs"] += 1
            stats["samples"].append(("hang", repr(value)[:200]))
        except Exception:
            stats["crashes"] += 1
            if len(stats["samples"]) < 5:
                stats["samples"].append((traceback.format_exc(limit=3)[-400:], repr(value)[:200]))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    start = time.perf_counter()
    fuzz()
    stats["seconds"] = time.perf_counter() - start
    return stats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--hang", type=float, default=10.0, help="seconds after which one call counts as a hang")
    args = parser.parse_args()
    targets = [
        ("readers (bytes)", byte_documents(), read_target),
        ("cleaner (html)", html_documents(), lambda v: clean_target(v, "html")),
        ("cleaner (text)", text_documents(), lambda v: clean_target(v, "text")),
    ]
    print(f"{'target':<18}{'inputs':>8}{'crashes':>9}{'hangs':>7}{'seconds':>9}{'inputs/s':>10}")
    for name, strategy, call in targets:
        s = run_target(name, strategy, call, args.examples, args.hang)
        print(f"{s['target']:<18}{s['inputs']:>8}{s['crashes']:>9}{s['hangs']:>7}{s['seconds']:>9.1f}"
              f"{s['inputs'] / s['seconds']:>10.0f}")
        for kind, value in s["samples"]:
            print(f"   {kind}\n   input: {value}")


if __name__ == "__main__":
    main()
