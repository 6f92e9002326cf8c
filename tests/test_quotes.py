"""Quotes on short invented articles: each quote shape, speakers through coreference, channels."""

from __future__ import annotations

from dateline.analyse import entities, quotes
from dateline.analyse.nlp import load
from dateline.doc import Doc
from dateline.record import Article, Source
from conftest import shared_path


def analyse(text: str) -> Doc:
    article = Article(id="t", source=Source(None, None, "text"), title=None, authors=[], published=None,
                      dateline=None, language="en", text=text)
    doc = Doc(article=article, parsed=load()(text))
    entities.annotate(doc)
    quotes.annotate(doc)
    return doc


def speaker(doc: Doc, quote) -> str | None:
    entity = doc.article.entity(quote.speaker)
    return entity.name if entity else None


def only(doc: Doc, fragment: str):
    found = [q for q in doc.article.quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in doc.article.quotes]
    return found[0]


def assert_consistent(doc: Doc) -> None:
    for q in doc.article.quotes:
        assert doc.text[q.start:q.end] == q.text
        for span in (q.speaker_span, q.cue_span):
            if span is not None:
                assert doc.text[span.start:span.end] == span.text


def test_direct_quote_with_pronoun_speaker():
    doc = analyse("Governor Alan Pierce toured the flooded district on Monday.\n\n"
                  "\u201cWe will rebuild every home that was lost,\u201d he said.")
    q = only(doc, "rebuild every home")
    assert q.direct and q.cue == "said"
    assert speaker(doc, q) == "Alan Pierce"
    assert q.text == "We will rebuild every home that was lost,"
    assert_consistent(doc)


def test_cue_first_quote_after_colon_and_comma():
    doc = analyse("Nadia Okafor, the mayor of the city, spoke briefly, adding: \u201cThe bridge will reopen "
                  "next week.\u201d Her deputy, Tom Reyes, disagreed, saying, \u201cThat date is not realistic.\u201d")
    first = only(doc, "bridge will reopen")
    assert first.direct and first.cue == "adding" and speaker(doc, first) == "Nadia Okafor"
    second = only(doc, "not realistic")
    assert second.cue == "saying" and speaker(doc, second) == "Tom Reyes"
    assert_consistent(doc)


def test_multi_sentence_and_multi_paragraph_quote():
    doc = analyse("Coach Irene Vasquez was blunt after the match.\n\n"
                  "\u201cWe lost the ball too often. We were slow in midfield.\n\n"
                  "\u201cNext week has to be different,\u201d Vasquez said.")
    q = only(doc, "We lost the ball")
    assert "Next week has to be different" in q.text
    assert "Vasquez" in q.speaker_name
    assert_consistent(doc)


def test_indirect_speech_with_channel():
    doc = analyse("Finance Minister Rahul Mehta said in a statement to the Daily Ledger that the deficit "
                  "would shrink next year.")
    q = only(doc, "deficit would shrink")
    assert not q.direct and q.cue == "said"
    assert speaker(doc, q) == "Rahul Mehta"
    assert q.channel == "in a statement to the Daily Ledger"
    assert q.text == "that the deficit would shrink next year"  # the "that" is part of the reported clause
    assert_consistent(doc)


def test_partial_quote_inside_indirect_speech_and_role_speaker():
    doc = analyse("The spokesman for the Kenyan Defence Forces, Colonel Peter Otieno, announced the move. "
                  "The spokesman for the Kenyan Defence Forces noted that the \u201cdeployment will end within "
                  "weeks, according to a fixed schedule.\u201d")
    q = only(doc, "deployment will end")
    assert not q.direct and q.cue == "noted"
    assert speaker(doc, q) == "Peter Otieno"
    assert_consistent(doc)


def test_according_to_and_revealed_that():
    doc = analyse("According to the ministry, 40 schools were closed. Minister Sara Cole revealed last week "
                  "that the budget had been cut.")
    first = only(doc, "40 schools were closed")
    assert first.cue == "according to" and first.speaker_name == "the ministry"
    second = only(doc, "budget had been cut")
    assert second.cue == "revealed" and speaker(doc, second) == "Sara Cole"
    assert_consistent(doc)


def test_channel_after_quote_and_on_twitter():
    doc = analyse("Senator Maya Lind responded on Twitter, saying, \u201cThis bill is dead on arrival.\u201d\n\n"
                  "Defense Secretary Ray Tan said, \u201cOur troops will come home,\u201d in his first message "
                  "to the armed forces.")
    first = only(doc, "dead on arrival")
    assert first.channel == "on Twitter" and speaker(doc, first) == "Maya Lind"
    second = only(doc, "troops will come home")
    assert second.channel == "in his first message to the armed forces"
    assert speaker(doc, second) == "Ray Tan"
    assert_consistent(doc)


def test_scare_quotes_are_not_speech():
    doc = analyse("The so-called \u201creform\u201d package was debated for hours in the chamber.")
    assert doc.article.quotes == []


def test_seed_quotes():
    import dateline

    seed = shared_path("corpus", "seed", "000_022b95cdbb7346cb.txt")
    article = dateline.process(seed.read_text("utf-8"))
    names = {e.id: e.name for e in article.entities}

    def find(fragment: str):
        found = [q for q in article.quotes if fragment in q.text]
        assert found, [q.text for q in article.quotes]
        return found[0]

    adding = find("We only have those who meet the support")
    assert adding.direct and names.get(adding.speaker) == "Tahsin Al-Khafaji"
    today = find("the American forces began to withdraw")
    assert today.direct and names.get(today.speaker) == "Tahsin Al-Khafaji"
    noted = find("withdrawal of U.S. forces from Iraq will take place")
    assert not noted.direct and names.get(noted.speaker) == "Tahsin Al-Khafaji"
    statement = find("not combat units")
    assert statement.channel == "in a statement to Russia\u2019s Sputnik Agency"
    revealed = find("Baghdad and Washington had reached an agreement")
    assert names.get(revealed.speaker) == "Fouad Hussein" and revealed.cue == "revealed"
    miller = find("The time has come to return to the homeland")
    assert "All wars must end" in miller.text
    assert names.get(miller.speaker) == "Christopher Miller"
    assert miller.channel == "in his first message to the U.S. armed forces"
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text


def test_headline_colon_attribution_and_labels_that_are_not_speakers():
    doc = analyse("Mayor Lena Ortiz: City Will Not Raise Bus Fares This Year\n\n"
                  "Mayor Lena Ortiz spoke to reporters at city hall on Monday.\n\n"
                  "Follow Jo Lee on Twitter: @jolee_reports")
    q = only(doc, "City Will Not Raise Bus Fares")
    assert q.cue == ":" and speaker(doc, q) == "Lena Ortiz"
    assert not [x for x in doc.article.quotes if "jolee" in x.text]
    assert_consistent(doc)


def test_interrupted_quotation_is_one_quote():
    doc = analyse("\u201cThe bridge is not my favourite project by any means,\u201d Graham told the Valley Post on "
                  "Tuesday. \u201cBut we may be in a position where finishing it is the only way forward.\u201d")
    q = only(doc, "not my favourite project")
    assert "the only way forward" in q.text and q.cue == "told"
    assert len(doc.article.quotes) == 1
    assert_consistent(doc)


def test_noun_object_and_naming_are_indirect_speech():
    doc = analyse("Colonel Amina Bako announced on Friday the withdrawal of 300 troops from the northern border. "
                  "Senator Paul Ridge called the plan \u201creckless and premature.\u201d")
    withdrawal = only(doc, "withdrawal of 300 troops")
    assert not withdrawal.direct and withdrawal.cue == "announced" and speaker(doc, withdrawal) == "Amina Bako"
    called = only(doc, "reckless and premature")
    assert called.text.startswith("the plan") and speaker(doc, called) == "Paul Ridge"
    assert_consistent(doc)


def test_attribution_sentence_after_a_closed_quotation():
    doc = analyse("Lena Ortiz toured the depot.\n\n\u201cWe will not back down on fares.\u201d Ortiz said.")
    q = only(doc, "We will not back down")
    assert q.cue == "said" and speaker(doc, q) == "Lena Ortiz"


def test_channel_belongs_to_its_own_clause():
    doc = analyse("Mayor Ana Ruiz said in a radio interview that the dam was safe, but her deputy, Tom Reyes, "
                  "later warned that the spillway could fail within weeks.")
    first = only(doc, "the dam was safe")
    assert first.channel == "in a radio interview"
    second = only(doc, "spillway could fail")
    assert second.channel is None


def test_quoted_show_titles_are_not_quotes():
    doc = analyse("Senator Kim Hale told \u201cMorning Report\u201d on Sunday that the budget would pass.")
    assert not [q for q in doc.article.quotes if q.text.strip(",") == "Morning Report"]
    q = only(doc, "budget would pass")
    assert speaker(doc, q) == "Kim Hale"


def test_first_name_gender_guides_the_pronoun_speaker():
    doc = analyse("Paul Grant met Rachel Stone in Nairobi on Monday. She said the talks had gone well.")
    q = only(doc, "talks had gone well")
    assert speaker(doc, q) == "Rachel Stone"


def test_title_case_headline_with_a_verb_of_saying():
    doc = analyse("Governor Nora Blake Promises Free Bus Passes For Students\n\n"
                  "Governor Nora Blake made the promise at a rally in Dayton on Saturday.")
    q = only(doc, "Free Bus Passes For Students")
    assert q.cue == "Promises" and speaker(doc, q) == "Nora Blake"
    assert_consistent(doc)
