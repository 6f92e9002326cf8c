"""The defining example, fact by fact: the seed article datelined Beirut about 500 US
soldiers leaving Iraq (``../shared/corpus/seed/``; skipped when absent)."""

from __future__ import annotations

import pytest

import dateline
from conftest import assert_valid_record, seed_files


@pytest.fixture(scope="module")
def seed():
    [path] = seed_files()
    return dateline.process(path.read_text("utf-8"))


def person(article, surname):
    matches = [e for e in article.entities if e.type == "PERSON" and surname in e.name]
    assert matches, f"no person named like {surname!r}: {[e.name for e in article.entities if e.type == 'PERSON']}"
    return matches[0]


def mention_texts(entity):
    return [m.text for m in entity.mentions]


def test_record_validates(seed, schema_validator):
    assert_valid_record(seed.to_dict(), schema_validator)


def test_clean_text_has_no_widget_css_or_footer(seed):
    assert seed.text.startswith("The spokesman for the Iraqi Joint Operations Command")
    assert "{" not in seed.text and "min-height" not in seed.text
    assert "Content retrieved from" not in seed.text
    assert "\n- 1" not in seed.text and not seed.text.rstrip().endswith("- 1")
    assert seed.text.rstrip().endswith("in his first message to the U.S. armed forces.")
    removed = " ".join(b.text for b in seed.boilerplate)
    assert "min-height" in removed and "Content retrieved from" in removed


def test_byline_and_date(seed):
    assert seed.authors == ["News Desk"]
    assert seed.published == "2020-11-20"


def test_dateline_is_kept_apart_from_event_places(seed):
    assert seed.dateline is not None
    assert seed.dateline.place.name == "Beirut" and seed.dateline.place.country == "LBN"
    assert seed.dateline.time == "20:40"
    beirut = [p for p in seed.places if p.name == "Beirut"]
    assert beirut and all(p.role == "dateline" for p in beirut)
    iraq = [p for p in seed.places if p.country == "IRQ" and p.kind == "country"]
    assert iraq and iraq[0].role == "event"
    for event in seed.events:
        assert event.place is None or event.place.name != "Beirut"


@pytest.mark.parametrize("surname, title, country", [
    ("Al-Khafaji", "Major General", "IRQ"),
    ("Hussein", "Foreign Minister", "IRQ"),
    ("Al-Kazemi", "Prime Minister", "IRQ"),
    ("Pompeo", "Secretary of State", "USA"),
    ("Miller", "Secretary of Defense", "USA"),
])
def test_five_officials_with_titles_and_countries(seed, surname, title, country):
    official = person(seed, surname)
    assert any(title.lower() in t.lower() for t in official.titles), official.titles
    assert official.country == country


def test_surname_pronoun_and_role_resolve_to_the_right_person(seed):
    khafaji = person(seed, "Al-Khafaji")
    assert khafaji.name == "Tahsin Al-Khafaji"
    texts = mention_texts(khafaji)
    assert "he" in texts  # “Today, the American forces ...,” he said.
    assert any(t.lower().startswith("the spokesperson") for t in texts)
    assert any("spokesman for the Iraqi Joint Operations Command" in r for r in khafaji.roles)
    hussein = person(seed, "Hussein")
    assert hussein.name == "Fouad Hussein"
    assert mention_texts(hussein).count("Hussein") >= 1
    assert not [e for e in seed.entities if e.type == "PERSON" and e.name == "Hussein"]


def quote_by(seed, fragment):
    matches = [q for q in seed.quotes if fragment in q.text]
    assert matches, f"no quote containing {fragment!r}"
    return matches[0]


@pytest.mark.parametrize("fragment, speaker, direct, channel", [
    ("We only have those who meet the support for air strikes", "Al-Khafaji", True, "Sputnik"),
    ("the American forces began to withdraw and the number is 500", "Al-Khafaji", True, None),
    ("will take place within a very short period", "Al-Khafaji", None, None),
    ("The time has come to return to the homeland", "Miller", True, "message"),
    ("Baghdad and Washington had reached an agreement", "Hussein", False, None),
])
def test_quotes_with_speaker_and_channel(seed, fragment, speaker, direct, channel):
    quote = quote_by(seed, fragment)
    entity = seed.entity(quote.speaker)
    assert entity is not None and speaker in entity.name
    if direct is not None:
        assert quote.direct is direct
    if channel:
        assert quote.channel and channel in quote.channel


@pytest.mark.parametrize("expression, value", [("last Wednesday", "2020-11-18"), ("Friday", "2020-11-20"),
                                               ("Today", "2020-11-20")])
def test_relative_dates_resolved_against_publication(seed, expression, value):
    assert any(expression in d.text and d.value == value for d in seed.dates), \
        [(d.text, d.value) for d in seed.dates]


@pytest.mark.parametrize("number, category", [(500, "troops"), (2500, "troops")])
def test_counts(seed, number, category):
    matches = [c for c in seed.counts if c.number == number]
    assert matches, [(c.number, c.noun) for c in seed.counts]
    assert any(c.category == category and c.actor and c.actor.country == "USA" for c in matches)


def events_of(seed, plover):
    return [e for e in seed.events if e.action.plover == plover]


def countries(event):
    return {event.source.country if event.source else None, event.target.country if event.target else None}


def test_withdrawal_of_us_forces_from_iraq(seed):
    withdrawals = [e for e in events_of(seed, "RETREAT") if e.modality == "asserted"]
    assert withdrawals, [(e.action.cameo, e.action.plover, e.modality) for e in seed.events]
    event = withdrawals[0]
    assert event.action.cameo.startswith("087")
    assert event.source.country == "USA" and "MIL" in (event.source.code or "")
    assert event.place and event.place.country == "IRQ"
    assert event.date == "2020-11-20"
    assert any(e.count == 500 for e in withdrawals)


def test_iraq_and_us_agree(seed):
    agreements = events_of(seed, "AGREE")
    assert any(countries(e) == {"IRQ", "USA"} for e in agreements)


def test_phone_call_between_kazemi_and_pompeo(seed):
    calls = [e for e in events_of(seed, "CONSULT") if countries(e) == {"IRQ", "USA"}]
    pairs = [{e.source.name, e.target.name} for e in calls]
    assert any(any("Kazemi" in n for n in pair) and any("Pompeo" in n for n in pair) for pair in pairs), pairs
    call = next(e for e in calls if "Kazemi" in e.source.name + e.target.name)
    assert call.action.cameo.startswith("04") and "phone call" in call.sentence.text


def test_intent_to_withdraw_from_afghanistan(seed):
    intents = [e for e in seed.events if e.modality == "intended"]
    assert intents
    event = intents[0]
    assert event.source and "Miller" in event.source.name and event.source.country == "USA"
    assert "Afghanistan" in event.sentence.text
