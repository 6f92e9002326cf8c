"""Quantities news writes in words or beside names: 'two dozen', 'about a dozen', index points, S&P 500."""

import pytest

import dateline


def counts(text):
    article = dateline.process(text, published="2022-06-01")
    return [(c.number, c.noun, c.category, article.text[c.start:c.end]) for c in article.counts]


@pytest.mark.parametrize("text, expected", [
    ("Nearly two dozen protesters were arrested outside the parliament on Tuesday.",
     (24.0, "protesters", "arrested", "two dozen")),
    ("About a dozen local shop owners and farmers gathered at the town hall to complain.",
     (12.0, "owners", "other", "a dozen")),
    ("The benchmark index fell 214.6 points, or 0.8%, by the close of trading in Frankfurt.",
     (214.6, "points", "other", "214.6")),
])
def test_quantity_read(text, expected):
    assert expected in counts(text)


@pytest.mark.parametrize("text", [
    "At one point, the talks nearly collapsed, a diplomat said.",
    "The S&P 500 closed higher on Monday as oil prices eased.",
    "The carrier grounded its Boeing 737 jets after the incident.",
])
def test_numbers_that_are_no_counts(text):
    assert counts(text) == []
