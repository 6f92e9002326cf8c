"""Who did it when the sentence names the doer only once: -ing clauses under 'before/after/by',
'he' for an unnamed person, and people removed by force."""

import dateline


def coded(text, published="2022-03-10"):
    article = dateline.process(text, published=published)
    return [(e.action.cameo, e.source.code if e.source else None, e.target.code if e.target else None,
             e.trigger.text) for e in article.events]


def test_ing_clause_after_before_is_done_by_the_main_subject():
    events = coded("Kenyan police questioned the two men for hours before arresting them in Mombasa.")
    arrest = [e for e in events if e[3] == "arresting"]
    assert arrest and arrest[0][1] == "KENCOP"


def test_ing_clause_after_by_is_done_by_the_main_subject():
    events = coded("The Ugandan army responded by detaining dozens of opposition supporters in Kampala.")
    detain = [e for e in events if e[3] == "detaining"]
    assert detain and detain[0][1] == "UGAMIL"


def test_he_stands_for_the_unnamed_man_before_it():
    events = coded("A Texas man pleaded guilty to charges he threatened to kill the mayor of Dallas.")
    threat = [e for e in events if e[0].startswith("13")]
    assert threat and threat[0][1] is not None and threat[0][1].startswith("USA")


def test_he_is_not_a_plural_or_an_institution():
    events = coded("Police in Lagos said he attacked an officer at a checkpoint on Monday.")
    attack = [e for e in events if e[0].startswith("19") or e[0].startswith("18")]
    assert attack
    assert attack[0][1] != "NGACOP"  # "he" is not the police who reported it


def test_removed_by_force_is_coercion():
    events = coded("Riot police dragged the protesters out of the ministry building in Nairobi on Tuesday.")
    assert any(e[0] == "173" and e[1] == "KENCOP" for e in events)


def test_hauling_a_thing_is_no_event():
    assert coded("A crane hauled the wrecked ferry out of the harbour on Friday.") == []
