"""Page furniture around an article, on pages written here: hidden copies of the text, the
standfirst under the headline, teaser links, related-story lists, sign-up boxes."""

from dateline.clean import clean_document
from dateline.clean.body import without_headline_block
from dateline.clean.html import clean_html
from dateline.clean.page import parse_html
from dateline.clean.prune import prune_hidden_copies, prune_trailing_link_lists

STORY = [
    "The harbour authority approved a plan on Tuesday to dredge the eastern channel so that larger ferries can dock.",
    "Ferry operators have complained for years that low tides force them to cancel the first crossing of the day.",
    "The work will begin in the spring and is expected to take eleven weeks, according to the authority's engineer.",
    "Fishermen asked that the dredging pause during the herring season, and the authority said it would consider it.",
    "The cost, estimated at four million, will be shared between the port and the regional transport budget.",
]


def paras(lines):
    return "".join(f"<p>{s}</p>" for s in lines)


def page(head: str = "", body: str = "", tail: str = "", extra: str = "") -> str:
    return ("<html><head><title>Eastern channel to be dredged | Bayside Courier</title></head><body>"
            "<nav class='menu'><a href='/'>Home</a><a href='/port'>Port</a></nav>"
            f"{extra}<article><header class='story-head'><h1>Eastern channel to be dredged</h1>{head}"
            "<p class='byline'>By Mara Quint</p></header>"
            f"<div class='story-text'>{body or paras(STORY)}</div>{tail}</article>"
            "<footer><p>Bayside Courier, all rights reserved.</p></footer></body></html>")


# ----------------------------------------------------------------------------- hidden copies
HIDDEN_COPY = ("<div style='display:none' itemscope itemtype='http://schema.org/NewsArticle'>"
               "<div itemprop='headline'>Eastern channel to be dredged</div>"
               "<div itemprop='datePublished'>2024-03-05T08:10:00+01:00</div>"
               "<div itemprop='publisher'><div itemprop='name'>BaysideCourierOnline</div></div>"
               f"<div itemprop='articleBody'>{' '.join(STORY)}</div></div>")


def test_a_hidden_microdata_copy_of_the_article_is_not_body_text():
    c = clean_html(page(extra=HIDDEN_COPY))
    assert c.text.count(STORY[0]) == 1
    assert "BaysideCourierOnline" not in c.text and "2024-03-05T08:10" not in c.text
    assert any(b.reason == "hidden-block" and "BaysideCourierOnline" in b.text for b in c.boilerplate)


def test_an_article_the_page_reveals_by_script_is_kept():
    # streamed pages ship the article in hidden segments and show them once the script runs
    streamed = ("<html><body><div id='app'><h1>Eastern channel to be dredged</h1>"
                "<p>Loading the story, please wait a moment while the page finishes.</p></div>"
                f"<div hidden id='S:1'>{paras(STORY[:3])}</div><div hidden id='S:2'>{paras(STORY[3:])}</div>"
                "</body></html>")
    tree = parse_html(streamed)
    removed = []
    prune_hidden_copies(tree, removed)
    assert removed == []
    assert all(s in clean_html(streamed).text for s in STORY)


# ------------------------------------------------------------------------------- standfirst
DEK = "Larger ferries will finally reach the town quay at low tide, the port says."


def test_the_standfirst_under_the_headline_is_not_the_first_paragraph():
    c = clean_document(page(head=f"<h2 class='sub-head'>{DEK}</h2>"), "html")
    assert c.text.startswith(STORY[0])
    assert DEK not in c.text
    assert any(b.reason == "headline-block" and b.text == DEK for b in c.boilerplate)


def test_byline_date_and_reading_time_under_the_headline_are_not_the_first_lines():
    meta = ("<ul class='meta'><li>Mara Quint</li><li>Mar 5, 2024</li><li>4 min read</li></ul>")
    tree = parse_html(page(head=f"<h2>{DEK}</h2>" + meta))
    body = "\n".join([DEK, "- Mara Quint", "- Mar 5, 2024", "- 4 min read", *STORY])
    text, removed = without_headline_block(tree, body)
    assert text == "\n".join(STORY)
    assert removed == [DEK, "- Mara Quint", "- Mar 5, 2024", "- 4 min read"]


def test_a_lead_paragraph_beside_the_headline_stays_when_the_story_goes_on_there():
    # a short post: headline, lead and a closing line share one block
    html = ("<html><body><div class='post'><h1>Open thread for March</h1>"
            "<p>Our open threads let readers raise questions about the project in the comments below.</p>"
            "<p>The February thread is here.</p></div></body></html>")
    tree = parse_html(html)
    body = ("Our open threads let readers raise questions about the project in the comments below.\n\n"
            "The February thread is here.")
    assert without_headline_block(tree, body) == (body, [])


# ------------------------------------------------------------------- furniture named by class
NEWSLETTER = ("<section class='Newsletter-container'><h3>Get the Morning Tide</h3>"
              "<p>The port's news in your inbox before the first ferry sails, every weekday.</p>"
              "<h3 class='Newsletter-title--small'>Thanks for signing up!</h3></section>")
RELATED = ("<div class='RelatedStories'><h3>More from the port</h3><ul>"
           "<li><a href='/a'>Pilot boat crew honoured for winter rescue</a></li>"
           "<li><a href='/b'>New timetable for the island service</a></li>"
           "<li><a href='/c'>Harbour master to retire after thirty years</a></li></ul></div>")
AUTHOR_BOX = ("<div class='AuthorBio'><p>Mara Quint covers the port, shipping and the coast for the "
              "Bayside Courier. She previously reported from the fishing towns of the north shore.</p></div>")


def test_sign_up_boxes_related_lists_and_author_boxes_inside_the_article_are_pruned():
    c = clean_html(page(tail=NEWSLETTER + RELATED + AUTHOR_BOX))
    assert all(s in c.text for s in STORY)
    for furniture in ("Thanks for signing up", "Morning Tide", "Pilot boat crew", "island service",
                      "covers the port, shipping"):
        assert furniture not in c.text
    reasons = {b.reason for b in c.boilerplate}
    assert {"furniture:newsletter", "furniture:related", "furniture:author-bio"} <= reasons


def test_a_wrapper_named_after_a_feature_it_carries_keeps_the_article():
    # the theme names the article's wrapper after its related-posts option
    html = (f"<html><body><div class='single has-related-posts'><h1>Eastern channel to be dredged</h1>"
            f"{paras(STORY)}</div></body></html>")
    assert all(s in clean_html(html).text for s in STORY)


def test_a_section_id_made_from_its_heading_is_not_a_furniture_name():
    # ids slugged from headings ("how-popular-are-ferries") name the text, not the block
    html = page(body=paras(STORY[:3]) + "<div id='how-popular-are-the-ferries'><h2>How popular are the ferries?</h2>"
                + paras(STORY[3:]) + "</div>")
    assert all(s in clean_html(html).text for s in STORY)


# ------------------------------------------------------------ link lists after the article
ALSO = ["Harbour master to retire after thirty years", "New timetable for the island ferry service",
        "Pilot boat crew honoured for a winter rescue", "Lighthouse keepers' cottages up for sale"]


def links(titles, tag="p"):
    return "".join(f"<{tag}><a href='/story/{k}'>{t}</a></{tag}>" for k, t in enumerate(titles))


def test_a_related_stories_list_after_the_last_paragraph_is_not_the_article():
    c = clean_html(page(body=paras(STORY) + "<p>You may also like...</p>" + links(ALSO)))
    assert c.text.rstrip().endswith(STORY[-1])
    assert not any(t in c.text for t in ALSO) and "You may also like" not in c.text
    assert any(b.reason == "trailing-link-list" for b in c.boilerplate)


def test_a_list_of_links_among_the_paragraphs_is_part_of_the_article():
    # the story lists the ferry routes it talks about, then goes on
    body = paras(STORY[:2]) + "<ul>" + links(ALSO, "li") + "</ul>" + paras(STORY[2:])
    c = clean_html(page(body=body))
    assert all(t in c.text for t in ALSO) and all(s in c.text for s in STORY)


def test_further_reading_the_article_introduces_stays():
    body = paras(STORY) + "<p>For more on the port's plans, see:</p>" + links(ALSO)
    tree = parse_html(page(body=body))
    removed = []
    prune_trailing_link_lists(tree, removed)
    assert removed == []
    assert ALSO[0] in clean_html(page(body=body)).text


# ------------------------------------------------------------------- one-link teasers
def test_a_teaser_link_between_paragraphs_is_not_the_article():
    teaser = "<p><strong><a href='/story/9'>FERRY FARES TO RISE BY A TENTH FROM JUNE</a></strong></p>"
    label = "<p>MORE: <a href='/story/8'>Island school gets a new boat</a></p>"
    body = paras(STORY[:2]) + teaser + paras(STORY[2:4]) + label + paras(STORY[4:])
    c = clean_html(page(body=body))
    assert all(s in c.text for s in STORY)
    assert "FERRY FARES" not in c.text and "Island school" not in c.text
    assert sum(b.reason == "teaser-link" for b in c.boilerplate) == 2


def test_linked_section_headings_and_cited_sources_stay():
    # each deal is introduced by a linked heading; the source is a citation
    body = ""
    for k, s in enumerate(STORY[:3]):
        body += f"<p><strong><a href='/deal/{k}'>Harbour deal number {k + 1} is signed</a></strong></p><p>{s}</p>"
    body += "<p>Source: <a href='/report'>Port authority annual report</a></p>" + paras(STORY[3:])
    c = clean_html(page(body=body))
    assert "Harbour deal number 2 is signed" in c.text and "Port authority annual report" in c.text


# ------------------------------------------------------------------- lead paragraphs
LEAD = ("PORT ELLIS — The eastern channel will be dredged, the harbour authority said, ending years "
        "of cancelled crossings.")


def test_a_lead_paragraph_in_the_header_that_opens_with_a_dateline_is_the_story():
    c = clean_html(page(head=f"<div class='lede'><p>{LEAD}</p></div>"))
    assert "ending years of cancelled crossings" in c.text
    assert not any(b.reason == "headline-block" for b in c.boilerplate)


def test_a_lead_paragraph_in_its_own_block_above_the_body_is_kept():
    body = f"<div class='story-lead'><p>{LEAD}</p></div><div class='story-main'>{paras(STORY)}</div>"
    c = clean_html(page(body=body))
    assert "ending years of cancelled crossings" in c.text and all(s in c.text for s in STORY)
    assert c.text.index("ending years") < c.text.index(STORY[0])


# ------------------------------------------------------------------- readers' comments
COMMENTS = ["I have taken this ferry for twenty years and the early crossing is always the first to go.",
            "Dredging will not fix the real problem, which is the age of the boats the operator keeps running.",
            "Good news at last for the island, though I doubt the work will finish before the summer season."]


def thread(cls: str) -> str:
    return (f"<section class='{cls}'><h3>3 responses</h3>"
            + "".join(f"<div class='entry'><p class='who'>reader{k}</p><p>{c}</p></div>"
                      for k, c in enumerate(COMMENTS))
            + "</section>")


def test_readers_comments_under_the_article_do_not_leak_into_the_body():
    for cls in ("ReaderComments", "article-discussion", "responses"):
        c = clean_html(page(tail=thread(cls)))
        assert all(s in c.text for s in STORY)
        assert not any(x in c.text for x in COMMENTS), cls
        assert any(b.reason.startswith("furniture:") and COMMENTS[0] in b.text for b in c.boilerplate)


def test_story_cards_after_the_article_are_not_the_article():
    # the section's latest stories: a linked headline over a one-line summary, with a picture
    cards = "".join(f"<li class='col-4'><a href='/s/{k}' class='thumb'><img src='/i/{k}.jpg'></a>"
                    f"<div><h3><a href='/s/{k}'>{t}</a></h3>"
                    "<p>A short summary of the story about the port and the coast.</p></div></li>"
                    for k, t in enumerate(ALSO))
    c = clean_html(page(tail=f"<div class='box'><span>Our latest stories</span><ul class='row'>{cards}</ul></div>"))
    assert all(s in c.text for s in STORY)
    assert not any(t in c.text for t in ALSO) and "A short summary" not in c.text


def test_the_pages_own_address_from_a_print_box_is_not_body_text():
    url = "https://baysidecourier.example/port/eastern-channel-to-be-dredged"
    body = paras(STORY[:2]) + f"<p>{url}</p>" + paras(STORY[2:])
    c = clean_document(page(body=body), "html", url=url)
    assert url not in c.text and all(s in c.text for s in STORY)
    assert any(b.reason == "page-url" and b.text == url for b in c.boilerplate)


def test_disclosure_boxes_modal_dialogs_and_calls_to_action_are_not_the_article():
    disclosure = ("<div class='commerce-disclosure'><p>If you buy something through a link on this page, the "
                  "Courier may earn a commission from the seller at no cost to you.</p></div>")
    modal = ("<div class='SignInModal'><h3>Log in to your account</h3><p>Readers with an account can save "
             "stories, follow the port and comment on every article we publish.</p></div>")
    cta = ("<div class='post-cta'><h4>Plan your crossing</h4><p>Check the new timetable, book a car space "
           "and get fare alerts for every island route in one place.</p><a href='/plan'>Plan now</a></div>")
    c = clean_html(page(body=disclosure + paras(STORY) + cta, extra=modal))
    assert all(s in c.text for s in STORY)
    assert not any(x in c.text for x in ("earn a commission", "save stories", "fare alerts"))
    assert {"furniture:disclosure", "furniture:modal", "furniture:cta"} <= {b.reason for b in c.boilerplate}


# ------------------------------------------------------------------- cookie banners
CONSENT = ["We and our partners use cookies and similar technologies to store and access information on "
           "your device for personalised advertising.",
           "You can accept all cookies, reject those that are not necessary, or choose your settings at any "
           "time from the privacy page.",
           "Your choices apply to this site only and are kept for thirteen months unless you clear your "
           "browser storage.",
           "Some partners process your data on the basis of legitimate interest, which you can object to in "
           "the settings of each vendor.",
           "Necessary cookies keep the site working, remember your log-in and protect the forms you send us "
           "against abuse."]


def test_a_consent_banner_longer_than_the_article_is_not_taken_for_it():
    # a short story under a long consent banner: the extractor would take the banner's prose
    for opening in ("<div class='ConsentDialog'>", "<div class='privacy-banner'>", "<div role='dialog'>"):
        banner = opening + paras(CONSENT) + "<button>Accept all</button></div>"
        c = clean_html(page(body=paras(STORY[:2]), extra=banner))
        assert all(s in c.text for s in STORY[:2]), opening
        assert not any(s in c.text for s in CONSENT), opening
        assert any(b.reason == "consent-or-dialog" for b in c.boilerplate)


def test_a_component_prefix_is_not_a_consent_name():
    # site builders prefix every block ("cmp-container"): the article inside one stays
    html = (f"<html><body><div class='cmp-container'><h1>Eastern channel to be dredged</h1>"
            f"<div class='cmp-text'>{paras(STORY)}</div></div></body></html>")
    assert all(s in clean_html(html).text for s in STORY)


def test_breadcrumbs_and_a_table_of_contents_are_not_the_article():
    crumbs = ("<nav class='Breadcrumbs'><a href='/'>Home</a> / <a href='/port'>Port</a> / "
              "<span>Eastern channel to be dredged</span></nav>")
    toc = ("<div class='toc-wrapper'><p>Contents</p><ul><li><a href='#why'>Why dredge the channel</a></li>"
           "<li><a href='#when'>When the work starts</a></li><li><a href='#cost'>Who pays</a></li></ul></div>")
    c = clean_html(page(body=toc + paras(STORY), extra=crumbs))
    assert c.text.startswith(STORY[0]) and all(s in c.text for s in STORY)
    assert "Why dredge the channel" not in c.text
    assert "furniture:toc" in {b.reason for b in c.boilerplate}


def test_a_class_that_negates_a_furniture_name_is_not_furniture():
    # "no_toc_section" marks article text the table of contents should skip
    body = paras(STORY[:3]) + f"<div class='no_toc_section'>{paras(STORY[3:])}</div>"
    assert all(s in clean_html(page(body=body)).text for s in STORY)


def test_recent_posts_widgets_go_but_a_wrapper_holding_a_page_without_paragraphs_stays():
    recent = ("<div class='recent-posts'><h3>Recent posts</h3><ul>" + links(ALSO, "li") + "</ul></div>")
    c = clean_html(page(tail=recent))
    assert all(s in c.text for s in STORY) and not any(t in c.text for t in ALSO)
    # the template wraps the whole story, written with line breaks, in a block named for its list
    brs = "<br><br>".join(STORY)
    html = (f"<html><body><h1>Eastern channel to be dredged</h1><div class='recentNews'><div id='story'>"
            f"<div class='text'>{brs}</div></div></div></body></html>")
    assert all(s in clean_html(html).text for s in STORY)


def test_byline_and_date_lines_taken_off_the_top_still_give_author_and_date():
    # no metadata: the byline and the date exist only as lines under the headline
    html = ("<html><body><article><header><h1>Eastern channel to be dredged</h1>"
            f"<h2>{DEK}</h2><div class='meta'><span>By Mara Quint</span><span>March 5, 2024</span></div></header>"
            f"<div class='story-text'>{paras(STORY)}</div></article></body></html>")
    c = clean_html(html)
    assert c.text.startswith(STORY[0])
    assert c.authors == ["Mara Quint"] and c.published == "2024-03-05"
