"""Flattened text: header, dateline and boilerplate out, paragraphs normalised.

Order matters: code blobs first (they can be glued onto the header or a paragraph), then
the header at the top, then the junk detectors of ``junk``, then the dateline that opens
the first remaining paragraph. Every cut piece is kept in ``boilerplate`` with its reason;
nothing is added to the text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.clean import Cleaned, junk, sitetalk, widgets
from dateline.clean.code import find_css, find_js
from dateline.clean.dateline import leading_agency_credit, match_dateline
from dateline.clean.header import split_header
from dateline.record import Boilerplate

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalise_text(text: str) -> str:
    """Unix newlines, no invisible characters, one space between words."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text)


def cut_spans(text: str, spans: list[tuple[int, int, str]], boilerplate: list[Boilerplate]) -> str:
    """Remove spans (overlaps merged, first reason kept), each leaving a line break behind."""
    if not spans:
        return text
    spans = sorted(spans, key=lambda s: (s[0], -s[1]))
    merged: list[list] = []
    for start, end, reason in spans:
        if end <= start:
            continue
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            continue
        merged.append([start, end, reason])
    out = []
    pos = 0
    for start, end, reason in merged:
        piece = text[start:end].strip()
        if piece:
            boilerplate.append(Boilerplate(text=piece, reason=reason))
        if reason in widgets.INLINE_REASONS:  # inside a sentence: the words around it close up
            out.append(text[pos:start].rstrip(" \t"))
            out.append("" if re.match(r"[ \t]*(?:[.,;:!?)\n]|$)", text[end:]) else " ")
            end += len(text[end:]) - len(text[end:].lstrip(" \t"))
        else:
            out.append(text[pos:start])
            out.append("\n")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def remove_markup(text: str, boilerplate: list[Boilerplate]) -> str:
    """HTML a careless flattener left: entities decoded, tags and shortcodes cut."""
    text = widgets.decode_entities(text)
    return cut_spans(text, widgets.markup_remnants(text), boilerplate)


def remove_code(text: str, boilerplate: list[Boilerplate]) -> str:
    """CSS rule runs and script statements, glued or not."""
    # scripts first: an object literal "{ c1: "2" }" would pass for a CSS block
    spans = [(s, e, "script") for s, e in find_js(text)]
    text = cut_spans(text, spans, boilerplate)
    spans = [(s, e, "css") for s, e in find_css(text)]
    return cut_spans(text, spans, boilerplate)


def junk_spans(text: str, aggressive: bool = True) -> list[tuple[int, int, str]]:
    """Every detector's spans; scraped text (``aggressive``) adds the line-shape detectors,
    site talk and the page widgets."""
    spans = (junk.share_widgets(text) + junk.aggregator_footers(text) + junk.advertisement_labels(text)
             + junk.page_markers(text) + junk.image_captions(text) + junk.consent_and_signup(text)
             + junk.related_links(text) + junk.inline_interface(text))
    if aggressive:
        spans += junk.interface_lines(text) + junk.link_lists(text) + junk.interface_sentences(text)
        spans += sitetalk.site_talk(text)
        spans += widgets.widget_spans(text, furniture_line)
    return spans


@lru_cache(maxsize=8192)  # the second pass and the glue scans ask again about the same lines
def furniture_line(line: str) -> bool:
    """A line that is page furniture as a whole: one of the line tests takes all of it, or
    each of its sentences is site talk."""
    line = line.strip()
    if len(line) > 400:
        return False  # furniture is short; a paragraph is not
    if widgets.interface_only(line) or widgets.is_list_label(line) or widgets.is_navigation(line) \
            or sitetalk.is_chrome_line(line):
        return True
    spans = [span for detect in widgets.LINE_DETECTORS for span in detect(line)]
    if any(s == 0 and e >= len(line) for s, e, _ in spans):
        return True
    judged = False
    for s, e in sitetalk.iter_sentences(line):  # one by one: prose fails at its first sentence
        sentence = line[s:e].strip()
        if len(sentence) > 300 or sitetalk.sentence_kind(sentence) is None:
            return False
        judged = True
    return judged


def is_short_furniture(paragraph: str) -> bool:
    """A line too short to open a story ("This content is not available in your region."), or
    one that closes with no statement ("Quiz: How well do you know energy?", a headline in
    quotes): in scraped text, leftovers above the story's first paragraph."""
    words = len(paragraph.split())
    return words <= 12 or (words <= 30 and not re.search(r"[.!]['”\"’)]?$", paragraph))


def paragraphs_of(text: str) -> list[str]:
    """Every non-empty line is a paragraph (flattened text lost the difference)."""
    return [p for p in (line.strip() for line in text.split("\n")) if p and re.search(r"\w", p)]


def is_heading(paragraph: str) -> bool:
    """A short line with no sentence end: a headline or crosshead."""
    return len(paragraph.split()) <= 20 and not re.search(r"[.!?:;]['”\"’)]?$", paragraph)


def headline_on_top(paragraphs: list[str], dateline_under_it: bool) -> bool:
    """Scraped text often starts with the headline: a short line with no sentence end, in
    headline shape, above a paragraph of prose (or above the dateline)."""
    if len(paragraphs) < 2 or not is_heading(paragraphs[0]):
        return False
    head, first = paragraphs[0], paragraphs[1]
    words = head.split()
    if dateline_under_it:
        return len(words) >= 3
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    prose = len(first.split()) > len(words) and re.search(r"[.!?]['”\"’)]?$", first) is not None
    return 4 <= len(words) and capitalised >= 2 and head[:1].isupper() and prose


def take_dateline(paragraphs: list[str], aggressive: bool, boilerplate: list[Boilerplate]):
    """The dateline opening the story's first paragraph: the first one, or the first under a
    headline; in scraped text also under short lines of furniture no detector knew (a stray
    label, a lone "A"), or after such a leftover glued onto its line. (dateline, row) or (None, None)."""
    for k in range(min(5 if aggressive else 2, len(paragraphs))):
        found = match_dateline(paragraphs[k])
        if found is None and aggressive:
            found = dateline_after_leftover(paragraphs, k, boilerplate)
        if found is not None:
            dateline, body_start = found
            boilerplate.append(Boilerplate(text=dateline.text, reason="dateline"))
            paragraphs[k] = paragraphs[k][body_start:].strip()
            if not paragraphs[k]:
                paragraphs.pop(k)
            return dateline, k
        credit = leading_agency_credit(paragraphs[k])
        if credit:
            boilerplate.append(Boilerplate(text=paragraphs[k][:credit].strip(), reason="agency-credit"))
            paragraphs[k] = paragraphs[k][credit:]
            break
        if not is_heading(paragraphs[k]) and not (aggressive and is_short_furniture(paragraphs[k])):
            break
    return None, None


_PLACE_START = re.compile(r"(?<=[.!?)…\w])[ \t]+(?=[A-Z]{3,})")


def dateline_after_leftover(paragraphs: list[str], k: int, boilerplate: list[Boilerplate]):
    """"Checking your browser ... site. LIMA -- Firefighters ...": the story starts at its
    dateline, so a few words glued on before it (up to 20) are the page's. The paragraph is cut
    to start at the dateline; match_dateline's answer for it is returned."""
    paragraph = paragraphs[k]
    for m in _PLACE_START.finditer(paragraph[:200]):
        if len(paragraph[:m.start()].split()) > 20:
            break
        found = match_dateline(paragraph[m.end():])
        if found is not None:
            boilerplate.append(Boilerplate(text=paragraph[:m.start()].strip(), reason="before-dateline"))
            paragraphs[k] = paragraph[m.end():]
            return found
    return None


def clean_text(text: str, aggressive: bool = True) -> Cleaned:
    """Clean flattened text. ``aggressive`` adds the line-shape detectors (menus, UI lines),
    which are safe on scraped text but not needed on a body an HTML extractor already chose."""
    boilerplate: list[Boilerplate] = []
    if aggressive:
        text = remove_markup(text, boilerplate)
    text = normalise_text(text)
    text = remove_code(text, boilerplate)

    header, rest = split_header(text)
    scanned, spans = rest, junk_spans(rest, aggressive)
    text = cut_spans(text if header is None else rest, spans, boilerplate)
    if header is None:
        # junk above the header ("cookie notice, then the byline"): look again
        header, rest = split_header(text)
        if header is not None:
            text = rest
    if aggressive:
        if text != scanned:
            # a cut frees what was glued to the piece it took ("Listen to this article 5 min Learn more");
            # where nothing was cut, a second look would find what the first found: nothing
            text = cut_spans(text, junk_spans(text, aggressive), boilerplate)
        # then what is left that the story does not own: short lines off its topic, and under its end
        # (a dateline over a short first paragraph is the story's: "WASHINGTON (Reuters) – BAAR, SWITZERLAND")
        strays = [s for s in widgets.stray_lines(text) + widgets.stray_tails(text)
                  if match_dateline(text[s[0]:s[1]].strip()) is None]
        text = cut_spans(text, strays + widgets.trailing_furniture(text), boilerplate)
    if header is not None:
        boilerplate.insert(0, Boilerplate(text=header.text, reason="header-byline" if header.authors else "header-date"))
        # stray pieces right under the header ("6 min read")
        text = re.sub(r"^\s*\d+\s*min(?:ute)?s?\s+read\b", "", text, flags=re.I)

    paragraphs = paragraphs_of(text)
    dateline, dateline_row = take_dateline(paragraphs, aggressive, boilerplate)
    title = None
    if aggressive and headline_on_top(paragraphs, dateline_under_it=dateline_row == 1):
        title = paragraphs.pop(0)
        boilerplate.append(Boilerplate(text=title, reason="headline (kept as title)"))
    return Cleaned(
        text="\n\n".join(paragraphs),
        title=title,
        authors=header.authors if header else [],
        published=header.published if header else None,
        dateline=dateline,
        boilerplate=boilerplate,
    )
