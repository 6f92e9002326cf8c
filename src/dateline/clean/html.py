"""HTML pages: one parse, then the metadata readers and the body, composed by ``clean_html``.

The page is parsed once with lxml (``page``). Metadata are dateline's own decisions,
structured data first and checked against what the page shows: the headline (``titles``),
the authors (``byline``), the publication date (``dates``). Nothing is guessed: no date when
the page states none, ``dateModified`` never stands in for ``datePublished``. Furniture is
pruned from the tree (``prune``), trafilatura picks the body from the same tree (no metadata
run, no second parse), ``body`` repairs what it cut or kept wrongly, and the flattened-text
heuristics then clean that body.
"""

from __future__ import annotations

from copy import deepcopy

from dateline.clean import Cleaned
from dateline.clean.body import (missed_article_block, prefer_article_body, recover_split_sections,
                                  restore_skipped_lists_and_headings, without_repeated_copy,
                                  without_headline_block, without_page_url)
from dateline.clean.byline import article_authors
from dateline.clean.dates import published_date
from dateline.clean.page import article_object, fold_key, json_ld_objects, parse_html
from dateline.clean.prune import prune_article_furniture, prune_page_furniture
from dateline.clean.titles import article_title, host_labels, site_name
from dateline.record import Boilerplate


def clean_html(html: str, url: str | None = None) -> Cleaned:
    from dateline.clean.text import clean_text

    tree = parse_html(html)
    if tree is None:
        return Cleaned(text="")
    objects = json_ld_objects(tree)
    article = article_object(objects)
    site = site_name(tree, article)
    publishers = {s.casefold() for s in (site,) if s} | host_labels(url)
    if article and isinstance(article.get("publisher"), dict) and article["publisher"].get("name"):
        publishers.add(str(article["publisher"]["name"]).casefold())
    title = article_title(tree, article, site)
    authors = article_authors(tree, article, publishers, objects)
    published = published_date(tree, article, url, objects)
    cards = prune_page_furniture(tree)
    cards += prune_article_furniture(tree, authors)
    body, addresses = without_page_url(extract_body(tree, url), url)
    cards += [Boilerplate(text=line, reason="page-url") for line in addresses]
    body = restore_skipped_lists_and_headings(tree, recover_split_sections(tree, body))
    body = without_headline(prefer_article_body(body, article), title)
    body, copy = without_repeated_copy(body)
    cards += [Boilerplate(text=line, reason="repeated-copy") for line in copy]
    body, head = without_headline_block(tree, body)
    cards += [Boilerplate(text=line, reason="headline-block") for line in head]
    cleaned = clean_text(body, aggressive=False)
    if head and not (authors and published):  # the byline and date lines taken off still speak
        header = clean_text("\n".join(head), aggressive=False)
        authors, published = authors or header.authors, published or header.published
    return Cleaned(text=cleaned.text, title=title, authors=authors or cleaned.authors,
                   published=published or cleaned.published, dateline=cleaned.dateline, site=site,
                   boilerplate=cards + cleaned.boilerplate)


def without_headline(body: str, title: str | None) -> str:
    """The body without the headline the extractor kept as its first line: the title is its
    own field, and the story (and its dateline) starts after it."""
    if not title or not body:
        return body
    lines = body.lstrip().split("\n", 1)
    if fold_key(lines[0]) == fold_key(title) and len(lines) > 1 and lines[1].strip():
        return lines[1].lstrip()
    return body


def extract_body(tree, url: str | None) -> str:
    """Main text of the page: trafilatura on the already-parsed tree (comments excluded),
    its fallback extractors only when its own pass missed the page's prose, its recall mode
    when it kept nothing, and the page's densest prose block when that holds far more than
    trafilatura kept."""
    text = _trafilatura_text(tree, url, fast=True)
    if missed_paragraphs(tree, text):
        text = _trafilatura_text(tree, url)
    return second_looks(tree, url, text)


def missed_paragraphs(tree, text: str) -> bool:
    """trafilatura's own pass kept less than most of the page's paragraph text, or the page
    has too few paragraphs to tell. Only then are its fallbacks (readability, jusText) worth
    their cost: on the other pages (nine in ten news pages) they agree with the own pass,
    and they take a third of trafilatura's time."""
    paragraphs = sum(len(" ".join(p.text_content().split())) for p in tree.iter("p"))
    return paragraphs < MIN_PARAGRAPH_TEXT or len(text) < KEPT_SHARE * paragraphs


MIN_PARAGRAPH_TEXT = 300  # characters in <p> below which a page's layout is not paragraphs
KEPT_SHARE = 0.7  # of the paragraph text, which an own pass that found the article keeps


def second_looks(tree, url: str | None, text: str) -> str:
    """trafilatura's text, or what a second extraction finds when that kept too little."""
    import lxml.html

    if len(text.split()) < 20:  # nothing kept: trafilatura's recall mode finds the prose it judged too thin
        recall = _trafilatura_text(tree, url, favor_recall=True)
        if len(recall.split()) > len(text.split()):
            text = recall
    block = missed_article_block(tree, text)
    if block is not None:  # the page's densest prose block, extracted on its own
        page = lxml.html.fromstring("<html><body></body></html>")
        page.find("body").append(deepcopy(block))
        own = _trafilatura_text(page, url)
        if len(own.split()) > 1.5 * len(text.split()):
            text = own
    return text


def _trafilatura_text(tree, url: str | None, **options) -> str:
    """trafilatura's text of ``tree``; it works on its own copy of a tree it is given, so the
    page's tree stays whole for the repairs that read it after."""
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                      include_tables=True, **options)
    return (getattr(doc, "text", None) or "") if doc is not None else ""
