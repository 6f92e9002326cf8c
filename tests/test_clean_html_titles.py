"""Headlines of HTML pages (pages written here)."""

from dateline.clean import clean_document

BODY = "".join(f"<p>{s}</p>" for s in [
    "Volunteers in Orrin Bay cleared two tonnes of plastic from the northern beach on Saturday, "
    "the largest haul since the clean-ups began four years ago.",
    "Organisers said most of the waste was fishing gear washed in by the winter storms, and asked "
    "the harbour board to fund collection bins at the two main piers.",
])


def title(head: str, h1: str) -> str | None:
    html = (f"<html><head><title>Beach clean-up | Orrin Bay Echo</title>{head}</head><body>"
            f"<article><h1>{h1}</h1>{BODY}</article></body></html>")
    return clean_document(html, "html").title


def test_a_line_break_in_the_headline_is_a_space():
    assert title("", "RECORD HAUL<br>ON NORTH BEACH") == "RECORD HAUL ON NORTH BEACH"


def test_post_meta_inside_the_h1_is_not_the_headline():
    head = '<meta property="og:title" content="Record haul on north beach">'
    h1 = "Record haul on north beach <span class='meta'>Posted on July 1, 2024 by <a href='/u/ana'>ana</a></span>"
    assert title(head, h1) == "Record haul on north beach"


def page_title(head: str, body: str, page: str = "Beach clean-up | Orrin Bay Echo") -> str | None:
    html = f"<html><head><title>{page}</title>{head}</head><body>{body}{BODY}</body></html>"
    return clean_document(html, "html").title


def test_the_site_name_set_as_the_h1_is_not_the_headline():
    head = ('<meta property="og:site_name" content="Harbour Notes">'
            '<meta property="og:title" content="Record haul on the north beach">')
    assert page_title(head, "<header><h1>Harbour Notes</h1></header>",
                      "Record haul on the north beach – Harbour Notes") == "Record haul on the north beach"


def test_a_blog_name_or_domain_as_the_h1_is_a_masthead():
    assert page_title("", "<h1>Mara's Blog</h1>", "Tide tables, explained") == "Tide tables, explained"
    assert page_title("", "<h1>marafenn.net</h1>", "marafenn.net Tide tables, explained") == "Tide tables, explained"
    assert page_title("", "<h1>Our Blog</h1>", "Tide tables, explained") == "Tide tables, explained"


def test_a_section_label_or_bar_tail_on_the_h1_is_not_part_of_the_headline():
    head = '<meta property="og:title" content="Record haul on the north beach">'
    assert page_title(head, "<h1>Blog: Record haul on the north beach</h1>") == "Record haul on the north beach"
    assert page_title(head, "<h1>Record haul on the north beach | Opinion</h1>") == "Record haul on the north beach"
    assert page_title(head, "<h1>Record haul on the north beach (orrinecho.com) 42</h1>") \
        == "Record haul on the north beach"


def test_a_subtitle_after_a_colon_stays_in_the_h1_headline():
    head = '<meta property="og:title" content="Record haul on the north beach">'
    assert page_title(head, "<h1>Record haul on the north beach: a tally by pier</h1>") \
        == "Record haul on the north beach: a tally by pier"


def test_an_all_capitals_h1_takes_the_case_of_the_structured_title():
    head = '<meta property="og:title" content="Record Haul on the North Beach: What Was Found">'
    assert page_title(head, "<h1>RECORD HAUL ON THE NORTH BEACH</h1>") == "Record Haul on the North Beach: What Was Found"


def test_a_paragraph_in_an_h1_is_a_description_not_the_headline():
    head = '<meta property="og:title" content="Record haul on the north beach">'
    blurb = ("Find out how many volunteers came, what they found on the sand and why the harbour board "
             "is now being asked to pay for new bins at both piers before the summer season starts again "
             "in June.")
    assert page_title(head, f"<h1>{blurb}</h1>") == "Record haul on the north beach"


def test_a_json_ld_headline_cut_at_its_length_limit_gives_way_to_the_full_title():
    full = "Record haul on the north beach as volunteers clear two tonnes (including one fridge)"
    head = (f'<meta property="og:title" content="{full} - Orrin Bay Echo">'
            '<meta property="og:site_name" content="Orrin Bay Echo">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": '
            '"Record haul on the north beach as volunteers clear two tonnes (including"}</script>')
    assert page_title(head, "") == full


def test_a_word_of_the_title_set_as_one_of_several_h1s_is_not_the_headline():
    head = '<meta property="og:title" content="How the harbour board found the money for new bins at both piers">'
    body = "<h1>orrin-echo/bins.md</h1><h1>Select an option</h1><h1>Piers</h1>"
    assert page_title(head, body) == "How the harbour board found the money for new bins at both piers"


def test_a_site_first_page_title_keeps_the_h1_headline():
    assert page_title("", "<h1>Beach clean-up</h1>", "Orrin Bay Echo | Beach clean-up") == "Beach clean-up"
