"""Quotes: who said what, directly or indirectly, with the reporting verb and the channel.

Two passes over the spaCy parse:

1. *reporting verbs* (say, tell, add, note, reveal, announce, ..., "according to"): the
   clausal complement of the verb is indirect speech ("revealed that Baghdad and
   Washington had reached an agreement"); with quotation marks inside it is a partial
   quote (noted that the "withdrawal ... timings."), flagged not direct;
2. *quotation marks*: each quotation (multi-sentence and multi-paragraph included)
   looks for its reporting verb after it (",” he said"), before it (adding: “...”), in a
   paragraph that ends with a colon, else continues the previous speaker's quote.

The speaker is the verb's subject, resolved to an entity through the coreference the
entities stage left (a "he" or "the spokesperson" is a mention of the person).
"""

from __future__ import annotations

import re

from dateline.analyse.colon_quotes import colon_quotes, headline_quote
from dateline.analyse.coref import PRONOUN_GENDER
from dateline.analyse.speech import QUOTE_MARKS, QuoteIndex, is_speech_lemma, quote_spans, text_of, word_count
from dateline.doc import Doc
from dateline.record import Quote

# where something was said: "in a statement to Russia's Sputnik Agency", "on Twitter"
_CHANNEL_NOUNS = (r"statement|interview|message|letter|speech|post|tweet|op-ed|address|remarks|briefing|"
                  r"release|press release|conference|news conference|press conference|email|e-mail|call|"
                  r"phone call|memo|video|podcast|broadcast|editorial|column|article|appearance|debate|"
                  r"hearing|testimony|session|rally|town hall|sermon|communiqu[eé]|tweets|filing|report|"
                  r"blog post|commentary|essay|book|ad|advertisement|segment|show|program|documentary")
CHANNEL = re.compile(
    r"\b(?:(?:in|during|at|via|through)\s+(?:a|an|the|his|her|their|its|this|that|[A-Z][\w.’'-]*(?:’s|'s))\s+"
    r"(?:[\w’'.-]+\s+){0,4}?(?:" + _CHANNEL_NOUNS + r")s?\b"
    r"(?:\s+(?:to|with|on|at|for|before|posted\s+on|published\s+(?:by|in)|aired\s+on)\s+(?:[^,.;:“”\"()\n]|(?<=\b[A-Z])\.){1,60}?)?"
    r"(?=\s*(?:[,;:“”\"()\n]|(?<!\b[A-Z])\.)|\s+(?:that|on|last|this|after|before|when|as|and|about|saying)\b|$)"
    r"|on\s+(?:Twitter|Facebook|Instagram|YouTube|Telegram|TikTok|Truth Social|X|television|TV|radio|the\s+air|"
    r"(?:his|her|their|its)\s+(?:Twitter|Facebook|Instagram|website|blog|account|page|show|program|podcast|"
    r"official\s+\w+)(?:\s+(?:account|page|feed))?|[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2}(?:’s|'s)\s+“?[A-Z][^,.;“”\"]*)"
    r"|to\s+reporters|to\s+journalists|(?:during|at)\s+a\s+(?:news|press)\s+conference)")
# tokens that may stand between a quotation and its verb (",” he told reporters")
_MAX_GAP_AFTER = 12
_MAX_GAP_BEFORE = 14
_RELATIVE = {"who", "that", "which"}
# "according to a schedule" means "in line with", not a source
CONFORMITY_NOUNS = {"agreement", "schedule", "plan", "deal", "law", "rule", "rules", "timetable", "terms",
                    "accord", "treaty", "constitution", "contract", "tradition", "protocol", "procedure",
                    "guidelines", "regulations", "arrangement", "program", "programme", "custom"}
_CUT_BEFORE_DEPS = {"advcl", "conj", "xcomp"}


def annotate(doc: Doc) -> None:
    parsed = doc.parsed
    text = doc.text
    spans = doc.user_data.get("quote_spans")
    if spans is None:
        spans = quote_spans(text)
    quotes = QuoteIndex(spans)
    found: list[Quote] = []
    absorbed: set[tuple[int, int]] = set()
    for quote, quotation in colon_quotes(doc, quotes):
        found.append(quote)
        if quotation is not None:
            absorbed.add(quotation)
    headline = headline_quote(doc, quotes)
    if headline is not None:
        found.append(headline)
    for token in parsed:
        if quotes.inside(token.idx):
            continue
        if token.lower_ == "according" and token.i + 1 < len(parsed) and parsed[token.i + 1].lower_ == "to":
            quote = according_to(doc, token, quotes)
        elif is_cue(token):
            quote = indirect_speech(doc, token, quotes)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in _NOMINAL_CUES:
            quote = nominal_speech(doc, token, quotes)
        elif mistagged_cue(token, 0) and token.i + 1 < len(parsed) and parsed[token.i + 1].lower_ == "that":
            quote = mistagged_that_clause(doc, token, quotes)
        else:
            quote = None
        if quote is not None:
            found.append(quote)
            absorbed.update(absorb_partial_quotes(doc, quote, spans))
    for span in spans:
        if span in absorbed:
            continue
        quote = direct_quote(doc, span, quotes, found)
        if quote is not None:
            found.append(quote)
    doc.article.quotes = deduplicate(join_unattributed_paragraphs(doc, found))


def absorb_partial_quotes(doc: Doc, quote: Quote, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations that open inside indirect speech are part of it (a partial quote); the
    content runs on to the closing mark when the parse stopped short of it."""
    inside = [span for span in spans if quote.start <= span[0] < quote.end]
    for _, qe in inside:
        if qe > quote.end and "\n" not in doc.text[quote.end:qe]:
            quote.end = qe
            quote.text = doc.text[quote.start:quote.end]
    return inside


def is_cue(token) -> bool:
    if token.pos_ not in ("VERB", "AUX") or not is_speech_lemma(token.lemma_):
        return False
    if in_markup(token):
        return False
    if hyphenated_adjective(token):
        return False
    if token.lemma_.lower() == "point":  # "pointing out", not "point"
        return any(c.dep_ == "prt" for c in token.children)
    return True


def hyphenated_adjective(token) -> bool:
    """"the so-called “governor's bracket”", "a self-described socialist": an adjective, not a verb."""
    text = text_of(token.doc)
    return re.search(r"\b(?:so|self|much|oft|often|little|well|long)-$", text[max(0, token.idx - 8):token.idx], re.I) is not None


def asked_participle(token) -> bool:
    """"Asked whether she would vote, she replied: ...": the subject was asked, by someone
    unnamed; the question is not something the subject said."""
    return token.lower_ == "asked" and token.tag_ in ("VBN", "VBD") and token.dep_ in ("advcl", "ROOT") \
        and token.i == token.sent.start and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def is_phrasal_cue(token) -> bool:
    """"Trump went on" after a quotation: carrying on speaking."""
    return token.lemma_ == "go" and any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)


def in_markup(token) -> bool:
    """"<tweet id=...>" left in the text: a tag name, not a verb."""
    text = text_of(token.doc)
    before = text[max(0, token.idx - 2):token.idx]
    return before.endswith("<") or before == "</"


def cue_text(token) -> str:
    particles = [c for c in token.children if c.dep_ == "prt" and c.i == token.i + 1]
    return token.text + (" " + particles[0].text if particles else "")


# --- indirect speech -------------------------------------------------------------------

def indirect_speech(doc: Doc, verb, quotes: QuoteIndex) -> Quote | None:
    """"X said (that) Y" / "Y, X said": the verb's clausal complement is what was said."""
    short = short_answer(verb)
    if short is not None:
        first, last = short
        return make_quote(doc, first.idx, last.idx + len(last.text), verb, direct=False, quotes=quotes)
    passive = reported_by(verb)
    if passive is not None:
        (start, end), agent = passive
        s, e = doc.parsed[start].idx, doc.parsed[end - 1].idx + len(doc.parsed[end - 1].text)
        return make_quote(doc, s, e, verb, direct=False, quotes=quotes, speaker_token=agent)
    found = complement_span(verb)
    if found is None:
        return None
    start, end = found
    if start <= verb.i < end and not parenthetical(verb) and not reported_relative_clause(verb, start):
        return None
    if defining_relative_clause(verb) or claimed_result(verb):
        return None
    parsed = doc.parsed
    start, end = within_paragraph(doc, verb, start, end)
    if verb.i < start:
        # what follows the verb stays in its sentence ("... , the airline said. He had ...")
        sent_end = sentence_end(parsed, verb.sent.end)
        if all(t.is_punct or t.is_space for t in parsed[end:verb.sent.end]):
            end = sent_end
        end = min(end, sent_end)
    if end <= start:
        return None
    if end <= verb.i:
        end = continued_after_attribution(parsed, verb, end)
    start = after_dateline(parsed, start, end)
    start, end = trim_content(parsed, start, end)
    end = cut_at_next_cue(parsed, verb, start, end)
    start, end = trim_content(parsed, start, end)
    end = cut_trailing_channel(doc, start, end)
    end = cut_trailing_aside(parsed, start, end)
    if end - start < (2 if verb.lemma_.lower() in _NAMING_CUES else 3):
        return None  # "calling them rapists" names in two words
    start = with_determiner_before_quote(parsed, start, verb)
    s, e = parsed[start].idx, parsed[end - 1].idx + len(parsed[end - 1].text)
    text = doc.text
    if any(s <= qs <= s + 1 and (qe >= e - 2 or text[qe - 1:qe] in ",.!?") for qs, qe in quotes.spans):
        # a quotation with its verb (the direct pass reads it); one that closes with its
        # own punctuation is the whole statement, whatever the parse hung after it
        return None
    s = with_complementizer(parsed, start, verb, s)
    return make_quote(doc, s, e, verb, direct=False, quotes=quotes)


def with_complementizer(parsed, start: int, verb, s: int) -> int:
    """"said that the race is tied": the "that" opening the reported clause is part of it
    (as annotators mark it), once we know no quotation opens the content."""
    if start - 1 > verb.i and parsed[start - 1].lower_ == "that" and parsed[start - 1].dep_ == "mark":
        return parsed[start - 1].idx
    return s


# groups a poll counts: "voters who say ...", "those who said ...", "64 percent who say ..."
_RESPONDENT_GROUPS = {"voter", "those", "percent", "respondent", "people", "democrat", "republican", "american",
                      "adult", "independent", "supporter", "one", "resident", "participant", "%"}


_NAMING_CUES = {"call", "describe", "label", "brand", "dub", "portray"}


def reported_relative_clause(verb, start: int) -> bool:
    """"a fair sentence, which I said was not a prison sentence" / "Florida, which he describes
    as his second home": the relative clause around the verb is the report, pronoun included."""
    return verb.dep_ == "relcl" and start == verb.left_edge.i and start < verb.i \
        and verb.doc[start].lower_ in ("which", "that", "who", "whom")


def defining_relative_clause(verb) -> bool:
    """"voters who say the economy matters most", "those saying they want a ban": a clause
    that picks out poll respondents by their answer defines who is meant; the writer
    reports no statement (a named speaker's clause, "Smith, who said ...", is set off by a comma)."""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    head = verb.head
    if head.i > verb.i or not (head.lemma_.lower() in _RESPONDENT_GROUPS or head.lower_ in _RESPONDENT_GROUPS):
        return False
    between = verb.doc[head.i + 1:verb.left_edge.i]
    if any(t.text in (",", "—", "–", "(") for t in between) or len(between) > 6:
        return False
    if verb.dep_ == "acl":
        return verb.tag_ == "VBG"
    return any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children)


# what one claims or concedes in a contest: "claiming victory", "conceded the race"
_RESULT_NOUNS = {"victory", "victories", "win", "wins", "race", "seat", "seats", "title", "crown", "percent",
                 "vote", "votes", "nomination", "state", "states", "delegates", "prize", "credit", "defeat",
                 "election", "primary", "caucus", "caucuses", "majority", "lead", "share", "responsibility", "%"}


def claimed_result(verb) -> bool:
    """"Sanders won Minnesota, claiming his third victory" / "Bush conceded the race": taking
    a result or responsibility is an act, not a statement."""
    lemma = verb.lemma_.lower()
    if lemma not in ("claim", "concede", "declare"):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    if lemma == "declare" and not any(c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") for c in verb.children):
        # "declared bankruptcy", "declared a state of emergency", "declared his candidacy": a
        # performative act; only a quoted object ("declared ‘revolution’") was words
        phrase = verb.doc[verb.i + 1:verb.right_edge.i + 1]
        return not any(t.text in QUOTE_MARKS or t.text in ("‘", "’") for t in phrase)
    return objects[0].lower_ in _RESULT_NOUNS


# words that open a clause of time, cause or contrast: never what a verb of saying reports
_ADVERBIAL_MARKS = {"as", "while", "when", "because", "after", "before", "since", "although", "though", "until",
                    "once", "whereas"}


def adverbial_clause(comp) -> bool:
    """"Spencer said, as a few young fighters worked out ...": a "complement" that opens with
    "as"/"while"/"because" is the writer's circumstance, misparsed as what was said."""
    marks = [c for c in comp.children if c.dep_ == "mark" and c.i < comp.i]
    return bool(marks) and marks[0].text in _ADVERBIAL_MARKS  # lower case: "Reem As Saba’ee" is a name


def as_clause(verb) -> tuple[int, int] | None:
    """"As the Times noted, Clinton raised $1.1 million" / "..., as the AP reported": a verb of
    saying in an "as" clause attributes the clause it is set in, less its own words."""
    if verb.dep_ != "advcl" or verb.head == verb or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    children = list(verb.children)
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in children):
        return None
    if not any(c.dep_ == "nsubj" for c in children) or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in children):
        return None
    head = verb.head
    parsed = verb.doc
    if verb.i < head.i:
        start = verb.right_edge.i + 1
        while start < head.right_edge.i and parsed[start].is_punct:
            start += 1
        return start, head.right_edge.i + 1
    return head.left_edge.i, verb.left_edge.i


# verbs that ask: their "if"/"whether" clause is the question put
_QUESTION_CUES = {"ask", "wonder", "question", "inquire", "enquire"}


def indirect_question(verb) -> tuple[int, int] | None:
    """"asked workers if they planned to attend" / "was asked whether ...": the question, from
    its "if"/"whether" on (the parser often hangs it as an adverbial clause)."""
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in ("advcl", "ccomp"):
            continue
        mark = child.left_edge
        if mark.lower_ in ("if", "whether") and mark.i > verb.i:
            return mark.i, child.right_edge.i + 1
    return None


# short answers and pro-forms a verb of saying reports: "said no", "half said so"
_SHORT_ANSWERS = {"yes", "no", "so"}


def short_answer(verb):
    """"the candidate said no" / "three-quarters said the same of Sanders": what was said is
    one word standing for an answer, or "the same" as someone else said. Returns the first
    and last tokens, or None."""
    if verb.lemma_.lower() != "say" or verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if nxt.lower_ in _SHORT_ANSWERS and nxt.head == verb and nxt.dep_ in ("intj", "advmod", "dobj", "ccomp", "npadvmod"):
        return nxt, nxt
    if nxt.lower_ == "the" and nxt.i + 1 < len(verb.doc) and verb.doc[nxt.i + 1].lower_ == "same":
        same = verb.doc[nxt.i + 1]
        if same.head == verb and same.dep_ in ("dobj", "npadvmod", "advmod"):
            return nxt, same.right_edge
    return None


# verbs whose passive subject is what was reported, by whom its "by" phrase says
_PASSIVE_REPORTS = {"report", "mention", "tweet", "confirm", "announce", "reveal", "disclose", "state", "write",
                    "post", "note", "deny"}


def reported_by(verb):
    """"O'Malley's move was first reported by MSNBC": the passive subject is the content, the
    agent the source. Returns ((start, end), agent) or None."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in _PASSIVE_REPORTS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not subjects or not agents or subjects[0].lower_ in _RELATIVE:
        return None
    subject = subjects[0]
    if subject.pos_ == "PRON" and subject.left_edge == subject.right_edge:
        return None
    return (subject.left_edge.i, subject.right_edge.i + 1), agents[0]


# verbs whose infinitive is what was said: "urged voters to back him", "vowed to fight"
_XCOMP_CUES = {"urge", "ask", "tell", "warn", "promise", "vow", "pledge", "threaten", "demand", "call",
               "advise", "recommend", "agree", "propose", "plead", "claim", "lament", "mention"}
# verbs whose object and "of"/"for" phrase are the claim: "accused Sanders of lying"
_CHARGE_CUES = {"accuse", "charge", "blame", "criticize", "criticise", "praise", "slam", "blast", "mock", "thank",
                "decry", "deride", "hail"}


def complement_span(verb) -> tuple[int, int] | None:
    """Token range of what the verb reports: its clausal complement, else an infinitive
    (urge, vow) or a charge ("accused X of Y")."""
    children = list(verb.children)
    reported = as_clause(verb)
    if reported is not None:
        return reported
    complements = [c for c in children if c.dep_ == "ccomp"]
    if not complements and verb.lemma_.lower() in _QUESTION_CUES:
        question = indirect_question(verb)
        if question is not None:
            return question
    if complements:
        # "X offered ..., then says he'll ...": the clause after the verb is what it reports;
        # a second one before it is usually a misparse of the preceding sentence
        after = [c for c in complements if c.i > verb.i]
        comp = after[0] if after else complements[-1]
        if adverbial_clause(comp):
            return None
        end = comp.right_edge.i + 1
        if comp.i > verb.i:
            end = max([end] + [c.right_edge.i + 1 for c in children
                               if reported_conjunct(c, verb, comp) or reported_coordinate_clause(c, verb, comp)])
        return comp.left_edge.i, end
    lemma = verb.lemma_.lower()
    clause = that_clause_after(verb)
    if clause is not None:
        return clause
    if lemma == "call":
        demand = demand_clause(verb)
        if demand is not None:
            return demand
    if lemma in _XCOMP_CUES:
        xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
        if xcomps:
            # "urged the former secretary to release ...": the one urged belongs to the content
            asked = [c for c in children if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < xcomps[0].i]
            # "called on Sanders and Trump to do the same"
            asked += [g for c in children if c.dep_ == "prep" and c.lower_ == "on" and verb.i < c.i < xcomps[0].i
                      for g in c.children if g.dep_ == "pobj"]
            left = asked[0].left_edge.i if asked else xcomps[0].left_edge.i
            return min(left, xcomps[0].left_edge.i), xcomps[0].right_edge.i + 1
    if parenthetical(verb):
        # "In his state, he said, offenders are sent to treatment": the clause around it
        head = verb.head
        opening = quotation_after(verb)
        if opening is not None and head.i > verb.i:
            # "On ABC Tuesday, he said, “I never said ...”": the parser made the quotation the
            # main clause; what was said starts at the quotation, not at the sentence
            return opening, head.right_edge.i + 1
        return head.left_edge.i, head.right_edge.i + 1
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    preps = [c for c in children if c.dep_ == "prep" and c.i > verb.i]
    if lemma in _CHARGE_CUES or lemma == "call":
        # "accused Sanders of lying", "blamed the law on “knuckleheaded politicians”"
        charge = [p for p in preps if p.lower_ in ("of", "for") or p.lower_ == "on" and lemma == "blame"]
        if objects and charge:
            return objects[0].left_edge.i, charge[0].right_edge.i + 1
    if lemma in ("call", "describe", "portray", "label", "brand", "dub") and objects:
        # "described the field as “all very good”": the object and how it was described
        manner = [p for p in preps if p.lower_ == "as" and p.i > objects[0].i]
        if manner:
            return objects[0].left_edge.i, manner[0].right_edge.i + 1
    if lemma == "call":
        return naming_or_demand(verb, objects, preps)
    if lemma in _OBJECT_CUES and objects and is_content_object(objects[0]):
        return objects[0].left_edge.i, with_verb_modifiers(verb, objects[0])
    topic = [p for p in preps if p.lower_ in _TOPIC_PREPS.get(lemma, ())
             and any(c.dep_ in ("pobj", "pcomp") for c in p.children)]
    if topic and not objects:
        return topic[0].i + 1, topic[0].right_edge.i + 1
    if lemma in _CLAUSE_CUES and not objects:
        return rest_of_sentence(verb)
    return None


# verbs of saying that take a bare clause ("said legalizing it could put ..."), whose clause the
# parser sometimes hangs elsewhere
_CLAUSE_CUES = {"say", "add", "claim", "argue", "insist", "warn", "predict", "note", "suggest", "contend", "state",
                "explain", "acknowledge", "admit", "write", "tweet", "announce", "complain", "assert", "maintain",
                "stress", "emphasize", "emphasise", "concede", "reiterate", "declare", "allege"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def rest_of_sentence(verb) -> tuple[int, int] | None:
    """The words after the verb to the end of its sentence, when they start right after it
    and hold a finite verb of their own: a clause the parse failed to attach."""
    parsed = verb.doc
    start, end = verb.i + 1, verb.sent.end
    if start >= end or parsed[start].is_punct or parsed[start].text in QUOTE_MARKS:
        return None
    # a finite verb with a subject of its own; what follows opens a clause, not a phrase
    # ("tweeted as Obama spoke", "said when asked", "what Obama says and promises")
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if parsed[start].tag_ in ("IN", "CC", "WRB", "TO", "RB", "UH") or parsed[start].lower_ in ("yes", "no"):
        return None
    if not any(t.tag_ in _FINITE_TAGS for t in parsed[start + 1:end]):
        return None
    return start, end


# how far (tokens) a "that" may stand after its verb: "said earlier on Friday during a news
# conference that ..."
_THAT_WINDOW = 10


def that_clause_after(verb) -> tuple[int, int] | None:
    """"says in a statement that the race ..." when the parser hung the clause on the wrong
    word (on "statement", as a relative clause): a "that" a few words after the verb of
    saying, with no other verb before it, opens what was said, to the end of the sentence."""
    parsed = verb.doc
    sent_end = verb.sent.end
    for i in range(verb.i + 1, min(sent_end, verb.i + 1 + _THAT_WINDOW)):
        token = parsed[i]
        if token.lower_ == "that":
            if token.tag_ != "IN" and token.dep_ != "mark" or i + 1 >= sent_end:
                return None
            return i + 1, sent_end
        if token.pos_ == "VERB" or token.text in (".", ";", ":", "!", "?", "—", "–") or token.text in QUOTE_MARKS:
            return None
        if token.dep_ == "dobj" and token.head == verb and not addressee(token):
            return None  # "describing the plan as a buzz that voters ...": "that" opens a relative clause
    return None


_AUDIENCE_NOUNS = {"reporter", "journalist", "supporter", "audience", "crowd", "voter", "lawmaker", "member",
                   "colleague", "viewer", "listener", "reader", "donor", "student", "delegate", "official"}


def addressee(token) -> bool:
    """"told reporters that ...": the object of a verb of saying is a listener."""
    return token.pos_ == "PRON" or token.ent_type_ in ("PERSON", "ORG", "NORP") or token.lemma_.lower() in _AUDIENCE_NOUNS


def demand_clause(verb) -> tuple[int, int] | None:
    """"is calling for the United States to step up ...": the parser reads "for" as the mark
    of a clause, which is the demand."""
    parsed = verb.doc
    if verb.i + 2 >= len(parsed) or parsed[verb.i + 1].lower_ != "for" or parsed[verb.i + 1].dep_ != "mark":
        return None
    head = parsed[verb.i + 1].head
    if head.i <= verb.i + 1:
        return None
    return verb.i + 2, head.right_edge.i + 1


# what a verb of saying was about: "commented on the report", "responded to the remarks"
_TOPIC_PREPS = {"comment": ("on",), "respond": ("to",), "reply": ("to",), "ask": ("about", "for"),
                "complain": ("about",), "joke": ("about",), "boast": ("about",), "brag": ("about",),
                "talk": ("about",), "speak": ("about",), "testify": ("about",), "write": ("about",),
                "tweet": ("about",), "warn": ("about", "of", "against"), "argue": ("for", "against"),
                "plead": ("for",), "muse": ("about",), "lament": ("about",), "rail": ("against",)}


# verbs whose noun object is what was said: "announced the withdrawal of ...", "mentioned her
# granddaughter", "tweeted his thanks"
_OBJECT_CUES = {"announce", "mention", "note", "tweet", "disclose", "emphasize", "emphasise", "predict", "confirm",
                "deny", "reveal", "acknowledge", "admit", "claim", "recall", "stress", "propose", "demand",
                "promise", "pledge", "report", "repeat", "reiterate", "cite", "highlight", "decry", "express",
                "reaffirm", "declare", "cite", "bemoan", "tout", "hail", "deride", "chant", "question", "recount", "describe", "suggest", "concede", "blog", "proclaim",
                "allege", "insist", "vow"}


def with_verb_modifiers(verb, obj) -> int:
    """End of an object-content: "announced a series of steps to tighten gun sales" / "recalled
    Ali's generosity in support of a hunger program": phrases the parser hung on the verb
    after its object still describe what was announced (a channel is cut later)."""
    end = obj.right_edge.i + 1
    for child in verb.children:
        if child.i > obj.i and child.dep_ in ("prep", "xcomp", "advcl", "npadvmod", "acl") and not is_cue(child) \
                and not writers_circumstance(child):
            end = max(end, child.right_edge.i + 1)
    return end


def writers_circumstance(phrase) -> bool:
    """"according to a count by the AP", "just a day after ...", "because they were not
    authorized ...": the writer's source, timing or reason, not what was said."""
    first = phrase.left_edge
    words = {phrase.lower_, first.lower_} | {c.lower_ for c in phrase.children if c.dep_ in ("mark", "advmod")}
    return bool(words & {"according", "after", "since", "because", "while", "despite", "though", "although", "when"})


def is_content_object(obj) -> bool:
    """A noun phrase that can carry content: not a bare pronoun ("announced it")."""
    if obj.pos_ == "PRON" and obj.left_edge.i == obj.right_edge.i:
        return False
    return obj.right_edge.i - obj.left_edge.i >= 1 or obj.pos_ in ("NOUN", "PROPN")


def naming_or_demand(verb, objects, preps) -> tuple[int, int] | None:
    """"called Trump “unhinged”" (object and its predicate) / "called for a special prosecutor"."""
    if objects:
        predicates = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp") and c.i > objects[0].i]
        if predicates:
            return objects[0].left_edge.i, predicates[0].right_edge.i + 1
        return None
    demand = [p for p in preps if p.lower_ == "for"]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None  # "Texas was called for Cruz": a race declared, not a demand
    if demand and any(c.dep_ == "pobj" for c in demand[0].children):
        # "called for the former secretary of state to release ...": the demand goes on
        return demand[0].i + 1, with_verb_modifiers(verb, demand[0])
    return None


def quotation_after(verb) -> int | None:
    """The token that opens a quotation right after the verb's phrase (", “" / ": “"), if any."""
    parsed = verb.doc
    i = verb.right_edge.i + 1
    while i < len(parsed) and parsed[i].text in (",", ":", "—", "–"):
        i += 1
    return i if i < len(parsed) and parsed[i].text in "“\"" else None


def parenthetical(verb) -> bool:
    """A verb of saying set into the clause it reports ("..., he says, ...")."""
    return verb.dep_ == "parataxis" and verb.head != verb and \
        any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
        not any(c.dep_ in ("ccomp", "dobj") for c in verb.children)


# nouns of saying whose "of/about/for/on" phrase is what was said: "made no mention of Bush",
# "his call for a special prosecutor", "comments about voter fraud"
_NOMINAL_CUES = {"mention": ("of",), "comment": ("about", "on"), "call": ("for",), "announcement": ("of",),
                 "declaration": ("of",), "acknowledgement": ("of",), "acknowledgment": ("of",),
                 "remark": ("about", "on"), "criticism": ("of",), "denial": ("of",), "promise": ("of",),
                 "pledge": ("of",), "claim": ("of",), "warning": ("of", "about"), "praise": ("for",),
                 "defense": ("of",), "defence": ("of",)}


def nominal_speech(doc: Doc, noun, quotes: QuoteIndex) -> Quote | None:
    """"Trump's call for a ban" / "Clinton made no mention of Sanders": the noun's phrase is
    what was said, its possessor or the subject of the verb that governs it the speaker."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _NOMINAL_CUES[noun.lemma_.lower()]
             and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
    if not preps:
        return None
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        speaker = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or not (speaker.ent_type_ in ("PERSON", "ORG", "NORP") or speaker.lower_ in PRONOUN_GENDER):
        return None
    parsed = doc.parsed
    start, end = preps[0].i + 1, preps[0].right_edge.i + 1
    start, end = trim_content(parsed, start, end)
    if end <= start:
        return None
    s, e = parsed[start].idx, parsed[end - 1].idx + len(parsed[end - 1].text)
    return make_quote(doc, s, e, noun, direct=False, quotes=quotes, speaker_token=speaker,
                      cue=noun.text + " " + preps[0].text, cue_end=preps[0].idx + len(preps[0].text))


def within_paragraph(doc: Doc, verb, start: int, end: int) -> tuple[int, int]:
    """Indirect speech never runs past its verb's paragraph: the parser sometimes glues the
    quotation paragraph before it onto the sentence."""
    text = doc.text
    para_start = text.rfind("\n", 0, verb.idx) + 1
    para_end = text.find("\n", verb.idx)
    para_end = len(text) if para_end < 0 else para_end
    parsed = doc.parsed
    while start < end and parsed[start].idx < para_start:
        start += 1
    while end > start and parsed[end - 1].idx >= para_end:
        end -= 1
    return start, end


# words that carry a statement on past its attribution: "..., the Times said, including ..."
_CONTINUATIONS = {"including", "because", "especially", "particularly", "notably", "though", "although", "but"}


def continued_after_attribution(parsed, verb, end: int) -> int:
    """"The emails were on work-related topics, the Times said, including speeches and ...":
    a phrase hung on the verb after its comma, opening with "including"/"because"/"but", goes
    on with what was said; the content covers it (and the attribution between)."""
    i = verb.i + 1
    if i + 1 >= len(parsed) or parsed[i].text != "," or parsed[i + 1].lower_ not in _CONTINUATIONS:
        return end
    phrase = parsed[i + 1]
    while phrase.head != verb and phrase.head != phrase and phrase.head.i > i:
        phrase = phrase.head
    if phrase.head != verb or "\n" in text_of(parsed)[parsed[end - 1].idx:phrase.right_edge.idx]:
        return end
    return max(end, phrase.right_edge.i + 1)


def sentence_end(parsed, end: int) -> int:
    """The parser often ends a sentence at a closing quotation mark ("says there's a “long road
    ahead” but he feels ..."): a "sentence" that starts in lower case goes on with it."""
    text = text_of(parsed)
    while end < len(parsed):
        first = parsed[end]
        if not (first.is_alpha and first.is_lower) or "\n" in text[parsed[end - 1].idx:first.idx]:
            break
        if parsed[end - 1].text not in QUOTE_MARKS and parsed[end - 1].text not in ("’", "'"):
            break
        end = first.sent.end
    return end


def after_dateline(parsed, start: int, end: int) -> int:
    """Content never includes a dateline ("CAMBRIDGE, Mass., Dec. 11 (UPI) — ...")."""
    for i in range(start, min(end, start + 25)):
        if parsed[i].text in ("—", "–", "--") and parsed[start].text.isupper() and len(parsed[start].text) > 2:
            return i + 1
    return start


def with_determiner_before_quote(parsed, start: int, verb) -> int:
    """"noted that the “withdrawal ...”": the article outside the marks belongs to the content,
    which makes it a partial quote rather than a quotation."""
    mark = start - 1
    if mark > verb.i + 1 and parsed[mark].text in "“\"" and parsed[mark - 1].pos_ == "DET":
        return mark - 1
    return start


def trim_content(parsed, start: int, end: int) -> tuple[int, int]:
    while start < end and (parsed[start].is_punct or parsed[start].is_space
                           or parsed[start].lower_ in ("that", "and")):
        start += 1
    while end > start and (parsed[end - 1].is_punct and parsed[end - 1].text not in ("”", "\"", ")")
                           or parsed[end - 1].is_space or parsed[end - 1].lower_ in ("and", "but", "or")):
        end -= 1
    return start, end


def cut_at_next_cue(parsed, verb, start: int, end: int) -> int:
    """"... not combat units, adding: “We ...”": the content stops before the next verb of saying."""
    for i in range(max(start, verb.i + 1), end):
        token = parsed[i]
        if is_cue(token) and token.dep_ in _CUT_BEFORE_DEPS and i > start and parsed[i - 1].text in (",", ";", "—", "–"):
            return i - 1
        if second_predicate_of_speaker(token, verb):
            # "... and called ..." / "... but did not suggest ...": cut before the conjunction
            j = token.left_edge.i
            if j > start + 1 and parsed[j - 1].dep_ == "cc":
                return j - 1
        if another_speakers_clause(token, start) or contrasting_clause(token, start):
            return token.left_edge.i
        joint = second_attribution_after_comma(parsed, i, start)
        if joint is not None:
            return joint
        if trailing_participle(token, start, end):
            return i - 1
    return end


_SUBJECT_TAGS = {"NN", "NNS", "NNP", "NNPS", "CD", "JJ", "JJR", "JJS", "DT", "PRP", "PRP$", "POS", "IN", "HYPH", "$"}


def second_attribution_after_comma(parsed, i: int, start: int) -> int | None:
    """"they were worried about the economy, and more than 4 in 10 said Trump would be best":
    after a comma, a short subject and a finite verb of saying open a second attribution,
    whatever the parse made of it. Returns where the first content stops, or None."""
    verb = parsed[i]
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not is_speech_lemma(verb.lemma_):
        return None
    j = i - 1
    while j > start and i - j <= 7 and parsed[j].tag_ in _SUBJECT_TAGS and parsed[j].lower_ not in _RELATIVE:
        j -= 1
    if j == i - 1 or parsed[j].tag_ == "IN":
        return None  # no subject of its own ("..., said Smith") or one inside a phrase
    if parsed[j].dep_ == "cc" or parsed[j].tag_ == "CC":
        j -= 1
    if j <= start + 2 or parsed[j].text not in (",", ";"):
        return None
    return j


def contrasting_clause(token, start: int) -> bool:
    """"they prefer an outsider, while about 4 in 10 want ...": a "while"/"whereas" clause
    with its own subject after a comma is the writer's contrast."""
    if token.dep_ != "advcl" or token.left_edge.lower_ not in ("while", "whereas") or token.left_edge.i <= start + 2:
        return False
    before = token.doc[token.left_edge.i - 1]
    return before.text == "," and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def trailing_participle(token, start: int, end: int) -> bool:
    """"... in a general election, putting them ahead of ..." / "..., referring to the July
    convention": a participle clause after a comma that ends the content is the writer's gloss."""
    if token.tag_ != "VBG" or token.dep_ not in ("advcl", "xcomp") or token.i <= start + 3:
        return False
    before = token.doc[token.i - 2:token.i].text.replace(" ", "")
    if not (before.endswith(",") or before in (",”", ",\"", ",’")) or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    return token.right_edge.i >= end - 2


def another_speakers_clause(token, start: int) -> bool:
    """"accused Sanders of a “smear” while Sanders suggests ..." / "..., and more than 4 in 10
    said ...": a coordinated or adverbial clause with a verb of saying and its own subject is
    a second attribution, not more of the first one's content."""
    if not is_cue(token) or token.dep_ not in ("advcl", "conj") or token.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i and c.lower_ not in _RELATIVE for c in token.children):
        return False
    left = token.left_edge
    if token.dep_ == "advcl":
        # "while"/"whereas" contrast two speakers, "when"/"after" another one's report sets the
        # time; "until"/"if" clauses belong to the content
        if left.i <= start + 2:
            return False
        if left.lower_ in ("while", "whereas"):
            return True
        # a named reporter in a time clause is a second source ("after the AP reported ...");
        # a pronoun there is usually someone the content is about
        return left.lower_ in ("when", "after", "as", "before") and token.lemma_ not in ("speak", "talk") \
            and any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in token.children)
    before = token.doc[left.i - 1] if left.i > 0 else left
    return left.i > start + 2 and (before.dep_ == "cc" or before.text in (",", ";"))


def cut_trailing_channel(doc: Doc, start: int, end: int) -> int:
    """"his campaign doesn't want “that crap,” in an interview with CNN": where it was said
    is not part of what was said."""
    parsed = doc.parsed
    s, e = parsed[start].idx, parsed[end - 1].idx + len(parsed[end - 1].text)
    for match in CHANNEL.finditer(doc.text, s, e):
        if match.start() > s + 10 and e - match.end() <= 20:
            k = end
            while k > start and parsed[k - 1].idx >= match.start():
                k -= 1
            while k > start and (parsed[k - 1].is_punct and parsed[k - 1].text not in "”\""):
                k -= 1
            return k
    return end


def cleft(parsed, start: int) -> bool:
    """"it is the union leaders ... who insisted": the content is a cleft sentence."""
    return start + 1 < len(parsed) and parsed[start].lower_ == "it" and parsed[start + 1].lemma_ == "be"


def cut_trailing_aside(parsed, start: int, end: int) -> int:
    """"... a Cruz win in Texas, which votes on March 1" / "... repeal the Hyde Amendment, a
    longstanding federal provision that ...": a relative clause or an apposition set off by a
    comma at the end of indirect speech is the writer's aside, not part of what was said."""
    for i in range(start + 3, end - 2):
        if parsed[i].text != ",":
            continue
        clause = trailing_relative_clause(parsed, i, end)
        if clause is not None:
            # "it's the leaders, ..., who insisted": a cleft's relative clause is the statement itself;
            # an aside with commas of its own may carry the content on
            if clause.head.dep_ != "attr" and not cleft(parsed, start) \
                    and not any(t.text == "," for t in parsed[i + 2:end]):
                return i
        elif trailing_apposition(parsed, i, end):
            return i
    return end


def trailing_relative_clause(parsed, comma: int, end: int):
    """The relative clause opening after ``comma`` ("which"/"who"/"where") and running to
    ``end``, attached to a word before the comma."""
    if parsed[comma + 1].lower_ not in ("which", "who", "whom", "whose", "where"):
        return None
    clause = parsed[comma + 1]
    while clause.dep_ != "relcl" and clause.head != clause and clause.head.i > comma:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.i >= comma or clause.right_edge.i < end - 2:
        return None
    return clause


def trailing_apposition(parsed, comma: int, end: int) -> bool:
    """", a longstanding federal provision that ..." after a name: the writer's gloss on it."""
    first = parsed[comma + 1]
    if first.lower_ not in ("a", "an", "the") or first.head.dep_ != "appos":
        return False
    noun = first.head
    if any(c.dep_ == "conj" for c in noun.children):
        return False  # "on Israel, the Iranian deal and ...": a list, not a gloss
    return noun.head.i < comma and noun.head.pos_ == "PROPN" and noun.right_edge.i >= end - 2


_REPORTED_MODALS = {"would", "could", "might", "should", "will", "can", "may", "must"}


def reported_conjunct(token, verb, comp) -> bool:
    """"said he was rooting for Manning but would now root for Carolina": a verb the parser
    coordinated with the verb of saying, but in the reported clause's mood (a modal, or the
    present after a past "said") and with no subject of its own, goes on with what was said."""
    if token.dep_ != "conj" or token.i < comp.right_edge.i or token.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) or is_cue(token):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _REPORTED_MODALS for c in token.children):
        return True
    return verb.tag_ == "VBD" and token.tag_ in ("VBZ", "VBP")


def reported_coordinate_clause(token, verb, comp) -> bool:
    """"said that the government tried to put me away, but a federal judge refused to let them":
    a clause with its own subject, joined to the verb of saying after the reported clause
    with ", but" / ", and", goes on with what was said."""
    if token.dep_ != "conj" or token.i < comp.right_edge.i or token.pos_ not in ("VERB", "AUX") or is_cue(token):
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i]
    if not subjects:
        return False
    parsed = token.doc
    left = subjects[0].left_edge.i
    joiners = parsed[comp.right_edge.i + 1:left]
    # "says there's a “long road ahead” but he feels confident ...": the speaker's own "he"
    # carries the report on without a comma
    own_pronoun = subjects[0].lower_ in ("he", "she", "they", "we", "i") and not is_cue(token)
    return any(t.dep_ == "cc" for t in joiners) and (any(t.text == "," for t in joiners) or own_pronoun) \
        and len(joiners) <= 4


def second_predicate_of_speaker(token, verb) -> bool:
    """"said he found Trump “very charming” and called his standing ...": a coordinated verb
    of saying with no subject of its own is the speaker's next act (the parser hangs it on
    the reported clause); any other verb in the same tense ("she was tired and wanted ...")
    usually goes on with what was said."""
    if token.dep_ != "conj" or token.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    if token.tag_ in ("VBD", "VBZ"):
        return is_cue(token)
    if token.tag_ == "VB":
        # "... but did not suggest ...": do-support in the verb of saying's own tense
        support = {"VBD": ("did",), "VBZ": ("does",), "VBP": ("do",)}.get(verb.tag_, ())
        return any(c.dep_ == "aux" and c.lower_ in support for c in token.children)
    if token.tag_ == "VBG" and verb.tag_ == "VBG":
        return True  # "calling Trump a “faker” and questioning how ..."
    # "... and has called ...": the perfect of the speaker's next act; "... and is being
    # conducted by ..." (a passive) goes on with what was said
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children) \
        and not any(c.dep_ == "auxpass" for c in token.children)


def _quoted_share(quotes: QuoteIndex, s: int, e: int) -> float:
    covered = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quotes.spans if qs < e and s < qe)
    return covered / max(1, e - s)


def dangling(token) -> bool:
    """"He crossed the border 30 years ago after, according to him, ...": words that stop on a
    preposition or a conjunction are cut off by the source phrase; the claim is after it."""
    return token.tag_ in ("IN", "CC", "DT", "TO", "WDT", "WRB") and token.lower_ not in ("that",)


def demonstrative_claim(parsed, lo: int, according: int) -> bool:
    """"That's according to ..." / "This is according to ...": a sentence that only sources
    the claim before it."""
    words = [t.lower_ for t in parsed[lo:according]]
    return len(words) == 2 and words[0] in ("that", "this") and words[1] in ("’s", "'s", "is", "was")


def according_to(doc: Doc, token, quotes: QuoteIndex) -> Quote | None:
    """"According to X, Y" / "Y, according to X": the rest of the sentence is what X said."""
    parsed = doc.parsed
    sent = token.sent
    phrase_end = token.right_edge.i + 1
    if phrase_end <= token.i + 2:
        return None
    text = doc.text
    para_start = text.rfind("\n", 0, token.idx) + 1
    para_end = text.find("\n", token.idx)
    para_end = len(text) if para_end < 0 else para_end
    lo = sent.start
    while lo < token.i and parsed[lo].idx < para_start:
        lo += 1
    # "... financial firms: London was ..., according to one index": the claim starts after a colon
    colons = [t.i for t in parsed[lo:token.i] if t.text == ":"]
    if colons:
        lo = colons[-1] + 1
    hi = sent.end
    while hi > phrase_end and parsed[hi - 1].idx >= para_end:
        hi -= 1
    before = trim_content(parsed, lo, token.i)
    after = trim_content(parsed, phrase_end, hi)
    # "Y, according to X" reports what comes before; "According to X, Y" what comes after
    if before[1] - before[0] >= 4 and not dangling(parsed[before[1] - 1]):
        start, end = before
    elif demonstrative_claim(parsed, lo, token.i):
        # "That's according to fundraising reports": the "that" stands for the sentence before
        start, end = lo, lo + 1
    else:
        start, end = after
    if end - start < 4 and not demonstrative_claim(parsed, lo, token.i):
        return None
    start = after_dateline(parsed, start, end)
    s, e = parsed[start].idx, parsed[end - 1].idx + len(parsed[end - 1].text)
    if _quoted_share(quotes, s, e) > 0.6:
        return None
    to = parsed[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    speaker = objects[0] if objects else None
    if speaker is not None and speaker.lemma_.lower() in CONFORMITY_NOUNS:
        return None  # "according to the agreement": in line with it, not said by it
    return make_quote(doc, s, e, token, direct=False, quotes=quotes, speaker_token=speaker,
                      cue="according to", cue_end=to.idx + len(to.text))


# --- direct quotations -------------------------------------------------------------------

def direct_quote(doc: Doc, span: tuple[int, int], quotes: QuoteIndex, found: list[Quote]) -> Quote | None:
    s, e = span
    content = doc.text[s:e]
    words = word_count(content)
    if words == 0:
        return None
    after = cue_after(doc, span)
    if looks_like_title(content) and not one_word_answer(doc, span, after):
        return None
    verb = after or cue_before(doc, span) or cue_in_colon_paragraph(doc, span)
    if verb is not None and after is None and second_half(doc, span, verb[0], found):
        return None
    if verb is not None:
        token, speaker = verb
        if words < 2 and (speaker == "according" or partial_quote_lead(doc, token, s) is None) \
                and not one_word_answer(doc, span, after):
            return None  # a one-word quotation stands alone only inside what its verb reports
        if speaker == "according":
            to = doc.parsed[token.i + 1]
            pobj = [c for c in to.children if c.dep_ == "pobj"]
            return make_quote(doc, s, e, token, direct=True, quotes=quotes, speaker_token=pobj[0] if pobj else None,
                              cue="according to", cue_end=to.idx + len(to.text))
        lead = partial_quote_lead(doc, token, s)
        if lead is not None:
            # "claiming victory in the so-called “governor's bracket”": the quotation is
            # part of what the verb reports, which starts at its object or after its "that"
            return make_quote(doc, lead, partial_quote_end(doc, token, e), token, direct=False, quotes=quotes)
        return make_quote(doc, s, e, token, direct=True, quotes=quotes)
    quoted_object = quoted_in_object(doc, span)
    if quoted_object is not None:
        verb, cs, ce = quoted_object
        return make_quote(doc, cs, ce, verb, direct=cs >= s - 1, quotes=quotes)
    if words < 4:
        return None  # a scare quote or a title, not speech
    previous = continued_speaker(doc, span, found)
    if previous is not None and continues_in_paragraph(doc, previous, span) and joins_closely(previous, span):
        # "“A,” X said. “B.”": one statement interrupted by its attribution; the quote
        # covers both parts (and the attribution between them)
        previous.end = e
        previous.text = doc.text[previous.start:e]
        return None
    if previous is not None:
        shared_cue = attributed_between(doc, previous, s)
        return Quote(speaker=previous.speaker, text=content, direct=True, start=s, end=e,
                     speaker_name=previous.speaker_name, cue=previous.cue if shared_cue else None, channel=None,
                     speaker_span=previous.speaker_span, cue_span=previous.cue_span if shared_cue else None)
    if words >= 8 and starts_sentence(doc.text, s):
        return Quote(speaker=None, text=content, direct=True, start=s, end=e)
    return None


def one_word_answer(doc: Doc, span: tuple[int, int], after) -> bool:
    """"“Denver,” he answered." / "“Really?” she asked.": a one-word quotation that opens its
    sentence and closes with its own comma or mark, attributed right after, was said."""
    s, e = span
    return after is not None and doc.text[e - 1:e] in ",?!" and starts_sentence(doc.text, s)


def second_half(doc: Doc, span: tuple[int, int], verb, found: list[Quote]) -> bool:
    """"“It is a good day for the country,” she said, “and a good day for ...”": the verb before
    this quotation attributed the quotation before it; both halves are one quote, which
    grows to cover this one."""
    s, e = span
    for previous in found:
        cue = previous.cue_span
        if cue is None or cue.start != verb.idx or not previous.direct or not previous.end <= cue.start < s:
            continue
        between = doc.text[previous.end:s]
        if "\n" in between or word_count(between) > 12 or re.search(r"[.!?]\s", doc.text[cue.end:s]):
            continue
        if not joins_closely(previous, span):
            continue
        previous.end = e
        previous.text = doc.text[previous.start:e]
        return True
    return False


def joins_closely(previous: Quote, span: tuple[int, int]) -> bool:
    """Two quotations read as one quote only when the words between them (the attribution and
    the writer's asides) are no longer than the quoted words: a quote that is mostly the
    writer's prose is not what the speaker said."""
    return span[0] - previous.end <= (previous.end - previous.start) + (span[1] - span[0])


def partial_quote_end(doc: Doc, verb, e: int) -> int:
    """A partial quote's content runs on to the end of the verb's complement when the parse
    has one past the quotation ("that waterboarding is “peanuts,” compared to ...")."""
    found = complement_span(verb)
    if found is None:
        return e
    parsed = doc.parsed
    start, end = found
    end = min(end, verb.sent.end)
    end = cut_at_next_cue(parsed, verb, start, end)
    start, end = trim_content(parsed, start, end)
    if end <= start:
        return e
    last = parsed[end - 1]
    return max(e, last.idx + len(last.text)) if "\n" not in doc.text[e:last.idx] else e


def partial_quote_lead(doc: Doc, verb, s: int) -> int | None:
    """Where the reported content starts when a verb before a quotation does not introduce it
    directly ("told a town hall that waterboarding is “peanuts”", "claiming victory in the
    so-called “...”"): after the last "that" between them, else at the verb's object."""
    text = doc.text
    open_mark = s - 1
    if verb.idx >= open_mark or text[:open_mark].rstrip()[-1:] in (",", ":", "—", "–"):
        return None
    between = [t for t in doc.parsed[verb.i + 1:] if t.idx < open_mark]
    if not between:
        return None
    thats = [t for t in between if t.lower_ == "that" and (t.dep_ == "mark" or t.tag_ == "IN")]
    if thats:
        # the "that" belongs to the reported clause, as in indirect speech
        first = thats[-1].i + 1
        return thats[-1].idx if doc.parsed[first].idx < open_mark else None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.idx < open_mark and not addressee(c)]
    if objects:
        return objects[0].left_edge.idx
    # "calling Trump “an orange buffoon”", "reported on Wednesday the Secret Service had “...”":
    # the verb's complement that holds the quotation, with the object named before it
    holder = quotation_holder(doc, verb, s)
    if holder is not None and holder.dep_ in ("ccomp", "xcomp", "oprd", "attr", "dobj"):
        named = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < holder.i]
        lead = min([holder.left_edge] + [c.left_edge for c in named], key=lambda t: t.i)
        if lead.idx < open_mark and lead.i > verb.i:
            return lead.idx
    return None


def quotation_holder(doc: Doc, verb, s: int):
    """The verb's child whose phrase contains the quotation that starts at ``s``."""
    inside = doc.parsed.char_span(s, s + 1, alignment_mode="expand")
    if inside is None or not len(inside):
        return None
    token = inside[0]
    for _ in range(8):
        if token.head == verb:
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def continues_in_paragraph(doc: Doc, previous: Quote, span: tuple[int, int]) -> bool:
    """The quotation carries on the previous quote's statement in the same paragraph: only
    its own attribution (",” Smith told CBS on Monday.") or nothing stands between them."""
    between = doc.text[previous.end:span[0]]
    if len(between) > 220:
        return False
    if "\n" in between:
        return continues_in_next_paragraph(doc, previous, span)
    cue = previous.cue_span
    if word_count(between) == 0:
        return True
    return cue is not None and previous.end <= cue.start < span[0] and not prose_after_attribution(between)


def prose_after_attribution(between: str) -> bool:
    """",” said Dan Roe when asked. A Texas voter, Roe lost his son ... “": a sentence of the
    writer's own after the attribution ends the statement; the next quotation is another one."""
    ends = list(re.finditer(r"[.!?]\s+(?=[A-Z])", between))
    return bool(ends) and word_count(between[ends[0].end():]) > 0


def continues_in_next_paragraph(doc: Doc, previous: Quote, span: tuple[int, int]) -> bool:
    """A paragraph that is nothing but a quotation, right after a paragraph that ended with
    a direct quote (and its attribution), goes on with that statement."""
    text = doc.text
    s, e = span
    para_start = text.rfind("\n", 0, s) + 1
    para_end = text.find("\n", e)
    para_end = len(text) if para_end < 0 else para_end
    if text[para_start:s - 1].strip() or text[e + 1:para_end].strip(" .”\"\t"):
        return False
    between = text[previous.end:para_start]
    if between.count("\n") > 2 or not previous.direct:
        return False
    tail = between.split("\n")[0]
    cue = previous.cue_span
    return word_count(tail) == 0 or (cue is not None and previous.end <= cue.start < para_start and word_count(tail) <= 12)


_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs"}


_OBJECT_PATH = {"dobj", "pobj", "prep", "attr", "oprd", "dative", "appos", "conj", "amod", "compound", "nmod"}
_SPEAKING_SUBJECTS = {"PERSON", "ORG", "NORP"}


def quoted_in_object(doc: Doc, span: tuple[int, int]):
    """"derided “the professional left” in press conferences" / "refers to the governor as
    “Chris.”": someone's words quoted in the object of what a named person did. Returns
    (verb, start, end) of the object phrase that holds the quotation."""
    s, e = span
    first = doc.parsed.char_span(s, e, alignment_mode="expand")
    if first is None or not len(first):
        return None
    token = first.root
    path = token
    for _ in range(5):
        if path.head == path or path.dep_ not in _OBJECT_PATH:
            return None
        parent = path.head
        if parent.pos_ == "VERB":
            break
        path = parent
    else:
        return None
    verb = parent
    if path.i < verb.i or verb.i >= first.start and verb.i < first.end:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ in _SPEAKING_SUBJECTS or subject.lower_ in PRONOUN_GENDER
                               or subject.lower_ == "they"):
        return None
    # the object phrase starts with the verb's first complement ("refers to the governor as ...")
    complements = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "dative", "prep", "attr", "oprd")]
    start_tok = min((c.left_edge for c in complements), key=lambda t: t.i, default=path.left_edge)
    end_char = max(e, path.right_edge.idx + len(path.right_edge.text))
    cs = start_tok.idx
    if doc.text[cs:cs + 1] in QUOTE_MARKS:
        cs += 1
    end_char = min(end_char, verb.sent.end_char)
    while end_char > cs and doc.text[end_char - 1] in " .,;:":
        end_char -= 1
    return verb, cs, end_char


def looks_like_title(content: str) -> bool:
    """“State of the Union”, “Morning Joe”: a few capitalised words with no sentence in
    them name a show, a book or a slogan, not something said."""
    words = re.findall(r"[\w’'-]+", content)
    if not 1 <= len(words) <= 6 or re.search(r"[.!?](?:\W*$|\s)", content.strip()):
        return False
    capitalised = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    if not capitalised or words[0].lower() in ("i", "we", "you"):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() for w in capitalised)


def starts_sentence(text: str, s: int) -> bool:
    before = text[max(0, s - 4):s - 1].rstrip(" “\"")
    return not before or before[-1] in ".!?:\n" or text[s - 1:s] in "“\"" and (s < 2 or text[s - 2] in "\n")


def _tokens_between(parsed, a: int, b: int):
    span = parsed.char_span(a, b, alignment_mode="expand")
    return list(span) if span is not None else []


def written_words(token) -> bool:
    """"“America is great!” read one banner" / "the sign reads “Hispanics 4 Trump”": next to a
    quotation, "read" gives the words of a sign, a message or a letter."""
    # the parser reads the inverted ",” read one banner" as an imperative with an object
    return token.lemma_.lower() == "read" and token.pos_ == "VERB" and token.tag_ in ("VB", "VBD", "VBZ", "VBP")


def cue_after(doc: Doc, span: tuple[int, int]):
    """",” he said." / ",” said Smith, the ..." / ",” Smith told reporters" / ".” Trump said."."""
    text = doc.text
    s, e = span
    content = text[s:e].rstrip("’'\" ")  # ",’”": the nested quote closes first
    tail = content[-1:] if content else ""
    after = text[e + 1:e + 3].lstrip()
    ended = tail in ".:" and not after[:1].islower()
    if not (tail in ",?!—–-…" or after[:1].islower() or ended):
        return None
    close = e + 1
    limit = text.find("\n", close)
    limit = len(text) if limit < 0 else limit
    parsed = doc.parsed
    tokens = _tokens_between(parsed, close, min(limit, close + 200))
    if ended:
        return short_attribution_sentence(tokens)
    if tail not in ",?!—–-…" and sentence_goes_on(tokens):
        return None
    for k, token in enumerate(tokens[:_MAX_GAP_AFTER]):
        if token.text in (".", "!", "?") or token.text in "“\"" and k > 0:
            break
        if is_cue(token) or is_phrasal_cue(token) or mistagged_cue(token, k) or written_words(token):
            return token, None
    return cue_of_subject_after(tokens) or manner_of_speaking_after(tokens)


def sentence_goes_on(tokens) -> bool:
    """"calling Obama an “ignorant baboon” and tweeting a photo": a quotation closed with no
    punctuation of its own, followed by a conjunction or a preposition, sits inside the
    writer's sentence; a verb further on is not its attribution (",” he said" needs none)."""
    first = next((t for t in tokens[:2] if not t.is_space and t.text not in QUOTE_MARKS), None)
    return first is not None and (first.pos_ in ("CCONJ", "ADP", "SCONJ", "PART") or first.tag_ in ("IN", "TO", "CC"))


def mistagged_that_clause(doc: Doc, token, quotes: QuoteIndex) -> Quote | None:
    """"Trump predicts that ...", with "predicts" tagged a plural noun: the name before it
    said what follows "that", to the end of the sentence."""
    parsed = doc.parsed
    start, end = token.i + 2, token.sent.end
    start, end = trim_content(parsed, start, end)
    if end - start < 3:
        return None
    s, e = parsed[start].idx, parsed[end - 1].idx + len(parsed[end - 1].text)
    return make_quote(doc, s, e, token, direct=False, quotes=quotes, speaker_token=parsed[token.i - 1])


def mistagged_cue(token, k: int) -> bool:
    """",” Bozell answers.": a verb of saying right after a name, which the tagger read as a
    plural noun."""
    if k > 4 or token.pos_ not in ("NOUN", "PROPN") or not token.lower_.endswith("s") or token.i == 0:
        return False
    word = token.lower_
    stems = {word[:-1], word[:-2]} | ({word[:-3] + "y"} if word.endswith("ies") else set())
    if not any(is_speech_lemma(stem) for stem in stems if stem):
        return False
    before = token.doc[token.i - 1]
    return before.pos_ == "PROPN" or before.ent_type_ == "PERSON" or before.lower_ in _SPEAKER_PRONOUNS \
        or before.text[:1].isupper() and before.is_alpha and before.lower_ not in ("the", "a", "an", "this", "these")


_SPEAKER_PRONOUNS = {"he", "she", "they", "i", "we"}


def is_speaking_subject(token, verb) -> bool:
    """The verb's subject names someone: a person, a pronoun, or a capitalised name the
    tagger missed ("Trump" tagged a verb)."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head != verb:
        return False
    return token.ent_type_ in ("PERSON", "") and token.text[:1].isupper() or token.lower_ in _SPEAKER_PRONOUNS


def manner_of_speaking_after(tokens):
    """",” beamed Donald Hartley" / ",” Trump shot back": right after a quotation, a verb
    next to its person is a way of saying it, whatever the verb (beam, boom, snap back, ...)."""
    words = [t for t in tokens[:6] if not t.is_punct and not t.is_space]
    if len(words) < 2:
        return None
    first = words[0]
    if first.pos_ == "VERB" and first.tag_ in ("VBD", "VBZ"):
        # inverted: "beamed Donald Hartley"
        if any(is_speaking_subject(w, first) for w in words[1:4]):
            return first, None
        return None
    for verb in words[1:4]:
        if verb.tag_ in ("VBD", "VBZ") and verb.pos_ == "VERB":
            if all(w.ent_iob_ == "I" or w.pos_ == "PROPN" or w.dep_ == "compound" or is_speaking_subject(w, verb)
                   for w in words[:words.index(verb)]) and any(is_speaking_subject(w, verb) for w in words[:words.index(verb)]):
                return verb, None
            return None
    return None


def short_attribution_sentence(tokens):
    """".” Trump said." - a sentence that is nothing but an attribution attributes the
    quotation before it, although the quotation ended with its own full stop."""
    for k, token in enumerate(tokens[:8]):
        if token.text in (".", "!", "?"):
            return None
        if is_cue(token):
            rest = tokens[k + 1:k + 6]
            stop = next((j for j, t in enumerate(rest) if t.text in (".", "!", "?")), None)
            if stop is None or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in token.children):
                return None
            return token, None
    return None


def cue_of_subject_after(tokens):
    """",” Trump, the 2016 GOP frontrunner nationally and polling leader, said": the name
    right after the quotation is the subject of a verb of saying further on."""
    first = next((t for t in tokens[:3] if not t.is_punct and not t.is_space), None)
    if first is None or first.pos_ not in ("PROPN", "PRON", "NOUN", "DET"):
        return None
    token = first
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass"):
            verb = token.head
            if is_cue(verb) and verb.i - first.i <= 40 and verb.sent == first.sent:
                return verb, None
            return None
        if token.head == token:
            return None
        token = token.head
    return None


def cue_before(doc: Doc, span: tuple[int, int]):
    """"adding: “...”" / "saying, “...”" / "said in a statement that “...”"."""
    text = doc.text
    s, _ = span
    open_mark = s - 1
    line_start = text.rfind("\n", 0, open_mark) + 1
    parsed = doc.parsed
    tokens = _tokens_between(parsed, max(line_start, open_mark - 250), open_mark)
    tokens = [t for t in tokens if t.idx + len(t.text) <= open_mark]
    for gap, token in enumerate(reversed(tokens[-_MAX_GAP_BEFORE:])):
        if token.text in (".", "!", "?", "”") or (token.text == "\"" and gap > 0):
            break
        if token.lower_ == "according" and token.i + 1 < len(parsed) and parsed[token.i + 1].lower_ == "to":
            return token, "according"
        if is_cue(token) or written_words(token) and open_mark - (token.idx + len(token.text)) <= 3:
            between = text[token.idx + len(token.text):open_mark]
            words = word_count(between)
            # the verb must introduce the quotation, not a clause that ends before it
            if re.search(r"[.!?]\s", between):
                continue
            # "is telling supporters after his victory in the primary that “...”": a "that"
            # right before the quotation ties it to its verb across a longer gap
            if words <= 10 or words <= 18 and re.search(r"\bthat\s*$", between):
                return token, None
    return verb_before_colon(tokens, text, open_mark)


def person_next_to_cue(doc: Doc, verb, s: int, e: int):
    """The speaker of a direct quotation found by position when the parse failed: the first
    name or pronoun between the quotation and a verb after it (",” Brent Bozell III, founder
    of ..., tells"), the name right after an inverted verb (",” said Smith"), or the last name
    before a verb that introduces the quotation ("her adviser, Jake Sullivan, said: “...”")."""
    parsed = doc.parsed
    sent = verb.sent
    if verb.idx >= e:
        window = [t for t in parsed[sent.start:verb.i] if t.idx >= e]
        after = [t for t in parsed[verb.i + 1:min(sent.end, verb.i + 5)]]
        for token in window + after:
            if token.ent_type_ == "PERSON" or token.lower_ in _SPEAKER_PRONOUNS:
                return last_of_name(token)
        for token in window:
            if token.pos_ == "PROPN" and token.text[:1].isupper():
                return last_of_name(token)
        return None
    window = [t for t in parsed[sent.start:verb.i] if not (s - 1 <= t.idx < e + 1)]
    for token in reversed(window):
        if token.ent_type_ == "PERSON" or token.lower_ in _SPEAKER_PRONOUNS:
            return token
    return None


def last_of_name(token):
    """The last word of the name a token starts ("Brent" -> "III")."""
    parsed = token.doc
    i = token.i
    while i + 1 < len(parsed) and parsed[i + 1].ent_iob_ == "I" and token.ent_type_:
        i += 1
    while not token.ent_type_ and i + 1 < len(parsed) and parsed[i + 1].pos_ == "PROPN" and parsed[i + 1].text[:1].isupper():
        i += 1
    return parsed[i]


def governing_person(verb):
    """"Trump ... leaned in and boomed: ...": when the parse gives the verb no subject, the
    person or pronoun that is the subject of a verb governing it."""
    subject = clause_subject(verb) or subject_of_clause_before(verb)
    if subject is None or subject.sent != verb.sent:
        return None
    # the small model often tags a surname alone as a place ("Kasich" GPE): any proper name will do
    if subject.ent_type_ == "PERSON" or subject.lower_ in _SPEAKER_PRONOUNS or subject.pos_ == "PROPN" \
            and subject.ent_type_ in ("", "GPE", "ORG", "NORP"):
        return subject
    return None


def subject_of_clause_before(verb):
    """"Kasich offered the man a job, then says he'll welcome advice": the parser made the
    first clause the complement of the second; its subject is the one who says."""
    for child in verb.children:
        if child.i < verb.i and child.dep_ in ("ccomp", "conj"):
            subjects = [c for c in child.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects[0]
    return None


def clause_subject(token):
    """The subject of the nearest governing verb that has one ("Trump ... leaned in and boomed")."""
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if token.head == token:
            return None
        token = token.head
    return None


def verb_before_colon(tokens, text: str, open_mark: int):
    """"Trump leaned in and boomed: “Let's defeat her.”": a quotation after a colon belongs to
    the last verb before it whose subject is a person, whatever the verb."""
    if not text[:open_mark].rstrip().endswith(":"):
        return None
    for token in reversed(tokens[-_MAX_GAP_BEFORE:]):
        if token.text in (".", "!", "?", "”", "\""):
            return None
        if token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBP", "VBG"):
            subject = subject_of(token) or clause_subject(token)
            if subject is not None and (subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.lower_ in _SPEAKER_PRONOUNS
                                        or subject.pos_ == "PROPN" and subject.ent_type_ == ""):
                return token, None
            return None
    return None


def cue_in_colon_paragraph(doc: Doc, span: tuple[int, int]):
    """A quotation paragraph after "Breitbart News responded:" belongs to that verb."""
    text = doc.text
    s, _ = span
    para_start = text.rfind("\n", 0, s - 1)
    if para_start < 0 or text[para_start + 1:s - 1].strip():
        return None
    previous = text[:para_start].rstrip()
    if not previous.endswith(":"):
        return None
    line_start = previous.rfind("\n") + 1
    tokens = _tokens_between(doc.parsed, line_start, len(previous))
    last_sentence = []
    for token in reversed(tokens):
        if token.text in (".", "!", "?"):
            break
        if is_cue(token):
            return token, None
        last_sentence.append(token)
    # "President Clinton released the following statement:" - the sentence that announces
    # the quotation names its speaker even without a verb of saying
    for token in reversed(last_sentence):
        if token.pos_ == "VERB" and any(c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG") or c.lower_ in _SPEAKER_PRONOUNS)
                                        for c in token.children):
            return token, None
    return None


def attributed_between(doc: Doc, quote: Quote, s: int) -> bool:
    """"Yet he is a “change agent,” Cole said. “That's exactly ...”": the verb that
    attributed the indirect speech stands right before the quotation, in its paragraph."""
    cue = quote.cue_span
    return cue is not None and quote.end <= cue.start < s and "\n" not in doc.text[quote.end:s]


def continued_speaker(doc: Doc, span: tuple[int, int], found: list[Quote]) -> Quote | None:
    """A quotation with no verb of its own that follows another speaker's quote closely."""
    s, _ = span
    earlier = [q for q in found if q.end <= s and s - q.end <= 400 and (q.direct or attributed_between(doc, q, s))]
    if not earlier:
        return None
    last = max(earlier, key=lambda q: q.end)
    between = doc.text[last.end:s]
    if between.count("\n\n") > 1 or any(qs < s and qs > last.end and not looks_like_title(doc.text[qs:qe])
                                          for qs, qe in doc.user_data.get("quote_spans", [])):
        return None
    return last if last.speaker or last.speaker_name else None


# --- speaker, cue, channel ---------------------------------------------------------------------

def subject_of(verb):
    """The verb's subject; for "adding"/"saying" and relative clauses, the clause's subject."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not own and verb.tag_ == "VBG":
        # "said that ..., adding: ..." : the participle shares the subject of the verb it extends
        for ancestor in verb.ancestors:
            if is_cue(ancestor):
                subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "expl"]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in _RELATIVE and token.dep_ == "relcl":
                return token.head
            if subject.dep_ == "nsubjpass" and subject.lower_ == "it":
                return None
            return subject
        if token.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl") and token.head != token:
            if token.dep_ == "relcl":
                return token.head
            token = token.head
            if token.dep_ == "prep" and token.head != token and token.head.pos_ in ("VERB", "AUX"):
                token = token.head  # "After saying he was nervous, the man ...": the clause's subject
            continue
        break
    # "said Smith": an inverted subject is sometimes parsed as an object
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.ent_type_ == "PERSON" and c.i > verb.i]
    return objects[0] if objects else None


_NOT_SPEAKER_ENTS = {"TIME", "DATE", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "MONEY"}


def misparsed_subject(doc: Doc, subject, verb) -> bool:
    """A live blog's "12:15 p.m." or a dateline's "CLEVELAND" glued onto the sentence by the
    parser is no speaker; nor is anything from another paragraph. "The 56-year-old" is tagged
    a date, but when coreference made it a mention of a person it is that person."""
    if subject.ent_type_ in _NOT_SPEAKER_ENTS and not poll_share(subject, verb) \
            and not described_person(doc, subject):
        return True
    if subject.text.isupper() and len(subject.text) > 3 and subject.ent_type_ in ("GPE", "LOC", ""):
        return True
    lo, hi = sorted((subject.idx, verb.idx))
    return "\n" in doc.text[lo:hi]


def misparsed_person_subject(doc: Doc, verb):
    """"The 49-year-old said": parsed as a modifier of the verb, not its subject; a left child
    right before the verb that coreference made a mention of a person is the speaker."""
    for child in verb.lefts:
        if child.i == verb.i - 1 and child.dep_ in ("amod", "npadvmod", "dep") and described_person(doc, child):
            return child
    return None


def described_person(doc: Doc, subject) -> bool:
    entity = doc.entity_at(subject.idx, subject.idx + len(subject.text))
    return entity is not None and entity.type == "PERSON" and subject.ent_type_ == "DATE"


def poll_share(subject, verb) -> bool:
    """"Twenty-four percent said ..." / "Six in 10 say ...": a share of those polled is the
    verb's real subject, although the parser tags it a number."""
    return subject.ent_type_ in ("PERCENT", "CARDINAL") and subject.dep_ in ("nsubj", "nsubjpass") \
        and subject.head == verb and subject.sent == verb.sent


def named_subject_before(doc: Doc, verb):
    """The last person or organisation named in the verb's paragraph before it."""
    para_start = doc.text.rfind("\n", 0, verb.idx) + 1
    best = None
    for token in doc.parsed[verb.sent.start:verb.i] if verb.sent.start_char >= para_start else \
            doc.parsed.char_span(para_start, verb.idx, alignment_mode="contract") or []:
        if token.idx >= para_start and token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ in ("B", "I"):
            best = token
    return best


def relative_subject(verb):
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE), None)


# how far back (characters) a pronoun speaker may look for its person when coreference left it
_SALIENCE_WINDOW = 2500


def salient_person(doc: Doc, pronoun, quotes: QuoteIndex):
    """The person a "he"/"she" speaker most likely is when coreference left the pronoun
    alone: the last person of that gender mentioned before it (outside quotations), within
    a few paragraphs."""
    gender = PRONOUN_GENDER[pronoun.lower_]
    clusters = doc.user_data.get("entity_clusters") or []
    best = None
    for cluster in clusters:
        if cluster.type != "PERSON" or cluster.gender not in (None, gender):
            continue
        last = max((m.start for m in cluster.mentions if m.start < pronoun.idx and m.kind != "pronoun"
                    and not quotes.inside(m.start)), default=-1)
        if last >= 0 and pronoun.idx - last <= _SALIENCE_WINDOW and (best is None or last > best[0]):
            best = (last, cluster)
    if best is None:
        return None
    return doc.article.entity(best[1].id)


_ROLE_CONTEXT = 80


def role_antecedent(doc: Doc, noun, quotes: QuoteIndex):
    """"the spokesman told reporters": the nearest person named before with that role, in
    their titles or right beside a mention ("Iraq's military spokesman, Maj. Gen. X")."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    word = noun.lower_
    text = doc.text
    best = None
    for entity in doc.article.entities:
        if entity.type != "PERSON":
            continue
        titled = word in " ".join(entity.titles + entity.roles).lower()
        for m in entity.mentions:
            if not (m.start < noun.idx and noun.idx - m.start <= _SALIENCE_WINDOW) or quotes.inside(m.start):
                continue
            if m.start <= noun.idx < m.end:
                continue
            near = text[max(0, m.start - _ROLE_CONTEXT):m.end + _ROLE_CONTEXT].lower()
            if titled or re.search(r"\b" + re.escape(word) + r"\b", near):
                if best is None or m.start > best[0]:
                    best = (m.start, entity)
    return best[1] if best else None


def salient_group(doc: Doc, pronoun, quotes: QuoteIndex, types=("ORG", "NORP")):
    """"they said" / "it said": the organisation (or, for "they", group) named last before it
    in the same or the previous sentence (a campaign, a ministry, "Democrats")."""
    sent = pronoun.sent
    lo = sent.start
    if lo > 0:
        lo = doc.parsed[lo - 1].sent.start
    window_start = doc.parsed[lo].idx
    best = None
    for entity in doc.article.entities:
        if entity.type not in types:
            continue
        for m in entity.mentions:
            if window_start <= m.start < pronoun.idx and not quotes.inside(m.start):
                if best is None or m.start > best[0]:
                    best = (m.start, entity)
    return best[1] if best else None


def add_mention(doc: Doc, entity, start: int, end: int) -> None:
    if any(m.start == start and m.end == end for m in entity.mentions):
        return
    entity.mentions.append(doc.span(start, end))
    entity.mentions.sort(key=lambda m: (m.start, m.end))


def speaker_phrase(subject):
    """Char span of the subject's noun phrase up to its head ("the New York Daily News")."""
    left = subject.left_edge
    parsed = subject.doc
    start = left.i
    end = subject.i + 1
    # names run on after the head token in flat structures ("Smith Jr.")
    while end < len(parsed) and parsed[end].ent_iob_ == "I" and parsed[end].ent_type_ == subject.ent_type_ != "":
        end += 1
    while start < end and (parsed[start].is_punct or parsed[start].is_space):
        start += 1
    span = parsed[start:end]
    return span.start_char, span.end_char


# verbs whose passive subject is the one spoken to: "the actress was asked if ..."
_ADDRESS_CUES = {"ask", "tell", "urge", "inform", "advise", "warn", "assure", "remind", "question", "promise"}


def addressed_subject(subject, verb) -> bool:
    """"She was asked whether ...": the subject of a passive verb of addressing was spoken to."""
    return subject.dep_ == "nsubjpass" and subject.head == verb and verb.lemma_.lower() in _ADDRESS_CUES


def agent_of(verb):
    """The "by" phrase of a passive verb: "was asked by reporters" -> reporters."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def make_quote(doc: Doc, s: int, e: int, verb, *, direct: bool, quotes: QuoteIndex, speaker_token=None,
               cue: str | None = None, cue_end: int | None = None) -> Quote:
    text = doc.text
    subject = speaker_token if speaker_token is not None else subject_of(verb)
    if speaker_token is None and asked_participle(verb):
        subject = None  # asked by someone unnamed: the question has no speaker in the text
    if direct and speaker_token is None and (subject is None or s <= subject.idx < e):
        # the parse found no subject, or one inside the quotation ("“We were wrong,” Ramos told AFP")
        subject = person_next_to_cue(doc, verb, s, e)
    if subject is None and speaker_token is None:
        subject = misparsed_person_subject(doc, verb)
    if subject is None and speaker_token is None and not asked_participle(verb):
        subject = governing_person(verb)
    if speaker_token is None and subject is not None and addressed_subject(subject, verb):
        subject = agent_of(verb)
    if subject is not None and misparsed_subject(doc, subject, verb):
        subject = named_subject_before(doc, verb)
    speaker_id = speaker_name = None
    speaker_span = None
    if subject is not None:
        ps, pe = speaker_phrase(subject)
        entity = doc.entity_at(subject.idx, subject.idx + len(subject.text))
        if entity is not None and entity.type in ("GPE", "LOC") and subject.ent_type_ not in ("GPE", "LOC"):
            entity = None
        if entity is None:
            # "Her deputy, Tom Reyes, disagreed": the apposed name is the speaker
            for child in subject.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    entity = doc.entity_at(child.idx, child.idx + len(child.text))
                    break
        if entity is None and subject.tag_ == "PRP" and subject.lower_ in PRONOUN_GENDER:
            entity = salient_person(doc, subject, quotes)
            if entity is not None:
                add_mention(doc, entity, subject.idx, subject.idx + len(subject.text))
        elif entity is None and subject.pos_ == "NOUN" and subject.tag_ == "NN":
            entity = role_antecedent(doc, subject, quotes)
            if entity is not None:
                add_mention(doc, entity, ps, pe)
        elif entity is None and subject.tag_ == "PRP" and subject.lower_ in ("they", "it"):
            entity = salient_group(doc, subject, quotes, types=("ORG", "NORP") if subject.lower_ == "they" else ("ORG",))
            if entity is not None:
                add_mention(doc, entity, subject.idx, subject.idx + len(subject.text))
        if entity is not None:
            speaker_id, speaker_name = entity.id, entity.name
            relative = relative_subject(verb)
            if relative is not None:
                # "Barkley, who said ...": the relative pronoun is a mention of the speaker
                add_mention(doc, entity, relative.idx, relative.idx + len(relative.text))
        else:
            speaker_name = text[ps:pe]
        speaker_span = doc.span(ps, pe)
    cue_word = cue or cue_text(verb)
    cue_stop = cue_end if cue_end is not None else verb.idx + len(cue_word)
    content_text = text[s:e]
    if not direct and _quoted_share(quotes, s, e) > 0:
        direct = False  # a partial quote inside indirect speech
    return Quote(speaker=speaker_id, text=content_text, direct=direct, start=s, end=e,
                 speaker_name=speaker_name, cue=cue_word,
                 channel=channel_near(doc, verb, s, e),
                 speaker_span=speaker_span, cue_span=doc.span(verb.idx, cue_stop))


def channel_near(doc: Doc, verb, s: int, e: int) -> str | None:
    """The channel phrase of the cue's own clause (and the words after a quotation), outside
    the quoted content: "adding: ..." never borrows "said in a statement to ..." before it."""
    text = doc.text
    sent = verb.sent
    clause = verb
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head != verb:
        # "responded on Twitter, saying, ...": the participle goes on with its head's statement
        clause = next((a for a in verb.ancestors if is_cue(a)), verb.head)
    lo = max(sent.start_char, min(clause.left_edge.idx, s))
    hi = sent.end_char
    # the clause after a quotation (",” he said in his first message to ...") counts too
    last = doc.parsed.char_span(max(s, e - 1), e, alignment_mode="expand")
    if last is not None and len(last):
        hi = max(hi, last[-1].sent.end_char)
    best = None
    # "said in a radio interview that ...": the channel ends where the reported clause's "that" starts
    before_end = s + 4 if text[s:s + 5].lower() == "that " else s
    for lo_, hi_ in ((lo, before_end), (e, hi)):
        if hi_ <= lo_:
            continue
        for match in CHANNEL.finditer(text, lo_, hi_):
            if match.start() >= lo_ and match.end() <= hi_:
                distance = abs(match.start() - verb.idx)
                if best is None or distance < best[0]:
                    best = (distance, match.group(0).strip())
    return best[1] if best else None


def join_unattributed_paragraphs(doc: Doc, found: list[Quote]) -> list[Quote]:
    """"“Not only can she win in November ...” / “She may be the only one,” Roe said.": a
    paragraph that is nothing but a quotation with no speaker, followed by a paragraph that
    opens with the attributed rest of it, is one statement; the quote covers both."""
    text = doc.text
    ordered = sorted(found, key=lambda q: q.start)
    dropped: set[int] = set()
    for k, quote in enumerate(ordered[:-1]):
        if quote.speaker is not None or quote.speaker_name is not None or not quote.direct:
            continue
        following = ordered[k + 1]
        if not following.direct or following.speaker_name is None and following.speaker is None:
            continue
        between = text[quote.end:following.start]
        if between.count("\n") < 1 or between.strip(" \n\t.,”\"“") or "\n\n\n" in between.replace(" ", ""):
            continue
        following.start = quote.start
        following.text = text[following.start:following.end]
        dropped.add(id(quote))
    return [q for q in found if id(q) not in dropped]


def deduplicate(found: list[Quote]) -> list[Quote]:
    """One quote per stretch of text: a direct quotation beats indirect speech over it."""
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    kept: list[Quote] = []
    for quote in sorted(found, key=lambda q: (not q.direct, q.start)):
        clash = False
        for other in kept:
            overlap = min(quote.end, other.end) - max(quote.start, other.start)
            if overlap > 0.5 * min(quote.end - quote.start, other.end - other.start):
                clash = True
                break
        if not clash:
            kept.append(quote)
    kept.sort(key=lambda q: q.start)
    return kept
