"""Entities: people, organisations, places and nationalities, with every mention.

spaCy's NER gives the names; rules fix what the small model gets wrong (all-caps
datelines, "Secretary of State" split into a title and an ORG, CSS leftovers tagged as
PERSON), then ``coref`` links surnames, pronouns and role descriptions to the entity
they refer to, and titles, roles, country and CAMEO sector are read from the words
around each person's name.
"""

from __future__ import annotations

import re

from dateline.analyse import countries, coref, sectors, titles
from dateline.analyse.coref import Cluster, Mention
from dateline.analyse.speech import QuoteIndex, quote_spans, text_of
from dateline.doc import Doc
from dateline.record import Entity

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# a paragraph that opens with "BEIRUT, LEBANON (8:40 P.M.) –" or "WASHINGTON —"
ALLCAPS_DATELINE = re.compile(
    r"^(?P<places>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*(?:,\s*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)*)"
    r"\s*(?:\([^)\n]{0,40}\)\s*)?[–—-]", re.M)
_CODE_TOKEN = re.compile(r"^(?:[A-Za-z]*\d+[A-Za-z]+\w*|[0-9A-Fa-f]{6}\W*|.*[{};#=<>!|\\@].*)$")


def annotate(doc: Doc) -> None:
    parsed = doc.parsed
    text = doc.text
    quotes = QuoteIndex(quote_spans(text))
    names = name_mentions(doc)
    clusters = coref.cluster_names(names, text)
    coref.attach_titles(parsed, clusters)
    coref.genders_from_first_names(clusters, text)
    metonyms = mark_metonyms(parsed, clusters)
    doc.user_data["metonym_spans"] = metonyms
    coref.link_role_descriptions(parsed, clusters, quotes)
    coref.link_age_descriptions(parsed, clusters, quotes)
    coref.link_pronouns(parsed, clusters, quotes)
    coref.roles_from_as_phrases(parsed, clusters)
    coref.countries_from_nationality_descriptions(parsed, clusters)
    coref.countries_from_counterparts(parsed, clusters)
    people_countries_from_context(doc, clusters)
    doc.article.entities = build_entities(doc, clusters)
    doc.user_data["quote_spans"] = quotes.spans


# --- names from spaCy, repaired ------------------------------------------------------

def name_mentions(doc: Doc) -> list[Mention]:
    parsed = doc.parsed
    dateline_parts = allcaps_dateline_places(doc)
    mentions: list[Mention] = []
    for ent in parsed.ents:
        label = ent.label_
        if label not in KEPT_LABELS:
            continue
        start, end = trim_name_tokens(parsed, ent.start, ent.end, label)
        if start >= end:
            continue
        span = parsed[start:end]
        s, e = span.start_char, span.end_char
        if any(s < pe and ps < e for ps, pe in dateline_parts):
            continue
        if looks_like_code(span) or is_part_of_title(parsed, start, end):
            continue
        label = relabel_country_words(span.text, label)
        if label == "ORG":
            person_start = person_after_leading_country(parsed, start, end)
            if person_start is not None:
                start = person_start
                span = parsed[start:end]
                s = span.start_char
                label = "PERSON"
            elif org_is_a_person(parsed, start, end):
                label = "PERSON"
        if label == "PERSON" and _SURE_ORG_WORDS.search(span.text) and len(span) >= 2:
            label = "ORG"  # "Manchester United", "Fox News": an organisation's word in a "person"
        if label == "PERSON" and not plausible_person(span):
            continue
        mentions.append(Mention(s, e, label, start, end))
    for ps, pe in dateline_parts:
        span = parsed.char_span(ps, pe, alignment_mode="expand")
        if span is not None:
            mentions.append(Mention(ps, pe, "GPE", span.start, span.end, dateline=True))
    surnames_tagged_as_organisations(parsed, mentions)
    mentions.extend(untagged_surnames(parsed, mentions))
    mentions.sort(key=lambda m: m.start)
    return mentions


# words that make a capitalised phrase an organisation's name, never a person's
_ORG_WORDS = re.compile(
    r"\b(?:Inc|Corp|Co|Ltd|LLC|Company|Group|News|Party|Council|Committee|University|College|Department|"
    r"Ministry|Office|Agency|Association|Bank|Senate|House|Court|Police|Times|Post|Institute|Foundation|"
    r"Fund|Union|Commission|Authority|Services?|Airlines|Motors|Press|Network|Cent(?:er|re)|Club|League|"
    r"Board|Bureau|Forces?|Army|Guard|Church|Hospital|School|Capital|Partners|Holdings|Media|Today|Journal|"
    r"United|FC|Rovers|Athletic|Wanderers)\b")
# the subset no person's name carries ("Margaret Court", "Emily Post" do exist)
_SURE_ORG_WORDS = re.compile(
    r"\b(?:Inc|Corp|Ltd|LLC|Company|Group|News|Party|Council|Committee|University|Department|Ministry|Agency|"
    r"Association|Institute|Foundation|Commission|Authority|United|FC)\b")
_SPEECH_LEMMAS = {"say", "tell", "add", "write", "note", "explain", "argue", "state"}


def person_after_leading_country(parsed, start: int, end: int) -> int | None:
    """"ambassador to Ukraine Marie Yovanovitch" tagged as one organisation: a country
    word, then a name that opens with a known first name; returns where the name starts."""
    for k in (1, 2):
        if end - (start + k) < 2 or start + k >= end:
            continue
        head = parsed[start:start + k].text
        if countries.country_code(head) is None and countries.state_country(head) is None:
            continue
        rest = parsed[start + k:end]
        first = rest[0].text.split("-")[0].lower()
        if first in coref.first_name_genders() and all(t.text[:1].isupper() for t in rest) \
                and not _ORG_WORDS.search(rest.text):
            return start + k
    return None


def org_is_a_person(parsed, start: int, end: int) -> bool:
    """"executive chair Marcelo Claure", "host Jeanine Pirro's", ", Eva-Marie Persson, said":
    the small model tags some names after an office as organisations. A short capitalised
    phrase with no organisation word is a person when an office stands right before it, or
    when it opens with a known first name and sits where people stand (after a comma, before
    a speech verb)."""
    span = parsed[start:end]
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 4 or any(not t.text[:1].isupper() or t.like_num for t in words):
        return False
    if _ORG_WORDS.search(span.text) or countries.lookup(span.text) is not None:
        return False
    before = parsed[start - 1] if start > 0 else None
    if before is not None and (titles.is_title_word(before.text) or before.lower_ in titles.HONORIFICS) \
            and before.ent_type_ not in ("ORG",):
        return True
    if before is not None and before.text == "," and start >= 2 and titles.is_title_word(parsed[start - 2].text):
        return True  # "former Speaker, Tunde Bakare,": a name in apposition to an office
    first = words[0].text.split("-")[0].lower()
    if first not in coref.first_name_genders():
        return False
    after = parsed[end] if end < len(parsed) else None
    return (before is not None and before.text == ",") or (after is not None and after.lemma_ in _SPEECH_LEMMAS)


def surnames_tagged_as_organisations(parsed, mentions: list[Mention]) -> None:
    """"Omar's office" tagged ORG once "Ilhan Omar" is named: a one-word organisation or
    place that is a named person's surname (and no country) is that person."""
    text = text_of(parsed)
    surnames = set()
    for m in mentions:
        if m.label == "PERSON":
            words = text[m.start:m.end].split()
            if len(words) >= 2 and len(words[-1]) > 2:
                surnames.add(words[-1])
    for m in mentions:
        if m.label in ("ORG", "LOC", "GPE", "FAC") and m.tok_end - m.tok_start == 1 and not m.dateline \
                and text[m.start:m.end] in surnames and countries.lookup(text[m.start:m.end]) is None:
            m.label = "PERSON"


_UNTAGGED_OK = {"", "PERSON", "NORP"}


def untagged_surnames(parsed, mentions: list[Mention]) -> list[Mention]:
    """"Fiorina said" where the small model tagged nothing: once "Carly Fiorina" is named,
    her surname alone is a mention of a person wherever it stands untagged."""
    text = text_of(parsed)
    surnames = set()
    first_names: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "PERSON":
            words = text[m.start:m.end].split()
            if len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
                surnames.add(words[-1])
                first_names.setdefault(words[-1], set()).add(words[0])
    if not surnames:
        return []
    taken = sorted((m.start, m.end) for m in mentions)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
                         + r")(?![\w-])")
    found: list[Mention] = []
    for match in pattern.finditer(text):
        s, e = match.span()
        if any(ts < e and s < te for ts, te in taken):
            continue
        span = parsed.char_span(s, e)
        if span is None or any(t.ent_type_ not in _UNTAGGED_OK for t in span):
            continue
        following = parsed[span.end] if span.end < len(parsed) else None
        if following is not None and following.text[:1].isupper() and following.pos_ == "PROPN":
            continue  # "Trump Tower", "Bush Doctrine": a name of something else
        start_tok = span.start
        if start_tok > 0 and parsed[start_tok - 1].text in first_names.get(match.group(0), ()):
            start_tok -= 1  # "Hon. Funke Adedoyin": the known first name belongs to the name
            s = parsed[start_tok].idx
        found.append(Mention(s, e, "PERSON", start_tok, span.end))
    return found


_QUESTION_VERBS = {"will", "can", "could", "would", "should", "does", "did", "is", "was", "has", "may", "might",
                   "must", "shall"}


def trim_name_tokens(parsed, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and, for people, leading titles."""
    while start < end and parsed[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and parsed[end - 1].text in ("'s", "’s", "'", "’", "-", "–", "—", ","):
        end -= 1
    if label == "PERSON" and end - start >= 2 and parsed[start].lower_ in _QUESTION_VERBS \
            and parsed[start].is_sent_start and parsed[start].sent.text.rstrip().endswith("?"):
        start += 1  # "Will Warren continue to face the heat?": a question's verb, not a first name
    if label == "PERSON":
        while start < end - 1 and (titles.is_title_word(parsed[start].text)
                                   or parsed[start].lower_ in titles.HONORIFICS
                                   or parsed[start].lower_ in titles.TITLE_MODIFIERS):
            start += 1
        if end - start == 1 and (titles.is_title_word(parsed[start].text) or parsed[start].lower_ in titles.HONORIFICS):
            return start, start
    return start, end


def looks_like_code(span) -> bool:
    """CSS and markup leftovers ("D35400!important", "250ms") are not names."""
    if any(_CODE_TOKEN.match(t.text) for t in span):
        return True
    return not any(ch.isalpha() for ch in span.text)


def plausible_person(span) -> bool:
    """A person's name has a capitalised word and no digits."""
    if any(ch.isdigit() for ch in span.text):
        return False
    return any(t.text[:1].isupper() for t in span)


def is_part_of_title(parsed, start: int, end: int) -> bool:
    """"State" in "Secretary of State" is the office's name, not an organisation."""
    if start >= 2 and parsed[start - 1].lower_ == "of" and titles.is_title_word(parsed[start - 2].text):
        return end - start <= 3 and parsed[start - 2].text[:1].isupper()
    return False


def relabel_country_words(text: str, label: str) -> str:
    """A country's name is a GPE and its nationality word a NORP, whatever spaCy said."""
    hit = countries.lookup(text)
    if hit is None:
        return label
    if hit.kind in ("name", "alias") and label in ("PERSON", "ORG", "NORP", "LOC"):
        return "GPE"
    if hit.kind == "demonym" and label in ("PERSON", "ORG", "GPE"):
        return "NORP"
    return label


def allcaps_dateline_places(doc: Doc) -> list[tuple[int, int]]:
    """Char spans of the places in an all-caps dateline ("BEIRUT, LEBANON (8:40 P.M.) –").

    The small model tags capitals unreliably (LEBANON a GPE, BEIRUT nothing); a dateline
    is a place by its position, at the start of a paragraph before a dash.
    """
    text = doc.text
    head = text[:2000]
    out: list[tuple[int, int]] = []
    for match in ALLCAPS_DATELINE.finditer(head):
        base = match.start("places")
        offset = 0
        for part in match.group("places").split(","):
            lead = len(part) - len(part.lstrip())
            word = part.strip()
            s = base + offset + lead
            if sum(ch.isalpha() for ch in word) >= 3:
                out.append((s, s + len(word)))
            offset += len(part) + 1
        break  # only the first dateline of an article
    return out


# --- metonyms --------------------------------------------------------------------------

# verbs whose subject acts as a government when it is a capital: "Washington agreed"
AGENT_VERBS = {"agree", "say", "reach", "announce", "accuse", "demand", "reject", "warn", "threaten",
               "urge", "deny", "want", "plan", "sign", "impose", "refuse", "insist", "respond",
               "condemn", "call", "decide", "ask", "seek", "offer", "approve", "expel", "withdraw",
               "send", "deploy", "support", "back", "oppose", "sanction", "recognize", "recognise",
               "negotiate", "push", "pressure", "blame", "welcome", "hope", "intend", "order",
               "claim", "insist", "refuse", "vow", "pledge", "promise", "retaliate", "respond",
               "cut", "suspend", "resume", "open", "close", "allow", "ban", "block", "veto",
               "confirm", "tell", "believe", "consider", "accept", "request", "summon", "protest"}
# nouns of a relation between governments: "the agreement with Washington"
RELATION_NOUNS = {"agreement", "deal", "talks", "relations", "relationship", "negotiations", "dispute",
                  "tensions", "ties", "accord", "treaty", "contacts", "dialogue", "conflict", "pact",
                  "understanding", "cooperation", "coordination", "rift", "standoff", "alliance",
                  "partnership", "memorandum", "truce", "ceasefire", "arrangement", "consultations"}


def mark_metonyms(parsed, clusters: list[Cluster]) -> dict[tuple[int, int], str]:
    """Capitals and seats of power acting as their government become GOV actors.

    "the Kremlin" is always its government; "Washington" only when it acts (subject of
    agree/say/reach ...), or stands in a relation ("the agreement with Washington",
    "between Baghdad and Washington").
    """
    spans: dict[tuple[int, int], str] = {}
    for cluster in clusters:
        if cluster.type not in ("GPE", "ORG", "FAC", "LOC"):
            continue
        for m in cluster.mentions:
            if m.kind != "name" or m.dateline:
                continue
            hit = countries.lookup(text_of(parsed)[m.start:m.end])
            if hit is None or hit.kind not in ("metonym", "capital"):
                continue
            if is_seat_of_power(parsed, m) or acts_as_government(parsed, m):
                spans[(m.start, m.end)] = hit.iso3
                m.metonym = hit.iso3
                cluster.metonym = hit.iso3
    return spans


def is_seat_of_power(parsed, m: Mention) -> bool:
    """"the Kremlin", "the White House", "the Pentagon": buildings that only speak as governments."""
    words = text_of(parsed)[m.start:m.end]
    return m.label in ("ORG", "FAC") or bool(re.search(r"House|Kremlin|Pentagon|Department|Street|Hill|hall", words))


def acts_as_government(parsed, m: Mention) -> bool:
    root = parsed[m.tok_start:m.tok_end].root
    token = root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    if token.dep_ in ("nsubj", "poss") and (token.dep_ == "poss" or token.head.lemma_ in AGENT_VERBS):
        return True
    if token.dep_ == "pobj":
        prep = token.head
        if prep.lower_ == "between":
            return True
        if prep.lower_ in ("with", "from", "to", "by") and prep.head.lemma_.lower() in RELATION_NOUNS:
            return True
    # "between Baghdad and Washington" even when the parse hangs the pair elsewhere
    before = text_of(parsed)[max(0, m.start - 40):m.start]
    return bool(re.search(r"\bbetween\s+(?:[A-Z][\w.'’-]*\s*){1,3}(?:and\s+)?$", before)) or before.endswith("between ")


# --- records -----------------------------------------------------------------------------

def build_entities(doc: Doc, clusters: list[Cluster]) -> list[Entity]:
    parsed = doc.parsed
    live = [c for c in clusters if c.mentions]
    live.sort(key=lambda c: min(m.start for m in c.mentions))
    entities: list[Entity] = []
    for number, cluster in enumerate(live, start=1):
        cluster.id = f"e{number}"
        mentions = sorted({(m.start, m.end) for m in cluster.mentions})
        entities.append(Entity(
            id=cluster.id,
            name=cluster.display_name(text_of(parsed)),
            type=cluster.type,  # type: ignore[arg-type]
            titles=list(cluster.titles),
            roles=list(cluster.roles),
            country=cluster_country(text_of(parsed), cluster),
            sectors=cluster_sectors(text_of(parsed), cluster),
            mentions=[doc.span(s, e) for s, e in mentions],
        ))
    doc.user_data["entity_clusters"] = live
    return entities


def people_countries_from_context(doc: Doc, clusters: list[Cluster]) -> None:
    """An official whose title names no country ("Interior Minister Gloria Benitez") takes
    the dateline's country, else the one the article names most."""
    country_mentions: list[tuple[int, str]] = []
    for cluster in clusters:
        code = setting_country(doc.text, cluster)
        if code:
            country_mentions += [(m.start, code) for m in cluster.mentions if not m.dateline]
    counts: dict[str, int] = {}
    for _, code in country_mentions:
        counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    dominant = ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    dateline = doc.article.dateline
    dateline_country = dateline.place.country if dateline is not None and dateline.place is not None else None
    for cluster in clusters:
        if cluster.type != "PERSON" or cluster.country is not None:
            continue
        offices = cluster.titles + cluster.roles
        if not offices or any(serves_international_body(o) for o in offices):
            continue  # a UN envoy in Chad is not Chadian
        # "Kremlin spokesman" names its country; the setting is only a fallback, and the
        # dateline's country only when the story names it or no other country (a Beirut
        # desk writing about Iraq does not make Iraq's prime minister Lebanese)
        setting = dateline_country if dateline_country in counts or not counts else dominant
        named = country_named_in(offices)
        if named is None and titles.office_country(offices, strong=True):
            named = titles.office_country(offices, strong=True)  # a U.S. Defense Secretary abroad stays American
        cluster.country = named or setting or titles.office_country(offices, strong=False)


def setting_country(text: str, cluster: Cluster) -> str | None:
    """The country a place, nationality or organisation cluster puts the story in: a
    country or its people (Iraq, Iraqi), one of its states (California, South Dakota),
    its seat of power (the White House), or an organisation named for it ("the Nigerian
    Senate")."""
    if cluster.type in ("GPE", "NORP") and isinstance(cluster.key, str) and len(cluster.key) == 3 \
            and cluster.key.isupper():
        return cluster.key
    if cluster.metonym:
        return cluster.metonym
    if cluster.type in ("GPE", "LOC", "ORG"):
        for m in cluster.mentions:
            if m.kind == "name" and not m.dateline:
                name = text[m.start:m.end]
                found = countries.state_country(name) if cluster.type != "ORG" else titles.country_in(name)
                if found:
                    return found
    return None


def country_named_in(phrases: list[str]) -> str | None:
    """The country a title or role names by any word for it: name, nationality or seat of power."""
    for phrase in phrases:
        words = re.findall(r"[\w.'’-]+", titles.without_topic_countries(phrase))
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                hit = countries.lookup(" ".join(words[i:i + size]).strip(".’'"))
                if hit is not None and hit.kind in ("name", "alias", "demonym", "metonym"):
                    return hit.iso3
    return None


# organisations above countries: their officials have no country from the story's setting
_INTERNATIONAL = re.compile(r"\b(?:UN|U\.N\.|UNHCR|UNICEF|WHO|EU|E\.U\.|NATO|KFOR|ECOWAS|IAEA|ICRC|IMF|OSCE|"
                            r"United Nations|European|African Union|World Bank|Red Cross|Commission|agency|"
                            r"international|envoy|Secretary-General)\b", re.I)


def serves_international_body(office: str) -> bool:
    return bool(_INTERNATIONAL.search(office)) or "IGO" in sectors.sectors_in(office)


def cluster_country(text: str, cluster: Cluster) -> str | None:
    if cluster.country:
        return cluster.country
    if cluster.type in ("GPE", "LOC", "NORP", "FAC"):
        for m in cluster.mentions:
            if m.kind == "name":
                hit = countries.lookup(text[m.start:m.end])
                if hit:
                    return hit.iso3
        return None
    if cluster.type == "ORG":
        for m in cluster.mentions:
            if m.kind == "name":
                found = titles.country_in(text[m.start:m.end]) or possessor_country(text, m.start)
                if found:
                    return found
    return None


def possessor_country(text: str, start: int) -> str | None:
    """"Russia's Sputnik Agency" -> RUS."""
    match = re.search(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)(?:’s|'s)\s+$", text[max(0, start - 40):start])
    return countries.country_code(match.group(1)) if match else None


def cluster_sectors(text: str, cluster: Cluster) -> list[str]:
    if cluster.type == "PERSON":
        return titles.sector_of(cluster.titles, cluster.roles)
    if cluster.metonym:
        name = cluster.display_name(text)
        return sectors.sectors_in(name)[:1] or ["GOV"]
    if cluster.type == "ORG":
        name = cluster.display_name(text)
        return sectors.sectors_in(name)[:1]
    return []
