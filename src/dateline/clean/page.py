"""The parsed page: one lxml tree and what the page states about itself.

Parsed once (the metadata readers, the pruning and trafilatura share the tree); the JSON-LD
objects and the ``<meta>`` tags are read once and shared by the title, byline and date
readers.
"""

from __future__ import annotations

import json
import re

ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenews", "analysisnewsarticle",
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
    from lxml import etree

    global _PARSER
    if _PARSER is None:
        _PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        # every element an HtmlElement, looked up in C: lxml.html's own lookup is Python code
        # that runs for each element proxy (a tenth of the cleaner's time, trafilatura's share
        # included) to hand out form and input classes that nothing here uses
        _PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return _PARSER


def element_text(el) -> str:
    return "".join(el.itertext())


_SPACES = re.compile(r"\s+")


_NOT_WORD = re.compile(r"\W+")


def fold_key(s: str) -> str:
    """``s`` folded to its lower-case letters and digits: the same name or line however it
    is spaced, punctuated or capitalised ("Acme-News" and "acme news")."""
    return _NOT_WORD.sub("", s.casefold())


def flat_text(el) -> str:
    """An element's text as one line: whitespace runs folded to single spaces."""
    return _SPACES.sub(" ", el.text_content()).strip()


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


def schema_types(obj: dict) -> set[str]:
    t = obj.get("@type")
    return {str(x).lower() for x in (t if isinstance(t, list) else [t]) if x}


def article_object(objects: list[dict]) -> dict | None:
    """The JSON-LD object that describes the article (a NewsArticle over a WebPage)."""
    best = None
    for obj in objects:
        types = schema_types(obj)
        if types & (ARTICLE_TYPES - {"webpage"}):
            return obj
        if "webpage" in types and best is None and (obj.get("datePublished") or obj.get("headline")):
            best = obj
    return best


def meta_content(tree, *names: str) -> str | None:
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
