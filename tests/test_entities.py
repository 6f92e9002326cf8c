"""Entities on short invented articles: titles, appositions, coreference, metonyms, datelines."""

from __future__ import annotations

from dateline.analyse import entities
from dateline.analyse.nlp import load
from dateline.doc import Doc
from dateline.record import Article, Source
from conftest import shared_path


def analyse(text: str) -> Doc:
    article = Article(id="t", source=Source(None, None, "text"), title=None, authors=[], published=None,
                      dateline=None, language="en", text=text)
    doc = Doc(article=article, parsed=load()(text))
    entities.annotate(doc)
    return doc


def person(doc: Doc, surname: str):
    found = [e for e in doc.article.entities if e.type == "PERSON" and e.name.endswith(surname)]
    assert len(found) == 1, [e.name for e in doc.article.entities]
    return found[0]


def mention_texts(entity) -> list[str]:
    return [m.text for m in entity.mentions]


def test_pre_name_title_gives_title_country_and_sector():
    doc = analyse("Jordanian Foreign Minister Karim Haddad arrived in Amman on Monday. "
                  "Haddad met reporters at the airport.")
    haddad = person(doc, "Haddad")
    assert haddad.name == "Karim Haddad"
    assert haddad.titles == ["Foreign Minister"]
    assert haddad.country == "JOR" and haddad.sectors == ["GOV"]
    # the surname alone is the same person
    assert mention_texts(haddad).count("Haddad") == 1


def test_apposition_role_organisation_sector_beats_generic_spokesman():
    doc = analyse("The spokesman for the Egyptian Army Command, Brigadier General Samir Fawzi, said on Sunday "
                  "that the exercise was over. The spokesperson for the Egyptian Army Command added that no "
                  "one was hurt.")
    fawzi = person(doc, "Fawzi")
    assert "Brigadier General" in fawzi.titles
    assert fawzi.roles == ["spokesman for the Egyptian Army Command"]
    assert fawzi.country == "EGY" and fawzi.sectors == ["MIL"]
    # the later role description refers to him
    assert "The spokesperson for the Egyptian Army Command" in mention_texts(fawzi)


def test_title_after_name_and_role_description_coreference():
    doc = analyse("Lena Brandt, the German defence minister, visited the base. "
                  "The minister later flew to Berlin.")
    brandt = person(doc, "Brandt")
    assert brandt.country == "DEU"
    assert any("minister" in r.lower() for r in brandt.titles + brandt.roles)
    assert "The minister" in mention_texts(brandt)


def test_secretary_of_state_is_a_title_not_an_organisation():
    doc = analyse("The U.S. Secretary of State Dana Whitfield spoke with her counterpart on Tuesday.")
    whitfield = person(doc, "Whitfield")
    assert whitfield.titles == ["Secretary of State"]
    assert whitfield.country == "USA" and whitfield.sectors == ["GOV"]
    assert not [e for e in doc.article.entities if e.type == "ORG" and e.name == "State"]


def test_pronoun_resolves_to_recent_subject():
    doc = analyse("Senator Paul Ortega criticised the budget on Monday. "
                  "\u201cIt is a disgrace,\u201d he said. Maria Lopez, an economist, disagreed with him.")
    ortega = person(doc, "Ortega")
    pronouns = [m.text for m in ortega.mentions if m.text in ("he", "him")]
    assert pronouns == ["he", "him"]
    lopez = person(doc, "Lopez")
    assert "he" not in mention_texts(lopez)


def test_metonyms_are_governments_and_recorded():
    doc = analyse("Washington and Moscow agreed on Friday to resume talks, the Kremlin said. "
                  "Tourists in Washington were unaffected.")
    usa = [e for e in doc.article.entities if e.name == "Washington"][0]
    assert usa.type == "GPE" and usa.country == "USA" and usa.sectors == ["GOV"]
    spans = doc.user_data["metonym_spans"]
    text = doc.text
    metonym_words = sorted(text[s:e] for s, e in spans)
    assert "Moscow" in metonym_words and "Kremlin" in metonym_words
    # the tourists' Washington is a place, not the government
    assert metonym_words.count("Washington") == 1


def test_allcaps_dateline_places_and_css_leftovers():
    doc = analyse("AMMAN, JORDAN (9:15 A.M.) \u2013 Officials met on Monday.\n\n"
                  ".uc67f { color: #ECF0F1; } .uc67f:hover { background-color: #D35400!important; }")
    names = {(e.name, e.type, e.country) for e in doc.article.entities}
    assert ("Amman", "GPE", "JOR") in names and ("Jordan", "GPE", "JOR") in names
    assert not [e for e in doc.article.entities if e.type == "PERSON"]


def test_every_mention_matches_the_text():
    doc = analyse("Prime Minister Omar Saleh met President Ana Ruiz. Saleh said she was welcome.")
    for entity in doc.article.entities:
        for m in entity.mentions:
            assert doc.text[m.start:m.end] == m.text
    assert [e.id for e in doc.article.entities] == [f"e{i}" for i in range(1, len(doc.article.entities) + 1)]


def test_seed_officials():
    import dateline

    seed = shared_path("corpus", "seed", "000_022b95cdbb7346cb.txt")
    article = dateline.process(seed.read_text("utf-8"))
    people = {e.name: e for e in article.entities if e.type == "PERSON"}
    expected = {
        "Tahsin Al-Khafaji": ("IRQ", "MIL"), "Fouad Hussein": ("IRQ", "GOV"),
        "Mustafa Al-Kazemi": ("IRQ", "GOV"), "Mike Pompeo": ("USA", "GOV"),
        "Christopher Miller": ("USA", None),
    }
    for name, (country, sector) in expected.items():
        assert name in people, sorted(people)
        assert people[name].country == country
        if sector:
            assert people[name].sectors == [sector]
    assert set(people) == set(expected)
    khafaji = people["Tahsin Al-Khafaji"]
    assert "Major General" in khafaji.titles
    assert khafaji.roles == ["spokesman for the Iraqi Joint Operations Command"]
    assert {"he", "Al-Khafaji"} <= {m.text for m in khafaji.mentions}
    assert any(m.text.startswith("The spokesperson") for m in khafaji.mentions)
    assert people["Fouad Hussein"].titles == ["Foreign Minister"]
    assert "Hussein" in {m.text for m in people["Fouad Hussein"].mentions}
    assert people["Mustafa Al-Kazemi"].titles == ["Prime Minister"]
    assert people["Mustafa Al-Kazemi"].roles == ["Commander-in-Chief of the Armed Forces"]
    assert people["Mike Pompeo"].titles == ["Secretary of State"]
    assert people["Christopher Miller"].titles == ["acting Secretary of Defense"]
    governments = {e.name for e in article.entities if e.type == "GPE" and e.sectors == ["GOV"]}
    assert {"Washington", "Baghdad"} <= governments


def test_officials_take_the_dateline_country_but_envoys_of_international_bodies_do_not():
    from dateline.record import Dateline, Place

    text = ("Interior Minister Peter Ochola said on Monday that curfews would be lifted. "
            "The UN envoy for the region, Anna Berg, welcomed the decision.")
    article = Article(id="t", source=Source(None, None, "text"), title=None, authors=[], published=None,
                      dateline=Dateline(text="NAIROBI, Kenya —", place=Place("Nairobi", "KEN")),
                      language="en", text=text)
    doc = Doc(article=article, parsed=load()(text))
    entities.annotate(doc)
    assert person(doc, "Ochola").country == "KEN"
    assert person(doc, "Berg").country is None


def test_first_names_give_gender_and_full_names_that_differ_stay_apart():
    doc = analyse("Donald Trump spoke first. Melania Trump followed him on stage, and she thanked the crowd.")
    names = {e.name for e in doc.article.entities if e.type == "PERSON"}
    assert {"Donald Trump", "Melania Trump"} <= names
    assert "she" in mention_texts(person(doc, "Melania Trump"))


def test_a_title_that_names_a_country_beats_the_dateline():
    from dateline.record import Dateline, Place

    text = ("Kremlin spokesman Ivan Sorokin said on Monday that talks with Ecuador would continue. "
            "Interior Minister Gloria Benitez said Ecuador would not expel the diplomats.")
    article = Article(id="t", source=Source(None, None, "text"), title=None, authors=[], published=None,
                      dateline=Dateline(text="QUITO, Ecuador —", place=Place("Quito", "ECU")),
                      language="en", text=text)
    doc = Doc(article=article, parsed=load()(text))
    entities.annotate(doc)
    assert person(doc, "Sorokin").country == "RUS"
    assert person(doc, "Benitez").country == "ECU"
