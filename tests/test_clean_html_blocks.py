"""Body block choice on pages written here: the headline line, the densest prose block."""

from dateline.clean import clean_document
from dateline.clean.body import densest_block, missed_article_block
from dateline.clean.html import without_headline
from dateline.clean.page import parse_html

STORY = [
    "The transport ministry in Varnholm said on Friday that the coastal rail line will reopen in March, "
    "six months after a landslide buried two kilometres of track near the village of Essby.",
    "Engineers have rebuilt the embankment with drainage channels that the ministry says will carry "
    "twice the water of the old ones, after heavy rain saturated the slope last autumn.",
    "Commuters have spent the winter on replacement buses that add forty minutes to each journey, "
    "and the regional council has asked for a fare refund for season ticket holders.",
    "The ministry said it would decide on refunds once the final cost of the repairs is known, "
    "which it expects to be close to the original estimate of 80 million crowns.",
]


def page(comments: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    teasers = "".join(f"<li><a href='/s/{i}'>Other story number {i} about the region and its weather</a></li>"
                      for i in range(8))
    return (f"<html><head><title>Rail line to reopen | Varnholm Post</title></head><body>"
            f"<nav><ul>{teasers}</ul></nav><div class='story'><h1>Rail line to reopen</h1>"
            f"<div class='story-body'>{paras}</div></div>{comments}</body></html>")


def test_the_headline_line_is_not_repeated_in_the_text():
    body = "Rail line to reopen\nThe transport ministry said on Friday..."
    assert without_headline(body, "Rail line to reopen") == "The transport ministry said on Friday..."
    assert without_headline(body, "Another title") == body
    assert without_headline("Rail line to reopen", "Rail line to reopen") == "Rail line to reopen"  # nothing else
    c = clean_document(page(), "html")
    assert c.title == "Rail line to reopen" and c.text.startswith("The transport ministry")


def test_densest_block_is_the_story_not_the_link_list():
    block, words = densest_block(parse_html(page()))
    assert block.get("class") == "story-body" and words > 100


def test_a_teaser_extraction_is_replaced_by_the_story_block():
    tree = parse_html(page())
    assert missed_article_block(tree, STORY[0]) is not None  # only the lead was kept
    assert missed_article_block(tree, "\n".join(STORY)) is None  # the whole story was kept


def test_a_comment_thread_is_never_the_rescued_block():
    thread = "".join(f"<p>{p.replace('ministry', 'reader')} I think so too, wrote a reader.</p>" for p in STORY * 2)
    html = page(comments=f"<section class='comments'><div class='comment-list'>{thread}</div></section>")
    tree = parse_html(html)
    assert densest_block(tree)[0].get("class") == "comment-list"  # the thread holds more prose
    assert missed_article_block(tree, STORY[0]) is None
