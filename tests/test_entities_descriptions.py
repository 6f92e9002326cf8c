"""Descriptions that stand for a person named before: 'The 56-year-old said', 'The Portuguese boss'."""

import dateline

STORY = (
    "Carla Mendes has agreed a deal to replace Tomas Ruiz as Harbor City's coach until the end of "
    "next season.\n\n"
    "The Brazilian boss had been out of work since leaving Porto Azul in March.\n\n"
    "The 49-year-old said after her appointment: \u201cI am proud to lead a club with such loyal supporters.\u201d"
)


def article():
    return dateline.process(STORY, published="2023-06-02")


def person(a, surname):
    return next(e for e in a.entities if e.type == "PERSON" and surname in e.name)


def test_age_description_is_the_subject_named_before_not_the_object():
    a = article()
    mentions = [a.text[m.start:m.end] for m in person(a, "Mendes").mentions]
    assert "The 49-year-old" in mentions
    assert "The 49-year-old" not in [a.text[m.start:m.end] for m in person(a, "Ruiz").mentions]


def test_nationality_description_gives_country_and_role_to_the_subject():
    a = article()
    mendes = person(a, "Mendes")
    assert mendes.country == "BRA"
    assert "boss" in [r.lower() for r in mendes.roles]
    assert person(a, "Ruiz").country != "BRA"


def test_quote_after_an_age_description_has_its_speaker():
    a = article()
    quote = next(q for q in a.quotes if "proud to lead" in q.text)
    assert quote.speaker == person(a, "Mendes").id
