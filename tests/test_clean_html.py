"""HTML side of the clean stage: metadata decisions and body extraction on pages written here."""

from dateline.clean import clean_document
from dateline.clean.byline import article_authors, clean_author
from dateline.clean.dates import published_date
from dateline.clean.page import article_object, json_ld_objects, parse_html
from dateline.clean.titles import strip_site_suffix

PARAS = "".join(
    f"<p>{s}</p>" for s in [
        "The river authority said on Tuesday that water levels had fallen to their lowest point in a decade.",
        "Farmers along the lower valley have been told to cut irrigation by a third until the autumn rains.",
        "Officials said the restrictions would be reviewed every two weeks and lifted as soon as possible.",
        "The authority also plans to repair two leaking canals before the next planting season begins.",
    ]
)


def page(head: str = "", body_top: str = "", body_bottom: str = "", article_extra: str = "") -> str:
    return (f"<html><head><title>Valley water cuts | The Valley Courier</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a><a href='/news'>News</a><a href='/sport'>Sport</a></nav>"
            f"{body_top}<article><h1>Valley water cuts ordered</h1>{article_extra}{PARAS}</article>"
            f"{body_bottom}</body></html>")


JSON_LD = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Valley water cuts ordered","datePublished":"2021-03-03T08:40:00+02:00",
 "dateModified":"2021-03-05T10:00:00+02:00",
 "author":[{"@type":"Person","name":"Lena Hartwig"},{"@type":"Person","name":"Omar Falk"},
           {"@type":"Organization","name":"The Valley Courier"}],
 "publisher":{"@type":"Organization","name":"The Valley Courier"}}</script>"""


def test_json_ld_gives_date_authors_title():
    c = clean_document(page(head=JSON_LD), "html")
    assert c.published == "2021-03-03"  # datePublished, never dateModified
    assert c.authors == ["Lena Hartwig", "Omar Falk"]  # the publisher is no author
    assert c.title == "Valley water cuts ordered"
    assert "The river authority said on Tuesday" in c.text


def test_modified_date_alone_is_not_a_publication_date():
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",'
          '"dateModified":"2021-03-05"}</script>')
    tree = parse_html(page(head=ld))
    assert published_date(tree, article_object(json_ld_objects(tree))) is None


def test_no_date_on_page_gives_none():
    assert clean_document(page(), "html").published is None


def test_opengraph_and_time_fallbacks():
    c = clean_document(page(head='<meta property="article:published_time" content="2019-11-02T05:00:00Z">'), "html")
    assert c.published == "2019-11-02"
    c = clean_document(page(article_extra='<time datetime="2018-06-25T09:00">June 25</time>'), "html")
    assert c.published == "2018-06-25"


def test_meta_author_and_dom_byline():
    c = clean_document(page(head='<meta name="author" content="Lena Hartwig and Omar Falk">'), "html")
    assert c.authors == ["Lena Hartwig", "Omar Falk"]
    byline = '<div class="byline">By <a href="/staff/ida">Ida Brandt</a></div>'
    c = clean_document(page(article_extra=byline), "html")
    assert c.authors == ["Ida Brandt"]


def test_author_filter_rejects_publishers_and_ui_text():
    publishers = {"the valley courier"}
    for bad in ["The Valley Courier", "Email The Author", "Minutes Ago Jon Russell", "Sports Desk", "admin"]:
        assert clean_author(bad, publishers) is None, bad
    assert clean_author("By LENA HARTWIG", publishers) == "Lena Hartwig"
    tree = parse_html(page(head='<meta name="author" content="The Valley Courier">'))
    assert article_authors(tree, None, publishers) == []


def test_title_without_site_suffix():
    assert strip_site_suffix("Valley water cuts | The Valley Courier", "The Valley Courier") == "Valley water cuts"
    assert strip_site_suffix("Courier | Valley water cuts", "Courier") == "Valley water cuts"
    # a colon inside a headline is part of it
    assert strip_site_suffix("Drought: valley water cuts ordered", "Courier") == "Drought: valley water cuts ordered"
    assert strip_site_suffix("Water - a history", None) == "Water - a history"


def test_body_leaves_out_comments_related_and_cookie_banner():
    comments = ("<section class='comments' id='comments'><h3>Comments</h3><div class='comment'>"
                "<p>I disagree with every word of this, said a reader from far away.</p></div></section>")
    related = ("<aside class='related'><h3>Related stories</h3><ul><li><a href='/a'>Dam opens</a></li>"
               "<li><a href='/b'>Rain at last</a></li><li><a href='/c'>Canal repairs</a></li></ul></aside>")
    cookie = ("<div id='cookie-banner'>We use cookies to improve your experience. By continuing you agree. "
              "<button>Accept</button></div>")
    c = clean_document(page(body_top=cookie, body_bottom=related + comments), "html")
    assert "disagree" not in c.text
    assert "Dam opens" not in c.text
    assert "cookies" not in c.text
    # the lead paragraph is kept, first: the headline is the title, not repeated in the text
    assert c.text.split("\n\n")[0].startswith("The river authority said on Tuesday")
    assert c.title == "Valley water cuts ordered" and c.title not in c.text
    assert "two leaking canals" in c.text


def test_dateline_inside_html_body():
    html = page().replace("The river authority said", "CAIRO, Egypt (Reuters) - The river authority said")
    c = clean_document(html, "html")
    assert c.dateline is not None and c.dateline.place.name == "Cairo" and c.dateline.place.country == "EGY"
    assert c.dateline.agency == "Reuters"
    assert "CAIRO" not in c.text and "The river authority said" in c.text


def test_structured_author_names_are_trusted_more_than_dom_text():
    ld = ('<script type="application/ld+json">{"@graph":[{"@type":"BlogPosting","headline":"x",'
          '"author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Susan"}]}</script>')
    tree = parse_html(page(head=ld))
    objects = json_ld_objects(tree)
    assert article_authors(tree, article_object(objects), set(), objects) == ["Susan"]
    # a one-word string in the page text is not enough, nor an acronym, nor a credential
    assert clean_author("Susan", set()) is None
    assert clean_author("CDC", set(), structured=True) is None
    tree = parse_html(page(head='<meta name="author" content="Ida Brandt, MS, RD">'))
    assert article_authors(tree, None, set()) == ["Ida Brandt"]


def test_byline_equal_to_the_site_host_is_the_publisher():
    c = clean_document(page(head='<meta name="author" content="Valleycourier">'), "html",
                       url="https://www.valleycourier.com/2021/03/03/water")
    assert c.authors == []
    assert c.published == "2021-03-03"  # a dated address is the page's own statement
