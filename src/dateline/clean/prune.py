"""Page furniture pruned from the parsed page before the extractor picks the article.

trafilatura drops much of a page's furniture by its class names, but it reads them case
sensitively ("Newsletter-container" passes), it keeps copies of the article that a template
hides for machines (a ``display:none`` microdata block), and it keeps the one-link teaser
paragraphs that newsrooms drop between an article's paragraphs. These are removed from the
tree here, in one pass over the elements that carry the markers, each kept as boilerplate
with the reason it was removed.
"""

from __future__ import annotations

import os
import re

from dateline.record import Boilerplate

_WS = re.compile(r"\s+")


def _flat(el) -> str:
    return _WS.sub(" ", el.text_content()).strip()


def _drop(el, reason: str, removed: list[Boilerplate]) -> None:
    text = _flat(el)
    el.drop_tree()
    if text:
        removed.append(Boilerplate(text=text, reason=reason))


# ---------------------------------------------------------------- hidden copies of the text
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _prose(el) -> int:
    return sum(len(p.text_content()) for p in el.iter("p"))


def prune_hidden_copies(tree, removed: list[Boilerplate]) -> None:
    """Blocks the page hides from readers (``display:none``, ``hidden``): microdata copies of
    the article and its metadata, collapsed menus, pop-ups. A page whose paragraphs are
    mostly hidden reveals its article by script (streamed segments), and keeps them all."""
    body = tree.find("body")
    if body is None:
        return
    hidden = [el for el in body.iter() if isinstance(el.tag, str) and _hidden(el)]
    outer = [el for el in hidden if not any(_hidden(a) for a in el.iterancestors())]
    if not outer or sum(_prose(el) for el in outer) > _prose(body) / 2:
        return
    for el in outer:
        _drop(el, "hidden-block", removed)


# ------------------------------------------------------------------ one-link teaser paragraphs
_MAX_TEASER = 160  # characters: a headline, not a sentence that happens to be linked


_URL = re.compile(r"^(?:https?://|www\.)\S+$")


def _one_link(p) -> bool:
    """The paragraph is a single link, short as a headline (a cited URL is a source, not one)."""
    if p.tag != "p":
        return False
    links = p.findall(".//a")
    if len(links) != 1:
        return False
    text, link_text = _flat(p), _flat(links[0])
    return (15 <= len(link_text) and len(text) <= _MAX_TEASER and len(link_text) >= 0.9 * len(text)
            and not _URL.match(link_text))


def _prose_paragraph(el) -> bool:
    if el is None or el.tag != "p":
        return False
    link = sum(len(a.text_content()) for a in el.iter("a"))
    return len(_flat(el)) - link >= 60


def prune_teaser_link_paragraphs(tree, removed: list[Boilerplate]) -> None:
    """A paragraph that is nothing but one link to another story ("MORE: HEADLINE", an
    all-capitals headline) standing alone among the article's prose paragraphs: a teaser,
    not part of this article. A run of such paragraphs is a list the article gives (its
    sources, a changelog) and stays."""
    for p in [p for p in tree.iter("p") if _one_link(p)]:
        before, after = p.getprevious(), p.getnext()
        if any(n is not None and _one_link(n) for n in (before, after)):
            continue
        if _prose_paragraph(before) or _prose_paragraph(after):
            _drop(p, "teaser-link", removed)


# furniture named by its class or id, read case-insensitively (trafilatura's names are case
# sensitive): sign-up boxes, promotions, related and recommended stories, author boxes
_FURNITURE_NAME = re.compile(
    r"(?<![a-z])(?:newsletter|sign-?up|subscribe|subscription|promo(?:tion)?s?|related|recommend(?:ed|ations?)?|"
    r"more-?(?:from|stories|news|articles)|read-?next|up-?next|also-?like|popular|trending|"
    r"author-?(?:bio|box|info|card)|about-?(?:the-)?author|outbrain|taboola)(?![a-z])", re.IGNORECASE)
_CAMEL = re.compile(r"([a-z])([A-Z])")  # "RelatedStories" reads as "Related-Stories"
_CONTAINERS = ("div", "section", "aside", "ul", "ol", "p")


def _name_id(value: str | None) -> str:
    """An id that names the block; a long slug is a heading's text ("how-popular-is-it")."""
    return value if value and len(re.split(r"[-_]", value)) <= 3 else ""


def prune_named_furniture(tree, removed: list[Boilerplate]) -> None:
    """Blocks whose class or id names them furniture, unless the block holds the headline or
    a third of the page's paragraphs (a wrapper named after a feature it carries)."""
    body = tree.find("body")
    if body is None:
        return
    page_prose = None
    for el in list(body.iter(*_CONTAINERS)):
        marker = _CAMEL.sub(r"\1-\2", f"{el.get('class') or ''} {_name_id(el.get('id'))}")
        if not marker.strip() or not _FURNITURE_NAME.search(marker) or el.getparent() is None:
            continue
        if page_prose is None:
            page_prose = _prose(body)
        if el.find(".//h1") is not None or _prose(el) > page_prose / 3:
            continue
        _drop(el, "furniture:" + _FURNITURE_NAME.search(marker).group(0).lower(), removed)


def prune_page_furniture(tree) -> list[Boilerplate]:
    removed: list[Boilerplate] = []
    prune_hidden_copies(tree, removed)
    prune_named_furniture(tree, removed)
    flags = os.environ.get("PRUNE", "")
    if "teaser" in flags:
        prune_teaser_link_paragraphs(tree, removed)
    return removed
