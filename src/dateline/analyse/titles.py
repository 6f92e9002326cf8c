"""Titles and roles of people: "Iraqi Foreign Minister", "spokesman for the Joint Command".

A *title* is the compact name of an office written before a name or in apposition
("Prime Minister", "acting Secretary of Defense"); a *role* is a description with its
organisation ("spokesman for the Iraqi Joint Operations Command"). Both give a person
a country (from country words in them) and a CAMEO sector (from ``sectors``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from dateline.analyse import countries, sectors

# words that qualify an office without naming it: kept in a title only when meaningful
TITLE_MODIFIERS = {"acting", "former", "deputy", "vice", "interim", "outgoing", "incoming", "senior",
                   "top", "chief", "assistant", "associate", "executive", "general", "foreign",
                   "defense", "defence", "interior", "finance", "health", "justice", "national",
                   "security", "press", "state", "presidential", "supreme", "military", "army",
                   "new", "then", "late", "first", "lady", "ex"}
# qualifiers dropped from the stored title: they describe the moment, not the office
DROPPED_MODIFIERS = {"new", "then", "late"}
# role words that say nothing about the sector when an organisation is named with them
GENERIC_ROLE_WORDS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "official",
                      "officials", "head", "chief", "director", "leader", "adviser", "advisor",
                      "aide", "deputy", "secretary", "member", "representative"}
# honorifics: stripped from names, never stored as titles
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "madam", "mx", "mx."}
SYNONYMS = {"spokeswoman": "spokesman", "spokesperson": "spokesman", "spokespeople": "spokesman",
            "advisor": "adviser", "chairwoman": "chairman", "chair": "chairman",
            "congresswoman": "congressman", "defence": "defense"}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    data = resources.files("dateline").joinpath("data/titles.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in data.splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _head_pattern() -> re.Pattern[str]:
    words = sorted(title_words(), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-])({alternatives})(?:s)?(?![\w-])", re.I)


def is_title_word(word: str) -> bool:
    """"Gen." or "Gen" (the tokenizer may split the period off an abbreviation)."""
    lw = word.lower()
    return lw in title_words() or (lw.isalpha() and lw + "." in title_words())


def title_heads(text: str) -> list[str]:
    """Title head words in ``text``, normalised ("Spokesperson" -> "spokesman")."""
    return [canonical(m.group(1)) for m in _head_pattern().finditer(text)]


def canonical(word: str) -> str:
    word = word.lower()
    return SYNONYMS.get(word, word)


def country_in(text: str) -> str | None:
    """The first country a phrase names by name, alias or nationality ("U.S.", "Iraqi"),
    or by one of its states ("South Dakota Gov.", "New Jersey Sen.": USA)."""
    for phrase in _country_candidates(text):
        code = countries.country_code(phrase) or countries.state_country(phrase)
        if code:
            return code
    return None


# offices whose very form names their country, though no country word is written:
# American cabinet secretaries (with American spelling)
_STRONG_OFFICE_COUNTRY = [
    ("USA", re.compile(r"\b(?:(?:Defense|Treasury|Commerce|Homeland Security|Labor|Transportation|Veterans Affairs|"
                       r"Agriculture|Interior|Energy|Housing) Secretary|Secretary of (?:Defense|State|the Treasury|"
                       r"Commerce|Homeland Security|Labor|Transportation|Veterans Affairs|Agriculture|the Interior|"
                       r"Energy|Housing and Urban Development|Health and Human Services)\b(?! for)|"
                       r"Trade Representative|National Security Adviser|White House|Pentagon|Joint Chiefs)", re.I)),
]
# offices American news writes for Americans, but others use too (Nigeria's "Sen.",
# the Philippines' "Rep."), and British secretaries (India and Bangladesh have a Foreign
# Secretary too): only when the story names no other setting
_WEAK_OFFICE_COUNTRY = [
    ("GBR", re.compile(r"\b(?:(?:Defence|Foreign|Home|Brexit|Northern Ireland) Secretary|Chancellor of the Exchequer|"
                       r"Secretary of State for)\b", re.I)),
    ("USA", re.compile(r"(?:^|\s)(?:Sen\.|Sens\.|Rep\.|Reps\.|Gov\.|Congressman|Congresswoman|House Speaker|"
                       r"Speaker of the House|Senate Majority Leader|Senate Minority Leader|House Majority Leader|"
                       r"(?:House|Senate) [A-Z]\w+ Committee)")),
]


def office_country(offices: list[str], strong: bool) -> str | None:
    """The country an office's form implies: "Defense Secretary" (strong: American),
    "Sen." (weak: American unless the story is set elsewhere)."""
    table = _STRONG_OFFICE_COUNTRY if strong else _WEAK_OFFICE_COUNTRY
    for office in offices:
        for iso3, pattern in table:
            if pattern.search(office):
                return iso3
    return None


# a country that is the office's subject, not its holder's nationality: "Ambassador to
# Ukraine", "envoy for Syria", "Ukraine expert", "Iran envoy" (the possessive "Ukraine's
# ambassador" and the nationality word "Ukrainian envoy" still name the holder's country)
_TOPIC_HEADS = r"(?:envoy|expert|specialist|analyst|adviser|advisor|czar|coordinator|correspondent|observer|hand|desk)"
_TOPIC_AFTER = re.compile(r"\b(?:to|for|on|in|at|with)\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)")
_TOPIC_BEFORE = re.compile(r"\b([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+(?i:" + _TOPIC_HEADS + r")\b")


def without_topic_countries(text: str) -> str:
    def drop(match: re.Match) -> str:
        words = match.group(1)
        if countries.country_code(words, ("name", "alias")) and not re.search(r"(’s|'s)$", words):
            return match.group(0).replace(words, " ")
        return match.group(0)
    text = _TOPIC_AFTER.sub(drop, text)
    return _TOPIC_BEFORE.sub(drop, text)


def _country_candidates(text: str):
    text = without_topic_countries(text)
    words = re.findall(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*", text)
    for chunk in words:
        parts = chunk.split()
        # longest sub-sequences first: "United States" before "United"
        for size in range(len(parts), 0, -1):
            for i in range(len(parts) - size + 1):
                yield re.sub(r"(’s|'s)$", "", " ".join(parts[i:i + size]))


def strip_country_words(title: str) -> str:
    """ "Iraqi Foreign Minister" -> "Foreign Minister"; "acting U.S. Secretary" -> "acting Secretary"."""
    kept = []
    words = title.split()
    first_head = next((i for i, w in enumerate(words) if title_heads(w)), len(words))
    for i, word in enumerate(words):
        bare = re.sub(r"(’s|'s)$", "", word)
        # only the nationality before the office: "Ambassador to Ukraine" keeps Ukraine
        if i < first_head and countries.country_code(bare) and not is_title_word(bare):
            continue
        if word.lower() in DROPPED_MODIFIERS:
            continue
        kept.append(word)
    return " ".join(kept)


def role_organisation(role: str) -> str | None:
    """The organisation part of a role: "spokesman for the X Command" -> "the X Command"."""
    match = re.search(r"\b(?:for|of|at|to|with|in)\s+(.+)$", role)
    return match.group(1) if match else None


def sector_of(titles: list[str], roles: list[str]) -> list[str]:
    """One CAMEO sector for a person: the title's, else the role's organisation, else the role.

    Generic words (spokesman, official) count only when nothing more specific is said:
    the spokesman *for the Joint Operations Command* is military.
    """
    generic: list[str] = []
    for title in titles:
        found = _specific_sectors(title)
        if found:
            return found[:1]
        generic += sectors.sectors_in(title)
    for role in roles:
        org = role_organisation(role)
        if org:
            found = sectors.sectors_in(org)
            if found:
                return found[:1]
        found = _specific_sectors(role)
        if found:
            return found[:1]
        generic += sectors.sectors_in(role)
    return generic[:1]


def _specific_sectors(phrase: str) -> list[str]:
    """Sectors named by the phrase's words other than the generic role words."""
    found: list[str] = []
    table = sectors.sector_table()
    for match in sectors._pattern().finditer(phrase):
        word = match.group(1)
        if word.lower() in GENERIC_ROLE_WORDS or (len(word) <= 3 and not word.isupper()):
            continue
        sector = table[word.lower()]
        if sector not in found:
            found.append(sector)
    return found
