"""The headline of an HTML page: the visible ``<h1>`` checked against the structured title.

The page states its title three ways (JSON-LD ``headline``, ``og:title``, ``<title>``) and
shows one (the ``<h1>``). The shown headline wins when it agrees with the stated one; a
masthead, a section banner, post metadata or a description in the ``<h1>`` does not.
"""

from __future__ import annotations

import re
import html as html_lib

from dateline.clean.page import element_text, fold_key, meta_content

_TITLE_SEP = re.compile(r"\s+[|–—:·•»-]\s+|\s+-\s+")


def strip_site_suffix(title: str, site: str | None) -> str:
    """"Headline | Site Name" -> "Headline" (also a site prefix "Site: Headline")."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title
    site_key = fold_key(site or "")
    last, first = parts[-1], parts[0]
    if site_key and site_key in fold_key(last):  # (equal, or the site's name within the part)
        return title[: title.rfind(last)].rstrip(" |–—:·•»-").strip()
    if site_key and fold_key(first) == site_key:
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
    social = meta_content(tree, "og:title", "twitter:title")
    if not structured or (social and cut_short(structured, social)):
        structured = social
    titles = tree.xpath("//title")
    page_title = re.sub(r"\s+", " ", element_text(titles[0])).strip() if titles else None
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
    h, t = fold_key(h1), fold_key(title)
    return (h in t or t in h) and len(h) > 5 and 2 * len(h) > len(t)


def cut_short(headline: str, other: str) -> bool:
    """A JSON-LD headline cut at a length limit ("... Solutions (Including") where the
    OpenGraph title goes on: the longer title is the headline."""
    other, headline = fold_key(html_lib.unescape(other)), fold_key(html_lib.unescape(headline))
    return len(other) > len(headline) >= 40 and other.startswith(headline)


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
    return {fold_key(n) for n in names} - {""}


def is_site_banner(text: str, banners: set[str]) -> bool:
    """The page's masthead set as an h1 on every page of the site: its name ("Acme Journal"),
    a domain ("acme.com"), "Jane's Blog", or a section label ("Our Blog")."""
    key = fold_key(text)
    return (key in banners or _SECTION_BANNER.fullmatch(text.strip()) is not None
            or re.fullmatch(r"[\w-]+(?:\.[a-z]{2,6})+", text.strip(), re.IGNORECASE) is not None
            or re.fullmatch(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s [Bb]log", text.strip()) is not None)


def h1s_banner(tree, banners: set[str]) -> str | None:
    """The masthead h1's text, if the page has one."""
    return next((t for t in (element_text(h).strip() for h in tree.xpath("//h1")) if t and is_site_banner(t, banners)), None)


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
    name = meta_content(tree, "og:site_name", "application-name", "twitter:site")
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
    return {fold_key(x) for x in labels} - {""}
