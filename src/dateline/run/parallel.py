"""A local process pool: each worker loads the models once and processes whole input files.

Files are the unit of work (a WARC or JSONL file holds many documents), handed out in small
groups so that spaCy batches documents across small files; results come back in input
order, so the pool's output is the same as the serial pipeline's.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

from dateline.record import Article

MAX_FILES_PER_TASK = 32
TASKS_PER_WORKER = 4  # enough tasks per worker that a slow file does not leave the others idle


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Folders to their files, in the order the serial reader would visit them."""
    files: list[str] = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            files.extend(str(c) for c in sorted(c for c in p.rglob("*") if c.is_file()))
        else:
            files.append(path)
    return files


def files_per_task(n_files: int, workers: int) -> int:
    """Group small files so spaCy parses full batches, but keep a few tasks per worker."""
    return max(1, min(MAX_FILES_PER_TASK, math.ceil(n_files / max(1, workers * TASKS_PER_WORKER))))


# ids already in the store, sent once to each worker (not with every task)
_KNOWN_IDS: frozenset[str] | None = None


def _init_worker(known_ids: frozenset[str] | None) -> None:
    global _KNOWN_IDS
    _KNOWN_IDS = known_ids


def _process_files(job: tuple[list[str], dict, bool]) -> list:
    from dateline.run.pipeline import process_paths

    group, options, as_json = job
    # a JSON line crosses the process boundary far cheaper than the record's object tree
    return [_output(r, as_json) for r in process_paths(group, known_ids=_KNOWN_IDS, **options)]


def _output(result, as_json: bool):
    """A record as its JSON line (the one ``dateline process`` prints) when ``as_json``;
    errors and skipped documents stay what they are."""
    return json.dumps(result.to_dict(), ensure_ascii=False) if as_json and isinstance(result, Article) else result


def process_paths_parallel(paths: Iterable[str], workers: int, known_ids: frozenset[str] | None = None,
                           as_json: bool = False, **options) -> Iterator:
    """``process_paths`` on a pool of ``workers`` processes (serial for one worker or one file).
    With ``as_json`` each record comes back as its JSON line (errors stay objects)."""
    from dateline.run.pipeline import process_paths

    files = expand_paths(paths)
    if workers <= 1 or len(files) <= 1 or "-" in files:
        for result in process_paths(files, known_ids=known_ids, **options):
            yield _output(result, as_json)
        return
    # spawn, not fork: a forked copy of a process that already holds threads (BLAS, the
    # progress bar) can deadlock; each worker imports dateline and loads spaCy once
    context = multiprocessing.get_context("spawn")
    # a task is a group of files, so that spaCy batches documents across small files
    size = files_per_task(len(files), workers)
    jobs = [(files[i:i + size], options, as_json) for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                             initializer=_init_worker, initargs=(known_ids,)) as pool:
        for results in pool.map(_process_files, jobs, chunksize=1):
            yield from results
