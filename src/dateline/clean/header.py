"""The header a scraper flattens above the body: byline, date, or both glued together.

``News Desk2020-11-20``, ``By Jane Roe | March 3, 2021``, ``Posted on May 2, 2022 by Jane
Roe``, ``By JANE ROE, Associated Press\\nPublished 8:40 pm, 03.03.2021``, a date alone, a byline
alone. The forms are built from three parts (people, a date-time, separators) so that new
combinations of the same parts are read too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)"
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s*(?:[A-Z]{2,4}T|UTC|GMT))?)"
_DAY = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4}"
    rf"|{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s*\d{{4}})"
)
DATETIME = (
    rf"(?:{_TIME},?\s*{_WEEKDAY}?{_DAY}"
    rf"|{_WEEKDAY}?{_DAY}(?:,?\s*(?:at\s+|-\s+)?{_TIME})?)"
)
_NOT_NAME = (rf"(?!{_MONTH}(?![a-z]))(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
             r"(?!(?:AND|BY|By|And|Published|Posted|Updated|PUBLISHED|UPDATED)\b)")
_TOKEN = (rf"{_NOT_NAME}(?![A-Za-z]+:)(?:(?:Ma?c|O['’]|D['’]|De['’]?)?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*"
          rf"|[A-Z]\.|[A-Z]{{2,}}(?:['’-][A-Z]+)*)")
_NAME = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,3}}"
_PEOPLE = rf"{_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|AND|&)[ \t]+){_NAME})*"
_SEP = r"[ \t]*(?:[|—–·•-]{1,2}[ \t]*|\n\s*|,[ \t]*)?"
_LABEL = r"(?:(?:Published|Posted|Updated|Last updated|Date)(?:[ \t]+on)?:?[ \t]*)"
_READ_TIME = r"(?:\s*\n\s*\d+\s*min(?:ute)?s?\s+read\b)?"
_AFTER_NAME = r"(?![a-z])"

_FORMS = [
    # By Jane Roe | March 3, 2021 / News Desk2020-11-20 / By JANE ROE, AP\nPublished 8:40 pm, 03.03.2021
    re.compile(rf"(?:By[ \t]+)?(?P<by>{_PEOPLE}){_AFTER_NAME}{_SEP}{_LABEL}?(?P<date>{DATETIME}){_READ_TIME}"),
    # March 3, 2021 | By Jane Roe
    re.compile(rf"{_LABEL}?(?P<date>{DATETIME})[ \t]*(?:[|—–·•-]{{1,2}}|\n)[ \t]*By[ \t]+(?P<by>{_PEOPLE}){_AFTER_NAME}"),
    # Posted on March 3, 2021 by Jane Roe / Published: March 3, 2021
    re.compile(rf"{_LABEL}(?P<date>{DATETIME})(?:[ \t]+by[ \t]+(?P<by>{_PEOPLE}){_AFTER_NAME})?{_READ_TIME}"),
    # Written by Jane Roe on March 3, 2021 / Written by Jane Roe
    re.compile(rf"(?:Written|Reported|Story)[ \t]+by[ \t]+(?P<by>{_PEOPLE}){_AFTER_NAME}(?:[ \t]+on[ \t]+(?P<date>{DATETIME}))?"),
    # By Jane Roe (alone, then the end of the line)
    re.compile(rf"By[ \t]+(?P<by>{_PEOPLE})(?:[ \t]*(?=\n|$)|(?=[A-Z])){_READ_TIME}"),
    # a date alone
    re.compile(rf"(?P<date>{DATETIME}){_READ_TIME}"),
    # JANE ROE alone on the first line (a capitalised byline)
    re.compile(r"(?P<by>[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’.-]*){1,3}(?:[ \t]+(?:AND|&)[ \t]+[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’.-]*){1,3})*)[ \t]*(?=\n)"),
]

_ROLE_WORDS = re.compile(
    r"\b(?:Staff|Writer|Reporter|Correspondent|Editor|Contributor|Columnist|Press|News|Times|Herald|"
    r"Ledger|Post|Journal|Agency|Agencies|Media|Network|Daily|Weekly|Tribune|Gazette|Online|Service|"
    r"Bureau|Wire|Radio|TV|Television|Magazine)\b", re.I)
_DESK = re.compile(r"^(?:News|Web|Online|Sports|Business|City|Metro|Foreign|Digital|Staff)\s+(?:Desk|Reporter|Writer|Team)$"
                   r"|^(?:Newsroom|Agencies|Editorial Team|Editorial Staff|Staff|Editors)$", re.I)


@dataclass
class Header:
    text: str
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    time: str | None = None


def parse_date(value: str) -> str | None:
    """ISO day of a date string in one of the header forms; None when it is no valid date."""
    s = value.strip()
    m = re.search(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:  # dotted dates are day first (European)
        return _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:  # slashed: month first unless the first number cannot be a month
        a, b = int(m.group(1)), int(m.group(2))
        return _iso(int(m.group(3)), b, a) if a > 12 else _iso(int(m.group(3)), a, b)
    m = re.search(rf"({_MONTH})\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s*(\d{{4}})", s)
    if m:
        return _iso(int(m.group(3)), MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s*(\d{{4}})", s)
    if m:
        return _iso(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    import datetime

    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def split_people(byline: str) -> list[str]:
    """Names in a byline; an affiliation after the first comma ("Staff Writer", "AP") is dropped."""
    pieces = [p.strip() for p in re.split(r"\s*,\s*|\s+(?:and|AND|&)\s+", byline) if p.strip()]
    names: list[str] = []
    for i, piece in enumerate(pieces):
        if i > 0 and (_ROLE_WORDS.search(piece) or piece.startswith("The ") or len(piece.split()) < 2):
            continue  # affiliation, not a person
        names.append(_fix_case(piece))
    return names


def _fix_case(name: str) -> str:
    """JANE O'BRIEN -> Jane O'Brien; mixed-case names are kept as written."""
    if name.isupper() and len(name) > 3:
        return " ".join(w.capitalize() if "'" not in w and "’" not in w else w.title() for w in name.split())
    return name


def _plausible_byline(by: str, whole_line: bool) -> bool:
    names = split_people(by)
    if not names:
        return False
    first = names[0]
    words = first.split()
    if len(words) == 1:
        # one word ("Newsroom", "Agencies") only when it is the whole line with the date
        return whole_line
    return len(words) <= 4


def split_header(text: str) -> tuple[Header | None, str]:
    """The header at the top of ``text`` and the text after it (unchanged when none)."""
    lead = len(text) - len(text.lstrip())
    body = text[lead:]
    for i, form in enumerate(_FORMS):
        m = form.match(body)
        if not m:
            continue
        by = m.groupdict().get("by")
        date = m.groupdict().get("date")
        end = _byline_end(body, m)
        if end != m.end():
            by = body[m.start("by"):end].rstrip()
        rest = body[end:]
        line_end = rest.lstrip(" \t")[:1] in ("\n", "")
        if by and not _plausible_byline(by, whole_line=line_end or rest[:1].isupper() or rest[:1] in ".#(!"):
            continue
        if i == len(_FORMS) - 1 and not _caps_byline_ok(by or "", rest):
            continue
        published = parse_date(date) if date else None
        if date and not published:
            continue
        header = Header(text=body[m.start():end].strip(), authors=split_people(by) if by else [], published=published)
        tm = re.search(_TIME, date) if date else None
        if tm:
            header.time = tm.group(0)
        return header, rest
    return None, text


def _byline_end(body: str, m: re.Match) -> int:
    """Where the header ends. A byline that closes the header ends at the line end; when the
    line runs on into lower-case words or a slash ("by Jane Roe This story was ...", "by Jane
    Roe Home / News"), the last capitalised word is the next text's first word, not a name."""
    if not m.groupdict().get("by") or m.end("by") != m.end():
        return m.end()
    by = m.group("by")
    after = body[m.end():].split("\n", 1)[0]
    if len(by.split()) < 3 or not re.match(r"[ \t]+(?:[a-z]|[/»›>|·•])", after):
        return m.end()
    return m.start("by") + by.rstrip().rfind(" ")


def _caps_byline_ok(by: str, rest: str) -> bool:
    """An all-capitals first line is a byline when it is 2-4 name-like words over a body."""
    words = by.split()
    if not 2 <= len([w for w in words if w not in ("AND", "&")]) <= 8:
        return False
    if _ROLE_WORDS.search(by) or _NOT_NAME_WORDS.intersection(words):
        return False
    return len(rest.strip()) > 80


# capitalised page labels that are no names ("MORE FROM NORTHLINE", "FOLLOW US ON ...", "TOP STORIES")
_NOT_NAME_WORDS = frozenset("MORE FROM THE OF ON IN US TOP LATEST STORIES FOLLOW READ ALSO SHARE SUBSCRIBE "
                            "HOME SIGN UP LOG WATCH LISTEN RELATED TRENDING POPULAR MOST BREAKING LIVE".split())
