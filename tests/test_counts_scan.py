"""The number scanner always moves forward, whatever the tagger says a dash is."""

from __future__ import annotations

from spacy.tokens import Doc as SpacyDoc

from dateline.analyse.counts import find_numbers
from dateline.analyse.nlp import load
from dateline.doc import Doc
from dateline.record import Article, Source


def test_a_dash_tagged_as_a_number_does_not_stall_the_scan():
    words = ["Ranked", "-", "3", "-", "and", "-", "12", "programs", "."]
    parsed = SpacyDoc(load().vocab, words=words)
    for token in parsed:
        if token.text == "-":
            token.tag_ = "CD"  # what the small model does on some table-like pages
    article = Article(id="x", source=Source(path=None, url=None, format="text"), title=None, authors=[],
                      published=None, dateline=None, language="en", text=parsed.text)
    numbers = find_numbers(Doc(article=article, parsed=parsed))
    assert [n.value for n in numbers if not n.vague] == [3.0, 12.0]
