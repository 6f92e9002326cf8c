"""Speed work must not change a single output byte: dump ``dateline process`` JSON, then compare.

    python benchmarks/same_output.py corpus /tmp/vary          # write a varied corpus (outside the repo)
    python benchmarks/same_output.py dump /tmp/vary before.jsonl
    ... change the code ...
    python benchmarks/same_output.py dump /tmp/vary after.jsonl
    python benchmarks/same_output.py compare before.jsonl after.jsonl

The corpus mixes the synthetic benchmark texts and pages (benchmarks/make_corpus.py), the
demo files, and, where /work/shared is present, a few dev texts of each benchmark (texts
only, never test splits). ``dump`` runs the pipeline in this process on every file, in
name order, one JSON record per line; ``compare`` prints the first differing field of
each differing record and exits 1 if any differ.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SHARED = Path("/work/shared/benchmarks")
DEMO = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "demo"


def write_varied_corpus(folder: Path, per_source: int = 8) -> int:
    from make_corpus import write_corpus

    folder.mkdir(parents=True, exist_ok=True)
    write_corpus(folder / "synthetic_text", per_source * 2, html_pages=False, seed=5)
    write_corpus(folder / "synthetic_html", per_source, html_pages=True, seed=6)
    for path in DEMO.iterdir():
        if path.suffix in (".txt", ".html"):
            shutil.copy(path, folder / f"demo_{path.name}")
    for name in ("quotes", "events-plover", "places", "dates", "events-petr"):
        dev = SHARED / name / "data" / "dev" / "dev.jsonl"
        if not dev.exists():
            continue
        lines = [json.loads(line) for line in dev.read_text().splitlines() if line.strip()]
        step = max(1, len(lines) // per_source)
        for i, record in enumerate(lines[::step][:per_source]):
            if record.get("text"):
                (folder / f"{name}_{i:02d}.txt").write_text(record["text"])
    extraction = SHARED / "extraction" / "data" / "dev"
    pages = sorted((extraction / "html").rglob("*.html.gz"))[: per_source] if extraction.exists() else []
    for i, page in enumerate(pages):
        (folder / f"extraction_{i:02d}.html").write_bytes(gzip.decompress(page.read_bytes()))
    return sum(1 for p in folder.rglob("*") if p.is_file())


def dump(folder: Path, out: Path) -> int:
    from dateline.errors import DocumentError
    from dateline.run.pipeline import process_paths

    files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    n = 0
    with out.open("w") as fh:
        for path, result in zip(files, process_paths(files)):
            record = {"error": str(result)} if isinstance(result, DocumentError) else result.to_dict()
            fh.write(json.dumps({"file": Path(path).name, "record": record}, ensure_ascii=False, sort_keys=True) + "\n")
            n += 1
    return n


def first_difference(a, b, where: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{where}: {a!r:.80} != {b!r:.80}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            found = first_difference(a.get(key), b.get(key), f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return f"{where}: {len(a)} items != {len(b)}" if len(a) != len(b) else None
    return None if a == b else f"{where}: {a!r:.80} != {b!r:.80}"


def compare(before: Path, after: Path) -> int:
    old = [json.loads(line) for line in before.read_text().splitlines()]
    new = [json.loads(line) for line in after.read_text().splitlines()]
    differing = 0
    for a, b in zip(old, new):
        found = first_difference(a, b)
        if found:
            differing += 1
            print(f"{a['file']}: {found}")
    if len(old) != len(new):
        differing += 1
        print(f"{len(old)} records before, {len(new)} after")
    print(f"{len(old)} records compared, {differing} differ")
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("corpus").add_argument("folder", type=Path)
    d = sub.add_parser("dump")
    d.add_argument("folder", type=Path)
    d.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "corpus":
        print(f"{write_varied_corpus(args.folder)} files in {args.folder}")
    elif args.command == "dump":
        print(f"{dump(args.folder, args.out)} records in {args.out}")
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
