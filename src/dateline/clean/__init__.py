"""clean: raw HTML or flattened text to clean body text and metadata.

``clean_document`` is the stage's one entry point. What is removed goes to
``Cleaned.boilerplate`` with the reason, so that nothing is lost silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dateline.record import Boilerplate, Dateline


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    dateline: Dateline | None = None
    site: str | None = None
    boilerplate: list[Boilerplate] = field(default_factory=list)


def clean_document(content: str, kind: str, url: str | None = None) -> Cleaned:
    """Clean ``content`` (``kind`` is "html" or "text")."""
    if kind == "html":
        from dateline.clean.html import clean_html

        return clean_html(content, url=url)
    from dateline.clean.text import clean_text

    return clean_text(content)
