"""Attribution shapes the small parser gets wrong, on invented sentences: where indirect
speech starts and ends, and who said a quotation when the parse gives no subject."""

from __future__ import annotations

from test_quotes import analyse, assert_consistent, only


def speaker_name(doc, quote) -> str | None:
    entity = doc.article.entity(quote.speaker)
    return entity.name if entity else quote.speaker_name


def test_that_clause_after_channel_and_time():
    doc = analyse("Harbor Party strategist Lena Voss says in a statement that the race will now be a "
                  "three-way contest between Marsh, Okoro and Delgado.")
    q = only(doc, "three-way contest")
    assert q.text.startswith("that the race will now be")
    assert not q.direct and q.cue == "says"
    assert "Voss" in speaker_name(doc, q)
    assert_consistent(doc)


def test_that_clause_after_long_adverbials():
    doc = analyse("The shipping magnate Oren Taltz said earlier on Friday during a news conference that he "
                  "may wait until the spring to decide which candidate to back.")
    q = only(doc, "may wait until the spring")
    assert q.text.startswith("that he may wait")
    assert "Taltz" in speaker_name(doc, q)


def test_relative_that_after_an_object_is_not_speech():
    doc = analyse("But in describing the levy as a burden that families would reject if they understood it, "
                  "the columnists are missing the point.")
    assert not any(q.text.startswith("families would reject") for q in doc.article.quotes)


def test_calling_for_someone_to_act():
    doc = analyse("Senator Rhea Mondale is calling for the federal government to take a stronger role in "
                  "the cleanup of the river.")
    q = only(doc, "federal government")
    assert q.text.startswith("the federal government to take a stronger role")
    assert q.text.endswith("river")


def test_reported_conjunct_in_another_mood_goes_on():
    doc = analyse("Governor Ilse Brandt said she was rooting for the Hawks but would now root for the Falcons "
                  "since her brother chose them.")
    q = only(doc, "rooting for the Hawks")
    assert "root for the Falcons" in q.text


def test_do_supported_second_act_is_not_content():
    doc = analyse("Mayor Piet Janssen said that he would offer \u201ca prayer\u201d for the eventual nominee "
                  "but did not suggest it would be Councilwoman Adair.")
    q = only(doc, "a prayer")
    assert "did not suggest" not in q.text


def test_trailing_aside_is_cut():
    doc = analyse("Party chairman Ruud Kessel said the vote would favor a Marsh win in Ohio, which votes "
                  "on March 8.")
    q = only(doc, "Marsh win")
    assert q.text.endswith("in Ohio")


def test_cleft_relative_clause_is_kept():
    doc = analyse("Several sources close to the talks say it is the union leaders, under pressure from "
                  "their members, who have insisted on a vote now.")
    q = only(doc, "union leaders")
    assert "insisted on a vote now" in q.text


def test_trailing_participle_gloss_is_cut():
    doc = analyse("Sixty percent of likely voters said they would consider a third-party candidate, putting "
                  "the figure at a record high for the state.")
    q = only(doc, "third-party candidate")
    assert "putting" not in q.text


def test_contrasting_speaker_ends_the_content():
    doc = analyse("Ana Ruiz accused Tomas Berg of running a \u201cdishonest campaign\u201d about her record "
                  "while Berg suggests the former minister is a captive of the party machine.")
    q = only(doc, "dishonest campaign")
    assert "captive" not in q.text


def test_poll_share_is_the_speaker():
    doc = analyse("Twenty-four percent said they were more likely to vote for Ms. Hale because of the debate.")
    q = only(doc, "more likely to vote")
    assert q.speaker_name and "percent" in q.speaker_name.lower()


def test_asked_participle_is_not_a_quote_of_the_subject():
    doc = analyse("Asked what qualities the next chancellor should have, Dieter Vogt said, "
                  "\u201cThey have got to be able to win.\u201d")
    # the question is kept, but nobody in the text asked it
    assert all(q.speaker is None and q.speaker_name is None for q in doc.article.quotes if q.cue == "Asked")
    q = only(doc, "able to win")
    assert "Vogt" in speaker_name(doc, q)


def test_manner_verb_after_quotation():
    doc = analyse("\u201cThis is fantastic!\u201d beamed Donald Hartwell of Mobile, Alabama, who had "
                  "slipped onto the floor.")
    q = only(doc, "This is fantastic")
    assert q.direct and q.cue == "beamed"
    assert "Hartwell" in speaker_name(doc, q)


def test_verb_before_colon_introduces_quotation():
    doc = analyse("Governor Rolf Anders gestured to calm the crowd, then leaned in and boomed: "
                  "\u201cLet us win this in November.\u201d")
    q = only(doc, "win this in November")
    assert q.cue == "boomed"
    assert "Anders" in speaker_name(doc, q)


def test_speaker_by_position_not_inside_the_quotation():
    doc = analyse("\u201cWe were tremendously wrong not to confront him from the beginning,\u201d Ramiro "
                  "Castell, 58, told a radio station in Lima on Monday.")
    q = only(doc, "tremendously wrong")
    assert "Castell" in speaker_name(doc, q)


def test_speaker_before_colon_after_apposition():
    doc = analyse("In a statement to the Ledger, her senior policy adviser, Jake Sorensen, said: \u201cThe "
                  "minister believes that cooperation is strongest when the region is united.\u201d")
    q = only(doc, "cooperation is strongest")
    assert "Sorensen" in speaker_name(doc, q)


def test_sentence_break_after_closing_mark_does_not_end_indirect_speech():
    doc = analyse("Joe Batista, who drove in from Ohio to help the campaign, says there is a \u201clong road "
                  "ahead\u201d but he feels confident that Marsh will \u201cbeat expectations.\u201d")
    q = only(doc, "long road")
    assert "feels confident" in q.text


def test_bare_clause_the_parser_left_unattached():
    doc = analyse("Governor Ilse Brandt said legalizing it could put thousands of people to work in the "
                  "northern counties.")
    q = only(doc, "thousands of people")
    assert q.text.startswith("legalizing it could put")
    assert "Brandt" in speaker_name(doc, q)


def test_bare_clause_needs_a_subject_and_a_clause():
    doc = analyse("Dan Ortiz, a local organizer, live tweeted as the mayor spoke from the steps of city hall.")
    assert not any(q.text.startswith("as the mayor spoke") for q in doc.article.quotes)


def test_urged_person_and_coordinate_clause_are_content():
    doc = analyse("Senator Ola Brun urged the former governor to release the transcripts of her paid speeches.")
    q = only(doc, "release the transcripts")
    assert q.text.startswith("the former governor to release")
    doc = analyse("Marta Lind said that the prosecutors tried to put her away, but a federal judge refused "
                  "to let them.")
    q = only(doc, "put her away")
    assert "federal judge refused" in q.text


def test_according_to_reports_the_clause_before_it():
    doc = analyse("The levy has not driven banks away: Lisbon was the region's busiest financial centre in "
                  "2015, according to one industry index.")
    q = only(doc, "busiest financial centre")
    assert q.text.startswith("Lisbon was") and q.cue == "according to"
    doc = analyse("Entering the final round, Mendes leads Alvarez by 71 delegates according to a count by the "
                  "Courier, but Alvarez has vowed to fight on.")
    q = only(doc, "71 delegates")
    assert "vowed" not in q.text


def test_it_said_is_the_organisation_named_before():
    doc = analyse("The Harbor Authority of Port Lenz released its annual report on Monday. It said that "
                  "cargo volumes fell by a fifth because of the strike.")
    q = only(doc, "cargo volumes fell")
    assert speaker_name(doc, q) and "Harbor Authority" in speaker_name(doc, q)


def test_role_noun_speaker_is_the_person_with_that_role():
    doc = analyse("Lenz's military spokesman, Maj. Gen. Oskar Halvorsen, said on Sunday that the last "
                  "foreign units would leave by December.\n\n"
                  "\u201cWe will not need them after that,\u201d the spokesman told reporters.")
    q = only(doc, "not need them")
    assert speaker_name(doc, q) == "Oskar Halvorsen"
    assert_consistent(doc)


def test_quotation_split_by_its_attribution_is_one_quote():
    doc = analyse("Foreign Minister Layla Daoud welcomed the decision.\n\n"
                  "\u201cIt is a good day for the country,\u201d she said, \u201cand a good day for our "
                  "partners.\u201d")
    q = only(doc, "good day for the country")
    assert q.text.endswith("for our partners.")
    assert speaker_name(doc, q) == "Layla Daoud"
    assert_consistent(doc)
