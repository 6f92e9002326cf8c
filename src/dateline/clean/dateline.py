"""The dateline that opens a news story: ``BEIRUT, LEBANON (8:40 P.M.) –``.

Parts: a place in capitals, an optional region or country (``Mich.``, ``Syria``), an optional
day (``Nov. 20``), an optional parenthesis with a clock time or an agency, then a dash or a
colon. The place is only named here; the places stage geocodes it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.record import Dateline, Place

_CITY = r"[A-Z][A-Z.'’-]*(?:[ \t]+(?:[A-Z][A-Z.'’-]*|de|del|la|el|al|es))*"
_REGION = r"[A-Z][A-Za-z.'’-]*(?:[ \t]+(?:[A-Z][A-Za-z.'’-]*|of|and))*"
_MONTH_DAY = (r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}")
# "(Iraq)" between a city and the agency: "Mosul (Iraq) (AFP) -"
_BRACKETED_REGION = r"(?:[ \t]*\((?P<pregion>[A-Z][A-Za-z.'’ -]{1,30})\)(?=[ \t]*\())?"
# "(CNN)President ...": the agency's bracket glued to the first word stands for the dash
_GLUED_TO_STORY = r"(?<=\))(?=[A-Z][a-z])"
_DATELINE = re.compile(
    # "BRUSSELS/PARIS (Reuters)": a story filed from two cities; the first is the dateline's place
    rf"(?P<city>{_CITY}(?:/{_CITY})*)"
    rf"(?:,[ \t]*(?P<region>{_REGION}))?"
    rf"(?:,[ \t]*(?P<day>{_MONTH_DAY}))?"
    rf"{_BRACKETED_REGION}"
    r"(?:[ \t]*\((?P<paren>[^()\n]{1,40})\))?"
    rf"(?P<sep>[ \t]*(?:--|—|–|-|:)|[ \t]+(?:--|—|–|-)|{_GLUED_TO_STORY})"
    r"(?=[ \t]+\S|\S)"
)
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})\s*([AaPp])\.?\s*[Mm]\.?$")
_US_STATES = frozenset(
    "Ala. Alaska Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Hawaii Idaho Ill. Ind. Iowa Kan. Kans. Ky. La. "
    "Maine Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Ohio Okla. Ore. "
    "Pa. R.I. S.C. S.D. Tenn. Texas Utah Vt. Va. Wash. W.Va. Wis. Wyo. D.C.".split()
) | frozenset(["New York", "California", "Texas", "Florida", "Virginia", "Washington", "Georgia"])


def _title(name: str) -> str:
    """ST. JOSEPH -> St. Joseph; keeps short particles lower-case."""
    words = []
    for w in name.split():
        if w.lower() in ("de", "del", "la", "el", "al", "es", "of", "and") and words:
            words.append(w.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    from dateline.analyse.countries import country_table

    return {row["capital"].casefold(): iso3 for iso3, row in country_table().items() if row.get("capital")}


def place_country(city: str, region: str | None) -> str | None:
    """ISO3 when the dateline names the country, a US state, or a national capital; else None."""
    from dateline.analyse.countries import country_code

    if region:
        code = country_code(region) or country_code(region.title())
        if code:
            return code
        if region in _US_STATES or region.title() in _US_STATES:
            return "USA"
        return None
    return city_country(city)


def city_country(city: str, min_population: int = 100_000) -> str | None:
    """The country of a dateline city named alone: a national capital's, or that of the one
    large city of the name (see ``largest_namesake_country``)."""
    return _capitals().get(city.casefold()) or largest_namesake_country(city, min_population=min_population)


def _after_blanks(text: str, i: int, blanks: str | None = " \t") -> int:
    """The index of the first character at or after ``i`` that is not one of ``blanks``
    (None: not whitespace of any kind, line breaks included)."""
    while i < len(text) and (text[i].isspace() if blanks is None else text[i] in blanks):
        i += 1
    return i


def is_known_city(city: str) -> bool:
    """A capital, or any city of that name in the gazetteer."""
    if _capitals().get(city.casefold()):
        return True
    try:
        from dateline.analyse.gazetteer import load
    except ImportError:
        return True  # without a gazetteer, keep the old behaviour
    return any(e.kind == "city" for e in load().lookup(_title(city.rstrip(","))))


def largest_namesake_country(city: str, min_population: int = 100_000) -> str | None:
    """The country of the city a dateline means when it names no country: the one city of that
    name that is a large city (100,000+) and at least five times any namesake abroad
    (GENEVA, SAN FRANCISCO, JOHANNESBURG); None when the name is shared (a small town, or
    two large cities)."""
    try:
        from dateline.analyse.gazetteer import load
    except ImportError:  # the gazetteer is optional here: the places stage geocodes later
        return None
    name = _title(city.rstrip(","))
    cities = sorted((e for e in load().lookup(name) if e.kind == "city"), key=lambda e: -e.population)
    if not cities or cities[0].population < min_population or not cities[0].country:
        return None
    rivals = [e for e in cities[1:] if e.country != cities[0].country]
    if rivals and rivals[0].population * 5 > cities[0].population:
        return None
    from dateline.analyse.countries import country_code

    country = cities[0].country
    return country if len(country) == 3 else country_code(country)


def clock_24h(value: str) -> str | None:
    """8:40 P.M. -> 20:40."""
    m = _CLOCK.match(value.strip())
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2)), m.group(3).lower()
    if not (1 <= hour <= 12 and minute < 60):
        return None
    hour = hour % 12 + (12 if half == "p" else 0)
    return f"{hour:02d}:{minute:02d}"


_TITLE_CITY = r"[A-Z][a-z]+(?:[ \t-](?:[A-Z][a-z]+|de|del|la|el|al))*"
_TITLE_DATELINE = re.compile(
    rf"(?P<city>{_TITLE_CITY})"
    rf"(?:,[ \t]*(?P<region>{_REGION}))?"
    rf"(?:,[ \t]*(?P<day>{_MONTH_DAY}))?"
    rf"{_BRACKETED_REGION}"
    r"(?:[ \t]*\((?P<paren>[^()\n]{1,40})\))?"
    r"(?P<sep>[ \t]*(?:--|—|–|:)|[ \t]+-)"
    r"(?=[ \t]+\S)"
)


def match_title_dateline(text: str) -> tuple[Dateline, int] | None:
    """A dateline in title case ("Kabul, Afghanistan —", "New Delhi: ..."): only when its place
    is certain, a country or US state after the city, or a capital or large city by itself, so
    that "Note: ..." or "Officials said -" never pass for one."""
    m = _TITLE_DATELINE.match(text)
    if not m:
        return None
    city, region, paren = m.group("city"), m.group("region") or m.group("pregion"), m.group("paren")
    if len(city.split()) > 3 or city.upper() in _NOT_PLACES:
        return None
    if region is not None:
        country = place_country(city, region)
        if country is None:
            return None
    else:
        if m.group("sep").strip() not in (":", "—", "–", "--") and not paren:
            return None
        # a lone title-case word before a colon is often a label ("Mobile: ...", "Reading: ..."):
        # only a capital or a city of a million passes
        country = city_country(city, min_population=1_000_000)
        if country is None:
            return None
    parts = _time_or_agency(paren)
    if parts is None:
        return None
    time, agency = parts
    place = Place(name=city, country=country, kind="city")
    return Dateline(text=text[:m.end()].strip(), place=place, time=time, agency=agency), _after_blanks(text, m.end())


# "PTI, Washington" / "Reuters | New Delhi, Nov 20 2019, 10:34 IST": an agency's credit line
# above the story, the form Indian and some wire sites print instead of a dateline
_AGENCY_LINE = re.compile(
    r"(?P<agency>PTI|IANS|ANI|UNI|Reuters|AFP|AP|Xinhua|Bloomberg|DH News Service)[ \t]*[,|/][ \t]*"
    r"(?P<city>[A-Z][A-Za-z.'’-]+(?:[ \t][A-Z][A-Za-z.'’-]+){0,2})"
    r"(?:[ \t]*[,|][ \t]*(?P<rest>[^\n]{0,60}))?[ \t]*$"
)


def match_agency_line(text: str) -> tuple[Dateline, int] | None:
    """An agency's credit line standing alone as the first paragraph: the whole line is the
    dateline. Only a capital or a city of 100,000 or more passes, and whatever follows the
    place must be a date or a time, so that "AP, the agency, said" is not taken."""
    first = text.split("\n", 1)[0]
    m = _AGENCY_LINE.match(first)
    if not m or len(first) > 100:
        return None
    rest = m.group("rest") or ""
    if rest and not re.search(r"\d", rest):
        return None
    city = m.group("city")
    country = city_country(city)
    if country is None:
        return None
    place = Place(name=city, country=country, kind="city")
    start = _after_blanks(text, len(first), None)
    return Dateline(text=first.strip(), place=place, time=None, agency=m.group("agency")), start


# "(CNN)President Trump said ...": an agency's bracket opening the story with no place before it
_LEADING_AGENCY = re.compile(
    r"\((?P<agency>[A-Z]{2,6}(?:[ \t][A-Z][a-z]+)?|Reuters|Bloomberg|Xinhua|Interfax|Yonhap|Kyodo|Anadolu|Sputnik)\)"
    r"[ \t]*(?:(?:--|—|–|-)[ \t]*)?(?=[A-Z\"“‘])"
)


def leading_agency_credit(text: str) -> int:
    """Length of an agency's bracket that opens the story ("(CNN)", "(AP) --"), else 0: it is
    the credit part of a dateline whose place the site left out, not part of the first sentence."""
    m = _LEADING_AGENCY.match(text)
    return m.end() if m else 0


def _time_or_agency(paren: str | None) -> tuple[str | None, str | None] | None:
    """What a dateline's brackets hold: a clock ("(8:40 P.M.)") or an agency ("(Reuters)");
    None when they hold something else (a date, a long phrase), so it is no dateline."""
    if not paren:
        return None, None
    time = clock_24h(paren)
    if time is not None:
        return time, None
    if re.search(r"\d", paren) or len(paren.split()) > 3:
        return None
    return None, paren.strip()


def match_dateline(text: str) -> tuple[Dateline, int] | None:
    """A dateline at the very start of ``text`` and the index where the story starts."""
    m = _DATELINE.match(text)
    if not m:
        return match_title_dateline(text) or match_agency_line(text)
    cities = [part.strip() for part in m.group("city").strip().split("/")]
    if len(cities) > 1 and not all(city_country(_title(part)) for part in cities):
        return None  # "AND/OR -" is no pair of cities
    city = cities[0]
    letters = [ch for ch in city if ch.isalpha()]
    if len(letters) < 3 or sum(ch.isupper() for ch in letters) < len(letters) * 0.9:
        return None
    if len(city.split()) > 4:
        return None
    region = m.group("region") or m.group("pregion")
    paren = m.group("paren")
    sep = m.group("sep").strip()
    if m.group("pregion") and place_country(city, m.group("pregion")) is None:
        return None  # "(Iraq)" must name the city's country or state, not any bracketed word
    if not sep and not paren:
        return None
    if sep == "-" and text[m.end():m.end() + 1].isalnum():
        return None  # a compound, not a place and a dash: "COVID-19 cases", "NASA-funded", "GLP-1"
    if sep == ":" and (paren or m.group("day")) is None and len(city.split()) > 2:
        return None
    if sep == ":" and not (paren or m.group("day") or region) and not is_known_city(city):
        return None  # "SUMMARY:", "TLDR:": a bare capitalised label before a colon names no place
    # a heading like "UPDATE:" or "BREAKING -" is not a place
    if city.rstrip(".").upper() in _NOT_PLACES:
        return None
    if region and (len(region.split()) > 4 or _NOT_REGION.search(region)):
        return None
    parts = _time_or_agency(paren)
    if parts is None:
        return None
    time, agency = parts
    body_start = _after_blanks(text, m.end())
    if body_start >= len(text) or text[body_start] in "-–—:":
        return None
    name = _title(city.rstrip(","))
    place = Place(name=name, country=place_country(city, region), kind="city")
    return Dateline(text=text[:m.end()].strip(), place=place, time=time, agency=agency), body_start


_NOT_PLACES = frozenset(
    "UPDATE UPDATED BREAKING EXCLUSIVE NOTE EDITOR WATCH VIDEO PHOTOS ANALYSIS OPINION COMMENT "
    "CORRECTION Q A FAQ TL;DR PS NB WARNING ALERT LIVE NEW READ RELATED SHARE ADVERTISEMENT".split()
)
_NOT_REGION = re.compile(r"\b(?:said|says|the|a|is|was)\b")
