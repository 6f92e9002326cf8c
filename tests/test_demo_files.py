"""The bundled demo corpus itself: files per format, containers readable and up to date,
and every expected fact in tests/data/demo_expected.json anchored in an existing document.

These tests check the corpus, not the pipeline: they read it with ``dateline.read`` only.
"""

from __future__ import annotations

import html
import json
import re
import runpy
import shutil
from pathlib import Path

import pytest

from dateline.errors import DocumentError
from dateline.read import RawDocument, read_path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "dateline" / "data" / "demo"
EXPECTED = json.loads((Path(__file__).parent / "data" / "demo_expected.json").read_text(encoding="utf-8"))
DOCS = EXPECTED["documents"]
ISO_DAY_OR_MONTH = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
MODALITIES = {"asserted", "planned", "intended", "negated", "hypothetical"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "DEMAND", "DISAPPROVE"}


def _documents() -> dict[str, RawDocument]:
    """Every demo document by its key in demo_expected.json."""
    found: dict[str, RawDocument] = {}
    for path in sorted(DEMO.glob("*.txt")) + sorted(DEMO.glob("*.html")):
        (doc,) = list(read_path(str(path)))
        assert isinstance(doc, RawDocument), doc
        found[path.name] = doc
    for doc in read_path(str(DEMO / "crawl.warc.gz")):
        assert isinstance(doc, RawDocument), doc
        found["crawl.warc.gz#" + doc.where.split("#", 1)[1].split(" ", 1)[0]] = doc
    for doc in read_path(str(DEMO / "feed_dump.jsonl")):
        assert isinstance(doc, RawDocument), doc
        found["feed_dump.jsonl:" + doc.where.rsplit(":", 1)[1]] = doc
    return found


DOCUMENTS = _documents()


def _plain(doc: RawDocument) -> str:
    """The document's words without tags or entities, whitespace collapsed, for substring checks."""
    text = doc.content
    if doc.kind == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text)


def _body_words(doc: RawDocument) -> int:
    """Words of the article body: paragraphs from the dateline on, without markup."""
    plain = _plain(doc)
    start = re.search(r"[A-ZÁÉÍÓÚ][A-ZÁÉÍÓÚ .'-]+,? [^—]{0,40}—", plain)
    # trailing widgets (related links, share bars, CSS blobs, footers) are not article words
    end = re.search(r"Related:|Related stories|Share this:|Content retrieved from:|\.u[0-9a-f]{20,}", plain)
    body = plain[start.start() if start else 0:end.start() if end else len(plain)]
    return len(body.split())


def test_counts_per_format():
    assert len(list(DEMO.glob("*.txt"))) >= 10
    assert len(list(DEMO.glob("*.html"))) >= 10
    assert sum(k.startswith("crawl.warc.gz#") for k in DOCUMENTS) == 8
    assert sum(k.startswith("feed_dump.jsonl:") for k in DOCUMENTS) == 8
    assert len(DOCUMENTS) >= 36


def test_warc_records_are_html_responses_with_urls():
    records = [d for k, d in DOCUMENTS.items() if k.startswith("crawl.warc.gz#")]
    for doc in records:
        assert doc.container == "warc" and doc.kind == "html"
        assert doc.url and doc.url.startswith("https://")
        assert "</html>" in doc.content
        # bodies declared as windows-1252 must come back without mojibake
        assert "â€" not in doc.content and "\ufffd" not in doc.content


def test_jsonl_records_carry_metadata_and_text_or_html():
    lines = (DEMO / "feed_dump.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 8
    fields = set()
    for line in lines:
        obj = json.loads(line)
        assert {"url", "title", "published"} <= obj.keys()
        fields |= obj.keys() & {"text", "html"}
    assert fields == {"text", "html"}, "the dump mixes plain-text and HTML records"
    kinds = {d.kind for k, d in DOCUMENTS.items() if k.startswith("feed_dump.jsonl:")}
    assert kinds == {"text", "html"}


def test_containers_are_up_to_date_with_their_sources(tmp_path):
    """Rebuilding from warc_src/ and jsonl_src/ gives the committed files byte for byte."""
    build = runpy.run_path(str(ROOT / "scripts" / "build_demo_containers.py"))
    for folder in ("warc_src", "jsonl_src"):
        shutil.copytree(DEMO / folder, tmp_path / folder)
    assert build["build_warc"](tmp_path).read_bytes() == (DEMO / "crawl.warc.gz").read_bytes()
    assert build["build_jsonl"](tmp_path).read_bytes() == (DEMO / "feed_dump.jsonl").read_bytes()


def test_every_document_has_expected_facts_and_every_key_exists():
    assert set(EXPECTED["documents"]) == set(DOCUMENTS)


@pytest.mark.parametrize("key", sorted(DOCS))
def test_article_length_is_realistic(key):
    assert 120 <= _body_words(DOCUMENTS[key]) <= 750


@pytest.mark.parametrize("key", sorted(DOCS))
def test_expected_facts_are_stated_in_the_document(key):
    facts, doc = DOCS[key], DOCUMENTS[key]
    plain = _plain(doc)
    if facts["title"]:
        # a feed record may carry its title beside the text rather than in it
        assert facts["title"] in plain or facts["title"] == doc.title
    for author in facts["authors"]:
        assert author in plain
    if facts["dateline"]:
        assert facts["dateline"]["place"].upper() in plain
    for person in facts["people"]:
        assert person["name"] in plain or person["name"].split()[-1] in plain
    for quote in facts["quotes"]:
        assert quote["contains"] in plain, quote
        assert quote["speaker"].split()[-1] in plain, quote
    for date in facts["dates"]:
        assert date["text"] in plain, date


@pytest.mark.parametrize("key", sorted(DOCS))
def test_expected_facts_are_well_formed(key):
    facts = DOCS[key]
    assert facts["format"] in {"text", "html", "warc", "jsonl"}
    published = facts["published"]
    assert published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", published)
    assert published is None or "2020-01-01" <= published <= "2026-12-31"
    codes = [p["country"] for p in facts["people"]] + ([facts["dateline"]["country"]] if facts["dateline"] else [])
    codes += [e[side] for e in facts["events"] for side in ("source", "target")]
    assert all(c is None or re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    for date in facts["dates"]:
        # a relative date cannot be resolved without a publication date
        assert (date["value"] is None) == (published is None)
        assert date["value"] is None or ISO_DAY_OR_MONTH.match(date["value"])
    for count in facts["counts"]:
        assert count["number"] > 0 and count["noun"]
    for event in facts["events"]:
        assert event["plover"] in PLOVER and event["modality"] in MODALITIES
        assert event["source"] or event.get("source_name")
    for quote in facts["quotes"]:
        assert isinstance(quote["direct"], bool)


def test_corpus_has_a_syndicated_pair_and_a_non_english_article():
    stories: dict[str, list[str]] = {}
    for key, facts in DOCS.items():
        if facts.get("story"):
            stories.setdefault(facts["story"], []).append(key)
    pairs = [keys for keys in stories.values() if len(keys) >= 2]
    assert pairs, "expected a wire story carried by two sites"
    for keys in pairs:
        titles = {DOCS[k]["title"] for k in keys}
        assert len(titles) == len(keys), "syndicated copies carry different headlines"
    assert any(f["language"] != "en" for f in DOCS.values())


def test_one_page_has_no_date_and_one_has_two_authors():
    assert any(f["published"] is None for f in DOCS.values())
    assert any(len(f["authors"]) == 2 and f["format"] == "html" for f in DOCS.values())


def test_readme_explains_how_to_rebuild():
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    assert "build_demo_containers.py" in readme


def test_no_read_errors():
    errors = [d for d in read_path(str(DEMO)) if isinstance(d, DocumentError)]
    assert not errors
