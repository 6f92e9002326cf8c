"""The distributed path: dateline on Ray Data, files as the unit of work.

    from dateline.run.ray_engine import process_paths_ray, write_parquet
    for record in process_paths_ray(["s3://bucket/crawl/*.warc.gz"], workers=64): ...
    write_parquet(["corpus/"], "out/", workers=8)   # then DuckDB: read_parquet('out/*.parquet')

A dataset of input files (local paths, folders, or fsspec URLs such as ``s3://`` globs) is
mapped by a pool of actors; each actor loads spaCy once and runs ``process_many`` over a
few files at a time, so spaCy batches documents across small files. Records travel as
JSON rows and come back to the driver in input order (file, then position in the file),
so a store receives exactly what the local path would give it.

Ray is imported only inside the functions here (``pip install 'dateline[ray]'``). With
``RAY_ADDRESS`` set the work goes to that cluster; otherwise a local one with ``workers``
CPUs is started and shut down afterwards. A Ray session that is already initialised is
used and left running.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import tempfile
import types
import typing
from collections import deque
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from dateline.errors import DocumentError
from dateline.read import DEFAULT_MAX_BYTES
from dateline.record import Article
from dateline.run.limits import DEFAULT_TIME_LIMIT
from dateline.run.parallel import files_per_task
from dateline.run.pipeline import DEFAULT_BATCH_SIZE

# small files are grouped so that spaCy parses a full batch; big ones go alone anyway
ROWS_PER_CHUNK = 64  # an actor hands rows back in chunks, so a huge WARC never sits whole in memory

ROW_COLUMNS = ("task", "seq", "last", "file_index", "position", "file", "kind", "id", "where", "error", "record")


# -- records back from JSON -------------------------------------------------------------

def record_from_dict(cls: type, data: Any) -> Any:
    """Rebuild a record dataclass (and the records nested in it) from its ``to_dict()`` form."""
    hints = _hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**values)


def article_from_dict(data: dict[str, Any]) -> Article:
    """The ``Article`` whose ``to_dict()`` is ``data`` (a record as ``dateline process`` prints it)."""
    return record_from_dict(Article, data)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        return record_from_dict(hint, value)
    if origin is list:
        (inner,) = typing.get_args(hint) or (Any,)
        return [_convert(inner, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        # X | None: the one non-None member that is a record, if any
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        for member in members:
            if dataclasses.is_dataclass(member) or typing.get_origin(member) is list:
                return _convert(member, value)
    return value


# -- input files ------------------------------------------------------------------------

def is_url(path: str) -> bool:
    """An fsspec address (s3://, gs://, https://, file://...) rather than a local path."""
    return "://" in path


def expand_inputs(paths: Iterable[str]) -> list[str]:
    """Files to process, in the order the serial reader would visit them.

    Local folders expand to their files (as the local pool does); URLs with a glob
    (``s3://bucket/crawl/*.warc.gz``) or naming a prefix expand through fsspec.
    """
    from dateline.run.parallel import expand_paths

    files: list[str] = []
    for path in paths:
        if not is_url(path):
            files.extend(expand_paths([path]))
            continue
        import fsspec

        fs, root = fsspec.core.url_to_fs(path)
        if any(ch in root for ch in "*?["):
            matches = sorted(fs.glob(root))
        elif fs.isdir(root):
            matches = sorted(fs.find(root))
        else:
            files.append(path)
            continue
        files.extend(fs.unstrip_protocol(m) for m in matches)
    return files


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES):
    """Documents of one input file, local or remote, streamed (a remote file is never read whole)."""
    from dateline.read import read_path, read_stream

    if not is_url(path):
        yield from read_path(path, max_bytes=max_bytes)
        return
    import fsspec

    try:
        with fsspec.open(path, "rb") as fh:
            yield from read_stream(fh, where=path, path=path, max_bytes=max_bytes)
    except DocumentError as exc:
        yield exc
    except FileNotFoundError:
        yield DocumentError(path, "no such file")
    except Exception as exc:  # network and permission errors name the file and go on
        yield DocumentError(path, f"could not read ({type(exc).__name__}: {exc})")


# -- the actor --------------------------------------------------------------------------

class FileProcessor:
    """One Ray actor: spaCy loaded once, then ``process_many`` over batches of files."""

    def __init__(self, options: dict[str, Any], actor_files: Sequence[tuple[str, bytes]] = ()):
        from dateline.analyse.nlp import load

        self.options = dict(options)
        self.max_bytes = self.options.pop("max_bytes", DEFAULT_MAX_BYTES)
        # actor dictionaries travel as contents: the driver's paths need not exist on a worker
        self._dictionaries = None
        if actor_files:
            self._dictionaries = tempfile.TemporaryDirectory(prefix="dateline-actors-")
            written = []
            for i, (name, content) in enumerate(actor_files):
                target = Path(self._dictionaries.name) / f"{i:02d}_{name}"
                target.write_bytes(content)
                written.append(str(target))
            self.options["actors"] = tuple(written)
        load(self.options.get("model"))

    def __call__(self, batch: dict[str, Any]) -> Iterator[Any]:
        from dateline.run.pipeline import process_many

        task = int(batch["task"][0])
        jobs = list(zip((int(i) for i in batch["file_index"]), (str(p) for p in batch["path"])))
        origins: deque[tuple[int, str, int]] = deque()  # (file index, file, position) of each item read
        finished: set[int] = set()

        def items():
            for file_index, path in jobs:
                for position, item in enumerate(read_file(path, self.max_bytes)):
                    origins.append((file_index, path, position))
                    yield item
                finished.add(file_index)

        rows: list[dict[str, Any]] = []
        seq = 0
        try:
            # process_many yields exactly one result per item, in order: zip them back
            for result in process_many(items(), **self.options):
                file_index, path, position = origins.popleft()
                rows.append(_row(task, seq, file_index, position, path, result))
                seq += 1
                if len(rows) >= ROWS_PER_CHUNK:
                    yield _columns(rows)
                    rows = []
        except Exception as exc:  # a worker bug costs the files it was on, not the run
            for file_index, path in jobs:
                if file_index not in finished:
                    error = DocumentError(path, f"worker failed ({type(exc).__name__}: {exc})")
                    rows.append(_row(task, seq, file_index, 1 << 30, path, error))
                    seq += 1
        if rows:
            rows[-1]["last"] = True
        else:  # a task whose files held nothing still says it is done
            rows.append(dict(task=task, seq=seq, last=True, file_index=-1, position=-1, file="", kind="none",
                             id=None, where=None, error=None, record=None))
        yield _columns(rows)


def _row(task: int, seq: int, file_index: int, position: int, path: str,
         result: Article | DocumentError) -> dict[str, Any]:
    row = dict(task=task, seq=seq, last=False, file_index=file_index, position=position, file=path)
    if isinstance(result, DocumentError):
        row.update(kind="error", id=None, where=result.where, error=result.reason, record=None)
    else:
        row.update(kind="article", id=result.id, where=None, error=None,
                   record=json.dumps(result.to_dict(), ensure_ascii=False))
    return row


_TYPES = {"task": "int64", "seq": "int64", "last": "bool_", "file_index": "int64", "position": "int64",
          "events": "int64"}


def _table(rows_by_column: dict[str, list], names: Sequence[str]):
    """An Arrow table with fixed column types: a chunk of only errors has no ids, and a
    column of nulls must still merge with the string columns of the other chunks."""
    import pyarrow as pa

    schema = pa.schema([(name, getattr(pa, _TYPES.get(name, "string"))()) for name in names])
    return pa.table({name: rows_by_column[name] for name in names}, schema=schema)


def _columns(rows: list[dict[str, Any]]):
    return _table({name: [r[name] for r in rows] for name in ROW_COLUMNS}, ROW_COLUMNS)


# -- the driver -------------------------------------------------------------------------

def connect(workers: int) -> bool:
    """Join RAY_ADDRESS's cluster, or start a local one with ``workers`` CPUs. True if started here."""
    import ray
    import ray.data  # configures its loggers on import: quieten them after that

    # Ray Data's INFO lines (execution plans, log folders) would bury dateline's own progress
    # on the console; its log file under the session folder keeps them
    for handler in logging.getLogger("ray.data").handlers:
        if "File" not in type(handler).__name__:
            handler.setLevel(logging.WARNING)
    if ray.is_initialized():
        return False
    common = dict(include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    address = os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, **common)
    else:
        # "local": a fresh cluster for this run, never one a `ray start` left on the machine
        ray.init(address="local", num_cpus=max(1, workers), **common)
    return True


def _dataset(files: list[str], workers: int, options: dict[str, Any]):
    import ray

    size = files_per_task(len(files), workers)
    items = [{"task": i // size, "file_index": i, "path": path} for i, path in enumerate(files)]
    actor_files = tuple((Path(p).name, Path(p).read_bytes()) for p in options.get("actors") or ())
    options = {k: v for k, v in options.items() if k != "actors"}
    ds = ray.data.from_items(items, override_num_blocks=math.ceil(len(files) / size))
    return ds.map_batches(
        FileProcessor,
        batch_size=size,
        compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
        num_cpus=1,
        fn_constructor_kwargs=dict(options=options, actor_files=actor_files),
        batch_format="default",
    )


def _configure_context():
    from ray.data import DataContext

    ctx = DataContext.get_current()
    saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars)
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    return ctx, saved


def _restore_context(ctx, saved) -> None:
    ctx.execution_options.preserve_order, ctx.enable_progress_bars = saved


def _ordered(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows in (task, seq) order, whatever order they arrive in; the last of a task says so."""
    pending: dict[tuple[int, int], dict[str, Any]] = {}
    task, seq = 0, 0
    for row in rows:
        pending[(int(row["task"]), int(row["seq"]))] = row
        while (task, seq) in pending:
            ready = pending.pop((task, seq))
            if ready["last"]:
                task, seq = task + 1, 0
            else:
                seq += 1
            yield ready
    if pending:  # cannot happen unless rows were lost; never drop what arrived
        yield from (pending[k] for k in sorted(pending))


def _result(row: dict[str, Any]) -> Article | DocumentError | None:
    if row["kind"] == "article":
        return article_from_dict(json.loads(row["record"]))
    if row["kind"] == "error":
        return DocumentError(row["where"], row["error"])
    return None


def process_paths_ray(paths: Iterable[str], workers: int = 2, *, url: str | None = None,
                      published: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                      model: str | None = None, actors: Sequence[str] = (),
                      time_limit_s: float | None = DEFAULT_TIME_LIMIT,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | DocumentError]:
    """``process_paths`` on a Ray cluster: the same records and errors, in the same order."""
    files = expand_inputs(paths)
    options = dict(url=url, published=published, batch_size=batch_size, model=model, actors=tuple(actors),
                   time_limit_s=time_limit_s, max_bytes=max_bytes)
    if "-" in files:  # standard input is the driver's: nothing to distribute
        from dateline.run.pipeline import process_paths

        yield from process_paths(files, **options)
        return
    if not files:
        return
    import ray

    started = connect(workers)
    ctx, saved = _configure_context()
    try:
        ds = _dataset(files, workers, options)
        for row in _ordered(ds.iter_rows()):
            result = _result(row)
            if result is not None:
                yield result
    finally:
        _restore_context(ctx, saved)
        if started:
            ray.shutdown()


# -- Parquet out ------------------------------------------------------------------------

PARQUET_COLUMNS = ("file_index", "position", "file", "kind", "id", "where", "error", "title", "published",
                   "language", "site", "url", "events", "record")


def _flatten(batch: dict[str, Any]):
    """Rows for Parquet: a few columns to filter on, the whole record as JSON, errors kept."""
    out: dict[str, list] = {name: [] for name in PARQUET_COLUMNS}
    for i, kind in enumerate(batch["kind"]):
        if kind == "none":
            continue
        record = json.loads(batch["record"][i]) if kind == "article" else {}
        source = record.get("source") or {}
        values = dict(file_index=int(batch["file_index"][i]), position=int(batch["position"][i]),
                      file=str(batch["file"][i]), kind=str(kind), id=batch["id"][i], where=batch["where"][i],
                      error=batch["error"][i], title=record.get("title"), published=record.get("published"),
                      language=record.get("language"), site=source.get("site"), url=source.get("url"),
                      events=len(record.get("events") or []) if record else None, record=batch["record"][i])
        for name in PARQUET_COLUMNS:
            out[name].append(values[name])
    return _table(out, PARQUET_COLUMNS)


def write_parquet(paths: Iterable[str], out_dir: str, workers: int = 2, **options) -> int:
    """Process ``paths`` on Ray and write Parquet shards to ``out_dir`` (local or an fsspec URL).

    One row per document: ``kind`` is ``article`` (the full record in ``record`` as JSON)
    or ``error`` (``where`` and ``error``); ``file_index``/``position`` give input order.
    Returns the number of rows written.
    """
    files = expand_inputs(paths)
    if not files:
        return 0
    import ray

    options = dict(dict(url=None, published=None, batch_size=DEFAULT_BATCH_SIZE, model=None, actors=(),
                        time_limit_s=DEFAULT_TIME_LIMIT, max_bytes=DEFAULT_MAX_BYTES), **options)
    started = connect(workers)
    ctx, saved = _configure_context()
    try:
        ds = _dataset(files, workers, options).map_batches(_flatten, batch_format="default")
        ds.write_parquet(out_dir)
        return ray.data.read_parquet(out_dir).count()
    finally:
        _restore_context(ctx, saved)
        if started:
            ray.shutdown()


def iter_parquet(out_dir: str) -> Iterator[Article | DocumentError]:
    """Records and errors from ``write_parquet`` shards, in input order (no Ray needed).

    Feeds a store: ``dateline.run.ingest.store_results(iter_parquet("out/"), "news.duckdb")``.
    """
    import duckdb

    pattern = str(Path(out_dir) / "*.parquet") if not is_url(out_dir) else out_dir.rstrip("/") + "/*.parquet"
    con = duckdb.connect()
    cursor = con.execute("SELECT kind, \"where\", error, record FROM read_parquet(?) "
                         "ORDER BY file_index, position", [pattern])
    while True:
        chunk = cursor.fetchmany(500)
        if not chunk:
            break
        for kind, where, error, record in chunk:
            yield article_from_dict(json.loads(record)) if kind == "article" else DocumentError(where, error)
    con.close()
