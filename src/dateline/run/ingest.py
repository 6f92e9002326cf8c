"""Ingest: process documents and store them, batch by batch, with a progress callback."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Sequence

from dateline.errors import DocumentError
from dateline.record import Article
from dateline.read import RawDocument
from dateline.run.limits import DEFAULT_TIME_LIMIT
from dateline.run.parallel import process_paths_parallel
from dateline.run.pipeline import DEFAULT_BATCH_SIZE, AlreadyStored, process_many
from dateline.store import Store

DEMO_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".warc", ".gz")


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.added + self.skipped

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0


def ingest(paths: Iterable[str], db: str | Path, *, workers: int = 1, engine: str = "local",
           batch_size: int = DEFAULT_BATCH_SIZE,
           published: str | None = None, url: str | None = None, actors: Sequence[str] = (),
           model: str | None = None, time_limit_s: float | None = DEFAULT_TIME_LIMIT,
           on_progress: Callable[[IngestReport], None] | None = None,
           on_error: Callable[[DocumentError], None] | None = None) -> IngestReport:
    """Process files and folders into the store at ``db`` on ``workers`` processes, or on Ray."""
    options = dict(url=url, published=published, batch_size=batch_size, model=model, actors=tuple(actors),
                   time_limit_s=time_limit_s)
    with Store(db) as store:
        # a rerun after a crash resumes: stored documents are cleaned to learn their id, not analysed
        known = store.document_ids()
    if engine == "ray":
        # imported only here: the core never imports Ray
        from dateline.run.ray_engine import process_paths_ray

        results = process_paths_ray(paths, workers=workers, **options)
    else:
        results = process_paths_parallel(paths, workers, known_ids=known, **options)
    return store_results(results, db, batch_size=batch_size, on_progress=on_progress, on_error=on_error)


def ingest_documents(documents: Iterable[RawDocument | DocumentError], db: str | Path, *,
                     batch_size: int = DEFAULT_BATCH_SIZE, published: str | None = None, url: str | None = None,
                     actors: Sequence[str] = (), model: str | None = None,
                     time_limit_s: float | None = DEFAULT_TIME_LIMIT,
                     on_progress: Callable[[IngestReport], None] | None = None,
                     on_error: Callable[[DocumentError], None] | None = None) -> IngestReport:
    """Process read documents (a stream, e.g. fetched pages) into the store at ``db``."""
    results = process_many(documents, url=url, published=published, batch_size=batch_size, model=model,
                           actors=actors, time_limit_s=time_limit_s)
    return store_results(results, db, batch_size=batch_size, on_progress=on_progress, on_error=on_error)


def store_results(results: Iterable[Article | DocumentError], db: str | Path, *,
                  batch_size: int = DEFAULT_BATCH_SIZE,
                  on_progress: Callable[[IngestReport], None] | None = None,
                  on_error: Callable[[DocumentError], None] | None = None) -> IngestReport:
    """Store a stream of records, one transaction per batch, counting errors as they pass."""
    report = IngestReport()
    started = time.perf_counter()
    pending: list[Article] = []
    seen_again: list[tuple] = []

    def flush() -> None:
        result = store.add(pending)
        report.added += result.added
        report.skipped += result.skipped
        pending.clear()
        store.add_sources(seen_again)
        seen_again.clear()

    with Store(db) as store:
        for result in results:
            if isinstance(result, AlreadyStored):
                report.skipped += 1
                seen_again.append((result.id, result.source))
            elif isinstance(result, DocumentError):
                report.errors.append(str(result))
                if on_error:
                    on_error(result)
            else:
                pending.append(result)
                if len(pending) >= batch_size:
                    flush()
            report.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(report)
        flush()
    report.seconds = time.perf_counter() - started
    return report


def demo_files() -> list[str]:
    """The bundled demo corpus: text, HTML, WARC.gz and JSONL files shipped with dateline."""
    root = resources.files("dateline").joinpath("data/demo")
    return sorted(str(p) for p in Path(str(root)).iterdir()
                  if p.is_file() and p.name.lower().endswith(DEMO_SUFFIXES))
