"""Colon attributions: "Lynch: No outside influence on FBI probe" and "SMITH: We will win."

Headlines, live blogs and transcripts attribute speech with a name and a colon instead
of a verb. A paragraph that opens with a short run of capitalised words (the speaker,
with no verb of its own) and a colon reports what that speaker said; "X on Y: ..." and
"X to Y: ..." name the speaker first, and a digest line ("LOW TURNOUT - Jane Roe: “...”")
puts a topic before it.
"""

from __future__ import annotations

import re

from dateline.analyse.speech import QuoteIndex, word_count
from dateline.doc import Doc
from dateline.record import Entity, Quote

# labels that open a paragraph with a colon but name no speaker
NOT_SPEAKERS = {
    "update", "updated", "updates", "note", "editor's note", "editor’s note", "editors note", "photo", "photos",
    "video", "watch", "listen", "read", "read more", "related", "source", "sources", "correction", "disclosure",
    "breaking", "breaking news", "exclusive", "live", "analysis", "opinion", "commentary", "background",
    "q", "a", "question", "answer", "summary", "transcript", "bottom line", "the bottom line", "why it matters",
    "what's next", "what’s next", "the latest", "latest", "warning", "caption", "credit", "image", "map",
    "chart", "graphic", "sign up", "subscribe", "follow", "contact", "email", "tags", "topics", "filed under",
    "see also", "more", "also", "next", "previous", "today", "tonight", "yesterday", "tomorrow", "here", "now",
    "pictured", "top", "first", "second", "third", "finally", "meanwhile", "plus", "bonus", "p.s", "ps",
    "in brief", "by the numbers", "fact check", "quote", "quotes", "results", "key points", "the latest",
}
# an imperative or preposition first is a call to action or a lead-in ("Follow Jo Lee on Twitter:")
NOT_SPEAKER_FIRST_WORDS = {"follow", "reach", "contact", "click", "read", "watch", "listen", "see", "sign",
                           "subscribe", "according", "via", "share", "download", "join", "visit", "like", "get"}
_WEEKDAYS_MONTHS = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|"
                              r"august|september|october|november|december)$", re.I)
# joining words allowed inside a speaker's name ("Secretary of State", "Mark Smith and Jo Lee")
_NAME_JOINERS = {"of", "the", "and", "&", "de", "del", "da", "van", "von", "al", "bin", "for", "’s", "'s"}
# a topic before the speaker in digests: "LOW TURNOUT - Jane Roe:" / "More from Roe:"
_LEAD_IN = re.compile(r"^(?:.*\s[-–—]\s+)?(?:(?:More|more)\s+)?(?:(?:from|From)\s+)?")
_MAX_SPEAKER_WORDS = 6


def colon_quotes(doc: Doc, quotes: QuoteIndex) -> list[tuple[Quote, tuple[int, int] | None]]:
    """Quotes attributed by "Speaker: content" paragraphs, each with the quotation it absorbs."""
    text = doc.text
    found: list[tuple[Quote, tuple[int, int] | None]] = []
    pos = 0
    n = len(text)
    while pos < n:
        line_end = text.find("\n", pos)
        line_end = n if line_end < 0 else line_end
        quote = _colon_quote_in_line(doc, quotes, pos, line_end)
        if quote is not None:
            found.append(quote)
        pos = line_end + 1
    return found


def headline_quote(doc: Doc, quotes: QuoteIndex) -> Quote | None:
    """"Mike Pence Calls for Special Prosecutor" / "Hillary Clinton Calls ISIS Violence
    ‘Genocide.’": a title-case headline whose verb of saying follows its speaker's name."""
    text = doc.text
    end = text.find("\n")
    end = len(text) if end < 0 else end
    line = text[:end]
    if not line or len(line.split()) > 25 or re.search(r"[.!?]\s+\S", line.rstrip(".!? ")):
        return None
    lead = re.match(r"(?:The Latest:\s*)?", line).end()
    words = list(re.finditer(r"\S+", line[lead:]))
    for k, word in enumerate(words[1:6], start=1):
        verb = word.group(0)
        if not verb[:1].isupper() or not _headline_speech_verb(verb):
            continue
        ss, se = lead + words[0].start(), lead + words[k - 1].end()
        if not looks_like_speaker_name(text[ss:se].rstrip(",")):
            return None
        cs = lead + word.end()
        rest = re.match(r"\s+(?:(?:For|That|On)\s+)?", line[cs:])
        cs += rest.end() if rest else 0
        ce = end
        while ce > cs and text[ce - 1] in " .\t":
            ce -= 1
        if word_count(text[cs:ce]) < 2:
            return None
        entity = named_entity(doc, ss, se)
        return Quote(speaker=entity.id if entity else None, text=text[cs:ce], direct=False, start=cs, end=ce,
                     speaker_name=entity.name if entity else text[ss:se], cue=verb, channel=None,
                     speaker_span=doc.span(ss, se), cue_span=doc.span(lead + word.start(), lead + word.end()))
    return None


def _headline_speech_verb(word: str) -> bool:
    """"Says", "Calls", "Promises", "Blasts": a verb of saying in the headline's present tense."""
    from dateline.analyse.speech import is_speech_lemma

    lower = word.lower().strip(",:")
    if not lower.endswith("s") or len(lower) < 4:
        return False
    stems = {lower[:-1], lower[:-2] if lower.endswith("es") else lower[:-1]}
    if lower.endswith("ies"):
        stems.add(lower[:-3] + "y")
    return any(is_speech_lemma(stem) for stem in stems)


def _colon_quote_in_line(doc: Doc, quotes: QuoteIndex, start: int, end: int):
    text = doc.text
    colon = _first_colon(text, quotes, start, min(end, start + 160))
    if colon is None:
        return None
    found = speaker_before_colon(text, start, colon)
    if found is None:
        return None
    ss, se = found
    cs = colon + 1
    while cs < end and text[cs] in " \t\u00a0":
        cs += 1
    quotation = quotes.containing(cs + 1) if cs < end and text[cs] in "\"“" else None
    if quotation is not None and quotation[0] == cs + 1:
        cs, ce = quotation
        direct = True
    else:
        quotation = None
        ce = end
        while ce > cs and text[ce - 1] in " \t.\u00a0":
            ce -= 1
        direct = text[cs:cs + 1] in "\"“‘'"
        if _is_scare_or_title_line(text, cs, ce):
            return None
    if word_count(text[cs:ce]) < 3:
        return None
    entity = named_entity(doc, ss, se)
    quote = Quote(speaker=entity.id if entity else None, text=text[cs:ce], direct=direct, start=cs, end=ce,
                  speaker_name=entity.name if entity else text[ss:se], cue=":", channel=None,
                  speaker_span=doc.span(ss, se), cue_span=doc.span(colon, colon + 1))
    return quote, quotation


def _first_colon(text: str, quotes: QuoteIndex, start: int, limit: int) -> int | None:
    for i in range(start, limit):
        ch = text[i]
        if ch == ":":
            # "8:40" is a time, "http:" a link, a colon inside a quotation is the quoted speaker's
            if i + 1 < len(text) and (text[i + 1].isdigit() or text[i + 1] == "/"):
                return None
            if quotes.inside(i):
                return None
            return i
        if ch in ".!?" and i + 1 < len(text) and text[i + 1] == " " and not _is_abbreviation(text, start, i):
            return None  # a sentence ended before any colon: running prose, not a label
    return None


def _is_abbreviation(text: str, start: int, i: int) -> bool:
    """"Sen." / "Gov." / "U.S." / "Jr." inside a name is not the end of a sentence."""
    word = re.search(r"(\S+)$", text[start:i])
    token = word.group(1) if word else ""
    return len(token) <= 4 and token[:1].isupper() or "." in token


def speaker_before_colon(text: str, start: int, colon: int) -> tuple[int, int] | None:
    """Char span of the speaker in "Speaker: ..." / "Speaker on Topic: ...", if the words
    before the colon read as a name (capitalised, few, no clause)."""
    prefix = text[start:colon]
    lead = _LEAD_IN.match(prefix)
    offset = lead.end() if lead else 0
    # "Gillibrand on Hillary ...:" / "Clinton to Planned Parenthood:" - the speaker comes first
    head = re.match(r"(.+?)\s+(?:[Oo]n|[Tt]o|[Aa]bout|[Aa]t)\s+[A-Z“‘\"]", prefix[offset:])
    name = head.group(1) if head else prefix[offset:]
    lstrip = len(name) - len(name.lstrip())
    s = start + offset + lstrip
    name = name.strip()
    if not looks_like_speaker_name(name):
        return None
    return s, s + len(name)


# a label's last word that names a feature, not a person: "Delegate Update:", "AP-GfK Poll:"
_LABEL_HEADS = {"update", "updates", "poll", "survey", "daily", "weekly", "roundup", "digest", "recap", "preview",
                "briefing", "newsletter", "highlights", "timeline", "explainer", "circle", "watch", "tracker"}


def looks_like_speaker_name(name: str) -> bool:
    if not name or name.casefold().strip(" .") in NOT_SPEAKERS:
        return False
    words = name.split()
    if len(words) > 1 and words[-1].casefold().strip(".,") in _LABEL_HEADS:
        return False
    if not 1 <= len(words) <= _MAX_SPEAKER_WORDS or not words[0][:1].isupper():
        return False
    if words[0].lower() in NOT_SPEAKER_FIRST_WORDS:
        return False
    if _WEEKDAYS_MONTHS.match(words[0].strip(",.")) and len(words) <= 3:
        return False
    for word in words:
        bare = word.strip(",.()")
        if not bare:
            return False
        if bare.lower() in _NAME_JOINERS:
            continue
        if not (bare[:1].isupper() or bare[:1] == "@"):
            return False
        if any(ch.isdigit() for ch in bare):
            return False
    return not name.endswith(",")


def _is_scare_or_title_line(text: str, s: int, e: int) -> bool:
    """A "Topic: Subtopic" label with no sentence after the colon (a section heading)."""
    return e - s < 12


def named_entity(doc: Doc, s: int, e: int) -> Entity | None:
    """The entity mentioned in [s, e), else a person or organisation whose name ends with
    the last word there ("Trump" -> "Donald Trump"; headlines are often untagged)."""
    entity = doc.entity_at(s, e)
    if entity is not None and entity.type not in ("GPE", "LOC"):
        return entity
    words = re.findall(r"[\w’'-]+", doc.text[s:e])
    if not words:
        return None
    last = words[-1].casefold()
    for candidate in doc.article.entities:
        if candidate.type in ("PERSON", "ORG") and candidate.name.split()[-1].casefold() == last:
            return candidate
    return None
