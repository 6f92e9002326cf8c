"""events: CAMEO/PLOVER event coding over the parse and the analysed facts."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.doc import Doc


@lru_cache(maxsize=8)
def load_actor_dictionaries(paths: tuple[str, ...]) -> Any:
    """(placeholder until the PETRARCH dictionary reader is written)"""
    return None


def annotate(doc: Doc) -> None:
    """(placeholder until the coder is written)"""
    doc.article.events = []
