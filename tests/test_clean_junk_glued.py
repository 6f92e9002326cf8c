"""Junk glued onto its neighbours with no separator, the way flatteners join blocks.

All texts are invented for these tests.
"""

from dateline.clean import junk
from dateline.clean.code import find_js
from dateline.clean.text import clean_text

STORY = ("The harbour authority in Port Ellery approved the new ferry timetable on Monday after "
         "weeks of complaints from commuters about late evening sailings.\n\n"
         "Officials said the extra crossings would start in April and cost about 2 million a year.")


def test_script_glued_onto_a_header_time():
    text = 'Nora Vells 4 May 2022 at 9:15 AMvar _stats = _stats || []; _stats.push({ site: "4471" });\n\n' + STORY
    (s, e), = find_js(text)
    assert text[s:e].startswith("var _stats") and text[s:e].endswith("});")
    cleaned = clean_text(text)
    assert cleaned.authors == ["Nora Vells"] and cleaned.published == "2022-05-04"
    assert "_stats" not in cleaned.text and cleaned.text.startswith("The harbour authority")


def test_declaration_keyword_inside_a_word_is_not_script():
    assert find_js("The Navarre team met the Sovar group; both said the deal was fair.") == []


def test_related_label_glued_onto_a_link():
    text = ("Commuters posted clips of the queue online. pic.twitter.com/Qa8ZkR2Related: Ferry fares rise for the third year\n\n"
            + STORY)
    spans = junk.related_links(text)
    assert [text[s:e] for s, e, _ in spans] == ["Related: Ferry fares rise for the third year"]
    cleaned = clean_text(text)
    assert "Ferry fares rise" not in cleaned.text and "pic.twitter.com/Qa8ZkR2" in cleaned.text


def test_related_inside_a_word_is_not_a_label():
    assert junk.related_links("The study was UNRELATED: to the original claim, the panel found.") == []
    assert junk.related_links("She is a SOPHOMORE: the youngest player on the team.") == []


def test_two_pagers_run_together_on_one_line():
    for line in ("- 5 - Page 1 of 3", "- 3Page 4 of 6", "Page 2 of 4 - 2 -"):
        text = f"{STORY}\n{line}\nThe ferry company did not respond to a request for comment."
        cleaned = clean_text(text)
        assert "Page" not in cleaned.text and not any(p.startswith("-") for p in cleaned.text.split("\n")), line


def test_numbers_that_are_not_pagers_stay():
    for line in ("02-751-1500", "3-2", "10 12 14"):
        text = f"{STORY}\n{line}\nThe ferry company did not respond to a request for comment."
        assert line in clean_text(text).text, line


def test_page_number_closing_the_text():
    text = STORY + "\nEvening sailings\n9:40 pm\nFerry timetable\n031-555-0192\n1"
    out = clean_text(text).text
    assert out.endswith("031-555-0192")


def test_last_table_cell_is_not_a_page_number():
    text = STORY + "\nFinal standings\nPort Ellery Rovers\nWins\n7"
    assert clean_text(text).text.endswith("Wins\n\n7")


def test_byline_running_into_the_next_block():
    for tail in ("This story was first published by the Valley Courier.", "Home / Opinion / Transport",
                 "Just now", "Gift this article"):
        cleaned = clean_text(f"Posted on March 3, 2021 by Nora Vells {tail}\n\n{STORY}")
        assert cleaned.authors == ["Nora Vells"] and cleaned.published == "2021-03-03", tail


def test_three_word_byline_on_its_own_line_stays_whole():
    cleaned = clean_text(f"Posted on March 3, 2021 by Mary Ann Vells\n\n{STORY}")
    assert cleaned.authors == ["Mary Ann Vells"]


def test_dateline_under_short_furniture_lines():
    text = "By Nora Vells\nMarch 3, 2021\n\nText size\nA\nA\nA\n\nLISBON — " + STORY
    cleaned = clean_text(text)
    assert cleaned.dateline is not None and cleaned.dateline.text.startswith("LISBON")
    assert cleaned.text.startswith("The harbour authority")


def test_dateline_under_a_quiz_and_over_a_short_first_line():
    text = "By Nora Vells | March 3, 2021\n\nQuiz: How well do you know ferries?\n\nLISBON — " + STORY
    cleaned = clean_text(text)
    assert cleaned.dateline is not None and cleaned.dateline.text == "LISBON —"
    assert cleaned.text.startswith("The harbour authority")
    text = "By Nora Vells | March 3, 2021\nWASHINGTON (Reuters) – PORT ELLERY, MAINE\n" + STORY
    cleaned = clean_text(text)
    assert cleaned.dateline is not None and cleaned.dateline.text.startswith("WASHINGTON")


def test_dateline_under_short_sentences_and_after_a_glued_leftover():
    text = "By Nora Vells | March 3, 2021\n\nThis content is not available in your region.\n\nLISBON — " + STORY
    cleaned = clean_text(text)
    assert cleaned.dateline is not None and cleaned.dateline.text == "LISBON —"
    text = "By Nora Vells | March 3, 2021\nChecking your browser before accessing the site. LIMA -- " + STORY
    cleaned = clean_text(text)
    assert cleaned.dateline is not None and cleaned.dateline.text == "LIMA --"
    assert cleaned.text.startswith("The harbour authority")


def test_no_dateline_taken_from_inside_a_lede():
    text = ("By Nora Vells | March 3, 2021\n\nThe harbour authority met on Monday. NATO officials were not "
            "present, and the ferry timetable was approved after a short debate about evening sailings.")
    assert clean_text(text).dateline is None


def test_wire_credit_glued_onto_a_paragraph_takes_only_the_names():
    para = ("Perera, who learned to play at a community centre in Colmore, needed only a draw in the last round "
            "but chose to play for a win.")
    out = clean_text(STORY + "\nTranslated by Nora Vells " + para).text
    assert out.endswith(para) and "Nora Vells" not in out
    out = clean_text(STORY + "\nReporting by Ida Brandt The council said on Monday it would appeal the ruling.").text
    assert out.endswith("The council said on Monday it would appeal the ruling.")
    out = clean_text(STORY + "\nReporting by Ida Brandt in Lisbon; Editing by Omar Falk and Nora Vells").text
    assert "Omar Falk" not in out and "Lisbon" not in out


def test_notice_glued_before_a_story_sentence_takes_only_itself():
    story = "Museum director Ingrid Solberg said the new building would show three times as many objects."
    out = clean_text(STORY + "\nEnable cookies to continue " + story).text
    assert out.endswith(story) and "cookies" not in out
    out = clean_text(STORY + "\nSign up free Entry is free for children under 16 at the museum.").text
    assert out.endswith("Entry is free for children under 16 at the museum.") and "Sign up" not in out
    notice = ("We use cookies to ensure that we give you the best experience on our website. If you continue "
              "to use this site we will assume that you are happy with it.")
    assert "cookies" not in clean_text(STORY + "\n" + notice).text


def test_site_talk_glued_before_a_story_sentence_takes_only_itself():
    for piece, sentence in (("Get the app", "The design is plain but solid."),
                            ("Error loading content", "The main camera takes sharp, natural photos in daylight.")):
        out = clean_text(STORY + "\n" + piece + " " + sentence).text
        assert out.endswith("\n\n" + sentence) and piece not in out, piece
