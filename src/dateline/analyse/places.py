"""Places: every toponym in the text, geocoded offline, with the role it plays.

Detection: spaCy's GPE/LOC/FAC entities, plus country names and aliases the model
missed. Toponyms inside organisation names ("Washington Post") are not places; neither
are capitals used as governments, which the entities stage lists in
``doc.user_data["metonym_spans"]`` (they are actors).

Resolution (``gazetteer``): a name that is a country, or an alias of one, is that
country; otherwise the candidate places are scored by population, by whether their
country is one the article talks about, by being a capital, and by feature kind.

Role: "dateline" for the place the reporter filed from (``doc.article.dateline``),
"event" where the sentence says something happened there (the locative object of an
action: "clashes in Mosul", "withdraw from Iraq"), else "mention".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from dateline.analyse import countries
from dateline.analyse.gazetteer import Entry, distance_km, load, normalise, us_counties
from dateline.doc import Doc
from dateline.record import Place, PlaceMention, Span

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE_PREPS = {"in", "from", "into", "at", "near", "across", "inside", "outside", "toward", "towards",
                  "throughout", "around", "to", "out", "over", "through", "within", "onto"}
# verbs that say something was said, not done: their objects are not event places
NON_EVENT_VERBS = {"say", "tell", "announce", "add", "note", "report", "reveal", "state", "claim", "be",
                   "have", "live", "base", "know", "accord", "call", "name", "describe", "think", "believe"}
# nouns that name something happening: "clashes in Mosul", "the withdrawal from Iraq"
EVENT_NOUNS = {"attack", "attacks", "clash", "clashes", "withdrawal", "strike", "strikes", "airstrike",
               "airstrikes", "bombing", "explosion", "blast", "fighting", "protest", "protests", "raid", "raids",
               "offensive", "battle", "war", "killing", "killings", "shelling", "demonstration",
               "demonstrations", "riot", "riots", "operation", "operations", "deployment", "invasion",
               "arrest", "arrests", "shooting", "violence", "talks", "meeting", "summit", "visit", "election",
               "elections", "rally", "march", "ceasefire", "evacuation", "earthquake", "flood", "fire", "crash"}
MOTION_VERBS = {"enter", "attack", "bomb", "shell", "capture", "seize", "invade", "raid", "visit", "leave",
                "besiege", "storm", "hit", "strike", "target", "occupy", "liberate", "recapture", "evacuate",
                "reach", "overrun", "surround"}
# "Washington state", "the state of Georgia": the US state, not the capital or the country
STATE_CUES = re.compile(r"^\s+(state|province|governorate|region)\b|\b(state|province|governorate|region) of\s+$",
                        re.I)


@dataclass
class Mention:
    start: int
    end: int
    name: str
    entry: Entry | None = None
    kind: str | None = None
    event: bool = False
    candidates: list[Entry] = field(default_factory=list)


def annotate(doc: Doc) -> None:
    mentions = washington_dc_as_one(doc, detect(doc))
    context = context_countries(doc, mentions)
    # two passes: the first resolves every name alone, the second prefers, among
    # namesakes, the one near the other places and in the US states the article names
    for m in mentions:
        m.entry = resolve(doc, m, context, None)
    mentions = sorted(mentions + repeated_mentions(doc, mentions), key=lambda m: m.start)
    anchors = Anchors.of(mentions)
    for i, m in enumerate(mentions):
        m.entry = resolve(doc, m, context, anchors.without(m), previous=mentions[i - 1] if i else None,
                          following=mentions[i + 1] if i + 1 < len(mentions) else None)
        m.event = is_event_mention(doc, m.start, m.end)
    place_facilities(doc, mentions, context)
    mentions = [m for m in mentions if m.entry is not None or plausible_unresolved(m.name)]
    mentions = [m for m in mentions if not names_a_feast(m.name) and not names_a_storm(doc, m)]
    # one sense per article: "the Parkland students" is the town that "in Parkland" names
    kept_names = {m.name for m in mentions if not common_word_name(doc, m)}
    kept_names -= person_name_words(doc, mentions)
    mentions = [m for m in mentions if m.name in kept_names]
    doc.article.places = group(doc, mentions)


def washington_dc_as_one(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"Washington, D.C." is one name, the capital's: "D.C." is not a second place."""
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].name == "Washington" and re.fullmatch(r"D\.? ?C\.?", m.name) \
                and re.fullmatch(r",\s*", doc.text[out[-1].end:m.start]):
            out[-1].end = m.end  # the name stays "Washington" for the gazetteer
            continue
        out.append(m)
    return out


@dataclass
class Anchors:
    """Where the article's places are: points of resolved cities, and US states named."""

    points: list[tuple[Mention, float, float]]
    states: dict[str, Mention]
    towns: list[Entry] = field(default_factory=list)  # every town the first pass resolved

    @classmethod
    def of(cls, mentions: list[Mention]) -> "Anchors":
        # only towns that won on their own size anchor the others: two small namesakes
        # chosen for each other ("Manchester" and "Colchester" in New England) prove nothing
        points = [(m, m.entry.lat, m.entry.lon) for m in mentions
                  if m.entry and m.entry.kind == "city" and is_largest_namesake(m.entry, m.name)]
        states = {m.entry.name: m for m in mentions if m.entry and m.entry.kind == "admin"}
        towns = [m.entry for m in mentions if m.entry and m.entry.kind == "city"]
        return cls(points, states, towns)

    def without(self, m: Mention) -> "Anchors":
        return Anchors([p for p in self.points if p[0].name != m.name],
                       {k: v for k, v in self.states.items() if v.name != m.name},
                       [t for t in self.towns if t.name != m.name])

    def main_country(self) -> str | None:
        """The country most of the towns that won on their own size are in."""
        counts: dict[str, int] = {}
        for m, _, _ in self.points:
            if m.entry and m.entry.country:
                counts[m.entry.country] = counts.get(m.entry.country, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def near(self, e: Entry, km: float = 250) -> bool:
        return any(distance_km(e.lat, e.lon, lat, lon) <= km for _, lat, lon in self.points)


def repeated_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One sense per article: a name found as a place is a place wherever else it stands
    alone ("Douma's fall", a sentence that opens with "Douma"), unless it is part of a
    longer name ("Douma Council") or of an organisation or person the model found."""
    text = doc.text
    names = {m.name for m in mentions if m.entry is not None and m.entry.kind in ("city", "admin", "country")
             and not is_demonym(m.name)}  # "Syrian officials" are people, whatever "the Syrian city" is
    taken = [(m.start, m.end) for m in mentions]
    # "the Holy See" (ORG) is the name itself, not a longer one
    longer = [strip_article(text, e.start_char, e.end_char) for e in doc.parsed.ents if e.label_ not in PLACE_LABELS] \
        if doc.parsed is not None else []
    out: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 4 or name.isupper() or not plausible_unresolved(name):
            continue
        for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e in longer):
                continue
            if in_longer_capitalised_name(text, start, end):
                continue
            out.append(Mention(start, end, name))
            taken.append((start, end))
    return out


def is_demonym(name: str) -> bool:
    hit = countries.lookup(name)
    return bool(hit and hit.kind == "demonym")


def in_longer_capitalised_name(text: str, start: int, end: int) -> bool:
    """"Douma Council", "New Douma": the name runs on into other capitalised words."""
    after = re.match(r" ([A-Z][a-z]+)", text[end:end + 30])
    before = re.search(r"([A-Z][a-z]+) $", text[max(0, start - 30):start])
    return bool(after) or bool(before and not re.search(r"(^|[.!?\n]\s*)\w+ $", text[max(0, start - 30):start]))


def is_largest_namesake(e: Entry, name: str) -> bool:
    towns = [c for c in load().lookup(name) if c.kind == "city" and c.name.casefold() == name.casefold()]
    return not towns or towns[0].population <= e.population


def place_facilities(doc: Doc, mentions: list[Mention], context: dict[str, int] | None = None) -> None:
    """A street or building the gazetteer lacks is placed at the town the article puts it in:
    the nearest city named before it, else the dateline's place."""
    fallback = None
    dateline = doc.article.dateline
    if dateline and dateline.place and dateline.place.name:
        fallback = geocode(dateline.place)
    last_city: Entry | None = None
    cities = [m for m in mentions if m.entry is not None and m.entry.kind == "city"]
    divisions = {(m.entry.country, m.entry.name) for m in mentions if m.entry is not None and m.entry.kind == "admin"}
    for m in mentions:
        if m.entry is not None and m.entry.kind in ("city", "admin"):
            # "Paterson, New Jersey": the state that locates the town does not replace it
            if not (m.entry.kind == "admin" and last_city is not None and last_city.kind == "city"
                    and last_city.admin1 == m.entry.name):
                last_city = m.entry
            continue
        if m.entry is None and (is_facility_name(m.name) or after_compass_word(doc, m)
                                or is_local_unknown(m.name)):
            # the place in its own name ("Florida Atlantic University", "Haymarket Village Center"),
            # else the town named before it, else (a name in the first lines) the first town named after it
            where = place_in_name(m.name, last_city, [c.entry for c in cities], context or {}, divisions) \
                or town_it_is_said_to_be_in(doc, m, mentions) or last_city \
                or next((c.entry for c in cities if c.start > m.end), None)
            if where is not None:
                m.entry = Entry(None, m.name, "other", where.country, where.admin1, where.lat, where.lon, 0)
            elif fallback is not None and fallback.lat is not None:
                m.entry = Entry(None, m.name, "other", fallback.country, fallback.admin1, fallback.lat,
                                fallback.lon, 0)


def town_it_is_said_to_be_in(doc: Doc, m: Mention, mentions: list[Mention]) -> Entry | None:
    """"Kamenné Square in Bratislava", "the Alder Hey Children's Hospital where Alfie is
    admitted in Liverpool": a town named after the facility in the same sentence, after
    "in", is where it is."""
    for other in mentions:
        if other.start < m.end or other.entry is None or other.entry.kind not in ("city", "admin"):
            continue
        between = doc.text[m.end:other.start]
        if len(between) > 60 or re.search(r"[.!?;]\s", between):
            return None
        if re.search(r"\b(in|near|outside)\s+$", between) or re.fullmatch(r",\s*", between):
            return other.entry
        return None
    return None


def person_name_words(doc: Doc, mentions: list[Mention]) -> set[str]:
    """"Yulia" after "Yulia Skripal", "Bautista" after "Jose Bautista": one word of a
    person's full name, used alone, is that person, whatever town shares it; unless the
    article also puts something in it ("in Tyler"), or it is a country or a state."""
    words: set[str] = set()
    for ent in doc.parsed.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(t.text for t in ent if t.is_title)
    for e in doc.article.entities:
        if e.type == "PERSON" and " " in e.name:
            words.update(w for w in e.name.split() if w[:1].isupper())
    out: set[str] = set()
    for m in mentions:
        if m.name not in words or " " in m.name:
            continue
        if m.entry is not None and m.entry.kind in ("country", "admin", "region"):
            continue
        if any(n.name == m.name and re.search(r"\b(in|near|at|into|outside|inside)\s+$",
                                              doc.text[max(0, n.start - 10):n.start]) for n in mentions):
            continue
        out.add(m.name)
    return out


def is_local_unknown(name: str) -> bool:
    """A proper name the gazetteer lacks ("Schiphol", "Le Bernardin", "Portroe"): news names
    such places beside the town they are in, so the town placed before it places it too.
    Not acronyms or brands, which are no places at all."""
    return plausible_unresolved(name) and not looks_like_acronym_or_brand(name) and not is_acronym(name) \
        and name[:1].isupper()


def common_word_name(doc: Doc, m: Mention) -> bool:
    """"the Centre" (India's government), "Industry", "Justice", "West": one capitalised
    word that is an ordinary English word here, written in lower case elsewhere in the
    article or used with "the" as no town is, is not a town."""
    if " " in m.name or "-" in m.name or (m.entry is not None and m.entry.kind in ("country", "admin", "region")):
        return False
    if countries.lookup(m.name):
        return False
    if re.search(r"(?<![\w-])" + re.escape(m.name.lower()) + r"(?![\w-])", doc.text):
        return True
    # "the Thames" is a river, "the Centre" is no town
    # a town, or a name of towns that were all rejected here ("the West", "the Centre")
    is_town = m.entry is not None and m.entry.kind == "city" \
        or (m.entry is None or m.entry.kind == "other") and any(c.kind in ("city", "admin") for c in m.candidates)
    if not (is_town and re.search(r"\bthe\s+$", doc.text[max(0, m.start - 5):m.start], re.I)):
        return False
    if followed_by_its_state(doc, m):
        return False  # "the Pittsburgh, Pennsylvania-based company": a town, whatever the parse says
    # "the Winnipeg Fire Service", "the Parkland students": a town's name on another noun
    return not is_modifier(doc, m)


def followed_by_its_state(doc: Doc, m: Mention) -> bool:
    """"Pittsburgh, Pennsylvania", "Paterson, N.J.": a town with its state or country after it."""
    after = re.match(r",\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?)", doc.text[m.end:m.end + 40])
    if after is None or m.entry is None or m.entry.kind != "city":
        return False
    name = re.sub(r"-\w+$", "", after.group(1))
    return any(e.kind in ("admin", "country") and e.country == m.entry.country for e in load().lookup(name))


def is_modifier(doc: Doc, m: Mention) -> bool:
    span = doc.parsed.char_span(m.start, m.end, alignment_mode="expand") if doc.parsed is not None else None
    return span is not None and span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.i > span.root.i


FEASTS = {"easter", "christmas", "ramadan", "eid", "thanksgiving", "halloween", "passover", "hanukkah", "diwali",
          "lent", "advent", "pentecost", "vigil", "mass"}


def names_a_feast(name: str) -> bool:
    """"Easter", "Easter Vigil", "Easter Sunday Mass": feasts the model takes for places."""
    words = [w.casefold() for w in re.findall(r"[A-Za-z]+", name)]
    return bool(words) and words[0] in FEASTS and words[-1] not in ("island", "islands")


def names_a_storm(doc: Doc, m: Mention) -> bool:
    """"Hurricane Maria", "Storm Harvey": a storm's name is no place, though it moved over many."""
    return bool(re.search(r"\b(Hurricanes?|Storms?|Typhoons?|Cyclones?|Tropical Storm)\s+(\w+,?\s+(and\s+)?)*$",
                          doc.text[max(0, m.start - 40):m.start])) and " " not in m.name


def after_compass_word(doc: Doc, m: Mention) -> bool:
    return bool(COMPASS_BEFORE.search(doc.text[max(0, m.start - 16):m.start]))


# a town in a facility's name farther than this from every town the article names is the
# person or place the facility is named after ("Rogers Centre" in Toronto, "Eglinton Avenue")
NAMESAKE_KM = 250


def place_in_name(name: str, near: Entry | None, towns: list[Entry] | None = None,
                  context: dict[str, int] | None = None,
                  divisions: set[tuple[str | None, str]] | None = None) -> Entry | None:
    """The longest run of words in a facility's name that names a state, a country or a town;
    among namesake towns, the one nearest the town the article was last in. A town far from
    every town the article names is only who the facility is named after."""
    # the town the article was last in; before it names one, any town it names
    towns = [near] if near is not None else [t for t in (towns or []) if t is not None]
    context = context or {}
    # compass words and particles name no town here: "North Fourth Street", "Le Bernardin"
    words = [w for w in re.findall(r"[A-Z][\w'’.-]*", name) if not FACILITY_WORDS.search(w)
             and not COMPASS_WORD.fullmatch(w) and len(w.strip(".")) > 2]
    gaz = load()
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i:i + size])
            if part.casefold() == name.casefold():
                continue  # the whole name was looked up when it was resolved, and rejected
            hits = [e for e in gaz.lookup(part) if e.kind in ("admin", "country")
                    or e.kind == "city" and e.population >= 1000 and e.name.casefold() == part.casefold()]
            if not hits:
                continue
            wide = [e for e in hits if e.kind == "country" or e.kind == "admin"
                    and (e.country == "USA" or near is not None and e.country == near.country)]
            if wide:
                return wide[0]
            if towns:
                close = [(min(distance_km(e.lat, e.lon, t.lat, t.lon) for t in towns), e) for e in hits]
                # a town of a state the article names ("Lake Manassas" in a story about Virginia),
                # and a great city wherever the article is ("British Embassy Tokyo")
                close = [(km, e) for km, e in close if km <= NAMESAKE_KM or e.kind == "city"
                         and ((e.country, e.admin1) in (divisions or set())
                              or e.population >= 1_000_000 or gaz.is_capital(e))]
                if close:
                    return min(close, key=lambda pair: pair[0])[1]
                continue
            big = [e for e in hits if e.kind == "city" and e.population >= 50_000
                   and (not context or e.country in context)]
            if big:
                return big[0]  # with no town to go by, only a well-known one: not "Le", "Helmet"
    return None


def plausible_unresolved(name: str) -> bool:
    """A name the gazetteer lacks is kept unless it looks like an acronym or a product name."""
    words = name.split()
    if len(words) == 1 and (name.isupper() and len(name) <= 4 or re.search(r"[a-z][A-Z]|^[A-Z]{2}[a-z]", name)):
        return False  # "AI", "MoD", "UConn": what NER mistakes for places
    return True


# --- detection ------------------------------------------------------------------------


def detect(doc: Doc) -> list[Mention]:
    parsed = doc.parsed
    text = doc.text
    skip = skipped_spans(doc)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int) -> None:
        start, end = strip_article(text, start, end)
        if end <= start or any(s < end and start < e for s, e in taken):
            return
        if any(s <= start and end <= e for s, e in skip):
            return
        found.append(Mention(start, end, text[start:end]))
        taken.append((start, end))

    # the place a story was filed from comes first: "SAN ANTONIO Turner Sports/CBS" is no organisation
    for start, end in [leading_dateline(doc)] + paragraph_datelines(doc):
        if start is None:
            continue
        skip = [(s, e) for s, e in skip if not (s <= start and end <= e)]
        add(start, end)
    if parsed is not None:
        for ent in parsed.ents:
            if ent.label_ in PLACE_LABELS or is_facility_name(ent.text) and ent.label_ in ("ORG", "PERSON"):
                if looks_like_name(ent.text):
                    # "Florida Atlantic University" is an organisation the article locates: a place too
                    if ent.label_ not in PLACE_LABELS:
                        skip = [(s, e) for s, e in skip if not (s == ent.start_char and e == ent.end_char)]
                    add(ent.start_char, without_trailing_lower_words(doc.text, ent.start_char,
                                                                     extended_to_known_place(doc, ent)))
            elif ent.label_ in ("ORG", "PERSON", "NORP", "EVENT", "PRODUCT") and mislabelled_toponym(doc, ent) \
                    or ent.label_ in ("DATE", "TIME") and is_dated_toponym(doc, ent):
                # the small model often calls "Ghouta" an ORG and "Tamil Nadu" a PERSON
                skip = [(s, e) for s, e in skip if not (s == ent.start_char and e == ent.end_char)]
                add(ent.start_char, ent.end_char)
        for start, end in untagged_toponyms(doc):
            add(start, end)
        for start, end in places_that_name_local_bodies(doc):
            skip = [(s, e) for s, e in skip if not (s <= start and end <= e)]
            add(start, end)
        for start, end in nationality_adjectives_of_places(doc):
            add(start, end)
        for start, end in nationality_adjectives(doc):
            add(start, end)
        for start, end in compass_named_regions(doc):
            skip = [(s, e) for s, e in skip if not (s <= start and end <= e)]
            add(start, end)
    # country names and aliases the model did not tag as places
    occupied = [(e.start_char, e.end_char) for e in parsed.ents] if parsed is not None else []
    for match in country_name_pattern().finditer(text):
        if any(s < match.end() and match.start() < e for s, e in occupied):
            continue
        hit = countries.lookup(match.group(0))
        if hit and hit.kind in ("name", "alias"):
            add(match.start(), match.end())
    return sorted(found, key=lambda m: m.start)


DATELINE_HEAD = re.compile(r"\s*((?:[A-Z][A-Z.'\-]+)(?: [A-Z][A-Z.'\-]+){0,3})(?=[\s,(:—–-])|\s*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s")


PARAGRAPH_DATELINE = re.compile(r"\n\s*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})(?=,[^\n]{0,40}[—–-]|\s*\(|\s*[—–])")


def paragraph_datelines(doc: Doc) -> list[tuple[int, int]]:
    """"TORONTO — The family of ...", "COLUMBUS, Ohio (AP) —": a paragraph that opens with
    a place in capitals and a dash or an agency starts a story filed from there."""
    out: list[tuple[int, int]] = []
    gaz = load()
    for match in PARAGRAPH_DATELINE.finditer(doc.text):
        name = match.group(1).rstrip(".")
        if len(name) < 3:
            continue
        hits = gaz.lookup(name.title())
        if countries.lookup(name.title()) or any(e.kind in ("country", "admin") or e.population >= 10_000 for e in hits):
            out.append((match.start(1), match.start(1) + len(name)))
    return out


def leading_dateline(doc: Doc) -> tuple[int, int] | tuple[None, None]:
    """"BEIRUT (AP) —", "SAN ANTONIO The Latest", "Muscat: The 10th ...": the place the story
    was filed from, at the head of the text, when the dateline stage found none."""
    dateline = doc.article.dateline
    if dateline is not None and dateline.start is not None:
        return None, None
    match = DATELINE_HEAD.match(doc.text)
    if not match:
        return None, None
    group = 1 if match.group(1) else 2
    words = match.group(group).split(" ")
    start = match.start(group)
    gaz = load()
    for n in range(len(words), 0, -1):  # "SAN ANTONIO", not "SAN"
        name = " ".join(words[:n])
        hits = gaz.lookup(name.title()) if len(name) > 2 else []
        if countries.lookup(name.title()) or any(e.kind in ("country", "admin") or e.population >= 10_000 for e in hits):
            return start, start + len(name)
    return None, None


# nouns that make a nationality adjective name the country's ground: "the Syrian city", "the Turkish border"
GROUND_NOUNS = {"border", "borders", "city", "cities", "capital", "town", "towns", "village", "villages", "coast",
                "coastline", "territory", "territories", "soil", "waters", "airspace", "region", "regions",
                "province", "provinces", "side", "enclave", "frontier", "mainland", "countryside", "port",
                "ports", "island", "islands", "desert", "mountains", "interior", "shore", "shores", "countryside"}


def nationality_adjectives_of_places(doc: Doc) -> list[tuple[int, int]]:
    """"a Syrian city", "the Turkish border": a nationality adjective on a noun of ground
    names the country itself (not its people or its government)."""
    out: list[tuple[int, int]] = []
    for token in doc.parsed:
        if token.dep_ != "amod" or not token.is_title or token.head.lower_ not in GROUND_NOUNS:
            continue
        hit = countries.lookup(token.text)
        if hit and hit.kind == "demonym":
            out.append((token.idx, token.idx + len(token)))
    return out


def nationality_adjectives(doc: Doc) -> list[tuple[int, int]]:
    """"Syrian troops", "the Kurdish enclave", "European airports": a nationality adjective
    before a noun points at its country (a mention; the people themselves, "the Syrians",
    are not a place)."""
    out: list[tuple[int, int]] = []
    for token in doc.parsed:
        if not token.is_title or token.dep_ not in ("amod", "compound", "nmod") or token.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.head.i <= token.i or token.ent_type_ in ("ORG", "PERSON", "WORK_OF_ART"):
            continue
        if token.head.lemma_.lower() in PEOPLE_NOUNS:
            continue  # "Syrian officials", "Turkish troops": the people, the actors, not the ground
        if token.i > 0 and f"{doc.parsed[token.i - 1].text} {token.text}" in CONTINENT_ADJECTIVES:
            previous = doc.parsed[token.i - 1]  # "Latin American", not "American"
            out.append((previous.idx, token.idx + len(token)))
            continue
        hit = countries.lookup(token.text)
        if hit and hit.kind == "demonym" or token.text in CONTINENT_ADJECTIVES:
            out.append((token.idx, token.idx + len(token)))
    return out


# heads that make a nationality adjective name people or their institutions, not ground
PEOPLE_NOUNS = {"official", "officer", "troop", "soldier", "force", "army", "military", "navy", "government",
                "president", "minister", "leader", "people", "citizen", "national", "police", "authority",
                "medium", "opposition", "rebel", "fighter", "militia", "diplomat", "counterpart", "envoy",
                "ambassador", "spokesman", "spokeswoman", "regime", "man", "woman", "child", "player", "team",
                "student", "worker", "resident", "family", "delegation", "administration", "parliament",
                "lawmaker", "legislator", "court", "judge", "prosecutor", "company", "firm", "state"}

# adjectives of the nations of a kingdom, which countries.py gives the kingdom for
NATION_DEMONYMS = {"English": "England", "Scottish": "Scotland", "Scots": "Scotland", "Welsh": "Wales"}

# adjectives of continents: "African leaders", "European airports" point at the continent
CONTINENT_ADJECTIVES = {"African": "Africa", "European": "Europe", "Asian": "Asia", "Antarctic": "Antarctica",
                        "North American": "North America", "South American": "South America",
                        "Latin American": "Latin America", "Central American": "Central America"}


def continent_of_adjective(name: str) -> Entry | None:
    continent = CONTINENT_ADJECTIVES.get(name)
    if continent is None:
        return None
    return next((e for e in load().lookup(continent) if e.kind == "region"), None)


COMPASS_WORD = re.compile(r"(North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|"
                          r"Old|New|Great|Little|Saint|Holy|City)", re.I)
COMPASS_BEFORE = re.compile(r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(ern)?\s+$")


def compass_named_regions(doc: Doc) -> list[tuple[int, int]]:
    """"eastern Ghouta", "northern Idlib": a proper name after a lower-case compass
    adjective is a place, whatever label the model gave it."""
    out: list[tuple[int, int]] = []
    for ent in doc.parsed.ents:
        if ent.label_ in PLACE_LABELS or not ent.text[:1].isupper() or len(ent) > 3:
            continue
        if countries.lookup(ent.text):
            continue  # "eastern Syrian": a nationality word
        if COMPASS_BEFORE.search(doc.text[max(0, ent.start_char - 16):ent.start_char]):
            out.append((ent.start_char, ent.end_char))
    return out


FACILITY_WORDS = re.compile(
    r"\b(Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Square|Plaza|Bridge|Church|Cathedral|"
    r"Mosque|Temple|Basilica|Airport|Station|Stadium|Hospital|Prison|Palace|Embassy|Camp|Park|Market|"
    r"Highway|Port|Harbour|Harbor|Border Crossing|Crossing|Dam|Base|Air Base|Checkpoint|University|School|"
    r"College|Golf Club|Country Club|Library|Inn|Hotel|Racecourse|Centre|Center|Mall|Restaurant)$|"
    r"^University of [A-Z]")
LOCATIVE_BEFORE = re.compile(r"\b(in|from|near|at|to|into|across|outside|inside|toward|towards|around|of|"
                             r"between|and)\s+(the\s+)?$", re.I)


AT_LANDMARK = re.compile(r"\b(in|at|outside|inside|near|to|into|from|around)\s+(the\s+)?$", re.I)


def is_facility_name(text: str) -> bool:
    """"Royal Street", "Dulles Airport": a named facility, placed by the place around it."""
    text = re.sub(r"^[Tt]he\s+", "", text)  # the model's "the Rogers Centre"
    return bool(FACILITY_WORDS.search(text)) and text[:1].isupper() and " " in text.strip()


def mislabelled_toponym(doc: Doc, ent) -> bool:
    """An entity the model gave another label whose whole name is a well-known place,
    or a known place right after a locative preposition ("shelling in Ghouta")."""
    word = countries.lookup(ent.text)
    if ent.label_ == "NORP" and word and word.kind == "demonym":
        return False  # "Syrian", "Kurds": nationality words, not toponyms
    if word and word.kind in ("name", "alias"):
        return True  # "DPRK", "UAE": a country's short name the model took for an organisation
    hits = load().lookup(ent.text)
    if not hits or not re.sub(r"^the\s+", "", ent.text)[:1].isupper():
        return False
    best = hits[0]
    before = doc.text[max(0, ent.start_char - 14):ent.start_char]
    if best.kind == "other":
        # a landmark the model calls an organisation is the power seated there ("the Kremlin
        # said", "on behalf of the Kremlin"), unless the text puts someone at it
        return bool(AT_LANDMARK.search(before))
    if best.kind in ("country", "admin", "region"):
        return ent.label_ != "PERSON" or len(ent.text.split()) > 1
    if LOCATIVE_BEFORE.search(before) and best.population >= 1000:
        return True
    if best.population >= 50_000 and best.country in countries_named(doc) and ent.label_ != "PERSON" \
            and len(ent) <= 2:
        return True  # "Turkey fired on Qamishli": a town of the country the article is about
    return best.population >= 500_000 and ent.label_ != "PERSON"


MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter"}


def is_dated_toponym(doc: Doc, ent) -> bool:
    """"forces in Manbij" the small model calls a DATE: proper nouns only, no digits, no
    month or weekday ("in March" is no town in Cambridgeshire), after a locative preposition."""
    if any(ch.isdigit() for ch in ent.text) or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    if any(t.lower_ in MONTHS_AND_DAYS for t in ent):
        return False
    hits = load().lookup(ent.text)
    before = doc.text[max(0, ent.start_char - 14):ent.start_char]
    return bool(hits) and hits[0].population >= 1000 and bool(LOCATIVE_BEFORE.search(before))


def countries_named(doc: Doc) -> set[str]:
    """Countries named in the text by name, alias or nationality word."""
    cached = doc.user_data.get("places_countries_named")
    if cached is None:
        cached = set()
        for word in re.findall(r"\b[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?\b", doc.text):
            iso3 = countries.country_code(word)
            if iso3:
                cached.add(iso3)
        for match in country_name_pattern().finditer(doc.text):
            iso3 = countries.country_code(match.group(0))
            if iso3:
                cached.add(iso3)
        doc.user_data["places_countries_named"] = cached
    return cached


def untagged_toponyms(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised words no entity covers that name a place after a locative preposition."""
    parsed = doc.parsed
    out: list[tuple[int, int]] = []
    gaz = load()
    for token in parsed:
        if token.ent_type_ or not token.is_title or token.is_sent_start or token.pos_ != "PROPN":
            continue
        # extend over following capitalised proper nouns: "San Marcos"
        end = token.i
        while end + 1 < len(parsed) and parsed[end + 1].is_title and parsed[end + 1].pos_ == "PROPN" \
                and not parsed[end + 1].ent_type_:
            end += 1
        if token.i > 0 and parsed[token.i - 1].is_title and parsed[token.i - 1].pos_ == "PROPN":
            continue
        span = parsed[token.i:end + 1]
        hits = gaz.lookup(span.text)
        before = doc.text[max(0, span.start_char - 14):span.start_char]
        if hits and hits[0].population >= 1000 and LOCATIVE_BEFORE.search(before):
            out.append((span.start_char, span.end_char))
    return out


# bodies that serve the place they are named after, and gatherings held there
LOCAL_BODY = re.compile(r"\b(Police|Fire|Paramedic|Ambulance|Assembly|Council|Legislature|Municipality|Festival|"
                        r"Conference|Summit|Expo|Fair|Marathon|Games|Championships?|Grand Prix|Open)\b")


def places_that_name_local_bodies(doc: Doc) -> list[tuple[int, int]]:
    """"Peel Regional Police", "Karnataka Assembly", "Muscat International Film Festival":
    a police force or assembly serves the place it is named after, and a festival or
    conference is held there, so the place is meant literally ("Washington Post" is not)."""
    out: list[tuple[int, int]] = []
    gaz = load()
    for ent in doc.parsed.ents:
        if ent.label_ not in ("ORG", "EVENT", "FAC") or len(ent) < 2 or not LOCAL_BODY.search(ent.text):
            continue
        tokens = [t for t in ent if t.lower_ != "the"]
        for n in (3, 2, 1):
            if len(tokens) <= n or not all(t.is_title or t.is_upper for t in tokens[:n]):
                continue
            span = doc.parsed[tokens[0].i:tokens[n - 1].i + 1]
            name = span.text.title() if span.text.isupper() else span.text
            hit = countries.lookup(name)
            hits = gaz.lookup(name)
            if hit and hit.kind in ("name", "alias", "demonym") or name in CONTINENT_ADJECTIVES \
                    or any(e.kind in ("country", "admin", "region") or e.population >= 50_000 for e in hits):
                out.append((span.start_char, span.end_char))
                break
    return out


def without_trailing_lower_words(text: str, start: int, end: int) -> int:
    """"the eastern Pacific equatorial region": the model ran a name on into an adjective;
    the name ends at its last capitalised word."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1 and words[-1].group(0).isalpha() and words[-1].group(0).islower():  # not "ez-Zor"
        words.pop()
    return start + words[-1].end() if words else end


def extended_to_known_place(doc: Doc, ent) -> int:
    """"U.S." + "Virgin Islands": the model may end a place early; where the entity and the
    capitalised words after it name a place the gazetteer knows, the place runs on."""
    end = ent.end_char
    gaz = load()
    for n in (3, 2, 1):
        tokens = doc.parsed[ent.end:ent.end + n]
        if len(tokens) < n or not all(t.is_title and not t.ent_type_ for t in tokens):
            continue
        longer = doc.text[ent.start_char:tokens[-1].idx + len(tokens[-1])]
        if longer.lower().startswith("the "):
            longer = longer[4:]
        if any(e.name.casefold() == longer.casefold() or e.kind == "country" for e in gaz.lookup(longer)):
            return tokens[-1].idx + len(tokens[-1])
    return end


def looks_like_name(text: str) -> bool:
    """A toponym starts with a capital letter and is not a bare number or a long phrase."""
    first = re.sub(r"^[Tt]he\s+", "", text.strip())[:1]
    return first.isupper() and first.isalpha() and len(text.split()) <= 6  # "Žilina" too


def strip_article(text: str, start: int, end: int) -> tuple[int, int]:
    if text[start:end].lower().startswith("the "):
        start += 4
    while end > start and text[end - 1] in " .,'’s" and text[end - 2:end] in ("'s", "’s"):
        end -= 2
    if end - start > 3 and text[end - 1] in "'’" and text[end - 2] == "s":
        end -= 1  # the plural possessive: "the United States' allies"
    return start, end


def skipped_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans that are not places: organisation and person names, and capitals standing for governments."""
    spans: list[tuple[int, int]] = []
    if doc.parsed is not None:
        spans += [(e.start_char, e.end_char) for e in doc.parsed.ents if e.label_ in ("ORG", "PERSON", "WORK_OF_ART")]
    # capitals standing for governments ("Moscow denied") are not skipped: the name still
    # points at the place, and a reader following a region wants every mention of it
    return spans


_COUNTRY_PATTERN = None


def country_name_pattern() -> re.Pattern:
    global _COUNTRY_PATTERN
    if _COUNTRY_PATTERN is None:
        names = [row["name"] for row in countries.country_table().values()]
        names += ["U.S.", "US", "USA", "UK", "U.K.", "Britain", "America", "Russia", "Syria", "Iran",
                  "South Korea", "North Korea", "Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania", "Congo"]
        names = sorted({n for n in names if n}, key=len, reverse=True)
        _COUNTRY_PATTERN = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return _COUNTRY_PATTERN


# --- resolution -----------------------------------------------------------------------


def context_countries(doc: Doc, mentions: list[Mention]) -> dict[str, int]:
    """Countries the article talks about (names, aliases, demonyms, the dateline), with weights."""
    weights: dict[str, int] = {}
    for m in mentions:
        hit = countries.lookup(m.name)
        if hit:
            weights[hit.iso3] = weights.get(hit.iso3, 0) + 2
    for word in re.findall(r"\b[A-Z][a-z]+(?:s)?\b", doc.text):
        iso3 = countries.country_code(word, ("demonym",))
        if iso3:
            weights[iso3] = weights.get(iso3, 0) + 1
    dateline = doc.article.dateline
    if dateline and dateline.place and dateline.place.country:
        weights[dateline.place.country] = weights.get(dateline.place.country, 0) + 3
    # US states and big US cities named in the text make the US the context for "Georgia"
    gaz = load()
    for m in mentions:
        for e in gaz.lookup(m.name)[:1]:
            if e.kind == "admin" and e.country == "USA":
                weights["USA"] = weights.get("USA", 0) + 1
        # a name that can only be one country's province ("Tamil Nadu") says which country this is
        hits = gaz.lookup(m.name)
        if hits and all(e.kind == "admin" for e in hits) and len({e.country for e in hits}) == 1:
            weights[hits[0].country] = weights.get(hits[0].country, 0) + 1
    return weights


def resolve(doc: Doc, m: Mention, context: dict[str, int], anchors: "Anchors | None",
            previous: Mention | None = None, following: Mention | None = None) -> Entry | None:
    gaz = load()
    if looks_like_acronym_or_brand(m.name):
        return None  # "MoD", "UConn": Modesto's airport code is not what the article means
    if is_acronym(m.name) and not (countries.lookup(m.name)
                                   or any(e.kind in ("admin", "region") for e in gaz.lookup(m.name))):
        return None  # "CMB", "TNA": an acronym is a place only when it names a country, a state or a union
    before = doc.text[max(0, m.start - 12):m.start]
    after = doc.text[m.end:m.end + 8]
    if m.name in CONTINENT_ADJECTIVES:
        return continent_of_adjective(m.name)
    hit = countries.lookup(m.name)
    candidates = gaz.lookup(m.name)
    if m.name.isupper() and len(m.name) > 4:  # datelines write "BEIRUT"
        candidates = gaz.lookup(m.name.title()) or candidates
    m.candidates = candidates
    states = [e for e in candidates if e.kind == "admin"]
    if states and (STATE_CUES.search(after) or STATE_CUES.search(before)):
        return states[0]
    if states and is_city_state_pair(doc, previous, m, states[0]):
        return states[0]  # "Atlanta, Georgia"
    listed = state_in_list_of_states(doc, previous, m, following, states)
    if listed is not None:
        return listed  # "California, Washington, Utah and Colorado": the state
    city = city_named_like_its_state(m.name, states, candidates)
    if city is not None:
        return city  # "New York", "Washington": the city, unless the text says "state"
    if m.name in NATION_DEMONYMS:
        part = [e for e in gaz.lookup(NATION_DEMONYMS[m.name]) if e.kind in ("admin", "region")]
        if part:
            return part[0]  # "the English coast": England, not the whole kingdom
    if hit and hit.kind == "demonym":
        return gaz.country(hit.iso3)  # "the Syrian city", "the English coast": the country
    if hit and hit.kind in ("name", "alias"):
        country = gaz.country(hit.iso3)
        us_states = [e for e in states if e.country == "USA"]
        # "Georgia" the US state when the article is about the US and not about the country
        if us_states and context.get("USA", 0) > context.get(hit.iso3, 0):
            return us_states[0]
        # "Scotland", an alias of the UK, is also a division of it: the division is the place
        own = [e for e in states if e.country == hit.iso3] \
            or [e for e in candidates if e.kind == "region" and e.country == hit.iso3]
        if hit.kind == "alias" and own:
            return own[0]
        if country:
            return country
    if not candidates:
        return resolve_affixed_name(doc, m, context, anchors, following)
    town = town_in_following_state(doc, m, following, candidates)
    if town is not None:
        return town  # "Gainesville, Va.": the Gainesville in Virginia, whatever its size
    # "Centre", "Delta", "Plateau": a foreign province is meant only in an article about its country
    candidates = [e for e in candidates if not is_foreign_division(e, context) and not is_stray_village(e, context)
                  and not is_far_foreign_town(e, context, anchors)
                  and not is_far_small_namesake(e, m.name, context, anchors)]
    if not candidates:
        return None
    best = max(candidates, key=lambda e: score(e, m, context, gaz, anchors))
    if best.kind == "admin" and best.country != "USA":
        best = province_capital(best, candidates) or best
    return best


# "Orange County", "Washington Township": the district of the town it is named after
DISTRICT_SUFFIX = re.compile(r"\s+(County|Parish|Township|Borough|Municipal District|District|Municipality)$")
STATE_PREFIX = re.compile(r"^(the\s+)?(Republic|Kingdom|State|Federal Republic|Islamic Republic|People's Republic|"
                          r"Democratic Republic|Sultanate|Principality|Grand Duchy) of\s+")
# "Oaxaca State", "Anbar Province": the division itself
DIVISION_SUFFIX = re.compile(r"\s+(State|Province|Governorate|Region|Oblast|Prefecture)$")
# "Western US", "South Venezuela", "West Wales": a part of a country or division
COMPASS_PREFIX = re.compile(r"^(North|South|East|West|Central|Northern|Southern|Eastern|Western|Central|"
                            r"North-?(?:east|west)(?:ern)?|South-?(?:east|west)(?:ern)?|Upstate|Downstate)\s+", re.I)


def resolve_affixed_name(doc: Doc, m: Mention, context: dict[str, int], anchors: "Anchors | None",
                         following: Mention | None = None) -> Entry | None:
    """A name the gazetteer lacks that is a known place with a district word after it or a
    compass word before it. The answer keeps the surface name: a county is placed at the
    town it is named after (the county seat more often than not, and always close)."""
    def base(name: str, kinds: tuple[str, ...]) -> Entry | None:
        sub = Mention(m.start, m.start + len(name), name)
        e = resolve(doc, sub, context, anchors)
        return e if e is not None and e.kind in kinds else None

    match = STATE_PREFIX.match(m.name)
    if match:
        return base(m.name[match.end():], ("country",))  # "Republic of Armenia"
    match = DISTRICT_SUFFIX.search(m.name)
    county = us_county(doc, m, anchors, following) if match else None
    if county is not None:
        return county
    if match:
        e = town_in_the_articles_states(m.name[:match.start()], anchors) or base(m.name[:match.start()], ("city",))
        return Entry(None, m.name, "admin", e.country, e.admin1, e.lat, e.lon, 0) if e else None
    match = DIVISION_SUFFIX.search(m.name)
    if match:
        return base(m.name[:match.start()], ("admin", "country"))
    match = COMPASS_PREFIX.match(m.name)
    if match:
        e = base(m.name[match.end():], ("admin", "country", "region"))
        return Entry(None, m.name, "region", e.country, e.admin1, e.lat, e.lon, 0) if e else None
    return None


def us_county(doc: Doc, m: Mention, anchors: "Anchors | None", following: Mention | None) -> Entry | None:
    """"Walker County, Ga.", "Hamilton County" beside Chattanooga: a US county is the one in
    the state written after it, else in a state the article names or has its towns in, else
    the only one of its name. It is placed at a town of its name in that state, else at the
    article's town in that state, else at the state's point."""
    states = us_counties().get(normalise(m.name), [])
    if not states:
        return None
    named: list[str] = []
    if following is not None and re.fullmatch(r",\s*", doc.text[m.end:following.start]):
        named += [e.name for e in load().lookup(following.name) if e.kind == "admin" and e.country == "USA"]
    if anchors is not None:
        named += list(anchors.states)
        named += [t.admin1 for t in anchors.towns if t.country == "USA" and t.admin1]
    state = next((s for s in named if s in states), None)
    if state is None and len(states) == 1:
        state = states[0]
    if state is None:
        return None
    base = DISTRICT_SUFFIX.sub("", m.name)
    towns = [e for e in load().lookup(base) if e.kind == "city" and e.country == "USA" and e.admin1 == state
             and e.name.casefold() == base.casefold()]
    towns += [t for t in (anchors.towns if anchors is not None else []) if t.country == "USA" and t.admin1 == state]
    state_entry = next((e for e in load().lookup(state) if e.kind == "admin" and e.country == "USA"), None)
    if not towns and state_entry is not None and anchors is not None:
        # a county is local: the article's town just across the state line ("Walker County, Ga."
        # in a story from Chattanooga) is nearer to it than the middle of its state
        towns = sorted((t for t in anchors.towns if t.country == "USA"
                        and distance_km(t.lat, t.lon, state_entry.lat, state_entry.lon) <= 400),
                       key=lambda t: distance_km(t.lat, t.lon, state_entry.lat, state_entry.lon))
    where = towns[0] if towns else state_entry
    if where is None:
        return None
    return Entry(None, m.name, "admin", "USA", state, where.lat, where.lon, 0)


def town_in_the_articles_states(name: str, anchors: "Anchors | None") -> Entry | None:
    """A county is local: among the towns it may be named after, the largest in a state the
    article names, else the largest near the towns it names."""
    if anchors is None:
        return None
    towns = [e for e in load().lookup(name) if e.kind == "city" and e.name.casefold() == name.casefold()]
    in_state = [e for e in towns if e.admin1 and e.admin1 in anchors.states]
    nearby = [e for e in towns if anchors.near(e)]
    return (in_state or nearby or [None])[0]


def city_named_like_its_state(name: str, states: list[Entry], candidates: list[Entry]) -> Entry | None:
    """News means the city of "New York" or "Washington" when it does not say "state": a
    state that shares its name with a great city of the same country (or its capital)
    yields to the city."""
    gaz = load()
    for state in states:
        for e in candidates:
            if e.kind == "city" and e.country == state.country and (e.population >= 1_000_000 or gaz.is_capital(e)) \
                    and e.population >= 100_000:
                return e
    return None


def is_stray_village(e: Entry, context: dict[str, int]) -> bool:
    """"Heathrow" in a story about Britain and Russia is not the village of that name in
    Florida: a village of a country the article names only in passing is not meant."""
    if e.kind != "city" or e.population >= 10_000 or not context:
        return False
    return context.get(e.country or "", 0) * 4 < max(context.values())


def is_far_foreign_town(e: Entry, context: dict[str, int], anchors: "Anchors | None") -> bool:
    """"Essex" among Coggeshall and Marks Tey is not the town in Maryland: a town of a country
    the article never names, far from every town it does name, is not meant (a great city
    may still be)."""
    if anchors is None or e.kind != "city" or e.population >= 100_000 or context.get(e.country or "", 0):
        return False
    # only towns of countries the article names vouch for where it is; in a local story that
    # names no country ("Coggeshall", "Marks Tey"), every town that won on its own size does
    named = [(lat, lon) for m, lat, lon in anchors.points if m.entry and (m.entry.country in context or not context)]
    return bool(named) and all(distance_km(e.lat, e.lon, lat, lon) > 1000 for lat, lon in named)


# a village this far from every town the article names is not the one it means
STRAY_KM = 300


def is_far_small_namesake(e: Entry, name: str, context: dict[str, int], anchors: "Anchors | None") -> bool:
    """"Broadway" in a story about New York is not the village in Virginia, nor "Stonewall"
    in a story about Manassas the one in Louisiana: a village far from every town the
    article names is not meant when other places share its name, or when its country
    is not the one the article is mostly about ("Heathrow", Florida, beside London)."""
    if anchors is None or e.kind != "city" or e.population >= 10_000 or not anchors.points:
        return False
    if any(distance_km(e.lat, e.lon, lat, lon) <= STRAY_KM for _, lat, lon in anchors.points):
        return False
    if e.admin1 and e.admin1 in anchors.states:
        return False  # "Hinton" in a story about Alberta
    namesakes = [c for c in load().lookup(name) if c.kind == "city" and c.name.casefold() == name.casefold()]
    main = max(context, key=context.get) if context else None
    return len(namesakes) >= 2 or (main is not None and e.country != main)


def is_foreign_division(e: Entry, context: dict[str, int]) -> bool:
    return e.kind == "admin" and e.country != "USA" and e.country not in context


def province_capital(division: Entry, candidates: list[Entry]) -> Entry | None:
    """"Herat", "Aleppo", "Lagos": a province named after its capital city means the city."""
    towns = [e for e in candidates if e.kind == "city" and e.country == division.country
             and e.admin1 == division.name and e.population >= 20_000]
    return max(towns, key=lambda e: e.population) if towns else None


def looks_like_acronym_or_brand(name: str) -> bool:
    word = name.strip()
    return " " not in word and bool(re.search(r"[a-z][A-Z]", word)) and not re.match(r"(Mc|Mac|De|La|Le|Du)[A-Z]", word)


def is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters) and not name.istitle()


LIST_GAP = re.compile(r"\s*(,|;|/|,?\s+and|,?\s+or)\s*")


def state_in_list_of_states(doc: Doc, previous: Mention | None, m: Mention, following: Mention | None,
                            states: list[Entry]) -> Entry | None:
    """"California, Washington, Utah": a name listed beside a state of a country is that
    country's state too."""
    if not states:
        return None
    for other, gap in ((previous, doc.text[previous.end:m.start] if previous else ""),
                       (following, doc.text[m.end:following.start] if following else "")):
        if other is None or not LIST_GAP.fullmatch(gap) or countries.lookup(other.name):
            continue
        if other.entry is None or other.entry.kind != "admin":
            continue
        same = [e for e in states if e.country == other.entry.country]
        if same:
            return same[0]
    return None


def town_in_following_state(doc: Doc, m: Mention, following: Mention | None,
                            candidates: list[Entry]) -> Entry | None:
    """"Gainesville, Va.", "Paterson, New Jersey", "Newport, Co Mayo": a town followed by a
    comma and the state or province it is in is that state's town of the name."""
    if following is None or not re.fullmatch(r",\s*", doc.text[m.end:following.start]):
        return None
    name = following.name.title() if following.name.isupper() and len(following.name) > 4 else following.name
    states = {(e.country, e.name) for e in load().lookup(name) if e.kind == "admin"}
    towns = [e for e in candidates if e.kind == "city" and (e.country, e.admin1) in states]
    return max(towns, key=lambda e: e.population) if towns else None


def is_city_state_pair(doc: Doc, previous: Mention | None, m: Mention, state: Entry) -> bool:
    if previous is None or not re.fullmatch(r",\s*", doc.text[previous.end:m.start]):
        return False
    return any(c.admin1 == state.name for c in load().lookup(previous.name) if c.kind == "city")


def score(e: Entry, m: Mention, context: dict[str, int], gaz, anchors: "Anchors | None" = None) -> float:
    s = math.log10(max(e.population, 1) + 10)
    if e.kind == "country":
        s += 6
    elif e.kind == "admin":
        s += 6
    elif e.population >= 1_000_000:
        s += 3  # "New York" the city of eight million, not the state
    elif e.kind == "region":
        s += 8  # "Middle East" the region, not a neighbourhood of Baltimore
    if e.country and e.country in context:
        # being in a country the article names matters; how often it is named matters less;
        # it matters less still for a small namesake of a big city ("Manchester", N.H.)
        bonus = 2 + min(context[e.country], 5) * 0.2
        if e.kind == "city" and dwarfed_namesake(e, m.name, gaz):
            bonus /= 2
        s += bonus
    elif not context and anchors is not None and e.country and e.country == anchors.main_country():
        s += 2  # a local story that names no country: "Newport" among Nenagh and Ballina is Irish
    if gaz.is_capital(e):
        s += 2
    own_name = e.name.casefold() in (m.name.casefold(), m.name.title().casefold())
    if not own_name and e.kind == "city" and has_town_of_own_name(m.name, gaz):
        s -= 4  # "Salisbury" is a town in England before it is Harare's old name
    if own_name or e.kind == "region":
        # its own name: alternate names include old and county names ("Franklin" for Columbus);
        # a region's alternate names are its short names ("Atlantic", "Gulf")
        s += 3
    if anchors is not None and e.kind == "city":
        if e.admin1 and e.admin1 in anchors.states:
            s += 1.5  # "Parkland" in an article about Florida
        if anchors.near(e):
            s += 1.5
    return s


def has_town_of_own_name(name: str, gaz) -> bool:
    """Some town of 10,000 or more bears this name as its own, not as an old or foreign name."""
    return any(c.kind == "city" and c.population >= 10_000 and c.name.casefold() == name.casefold()
               for c in gaz.lookup(name))


def dwarfed_namesake(e: Entry, name: str, gaz) -> bool:
    """A town at least four times smaller than the largest place of its name (100,000+)."""
    # namesakes by their own name only: "Salisbury" was Harare's name, "White House" is Casablanca's
    towns = [c for c in gaz.lookup(name) if c.kind == "city" and c.name.casefold() == name.casefold()]
    return bool(towns) and towns[0].population >= 100_000 and towns[0].population >= 4 * e.population


# --- roles ----------------------------------------------------------------------------


def is_event_mention(doc: Doc, start: int, end: int) -> bool:
    """True when the sentence says something happened at this place.

    The toponym is the object of a locative preposition attached to an action verb or an
    event noun ("clashes in Mosul", "withdraw from Iraq"), or the direct object of a verb
    of attack or movement ("shelled Afrin").
    """
    parsed = doc.parsed
    if parsed is None:
        return False
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    if token.dep_ == "dobj" and token.head.lemma_ in MOTION_VERBS:
        return True
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
        return False
    head = token.head.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX"):
            return head.lemma_ not in NON_EVENT_VERBS
        if head.lower_ in EVENT_NOUNS or head.lemma_ in EVENT_NOUNS:
            return True
        if head.head == head:
            return False
        if head.dep_ in ("pobj",) or head.dep_ == "prep":
            head = head.head
            continue
        head = head.head
    return False


# --- grouping -------------------------------------------------------------------------


def group(doc: Doc, mentions: list[Mention]) -> list[PlaceMention]:
    """One PlaceMention per resolved place (or per unresolved name), with every mention."""
    out: dict[object, PlaceMention] = {}
    dateline_key = None
    dateline = doc.article.dateline
    if dateline and dateline.place and dateline.place.name:
        place = geocode(dateline.place)
        dateline_key = place.geonames_id or place.name.casefold()
        spans: list[Span] = []
        if dateline.start is not None and dateline.end is not None:
            inner = doc.text[dateline.start:dateline.end].lower().find(dateline.place.name.lower())
            if inner >= 0:
                s = dateline.start + inner
                spans.append(doc.span(s, s + len(dateline.place.name)))
            else:
                spans.append(doc.span(dateline.start, dateline.end))
        dateline.place = place
        out[dateline_key] = PlaceMention(**vars(place), role="dateline", mentions=spans)
    for m in mentions:
        e = m.entry
        key = (e.geonames_id or e.name.casefold()) if e else m.name.casefold()
        if key not in out:
            if e:
                out[key] = PlaceMention(e.name, e.country, e.admin1, e.kind, e.lat, e.lon, e.geonames_id)
            else:
                out[key] = PlaceMention(m.name, countries.country_code(m.name), None, "other")
        pm = out[key]
        if any(s.start < m.end and m.start < s.end for s in pm.mentions):
            continue
        pm.mentions.append(doc.span(m.start, m.end))
        if m.event:
            pm.role = "event"  # a dateline place becomes an event place only when the text says so
    for pm in out.values():
        pm.mentions.sort(key=lambda s: s.start)
    return list(out.values())


def geocode(place: Place) -> Place:
    """A dateline place filled in: country, admin1, kind, coordinates, GeoNames id."""
    gaz = load()
    name = place.name.title() if place.name.isupper() else place.name
    hit = countries.lookup(name)
    if hit and hit.kind in ("name", "alias"):
        e = gaz.country(hit.iso3)
    else:
        candidates = gaz.lookup(name)
        if place.country:
            same = [c for c in candidates if c.country == place.country]
            candidates = same or candidates
        e = max(candidates, key=lambda c: (c.kind == "city", gaz.is_capital(c), c.population), default=None)
    if e is None:
        return Place(place.name, place.country, place.admin1, place.kind or "other", place.lat, place.lon,
                     place.geonames_id)
    return Place(e.name, e.country or place.country, e.admin1, e.kind, e.lat, e.lon, e.geonames_id)
