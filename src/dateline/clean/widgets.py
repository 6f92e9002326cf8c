"""Page widgets a scraper flattens into the text: button rows, headline lists, reader polls,
markup remnants, link notes, counters, credits, and the lines a story does not own.

They are found by the vocabulary and the layout of a widget, not by one site's wording: a
button row is a short run made only of interface words ("Print Email Save", "Show more",
"Ad Feedback", "Play Video Pause Mute"); a headline list is a short label line made of
list-label words ("Most Read", "Promoted Stories", "Now Playing") over short title lines; a
poll is a question put to the reader over two or more one-word answers. Two tests need no
vocabulary at all: a short line that shares no topic word with the rest of the text (a stray
line), and short lines under the story's last paragraph. Each detector returns the spans it
removes with its reason, like those of ``junk``; all run on scraped text only.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache
from itertools import islice

from dateline.clean.junk import _NAV_WORDS, lines_with_offsets, matches

Span = tuple[int, int, str]

# Words that buttons, labels and player controls are made of. A run of them with no other
# word is interface, never prose: prose always brings a word of its own.
_INTERFACE = frozenset(" ".join([
    # reading and navigating
    "read more continue continues continuing reading keep full article articles story stories show see less expand",
    "collapse click tap view open close enlarge zoom previous next prev back top skip content main menu search toggle",
    "navigation home page jump table contents section sections learn",
    # images, galleries, maps and graphics
    "image images photo photos gallery galleries picture pictures slideshow map maps larger interactive explore",
    "graphic graphics",
    # page tools
    "print email e-mail save saved share shared copy link copied bookmark bookmarks gift add list later font text size",
    "translate translation language languages english español espanol français francais deutsch italiano português",
    "version versión leer en transcript",
    # advertising, sponsors and shops
    "ad ads advertisement advertisements advertising sponsored promoted paid supported post posts feedback remove",
    "report scroll below after above buy shop price prices deal deals offer offers retailer check compare cart basket",
    "shipping stock wishlist get started demo claim try free trial unlock",
    # players
    "play pause mute unmute fullscreen replay video videos audio watch listen playing live captions subtitles",
    "settings volume hear",
    # comments, votes, ratings, quizzes
    "comment comments conversation discussion join leave write reply replies submit hide load loading be first",
    "vote votes voting results poll rate rating reviews score quiz quizzes knowledge take sort newest oldest",
    # accounts and subscriptions
    "subscribe subscriber subscribers log login logout sign register account already",
    # live pages and stamps
    "just now updated update updates refresh pinned key events only new latest news",
    # the site's own pages
    "about contact careers jobs hiring positions team advertise privacy policy terms conditions notice sitemap rss",
    "feed feeds homepage accessibility statement corrections error typo tip tips help faq newsletters permalink",
    "reuse reprint reprints permissions rights licensing request order these viewed most popular available",
    "app apps store download install scan qr code",
    "follow following followers alerts alert topic topics author authors likes liked shares reactions recommended",
    # kickers and section labels
    "breaking exclusive developing opinion analysis explainer commentary editorial editor's weather markets edition",
    "paper today's recipe pin",
    # glue
    "this our your you us of a an the to for on in by with and or it here also up",
]).split())
# glue words never make a run on their own ("on the", "in a")
_GLUE = frozenset("this our your you us of a an the to for on in by with and or it here en also up".split())
_TOKENS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?::\d{2})*%?")


# "Ads by Adnet", "Check price on Shopmart", "See at Retailer": a button names the network or shop last
_BY_NETWORK = re.compile(r"[ \t]+(?:by|on|at|from|via)[ \t]+(?:[A-Z]|[a-z]+[A-Z])[\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3}[ \t]*$")


_LABELLED_VALUE = re.compile(r"[$€£¥][ \t]?\d|:[ \t]*\d")


def _opens_with_word_outside(s: str, vocabulary: frozenset, digits: bool = False) -> bool:
    """``s`` (stripped) opens with a word not in ``vocabulary`` (a number counts only where
    ``digits``): a test that wants every word from the vocabulary fails at once. The network
    name that the tests cut off comes after a blank, so it never takes the opening word."""
    first = _TOKENS.match(s)
    if first is None:
        return False
    word = first.group()
    return (digits or not word[0].isdigit()) and word.lower() not in vocabulary


def at_line_starts(pattern: re.Pattern, text: str, needs: re.Pattern | None = None):
    """``pattern.finditer(text)`` for a pattern whose every match opens at a line start
    (``(?m)^``) and holds a character. On one line (a glued piece judged alone) that is its first
    position only: one anchored try, not a scan of every position. On a text, ``needs`` (a
    literal every match holds, as for ``junk.matches``) may skip the scan."""
    if "\n" not in text:
        m = pattern.match(text)
        return iter((m,) if m else ())
    return matches(pattern, text, needs) if needs is not None else pattern.finditer(text)


def interface_only(s: str, most: int = 12) -> bool:
    """Every word of ``s`` is an interface word (numbers and clock times allowed), and at
    least one is not mere glue: "Print | Email | Save", "View 12 comments", "Skip Ad", and
    "Ads by Adnet", the network's name after "by"."""
    s = s.strip()
    if _opens_with_word_outside(s, _INTERFACE):
        return False
    if s.endswith((".", "?")) and not s.endswith("..."):
        return False  # a sentence, even a short one, is judged by the sentence tests
    if _LABELLED_VALUE.search(s):
        return False  # "Price: $35-$45", "Serves: 4": a label and its value are the story's data
    s = _BY_NETWORK.sub("", s)
    count, content = 0, False
    for m in _TOKENS.finditer(s):  # word by word: prose fails at its first word of its own
        w = m.group()
        if w[0].isdigit():
            continue
        w = w.lower()
        count += 1
        if w not in _INTERFACE or count > most:
            return False
        content = content or w not in _GLUE
    return content


def _content_words(s: str) -> int:
    return sum(1 for w in _TOKENS.findall(s) if w.lower() not in _GLUE and not w[0].isdigit())


_WORD_RUN = re.compile(r"\S+")
_COUNT = re.compile(r"[+(]?\d[\d,.:]*[kKmM]?\)?")


def interface_prefix(line: str, start: int) -> int | None:
    """End of the longest run of interface words from ``start`` that ends on a button word and
    is followed by a capital (the next block) or by the end of the line; None when there is none."""
    words = _WORD_RUN.finditer(line, start)  # read as far as needed: prose stops at its first word
    w = next(words, None)
    first = w.start() if w else start
    cut = None
    for _ in range(8):  # the run is eight words at most
        if w is None:
            break
        after = next(words, None)
        if not interface_only(line[first:w.end()], most=8):
            if _COUNT.fullmatch(w.group(0)):
                w = after
                continue  # a count before its noun ("94 Likes")
            break
        nxt = after.group(0) if after else ""
        if w.group(0) in ("-", "–", "—", ":"):
            break  # "Learn Privacy - A course on ...": a list item's name and its description
        if w.group(0).lower().strip(".…") not in _GLUE and (not nxt or nxt[:1].isupper() or nxt[:1] in "“\"‘"):
            cut = w.end()
        w = after
    return cut


_SENTENCE_END = re.compile(r"[.!?][”\"’)]?(?=[ \t]+\S)")


# two to six words closing a line, the first capitalised
_BUTTON_TAIL = re.compile(r"(?<=\S)[ \t]+((?:[A-Z][\w'’-]*)(?:[ \t]+[\w'’-]+){1,5}(?:\.\.\.|…)?)[ \t]*$")


def back_over_blanks(line: str, pos: int) -> int:
    """``pos`` (0 at least) moved back to the start of the run of blanks it stands in or ends:
    a pattern whose last group must end the line and holds at most so many characters, after
    blanks, starts no further left than this from the group's earliest start (a look-behind
    still sees the text before it)."""
    pos = max(0, pos)
    while pos > 0 and line[pos - 1] in " \t":
        pos -= 1
    return pos


def start_of_last_words(line: str, n: int) -> int:
    """Where the run of blanks before the ``n``-th last word of ``line`` begins (0 when it has no
    more words): a pattern that must end the line and spans fewer words starts no further left,
    so its search can start there (a look-behind still sees the text before)."""
    end = len(line)
    for _ in range(n):
        end = max(line.rfind(" ", 0, end), line.rfind("\t", 0, end))
        if end <= 0:
            return 0
        while end > 0 and line[end - 1] in " \t":
            end -= 1  # a run of blanks counts once
    return end


def button_rows(text: str) -> list[Span]:
    """Lines made only of interface words; such a run glued after a sentence ("... in April.
    Read more", "... April. Show more The ...") or at the end of a line ("Cardamom buns Enlarge
    image"); and one glued onto the start of the paragraph under it ("Print Email Save The council ...")."""
    out = []
    row_above = False
    for offset, line in lines_with_offsets(text):
        if not line.strip():
            continue
        spans, row_above = _button_spans(line, row_above)
        out += [(offset + start, offset + end, "interface") for start, end in spans]
    return out


@lru_cache(maxsize=8192)  # the second junk pass reads most lines again unchanged
def _button_spans(line: str, row_above: bool) -> tuple[tuple[tuple[int, int], ...], bool]:
    """``button_rows`` for one line (offsets into it), under a row of buttons or not; and
    whether the line is such a row itself."""
    s = line.strip()
    lead = len(line) - len(line.lstrip())
    # a button's one-letter face under a row ("Text size" / "A" / "A" / "A")
    if interface_only(s) or (row_above and re.fullmatch(r"(?:A[+-]?[ \t]*){1,3}", s)):
        return ((lead, len(line.rstrip())),), True
    out = []
    # at the head of a paragraph: two button words, then a real paragraph
    cut = interface_prefix(line, lead)
    rest = line[cut:] if cut else ""
    paragraph_under = len(rest.split()) >= 8 and re.search(r"[.!?][”\"’]?\s*$", rest)
    if cut and _content_words(line[lead:cut]) >= 2 and paragraph_under:
        out.append((lead, cut))
    # after a sentence end: at the end of the line one button word is enough, inside it two
    for m in _SENTENCE_END.finditer(line):
        begin = m.end() + len(line[m.end():]) - len(line[m.end():].lstrip())
        cut = interface_prefix(line, begin)
        if cut and (not line[cut:].strip() or _content_words(line[begin:cut]) >= 2):
            out.append((begin, cut))
    # at the end of a short line, a capitalised run of two button words
    tail = _BUTTON_TAIL.search(line, start_of_last_words(line, 7))
    if tail and interface_only(tail.group(1), most=6) and _content_words(tail.group(1)) >= 2:
        out.append((tail.start(1), tail.end(1)))
    return tuple(out), False


# Label lines over a list of headlines: "Most Read", "Promoted Stories", "You May Like", "Now
# Playing", "Around the web", "Sponsored Links by <network>". Built from these words only.
_LIST_LABEL = frozenset("""
most read popular trending top stories story latest news headlines related recommended recommendations you may might also
like what to next more on this from our partners around the web promoted sponsored links editor's editors picks pick
now playing up watch videos video topics tags in case missed elsewhere other readers viewed shared reads
table of contents jump article guide page enjoy
""".split())
_LIST_STRONG = frozenset("popular trending stories headlines recommended recommendations may might partners web promoted "
                         "sponsored picks playing topics missed viewed reads read next most latest top videos story "
                         "contents jump article guide enjoy".split())


_LABEL_BY_NETWORK = re.compile(r"\s+by\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s*$")
_LIST_LABEL_PUNCT = re.compile(r"[.!?,;]")


def is_list_label(s: str) -> bool:
    """"Most Read", "You may also like", "Sponsored Links by Adnet": label words only, one of them
    a word that only such a label has, and perhaps the network's name after "by"."""
    s = s.strip()
    if _opens_with_word_outside(s, _LIST_LABEL, digits=True):
        return False
    if "by" in s:
        s = _LABEL_BY_NETWORK.sub("", s)
    s = s.rstrip(":")
    words = [m.group().lower() for m in islice(_TOKENS.finditer(s), 7)]
    if not 1 <= len(words) <= 6:
        return False  # a seventh word is enough to tell a line of prose
    return all(w in _LIST_LABEL for w in words) and any(w in _LIST_STRONG for w in words) \
        and not _LIST_LABEL_PUNCT.search(s)


_RANK = re.compile(r"^\s*(?:\d{1,2}[.)]?\s+)?")
_DURATION = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")


def _is_list_title(line: str) -> bool:
    """A headline in a list: short, no final full stop, a rank number perhaps."""
    s = _RANK.sub("", line.strip(), count=1)
    words = s.split()
    return 1 <= len(words) <= 16 and not re.search(r"[.!?:;]['”\"’]?$", s) and s[:1].isupper()


# the label (61 characters at most) closing a line, at its start or after a sentence end
_LABEL_AT_END = re.compile(r"(?:^|(?<=[.!?”\"’])[ \t]*)([A-Z][^\n.!?]{0,60})$")


@lru_cache(maxsize=8192)  # the second junk pass reads most lines again unchanged
def _list_label_at_end(line: str):
    """The label closing a line: the whole line, the line after its last sentence, or the
    line after a row of buttons ("The article continues below this ad Most Read")."""
    m = _LABEL_AT_END.search(line, back_over_blanks(line, len(line) - 62))
    if m and is_list_label(m.group(1)):
        return m
    if len(line) > 120:
        return None
    for m in re.finditer(r"(?<=\S)[ \t]+([A-Z][^\n.!?]{0,40}$)?", line):
        if m.group(1) and is_list_label(m.group(1)) and interface_only(line[:m.start()]):
            return m
    return None


def headline_lists(text: str) -> list[Span]:
    """A list label line and the short headline lines (and video durations) under it."""
    out = []
    lines = list(lines_with_offsets(text))
    for i, (offset, line) in enumerate(lines):
        m = _list_label_at_end(line)
        if m is None:
            continue
        end = offset + len(line)
        titles = 0
        for off, nxt in lines[i + 1:i + 12]:
            if _is_list_title(nxt) or (titles and _DURATION.match(nxt)):
                end = off + len(nxt)
                titles += not _DURATION.match(nxt)
            else:
                break
        alone = m.start(1) == len(line) - len(line.lstrip())
        if titles or alone:
            out.append((offset + m.start(1), end, "headline-list"))
    return out


_READER_QUESTION = re.compile(r"\b(?:you|your)\b|\bthis (?:article|story|post|page)\b", re.I)


def reader_polls(text: str) -> list[Span]:
    """A question put to the reader over two or more short answers:
    "Do you agree with the decision?" / "Yes" / "No" / "Vote"."""
    out = []
    lines = list(lines_with_offsets(text))
    for i, (offset, line) in enumerate(lines):
        q = line.strip()
        if not (q.endswith("?") and len(q.split()) <= 14 and _READER_QUESTION.search(q)):
            continue
        answers = []
        for off, nxt in lines[i + 1:i + 10]:
            a = nxt.strip()
            if a and len(a.split()) <= 3 and not re.search(r"[.,;:]$", a):
                answers.append((off, nxt))
            else:
                break
        if len(answers) >= 2:
            start = offset + len(line) - len(line.lstrip())
            above = lines[i - 1][1].strip() if i else ""
            if re.fullmatch(r"(?:Quick |Reader |Our )?[Pp]oll:?", above):
                start = lines[i - 1][0]
            out.append((start, answers[-1][0] + len(answers[-1][1]), "reader-poll"))
    return out


# HTML left over by a careless flattener: layout tags, comments, WordPress shortcodes. Script,
# style and frame elements are not layout: text that carries them is quoting code (or a payload
# that the pages showing it must escape), so they are left as written.
_TAG_NAMES = (r"a|abbr|article|aside|b|blockquote|br|center|code|dd|div|dl|dt|em|figcaption|figure|font|footer|"
              r"h[1-6]|header|hr|i|img|ins|li|nav|ol|p|picture|section|small|source|span|"
              r"strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|video")
_MARKUP = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?)*\s*/?>"
                     r"|<!--.*?-->"
                     r"|\[/?(?:caption|embed|gallery|video|audio|playlist|vc_\w+|et_pb_\w+)(?:\s[^\[\]]{0,200})?\]",
                     re.I | re.S)
_ENTITY = re.compile(r"&(?:amp;)*(?:#\d{2,6}|#x[0-9a-f]{2,5}|[a-z]{2,8});", re.I)


def decode_entities(text: str) -> str:
    """"&nbsp;", "&#8217;", a doubly escaped "&amp;nbsp;": the characters they stand for."""
    def one(m: re.Match) -> str:
        s = m.group(0)
        while s.lower().startswith("&amp;") and len(s) > 5:
            s = "&" + s[5:]
        out = html.unescape(s)
        return " " if out in ("\xa0", "\u2009", "\u200a") else out
    return _ENTITY.sub(one, text)


_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|font|i|img|small|span|strong|sub|sup|u)\b", re.I)


def markup_remnants(text: str) -> list[Span]:
    """Tags, HTML comments and shortcodes standing in the text; an inline tag ("<a href=...>",
    "</span>") sat inside a sentence, a block tag ("<br>", "</p>") between paragraphs."""
    return [(m.start(), m.end(), "markup-inline" if _INLINE_TAG.match(m.group(0)) else "markup")
            for m in _MARKUP.finditer(text)]


# "(opens in new tab)", "[PDF]", "(link is external)": a note a link carried about itself
_LINK_NOTE = re.compile(
    r"[ \t]?(?:\((?:opens|open|link opens)?[ \t]*(?:in[ \t]+)?(?:a[ \t]+)?new[ \t]+(?:tab|window)\)"
    r"|\((?:link is external|external link|external)\)|\[(?:Link|PDF|pdf|link)\]|\(PDF(?:,[ \t]*\d+(?:\.\d+)?[ \t]*[KM]B)?\))",
    re.I)


_LINK_NOTE_NEEDS = re.compile(r"[(\[]")  # every note is bracketed


def link_notes(text: str) -> list[Span]:
    return [(m.start(), m.end(), "link-note") for m in matches(_LINK_NOTE, text, _LINK_NOTE_NEEDS)]


# cut where they stand, inside a sentence: they leave a space, not a line break
INLINE_REASONS = frozenset({"markup-inline", "link-note"})


_NAV_SEPARATOR = re.compile(r"[|»›>/·•]")


# A line of section names with interface words or separators: "Open menu Close menu News
# Sport Search", "News | World | Science". The section names are junk's navigation words.
def is_navigation(s: str) -> bool:
    words = []
    for m in _TOKENS.finditer(s):  # word by word: prose fails at its first word of its own
        w = m.group()
        if w[0].isdigit():
            continue
        w = w.lower()
        if w not in _INTERFACE and w not in _NAV_WORDS:
            return False
        words.append(w)
    if len(words) < 3:
        return False
    return bool(_NAV_SEPARATOR.search(s)) or any(w in ("menu", "search", "home", "navigation") for w in words)


def navigation_lines(text: str) -> list[Span]:
    return [(off + len(line) - len(line.lstrip()), off + len(line.rstrip()), "navigation")
            for off, line in lines_with_offsets(text) if line.strip() and is_navigation(line.strip())]


# "9h ago", "Updated 5 min ago", "Posted 3 days ago": a time counted back from now, which only
# a page's furniture says
_AGO = r"\d{1,3}[ \t]*(?:s|m|h|d|w|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)[ \t]+ago"
_STAMP_LABEL = r"(?:Last[ \t]+)?(?:Updated|Published|Posted|Modified|Edited)[ \t]*:?[ \t]*"
_RELATIVE_TIME = re.compile(rf"^[ \t]*(?:{_STAMP_LABEL})?{_AGO}[ \t]*$|(?<![\w])(?:{_STAMP_LABEL}){_AGO}(?![\w])"
                            rf"|(?:(?<=[.!?”\"’])|^)[ \t]*{_AGO}(?=[ \t]+[A-Z]|[ \t]*$)", re.M)


def relative_times(text: str) -> list[Span]:
    if "ago" not in text:
        return []  # every branch ends on "ago": no scan where the word is absent
    return [(m.start(), m.end(), "update-stamp") for m in _RELATIVE_TIME.finditer(text)]


# "Listen · 4:32 min", "7-minute listen", "Hear this story\n5 min listen", "Listen to article\n6 minutes"
_LENGTH_LABEL = re.compile(
    r"(?m)^[ \t]*(?:(?:Listen(?:[ \t]+to(?:[ \t]+this)?[ \t]+(?:article|story))?|Hear this (?:story|article)|Audio)"
    r"[ \t]*(?:[·|:-][ \t]*|\n[ \t]*)?)?\d{1,3}(?::\d{2})?[ \t-]*(?:min(?:ute)?s?|m)\.?"
    r"(?:[ \t]+(?:read|listen|watch|audio))?[ \t]*$")


def length_labels(text: str) -> list[Span]:
    """Reading and listening times; a bare "25 minutes" only with its label or its verb."""
    out = []
    for m in at_line_starts(_LENGTH_LABEL, text):
        piece = m.group(0)
        if re.search(r"[A-Za-z]{3,}", re.sub(r"min(?:ute)?s?", "", piece)):
            out.append((m.start(), m.end(), "interface"))
    return out


# The control bar of a video player, flattened: "Play Video Play Mute Current Time 0:00 /
# Duration 0:00 Loaded: 0% ... This is a modal window." Nearly every word is a control.
_PLAYER = frozenset("""
current time duration loaded stream type seek currently remaining playback rate chapters chapter descriptions
description off selected captions caption settings opens dialog track modal window is beginning end of
""".split())


_PLAYER_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def _many_not_controls(words: list[str]) -> bool:
    """More than a fifth of the words are neither interface nor player words (a control bar has
    fewer than 15%): prose is told apart within its first few words."""
    most = len(words) / 5
    misses = 0
    for w in words:
        w = w.lower()
        if w not in _INTERFACE and w not in _PLAYER:
            misses += 1
            if misses > most:
                return True
    return False


def player_controls(text: str) -> list[Span]:
    return [(off + start, off + end, "video-player") for off, line in lines_with_offsets(text)
            for start, end in _player_spans(line)]


@lru_cache(maxsize=8192)  # the second junk pass reads most lines again unchanged
def _player_spans(line: str) -> tuple[tuple[int, int], ...]:
    out = []
    for m in _PLAYER_SENTENCE.finditer(line):
        words = [w for w in _TOKENS.findall(m.group(0)) if not w[0].isdigit()]
        if len(words) < 8 or _many_not_controls(words):
            continue
        words = [w.lower() for w in words]
        if sum(w in _INTERFACE or w in _PLAYER for w in words) / len(words) >= 0.85:
            out.append((m.start(), m.end()))
    return tuple(out)


# "TAGS Housing Elections" (no colon): the label in capitals, then capitalised names only
_BARE_TAGS = re.compile(r"(?m)^[ \t]*(?:TAGS|TOPICS|Tags|Topics)[ \t]+[A-Z][\w&-]*(?:[ \t]*[,|]?[ \t]+[A-Z][\w&-]*){0,9}[ \t]*$")


_BARE_TAGS_NEEDS = re.compile("TAGS|TOPICS|Tags|Topics")


def bare_tag_lines(text: str) -> list[Span]:
    return [(m.start(), m.end(), "tags") for m in at_line_starts(_BARE_TAGS, text, _BARE_TAGS_NEEDS)]


# "VIDEO: headline", "Watch: headline 5:52": a media label over one headline (and its length)
_MEDIA_HEADLINE = re.compile(
    r"(?:^|(?<=[.!?”\"’])[ \t]*)(?:VIDEO|Video|WATCH|Watch|PHOTOS|Photos|GALLERY|Gallery|LISTEN|Listen|PODCAST|Podcast|AUDIO|Audio)"
    r"[ \t]*[:|][ \t]*[A-Z“\"‘0-9](?:[^\n.!?]{3,120}?[ \t]+\d{1,2}:\d{2}(?=[ \t]|$)|[^\n.!?]{3,120}$)", re.M)


_MEDIA_NEEDS = re.compile("VIDEO|Video|WATCH|Watch|PHOTOS|Photos|GALLERY|Gallery|LISTEN|Listen|PODCAST|Podcast|AUDIO|Audio")


def media_headlines(text: str) -> list[Span]:
    return [(m.start(), m.end(), "media-link") for m in matches(_MEDIA_HEADLINE, text, _MEDIA_NEEDS)]


# a block glued onto the word before it with no space at all ("... buns" + "View 419 comments")
# or a sentence end and a space before a capital, where a block was glued on with a space (the
# look-ahead first names the characters a match starts on: the look-behinds are tried only there)
_GLUE_POINT = re.compile(r"(?=[A-Z \t])(?:(?<=[a-z0-9%)])(?=[A-Z][a-z])|(?:(?<=[.!?])|(?<=[.!?][”\"’]))(?=[A-Z])"
                         r"|(?<=[.!?])[ \t]+(?=[A-Z“\"‘+])|(?<=[.!?][”\"’])[ \t]+(?=[A-Z“\"‘+]))")


def glued_blocks(text: str, is_furniture) -> list[Span]:
    """A line's tail that starts at a glue point (a lower-case letter or a sentence end run
    straight into a capital) and that ``is_furniture`` calls page furniture as a whole."""
    out = []
    for offset, line in lines_with_offsets(text):
        start = _glued_block_start(line, is_furniture)
        if start is not None:
            out.append((offset + start, offset + len(line.rstrip()), "glued-interface"))
    return out


@lru_cache(maxsize=8192)  # the second junk pass reads most lines again unchanged
def _glued_block_start(line: str, is_furniture) -> int | None:
    for m in _GLUE_POINT.finditer(line):
        tail = line[m.end():].strip()
        if tail and m.start() > 0 and is_furniture(tail):
            return m.end()
    return None


# "Graphic: Valley Courier", "Map: Ordnance Survey": a credit line under a chart or map,
# the label then a name in capitals only ("(Graphic: Global assets in 2019 - here)" is a link)
_GRAPHIC_CREDIT = re.compile(r"(?m)^[ \t]*(?:Graphics?|Infographic|Chart|Map|Data)[ \t]*:[ \t]*"
                             r"[A-Z][\w.'’&-]*(?:[ \t]+(?:[A-Z][\w.'’&-]*|of|and|for|the|/))*[ \t]*$")


_GRAPHIC_NEEDS = re.compile("Graphic|Infographic|Chart|Map|Data")


def graphic_credits(text: str) -> list[Span]:
    return [(m.start(), m.end(), "caption") for m in at_line_starts(_GRAPHIC_CREDIT, text, _GRAPHIC_NEEDS)]


# Counters and reaction bars: "Liked by 61 people", "1.2k shares", "👍 12 ❤️ 4": a number with
# what it counts, or pictographs and numbers with no word at all
_COUNTER = re.compile(  # the look-ahead names the characters a match starts on (a blank, "L", a digit)
    r"(?m)(?=[ \tL\d])(?:^[ \t]*(?:Liked by[ \t]+\d[\d,.]*[kKmM]?[ \t]+(?:people|others|readers|users)"
    r"|\d[\d,.]*[kKmM]?[ \t]+(?:people|readers)[ \t]+(?:like|liked|shared|recommend)[ \t]+this)[ \t]*$"
    r"|(?:(?<=[.!?”\"’])[ \t]+)Liked by[ \t]+\d[\d,.]*[kKmM]?[ \t]+(?:people|others|readers|users)(?=[ \t]+[A-Z]|[ \t]*$))")
_PICTOGRAPH = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2764]")


# a reaction bar: two or more pictographs each with its count, wherever it was glued
_REACTIONS = re.compile("(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2764]\ufe0f?[ \t]*\\d[\\d,.]*[kKmM]?[ \t]*){2,}")


# a line of hashtags only: "#transport #housing"
_HASHTAGS = re.compile(r"(?m)^[ \t]*#[^\W\d_][\w-]*(?:[ \t,]+#[^\W\d_][\w-]*)+[ \t]*$")


# a star rating wherever it was glued: "★★★★☆ (833 reviews)"
_STARS = re.compile(r"[★☆]{3,}(?:[ \t]*\(?\d[\d,.]*(?:/\d+)?[ \t]*(?:reviews?|ratings?|votes?)?\)?)?")


def counters(text: str) -> list[Span]:
    # each pattern is scanned only where the words or signs it needs are in the text
    out = []
    if "Liked by" in text or "people" in text or "readers" in text:
        out += [(m.start(), m.end(), "interface") for m in _COUNTER.finditer(text)]
    if "★" in text or "☆" in text:
        out += [(m.start(), m.end(), "rating") for m in _STARS.finditer(text)]
    if "#" in text:
        out += [(m.start(), m.end(), "tags") for m in _HASHTAGS.finditer(text)]
    if not _PICTOGRAPH.search(text):
        return out
    out += [(m.start(), m.end(), "interface") for m in _REACTIONS.finditer(text)]
    for off, line in lines_with_offsets(text):
        s = line.strip()
        if s and _PICTOGRAPH.search(s) and not re.search(r"[^\W\d_]{2,}", s):
            lead = len(line) - len(line.lstrip())
            out.append((off + lead, off + len(line.rstrip()), "interface"))
    return out


# "Follow Nora Vells", "+ Follow", "More from Nora Vells": an author's follow button or link
_FOLLOW_LINE = re.compile(r"(?m)^[ \t]*(?:\+[ \t]*)?(?:Follow|More (?:from|by))[ \t]+[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3}[ \t]*$"
                          r"|^[ \t]*More (?:from|by)[ \t]+[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,2}(?=[ \t]+[A-Z][a-z]+[ \t]+[a-z])")


_FOLLOW_NEEDS = re.compile("Follow|More ")


def follow_lines(text: str) -> list[Span]:
    return [(m.start(), m.end(), "social-prompt") for m in at_line_starts(_FOLLOW_LINE, text, _FOLLOW_NEEDS)]


# Site and form chrome with a fixed frame: "Powered by WordPress", "Theme by Name", a comment
# form's field labels ("Name *", "Website"), "Posted by Name at 10:42 AM" under a post, a photo
# credit alone ("Credit...Name for Outlet", "Getty Images")
_FRAME_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?:Powered by|Theme by|Designed by|Built with|Hosted by|Site by|Website by)[ \t]+[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,3}"
    r"|(?:Name|E-?mail(?: address)?|Website|Comment|Message|Your (?:name|email|comment|message))[ \t]*\*?"
    r"|Posted by[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}[ \t]+(?:at|on)[ \t]+[\w:,. ]{3,30}"
    r"|(?:Photo |Image )?Credit(?:\.\.\.|…|:)[ \t]*[A-Z][^\n]{2,80}"
    r"|(?:Getty Images|Shutterstock|iStock|iStockphoto|Alamy|AP Photo|EPA-EFE)(?:[ \t]*/[ \t]*[A-Z][\w.' -]{1,40})?)[ \t]*$")


def frame_lines(text: str) -> list[Span]:
    return [(m.start(), m.end(), "interface") for m in at_line_starts(_FRAME_LINE, text)]


def glued_heads(text: str, is_furniture) -> list[Span]:
    """Two pieces of furniture run together on one line ("Save for later This article first
    appeared in ..."): the first one is cut here, and the second pass finds the other at the
    head of its line."""
    out = []
    for offset, line in lines_with_offsets(text):
        if len(line) > 400:
            continue  # two pieces of furniture make a short line
        end = _glued_head_end(line, is_furniture)
        if end is not None:
            out.append((offset + len(line) - len(line.lstrip()), offset + end, "interface"))
    return out


@lru_cache(maxsize=8192)  # the second junk pass reads most lines again unchanged
def _glued_head_end(line: str, is_furniture) -> int | None:
    for k, m in enumerate(re.finditer(r"(?<=\S)[ \t]+(?=[A-Z“\"‘])", line)):
        if k >= 12:
            break
        head, tail = line[:m.start()].strip(), line[m.end():].strip()
        last = head.rsplit(None, 1)[-1].lower() if head else ""
        # a piece of furniture ends on a button word, a number or a full stop
        if not (last in _INTERFACE or last[-1:].isdigit() or last[-1:] in ".!?)”\"’"):
            continue
        if tail and len(tail) <= 400 and is_furniture(head) and is_furniture(tail):
            return m.start()
    return None


# "Home » Travel » Food Margaret Ellison, who ...": a breadcrumb glued onto the paragraph under it
_CRUMB_HEAD = re.compile(r"(?m)^[ \t]*Home(?:[ \t]*[»›>/|][ \t]*[A-Z][\w&'’-]*){1,4}(?=[ \t]+[A-Z])")


def breadcrumb_heads(text: str) -> list[Span]:
    return [(m.start(), m.end(), "breadcrumb") for m in _CRUMB_HEAD.finditer(text)]


_LABEL_CLOSE = re.compile(r"[.!?…:;,]['”\"’)]?$")


def _is_short_label(s: str) -> bool:
    return 1 <= len(s.split()) <= 8 and not _LABEL_CLOSE.search(s)


def trailing_furniture(text: str) -> list[Span]:
    """Short lines with no sentence end under the story's last paragraph: what follows the
    last sentence of an article in scraped text is the page's, not the story's ("Reuse this
    content", a credit, a stray label). A list the story introduces ("What we liked:" over its
    items) or numbers ("1. Knead the dough") stays."""
    lines = list(lines_with_offsets(text))
    content = [(off, line) for off, line in lines if line.strip()]
    k = len(content)
    while k > 0 and _is_short_label(content[k - 1][1].strip()):
        k -= 1
    if k == len(content) or k == 0:
        return []
    above = content[k - 1][1].strip()
    run = [line.strip() for _, line in content[k:]]
    if len(run) > 3 or above.endswith(":") or any(re.match(r"(?:[-•*–·]|\d+[.)])\s", x) for x in run):
        return []  # a longer run is a list of the story's (teams, results, ingredients)
    if any(re.search(r"\(@\w+\)", x) for x in run):
        return []  # an embedded post's signature, which the story quotes
    if len(above.split()) < 8:
        return []  # no paragraph of prose above: a list or a table, not a story's end
    start = content[k][0]
    return [(start, len(text.rstrip()), "trailing-furniture")]


# Words that carry a topic: four letters or more and not a function word
_FUNCTION_WORDS = frozenset(
    "this that with from have will would there their about which were been when what your more than into they "
    "them also some other over only such most very just like after before could should these those where while "
    "being each make made many much then here does said says every".split())


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")


def _topic_words(s: str) -> set[str]:
    return {w for w in _TOPIC_WORD.findall(s.lower()) if w not in _FUNCTION_WORDS}


@lru_cache(maxsize=2)  # stray_lines and stray_tails count the same text's words; read, never changed
def _topic_counts(text: str) -> Counter:
    """How many lines of the text hold each topic word."""
    return Counter(w for _, line in lines_with_offsets(text) for w in _topic_words(line))


def stray_lines(text: str) -> list[Span]:
    """Short lines with no sentence end, standing alone (or up to four in a row) between
    paragraphs, that share no topic word with the rest of the text: a story's crosshead repeats
    the story's words ("Module efficiency" over a paragraph on solar panels), a widget's label,
    an author box or other stories' headlines do not. A line with no topic word ("Wi-Fi 6",
    "Yes"), a list the story introduces ("...:") or numbers, an answer ("A: ...") and a quoted
    post's signature are left alone."""
    lines = [(off, line.strip(), len(line) - len(line.lstrip())) for off, line in lines_with_offsets(text) if line.strip()]
    counts = _topic_counts(text)
    out = []
    i = 0
    while i < len(lines):
        if not _is_short_label(lines[i][1]):
            i += 1
            continue
        j = i
        while j < len(lines) and _is_short_label(lines[j][1]):
            j += 1
        run = [line for _, line, _ in lines[i:j]]
        above = lines[i - 1][1] if i else ""
        if i == 0 and j == 1 and len(run[0].split()) >= 4:
            i = j
            continue  # a headline over the story: the title, which the cleaner reads later
        if len(run) <= 4 and not above.endswith(":") and _unrelated(run, counts):
            off, line, lead = lines[j - 1]
            out.append((lines[i][0] + lines[i][2], off + lead + len(line), "stray-line"))
        i = j
    return out


# The words of an article's own section heads: a crosshead made of them ("Key Takeaways",
# "The Bottom Line", "Pros and Cons") structures the story without repeating its topic
_HEADING_WORDS = frozenset(
    "key takeaways takeaway bottom line summary conclusion conclusions introduction overview background best "
    "practices practice tips tricks pros cons features feature pricing price prices benefits advantages "
    "disadvantages final thoughts verdict questions frequently asked answers step steps getting started "
    "example examples method methods results result analysis history timeline update updates what next why "
    "matters highlights details requirements ingredients instructions notes resources glossary definition "
    "comparison alternatives options review reviews rating specifications specs conclusion".split())


def _section_head(run: list[str]) -> bool:
    words = {w for x in run for w in _topic_words(x)}
    return bool(words) and words <= _HEADING_WORDS


def _unrelated(run: list[str], counts) -> bool:
    if any(re.match(r"(?:[-•*–·]|\d+[.)]|[QA]:)\s", x) or re.search(r"\(@\w+\)", x) for x in run):
        return False
    if _section_head(run):
        return False
    own = Counter(w for x in run for w in _topic_words(x))
    # lines with no topic word (a ticker "DOW 32,413 ▼3.2%") go with the run they stand in
    return bool(own) and all(counts[w] == n for w, n in own.items())


# "Edited by Nora Vells", "Fact checked by Amara Okonjo, MD": a credit line, a role then a name;
# "Last reviewed: May 2021"; a market ticker ("DOW 32,413 ▼3.2%"); a weather box ("Lisbon 14°C Sunny")
_CREDIT_LINE = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][a-z]+(?:[ -][a-z]+){0,2}[ \t]+by[ \t]+[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3}(?:,[ \t]*[A-Z][\w.]{1,5})?"
    r"|Last[ \t]+(?:reviewed|checked|verified|edited)[ \t]*:?[ \t]*(?:[A-Z][a-z]+\.?[ \t]+)?(?:\d{1,2},?[ \t]+)?\d{4}"
    r"|(?:[A-Z][\w&.]*(?:[ \t][A-Z\d][\w&.]*)?[ \t]+[\d,.]+[ \t]*[▲▼↑↓][ \t]*[\d.]+%[ \t]*){1,5}"
    r"|[A-Z][\w'’ -]{1,30}[ \t]+-?\d{1,3}[ \t]?°[CF](?:[ \t]+[A-Z][a-z]+(?:[ \t]+[a-z]+)?)?)[ \t]*$")


def credit_lines(text: str) -> list[Span]:
    return [(m.start(), m.end(), "credit-line") for m in at_line_starts(_CREDIT_LINE, text)]


# Detectors that take whole lines of one widget kind: run over the text, or asked whether a
# single line (a glued tail, a glued head) is such a widget as a whole
LINE_DETECTORS = (media_headlines, relative_times, length_labels, frame_lines, follow_lines, graphic_credits,
                  counters, bare_tag_lines, credit_lines)


def widget_spans(text: str, is_furniture) -> list[Span]:
    """Every widget detector over scraped text; ``is_furniture`` judges one line as a whole
    (for pieces glued onto their neighbours)."""
    spans = (button_rows(text) + headline_lists(text) + reader_polls(text) + link_notes(text)
             + navigation_lines(text) + player_controls(text) + breadcrumb_heads(text))
    for detect in LINE_DETECTORS:
        spans += detect(text)
    return spans + glued_blocks(text, is_furniture) + glued_heads(text, is_furniture)


# the sentence end after a word of three letters or a number, never an abbreviation ("St. Louis")
_TAIL_AFTER_SENTENCE = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=\d))[.!?][”\"’)]?[ \t]+([A-Z][^\n.!?:;]{0,80})$")


def stray_tails(text: str) -> list[Span]:
    """The same test for a short tail glued with a space after a paragraph's last sentence
    ("... over schedule. Markets closed"): no sentence end of its own, at most eight words, and
    no topic word the rest of the text has. The sentence before it must be a real one (six
    words or more), not a list number ("2. Avoid skipping meals")."""
    counts = _topic_counts(text)
    out = []
    for offset, line in lines_with_offsets(text):
        s = line.rstrip()
        # the tail holds 81 characters at most, after blanks, a closing quote and the full stop
        m = _TAIL_AFTER_SENTENCE.search(s, max(0, back_over_blanks(s, len(s) - 81) - 2))
        if not m or len(line[:m.start()].split()) < 6:
            continue
        tail = m.group(1).strip()
        if _is_short_label(tail) and _unrelated([tail], counts):
            out.append((offset + m.start(1), offset + m.start(1) + len(tail), "stray-line"))
    return out
