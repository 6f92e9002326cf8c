"""The HTML cleaner against trafilatura, docs/s on the same pages in the same run.

    python benchmarks/cleaner_speed.py [--pages 200] [--repeat 3]

dateline's cleaner (the page's bytes decoded as ``dateline process`` reads them, then
``clean_document(html, "html", url)``: parse, metadata, body, junk) and trafilatura
(``extract(page_bytes, url=url, output_format="json", with_metadata=True)``, the call the
extraction benchmark's baseline makes) run in this process over the same pages,
alternating ``repeat`` times so that a noisy neighbour slows both alike. The pages are the
extraction benchmark's dev HTML when ``../shared`` is there (real pages of many outlets),
otherwise the synthetic HTML pages of ``make_corpus``. Goal: ratio >= 1.0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SHARED_PAGES = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "extraction" / "data" / "dev" / "html"


def real_pages(limit: int) -> list[tuple[str, bytes, str | None]]:
    """(name, page bytes, url) of every k-th dev page, so that a small sample still spans
    both sets and many outlets."""
    urls = {}
    with open(SHARED_PAGES.parent / "dev.jsonl", encoding="utf-8") as manifest:
        for line in manifest:
            item = json.loads(line)
            urls[Path(item.get("html_path", "")).name] = item.get("url")
    paths = sorted(SHARED_PAGES.glob("*/*.html.gz"))
    step = max(1, len(paths) // limit)
    pages = []
    for path in paths[::step][:limit]:
        with gzip.open(path, "rb") as f:
            pages.append((path.name, f.read(), urls.get(path.name)))
    return pages


def synthetic_pages(limit: int) -> list[tuple[str, bytes, str | None]]:
    from make_corpus import write_corpus

    folder = Path(tempfile.mkdtemp(prefix="dateline-cleaner-speed-"))
    return [(p.name, p.read_bytes(), None) for p in write_corpus(folder, limit, html_pages=True)]


def fresh_caches() -> None:
    """Empty trafilatura's caches and dateline's (both remember lines and dates by their
    text), so that a second round over the same pages times extraction, not cache hits."""
    import importlib
    import pkgutil

    import dateline.clean
    from trafilatura.meta import reset_caches

    reset_caches()
    for info in pkgutil.iter_modules(dateline.clean.__path__, "dateline.clean."):
        for value in vars(importlib.import_module(info.name)).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def time_dateline(pages: list[tuple[str, bytes, str | None]]) -> float:
    from dateline.clean import clean_document
    from dateline.read.decode import decode_bytes

    fresh_caches()
    start = time.perf_counter()
    for name, data, url in pages:
        clean_document(decode_bytes(data, name), "html", url=url)
    return time.perf_counter() - start


def time_trafilatura(pages: list[tuple[str, bytes, str | None]]) -> float:
    import trafilatura

    fresh_caches()
    start = time.perf_counter()
    for _, data, url in pages:
        trafilatura.extract(data, url=url, output_format="json", with_metadata=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = real_pages(args.pages) if SHARED_PAGES.is_dir() else synthetic_pages(args.pages)
    source = "extraction dev pages" if SHARED_PAGES.is_dir() else "synthetic pages"
    size = sum(len(data) for _, data, _ in pages) / len(pages) / 1024
    print(f"{len(pages)} {source}, {size:.0f} KiB on average; load {os.getloadavg()[0]:.2f}")
    # one untimed pass each: imports, the model-free caches (gazetteer, lxml parsers)
    time_dateline(pages[:5])
    time_trafilatura(pages[:5])
    ours, theirs = [], []
    for round_ in range(1, args.repeat + 1):
        ours.append(time_dateline(pages))
        theirs.append(time_trafilatura(pages))
        print(f"round {round_}: dateline {len(pages) / ours[-1]:.1f} docs/s, "
              f"trafilatura {len(pages) / theirs[-1]:.1f} docs/s, ratio {theirs[-1] / ours[-1]:.2f}x")
    # the best round of each: the one least disturbed by the rest of the machine
    print(f"best: dateline {len(pages) / min(ours):.1f} docs/s, trafilatura {len(pages) / min(theirs):.1f} docs/s, "
          f"ratio {min(theirs) / min(ours):.2f}x (goal >= 1.0)")


if __name__ == "__main__":
    main()
