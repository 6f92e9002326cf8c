"""Flattened-text heuristics of the clean stage, one test (or a few) per heuristic.

All texts are invented for these tests.
"""

from pathlib import Path

import pytest

from dateline.clean import clean_document
from dateline.clean import junk
from dateline.clean.code import find_css, find_js
from dateline.clean.dateline import clock_24h, match_dateline
from dateline.clean.header import parse_date, split_header, split_people
from dateline.clean.text import clean_text

BODY = ("The council approved the budget on Tuesday after a long debate about school funding.\n"
        "Members said the plan would be reviewed again in the spring, when new figures arrive.")

WIDGET_CSS = (".u1a2b3c4d5e6f , .u1a2b3c4d5e6f .postImageUrl { min-height: 80px; position: relative; } "
              ".u1a2b3c4d5e6f:hover { opacity: 1; background-color: #E67E22; }")


# --- header: byline and date -------------------------------------------------------------

@pytest.mark.parametrize("header, authors, day", [
    ("Metro Desk2021-06-14", ["Metro Desk"], "2021-06-14"),
    ("By Lena Hartwig | March 3, 2021", ["Lena Hartwig"], "2021-03-03"),
    ("By LENA HARTWIG, Valley Press\nPublished 8:40 pm, 03.03.2021", ["Lena Hartwig"], "2021-03-03"),
    ("Posted on Friday, June 4, 2021 by Omar Falk and Ida Brandt", ["Omar Falk", "Ida Brandt"], "2021-06-04"),
    ("12.01.2022 | By Ida Brandt", ["Ida Brandt"], "2022-01-12"),
    ("Omar Falk, Staff Writer7 Aug 2019", ["Omar Falk"], "2019-08-07"),
    ("Ida BrandtSep. 2, 2020", ["Ida Brandt"], "2020-09-02"),
    ("Written by Omar Falk on 20 Mar 2023", ["Omar Falk"], "2023-03-20"),
    ("Newsroom\n2023/05/27", ["Newsroom"], "2023-05-27"),
    ("Maria Lund 10 December 2022 at 3:05 pm", ["Maria Lund"], "2022-12-10"),
    ("By Ida Brandt\nThursday, June 3, 2021\n4 min read", ["Ida Brandt"], "2021-06-03"),
])
def test_header_byline_glued_to_date(header, authors, day):
    h, rest = split_header(header + "\n\n" + BODY)
    assert h is not None
    assert h.authors == authors
    assert h.published == day
    assert rest.strip().startswith("The council")


@pytest.mark.parametrize("header, authors, day", [
    ("Published: Oct. 29, 2021", [], "2021-10-29"),
    ("Nov 10, 2016", [], "2016-11-10"),
    ("By Ida Brandt", ["Ida Brandt"], None),
    ("Written by Omar Falk", ["Omar Falk"], None),
    ("OMAR FALK", ["Omar Falk"], None),
])
def test_header_date_only_and_byline_only(header, authors, day):
    h, rest = split_header(header + "\n" + BODY)
    assert h is not None and h.authors == authors and h.published == day
    assert rest.strip().startswith("The council")


def test_no_header_leaves_text_alone():
    h, rest = split_header(BODY)
    assert h is None and rest == BODY


def test_header_name_stops_at_glued_junk():
    h, rest = split_header("By Ida BrandtCookie settings ACCEPT\n" + BODY)
    assert h.authors == ["Ida Brandt"]
    assert rest.startswith("Cookie settings")


def test_parse_date_forms():
    assert parse_date("03.04.2023") == "2023-04-03"  # dotted: day first
    assert parse_date("2019/04/24 7:12 am") == "2019-04-24"
    assert parse_date("Sept. 13, 2019") == "2019-09-13"
    assert parse_date("31.02.2020") is None  # never a made-up day


def test_split_people_drops_affiliation():
    assert split_people("JANE ROE AND JOHN DOE, Valley Press") == ["Jane Roe", "John Doe"]
    assert split_people("Jane O'Brien, Staff Writer") == ["Jane O'Brien"]


# --- dateline ----------------------------------------------------------------------------

def test_dateline_with_country_and_time():
    dl, start = match_dateline("BEIRUT, LEBANON (8:40 P.M.) – The spokesman said on Friday.")
    assert dl.place.name == "Beirut" and dl.place.country == "LBN" and dl.place.kind == "city"
    assert dl.time == "20:40" and dl.agency is None
    assert dl.text == "BEIRUT, LEBANON (8:40 P.M.) –"


def test_dateline_with_day_and_agency():
    text = "MOSCOW, Nov. 20 (Reuters) - Officials met on Monday."
    dl, start = match_dateline(text)
    assert dl.place.name == "Moscow" and dl.agency == "Reuters"
    assert text[start:].startswith("Officials")


@pytest.mark.parametrize("text, name, country", [
    ("KABUL, Afghanistan — Talks resumed.", "Kabul", "AFG"),
    ("WASHINGTON (AP) — The Senate voted.", "Washington", "USA"),
    ("ST. JOSEPH, Mich. (AP) — Health officials said.", "St. Joseph", "USA"),
    ("SAN ESTEBAN — The mayor resigned.", "San Esteban", None),
])
def test_dateline_place_and_country(text, name, country):
    dl, _ = match_dateline(text)
    assert dl.place.name == name and dl.place.country == country


@pytest.mark.parametrize("text", [
    "UPDATE: The road has reopened.",
    "The council met in BEIRUT — again.",
    "NISSAN SENTRA\nThe car is new.",
])
def test_not_a_dateline(text):
    assert match_dateline(text) is None


def test_clock_24h():
    assert clock_24h("8:40 P.M.") == "20:40"
    assert clock_24h("12:15 a.m.") == "00:15"
    assert clock_24h("13:15 PM") is None


# --- code blobs --------------------------------------------------------------------------

def test_css_found_even_glued_to_prose():
    text = "the vote was close." + WIDGET_CSS + " READ: Another story"
    spans = find_css(text)
    assert len(spans) == 1
    assert text[spans[0][0]:spans[0][1]].startswith(".u1a2b3c4d5e6f")
    assert text[:spans[0][0]] == "the vote was close."  # the sentence keeps its full stop


def test_css_media_wrapper():
    text = "Intro. @media (max-width: 600px) { .box { display: none; } } Outro."
    (s, e), = find_css(text)
    assert text[s:e] == "@media (max-width: 600px) { .box { display: none; } }"


def test_prose_braces_are_not_css():
    assert find_css("He wrote {sic} in the margin: a note.") == []


def test_js_statements():
    js = "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());"
    text = "Last sentence of a paragraph. " + js + "\nNext paragraph."
    (s, e), = find_js(text)
    assert text[s:e] == js


def test_prose_is_not_js():
    assert find_js("The mayor (who spoke first) said the plan = progress; others disagreed.") == []


# --- junk detectors ----------------------------------------------------------------------

def test_share_widget_lines_and_inline():
    assert junk.share_widgets("Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...")
    assert junk.share_widgets("Share on Facebook Share on Twitter Share via Email")
    assert not junk.share_widgets("She posted it on Facebook and later deleted it.")


def test_related_links_label_and_list():
    text = "Related Posts\nFarm prices rise again\nA bridge closes for repairs\n\nThe story goes on."
    (s, e, reason), = junk.related_links(text)
    assert reason == "related-links" and text[e:].strip() == "The story goes on."
    (s, e, _), = junk.related_links("Read more: Ten things to know about the vote\nBody.")
    assert s == 0


def test_cookie_notice_with_buttons():
    text = "We use cookies to give you the best experience on our site. Accept\nThe body starts here."
    spans = junk.consent_and_signup(text)
    cut = "".join(text[s:e] for s, e, _ in spans)
    assert "cookies" in cut and "Accept" in cut and "body" not in cut


def test_newsletter_prompt():
    assert junk.is_newsletter_prompt("Sign up for our newsletter to get the news in your inbox.")
    assert not junk.is_newsletter_prompt("The newsletter was founded in 1982 by two teachers.")


def test_page_markers():
    text = "A paragraph ends.\n- 2 -\nPage 2 of 3\nAnother one."
    assert [text[s:e].strip() for s, e, _ in junk.page_markers(text)] == ["- 2 -", "Page 2 of 3"]


def test_aggregator_footer():
    text = "The end of the story.\nContent retrieved from: https://example.org/a/b\nSource:"
    assert [r for *_, r in junk.aggregator_footers(text)] == ["aggregator-footer"]
    assert junk.aggregator_footers("It ends.\nContent retrieved from:")


def test_advertisement_labels():
    text = "First paragraph.\nADVERTISEMENT\nSecond paragraph.\nStory continues below advertisement"
    assert len(junk.advertisement_labels(text)) == 2
    assert not junk.advertisement_labels("The advertisement ran for a week in May.")


def test_image_caption_with_credit():
    text = "A farmer checks his crop. Photograph: Ida Brandt/Reuters\nThe harvest was late."
    (s, e, reason), = junk.image_captions(text)
    assert text[s:e] == "A farmer checks his crop. Photograph: Ida Brandt/Reuters"
    (s, e, _), = junk.image_captions("Image: Valley Press\nBody.")
    assert s == 0


def test_interface_lines_and_link_lists():
    assert junk.interface_lines("Click here to download our app\nBody text.")
    text = "Home\nWorld News\nBusiness\nSports Today\nThe story itself, with a verb."
    (s, e, reason), = junk.link_lists(text)
    assert reason == "link-list" and text[e:].strip().startswith("The story")


# --- the whole stage on flattened text ---------------------------------------------------

def test_clean_text_end_to_end():
    raw = ("By Lena Hartwig | March 3, 2021\n"
           "KABUL, Afghanistan (2:30 A.M.) -- The talks resumed on Monday, officials said. " + WIDGET_CSS + "\n"
           "Advertisement\n"
           "They will continue next week.\n- 1\n"
           "Content retrieved from: https://example.org/kabul-talks/")
    c = clean_text(raw)
    assert c.authors == ["Lena Hartwig"] and c.published == "2021-03-03"
    assert c.dateline.place.name == "Kabul" and c.dateline.time == "02:30"
    assert c.text == "The talks resumed on Monday, officials said.\n\nThey will continue next week."
    reasons = {b.reason for b in c.boilerplate}
    assert {"header-byline", "dateline", "css", "advertisement", "page-marker", "aggregator-footer"} <= reasons


def test_clean_text_invents_nothing():
    c = clean_text(BODY)
    assert c.text == BODY.replace("\n", "\n\n")
    assert c.authors == [] and c.published is None and c.dateline is None and c.boilerplate == []


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed"


@pytest.mark.skipif(not SEED.is_dir(), reason="shared corpus absent")
def test_seed_document():
    path = sorted(SEED.glob("*.txt"))[0]
    c = clean_document(path.read_text(encoding="utf-8"), "text")
    assert c.authors == ["News Desk"]
    assert c.published == "2020-11-20"
    assert c.dateline.place.name == "Beirut" and c.dateline.place.country == "LBN"
    assert c.dateline.time == "20:40"
    assert c.text.startswith("The spokesman")
    assert "{" not in c.text and "min-height" not in c.text and "Content retrieved" not in c.text
    reasons = [b.reason for b in c.boilerplate]
    assert "css" in reasons and "aggregator-footer" in reasons


@pytest.mark.parametrize("piece", [
    "Print this article", "Comments (12)", "Toggle navigation", "Skip to main content",
    "Copyright 2021 Valley Courier. All rights reserved.", "Last updated 3 hours ago",
    "Your email address will not be published. Required fields are marked *",
    "Terms of Service | Privacy Policy | Contact Us", "Photo gallery: 12 images",
])
def test_inline_interface_phrases_even_glued(piece):
    raw = BODY.replace("\n", " " + piece + " ")
    c = clean_text(raw)
    assert piece.split()[0] not in c.text.replace("Members", "")
    assert "school funding." in c.text and "new figures arrive." in c.text
    assert any(b.reason == "interface" for b in c.boilerplate)


def test_interface_sentence_needs_a_site_noun():
    assert junk.interface_sentences("Follow us on Instagram for more.\nBody.")
    # an instruction in the story itself is kept
    assert not junk.interface_sentences("Click the link above so you can:\nBody.")
    assert not junk.interface_sentences("Follow the money, the auditor said.")


def test_a_headline_on_top_of_scraped_text_becomes_the_title():
    from dateline.clean.text import clean_text

    text = ("By Ana Ruiz | March 3, 2021\nFloods displace thousands across northern Peru\n"
            "LIMA, Peru — Heavy rains forced 12,000 people from their homes on Tuesday, officials said.\n"
            "The government declared an emergency in three regions.")
    cleaned = clean_text(text)
    assert cleaned.title == "Floods displace thousands across northern Peru"
    assert cleaned.text.startswith("Heavy rains forced")
    assert any(b.reason.startswith("headline") and b.text == cleaned.title for b in cleaned.boilerplate)


def test_a_short_opening_sentence_is_not_a_headline():
    from dateline.clean.text import clean_text

    cleaned = clean_text("Police arrested two men on Monday.\nThey were released later.")
    assert cleaned.title is None and cleaned.text.startswith("Police arrested")
    crosshead = clean_text("the talks\nNegotiators met in Geneva for a third day, diplomats said.")
    assert crosshead.title is None
