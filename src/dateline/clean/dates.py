"""The publication date of an HTML page: the date the page shows its reader.

A page's metadata often carries dates the reader never sees: a CMS creation date in a
``WebPage`` JSON-LD block, a template's ``article:published_time`` on an evergreen guide.
The date that counts is the one printed with the article (under the headline, in the
byline). So the decision is made from two kinds of evidence:

- *shown* dates: dates in the visible text, with where they sit (near the headline, in a
  byline or date element) and their label ("Published", "Updated", "Posted on");
- *structured* dates: JSON-LD ``datePublished``, ``article:published_time`` and kin,
  ``<time>`` elements, a dated URL path.

A structured date the page also shows is taken; a date shown in the article header is taken
when no structured date is shown; a structured date nobody shows is only kept when the
header shows no date and the metadata is specific to an article (a ``WebPage`` block's
date, shown nowhere, is the CMS page's, and pages like that carry no date for their
readers). A modified date in metadata is never used; a date the page itself labels
"Updated" is the last resort, when it is the only date the article header shows.
"""

from __future__ import annotations

import datetime
import re

from dateline.clean.header import MONTHS, parse_date
from dateline.clean.page import ARTICLE_TYPES, element_text, json_ld_objects, meta_content, schema_types

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
SHOWN_DATE = re.compile(
    rf"\b(?:{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s*\d{{4}}"
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{2}(?!/))(?!\d)", re.IGNORECASE)
_SHORT_YEAR = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2})")
_UPDATED = re.compile(r"(?:updated|modified|revised|reviewed|edited|refreshed)\b[^.\n]{0,25}$", re.IGNORECASE)
_PUBLISHED = re.compile(r"(?:published|posted|written|released|created|first\s+appeared|originally)\b[^.\n]{0,25}$",
                        re.IGNORECASE)
# a republished piece says where it first ran: "This article was originally published on ...",
# "Originally published March 3, 2019" (not "the novel was first published in ...")
_ORIGINAL = re.compile(r"(?:(?:^|\u2029 )|\b(?:article|story|post|piece|column|essay|interview|report|this)\s+"
                       r"(?:was\s+|is\s+)?)(?:originally|first)\s+(?:published|posted|appeared|ran)\b[^.\n\u2029]{0,25}$",
                       re.IGNORECASE)
# a widget's "Today's hours" or "Today:" heading the day of the visit
_TODAY = re.compile(r"(?:^|\u2029 )(?:Today|TODAY)(?:'s|’s)?(?: \w+)?:? ?(?:\u2029 )?$")
# "2025-12-12 - 2025-12-17", "March 3 – March 9, 2026", "16-19 March 2026": a period, not a stamp
_RANGE_START = re.compile(rf"(?:(?<![\w.])\d{{1,2}}[-–]|(?:{_MONTH} ?\d{{1,2}}|\d{{4}}-\d{{2}}-\d{{2}}) ?(?:[-–—]|to|through|until) ?)$",
                          re.IGNORECASE)
_RANGE_JOIN = re.compile(r" ?(?:[-–—]|to|through|until) ?", re.IGNORECASE)
# elements whose dates belong to something other than the article
_NOT_ARTICLE = {"comment", "comments", "commentlist", "related", "sidebar", "footer", "recommended",
                "recommendations", "popular", "trending", "newsletter", "cookie", "breadcrumb", "breadcrumbs",
                "nav", "navbar", "navigation", "menu", "archive", "archives", "calendar", "reply", "replies"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option", "iframe"}
# the end of a block element: whitespace to the date patterns, but a byline reader knows
# that "Written by</p><p>Edzel Tabing</p><div>Table of contents" ends after the name
END_OF_BLOCK = "\u2029 "
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "header", "footer",
               "article", "aside", "nav", "main", "td", "tr", "table", "blockquote", "figure", "figcaption",
               "address", "dd", "dt", "dl", "form", "br"}
_DATE_CLASS = re.compile(r"date|time|byline|posted|publish|meta|author|dateline", re.IGNORECASE)


def shown_day(s: str, day_first: bool | None = None) -> str | None:
    """ISO day of a date as printed ("Aug. 4, 2025", "4 August 2025", "2025/4/29", "08/19/2025", "09/11/24").

    All-number dates are read year first, else by ``day_first`` (what the page's other dates
    prove), else month first with slashes (US) and day first with dots or dashes (Europe)."""
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4})", s)
    if m:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if a > 12 or (b <= 12 and (day_first if day_first is not None else m.group(2) != "/")):
            return _iso(year, b, a)
        return _iso(year, a, b)
    m = _SHORT_YEAR.fullmatch(s)
    if m:  # "09/11/24": this century's
        return shown_day(f"{m.group(1)}/{m.group(2)}/20{m.group(3)}", day_first)
    s = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s.replace(".", " "), flags=re.IGNORECASE)
    s = re.sub(r"\b[A-Z]{3,}\b", lambda w: w.group(0).capitalize(), s)  # "MARCH 3, 2025"
    s = re.sub(r"\bSept\b", "Sep", s, flags=re.IGNORECASE)
    return parse_date(re.sub(r"\s+", " ", s))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def page_reads_day_first(matches: list[str]) -> bool | None:
    """"25/02/2025" anywhere on the page proves that its all-number dates are day first."""
    verdict = None
    for s in matches:
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}", s)
        if m:
            if int(m.group(1)) > 12:
                return True
            if int(m.group(2)) > 12:
                verdict = False
    return verdict


_SPACES = re.compile(r"[^\S\u2029]+")


def page_text(tree) -> tuple[str, list[tuple[int, int, str]], int | None]:
    """The visible text of the page in reading order, the spans of text that sit outside the
    article (comments, related lists, footers: "excluded") or in a date or byline element
    ("date"), and the offset of the headline (the first ``<h1>``), for locating the article
    header. The last page's result is kept: the date and the byline readers share it."""
    global _LAST
    if _LAST is not None and _LAST[0] is tree:
        return _LAST[1]
    parts: list[str] = []
    marks: list[tuple[int, int, str]] = []
    pos = 0
    last = ""  # the text's last character: a space is written once, a block ends once
    h1_at: list[int] = []
    seen_attrs: dict[str, str] = {}

    def add(s: str):
        nonlocal pos, last
        if s.isspace() and "\u2029" not in s:
            s = " "  # indentation between tags, the commonest text of a page
        elif not (s.isprintable() and "  " not in s):  # (single spaces only: nothing to fold)
            s = _SPACES.sub(" ", s)  # layout whitespace is no distance between a headline and its byline
        if s[:1] == " " and last == " ":
            s = s[1:]
        if s:
            parts.append(s)
            pos += len(s)
            last = s[-1]

    def walk(el, in_date: bool, excluded: bool):
        nonlocal pos, last
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS and not swallowed_page(el):
            return
        cls, ident = el.get("class"), el.get("id")
        mark = None
        if (cls or ident) and not excluded:
            attrs = f"{cls or ''} {ident or ''}"
            kind = seen_attrs.get(attrs)
            if kind is None:  # templates repeat their class names: judge each once
                kind = seen_attrs[attrs] = ("other" if not_article_part(attrs) else
                                            "date" if _DATE_CLASS.search(attrs) else "")
            if kind == "other" and tag not in ("body", "html", "main", "article") \
                    and el.find(".//h1") is None:  # a wrapper around the headline is the article's own
                excluded, mark = True, "excluded"
            elif not in_date and (kind == "date" or (kind == "other" and _DATE_CLASS.search(attrs))):
                in_date, mark = True, "date"
        if tag == "time" and not in_date and not excluded:
            in_date, mark = True, "date"
        if tag == "h1" and not excluded:
            h1_at.append(pos)
        start = pos
        if el.text:
            add(el.text)
        for child in el:
            walk(child, in_date, excluded)
            if child.tail:
                add(child.tail)
        if tag in _BLOCK_TAGS:
            if not (parts and parts[-1].endswith(END_OF_BLOCK)):  # nested blocks end once
                parts.append(END_OF_BLOCK)
                pos += 2
                last = " "
        elif last != " ":  # an inline element's end: a space, unless one is there
            parts.append(" ")
            pos += 1
            last = " "
        if mark:
            marks.append((start, pos, mark))

    body = tree.find(".//body")
    walk(body if body is not None else tree, False, False)
    result = ("".join(parts), marks, (h1_at[0] if h1_at else None))
    _LAST = (tree, result)
    return result


_LAST = None


def swallowed_page(el) -> bool:
    """A ``<button>`` the parser never closed holds the rest of the page (a menu button
    wrapping ``<div>``s makes libxml2 nest ``<main>`` inside it): read on into it."""
    return el.tag == "button" and len(el) > 0 and el.find(".//p") is not None


def not_article_part(attrs: str) -> bool:
    """A comment thread, a related-stories list, a sidebar, a footer or a menu: judged by the
    words of its class and id ("comment-list", "site_footer"), not substrings ("elementor-widget")."""
    for token in attrs.lower().split():
        words = [w for w in re.split(r"[_-]+", token) if w]
        if words and (words[0] in _NOT_ARTICLE or words[-1] in _NOT_ARTICLE):
            return True
    return False


class ShownDate:
    __slots__ = ("day", "in_date_element", "in_header", "label", "start")

    def __init__(self, day, start, label, in_header, in_date_element):
        self.day, self.start, self.label = day, start, label
        self.in_header, self.in_date_element = in_header, in_date_element

    def __repr__(self):
        return f"ShownDate({self.day}, {self.start}, {self.label}, header={self.in_header}, el={self.in_date_element})"


def shown_dates(tree, url_day: str | None = None) -> list[ShownDate]:
    """Every date printed on the page outside comments, sidebars and footers, in order.
    A date inside a sentence ("valid through 01/23/2026") is shown but never a header date."""
    text, marks, h1 = page_text(tree)
    excluded = [(a, b) for a, b, k in marks if k == "excluded"]
    date_els = [(a, b) for a, b, k in marks if k == "date"]
    out = []
    matches = list(SHOWN_DATE.finditer(text))
    day_first = page_reads_day_first([m.group(0) for m in matches])
    for m in matches:
        if any(a <= m.start() < b for a, b in excluded):
            continue
        day = url_day if read_as_url_day(m.group(0), url_day) else shown_day(m.group(0), day_first)
        if not day or not plausible_day(day):
            continue
        before = text[max(0, m.start() - 40): m.start()]
        if _TODAY.search(before):
            continue  # the visit's day, not the article's
        label = shown_label(text[max(0, m.start() - 70): m.start()])
        in_el = any(a <= m.start() < b for a, b in date_els)
        if _SHORT_YEAR.fullmatch(m.group(0)) and not (label and in_el):
            continue  # "1/2/25" is a date only where the page stamps one
        header = in_article_header(m.start(), h1, len(text)) and (in_el or not date_in_sentence(before)) \
            and not in_date_range(before, text[m.end(): m.end() + 30])
        out.append(ShownDate(day, m.start(), label, header, in_el))
    return out


def shown_label(before: str) -> str | None:
    """What the words before a date say it is: "original" (where a republished piece first
    ran), "updated", "published" or nothing."""
    if _ORIGINAL.search(before):
        return "original"
    if _UPDATED.search(before):
        return "updated"
    return "published" if _PUBLISHED.search(before) else None


def in_date_range(before: str, after: str) -> bool:
    """An event's or a report's period ("2025-12-12 - 2025-12-17", "16-19 March 2026"):
    neither end is the day the page was published."""
    join = _RANGE_JOIN.match(after)
    return bool(join and SHOWN_DATE.match(after, join.end()) or _RANGE_START.search(before))


def read_as_url_day(printed: str, url_day: str | None) -> bool:
    """"03/10/2023" on a page whose URL says /2023/october/03/: the URL settles which
    number is the day."""
    m = url_day and re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", printed)
    if not m:
        return False
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return url_day in (_iso(year, a, b), _iso(year, b, a))


# the word before a date that makes it part of a sentence, not a dateline or byline stamp:
# "valid through 01/23/2026", "is April 15, 2025", "Last active December 20, 2025"
_SENTENCE_BEFORE = re.compile(r"\b(?:through|from|until|till|to|is|are|was|were|be|been|before|after|since|by|"
                              r"beginning|starting|effective|active|between|than|expires?|ends?|due|until)\s*$",
                              re.IGNORECASE)


def date_in_sentence(before: str) -> bool:
    return bool(_SENTENCE_BEFORE.search(before))


def in_article_header(at: int, h1: int | None, size: int) -> bool:
    """Dates printed just above or below the headline belong to the article (a byline
    line, a dateline); without a headline, the top of the page."""
    if h1 is None:
        return at < min(2000, size // 4 + 1)
    return h1 - 600 <= at <= h1 + 900


def plausible_day(day: str) -> bool:
    """Not in the future (a copyright year, an event date) and not before the web."""
    d = datetime.date.fromisoformat(day)
    return datetime.date(1994, 1, 1) <= d <= datetime.date.today() + datetime.timedelta(days=2)


def choose_published(structured: list[tuple[str, str]], shown: list[ShownDate], url_day: str | None,
                     declared_article: bool = True) -> str | None:
    """The publication day from structured (day, source) candidates and the dates shown."""
    return published_with_reason(structured, shown, url_day, declared_article)[0]


def published_with_reason(structured: list[tuple[str, str]], shown: list[ShownDate], url_day: str | None,
                          declared_article: bool = True) -> tuple[str | None, str]:
    """The publication day and the name of the rule that chose it.

    Order of trust:
    0. the one day the article says it was "originally published" (a republished or
       syndicated piece shows its new date in the header);
    1. a header date labelled "Published"/"Posted";
    2. a header date the dated URL path also gives (two independent witnesses);
    3. a structured published date that the page shows somewhere other than as an update
       (the day, or the day before it: a UTC timestamp after local midnight), then a dated
       URL the page shows;
    4. the first header date with no label;
    5. a dated URL path;
    6. a structured date from article-specific metadata (not a ``WebPage`` block) when the
       header shows no date, or only "Updated" ones and the date is an article:published_time
       (an evergreen guide's header shows its last revision; its metadata still knows when it
       was first published), on a page that declares itself an article (``og:type``):
       a product, landing or tool page whose template stamps a date shows its reader none;
    7. a header date labelled "Updated", when it is the only date the header shows;
    8. the one day the page labels "Published" in a date element away from the headline."""
    header = [d for d in shown if d.in_header]
    # a day the page prints only as "Updated ..." is a revision, not a publication witness
    shown_days = {d.day for d in shown if d.label != "updated"}
    header_days = {d.day for d in header if d.label != "updated"}
    updated_days = {d.day for d in header if d.label == "updated"}
    original = {d.day for d in shown if d.label == "original"}
    if len(original) == 1:  # "originally published on ...": the header shows a republication
        return original.pop(), "original"
    for d in header:
        if d.label == "published":
            return d.day, "header-published"
    if url_day and url_day in header_days:
        return url_day, "header-url"
    for day, _source in structured:
        if day in shown_days:
            return day, "structured-shown"
        prev = _shift(day, -1)
        if prev in header_days and url_day in (None, prev) or url_day == prev:
            return prev, "structured-utc"  # a UTC timestamp after local midnight: the page shows the local day
    if url_day and url_day in shown_days:
        return url_day, "url-shown"
    for d in header:
        if d.label is None:
            return d.day, "header"
    if url_day:
        return url_day, "url"
    only_updates = bool(header) and all(d.label == "updated" for d in header)
    for day, source in structured:
        if source == "webpage" or day in updated_days:
            continue
        if not declared_article and source != "markup":
            continue  # a <time> element the reader sees needs no declaration
        if not header or (only_updates and source == "meta"):
            return day, "structured-unseen"
    for d in header:
        if d.label == "updated":
            return d.day, "header-updated"
    labelled = {d.day for d in shown if d.label == "published" and d.in_date_element}
    if len(labelled) == 1:  # "Published Feb 2, 2023" in a date element below a long article
        return labelled.pop(), "labelled-elsewhere"
    return None, "none"


def _shift(day: str, n: int) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=n)).isoformat()


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

    if article is not None and schema_types(article) & (ARTICLE_TYPES - {"webpage"}):
        add(article.get("datePublished"), "article")
    add(meta_content(tree, *_PUBLISHED_META), "meta")
    for el in tree.iter():  # itemprop datePublished, <time pubdate>, <time class="...publish...">
        if el.get("itemprop") == "datePublished" or (el.tag == "time" and (
                el.get("pubdate") is not None or "publish" in (el.get("class") or ""))):
            add(el.get("datetime") or el.get("content") or element_text(el), "markup")
    times = [t for t in tree.iter("time") if t.get("datetime") is not None
             and next(t.iterancestors("article", "header"), None) is not None and headline_time(t)]
    if times:  # the article's own first <time>, not one of a related-stories list
        add(times[0].get("datetime"), "markup")
    for el in tree.xpath('//meta[contains(translate(@name,"PUBLISH","publish"),"publish") or '
                         'contains(translate(@property,"PUBLISH","publish"),"publish")]'):
        add(el.get("content"), "meta")  # vendor names: "w-published-date", "publish_timestamp"
    for o in objects:
        if "webpage" in schema_types(o) or o is article:
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
    """The date the page shows for the article, checked against its metadata (see above)."""
    if objects is None:
        objects = json_ld_objects(tree)
    structured = structured_dates(tree, objects, article)
    shown = revisions_labelled(shown_dates(tree, url_day(url)), modified_days(tree, article),
                               {day for day, _source in structured})
    return choose_published(structured, shown, url_day(url), declares_article(tree, article))


_MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")


def modified_days(tree, article: dict | None) -> set[str]:
    """The days the page's metadata gives as its last revision (never a publication date)."""
    values = [article.get("dateModified")] if article else []
    values += [meta_content(tree, name) for name in _MODIFIED_META]
    return {day for day in map(iso_day, values) if day}


def revisions_labelled(shown: list[ShownDate], modified: set[str], published: set[str]) -> list[ShownDate]:
    """A date printed with no label that the metadata gives as the last revision, and not as
    the publication, is an update stamp: many templates print the modified date bare under
    the headline ("Jane Roe · June 2, 2025") while the metadata still knows when the piece
    first ran."""
    for d in shown:
        if d.label is None and d.day in modified and d.day not in published:
            d.label = "updated"
    return shown


_NEWS_TYPES = {"newsarticle", "reportagenews", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
               "backgroundnewsarticle", "liveblogposting"}


def declares_article(tree, article: dict | None = None) -> bool:
    """The page presents itself as a dated piece of writing: a JSON-LD NewsArticle (a generic
    "Article" is many templates' default), ``og:type`` "article", or, with no ``og:type``,
    OpenGraph's article namespace (``article:published_time``)."""
    if article and schema_types(article) & _NEWS_TYPES:
        return True  # a NewsArticle block outranks a template's og:type "website"
    og = (meta_content(tree, "og:type") or "").strip().lower()
    if og:
        return og == "article"
    return meta_content(tree, "article:published_time") is not None
