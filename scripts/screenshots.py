"""Save a PNG of each page of the web interface to docs/screenshots/.

Starts the server over a store (by default one built from the bundled demo corpus and the
test fixtures in a temporary folder) and drives Debian's Chromium with Playwright:

    apt-get install -y chromium
    python scripts/screenshots.py [--db FILE] [--out docs/screenshots] [--width 1280]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_demo_store(db: Path) -> None:
    from dateline.run.ingest import demo_files

    paths = [*demo_files(), str(ROOT / "tests" / "fixtures")]
    subprocess.run([sys.executable, "-m", "dateline", "ingest", *paths, "--db", str(db)], check=True)


def pages(base: str, db: str) -> list[tuple[str, str]]:
    """(file name, URL) of each page, with real ids taken from the store."""
    from dateline.store import Store

    with Store(db, read_only=True) as store:
        doc = store.con.execute(
            "SELECT doc_id FROM events GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT 1").fetchone()
        person = store.people(limit=1)
        word = store.con.execute(
            "SELECT term FROM fts_terms WHERE length(term) > 5 GROUP BY term ORDER BY count(*) DESC LIMIT 1").fetchone()
    shots = [("search", f"{base}/?q={quote(word[0]) if word else ''}"),
             ("search-all", f"{base}/"),
             ("events", f"{base}/events"),
             ("timeline", f"{base}/timeline"),
             ("map", f"{base}/map"),
             ("network", f"{base}/network"),
             ("people", f"{base}/people"),
             ("api", f"{base}/api")]
    if doc:
        shots.insert(2, ("article", f"{base}/article/{doc[0]}"))
    if person:
        shots.append(("person", f"{base}/person?name={quote(person[0]['name'])}"))
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to serve (default: build one from the demo corpus)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not only the first screen")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from dateline.web.app import create_app, serving

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.duckdb"
            build_demo_store(db)
        args.out.mkdir(parents=True, exist_ok=True)
        with serving(create_app(db)) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            for name, url in pages(base, str(db)):
                page.goto(url)
                page.wait_for_load_state("networkidle")
                path = args.out / f"{name}.png"
                page.screenshot(path=str(path), full_page=args.full_page)
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  <- {url}")
            browser.close()
            if errors:
                print("console errors:", *errors, sep="\n  ", file=sys.stderr)
                sys.exit(1)


if __name__ == "__main__":
    main()
