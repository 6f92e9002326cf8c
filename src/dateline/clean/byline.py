"""Who wrote an HTML page: the authors, from structured data first, then the page's byline.

JSON-LD ``author`` and ``<meta name=author>`` are read first, the printed byline (``By Jane
Roe`` under the headline, a byline box, ``rel=author`` links) confirms, completes or replaces
them, and a credit or bio box after the article speaks only when nothing else named anyone.
A name is never a publisher, a section, a job title, a commenter or interface text.
"""

from __future__ import annotations

import re
import html as html_lib

from dateline.clean.dates import END_OF_BLOCK, not_article_part, page_text, shown_dates
from dateline.clean.page import element_text, fold_key, meta_index, schema_types

_NOT_A_PERSON = re.compile(
    r"@|https?:|www\.|\d|\b(?:email|e-mail|the author|minutes? ago|hours? ago|ago|follow|staff|editor(?:ial)?s?\b|"
    r"desk|team|news|newsroom|admin|contributor|guest|press|media|agency|reuters|associated|afp|inc|ltd|llc|"
    r"updated|published|posted|share|comments?|read|more|view|profile|sponsored|bio|team|author|written|here|"
    r"director|manager|officer|founder|ceo|cto|president|head|lead|senior|chief|reviewer|writer|winemaker|"
    r"specialist|expert|consultant|strategist|marketing|finance|health|wellness|blog|marketers?|hire|"
    r"reporter|correspondent|columnist|journalist|producer|analyst|photographer|checked|reviewed|edited|"
    r"about|recent|stories|latest|watch|listen|"
    r"the|administrator|webmaster|undefined|null|none|unknown|anonymous|personal)\b", re.IGNORECASE)


def clean_author(name: str, publishers: set[str], structured: bool = False) -> str | None:
    """A person's name out of a byline string, or None for a publisher, section or UI text.

    ``structured`` names (JSON-LD Person, author meta) are trusted to be names, so one word
    ("Susan") or lower case ("kirstin boatto") passes; a DOM string must look like a name."""
    name = re.sub(r"\s+", " ", html_lib.unescape(name or "")).strip(" ,;|-–—:")
    name = re.sub(r"^(?:by|written by|posted by|words by|author:?)\s+", "", name, flags=re.IGNORECASE).strip()
    name = _AFFILIATION_MARK.sub("", name)  # "Jane Roe 1,2": the marks of a paper's author list
    name = _SOCIAL_LINKS.sub("", name)  # "Jane Roe Twitter LinkedIn": the icons' labels beside the name
    if not name or name.casefold() in publishers or fold_key(name) in publishers:
        return None
    if _CREDENTIAL.fullmatch(name):
        return None
    if _NOT_A_PERSON.search(name) or _ORG_WORD.search(name):
        return None
    words = name.split()
    if not structured and _is_country(name):
        return None  # "United States" beside the name in a byline box is where the writer is
    if structured:
        if len(words) == 1 and (name.isupper() or _SECTION_WORD.fullmatch(name)):
            return None  # "CDC": an acronym is an organisation; "Politics" is the section
        if not 1 <= len(words) <= 5 or not all(re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in words):
            return None
    elif not 2 <= len(words) <= 5 or not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
        return None
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


_SOCIAL_LINKS = re.compile(r"(?:\s+(?:Twitter|X\.com|Facebook|LinkedIn|Instagram|YouTube|TikTok|Mastodon|Bluesky|"
                           r"Threads|RSS|Email))+$", re.IGNORECASE)
_AFFILIATION_MARK = re.compile(r"(?<=[^\W\d_])(?:\s+\d{1,2}(?:\s*,\s*\d{1,2})*|\s*[*†‡]+)$")


def _is_country(name: str) -> bool:
    from dateline.analyse.countries import country_code

    return country_code(name) is not None


_CREDENTIAL = re.compile(r"(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?D\.?|R\.?N\.?|Jr\.?|Sr\.?|Esq\.?|MSc|Fand)")
_PARTICLES = {"de", "van", "von", "der", "den", "ter", "da", "dos", "du", "bin", "al", "del", "la", "le", "di"}


def _ld_names(value, index: dict[str, dict]) -> list[tuple[str, bool]]:
    """(name, is_person) pairs of a JSON-LD author value; ``{"@id": ...}`` references resolved."""
    out = []
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, list):
            out += _ld_names(v, index)
        elif isinstance(v, str):
            out.append((v, True))
        elif isinstance(v, dict):
            if not v.get("name") and v.get("@id") in index:
                v = index[v["@id"]]
            if v.get("name"):
                out.append((str(v["name"]), "organization" not in schema_types(v)))
    return out


def _split_byline(value: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:,|;|\||\band\b|&)\s*", html_lib.unescape(value)) if p.strip()]


def author_blocks(tree):
    """Elements that may hold a byline, in document order: ``rel``/``itemprop`` "author", a
    class naming an author or byline, a link to an author's page. The page is walked once (a
    Python walk over elements looked up in C is twice as fast as the equivalent XPath);
    ``author_markup`` reads the byline's parts from these."""
    for el in tree.iter():
        cls = el.get("class")
        if cls and ("author" in cls or "byline" in cls):
            yield el
            continue
        href = el.get("href")
        if href and ("/author/" in href or "/authors/" in href) or "author" in (el.get("rel"), el.get("itemprop")):
            yield el


def _leaf(el) -> bool:
    return not any(isinstance(child.tag, str) for child in el)


_AUTHOR_PAGE = re.compile(r"/authors?/[^/?#\s]+/?(?:[?#]|$)")


def author_page_link(el) -> bool:
    """A link to the writer's page on the site ("/authors/jane-roe"): what CMSs print as
    the byline when they mark nothing else. Only above the article's end (a paragraph of
    prose still follows): the story cards under an article link their writers too."""
    return (el.tag == "a" and _AUTHOR_PAGE.search(el.get("href") or "") is not None
            and el.xpath(_PROSE_FOLLOWS))


_PROSE_FOLLOWS = "boolean(following::p[string-length(normalize-space(.)) > 150])"


def author_markup(tree) -> list:
    """In document order: ``rel=author`` elements; under ``itemprop=author``, the ``name``
    parts (or the element itself when it has no children); in an element whose class names
    an author or byline, its leaf children (not a ``<time>``), its links (not ``mailto:``),
    and itself when it is a leaf or an "author" link."""
    chosen = set()
    for el in author_blocks(tree):
        cls = el.get("class") or ""
        if el.get("rel") == "author" or author_page_link(el):
            chosen.add(el)
        if el.get("itemprop") == "author":
            if _leaf(el):
                chosen.add(el)
            chosen.update(d for d in el.iterdescendants() if d.get("itemprop") == "name")
        if "author" in cls or "byline" in cls:
            if _leaf(el) or (el.tag == "a" and "author" in cls and "mailto" not in (el.get("href") or "")):
                chosen.add(el)
            chosen.update(a for a in el.iterdescendants("a") if "mailto" not in (a.get("href") or ""))
            chosen.update(c for c in el if isinstance(c.tag, str) and c.tag != "time" and _leaf(c))
    if len(chosen) < 2:
        return list(chosen)
    order = {el: i for i, el in enumerate(tree.iter())}
    return sorted(chosen, key=order.__getitem__)


# a quoted customer, a commenter, a related story's writer: names that are not this article's
_OTHER_VOICES = re.compile(r"testimonial|quote|comment|reply|related|recommend|review|sidebar|footer|widget-area",
                           re.IGNORECASE)


_SECTION_LINK = re.compile(r"\btag\b|tag--|categor|/tags?/|/topics?/|/section/", re.IGNORECASE)


def dom_bylines(tree) -> list[list[str]]:
    """Byline strings from the page's author markup, outside comments, quotes and related
    lists, grouped by byline container: one article's byline may name several people in
    several links, while a related-stories list repeats other articles' bylines."""
    # keyed by the element itself: an id() of a proxy lxml has freed is given to the next one,
    # which merged unrelated boxes (a related-stories rail into the byline) now and then
    groups: dict = {}
    order: list = []
    for el in author_markup(tree):
        chain = [a for a in [el, *el.iterancestors()][:8] if a.tag not in ("body", "html")]
        # (the <body>'s classes describe the template: "no-sidebar", "has-comments")
        if any(_OTHER_VOICES.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in chain):
            continue
        if any(not_article_part(f"{a.get('class') or ''} {a.get('id') or ''}") for a in chain[:3]):
            continue  # a menu, a footer, a breadcrumb: links there are the site's, not a byline
        parent = el.getparent()
        if _SECTION_LINK.search(f"{el.get('class') or ''} {el.get('href') or ''} "
                                f"{parent.get('class') or '' if parent is not None else ''}"):
            continue  # a section or tag link inside the byline box ("byline__category")
        holder = next((a for a in chain if re.search(r"author|byline", a.get("class") or "", re.IGNORECASE)), None)
        if holder is None and el.get("rel") != "author" and not author_page_link(el) \
                and "author" not in (el.get("itemprop") or "") \
                and not any("author" in (a.get("itemprop") or "") for a in chain[:4]):
            continue  # a link far below some "author" class: the page's furniture, not its byline
        if holder is not None and holder is not el and len(element_text(holder)) > 300:
            continue  # "author-jane-roe" on the whole <article>: not a byline box
        if credited_for_other_work(el):
            continue
        value = el.get("content") or " ".join(el.itertext())  # "Luke Kim<span>May 2</span>": two texts
        value = _TRAILING_DATE.sub("", re.sub(r"\s+", " ", value)).strip(" •|·,-")
        if not value or len(value) > 80:
            continue
        box = next((a for a in chain[1:] if re.search(r"byline|authors", a.get("class") or "", re.IGNORECASE)),
                   holder if holder is not None else el)  # "Written by <span>A</span>, <span>B</span>"
        key = box
        if key not in groups:
            groups[key] = BylineBox(element_text(box)[:1000])
            order.append(key)
        if value not in groups[key]:
            groups[key].append(value)
        if len(order) >= 8:
            break
    return [groups[k] for k in order]


class BylineBox(list):
    """The byline strings of one container, with the container's text: a byline line names
    only its people ("Written by A, B and C"), a rail of related stories has headlines too."""

    def __init__(self, text: str):
        super().__init__()
        self.text = re.sub(r"\s+", " ", text)

    def names_only(self, names: list[str]) -> bool:
        rest = self.text
        for name in sorted(names, key=len, reverse=True):
            rest = rest.replace(name, " ")
        words = [w for w in re.findall(r"[^\W\d_][\w.]*", rest) if not _CREDENTIAL.fullmatch(w)
                 and w.casefold() not in _BYLINE_WORDS]
        return len(words) <= 2


_BYLINE_WORDS = {"by", "written", "and", "with", "authors", "author", "of", "this", "article", "dr", "dr."}


# a fact-checker, reviewer or editor, labelled so beside the author in the byline box
_NOT_THE_WRITER = re.compile(r"\b(?:fact[- ]?checked|reviewed|edited|illustrated|photo(?:graph)?s?)(?: by)?:?$",
                             re.IGNORECASE)


def credited_for_other_work(el) -> bool:
    """The text just before the name, in the element or up to two levels above, labels
    someone other than the writer ("Fact checked by", "Reviewed by")."""
    node = el
    for _ in range(3):
        prev, parent = node.getprevious(), node.getparent()
        if prev is not None:
            before = element_text(prev) + (prev.tail or "")
        else:
            before = (parent.text or "") if parent is not None else ""
        if before.strip():
            return _NOT_THE_WRITER.search(before.strip()) is not None
        if parent is None:
            return False
        node = parent
    return False


_TRAILING_DATE = re.compile(r"\s*(?:[•|·,-]\s*)?(?:on\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                            r"\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d{2}|"
                            r"\d{1,2}/\d{1,2}/\d{2,4}|updated|published|\d+ min).*$", re.IGNORECASE)


def shown_byline(tree) -> list[str]:
    """"By Jane Roe" printed near the headline, for pages whose byline has no author markup."""
    text, _marks, h1 = page_text(tree)
    if h1 is None:
        return []
    # below the headline (menus above it have "By Topic") and above the story's second
    # paragraph: the story cards under a short article have bylines too
    for m in _BY_NAME.finditer(text, h1, min(h1 + 1000, prose_start(text, h1, 2))):
        # the whole byline: "By Jane Roe and Omar Falk | May 2" -> "Jane Roe and Omar Falk"
        line = re.split(r"[|•·⋅\n\u2029(]|\d|\b(?:Updated|Published|Posted|on|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                        r"Nov|Dec)[a-z]*\.?\s+\d{1,2}\b)", text[m.start(1): m.start(1) + 120])[0]
        names = []
        for part in _split_byline(line):
            lead = _NAME_RUN.match(part.strip())
            if not lead:
                break
            names.append(lead.group(0))
        return names or [m.group(1)]
    return []


_SENTENCE_END = re.compile(r"[.!?][”\"’)]?(?: |$)")


def prose_start(text: str, start: int, nth: int) -> int:
    """Where the ``nth`` block of prose (150 characters or more, with a sentence end) after
    ``start`` begins in the page text; the text's end if there are fewer."""
    pos, blocks = start, 0
    for block in text[start:].split(END_OF_BLOCK):
        if len(block) >= 150 and _SENTENCE_END.search(block):
            blocks += 1
            if blocks == nth:
                return pos
        pos += len(block) + len(END_OF_BLOCK)
    return len(text)


_WRITTEN_BY = re.compile(r"\b(?:[Ww]ritten|[Aa]uthored|Reported) by:?\s+([A-Z][\w'’.-]+(?:[^\S\u2029]+[A-Z][\w'’.-]+){1,2})"
                         r"[^\S\u2029]*(?=\u2029|[,|•·⋅]|$)")


def written_by_credit(tree) -> str | None:
    """"Written by Jane Roe" in an author box away from the headline (often at the end of
    the article, "Article written by:" over the name), outside comments and related lists:
    the one explicit credit on the page; else an "About the author" box's bio."""
    text, marks, _h1 = page_text(tree)
    excluded = [(a, b) for a, b, k in marks if k == "excluded"]
    names = {m.group(1) for m in _WRITTEN_BY.finditer(text)
             if not any(a <= m.start() < b for a, b in excluded) and personal_name(m.group(1))}
    if not names:  # an author box: the name on its own line, then a bio that starts with it
        names = {m.group(1) for m in [*_BIO_BOX.finditer(text), *_ABOUT_THE_AUTHOR.finditer(text),
                                      *(b for b in _BIO.finditer(text) if f"\u2029 {b.group(1)} \u2029" in text
                                        or f"\u2029 {b.group(1)}\u2029" in text)]
                 if not any(a <= m.start() < b for a, b in excluded) and personal_name(m.group(1))
                 and not common_words_of_page(m.group(1), text)}  # "Proton VPN is", "Unlimited PTO is"
    return names.pop() if len(names) == 1 else None


def site_owner(tree, publishers: set[str]) -> str | None:
    """The person a personal site is named after, when no byline names anyone: a name the
    page shows ("© 2025 Jane Roe", "Jane Roe // About Notes") that is the site's name
    ("janeroe.com") or, standing first on the page as its masthead, whose first name is
    ("jane.example.dev")."""
    text, _marks, _h1 = page_text(tree)
    masthead = re.match(rf"[ \u2029]*({_ONE_LINE_NAME})", text)
    shown = [masthead] if masthead else []
    shown += [m for m in _OWNER_CREDIT.finditer(text)]
    for m in shown:
        name = m.group(m.lastindex or 0).rstrip(".")
        if not personal_name(name) or len(name.split()) > 3 or common_words_of_page(name, text) \
                or name.casefold() in publishers or _MONTH_WORD.search(name) or brand_repeated(name, text) \
                or _NOT_CREDIT.search(name) or any(w.isupper() for w in name.split()):
            continue  # "Acme Plumbing": a business's name (its declared site name, or a word the page uses)
        if fold_key(name) in publishers or (m is masthead and fold_key(name.split()[0]) in publishers):
            return name
    return None


def brand_repeated(name: str, text: str) -> bool:
    """A brand is written all over its site, and as one word too ("RealtyMogul"); an owner
    signs a personal page once or twice."""
    joined = re.escape(name.replace(" ", ""))
    return text.count(name) > 3 or re.search(rf"\b{joined}\b", text, re.IGNORECASE) is not None


_MONTH_WORD = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\b")
# the owner's name in a copyright line or a signed update ("© 2025 Jane Roe", "updated ... by Jane Roe")
_ONE_LINE_NAME = r"[A-Z][\w'’-]+(?:[^\S\u2029]+[A-Z][\w'’-]+){1,2}"
_OWNER_CREDIT = re.compile(rf"(?:©|\(c\)|[Cc]opyright)[^\S\u2029]*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?[^\S\u2029]*)?"
                           rf"({_ONE_LINE_NAME})|\bby[^\S\u2029]+({_ONE_LINE_NAME})")


# "Lauren Vetter\u2029 Lauren Vetter is a growth-focused marketer...", "Shannon Grilli\u2029 Shannon is..."
# "Jane Roe is a freelance travel writer...": a bio, when the name also stands on a line of its own
_BIO = re.compile(r"\u2029 ([A-Z][a-z][\w'’-]*(?:[^\S\u2029]+[A-Z][a-z][\w'’-]*){1,2}) (?:is|was) (?:a|an)\b")
# "About the Author:\u2029 Jane Roe is a travel writer..."
_ABOUT_THE_AUTHOR = re.compile(r"\bAbout the [Aa]uthor:?[^\S\u2029]*\u2029 ([A-Z][a-z][\w'’-]*(?:[^\S\u2029]+[A-Z][a-z]"
                               r"[\w'’-]*){1,2}),? (?:is|was|has|writes|covers|joined)\b")
_BIO_BOX = re.compile(r"(?:^|\u2029 )(([A-Z][a-z][\w'’-]*)(?:[^\S\u2029]+[A-Z][a-z][\w'’-]*){1,2})[^\S\u2029]*\u2029 "
                      r"(?:\1|\2) (?:is|was|has|writes|covers|joined)\b")


def name_beside_header_date(tree) -> str | None:
    """"Bence Kovács · 02-12-2025" (or "02-12-2025 · Bence Kovács") under the headline with
    no "By" and no author markup: a two- or three-word name standing alone in its own element
    right before the article's date (in a date, meta or byline element), or closing the
    date's own line after a dot or bar, not a word of the headline."""
    from dateline.analyse.countries import country_code

    text, marks, h1 = page_text(tree)
    if h1 is None:
        return None
    shown = [d for d in shown_dates(tree) if d.in_header and d.start > h1]
    first = next((d for d in shown if d.in_date_element), None)
    before = text[max(h1, first.start - 80): first.start] if first else ""
    m = re.search(r"(?:^|\u2029)\s*([A-Z][\w'’.-]+(?:[^\S\u2029]+[A-Z][\w'’.-]+){1,2})[^\S\u2029]*"
                  r"[|•·⋅,\u2029-]?\s*$", before)
    if not m or END_OF_BLOCK[0] not in before:
        # "2025-12-17 · Jane Roe" as a line of its own: the name closes the date's line
        line = next((d for d in shown if text[h1: d.start].rstrip(" ").endswith(END_OF_BLOCK[0])), None)
        m = _NAME_AFTER_DATE.match(text, line.start) if line else None
        if not m:
            return None
    name = m.group(1)
    headline = text[h1: h1 + 300].split(END_OF_BLOCK[0])[0]
    if name in headline or not personal_name(name) or common_words_of_page(name, text) \
            or _SECTION_WORD.search(name) or country_code(name):
        return None
    return name


_NAME_AFTER_DATE = re.compile(r"[^\u2029·•|]{6,30}?[^\S\u2029]*[·•|][^\S\u2029]*"
                              r"([A-Z][\w'’.-]+(?:[^\S\u2029]+[A-Z][\w'’.-]+){1,2})[^\S\u2029]*(?:\u2029|$)")


# a news section or region label sits where a byline would: "Middle East  March 3, 2024"
_SECTION_WORD = re.compile(r"\b(?:East|West|North|South|Middle|Central|Latin|World|Asia|Pacific|Europe|African?|"
                           r"Americas?|Gulf|Global|Local|National|International|Politics|Business|Sports?|Opinion|"
                           r"Culture|Science|Tech|Technology|Economy|Markets?|Entertainment|Lifestyle|Travel|"
                           r"Breaking|Latest|Live|Analysis|Features?|Video|Podcast|Weather|Crime|Courts?|Education)\b")


def common_words_of_page(name: str, text: str) -> bool:
    """"Design Style", "Klatch Coffee": a word the page also writes in lower case is a
    common noun, so the capitalised run is a label or a brand, not a person's name."""
    return any(re.search(rf"\b{re.escape(w.lower())}\b", text) for w in name.split() if len(w) > 2)


_NAME_RUN = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|del|la|le|di)){1,3}")


_BY_NAME = re.compile(r"\b(?:By|BY|Written [Bb]y|Words by|Authored by|Author(?=\s*:)|by(?=:)|(?<=\u2029 )by(?=\s))\s*:?\s+"
                      r"([A-Z][\w'’.-]+(?:[^\S\u2029]+(?:[A-Z][\w'’.-]+|de|van|von|da|del|la|le|di)){1,3}?)"
                      r"(?=[^\S\u2029]*(?:$|[,|•·⋅(\u2029]|\d|and\b|&|on\b|-|–|—|Updated|Published|Posted)|"
                      r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


def article_authors(tree, article: dict | None, publishers: set[str],
                    objects: list[dict] | None = None) -> list[str]:
    """People from JSON-LD, then author meta tags, then DOM bylines. When no source names a
    person, the organisation the page itself credits as author ("Acme Staff", "The Acme
    Team") stands in, as the byline reads; the publisher is never taken from the publisher field."""
    index = {o["@id"]: o for o in objects or [] if isinstance(o.get("@id"), str)}
    sources: list[tuple[list[tuple[str, bool]], bool]] = []  # ([(name, typed_person)], structured)
    if article and article.get("author"):
        sources.append((_ld_names(article["author"], index), True))
    names = meta_authors(tree)
    if names:
        sources.append(([(n, True) for n in names], True))
    boxes = dom_bylines(tree)
    for group in boxes:  # each byline box is one source: the first that names people wins
        sources.append(([(n, True) for n in group], False))
    shown = shown_byline(tree)
    if shown:
        sources.append(([(n, True) for n in shown], False))
    text = page_text(tree)[0]
    for k, (pairs, structured) in enumerate(sources):
        out = _people(pairs, publishers, structured, text)
        if out and structured and shown and unseen_account(out, shown, tree) \
                and not credits_publisher(shown, publishers):  # (a byline crediting the publisher replaces nobody)
            out = _people([(n, True) for n in shown], publishers, False, text) or out
        if out:
            lines = [_people([(n, True) for n in b], publishers, False, text) for b in boxes]
            lines = [names for b, names in zip(boxes, lines) if b.names_only(names)]
            return with_co_authors(out, lines + [_people([(n, True) for n in shown], publishers, False, text)])
    # single names found by reading the page around the headline or over its whole text:
    # looked for only when no byline named anyone
    for find in (name_beside_header_date, written_by_credit, lambda t: site_owner(t, publishers)):
        name = find(tree)
        out = _people([(name, True)], publishers, False, text) if name else []
        if out:
            return out
    for pairs, _structured in sources:
        for raw, _typed in pairs:
            org = credited_organisation(raw)
            if org and (fold_key(org) not in
                        {fold_key(p) for p in publishers}):
                return [org]
    return []


def _people(pairs: list[tuple[str, bool]], publishers: set[str], structured: bool, text: str = "") -> list[str]:
    """The persons' names of one source, bylines split ("Jane Roe and Omar Falk"). A personal
    site bears its author's name, so a person's name equal to the site's is kept; a business
    named in capitals ("Harbour Dental Care") is the publisher."""
    out: list[str] = []
    for raw, typed_person in pairs:
        if not typed_person:
            continue
        whole = clean_author(raw, _banned_names(raw, publishers, text), structured)
        for part in ([raw] if whole and not re.search(r"&|\band\b|,", raw) else _split_byline(raw)):
            name = clean_author(part, _banned_names(part, publishers, text), structured)
            if name and name.casefold() not in {n.casefold() for n in out}:
                out.append(name)
    return out


def _banned_names(name: str, publishers: set[str], text: str) -> set[str]:
    """The publisher's names, which a byline may not be, unless the byline is the person a
    personal site is named after."""
    if not personal_name(name):
        return publishers
    if name.casefold() in publishers or fold_key(name) in publishers:
        return publishers if business_name(name, text) else set()
    return set()


def business_name(name: str, text: str) -> bool:
    """"Harbour Dental Care", "ACME Global": a name made of words the page also writes in lower
    case, or holding an acronym, unless it starts with a common first name ("Karl Olsen")."""
    from dateline.analyse.coref import first_name_genders

    words = name.split()
    if not words or words[0].casefold() in first_name_genders():
        return False
    if any(w.isupper() and len(w) > 1 for w in words):
        return True
    # (a name the page writes in lower case throughout, "jane roe", is a handle, not common words)
    return name != name.lower() and bool(text) and common_words_of_page(name, text)


def credits_publisher(names: list[str], publishers: set[str]) -> bool:
    keys = {fold_key(p) for p in publishers}
    return any(fold_key(n) in keys for n in names)


def _words(s: str) -> str:
    """A name's words, folded, one space apart: "Jane Roe" inside "By JANE ROE, staff"."""
    return " ".join(re.findall(r"[^\W_]+", s.casefold()))


def unseen_account(names: list[str], shown: list[str], tree) -> bool:
    """The metadata names the CMS account that posted the page ("admin", an editor) while
    the page prints "By Jane Roe": the metadata's name appears nowhere on the page."""
    text = page_text(tree)[0].casefold()
    return not any(_words(n) in _words(b) or _words(b) in _words(n) for n in names for b in shown) \
        and not any(n.casefold() in text for n in names)


def with_co_authors(names: list[str], bylines: list[list[str]]) -> list[str]:
    """The page's byline box when it names the structured author(s) and more: CMS metadata
    often lists only the post's owner, while the byline shows every co-author."""
    box = next((b for b in bylines if b), None)
    if box and len(box) > len(names) and all(any(_words(n) in _words(b) for b in box) for n in names):
        return box
    return names


_AUTHOR_META = ("author", "article:author", "parsely-author", "byl", "sailthru.author", "dc.creator",
                "citation_author", "citation_authors", "dc.contributor")


def meta_authors(tree) -> list[str]:
    """Author names from the first author meta the page has. Scholarly pages repeat
    ``citation_author`` once per author, written "Surname, Given" ("Roy, Aniruddha"): that
    list wins when it is longer (a paper's ``author`` meta names its first author only)."""
    index = meta_index(tree)
    first: list[str] = []
    for name in _AUTHOR_META:
        values = [v for v in index.get(name, []) if not v.startswith("http")]
        if not values:
            continue
        out: list[str] = []
        for value in values:
            inverted = re.fullmatch(r"([^\W\d_][\w'’-]+),\s*([^\W\d_][\w'’.-]+(?:\s+[A-Z]\.?)*)", value)
            if inverted and name.startswith("citation"):
                out.append(f"{inverted.group(2)} {inverted.group(1)}")
            else:
                out += _split_byline(re.sub(r"^\s*by\s+", "", value, flags=re.IGNORECASE))
        if not first:
            first = out
        if name.startswith("citation") and len(out) > len(first):
            return out
    return first or written_by_card(index)


def written_by_card(index: dict[str, list[str]]) -> list[str]:
    """The summary card's labelled pairs (SEO plugins write ``twitter:label1`` "Written by"
    and ``twitter:data1`` "Jane Roe"), for pages with no author meta of their own."""
    for n in range(1, 5):
        label = (index.get(f"twitter:label{n}") or [""])[0].strip().rstrip(":").lower()
        data = index.get(f"twitter:data{n}")
        if label in ("written by", "author", "by") and data:
            return _split_byline(data[0])
    return []


def personal_name(name: str) -> bool:
    """"Sam Bossley", "Jean-Luc Aufranc": two to four capitalised words, no organisation word."""
    words = re.sub(r"^(?:by|written by)\s+", "", name.strip(), flags=re.IGNORECASE).split()
    return (2 <= len(words) <= 4 and all(re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in words)
            and not _NOT_A_PERSON.search(name) and not _ORG_WORD.search(name))


_ORG_WORD = re.compile(r"\b(?:inc|llc|ltd|group|company|corp|university|college|institute|center|centre|clinic|"
                       r"bank|agency|foundation|association|society|council|department|online|media|studio|"
                       r"labs?|solutions|services|store|shop|security|partners|"
                       r"pc|pllc|plc|llp|gmbh|pty)\b", re.IGNORECASE)  # (legal forms: "Acme Dentistry PC")
_NOT_CREDIT = re.compile(r"https?:|www\.|@|\d|\b(?:undefined|null|admin|administrator|webmaster|unknown|"
                         r"anonymous|guest|search|menu|home|login|sign|subscribe|share|follow|email|view|"
                         r"posts?|profile|more|read|here|click|ago|minutes?|hours?|twitter|facebook|linkedin|"
                         r"instagram|youtube|tiktok|bluesky|mastodon|rss)\b", re.IGNORECASE)


# the label of paid content, standing where a byline would ("Sponsored by Acme" names its sponsor)
_AD_LABEL = re.compile(r"sponsored|advertisement|advertorial|partner content|promoted|paid post", re.IGNORECASE)


def credited_organisation(raw: str) -> str | None:
    """The organisation a byline credits when it names no person ("By Acme Staff"),
    kept as written; UI text, handles with digits and placeholders are not credits."""
    name = re.sub(r"\s+", " ", html_lib.unescape(raw or "")).strip(" ,;|-–—:")
    name = re.sub(r"^(?:by|written by|posted by|author:?)\s+", "", name, flags=re.IGNORECASE).strip()
    if not name or _NOT_CREDIT.search(name) or _AD_LABEL.fullmatch(name) or _SECTION_WORD.fullmatch(name) \
            or not 1 <= len(name.split()) <= 5 or len(name) < 3:
        return None
    return name
