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
        if day and (day, source) not in out:  # a day and each kind of source that gives it
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
    if not name or name.casefold() in publishers or re.sub(r"\W+", "", name.casefold()) in publishers:
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
        if credited_for_other_work(el):
            continue
        value = el.get("content") or " ".join(el.itertext())  # "Luke Kim<span>May 2</span>": two texts
        value = _TRAILING_DATE.sub("", re.sub(r"\s+", " ", value)).strip(" •|·,-")
        if not value or len(value) > 80:
            continue
        box = next((a for a in chain[1:] if re.search(r"byline|authors", a.get("class") or "", re.IGNORECASE)),
                   holder if holder is not None else el)  # "Written by <span>A</span>, <span>B</span>"
        key = id(box)
        if key not in groups:
            groups[key] = BylineBox(_text(box)[:1000])
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
            before = _text(prev) + (prev.tail or "")
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


_WRITTEN_BY = re.compile(r"\b(?:[Ww]ritten|[Aa]uthored|Reported) by:?\s+([A-Z][\w'’.-]+(?:[^\S\u2029]+[A-Z][\w'’.-]+){1,2})"
                         r"[^\S\u2029]*(?=\u2029|[,|•·⋅]|$)")


def written_by_credit(tree) -> str | None:
    """"Written by Jane Roe" in an author box away from the headline (often at the end of
    the article, "Article written by:" over the name), outside comments and related lists:
    the one explicit credit on the page; else an "About the author" box's bio."""
    from dateline.clean.dates import page_text

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
    from dateline.clean.dates import page_text

    text, _marks, _h1 = page_text(tree)
    key = lambda s: re.sub(r"\W+", "", s.casefold())
    masthead = re.match(rf"[ \u2029]*({_ONE_LINE_NAME})", text)
    shown = [masthead] if masthead else []
    shown += [m for m in _OWNER_CREDIT.finditer(text)]
    for m in shown:
        name = m.group(m.lastindex or 0).rstrip(".")
        if not personal_name(name) or len(name.split()) > 3 or common_words_of_page(name, text) \
                or name.casefold() in publishers or _MONTH_WORD.search(name) or brand_repeated(name, text) \
                or _NOT_CREDIT.search(name) or any(w.isupper() for w in name.split()):
            continue  # "Acme Plumbing": a business's name (its declared site name, or a word the page uses)
        if key(name) in publishers or (m is masthead and key(name.split()[0]) in publishers):
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
    from dateline.clean.dates import END_OF_BLOCK, page_text, shown_dates

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
    from dateline.clean.dates import page_text

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
            if org and (re.sub(r"\W+", "", org.casefold()) not in
                        {re.sub(r"\W+", "", p) for p in publishers}):
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
    if name.casefold() in publishers or re.sub(r"\W+", "", name.casefold()) in publishers:
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
    keys = {re.sub(r"\W+", "", p) for p in publishers}
    return any(re.sub(r"\W+", "", n.casefold()) in keys for n in names)


def unseen_account(names: list[str], shown: list[str], tree) -> bool:
    """The metadata names the CMS account that posted the page ("admin", an editor) while
    the page prints "By Jane Roe": the metadata's name appears nowhere on the page."""
    from dateline.clean.dates import page_text

    text = page_text(tree)[0].casefold()
    key = lambda s: " ".join(re.findall(r"[^\W_]+", s.casefold()))
    return not any(key(n) in key(b) or key(b) in key(n) for n in names for b in shown) \
        and not any(n.casefold() in text for n in names)


def with_co_authors(names: list[str], bylines: list[list[str]]) -> list[str]:
    """The page's byline box when it names the structured author(s) and more: CMS metadata
    often lists only the post's owner, while the byline shows every co-author."""
    key = lambda s: " ".join(re.findall(r"[^\W_]+", s.casefold()))
    box = next((b for b in bylines if b), None)
    if box and len(box) > len(names) and all(any(key(n) in key(b) for b in box) for n in names):
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
    return first


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
    social = _meta(tree, "og:title", "twitter:title")
    if not structured or (social and cut_short(structured, social)):
        structured = social
    titles = tree.xpath("//title")
    page_title = re.sub(r"\s+", " ", _text(titles[0])).strip() if titles else None
    banners = site_banners(site, page_title)
    base = structured or page_title
    base = re.sub(r"\s+", " ", base).strip() if base else None
    if base:
        base = strip_site_suffix(without_banner(base, h1s_banner(tree, banners)), site)
    h1s = _h1_headlines(tree, "//h1", structured, banners, base)
    scoped = _h1_headlines(tree, "//article//h1|//main//h1", structured, banners, base)
    if len(set(scoped)) == 1:
        return scoped[0]  # the headline of the article element itself
    if len(set(h1s)) == 1 and len(h1s[0].split()) >= 2:
        return h1s[0]
    if h1s:
        for h in h1s:
            if base and agrees_with(h, base):
                return h
        if not base:
            return h1s[0]
    return base or None


def _h1_headlines(tree, path: str, structured: str | None, banners: set[str], base: str | None) -> list[str]:
    """The texts of the h1s at ``path`` that may be the headline (no masthead, no paragraph
    of over 30 words), each without the page furniture around the structured title."""
    texts = [headline_text(h, structured) for h in tree.xpath(path)]
    texts = [t for t in texts if 3 <= len(t) <= 300 and len(t.split()) <= 30 and not is_site_banner(t, banners)]
    return [visible_headline(t, base) for t in texts] if base else texts


def agrees_with(h1: str, title: str) -> bool:
    """One contains the other and the h1 is more than a word of the title: "Piers" over
    "How the harbour board paid for new bins at both piers" is a fragment, not the headline."""
    key = lambda s: re.sub(r"\W+", "", s.casefold())
    h, t = key(h1), key(title)
    return (h in t or t in h) and len(h) > 5 and 2 * len(h) > len(t)


def cut_short(headline: str, other: str) -> bool:
    """A JSON-LD headline cut at a length limit ("... Solutions (Including") where the
    OpenGraph title goes on: the longer title is the headline."""
    key = lambda s: re.sub(r"\W+", "", html_lib.unescape(s).casefold())
    return len(key(other)) > len(key(headline)) >= 40 and key(other).startswith(key(headline))


# "Our Blog", "News": the h1 of a section's banner, not of the story
_SECTION_BANNER = re.compile(r"(?:our |the )?(?:blog|news|articles|insights|resources|stories|journal|updates)",
                             re.IGNORECASE)


def site_banners(site: str | None, page_title: str | None) -> set[str]:
    """Names the site goes by, as keys: its declared name and the last part of its <title>
    ("Headline – Site Name"); an h1 equal to one is the masthead."""
    names = {site or ""}
    if page_title:
        parts = _TITLE_SEP.split(page_title)
        # "Headline | Site": the site comes last, and is the shorter ("Site | Headline" is the other order)
        if len(parts) >= 2 and len(parts[-1].split()) <= 4 and len(parts[-1]) < len(parts[0]):
            names.add(parts[-1])
    return {re.sub(r"\W+", "", n.casefold()) for n in names} - {""}


def is_site_banner(text: str, banners: set[str]) -> bool:
    """The page's masthead set as an h1 on every page of the site: its name ("Acme Journal"),
    a domain ("acme.com"), "Jane's Blog", or a section label ("Our Blog")."""
    key = re.sub(r"\W+", "", text.casefold())
    return (key in banners or _SECTION_BANNER.fullmatch(text.strip()) is not None
            or re.fullmatch(r"[\w-]+(?:\.[a-z]{2,6})+", text.strip(), re.IGNORECASE) is not None
            or re.fullmatch(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s [Bb]log", text.strip()) is not None)


def h1s_banner(tree, banners: set[str]) -> str | None:
    """The masthead h1's text, if the page has one."""
    return next((t for t in (_text(h).strip() for h in tree.xpath("//h1")) if t and is_site_banner(t, banners)), None)


def without_banner(title: str, banner: str | None) -> str:
    """"acme.com Vibe Coding" -> "Vibe Coding": the masthead glued before the headline."""
    if banner and title.startswith(banner) and len(title) > len(banner) + 3:
        return title[len(banner):].lstrip(" |–—:·•»-")
    return title


def visible_headline(h1: str, structured: str) -> str:
    """The structured headline when the h1 is that headline dressed in page furniture: a
    section label before it ("Blog: Headline"), a label or keywords after a bar ("Headline |
    Opinion"), a source and comment count after it ("Headline (example.com) 87"), or
    capitals set for show ("HEADLINE" for "Headline")."""
    if not structured.strip():
        return h1
    if h1.isupper() and not structured.isupper() and _shared_words(h1, structured) >= 0.6:
        return structured  # capitals are the template's styling; the structured title keeps the case
    at = h1.casefold().find(structured.casefold())
    if at < 0 or len(h1) == len(structured):
        return h1
    before, after = h1[:at], h1[at + len(structured):]
    if not after.strip() and re.fullmatch(r"\s*\w+(?:\s\w+)?\s*:\s*", before):
        return structured
    if not before.strip() and re.match(r"\s*(?:[|»]|\(\S+\.\w+\))", after):
        return structured
    return h1


def _shared_words(a: str, b: str) -> float:
    wa, wb = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


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
    """"www.acme-news.co.uk" -> {"acmenews"}, "blog.acme.com" -> {"acme"}: a byline equal to
    the site's own name is the publisher."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "") if url else ""
    labels = [x for x in host.split(".")[:-1] if x not in ("www", "com", "org", "net", "co", "uk", "news", "blog")]
    # every label: "resources.acme.com" is Acme's as much as "acme.com"
    return {re.sub(r"\W+", "", x.casefold()) for x in labels} - {""}


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
