"""Places: the article's own context picks among namesakes (states written after towns,
lists of states, US counties, facilities and the towns they are said to be in, landmarks,
local stories that name no country).

Invented articles, run through the real spaCy model and the shipped gazetteer.
"""

from __future__ import annotations

from dateline.analyse.gazetteer import distance_km
from conftest import stage_places


def place_with_mention(found, surface: str):
    return next((p for p in found if any(m.text == surface for m in p.mentions)), None)


def near(place, lat: float, lon: float, km: float = 161) -> bool:
    return place is not None and place.lat is not None and distance_km(place.lat, place.lon, lat, lon) <= km


def test_a_town_followed_by_its_state_is_that_states_town():
    found = stage_places("Flood waters rose in Gainesville, Va., on Tuesday, and roads near Manassas were closed.")
    town = place_with_mention(found, "Gainesville")
    assert town is not None and town.admin1 == "Virginia"
    assert near(town, 38.80, -77.61)  # not the larger Gainesville in Florida


def test_a_name_listed_beside_states_is_a_state():
    found = stage_places("Tech firms are leaving California or Washington for cheaper states such as Utah and Idaho.")
    washington = place_with_mention(found, "Washington")
    assert washington is not None and washington.kind == "admin" and washington.admin1 == "Washington"


def test_a_county_with_its_state_written_after_it_is_in_that_state():
    found = stage_places("Deputies from Walker County, Ga., joined the search on Monday, the sheriff said.")
    county = place_with_mention(found, "Walker County")
    assert county is not None and county.country == "USA" and county.admin1 == "Georgia"


def test_a_county_beside_a_town_of_the_article_is_in_that_towns_state():
    found = stage_places("Schools in Chattanooga closed early. Hamilton County officials said buses would run on Friday.")
    county = place_with_mention(found, "Hamilton County")
    assert county is not None and county.admin1 == "Tennessee"
    assert near(county, 35.05, -85.31)  # placed at the article's town in Tennessee, not in Ohio


def test_a_facility_named_after_a_far_town_is_placed_where_the_article_is():
    text = ("Fans filled the Rogers Centre on Friday night. The team, which plays in Toronto, "
            "won 5-3 and the manager praised the crowd in Toronto.")
    found = stage_places(text)
    stadium = place_with_mention(found, "Rogers Centre")
    assert stadium is not None and stadium.country == "CAN"  # not Rogers, Arkansas
    assert near(stadium, 43.65, -79.38)


def test_a_facility_is_in_the_town_its_sentence_puts_it_in():
    text = ("Officials in Prague announced the sale. The store on Hlavna Square in Bratislava "
            "will close in May, the company said.")
    found = stage_places(text)
    square = place_with_mention(found, "Hlavna Square")
    assert square is not None and near(square, 48.15, 17.11)  # Bratislava, not Prague named before it


def test_a_landmark_outranks_a_village_of_its_name():
    found = stage_places("Reporters waited outside the White House in Washington for the announcement.")
    white_house = place_with_mention(found, "White House")
    assert white_house is not None and near(white_house, 38.8977, -77.0365, km=5)


def test_a_place_entity_runs_on_to_the_longer_place_it_names():
    found = stage_places("Tickets are sold in 44 states, Washington, D.C., and the U.S. Virgin Islands.")
    islands = place_with_mention(found, "U.S. Virgin Islands")
    assert islands is not None and islands.country == "VIR"


def test_a_village_far_from_the_articles_towns_is_not_the_namesake_meant():
    text = ("The musical opened in New York City last spring. It moved to Broadway in March, "
            "and producers in New York City expect it to run for years.")
    found = stage_places(text)
    broadway = place_with_mention(found, "Broadway")
    assert broadway is None or near(broadway, 40.76, -73.98)  # not Broadway, Virginia


def test_a_local_story_that_names_no_country_keeps_to_the_country_of_its_towns():
    text = "New homes are planned for Castlebar and Ballina this year, with 20 more in Newport, the council said."
    found = stage_places(text)
    newport = place_with_mention(found, "Newport")
    assert newport is not None and newport.country == "IRL"  # not the larger Newport in Wales


def test_a_plural_possessive_keeps_its_place():
    found = stage_places("The United States' allies met in Brussels on Monday to discuss the sanctions.")
    usa = place_with_mention(found, "United States")
    assert usa is not None and usa.country == "USA"


def test_a_two_word_continental_adjective_names_the_region_not_a_country():
    found = stage_places("Latin American economies grew faster than expected, the bank in Brasilia said.")
    assert place_with_mention(found, "American") is None  # not the United States
    region = place_with_mention(found, "Latin American")
    assert region is not None and region.name == "Latin America"


def test_the_islamic_republic_is_iran():
    found = stage_places("Sanctions on the Islamic Republic were eased after talks in Vienna.")
    iran = place_with_mention(found, "Islamic Republic")
    assert iran is not None and iran.country == "IRN"


def test_a_place_whose_name_opens_with_a_letter_beyond_ascii_is_found():
    found = stage_places("The chain sold its stores in Žilina and Nitra before leaving Slovakia.")
    zilina = place_with_mention(found, "Žilina")
    assert zilina is not None and zilina.country == "SVK"


def test_a_month_after_in_is_no_town():
    found = stage_places("The talks collapsed in March, and fighting resumed in Aleppo in May.")
    assert place_with_mention(found, "March") is None and place_with_mention(found, "May") is None
    assert place_with_mention(found, "Aleppo") is not None


def test_washington_dc_is_one_place_name():
    found = stage_places("Lawmakers met in Washington, D.C., on Monday to discuss the budget.")
    capital = place_with_mention(found, "Washington, D.C.")
    assert capital is not None and capital.country == "USA" and near(capital, 38.895, -77.036, km=20)
    assert place_with_mention(found, "D.C.") is None


def test_a_county_across_the_state_line_is_placed_at_the_articles_town():
    text = "Police in Chattanooga said the suspect fled to Walker County, Ga., on Sunday night."
    county = place_with_mention(stage_places(text), "Walker County")
    assert county is not None and county.admin1 == "Georgia"
    assert near(county, 35.05, -85.31)  # beside Chattanooga, not the middle of Georgia


def test_a_place_name_ends_at_its_last_capitalised_word():
    from dateline.analyse.places import without_trailing_lower_words

    text = "warm water in the eastern Pacific equatorial region; shelling in Deir ez-Zor"
    start = text.index("Pacific")
    assert text[start:without_trailing_lower_words(text, start, start + len("Pacific equatorial"))] == "Pacific"
    start = text.index("Deir")
    assert without_trailing_lower_words(text, start, len(text)) == len(text)  # "ez-Zor" is part of the name
