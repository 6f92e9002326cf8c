"""Where a quote starts and ends, and what is not a quote at all, on invented sentences:
"as X noted" clauses, questions put with "asked if", passive reports, short answers,
object contents that run on past their object, and speech verbs used for acts."""

from __future__ import annotations

from test_quotes import analyse, assert_consistent, only


def speaker_name(doc, quote) -> str | None:
    entity = doc.article.entity(quote.speaker)
    return entity.name if entity else quote.speaker_name


def texts(doc) -> list[str]:
    return [q.text for q in doc.article.quotes]


# --- what is said ----------------------------------------------------------------------

def test_as_clause_before_attributes_the_main_clause():
    doc = analyse("As the Valley Courier noted, turnout in the northern districts fell for the third "
                  "election in a row.")
    q = only(doc, "turnout in the northern districts")
    assert q.text.startswith("turnout") and q.text.endswith("in a row")
    assert "noted" not in q.text and q.cue == "noted"
    assert "Courier" in speaker_name(doc, q)
    assert_consistent(doc)


def test_as_clause_after_attributes_the_main_clause():
    doc = analyse("Mayor Okafor is the largest recipient of donations from the port authority, as the "
                  "Harbor Ledger previously reported.")
    q = only(doc, "largest recipient")
    assert q.text.startswith("Mayor Okafor is") and q.text.endswith("port authority")
    assert "Ledger" in speaker_name(doc, q)


def test_question_put_with_asked_if():
    doc = analyse("Councilman Reyes shook hands at the depot and asked commuters if they planned to vote "
                  "on Sunday.")
    q = only(doc, "planned to vote")
    assert q.text.startswith("if they planned") and "commuters" not in q.text
    assert q.cue == "asked"


def test_passive_report_with_agent():
    doc = analyse("The senator's resignation was first reported by the Lakeside Tribune.")
    q = only(doc, "resignation")
    assert q.text == "The senator's resignation"
    assert "Tribune" in speaker_name(doc, q)
    assert_consistent(doc)


def test_short_answers_are_what_was_said():
    doc = analyse("Asked whether she would run again, Governor Hallett said no. Six in 10 voters called "
                  "her decisive, and half said the same of her rival.")
    answers = [q for q in doc.article.quotes if q.text in ("no", "the same of her rival")]
    assert sorted(q.text for q in answers) == ["no", "the same of her rival"]
    assert all(q.cue == "said" for q in answers)


def test_object_content_keeps_phrases_on_its_verb():
    doc = analyse("Governor Matsuda announced a package of emergency loans to keep the island's ferries "
                  "running through the winter.")
    q = only(doc, "emergency loans")
    assert q.text.endswith("through the winter")


def test_object_content_leaves_out_the_writers_reason():
    doc = analyse("Ms. Varga announced a new field office in Dover on Monday because her volunteers had "
                  "outgrown the old one.")
    q = only(doc, "field office")
    assert q.text.startswith("a new field office")
    assert "because" not in q.text


def test_phrase_after_attribution_goes_on():
    doc = analyse("The letters covered a range of subjects, the Gazette said, including zoning, school "
                  "budgets and the new stadium.")
    q = only(doc, "range of subjects")
    assert q.text.endswith("the new stadium")
    assert "Gazette" in speaker_name(doc, q)


def test_passive_conjunct_goes_on_with_the_clause():
    doc = analyse("She said that the audit is independent and is being led by outside accountants "
                  "who report to the board.")
    q = only(doc, "audit is independent")
    assert "led by outside accountants" in q.text


# --- where it stops --------------------------------------------------------------------

def test_named_reporters_time_clause_is_another_attribution():
    doc = analyse("The water board said it made a mistake when a local doctor reported high lead levels "
                  "in children's blood.")
    first = only(doc, "made a mistake")
    assert first.text == "it made a mistake"
    second = only(doc, "high lead levels")
    assert second.cue == "reported"


def test_trailing_where_clause_is_an_aside():
    doc = analyse("The campaign said it would seek a recount in the Eastvale primary, where its candidate "
                  "trailed by fewer than 300 votes.")
    q = only(doc, "recount")
    assert q.text.endswith("Eastvale primary")


def test_trailing_apposition_after_a_name_is_an_aside():
    doc = analyse("The senator promised to work to repeal the Halvorsen Act, a decades-old law that caps "
                  "river tolls.")
    q = only(doc, "repeal")
    assert q.text.endswith("Halvorsen Act")


def test_apposition_in_a_list_is_kept():
    doc = analyse("Ms. Ortiz said she and the governor differ on taxes, the new bridge and the "
                  "possibility of a special session.")
    q = only(doc, "differ on taxes")
    assert q.text.endswith("special session")


def test_quotation_mid_sentence_takes_no_later_verb():
    doc = analyse("He provoked critics by selling prints, calling Governor Tomas Reyna an \u201cempty "
                  "suit\u201d and tweeting a photo of the harbor.")
    q = only(doc, "empty suit")
    assert q.cue != "tweeting"
    assert q.text.startswith("Governor Tomas Reyna")


def test_parenthetical_verb_before_a_quotation():
    doc = analyse("On Channel 9's morning show Tuesday, he said, \u201cI never promised to cover the fees "
                  "for anyone.\u201d")
    q = only(doc, "never promised")
    assert q.direct and not q.text.startswith("On Channel")


def test_quotations_far_apart_stay_two_quotes():
    doc = analyse("\u201cIt was fine,\u201d the shipping tycoon told the Harbor Ledger in a rare interview "
                  "in Lisbon when asked whether he had ever met the governor, who leads every poll of "
                  "coastal voters this spring. \u201cShe was charming.\u201d")
    assert not any("It was fine" in t and "charming" in t for t in texts(doc))
    assert any(t.startswith("It was fine") for t in texts(doc))


def test_quotations_close_together_are_one_quote():
    doc = analyse("\u201cWe will rebuild the pier by summer,\u201d Mayor Adeyemi said, \u201cand the "
                  "market will reopen the same week.\u201d")
    q = only(doc, "rebuild the pier")
    assert "market will reopen" in q.text


def test_as_clause_is_not_what_was_said():
    doc = analyse("\u201cHis name will live on,\u201d Coach Rivera said, as young boxers trained inside "
                  "the gym while neighbors gathered near the mural outside.")
    assert not any(t.startswith("as young boxers") or t.startswith("young boxers") for t in texts(doc))


# --- not speech ------------------------------------------------------------------------

def test_claiming_victory_is_not_a_statement():
    doc = analyse("Senator Idris Kale won the Westmark caucus, claiming his third victory of the spring. "
                  "His rival conceded the race late on Tuesday.")
    assert not any("victory" in t or t.startswith("the race") for t in texts(doc))


def test_poll_respondents_picked_out_by_their_answer():
    doc = analyse("Voters who say the economy is their top issue split evenly between the two candidates. "
                  "Those who said taxes were too high backed Mr. Lund.")
    assert not any(t.startswith("the economy") or t.startswith("taxes were") for t in texts(doc))


def test_named_speaker_relative_clause_is_still_speech():
    doc = analyse("Commentators who have suggested that the mayor is softer on crime in Spanish "
                  "interviews were wrong, her aide said.")
    assert any("softer on crime" in t for t in texts(doc))


def test_noted_object_is_what_was_said():
    doc = analyse("Governor Abara noted the flood of 1998, her work for the relief fund and her years on "
                  "the river commission.")
    q = only(doc, "flood of 1998")
    assert q.text.startswith("the flood of 1998") and q.text.endswith("river commission")


def test_blamed_on_is_a_charge():
    doc = analyse("Senator Quill blamed the ferry closures on \u201creckless budget writers.\u201d")
    q = only(doc, "ferry closures")
    assert q.text.startswith("the ferry closures on")
    assert "reckless budget writers" in q.text


def test_one_word_quotation_inside_what_a_verb_reports():
    doc = analyse("Ms. Lindqvist called both council candidates \u201cunserious\u201d and left the hall.")
    q = only(doc, "unserious")
    assert q.text.startswith("both council candidates")


def test_thats_according_to_sources_the_sentence_before():
    doc = analyse("The campaign raised $4 million in March.\n\nThat\u2019s according to filings the "
                  "campaign made on Friday with the election board.")
    q = only(doc, "That")
    assert q.text == "That" and q.cue == "according to"


def test_passive_addressee_is_not_the_speaker():
    doc = analyse("The singer Mara Quist was asked if she had ever been turned away from a club.")
    q = only(doc, "turned away")
    assert q.text.startswith("if she had")
    assert q.speaker is None and q.speaker_name is None


def test_unattributed_quotation_paragraph_joins_the_next():
    doc = analyse("Councilwoman Dana Firth spoke to supporters on Friday.\n\n"
                  "\u201cNot only can we win the district in November, we are the ones most likely to.\u201d\n\n"
                  "\u201cThe other side has no plan for the harbor,\u201d Firth said.")
    q = only(doc, "Not only can we win")
    assert "no plan for the harbor" in q.text
    assert "Firth" in speaker_name(doc, q)


def test_feature_label_before_colon_is_no_speaker():
    doc = analyse("Delegate Update: The latest count in the Harbor Party race\n\n"
                  "Councilman Reyes leads with 412 delegates.")
    assert not any(q.cue == ":" for q in doc.article.quotes)


def test_one_word_answer_with_attribution_after():
    doc = analyse("The moderator asked who would win the final.\n\n\u201cDenver,\u201d Governor Holm answered.")
    q = only(doc, "Denver")
    assert q.direct and q.cue == "answered"
    assert "Holm" in speaker_name(doc, q)


def test_title_in_quotation_marks_is_not_a_quote():
    doc = analyse("Governor Holm watches \u201cMorning Harbor,\u201d which airs at six, every day.")
    assert not any("Morning Harbor" in t for t in texts(doc))


def test_second_attribution_after_comma_whatever_the_parse():
    doc = analyse("Three-quarters of the voters said they were very worried about the direction of the "
                  "economy, and more than 4 in 10 said Governor Holm would be best at handling it.")
    q = only(doc, "very worried")
    assert q.text.endswith("direction of the economy")


def test_declaring_bankruptcy_is_an_act():
    doc = analyse("The ferry company declared bankruptcy in March. The mayor declared the plan "
                  "\u201ca total disaster\u201d on Friday.")
    assert not any(t.startswith("bankruptcy") for t in texts(doc))
    assert any("total disaster" in t for t in texts(doc))


def test_according_to_after_a_clause_cut_on_a_preposition():
    doc = analyse("He crossed the border more than 30 years ago after, according to him, a regional "
                  "broadcaster censored his first report.")
    q = only(doc, "censored")
    assert q.text.startswith("a regional broadcaster")


def test_sign_reads():
    doc = analyse("Supporters lined the road outside the arena.\n\n\u201cHarbor workers for Holm,\u201d read "
                  "one banner.")
    q = only(doc, "Harbor workers")
    assert q.direct and q.cue == "read"


def test_relative_clause_around_the_verb_is_the_report():
    doc = analyse("I asked the judge for a fair sentence, which I said was not a prison sentence.")
    q = only(doc, "not a prison sentence")
    assert q.text.startswith("which I said")


def test_speakers_own_pronoun_carries_the_report_on():
    doc = analyse("Dana Firth, who drove in from Ohio to canvass, says there\u2019s a \u201clong road ahead\u201d "
                  "but she feels confident that Holm will \u201csurprise people.\u201d")
    q = only(doc, "long road ahead")
    assert "she feels confident" in q.text and "surprise people" in q.text


def test_speaker_of_participle_after_preposition():
    doc = analyse("After saying she was nervous to ask a question, the farmer ended up at the front of "
                  "the hall with Governor Holm.")
    q = only(doc, "nervous to ask")
    assert q.speaker_name is not None and "farmer" in q.speaker_name
