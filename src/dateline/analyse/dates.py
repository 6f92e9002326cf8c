"""Temporal expressions: find them, classify them, resolve them against the publication date.

A rule tagger in the HeidelTime tradition: each pattern below recognises one family of
expressions and returns its ISO 8601 value (as precise as the text allows) or None.
Spans follow TimeML habits: modifiers belong to the expression ("last Wednesday",
"early next year", "the third quarter"), prepositions do not ("on Friday" -> "Friday").

Relative expressions ("Friday", "last week", "in March") are resolved against
``doc.published``; with no publication date they get ``value=None``. Durations, sets and
vague words ("recently", "now") are kept with ``value=None``: never a guess. A period the
contract cannot write (a week, a quarter, a season) takes the month or year that holds it
when the text says which, else ``None``.

Speed: each rule names trigger words, one of which every match contains; the rule's regex
runs only in windows around their hits in the lower-cased text (``trigger_windows``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable

from dateline.analyse.numbers import WORD_NUMBER_RE, parse_number
from dateline.doc import Doc
from dateline.record import DateExpr

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"}
WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
            "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
            "sunday": 6, "sun": 6}

# full month names, or abbreviations with their period ("Sept.", "Nov."); "May" is handled apart
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
EDGE = r"(?:early|late|mid|mid-|the end of|the beginning of|the middle of|the start of|end-|the first half of|the second half of)"
UNIT = r"(?:second|minute|hour|day|week|weekend|month|quarter|year|decade|century)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
NUMWORD = rf"(?:\d+(?:\.\d+)?|{WORD_NUMBER_RE}|a|an|a few|several|many|some)"
CLOCK = r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|noon|midday|midnight)"
TIMEZONE = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST)\b)?"


@dataclass
class Found:
    start: int
    end: int
    value: str | None
    kind: str


def _ymd(d: _dt.date) -> str:
    return d.isoformat()


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# --- tense: which way a relative expression points -------------------------------------

FUTURE_CUES = re.compile(r"\b(will|'ll|shall|won't|wo n't|is to|are to|going to|plans? to|scheduled|expected to|"
                         r"due to|set to|next|upcoming|coming|would)\b", re.I)
PAST_CUES = re.compile(r"\b(said|was|were|had|did|ago|last|earlier|announced|reported|told|"
                       r"\w+ed)\b", re.I)


def sentence_tense(doc: Doc, start: int, end: int) -> str | None:
    """'future', 'past', 'present' or None for the clause around [start, end), from its verb.

    The parse says which verb the expression hangs from; its auxiliaries and tag give the
    tense ("will meet Friday" future, "met Friday" past, "meet Friday" present, which news
    uses for what is scheduled). Callers decide what the present means for them.
    """
    before = doc.text[max(0, start - 12):start].lower()
    if re.search(r"\b(since|ago)\s*$", before):
        return "past"
    if re.search(r"\bas (soon|early) as\s*$", before):
        return "future"  # "as soon as Tuesday" looks ahead
    if re.search(r"\beffective\s*$", before):
        return "future"  # "effective Feb. 1": a change that starts ahead
    deadline = bool(re.search(r"\b(until|till)\s*$", before))
    parsed = doc.parsed
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    through_noun = False
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        token = token.head
        through_noun = through_noun or token.pos_ == "NOUN"
    if through_noun and token.lemma_ in REPORTING:
        return None  # "told companies of a cutback in September": the telling's tense is not the cutback's
    if through_noun and token.lemma_ in SCHEDULING:
        return "future"  # "has scheduled a news conference Thursday": what is scheduled lies ahead
    if deadline and token.lemma_ in DEFERRING:
        return "future"  # "postponed until Tuesday": put off to a day ahead ("lasted until Tuesday" is past)
    if token.lemma_ in ("schedule", "slate", "reschedule"):
        return "future"  # "has scheduled a briefing Thursday", "was slated for Friday"
    for _ in range(4):
        if token.pos_ not in ("VERB", "AUX"):
            return None
        verdict = _verb_tense(token)
        if verdict == "present" and through_noun:
            return None  # "follows Tuesday's declaration": the present verb does not date the noun
        if verdict != "climb":
            return verdict
        token = token.head
    return None


PLAN_VERBS = {"plan", "expect", "schedule", "intend", "set", "due", "hope", "aim", "prepare", "agree", "vow",
              "promise", "threaten", "want", "seek", "decide", "suppose", "propose", "pledge", "urge", "need"}
# verbs that put something off to the day named after "until"
DEFERRING = {"postpone", "delay", "defer", "adjourn", "extend", "give", "suspend", "recess", "put", "push",
             "move", "grant", "allow"}
# verbs whose object is an appointment: the date on the object is when it will happen
SCHEDULING = {"schedule", "plan", "call", "set", "announce", "slate"}


def _verb_tense(token) -> str | None:
    """One verb's tense; 'climb' when an infinitive takes its tense from the verb above."""
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"}:
        return "future"
    if words & {"would", "might", "may", "should", "must"}:
        # a modal looks ahead ("would travel Thursday") unless it is perfect ("would have met")
        return "past" if "have" in words else "future"
    if words & {"could", "can"}:
        return None  # "could not be reached Wednesday" is past, "could sign Friday" ahead
    if token.lemma_ == "go" and any(c.dep_ == "xcomp" for c in token.children) and token.tag_ == "VBG":
        return "future"
    if any(a.tag_ == "VBD" or a.lower_ in ("had", "did", "was", "were") for a in auxes):
        return "past"
    if token.tag_ in ("VBD", "VBN"):
        return "past"
    if token.tag_ == "VB" and token.dep_ in ("xcomp", "ccomp", "advcl", "conj") and token.head != token:
        if token.head.lemma_ in PLAN_VERBS or token.head.lemma_ == "be":
            return "future"  # "plans to hold", "is to resume"
        return "climb"
    if token.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in ("due", "set", "expected", "scheduled", "slated",
                                                                       "likely", "poised", "ready")
                                    for c in token.children) and token.tag_ in ("VBZ", "VBP"):
        return "future"  # "the vote is due in November"
    if token.tag_ in ("VBZ", "VBP") and token.lemma_ not in REPORTING and token.lemma_ != "be":
        if not looks_present(token):
            return "past"  # "which fell 1.4%" tagged VBP: the form itself is a past one
        return "present"
    if token.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "present"  # "is traveling Thursday"
    return None


def looks_present(token) -> bool:
    """Whether a verb tagged present has a present form: the lemma itself, or lemma + s."""
    word, lemma = token.lower_, token.lemma_.lower()
    return word == lemma or word.startswith(lemma[:-1] if lemma.endswith("e") else lemma) and word.endswith("s") \
        or word in ("has", "does", "goes")


REPORTING = {"say", "tell", "announce", "report", "add", "note", "state", "confirm", "claim", "deny",
             "reveal", "explain", "write", "insist", "warn", "argue"}


# --- resolution helpers --------------------------------------------------------------


def resolve_weekday(weekday: int, published: _dt.date, tense: str | None, modifier: str | None) -> _dt.date:
    """The weekday nearest publication in the direction the text points.

    Plain "Friday" in a past-tense clause is the most recent Friday on or before the
    publication day (the same day included: a Friday article reporting "on Friday").
    """
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if modifier == "last":
        return published - _dt.timedelta(days=back or 7)
    if modifier == "next":
        return published + _dt.timedelta(days=ahead or 7)
    if modifier == "this":
        return published + _dt.timedelta(days=ahead) if tense == "future" else published - _dt.timedelta(days=back)
    if tense == "future":
        return published + _dt.timedelta(days=ahead)
    return published - _dt.timedelta(days=back)


def resolve_month_year(month: int, published: _dt.date, tense: str | None, modifier: str | None = None) -> int:
    """The year of a month named without one ("in March"), by tense and nearness."""
    year = published.year
    ahead = month - published.month  # months ahead of publication within its year
    # "last April" is the most recent April before last month (last month has its own name),
    # "next April" the first after this month
    if modifier == "last":
        return year if ahead < -1 else year - 1
    if modifier == "next":
        return year if ahead > 0 else year + 1
    if modifier == "this":
        return year
    if tense == "past":
        # a past-tense clause moves a month to last year only when it lies well ahead: news
        # writes "extended the offer to November" in late October about this November
        return year - 1 if ahead > NEAR_FUTURE_MONTHS else year
    if tense == "future":
        return year if ahead >= 0 else year + 1
    # nearest: a month more than six months away is taken from the neighbouring year
    if ahead > UNTENSED_AHEAD_MONTHS:
        return year - 1
    if -ahead > UNTENSED_BEHIND_MONTHS:
        return year + 1
    return year


# a date this near ahead of publication stays in the publication's year even in a past-tense
# clause: deadlines, payment and record dates are reported with past verbs ("set Nov. 10 as
# the deadline"), and news style leaves the year off dates of the current year
NEAR_FUTURE_DAYS = 92
NEAR_FUTURE_MONTHS = 2
# with no tense to go by, a month or day is taken from the neighbouring year when it lies
# further than this ahead of (behind) publication
UNTENSED_AHEAD_MONTHS = 6
UNTENSED_BEHIND_MONTHS = 6


def resolve_month_day_year(month: int, day: int, published: _dt.date, tense: str | None) -> int:
    year = published.year
    try:
        candidate = _dt.date(year, month, day)
    except ValueError:
        return year
    if tense == "past" and (candidate - published).days > NEAR_FUTURE_DAYS:
        return year - 1
    if tense == "future" and candidate < published - _dt.timedelta(days=1):
        return year + 1
    if tense is None:
        if (candidate - published).days > UNTENSED_AHEAD_MONTHS * 30.5:
            return year - 1
        if (published - candidate).days > UNTENSED_BEHIND_MONTHS * 30.5:
            return year + 1
    return year


def _shift_month(d: _dt.date, months: int) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


# --- the rules ------------------------------------------------------------------------

Rule = Callable[[re.Match, Doc], "tuple[str | None, str] | None"]
# (pattern, function, trigger): the trigger is a cheap case-sensitive regex over the
# lower-cased text that every match of the pattern contains (see ``rule_matches``)
RULES: list[tuple[re.Pattern, Rule, "Trigger"]] = []

# Triggers: words one of which every match of a rule contains. Scanning lower-cased text for
# plain literals is fast (re skips ahead on the first character); the rule's own pattern,
# with its optional modifiers and case folding, then runs only in windows around the hits.
T_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
T_WEEKDAY = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
T_UNIT = r"second|minute|hour|day|week|month|quarter|year|decade|centur"
T_PERIOD = r"day|week|month|year|morning|afternoon|evening|night"
T_YEAR = r"\d\d\d\d"
T_CLOCK = r"\d\s*[ap]\.?m|\d:\d|noon|midday|midnight"
T_SPOKEN_YEAR = r"nineteen|eighteen|twenty|two thousand"


def rule(pattern: str, flags: int = re.I, *, trigger: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES.append((re.compile(pattern, flags), fn, _trigger(trigger)))
        return fn
    return register


@dataclass(frozen=True, eq=False)  # one object per word list: identity is equality
class Trigger:
    """A trigger's alternatives, each compiled alone: re scans for a single literal ("year")
    with a fast substring search, but tries every position for an alternation of them."""

    parts: tuple[re.Pattern, ...]


_TRIGGERS: dict[str, Trigger] = {}


def _trigger(words: str) -> Trigger:
    """One Trigger per distinct word list, so rules that share one scan it once."""
    if words not in _TRIGGERS:
        _TRIGGERS[words] = Trigger(tuple(re.compile(part) for part in _alternatives(words)))
    return _TRIGGERS[words]


def _alternatives(pattern: str) -> list[str]:
    """The top-level branches of ``pattern`` (outside brackets and groups)."""
    parts, depth, current, escaped = [], 0, "", False
    for c in pattern:
        if escaped:
            current, escaped = current + c, False
            continue
        if c == "\\":
            escaped = True
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += c
    return parts + [current]


# how far (characters) a rule's match may reach before its trigger word and after it: the
# longest modifier run ("the past more than twenty-five and a half years") fits with room
WINDOW_LEAD = 72
WINDOW_TAIL = 56


def trigger_windows(lowered: str, trigger: Trigger,
                    hits: dict[re.Pattern, list[tuple[int, int]]] | None = None) -> list[tuple[int, int]]:
    """Merged [start, end) stretches of text around every hit of ``trigger``.

    ``hits`` keeps each alternative's hits for the document, so a word several triggers
    share ("year", "day") is looked for once."""
    found: list[tuple[int, int]] = []
    for part in trigger.parts:
        if hits is not None and part in hits:
            part_hits = hits[part]
        else:
            part_hits = [m.span() for m in part.finditer(lowered)]
            if hits is not None:
                hits[part] = part_hits
        found.extend(part_hits)
    if len(trigger.parts) > 1:
        found.sort()
    windows: list[tuple[int, int]] = []
    size = len(lowered)
    for start, end in found:
        lo, hi = max(0, start - WINDOW_LEAD), min(size, end + WINDOW_TAIL)
        if windows and lo <= windows[-1][1]:
            if hi > windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def rule_matches(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    """The matches ``pattern.finditer(text)`` gives, found only inside ``windows``.

    A match always contains its rule's trigger, so it lies in the window around that hit;
    searching resumes after the last match, as finditer does, so no match is cut in two.
    """
    last = 0
    for lo, hi in windows:
        if hi <= last:
            continue
        for m in pattern.finditer(text, max(lo, last), hi):
            if m.end() > m.start():
                last = m.end()
            yield m


def lowered_text(text: str) -> str:
    """The text in lower case, one character for one (a few letters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _tense(m: re.Match, doc: Doc) -> str | None:
    """Past, future or None: the plain present says nothing about a month or a year."""
    tense = sentence_tense(doc, m.start(), m.end())
    return None if tense == "present" else tense


def _day_tense(m: re.Match, doc: Doc) -> str | None:
    """Past, future or None for a weekday: "meet Monday" in the present is a scheduled Monday."""
    tense = sentence_tense(doc, m.start(), m.end())
    if tense == "present":
        # headlines tell past events in the present ("Protesters storm parliament on Friday"):
        # only a sentence of running text reads its present as a schedule
        return "future" if is_running_text(doc, m.start()) else None
    return tense


def is_running_text(doc: Doc, start: int) -> bool:
    """Whether the sentence around ``start`` ends like prose (a full stop, not a headline)."""
    if doc.parsed is None:
        return True
    span = doc.parsed.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return True
    sentence = span.sent.text.rstrip()
    return bool(re.search(r"[.!?][\"'\u201d\u2019)]*$", sentence))


@rule(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?(?![\d-])", trigger=r"\d\d\d\d-\d\d-\d\d")
def iso_date(m: re.Match, doc: Doc):
    try:
        _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    if m.group(4):
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}:{m.group(5)}", "time"
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "date"


@rule(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/])", trigger=r"\d[/.]\d")
def numeric_date(m: re.Match, doc: Doc):
    """11/20/2020 (US order) or 20/11/2020 when the first number cannot be a month."""
    a, b, y = int(m.group(1)), int(m.group(2)), m.group(3)
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 40 else 2000 + int(y))
    month, day = (a, b) if a <= 12 else (b, a)
    if "." in m.group(0) and b <= 12:  # 20.11.2020 is European order
        month, day = b, a
    try:
        return _dt.date(year, month, day).isoformat(), "date"
    except ValueError:
        return None


_UNDATED = object()  # a month and day with no year and no publication date to place it


def _month_day_value(m: re.Match, doc: Doc, *, month: int, day: int, year: int):
    """The ISO day of a month-day match (groups given by number), the year read or worked
    out from the publication date; ``_UNDATED`` with no way to tell the year, None if the
    day does not exist."""
    month_number = _month_number(m.group(month))
    day_number = int(re.match(r"\d+", m.group(day)).group(0))
    if m.group(year):
        year_number = int(m.group(year))
    elif doc.published:
        year_number = resolve_month_day_year(month_number, day_number, doc.published, _tense(m, doc))
    else:
        return _UNDATED
    try:
        return _dt.date(year_number, month_number, day_number).isoformat()
    except ValueError:
        return None


@rule(rf"\b(?:(?:{WEEKDAY}),?\s+)?({EDGE}\s+)?({MONTH})\s+({DAY})(?:,?\s+({YEAR}))?(?:,?\s+(?:at\s+)?({CLOCK}){TIMEZONE})?(?!\d)", 0, trigger=T_MONTH)
def month_day(m: re.Match, doc: Doc):
    """Nov. 20, 2020 / November 20 / Friday, Nov. 20."""
    value = _month_day_value(m, doc, month=2, day=3, year=4)
    if value is _UNDATED:
        return None, "date"
    if value is None:
        return None
    if m.group(5):
        hh, mm = clock_value(m.group(5))
        return f"{value}T{hh:02d}:{mm:02d}", "time"
    return value, "date"


@rule(rf"\b(?:(?:{WEEKDAY}),?\s+)?(?:the\s+)?({DAY})(?:\s+of)?\s+({MONTH})(?:,?\s+({YEAR}))?(?!\d)", 0, trigger=T_MONTH)
def day_month(m: re.Match, doc: Doc):
    """20 November 2020 / the 20th of November."""
    if not re.search(r"\d", m.group(1)):
        return None
    month = _month_number(m.group(2))
    day = int(re.match(r"\d+", m.group(1)).group(0))
    if m.group(3):
        year = int(m.group(3))
    elif doc.published:
        year = resolve_month_day_year(month, day, doc.published, _tense(m, doc))
    else:
        return None, "date"
    try:
        return _dt.date(year, month, day).isoformat(), "date"
    except ValueError:
        return None


@rule(rf"\b(?:(?i:(early|late|mid-?|the end of|the beginning of|the middle of|the start of))\s*)?(?:(?i:(last|next|this))\s+)?({MONTH})(?:,?\s+(?:of\s+)?({YEAR}))?(?![\w.]*\.?\s+\d)", 0, trigger=T_MONTH)
def month_alone(m: re.Match, doc: Doc):
    """March / last April / early September / July 1997."""
    word = m.group(3)
    has_context = m.group(1) or m.group(2) or m.group(4)
    if word in ("May", "March") and not has_context:
        before = doc.text[max(0, m.start() - 12):m.start()].lower()
        if not re.search(r"\b(in|since|until|by|of|from|through|to|before|after|during|the)\s+$", before, re.I):
            return None  # the verbs "may" and "march" ("the March accession" is the month)
    if word.lower().rstrip(".") in MONTHS and word.lower() not in FULL_MONTHS and not word.endswith(".") \
            and not m.group(4):
        return None  # "Jan Kavan": a bare abbreviation without its period or a year is a name
    month = _month_number(word)
    if m.group(4):
        return f"{m.group(4)}-{month:02d}", "date"
    if doc.published is None:
        return None, "date"
    year = resolve_month_year(month, doc.published, _tense(m, doc), m.group(2) and m.group(2).lower())
    return f"{year}-{month:02d}", "date"


@rule(rf"\b(?:(?i:(last|next|this|past|coming|early|late))\s+)?({WEEKDAY})(?:\s+(?i:({PART_OF_DAY})))?\b", 0, trigger=T_WEEKDAY)
def weekday(m: re.Match, doc: Doc):
    if doc.published is None:
        return None, "date"
    modifier = (m.group(1) or "").lower() or None
    modifier = {"past": "last", "coming": "next"}.get(modifier, modifier)
    when = resolve_weekday(WEEKDAYS[m.group(2).lower()], doc.published, _day_tense(m, doc),
                           modifier if modifier in ("last", "next", "this") else None)
    return _ymd(when), "date"


@rule(rf"\b(?:(early|late|earlier|later)\s+)?(today|tonight|yesterday|tomorrow)(?:\s+({PART_OF_DAY}))?\b", trigger="today|tonight|yesterday|tomorrow")
def deictic_day(m: re.Match, doc: Doc):
    if doc.published is None:
        return None, "date"
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m.group(2).lower()]
    return _ymd(doc.published + _dt.timedelta(days=offset)), "date"


@rule(rf"\b(this|yesterday|tomorrow)\s+({PART_OF_DAY})\b|\b(last)\s+(night)\b", trigger="morning|afternoon|evening|night")
def part_of_day(m: re.Match, doc: Doc):
    """this morning / last night: the day they fall on (the contract has no part-of-day value)."""
    if doc.published is None:
        return None, "date"
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[(m.group(1) or m.group(3)).lower()]
    return _ymd(doc.published + _dt.timedelta(days=offset)), "date"


@rule(r"\b(?:(early|late|earlier|later)\s+)?(this|last|next|the past|the coming|the previous|the current|the same)\s+(week|weekend|month|year|decade|century)\b", trigger="week|month|year|decade|centur")
def relative_unit(m: re.Match, doc: Doc):
    """this year / last month / earlier this month / next week."""
    which, unit = m.group(2).lower(), m.group(3).lower()
    if doc.published is None or unit in ("weekend", "decade", "century") or which == "the same":
        return None, "date"
    step = {"this": 0, "the current": 0, "last": -1, "the past": -1, "the previous": -1,
            "next": 1, "the coming": 1}[which]
    if unit == "week":
        # "the past week" is most often a stretch up to now; the others name a calendar week
        return (None, "date") if which == "the past" else (week_container(doc.published, step), "date")
    if which == "the past" and unit == "year":
        return str(doc.published.year - 1), "date"
    if unit == "year":
        return str(doc.published.year + step), "date"
    y, mo = _shift_month(doc.published, step)
    return f"{y}-{mo:02d}", "date"


@rule(r"\b(?:(this|last|next|the past|the coming|the)\s+)weekend\b(?!s)", trigger="weekend")
def weekend(m: re.Match, doc: Doc):
    """over the weekend / last weekend / this weekend: the month (else year) holding it."""
    if doc.published is None:
        return None, "date"
    which = m.group(1).lower()
    published = doc.published
    saturday_back = published - _dt.timedelta(days=(published.weekday() - 5) % 7)  # on or before
    if which in ("last", "the past"):
        saturday = saturday_back if published.weekday() >= 5 and which == "the past" else \
            saturday_back - _dt.timedelta(days=7 if published.weekday() >= 5 else 0)
    elif which in ("next", "the coming"):
        saturday = saturday_back + _dt.timedelta(days=7)
    else:
        tense = _tense(m, doc)
        on_or_after = published.weekday() >= 5 or tense != "future"
        saturday = saturday_back if on_or_after else saturday_back + _dt.timedelta(days=7)
    sunday = saturday + _dt.timedelta(days=1)
    if (saturday.year, saturday.month) == (sunday.year, sunday.month):
        return f"{saturday.year}-{saturday.month:02d}", "date"
    return (str(saturday.year) if saturday.year == sunday.year else None), "date"


def week_container(published: _dt.date, step: int) -> str | None:
    """The month (else the year) that holds the whole Monday-to-Sunday week ``step`` weeks
    from publication's: the contract has no week value, and a containing month is exact,
    only coarser. A week across a new year has no value."""
    monday = published - _dt.timedelta(days=published.weekday()) + _dt.timedelta(weeks=step)
    sunday = monday + _dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return f"{monday.year}-{monday.month:02d}"
    return str(monday.year) if monday.year == sunday.year else None


@rule(rf"\b(?:(early|late)\s+)?(this|last|next)\s+({SEASON})\b", trigger="spring|summer|fall|autumn|winter")
def season(m: re.Match, doc: Doc):
    """last fall / this summer: the contract has no season value, so the year that holds it."""
    if doc.published is None:
        return None, "date"
    return season_year(m.group(3).lower(), m.group(2).lower(), doc.published), "date"


# first and last month of each season (northern, as the news this is written for counts them);
# winter runs across a new year, so no single year holds it
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}


def season_year(name: str, which: str, published: _dt.date) -> str | None:
    """The year of this / last / next season: "last summer" in October is this year's."""
    if name not in SEASON_MONTHS:
        return None
    first, last = SEASON_MONTHS[name]
    year = published.year
    if which == "last":
        return str(year if published.month > last else year - 1)
    if which == "next":
        return str(year if published.month < first else year + 1)
    return str(year)


@rule(r"\b(?:the\s+)?(?:(?:(?:this|last|next)\s+year's|(?:19|20)\d\d|comparable|corresponding|year-ago|year-earlier)\s+)?(?:(?:fiscal|calendar)\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th|latest|last|current|year-ago|year-earlier|same)[\s-]+)?(?:fiscal[\s-]+)?(quarter|half|period)\b(?:\s+of\s+(\d{4}))?"
      r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b)?", trigger="quarter|half|period")
def quarter(m: re.Match, doc: Doc):
    """Quarters and halves: dated to their year when written, never to a quarter value.

    'Period' is a quarter only with a qualifier that makes it a reporting period ('the 1988
    period', 'the year-ago period', 'the latest period'); 'the period' alone is not dated."""
    if not m.group(1) and not m.group(0).lower().startswith("the"):
        return None
    if m.group(2).lower() == "period" and not re.search(
            r"\d{4}|year|latest|comparable|corresponding|same|current|first|second|third|fourth", m.group(0), re.I):
        return None
    return quarter_year(m.group(0), doc.published), "date"


def quarter_year(words: str, published: _dt.date | None) -> str | None:
    """The year that holds a quarter, when the words say which: 'the 1988 period', 'the first
    quarter of 1990', 'last year's third quarter', 'the year-ago quarter'. The contract has no
    quarter value; the year is exact, only coarser. A quarter with no year stays undated
    (a fiscal third quarter may fall in either calendar year)."""
    written = re.search(r"\b(?:19|20)\d\d\b", words)
    if written:
        return written.group(0)
    if published is None:
        return None
    lowered = words.lower()
    if re.search(r"\blast year|year-ago|year-earlier|a year (?:ago|earlier)", lowered):
        return str(published.year - 1)
    if "this year's" in lowered:
        return str(published.year)
    if "next year's" in lowered:
        return str(published.year + 1)
    return None


@rule(rf"\b(?:(early|late|mid-?|the end of|the beginning of|the middle of|the start of|the first half of|the second half of)\s*)?(?:(?:fiscal|calendar|the year|model year)\s+)?(?<![\d,.$£€])({YEAR})(?!\s*(?:%|percent))(?![\w\d]|[,.]\d)", trigger=T_YEAR)
def year(m: re.Match, doc: Doc):
    """A bare year: 1990, fiscal 1989, the end of 2020."""
    before = doc.text[max(0, m.start() - 2):m.start()]
    if re.search(r"[$£€#]\s*$", before) or counts_something(doc, m.start(2), m.end(2)):
        return None
    if re.match(r"\s*(?:GMT|UTC|Z\b|hrs\b|hours\b|local\b|IST|EST|CET)", doc.text[m.end(2):m.end(2) + 8]):
        return None  # "(1900 GMT)": a 24-hour clock, not a year
    return m.group(2), "date"


def counts_something(doc: Doc, start: int, end: int) -> bool:
    """'2000 soldiers': a number modifying a plural noun is a count, not a year."""
    if doc.parsed is None:
        return False
    span = doc.parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    head = token.head
    if token.dep_ != "nummod" or head.tag_ not in ("NNS", "NNPS") or not 0 < head.i - token.i <= 3:
        return False
    if any(t.is_punct for t in token.doc[token.i + 1:head.i]):
        return False  # "In fiscal 1989, it had sales": a comma parts the year from the noun
    # "the 2000 Olympics", "1990 earnings": a year names which games, which year's results
    return not head.text[:1].isupper() and head.lemma_.lower() not in PERIOD_NOUNS


# plural nouns a year modifies as "which year's" rather than "how many"
PERIOD_NOUNS = {"earning", "earnings", "sale", "sales", "result", "results", "profit", "profits", "revenue",
                "revenues", "figure", "figures", "forecast", "forecasts", "estimate", "estimates", "level", "levels",
                "price", "prices", "budget", "budgets", "election", "elections", "game", "games", "olympics",
                "accord", "accords", "talk", "talks", "riot", "riots", "protest", "protests", "attack", "attacks"}


@rule(r"\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(1[6-9]\d0|20[0-9]0)'?s\b|\bthe\s+'(\d)0s\b", trigger="0s|0's")
def decade(m: re.Match, doc: Doc):
    return None, "date"  # "the 1990s": no contract value for a decade


@rule(rf"\b(?:(?:nearly|almost|roughly|some|about|more than|less than|at least|just|only)\s+)?(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several|many)\s+)({UNIT})s?\s+(ago|earlier|before|later|from now|hence)\b", trigger="ago|earlier|before|later|from now|hence")
def offset_ago(m: re.Match, doc: Doc):
    """a year ago / two days earlier / six months ago, counted back from publication."""
    if doc.published is None:
        return None, "date"
    n = parse_number(m.group(1))
    unit, direction = m.group(2).lower(), m.group(3).lower()
    if n is None or n != int(n):
        return None, "date"
    n = int(n) * (1 if direction in ("later", "from now", "hence") else -1)
    if direction in ("earlier", "before", "later") and unit != "year":
        return None, "date"  # relative to an event in the text, not to publication
    if unit == "week":
        return _ymd(doc.published + _dt.timedelta(days=7 * n)), "date"
    if unit == "day":
        return _ymd(doc.published + _dt.timedelta(days=n)), "date"
    if unit == "month":
        y, mo = _shift_month(doc.published, n)
        return f"{y}-{mo:02d}", "date"
    if unit == "year":
        return str(doc.published.year + n), "date"
    if unit == "decade":
        return None, "date"
    return None, "date"


@rule(rf"\b(?:at\s+)?(?:about\s+|around\s+)?({CLOCK}){TIMEZONE}(?:\s+(?:local time|GMT|UTC))?", trigger=T_CLOCK)
def clock_time(m: re.Match, doc: Doc):
    """8:40 p.m. / 10 am / noon: the time on the publication day when there is one."""
    hh, mm = clock_value(m.group(1))
    if doc.published is None:
        return None, "time"
    # "clock": a time of day whose day find_dates may take from a date beside it
    return f"{doc.published.isoformat()}T{hh:02d}:{mm:02d}", "clock"


@rule(r"(?<![\d,.])([01]\d|2[0-3])([0-5]\d)\s*(GMT|UTC|Z)\b", 0, trigger=T_YEAR)
def military_clock(m: re.Match, doc: Doc):
    """'1900 GMT': a 24-hour clock in universal time, as wire copy gives it beside local time."""
    if doc.published is None:
        return None, "time"
    return f"{doc.published.isoformat()}T{m.group(1)}:{m.group(2)}Z", "clock"


def clock_value(text: str) -> tuple[int, int]:
    """(hour, minute) of "8:40 p.m.", "10 am", "noon", "14:30"."""
    text = text.lower().replace(" ", "")
    if text in ("noon", "midday"):
        hh, mm = 12, 0
    elif text == "midnight":
        hh, mm = 0, 0
    else:
        nums = re.match(r"(\d+)(?::(\d+))?", text)
        hh, mm = int(nums.group(1)), int(nums.group(2) or 0)
        if "p" in text and hh < 12:
            hh += 12
        if "a" in text and hh == 12:
            hh = 0
    return hh, mm


@rule(rf"\b(?:(?:the\s+)?(?:past|last|next|first|coming|previous|following)\s+)?(?:(?:about|almost|nearly|more than|over|some|at least|less than)\s+)?(?:{NUMWORD})[\s-]+(?:(?:and a half|half)\s+)?({UNIT})s?(?:[\s-]+long)?\b(?!\s+(?:ago|earlier|later|before|from now))(?!-old)", trigger=T_UNIT)
def duration(m: re.Match, doc: Doc):
    """three years / the past six months / a decade: durations have no calendar value."""
    if "-quarter" in m.group(0).lower():
        return None  # "three-quarters" is a fraction
    before = doc.text[max(0, m.start() - 10):m.start()].lower()
    if m.group(0).lower() == "one day" and not re.search(r"\b(for|in|within|after)\s+$", before):
        return None  # "one day" as "some day"
    if re.match(r"(?:a|an)[\s-]+\w+s\b", m.group(0), re.I) and not re.match(r"(?:a|an)\s+few\b", m.group(0), re.I):
        return None  # "a months-long standoff": the article belongs to the noun, not to a count
    if is_age(doc.text, m.end()) or is_rate(doc, m) or is_ordinal_second(doc, m) or is_fraction_quarter(doc.text, m):
        return None
    return None, "duration"


def is_age(text: str, end: int) -> bool:
    """'Mr. Reupke, 52 years old': an age, which TimeML leaves untagged."""
    return bool(re.match(r"\s+(?:old|of age)\b", text[end:end + 8]))


def is_rate(doc: Doc, m: re.Match) -> bool:
    """'$2 million a year', 'four flights a week', '24 hours a day': 'a <unit>' after an amount
    says how often, it is not a stretch of time."""
    if not re.match(r"(?:a|an|per)\s", m.group(0), re.I):
        return False
    before = doc.text[max(0, m.start() - 30):m.start()]
    if re.search(r"(?:\d|\b(?:times|twice|once|thrice|percent|million|billion|thousand|hundred|dozen))\s*$", before, re.I):
        return True
    span = doc.parsed.char_span(m.start(), m.end(), alignment_mode="expand") if doc.parsed is not None else None
    if span is None or span.start == 0:
        return False
    # a counted plural just before ("four flights a week"), not any plural ("gave the workers a week")
    previous = doc.parsed[span.start - 1]
    return previous.tag_ == "NNS" and any(c.dep_ == "nummod" for c in previous.children)


def is_ordinal_second(doc: Doc, m: re.Match) -> bool:
    """'a second group', 'a second betrayal': 'second' the ordinal, not the unit."""
    if m.group(1).lower() != "second":
        return False
    return bool(re.match(r"\s+(?!later|ago|earlier|or|and|to|in|of|after|before|[.,;:!?])[a-z]", doc.text[m.end():m.end() + 12]))


def is_fraction_quarter(text: str, m: re.Match) -> bool:
    """'more than a quarter of the market': a fraction, not three months."""
    return m.group(1).lower() == "quarter" and bool(re.match(r"\s+of\s+(?!\d{4}\b)", text[m.end():m.end() + 12]))


@rule(rf"\b(?:for\s+)?(years|months|weeks|days|decades|hours)\b(?!\s+(?:ago|earlier|later))", trigger="years|months|weeks|days|decades|hours")
def bare_plural_duration(m: re.Match, doc: Doc):
    if not m.group(0).lower().startswith("for"):
        return None
    return None, "duration"


@rule(rf"\b(?:every|each)\s+(?:other\s+)?(?:day|week|month|year|morning|night|{WEEKDAY}|weekend)\b|\b(?:daily|weekly|monthly|annually|yearly|nightly)\b", trigger="every|each|daily|weekly|monthly|annually|yearly|nightly")
def recurring(m: re.Match, doc: Doc):
    if is_frequency_adjective(doc, m):
        return None
    return None, "set"


def is_frequency_adjective(doc: Doc, m: re.Match) -> bool:
    """'daily flights', 'average daily volume', 'the party daily Granma': an adjective (or a
    newspaper) that describes a thing; TimeML tags the adverb ('rallies almost daily')."""
    if m.group(0).lower().startswith(("every", "each")) or doc.parsed is None:
        return False
    span = doc.parsed.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None:
        return False
    token = span[-1]
    return token.dep_ in ("amod", "compound") or token.pos_ in ("ADJ", "NOUN", "PROPN")


@rule(r"\b(?:in\s+)?(recent\s+(?:days|weeks|months|years|decades)|the\s+(?:last|past)\s+few\s+(?:days|weeks|months|years))\b", trigger="recent|few")
def recent_period(m: re.Match, doc: Doc):
    """'in recent weeks', 'the past few months': a stretch up to now with no edge to date it."""
    return None, "vague"


@rule(r"\b(now|currently|recently|soon|nowadays|lately|at present|at the moment|these days|the future|the past|"
      r"in the near future|previously|formerly|so far|to date|shortly|immediately|earlier|later|once|the moment)\b", trigger=("now|currently|recently|soon|lately|present|moment|these days|future|past|previously|formerly|so far|"
          "to date|shortly|immediately|earlier|later|once"))
def vague(m: re.Match, doc: Doc):
    word = m.group(1).lower()
    # adverbs that are not time words in most uses are dropped
    if word in ("earlier", "later", "once", "immediately", "so far", "to date", "the moment", "shortly",
                "formerly", "previously"):
        return None
    if word == "soon" and is_conjunction_soon(doc.text, m.start(1), m.end(1)):
        return None
    if word == "now" and is_discourse_now(doc.text, m.start(1), m.end(1)):
        return None
    return None, "vague"


def is_discourse_now(text: str, start: int, end: int) -> bool:
    """'Now, he says, ...' opening a sentence: a turn in the telling, not the present time."""
    before = text[max(0, start - 3):start].rstrip(" \"'\u201c`")
    return text[start] == "N" and text[end:end + 1] == "," and (not before or before[-1] in ".!?\n")


def is_conjunction_soon(text: str, start: int, end: int) -> bool:
    """'as soon as', 'soon after': a link between two events, not a time of its own."""
    before, after = text[max(0, start - 3):start].lower(), text[end:end + 12].lower()
    return before.endswith("as ") or bool(re.match(r"\s+(as|after|afterwards?|thereafter)\b", after))


@rule(rf"\b({CLOCK}){TIMEZONE}\s+(?:(?i:(last|next|this))\s+)?({WEEKDAY})\b|\b(?:(?i:(last|next|this))\s+)?({WEEKDAY})(?:\s+({PART_OF_DAY}))?,?\s+(?:at\s+)?({CLOCK}){TIMEZONE}", 0, trigger=T_WEEKDAY)
def weekday_time(m: re.Match, doc: Doc):
    """noon Thursday / 10 p.m. Wednesday / Friday at 8:40 p.m."""
    if doc.published is None:
        return None, "time"
    clock = m.group(1) or m.group(7)
    modifier = (m.group(2) or m.group(4) or "").lower() or None
    day = resolve_weekday(WEEKDAYS[(m.group(3) or m.group(5)).lower()], doc.published, _day_tense(m, doc), modifier)
    hh, mm = clock_value(clock)
    return f"{day.isoformat()}T{hh:02d}:{mm:02d}", "time"


@rule(rf"\b({CLOCK}){TIMEZONE},?\s+(?:on\s+)?(?:{WEEKDAY},?\s+)?({MONTH})\s+({DAY})(?:,?\s+({YEAR}))?(?!\d)", 0, trigger=T_MONTH)
def clock_month_day(m: re.Match, doc: Doc):
    """5 p.m. EST Nov. 9 / 10 a.m., Monday, Jan. 6: the clock on the named day."""
    value = _month_day_value(m, doc, month=2, day=3, year=4)
    if value is _UNDATED:
        return None, "time"
    if value is None:
        return None
    hh, mm = clock_value(m.group(1))
    return f"{value}T{hh:02d}:{mm:02d}", "time"


@rule(r"\b(?:the\s+)?(?:(?:end|close)\s+of\s+the\s+year|year[- ]end|year's end)\b(?!-)"
      r"|\bthe\s+end\s+of\s+(?:the|this)\s+(year|month)\b", trigger="year|end")
def end_of_period(m: re.Match, doc: Doc):
    """year-end / the end of the year / the end of the month: the publication's year or month."""
    if doc.published is None:
        return None, "date"
    if (m.group(1) or "").lower() == "month":
        return doc.published.strftime("%Y-%m"), "date"
    return str(doc.published.year), "date"


@rule(r"\b(?:the\s+)?(?:current|present|full|this)\s+(?:fiscal\s+|calendar\s+)?year\b|\bthe\s+fiscal\s+year\b(?!\s+(?:ended|ending|that|which|before|ago))", trigger="year")
def current_fiscal_year(m: re.Match, doc: Doc):
    """the current fiscal year / the full year: the year being reported on, publication's."""
    if doc.published is None:
        return None, "date"
    return str(doc.published.year), "date"


@rule(r"\b(?:(?:earlier|later)\s+in\s+)?the\s+year\b(?![\s-]+(?:-|ago|earlier|before|after|ended|ending|end|to|of|when|that|which|in|two|nineteen|round|long|old|\d))(?!-)",
      trigger="year")
def the_year(m: re.Match, doc: Doc):
    """'for the year', 'earlier in the year': the year the story is in, publication's.

    Not 'the year ended Sept. 30' (a fiscal year, which is a duration), 'the year before'
    (anchored) or 'the year two thousand' (a spoken year)."""
    before = doc.text[max(0, m.start() - 24):m.start()].lower()
    of = re.search(r"(\w+)\s+of\s+$", before)
    if of and of.group(1) not in YEAR_PARTS:
        return None  # "player of the year" is a title; "nine months of the year" is this year
    if doc.published is None:
        return None, "date"
    return str(doc.published.year), "date"


# words that, before "of the year", name a stretch of this year rather than an award
YEAR_PARTS = {"months", "weeks", "days", "quarter", "quarters", "half", "end", "start", "beginning", "rest",
              "remainder", "part", "middle", "balance", "close", "course", "most", "much", "all"}


@rule(r"\b(year-earlier|year-ago|year-before)\b(?!\s+(?:quarter|period|half|months|weeks|third|second|first|fourth))", trigger="year-")
def year_earlier_adjective(m: re.Match, doc: Doc):
    """'from year-earlier levels': the previous year; a year-ago quarter has no contract value."""
    if doc.published is None:
        return None, "date"
    return str(doc.published.year - 1), "date"


@rule(rf"\b({MONTH})\s+(last|this|next)\s+year\b", 0, trigger=T_MONTH)
def month_of_relative_year(m: re.Match, doc: Doc):
    """June last year / January this year."""
    if doc.published is None:
        return None, "date"
    year = doc.published.year + {"last": -1, "this": 0, "next": 1}[m.group(2).lower()]
    return f"{year}-{_month_number(m.group(1)):02d}", "date"


SPOKEN_CENTURY = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}
SPOKEN_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
               "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
               "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


@rule(r"\b(?:(?:the\s+)?year\s+)?(?:(nineteen|eighteen|twenty)[\s-]+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?|(two thousand)(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten))?)\b", trigger=T_SPOKEN_YEAR)
def spoken_year(m: re.Match, doc: Doc):
    """nineteen ninety-six / the year two thousand, as transcripts write years."""
    if m.group(4):
        if not m.group(0).lower().startswith(("the year", "year")):
            return None  # "two thousand soldiers" is a number
        return str(2000 + SPOKEN_UNITS.get(m.group(5) or "", 10 if m.group(5) == "ten" else 0)), "date"
    if m.group(0).lower().startswith(("the year", "year")) is False and not m.group(2):
        return None
    return str(SPOKEN_CENTURY[m.group(1).lower()] + SPOKEN_TENS[m.group(2).lower()]
               + SPOKEN_UNITS.get((m.group(3) or "").lower(), 0)), "date"


SPOKEN_YEAR = (r"(nineteen|eighteen|twenty)[\s-]+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
               r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
               r"(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?")


@rule(rf"\b({MONTH})(?:,?\s+(?:of\s+)?){SPOKEN_YEAR}\b", trigger=T_SPOKEN_YEAR)
def month_spoken_year(m: re.Match, doc: Doc):
    """January nineteen ninety-seven: a month with the year as transcripts write it."""
    year = (SPOKEN_CENTURY[m.group(2).lower()] + SPOKEN_TENS[m.group(3).lower()]
            + SPOKEN_UNITS.get((m.group(4) or "").lower(), 0))
    return f"{year}-{_month_number(m.group(1)):02d}", "date"


HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
            "valentine's day": (2, 14), "halloween": (10, 31)}


@rule(r"\b(Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Independence Day|Valentine's Day|Halloween|Thanksgiving(?: Day)?)\b", 0, trigger="christmas|new year|independence day|valentine|halloween|thanksgiving")
def holiday(m: re.Match, doc: Doc):
    """Christmas / Thanksgiving: the nearest one, or the last or next one when the clause's
    tense says which ("we ate on Thanksgiving" in the week before it is last year's)."""
    if doc.published is None:
        return None, "date"
    name = m.group(1).lower()

    def on(year: int) -> _dt.date:
        if name.startswith("thanksgiving"):  # the fourth Thursday of November
            first = _dt.date(year, 11, 1)
            return first + _dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        month, day = HOLIDAYS[name]
        return _dt.date(year, month, day)

    published, year = doc.published, doc.published.year
    when = on(year)
    if (when - published).days > 183:
        when = on(year - 1)
    elif (published - when).days > 183:
        when = on(year + 1)
    tense = _tense(m, doc)
    if tense == "past" and when > published:
        when = on(when.year - 1)
    elif tense == "future" and when < published:
        when = on(when.year + 1)
    return _ymd(when), "date"


# --- expressions anchored on the date the story last mentioned ------------------------
# "that year", "the next day", "the previous Friday" count from the narrative's own time, the
# last date the text gave before them, not from publication. Their rules return a marker
# ("@D+1": a day after the anchor) that find_dates resolves once every expression is known.

ANAPHOR_UNITS = {"day": "D", "morning": "D", "afternoon": "D", "evening": "D", "night": "D",
                 "month": "M", "year": "Y", "week": "W"}


@rule(rf"\b(?:(earlier|later)\s+)?that\s+(day|morning|afternoon|evening|night|month|year|week)\b(?!\s+(?:of|when|that|which)\b)", trigger=T_PERIOD)
def that_period(m: re.Match, doc: Doc):
    """that year / later that day: the anchor's own year or day."""
    unit = ANAPHOR_UNITS[m.group(2).lower()]
    return (None, "date") if unit == "W" else (f"@{unit}+0", "date")


@rule(rf"\bthe\s+(same|next|following|previous|prior|preceding)\s+(day|morning|afternoon|evening|night|month|year|week)\b(?!\s+(?:of|when|that|which|after|before)\b)", trigger=T_PERIOD)
def next_period(m: re.Match, doc: Doc):
    """the next day / the following year / the previous month, counted from the anchor."""
    unit = ANAPHOR_UNITS[m.group(2).lower()]
    step = {"same": 0, "next": 1, "following": 1}.get(m.group(1).lower(), -1)
    return (None, "date") if unit == "W" else (f"@{unit}{step:+d}", "date")


@rule(r"\bthe\s+(day|night|month|year)\s+(before|after)\b(?!\s+(?:the|a|an|his|her|its|their|this|that|last|next|[A-Z0-9]))", trigger="before|after")
def period_before_after(m: re.Match, doc: Doc):
    """'the day before', said of the anchor (not 'the day before the vote', which names its own)."""
    unit = ANAPHOR_UNITS[m.group(1).lower()]
    return f"@{unit}{-1 if m.group(2).lower() == 'before' else 1:+d}", "date"


@rule(rf"\bthe\s+(next|following|previous|preceding|prior)\s+({WEEKDAY})\b", 0, trigger=T_WEEKDAY)
def anchored_weekday(m: re.Match, doc: Doc):
    """the previous Friday / the following Monday: the weekday next to the anchor."""
    direction = "+" if m.group(1).lower() in ("next", "following") else "-"
    return f"@{WEEKDAYS[m.group(2).lower()]}{direction}", "date"


def _anchor_date(value: str) -> tuple[_dt.date, int] | None:
    """A date and its precision (1 year, 2 month, 3 day) from an ISO value."""
    parts = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not parts:
        return None
    precision = 1 + bool(parts.group(2)) + bool(parts.group(3))
    return _dt.date(int(parts.group(1)), int(parts.group(2) or 1), int(parts.group(3) or 1)), precision


def resolve_anchored(marker: str, anchor: tuple[_dt.date, int] | None) -> str | None:
    """The value of an anchored marker against the anchor (date, precision), or None."""
    if anchor is None:
        return None
    when, precision = anchor
    unit, rest = marker[1], marker[2:]
    if unit.isdigit():  # a weekday next to the anchor day
        if precision < 3:
            return None
        weekday, forward = int(unit), rest == "+"
        delta = (weekday - when.weekday()) % 7 or 7 if forward else -((when.weekday() - weekday) % 7 or 7)
        return (when + _dt.timedelta(days=delta)).isoformat()
    step = int(rest)
    if unit == "Y":
        return str(when.year + step)
    if unit == "M" and precision >= 2:
        y, mo = _shift_month(when, step)
        return f"{y}-{mo:02d}"
    if unit == "D" and precision >= 3:
        return (when + _dt.timedelta(days=step)).isoformat()
    return None


def resolve_anchors(found: list[Found], published: _dt.date | None) -> None:
    """Give anchored expressions their value from the last dated expression before them."""
    anchor = (published, 3) if published else None
    for f in found:
        if f.value and f.value.startswith("@"):
            f.value = resolve_anchored(f.value, anchor)
            if f.value is None:
                continue
        if f.value and f.kind in ("date", "time"):
            anchor = _anchor_date(f.value) or anchor


# --- the tagger -----------------------------------------------------------------------


def find_dates(doc: Doc) -> list[Found]:
    """Every temporal expression, longest first where rules overlap."""
    text = doc.text
    lowered = lowered_text(text)
    windows: dict[Trigger, list[tuple[int, int]]] = {}
    hits: dict[re.Pattern, list[tuple[int, int]]] = {}
    candidates: list[Found] = []
    for pattern, fn, trigger in RULES:
        if trigger not in windows:
            windows[trigger] = trigger_windows(lowered, trigger, hits)
        for m in rule_matches(pattern, text, windows[trigger]):
            if m.end() <= m.start():
                continue
            result = fn(m, doc)
            if result is None:
                continue
            start, end = _trim(text, m.start(), m.end())
            if end <= start:
                continue
            candidates.append(Found(start, end, result[0], result[1]))
    # longest span wins; ties go to the span with a value, then to the earlier rule
    candidates.sort(key=lambda f: (-(f.end - f.start), f.value is None, f.start))
    taken: list[Found] = []
    for cand in candidates:
        if any(cand.start < t.end and t.start < cand.end for t in taken):
            continue
        taken.append(cand)
    taken = [f for f in taken if not is_part_of_a_name(text, f.start, f.end)]
    for f in taken:
        f.start = after_the_of_an_adjective(text, f.start, f.end)
    taken.sort(key=lambda f: f.start)
    take_approximators(taken, text)
    resolve_anchors(taken, doc.published)
    date_clocks(taken, text, doc)
    return taken


# time words that prose writes in lower case: capitalised in mid-sentence, they are part of
# a name ("ABC's This Week", "60 Minutes", "VOA Today", "High Noon")
LOWER_CASE_TIME_WORDS = {"this", "last", "next", "week", "weekend", "month", "year", "today", "tonight",
                         "tomorrow", "yesterday", "noon", "midnight", "minute", "minutes", "hour", "hours",
                         "day", "days", "morning", "afternoon", "evening", "night", "now", "daily", "weekly"}
OPENING = "\"'\u201c\u2018`("


def is_part_of_a_name(text: str, start: int, end: int) -> bool:
    """A time expression written in Title Case inside a prose sentence is a programme's,
    film's or paper's name. A headline (a line without a full stop) keeps its dates."""
    words = list(re.finditer(r"[A-Za-z]+", text[start:end]))
    # Title Case only: a line in capitals ("TALKS RESUME NEXT WEEK.") says nothing about names
    capitalised = [w for w in words if w.group(0).istitle() and w.group(0).lower() in LOWER_CASE_TIME_WORDS]
    if not capitalised:
        return False
    line_end = text.find("\n", end)
    line = text[end:line_end if line_end >= 0 else len(text)]
    if not re.search(r"[.!?]", line):
        return False  # a headline or a caption line: Title Case is its style
    before = text[max(0, start - 40):start].rstrip()
    unquoted = before.rstrip(OPENING).rstrip()
    at_sentence_start = not unquoted or unquoted[-1] in ".!?:;,\n" or unquoted != before
    if any(w.start() > 0 for w in capitalised):
        # "This Week", "60 Minutes": Title Case past the first word, made of time words only
        # (a holiday names itself: "Thanksgiving Day")
        return all(w.group(0).lower() in LOWER_CASE_TIME_WORDS for w in words)
    return not at_sentence_start and before[-1:].isalpha()  # "VOA Today", "High Noon"


def after_the_of_an_adjective(text: str, start: int, end: int) -> int:
    """'the third-quarter results': a hyphenated period is an adjective, and 'the' belongs to
    the noun it describes (TimeML tags 'third-quarter'); 'the third quarter' keeps it."""
    words = re.match(r"the\s+", text[start:end], re.I)
    if words and re.search(r"\w-(?:quarter|half|period|year|month|week|day)$", text[start:end], re.I) \
            and re.match(r"\s+[a-z]", text[end:end + 3]):
        return start + words.end()
    return start


APPROXIMATOR = re.compile(r"\b(?:around|nearly|almost|approximately|roughly)\s+$", re.I)
RIGHT_NOW = re.compile(r"\bright\s+$", re.I)


def take_approximators(found: list[Found], text: str) -> None:
    """'around Nov. 1', 'nearly two weeks ago', 'right now': TimeML keeps the word that
    hedges or sharpens an expression inside it (its 'mod'); the value does not change."""
    previous_end = 0
    for f in found:
        if f.kind == "set":
            continue  # "almost daily": the hedge is on the frequency, TimeML leaves it out
        before = text[max(previous_end, f.start - 16):f.start]
        hedge = APPROXIMATOR.search(before)
        if hedge is None and text[f.start:f.end].lower() == "now":
            hedge = RIGHT_NOW.search(before)
        if hedge is not None:
            f.start -= len(before) - hedge.start()
        previous_end = f.end


# how far (characters) a day may sit from a bare clock and still be its day
CLOCK_REACH = 40


def date_clocks(found: list[Found], text: str, doc: Doc | None = None) -> None:
    """'at 7 p.m. (1900 GMT) on Thursday': a bare clock takes the day named beside it.

    The day must be in the same sentence, no further than CLOCK_REACH characters away.
    Without one, a clock in a past-tense clause takes the last day the story named before it
    (the day it is telling), and any other keeps the publication day.
    """
    for i, f in enumerate(found):
        if f.kind != "clock":
            continue
        f.kind = "time"
        if f.value is None:
            continue
        neighbours = [g for g in found[max(0, i - 3):i + 4]
                      if g.kind == "date" and g.value and len(g.value) == 10 and not g.value.startswith("@")]
        for g in sorted(neighbours, key=lambda g: abs(g.start - f.start)):
            left, right = (g, f) if g.start < f.start else (f, g)
            gap = text[left.end - 1:right.start]  # from the left one's last character: "p.m. It"
            if len(gap) <= CLOCK_REACH and not re.search(r"[.;!?]\s+[\"'\u201c(]?[A-Z]|[;!?]\s", gap):
                f.value = g.value + f.value[10:]
                break
        else:
            story_day = last_day_before([g for g in found[:i] if g.end >= f.start - STORY_DAY_REACH])
            if story_day and doc is not None and (doc.published is None or story_day <= doc.published.isoformat()) \
                    and sentence_tense(doc, f.start, f.end) == "past":  # a past clock cannot be on a day ahead
                f.value = story_day + f.value[10:]  # "was shot at 10 p.m.": the day the story is telling


# how far back (characters, about three sentences) the story's day may be named for a bare clock
STORY_DAY_REACH = 400


def last_day_before(found: list[Found]) -> str | None:
    """The last day the text named before an expression (the story's day), if any."""
    for g in reversed(found):
        if g.kind in ("date", "time") and g.value and re.match(r"\d{4}-\d{2}-\d{2}", g.value):
            return g.value[:10]
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leading prepositions and trailing punctuation are not part of the expression."""
    span = text[start:end]
    lead = re.match(r"(?:(?:at|on|in|for|about|around)\s+)+", span, re.I)
    if lead and not re.fullmatch(r"(?:(?:at|on|in|for|about|around)\s+)+", span, re.I):
        # "for" opens a duration ("for years") only; keep it off the span in all cases
        start += lead.end()
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def annotate(doc: Doc) -> None:
    doc.article.dates = [
        DateExpr(text=doc.text[f.start:f.end], value=f.value, start=f.start, end=f.end, kind=f.kind)
        for f in find_dates(doc)
    ]
