"""Datelines in the styles wires and papers use, with the place and its country.

All story openings are invented for these tests.
"""

import pytest

from dateline.clean.dateline import match_dateline
from dateline.clean.text import clean_text


@pytest.mark.parametrize("opening, text, place, country, agency", [
    ("BEIRUT, Nov 20 (Reuters) - The army said", "BEIRUT, Nov 20 (Reuters) -", "Beirut", "LBN", "Reuters"),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON (AP) —", "Washington", "USA", "AP"),
    ("NEW DELHI: The government said", "NEW DELHI:", "New Delhi", "IND", None),
    ("Kabul, Afghanistan — Taliban officials said", "Kabul, Afghanistan —", "Kabul", "AFG", None),
    ("Beirut, Lebanon (AP) — Israeli strikes hit", "Beirut, Lebanon (AP) —", "Beirut", "LBN", "AP"),
    ("New Delhi: The ministry on Monday", "New Delhi:", "New Delhi", "IND", None),
    # no country written: the one large city of that name gives it
    ("GENEVA, May 7 (Reuters) -- Talks resumed", "GENEVA, May 7 (Reuters) --", "Geneva", "CHE", "Reuters"),
    ("JOHANNESBURG (dpa) -- Power cuts", "JOHANNESBURG (dpa) --", "Johannesburg", "ZAF", "dpa"),
    ("SAN FRANCISCO — Tech firms said", "SAN FRANCISCO —", "San Francisco", "USA", None),
    ("Springfield, Ill. — The mayor said", "Springfield, Ill. —", "Springfield", "USA", None),
    ("LAGOS, Nigeria, Jan. 3 (Reuters) - A fire", "LAGOS, Nigeria, Jan. 3 (Reuters) -", "Lagos", "NGA", "Reuters"),
    # an agency's credit line standing alone above the story
    ("PTI, Washington\nThe US said", "PTI, Washington", "Washington", "USA", "PTI"),
    ("IANS | Mumbai, Nov 21 2019, 09:12 IST\nPolice said", "IANS | Mumbai, Nov 21 2019, 09:12 IST", "Mumbai", "IND", "IANS"),
])
def test_dateline_styles(opening, text, place, country, agency):
    found = match_dateline(opening)
    assert found is not None
    dl, start = found
    assert (dl.text, dl.place.name, dl.place.country, dl.agency) == (text, place, country, agency)
    assert opening[start:] == opening[len(text):].lstrip()


@pytest.mark.parametrize("opening", [
    "SUMMARY: The plan has three parts.", "TLDR: It works.", "Note: This story was updated.",
    "Mobile: The best phones of the year.", "Officials said - without giving details - that", "Background — The talks began",
    "Key points: The budget grows.", "AP, the agency, reported it.\nMore.", "Reuters, Smallville\nText.",
])
def test_labels_are_no_datelines(opening):
    assert match_dateline(opening) is None


def test_dateline_under_junk_and_header_is_found():
    text = ("By Ida Brandt | March 3, 2021\nTags: Politics, Courts\n"
            "Kabul, Afghanistan — Taliban officials said on Tuesday that the border crossing would reopen.\n"
            "Traders welcomed the news.")
    cleaned = clean_text(text)
    assert cleaned.dateline is not None and cleaned.dateline.place.country == "AFG"
    assert cleaned.text.startswith("Taliban officials said")
    assert cleaned.authors == ["Ida Brandt"] and cleaned.published == "2021-03-03"
