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
from functools import lru_cache
from itertools import islice

from dateline.clean.page import flat_text
from dateline.record import Boilerplate


def _drop(el, reason: str, removed: list[Boilerplate]) -> None:
    text = flat_text(el)
    el.drop_tree()
    if text:
        removed.append(Boilerplate(text=text, reason=reason))


# ---------------------------------------------------------------- hidden copies of the text
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(el) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


class _ProseMap:
    """Where the page's paragraphs are, read once for all the rules: the characters of
    paragraph text each block holds, the prose paragraphs (a sentence or more of their own
    text) and how many each block holds."""

    def __init__(self, root):
        self.paragraphs = set()
        self.count: dict = {}
        self.size: dict = {}
        own: dict = {}  # prose paragraphs that are a block's own children
        for p in root.iter("p"):
            size = len(p.text_content().strip())
            prose = size >= 60 and size - sum(len(a.text_content()) for a in p.iter("a")) >= 60
            if prose:
                self.paragraphs.add(p)
                parent = p.getparent()
                own[parent] = own.get(parent, 0) + 1
            for a in (p, *p.iterancestors()):
                self.size[a] = self.size.get(a, 0) + size
                if prose:
                    self.count[a] = self.count.get(a, 0) + 1
        # the article's text block (most paragraphs of its own) and the blocks around it
        main = max(own, key=own.get) if own else None
        self.around_article = {main, *main.iterancestors()} if main is not None else set()
        self.page_text: int | None = None

    def holds_article(self, el) -> bool:
        return el in self.around_article

    def holds_page(self, el, body) -> bool:
        """Whether ``el`` holds a third of the page's text (a page without paragraphs has no
        article block to go by)."""
        if self.page_text is None:
            self.page_text = len(body.text_content())
        return len(el.text_content()) > self.page_text / 3

    def chars(self, el) -> int:
        return self.size.get(el, 0)

    def container(self, el):
        """The nearest block around ``el`` that holds the article's prose (three paragraphs)."""
        return next((a for a in el.iterancestors() if self.count.get(a, 0) >= 3), None)

    def prose_after(self, container, el) -> bool:
        """Whether a prose paragraph follows ``el`` inside ``container``."""
        node = el
        while node is not None and node is not container:
            if any(s in self.paragraphs or s in self.count for s in node.itersiblings()):
                return True
            node = node.getparent()
        return False


def _hidden_candidates(tree):
    """Elements of the body with a ``hidden`` attribute or a style that says "none" or
    "hidden" (a Python walk over elements looked up in C beats the XPath two to one)."""
    body = tree.find("body")
    for el in body.iterdescendants() if body is not None else ():
        style = el.get("style")
        if el.get("hidden") is not None or (style and ("none" in style or "hidden" in style)):
            yield el


def prune_hidden_copies(tree, removed: list[Boilerplate], prose: _ProseMap | None = None) -> None:
    """Blocks the page hides from readers (``display:none``, ``hidden``): microdata copies of
    the article and its metadata, collapsed menus, pop-ups. A page whose paragraphs are
    mostly hidden reveals its article by script (streamed segments), and keeps them all."""
    hidden = [el for el in _hidden_candidates(tree) if _hidden(el)]
    if not hidden:
        return
    marked = set(hidden)
    outer = [el for el in hidden if not any(a in marked for a in el.iterancestors())]
    body = tree.find("body")
    prose = prose or _ProseMap(tree)
    if body is None or sum(prose.chars(el) for el in outer) > prose.chars(body) / 2:
        return
    for el in outer:
        _drop(el, "hidden-block", removed)


# ------------------------------------------------------------------ one-link teaser paragraphs
_MAX_TEASER = 160  # characters: a headline, not a sentence that happens to be linked


_URL = re.compile(r"^(?:https?://|www\.)\S+$")


def _label(p, link_text: str) -> str:
    """The paragraph's text before its link ("MORE:" in "MORE: Headline")."""
    return flat_text(p).split(link_text)[0].strip() if link_text else ""


def _one_link(p) -> bool:
    """The paragraph is a single link, short as a headline, perhaps after a short label
    ending in a colon (a cited URL is a source, not a headline)."""
    if p.tag != "p":
        return False
    links = p.findall(".//a")
    if len(links) != 1:
        return False
    text, link_text = flat_text(p), flat_text(links[0])
    label = _label(p, link_text)
    labelled = label.endswith(":") and len(label) <= 30 and len(link_text) + len(label) >= 0.9 * len(text)
    return (15 <= len(link_text) and len(text) <= _MAX_TEASER and not _URL.match(link_text)
            and (len(link_text) >= 0.9 * len(text) or labelled))


def _prose_paragraph(el) -> bool:
    """A paragraph with a sentence or more of its own text (link text does not count)."""
    if el is None or el.tag != "p":
        return False
    text = len(el.text_content().strip())
    return text >= 60 and text - sum(len(a.text_content()) for a in el.iter("a")) >= 60


def _shouted(text: str, least: int) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= least and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _teaser_voice(p) -> bool:
    """Set like a teaser: a headline in capitals, or a label in capitals before the link
    ("MORE:", "READ NEXT:"); a citation ("Source: ...") is not."""
    link = flat_text(p.find(".//a"))
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
# sensitive): sign-up boxes, promotions, related and recommended stories, author boxes, the
# readers' comments under the article, breadcrumbs and tables of contents ("no-toc" negates)
_FURNITURE_NAME = re.compile(
    r"(?<![a-z])(?<!no[-_])(?:"
    r"newsletter|sign-?up|subscribe|subscription|promo(?:tion)?s?|cta|call-?to-?action|"
    r"related|recommend(?:ed|ations?)?|(?:more|recent|latest)-?(?:from|stories|news|articles|posts)|"
    r"read-?next|up-?next|also-?like|popular|trending|outbrain|taboola|"
    r"author-?(?:bio|box|info|card)|about-?(?:the-)?author|"
    r"(?:reader-?)?comments?|discussion|responses|replies|disqus|"
    r"disclosures?|modal|pop-?up|bread-?crumbs?|table-?of-?contents|toc"
    r")(?![a-z])", re.IGNORECASE)
# one quick look at every name (lower case) before the exact rules
_NAME_HINT = re.compile(r"newsletter|sign-?up|subscri|promo|cta|call|related|recommend|more|recent|latest|next|"
                        r"like|popular|trending|outbrain|taboola|author|comment|discussion|respons|repl|disqus|"
                        r"disclos|modal|pop|crumb|toc|contents|hover|tooltip|rollover|consent|gdpr|cookie|privacy")
_CAMEL = re.compile(r"([a-z])([A-Z])")  # "RelatedStories" reads as "Related-Stories"
_CONTAINERS = {"div", "section", "aside", "ul", "ol", "p"}
# A pop-up card hidden inside a sentence (a person's photo and latest headlines shown when
# the reader hovers over a linked name); flattened, it glues "OmarIlhan OmarHillicon Valley:
# ... MORE" into the middle of the sentence. The card, not the linked name, is dropped.
_HOVER_CARD = re.compile(r"(?:rollover|hover|tooltip|popover)[-_]?(?:people[-_])?(?:block|card|body)(?![a-z])"
                         r"|hovercard", re.IGNORECASE)


def _name_id(value: str | None) -> str:
    """An id that names the block; a long slug is a heading's text ("how-popular-is-it")."""
    return value if value and len(re.split(r"[-_]", value)) <= 3 else ""


def _attached(el, body) -> bool:
    """Still in the page: not inside a block dropped earlier in the same pass."""
    return any(a is body for a in el.iterancestors())


def _furniture_name(cls: str, ident: str) -> str | None:
    found = _FURNITURE_NAME.search(_CAMEL.sub(r"\1-\2", f"{cls} {_name_id(ident)}"))
    return found.group(0).lower() if found else None


# consent banners and dialogs are never the article, however much text they hold
_CONSENT_NAME = re.compile(r"(?<![a-z])(?:consent|gdpr|cookie-?(?:banner|bar|consent|notice|law|policy|popup|"
                           r"settings|wall|box)|privacy-?(?:banner|notice|popup))(?![a-z])", re.IGNORECASE)


def _dialog(el) -> bool:
    return el.get("role") in ("dialog", "alertdialog") or el.get("aria-modal") == "true"


def prune_named_blocks(tree, removed: list[Boilerplate], prose: _ProseMap | None = None) -> None:
    """Blocks whose class, id or role names them, in one pass over the named elements: hover
    cards anywhere; consent banners and dialogs unless they hold the headline (a page may
    have a longer banner than article); furniture blocks unless they hold the headline, the
    article's text block or a third of the page's text (a wrapper named after a feature it
    carries)."""
    body = tree.find("body")
    if body is None:
        return
    # every named element, listed before any is dropped (a walk over elements looked up in
    # C: twice as fast as the XPath)
    named = [el for el in body.iterdescendants() if el.get("class") is not None or el.get("id") is not None
             or el.get("role") is not None or el.get("aria-modal") is not None]
    for el in named:
        kind = _named_kind(el.get("class", ""), el.get("id", ""), el.tag in _CONTAINERS)
        if _dialog(el) or kind == "consent":
            if _attached(el, body) and el.find(".//h1") is None:
                _drop(el, "consent-or-dialog", removed)
            continue
        if kind is None or not _attached(el, body):
            continue
        if kind == "hover-card":
            _drop(el, kind, removed)
            continue
        prose = prose or _ProseMap(tree)
        if el.find(".//h1") is None and not prose.holds_article(el) and not prose.holds_page(el, body):
            _drop(el, "furniture:" + kind, removed)


@lru_cache(maxsize=4096)  # templates repeat their class names, within a page and across a site's pages
def _named_kind(cls: str, ident: str, container: bool) -> str | None:
    """What a block's class and id name it: "consent", "hover-card", the furniture word
    ("related", "newsletter") where the block is a container, or None."""
    marker = f"{cls} {ident}"
    if not _NAME_HINT.search(marker.lower()):
        return None
    if _CONSENT_NAME.search(_CAMEL.sub(r"\1-\2", marker)):
        return "consent"
    if _HOVER_CARD.search(marker):
        return "hover-card"
    return _furniture_name(cls, ident) if container else None


# --------------------------------------------------------- link lists after the article's end
_LINK_ITEMS = ("p", "li", "h2", "h3", "h4")
_MIN_RUN = 3  # links in a row: a list of stories, not a link the article gives
_MAX_ITEM_ELEMENTS = 16  # a headline with its picture, kicker and date


def _link_item(el) -> bool:
    """A headline that is a link (with at most a short line of its own), not a cited URL."""
    if el.tag not in _LINK_ITEMS or next(el.iterdescendants("a"), None) is None:
        return False
    if next(islice(el.iterdescendants(), _MAX_ITEM_ELEMENTS, None), None) is not None:
        return False  # a block of many elements is a section, not a headline
    text = len(el.text_content().strip())
    links = [a.text_content().strip() for a in el.iter("a")]
    if not 0 < text <= 2 * _MAX_TEASER or any(_URL.match(link) for link in links):
        return False
    # a linked headline, alone or over its one-line summary (a story card)
    return sum(map(len, links)) >= 0.6 * text or _linked_heading(el)


def _linked_heading(el) -> bool:
    return any(h.find(".//a") is not None or h.getparent().tag == "a"
               for h in el.iter("h2", "h3", "h4", "h5") if h is not el)


def _list_parents(tree):
    """Blocks with at least a run's worth of children that hold a link: most blocks of a
    page are not lists, and only these are read item by item."""
    for parent in tree.iter("ul", "ol", "div", "section", "article"):
        linked = 0
        for child in parent:
            if child.tag in _LINK_ITEMS and next(child.iter("a"), None) is not None:
                linked += 1
                if linked >= _MIN_RUN:
                    yield parent
                    break


def _link_runs(tree):
    """Runs of consecutive sibling link items (a list whose items are all links counts whole)."""
    for parent in _list_parents(tree):
        run: list = []
        for child in [*parent, None]:
            if child is not None and isinstance(child.tag, str) and _link_item(child):
                run.append(child)
                continue
            if len(run) >= _MIN_RUN:
                yield parent if parent.tag in ("ul", "ol") and len(run) == len(parent) else run
            run = []


def prune_trailing_link_lists(tree, removed: list[Boilerplate], prose: _ProseMap | None = None) -> None:
    """A run of links after the article's last paragraph ("You may also like", the section's
    latest headlines): other stories, not this one. A list of links among the paragraphs is
    part of the article (its sources, a changelog) and stays."""
    runs = list(_link_runs(tree))
    body = tree.find("body")
    if not runs or body is None:
        return
    prose = prose or _ProseMap(tree)
    for found in runs:
        items = [found] if not isinstance(found, list) else found
        first, last = items[0], items[-1]
        container = prose.container(first)
        if container is None or not _attached(first, body) or prose.prose_after(container, last):
            continue
        label = first.getprevious()
        if label is not None and flat_text(label).endswith(":"):
            continue  # the article's own sentence introducing its list ("For more, see:")
        if label is not None and label.find(".//a") is None and 0 < len(flat_text(label)) <= 60:
            items.insert(0, label)  # the list's heading ("Related", "More from the section")
        for el in items:
            _drop(el, "trailing-link-list", removed)


def prune_page_furniture(tree) -> list[Boilerplate]:
    """Furniture removed from the page's tree (in place) before the extractor reads it; what
    was removed, with the reason."""
    removed: list[Boilerplate] = []
    prose = _ProseMap(tree)  # read once: blocks dropped on the way still count in the totals
    prune_hidden_copies(tree, removed, prose)
    prune_named_blocks(tree, removed, prose)
    prune_trailing_link_lists(tree, removed, prose)
    prune_teaser_link_paragraphs(tree, removed)
    return removed


class _LazyProse:
    """One reading of the page's paragraphs for the rules below, made when one first needs it."""

    def __init__(self, tree):
        self.tree, self.map = tree, None

    def __call__(self) -> _ProseMap:
        if self.map is None:
            self.map = _ProseMap(self.tree)
        return self.map


# ----------------------------------------------------------- the author's bio box
# a link to a person's page on the site ("/author/jane-roe", "/people/jane-roe")
_PERSON_PAGE = re.compile(r"/(?:authors?|writers?|contributors?|people|staff|team|profiles?)/", re.IGNORECASE)
_MAX_BIO = 1500  # characters: a name, a role, a few paragraphs about them and the links to follow them
_MAX_BIO_PARAGRAPHS = 4
_MAX_BIO_SHARE = 1 / 3  # of the page's paragraph text: a bio beside a story, not the story


def _names_author(text: str, authors: list[str]) -> bool:
    folded = text.casefold()
    return any(name.casefold() in folded for name in authors if len(name) >= 4)


def _bio_box_around(link, authors: list[str], prose: _ProseMap, page_prose: int):
    """The block around a link to the author's page that also holds the author's picture
    and a line or more about them, short and with little of the page's prose (a short
    story with its byline is not a bio box); or None."""
    for up in islice(link.iterancestors(), 4):
        if up.tag in ("body", "html", "main", "article") or up.find(".//h1") is not None:
            return None
        if prose.chars(up) > page_prose * _MAX_BIO_SHARE:
            return None
        if prose.count.get(up, 0) > _MAX_BIO_PARAGRAPHS:
            return None
        text = flat_text(up)
        if len(text) > _MAX_BIO:
            return None
        if next(up.iter("img"), None) is not None and _names_author(text, authors) and \
                len(text) >= 2 * len(flat_text(link)) + 40:
            return up
    return None


def prune_author_bio_boxes(tree, authors: list[str], prose: _LazyProse | None = None) -> list[Boilerplate]:
    """The box that presents the article's author (picture, name linked to their page, a few
    lines of bio, "Latest posts by ..."): it introduces the writer, it is not the story. Only
    for the author the page names in its byline, so a story about a person keeps their
    profile."""
    removed: list[Boilerplate] = []
    body = tree.find("body")
    if not authors or body is None:
        return removed
    links = [a for a in tree.iter("a") if _PERSON_PAGE.search(a.get("href") or "")]
    if not links:
        return removed
    prose = (prose or _LazyProse(tree))()
    page_prose = prose.chars(body)
    for link in links:
        if not _attached(link, body):
            continue
        box = _bio_box_around(link, authors, prose, page_prose)
        if box is not None:
            _drop(box, "author-bio", removed)
    return removed


# ---------------------------------------------------- story cards after the article
_CARD_LEVELS = 5  # from a card's headline up to the card itself
_MAX_CARD_TEXT = 400  # characters: a headline, a date, a section and a one-line summary
_MIN_CARDS = 3


def _cards_by_grid(tree) -> dict:
    """Blocks whose children are story cards: each child holds one linked headline and little
    else. Maps each such block to its cards."""
    grids: dict = {}
    for heading in tree.iter("h2", "h3", "h4", "h5", "h6"):
        if next(heading.iter("a"), None) is None and heading.getparent().tag != "a":
            continue  # not a linked headline (a link around the heading counts)
        node = heading
        for _ in range(_CARD_LEVELS):
            parent = node.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            grids.setdefault(parent, {}).setdefault(node, []).append(heading)
            node = parent
    out = {}
    for grid, cards in grids.items():
        good = [card for card, heads in cards.items() if len(heads) == 1]
        if len(good) >= _MIN_CARDS and len(good) == len(cards):
            out[grid] = good
    # the innermost grid of nested candidates: its cards are the real ones
    return {g: c for g, c in out.items() if not any(a in out for c_ in c for a in c_.iterdescendants())}


def _text_within(el, limit: int) -> int | None:
    """Length of ``el``'s text, or None when it runs past ``limit`` (read no further)."""
    size = 0
    for piece in el.itertext():
        size += len(piece.strip())
        if size > limit:
            return None
    return size


def _after(el, block) -> bool:
    """Whether ``el`` comes after ``block`` in the page, outside it."""
    later = set(el.iterancestors()) | {el}
    for a in (block, *block.iterancestors()):
        if any(s in later for s in a.itersiblings()):
            return True
    return False


def prune_trailing_story_cards(tree, prose: _LazyProse | None = None) -> list[Boilerplate]:
    """A grid of story cards after the article (a picture, a linked headline, a date and a
    one-line summary each: more stories of the site), set as blocks rather than as a list of
    links and named by utility classes only. Cards among the article's paragraphs (a roundup's
    products) stay."""
    removed: list[Boilerplate] = []
    body = tree.find("body")
    grids = _cards_by_grid(tree) if body is not None else {}
    if not grids:
        return removed
    prose = (prose or _LazyProse(tree))()
    main = next((b for b in prose.around_article if b is not None and
                 not any(c in prose.around_article for c in b.iterchildren())), None)
    if main is None:
        return removed
    for grid, cards in grids.items():
        if not _attached(grid, body) or prose.holds_article(grid):
            continue
        if any(_text_within(card, _MAX_CARD_TEXT) is None for card in cards) or not _after(grid, main):
            continue
        for card in cards:
            _drop(card, "trailing-story-cards", removed)
    return removed


def prune_article_furniture(tree, authors: list[str]) -> list[Boilerplate]:
    """Furniture told by its shape around the article, after the named furniture is gone:
    the author's bio box and the grid of story cards after the article. The page's
    paragraphs are read once for both, and only when a page has a candidate."""
    prose = _LazyProse(tree)
    return prune_author_bio_boxes(tree, authors, prose) + prune_trailing_story_cards(tree, prose)
