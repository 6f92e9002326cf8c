"""The parse every stage reads: dateline's pipeline must give exactly what spaCy's gives.

``dateline.analyse.nlp.load`` swaps spaCy's attribute_ruler for ``TableAttributeRuler``
(the same rules, decided once per distinct token) and its rule lemmatizer for
``TableLemmatizer`` (asked once per word, POS and morphology); these tests hold it to spaCy's own
component token by token.
"""

from __future__ import annotations

import pytest
import spacy

from dateline.analyse.nlp import TableAttributeRuler, TableLemmatizer, add_paragraph_component, default_model_name, load

TEXTS = [
    # pronouns, possessives and auxiliaries: the ruler's exception rows
    "KORVATA (Tidewater Wire) - She said her brother had been held by them since May, "
    "and they'd not seen him; he's 'gonna be fine', his lawyer told us.",
    # contractions, dialect spellings and 'there is': multi-token rules and the index-1 rows
    "\"We ain't leavin', y'all,\" the mayor said. There's nothin' left; there were 3,000 "
    "people here. Let's go, c'mon, we gotta get 'em out. It wasn't and won't be, ca n't.",
    # whitespace tokens (the IS_SPACE rows) and an empty line
    "Officials met on Tuesday.\n\n   The talks   ended\t\twithout a deal.  \n",
    "Ministers gets and got, been being, does did, am is are; I myself, you yourselves.",
    "",
]


@pytest.fixture(scope="module")
def both():
    # the reference is stock spaCy with the same paragraph-boundary component dateline adds,
    # so that only the two table components differ
    reference = spacy.load(default_model_name())
    add_paragraph_component(reference)
    return load(), reference


def token_view(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_dateline_pipeline_uses_the_table_components_under_the_same_names(both):
    nlp, reference = both
    assert isinstance(nlp.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), TableLemmatizer)
    assert nlp.pipe_names == reference.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_attribute_equals_spacys(both, text):
    nlp, reference = both
    ours, theirs = nlp(text), reference(text)
    assert token_view(ours) == token_view(theirs)


def test_same_result_in_a_batch_as_alone(both):
    nlp, reference = both
    batched = [token_view(doc) for doc in nlp.pipe(TEXTS * 2)]
    assert batched == [token_view(reference(text)) for text in TEXTS * 2]


def test_rules_it_cannot_read_keep_spacys_component(both):
    _, reference = both
    ruler = reference.get_pipe("attribute_ruler")
    assert TableAttributeRuler.from_ruler(ruler) is not None
    odd = spacy.blank("en").add_pipe("attribute_ruler")
    odd.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert TableAttributeRuler.from_ruler(odd) is None


def test_load_without_a_name_is_the_default_models_one_copy():
    assert load() is load(None) is load(default_model_name())


def test_the_collector_setting_comes_back_after_a_stream():
    import gc

    from dateline.run.pipeline import process_many

    before = gc.get_threshold()
    stream = process_many(["KORVATA - Two people were hurt, police said on Monday.", "LUMEN CITY - Talks ended."])
    first = next(stream)
    assert "Two people were hurt" in first.text
    assert gc.get_threshold()[0] >= 20_000  # while the stream runs
    stream.close()
    assert gc.get_threshold() == before
    assert len(list(process_many(["A man said hello."]))) == 1
    assert gc.get_threshold() == before
