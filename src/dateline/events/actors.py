"""Actors: a noun phrase of the parse -> CAMEO actor(s) (country + sectors).

Resolution order, first hit wins:
1. the user's PETRARCH dictionaries (``--actors``), date restrictions read against the
   article's publication date; agents ("government", "soldiers") add sector codes;
2. the entity stage (``doc.entity_at``): an entity's country and sectors (people through
   their titles);
3. dateline's own inference: named groups (groups.tsv), country words (names, demonyms,
   capitals and metonyms through ``analyse.countries``) and sector words
   (``analyse.sectors``) found in the phrase.

A phrase that names several countries joined by "and" ("Hungarian and Romanian officials")
gives one actor per country, sharing the sectors.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.analyse import countries
from dateline.analyse.sectors import sectors_in
from dateline.doc import Doc
from dateline.events.lexicon import group_named
from dateline.record import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that", "me",
            "both", "each", "itself", "themselves"}
# right-hand parts of a noun phrase that still say who the actor is
PHRASE_PREPS = {"of", "from", "in", "for"}
PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "punct", "appos",
               "prep", "pobj", "cc", "conj", "advmod", "npadvmod", "hmod", "hyph", "predet"}
MAX_PHRASE_TOKENS = 14


def phrase_tokens(head: "Token") -> list["Token"]:
    """The tokens that name an actor headed by ``head``: its left modifiers, appositions
    and "of/from/in/for" attachments; no relative or participle clauses."""
    out: list = []

    def walk(tok: "Token", depth: int) -> None:
        out.append(tok)
        if depth > 3:
            return
        for child in tok.children:
            if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
                continue
            if child.dep_ == "prep" and child.lower_ not in PHRASE_PREPS:
                continue
            if child.dep_ == "conj" and tok is head:
                continue  # coordinated heads are actors of their own
            if child.dep_ not in PHRASE_DEPS:
                continue
            walk(child, depth + 1)

    walk(head, 0)
    out.sort(key=lambda t: t.i)
    if len(out) > MAX_PHRASE_TOKENS:  # a runaway subtree: keep the words next to the head
        out = [t for t in out if abs(t.i - head.i) <= 6]
    return out


def _inferred_countries(doc: Doc, head: "Token", tokens: list["Token"]) -> list[str]:
    """A phrase the dictionaries know only by its agent ("President Ilham Aliyev" with an
    agents entry for PRESIDENT but no actor entry): the countries dateline itself reads in
    it (the entity stage, country words). PETRARCH would leave the country blank; a user's
    dictionary that lacks a country should not erase what the text says."""
    bases = []
    for a in infer(doc, head, tokens):
        if a.country:
            bases.append(a.country)
        elif a.code and a.code != "".join(a.sectors[:1]):  # a named group: "European Commission"
            bases.append(a.code)
    return list(dict.fromkeys(bases))


def _actor_name(tokens: list["Token"]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    text = doc[tokens[0].i:tokens[-1].i + 1].text
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I).strip(" ,")
    # "Ecuadorean soldiers and", "China's coast guard of": words left dangling by the parse
    return re.sub(r"[\s,]+(and|or|nor|of|for|from|in)$", "", text).strip(" ,")


def _code(country: str | None, sectors: list[str]) -> str | None:
    """CAMEO actor code: country then the main sector (USAMIL); the sector alone without one."""
    code = (country or "") + "".join(sectors[:1])
    return code or None


def _coordinated(tokens: list["Token"], hits: list) -> bool:
    """Several actors in one phrase count only when a conjunction joins them ("Fornost and
    Gondor"), not when it joins adjectives ("Ithilen's awful and evil minister Calimehtar")."""
    if len(hits) < 2:
        return False
    for t in tokens:
        if t.lower_ in ("and", "nor", "or", ",") and t.dep_ in ("cc", "punct"):
            if t.head.pos_ in ("PROPN", "NOUN") and any(c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
                                                       for c in t.head.children):
                return True
    return False


def from_dictionary(doc: Doc, tokens: list["Token"], head: "Token | None" = None) -> list[Actor] | None:
    dictionary = doc.actor_dictionary
    if dictionary is None or not tokens:
        return None
    # "Dol_Amroth" in running text is the dictionary's own joined spelling
    words = [w for t in tokens for w in t.text.upper().split("_") if w]
    actor_hits: list[tuple[int, int, str | None, str]] = []
    agent_hits: list[tuple[int, str, bool]] = []
    i = 0
    while i < len(words):
        entry = dictionary.match_actor(words, i)
        if entry is not None:
            actor_hits.append((i, len(entry.words), entry.code_on(doc.published), entry.name))
            i += len(entry.words)
            continue
        agent = dictionary.match_agent(words, i)
        if agent is not None:
            agent_hits.append((i, agent.code, agent.prefix))
            i += len(agent.words)
            continue
        i += 1
    if not actor_hits and not agent_hits:
        return None
    # an actor entry with code "---" is known but uncodable: it blocks inference
    coded = [h for h in actor_hits if h[2]]
    if actor_hits and not coded:
        return []
    prefix = "".join(code for _, code, p in agent_hits if p)
    suffixes = [code for _, code, p in agent_hits if not p]
    bases = [h[2] for h in coded] if _coordinated(tokens, coded) else [h[2] for h in coded[:1]]
    if not bases and head is not None:
        bases = _inferred_countries(doc, head, tokens)
    if not bases:
        bases = [""]
    actors = []
    for base in bases:
        code = prefix + (base or "")
        for suffix in suffixes:
            for k in range(0, len(suffix), 3):
                part = suffix[k:k + 3]
                if part not in [code[j:j + 3] for j in range(0, len(code), 3)]:
                    code += part
        country = base[:3] if base and countries.country_name(base[:3]) else None
        # the base code (a country, or a dictionary's own actor code) is not a sector
        start = len(prefix) + len(base or "")
        sectors = [code[j:j + 3] for j in range(start, len(code), 3)] + [prefix[j:j + 3] for j in range(0, len(prefix), 3)]
        actors.append(Actor(name=_actor_name(tokens), country=country, code=code or None, sectors=sectors))
    return actors


def _countries_in(tokens: list["Token"]) -> list[str]:
    """Country codes named in the phrase (or by a state or province in it), in order,
    trying 4- to 1-word windows."""
    found: list[str] = []
    i = 0
    while i < len(tokens):
        hit = None
        for n in (4, 3, 2, 1):
            if i + n > len(tokens):
                continue
            words = " ".join(t.text for t in tokens[i:i + n])
            word = countries.lookup(words)
            if word and word.kind in ("name", "alias", "demonym", "metonym", "capital"):
                if word.kind == "demonym" and _ethnic(tokens[i]):
                    hit = ("", n)  # "ethnic Albanians in Serbia": a people, not a nation's citizens
                    break
                hit = (word.iso3, n)
                break
            state = countries.state_country(words)
            if state:  # "Texas police", "California's regulators": the state's country
                hit = (state, n)
                break
        if hit:
            if hit[0] and hit[0] not in found:
                found.append(hit[0])
            i += hit[1]
        else:
            i += 1
    return found


def _ethnic(tok: "Token") -> bool:
    """Is a nationality word marked as an ethnic group ("ethnic Albanians", "ethnic Russian
    separatists")? CAMEO codes such groups by the country they live in."""
    doc = tok.doc
    return tok.i > 0 and doc[tok.i - 1].lower_ in ("ethnic", "ethnically")


def _groups_in(tokens: list["Token"]):
    index = [t.i for t in tokens]
    words_of = [t.text for t in tokens]
    spaced = [t.text_with_ws for t in tokens]
    for n in (4, 3, 2, 1):
        for i in range(0, len(tokens) - n + 1):
            last = i + n - 1
            # "al-Qaeda" is three tokens: read contiguous ones as written
            if index[last] - index[i] == n - 1:
                words = "".join(spaced[i:last]) + words_of[last]
            else:
                words = " ".join(words_of[i:last + 1])
            group = group_named(words)
            if group:
                return group
    return None


def _sector_phrase(words: str) -> str | None:
    table = _sector_table()
    key = words.casefold()
    for probe in (key, key[:-1] if key.endswith("s") else None, key[:-2] if key.endswith("es") else None):
        if probe and probe in table:
            return table[probe]
    return None


def _sector_table() -> dict[str, str]:
    from dateline.analyse import sectors as sector_mod

    return sector_mod.sector_table()  # shared table, read only


def _head_sector(head: "Token", tokens: list["Token"]) -> list[str]:
    """Sectors, the head's own first: the longest sector phrase ending at the head word
    ("security forces" COP, "government forces" MIL, "Foreign Minister" GOV), then the rest."""
    doc = head.doc
    first: list[str] = []
    for n in (4, 3, 2, 1):
        if head.i - n + 1 < 0:
            continue
        words = doc[head.i - n + 1:head.i + 1]
        if any(t.dep_ in ("det", "poss", "case", "punct") for t in words):
            continue
        hit = _sector_phrase(words.text)
        if hit:
            first = [hit]
            break
    rest = sectors_in(" ".join(t.text for t in tokens))
    return list(dict.fromkeys(first + rest))


ABSTRACT_HEADS = {"crisis", "issue", "situation", "problem", "plan", "program", "programme", "policy",
                  "dispute", "conflict", "question", "matter", "timetable", "schedule", "relation", "tie",
                  "affair", "role", "effort", "process", "war", "election", "deal", "agreement", "resolution"}
GROUP_HEADS = {"group", "batch", "members", "member", "contingent", "delegation", "unit", "units", "team",
               "side", "sides", "leaders", "leader", "head", "chief", "wing", "faction", "band", "dozens",
               "hundreds", "thousands", "some", "most", "many", "part", "first", "patch", "element"}


def _names_actor(head: "Token", tokens: list["Token"]) -> bool:
    """Does the head itself (with its own modifiers) name someone? "a timetable for the
    departure of foreign troops" does not, though troops are inside it; "Soldiers from
    Gondor", "the government of Iraq" and "a group of Moroccan diplomats" do."""
    if head.lemma_.lower() in ABSTRACT_HEADS:
        return False
    if head.pos_ == "PROPN" or head.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return True
    if head.lower_ in GROUP_HEADS or head.lemma_.lower() in GROUP_HEADS:
        return True
    own = [t for t in tokens if t.i <= head.i and (t.i == head.i or t.head.i == head.i or t.head.head.i == head.i)
           and t.dep_ not in ("prep", "pobj")]
    own_text = " ".join(t.text for t in own)
    return bool(_sector_phrase(head.text) or sectors_in(own_text) or _countries_in(own))


DOMESTIC_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP"}


def _country_in_words(text: str, kinds: tuple[str, ...] = ("name", "alias", "demonym", "metonym", "capital")
                      ) -> str | None:
    """The first country a short text names ("Kremlin spokesman" -> RUS), 3- to 1-word windows."""
    words = re.findall(r"[\w.'’-]+", text)
    words = [re.sub(r"(['’]s|['’])$", "", w) for w in words]
    for i in range(len(words)):
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            word = countries.lookup(" ".join(words[i:i + n]))
            if word and word.kind in kinds:
                return word.iso3
    return None


def _group_in_words(text: str):
    words = re.findall(r"[\w.'’-]+", text)
    words = [re.sub(r"(['’]s|['’])$", "", w) for w in words]
    for n in (4, 3, 2, 1):
        for i in range(0, len(words) - n + 1):
            group = group_named(" ".join(words[i:i + n]))
            if group:
                return group
    return None


def _named_in_body(doc: Doc, iso3: str) -> bool:
    """Is the country named (by name or nationality) in the text outside the dateline?"""
    dl = doc.article.dateline
    skip = (dl.start, dl.end) if dl is not None and dl.start is not None and dl.end is not None else (-1, -1)
    if doc.parsed is None:
        return False
    toks = [t for t in doc.parsed if not (skip[0] <= t.idx < skip[1])]
    for k, t in enumerate(toks):
        for n in (1, 2, 3):
            words = " ".join(x.text for x in toks[k:k + n])
            if countries.country_code(words) == iso3:
                return True
    return False


def document_home(doc: Doc) -> str | None:
    """The country the story is mostly about: the one its body names most often (names,
    nationality words, capitals, and the towns and regions the place stage placed in it),
    the first named on a tie. The dateline is not counted: a story filed from Nairobi may
    be about Somalia."""
    if doc.parsed is None:
        return None
    dl = doc.article.dateline
    skip = (dl.start, dl.end) if dl is not None and dl.start is not None and dl.end is not None else (-1, -1)
    counts: dict[str, float] = {}
    words_of = [t.text for t in doc.parsed if not (skip[0] <= t.idx < skip[1])]
    k = 0
    while k < len(words_of):
        step = 1
        if not words_of[k][:1].isupper():  # names, nationality words and capitals start with a capital
            k += 1
            continue
        for n in (3, 2, 1):
            words = " ".join(words_of[k:k + n])
            word = countries.lookup(words)
            if word and word.kind in ("name", "alias", "demonym", "metonym", "capital"):
                # "the French ambassador" in a story about Niger: a nationality word often marks
                # the foreigner, so it weighs a little less than the country's name
                counts[word.iso3] = counts.get(word.iso3, 0) + (0.75 if word.kind == "demonym" else 1)
                step = n
                break
        k += step
    for place in doc.article.places:
        if place.country and place.kind != "country" and place.role != "dateline":
            inside = [m for m in place.mentions if not (skip[0] <= m.start < skip[1])]
            counts[place.country] = counts.get(place.country, 0) + len(inside)
    counts = {c: n for c, n in counts.items() if n}
    if not counts:
        return None
    # a story filed from Minsk that names Belarus or Minsk in its body is about Belarus,
    # even if one other country comes up as often
    dl_country = dl.place.country if dl is not None and dl.place is not None else None
    if dl_country in counts and counts[dl_country] >= max(counts.values()) - 1:
        return dl_country
    return max(counts, key=lambda c: counts[c])  # dicts keep order: the first named wins a tie


def entity_home(doc: Doc, entity) -> tuple[str | None, object | None]:
    """(country, group) for an entity the entity stage left without a country: country words
    in its titles and roles ("Kremlin spokesman"), the organisation it serves ("UNHCR
    spokesperson"), else, for a domestic official (government, military, police, courts,
    legislature, opposition), the dateline's country when the story names that country too:
    an unnamed-country "Interior Minister" in a story datelined Quito is Ecuador's."""
    for text in list(entity.titles) + list(entity.roles):
        iso = _country_in_words(text)
        if iso:
            return iso, None
        group = _group_in_words(text)
        if group is not None:
            return group.country, group
    if set(entity.sectors) & DOMESTIC_SECTORS:
        dl = doc.article.dateline
        iso = dl.place.country if dl is not None and dl.place is not None else None
        if iso and _named_in_body(doc, iso):
            return iso, None
    return None, None


def _mention_sectors(doc: Doc, entity) -> list[str]:
    """"Radical French farmers" ... "they": a nationality entity's first mentions modify the
    noun that says which part of the country acts."""
    if doc.parsed is None:
        return []
    for m in entity.mentions[:3]:
        span = doc.parsed.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ == "NOUN" and root.head.i > root.i:
            found = _head_sector(root.head, phrase_tokens(root.head))
            if found:
                return found
    return []


def _entity_actor(doc: Doc, entity, head: "Token | None", tokens: list["Token"]) -> Actor:
    sectors = list(entity.sectors) or (_head_sector(head, tokens) if head is not None else [])
    if not sectors and head is None:
        sectors = _mention_sectors(doc, entity)
    # "Gambian President Dawda Jawara": the phrase may say what the entity does not
    country = entity.country or next(iter(_countries_in(tokens)), None)
    if country is None:
        country, group = entity_home(doc, entity)
        if group is not None and not country:
            return Actor(name=entity.name, country=None, code=group.code, entity=entity.id,
                         sectors=list(group.sectors)[:1])
    return Actor(name=entity.name, country=country, code=_code(country, sectors), entity=entity.id,
                 sectors=sectors[:1])


def _private_person(doc: Doc, head: "Token") -> Actor | None:
    """A named person with no office, party or nationality ("Carlineo was arrested"): a
    civilian, who takes the story's country later if nothing else gives one. Without this
    the arrest, the threat or the attack on a private person would not be coded at all.
    Only the head itself counts: "Riot police" with "Riot" mistaken for a name is police."""
    entity = doc.entity_at(head.idx, head.idx + len(head.text))
    if entity is None or entity.type != "PERSON" or head.pos_ != "PROPN":
        return None
    country, group = entity_home(doc, entity)
    if group is not None:
        return None
    return Actor(name=entity.name, country=country, code=_code(country, ["CVL"]), entity=entity.id, sectors=["CVL"])


def infer(doc: Doc, head: "Token", tokens: list["Token"]) -> list[Actor]:
    name = _actor_name(tokens)
    group = _groups_in(tokens)
    if group is not None:
        return [Actor(name=name, country=group.country, code=group.code, sectors=list(group.sectors))]
    # entity stage: an entity mention at the head (or an apposition's head)
    # (only the head's own name parts: "officials from the United States and Mexico" is not
    # the entity "United States" alone)
    if any(_ethnic(t) for t in tokens if t.i <= head.i):
        # "ethnic Albanians": a people living somewhere; the place or the story gives the country
        sectors = _head_sector(head, tokens)
        return [Actor(name=name, country=None, code=sectors[0] if sectors else "CVL", sectors=sectors[:1] or ["CVL"])]
    candidates = [head] + [t for t in tokens if t.dep_ in ("appos", "compound") and t.pos_ == "PROPN"
                           and t.head.i == head.i]
    for tok in candidates:
        entity = doc.entity_at(tok.idx, tok.idx + len(tok.text))
        if entity is not None and (entity.country or entity.sectors or entity.titles or entity.roles):
            return [_entity_actor(doc, entity, head, tokens)]
    private = _private_person(doc, head)
    if private is not None:
        return [private]
    if head.lemma_.lower() in ABSTRACT_HEADS:
        # "the American peace plan": the country whose plan it is, nothing more
        own = [t for t in tokens if t.i < head.i and t.head.i == head.i and t.dep_ in ("amod", "compound", "poss")]
        owners = _countries_in(own)
        return [Actor(name=name, country=owners[0], code=owners[0], sectors=[])] if owners else []
    if not _names_actor(head, tokens):
        return []
    found = _countries_in(tokens)
    sectors = _head_sector(head, tokens)
    if not found:  # "their forces": the possessor's country
        for t in tokens:
            if t.dep_ == "poss" and t.pos_ == "PRON":
                owners = _pronoun_fallback(doc, t)
                if owners and owners[0].country:
                    found = [owners[0].country]
                break
    if not found and not sectors:
        return []
    has_and = any(t.lower_ in ("and", "nor") for t in tokens) and len(found) > 1
    bases = found if has_and else found[:1]
    if not bases:
        bases = [None]  # type: ignore[list-item]
    return [Actor(name=name, country=c, code=_code(c, sectors), sectors=sectors[:1]) for c in bases]


PLACE_PREPS = ("in", "of", "from")


def _sector_code(doc: Doc, noun: "Token", own: list["Token"]) -> str | None:
    """The sector code a noun names by itself ("lawmakers" LEG, "officials" GOV), None when
    the noun also names a country of its own ("Danish officials") or no sector."""
    if _countries_in(own):
        return None
    if doc.actor_dictionary is not None:
        hit = from_dictionary(doc, own)
        if hit:
            actor = hit[0]
            if actor.country or not actor.code or actor.code != "".join(actor.sectors):
                return None  # an actor entry, not an agent alone
            return actor.code
    sectors = _head_sector(noun, own)
    return sectors[0] if sectors else None


def distribute_over_places(doc: Doc, members: list["Token"]) -> list[Actor] | None:
    """"Lawmakers and officials in Fornost and Gondor": every sector noun before the place
    preposition holds in every place after it (FORLEG, FORGOV, GONLEG, GONGOV). The parser
    often hangs the second place on the first noun ("Gondor" as a conjunct of "Lawmakers"),
    so places are the preposition's objects plus the proper-noun conjuncts after it.
    ``members`` are the coordinated heads of one phrase, the first one first. None when the
    phrase is not of that shape (one noun in one place is the ordinary case)."""
    nouns_all = [m for m in members if m.pos_ == "NOUN"]
    preps = [c for n in nouns_all for c in n.children
             if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and any(g.dep_ == "pobj" for g in c.children)]
    if len(preps) != 1:
        return None
    prep = preps[0]
    nouns = [m for m in nouns_all if m.i < prep.i]
    places: list = []
    for g in prep.children:
        if g.dep_ == "pobj":
            stack = [g]
            while stack:
                t = stack.pop(0)
                places.append(t)
                stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ == "PROPN")
    places += [m for m in members if m.pos_ == "PROPN" and m.i > prep.i and m not in places]
    if not nouns or len(nouns) + len(places) < 3:
        return None
    bases: list[str] = []
    for place in places:
        found = resolve(doc, place)
        if len(found) != 1 or not found[0].code or found[0].sectors:
            return None  # not a plain country or group: leave the phrase to the usual reading
        bases.append(found[0].code)
    suffixes: list[str] = []
    for noun in nouns:
        own = [t for t in phrase_tokens(noun) if t.i <= noun.i]
        code = _sector_code(doc, noun, own)
        if code is None:
            return None
        suffixes.append(code)
    out: list[Actor] = []
    for base in dict.fromkeys(bases):
        for suffix in dict.fromkeys(suffixes):
            country = base[:3] if countries.country_name(base[:3]) else None
            name = _actor_name(nouns + [prep] + places)
            out.append(Actor(name=name, country=country, code=base + suffix,
                             sectors=[suffix[j:j + 3] for j in range(0, len(suffix), 3)]))
    return out


SPEECH_LEMMAS = {"say", "tell", "announce", "state", "add", "claim", "report", "insist", "declare", "reveal",
                 "warn", "threaten", "vow", "pledge", "promise", "believe", "note", "confirm", "deny",
                 "indicate", "signal", "suggest", "acknowledge", "admit"}


FIRST_PERSON = {"we", "i", "us", "our", "my", "me"}


def _quote_speaker(doc: Doc, pron: "Token") -> list[Actor]:
    """'"We will not accept ultimatums," Lavrov said': inside a quote, "we" and "I" are the
    speaker (or the speaker's side)."""
    for q in doc.article.quotes:
        if q.start <= pron.idx < q.end and q.speaker:
            entity = next((e for e in doc.article.entities if e.id == q.speaker), None)
            if entity is not None:
                return [_entity_actor(doc, entity, None, [])]
    return []


def _pronoun_fallback(doc: Doc, pron: "Token") -> list[Actor]:
    """Without coreference from the entity stage: "Syria says it is willing" -> Syria, the
    subject of the saying verb the pronoun's clause hangs from."""
    if pron.lower_ in FIRST_PERSON:
        found = _quote_speaker(doc, pron)
        if found:
            return found
    if pron.lower_ not in ("it", "they", "he", "she", "we", "its", "their", "his", "her", "our"):
        return []
    cur = pron.head
    for _ in range(6):
        if cur.lemma_.lower() in SPEECH_LEMMAS and cur.pos_ == "VERB":
            subj = next((c for c in cur.children if c.dep_ == "nsubj" and c.i < pron.i), None)
            if subj is None and cur.dep_ == "conj":  # "Mexico criticised the raids and said it would"
                subj = next((c for c in cur.head.children if c.dep_ == "nsubj" and c.i < pron.i), None)
            if subj is not None and subj.pos_ != "PRON" and _agrees(pron, subj):
                return resolve(doc, subj)
        if cur.head == cur:
            break
        cur = cur.head
    if pron.lower_ in PERSONAL:
        return _person_subject_before(doc, pron)
    return []


PERSONAL = ("he", "she", "his", "her")
COLLECTIVE_NOUNS = {"police", "government", "army", "military", "ministry", "administration", "court", "jury",
                    "council", "parliament", "committee", "office", "agency", "department", "company", "group"}


def _agrees(pron: "Token", noun: "Token") -> bool:
    """"he" is a person, not "Police" or "Syria"; "it" and "they" may be either."""
    if pron.lower_ not in PERSONAL:
        return True
    if noun.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC") or noun.tag_ in ("NNS", "NNPS"):
        return False
    return noun.lemma_.lower() not in COLLECTIVE_NOUNS


def _person_subject_before(doc: Doc, pron: "Token") -> list[Actor]:
    """"A New York man pleaded guilty to charges he threatened ...": with no named person to
    stand for, "he" is the nearest person-like subject before it in the sentence."""
    for tok in reversed(list(pron.sent[: pron.i - pron.sent.start])):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and _agrees(pron, tok):
            return resolve(doc, tok)
    return []


def resolve(doc: Doc, head: "Token") -> list[Actor]:
    """Actors named by the noun phrase headed by ``head`` (empty when none can be coded)."""
    if head.lower_ in PRONOUNS and head.pos_ == "PRON":
        entity = doc.entity_at(head.idx, head.idx + len(head.text))
        if entity is None or not entity.country:
            # no coreference, or one without a country: the speaker the clause hangs from
            fallback = _pronoun_fallback(doc, head)
            if fallback or entity is None:
                return fallback
        return [_entity_actor(doc, entity, None, [])]
    tokens = phrase_tokens(head)
    hit = from_dictionary(doc, tokens, head)
    if hit is not None:
        for actor in hit:
            if actor.entity is None:
                entity = doc.entity_at(head.idx, head.idx + len(head.text))
                actor.entity = entity.id if entity else None
        return hit
    actors = infer(doc, head, tokens)
    for actor in actors:
        if actor.entity is None:
            entity = doc.entity_at(head.idx, head.idx + len(head.text))
            actor.entity = entity.id if entity else None
    return actors
