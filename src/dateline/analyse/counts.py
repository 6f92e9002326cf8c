"""Counts: how many of what, whose, and whether it is a total, a change or a target.

"withdraw 500 American soldiers" -> 500 soldiers, troops, USAMIL, change;
"will be reduced to 2,500 soldiers" -> 2,500 soldiers, troops, target;
"dozens of protesters" -> 24 (the low end), protesters, vague.

A number is read from the parse (digits or words, with "million"/"billion" scales),
its counted noun is the noun it modifies (or the noun after "of" for "hundreds of"),
its category comes from that noun or from the verb that says what happened to it
("12 people were killed" -> killed), and its actor from the country and sector words in
the noun phrase, or the entity there, or, failing both, the subject of the clause.
Numbers that are not counts are skipped: years and other date parts, ages, percentages,
ordinals, phone numbers, clock times and CSS-like values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateline.analyse import countries
from dateline.analyse.numbers import VAGUE, parse_number, vague_number
from dateline.analyse.sectors import sectors_in
from dateline.doc import Doc
from dateline.record import Actor, Count

CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₦": "NGN", "₩": "KRW",
                    "₽": "RUB", "₺": "TRY", "₪": "ILS"}
# dollar signs with a country prefix; "US$" is the US dollar
PREFIXED_DOLLARS = {"US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
                    "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "Z$": "ZWL"}
# written abbreviations before the number: "Rs 24 lakh", "Rs. 500", "Tk 50 crore"
CURRENCY_ABBREVIATIONS = {"rs": "INR", "rs.": "INR", "inr": "INR", "tk": "BDT", "tk.": "BDT", "ksh": "KES",
                          "kshs": "KES", "ush": "UGX"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
                  "rubles": "RUB", "roubles": "RUB", "dinars": "IQD", "riyals": "SAR", "lira": "TRY",
                  "shekels": "ILS", "shillings": "KES", "naira": "NGN", "rand": "ZAR", "won": "KRW",
                  "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "hryvnias": "UAH", "hryvnia": "UAH",
                  "taka": "BDT", "dirhams": "AED", "rials": "IRR", "afghanis": "AFN", "cedis": "GHS",
                  "birr": "ETB", "pesos": "MXN", "francs": "CHF", "kwacha": "ZMW", "manat": "AZN",
                  "tenge": "KZT", "lei": "RON", "zloty": "PLN", "forints": "HUF", "kroner": "DKK",
                  "kronor": "SEK", "bitcoin": "XBT", "bitcoins": "XBT"}
# a country adjective before a shared currency name says whose: "Ugandan shillings", "Pakistani rupees"
CURRENCY_BY_ADJECTIVE = {("pakistani", "rupees"): "PKR", ("sri lankan", "rupees"): "LKR", ("nepali", "rupees"): "NPR",
                         ("nepalese", "rupees"): "NPR", ("ugandan", "shillings"): "UGX",
                         ("tanzanian", "shillings"): "TZS", ("somali", "shillings"): "SOS",
                         ("kenyan", "shillings"): "KES", ("jordanian", "dinars"): "JOD", ("kuwaiti", "dinars"): "KWD",
                         ("libyan", "dinars"): "LYD", ("algerian", "dinars"): "DZD", ("tunisian", "dinars"): "TND",
                         ("iranian", "rials"): "IRR", ("omani", "rials"): "OMR", ("yemeni", "rials"): "YER",
                         ("saudi", "riyals"): "SAR", ("qatari", "riyals"): "QAR", ("egyptian", "pounds"): "EGP",
                         ("lebanese", "pounds"): "LBP", ("syrian", "pounds"): "SYP", ("sudanese", "pounds"): "SDG",
                         ("philippine", "pesos"): "PHP", ("argentine", "pesos"): "ARS", ("colombian", "pesos"): "COP",
                         ("chilean", "pesos"): "CLP", ("mexican", "pesos"): "MXN", ("swiss", "francs"): "CHF",
                         ("cfa", "francs"): "XOF", ("congolese", "francs"): "CDF", ("canadian", "dollars"): "CAD",
                         ("australian", "dollars"): "AUD", ("hong kong", "dollars"): "HKD",
                         ("zimbabwean", "dollars"): "ZWL", ("taiwan", "dollars"): "TWD", ("new taiwan", "dollars"): "TWD",
                         ("turkish", "lira"): "TRY", ("indian", "rupees"): "INR", ("iraqi", "dinars"): "IQD"}
CURRENCY_CODES = {"USD", "EUR", "GBP", "JPY", "CNY", "INR", "RUB", "IQD", "SAR", "TRY", "ILS", "CHF", "PKR", "KES",
                  "NGN", "ZAR", "KRW", "AUD", "CAD", "HKD", "AED", "EGP", "BDT", "IDR", "UAH", "IRR", "BRL", "MXN"}

# counted nouns (lemmas) -> category
NOUN_CATEGORIES = {
    "troops": {"soldier", "troop", "force", "marine", "personnel", "sailor", "paratrooper", "servicemember",
               "service member", "serviceman", "servicewoman", "reservist", "commando", "infantryman", "contractor", "peacekeeper",
               "fighter", "militant", "rebel", "insurgent", "guerrilla", "jihadist", "militiaman", "gunman",
               "gendarme", "conscript", "mercenary", "legionnaire"},
    "killed": {"death", "fatality", "body", "corpse", "dead", "casualty"},
    "wounded": {"injury", "wounded", "injured"},
    "arrested": {"arrest", "detainee", "prisoner", "suspect"},
    "displaced": {"refugee", "evacuee", "migrant", "asylum seeker", "displaced"},
    "protesters": {"protester", "protestor", "demonstrator", "marcher", "rioter", "striker"},
    "people": {"people", "person", "civilian", "resident", "child", "woman", "man", "villager", "student",
               "worker", "citizen", "family", "passenger", "journalist", "doctor", "patient", "member",
               "official", "voter", "pilgrim", "miner", "employee", "teacher", "farmer", "victim", "adult",
               "individual", "inhabitant", "tourist", "officer", "policeman", "guard", "hostage", "supporter",
               "other", "activist", "opponent", "follower", "pupil", "girl", "boy", "teenager", "baby",
               "worshipper", "worshiper", "schoolgirl", "schoolboy", "schoolchild", "mourner", "shopper",
               "fisherman", "driver", "nurse", "lawyer", "protestor", "bystander", "spectator", "athlete"},
}
# verbs (lemmas) that say what happened to the counted people
VERB_CATEGORIES = {
    "killed": {"kill", "die", "slay", "murder", "execute", "massacre", "perish", "behead", "drown"},
    "wounded": {"wound", "injure", "hurt", "maim", "hospitalize", "hospitalise"},
    "arrested": {"arrest", "detain", "jail", "imprison", "apprehend", "round", "hold", "capture"},
    "displaced": {"displace", "flee", "evacuate", "uproot", "expel", "deport"},
}
ADJECTIVE_CATEGORIES = {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded",
                        "displaced": "displaced", "arrested": "arrested", "detained": "arrested",
                        "homeless": "displaced", "missing": None}
CHANGE_VERBS = {"withdraw", "pull", "send", "deploy", "add", "dispatch", "remove", "bring", "cut", "reduce",
                "increase", "raise", "boost", "recall", "redeploy", "move", "transfer", "release", "free",
                "evacuate", "shift", "return", "draw", "station", "lose", "gain", "hire", "fire", "sack",
                "lay", "drop", "donate", "pledge", "allocate"}
TARGET_VERBS = {"reduce", "cut", "increase", "raise", "rise", "fall", "drop", "lower", "bring", "grow", "climb",
                "jump", "decrease", "decline", "swell", "shrink", "reach", "hit", "soar", "surge", "double",
                "expand", "trim", "slash", "boost", "top"}
NON_COUNT_NOUNS = {"year", "month", "week", "day", "hour", "minute", "second", "percent", "per", "cent",
                   "time", "times", "px", "pm", "am", "point", "degree", "km", "kilometre", "kilometer",
                   "mile", "meter", "metre", "kg", "ton", "tonne", "decade", "century", "round", "page",
                   "step", "stage", "phase", "grade", "level", "dimension"}


@dataclass
class NumberSpan:
    start: int
    end: int
    value: float
    vague: bool
    first: int  # token indices
    last: int


def annotate(doc: Doc) -> None:
    parsed = doc.parsed
    if parsed is None:
        doc.article.counts = []
        return
    blocked = [(d.start, d.end, d.kind) for d in doc.article.dates if d.kind in ("date", "time", "duration", "set")]
    counts: list[Count] = []
    for number in find_numbers(doc):
        # dates are not counts; a duration is, when it is a prison term ("10 years in prison")
        if any(s < number.end and number.start < e and not (kind == "duration" and _sentence_after(doc, e))
               for s, e, kind in blocked):
            continue
        if not_a_count(doc, number):
            continue
        count = read_count(doc, number)
        if count is not None:
            counts.append(count)
    doc.article.counts = counts


# --- numbers --------------------------------------------------------------------------


def find_numbers(doc: Doc) -> list[NumberSpan]:
    """Runs of number tokens ("1.2 million", "five hundred", "2,500") and vague quantities."""
    tokens = list(doc.parsed)  # one Token object each: spaCy makes a new one on every index
    out: list[NumberSpan] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        vague_phrase = _vague_at(tokens, i)
        if vague_phrase:
            j, value = vague_phrase
            out.append(NumberSpan(token.idx, tokens[j].idx + len(tokens[j]), value, True, i, j))
            i = j + 1
            continue
        # a number starts with a digit or a number word, never with a dash the tagger called CD
        if (token.like_num or token.tag_ == "CD") and any(ch.isalnum() for ch in token.text):
            j = i
            while j + 1 < len(tokens) and (tokens[j + 1].like_num or _hyphen_number(tokens, j) or tokens[j + 1].lower_ in
                                           ("hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "lakh", "lakhs", "lac", "crore", "crores", "dozen")
                                           or tokens[j + 1].lower_ == "and" and j + 2 < len(tokens)
                                           and tokens[j + 2].like_num and not tokens[j + 2].is_digit):
                if tokens[j + 1].is_digit and tokens[j].is_digit:
                    break  # "500 2,500" are two numbers
                j += 1
            if tokens[j].text == "-" and j > i:
                j -= 1
            text = doc.text[token.idx:tokens[j].idx + len(tokens[j])]
            value = parse_number(text)
            if value is not None:
                out.append(NumberSpan(token.idx, tokens[j].idx + len(tokens[j]), value, False, i, j))
            i = max(j, i) + 1  # always move on: a lone "-" must not stall the scan
            continue
        i += 1
    return out


def _hyphen_number(tokens, j: int) -> bool:
    """"twenty-three" is tokenised twenty / - / three."""
    return (tokens[j + 1].text == "-" and j + 2 < len(tokens) and tokens[j + 2].like_num
            and not tokens[j].is_digit and not tokens[j + 2].is_digit) or (
        tokens[j].text == "-" and tokens[j + 1].like_num and not tokens[j + 1].is_digit)


@lru_cache(maxsize=1)
def _vague_first_words() -> frozenset[str]:
    """Words a vague quantity can start with: most tokens are ruled out by one lookup."""
    return frozenset(phrase.split()[0] for phrase in VAGUE) | {"a", "several", "few", "many", "couple", "dozen"}


def _vague_at(tokens, i: int) -> tuple[int, float] | None:
    """'dozens', 'hundreds', 'tens of thousands', 'several hundred' starting at token i."""
    if tokens[i].lower_ not in _vague_first_words():
        return None
    for length in (3, 2, 1):
        if i + length > len(tokens):
            continue
        words = " ".join(t.lower_ for t in tokens[i:i + length])
        if words in ("several", "few", "a few", "many", "couple", "a couple", "a handful", "dozen"):
            continue  # too vague to count, or "a dozen" read as a number below
        value = vague_number(words)
        if value is not None:
            return i + length - 1, value
    if tokens[i].lower_ == "a" and i + 1 < len(tokens) and tokens[i + 1].lower_ == "dozen":
        return i + 1, 12.0
    return None


_NAMED_BY_NUMBER = re.compile(r"\b(?:S&P|FTSE|Nikkei|Fortune|Russell|Stoxx|STOXX|DAX|CAC|Sensex|Nifty|Boeing|Airbus A?|"
                              r"Formula|Covid-?|COVID-?|Windows|iPhone|Galaxy S?)\s*$")


def not_a_count(doc: Doc, n: NumberSpan) -> bool:
    """Years, ages, percentages, ordinals, phone numbers, clock times and CSS values."""
    text = doc.text
    after = text[n.end:n.end + 12]
    before = text[max(0, n.start - 12):n.start]
    surface = text[n.start:n.end]
    if re.match(r"\s*(%|percent|per cent|px|em|ms|pt|rem|vh|vw)\b|%", after):
        return True
    if re.match(r"(st|nd|rd|th)\b", after) or re.match(r"-?(year|month|week|day)s?-old", after.lstrip("-")):
        return True
    if re.match(r"[-\s]*years?[-\s]old|[-\s]*years? of age", after, re.I) or re.search(r"\baged?\s*$", before, re.I):
        return True
    if re.search(r"[#:/.\-]\s*$", before) and not re.search(r"[$€£]\s*$", before) or re.match(r"\s*[:/]\d|-\d", after):
        return True  # 8:40, 11/20, 555-0100, #E67E22, 1.5.2
    if re.search(r"\b(No|no|page|Page|number|Number|article|Article|Resolution|Chapter|room|Room|route|Route|"
                 r"flight|Flight|line|Line)\.?\s*$", before):
        return True
    if _NAMED_BY_NUMBER.search(before):
        return True  # "the S&P 500", "a Boeing 737": the number is part of a name
    if re.fullmatch(r"(1[89]\d\d|20\d\d)", surface) and not re.match(r"\s+[a-z]+s\b", after):
        return True  # a year the date tagger left (e.g. in a range)
    if re.search(r"[{};]", text[max(0, n.start - 40):n.end + 40]) and re.search(r"\d+(px|ms|%)", text[max(0, n.start - 60):n.end + 60]):
        return True  # CSS
    token = doc.parsed[n.first]
    if token.dep_ == "quantmod" and token.head.lower_ in ("%", "percent"):
        return True
    return False


# --- what is counted -----------------------------------------------------------------


def read_count(doc: Doc, n: NumberSpan) -> Count | None:
    parsed = doc.parsed
    last = parsed[n.last]
    money = currency_of(doc, n)
    noun = counted_noun(doc, n)
    category: str | None = None
    noun_text: str
    if money:
        category, noun_text = "money", money
        noun_token = None
    elif noun is not None:
        noun_token = noun
        noun_text = noun.text
        category = noun_category(noun)
    else:
        noun_token = None
        category = predicate_category(last) or toll_category(doc, n)
        if category is None:
            antecedent = antecedent_noun(doc, n)
            if antecedent is None:
                return None
            noun_token = antecedent
            category = noun_category(antecedent) or "other"
            noun_text = antecedent.text
        else:
            noun_text = "people"
    if noun_token is not None and noun_token.lemma_.lower() in NON_COUNT_NOUNS and not index_points(doc, n, noun_token):
        if not prison_term(doc, noun_token):
            return None
        # "faces up to 10 years in prison": a sentence is a figure the story is about
        return Count(number=n.value, noun=noun_token.text, start=n.start, end=n.end, category="other",
                     actor=None, kind="total", vague=n.vague)
    if category != "money" and (noun_token is not None or category is None):
        anchor = noun_token if noun_token is not None and noun_token.i > n.last and \
            not (n.last + 1 < len(parsed) and parsed[n.last + 1].lower_ == "of") else last
        verb_category = predicate_category(anchor) or predicate_category(last)
        if verb_category and category in ("people", "troops", "protesters", "displaced", None):
            category = verb_category
        elif category == "people" and protest_predicate(anchor):
            category = "protesters"
    if category == "people" and noun_token is not None:
        category = included_category(noun_token) or category
    if category is None:
        if noun_token is None:
            return None
        # "16 letters", "4,000 jobs", "18 counties": a count all the same, of something else
        category = "other"
    if noun_token is not None and noun_token.i < n.first and not n.vague and category != "money":
        # "the number is 500": the count stands where the number is
        pass
    actor = actor_of(doc, noun_token, n, category)
    return Count(number=n.value, noun=noun_text, start=n.start, end=n.end, category=category, actor=actor,
                 kind=count_kind(doc, n, noun_token), vague=n.vague)


_PRISON_AFTER = re.compile(r"\s+(?:in\s+(?:prison|jail|custody)|behind\s+bars|of\s+(?:imprisonment|jail|prison))", re.I)


def _sentence_after(doc: Doc, end: int) -> bool:
    return bool(_PRISON_AFTER.match(doc.text, end))


def index_points(doc: Doc, n: NumberSpan, noun) -> bool:
    """"the Dow fell 102.2 points": a move in points written in digits is a reported figure;
    "at one point", "a 10-point plan" are not."""
    return noun.lemma_.lower() == "point" and doc.text[n.start].isdigit() and noun.i == n.last + 1 \
        and noun.tag_ == "NNS"


def prison_term(doc: Doc, noun) -> bool:
    """"10 years in prison", "sentenced to 18 months", "175 years behind bars"."""
    if noun.lemma_.lower() not in ("year", "month", "week", "day"):
        return False
    if _sentence_after(doc, noun.idx + len(noun.text)):
        return True
    head = noun.head
    return head.lemma_.lower() == "to" and head.head.lemma_.lower() in ("sentence", "jail", "imprison")


def currency_of(doc: Doc, n: NumberSpan) -> str | None:
    parsed = doc.parsed
    before = doc.text[max(0, n.start - 6):n.start].rstrip()
    prefixed = re.search(r"(?<![A-Za-z])([A-Z]{1,3}\$)$", before)
    if prefixed and prefixed.group(1) in PREFIXED_DOLLARS:
        return PREFIXED_DOLLARS[prefixed.group(1)]  # "C$30", "HK$2 billion"
    for symbol, code in CURRENCY_SYMBOLS.items():
        if before.endswith(symbol):
            return code
    abbreviation = re.search(r"(?<![A-Za-z])([A-Za-z]{1,4}\.?)$", before)
    if abbreviation and CURRENCY_ABBREVIATIONS.get(abbreviation.group(1).lower()):
        code = CURRENCY_ABBREVIATIONS[abbreviation.group(1).lower()]  # "Rs 24 lakh"
        return rupee_of_country(doc, n) if code == "INR" else code
    code_before = re.search(r"\b([A-Z]{3})\s*$", before + "")
    if code_before and code_before.group(1) in CURRENCY_CODES:
        return code_before.group(1)
    nxt = parsed[n.last + 1] if n.last + 1 < len(parsed) else None
    if nxt is not None:
        if nxt.lower_ in CURRENCY_WORDS and not _verb_won(nxt):
            return CURRENCY_WORDS[nxt.lower_]
        if nxt.text in CURRENCY_CODES:
            return nxt.text
        for size in (2, 1):  # "500 million Iraqi dinars", "2 billion Hong Kong dollars"
            if nxt.i + size < len(parsed) and parsed[nxt.i + size].lower_ in CURRENCY_WORDS:
                adjective = " ".join(t.lower_ for t in parsed[nxt.i:nxt.i + size])
                word = parsed[nxt.i + size].lower_
                if (adjective, word) in CURRENCY_BY_ADJECTIVE:
                    return CURRENCY_BY_ADJECTIVE[(adjective, word)]
                if size == 1 and nxt.pos_ in ("ADJ", "PROPN"):
                    return CURRENCY_WORDS[word]
    return None


def rupee_of_country(doc: Doc, n: NumberSpan) -> str:
    """"Rs" is India's rupee unless the sentence (else the article) is about another rupee country."""
    sentence = doc.parsed[n.first].sent.text
    for text in (sentence, doc.text[:5000]):
        for pattern, code in RUPEE_COUNTRIES:
            if re.search(pattern, text):
                return code
        if re.search(r"\bIndia", text):
            return "INR"
    return "INR"


RUPEE_COUNTRIES = ((r"\bPakistan", "PKR"), (r"\bSri Lanka", "LKR"), (r"\bNepal", "NPR"), (r"\bMauriti", "MUR"))


def _verb_won(token) -> bool:
    """'won' after a number is the verb more often than Korea's currency ("the 3 seats won")."""
    return token.lower_ == "won" and token.pos_ in ("VERB", "AUX")


def counted_noun(doc: Doc, n: NumberSpan):
    """The noun the number counts: its head ("500 soldiers"), or the object of "of" ("hundreds of protesters")."""
    parsed = doc.parsed
    last = parsed[n.last]
    tokens = parsed[n.first:n.last + 1]
    # "hundreds of protesters", "2,500 of them"
    nxt = parsed[n.last + 1] if n.last + 1 < len(parsed) else None
    if nxt is not None and nxt.lower_ == "of":
        for child in nxt.children:
            if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
                return child
    for token in tokens:
        if token.dep_ in ("nummod", "quantmod", "amod", "compound") and token.head.i > n.last \
                and token.head.pos_ in ("NOUN", "PROPN") and token.head.i - n.last <= 7:
            return token.head
    # the parser sometimes makes the noun the number's child ("hundreds" as a noun)
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    # a noun right after the number that the parser attached elsewhere ("500 American soldiers")
    for j in range(n.last + 1, min(n.last + 5, len(parsed))):
        t = parsed[j]
        if t.pos_ in ("NOUN",) and t.tag_ in ("NNS", "NN"):
            return t
        if t.pos_ not in ("ADJ", "PROPN", "NOUN", "PUNCT") or t.text in (",", ".", ";"):
            break
    return None


def noun_category(noun) -> str | None:
    """Category of a counted noun; an adjective that says what happened wins ("80 injured protesters")."""
    for t in noun.lefts:
        if t.lower_ in ADJECTIVE_CATEGORIES and ADJECTIVE_CATEGORIES[t.lower_]:
            return ADJECTIVE_CATEGORIES[t.lower_]
    lemma = noun.lemma_.lower()
    word = noun.lower_
    for category, words in NOUN_CATEGORIES.items():
        if lemma in words or word in words or word.rstrip("s") in words:
            return category
    if countries.country_code(noun.text, ("demonym",)):
        return "people"  # "1.2 million Syrians"
    return None


def _for_injuries(verb) -> bool:
    """"treated for injuries / wounds / burns": the treated were hurt."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.lemma_.lower() in ("injury", "wound", "burn") for g in c.children) for c in verb.children)


def predicate_category(token) -> str | None:
    """What the clause says happened to the counted ones: killed, wounded, arrested, displaced."""
    if token is None:
        return None
    # "12 killed", "killing 12 people", "12 people were killed", "12 people died"
    candidates = [token.head] if token.head != token else []
    if (token.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or token.dep_ in ("nsubj", "nsubjpass", "dobj")) \
            and token.head.pos_ not in ("VERB", "AUX"):
        # up through the noun to its verb; never past a verb to the one it is conjoined with
        # ("killed 11 villagers and kidnapped 20 others": the 20 were kidnapped, not killed)
        candidates.append(token.head.head)
    candidates += [c for c in token.children if c.dep_ in ("acl", "amod", "relcl")]
    if token.head != token:
        candidates += [c for c in token.head.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.i > token.i]
    if driven_from_home(token) and token.head.lemma_.lower() in EVICTING_VERBS:
        return "displaced"  # the parser hangs "from their homes" on the people
    for cand in candidates:
        if cand.pos_ == "VERB" and driven_from_home(cand):
            return "displaced"  # "forced 300,000 people from their homes"
        lemma = cand.lemma_.lower()
        if lemma == "treat" and _for_injuries(cand):
            return "wounded"  # "40 people were treated for injuries"
        for category, verbs in VERB_CATEGORIES.items():
            if lemma in verbs and cand.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
                return category
        if cand.lower_ in ADJECTIVE_CATEGORIES and ADJECTIVE_CATEGORIES[cand.lower_]:
            return ADJECTIVE_CATEGORIES[cand.lower_]
    return None


PROTEST_VERBS = {"protest", "demonstrate", "march", "rally", "picket"}


def protest_predicate(token) -> bool:
    """'thousands of Venezuelans marched': people whose verb is a protest are protesters."""
    for cand in (token, token.head, token.head.head):
        if cand.dep_ in ("nsubj",) and cand.head.lemma_.lower() in PROTEST_VERBS and cand.head.pos_ == "VERB":
            return True
    return False


EVICTING_VERBS = {"force", "drive", "chase", "push", "evict", "uproot", "displace", "flee", "expel", "oust"}


def driven_from_home(verb) -> bool:
    """A verb with 'from (their) homes' ("forced ... from their homes", "driven from home")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            if any(obj.lemma_.lower() in ("home", "house", "village") for obj in prep.children if obj.dep_ == "pobj"):
                return True
    return False


def included_category(noun) -> str | None:
    """'killed six people, including two children': the part shares what happened to the whole."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("including", "among") and head.head != head:
        whole = head.head
        if whole.pos_ in ("NOUN", "PROPN"):
            return predicate_category(whole)
    return None


def toll_category(doc: Doc, n: NumberSpan) -> str | None:
    """"200 dead", "the death toll rose to 40": a number standing for the dead or injured."""
    after = doc.text[n.end:n.end + 12].lower()
    if re.match(r"\s+(dead|killed)\b", after):
        return "killed"
    if re.match(r"\s+(injured|wounded|hurt)\b", after):
        return "wounded"
    sentence = doc.parsed[n.first].sent
    before = doc.text[sentence.start_char:n.start].lower()
    if re.search(r"\b(death toll|toll|number of (the )?(dead|deaths|fatalities|killed|victims))\b[^.;]{0,40}$", before):
        return "killed"
    if re.search(r"\b(number of|toll of) (injured|wounded)\b[^.;]{0,40}$", before):
        return "wounded"
    return None


def antecedent_noun(doc: Doc, n: NumberSpan):
    """'the number is 500': the people counted are the category noun named earlier in the sentence."""
    parsed = doc.parsed
    number = parsed[n.first]
    if not (number.dep_ in ("attr", "acomp", "dobj", "pobj", "conj", "appos") or number.head.lemma_ == "be"):
        return None
    sentence = number.sent
    for token in reversed(list(parsed[sentence.start:number.i])):
        if token.pos_ == "NOUN" and noun_category(token) in ("troops", "protesters", "displaced"):
            return token
    return None


# --- whose and which kind ----------------------------------------------------------------


def actor_of(doc: Doc, noun, n: NumberSpan, category: str | None) -> Actor | None:
    if noun is None or category == "money":
        return None
    phrase_tokens = sorted(set(noun.subtree) | {noun}, key=lambda t: t.i)
    # the noun phrase up to the noun: "500 American soldiers", "Iraqi security forces"
    left = [t for t in phrase_tokens if t.i <= noun.i and t.i >= min(n.first, noun.i)]
    if noun.i < n.first:
        left = [t for t in noun.lefts] + [noun]
    phrase = " ".join(t.text for t in left) if left else noun.text
    country, sectors, entity = phrase_actor(doc, left or [noun])
    if not sectors:
        sectors = sectors_in(noun.text) or sectors_in(noun.lemma_) or default_sectors(noun, category)
    if country is None:
        # "the total number of U.S. forces ... will be reduced to 2,500 soldiers": the subject
        # says whose, when it is a country alone or the same kind of actor as the counted noun
        subject_country, subject_sectors, entity2 = clause_subject_actor(doc, noun)
        if subject_country and (not subject_sectors or set(subject_sectors) & set(sectors)):
            country = subject_country
            entity = entity or entity2
    if country is None and not sectors:
        return None
    code = (country or "") + "".join(sectors[:1])
    return Actor(name=phrase, country=country, code=code or None, entity=entity, sectors=sectors[:1])


def default_sectors(noun, category: str | None) -> list[str]:
    """Counted soldiers are MIL and counted people CVL when the sector table names neither."""
    if category == "troops":
        return ["MIL"]
    if category in ("people", "protesters", "killed", "wounded", "displaced", "arrested") and \
            noun.lemma_.lower() in NOUN_CATEGORIES["people"] | NOUN_CATEGORIES["protesters"]:
        return ["CVL"]
    return []


def phrase_actor(doc: Doc, tokens) -> tuple[str | None, list[str], str | None]:
    country = None
    entity_id = None
    for t in tokens:
        ent = doc.entity_at(t.idx, t.idx + len(t))
        if ent is not None and (ent.country or ent.sectors) and ent.type in ("ORG", "NORP", "GPE"):
            entity_id = ent.id
            country = country or ent.country
    text = " ".join(t.text for t in tokens)
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            words = " ".join(t.text for t in tokens[i:i + size])
            code = countries.country_code(words)
            if code and country is None:
                country = code
    return country, sectors_in(text), entity_id


def clause_subject_actor(doc: Doc, noun) -> tuple[str | None, list[str], str | None]:
    head = noun
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head == head:
            break
        head = head.head
    # "Germany plans to cut ...": an infinitive's subject is its governing verb's
    while head.dep_ in ("xcomp",) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        head = head.head
    pronoun_owned = any(t.lower_ in ("its", "their", "our") for t in noun.subtree) or \
        any(t.lower_ in ("its", "their", "our") for t in noun.head.children if noun.head.lower_ == "of")
    for _ in range(2):
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i != noun.i and subject.pos_ != "PRON":
            tokens = sorted(subject.subtree, key=lambda t: t.i)
            if noun not in tokens:
                country, sectors, entity = phrase_actor(doc, tokens)
                if country:
                    return country, sectors, entity
        # "Russia said it had withdrawn 10,000 troops", "Ukraine said 12 of its soldiers were
        # killed": the pronoun is the reporting subject, one clause up
        if not (subject is not None and subject.pos_ == "PRON" or pronoun_owned):
            break
        if head.dep_ not in ("ccomp", "xcomp", "conj") or head.head == head:
            break
        head = head.head
    return None, [], None


def count_kind(doc: Doc, n: NumberSpan, noun) -> str:
    """target ("reduced to 2,500"), change ("withdraw 500", "an additional 500") or total."""
    parsed = doc.parsed
    first = parsed[n.first]
    before = doc.text[max(0, n.start - 30):n.start].lower()
    if re.search(r"\b(additional|extra|another|more)\s+$", before):
        return "change"
    sentence_before = doc.text[parsed[n.first].sent.start_char:n.start].lower()
    if re.search(r"\b(rais|cut|reduc|increas|ris|rose|fell|fall|drop|grew|grow|jump|climb|swell|swoll|shr[ai]nk|"
                 r"decreas|declin|boost|lower|expand|trim|slash|withdr[ae]w|pull|up|down)\w*\b[^.;]{0,60}"
                 r"\bby\s+(about\s+|some\s+|nearly\s+|almost\s+|more than\s+)?$", sentence_before):
        return "change"  # "cut the force by 2,000"; not "a strike by 10,000 nurses"
    anchor = noun if noun is not None and noun.i > n.last else first
    # walk up to the verb: "reduced to [2,500] soldiers", "withdraw [500] soldiers"
    token = anchor
    prep = None
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            prep = token.head.lower_
        head = token.head
        if head == token:
            break
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            if prep == "to" and lemma in TARGET_VERBS:
                return "target"
            if lemma in CHANGE_VERBS and prep in (None, "of"):
                return "change"
            if lemma in ("withdraw", "pull", "cut", "reduce") and prep == "by":
                return "change"
            break
        token = head
    if re.search(r"\b(to|at)\s+(about\s+|some\s+|around\s+)?$", before) and re.search(
            r"\b(reduc|cut|increas|rais|ris|fell|fall|drop|lower|climb|jump|grow|grew|bring|brought|reach|swell)\w*\b[^.]{0,40}$", before):
        return "target"
    return "total"
