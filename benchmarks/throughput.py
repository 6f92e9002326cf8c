"""Throughput of `dateline process` against bare spaCy on the same texts, in one run.

    python benchmarks/throughput.py                 # the bundled demo corpus
    python benchmarks/throughput.py PATH... [--repeat N]

Both sides run as fresh processes so that start-up and model loading are included:
dateline reads, cleans, parses and analyses every file in one call; the baseline loads
the same spaCy model and runs ``nlp.pipe`` over dateline's clean texts of the same
documents. Prints docs/s for each and the ratio dateline / spaCy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPACY_BASELINE = """
import json, sys, time
import spacy
texts = json.load(open(sys.argv[2]))
nlp = spacy.load(sys.argv[1])
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print(n)
"""


def timed(cmd: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, **kwargs)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="files to process (default: the demo corpus)")
    parser.add_argument("--repeat", type=int, default=1, help="process the inputs N times (copies)")
    args = parser.parse_args()

    from dateline.analyse.nlp import default_model_name
    from dateline.run.ingest import demo_files

    paths = args.paths or demo_files()
    with tempfile.TemporaryDirectory() as tmp:
        inputs: list[str] = []
        for i in range(args.repeat):
            for p in paths:
                target = Path(tmp) / f"{i:03d}_{Path(p).name}"
                shutil.copyfile(p, target)
                inputs.append(str(target))
        dl_seconds, result = timed([sys.executable, "-m", "dateline", "process", *inputs, "--format", "json"])
        records = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
        errors = result.stderr.decode().strip().splitlines()
        texts = [r["text"] for r in records if r.get("language") == "en"]
        texts_file = Path(tmp) / "texts.json"
        texts_file.write_text(json.dumps(texts))
        model = default_model_name()
        sp_seconds, sp = timed([sys.executable, "-c", SPACY_BASELINE, model, str(texts_file)])
        if sp.returncode != 0:
            sys.exit(sp.stderr.decode())
    chars = sum(len(r["text"]) for r in records)
    dl_rate = len(records) / dl_seconds
    sp_rate = len(texts) / sp_seconds
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, model {model}")
    print(f"inputs: {len(inputs)} files -> {len(records)} documents ({len(texts)} English, {chars:,} clean chars), "
          f"{len(errors)} unreadable")
    print(f"{'run':<34}{'docs':>6}{'seconds':>10}{'docs/s':>9}")
    print(f"{'dateline process (all stages)':<34}{len(records):>6}{dl_seconds:>10.2f}{dl_rate:>9.2f}")
    print(f"{'bare spaCy nlp.pipe (same texts)':<34}{len(texts):>6}{sp_seconds:>10.2f}{sp_rate:>9.2f}")
    print(f"ratio dateline/spaCy: {dl_rate / sp_rate:.2f}x")


if __name__ == "__main__":
    main()
