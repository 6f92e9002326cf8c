"""HTML pages: main content and metadata (placeholder engine: trafilatura)."""

from __future__ import annotations

from dateline.clean import Cleaned


def clean_html(html: str, url: str | None = None) -> Cleaned:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return Cleaned(text="")
    text = doc.text or ""
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    from dateline.clean.text import clean_text

    body = clean_text(text)
    return Cleaned(text=body.text, title=doc.title, authors=authors, published=doc.date,
                   dateline=body.dateline, site=doc.sitename, boilerplate=body.boilerplate)
