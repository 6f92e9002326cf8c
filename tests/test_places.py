"""Places: toponyms geocoded from the offline GeoNames gazetteer, with their roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import process
from dateline.analyse.gazetteer import distance_km, load
from dateline.record import Dateline, Place
from conftest import stage_places

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed" / "000_022b95cdbb7346cb.txt"


def places_of(text: str, dateline: Dateline | None = None, metonyms: dict | None = None):
    """The places stage alone on a parsed text, by place name."""
    return {p.name: p for p in stage_places(text, dateline, metonyms)}


def test_gazetteer_knows_names_and_alternate_names():
    gaz = load()
    beirut = gaz.lookup("Beirut")[0]
    assert beirut.country == "LBN" and distance_km(beirut.lat, beirut.lon, 33.89, 35.50) < 10
    assert gaz.lookup("Bayrut") and gaz.lookup("Bayrut")[0].geonames_id == beirut.geonames_id
    assert gaz.country("IRQ").kind == "country"


def test_event_places_and_mentions():
    found = places_of("Heavy clashes broke out in Mosul on Monday, officials in Baghdad said. "
                      "Germany has condemned the violence.")
    assert found["Mosul"].role == "event" and found["Mosul"].country == "IRQ"
    assert found["Mosul"].kind == "city" and found["Mosul"].geonames_id
    assert found["Germany"].role == "mention" and found["Germany"].kind == "country"


def test_one_place_with_all_its_mentions():
    found = places_of("Troops withdrew from Iraq. Iraq's parliament voted, and Iraq welcomed it.")
    assert found["Iraq"].role == "event"
    assert [m.text for m in found["Iraq"].mentions] == ["Iraq", "Iraq", "Iraq"]


def test_georgia_the_state_and_georgia_the_country():
    us = places_of("Voters lined up in Atlanta, Georgia, as officials in Savannah counted ballots.")
    assert us["Georgia"].country == "USA" and us["Georgia"].kind == "admin"
    caucasus = places_of("Russia and Georgia exchanged prisoners near Tbilisi.")
    assert caucasus["Georgia"].country == "GEO" and caucasus["Georgia"].kind == "country"


def test_washington_the_capital_unless_the_state_is_meant():
    capital = places_of("Protesters marched in Washington on Saturday.")
    assert capital["Washington"].kind == "city"
    assert distance_km(capital["Washington"].lat, capital["Washington"].lon, 38.9, -77.04) < 50
    state = places_of("Wildfires spread across Washington state and Oregon.")
    assert state["Washington"].kind == "admin"


def test_toponyms_in_organisation_names_are_not_places_but_metonyms_are_mentions():
    text = "The Washington Post reported that Washington rejected the offer made in Vienna."
    start = text.index("Washington rejected")
    found = places_of(text, metonyms={(start, start + len("Washington")): "USA"})
    # "Washington rejected": the government, but the name still points at the capital
    washington = found["Washington"]
    assert [m.start for m in washington.mentions] == [start]  # not the newspaper's name
    assert washington.role == "mention" and washington.country == "USA"
    assert "Vienna" in found


def test_dateline_place_is_geocoded_and_kept_apart_from_event_places():
    text = "BEIRUT, LEBANON (8:40 P.M.) - US forces began to withdraw from Iraq."
    dateline = Dateline(text="BEIRUT, LEBANON (8:40 P.M.) -", place=Place(name="BEIRUT", country=None),
                        time="20:40", start=0, end=29)
    found = places_of(text, dateline=dateline)
    beirut = next(p for p in found.values() if p.role == "dateline")
    assert beirut.country == "LBN" and beirut.lat and beirut.lon and beirut.geonames_id
    assert [m.text for m in beirut.mentions] == ["BEIRUT"]
    assert dateline.place.country == "LBN"  # the dateline itself is filled in too
    assert found["Iraq"].role == "event"


def test_regions_are_not_namesake_towns():
    found = places_of("Tensions are rising across the Middle East.")
    assert found["Middle East"].kind == "region"


@pytest.mark.skipif(not SEED.exists(), reason="shared seed corpus not present")
def test_seed_places():
    article = process(SEED.read_text(encoding="utf-8"))
    by_name = {p.name: p for p in article.places}
    assert by_name["Iraq"].role == "event" and by_name["Iraq"].country == "IRQ"
    if article.dateline is None or article.dateline.place is None:
        pytest.skip("the clean stage found no dateline")
    beirut = next(p for p in article.places if p.role == "dateline")
    assert beirut.country == "LBN" and beirut.lat is not None and beirut.lon is not None
    assert distance_km(beirut.lat, beirut.lon, 33.89, 35.50) < 20


def test_provinces_outside_the_us_are_places_of_their_country():
    found = places_of("Farmers in Tamil Nadu and Karnataka have argued over the river's water for decades. "
                      "Officials in Chennai said Tamil Nadu would go to court again.")
    tamil = found["Tamil Nadu"]
    assert tamil.kind == "admin" and tamil.country == "IND" and tamil.admin1 == "Tamil Nadu"
    assert distance_km(tamil.lat, tamil.lon, 11.0, 78.5) < 300
    assert len(tamil.mentions) == 2
    assert found["Karnataka"].country == "IND"
    assert load().lookup("Chennai")[0].admin1 == "Tamil Nadu"


def test_a_province_named_after_its_capital_is_the_city():
    found = places_of("Gunmen attacked a checkpoint in Herat, Afghan officials said.")
    assert found  # the place is the city, not the province around it
    herat = next(p for p in found.values() if any(m.text == "Herat" for m in p.mentions))
    assert herat.kind == "city" and herat.country == "AFG"


def test_a_foreign_province_with_a_common_name_needs_its_country():
    found = places_of("In its petition, the State said the Centre had failed to frame a scheme. "
                      "The Centre asked the court for more time.")
    assert "Centre" not in found


def test_one_sense_per_article_and_arabic_article_dropped():
    found = places_of("Government forces advanced on the town of Douma, near Damascus. "
                      "Douma's fall would end the siege, a monitor said. Turkey fired on Qamishli.")
    douma = next(p for p in found.values() if p.country == "SYR" and any(m.text == "Douma" for m in p.mentions))
    assert len(douma.mentions) == 2
    assert any(p.country == "SYR" and any(m.text == "Qamishli" for m in p.mentions) for p in found.values())


def test_leading_dateline_without_a_dateline_record():
    found = places_of("BEIRUT (AP) — A militia spokesman says the shelling went on through the night.")
    beirut = found["Beirut"]
    assert beirut.country == "LBN" and beirut.mentions[0].text == "BEIRUT" and beirut.mentions[0].start == 0


def test_nationality_adjective_on_ground_is_the_country():
    found = places_of("Shells hit a Syrian city near the Turkish border, while Syrian officials met in Geneva.")
    syria = found["Syria"]
    assert [m.text for m in syria.mentions] == ["Syrian"]  # the city's, not the officials'
    assert found["Turkey"].kind == "country"


def test_region_after_a_compass_word_is_placed_near_the_towns_named():
    found = places_of("Rebels still hold parts of eastern Ghouta, outside Damascus, after weeks of shelling.")
    ghouta = next(p for p in found.values() if any(m.text == "Ghouta" for m in p.mentions))
    assert ghouta.country == "SYR" and ghouta.lat is not None


def test_acronyms_and_brands_are_not_resolved_through_codes():
    found = places_of("A spokesman for the MoD said soldiers from Manchester had returned.")
    assert not any(m.text == "MoD" for p in found.values() for m in p.mentions)


def test_a_facility_is_placed_by_the_place_in_its_name():
    found = places_of("Students marched across the campus of Florida Atlantic University on Friday.")
    campus = found["Florida Atlantic University"]
    assert campus.country == "USA" and campus.admin1 == "Florida" and campus.lat is not None
