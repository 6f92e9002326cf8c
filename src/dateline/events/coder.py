"""The event coder: triggers from the lexicon, arguments from the dependency parse.

One pass per sentence:

1. **Triggers**: verbs and nouns whose lemma has a row in ``verbs.tsv``; the most specific
   matching row gives the CAMEO code ("lift the blockade" 0872 before "lift" 081). A noun
   that a verb row names as its object ("reached an agreement") is part of that verb's
   event, not one of its own.
2. **Governors**: walking up from a trigger through "to"-clauses, objects and "that"-clauses
   finds the words that govern it. Intent words ("expressed his intention to accelerate
   the withdrawal") recode it to CAMEO's 03 family (see below); threats to 13, refusals to
   12, demands to 10 and appeals to 02, each picking the child that fits the governed
   action; "denied" and "not" negate; "will", "plans to", "is expected to" make it planned;
   "if"/"unless" hypothetical. A governor that recodes an action gives no event of its own.
   A speech verb ("said", "announced") stops the walk: its subject is the reporter.
3. **Arguments**: source from the subject (the "by" agent in the passive; for nouns the
   possessive, the "by" or "of" phrase, or the subject of the verb the noun is the object
   of), target from the object, dative or a "with/against/to/on/from/into" phrase.
   "Between A and B" and coordinated subjects without a target give reciprocal pairs.
   Things moved ("forces", "aid") are not targets: "withdraw troops from Lebanon" has
   Lebanon as target.

**Intent, documented choice.** An action that is only intended or offered ("expressed his
intention to withdraw", "offered to negotiate", "is willing to withdraw its troops") is
coded with CAMEO's *express intent* code for that action (0356 intent to de-escalate
militarily, 036 to meet or negotiate, 033 to give aid, 031 material cooperation, 030
otherwise), PLOVER AGREE, modality ``intended``; the one who intends is the source. An
intended conflict action ("vowed to wage war") is a threat (13x), as CAMEO codes it.

**Future tense.** CAMEO codes acts that are only announced for the future as the intent
(or, for conflict acts, the threat) to do them, since the act has not happened: "Japan will
give Vietnam a loan" is 033 and "farmers said they would blockade the capital" 13x. Those
events carry modality ``planned``, so a reader can tell them from a stated intention.
Statements of agreement, criticism, demands and the like (057, 02, 09-13) keep their code.

**Who gives, who is asked.** Aid nouns name their giver with "from" ("assistance from the
World Bank", "received a loan from China" is China's loan to the receiver); seeking aid is
an appeal (023) to the one it is sought from. A threat with no one named is aimed at the
subject of its if/unless clause; a demand noun at the subject of its that-clause; a reaction
at the author a participle on its object names ("the statement issued by Hamas"). A vow or
pledge not to cooperate ("vowed not to return the Golan") is a refusal (12). "Neither A nor
B" negates; postponed events are planned and cancelled ones negated.

**Targets left unsaid.** When the sentence names no target, the event's place gives one
("Prisoners rioted at a jail in Ecuador"); else acts that fall on the actor's own country
(protests, curfews, arrests, violence) take the source's country, as CAMEO coders do.
Meetings, aid, pledges and withdrawals keep no target. With a user's PETRARCH dictionaries
the coder follows PETRARCH's convention and does not supply targets beyond the domestic
codes.

**The story's country.** Officials and local actors whose country nothing says ("the
president", "a federal judge", "protesters") take the country the story is about: the
dateline's when the body names it, else the country the body names most
(``actors.document_home``), unless that country is the one they act on as a whole ("the
president threatened Russia"). Words about an act whose doer the sentence leaves unsaid
("the EU condemned the crackdown") are aimed at that country. Attacks with no named attacker
are coded to the country they happen in, and their unnamed victims take the country of
those the sentence says were attacked before the attacker's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.analyse import countries
from dateline.doc import Doc
from dateline.events import actors as actor_mod
from dateline.events.lexicon import Rule, describe, lexicon
from dateline.record import Action, Actor, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token

SPEECH_VERBS = {"say", "tell", "announce", "reveal", "state", "add", "note", "report", "claim", "confirm",
                "declare", "insist", "explain", "stress", "indicate", "write", "quote", "believe", "think",
                "argue", "acknowledge", "admit", "assert", "emphasize", "point", "conclude", "know"}
TARGET_PREPS = ("with", "against", "to", "on", "upon", "from", "into", "at", "over", "toward", "towards",
                "for", "of", "between", "about")
# codes whose object is a thing moved or given, not the one acted on ("withdrew its troops")
THEME_ROOTS = ("07", "08", "15", "03")
# things an actor moves or gives: never the target of withdraw/deploy/send/provide
THEME_NOUNS = {"force", "forces", "troop", "troops", "soldier", "soldiers", "peacekeeper", "peacekeepers",
               "aid", "food", "weapon", "weapons", "inspector", "inspectors", "worker", "workers", "personnel",
               "unit", "units", "observer", "observers", "army", "military", "assistance", "supply", "supplies",
               "batch", "contingent", "ton", "tons", "money", "grant", "loan", "reservist", "reservists",
               "photograph", "photographs", "intelligence", "information", "evidence", "border", "borders",
               "curfew", "blockade", "sanction", "sanctions", "embargo", "ban", "restriction", "restrictions",
               "emergency", "tie", "ties", "relation", "relations", "talk", "talks", "embassy", "patrol",
               "patrols"}
# themes that are also people: a target when named after a preposition
AGENT_THEMES = {"force", "troop", "soldier", "peacekeeper", "inspector", "worker", "personnel", "unit",
                "observer", "army", "military", "reservist", "contingent"}
# nouns whose "of" phrase is the doer ("withdrawal of U.S. forces"), not the one done to
INTRANSITIVE_NOUNS = {"withdrawal", "pullout", "retreat", "visit", "trip", "protest", "demonstration", "strike",
                      "riot", "march", "rally", "surrender", "resignation", "offensive", "deployment",
                      "talk", "negotiation", "meeting", "call", "phone", "summit", "mobilization", "buildup"}
# nouns for something proposed or asked: "an appeal from Myanmar" is Myanmar's
PROPOSAL_NOUNS = {"appeal", "request", "demand", "offer", "proposal", "call", "invitation", "plan", "ultimatum",
                  "initiative", "suggestion", "bid"}
# codes whose events happen inside the actor's own country when no one else is named
# nouns whose "from" phrase names the one who gives or makes them: "an offer from Iran",
# "with assistance from the World Bank"
AID_NOUNS = {"aid", "assistance", "help", "support", "funding", "loan", "grant", "donation", "backing"}
FROM_GIVER_NOUNS = PROPOSAL_NOUNS | AID_NOUNS
DOMESTIC_ROOTS = ("14", "17", "15")
DOMESTIC_CODES = ("080", "081", "0811", "0812", "0813", "0814", "082")
EFFORT_NOUNS = {"effort", "efforts", "campaign", "operation", "process", "mission", "program", "programme",
                "initiative", "plan", "drive", "attempt", "bid", "deal", "agreement", "force", "round"}
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
FUTURE_AUX = {"will", "shall", "'ll", "would", "wo"}
NEGATIONS = {"not", "n't", "never", "no"}
OBJECT_CONTROL = {"order", "urge", "ask", "force", "allow", "persuade", "tell", "call", "press", "request",
                  "invite", "encourage", "demand", "appeal", "permit"}


@dataclass
class Trigger:
    token: "Token"
    rule: Rule
    consumed: set[int] = field(default_factory=set)


@dataclass
class Chain:
    governors: list[tuple["Token", str]] = field(default_factory=list)
    top: "Token | None" = None
    reporter: "Token | None" = None
    planned: bool = False
    negated: bool = False
    hypothetical: bool = False


# ---------------------------------------------------------------- triggers
def _is_passive(tok: "Token") -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _up_to_object(tok: "Token") -> "Token | None":
    """"kidnapped up to 16 Russian advisers": the parse may read "up" as a particle and the
    counted object as its "to" phrase; the counted noun is still the object."""
    for c in tok.children:
        if c.dep_ == "prt" and c.lower_ == "up":
            for prep in c.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    for g in _pobjs(prep):
                        if any(n.dep_ == "nummod" for n in g.children):
                            return g
    return None


def _particle_object(tok: "Token") -> "Token | None":
    """"cordoned off the roads", "shut down the border": the parse may read the particle
    right after the verb as a preposition; its object is the verb's object."""
    for c in tok.children:
        if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in VERB_PARTICLES:
            return next(iter(_pobjs(c)), None)
    return None


VERB_PARTICLES = {"off", "down", "up"}


def _direct_object(tok: "Token") -> "Token | None":
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        obj = _up_to_object(tok)
    return obj if obj is not None else _particle_object(tok)


def _verb_lemma(tok: "Token", verbs: dict) -> str:
    """The lexicon's lemma for a verb; where the tagger's lemma is not one ("cordoned" read
    as "cordone"), the surface form less its inflection ("cordon")."""
    lemma = tok.lemma_.lower()
    if lemma in verbs:
        return lemma
    word = tok.lower_
    for ending in ("ed", "ing", "es", "s", "d"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            if stem in verbs:
                return stem
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in verbs:  # "shelled" is fine, "stopped"
                return stem[:-1]
    return lemma


def _object(tok: "Token") -> "Token | None":
    obj = _direct_object(tok)
    if obj is not None:
        return obj
    if _is_passive(tok):
        for c in tok.children:
            if c.dep_ == "nsubjpass":
                return c
    for c in tok.children:  # "opened fire", "agreed on a deal": object through a particle/prep
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _object_words(obj: "Token | None") -> set[str]:
    if obj is None:
        return set()
    words = {obj.lemma_.lower(), obj.lower_}
    if obj.ent_type_ == "MONEY":  # "gave 10 million Swiss francs": an amount of money, in any currency
        words.add("money")
    words |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
    for c in obj.children:  # "a grant of 580 million shillings", "a state of emergency"
        # "sent $250 million in military aid": an amount's "in" phrase says what was given
        if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and obj.ent_type_ in NON_ACTOR_ENTS)):
            words |= {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
    return words


def _verb_rule(tok: "Token", rules: list[Rule]) -> tuple[Rule, set[int]] | None:
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    # "agreed on Tuesday" is a date, not "agreed on" a deal
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "dative")
             and not any(g.ent_type_ in NON_ACTOR_ENTS for g in c.children if g.dep_ == "pobj")}
    obj = _object(tok)
    obj_words = _object_words(obj)
    passive = _is_passive(tok)
    for rule in rules:
        if rule.particles and not (particles & rule.particles or preps & rule.particles):
            continue
        if rule.preps and not preps & rule.preps:
            continue
        if rule.objects and not (obj_words & rule.objects or ("*" in rule.objects and obj is not None)):
            continue
        if rule.passive is not None and rule.passive != passive:
            continue
        consumed = {obj.i} if rule.objects and obj is not None else set()
        return rule, consumed
    return None


def _noun_rule(tok: "Token", rules: list[Rule]) -> Rule | None:
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if tok.i > 0:
        mods.add(tok.doc[tok.i - 1].lemma_.lower())
    for rule in rules:
        if rule.modifiers and not mods & rule.modifiers:
            continue
        return rule
    return None


def _means_of_violence(tok: "Token", verb: Trigger, rule: Rule) -> bool:
    """"Guerrillas wounded two soldiers in a bomb attack": the attack is how the wounding was
    done, one event, when the verb says who did it (a passive "were killed in an attack by
    rebels" leaves the attack to say who)."""
    return (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during", "with")
            and verb.rule.cameo[:2] in VIOLENT_ROOTS[1:] and rule.cameo[:2] in VIOLENT_ROOTS[1:]
            and (any(c.dep_ == "nsubj" for c in verb.token.children)
                 or (_is_passive(verb.token) and _means_agent(verb.token) is not None)))


def _means_agent(verb: "Token") -> "Token | None":
    """"were killed in a bomb attack by rebels": a passive verb with no "by" of its own
    takes the doer of the attack it happened in."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            for noun in _pobjs(prep):
                for c in noun.children:
                    if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                        doers = _pobjs(c)
                        if doers:
                            return doers[0]
    return None


def _restates_verb(tok: "Token", rule: Rule, triggers: list[Trigger]) -> bool:
    """"signed an agreement", "condemned the attack"? The first is one event: a noun whose
    verb is a trigger of the same CAMEO root only repeats it."""
    head = tok.head if tok.dep_ in ("dobj", "obj") else tok.head.head if tok.dep_ == "pobj" else None
    if head is None:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "obj"):
        head = head.head  # "provide 25,000 tons of food aid": the amount's "of" phrase is the verb's object
    for t in triggers:
        if t.token.i != head.i:
            continue
        if t.rule.cameo[:2] == rule.cameo[:2]:
            return True
        if _means_of_violence(tok, t, rule):
            return True
        # "eased the curfew", "lifted sanctions": the thing acted on, not an event of its own;
        # "rejected an appeal", "accepted the offer": the proposal answered, not made here
        if tok.dep_ in ("dobj", "obj") and (_is_theme(tok) or t.rule.cameo[:2] == "12" or t.rule.cameo == "083"):
            return True
    return False


def find_triggers(sent: "SpacySpan") -> list[Trigger]:
    lex = lexicon()
    triggers: list[Trigger] = []
    consumed: set[int] = set()
    skip: set[int] = set()
    tokens = list(sent)  # spaCy makes a new Token on every access: make them once
    for tok in tokens:
        if tok.i in skip:
            continue
        lemma = tok.lemma_.lower()
        ordered = _ordered_away(tok) if tok.pos_ == "VERB" else None
        if ordered is not None:
            code, act = ordered
            triggers.append(Trigger(tok, Rule("verb", lemma, code), {act.i}))
            skip.add(act.i)
            continue
        if tok.pos_ == "VERB":
            lemma = _verb_lemma(tok, lex.verbs)
        if tok.pos_ == "VERB" and lemma in lex.verbs and not _commands_violence(tok):
            hit = _verb_rule(tok, lex.verbs[lemma])
            if hit:
                triggers.append(Trigger(tok, hit[0], hit[1]))
                consumed |= hit[1]
    for tok in tokens:
        if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in lex.nouns:
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() not in EFFORT_NOUNS:
            continue  # "aid workers": a modifier, not the event ("a mediation effort" is one)
        if tok.dep_ in ("dobj", "obj") and any(c.dep_ == "oprd" for c in tok.head.children):
            continue  # "called the hearings a witch hunt": the hearings are named, not held here
        rule = _noun_rule(tok, lex.nouns[lemma])
        if rule and rule.cameo == "143" and lemma == "strike" and _military_strike(tok):
            rule = Rule("noun", lemma, "190")
        if rule and _restates_verb(tok, rule, triggers):
            continue
        if rule:
            triggers.append(Trigger(tok, rule))
    triggers.extend(_bare_intents(tokens, {t.token.i for t in triggers}, lex))
    return sorted(triggers, key=lambda t: t.token.i)


LEAVE_VERBS = {"leave", "depart", "quit", "exit", "go"}
CEASE_VERBS = {"close", "suspend", "stop", "halt", "shut", "cease", "end", "disband", "dissolve"}
ORDER_VERBS = {"order", "give", "tell", "instruct", "force", "direct"}
DIPLOMAT_WORDS = {"diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "charge"}


def _ordered_away(tok: "Token") -> tuple[str, "Token"] | None:
    """"ordered two diplomats to leave the country", "gave the ambassador 72 hours to leave":
    an expulsion (166 for diplomats, 174 for others), not a request; "ordered the newspaper to
    close" an administrative sanction (172). Returns (code, the governed verb)."""
    if tok.lemma_.lower() not in ORDER_VERBS:
        return None
    acts = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
    acts += [g for c in tok.children if c.dep_ in ("dobj", "obj") for g in c.children if g.dep_ in ("acl", "relcl")]
    act = next((a for a in acts if a.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children)), None)
    if act is None or _negated(act):
        return None
    who = next((c for c in tok.children if c.dep_ in ("dobj", "obj", "dative")), None)
    if tok.lemma_.lower() == "give":  # "gave the French ambassador 72 hours": the dative is the one ordered
        who = next((c for c in tok.children if c.dep_ == "dative"), who)
    if who is None:
        return None
    words = {t.lemma_.lower() for t in who.subtree}
    lemma = act.lemma_.lower()
    if lemma in LEAVE_VERBS:
        return ("166" if words & (DIPLOMAT_WORDS | ARMED_NOUNS) else "174"), act
    if lemma in CEASE_VERBS and tok.lemma_.lower() == "order" and not _is_theme(who):
        return "172", act
    return None


LABOUR_CUES = {"general", "hunger", "labor", "labour", "nationwide", "national", "union", "wildcat", "worker",
               "teacher", "doctor", "nurse", "transport", "rail", "miner", "driver", "employee", "pilot",
               "staff", "indefinite", "day", "hour", "week"}
MILITARY_CUES = {"air", "airstrike", "missile", "drone", "rocket", "artillery", "warplane", "aircraft", "jet",
                 "bomb", "bombing", "shelling", "military", "retaliatory", "precision", "targeted", "naval",
                 "munition", "strike", "fighter"}


def _military_strike(tok: "Token") -> bool:
    """"U.S. strikes in Yemen", "condemned the strike" after an airstrike: a strike is a
    labour strike only when workers, unions or the like are said to hold it; among
    nationality words, warplanes or missiles it is an attack."""
    near = {c.lemma_.lower() for c in tok.subtree if c.i != tok.i}
    near |= {t.lemma_.lower() for t in tok.head.subtree} if tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") else set()
    if near & LABOUR_CUES:
        return False
    if any(c.dep_ in ("amod", "compound", "nmod", "poss") and (countries.country_code(c.text) or c.ent_type_ in ("GPE", "NORP"))
           for c in tok.children):
        return True
    if near & MILITARY_CUES - {"strike"}:
        return True
    words = {t.lemma_.lower() for t in tok.doc}
    return bool(words & MILITARY_CUES - {"strike"})


BARE_INTENT = {"promise", "pledge", "willing", "ready", "prepared", "committed", "commit", "intend",
               "intention", "offer"}


BARE_THREAT = {"threaten", "vow", "swear"}
BARE_APPEAL = {"urge", "press", "ask", "call", "appeal", "implore"}


BLAME_WORDS = {"responsible", "guilty", "culpable", "behind"}


def _blames(tok: "Token") -> bool:
    """"The Kremlin said Ukraine was responsible for the attack", "... was behind the
    bombing": a speaker laying blame on the subject of the clause."""
    if tok.lower_ not in BLAME_WORDS or tok.dep_ not in ("acomp", "prep"):
        return False
    be = tok.head
    if be.lemma_.lower() != "be" or be.dep_ != "ccomp" or be.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    if tok.lower_ == "behind" and not any(g.dep_ == "pobj" for g in tok.children):
        return False
    # "responsible for the attack" blames; "responsible for protecting citizens" is a duty
    if tok.lower_ == "responsible" and not any(c.dep_ == "prep" and c.lower_ == "for"
                                               and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in c.children)
                                               for c in tok.children):
        return False
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ != "PRON" and any(c.dep_ == "nsubj" for c in be.head.children)


def _blame_parties(trig: Trigger) -> tuple[list, list]:
    be = trig.token.head
    speaker = next((c for c in be.head.children if c.dep_ == "nsubj"), None)
    accused = next((c for c in be.children if c.dep_ == "nsubj"), None)
    return ([speaker] if speaker is not None else []), ([accused] if accused is not None else [])


def _addressee(tok: "Token") -> "Token | None":
    """Who is asked: "urged Iran to ...", "called on Iran to ..."."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is not None:
        return obj
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
                 for g in c.children if g.dep_ == "pobj"), None)


def _must_clause(tok: "Token") -> bool:
    """"Russia said Sudan must return the helicopter": a "must" clause reported from a
    speaker (or standing alone) is a demand on its subject."""
    if not any(c.dep_ == "aux" and c.lower_ == "must" for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("i", "we", "you", "it", "this", "that"):
        return False  # "we must act", "it must be said": exhortation, not a demand on someone
    return tok.dep_ in ("ccomp", "ROOT")


def _bare_intents(tokens: list["Token"], taken: set[int], lex) -> list[Trigger]:
    """"Vietnam is committed to opening up the economy": an intent word whose action the
    lexicon does not know is still CAMEO 030, express intent to cooperate; "threatened to
    deliver devastating blows" is still a threat (130); "said Sudan must return the
    helicopter" still a demand (100)."""
    out = []
    # "must" is rare: look for its clause only in sentences that have one
    has_must = any(t.lower_ == "must" for t in tokens)
    for tok in tokens:
        if tok.i in taken:
            continue
        if has_must and tok.pos_ in ("VERB", "AUX") and _must_clause(tok):
            out.append(Trigger(tok, Rule("demand", tok.lemma_.lower(), "100")))
            continue
        if _blames(tok):
            out.append(Trigger(tok, Rule("blame", tok.lemma_.lower(), "112")))
            continue
        if tok.lemma_.lower() in BARE_APPEAL and tok.pos_ == "VERB" and _addressee(tok) is not None:
            # "Washington pressed Beijing to open its markets": an appeal even when the lexicon
            # does not know the act asked for
            actions = [c for c in tok.children if c.dep_ == "xcomp"]
            inside = {t.i for a in actions for t in a.subtree}
            if actions and not inside & taken:
                out.append(Trigger(tok, Rule("appeal", tok.lemma_.lower(), "020")))
            continue
        if tok.lemma_.lower() in BARE_THREAT and tok.pos_ == "VERB":
            actions = [c for c in tok.children if c.dep_ == "xcomp"]
            inside = {t.i for a in actions for t in a.subtree}
            if actions and not inside & taken:
                out.append(Trigger(tok, Rule("threat", tok.lemma_.lower(), "130")))
            continue
        if tok.lemma_.lower() not in BARE_INTENT:
            continue
        actions = [c for c in tok.children if c.dep_ in ("xcomp", "acl")]
        actions += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children if g.dep_ in ("pcomp", "pobj") and g.pos_ == "VERB"]
        inside = {t.i for a in actions for t in a.subtree}
        if actions and not inside & taken:
            out.append(Trigger(tok, Rule("intent", tok.lemma_.lower(), "030")))
    return out


# ---------------------------------------------------------------- governors
def _has_future(tok: "Token") -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in tok.children)


def _negated(tok: "Token") -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never",)) for c in tok.children) or (
        _neither_subject(tok))


def _neither_subject(tok: "Token") -> bool:
    """"Neither France nor Germany boycotted the summit": the subject's "neither" negates."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ in ("preconj", "det") and g.lower_ == "neither"
                                                     for g in c.children):
            return True
    return False


def _conditional(tok: "Token") -> bool:
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
        return True
    return bool(_condition_clauses(tok))


CONDITION_MARKS = ("if", "unless")


def _condition_clauses(tok: "Token", marks: tuple[str, ...] = CONDITION_MARKS) -> list["Token"]:
    """The clauses hung on ``tok`` that set a condition ("... if the United States goes ahead")."""
    return [c for c in tok.children
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in c.children)]


ARMED_NOUNS = {"troop", "force", "soldier", "police", "officer", "peacekeeper", "contingent", "deployment",
               "battalion", "unit", "marine", "paratrooper", "reservist", "policeman", "gendarme"}


def _armed_arrival(verb: "Token") -> str | None:
    """"Kenyan police officers arrived in Haiti" is a deployment (154), not a visit;
    "the first peacekeeping troops arrived in Bosnia" is peacekeeping provided (074)."""
    subj, _ = _subject(verb)
    if subj is None:
        return None
    words = {t.lemma_.lower() for t in subj.subtree}
    if not words & ARMED_NOUNS:
        return None
    return "074" if any(w.startswith("peacekeep") for w in words) else "154"


def _readies_force(chain: Chain) -> bool:
    """"prepared to resume shelling", "is preparing to attack": the act is being readied."""
    top = chain.top
    return (top is not None and top.dep_ == "xcomp" and top.head.pos_ == "VERB"
            and top.head.lemma_.lower() == "prepare")


POLICE_NOUNS = {"police", "policeman", "officer", "agent", "investigator", "prosecutor", "detective", "fbi",
                "gendarme", "inspector", "authorities", "authority"}


def _police_raid(tok: "Token") -> bool:
    """"Federal police raided the home of ...": a police raid is a search and seizure (17),
    not an armed attack; soldiers' and militants' raids stay attacks."""
    if tok.lemma_.lower() not in ("raid", "storm", "search"):
        return False
    if tok.pos_ in ("VERB", "AUX"):
        subj, _ = _subject(tok)
        words = {t.lemma_.lower() for t in subj.subtree} if subj is not None else set()
    else:
        words = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")}
        words |= {g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.subtree}
    return bool(words & POLICE_NOUNS)


def _ultimatum(tok: "Token") -> bool:
    """An act announced on the condition that the other side does something ("unless")."""
    return bool(_condition_clauses(tok, ("unless",)))


def _wants_another_to_act(head: "Token", clause: "Token", dep: str) -> bool:
    """"wants the UK to extradite": the wanted act has a doer of its own, who is asked;
    "wants to withdraw" is the wanter's own intention. (Only "want" among the lexicon's
    intent governors takes another's act this way; "hope" takes a finite clause.)"""
    return (head.lemma_.lower() == "want" and head.pos_ in ("VERB", "AUX") and dep == "ccomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in clause.children))


def governor_chain(tok: "Token") -> Chain:
    lex = lexicon()
    chain = Chain(top=tok)
    cur = tok
    chain.negated = _negated(tok)
    chain.planned = _has_future(tok)
    chain.hypothetical = _conditional(tok)
    for _ in range(6):
        head = cur.head
        if head.i == cur.i:
            break
        dep = cur.dep_
        hl = head.lemma_.lower()
        if dep == "conj":  # "threatened to break ties and impose sanctions": share the head's governors
            cur = head
            chain.top = cur
            continue
        if dep == "compound" and head.pos_ in ("NOUN", "PROPN"):  # "a mediation effort"
            cur = head
            chain.top = cur
            chain.planned = chain.planned or head.lemma_.lower() == "plan"
            continue
        if dep not in ("xcomp", "ccomp", "dobj", "acl", "acomp", "nsubj", "nsubjpass", "pobj", "prep", "attr",
                       "advcl", "oprd", "pcomp"):
            break
        if dep == "prep" and cur.lower_ not in ("for", "to", "on", "of"):
            break
        if dep == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            break  # "after crowds trashed its embassy" is its own event, not governed
        if dep == "advcl":  # "will meet next month to discuss trade": a purpose, not yet done
            chain.planned = True
        if head.pos_ in ("VERB", "AUX") and hl in SPEECH_VERBS and dep in ("ccomp", "xcomp", "dobj", "advcl"):
            chain.reporter = head
            break
        kind = lex.governors.get(hl)
        if kind == "intent" and _wants_another_to_act(head, cur, dep):
            kind = "appeal"  # "the US wants the UK to extradite him": a request of the UK
        if kind == "intent" and dep == "dobj" and cur.lemma_.lower() in AID_NOUNS:
            kind = "appeal"  # "sought a loan from the IMF": asking for aid (023), not giving it
        if kind is None and head.pos_ == "NOUN" and dep == "acl":
            # "an agreement to withdraw": not done yet; "troops deployed in the region",
            # "a statement that workers had been killed": participles and clauses are facts
            chain.planned = chain.planned or any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            break
        if kind is None and hl not in ("be", "have", "about", "to") and not (dep == "pobj" and hl in ("for", "on", "upon")):
            break  # ("called for the resignation of": the appeal governs through its preposition)
        if dep in ("nsubj", "nsubjpass") and kind not in ("aspect", "plan"):
            break
        if kind:
            chain.governors.append((head, kind))
        chain.negated = chain.negated or _negated(head)
        chain.planned = chain.planned or _has_future(head) or kind == "plan"
        chain.hypothetical = chain.hypothetical or _conditional(head)
        cur = head
        chain.top = cur
    return chain


# codes for an action under a governor
COOPERATIVE_ROOTS = ("03", "04", "05", "06", "07", "08")


def intent_code(code: str) -> str:
    root = code[:2]
    if code.startswith("087") or code == "0873":
        return "0356"
    if code.startswith("084"):
        return "0353"
    if code.startswith("085"):
        return "0354"
    if code.startswith("081"):
        return "0351"
    if root == "08":
        return "035"
    if root == "04":
        return "036"
    if root == "07":
        return "033"
    if root == "06":
        return "031"
    if root == "05" and code != "057":
        return "032"
    if root in ("18", "19", "20", "15"):
        return "138"
    if root == "17":
        return "137"
    if root == "16":
        return "134" if code in ("164", "165") else "131"
    if root == "14":
        return "133"
    if root in ("10", "11", "12", "13", "02", "09"):
        return code
    return "030"


def future_is_intent(code: str) -> bool:
    """Roots whose future tense CAMEO codes as intent/threat: acts, not words."""
    return code[:2] in ("04", "05", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20") and code != "057"


def threat_code(code: str) -> str:
    t = intent_code(code)
    return t if t.startswith("13") else "130" if code[:2] in ("03", "04", "05", "06", "07") else "131"


def refuse_code(code: str) -> str:
    root = code[:2]
    return {"04": "125", "08": "124", "07": "122", "05": "121", "06": "121", "03": "127", "02": "120",
            "10": "124"}.get(root, "127" if code == "057" else "120")


def demand_code(code: str, appeal: bool) -> str:
    root = code[:2]
    if appeal:
        return {"04": "026", "08": "025", "07": "023", "06": "021", "05": "022", "03": "022"}.get(root, "020")
    return {"04": "106", "08": "105", "07": "103", "06": "101", "05": "102", "03": "102"}.get(root, "100")


# ---------------------------------------------------------------- arguments
def _subject(v: "Token", depth: int = 0) -> tuple["Token | None", bool]:
    """(subject token, it came from a passive agent) for verb v, following control."""
    if depth > 5:
        return None, False
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if len(subjects) > 1:  # "Old foes Gondor and Osgiliath renewed ties": the parse split the apposition
        subjects.sort(key=lambda c: c.pos_ != "PROPN")
    for c in subjects:
        if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
            return v.head, False
        return c, False
    if _is_passive(v):
        for c in v.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g, True
        return None, False
    head = v.head
    if head.i == v.i:
        return None, False
    doer = _reason_doer(v)
    if doer is not None:
        return doer, False
    if v.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                return obj, False
        return _subject(head, depth + 1)
    if v.dep_ in ("conj", "advcl", "acomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return _subject(head, depth + 1)
    if (v.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in SAME_DOER_PREPS
            and head.head.pos_ in ("VERB", "AUX")):
        # "the jury deliberated for ten minutes before convicting Webb": the jury convicted
        return _subject(head.head, depth + 1)
    if v.dep_ == "relcl":
        return head, False
    if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        # "Militants loyal to ...", "soldiers armed with": the noun itself does it
        if v.tag_ == "VBG" and _acting_noun(head):
            return head, False  # "boycotted the parade supporting Gondor": the parade supports
        if v.tag_ in ("VBG", "VBN") or head.lemma_.lower() in lexicon().governors:
            return _subject_of_noun_head(head, depth + 1)
        return None, False
    if v.dep_ == "acomp" or (head.pos_ == "ADJ" and v.dep_ == "xcomp"):
        return _subject(head, depth + 1)
    return None, False


# "before convicting", "after firing", "by blocking": an -ing clause under these is done by
# the subject of the verb it hangs from
SAME_DOER_PREPS = {"before", "after", "by", "upon", "on", "without", "while", "since", "despite"}


# roots of verbs that comment on or answer an act ("condemned the attack", "welcomed the
# deal", "rejected the offer"): their subject is not the one who did the act
# "boycotted the summit", "protested the killing", "suspended the talks": acts on another
# event, whose parties the subject of these verbs is not
REACTION_ROOTS = ("01", "02", "05", "09", "10", "11", "12", "13", "14", "16")


# verbs whose subject commands an act and is coded as its doer: "ordered the killing of the
# journalist" is the killing, done by the one who ordered it
COMMAND_VERBS = {"order", "authorize", "authorise", "sanction", "approve", "mastermind", "plot", "plan"}
VIOLENT_ROOTS = ("17", "18", "19", "20")


def _commands_violence(verb: "Token") -> bool:
    if verb.lemma_.lower() not in COMMAND_VERBS:
        return False
    obj = _direct_object(verb)
    if obj is None or obj.pos_ != "NOUN":
        return False
    rules = lexicon().nouns.get(obj.lemma_.lower())
    rule = _noun_rule(obj, rules) if rules else None
    return rule is not None and rule.cameo[:2] in VIOLENT_ROOTS


def _reacts_to(verb: "Token") -> bool:
    if _commands_violence(verb):
        return False
    rules = lexicon().verbs.get(verb.lemma_.lower())
    if not rules:  # "announced a suspension", "carried out strikes": the subject acts
        return False
    hit = _verb_rule(verb, rules)
    return hit is not None and hit[0].cameo[:2] in REACTION_ROOTS


def _reason_doer(tok: "Token") -> "Token | None":
    """"criticized Egypt for jailing journalists", "accused China of firing water cannon":
    the act in the reason clause is the object's, not the critic's."""
    prep = tok.head
    # ("charged two hackers with attacking hospitals": the charge names the act the same way)
    if tok.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "with"):
        return None
    verb = prep.head
    if (verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "obj") and verb.head.pos_ == "VERB"
            and _reacts_to(verb.head)):
        return verb  # the parse hung "of firing" on the object: "accused China's coast guard of ..."
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < prep.i), None)
    if obj is None and _is_passive(verb):  # "Egypt was criticized for jailing journalists"
        obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return obj


def _acting_noun(noun: "Token") -> bool:
    """Can a noun be the doer of the "-ing" clause that modifies it ("troops firing on
    protesters", "a rally supporting the president")? Not a plan, effort or intention,
    whose doer is the one who has it ("efforts aimed at", "his intention to")."""
    lemma = noun.lemma_.lower()
    return not (lemma in lexicon().governors or lemma in EFFORT_NOUNS or noun.lower_ in EFFORT_NOUNS
                or lemma in actor_mod.ABSTRACT_HEADS or lemma in PROPOSAL_NOUNS or lemma in STATEMENT_NOUNS)


# "issued a declaration demanding ...": a text says what its author says
STATEMENT_NOUNS = {"statement", "declaration", "letter", "message", "communique", "communiqué", "resolution",
                   "report", "petition", "note", "document", "memo", "memorandum", "motion", "bill", "law",
                   "decree", "order", "speech", "article", "editorial", "broadcast", "video", "tape", "recording",
                   "announcement", "ruling", "verdict", "decision", "measure", "legislation", "text", "notice"}


def _subject_of_noun_head(noun: "Token", depth: int) -> tuple["Token | None", bool]:
    """The doer of a governing noun ("his intention", "Syria's offer"): the verb's subject."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c, False
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return _subject(noun.head, depth + 1)
    return None, False


def _pobjs(prep: "Token") -> list["Token"]:
    return [g for g in prep.children if g.dep_ == "pobj"]


def _conj_expand(tok: "Token") -> list["Token"]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_conj_expand(c))
    return out


def _is_theme(tok: "Token") -> bool:
    return tok.lemma_.lower() in THEME_NOUNS or tok.lower_ in THEME_NOUNS


@dataclass
class Args:
    sources: list["Token"] = field(default_factory=list)
    targets: list["Token"] = field(default_factory=list)
    theme: "Token | None" = None
    between: list["Token"] = field(default_factory=list)
    place_tokens: list["Token"] = field(default_factory=list)


def _flat_preps(tok: "Token") -> list["Token"]:
    """Prepositions of tok; "out of", "away from": the inner one carries the object."""
    out = []
    for c in tok.children:
        if c.dep_ not in ("prep", "dative"):
            continue
        if not _pobjs(c):
            out.extend(g for g in c.children if g.dep_ == "prep")
        out.append(c)
    return out


def _prep_targets(tok: "Token", args: Args, skip: set[str] = frozenset()) -> None:
    preps = [c for c in _flat_preps(tok) if c.lower_ not in skip]
    for p in preps:
        if p.lower_ in ("in", "at", "inside", "near", "from", "into", "across", "out"):
            for g in _pobjs(p):
                args.place_tokens.append(g)
                for gc in g.children:  # "at a jail in Ecuador"
                    if gc.dep_ == "prep" and gc.lower_ in ("in", "of"):
                        args.place_tokens.extend(_pobjs(gc))
    for name in TARGET_PREPS:
        for p in preps:
            if p.lower_ != name:
                continue
            if name == "between":
                for g in _pobjs(p):
                    args.between.extend(_conj_expand(g))
                continue
            for g in _pobjs(p):
                if g.ent_type_ in NON_ACTOR_ENTS:  # "on Tuesday", "by 50 percent"
                    continue
                if name == "for" and g.ent_type_ not in ("GPE", "NORP", "ORG"):
                    continue
                # "surrendered to government troops" names someone; "agreed on aid" does not
                if (not _is_theme(g) or g.lemma_.lower() in AGENT_THEMES) and g not in args.targets:
                    args.targets.append(g)
                for gc in g.children:  # "hacked into the computers of the German parliament"
                    if gc.dep_ == "prep" and gc.lower_ in ("of", "with", "against", "to"):
                        args.targets.extend(x for x in _pobjs(gc) if x not in args.targets)
    for c in tok.children:
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN"):
            args.targets.insert(0, c)


def _nested_between(tok: "Token", args: Args, depth: int = 0) -> None:
    """"welcomed a resumption of ties between Gondor and Osgiliath": the partners of a
    relation named inside the object are the targets."""
    if depth > 3 or args.between:
        return
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        for g in _pobjs(c):
            if c.lower_ == "between":
                args.between.extend(_conj_expand(g))
                return
            _nested_between(g, args, depth + 1)


def verb_args(v: "Token", code: str = "") -> Args:
    args = Args()
    subj, _ = _subject(v)
    if subj is None and _is_passive(v) and code[:2] in VIOLENT_ROOTS[1:]:
        subj = _means_agent(v)
    if subj is not None:
        args.sources.append(subj)
    if _is_passive(v):
        patient = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if patient is not None:
            args.targets.append(patient)
    for c in v.children:
        if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN"):
            args.targets.append(c)
    obj = _direct_object(v)
    if obj is not None:
        event_noun = obj.pos_ == "NOUN" and not obj.ent_type_ and obj.lemma_.lower() in lexicon().nouns
        if (_is_theme(obj) and code[:2] in THEME_ROOTS) or event_noun:
            args.theme = obj
            if event_noun:  # "condemned the Indian air strike": aimed at the strike's doer
                args.targets.extend(noun_args(obj, own_only=True).sources)
        elif obj.ent_type_ in NON_ACTOR_ENTS:
            pass  # "gave 10 million Swiss francs to Kenya": the money is no actor, whatever its adjective
        else:
            args.targets.append(obj)
    _prep_targets(v, args, skip={"by"})
    if obj is not None:
        _prep_targets(obj, args)
        _nested_between(obj, args)
    if obj is not None:  # "demanded an admission by Moscow"
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                args.targets.extend(_pobjs(c))
        args.targets.extend(t for t in _participle_authors(obj) if t not in args.targets)
    for c in v.children:
        if c.dep_ == "ccomp":  # "demanded that the US cancel ...": the complement's subject
            inner = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if inner is not None and inner.pos_ != "PRON":
                args.targets.append(inner)
        if c.dep_ == "xcomp":  # "urged Eriador to respond": the xcomp's own object
            o = next((g for g in c.children if g.dep_ in ("dobj",)), None)
            if o is not None and not _is_theme(o):
                args.targets.append(o)
            # "threatened to deliver blows to the United States": the xcomp's addressee
            for prep in c.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "against", "on"):
                    args.targets.extend(g for g in _pobjs(prep) if g not in args.targets)
    if not args.sources and args.theme is not None:
        args.sources.append(args.theme)  # "to withdraw 500 American soldiers from Iraq"
    return args


def _participle_authors(obj: "Token") -> list["Token"]:
    """"welcomed the memos sent by Bree", "condemned the statement issued by Hamas": the
    one who made the thing acted on, named in a participle clause on the object."""
    out = []
    for c in obj.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for g in c.children:
                if g.dep_ == "agent" or (g.dep_ == "prep" and g.lower_ == "from"):
                    out.extend(x for x in _pobjs(g) if x.ent_type_ not in NON_ACTOR_ENTS)
    return out


def noun_args(n: "Token", own_only: bool = False) -> Args:
    """Arguments of an event noun; ``own_only``: only what the noun phrase itself says."""
    args = Args()
    lemma = n.lemma_.lower()
    for c in n.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":  # "their meeting": the verb's subject says who
            args.sources.append(c)
        elif c.dep_ in ("compound", "amod", "nmod") and (countries.lookup(c.text) or c.ent_type_ in ("GPE", "NORP")):
            args.sources.append(c)
    for c in n.children:
        if c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "from" and lemma in FROM_GIVER_NOUNS)):
            args.sources = _pobjs(c) + [s for s in args.sources if s.dep_ != "poss"]
        if c.dep_ == "prep" and c.lower_ == "of" and lemma in INTRANSITIVE_NOUNS and not args.sources:
            args.sources = _pobjs(c)
            for doer in args.sources:  # "the withdrawal of the first batch of U.S. forces from Iraq"
                _prep_targets(doer, args, skip={"of", "by", "for", "in", "with", "at"})
    skip = {"by"} | ({"of"} if lemma in INTRANSITIVE_NOUNS else set()) | ({"from"} if lemma in FROM_GIVER_NOUNS else set())
    _prep_targets(n, args, skip=skip)
    if not args.targets and lemma in PROPOSAL_NOUNS:
        args.targets.extend(_clause_subjects(n))
    if args.targets and args.targets[0] in args.sources:
        args.targets = args.targets[1:]
    head = n.head
    if own_only:
        return args
    if not args.sources and n.dep_ == "pobj":
        accused = _reason_doer(n)
        if accused is not None:  # "accused China of a water cannon attack": China attacked
            args.sources.append(accused)
            return args
    # "expelled diplomats over the killing", "after the attack": a reason or a time, not
    # something the subject of the verb took part in
    reason = n.dep_ == "pobj" and head.lower_ in ("over", "after", "following", "despite", "amid", "about",
                                                  "since", "before", "against", "because")
    # "arrested 50 people during protests": the police did not protest ("killed three during
    # a raid" is the killers' raid)
    reason = reason or (n.dep_ == "pobj" and head.lower_ == "during"
                        and any(r.cameo[:2] == "14" for r in lexicon().nouns.get(lemma, [])))
    if not args.sources and n.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and head.i != n.i and not reason:
        verb = head if n.dep_ != "pobj" else head.head
        if n.dep_ == "pobj" and head.lower_ == "of" and verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "attr"):
            verb = verb.head  # "held a fifth round of talks": the talks are the holders'
            if verb.pos_ not in ("VERB", "AUX") or _reacts_to(verb):
                verb = n
        if verb.pos_ in ("VERB", "AUX") and not _reacts_to(verb):
            subj, _ = _subject(verb)
            if n.dep_ == "dobj" and lemma in AID_NOUNS and verb.lemma_.lower() in RECEIVE_VERBS:
                # "Egypt received a loan from China": the subject is given it, "from" gives
                args.sources = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                                for g in _pobjs(c)]
                args.targets = [subj] if subj is not None else []
                return args
            if subj is not None:
                args.sources.append(subj)
            if not args.targets:
                _prep_targets(verb, args, skip={"by", "of"})
    return args


RECEIVE_VERBS = {"receive", "get", "obtain", "secure", "win", "accept"}


# ---------------------------------------------------------------- the events
@dataclass
class _Pending:
    trigger: Trigger
    code: str
    chain: Chain
    modality: str
    source_tok: list["Token"]
    target_tok: list["Token"]
    args: Args


def _modality(chain: Chain, intended: bool) -> str:
    if chain.negated:
        return "negated"
    if chain.hypothetical:
        return "hypothetical"
    if intended:
        return "intended"
    if chain.planned:
        return "planned"
    return "asserted"


def _protest_purpose(trig: Trigger, by_index: dict[int, Trigger]) -> bool:
    """"staged demonstrations to demand reforms", "demonstrated calling for independence",
    "would blockade Paris to demand an end to ...": the demand is what the protest (or the
    threat) is for, one event, not a request of its own."""
    tok = trig.token
    if (trig.rule.cameo[:2] in VIOLENT_ROOTS and tok.dep_ == "advcl" and tok.head.i in by_index
            and by_index[tok.head.i].rule.cameo[:2] in VIOLENT_ROOTS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        return True  # "opened fire to disperse the crowd": one act of force and its purpose
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "obj"):  # "to press their demands"
        tok = tok.head
    if (trig.rule.cameo[:2] == "14" and tok.dep_ == "advcl" and tok.head.i in by_index
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
        return True  # "summoned the ambassador to protest": the summons is the protest
    if trig.rule.cameo[:2] not in ("10", "02") or tok.dep_ not in ("advcl", "xcomp", "acl", "conj"):
        return False
    head = tok.head
    near = [head] + [c for c in head.children if c.dep_ in ("dobj", "obj", "prep")]
    near += [g for c in near if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(t.i in by_index and by_index[t.i].rule.cameo[:2] in ("13", "14", "15", "17", "18", "19", "20")
               for t in near)


def _lend_doer(pending: list[_Pending], head: "Token", restated: "Token") -> None:
    """"12 people were killed when Russian aircraft bombed a market": the clause that says
    the act again names who did it, which the passive main clause left unsaid."""
    main = next((p for p in pending if p.trigger.token.i == head.i), None)
    if main is None or main.source_tok or restated.pos_ not in ("VERB", "AUX"):
        return
    doer, _ = _subject(restated)
    if doer is not None and doer.pos_ != "PRON":
        main.source_tok = [doer]


def code_sentence(doc: Doc, sent: "SpacySpan") -> list[_Pending]:
    triggers = find_triggers(sent)
    by_index = {t.token.i: t for t in triggers}
    pending: list[_Pending] = []
    silenced: set[int] = set()
    for trig in triggers:
        head = trig.token.head
        if (trig.token.dep_ in ("advcl", "xcomp", "conj") and head.i in by_index
                and by_index[head.i].rule.cameo[:2] == trig.rule.cameo[:2]):
            _lend_doer(pending, head, trig.token)
            continue  # "summoned the ambassador to complain": one protest, said twice
        if _protest_purpose(trig, by_index):
            continue
        chain = governor_chain(trig.token)
        code = trig.rule.cameo
        intended = False
        source_override: list = []
        target_override: list = []
        if code in ("042", "043") and trig.token.pos_ == "VERB":
            code = _armed_arrival(trig.token) or code
        if code == "190" and _police_raid(trig.token):
            code = "170"
        kinds = [k for _, k in chain.governors]
        recoding = [k for k in kinds if k in ("intent", "threat", "refuse", "demand", "appeal")]
        if recoding and recoding[0] != recoding[-1] and recoding[-1] in ("demand", "appeal"):
            # "demanded that its partners refuse to recognize": what is demanded is not done;
            # the demand is the event
            last = max(k for k, kind in enumerate(kinds) if kind in ("demand", "appeal"))
            silenced |= {g.i for k, (g, kind) in enumerate(chain.governors)
                         if k < last and kind in ("intent", "threat", "refuse")}
            chain.governors = [g for k, g in enumerate(chain.governors)
                               if k >= last or g[1] not in ("intent", "threat", "refuse")]
        if trig.token.pos_ in ("VERB", "AUX") and _must_clause(trig.token) and not chain.governors:
            # "said Sudan must return the helicopter": the speaker demands the act
            code = demand_code(code, appeal=False)
            rep = chain.reporter
            subj, _ = _subject(rep) if rep is not None else (None, False)
            source_override = [subj] if subj is not None else []
            inner = next((c for c in trig.token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            target_override = [inner] if inner is not None else []
        if code[:2] in VIOLENT_ROOTS:  # "ordered the killing": the one who ordered it killed
            chain.governors = [(g, "light" if k == "demand" and g.lemma_.lower() in COMMAND_VERBS else k)
                               for g, k in chain.governors]
        if trig.rule.kind == "blame":
            source_override, target_override = _blame_parties(trig)
            chain.reporter = None  # the speaker is the accuser, not only the one who reported it
        for gov, kind in chain.governors:
            if kind == "deny":
                chain.negated = True
            if kind in ("aspect", "plan", "deny", "light"):
                if gov.i in by_index and kind == "aspect":
                    silenced.add(gov.i)
                continue
            if gov.i in by_index or kind in ("intent", "threat", "refuse", "demand", "appeal"):
                silenced.add(gov.i)
            if kind in ("intent", "threat") and _negated(trig.token) and trig.rule.cameo[:2] in COOPERATIVE_ROOTS:
                # "vowed not to return the Golan Heights", "pledged never to negotiate": a refusal
                code = refuse_code(trig.rule.cameo)
                chain.negated = chain.planned = False
                continue
            if kind == "intent":
                code = intent_code(code)
                intended = code.startswith("03")
                # the one who intends is the source: "Miller expressed his intention to ..."
                subj, _ = _subject(gov) if gov.pos_ in ("VERB", "AUX", "ADJ") else _subject_of_noun_head(gov, 0)
                if subj is None and gov.pos_ == "ADJ":
                    subj, _ = _subject(gov.head)
                source_override = [subj] if subj is not None else []
            elif kind == "threat":
                code = threat_code(code)
                chain.hypothetical = False  # "threatened to attack if ...": the threat is made
            elif kind == "refuse":
                code = refuse_code(code)
            elif kind in ("demand", "appeal"):
                code = demand_code(code, appeal=kind == "appeal")
                subj, _ = _subject(gov) if gov.pos_ in ("VERB", "AUX") else _subject_of_noun_head(gov, 0)
                source_override = [subj] if subj is not None else []
                obj = next((c for c in gov.children if c.dep_ in ("dobj", "obj")), None)
                asked_of = ("on", "upon", "to", "from") if trig.token.lemma_.lower() in AID_NOUNS else ("on", "upon", "to")
                addressee = [g for c in gov.children if c.dep_ == "prep" and c.lower_ in asked_of
                             for g in _pobjs(c) if g.ent_type_ not in NON_ACTOR_ENTS]  # not "on Tuesday"  # "called on Germany to ...", "appealed to X to ...", "sought aid from X"
                if obj is not None and obj.i != trig.token.i and not _is_theme(obj):
                    target_override = [obj]
                elif addressee:
                    target_override = addressee
                else:
                    if trig.token.pos_ in ("VERB", "AUX"):
                        inner, _ = _subject(trig.token)
                    else:  # "called for the resignation of the minister": the minister is asked
                        own = noun_args(trig.token, own_only=True).sources
                        inner = own[0] if own else None
                    target_override = [inner] if inner is not None and inner != subj else []
            break  # the nearest recoding governor decides
        if code[:2] in VIOLENT_ROOTS[1:] and _readies_force(chain):
            # "the army prepared to resume shelling": getting ready to attack is a show of force
            code = "150"
        elif (code == trig.rule.cameo and code[:2] in ("03", "04", "05", "06", "07", "08") and chain.negated
              and _has_future(chain.top or trig.token)):
            # "Syria will not accept any more refugees": an announced refusal, not a denied act
            code = refuse_code(code)
            chain.negated = chain.planned = False
        if (chain.planned and not intended and code == trig.rule.cameo and not trig.token.pos_ == "NOUN"
                and _ultimatum(trig.token)):
            # "will withdraw its force unless elections are held": an ultimatum, a threat made now
            code = threat_code(code)
            chain.hypothetical = chain.planned = False
        elif chain.planned and not intended and code == trig.rule.cameo and future_is_intent(code):
            # CAMEO codes a promised future act as the intent to do it ("will provide aid" 033,
            # "would boycott" 133): the act has not happened yet
            code = intent_code(code)
        # the act itself says what is moved ("pull its troops out" stays a withdrawal when threatened)
        args = verb_args(trig.token, trig.rule.cameo if code[:2] in ("10", "13", "02", "12") else code) if trig.token.pos_ in ("VERB", "AUX") else noun_args(trig.token)
        if trig.rule.kind == "intent":  # "Vietnam is committed to ...": the one committed intends
            intended = True
            who = next((c for c in trig.token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if who is None and trig.token.dep_ in ("acomp", "xcomp", "dobj", "attr"):
                who, _ = _subject(trig.token.head) if trig.token.head.pos_ in ("VERB", "AUX") else (None, False)
            args.sources = [who] if who is not None else args.sources
            args.targets = [t for t in args.targets if t != who]
        if trig.rule.preps and trig.token.pos_ in ("VERB", "AUX"):
            # "arrived in Gondor", "travelled to Moscow": the rule's own preposition names the target
            named = [g for c in trig.token.children if c.dep_ == "prep" and c.lower_ in trig.rule.preps
                     for g in _pobjs(c)]
            args.targets = named + [t for t in args.targets if t not in named]
        sources = source_override or args.sources
        targets = target_override or args.targets
        if code.startswith("13"):  # after any target the act itself names ("stop talks on missiles")
            targets = list(targets) + [t for t in _condition_subjects(trig.token, chain) if t not in targets]
        if not sources and chain.governors:
            gov = chain.governors[-1][0]
            subj, _ = _subject(gov) if gov.pos_ in ("VERB", "AUX", "ADJ") else _subject_of_noun_head(gov, 0)
            if subj is not None:
                sources = [subj]
        pending.append(_Pending(trig, code, chain, _modality(chain, intended), sources, targets, args))
    return [p for p in pending if p.trigger.token.i not in silenced]


def _clause_subjects(noun: "Token") -> list["Token"]:
    """"its demand that Israel ease restrictions", "a call for Syria to withdraw": the one
    asked is the subject of the clause that says what is asked."""
    out = []
    clauses = list(noun.children)
    if noun.dep_ in ("dobj", "obj"):  # "reiterated its demand today that ...": the parse hangs it on the verb
        clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    for c in clauses:
        if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                out.append(subj)
    return out


def _condition_subjects(tok: "Token", chain: Chain) -> list["Token"]:
    """"threatened to stop negotiations if the United States goes ahead": a threat with no
    one named is aimed at whoever the condition is about, the subject of its if/unless clause."""
    cur = tok
    top = chain.top.i if chain.top is not None else tok.i
    for _ in range(8):
        for c in _condition_clauses(cur):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                return [subj]
        if cur.i == top or cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _actors_for(doc: Doc, toks: list["Token"]) -> list[Actor]:
    out: list[Actor] = []
    for tok in toks:
        shared = None
        members = _conj_expand(tok)
        spread = actor_mod.distribute_over_places(doc, members) if len(members) > 1 else None
        if spread:  # "lawmakers and officials in Fornost and Gondor"
            out.extend(spread)
            continue
        for k, member in enumerate(members):
            found = actor_mod.resolve(doc, member)
            if k == 0:
                shared = _modifier_country(member)
            elif shared and member.pos_ == "NOUN" and _modifier_country(member) is None:
                # "Ecuadorean soldiers and police": the nationality covers both nouns
                for a in found:
                    if not a.country and not a.entity:
                        a.country, a.code = shared, shared + (a.code or "")
            out.extend(found)
    # one actor per code: "Hungarian and Romanian officials" gives two, repeats give one
    seen: dict[str, Actor] = {}
    for a in out:
        key = a.code or a.name
        seen.setdefault(key, a)
    return list(seen.values())


def _modifier_country(tok: "Token") -> str | None:
    """The country a noun's own left modifier names ("Ecuadorean soldiers")."""
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("amod", "compound", "nmod"):
            iso = countries.country_code(c.text)
            if iso:
                return iso
    return None


def _first_actors(doc: Doc, candidates: list["Token"]) -> list[Actor]:
    """Actors of the first candidate that names any (candidates come in order of preference)."""
    fallback: list[Actor] = []
    for tok in candidates:
        found = _actors_for(doc, [tok])
        if found and any(a.country or (a.code and a.code[:3] in ("IGO", "NGO")) for a in found):
            return found
        if found and not fallback:
            fallback = found
    return fallback


def _between_fallback(doc: Doc, first: "Token", sent: "SpacySpan") -> list[Actor]:
    """Partners of "between A and B" when the parse lost B: split what follows "between"
    at its last "and" and take the first codable noun head on each side."""
    prep = first.head
    tokens = [t for t in sent if t.i > prep.i and not t.is_punct]
    ands = [t for t in tokens if t.lower_ == "and"]
    if not ands:
        return []
    cut = ands[-1].i
    sides = [[t for t in tokens if t.i < cut], [t for t in tokens if t.i > cut]]
    out: list[Actor] = []
    for side in sides:
        heads = [t for t in side if t.pos_ in ("PROPN", "NOUN") and not (t.head in side and t.dep_ in ("compound", "amod", "nmod", "poss"))]
        found: list[Actor] = []
        for h in sorted(heads, key=lambda t: (t.pos_ != "PROPN", t.i)):
            found = actor_mod.resolve(doc, h)
            if found and found[0].country:
                break
        if not found:
            for h in heads:
                found = actor_mod.resolve(doc, h)
                if found:
                    break
        out.extend(found[:1])
    return out if len(out) == 2 else []


def _pick_place(doc: Doc, p: _Pending, sent: "SpacySpan") -> Place | None:
    dl = doc.article.dateline
    candidates = p.args.place_tokens
    subtree_spans = []
    for tok in candidates:
        sub = list(tok.subtree)
        subtree_spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    for place in doc.article.places:
        for m in place.mentions:
            if dl is not None and dl.start is not None and dl.start <= m.start < (dl.end or dl.start):
                continue
            if any(a <= m.start and m.end <= b for a, b in subtree_spans):
                if place.role != "dateline":
                    place.role = "event"
                return place.place()
    top = p.chain.top or p.trigger.token
    sub = list(top.subtree)
    a, b = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    for place in doc.article.places:  # else a place named anywhere in the event's clause
        for m in place.mentions:
            if a <= m.start and m.end <= b and not (dl is not None and dl.start is not None
                                                    and dl.start <= m.start < (dl.end or dl.start)):
                before = re.search(r"(\w+)\W*$", doc.text[max(0, m.start - 16):m.start])
                if before and before.group(1).lower() in ("in", "at", "near", "inside", "across"):
                    if place.role != "dateline":
                        place.role = "event"
                    return place.place()
    if doc.article.places:
        return None
    # no place stage output: a country named in the "in/from/at" phrase is still a place
    for tok in candidates:
        for member in _conj_expand(tok):
            span = doc.parsed[member.left_edge.i:member.i + 1] if doc.parsed is not None else None
            words = span.text if span is not None else member.text
            iso = countries.country_code(words) or countries.country_code(member.text, ("name", "alias"))
            if iso and member.ent_type_ in ("GPE", "LOC", ""):
                return Place(name=member.text if member.ent_type_ else words, country=iso, kind="country")
            if member.ent_type_ in ("GPE", "LOC", "FAC"):
                ent = next((e for e in sent.ents if e.start <= member.i < e.end), None)
                return Place(name=ent.text if ent is not None else member.text, country=None, kind="other")
    return None


def _pick_date(doc: Doc, p: _Pending, sent: "SpacySpan") -> tuple[str | None, str | None]:
    s, e = sent.start_char, sent.end_char
    anchor = p.trigger.token.idx
    best = None
    for d in doc.article.dates:
        if d.value and s <= d.start < e and d.kind in ("date", "time"):
            dist = abs(d.start - anchor)
            if best is None or dist < best[0]:
                best = (dist, d.value)
    if best:
        return best[1], "expression"
    return doc.article.published, "published" if doc.article.published else None


def _pick_count(doc: Doc, p: _Pending, sent: "SpacySpan", others: set[int]) -> float | None:
    top = p.chain.top or p.trigger.token
    # the event's clause, less the clauses of other events inside it: in "reached an
    # agreement to withdraw 500 soldiers" the 500 belong to the withdrawal
    skip: set[int] = set()
    for tok in top.subtree:
        if tok.i in others and tok.i != p.trigger.token.i and tok.i not in {t.i for t in p.trigger.token.ancestors}:
            skip |= {t.i for t in tok.subtree}
    sub = [t for t in top.subtree if t.i not in skip]
    spans = [(t.idx, t.idx + len(t.text)) for t in sub]
    hits = [c for c in doc.article.counts if any(a <= c.start < b for a, b in spans)]
    if hits:
        hits.sort(key=lambda c: abs(c.start - p.trigger.token.idx))
        return hits[0].number
    if doc.article.counts:
        return None
    # no count stage output: a cardinal number modifying an argument, else in the clause
    for tok in [*p.source_tok, *p.target_tok, *([p.args.theme] if p.args.theme is not None else [])]:
        for c in tok.children:
            if c.dep_ == "nummod" and c.like_num:
                return _number(c)
    for tok in sub:
        if tok.ent_type_ == "CARDINAL" and tok.like_num and tok.dep_ in ("attr", "nummod", "dobj", "pobj"):
            return _number(tok)
    return None


def _number(tok: "Token") -> float | None:
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def _reported_by(doc: Doc, p: _Pending) -> str | None:
    pos = p.trigger.token.idx
    for q in doc.article.quotes:
        if q.start <= pos < q.end and q.speaker:
            return q.speaker
    if p.chain.reporter is not None:
        subj, _ = _subject(p.chain.reporter)
        if subj is not None:
            entity = doc.entity_at(subj.idx, subj.idx + len(subj.text))
            if entity is not None:
                return entity.id
    return None


LOCAL_SECTORS = {"CVL", "MIL", "COP", "GOV", "REB", "OPP", "EDU", "LAB", "BUS", "MED", "REF", "JUD", "LEG"}


def _sentence_victims(doc: Doc, coded: list[_Pending]) -> str | None:
    """The country of the people a sentence's attack names ("a camp for Congolese refugees
    was attacked ..., killing 156 people"): the unnamed dead are most likely theirs."""
    for p in coded:
        if p.code[:2] not in ("18", "19", "20"):
            continue
        found = _first_actors(doc, p.target_tok) or _first_actors(doc, _occupants(p.target_tok))
        for actor in found:
            if actor.country:
                return actor.country
    return None


def _borrow_countries(pairs: list, place: Place | None, code: str, victims: str | None = None) -> None:
    """"Indian police opened fire on protesters in Kashmir": protesters with no nationality
    named are taken to be where the event happens, else, for acts done at home (arrests,
    clashes), on the other side's country; "the U.S. condemned the tactics used against
    protesters" does not make the protesters American."""
    domestic = _domestic(code)  # concessions (08) answer one's own rebels and protesters too
    for k, (source, target) in enumerate(pairs):
        for side, other in ((source, target), (target, source)):
            if side is None or side.country or side.entity or not side.code or side.code not in LOCAL_SECTORS:
                continue  # a named person or body without a known country is left as it is
            # the victims of violence take the country of those the sentence says were attacked
            # before the attacker's: militiamen who kill in a refugee camp kill refugees
            victim = victims if side is target and code[:2] in ("18", "19", "20") else None
            country = place.country if place is not None and place.country else victim or (
                other.country if other is not None and (domestic or code[:2] == "08") else None)
            if country:
                side.country = country
                side.code = country + side.code


def _reacts_to_unnamed(p: _Pending) -> bool:
    """Verbal conflict (accuse, demand, reject, threaten) about an act ("condemned the
    crackdown"), with no one named as its target."""
    return p.code[:2] in ("09", "10", "11", "12", "13") and p.args.theme is not None and not p.target_tok


def _occupants(toks: list["Token"]) -> list["Token"]:
    """"A camp for Congolese refugees was attacked", "the offices of the newspaper were
    raided": a place attacked stands for the people it belongs to."""
    out = [g for tok in toks for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
           for g in _pobjs(c)]
    # "cordoned off the roads leading into Gaza": a route stands for the place it leads to
    out += [g for tok in toks for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ROUTE_VERBS
            for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "into", "toward", "towards")
            for g in _pobjs(p)]
    return out


ROUTE_VERBS = {"lead", "go", "run", "connect", "link"}


AIMED_PREPS = ("against", "on", "into", "in", "inside", "across", "over")


def _clause_country(p: _Pending, home: str) -> str | None:
    """A country other than the actor's own, named in the event's clause after "against",
    "into", "in" ("retook a village in western Cambodia", "a war against Iraq"): the act
    falls there, not on the actor's home country."""
    top = p.chain.top or p.trigger.token
    own = {t.i for s in p.source_tok for t in s.subtree}
    for tok in top.subtree:
        if tok.i in own or tok.dep_ != "pobj" or tok.head.lower_ not in AIMED_PREPS:
            continue
        iso = countries.country_code(tok.text) or countries.country_code(tok.doc[tok.left_edge.i:tok.i + 1].text)
        if iso and iso != home:
            return iso
    return None


_UNSET = object()
HOME_SECTORS = {"GOV", "JUD", "LEG", "COP", "OPP", "MIL", "PTY", "REB", "CVL", "EDU", "LAB", "BUS", "MED", "REF", "HLH"}


def _home_officials(pairs: list, home) -> None:
    """"The president", "a federal judge", "Vice-President Moody Awori": an official whose
    country nothing says belongs to the country the story is about, unless that country is
    the one they act on as a whole ("President Bush threatened Russia": Bush is not Russian)."""
    if not isinstance(home, str):
        return
    for source, target in pairs:
        for side, other in ((source, target), (target, source)):
            if side is None or side.country or not side.sectors or not set(side.sectors) & HOME_SECTORS:
                continue
            if side.code and side.code[:3] in ("IGO", "NGO", "IMG"):
                continue
            if other is not None and other.country == home and not other.sectors:
                continue
            side.country = home
            side.code = home + (side.code or "")


# acts that fall on the place they happen in when the actor has no country of its own
PLACE_AIMED_ROOTS = ("07", "09", "14", "15", "16", "17", "18", "19", "20")


def _interactive(code: str) -> bool:
    """Codes two coordinated actors do with each other: agree, meet, cooperate, fight."""
    return code[:2] in ("03", "04", "06", "19") or code in ("057", "050", "0871")


def _home_default(code: str) -> bool:
    """Acts that, with no one else named, fall on the actor's own country ("imposed a
    curfew", "blew up power lines"); not meetings, aid, pledges or withdrawals, which are
    always with or from someone the sentence did not name."""
    return code[:2] not in ("03", "04", "06", "07") and not code.startswith(("087", "084"))


def _domestic(code: str) -> bool:
    """Acts that happen within one country as often as between two: protests, arrests,
    curfews, deployments, violence, and the concessions that answer them."""
    return code[:2] in ("14", "15", "17", "18", "19", "20") or code in DOMESTIC_CODES


def _self_loop(source: Actor, target: Actor, code: str) -> bool:
    """A pair that codes an actor acting on itself ("Bahamas offer Bahamas"). The same entity
    or actor on both sides always is; two actors of one country are only for domestic acts,
    or when they are different parts of it ("the Colombian government and the ELN rebels")."""
    if source.entity and source.entity == target.entity and (source.code, source.country) == (target.code, target.country):
        return True  # (one entity coded two ways, "the Indian/Japanese prime minister" merged, is two)
    if (source.code, source.name) == (target.code, target.name):
        return True
    if not source.country or source.country != target.country:
        return False
    if _domestic(code):
        return False
    if code[:2] in ("09", "10", "11", "12", "13") and source.name != target.name:
        return False  # "the governor of Texas sued the Biden administration": one government part on another
    if bool(source.sectors) != bool(target.sectors):  # "Palestinian officials" and Palestine
        return False
    return not source.sectors or source.sectors[0] == target.sectors[0]


def _acts_at_home(source: Actor, code: str, place: Place | None) -> bool:
    """With no one else named, does the act fall on the source's own country? For a part
    of a country (its police, rebels, farmers, ministers) yes, as CAMEO coders code it; for
    a country named as a whole ("North Korea fired a missile") only when it is violence or
    a deployment placed inside that country."""
    if source.sectors:
        return True
    return _domestic(code) and place is not None and place.country == source.country


def _country_actor(code: str, name: str) -> Actor:
    return Actor(name=name, country=code, code=code, sectors=[])


def _trigger_span_end(tok: "Token") -> int:
    end = tok.idx + len(tok.text)
    for c in tok.children:  # "pull out", "blew up": the particle belongs to the trigger
        # ("kidnapped up to 16 engineers": "up to" counts, it is no particle)
        up_to = c.lower_ == "up" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "to"
        if c.dep_ == "prt" and c.i == tok.i + 1 and not up_to:
            end = c.idx + len(c.text)
    return end


def annotate_events(doc: Doc) -> list[Event]:
    if doc.parsed is None:
        return []
    events: list[Event] = []
    seen: set[tuple] = set()
    home: object = _UNSET  # the story's main country, worked out at the first event
    for sent in doc.parsed.sents:
        try:
            coded = code_sentence(doc, sent)
        except Exception as exc:  # one odd parse must not cost the article its other events
            doc.article.warnings.append(f"events: sentence at {sent.start_char} skipped ({type(exc).__name__})")
            continue
        trigger_tokens = {q.trigger.token.i for q in coded}
        by_token = {q.trigger.token.i: q for q in coded}
        victims = _sentence_victims(doc, coded) if doc.actor_dictionary is None else None
        if home is _UNSET and coded:
            home = actor_mod.document_home(doc) if doc.actor_dictionary is None else None
        for p in coded:
            sources = _first_actors(doc, p.source_tok)
            targets = _first_actors(doc, p.target_tok)
            if not targets and p.target_tok and p.code[:2] in ("16", "17", "18", "19", "20"):
                targets = _first_actors(doc, _occupants(p.target_tok))
            between = _actors_for(doc, p.args.between) if p.args.between else []
            if p.args.between and len(between) < 2:
                between = _between_fallback(doc, p.args.between[0], sent) or between
            if between and not targets:
                if sources:
                    targets = between
                else:
                    sources = between
            pairs: list[tuple[Actor | None, Actor | None]] = []
            if sources and targets:
                pairs = [(s, t) for s in sources for t in targets if (s.code, s.name) != (t.code, t.name)]
                if not pairs:
                    pairs = [(sources[0], targets[0])]
            elif len(sources) > 1 and _interactive(p.code):  # "Baghdad and Washington agreed": each with the other
                pairs = [(s, t) for s in sources for t in sources if s is not t]
            elif len(sources) > 1:  # "Galadriel and Gollum boycotted ...": each on its own
                pairs = [(s, None) for s in sources]
            elif sources:
                pairs = [(sources[0], None)]
            elif targets:
                pairs = [(None, t) for t in targets]
            place = _pick_place(doc, p, sent)
            if place is None and p.code[:2] in ("18", "19", "20"):
                # "A roadside bombing near Samarra killed a soldier": the killing happened
                # where the bombing did
                cause = next((by_token[c.i] for c in p.trigger.token.children
                              if c.dep_ == "nsubj" and c.i in by_token), None)
                place = _pick_place(doc, cause, sent) if cause is not None else None
            if not pairs:
                # a meeting or an aid delivery with nobody named is nobody's event; a riot is the place's
                if place is None or not place.country or doc.actor_dictionary is not None or not _home_default(p.code):
                    continue
                # "Prisoners rioted at a jail in Ecuador": who is not said, where is
                pairs = [(None, _country_actor(place.country, place.name))]
            said_outright = p.trigger.token.pos_ in ("VERB", "AUX") or p.trigger.token.dep_ in ("nsubj", "nsubjpass")
            if (place is not None and place.country and p.code[:2] in ("18", "19", "20") and said_outright
                    and doc.actor_dictionary is None):
                # "A roadside bombing near Samarra killed a U.S. soldier": nobody is said to have
                # done it; an attack with no named attacker is coded to the country it happens in
                pairs = [(s if s is not None else _country_actor(place.country, place.name), t) for s, t in pairs]
            info = describe(p.code)
            date, date_source = _pick_date(doc, p, sent)
            count = _pick_count(doc, p, sent, trigger_tokens)
            reporter = _reported_by(doc, p)
            tok = p.trigger.token
            if doc.actor_dictionary is None:
                _borrow_countries(pairs, place, p.code, victims)
                _home_officials(pairs, home)
            for source, target in pairs:
                explicit = target is not None
                if target is None and source is not None and source.country:
                    aimed = _clause_country(p, source.country)
                    if place is not None and place.country and place.country != source.country:
                        target = _country_actor(place.country, place.name)
                    elif aimed:  # "mobilized reservists for a war against Iraq": not at home
                        target = _country_actor(aimed, countries.country_name(aimed) or aimed)
                    elif (isinstance(home, str) and home != source.country and doc.actor_dictionary is None
                          and _reacts_to_unnamed(p)):
                        # "Mexico criticised the raids" in a story about the United States:
                        # words about an act whose doer this sentence leaves unsaid are aimed
                        # at the country the story is about, not at the speaker's own
                        target = _country_actor(home, countries.country_name(home) or home)
                    elif (p.code[:2] in DOMESTIC_ROOTS or p.code in DOMESTIC_CODES
                          or (doc.actor_dictionary is None and _home_default(p.code)
                              and _acts_at_home(source, p.code, place))):
                        # no one else named: the act is aimed at the actor's own country
                        # (PETRARCH-dictionary coding keeps its convention of coding no target)
                        target = _country_actor(source.country, countries.country_name(source.country) or source.country)
                elif (target is None and source is not None and isinstance(home, str) and doc.actor_dictionary is None
                      and _reacts_to_unnamed(p)):  # "the European Union condemned the crackdown"
                    target = _country_actor(home, countries.country_name(home) or home)
                elif (target is None and source is not None and not source.country and place is not None
                      and place.country and doc.actor_dictionary is None and p.code[:2] in PLACE_AIMED_ROOTS):
                    # "Red Cross officials suspended aid deliveries in Baghdad": an actor of no
                    # country acts on the country where it acts
                    target = _country_actor(place.country, place.name)
                if explicit and source is not None and target is not None and _self_loop(source, target, p.code):
                    target = None
                key = (sent.start, source.code if source else None, target.code if target else None, p.code)
                if key in seen:
                    continue
                seen.add(key)
                confidence = 0.45 + (0.2 if source and source.code else 0) + (0.2 if target and target.code else 0)
                confidence += 0.1 if p.trigger.rule.specificity else 0.0
                events.append(Event(
                    source=source, target=target,
                    action=Action(cameo=p.code, plover=info.plover, verb=tok.lemma_.lower(),
                                  quad_class=info.quad or None, goldstein=info.goldstein),
                    date=date, place=place, modality=p.modality,  # type: ignore[arg-type]
                    sentence=doc.span(sent.start_char, sent.end_char),
                    count=count, reported_by=reporter, confidence=round(min(confidence, 0.95), 2),
                    date_source=date_source,
                    trigger=doc.span(tok.idx, _trigger_span_end(tok)),
                ))
    for k, ev in enumerate(events, 1):
        ev.id = f"v{k}"
    return events
