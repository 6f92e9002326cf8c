"""HTML pages: main content and metadata.

The page is parsed once with lxml. Metadata are dateline's own decisions, structured data
first: JSON-LD (NewsArticle ``datePublished``/``author``/``headline``), then OpenGraph and
``article:*`` meta, then ``<meta name=author|byl|parsely-*>``, ``<time datetime>`` and DOM
bylines. Nothing is guessed: no date when the page states none, ``dateModified`` never stands
in for ``datePublished``. trafilatura picks the body from the same tree (no metadata run,
no second parse); the flattened-text heuristics then clean that body.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from copy import deepcopy

from dateline.clean import Cleaned
from dateline.clean.body import (missed_article_block, prefer_article_body, recover_split_sections,
                                  without_headline_block, without_page_url)
from dateline.clean.dates import not_article_part
from dateline.clean.header import MONTHS, parse_date
from dateline.clean.prune import prune_page_furniture
from dateline.record import Boilerplate

_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenews", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
                  "scholarlyarticle", "report", "liveblogposting", "webpage", "review", "recipe", "howto"}


def parse_html(html: str):
    import lxml.html

    # the text is already decoded: tell lxml so, or a <meta charset> in the page would win
    data = html.encode("utf-8", "replace") if isinstance(html, str) else html
    try:
        return lxml.html.fromstring(data, parser=_parser())
    except Exception:  # empty or broken document
        return None


def _parser():
    # lxml.html elements: trafilatura takes an HtmlElement tree as is, so the page is parsed once
    import lxml.html

    global _PARSER
    if _PARSER is None:
        _PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    return _PARSER


def _text(el) -> str:
    return "".join(el.itertext())


_PARSER = None


def json_ld_objects(tree) -> list[dict]:
    """Every JSON-LD object on the page, ``@graph`` and lists flattened."""
    out: list[dict] = []

    def walk(node):
        if isinstance(node, list):
            for n in node:
                walk(n)
        elif isinstance(node, dict):
            out.append(node)
            if "@graph" in node:
                walk(node["@graph"])
            main = node.get("mainEntity")
            if isinstance(main, (dict, list)):
                walk(main)

    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            walk(json.loads(raw))
        except ValueError:
            try:  # trailing commas and stray control characters are common
                walk(json.loads(re.sub(r",\s*([}\]])", r"\1", re.sub(r"[\x00-\x1f]", " ", raw))))
            except ValueError:
                continue
    return out


def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    return {str(x).lower() for x in (t if isinstance(t, list) else [t]) if x}


def article_object(objects: list[dict]) -> dict | None:
    """The JSON-LD object that describes the article (a NewsArticle over a WebPage)."""
    best = None
    for obj in objects:
        types = _types(obj)
        if types & (_ARTICLE_TYPES - {"webpage"}):
            return obj
        if "webpage" in types and best is None and (obj.get("datePublished") or obj.get("headline")):
            best = obj
    return best


def _meta(tree, *names: str) -> str | None:
    """First non-empty content of <meta name|property|itemprop=...> among ``names``."""
    index = meta_index(tree)
    for name in names:
        values = index.get(name.lower())
        if values:
            return values[0]
    return None


def meta_index(tree) -> dict[str, list[str]]:
    """Every <meta>'s non-empty content by its lower-cased name, property and itemprop, in
    page order: one pass over the page instead of one per name asked (kept for the last page)."""
    global _META_LAST
    if _META_LAST is not None and _META_LAST[0] is tree:
        return _META_LAST[1]
    index: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        value = (el.get("content") or "").strip()
        if not value:
            continue
        for attr in ("name", "property", "itemprop"):
            key = el.get(attr)
            if key:
                index.setdefault(key.strip().lower(), []).append(value)
    _META_LAST = (tree, index)
    return index


_META_LAST = None


def iso_day(value: str | None) -> str | None:
    """The ISO day of a structured date ("2021-03-03T08:40:00+02:00", "March 3, 2021")."""
    if not value or not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return parse_date(m.group(0).strip())
    return parse_date(value)


_PUBLISHED_META = ("article:published_time", "og:published_time", "og:article:published_time",
                   "datePublished", "pubdate", "publishdate", "publish-date", "publish_date", "published",
                   "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created",
                   "dcterms.date", "article.published", "date", "cxenseparse:recs:publishtime",
                   "originalpublicationdate")


def structured_dates(tree, objects: list[dict], article: dict | None) -> list[tuple[str, str]]:
    """(day, source) publication-date candidates from metadata, most specific first:
    the article's JSON-LD, meta tags, ``itemprop``/``<time>`` markup, then a ``WebPage``
    block (often the CMS page's creation date, not the article's). Never dateModified."""
    out: list[tuple[str, str]] = []

    def add(value, source):
        day = iso_day(value) if isinstance(value, str) else None
        if day and day not in {d for d, _ in out}:
            out.append((day, source))

    if article is not None and _types(article) & (_ARTICLE_TYPES - {"webpage"}):
        add(article.get("datePublished"), "article")
    add(_meta(tree, *_PUBLISHED_META), "meta")
    for el in tree.xpath('//*[@itemprop="datePublished"]|//time[@pubdate]|//time[contains(@class,"publish")]'):
        add(el.get("datetime") or el.get("content") or _text(el), "markup")
    times = [t for t in tree.xpath("//article//time[@datetime]|//header//time[@datetime]")
             if headline_time(t)]
    if times:  # the article's own first <time>, not one of a related-stories list
        add(times[0].get("datetime"), "markup")
    for el in tree.xpath('//meta[contains(translate(@name,"PUBLISH","publish"),"publish") or '
                         'contains(translate(@property,"PUBLISH","publish"),"publish")]'):
        add(el.get("content"), "meta")  # vendor names: "w-published-date", "publish_timestamp"
    for o in objects:
        if "webpage" in _types(o) or o is article:
            add(o.get("datePublished"), "webpage")
    return out


_REVISION = re.compile(r"chang|modif|updat|revis", re.IGNORECASE)


def headline_time(el) -> bool:
    """A ``<time>`` of the article itself: inside a ``<header>`` or an ``<article>`` that
    holds the headline (a listing's teaser cards are ``<article>`` elements too), and
    not a "changed"/"modified" field."""
    for a in [el, *el.iterancestors()][:4]:
        if _REVISION.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
            return False
    for a in el.iterancestors("article", "header"):
        if a.tag == "header" or a.find(".//h1") is not None:
            return True
    return False


def url_day(url: str | None) -> str | None:
    """The day in a dated URL path (/2021/03/03/slug)."""
    if not url:
        return None
    m = re.search(r"/((?:19|20)\d{2})[/-](\d{1,2}|[a-z]{3,9})[/-](\d{1,2})(?:/|[-_]|$)", url, re.IGNORECASE)
    if not m:
        return None
    month = m.group(2) if m.group(2).isdigit() else MONTHS.get(m.group(2)[:3].lower())
    return parse_date(f"{m.group(1)}-{int(month):02d}-{int(m.group(3)):02d}") if month else None


def published_date(tree, article: dict | None, url: str | None = None,
                   objects: list[dict] | None = None) -> str | None:
    """The date the page shows for the article, checked against its metadata (see clean.dates)."""
    from dateline.clean.dates import choose_published, shown_dates

    if objects is None:
        objects = json_ld_objects(tree)
    return choose_published(structured_dates(tree, objects, article), shown_dates(tree, url_day(url)), url_day(url),
                            declares_article(tree, article))


_NEWS_TYPES = {"newsarticle", "reportagenews", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
               "backgroundnewsarticle", "liveblogposting"}


def declares_article(tree, article: dict | None = None) -> bool:
    """The page presents itself as a dated piece of writing: a JSON-LD NewsArticle (a generic
    "Article" is many templates' default), ``og:type`` "article", or, with no ``og:type``,
    OpenGraph's article namespace (``article:published_time``)."""
    if article and _types(article) & _NEWS_TYPES:
        return True  # a NewsArticle block outranks a template's og:type "website"
    og = (_meta(tree, "og:type") or "").strip().lower()
    if og:
        return og == "article"
    return _meta(tree, "article:published_time") is not None


_NOT_A_PERSON = re.compile(
    r"@|https?:|www\.|\d|\b(?:email|e-mail|the author|minutes? ago|hours? ago|ago|follow|staff|editor(?:ial)?s?\b|"
    r"desk|team|news|newsroom|admin|contributor|guest|press|media|agency|reuters|associated|afp|inc|ltd|llc|"
    r"updated|published|posted|share|comments?|read|more|view|profile|sponsored|bio|team|author|written|here|"
    r"director|manager|officer|founder|ceo|cto|president|head|lead|senior|chief|reviewer|writer|winemaker|"
    r"specialist|expert|consultant|strategist|marketing|finance|health|wellness|blog|marketers?|hire|"
    r"the|administrator|webmaster|undefined|null|none|unknown|anonymous|personal)\b", re.IGNORECASE)


def clean_author(name: str, publishers: set[str], structured: bool = False) -> str | None:
    """A person's name out of a byline string, or None for a publisher, section or UI text.

    ``structured`` names (JSON-LD Person, author meta) are trusted to be names, so one word
    ("Susan") or lower case ("kirstin boatto") passes; a DOM string must look like a name."""
    name = re.sub(r"\s+", " ", html_lib.unescape(name or "")).strip(" ,;|-–—:")
    name = re.sub(r"^(?:by|written by|posted by|words by|author:?)\s+", "", name, flags=re.IGNORECASE).strip()
    if not name or name.casefold() in publishers or re.sub(r"\W+", "", name.casefold()) in publishers:
        return None
    if _CREDENTIAL.fullmatch(name):
        return None
    if _NOT_A_PERSON.search(name) or _ORG_WORD.search(name):
        return None
    words = name.split()
    if structured:
        if len(words) == 1 and name.isupper():
            return None  # "CDC": an acronym is an organisation
        if not 1 <= len(words) <= 5 or not all(re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in words):
            return None
    elif not 2 <= len(words) <= 5 or not all(w[:1].isupper() or w.lower() in _PARTICLES for w in words):
        return None
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


_CREDENTIAL = re.compile(r"(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?D\.?|R\.?N\.?|Jr\.?|Sr\.?|Esq\.?|MSc|Fand)")
_PARTICLES = {"de", "van", "von", "da", "bin", "al", "del", "la", "le", "di"}


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
                out.append((str(v["name"]), "organization" not in _types(v)))
    return out


def _split_byline(value: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:,|;|\||\band\b|&)\s*", html_lib.unescape(value)) if p.strip()]


_BYLINE_XPATH = ('//*[@rel="author"]|//*[@itemprop="author"]//*[@itemprop="name"]|'
                 '//*[@itemprop="author" and not(*)]|'
                 '//*[contains(@class,"byline") or contains(@class,"author")]//a[not(contains(@href,"mailto"))]|'
                 '//*[(contains(@class,"author") or contains(@class,"byline")) and not(*)]|'
                 '//a[contains(@class,"author") and not(contains(@href,"mailto"))]|'
                 '//*[contains(@class,"author") or contains(@class,"byline")]/*[not(*) and not(self::time)]')
# a quoted customer, a commenter, a related story's writer: names that are not this article's
_OTHER_VOICES = re.compile(r"testimonial|quote|comment|reply|related|recommend|review|sidebar|footer|widget-area",
                           re.IGNORECASE)


_SECTION_LINK = re.compile(r"\btag\b|tag--|categor|/tags?/|/topics?/|/section/", re.IGNORECASE)


def dom_bylines(tree) -> list[list[str]]:
    """Byline strings from the page's author markup, outside comments, quotes and related
    lists, grouped by byline container: one article's byline may name several people in
    several links, while a related-stories list repeats other articles' bylines."""
    groups: dict[int, list[str]] = {}
    order: list[int] = []
    for el in tree.xpath(_BYLINE_XPATH):
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
        if holder is None and el.get("rel") != "author" and "author" not in (el.get("itemprop") or "") \
                and not any("author" in (a.get("itemprop") or "") for a in chain[:4]):
            continue  # a link far below some "author" class: the page's furniture, not its byline
        if holder is not None and holder is not el and len(_text(holder)) > 300:
            continue  # "author-jane-roe" on the whole <article>: not a byline box
        value = el.get("content") or " ".join(el.itertext())  # "Luke Kim<span>May 2</span>": two texts
        value = _TRAILING_DATE.sub("", re.sub(r"\s+", " ", value)).strip(" •|·,-")
        if not value or len(value) > 80:
            continue
        box = next((a for a in chain[1:] if re.search(r"byline|authors", a.get("class") or "", re.IGNORECASE)), el)
        key = id(box)
        if key not in groups:
            groups[key] = []
            order.append(key)
        if value not in groups[key]:
            groups[key].append(value)
        if len(order) >= 8:
            break
    return [groups[k] for k in order]


_TRAILING_DATE = re.compile(r"\s*(?:[•|·,-]\s*)?(?:on\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                            r"\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d{2}|"
                            r"\d{1,2}/\d{1,2}/\d{2,4}|updated|published|\d+ min).*$", re.IGNORECASE)


def shown_byline(tree) -> list[str]:
    """"By Jane Roe" printed near the headline, for pages whose byline has no author markup."""
    from dateline.clean.dates import page_text

    text, _marks, h1 = page_text(tree)
    if h1 is None:
        return []
    for m in _BY_NAME.finditer(text, h1, h1 + 1000):  # below the headline: menus above it have "By Topic"
        # the whole byline: "By Jane Roe and Omar Falk | May 2" -> "Jane Roe and Omar Falk"
        line = re.split(r"[|•·⋅\n\u2029(]|\d|\b(?:Updated|Published|Posted|on|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                        r"Nov|Dec)[a-z]*\.?\s+\d)\b", text[m.start(1): m.start(1) + 120])[0]
        names = []
        for part in _split_byline(line):
            lead = _NAME_RUN.match(part.strip())
            if not lead:
                break
            names.append(lead.group(0))
        return names or [m.group(1)]
    return []


_WRITTEN_BY = re.compile(r"\b(?:Written|Authored|Reported) by:?\s+([A-Z][\w'’.-]+(?:[^\S\u2029]+[A-Z][\w'’.-]+){1,2})"
                         r"[^\S\u2029]*(?=\u2029|[,|•·⋅]|$)")


def written_by_credit(tree) -> str | None:
    """"Written by Jane Roe" in an author box away from the headline (often at the end of
    the article), outside comments and related lists: the one explicit credit on the page."""
    from dateline.clean.dates import page_text

    text, marks, _h1 = page_text(tree)
    excluded = [(a, b) for a, b, k in marks if k == "excluded"]
    names = {m.group(1) for m in _WRITTEN_BY.finditer(text)
             if not any(a <= m.start() < b for a, b in excluded) and personal_name(m.group(1))}
    if not names:  # an author box: the name on its own line, then a bio that starts with it
        names = {m.group(1) for m in _BIO_BOX.finditer(text)
                 if not any(a <= m.start() < b for a, b in excluded) and personal_name(m.group(1))
                 and not common_words_of_page(m.group(1), text)}  # "Proton VPN is", "Unlimited PTO is"
    return names.pop() if len(names) == 1 else None


# "Lauren Vetter\u2029 Lauren Vetter is a growth-focused marketer...", "Shannon Grilli\u2029 Shannon is..."
_BIO_BOX = re.compile(r"(?:^|\u2029 )(([A-Z][a-z][\w'’-]*)(?:[^\S\u2029]+[A-Z][a-z][\w'’-]*){1,2})[^\S\u2029]*\u2029 "
                      r"(?:\1|\2) (?:is|was|has|writes|covers|joined)\b")


def name_beside_header_date(tree) -> str | None:
    """"Bence Kovács · 02-12-2025" under the headline with no "By" and no author markup: a
    two- or three-word name standing alone in its own element right before the article's
    date (in a date, meta or byline element), not a word of the headline."""
    from dateline.analyse.countries import country_code
    from dateline.clean.dates import END_OF_BLOCK, page_text, shown_dates

    text, marks, h1 = page_text(tree)
    if h1 is None:
        return None
    first = next((d for d in shown_dates(tree) if d.in_header and d.in_date_element and d.start > h1), None)
    if first is None:
        return None
    before = text[max(h1, first.start - 80): first.start]
    m = re.search(r"(?:^|\u2029)\s*([A-Z][\w'’.-]+(?:[^\S\u2029]+[A-Z][\w'’.-]+){1,2})[^\S\u2029]*"
                  r"[|•·⋅,\u2029-]?\s*$", before)
    if not m or END_OF_BLOCK[0] not in before:
        return None
    name = m.group(1)
    headline = text[h1: h1 + 300].split(END_OF_BLOCK[0])[0]
    if name in headline or not personal_name(name) or common_words_of_page(name, text) \
            or _SECTION_WORD.search(name) or country_code(name):
        return None
    return name


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
    for group in dom_bylines(tree):  # each byline box is one source: the first that names people wins
        sources.append(([(n, True) for n in group], False))
    shown = shown_byline(tree)
    if shown:
        sources.append(([(n, True) for n in shown], False))
    beside = name_beside_header_date(tree)
    if beside:
        sources.append(([(beside, True)], False))
    credit = written_by_credit(tree)
    if credit:
        sources.append(([(credit, True)], False))
    for pairs, structured in sources:
        out: list[str] = []
        for raw, typed_person in pairs:
            if not typed_person:
                continue
            banned = set() if personal_name(raw) else publishers  # a personal site bears its author's name
            whole = clean_author(raw, banned, structured)
            for part in ([raw] if whole and not re.search(r"&|\band\b|,", raw) else _split_byline(raw)):
                name = clean_author(part, set() if personal_name(part) else publishers, structured)
                if name and name.casefold() not in {n.casefold() for n in out}:
                    out.append(name)
        if out:
            return out
    for pairs, _structured in sources:
        for raw, _typed in pairs:
            org = credited_organisation(raw)
            if org and (re.sub(r"\W+", "", org.casefold()) not in
                        {re.sub(r"\W+", "", p) for p in publishers}):
                return [org]
    return []


_AUTHOR_META = ("author", "article:author", "parsely-author", "byl", "sailthru.author", "dc.creator",
                "citation_author", "citation_authors", "dc.contributor")


def meta_authors(tree) -> list[str]:
    """Author names from the first author meta the page has. Scholarly pages repeat
    ``citation_author`` once per author, written "Surname, Given" ("Roy, Aniruddha")."""
    index = meta_index(tree)
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
        return out
    return []


def personal_name(name: str) -> bool:
    """"Sam Bossley", "Jean-Luc Aufranc": two to four capitalised words, no organisation word."""
    words = re.sub(r"^(?:by|written by)\s+", "", name.strip(), flags=re.IGNORECASE).split()
    return (2 <= len(words) <= 4 and all(re.fullmatch(r"[^\W\d_][\w.'’-]*", w) for w in words)
            and not _NOT_A_PERSON.search(name) and not _ORG_WORD.search(name))


_ORG_WORD = re.compile(r"\b(?:inc|llc|ltd|group|company|corp|university|college|institute|center|centre|clinic|"
                       r"bank|agency|foundation|association|society|council|department|online|media|studio|"
                       r"labs?|solutions|services|store|shop|security|partners)\b", re.IGNORECASE)
_NOT_CREDIT = re.compile(r"https?:|www\.|@|\d|\b(?:undefined|null|admin|administrator|webmaster|unknown|"
                         r"anonymous|guest|search|menu|home|login|sign|subscribe|share|follow|email|view|"
                         r"posts?|profile|more|read|here|click)\b", re.IGNORECASE)


def credited_organisation(raw: str) -> str | None:
    """The organisation a byline credits when it names no person ("By Acme Staff"),
    kept as written; UI text, handles with digits and placeholders are not credits."""
    name = re.sub(r"\s+", " ", html_lib.unescape(raw or "")).strip(" ,;|-–—:")
    name = re.sub(r"^(?:by|written by|posted by|author:?)\s+", "", name, flags=re.IGNORECASE).strip()
    if not name or _NOT_CREDIT.search(name) or not 1 <= len(name.split()) <= 5 or len(name) < 3:
        return None
    return name


_TITLE_SEP = re.compile(r"\s+[|–—:·•»-]\s+|\s+-\s+")


def strip_site_suffix(title: str, site: str | None) -> str:
    """"Headline | Site Name" -> "Headline" (also a site prefix "Site: Headline")."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title
    site_key = re.sub(r"\W+", "", (site or "").casefold())
    last, first = parts[-1], parts[0]
    if site_key and re.sub(r"\W+", "", last.casefold()) in (site_key,) or (
            site_key and site_key in re.sub(r"\W+", "", last.casefold())):
        return title[: title.rfind(last)].rstrip(" |–—:·•»-").strip()
    if site_key and re.sub(r"\W+", "", first.casefold()) == site_key:
        return title[len(first):].lstrip(" |–—:·•»-").strip()
    # "Headline | Short Brand" with no site name to compare: drop a short last part after a bar
    m = re.search(r"\s+[|»]\s+([^|»]{1,40})$", title)
    if m and len(m.group(1).split()) <= 4:
        return title[: m.start()].strip()
    return title


def article_title(tree, article: dict | None, site: str | None) -> str | None:
    """The headline, entities decoded ("&#8230;" in a double-escaped meta is "…")."""
    title = _article_title(tree, article, site)
    return re.sub(r"\s+", " ", html_lib.unescape(title)).strip() if title else None


def _article_title(tree, article: dict | None, site: str | None) -> str | None:
    """The headline: h1 when it agrees with the structured title, else the structured title."""
    structured = None
    if article and isinstance(article.get("headline"), str):
        structured = html_lib.unescape(article["headline"])
    structured = structured or _meta(tree, "og:title", "twitter:title")
    titles = tree.xpath("//title")
    page_title = _text(titles[0]) if titles else None
    h1s = [headline_text(h, structured) for h in tree.xpath("//h1")]
    h1s = [h for h in h1s if 3 <= len(h) <= 300]
    base = structured or page_title
    base = re.sub(r"\s+", " ", base).strip() if base else None
    if base:
        base = strip_site_suffix(base, site)
    scoped = [headline_text(h, structured) for h in tree.xpath("//article//h1|//main//h1")]
    scoped = [h for h in scoped if 3 <= len(h) <= 300]
    key = lambda s: re.sub(r"\W+", "", s.casefold())
    if len(set(scoped)) == 1:
        return scoped[0]  # the headline of the article element itself
    if len(set(h1s)) == 1 and len(h1s[0].split()) >= 2:
        return h1s[0]
    if h1s:
        for h in h1s:
            if base and (key(h) in key(base) or key(base) in key(h)) and len(key(h)) > 5:
                return h
        if not base:
            return h1s[0]
    return base or None


def headline_text(h1, structured: str | None) -> str:
    """An <h1>'s text, a line break a space ("WEEKEND<br>CODING AGENT"), without the post
    meta some templates put inside it ("Headline Posted on July 1, 2024 by jane")."""
    text = re.sub(r"\s+", " ", _text_with_breaks(h1)).strip()
    if structured:
        head = re.sub(r"\s+", " ", structured).strip()
        if text.startswith(head) and _POST_META.match(text[len(head):]):
            return head
    return text


def _text_with_breaks(el) -> str:
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            out.append(" " if child.tag == "br" else _text_with_breaks(child))
        out.append(child.tail or "")
    return "".join(out)


_POST_META = re.compile(r"\s*(?:[|•·-]\s*)?(?:Posted|Published|Updated|By|Written by|Last updated)\b", re.IGNORECASE)


def site_name(tree, article: dict | None) -> str | None:
    name = _meta(tree, "og:site_name", "application-name", "twitter:site")
    if not name and article and isinstance(article.get("publisher"), dict):
        name = article["publisher"].get("name")
    return name.lstrip("@") if name else None


def host_labels(url: str | None) -> set[str]:
    """"www.acme-news.co.uk" -> {"acmenews"}: a byline equal to the site's own name is the publisher."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "") if url else ""
    labels = [x for x in host.split(".") if x not in ("www", "com", "org", "net", "co", "uk", "news", "blog")]
    return {re.sub(r"\W+", "", labels[0].casefold())} if labels else set()


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
    body, addresses = without_page_url(extract_body(tree, url), url)
    cards += [Boilerplate(text=line, reason="page-url") for line in addresses]
    body = without_headline(prefer_article_body(recover_split_sections(tree, body), article), title)
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
    key = lambda s: re.sub(r"\W+", "", s.casefold())
    if key(lines[0]) == key(title) and len(lines) > 1 and lines[1].strip():
        return lines[1].lstrip()
    return body


def extract_body(tree, url: str | None) -> str:
    """Main text of the page: trafilatura on the already-parsed tree (comments excluded),
    its recall mode when it kept nothing, and the page's densest prose block when that holds
    far more than trafilatura kept."""
    return second_looks(tree, url, _trafilatura_text(deepcopy(tree), url))


def second_looks(tree, url: str | None, text: str) -> str:
    """trafilatura's text, or what a second extraction finds when that kept too little."""
    import lxml.html

    if len(text.split()) < 20:  # nothing kept: trafilatura's recall mode finds the prose it judged too thin
        recall = _trafilatura_text(deepcopy(tree), url, favor_recall=True)
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
    import trafilatura

    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                      include_tables=True, **options)
    return (getattr(doc, "text", None) or "") if doc is not None else ""
