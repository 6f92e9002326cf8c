"""The one container that flows through the pipeline, as spaCy's ``Doc`` does.

``Doc`` holds the ``Article`` being built, the spaCy parse of its clean text and the
publication date as a ``date``. Each analysis component reads what earlier components
left on it and fills its own field of ``doc.article``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.record import Article, Entity, Span

if TYPE_CHECKING:  # spaCy is imported lazily: reading and cleaning do not need it
    from spacy.tokens import Doc as SpacyDoc


@dataclass
class Doc:
    article: Article
    parsed: "SpacyDoc | None" = None
    published: _dt.date | None = None
    # user-supplied actor dictionaries (PETRARCH format), when given with --actors
    actor_dictionary: Any = None
    # scratch space components may share (e.g. resolved metonyms), never serialized
    user_data: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        """A Span over the clean text; its ``text`` always equals ``text[start:end]``."""
        return Span(start, end, self.article.text[start:end])

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the tightest one."""
        best: tuple[int, Entity] | None = None
        for entity in self.article.entities:
            for m in entity.mentions:
                if m.start < end and start < m.end:
                    width = m.end - m.start
                    if best is None or width < best[0]:
                        best = (width, entity)
        return best[1] if best else None


def parse_iso_date(value: str | None) -> _dt.date | None:
    """The calendar day of an ISO 8601 string (YYYY-MM-DD[...]); None for partial dates."""
    if not value or len(value) < 10:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
