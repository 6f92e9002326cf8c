"""Boilerplate a scraper leaves in the text, each kind a small named detector.

Detectors look at shape more than at strings: a run of social network names, a short line
of interface verbs, a credit pattern (``Photo: Name/Agency``), a label followed by a URL, a
consent sentence about cookies. Each returns the spans it removes with its reason.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str]


def lines_with_offsets(text: str):
    """Each line of ``text`` with the offset where it starts: detectors work line by line and
    report spans into the whole text."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def matches(pattern: re.Pattern, text: str, needs: re.Pattern):
    """``pattern.finditer(text)``, skipped when ``needs`` (a plain literal that every match of
    ``pattern`` contains) is absent: patterns that open with look-behinds are tried at every
    position of the text, a literal search is not."""
    return pattern.finditer(text) if needs.search(text) else iter(())


# characters a case-blind pattern matches to an ASCII letter that ``str.lower`` does not give
_ODD_FOLDS = re.compile("[\u017f\u0130\u0131\u212a]")


def literals(*words: str) -> re.Pattern:
    """The lower-case literals of which every match of a case-blind pattern holds one."""
    return re.compile("|".join(map(re.escape, words)))


def may_hold(s: str, needs: re.Pattern) -> bool:
    """False only where the lower-cased ``s`` holds none of ``needs`` (``literals``): a
    case-sensitive literal search is far cheaper than a case-blind pattern tried at every
    position of the sentence."""
    return needs.search(s.lower()) is not None or (not s.isascii() and _ODD_FOLDS.search(s) is not None)


_SOCIAL = (r"(?:Facebook|Twitter|X|WhatsApp|Whatsapp|LinkedIn|Linkedin|Pinterest|E-?mail|Reddit|Telegram|"
           r"Print|Tumblr|Pocket|Messenger|Flipboard|Threads|Bluesky|Mastodon|Copy link|SMS)")
_SHARE_ITEM = (
    rf"(?:Share(?:[ \t]+(?:this|article|story|post))?(?:[ \t]*(?:on|via)[ \t]+{_SOCIAL})?[ \t]*:?"
    r"|SHARE|Like this:?|Like Loading\.\.\.|Loading\.\.\.|Tweet|Pin it|"
    rf"Click to (?:share|email|print)[^\n]{{0,60}}?\(Opens in new window\)|{_SOCIAL})"
)
_SHARE_RUN = re.compile(rf"(?=[A-Z])(?<![\w])(?:{_SHARE_ITEM})(?:[ \t]*\n?[ \t]*(?:{_SHARE_ITEM})){{1,12}}(?![\w])")
_SOCIAL_NAME = re.compile(_SOCIAL)


def share_widgets(text: str) -> list[Span]:
    """Runs of share buttons: "Share this: Facebook Twitter", one per line or on one line."""
    out = []
    for m in _SHARE_RUN.finditer(text):
        chunk = m.group(0)
        items = len(re.findall(_SHARE_ITEM, chunk))
        if items >= 2 and (_SOCIAL_NAME.search(chunk) or "Share" in chunk or "SHARE" in chunk):
            # one or two network names in prose ("on Facebook and Twitter") need a share word
            if not re.search(r"share|like this|loading", chunk, re.I) and items < 3:
                continue
            out.append((m.start(), m.end(), "share-widget"))
    return out


_URL = r"(?:https?://|www\.)\S+"
# at the text's start, after whitespace or after a sentence's end: one negative look-behind
# (no character but these before it), which the regex engine tries far faster at every
# position than an alternation of look-behinds
_AFTER_BREAK = r"(?<![^\s.!?”\"])"
_FOOTER = re.compile(
    rf"(?=[A-Z]){_AFTER_BREAK}"
    rf"(?P<label>(?:[A-Z][\w'’]*(?:[ \t]+[\w'’]+){{0,6}}))[ \t]*:[ \t]*{_URL}"
)
_RETRIEVED_NO_URL = re.compile(r"(?=[CcRrOo])(?:Content retrieved from|Read the original article at|Originally published at)"
                               r"\s*:?\s*$",
                               re.I | re.M)
_FOOTER_LABEL = re.compile(r"\b(?:source|retrieved|original|originally|published|read|via|from|article|story|"
                           r"appeared|courtesy|link|more)\b", re.I)


_FOOTER_NEEDS = re.compile(r"https?://|www\.")


def aggregator_footers(text: str) -> list[Span]:
    """"Content retrieved from: URL", "Source: URL", "Read the original article at: URL"."""
    out = []
    for m in matches(_FOOTER, text, _FOOTER_NEEDS):
        if _FOOTER_LABEL.search(m.group("label")):
            start = m.start("label")
            out.append((start, m.end(), "aggregator-footer"))
    for m in _RETRIEVED_NO_URL.finditer(text):
        out.append((m.start(), m.end(), "aggregator-footer"))
    return out


_AD = re.compile(
    r"(?:(?<=\n)|^|(?<=[.!?”\";)}]\s)|(?<=[.!?”\"])|(?<=[a-z])(?=Story continues|Advertisement|ADVERTISEMENT|Sponsored Content))[ \t]*"
    r"(?:Story continues below(?: this)? advertisement|Article continues below(?: this)? (?:advertisement|ad)"
    r"|(?:ADVERTISEMENT|Advertisement|Sponsored Content|SPONSORED CONTENT|Sponsored|Paid Content|Promoted Content|"
    r"Partner Content|ADVERTISING|Advertising)"
    r"(?:[ \t]*(?:[-–—:][ \t]*)?\n?[ \t]*(?:Scroll to continue with content|Continue reading below|"
    r"Story continues below|Continue reading the main story))?)"
    r"[ \t]*(?=\n|$|[ \t]+[A-Z\"“(]|[A-Z])", re.M)


_AD_NEEDS = re.compile(r"continues below|ADVERTIS|Advertis|Sponsored|SPONSORED|Paid Content|Promoted Content|"
                       r"Partner Content")


def advertisement_labels(text: str) -> list[Span]:
    """"Advertisement", "Sponsored Content", "Story continues below advertisement" standing alone."""
    return [(m.start(), m.end(), "advertisement") for m in matches(_AD, text, _AD_NEEDS)]


_DASHED = r"[-–—][ \t]*\d{1,3}(?:[ \t]*[-–—])?"
_PAGE_OF = r"Page[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}"
# one marker a line, or a dashed number run into "Page n of m" when two pagers met
# ("- 5 - Page 1 of 3", "- 3Page 4 of 6")
_PAGE = re.compile(
    rf"^[ \t]*(?:{_DASHED}|\d{{1,3}}|\d{{1,3}}[ \t]*/[ \t]*\d{{1,3}}|\[\d{{1,3}}\]|[<‹«][ \t]*(?:Prev(?:ious)?|Next)[ \t]*[>›»]?"
    rf"|(?:{_DASHED}[ \t]*)?{_PAGE_OF}(?:[ \t]*{_DASHED})?)[ \t]*$",
    re.M | re.I,
)
_BARE_NUMBER = re.compile(r"\s*(?:\d{1,3}|\[\d{1,3}\])\s*")
_PAGE_INLINE = re.compile(r"(?=[P\d\-–—])(?:"  # the characters a marker below can open with
                          r"(?<![\w])Page[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}(?![\w])"
                          # "- 4 Next paragraph": a marker whose line break was lost
                          # (the rest of the line is a paragraph of prose, not a list item "- 2 Week Trip")
                          r"|^[-–—][ \t]*\d{1,3}(?:[ \t]*[-–—])?(?=[ \t]+[A-Z](?:[^\n.!?]*[ \t]){9}[^\n]*[.!?])"
                          # "...the end.1": a page number glued after the last sentence of a line
                          # (after a word, never after a digit: "$799.99", "GPA: 3.6")
                          r"|(?<=[^\W\d_][.!?”\"])\d{1,2}$|(?<=[^\W\d_][.!?][”\"])\d{1,2}$"
                          r"|(?<=[.!?”\"] )[-–—][ \t]?\d{1,3}(?:[ \t]?[-–—])?$|(?<=[^\W\d_][.!?”\"])[-–—][ \t]?\d{1,3}(?:[ \t]?[-–—])?$)",
                          re.M)


# what each branch of _PAGE_INLINE holds, without its look-behind: "Page", a dash and a number
# opening a line, a dash and a number or a number closing a line after a sentence end
_PAGE_INLINE_NEEDS = re.compile(r"Page|^[-–—][ \t]*\d|[.!?”\"][ \t]?[-–—][ \t]?\d{1,3}(?:[ \t]?[-–—])?$|[.!?”\"]\d{1,2}$", re.M)


def page_markers(text: str) -> list[Span]:
    """Lone list or page markers: "- 1", "- 2 -", "Page 2 of 3", a bare page number."""
    out = [(m.start(), m.end(), "page-marker") for m in _PAGE.finditer(text)
           if not _BARE_NUMBER.fullmatch(m.group(0)) or between_prose(text, m.start(), m.end())
           or closes_the_text(text, m.start(), m.end())]
    out += [(m.start(), m.end(), "page-marker") for m in matches(_PAGE_INLINE, text, _PAGE_INLINE_NEEDS)]
    return sorted(set(out))


def _is_marker_or_credit(line: str) -> bool:
    return bool(_PAGE.fullmatch(line) or re.fullmatch(r"\([^()]{0,80}\)", line))


def _neighbour_lines(text: str, start: int, end: int) -> tuple[str, str]:
    """The nearest non-empty lines above and below text[start:end], other markers and
    bracketed credits skipped."""
    above = [x.strip() for x in text[:start].split("\n") if x.strip() and not _is_marker_or_credit(x.strip())]
    below = [x.strip() for x in text[end:].split("\n") if x.strip() and not _is_marker_or_credit(x.strip())]
    return (above[-1] if above else ""), (below[0] if below else "")


def closes_the_text(text: str, start: int, end: int) -> bool:
    """A lone small number as the very last line is the pager under the story, unless it
    answers a label above it (a flattened table's last cell: "Goals" / "3")."""
    if text[end:].strip() or not re.fullmatch(r"\s*\d{1,2}\s*", text[start:end]):
        return False
    above, _ = _neighbour_lines(text, start, end)
    return bool(above) and (re.search(r"\d", above) is not None or len(above.split()) >= 7)


def between_prose(text: str, start: int, end: int) -> bool:
    """A bare number is a page marker only between paragraphs of prose; next to short lines it
    is a table cell, a list value or a score (flattened tables keep one cell a line)."""
    above, below = _neighbour_lines(text, start, end)
    def prose(line: str) -> bool:
        return len(line.split()) >= 7 or (len(line.split()) >= 4 and re.search(r"[.!?:”\"]$", line) is not None)
    return (not above or prose(above)) and (not below or prose(below))


_CREDIT_NAME = r"[A-Z][\w.'’&-]*(?:[ \t]*/[ \t]*|[ \t]+)?(?:(?:[A-Z][\w.'’&-]*|via|for|and)(?:[ \t]*/[ \t]*|[ \t]+)?){0,6}"
_CREDIT = re.compile(
    # every credit opens with a bracket, a bar or a capital: the look-ahead spares the
    # alternatives below at every other position
    r"(?=[(|A-Z])(?:"
    r"\((?:Photo|Image|Picture|Photograph|Pic|Credit|Video|Illustration)s?(?:[ \t]+(?:credit|courtesy|by))?[ \t]*:?[ \t]*[^()\n]{2,80}\)"
    rf"|(?:[|][ \t]*)?(?:Photo|Image|Picture|Photograph|Pic|Illustration|Video)s?(?:[ \t]+(?:credit|courtesy))?[ \t]*:[ \t]*{_CREDIT_NAME}"
    rf"|(?:Photo|Image|Picture)s?[ \t]+(?:by|courtesy(?:[ \t]+of)?)[ \t]+{_CREDIT_NAME}"
    rf"|(?:Credit|Getty Images|AFP|Reuters|REUTERS|EPA|AP Photo)[ \t]*/[ \t]*{_CREDIT_NAME}"
    # "(AFP via Getty Images)", "(Jane Roe/AFP via Getty Images)": an agency credit in brackets
    r"|\((?:[^()\n]{0,60}?/[ \t]*)?(?:AFP|AP|Reuters|EPA|Xinhua|Anadolu(?: Agency)?|Bloomberg|Pool|[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,2})"
    r"(?:[ \t]+via[ \t]+Getty Images|[ \t]*/[ \t]*(?:Getty Images|Shutterstock|AFP|AP|Reuters|EPA))[ \t]*\)"
    # "Jane Roe/AP", "Jane Roe / Getty Images" at the end of a caption line
    r"|(?<![\w/])[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3}[ \t]*/[ \t]*(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Shutterstock|Bloomberg|"
    r"Xinhua|Anadolu Agency|AP Photo|The Associated Press)(?:[ \t]*/[ \t]*File(?: Photo)?)?(?=[ \t]*(?:\n|$))"
    r")"
)
# a sentence end before a space, or glued straight onto the next capitalised word ("areas.Protesters")
_SENT_END = re.compile(r"[.!?…][”\"’')\]]*[ \t]+|(?<=[a-z][.!?])(?=[A-Z][a-z])")


_CREDIT_NEEDS = re.compile(r"Photo|Image|Picture|Pic|Credit|Video|Illustration|Getty|AFP|Reuters|REUTERS|EPA|/")


def image_captions(text: str) -> list[Span]:
    """Captions with credits; the caption sentence just before the credit goes with it."""
    out = []
    for m in matches(_CREDIT, text, _CREDIT_NEEDS):
        start, end = m.start(), m.end()
        credit = m.group(0)
        if not re.search(r"[A-Z]", credit):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        # the caption text: back to the previous sentence end or the line start, when short
        bounds = [x.end() for x in _SENT_END.finditer(before[:-2] if before.rstrip().endswith(".") else before)]
        cap_from = line_start + (bounds[-1] if bounds else 0)
        caption = text[cap_from:start]
        stripped = before.rstrip()
        file_photo = before.rfind("FILE PHOTO:")
        if file_photo >= 0:  # "FILE PHOTO: caption. REUTERS/Name" glued onto a paragraph
            out.append((line_start + file_photo, end, "caption"))
            continue
        glued_to_paragraph = len(before.split()) > 30 and not credit.startswith("|") and bounds
        bare_credit = not re.match(r"[|(]|(?:Photo|Image|Picture|Pic|Credit|Illustration|Video)", credit)
        if glued_to_paragraph or (bare_credit and bounds):
            # a credit glued after a paragraph, or a bare "Name/AP" after a sentence: the
            # sentence before it is the story's
            pass
        elif caption.strip() and len(caption.split()) <= 18 and (
            credit.startswith("|") or stripped.endswith(".") or not bounds or credit.startswith("(")
        ):
            if credit.startswith("(") and not stripped.endswith((".", "|")) and bounds:
                cap_from = start  # "(Photo: X)" inside a sentence: only the credit
            start = cap_from
        elif credit.startswith("(") or not caption.strip():
            pass
        else:
            start = m.start()
        out.append((start, end, "caption"))
    return out


_COOKIE = re.compile(r"\bcookies?\b", re.I)
_CONSENT = re.compile(r"\b(?:accept|agree|consent|opt[- ]?out|continu\w*|experience|policy|settings|use of|"
                      r"preferences|browsing|this (?:site|website)|our (?:site|website))\b", re.I)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|inbox|sign[ -]?up|subscribe|subscription|e-?mail address|breaking news alerts?|"
    r"news alerts?|daily briefing|never miss)\b", re.I)
_IMPERATIVE_UI = re.compile(
    r"^(?:click|tap|follow|like|join|download|get|sign|subscribe|register|log|enter|never miss|don't miss|"
    r"do not miss|stay|read|watch|listen|share|comment|leave|support|donate|become|try|install|print|"
    r"email|send|contact|visit|check out|learn more|see more|show more|load more|view)\b", re.I)
_LEGAL_UI = re.compile(r"^by (?:signing|subscribing|clicking|continuing|registering|submitting|entering)\b.*"
                       r"\b(?:agree|accept|consent|terms|privacy)", re.I)
_UI_WORDS = frozenset(
    "accept all cookies ok okay got it i agree agree decline reject close read more learn more more info "
    "settings manage options yes no continue dismiss allow subscribe sign up submit privacy policy "
    "terms of use cookie cookies & and our x".split()
)


def _only_ui_words(sentence: str) -> bool:
    words = re.findall(r"[\w&']+", sentence.lower())
    return bool(words) and len(words) <= 8 and all(w in _UI_WORDS for w in words)


def is_cookie_notice(sentence: str) -> bool:
    return bool(_COOKIE.search(sentence) and _CONSENT.search(sentence)) and len(sentence.split()) <= 60


def is_newsletter_prompt(sentence: str) -> bool:
    s = sentence.strip()
    if len(s.split()) > 35 or not _NEWSLETTER.search(s):
        return False
    if re.search(r"[$€£]|\d+(?:\.\d+)?\s*(?:per|a|/)\s*(?:month|year|week)|:$", s):
        return False  # a price or a heading in a review ("Subscription Costs:"), not a prompt
    return bool(_IMPERATIVE_UI.search(s) or re.search(r"\b(?:to|in) your inbox\b|delivered\b.*\binbox\b", s, re.I)
                or (len(s.split()) <= 6 and re.search(r"\b(?:newsletters?|sign[ -]?up|subscribe|inbox|e-?mail address|alerts?)\b", s, re.I)))


def is_legal_ui(sentence: str) -> bool:
    return bool(_LEGAL_UI.search(sentence.strip()))


_SENTENCE = re.compile(r"[^.!?…。！？\n]+(?:[.!?…。！？]+[”\"’')\]]*|$)|[.!?…。！？]+", re.M)


def sentence_spans(line: str) -> list[tuple[int, int]]:
    """Rough sentence spans in one line (no abbreviation handling: good enough for UI text)."""
    spans = []
    for m in _SENTENCE.finditer(line):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return spans


_LEGAL_UI_OPENING = re.compile(r"\bby (?:signing|subscribing|clicking|continuing|registering|submitting|entering)\b", re.I)
# what each of the three patterns above needs, as plain lower-case text (``may_hold``): a
# case-blind pattern opening with a word boundary is tried at every position, this is not
_NOTICE_WORD = re.compile(r"cookie|newsletter|inbox|sign[ -]?up|subscri|mail address|news alert|daily briefing|"
                          r"never miss|by (?:signing|subscribing|clicking|continuing|registering|submitting|entering)")


def consent_and_signup(text: str) -> list[Span]:
    """Cookie notices and newsletter prompts, sentence by sentence, with their buttons."""
    if not may_hold(text, _NOTICE_WORD) or not (
            _COOKIE.search(text) or _NEWSLETTER.search(text) or _LEGAL_UI_OPENING.search(text)):
        return []  # every notice holds one of these words, and its buttons only go with a notice
    sents: list[tuple[int, int]] = []
    for offset, line in lines_with_offsets(text):
        sents += [(offset + s, offset + e) for s, e in sentence_spans(line)]
    flags: list[str | None] = []
    for s, e in sents:
        sent = text[s:e]
        if is_cookie_notice(sent):
            flags.append("cookie-notice")
        elif is_newsletter_prompt(sent) or is_legal_ui(sent):
            flags.append("newsletter")
        else:
            flags.append(None)
    # buttons and consent follow-ups next to a notice belong to it ("Accept Read More", "Ok")
    for _ in range(2):
        for i, (s, e) in enumerate(sents):
            if flags[i] is not None:
                continue
            near = [flags[j] for j in (i - 1, i + 1) if 0 <= j < len(flags) and flags[j]]
            if near and _only_ui_words(text[s:e]):
                flags[i] = near[0]
            elif i > 0 and flags[i - 1] == "cookie-notice" and is_consent_continuation(text[s:e]):
                flags[i] = "cookie-notice"
    out = []
    for (s, e), flag in zip(sents, flags):
        if flag:
            test = is_cookie_notice if flag == "cookie-notice" else is_newsletter_prompt
            out.append((s, s + notice_extent(text[s:e], test), flag))
    return out


# a sentence's first word, then a lower-case one ("Museum director ...", "Entry is ..."), not a
# name of two capitals ("New York", "YouTube Channel"), which a notice can hold
_NEXT_SENTENCE = re.compile(r"(?<=[a-z0-9])[ \t]+(?=[A-Z“\"][a-z'’-]+[ \t]+[a-z])")
_OPEN_ENDED = re.compile(r"\b(?:a|an|the|our|your|their|its|of|to|for|in|on|at|by|with|from|into|about|and|or|via)$", re.I)


def notice_extent(sentence: str, test) -> int:
    """How much of a flagged sentence the notice takes: all of it, unless a notice with no full
    stop was glued onto the story's next sentence ("Enable cookies to continue Museum director
    Ingrid Solberg said ..."): then the notice alone, when it passes the test by itself and what
    follows is a sentence of the story's (six words or more, its own end, no notice in it)."""
    if len(sentence.split()) < 8:
        return len(sentence)
    for m in _NEXT_SENTENCE.finditer(sentence):
        head, rest = sentence[:m.start()], sentence[m.end():].strip()
        if _OPEN_ENDED.search(head) or not head.split()[-1].islower():
            continue  # "Subscribe to our YouTube Channel ...": the capital is a name inside the notice
        if len(head.split()) >= 2 and test(head) and len(rest.split()) >= 6 \
                and re.search(r"[.!?][”\"’)]?$", rest) and not test(rest):
            return m.start()
    return len(sentence)


def is_consent_continuation(sentence: str) -> bool:
    """"We'll assume you're ok with this, but you can opt-out if you wish." after a cookie notice."""
    return bool(re.search(r"\b(?:assume|opt[- ]?out|happy with|ok with|agree|privacy)\b", sentence, re.I)) \
        and len(sentence.split()) <= 30


_RELATED_LABEL = re.compile(
    r"(?=[A-Z])(?:"  # every label opens with a capital
    r"(?<![^\s.!?”\"。])"  # as _AFTER_BREAK, or after a Chinese full stop
    r"(?:(?:Related|RELATED|Read|READ|Also read|ALSO READ|See also|SEE ALSO|Read more|READ MORE|Read also|"
    r"Read next|READ NEXT|Read Next|Up next|Up Next|More|MORE|Recommended|Trending|Most read|Most popular|Don't miss|Don’t miss|"
    r"Go deeper|Dive deeper|Keep reading|Next (?:Post|Article|Story)|Previous (?:Post|Article|Story)|"
    r"Also on [\w.]+|Further reading|You may also like|You might also like|More from [\w .]+|More stories|"
    r"Related (?:Posts|Articles|Stories|Content|News|Coverage|Links|Reading))"
    r"[ \t]*:[ \t]*(?=\S)"
    # "ALSO READ | headline", "Also Read - headline", "WATCH | headline": a pipe or dash after the label
    r"|(?:Also [Rr]ead|ALSO READ|Read [Mm]ore|READ MORE|Read [Aa]lso|READ ALSO|Must [Rr]ead|MUST READ|"
    r"READ|WATCH|LISTEN|RELATED|MORE|SEE ALSO|See [Aa]lso|Also [Ss]ee|ALSO SEE|Also [Ww]atch|ALSO WATCH)"
    r"[ \t]*(?:[|]|[-–—](?=[ \t]))[ \t]*(?=[A-Z0-9\"“‘'])"
    r"|(?:Related (?:Posts|Articles|Stories|Content|News|Coverage|Links|Reading|[Hh]eadlines)|You may also like|"
    r"You might also like|Recommended for you|More from this section|Further reading|Trending now|Most read|"
    r"(?:More|Latest|Top|Other|Popular|Recommended|Trending|Related) (?:[Ss]tories|[Nn]ews|[Hh]eadlines|[Aa]rticles|[Vv]ideos|[Rr]eads)|"
    r"In other news|Editor['’]s [Pp]icks|MORE (?:FROM|ON) [A-Z][A-Z .&'’-]{1,40}|More (?:from|on) [A-Z][\w .&'’-]{1,40}|"
    r"(?:MORE|LATEST|TOP|RELATED|POPULAR) (?:STORIES|NEWS|HEADLINES|ARTICLES))"
    r"[ \t]*:?[ \t]*\n))",
    re.M,
)


_DATELINE_START = re.compile(r"(?<=\s)(?<![A-Z.,]\s)[A-Z]{3,}[A-Z .'’-]*(?:,[ \t]*[A-Z][\w.]+(?:[ \t]+[A-Z][\w.]+)*)*"
                             r"(?:,[ \t]*[A-Z][a-z]{2,4}\.?[ \t]+\d{1,2})?(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*(?:--|—|–|-|:)[ \t]")


# a label glued onto the end of the previous block with no space ("...pic.twitter.com/xYzRelated: headline"):
# only labels in title case that no word ends with, and always with their colon
_GLUED_RELATED_LABEL = re.compile(
    r"(?<=[^\W_])(?:Related|Read more|Read also|Also read|See also|Read next|Recommended|You may also like|"
    r"You might also like|Most read)[ \t]*:[ \t]*(?=[A-Z0-9\"“‘'])")
_GLUED_RELATED_NEEDS = re.compile(r"(?:Related|Read more|Read also|Also read|See also|Read next|Recommended|"
                                  r"You may also like|You might also like|Most read)[ \t]*:")


def related_links(text: str) -> list[Span]:
    """"Related: headline", "Read more: headline" and "Related Posts" followed by a list of titles."""
    out = []
    glued = matches(_GLUED_RELATED_LABEL, text, _GLUED_RELATED_NEEDS)
    labels = sorted([*_RELATED_LABEL.finditer(text), *glued], key=lambda m: m.start())
    for m in labels:
        label_has_newline = m.group(0).endswith("\n")
        if not label_has_newline:
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            rest = text[m.end():end]
            dl = _DATELINE_START.search(rest)
            if dl and 0 < len(rest[:dl.start()].split()) <= 30:
                end = m.end() + dl.start()  # the story's dateline starts after a glued headline
            elif len(rest.split()) > 40:
                # headline glued to the next paragraph: keep what follows the first sentence end
                s = _SENT_END.search(rest)
                end = m.end() + (s.end() if s and len(rest[:s.end()].split()) <= 30 else 0)
                if end == m.end():
                    continue
            out.append((m.start(), end, "related-links"))
            continue
        # a list label: the short title lines after it
        pos = m.end()
        end = pos
        taken = 0
        while taken < 8:
            nl = text.find("\n", pos)
            line = text[pos:] if nl < 0 else text[pos:nl]
            if not line.strip() or not is_link_title(line):
                break
            end = pos + len(line)
            taken += 1
            if nl < 0:
                break
            pos = nl + 1
        out.append((m.start(), max(end, m.end() - 1), "related-links"))
    return out


def is_link_title(line: str) -> bool:
    """A headline in a link list: short, no final full stop."""
    s = line.strip()
    words = s.split()
    return 1 <= len(words) <= 16 and not re.search(r"[.!?:;]['”\"’]?$", s)


_UI_LINE = re.compile(
    r"^(?:Click (?:here|to)\b|Tap (?:here|to)\b|Follow (?:us|me)\b|Like us on\b|Download (?:the|our)\b|"
    r"Sign (?:in|up)\b|Log ?in\b|Register\b|Subscribe\b|Tags?\s*:|Filed under\s*:?|Categor(?:y|ies)\s*:|"
    r"Posted in\b|Topics?\s*:|Copyright\b|©|\(c\)\s|All rights reserved|Previous (?:article|post|story)|"
    r"Next (?:article|post|story)|Back to top|Skip to\b|Leave a (?:comment|reply)|Comments?\s*(?:\(\d+\))?\s*$|"
    r"\d+\s+comments?\s*$|Print\s*$|Email\s*$|Close\s*$|Menu\s*$|Home\s*$|Loading\.\.\.|Watch:|WATCH:|Listen:|"
    r"Join (?:us|our)\b|Get (?:the|our) app\b|Continue reading\b|Report an error|Report a typo)",
    re.I,
)


def interface_lines(text: str) -> list[Span]:
    """Short lines of interface text: navigation, tags, copyright, "Click here to ..."."""
    out = []
    for offset, line in lines_with_offsets(text):
        s = line.strip()
        if s and len(s.split()) <= 14 and _UI_LINE.match(s) and not re.search(r"[.!?][”\"]?$", s[:-1] + " "):
            lead = len(line) - len(line.lstrip())
            # "Sign up free Entry is free for children under 16.": the button, not the story under it
            end = lead + notice_extent(s, lambda head: bool(_UI_LINE.match(head)))
            out.append((offset, offset + (end if end < lead + len(s) else len(line)), "interface"))
        elif s and re.fullmatch(_URL, s):
            out.append((offset, offset + len(line), "url"))
    return out


_NAV_WORDS = frozenset(
    "home news world politics business sport sports opinion culture lifestyle entertainment tech technology "
    "science health travel video videos podcasts photos weather markets economy local national international "
    "education environment climate arts books food style about contact us privacy policy terms subscribe "
    "newsletters login sign in register search menu more latest trending live". split())


def is_menu(items: list[str], at_edge: bool) -> bool:
    """A run of short capitalised lines is page navigation when most of its items are section
    names, or when it sits at the very top or bottom of the text. In the middle of the text such
    a run is usually the article's own list (products, places, steps), which is body."""
    if any(re.match(r"\s*(?:[-•*–·]|\d+[.)])\s", x) for x in items):
        return False  # a bulleted or numbered list is written content
    words = [w.lower() for x in items for w in re.findall(r"[^\W\d_]+", x)]
    nav = sum(w in _NAV_WORDS for w in words)
    if words and nav / len(words) >= 0.5:
        return True
    return at_edge and all(len(x.split()) <= 4 for x in items)


def link_lists(text: str) -> list[Span]:
    """Three or more short Title Case lines in a row with no sentence punctuation: a menu or link list."""
    out = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    run: list[int] = []

    content = [i for i, line in enumerate(lines) if line.strip()]
    first, last = (content[0], content[-1]) if content else (0, 0)

    def flush():
        if len(run) >= 3 and is_menu([lines[i] for i in run], at_edge=run[0] == first or run[-1] == last):
            out.append((offsets[run[0]], offsets[run[-1]] + len(lines[run[-1]]), "link-list"))

    for i, line in enumerate(lines):
        s = line.strip()
        words = re.findall(r"[^\W\d_][\w'’-]*", s)
        title_case = words and sum(w[0].isupper() for w in words) / len(words) >= 0.75
        if s and 1 <= len(s.split()) <= 10 and title_case and not re.search(r"[.!?:;,]['”\"’]?$", s) \
                and not re.search(r"\d", s):
            run.append(i)
        elif s:
            flush()
            run = []
    flush()
    return out


# Interface phrases with a fixed shape, found even when glued into a paragraph: page chrome
# (print, listen, comments, navigation), legal and affiliate notes, update stamps, galleries.
_INLINE_UI = re.compile(
    r"(?=[A-Z\d©(]|updated)(?<![\w])(?:"  # the characters a phrase below can open with
    r"Print (?:this )?(?:article|page|story)|Listen to (?:this )?(?:article|story)(?:[ \t]*[·|:-]?[ \t]*\(?\d+(?::\d{2})?[ \t]*min(?:ute)?s?\)?)?"
    r"|Comments?[ \t]*\(\d+\)|\d+[ \t]+Comments?(?=\s|$)|(?:Previous|Prev)[ \t]+(?:article|post|story)[ \t]*(?:Next[ \t]+(?:article|post|story))?"
    r"|Next[ \t]+(?:article|post|story)(?=\s|$)|Toggle navigation|Skip to (?:main )?content|Enlarge this image"
    r"|Continue reading below|Leave a (?:Reply|Comment)(?:[ \t]+Cancel reply)?|Cancel reply|Loading\.\.\.|Trending now"
    r"|(?:Last )?[Uu]pdated:?[ \t]+\d+[ \t]+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)[ \t]+ago"
    r"|(?:Copyright[ \t]*)?(?:©|\([cC]\))[ \t]*(?:\d{4}[ \t]*)?[^.\n]{0,60}?(?:\d{4}|\.|All rights reserved\.?)(?:[ \t]*All rights reserved\.?)?"
    r"|Copyright[ \t]+\d{4}[^.\n]{0,60}\.(?:[ \t]*All rights reserved\.?)?|All rights reserved\.?"
    r"|Your email address will not be published\.?(?:[ \t]*Required fields are marked[ \t]*\*)?"
    r"|You must be (?:logged|signed) in to (?:post a comment|comment)\.?"
    r"|We may earn (?:a )?(?:small )?(?:commission|affiliate commission)[^.\n]{0,80}\."
    r"|(?:Photo|Image|Video) gallery:?[ \t]*\d+[ \t]+(?:images|photos|pictures|videos)"
    r"|Terms of (?:Service|Use)(?:[ \t]*[|·•][ \t]*[A-Z][\w&' ]{2,24}?){1,6}(?=\s*(?:\n|$|[A-Z]))"
    r"|This (?:article|story|post) (?:has been|was) updated\.?"
    r"|(?:Watch|WATCH|Video|VIDEO):[^\n]{3,80}?\(\d{1,2}:\d{2}\)"
    r")"
)


def inline_interface(text: str) -> list[Span]:
    """Fixed-shape interface phrases anywhere in the text (see ``_INLINE_UI``)."""
    return [(m.start(), m.end(), "interface") for m in _INLINE_UI.finditer(text)]


_UI_NOUNS = re.compile(r"\b(?:this (?:article|story|post)|newsletters?|(?:our|the) app|channel|comments? below|us|"
                       r"alerts|podcast|feed|notifications?)\b", re.I)


def is_site_instruction(sent: str) -> bool:
    """"Follow us on X.", "Get the app": an instruction to the reader about the site itself."""
    words = sent.split()
    if not 2 <= len(words) <= 14 or re.search(r"[\d$€£]|:$", sent):
        return False
    return bool(_IMPERATIVE_UI.search(sent) or re.match(r"(?i)want (?:more|to read)|like (?:this|what)|"
                                                        r"(?:don't|do not) miss|disclaimer:", sent)) \
        and _UI_NOUNS.search(sent) is not None and not re.search(r"\b(?:said|says|told)\b", sent)


def interface_sentences(text: str) -> list[Span]:
    """A short sentence that is an instruction to the reader about the site itself
    ("Follow us on X.", "Join our channel for updates", "Want more stories like this? Follow us.")."""
    out = []
    for offset, line in lines_with_offsets(text):
        for s, e in sentence_spans(line):
            sent = line[s:e].strip()
            if is_site_instruction(sent):
                lead = len(line[s:e]) - len(line[s:e].lstrip())
                out.append((offset + s, offset + s + lead + notice_extent(sent, is_site_instruction), "interface"))
    return out
