"""Shared test helpers: paths, the contract's schema, and offset checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# real third-party data lives beside the repository, never in it; tests that need it skip
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "corpus" / "seed"
SCHEMA_COPY = Path(__file__).resolve().parent / "contract" / "article.schema.json"


def stage_places(text: str, dateline=None, metonyms: dict | None = None) -> list:
    """Run the places stage alone on a parsed text (with a dateline or metonym spans when
    given); every mention's text is checked against its offsets."""
    from dateline.analyse import places
    from dateline.analyse.nlp import load as load_nlp
    from dateline.doc import Doc
    from dateline.record import Article, Source

    article = Article(id="t", source=Source(None, None, "text"), title=None, authors=[], published=None,
                      dateline=dateline, language="en", text=text)
    doc = Doc(article=article, parsed=load_nlp()(text))
    if metonyms:
        doc.user_data["metonym_spans"] = metonyms
    places.annotate(doc)
    for p in article.places:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text
    return article.places


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (real data lives in ../shared)")
    return path


def seed_files() -> list[Path]:
    directory = shared_path("corpus", "seed")
    return sorted(directory.glob("*.txt"))


@pytest.fixture(scope="session")
def schema_validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_COPY.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def assert_valid_record(record: dict, validator) -> None:
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    assert_offsets_match(record)


def iter_spans(record: dict):
    """(where, start, end, expected_text_or_None) for every offset in a record."""
    for i, e in enumerate(record["entities"]):
        for m in e["mentions"]:
            yield f"entities[{i}]", m["start"], m["end"], m.get("text")
    for i, q in enumerate(record["quotes"]):
        yield f"quotes[{i}]", q["start"], q["end"], None
        for key in ("speaker_span", "cue_span"):
            if q.get(key):
                yield f"quotes[{i}].{key}", q[key]["start"], q[key]["end"], q[key]["text"]
    for i, d in enumerate(record["dates"]):
        yield f"dates[{i}]", d["start"], d["end"], d["text"]
    for i, p in enumerate(record["places"]):
        for m in p["mentions"]:
            yield f"places[{i}]", m["start"], m["end"], m.get("text")
    for i, c in enumerate(record["counts"]):
        yield f"counts[{i}]", c["start"], c["end"], None
    for i, ev in enumerate(record["events"]):
        s = ev["sentence"]
        yield f"events[{i}].sentence", s["start"], s["end"], s.get("text")
        if ev.get("trigger"):
            yield f"events[{i}].trigger", ev["trigger"]["start"], ev["trigger"]["end"], ev["trigger"]["text"]


def assert_offsets_match(record: dict) -> None:
    text = record["text"]
    for where, start, end, expected in iter_spans(record):
        assert 0 <= start <= end <= len(text), f"{where}: [{start}, {end}) outside text of {len(text)}"
        if expected is not None:
            assert text[start:end] == expected, f"{where}: {text[start:end]!r} != {expected!r}"
    for i, q in enumerate(record["quotes"]):
        # the quote text is what was said: it must sit inside its span (quote marks may be trimmed)
        assert q["text"].strip() and q["text"] in text[q["start"]:q["end"]] or text[q["start"]:q["end"]] in q["text"], \
            f"quotes[{i}]: text does not match its span"
