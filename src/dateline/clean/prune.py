"""Page furniture pruned from the parsed page before the extractor picks the article.

trafilatura drops much of a page's furniture by its class names, but it reads them case
sensitively ("Newsletter-container" passes), it keeps copies of the article that a template
hides for machines (a ``display:none`` microdata block), the one-link teasers newsrooms drop
between an article's paragraphs, and the run of related headlines that follows the last
paragraph. These are removed from the tree here, each kept as boilerplate with the reason.
Every rule leaves the article's own prose alone: a block that holds much of the page's
paragraphs, or links the article gives among its paragraphs, stay.
"""

from __future__ import annotations

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


def _label(p, link_text: str) -> str:
    """The paragraph's text before its link ("MORE:" in "MORE: Headline")."""
    return _flat(p).split(link_text)[0].strip() if link_text else ""


def _one_link(p) -> bool:
    """The paragraph is a single link, short as a headline, perhaps after a short label
    ending in a colon (a cited URL is a source, not a headline)."""
    if p.tag != "p":
        return False
    links = p.findall(".//a")
    if len(links) != 1:
        return False
    text, link_text = _flat(p), _flat(links[0])
    label = _label(p, link_text)
    labelled = label.endswith(":") and len(label) <= 30 and len(link_text) + len(label) >= 0.9 * len(text)
    return (15 <= len(link_text) and len(text) <= _MAX_TEASER and not _URL.match(link_text)
            and (len(link_text) >= 0.9 * len(text) or labelled))


def _prose_paragraph(el) -> bool:
    if el is None or el.tag != "p":
        return False
    link = sum(len(a.text_content()) for a in el.iter("a"))
    return len(_flat(el)) - link >= 60


def _shouted(text: str, least: int) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= least and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _teaser_voice(p) -> bool:
    """Set like a teaser: a headline in capitals, or a label in capitals before the link
    ("MORE:", "READ NEXT:"); a citation ("Source: ...") is not."""
    link = _flat(p.find(".//a"))
    label = _label(p, link)
    return _shouted(link, 10) or (label.endswith(":") and _shouted(label, 3))


def prune_teaser_link_paragraphs(tree, removed: list[Boilerplate]) -> None:
    """A paragraph that is nothing but one link to another story ("MORE: Headline", a headline
    in capitals) standing alone among the article's prose paragraphs: a teaser, not part of
    this article. A run of such paragraphs is a list the article gives and stays."""
    for p in [p for p in tree.iter("p") if _one_link(p)]:
        before, after = p.getprevious(), p.getnext()
        if any(n is not None and _one_link(n) for n in (before, after)):
            continue
        if (_prose_paragraph(before) or _prose_paragraph(after)) and _teaser_voice(p):
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


# --------------------------------------------------------- link lists after the article's end
_LINK_ITEMS = ("p", "li", "h2", "h3", "h4", "div")
_MIN_RUN = 3  # links in a row: a list of stories, not a link the article gives


def _link_item(el) -> bool:
    """A headline that is a link (with at most a short line of its own), not a cited URL."""
    if el.tag not in _LINK_ITEMS or el.find(".//a") is None:
        return False
    text = _flat(el)
    link_text = " ".join(_flat(a) for a in el.iter("a"))
    return (0 < len(text) <= 2 * _MAX_TEASER and len(link_text) >= 0.6 * len(text)
            and not _URL.match(link_text))


def _link_runs(tree):
    """Runs of consecutive sibling link items (a list whose items are all links counts whole)."""
    for parent in tree.iter("ul", "ol", "div", "section", "article"):
        run: list = []
        for child in [*parent, None]:
            if child is not None and isinstance(child.tag, str) and child.tag not in ("ul", "ol") and _link_item(child):
                run.append(child)
                continue
            if len(run) >= _MIN_RUN:
                yield parent if parent.tag in ("ul", "ol") and len(run) == len(parent) else run
            run = []


def _prose_after(container, last) -> bool:
    """Whether a paragraph of the article's prose follows ``last`` inside ``container``."""
    seen = False
    for el in container.iter("p", *[last.tag] if last.tag != "p" else []):
        if el is last:
            seen = True
        elif seen and el.tag == "p" and _prose_paragraph(el) and not any(a is last for a in el.iterancestors()):
            return True
    return False


def prune_trailing_link_lists(tree, removed: list[Boilerplate]) -> None:
    """A run of links after the article's last paragraph ("You may also like", the section's
    latest headlines): other stories, not this one. A list of links among the paragraphs is
    part of the article (its sources, a changelog) and stays."""
    for found in list(_link_runs(tree)):
        items = [found] if not isinstance(found, list) else found
        first, last = items[0], items[-1]
        container = next((a for a in first.iterancestors() if _prose_paragraphs(a) >= 3), None)
        if container is None or first.getparent() is None or _prose_after(container, last):
            continue
        label = first.getprevious()
        if label is not None and _flat(label).endswith(":"):
            continue  # the article's own sentence introducing its list ("For more, see:")
        if label is not None and label.find(".//a") is None and 0 < len(_flat(label)) <= 60:
            items.insert(0, label)  # the list's heading ("Related", "More from the section")
        for el in items:
            _drop(el, "trailing-link-list", removed)


def _prose_paragraphs(el) -> int:
    return sum(1 for p in el.iter("p") if _prose_paragraph(p))


def prune_page_furniture(tree) -> list[Boilerplate]:
    """Furniture removed from the page's tree (in place) before the extractor reads it; what
    was removed, with the reason."""
    removed: list[Boilerplate] = []
    prune_hidden_copies(tree, removed)
    prune_named_furniture(tree, removed)
    prune_trailing_link_lists(tree, removed)
    prune_teaser_link_paragraphs(tree, removed)
    return removed
