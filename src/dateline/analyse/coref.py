"""In-document coreference by rules: names, titles, role descriptions and pronouns.

- a surname or short form joins the person whose fuller name contains it ("Al-Khafaji"
  -> "Tahsin Al-Khafaji"), the most recently mentioned one when several fit;
- pre-name title sequences and appositions give a person titles and roles, and the
  apposition itself becomes a mention of that person;
- a definite role description ("the spokesperson for the ... Command", "the minister")
  joins the person holding that role;
- he/she/him/her/his join the most salient compatible person before them: a subject of
  the same sentence, else the subject of the nearest sentence before that names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from dateline.analyse import countries, titles
from dateline.analyse.speech import QuoteIndex, text_of

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                    "miss": "f", "dame": "f", "madam": "f"}
# how many sentences back a pronoun may look for its person
PRONOUN_WINDOW = 3
ARTICLES = {"the", "a", "an"}
# lower-case particles that belong to a surname: "von Weizsäcker" is a surname alone
SURNAME_PARTICLES = {"von", "van", "de", "der", "den", "da", "di", "du", "dos", "del", "della", "la", "le", "al",
                     "el", "bin", "ibn", "ben", "ter", "zu"}


@dataclass
class Mention:
    start: int
    end: int
    label: str
    tok_start: int
    tok_end: int
    kind: str = "name"  # name | title | role | pronoun
    dateline: bool = False
    metonym: str | None = None
    subject: bool = False


@dataclass
class Cluster:
    type: str
    key: object
    mentions: list[Mention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    gender: str | None = None
    metonym: str | None = None
    id: str = ""

    def names(self, text: str) -> list[str]:
        return [text[m.start:m.end] for m in self.mentions if m.kind == "name"]

    def display_name(self, text: str) -> str:
        """The fullest name used; an all-caps dateline form only when nothing else is."""
        names = self.names(text) or [text[m.start:m.end] for m in self.mentions]
        mixed = [n for n in names if not n.isupper()]
        if not mixed:  # "ISIS" stays an acronym; only a dateline's "BEIRUT" is recased
            dateline = any(m.dateline for m in self.mentions)
            mixed = [n.title() if dateline else n for n in names]
        return max(mixed, key=lambda n: (len(n.split()), len(n)))

    def last_before(self, offset: int) -> int:
        return max((m.start for m in self.mentions if m.start < offset), default=-1)

    def add_title(self, title: str) -> None:
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)

    def add_role(self, role: str) -> None:
        if role and role.lower() not in {r.lower() for r in self.roles}:
            self.roles.append(role)


# --- names ------------------------------------------------------------------------------

def name_words(name: str) -> list[str]:
    words = [w.strip(".,") for w in name.split()]
    return [w for w in words if w and w.lower() not in titles.HONORIFICS]


def cluster_names(mentions: list[Mention], text: str) -> list[Cluster]:
    """Group name mentions into entities, in text order."""
    clusters: list[Cluster] = []
    by_key: dict[object, Cluster] = {}
    people: list[Cluster] = []
    for m in mentions:
        name = text[m.start:m.end]
        if m.label == "PERSON":
            cluster = _matching_person(people, name, m.start, text)
            if cluster is None:
                cluster = Cluster("PERSON", name)
                people.append(cluster)
                clusters.append(cluster)
            cluster.mentions.append(m)
            continue
        label, key = name_key(m.label, name)
        cluster = by_key.get((label, key)) or _acronym_of(clusters, name, label)
        if cluster is None:
            cluster = Cluster(label, key)
            by_key[(label, key)] = cluster
            clusters.append(cluster)
        cluster.mentions.append(m)
    return clusters


def name_key(label: str, name: str) -> tuple[str, object]:
    """Mentions with one key are one entity: countries by ISO code, others by their name."""
    hit = countries.lookup(name)
    if hit and label in ("GPE", "LOC", "NORP"):
        if hit.kind in ("name", "alias"):
            return "GPE", hit.iso3
        if hit.kind == "demonym":
            return "NORP", hit.iso3
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    bare = re.sub(r"(’s|'s)$", "", bare)
    return label, " ".join(bare.casefold().split())


def _acronym_of(clusters: list[Cluster], name: str, label: str) -> Cluster | None:
    """"NRA" after "National Rifle Association" is the same organisation."""
    if label != "ORG" or not re.fullmatch(r"[A-Z]{2,6}", name):
        return None
    for cluster in clusters:
        if cluster.type != "ORG" or not isinstance(cluster.key, str):
            continue
        words = [w for w in cluster.key.split() if w not in ("of", "the", "and", "for", "&")]
        if len(words) >= 2 and "".join(w[0] for w in words).upper() == name:
            return cluster
    return None


def _matching_person(people: list[Cluster], name: str, offset: int, text: str) -> Cluster | None:
    words = name_words(name)
    if not words:
        return None
    best: tuple[int, Cluster] | None = None
    for cluster in people:
        names = cluster.names(text)
        if _conflicting_full_name(words, names):
            continue
        for other in names:
            if _same_person(words, name_words(other)):
                recency = cluster.last_before(offset)
                if best is None or recency > best[0]:
                    best = (recency, cluster)
                break
    return best[1] if best else None


def _conflicting_full_name(words: list[str], names: list[str]) -> bool:
    """"Melania Trump" is not the "Donald Trump" cluster, even though both fit a bare "Trump"."""
    if len(words) < 2:
        return False
    for other in names:
        other_words = name_words(other)
        if len(other_words) >= 2 and not _same_person(words, other_words):
            return True
    return False


def _same_person(words: list[str], other: list[str]) -> bool:
    if not other:
        return False
    if words == other:
        return True
    short, long = (words, other) if len(words) <= len(other) else (other, words)
    if len(short) >= 2 and all(w in SURNAME_PARTICLES for w in short[:-1]):
        short = short[-1:]  # "von Weizsäcker", "al-Assad"'s "al": a surname alone
    if len(short) == 1:
        # a surname alone ("Hussein"), or a first name alone once the full name is known
        return short[0] == long[-1] or (short[0] == long[0] and len(long) >= 2)
    # same surname, and first names that agree (or one is an initial)
    if short[-1] != long[-1]:
        return False
    a, b = short[0], long[0]
    return a == b or (len(a) <= 2 and b.startswith(a[0])) or (len(b) <= 2 and a.startswith(b[0]))


# --- gender from first names -----------------------------------------------------------------

@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    data = resources.files("dateline").joinpath("data/first_names.tsv").read_text("utf-8")
    table = {}
    for line in data.splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            table[name.strip()] = gender.strip()
    return table


def genders_from_first_names(clusters: list[Cluster], text: str) -> None:
    """A person named "Megyn Kelly" is "she" before any pronoun says so; an honorific
    (Mr., Mrs.) read earlier wins."""
    table = first_name_genders()
    for cluster in clusters:
        if cluster.type != "PERSON" or cluster.gender is not None:
            continue
        for name in cluster.names(text):
            words = name_words(name)
            if len(words) >= 2:
                gender = table.get(words[0].lower())
                if gender:
                    cluster.gender = gender
                    break


# --- titles and roles ---------------------------------------------------------------------

def attach_titles(parsed, clusters: list[Cluster]) -> None:
    text = text_of(parsed)
    owner = {t: c for c in clusters if c.type == "PERSON" for m in c.mentions for t in range(m.tok_start, m.tok_end)}
    for cluster in clusters:
        if cluster.type != "PERSON":
            continue
        for m in list(cluster.mentions):
            if m.kind != "name":
                continue
            seq_start = pre_name_title(parsed, m, cluster)
            if seq_start == m.tok_start:
                shared_plural_title(parsed, m, cluster)
            apposition_before(parsed, seq_start, cluster)
            apposition_after(parsed, m, cluster, _pair_partner(parsed, m, owner))
            honorific_gender(parsed, m, cluster)
            party_tag_country(text, m, cluster)
    # a country named in a title or role is the person's country
    for cluster in clusters:
        if cluster.type == "PERSON" and cluster.country is None:
            for phrase in cluster.titles + cluster.roles:
                cluster.country = titles.country_in(phrase)
                if cluster.country:
                    break


def _title_token(token) -> bool:
    lw = token.lower_
    if token.ent_type_ == "PERSON" and countries.lookup(token.text) is not None:
        return True  # "Bangladeshi" tagged PERSON before "Foreign Secretary"
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERSON", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
        return False
    if lw in ARTICLES or (token.is_punct and token.text not in ("-", ".")):
        return False
    if token.text == "." and token.i > 0 and titles.is_title_word(token.doc[token.i - 1].text):
        return True  # "Hon" "." split by the tokenizer
    if titles.is_title_word(token.text) or lw in titles.TITLE_MODIFIERS or lw in ("of", "for", "to", "-"):
        return True
    if token.text[:1].isupper() and (token.pos_ in ("PROPN", "NOUN", "ADJ") or token.ent_type_ in ("GPE", "NORP", "ORG")):
        return True
    return False


def _office_possessor_start(parsed, start: int, sent_start: int) -> int:
    """"U.S. Secretary of State's spokesman Mark Ridley": an office or country owning the
    title belongs to it (it says whose spokesman, and so which country)."""
    if start - 2 < sent_start or parsed[start - 1].tag_ != "POS":
        return start
    k = start - 2
    first = start - 1
    while k >= sent_start and _title_token(parsed[k]):
        first = k
        k -= 1
    owner = parsed[first:start - 1]
    if first < start - 1 and (any(titles.is_title_word(t.text) for t in owner) or titles.country_in(owner.text)):
        return first
    return start


def _inner_article(parsed, i: int, sent_start: int) -> bool:
    """"ambassador to the Ukraine", "Secretary of the Treasury": "the" inside a title."""
    return parsed[i].lower_ == "the" and i - 1 >= sent_start and parsed[i - 1].lower_ in ("of", "to") \
        and i + 1 < len(parsed) and parsed[i + 1].text[:1].isupper()


def _possessor_country_before(parsed, start: int) -> str | None:
    """"Bolivia's interim President Jeanine Anez": the country owns the office."""
    if start >= 2 and parsed[start - 1].tag_ == "POS":
        j = start - 2
        while j > 0 and parsed[j - 1].text[:1].isupper() and parsed[j - 1].ent_type_ in ("GPE", "NORP"):
            j -= 1
        return countries.country_code(parsed[j:start - 1].text)
    return None


def _ends_with_abbreviated_title(parsed, tok: int) -> bool:
    """The small model ends a sentence after "Hon." or "Sen." when a name follows."""
    last = parsed[tok - 1]
    word = parsed[tok - 2].text + "." if last.text == "." else last.text
    # an abbreviation only ("Hon.", "Sen."): "... as a new leader. Will Warren ..." is a real break
    return word.endswith(".") and word.lower() in titles.title_words()


def pre_name_title(parsed, m: Mention, cluster: Cluster) -> int:
    """Read "Iraqi Foreign Minister" before "Fouad Hussein"; returns where the title starts."""
    sent_start = parsed[m.tok_start].sent.start
    if sent_start == m.tok_start and sent_start >= 2 and _ends_with_abbreviated_title(parsed, sent_start):
        sent_start = parsed[sent_start - 1].sent.start  # "Hon. | Funke Adedoyin": a false sentence break
    i = m.tok_start - 1
    start = m.tok_start
    while i >= sent_start and (_title_token(parsed[i]) or _inner_article(parsed, i, sent_start)):
        start = i
        i -= 1
    start = _office_possessor_start(parsed, start, sent_start)
    while start < m.tok_start and parsed[start].lower_ in ("of", "for", "to", "-"):
        start += 1
    if start < m.tok_start and parsed[m.tok_start - 1].lower_ in ("of", "for", "to"):
        return m.tok_start  # "a spokeswoman for Neumann": someone else's office, about him
    # the title must name an office: keep from its first title word's modifiers on
    tokens = parsed[start:m.tok_start]
    if not any(titles.is_title_word(t.text) for t in tokens):
        return m.tok_start
    phrase = tokens.text
    if all(t.lower_ in titles.HONORIFICS for t in tokens):
        return m.tok_start
    country = titles.country_in(phrase) or _possessor_country_before(parsed, start)
    title = titles.strip_country_words(phrase)
    if title and titles.title_heads(title):
        for part in _split_academic_prefix(title):
            cluster.add_title(part)
        if country and cluster.country is None:
            cluster.country = country
        cluster.mentions.append(Mention(tokens.start_char, tokens.end_char, "PERSON", start, m.tok_start, kind="title"))
    return start


_ACADEMIC_PREFIXES = ("Dr.", "Prof.", "Rev.", "Hon.", "Rt. Hon.")


def _split_academic_prefix(title: str) -> list[str]:
    """"chief medical correspondent Dr." -> ["chief medical correspondent", "Dr."]: the
    prefix that goes with any name is a title of its own, not part of the office."""
    for prefix in _ACADEMIC_PREFIXES:
        if title.endswith(" " + prefix):
            rest = title[:-len(prefix)].strip()
            if titles.title_heads(rest):
                return [rest, prefix]
    return [title]


def _np_tokens_ok(token) -> bool:
    if token.is_space:
        return False  # a paragraph break ends the phrase
    if token.is_punct and token.text not in ("-", ".", "’s", "'s"):
        return False
    if token.pos_ == "VERB" and token.dep_ == "xcomp" and token.i > 0 and token.doc[token.i - 1].lower_ == "to":
        return True  # "the guards assigned to watch him"
    if token.pos_ in ("AUX",) or (token.pos_ == "VERB" and token.dep_ not in ("amod", "compound", "acl")):
        return token.lower_ in titles.TITLE_MODIFIERS
    if token.lower_ in ("and", "or", "but", "between", "that", "who", "which", "said", "says"):
        return False
    return token.ent_type_ != "PERSON"


def apposition_before(parsed, name_start: int, cluster: Cluster) -> None:
    """"The spokesman for the Iraqi Joint Operations Command, Major General ..."."""
    comma = name_start - 1
    if comma < 1 or parsed[comma].text != ",":
        return
    sent_start = parsed[comma].sent.start
    i = comma - 1
    start = None
    while i >= sent_start and comma - i <= 16:
        token = parsed[i]
        if token.lower_ in POSSESSIVE_DETERMINERS and token.tag_ == "PRP$":
            # "his Azerbaijani counterpart, X" / "Its spokesman, Colonel X"
            if comma - i >= 2:
                _add_appositive(parsed, i + 1, comma, cluster)
                if token.lower_ in ("its", "their") and cluster.country is None:
                    cluster.country = _previous_subject_country(parsed, i)
            return
        if token.tag_ == "POS":
            j = _possessor_start(parsed, i, sent_start)
            if j - 1 > sent_start and parsed[j - 1].lower_ in ("for", "of", "at", "in", "to"):
                i = j - 1  # "A spokesman for China's Taiwan Affairs Office, Liu Jianping"
                continue
        if token.lower_ in ARTICLES or token.tag_ == "POS":
            start = i if token.lower_ in ARTICLES else _possessor_start(parsed, i, sent_start)
            # keep going left past an inner "the" ("spokesman for the Command")
            if i - 1 >= sent_start and _np_tokens_ok(parsed[i - 1]) and token.lower_ in ARTICLES \
                    and parsed[i - 1].lower_ in ("for", "of", "at", "in", "to"):
                i -= 1
                continue
            break
        if token.lower_ in ("and", "&") and i - 1 >= sent_start and titles.is_title_word(parsed[i - 1].text) \
                and _opens_with_office(parsed[i + 1]):
            i -= 1  # "WeWork's founder and former CEO, Adam Neumann"
            continue
        if not _np_tokens_ok(token):
            break
        i -= 1
    if start is None:
        start = _sentence_opening_title(parsed, sent_start, comma)
        if start is None:
            return
    start = _compact_title_tail(parsed, start, comma)
    _add_appositive(parsed, start, comma, cluster)


POSSESSIVE_DETERMINERS = {"his", "her", "its", "their"}


def _previous_subject_country(parsed, det: int) -> str | None:
    """"COGAT, Israel's liaison body, rejected it. Its spokesman, Colonel X, said": "its" is
    the organisation the sentence before was about; the country its name or description
    gives is the spokesman's."""
    sent = parsed[det].sent
    if sent.start == 0:
        return None
    previous = parsed[sent.start - 1].sent
    for token in previous:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            subject = parsed[token.left_edge.i:token.right_edge.i + 1]
            return titles.country_in(subject.text) or countries.country_code(subject.text, ("name", "alias", "demonym", "metonym"))
    return None


def _sentence_opening_title(parsed, sent_start: int, comma: int) -> int | None:
    """"Senate Leader, Ahmad Lawan raises ..." / "Senator representing Yobe North, Ahmad
    Lawan, moved ...": a sentence that opens with a capitalised title and a comma before
    the name has no article to start the apposition, so the sentence start is its start."""
    if comma - sent_start > 8 or comma <= sent_start:
        return None
    tokens = parsed[sent_start:comma]
    first = tokens[0]
    if not first.text[:1].isupper() or not titles.title_heads(tokens.text):
        return None
    if not (titles.is_title_word(first.text) or is_compact_title(tokens.text)):
        return None
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ in ("said", "says") or t.text in ("“", '"')
           for t in tokens):
        return None
    last = tokens[-1]
    if last.ent_type_ == "PERSON":
        k = last.i
        while k > sent_start and parsed[k - 1].ent_type_ == "PERSON" and parsed[k].ent_iob_ == "I":
            k -= 1
        if k > sent_start and (titles.is_title_word(parsed[k - 1].text) or parsed[k - 1].text == "."):
            return None  # "New Jersey Sen. Cory Booker, Hawaii Rep. ...": a titled name, not an office
    return sent_start


def _compact_title_tail(parsed, start: int, comma: int) -> int:
    """"the deaths of former House of Representatives Speaker, Benjamin Nzeribe": the office
    is the capitalised title at the end, not the noun phrase that holds it."""
    i = comma - 1
    tail = comma
    while i > start and _title_token(parsed[i]):
        tail = i
        i -= 1
    while tail < comma and parsed[tail].lower_ in ("of", "for", "-"):
        tail += 1
    if tail >= comma or tail - 1 <= start or parsed[tail - 1].lower_ != "of":
        return start
    if not any(titles.is_title_word(t.text) for t in parsed[tail:comma]):
        return start
    holder = parsed[tail - 2]
    if holder.pos_ == "NOUN" and holder.text.islower() and not titles.title_heads(holder.text):
        return tail
    return start


def _possessor_start(parsed, pos_index: int, sent_start: int) -> int:
    j = pos_index - 1
    while j > sent_start and parsed[j - 1].text[:1].isupper() and parsed[j - 1].ent_type_ in ("GPE", "ORG", "NORP"):
        j -= 1
    return j


def _pair_partner(parsed, m: Mention, owner: dict) -> Cluster | None:
    """"Tova Reyes and Mark Dunn, the guards ...": the first person of a named pair."""
    i = m.tok_start - 1
    if i >= 1 and parsed[i].lower_ == "and" and parsed[i - 1].ent_type_ == "PERSON":
        return owner.get(i - 1)
    return None


def apposition_after(parsed, m: Mention, cluster: Cluster, partner: Cluster | None = None) -> None:
    """"Fouad Hussein, the foreign minister, said" / "Smith, a spokesman for the agency"."""
    i = m.tok_end
    if i + 1 >= len(parsed) or parsed[i].text != ",":
        return
    start = i + 1
    first = parsed[start]
    j = _possessor_end(parsed, start)
    if j is None:
        if first.lower_ not in ARTICLES and not (first.ent_type_ in ("GPE", "ORG", "NORP") and first.text[:1].isupper()) \
                and not _opens_with_office(first):
            return
        j = start + 1
    sent_end = first.sent.end
    while j < sent_end and j - start <= 15 and parsed[j].text not in (",", ".", ";", ")", "(", ":", "—", "–"):
        token = parsed[j]
        if token.lower_ in ("and", "&") and _office_follows(parsed, j + 1, sent_end):
            j += 1  # "founder and former CEO", "research and advocacy director"
            continue
        if token.ent_type_ == "PERSON" and parsed[j - 1].pos_ in ("VERB", "ADP") and j > start + 1:
            while j < sent_end and parsed[j].ent_type_ == "PERSON":
                j += 1  # "the guards assigned to watch Epstein": a person inside the description
            continue
        if token.lower_ in ("who", "which", "whose", "and") or token.is_space:
            break  # "Jones, a lawyer who represented ...": the office ends at the clause or paragraph
        if not _np_tokens_ok(token) and token.lower_ not in ARTICLES:
            return
        j += 1
    if j < sent_end and parsed[j].text not in (",", ".", ";", ")", "—", "–", "who", "which", "whose", "and") \
            and not parsed[j].is_space:
        return
    _add_appositive(parsed, start, j, cluster, partner)


def _office_follows(parsed, k: int, sent_end: int) -> bool:
    """An office word within the next three words, before any punctuation."""
    for token in parsed[k:min(k + 3, sent_end)]:
        if token.is_punct or token.is_space:
            return False
        if _opens_with_office(token):
            return True
    return False


def _opens_with_office(token) -> bool:
    """"senior", "principal", "trader": a bare office or its modifier can open an apposition."""
    return titles.is_title_word(token.text) or token.lower_ in titles.TITLE_MODIFIERS


def _possessor_end(parsed, start: int) -> int | None:
    """"Carlineo's attorney", "PG&E's principal meteorologist": a capitalised possessor
    (a person or an organisation) opens the apposition; returns the token after "'s"."""
    j = start
    while j < len(parsed) and j - start < 5 and (parsed[j].text[:1].isupper() or parsed[j].text in ("&", "-", ".")):
        j += 1
    if j == start or j >= len(parsed) or parsed[j].tag_ != "POS":
        return None
    return j + 1


def _add_appositive(parsed, start: int, end: int, cluster: Cluster, partner: Cluster | None = None) -> None:
    span = parsed[start:end]
    phrase = span.text
    if not titles.title_heads(phrase) or len(span) < 2 and span[0].lower_ in ARTICLES:
        return
    head = _np_head_title(span)
    if head is None:
        return
    if head.tag_ in ("NNS", "NNPS"):
        # "one of the officials": a plural is not this person's role, unless it describes
        # the pair just named ("Tova Reyes and Mark Dunn, the guards assigned to ...")
        if partner is None or partner is cluster or span[0].lower_ not in ("the", "both"):
            return
        singular = re.sub(r"^(?:the|both)\s+", "", phrase, flags=re.I).replace(head.text, head.lemma_, 1)
        for person in (partner, cluster):
            person.add_role(singular)
        return
    described = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    country = titles.country_in(described)
    if is_compact_title(described):
        cluster.add_title(titles.strip_country_words(described))
    else:
        cluster.add_role(_role_without_leading_country(described))
    if country and cluster.country is None:
        cluster.country = country
    cluster.mentions.append(Mention(span.start_char, span.end_char, "PERSON", start, end, kind="role"))


def _np_head_title(span):
    """The first token of the phrase that is a title word (its head office)."""
    for token in span:
        if titles.is_title_word(token.text) or titles.title_heads(token.text):
            return token
    return None


def is_compact_title(phrase: str) -> bool:
    """"acting U.S. Secretary of Defense" is a title; "spokesman for the ... Command" a role.

    A title is capitalised (modifiers aside) and names no organisation with "the".
    """
    words = phrase.split()
    if re.search(r"\b(?:of|for|at|in|to)\s+the\b", phrase):
        return False
    for w in words:
        lw = w.lower()
        if lw in ("of", "for") or lw in titles.TITLE_MODIFIERS or countries.country_code(w.strip("’'s")):
            continue
        if not w[:1].isupper():
            return False
    return True


def _role_without_leading_country(role: str) -> str:
    """"Iraq's foreign minister" -> "foreign minister" (the country is kept apart)."""
    match = re.match(r"^([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)(?:’s|'s)\s+(.*)$", role)
    if match and countries.country_code(match.group(1)):
        return match.group(2)
    return role


# plural titles before a pair of names: "Sens. Cory Booker and Kamala Harris"
PLURAL_TITLES = {"sens.": "Sen.", "reps.": "Rep.", "govs.": "Gov.", "drs.": "Dr.", "gens.": "Gen.",
                 "senators": "Senator", "representatives": "Representative", "governors": "Governor",
                 "ministers": "Minister", "generals": "General", "presidents": "President"}


def _plural_title_before(parsed, tok: int) -> str | None:
    """The singular of a plural title ending right before token ``tok`` ("Sens." -> "Sen.")."""
    if tok >= 1 and parsed[tok - 1].lower_ in PLURAL_TITLES:
        return PLURAL_TITLES[parsed[tok - 1].lower_]
    if tok >= 2 and parsed[tok - 1].text == "." and parsed[tok - 2].lower_ + "." in PLURAL_TITLES:
        return PLURAL_TITLES[parsed[tok - 2].lower_ + "."]  # "Sens" "." split by the tokenizer
    return None


def shared_plural_title(parsed, m: Mention, cluster: Cluster) -> None:
    """"Sens. Cory Booker and Kamala Harris": a plural title is each named person's title."""
    title = _plural_title_before(parsed, m.tok_start)
    if title is None:
        # the second name of the pair: walk back over "and"/"," and the first name
        i = m.tok_start - 1
        if i < 1 or parsed[i].lower_ not in ("and", ","):
            return
        j = i - 1
        while j >= 0 and parsed[j].ent_type_ == "PERSON" and parsed[j].ent_iob_ == "I":
            j -= 1
        if j < 0 or parsed[j].ent_type_ != "PERSON":
            return
        title = _plural_title_before(parsed, j)
        if title is None:
            return
    cluster.add_title(title)


_PARTY_TAG = re.compile(r"^\s*(?:\(\s*|,\s*)(?P<party>[DRI])(?:\s*-\s*(?P<state>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?))?\s*(?:\)|,)")


def party_tag_country(text: str, m: Mention, cluster: Cluster) -> None:
    """"Rep. Ilhan Omar (D-Minn.)", "Rep. Jim Banks, R-Ind.,", "Gov. Kristi Noem (R)": the
    American party-and-state tag places the person in the United States."""
    match = _PARTY_TAG.match(text[m.end:m.end + 30])
    if match is None or cluster.country is not None:
        return
    state = match.group("state")
    if state is None or countries.state_country(state, postal=True) == "USA":
        cluster.country = "USA"


def honorific_gender(parsed, m: Mention, cluster: Cluster) -> None:
    if m.tok_start > 0:
        gender = HONORIFIC_GENDER.get(parsed[m.tok_start - 1].lower_)
        if gender and cluster.gender is None:
            cluster.gender = gender


# --- role descriptions ----------------------------------------------------------------------

def link_role_descriptions(parsed, clusters: list[Cluster], quotes: QuoteIndex) -> None:
    """"The spokesperson for the Iraqi Joint Operations Command noted ..." -> that spokesman."""
    people = [c for c in clusters if c.type == "PERSON" and (c.titles or c.roles)]
    if not any(c.type == "PERSON" for c in clusters):
        return
    # only people's mentions block a description: "the Command" inside it is fine
    taken = [(m.tok_start, m.tok_end) for c in clusters if c.type == "PERSON" for m in c.mentions]
    for token in parsed:
        if token.lower_ != "the" or quotes.inside(token.idx):
            continue
        found = _role_description_at(parsed, token.i)
        if found is None:
            continue
        end, head = found
        if any(s < end and token.i < e for s, e in taken):
            continue
        span = parsed[token.i:end]
        cluster = _holder_of(span, head, people) or _elaborated_person(parsed, token.i, head, clusters)
        if cluster is None:
            continue
        cluster.mentions.append(Mention(span.start_char, span.end_char, "PERSON", token.i, end, kind="role",
                                        subject=head.dep_ in ("nsubj", "nsubjpass")))
        taken.append((token.i, end))


def _role_description_at(parsed, det: int):
    """(end, head) of "the [modifiers] TITLE [for|of the ORG]" starting at ``det``, if any."""
    j = det + 1
    sent_end = parsed[det].sent.end
    head = None
    while j < sent_end and j - det <= 5:
        token = parsed[j]
        if titles.is_title_word(token.text) and token.tag_ not in ("NNS", "NNPS"):
            head = token
            j += 1
            # a compound title ("prime minister", "secretary of state") reads on
            while j < sent_end and titles.is_title_word(parsed[j].text):
                head = parsed[j]
                j += 1
            break
        if token.lower_ in titles.TITLE_MODIFIERS or token.ent_type_ in ("GPE", "NORP") or token.tag_ == "POS" \
                or (token.dep_ in ("compound", "amod") and token.text.islower()):
            j += 1  # "the real estate agent", "the veteran Iraqi diplomat"
            continue
        return None
    if head is None:
        return None
    # "the spokesman, Major General X": an apposition, read elsewhere
    if j < sent_end and parsed[j].ent_type_ == "PERSON":
        return None
    if j + 1 < sent_end and parsed[j].text == "," and parsed[j + 1].ent_type_ == "PERSON":
        return None
    if j + 1 < sent_end and parsed[j].lower_ in ("for", "of", "at") and parsed[j + 1].ent_type_ == "ORG" or \
            j + 2 < sent_end and parsed[j].lower_ in ("for", "of", "at") and parsed[j + 1].lower_ == "the" \
            and parsed[j + 2].ent_type_ in ("ORG", "GPE", "NORP"):
        k = j + 1
        while k < sent_end and (parsed[k].lower_ == "the" or parsed[k].ent_iob_ in ("B", "I")):
            if k > j + 2 and parsed[k].ent_iob_ == "B":
                break
            k += 1
        j = k
    return j, head


# occupations a story uses to describe a person it has just named ("Ana Ruiz didn't know.
# The real estate agent said ..."); offices of state are left out: "the president" after
# a named voter is someone else
ELABORATING_HEADS = {"agent", "lawyer", "attorney", "trader", "analyst", "doctor", "physician", "surgeon", "nurse",
                     "teacher", "owner", "businessman", "businesswoman", "entrepreneur", "investor", "activist",
                     "researcher", "professor", "economist", "strategist", "scientist", "author", "broker",
                     "banker", "pastor", "farmer", "student", "veteran", "retiree", "mother", "father"}


def _main_clause_subject(token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"


def _elaborated_person(parsed, det: int, head, clusters: list[Cluster]) -> Cluster | None:
    """"Eyamba Sowers didn't know Patrick was coming. The real estate agent said ...": a
    sentence-opening occupation, subject of its sentence, describes the person without an
    office who was the subject of the sentence before."""
    if head.lower_ not in ELABORATING_HEADS or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = parsed[det].sent
    if det != sent.start or sent.start == 0:
        return None
    previous = parsed[sent.start - 1].sent
    subjects = [c for c in clusters if c.type == "PERSON" for m in c.mentions
                if m.kind == "name" and previous.start <= m.tok_start < previous.end
                and _main_clause_subject(parsed[m.tok_start:m.tok_end].root)]
    if len({id(c) for c in subjects}) != 1 or subjects[0].titles or subjects[0].roles:
        return None
    person = subjects[0]
    person.add_role(re.sub(r"^the\s+", "", parsed[det:head.i + 1].text, flags=re.I))
    return person


def _holder_of(span, head, people: list[Cluster]) -> Cluster | None:
    want = titles.canonical(head.text)
    phrase = span.text
    country = titles.country_in(phrase)
    org = titles.role_organisation(phrase)
    org_key = _bare(org) if org else None
    best: tuple[int, Cluster] | None = None
    for cluster in people:
        offices = cluster.titles + cluster.roles
        heads = {h for o in offices for h in titles.title_heads(o)}
        if want not in heads:
            continue
        if country and cluster.country and country != cluster.country:
            continue
        if org_key and not any(org_key in _bare(o) for o in offices):
            continue
        recency = cluster.last_before(span.start_char)
        if best is None or recency > best[0]:
            best = (recency, cluster)
    return best[1] if best else None


def _bare(text: str) -> str:
    return " ".join(re.sub(r"\bthe\b", " ", text.casefold()).split())


# --- pronouns -------------------------------------------------------------------------------

def link_pronouns(parsed, clusters: list[Cluster], quotes: QuoteIndex) -> None:
    """Third-person singular pronouns outside quotations join the most salient person."""
    people = [c for c in clusters if c.type == "PERSON"]
    if not people:
        return
    sent_index = {}
    for k, sent in enumerate(parsed.sents):
        for t in range(sent.start, sent.end):
            sent_index[t] = k
    candidates: list[tuple[int, int, bool, Cluster]] = []  # (token, sentence, subject, cluster)
    for cluster in people:
        for m in cluster.mentions:
            if m.kind in ("title",) or quotes.inside(m.start):
                continue
            root = parsed[m.tok_start:m.tok_end].root
            subject = m.subject or root.dep_ in ("nsubj", "nsubjpass")
            candidates.append((m.tok_start, sent_index.get(m.tok_start, 0), subject, cluster))
    candidates.sort(key=lambda c: c[0])
    for token in parsed:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.tag_ not in ("PRP", "PRP$") or quotes.inside(token.idx):
            continue
        here = sent_index.get(token.i, 0)
        blocked = _clause_subject(parsed, token)
        barred = {id(c[3]) for c in candidates if c[0] == blocked}
        usable = [c for c in candidates if not (id(c[3]) in barred and c[1] == here)]
        cluster = _antecedent(usable, token.i, here, gender)
        if cluster is None:
            continue
        if cluster.gender is None:
            cluster.gender = gender
        is_subject = token.dep_ in ("nsubj", "nsubjpass")
        cluster.mentions.append(Mention(token.idx, token.idx + len(token.text), "PERSON", token.i, token.i + 1,
                                        kind="pronoun", subject=is_subject))
        # a resolved subject pronoun is itself a salient mention for the next pronoun
        candidates.append((token.i, here, is_subject, cluster))
        candidates.sort(key=lambda c: c[0])


def _clause_subject(parsed, pronoun) -> int | None:
    """Token index of the subject of the clause that governs an object pronoun.

    "Lopez disagreed with him": a plain object pronoun never means its own clause's
    subject (that would be "himself")."""
    if pronoun.dep_ in ("nsubj", "nsubjpass") or pronoun.tag_ == "PRP$" or pronoun.lower_.endswith("self"):
        return None
    verb = pronoun.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child.left_edge.i if child.ent_type_ != "PERSON" else _name_start(child)
    return None


def _name_start(token) -> int:
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _antecedent(candidates, tok: int, sent: int, gender: str) -> Cluster | None:
    fits = [c for c in candidates if c[0] < tok and sent - PRONOUN_WINDOW <= c[1] <= sent
            and (c[3].gender in (None, gender))]
    if not fits:
        return None
    same = [c for c in fits if c[1] == sent]
    if same:
        subjects = [c for c in same if c[2]]
        return (subjects or same)[-1][3]
    nearest = max(c[1] for c in fits)
    in_sentence = [c for c in fits if c[1] == nearest]
    subjects = [c for c in in_sentence if c[2]]
    return (subjects or in_sentence)[0][3]


# --- countries of people ----------------------------------------------------------------------

def countries_from_counterparts(parsed, clusters: list[Cluster]) -> None:
    """A call "between A and B": when B's country is known and the sentence names exactly
    one other country, A is from that one (the two sides of a meeting differ)."""
    text = text_of(parsed)
    people = [c for c in clusters if c.type == "PERSON"]
    places = [c for c in clusters if c.type in ("GPE", "NORP") and isinstance(c.key, str) and len(c.key) == 3
              or c.metonym]
    for cluster in people:
        if cluster.country is not None:
            continue
        for m in cluster.mentions:
            sent = parsed[m.tok_start].sent
            before = text[sent.start_char:m.start]
            if not re.search(r"\bbetween\b", before):
                continue
            partner = _partner_after(people, m, sent)
            if partner is None or partner.country is None:
                continue
            named = set()
            for place in places:
                for pm in place.mentions:
                    if sent.start_char <= pm.start < sent.end_char:
                        named.add(place.metonym or place.key)
            others = named - {partner.country}
            if len(others) == 1:
                cluster.country = others.pop()
                break


def _partner_after(people, m: Mention, sent) -> Cluster | None:
    text = text_of(sent.doc)
    best = None
    for other in people:
        for om in other.mentions:
            if m.end <= om.start < sent.end_char and re.search(r"\band\b", text[m.end:om.start]):
                if best is None or om.start < best[0]:
                    best = (om.start, other)
    return best[1] if best else None


# --- offices said with "as", nationality descriptions ------------------------------------------

SERVE_VERBS = {"serve", "work", "act", "remain", "stay", "continue"}


def roles_from_as_phrases(parsed, clusters: list[Cluster]) -> None:
    """"where he worked as a chief physician", "Jackson, who was then serving as the
    President's physician": the office after "as" is the role of the verb's subject."""
    owner: dict[int, Cluster] = {}
    for cluster in clusters:
        if cluster.type != "PERSON":
            continue
        for m in cluster.mentions:
            if m.kind in ("name", "pronoun"):
                for t in range(m.tok_start, m.tok_end):
                    owner[t] = cluster
    for token in parsed:
        if token.lower_ != "as" or token.head.lemma_ not in SERVE_VERBS:
            continue
        verb = token.head
        cluster = None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                cluster = owner.get(child.i)
                if cluster is None and child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    cluster = owner.get(verb.head.i)
        if cluster is None:
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects or objects[0].tag_ in ("NNS", "NNPS") or not titles.title_heads(objects[0].text):
            continue
        span = parsed[objects[0].left_edge.i:objects[0].i + 1]
        role = re.sub(r"^(?:the|a|an)\s+", "", span.text, flags=re.I)
        if is_compact_title(role):
            cluster.add_title(titles.strip_country_words(role))
        else:
            cluster.add_role(role)
        if cluster.country is None:
            cluster.country = titles.country_in(role)


_NATIONALITY_NOUNS = {"national", "citizen", "native", "passport holder", "dual national", "boss", "coach",
                      "manager", "man", "woman"}


def countries_from_nationality_descriptions(parsed, clusters: list[Cluster]) -> None:
    """"the Australian national", "a British citizen", "the 47-year-old Australian": a
    description by nationality gives the most recently named person that country, when
    the description is not itself someone's name or office."""
    people = [c for c in clusters if c.type == "PERSON"]
    if not people:
        return
    for token in parsed:
        if token.lower_ not in ("the", "a", "an"):
            continue
        words = []
        k = token.i + 1
        while k < len(parsed) and k - token.i <= 4 and not parsed[k].is_punct:
            words.append(parsed[k])
            k += 1
        country = None
        for n, w in enumerate(words):
            code = countries.country_code(w.text, ("demonym",))
            if code is None:
                continue
            after = words[n + 1:n + 3]
            # "the Australian national", not "the Australian national team"
            if after and after[0].lower_ in _NATIONALITY_NOUNS and not (len(after) > 1 and after[1].pos_ == "NOUN"):
                country = code
            # "after the Argentine was linked to ...": a nationality word standing for a person
            elif token.lower_ == "the" and n == 0 and (not after or after[0].pos_ in ("AUX", "VERB")) \
                    and not w.text.endswith("s"):
                country = code
            break
        if country is None:
            continue
        holder = salient_person(parsed, people, token.idx, token.idx - 600)
        if holder is None:
            continue
        if holder.country is None:
            holder.country = country
        role = words[n + 1] if n + 1 < len(words) else None
        if role is not None and role.lower_ in _ROLE_NOUNS and role.dep_ in ("nsubj", "nsubjpass"):
            holder.add_role(role.lower_)  # "The Portuguese boss had been out of work"


_ROLE_NOUNS = {"boss", "coach", "manager"}


def salient_person(parsed, people: list[Cluster], offset: int, window_start: int) -> Cluster | None:
    """The person a description before ``offset`` most likely stands for: the one last named
    as the subject of a clause since ``window_start`` ("Mourinho agreed a deal to replace
    Pochettino ... The 56-year-old said": Mourinho), else the one named last."""
    best: tuple[int, int, Cluster] | None = None
    for cluster in people:
        for m in cluster.mentions:
            if not window_start <= m.start < offset or m.kind != "name":
                continue
            rank = (1 if _mention_is_subject(parsed, m) else 0, m.start)
            if best is None or rank > best[:2]:
                best = (*rank, cluster)
    return best[2] if best else None


def _mention_is_subject(parsed, m: Mention) -> bool:
    if m.subject:
        return True
    span = parsed[m.tok_start:m.tok_end]
    return len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")


_AGE_DESCRIPTION = re.compile(r"\b[Tt]he \d{1,3}-year-old\b")
_NEW_PERSON_NOUNS = {"man", "woman", "boy", "girl", "child", "victim", "suspect", "driver", "teenager", "mother",
                     "father", "son", "daughter"}


def link_age_descriptions(parsed, clusters: list[Cluster], quotes: QuoteIndex) -> None:
    """"The 56-year-old said after his appointment": a definite age description in subject
    position is the person named most recently in the last three sentences (a man, woman,
    boy or girl of that age is usually someone new: the victim, the suspect)."""
    people = [c for c in clusters if c.type == "PERSON"]
    if not people:
        return
    text = text_of(parsed)
    for match in _AGE_DESCRIPTION.finditer(text):
        start, end = match.span()
        if quotes.inside(start):
            continue
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        # "The 49-year-old said": the parser sometimes hangs the description on the verb as a
        # modifier; opening its sentence right before the verb, it is the subject all the same
        opens_clause = span.start == span.sent.start and root.head.i == span.end and root.head.pos_ == "VERB"
        if root.dep_ not in ("nsubj", "nsubjpass") and not opens_clause:
            noun = root.head  # "the 47-year-old lawyer said"
            if noun.i != span.end or noun.dep_ not in ("nsubj", "nsubjpass") or noun.lower_ in _NEW_PERSON_NOUNS \
                    or noun.pos_ != "NOUN":
                continue
            span = parsed[span.start:noun.i + 1]
        earliest = span.sent.start
        for _ in range(PRONOUN_WINDOW - 1):
            if earliest > 0:
                earliest = parsed[earliest - 1].sent.start
        holder = salient_person(parsed, people, start, parsed[earliest].idx)
        if holder is None:
            continue
        holder.mentions.append(Mention(span.start_char, span.end_char, "PERSON", span.start, span.end, kind="role",
                                       subject=True))
