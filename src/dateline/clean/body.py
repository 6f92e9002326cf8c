"""Body text of an HTML page: trafilatura's choice, then dateline's own repairs.

trafilatura picks one content block. News templates often cut an article into several
blocks of the same kind (``<div class="body-section">`` between two ad slots, a lead
paragraph in its own block above the body), and the extractor keeps only one of them. The
repair: the blocks that hold the paragraphs trafilatura kept have a class; other blocks of
the very same class on the page, outside comments, sidebars and related lists, are more of
the same article and are put back in document order. Inside the article's blocks, a list
or a heading that stands between two children trafilatura kept is put back where it stands
(it skips lists with bold labels and some headings). A JSON-LD ``articleBody`` much longer
than the extraction is the page's own statement of its text and replaces it; a second copy
of the article (an open and a gated copy on one page) is taken out.
"""

from __future__ import annotations

import html as html_lib
import re

from dateline.clean.dateline import match_dateline
from dateline.clean.dates import not_article_part
from dateline.clean.page import flat_text, fold_key

_WS = re.compile(r"\s+")
_MIN_PARAGRAPH = 60  # characters: a sentence, not a caption or a button


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _key(s: str) -> str:
    return _norm(s)[:80]


def _blocks_with_class(tree) -> dict[str, list]:
    out: dict[str, list] = {}
    for el in tree.iter("div", "section"):
        cls = el.get("class")
        if cls:
            out.setdefault(cls, []).append(el)
    return out


def _paragraphs(block) -> list[str]:
    """The block's own paragraphs (its children): a wrapper's are its inner block's."""
    return [t for t in (_norm("".join(p.itertext())) for p in block.iterchildren("p")) if len(t) >= _MIN_PARAGRAPH]


def _outside_article(el) -> bool:
    for a in [el, *el.iterancestors()]:
        if a.tag in ("body", "html", "main", "article"):
            continue
        attrs = f"{a.get('class') or ''} {a.get('id') or ''}"
        if attrs.strip() and not_article_part(attrs):
            return True
    return False


MIN_SECTION = 3  # paragraphs: a section of an article, not a promo box or a disclaimer


# a sign-up form, a comment form or thread, a link list: not prose of the article
_NOT_PROSE = re.compile(r"https?://|www\.|\b(?:unsubscribe|subscribe|sign up|log ?in|comment(?:ing|s)?|"
                        r"reply|newsletter|cookies?)\b", re.IGNORECASE)


def _interactive(block) -> bool:
    return next(block.iter("form", "input", "textarea", "button", "select"), None) is not None


def recover_split_sections(tree, text: str) -> str:
    """Paragraphs of sibling blocks of the article's own block class, put back in order."""
    if not text or tree is None:
        return text
    kept = {_key(line) for line in text.split("\n") if len(line.strip()) >= _MIN_PARAGRAPH}
    if len(kept) < 2:
        return text
    by_class = _blocks_with_class(tree)
    seen: set[str] = set()
    for blocks in by_class.values():
        if len(blocks) < 2 or len(blocks) > 40:
            continue
        per_block = [_paragraphs(b) for b in blocks]
        hit = [sum(_key(p) in kept for p in ps) for ps in per_block]
        if sum(hit) < 2:
            continue
        # blocks of this class that trafilatura did not take at all
        # (sets of the elements themselves: lxml gives a freed proxy's id() to the next one)
        near = {a for b, h in zip(blocks, hit) if h for a in list(b.iterancestors())[:2]}
        missing = [i for i, (ps, h) in enumerate(zip(per_block, hit))
                   if h == 0 and len(ps) >= MIN_SECTION and not _outside_article(blocks[i])
                   and not _interactive(blocks[i]) and not any(_NOT_PROSE.search(p) for p in ps)
                   and any(a in near for a in list(blocks[i].iterancestors())[:2])]  # same neighbourhood
        if not missing:
            continue
        # teaser cards share a class too: the missing text must not dwarf what was kept
        if sum(len(per_block[i]) for i in missing) > 3 * sum(hit):
            continue
        # nested classes: the inner blocks of one kept block are not new
        blocks_set = set(blocks)
        if any(a in blocks_set for b in blocks for a in b.iterancestors()):
            continue
        first_hit = next(i for i, h in enumerate(hit) if h)
        before: list[str] = []
        after: list[str] = []
        for i in missing:
            new = [p for p in per_block[i] if _key(p) not in kept and _key(p) not in seen]
            seen.update(_key(p) for p in new)
            (before if i < first_hit else after).extend(new)
        if before or after:
            text = "\n\n".join([*before, text, *after])
    return text


def structured_article_body(article: dict | None) -> str | None:
    """JSON-LD ``articleBody`` as plain text, when the page gives one."""
    body = article.get("articleBody") if article else None
    if not isinstance(body, str) or len(body.split()) < 50:
        return None
    body = re.sub(r"<[^>]+>", " ", html_lib.unescape(body))
    return "\n\n".join(_norm(p) for p in re.split(r"\n\s*\n|\r\n", body) if _norm(p))


def prefer_article_body(extracted: str, article: dict | None) -> str:
    """The page's own articleBody when it is far longer than the extraction: the extractor
    kept one section of an article the page states in full."""
    body = structured_article_body(article)
    if body and len(body.split()) > 1.5 * max(1, len(extracted.split())):
        return body
    return extracted


def densest_block(tree):
    """The element holding most of the page's prose, readability style: each paragraph of a
    sentence or more counts for its parent in full and its grandparent by half, link lists
    not at all. Returns (element, words of its paragraphs), or (None, 0)."""
    score: dict = {}
    for p in tree.iter("p"):
        size = len(p.text_content())
        if size < _MIN_PARAGRAPH:
            continue
        if p.find(".//a") is not None and sum(len(a.text_content()) for a in p.iter("a")) > size / 2:
            continue
        parent = p.getparent()
        if parent is None:
            continue
        score[parent] = score.get(parent, 0) + size
        grand = parent.getparent()
        if grand is not None:
            score[grand] = score.get(grand, 0) + size / 2
    if not score:
        return None, 0
    best = max(score, key=score.get)
    return best, sum(len(p.text_content().split()) for p in best.iter("p"))


def missed_article_block(tree, extracted: str):
    """A block with at least twice the prose the extractor kept, inside the article (not a
    comment thread or a sidebar): the extractor chose a teaser, a nav list or nothing."""
    best, words = densest_block(tree)
    if best is None or words < 2 * max(len(extracted.split()), 1) or words < 80 or _outside_article(best):
        return None
    return best


def _prose_paragraphs(el) -> int:
    return sum(1 for p in el.iter("p") if len(p.text_content().strip()) >= _MIN_PARAGRAPH)


def _headline_block(h1):
    """The headline's own block: the largest ancestor of the <h1> that holds no more than
    one paragraph of prose (a header holds the headline, its standfirst and the byline; the
    block above it holds the story too)."""
    block = h1
    for up in h1.iterancestors():
        if up.tag in ("body", "html") or _prose_paragraphs(up) > 1:
            break
        block = up
    return block


_MAX_STANDFIRST = 250  # characters: a sentence or two under the headline, not a lead paragraph


def headline_block_texts(tree) -> dict[str, object]:
    """Texts that stand beside the headline, after it, in its own block: the standfirst (dek,
    summary, sub-headline), the byline, the date and the reading time, which introduce the
    story and are not part of it. Maps each text's key to its headline block."""
    out: dict[str, object] = {}
    for h1 in tree.iter("h1"):
        block = _headline_block(h1)
        if block is h1:
            continue
        after = False
        for el in block.iter():
            if el is h1:
                after = True
            elif after and isinstance(el.tag, str):
                text = flat_text(el)
                if text and len(text) <= _MAX_STANDFIRST:
                    out[_key(text)] = block
    return out


def _inside(block, key: str) -> bool:
    return any(_key(el.text_content()) == key for el in block.iter("p", "li", "div", "h2", "h3"))


_ITEM = re.compile(r"^[-•*]\s+")  # a list item, flattened


def _line_key(line: str) -> str:
    return _key(_ITEM.sub("", line.strip()))


def without_headline_block(tree, body: str) -> tuple[str, list[str]]:
    """The body without its first lines while they are texts of the headline's block (the
    standfirst, byline, date, reading time), when the story goes on outside that block; a
    line that opens with a dateline is the story's lead. Returns the body and the lines
    removed."""
    if tree is None or not body:
        return body, []
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    texts: dict = {}
    head = 0
    while head < min(len(lines) - 1, _MAX_HEAD_LINES) and not match_dateline(lines[head]):
        texts = texts or headline_block_texts(tree)
        if _line_key(lines[head]) not in texts:
            break
        head += 1
    if not head or _inside(texts[_line_key(lines[head - 1])], _line_key(lines[head])):
        return body, []  # nothing of the headline's block, or the story starts in it too
    rest = body.lstrip().split("\n")
    for _ in range(head):
        rest.pop(0)
        while rest and not rest[0].strip():
            rest.pop(0)
    return "\n".join(rest), lines[:head]


_MAX_HEAD_LINES = 8  # a standfirst, a byline, a date, a reading time, a share count...


def without_page_url(body: str, url: str | None) -> tuple[str, list[str]]:
    """The body without lines that are the page's own address (a share or print box, flattened):
    the URL is the record's source, not the story. Returns the body and the lines removed."""
    if not url or not body or "://" not in body:
        return body, []
    own = url.rstrip("/")
    lines = body.split("\n")
    kept = [line for line in lines if line.strip().rstrip("/") != own]
    if len(kept) == len(lines):
        return body, []
    return "\n".join(kept).strip("\n"), [line.strip() for line in lines if line.strip().rstrip("/") == own]


# ------------------------------------------- lists and headings the extractor skipped
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_LISTS = ("ul", "ol")
_KEY = 60  # letters and digits that tell one line from another
_KEY_SPAN = 2 * _KEY  # characters of text that hold them (spaces and stops are fewer)


def _head_key(s: str) -> str:
    """The first letters and digits of a text, read from its start only (a long paragraph
    is not folded whole)."""
    s = s.strip()
    key = fold_key(s[:_KEY_SPAN])[:_KEY]
    return key if len(key) == _KEY or len(s) <= _KEY_SPAN else fold_key(s)[:_KEY]


def _tail_key(s: str) -> str:
    """The last letters and digits of a text, read from its end only."""
    s = s.strip()
    key = fold_key(s[-_KEY_SPAN:])[-_KEY:]
    return key if len(key) == _KEY or len(s) <= _KEY_SPAN else fold_key(s)[-_KEY:]


def _line_keys(lines: list[str]) -> dict[str, int]:
    keys: dict[str, int] = {}
    for i, line in enumerate(lines):
        keys.setdefault(_head_key(_ITEM.sub("", line.strip())), i)
    return keys


def _kept_line(el, keys: dict[str, int]) -> int | None:
    """The index of the extractor's line that holds ``el``'s text, if it kept it."""
    return keys.get(_head_key(el.text_content()))


def _kept_child_line(el, keys: dict[str, int]) -> int | None:
    """The extractor's last line of ``el`` (a paragraph, a heading, a list), if it kept it."""
    if el.tag in _LISTS:
        found = [at for li in el.iterchildren("li") if (at := _kept_line(li, keys)) is not None]
        return max(found) if found else None
    return _kept_line(el, keys)


def _link_text_share(el) -> float:
    text = len(flat_text(el))
    return sum(len(flat_text(a)) for a in el.iter("a")) / text if text else 1.0


def _gallery(el) -> bool:
    """A list of pictures with their captions (a slide show), not a list of the text."""
    return next(el.iter("figure", "figcaption", "img", "picture"), None) is not None


def _in_text(el, loose_text: str) -> bool:
    """Whether the extractor kept ``el``'s text, in whatever lines it cut it into."""
    text = el.text_content()
    return _head_key(text)[:40] in loose_text or _tail_key(text)[-40:] in loose_text


def _skipped_block_lines(el, loose_text: str) -> list[str] | None:
    """The lines of a heading or a list the extractor did not keep, as it writes them; None
    when it kept any of it, or when it is a link list or a linked headline (a teaser)."""
    if el.tag in _HEADINGS:
        text = flat_text(el)
        if not text or len(text) > 200 or el.find(".//a") is not None or _in_text(el, loose_text):
            return None
        return [text]
    items = list(el.iterchildren("li"))
    if not items or _link_text_share(el) > 0.5 or _interactive(el) or _gallery(el):
        return None
    if any(_in_text(li, loose_text) for li in items):
        return None
    lines = [f"- {flat_text(li)}" for li in items if flat_text(li)]
    return lines or None


def _unwrapped(el):
    """A heading or a list, alone or as the only element of its wrapper (a CMS's list block)."""
    while el.tag in ("div", "section") and len(el) == 1 and not (el.text or "").strip():
        el = el[0]
    return el if el.tag in _HEADINGS + _LISTS else None


def restore_skipped_lists_and_headings(tree, text: str) -> str:
    """A heading or a list that stands between two children the extractor kept (a paragraph
    and a paragraph, a heading or a list) in a block of the article's paragraphs is part of
    that article (its sections, its steps, its key points): the extractor skipped it (list
    items set in bold, a heading it judged a title), and it is put back after the child
    before it."""
    if tree is None or not text:
        return text
    lines = text.split("\n")
    keys = _line_keys(lines)
    parents: dict = {}  # blocks that hold a kept paragraph, in page order
    seen: dict = {}  # paragraph -> the extractor's line of it (None: not kept), read once
    for p in tree.iter("p"):
        content = p.text_content()
        if len(content) >= _MIN_PARAGRAPH:
            at = seen[p] = keys.get(_head_key(content))
            if at is not None:
                parents[p.getparent()] = True
    between: dict[int, list] = {}  # the extractor's line -> headings and lists after it
    for parent in parents:
        last = None  # the extractor's line of the latest kept child
        pending: list = []
        for child in parent.iterchildren():
            if not isinstance(child.tag, str):
                continue
            at = seen[child] if child in seen else _kept_child_line(child, keys)
            if at is not None:
                if last is not None and pending:
                    between.setdefault(last, []).extend(pending)
                    pending = []
                last = max(at, last or 0)
            elif last is not None and (inner := _unwrapped(child)) is not None:
                pending.append(inner)
    if not between:
        return text
    loose_text = fold_key(text)
    inserts = {at: [line for el in els for line in _skipped_block_lines(el, loose_text) or ()]
               for at, els in between.items()}
    out: list[str] = []
    for i, line in enumerate(lines):
        out.append(line)
        out.extend(inserts.get(i, ()))
    return "\n".join(out)


# ------------------------------------------------------------ the article twice
_MIN_COPIED = 5  # paragraphs in a row, in the same order: a second copy, not a quote
_COPY_SHARE = 1 / 3  # of the body's paragraphs: a copy of the article, not a repeated recipe step
_LONG_LINE = 80  # characters: a paragraph, not a repeated label or heading


def without_repeated_copy(body: str) -> tuple[str, list[str]]:
    """The body without a second copy of its own paragraphs: pages that hold the article
    twice (an open and a gated copy, a print version) give the extractor both. A long run of
    paragraphs that repeats an earlier run in the same order is the copy; a pull quote, a
    repeated line or a plan that repeats a day's steps stays. Returns the body and the lines
    removed."""
    lines = body.split("\n")
    long = [i for i, line in enumerate(lines) if len(line.strip()) >= _LONG_LINE]
    first: dict[str, int] = {}  # a paragraph -> its place among the long lines
    n = 0
    while n < len(long):
        text = lines[long[n]].strip()
        start = first.get(text)
        if start is None:
            first[text] = n
            n += 1
            continue
        run = 0
        while (n + run < len(long) and start + run < n
               and lines[long[n + run]].strip() == lines[long[start + run]].strip()):
            run += 1
        if run >= max(_MIN_COPIED, _COPY_SHARE * len(long)):
            cut = range(long[n], long[n + run - 1] + 1)
            removed = [lines[i].strip() for i in cut if lines[i].strip()]
            kept = lines[:cut.start] + lines[cut.stop:]
            return "\n".join(kept), removed
        n += 1
    return body, []
