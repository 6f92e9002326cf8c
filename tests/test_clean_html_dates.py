"""Publication dates of HTML pages: the classes of wrong or invented dates (pages written here)."""

from dateline.clean import clean_document

PARAS = "".join(
    f"<p>{s}</p>" for s in [
        "The harbour board in Port Ellery voted on Tuesday to close the north quay for repairs, "
        "a decision that will move about forty fishing boats to the southern berths for the winter.",
        "Board chair Mirela Oduya said the concrete under the quay had cracked in two places and "
        "that engineers had advised against any heavy loads until the work was finished.",
        "Fishermen said the move would add an hour to every trip and asked the board to cut berth "
        "fees while the north quay stays closed, a request the board said it would consider.",
    ])


def page(head: str = "", header: str = "", aside: str = "", url_title: str = "Quay closed") -> str:
    return (f"<html><head><title>{url_title} | Ellery Tide</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
            f"<article><h1>North quay to close for repairs</h1>{header}{PARAS}</article>"
            f"{aside}<footer>© 2025 Ellery Tide</footer></body></html>")


def published(html: str, url: str | None = None) -> str | None:
    return clean_document(html, "html", url=url).published


def test_a_date_inside_a_sentence_is_not_a_publication_date():
    # an offer's validity, not a byline stamp: the page shows its reader no publication date
    header = "<p>This berth discount is valid through 01/23/2026 for registered boats.</p>"
    assert published(page(header=header)) is None


def test_the_url_settles_an_ambiguous_all_number_date():
    header = "<div class='post-date'>03/10/2023</div>"
    assert published(page(header=header), url="https://ellerytide.example/news/2023/october/03/quay") == "2023-10-03"


def test_a_landing_page_template_date_is_not_invented():
    # og:type website, no date shown: the template's timestamp is no publication date
    head = ('<meta property="og:type" content="website">'
            '<meta property="article:published_time" content="2021-05-24T10:00:00Z">')
    assert published(page(head=head)) is None
    head = head.replace("website", "article")
    assert published(page(head=head)) == "2021-05-24"


def test_update_shown_in_header_and_markup_is_not_the_publication():
    head = ('<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2015-05-12T08:00:00Z">')
    header = "<p class='byline'>By Mirela Oduya <time datetime='2026-01-25'>Updated January 25, 2026</time></p>"
    assert published(page(head=head, header=header)) == "2015-05-12"


def test_header_date_agreeing_with_the_url_beats_metadata_seen_in_a_list():
    # the metadata's UTC day (the 19th) appears only in the "recent posts" list
    head = '<meta property="article:published_time" content="2025-12-19T02:10:00+00:00">'
    header = "<div class='entry-date'>December 18, 2025</div>"
    aside = ("<div class='widget'><h3>Recent posts</h3><ul><li>Ferry timetable changes December 19, 2025</li>"
             "<li>North quay to close December 18, 2025</li></ul></div>")
    url = "https://ellerytide.example/2025/12/18/north-quay-to-close"
    assert published(page(head=head, header=header, aside=aside), url=url) == "2025-12-18"


def test_teaser_cards_of_a_listing_give_no_date():
    cards = "".join(f"<article class='card'><h3>Story {i}</h3><time datetime='2024-0{i}-11T08:00:00Z'>"
                    f"</time></article>" for i in range(1, 5))
    html = (f"<html><head><title>Harbour news</title></head><body><main><h1>Harbour news</h1>{PARAS}"
            f"{cards}</main></body></html>")
    assert published(html) is None


def test_a_changed_field_time_is_not_the_publication():
    header = "<div class='field--name-changed'><time datetime='2026-02-12T14:36:23-05:00'></time></div>"
    assert published(page(header=header)) is None


def test_a_news_article_block_outranks_a_website_og_type():
    # the date is rendered by script (not in the text), the template says og:type website,
    # but the page's JSON-LD states a NewsArticle with its publication date
    head = ('<meta property="og:type" content="website">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"North quay to close",'
            '"datePublished":"2024-11-05T09:00:00Z"}</script>')
    assert published(page(head=head)) == "2024-11-05"


def test_a_republished_piece_is_dated_where_it_first_ran():
    # the header shows the day the piece was republished; the article says where it first ran
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>30 Sep 2022, 11:07am</p>"
    footer_note = "<p><em>This article was originally published on 26 Sep 2019 at 4:12pm.</em></p>"
    html = page(header=header).replace("</article>", PARAS + PARAS + footer_note + "</article>")
    assert published(html) == "2019-09-26"


def test_a_widget_showing_todays_date_is_not_a_publication_date():
    # an opening-hours widget prints the day of the visit just above the headline
    html = page().replace("<article>", "<div class='hours'><p>Today's Hours</p><p>March 14, 2026</p>"
                                       "<p>9 am to 5 pm</p></div><article>")
    assert published(html) is None


def test_a_headline_ending_in_today_keeps_its_byline_date():
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>Mar 27, 2025</p>"
    html = page(header=header).replace("North quay to close for repairs", "Why the north quay matters today")
    assert published(html) == "2025-03-27"


def test_a_period_is_not_a_publication_date():
    # a report's coverage "2025-12-12 - 2025-12-17" and an event's "16-19 March 2026"
    header = "<p>REPORT NO: PE-2025</p><p>PERIOD: 2025-12-12 - 2025-12-17</p><p>Trials: 16-19 March 2026</p>"
    assert published(page(header=header)) is None
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>December 18, 2025 - 10:30 am</p>"
    assert published(page(header=header)) == "2025-12-18"


def test_a_menu_button_left_open_does_not_hide_the_article_date():
    # two <div>s opened in a menu button and never closed: the parser nests the rest of the
    # page, article included, inside the <button>
    menu = "<header><div><button class='menu-button'><span>Menu</span><div class='menu-inner'><div></button></div></header>"
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>Published May 2, 2024</p>"
    html = page(header=header).replace("<nav>", menu + "<nav>")
    assert published(html) == "2024-05-02"


def test_an_updated_stamp_gives_way_to_the_article_published_time_also_in_json_ld():
    # the JSON-LD block and article:published_time agree on the first publication; the
    # header only shows the last revision
    head = ('<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2024-10-15T18:50:03Z">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"North quay to close",'
            '"datePublished":"2024-10-15T18:50:03Z","dateModified":"2025-06-18T16:35:02Z"}</script>')
    header = "<p class='byline'>By Mirela Oduya</p><p class='byline-date'>Updated on June 18, 2025 at 12:35 pm</p>"
    assert published(page(head=head, header=header)) == "2024-10-15"


def test_dates_printed_in_capitals_and_with_a_two_digit_year():
    from dateline.clean.dates import shown_day

    assert shown_day("MARCH 3, 2025") == "2025-03-03"
    assert shown_day("3RD MARCH 2025") == "2025-03-03"
    assert shown_day("09/11/24") == "2024-09-11"
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>DECEMBER 22, 2022</p>"
    assert published(page(header=header)) == "2022-12-22"
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>Published on 09/11/24</p>"
    assert published(page(header=header)) == "2024-09-11"


def test_a_two_digit_year_date_needs_a_stamp():
    # "3/4/25" in running text is a ratio or a score as often as a date
    header = "<p>Crews worked 3/4/25 shifts across the three berths last winter.</p>"
    assert published(page(header=header)) is None


def test_a_book_first_published_long_ago_is_not_the_article_date():
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>March 3, 2025</p>"
    review = "<p>The novel was first published on May 4, 2001 by a small press in Port Ellery.</p>"
    html = page(header=header).replace("</article>", PARAS + review + "</article>")
    assert published(html) == "2025-03-03"


def test_a_numbered_episode_before_its_date_is_no_period():
    header = "<p class='byline'>Episode 42 — March 3, 2025</p>"
    assert published(page(header=header)) == "2025-03-03"
    header = "<p class='byline'>Trials run March 3 – March 9, 2026</p>"
    assert published(page(header=header)) is None


def test_a_bare_date_that_the_metadata_calls_the_last_revision_is_not_the_publication():
    # the template prints the modified date under the headline with no "Updated" label
    head = ('<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2023-02-14T09:00:00+00:00">'
            '<meta property="article:modified_time" content="2025-06-02T15:26:59+00:00">')
    header = "<p class='byline'>By Mirela Oduya</p><p class='post-date'>June 2, 2025</p>"
    assert published(page(head=head, header=header)) == "2023-02-14"
    # the same bare date is the publication where the metadata gives it as one
    head = ('<meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2025-06-02T09:00:00+00:00">'
            '<meta property="article:modified_time" content="2025-06-02T15:26:59+00:00">')
    assert published(page(head=head, header=header)) == "2025-06-02"
    # and a page with no modified date in its metadata keeps its printed date
    head = '<meta property="og:type" content="article">'
    assert published(page(head=head, header=header)) == "2025-06-02"
