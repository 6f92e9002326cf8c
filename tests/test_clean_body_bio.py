"""The author's bio box after the story (pages written here)."""

import json

from dateline.clean import clean_document
from dateline.clean.page import parse_html
from dateline.clean.prune import prune_author_bio_boxes

STORY = [
    "The harbour authority approved a plan on Tuesday to dredge the eastern channel before the autumn storms arrive.",
    "Fishing crews have complained for two years that silt makes the channel unsafe at low tide for larger boats.",
    "The work will take six weeks and will be paid for from the port's maintenance reserve, the authority said.",
    "Ferry services will keep running, although some crossings will be moved to the western berth while it lasts.",
]
MORE = [
    "Harbour pilots said the dredging would also let larger cargo ships use the eastern quays again next year.",
    "The last dredging of the channel, in 2009, ran three weeks over schedule after a storm damaged the barge.",
    "This time the authority has hired two barges, so that one can keep working if the other is laid up.",
    "Environmental groups asked that the silt be taken out to sea rather than dumped near the bird reserve.",
    "The authority said the silt would be tested first and, if it is clean, used to rebuild the dunes.",
]
BIO = ("<div class='box-wrap'><div class='box-grav'><img src='/img/mara.jpg' alt=''></div>"
       "<div class='box-name'><a href='/author/mara-lindqvist/'>Mara Lindqvist</a></div>"
       "<div class='box-desc'><p>Mara Lindqvist covers ports and shipping for the Coastline Courier. "
       "She previously worked as a deckhand on North Sea trawlers.</p></div></div>")


def page(box: str, author: str = "Mara Lindqvist") -> str:
    """A story whose text block ends with ``box`` (a plugin's bio box sits inside it)."""
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Channel to be dredged",
                     "author": {"@type": "Person", "name": author}, "datePublished": "2024-08-06"})
    paras = "".join(f"<p>{s}</p>" for s in STORY)
    return (f"<html><head><title>Channel to be dredged</title><script type='application/ld+json'>{ld}</script></head>"
            f"<body><article><h1>Channel to be dredged</h1><div class='entry'>{paras}{box}</div></article></body></html>")


def test_the_bio_box_of_the_byline_author_is_not_the_story():
    cleaned = clean_document(page(BIO), "html", url="https://coastline.example/2024/08/channel")
    assert "deckhand" not in cleaned.text
    assert STORY[-1] in cleaned.text
    assert any(b.reason == "author-bio" and "deckhand" in b.text for b in cleaned.boilerplate)


def test_a_profile_of_someone_else_stays():
    tree = parse_html(page(BIO.replace("/author/", "/people/")))
    assert prune_author_bio_boxes(tree, ["Jonas Petersen"]) == []
    assert "deckhand" in tree.text_content()


def test_without_a_byline_nothing_is_taken_as_a_bio():
    tree = parse_html(page(BIO))
    assert prune_author_bio_boxes(tree, []) == []


def test_a_block_that_holds_the_article_is_not_a_bio_box():
    paras = "".join(f"<p>{s}</p>" for s in STORY)
    tree = parse_html("<html><body><div class='post'><div class='byline'><img src='/m.jpg'>"
                      "<a href='/author/mara-lindqvist/'>Mara Lindqvist</a></div>"
                      f"<div class='entry'>{paras}</div></div></body></html>")
    prune_author_bio_boxes(tree, ["Mara Lindqvist"])
    assert all(s in tree.text_content() for s in STORY)


def test_a_bio_of_several_paragraphs_is_still_a_bio_box():
    long_bio = BIO.replace("</p></div></div>", "</p><p>Before joining the Courier she reported on fisheries for a "
                           "regional radio station for six years.</p><p>She lives on the coast with two dogs and "
                           "a small boat she is forever repairing.</p></div></div>")
    more = "".join(f"<p>{s}</p>" for s in MORE)
    tree = parse_html(page(more + long_bio))
    removed = prune_author_bio_boxes(tree, ["Mara Lindqvist"])
    assert len(removed) == 1 and "small boat" in removed[0].text
    assert all(s in tree.text_content() for s in STORY)


def test_a_short_story_with_its_byline_picture_is_not_a_bio_box():
    tree = parse_html("<html><body><div class='item'><img src='/m.jpg'>"
                      "<a href='/author/mara-lindqvist/'>Mara Lindqvist</a>"
                      f"<p>{STORY[0]}</p><p>{STORY[1]}</p></div><footer><p>Coastline Courier</p></footer></body></html>")
    assert prune_author_bio_boxes(tree, ["Mara Lindqvist"]) == []
