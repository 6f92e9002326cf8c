"""HTML metadata on pages written here: the date the page shows, bylines, credited organisations."""

from dateline.clean import clean_document
from dateline.clean.dates import shown_day

PARAS = "".join(
    f"<p>{s}</p>" for s in [
        "Harbour officials said the new ferry terminal would open to passengers early next spring.",
        "The terminal replaces a wooden pier that storms damaged twice in the past five years.",
        "Local businesses along the quay expect more visitors once the timetable doubles in summer.",
        "The port authority will publish the first timetable on its website in the coming weeks.",
    ]
)


def page(head: str = "", header: str = "", after: str = "", url_title: str = "Ferry terminal") -> str:
    """A news page: navigation, the article header (headline + ``header``), the body, then ``after``."""
    return (f"<html><head><title>{url_title} | Northshore Gazette</title>"
            f"<meta property='og:site_name' content='Northshore Gazette'>{head}</head><body>"
            "<nav class='main-nav'><a href='/'>Home</a><a href='/news'>News</a></nav>"
            f"<article><h1>New ferry terminal to open in spring</h1>{header}{PARAS}</article>"
            f"{after}<footer class='site-footer'>© 2024 Northshore Gazette</footer></body></html>")


def ld(**fields) -> str:
    import json

    return ('<script type="application/ld+json">'
            + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                          "headline": "New ferry terminal to open in spring", **fields}) + "</script>")


# --------------------------------------------------------------------------- dates


def test_printed_date_forms():
    assert shown_day("Aug. 4, 2025") == "2025-08-04"
    assert shown_day("4th August 2025") == "2025-08-04"
    assert shown_day("Sept 30, 2024") == "2024-09-30"
    assert shown_day("2025/4/29") == "2025-04-29"
    assert shown_day("08/19/2025") == "2025-08-19"  # slashes: month first (US) unless proven otherwise
    assert shown_day("03/10/2023", day_first=True) == "2023-10-03"
    assert shown_day("19.08.2025") == "2025-08-19"
    assert shown_day("31/02/2025") is None


def test_date_under_the_headline_without_metadata():
    c = clean_document(page(header="<div class='post-meta'>Maria Lund · March 14, 2024</div>"), "html")
    assert c.published == "2024-03-14"


def test_modified_date_is_not_the_publication_date():
    # the page shows both: the published one is the date of the article
    header = "<p class='dates'>Published March 3, 2021 · Updated March 5, 2021</p>"
    c = clean_document(page(head=ld(datePublished="2021-03-03T08:40:00+02:00",
                                    dateModified="2021-03-05T10:00:00+02:00"), header=header), "html")
    assert c.published == "2021-03-03"
    # metadata alone, with only a modification date: no publication date
    c = clean_document(page(head=ld(dateModified="2021-03-05")), "html")
    assert c.published is None


def test_structured_date_the_page_shows_beats_a_date_in_the_text():
    header = "<div class='byline'>By Maria Lund</div><time datetime='2022-06-01'>June 1, 2022</time>"
    body_date = "<p>The ministry first announced the plan on January 9, 2019.</p>"
    c = clean_document(page(head=ld(datePublished="2022-06-01T09:00:00Z"), header=header, after=body_date),
                       "html")
    assert c.published == "2022-06-01"


def test_utc_timestamp_after_local_midnight_gives_the_local_day():
    # the page prints Dec 18 and its address says so; the UTC metadata already says Dec 19
    header = "<span class='entry-date'>December 18, 2025</span>"
    c = clean_document(page(head='<meta property="article:published_time" content="2025-12-19T02:30:00+00:00">',
                            header=header), "html", url="https://gazette.example/2025/12/18/ferry-terminal/")
    assert c.published == "2025-12-18"


def test_dates_in_comments_and_related_lists_are_not_the_article_date():
    related = ("<aside class='related-posts'><h3>More news</h3><ul>"
               "<li><a href='/x'>Pier closes</a> <span class='date'>May 2, 2023</span></li></ul></aside>")
    comments = ("<section id='comments'><div class='comment'><span class='comment-date'>June 9, 2023</span>"
                "<p>Great news for the town.</p></div></section>")
    c = clean_document(page(after=related + comments), "html")
    assert c.published is None  # the page states no date for its article


def test_cms_page_date_nobody_sees_is_no_publication_date():
    # a WebPage block's datePublished is the CMS page's creation, not shown anywhere
    webpage = ('<script type="application/ld+json">{"@type":"WebPage","name":"Ferry terminal",'
               '"datePublished":"2019-01-02T10:00:00+00:00"}</script>')
    assert clean_document(page(head=webpage), "html").published is None
    # the same date printed in the header is the article's date
    c = clean_document(page(head=webpage, header="<p class='meta'>January 2, 2019</p>"), "html")
    assert c.published == "2019-01-02"


def test_day_first_pages():
    # "25/02/2025" elsewhere on the page proves the page writes the day first
    header = "<span class='date'>03/10/2023</span>"
    after = "<div class='archive-list'><p>Archive</p></div><p>Timetable revised 25/02/2025.</p>"
    assert clean_document(page(header=header, after=after), "html").published == "2023-10-03"


def test_dated_address_with_a_month_name():
    c = clean_document(page(), "html", url="https://gazette.example/blog/2023/october/03/ferry-terminal/")
    assert c.published == "2023-10-03"


# --------------------------------------------------------------------------- authors


def test_multiple_authors_in_one_byline_box():
    header = ("<div class='byline'>By <a href='/by/maria-lund'>Maria Lund</a> and "
              "<a href='/by/tomas-berg'>Tomas Berg</a></div>")
    related = ("<aside class='related'><div class='byline'><a href='/by/eva-holm'>Eva Holm</a></div></aside>")
    c = clean_document(page(header=header, after=related), "html")
    assert c.authors == ["Maria Lund", "Tomas Berg"]


def test_related_story_bylines_are_not_authors():
    cards = "".join(f"<div class='card'><h3>Story {i}</h3><span class='author-name'>{n}</span></div>"
                    for i, n in enumerate(["Eva Holm", "Karl Nyberg"]))
    header = "<div class='author-name'>Maria Lund</div>"
    c = clean_document(page(header=header, after=f"<section class='more'>{cards}</section>"), "html")
    assert c.authors == ["Maria Lund"]


def test_byline_printed_under_the_headline():
    c = clean_document(page(header="<p>By Maria Lund and Tomas Berg | March 14, 2024</p>"), "html")
    assert c.authors == ["Maria Lund", "Tomas Berg"]
    # "By Topic" in a menu above the headline is no byline
    menu = "<div class='mega'><p>Browse By Topic Harbours Ferries</p></div>"
    html = page().replace("<article>", menu + "<article>")
    assert clean_document(html, "html").authors == []


def test_personal_site_keeps_its_author():
    # a blog named after its author: the byline equal to the site name is a person
    html = page(head=ld(author={"@type": "Person", "name": "Maria Lund"})).replace(
        "Northshore Gazette", "Maria Lund")
    c = clean_document(html, "html", url="https://marialund.example/ferry")
    assert c.authors == ["Maria Lund"]


def test_credited_organisation_when_no_person_is_named():
    c = clean_document(page(head=ld(author={"@type": "Organization", "name": "Gazette Travel Desk Staff"})),
                       "html")
    assert c.authors == ["Gazette Travel Desk Staff"]
    # a person wins over an organisation; the publisher is never an author
    c = clean_document(page(head=ld(author=[{"@type": "Organization", "name": "Northshore Gazette"},
                                            {"@type": "Person", "name": "Maria Lund"}])), "html")
    assert c.authors == ["Maria Lund"]
    c = clean_document(page(head=ld(author={"@type": "Organization", "name": "Northshore Gazette"})), "html")
    assert c.authors == []


def test_job_titles_and_placeholders_are_not_names():
    header = ("<div class='author-box'><span class='author-name'>Maria Lund</span>"
              "<span class='author-title'>Senior Travel Writer</span></div>")
    assert clean_document(page(header=header), "html").authors == ["Maria Lund"]
    assert clean_document(page(head="<meta name='author' content='undefined'>"), "html").authors == []


def test_header_showing_only_an_update():
    header = "<p class='post-meta'>Updated May 5, 2024</p>"
    # the article namespace states the publication: the update is not it
    c = clean_document(page(head='<meta property="article:published_time" content="2023-01-10T08:00:00Z">',
                            header=header), "html")
    assert c.published == "2023-01-10"
    # with no statement of publication, the one date the page shows its readers stands
    assert clean_document(page(header=header), "html").published == "2024-05-05"
