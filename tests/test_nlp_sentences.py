"""Sentence boundaries at paragraph breaks: the headline never runs into the lead."""

import dateline
from dateline.analyse.nlp import load


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load()(text).sents if s.text.strip()]


def test_headline_is_its_own_sentence():
    text = (
        "Rebels seize border town after week of shelling\n\n"
        "Rebel fighters took control of the border town of Kessa on Sunday, local officials said."
    )
    assert sentences(text) == [
        "Rebels seize border town after week of shelling",
        "Rebel fighters took control of the border town of Kessa on Sunday, local officials said.",
    ]


def test_closing_quote_stays_with_its_paragraph():
    text = (
        '"We will not leave," the mayor said. "Not now."\n\n'
        "The ministry said in a statement that 40 families had been moved."
    )
    found = sentences(text)
    assert found[-1] == "The ministry said in a statement that 40 families had been moved."
    assert all(not s.startswith('"\n') for s in found)


def test_hard_wrapped_lines_keep_their_sentence():
    text = (
        "The council voted on Tuesday to extend the curfew in the\n"
        "northern districts for another two weeks, the governor said."
    )
    assert len(sentences(text)) == 1


def test_line_ending_a_sentence_starts_the_next():
    text = "The talks ended without a deal.\nBoth sides said they would meet again in March."
    assert sentences(text) == [
        "The talks ended without a deal.",
        "Both sides said they would meet again in March.",
    ]


def test_lead_event_sentence_excludes_headline():
    article = dateline.process(
        "Army says it repelled attack on base\n\n"
        "Militants attacked an army base near the town of Gao on Friday, the army said.",
        published="2023-03-04",
    )
    lead = [e for e in article.events if "Militants" in e.sentence.text]
    assert lead, "the lead's attack should be coded"
    assert all(e.sentence.text.startswith("Militants") for e in lead)
