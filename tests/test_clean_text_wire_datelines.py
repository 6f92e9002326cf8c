"""Wire datelines in the forms agencies print them: two cities, a bracketed country, a glued credit."""

import pytest

import dateline
from dateline.clean.dateline import leading_agency_credit, match_dateline

STORY = " The ministry said on Friday that talks would resume next week, officials said."


@pytest.mark.parametrize("line, place, country, agency", [
    ("BRUSSELS/PARIS (Reuters) -", "Brussels", "BEL", "Reuters"),
    ("LONDON/NEW YORK (Reuters) -", "London", "GBR", "Reuters"),
    ("GENEVA/BEIRUT, Nov 20 (Reuters) -", "Geneva", "CHE", "Reuters"),
    ("Mosul (Iraq) (AFP) -", "Mosul", "IRQ", "AFP"),
    ("KANDAHAR (Afghanistan) (AFP) -", "Kandahar", "AFG", "AFP"),
])
def test_wire_dateline_forms(line, place, country, agency):
    found = match_dateline(line + STORY)
    assert found is not None
    found_dateline, start = found
    assert found_dateline.text == line
    assert (found_dateline.place.name, found_dateline.place.country, found_dateline.agency) == (place, country, agency)
    assert (line + STORY)[start:].startswith("The ministry")


def test_credit_glued_to_first_word_after_a_city():
    found = match_dateline("WASHINGTON (CNN)The White House said on Monday it would not comment.")
    assert found is not None
    assert found[0].agency == "CNN" and found[0].place.country == "USA"


@pytest.mark.parametrize("text", [
    "AND/OR - The alliance said on Friday that convoys had reached the town.",
    "Mosul (Reuters poll) (AFP) - Iraqi forces retook a district of western Mosul on Sunday.",
    "INPUT/OUTPUT - The ministry said it would publish the data.",
])
def test_not_datelines(text):
    assert match_dateline(text) is None


def test_agency_bracket_opening_the_story_is_cut_as_credit():
    article = dateline.process(
        "(CNN)President Maria Ortega said on Tuesday that she would meet the opposition leader next month. "
        "The meeting will take place in the capital, she told reporters.",
        published="2021-05-04",
    )
    assert article.text.startswith("President Maria Ortega said")
    assert any(b.reason == "agency-credit" and b.text == "(CNN)" for b in article.boilerplate)
    assert any(e.name == "Maria Ortega" for e in article.entities)


def test_bracket_that_is_no_agency_stays():
    assert leading_agency_credit("(Updated) The ministry said on Friday.") == 0
    assert leading_agency_credit("(Photo: Reuters) The ministry said.") == 0
    assert leading_agency_credit("(AP) -- The ministry said on Friday.") == len("(AP) -- ")
