"""Offices and countries of people as real news pages write them, on invented sentences:
appositions opened by a possessor or a bare office, sentence-opening titles, plural titles,
American party-and-state tags, states in titles, names the small model tags as organisations,
"served as" roles, nationality descriptions and surname particles."""

from __future__ import annotations

from dateline.analyse import titles
from test_entities import analyse, mention_texts, person


def offices(entity) -> list[str]:
    return [o.lower() for o in entity.titles + entity.roles]


def test_possessor_opens_an_apposition():
    doc = analyse("Power will return by Friday, said Dana Whitlow, Northwind Energy's chief hydrologist.\n\n"
                  "Lena Okafor, Whitlow's lawyer, told reporters the firm would appeal.")
    assert any("hydrologist" in o for o in offices(person(doc, "Whitlow")))
    assert any("lawyer" in o for o in offices(person(doc, "Okafor")))


def test_bare_office_opens_an_apposition_and_stops_at_the_paragraph():
    doc = analyse("Prices may fall further, said Tomas Brandt, senior commodities trader and strategist at Kellner Bank.\n\n"
                  "Brandt said demand was weak.")
    brandt = person(doc, "Brandt")
    assert any("trader" in o and "strategist" in o for o in offices(brandt))
    assert all("\n" not in o for o in offices(brandt))


def test_apposition_ends_at_a_clause_or_an_unrelated_and():
    doc = analyse("The storm will pass by Thursday, said Rita Ocampo, the agency's director of emergency "
                  "planning and response. Jon Weld, a lawyer who represents residents, disagreed.")
    assert any("director of emergency planning" in o for o in offices(person(doc, "Ocampo")))
    assert "lawyer" in offices(person(doc, "Weld"))


def test_two_offices_joined_by_and_before_the_name():
    doc = analyse("Investigators are asking whether Halcyon's founder and former CEO, Marcus Delray, "
                  "used company money for himself.")
    assert any("founder" in o and "ceo" in o for o in offices(person(doc, "Delray")))


def test_sentence_opening_title_before_a_comma():
    doc = analyse("Senate Leader, Musa Abdullahi raised a motion on Tuesday.\n\n"
                  "Senator representing Kano Central, Ibrahim Sule, seconded the motion.")
    assert "senate leader" in offices(person(doc, "Abdullahi"))
    assert any(o.startswith("senator") for o in offices(person(doc, "Sule")))


def test_a_titled_name_before_a_comma_is_not_the_next_persons_office():
    doc = analyse("Ohio Sen. Martha Quill, Vermont Rep. Dan Ruiz and businessman Alan Cho will speak.")
    ruiz = person(doc, "Ruiz")
    assert not any("quill" in o for o in offices(ruiz))
    assert any("rep." in o for o in offices(ruiz))
    assert "businessman" in offices(person(doc, "Cho"))


def test_office_at_the_end_of_a_longer_noun_phrase():
    doc = analyse("The assembly mourned the deaths of former House of Assembly Speaker, Tunde Bakare, on Monday.")
    bakare = person(doc, "Bakare")
    assert any(o.startswith("former house of assembly speaker") for o in offices(bakare))
    assert not any("deaths" in o for o in offices(bakare))


def test_plural_title_is_each_persons_title():
    doc = analyse("Sens. Laura Pike and Omar Velez have struggled to gain ground in Iowa.")
    assert "sen." in offices(person(doc, "Pike"))
    assert "sen." in offices(person(doc, "Velez"))


def test_party_and_state_tag_places_a_person_in_the_united_states():
    doc = analyse("A man threatened Rep. Nadia Farouk (D-Ore.) in a phone call, prosecutors said.\n\n"
                  "Rep. Glen Harker, R-Texas, condemned the call.")
    assert person(doc, "Farouk").country == "USA"
    assert person(doc, "Harker").country == "USA"


def test_state_in_a_title_is_its_country_not_a_namesake():
    doc = analyse("New Jersey Sen. Paula Grant and Minnesota Gov. Erik Lund met in Chicago.")
    assert person(doc, "Grant").country == "USA"  # not Jersey (JEY)
    assert person(doc, "Lund").country == "USA"


def test_states_set_the_scene_for_officials_without_a_country_word():
    doc = analyse("Utility CEO Frank Moreno said crews in California and Oregon would restore power. "
                  "California officials criticised the utility.")
    assert person(doc, "Moreno").country == "USA"


def test_name_tagged_as_organisation_after_an_office():
    doc = analyse("Job cuts will come this week, said The Oak Company's newly named executive chair Marcelo Duarte "
                  "in an email to staff. Duarte did not give a number.")
    duarte = person(doc, "Duarte")
    assert any("chair" in o for o in offices(duarte))


def test_served_as_gives_a_role_to_the_subject_or_the_relative_clauses_antecedent():
    doc = analyse("Dr. Colin Marsh, who was then serving as the governor's physician, declined to comment.\n\n"
                  "Police said Anna Reiter was attacked at the clinic in Vienna, where she worked as a chief surgeon.")
    assert any("physician" in o for o in offices(person(doc, "Marsh")))
    assert any("surgeon" in o for o in offices(person(doc, "Reiter")))


def test_nationality_description_gives_the_country():
    doc = analyse("Prosecutors in Oslo dropped the case against activist Liam Carver. The Norwegian authorities "
                  "could not proceed while the Canadian national remained in Lisbon.")
    assert person(doc, "Carver").country == "CAN"


def test_nationality_word_before_a_noun_is_not_a_description():
    doc = analyse("Coach Ivan Petrov praised his players. The Canadian national team lost in Lisbon.")
    assert person(doc, "Petrov").country != "CAN"


def test_surname_with_particle_joins_the_right_person():
    doc = analyse("The son of former German President Karl von Ansbach, Otto Lukas von Ansbach, was injured. "
                  "The attack happened at a talk led by von Ansbach at the hospital where he worked as a physician.")
    otto = [e for e in doc.article.entities if e.type == "PERSON" and e.name.startswith("Otto")]
    assert len(otto) == 1
    assert "von Ansbach" in mention_texts(otto[0])
    assert not [e for e in doc.article.entities if e.type == "PERSON" and e.name == "von Ansbach"]


def test_someone_elses_office_before_a_name_is_not_the_persons():
    doc = analyse("Ava Lindqvist founded the firm in 2010. A spokeswoman for Lindqvist declined to comment.")
    assert not any("spokes" in o for o in offices(person(doc, "Lindqvist")))


def test_honorific_abbreviation_split_from_the_name_by_the_parser():
    doc = analyse("The motion was on the deaths of Rt. Hon. Ade Okon and member, Bisi Adeyemi. "
                  "Lawmakers mourned Okon and Hon. Bisi Adeyemi for a minute.")
    assert any(o.startswith("hon") or "rt. hon." in o for o in offices(person(doc, "Adeyemi")))


def test_academic_prefix_is_a_title_of_its_own():
    doc = analyse("As the network's chief medical correspondent Dr. Nina Patel noted at the time, the risk was moderate.")
    patel = person(doc, "Patel")
    assert "dr." in offices(patel)
    assert any("correspondent" in o and "dr." not in o for o in offices(patel))


def test_american_cabinet_secretary_abroad_stays_american():
    doc = analyse("Defense Secretary Mark Ellery said Wednesday in Hanoi that Vietnam was a partner. "
                  "Ellery met his Vietnamese counterpart, Defense Minister Tran Van Long, in Hanoi on Thursday.")
    assert person(doc, "Ellery").country == "USA"
    assert person(doc, "Long").country == "VNM"


def test_country_an_office_is_about_is_not_its_holders():
    doc = analyse("Former U.S. Ambassador to Peru Dana Hollis testified on Friday. "
                  "Col. Ray Munz, the top Peru expert on the National Security Council, testified after her.")
    hollis = person(doc, "Hollis")
    assert hollis.country == "USA"
    assert any("ambassador to peru" in o for o in offices(hollis))
    munz = person(doc, "Munz")
    assert munz.roles and all(titles.country_in(r) is None for r in munz.roles)


def test_possessive_country_before_an_office():
    doc = analyse("Bolivia's interim President Rosa Quispe said on Sunday that new elections would be called.")
    assert person(doc, "Quispe").country == "BOL"
    assert "interim president" in offices(person(doc, "Quispe"))


def test_two_offices_with_a_shared_head_after_the_name():
    doc = analyse("Mara Lund, the group's research and advocacy director for Europe, said the figures were low.")
    assert any("advocacy director" in o for o in offices(person(doc, "Lund")))


def test_plural_description_of_a_named_pair_is_each_ones_role():
    doc = analyse("Prosecutors said Nora Vance and Carl Boyd, the guards assigned to watch Hendricks, "
                  "falsified the records.")
    for surname in ("Vance", "Boyd"):
        assert any(o.startswith("guard assigned to watch") for o in offices(person(doc, surname)))


def test_plural_description_after_one_name_is_not_its_role():
    doc = analyse("Carl Boyd, one of the guards, was charged on Tuesday.")
    assert not offices(person(doc, "Boyd"))


def test_occupation_opening_the_next_sentence_describes_the_person_just_named():
    doc = analyse("Lucia Ferro said she had not decided how to vote in the primary. "
                  "The real estate agent said she liked what she heard.")
    assert "real estate agent" in offices(person(doc, "Ferro"))


def test_office_of_state_opening_the_next_sentence_is_someone_else():
    doc = analyse("Lucia Ferro said she had not decided how to vote. The president said the vote was fair.")
    assert not offices(person(doc, "Ferro"))


def test_a_real_sentence_break_after_an_office_word():
    doc = analyse("Moreno was under attack last month as a new leader. Will Moreno continue to face the heat?")
    assert [e.name for e in doc.article.entities if e.type == "PERSON"] == ["Moreno"]
    assert not offices(person(doc, "Moreno"))


def test_name_glued_to_a_country_in_one_organisation_span():
    doc = analyse("Claim\n\nFormer U.S. ambassador to Ukraine Marie Hollister has a net worth of $17 million.")
    hollister = person(doc, "Hollister")
    assert hollister.name == "Marie Hollister"
    assert hollister.country == "USA"
    assert any("ambassador to ukraine" in o for o in offices(hollister))


def test_article_inside_a_title():
    doc = analyse("On Friday, former U.S. ambassador to the Ukraine Dana Hollis testified before the committee.")
    assert any("ambassador to the ukraine" in o for o in offices(person(doc, "Hollis")))


def test_suspect_is_a_role():
    doc = analyse("The suspect, Dale Rourke, was convicted on Thursday.")
    assert "suspect" in offices(person(doc, "Rourke"))


def test_nationality_word_standing_for_the_person_just_named():
    doc = analyse("The club sacked Mateo Ferrer on Tuesday. Speculation grew after the Argentine was linked "
                  "to other jobs.")
    assert person(doc, "Ferrer").country == "ARG"


def test_age_description_in_subject_position_is_the_person_just_named():
    doc = analyse("The club appointed Rui Salgado on Wednesday. The Portuguese coach had been out of work for a year. "
                  "The 56-year-old said he was excited.")
    assert "The 56-year-old" in mention_texts(person(doc, "Salgado"))
    assert person(doc, "Salgado").country == "PRT"


def test_age_description_of_a_new_person_is_left_alone():
    doc = analyse("Officer Dana Pike arrived at noon. The 19-year-old man was arrested at the scene.")
    assert not any("year-old" in t for t in mention_texts(person(doc, "Pike")))


def test_surname_tagged_as_a_place_joins_the_person_and_clubs_are_not_people():
    doc = analyse("Mauro Bellini was sacked by Manchester United on Tuesday. Bellini had been in charge for five years.")
    bellini = person(doc, "Bellini")
    assert mention_texts(bellini).count("Bellini") == 1
    assert not [e for e in doc.article.entities if e.type == "PERSON" and "United" in e.name]


def test_office_owning_the_title_gives_the_country():
    doc = analyse("U.S. Secretary of State's spokesman Mark Rudd said Washington had serious concerns about Peru. "
                  "Peru rejected the statement. Peru's government said the vote was fair.")
    rudd = person(doc, "Rudd")
    assert rudd.country == "USA"
    assert any("spokesman" in o for o in offices(rudd))


def test_apposition_with_a_possessive_organisation_inside():
    doc = analyse("A spokesman for China's Taiwan Affairs Office, Li Wenhua, said the drills were necessary.")
    li = person(doc, "Wenhua")
    assert any(o.startswith("spokesman for china's taiwan affairs office") for o in offices(li))
    assert li.country == "CHN"


def test_american_and_british_style_secretaries_elsewhere_take_the_setting():
    doc = analyse("Bangladesh hosts many refugees. Bangladeshi Foreign Secretary Rafiq Ahmed said on Sunday that "
                  "Dhaka could not accept more, and Bangladesh would ask for help.")
    assert person(doc, "Ahmed").country == "BGD"


def test_its_spokesman_takes_the_country_of_the_organisation_before():
    doc = analyse("Norway's coast guard agency rejected the accusation on Monday. Its spokesman, Captain Ola Berg, "
                  "said Sweden had been told in advance.")
    berg = person(doc, "Berg")
    assert berg.country == "NOR"
    assert any("spokesman" in o for o in offices(berg))


def test_counterpart_by_nationality_gives_the_country():
    doc = analyse("Foreign Minister Ana Lopes of Portugal and her Spanish counterpart, Foreign Minister Luis Vidal, "
                  "signed the accord in Lisbon.")
    assert person(doc, "Vidal").country == "ESP"
