"""events: CAMEO/PLOVER event coding over the parse and the analysed facts.

``annotate(doc)`` fills ``doc.article.events`` (see ``events.coder`` for how, and for the
documented choice on intended actions); ``load_actor_dictionaries(paths)`` reads
PETRARCH-format actor/agent dictionaries whose entries win over inferred actor codes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.doc import Doc


@lru_cache(maxsize=8)
def load_actor_dictionaries(paths: tuple[str, ...]) -> Any:
    """An ``ActorDictionary`` from PETRARCH/TABARI actor and agent files (None for none)."""
    if not paths:
        return None
    from dateline.events.dictionary import load

    return load(tuple(paths))


def annotate(doc: Doc) -> None:
    from dateline.events.coder import annotate_events

    doc.article.events = annotate_events(doc)
