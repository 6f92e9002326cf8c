"""Peak memory of ``dateline ingest --workers N`` as the corpus grows: it should stay flat.

    python benchmarks/memory.py                          # 1,000 and 10,000 articles, 2 workers
    python benchmarks/memory.py --sizes 500 2000 --workers 2

For each size a synthetic corpus (benchmarks/make_corpus.py) is ingested into a fresh
DuckDB file in a temporary folder. While it runs, every process of the run (the driver,
which also writes the store, and each pool worker) is sampled through /proc; the peak is
each process's high-water mark (VmHWM), so short spikes between samples are counted too.
Goal: the per-worker peak does not grow with the corpus, and stays <= 800 MB.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import write_corpus  # noqa: E402

GOAL_MB = 800


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (the pool's workers, and anything they start)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def measure(folder: Path, db: Path, workers: int, interval: float = 0.5) -> dict:
    cmd = [sys.executable, "-m", "dateline", "ingest", str(folder), "--db", str(db), "--workers", str(workers)]
    load_start = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    kinds: dict[int, str] = {}
    while proc.poll() is None:
        for pid in [proc.pid, *_children(proc.pid)]:
            hwm = _status_kb(pid, "VmHWM")
            if hwm:
                peaks[pid] = max(peaks.get(pid, 0), hwm)
                if pid not in kinds:
                    line = _cmdline(pid)
                    # the spawn pool's workers run multiprocessing's spawn_main; its tracker does not
                    kinds[pid] = ("driver" if pid == proc.pid else
                                  "worker" if "spawn_main" in line else "helper")
        time.sleep(interval)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        sys.exit(f"ingest failed:\n{stderr[-2000:]}")
    workers_mb = [peaks[p] / 1024 for p, k in kinds.items() if k == "worker"]
    return dict(wall=wall, load=load_start, load_end=os.getloadavg()[0],
                driver_mb=peaks.get(proc.pid, 0) / 1024,
                worker_mb=max(workers_mb, default=0.0), workers_seen=len(workers_mb),
                summary=_summary(stderr))


def _summary(stderr: str) -> str:
    """The ingest's closing line ("N added, ... errors in ...s"), which the console may wrap."""
    lines = stderr.strip().splitlines()
    for i in range(len(lines) - 1, -1, -1):
        if " added, " in lines[i]:
            return " ".join(line.strip() for line in lines[i:])
    return lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"dateline ingest --workers {args.workers} into a fresh DuckDB file")
    print(f"{'articles':>9}{'wall s':>9}{'docs/s':>8}{'driver MB':>11}{'worker MB':>11}{'workers':>8}{'load':>11}")
    results = []
    with tempfile.TemporaryDirectory(prefix="dateline-mem-") as name:
        tmp = Path(name)
        for n in args.sizes:
            folder = tmp / f"corpus_{n}"
            write_corpus(folder, n, seed=23)
            r = measure(folder, tmp / f"store_{n}.duckdb", args.workers)
            results.append((n, r))
            print(f"{n:>9}{r['wall']:>9.0f}{n / r['wall']:>8.2f}{r['driver_mb']:>11.0f}{r['worker_mb']:>11.0f}"
                  f"{r['workers_seen']:>8}{r['load']:>5.1f}->{r['load_end']:<4.1f}", flush=True)
            print(f"          {r['summary']}")
    if len(results) > 1:
        (n0, first), (n1, last) = results[0], results[-1]
        growth = last["worker_mb"] / first["worker_mb"] if first["worker_mb"] else float("nan")
        print(f"worker peak x{growth:.2f} from {n0:,} to {n1:,} articles; largest {max(r['worker_mb'] for _, r in results):.0f} MB "
              f"(goal flat, <= {GOAL_MB} MB); driver x{last['driver_mb'] / first['driver_mb']:.2f}")


if __name__ == "__main__":
    main()
