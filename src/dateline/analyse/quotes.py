"""quotes (placeholder until the stage is written)."""

from __future__ import annotations

from dateline.doc import Doc


def annotate(doc: Doc) -> None:
    doc.article.quotes = []
