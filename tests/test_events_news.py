"""Event coding on news-shaped articles: whole stories with datelines, where the actors'
countries come from the story (its dateline, the country it names most, known leaders and
institutions) rather than from the sentence alone. Articles written for these tests."""

from __future__ import annotations

import pytest

import dateline

IMPEACHMENT = """Diplomat says Trump pressed Ukraine

WASHINGTON (Capitol Wire) — A senior U.S. diplomat told impeachment investigators on Wednesday that the president had directed officials to press Ukraine.

House Democrats accused the president of abusing his office, while Republicans dismissed the hearing as a partisan sham.

The White House refused to cooperate with the inquiry. The president called the hearings a witch hunt and demanded that Democrats end the inquiry.
"""

MINSK = """Police break up protest

MINSK, Belarus — Riot police detained dozens of opposition supporters on Sunday as thousands marched through the capital demanding new elections.

The European Union condemned the crackdown and threatened new sanctions against officials responsible. Lithuania's foreign minister urged Minsk to release all political prisoners.

Security forces beat protesters with batons, witnesses said.
"""

RAIDS = """Raids across Texas

HOUSTON — Federal agents arrested more than 200 people in raids across Texas this week, officials in Texas said on Friday.

Mexico's foreign ministry criticised the raids and said it would provide consular help to its citizens.
"""


def _codes(article):
    return [(e.action.plover, e.source.code if e.source else None, e.target.code if e.target else None,
             e.trigger.text) for e in article.events]


def _find(article, trigger):
    hits = [e for e in article.events if e.trigger.text == trigger]
    assert hits, _codes(article)
    return hits[0]


@pytest.fixture(scope="module")
def impeachment():
    return dateline.process(IMPEACHMENT, published="2019-11-14")


@pytest.fixture(scope="module")
def minsk():
    return dateline.process(MINSK, published="2020-08-16")


def test_domestic_politics_keeps_both_sides_at_home(impeachment):
    accused = _find(impeachment, "accused")
    assert accused.action.plover == "ACCUSE"
    assert accused.source.country == "USA" and "LEG" in accused.source.code, _codes(impeachment)
    assert accused.target.country == "USA", _codes(impeachment)
    refused = _find(impeachment, "cooperate")
    assert refused.action.plover == "REJECT" and refused.source.country == "USA"
    demanded = _find(impeachment, "demanded")
    assert demanded.action.plover == "REQUEST"
    assert demanded.source.country == "USA" and demanded.target.country == "USA", _codes(impeachment)


def test_naming_something_is_not_an_appeal(impeachment):
    # "called the hearings a witch hunt" names the hearings; nobody is asked anything
    assert not any(e.trigger.text == "hearings" for e in impeachment.events), _codes(impeachment)


def test_story_country_from_dateline_named_in_body(minsk):
    detained = _find(minsk, "detained")
    assert detained.action.plover == "COERCE"
    assert detained.source.code == "BLRCOP" and detained.target.country == "BLR", _codes(minsk)
    beat = _find(minsk, "beat")
    assert beat.action.plover == "ASSAULT" and beat.source.country == "BLR" and beat.target.country == "BLR"


def test_reaction_to_an_unattributed_act_aims_at_the_storys_country(minsk):
    condemned = _find(minsk, "condemned")
    assert condemned.action.plover == "ACCUSE" and condemned.source.code.startswith("IGO")
    assert condemned.target is not None and condemned.target.country == "BLR", _codes(minsk)
    urged = _find(minsk, "release")
    assert urged.action.plover == "REQUEST" and urged.source.country == "LTU" and urged.target.country == "BLR"


def test_foreign_criticism_of_a_domestic_act():
    art = dateline.process(RAIDS, published="2019-07-20")
    criticised = _find(art, "criticised")
    assert criticised.source.country == "MEX" and criticised.target.country == "USA", _codes(art)
    helped = _find(art, "provide")  # "said it would provide": "it" is the ministry that said so
    assert helped.source is not None and helped.source.country == "MEX", _codes(art)


def test_dateline_city_is_not_an_event_place(minsk):
    for ev in minsk.events:
        if ev.place is not None:
            start = minsk.text.find(ev.place.name)
            assert start != -1 and start > minsk.text.find("—"), (ev.place, _codes(minsk))


def test_known_leaders_and_institutions_carry_their_country():
    art = dateline.process("Putin met Erdogan in Sochi on Tuesday. The Justice Department charged two Iranian "
                           "hackers with attacking hospitals.", published="2020-01-15")
    met = _find(art, "met")
    assert met.source.code == "RUSGOV" and met.target.code == "TURGOV", _codes(art)
    charged = _find(art, "charged")
    assert charged.source.code == "USAGOV" and charged.target.country == "IRN", _codes(art)


def test_officials_of_an_unnamed_country_are_not_taken_from_their_target():
    # the only country named is the one acted on as a whole: the president is not Russian
    art = dateline.process("The president threatened further action against Russia.", published="2020-01-15")
    ev = _find(art, "threatened")
    assert ev.target.country == "RUS" and (ev.source is None or ev.source.country != "RUS"), _codes(art)


def test_victims_are_not_the_attackers_countrymen():
    art = dateline.process("A camp for Congolese refugees was attacked by Burundian militiamen armed with "
                           "machetes, killing at least 150 people.", published="2020-01-15")
    attacked = _find(art, "attacked")
    assert attacked.source.country == "BDI" and attacked.target.country == "COD", _codes(art)
    killing = _find(art, "killing")
    assert killing.target is not None and killing.target.country == "COD", _codes(art)


def test_unattributed_bombing_is_coded_where_it_happened():
    art = dateline.process("A roadside bombing near the town of Samarra killed one U.S. soldier on Sunday.",
                           published="2020-01-15")
    killed = _find(art, "killed")
    assert killed.action.plover == "ASSAULT"
    assert killed.source is not None and killed.source.country == "IRQ", _codes(art)
    assert killed.target.country == "USA"


def test_up_to_a_number_is_still_the_object():
    art = dateline.process("Afghan rebels kidnapped up to 16 Russian engineers near the border.", published="2020-01-15")
    ev = _find(art, "kidnapped")
    assert ev.action.plover == "ASSAULT" and ev.target.country == "RUS", _codes(art)


def test_exchanged_fire_is_reciprocal_fighting():
    art = dateline.process("Pakistan and India exchanged fire across the Line of Control on Monday.",
                           published="2020-01-15")
    pairs = {(e.source.country, e.target.country) for e in art.events if e.action.plover == "ASSAULT"}
    assert pairs == {("PAK", "IND"), ("IND", "PAK")}, _codes(art)


def test_resignation_is_a_retreat():
    ev = _find(dateline.process("Georgian President Eduard Shevardnadze resigned on Sunday.",
                                published="2003-11-23"), "resigned")
    assert ev.action.plover == "RETREAT" and ev.source.country == "GEO"


def test_a_protests_demand_is_part_of_the_protest():
    art = dateline.process("Thousands of students staged demonstrations in Jakarta on Saturday to demand "
                           "political reforms.", published="1998-05-16")
    kinds = [e.action.plover for e in art.events]
    assert "PROTEST" in kinds and "REQUEST" not in kinds, _codes(art)


def test_acts_aimed_abroad_do_not_default_to_home():
    art = dateline.process("Britain mobilized army reservists for a possible war against Iraq.", published="2003-01-07")
    ev = _find(art, "mobilized")
    assert ev.action.plover == "MOBILIZE" and ev.source.country == "GBR" and ev.target.country == "IRQ"


def test_tariffs_and_aid_in_amounts():
    art = dateline.process("Washington raised tariffs on Chinese steel on Friday. The United States sent $250 "
                           "million in military aid to Ukraine.", published="2019-05-10")
    raised = _find(art, "raised")
    assert raised.action.plover == "SANCTION" and raised.source.country == "USA" and raised.target.country == "CHN"
    sent = _find(art, "sent")
    assert sent.action.plover == "AID" and sent.target.country == "UKR", _codes(art)


def test_announced_refusal_is_a_rejection():
    art = dateline.process("Poland will not accept any more migrants under the quota plan, the interior minister "
                           "said.", published="2017-06-10")
    kinds = [e.action.plover for e in art.events]
    assert "REJECT" in kinds and "AGREE" not in kinds, _codes(art)
    # a past act that did not happen is still a negated event of its own type
    art = dateline.process("Poland did not accept any migrants last year.", published="2017-06-10")
    assert all(e.action.plover != "REJECT" for e in art.events), _codes(art)


def test_readying_an_attack_is_a_show_of_force():
    art = dateline.process("The Ethiopian army prepared to resume shelling rebel positions in Tigray.",
                           published="2021-07-01")
    ev = next(e for e in art.events if e.action.plover == "MOBILIZE")
    assert ev.source.country == "ETH", _codes(art)


def test_stopping_work_is_a_strike():
    art = dateline.process("Thousands of Nigerian oil workers stopped work on Monday over unpaid wages.",
                           published="2021-07-01")
    ev = next(e for e in art.events if e.action.plover == "PROTEST")
    assert ev.source.country == "NGA", _codes(art)


def test_an_ordered_killing_is_the_orderers_act():
    art = dateline.process("Prosecutors said the general ordered the killing of six Jesuit priests in El Salvador.",
                           published="2020-09-11")
    kinds = [e.action.plover for e in art.events]
    assert "ASSAULT" in kinds and "REQUEST" not in kinds, _codes(art)


def test_saying_someone_is_to_blame_is_an_accusation():
    art = dateline.process("Israeli officials said Iran was behind the drone attack on the tanker.", published="2021-08-01")
    ev = next(e for e in art.events if e.action.plover == "ACCUSE")
    assert ev.source.country == "ISR" and ev.target.country == "IRN", _codes(art)
    art = dateline.process("She said the government was responsible for protecting its citizens.", published="2021-08-01")
    assert not any(e.action.plover == "ACCUSE" for e in art.events), _codes(art)


def test_appeals_for_acts_the_lexicon_does_not_know():
    art = dateline.process("Washington pressed Beijing to open its markets to American companies.", published="2019-05-10")
    ev = next(e for e in art.events if e.action.plover == "REQUEST")
    assert ev.source.country == "USA" and ev.target.country == "CHN", _codes(art)
    art = dateline.process("The opposition in Kenya called for the resignation of the interior minister.",
                           published="2019-05-10")
    ev = next(e for e in art.events if e.action.plover == "REQUEST")
    assert ev.source.country == "KEN", _codes(art)


def test_one_part_of_a_government_suing_another():
    art = dateline.process("The governor of Texas sued the Biden administration over its border policy.",
                           published="2022-01-10")
    ev = next(e for e in art.events if e.action.plover == "ACCUSE")
    assert ev.source.country == "USA" and ev.target is not None and ev.target.country == "USA", _codes(art)


def test_police_raids_are_coercion_military_raids_attacks():
    art = dateline.process("Brazilian federal police raided the home of a former minister in Brasilia.",
                           published="2022-01-10")
    assert [e.action.plover for e in art.events if e.trigger.text == "raided"] == ["COERCE"], _codes(art)
    art = dateline.process("Israeli soldiers raided the Jenin refugee camp on Monday.", published="2022-01-10")
    assert [e.action.plover for e in art.events if e.trigger.text == "raided"] == ["ASSAULT"], _codes(art)


def test_we_inside_a_quote_is_the_speaker():
    text = ('MOSCOW (Wire) — Russian Foreign Minister Sergei Lavrov spoke to reporters on Tuesday.\n\n'
            '"We will not accept any ultimatums from Washington," Lavrov said.')
    art = dateline.process(text, published="2022-01-10")
    ev = next(e for e in art.events if e.action.plover == "REJECT")
    assert ev.source is not None and ev.source.country == "RUS" and ev.target.country == "USA", _codes(art)
    assert not any(e.action.plover == "THREATEN" for e in art.events), _codes(art)  # the ultimatum is refused


def test_ordering_someone_out_is_an_expulsion_not_a_request():
    art = dateline.process("Russia ordered two Estonian diplomats to leave the country within 48 hours.",
                           published="2022-01-10")
    assert [(e.action.plover, e.source.country, e.target.country) for e in art.events] == [("SANCTION", "RUS", "EST")]
    art = dateline.process("The government gave the French ambassador 72 hours to leave Niger.", published="2023-08-26")
    ev = art.events[0]
    assert ev.action.cameo.startswith("16") and ev.target.country == "FRA" and ev.source.country == "NER", _codes(art)
    art = dateline.process("Nicaragua's government ordered the opposition newspaper La Voz to suspend publication.",
                           published="2022-01-10")
    assert [e.action.plover for e in art.events] == ["COERCE"], _codes(art)
    # an order that is not an expulsion or a closure stays a demand
    art = dateline.process("Police in Lima ordered the protesters to disperse.", published="2022-01-10")
    assert [e.action.plover for e in art.events] == ["REQUEST"], _codes(art)


def test_meetings_named_in_other_ways():
    art = dateline.process("Trade officials from the United States and Mexico negotiated late into the night.",
                           published="2018-08-27")
    assert {(e.source.country, e.target.country) for e in art.events} == {("USA", "MEX"), ("MEX", "USA")}, _codes(art)
    art = dateline.process("Iran and Saudi Arabia held a fifth round of talks in Baghdad.", published="2021-09-22")
    assert {(e.source.country, e.target.country) for e in art.events} == {("IRN", "SAU"), ("SAU", "IRN")}, _codes(art)
    art = dateline.process("Merkel spoke with Putin by telephone about the crisis in Belarus.", published="2020-08-18")
    ev = art.events[0]
    assert ev.action.plover == "CONSULT" and ev.source.country == "DEU" and ev.target.country == "RUS"
    art = dateline.process("The Indian prime minister hosted the Japanese prime minister in New Delhi.",
                           published="2022-03-20")
    ev = art.events[0]
    assert ev.source.country == "IND" and ev.target is not None and ev.target.country == "JPN", _codes(art)


COURT = """Man convicted in courthouse threat case

PORTLAND, Ore. (Valley Wire) — Federal prosecutors dropped the conspiracy charges against Dana Whitcombe on Tuesday, a day after Oregon police arrested Marcus Delane at his home in Salem.

Delane was convicted last year of threatening a county judge. State regulators demanded answers from the prison contractor.
"""


@pytest.fixture(scope="module")
def court():
    return dateline.process(COURT, published="2021-06-09")


def test_private_people_are_actors_of_their_own_country(court):
    arrested = _find(court, "arrested")
    assert arrested.action.plover == "COERCE", _codes(court)
    assert arrested.source.code == "USACOP" and arrested.target.name == "Marcus Delane", _codes(court)
    assert arrested.target.country == "USA" and "CVL" in arrested.target.code


def test_dropping_charges_is_a_concession_not_an_accusation(court):
    dropped = _find(court, "dropped")
    assert dropped.action.cameo.startswith("08"), _codes(court)
    assert not any(e.action.plover == "ACCUSE" and e.trigger.text == "charges" for e in court.events)


def test_a_state_names_its_country_in_an_actor_phrase(court):
    demanded = _find(court, "demanded")
    assert demanded.action.plover == "REQUEST" and demanded.source.country == "USA", _codes(court)


def test_wanting_another_to_act_is_a_request_of_them_and_wanting_to_act_an_intent():
    asked = dateline.process("The US wants the UK to extradite the publisher.", published="2019-11-20").events
    assert [(e.action.plover, e.source.country, e.target.country) for e in asked] == [("REQUEST", "USA", "GBR")]
    own = dateline.process("The US wants to withdraw its troops from Syria.", published="2019-11-20").events
    assert own and own[0].action.cameo.startswith("03") and own[0].modality == "intended"
