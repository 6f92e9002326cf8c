"""Body repairs on pages written here: articles split across sections, the page's own articleBody."""

import json

from dateline.clean import clean_document
from dateline.clean.body import prefer_article_body, recover_split_sections
from dateline.clean.page import parse_html

FIRST = [
    "The regional water board voted on Monday to build a second reservoir north of the city, ending a decade of debate.",
    "Board members said the project would secure supplies for the growing suburbs through the middle of the century.",
    "Engineers expect construction to begin next year once the environmental review has been completed in full.",
    "Farmers in the valley welcomed the decision but asked for guarantees that irrigation quotas would not fall.",
    "The board chair said public hearings on the route of the new pipeline would be held in every district.",
]
SECOND = [
    "Opponents of the plan argued that the reservoir would flood two hamlets and a stretch of protected wetland.",
    "A coalition of residents has already filed a complaint with the regional court and promised further appeals.",
    "The board said families who lose their homes would be offered compensation above the market price of the land.",
    "Critics also questioned the cost estimate, which has risen by a third since the first feasibility study appeared.",
]


def paras(lines):
    return "".join(f"<p>{s}</p>" for s in lines)


def split_page(second_kind: str = "body-section") -> str:
    """An article cut in two sections of the same class by an advertisement rail."""
    return ("<html><head><title>Second reservoir approved | Riverside Herald</title></head><body>"
            "<nav class='menu'><a href='/'>Home</a><a href='/local'>Local</a></nav><article>"
            "<h1>Second reservoir approved</h1><div class='chunks'>"
            f"<div class='row'><div class='body-section'>{paras(FIRST)}</div></div>"
            "<div class='row'><div class='ad-rail'><p>Advertisement</p></div></div>"
            f"<div class='row'><div class='{second_kind}'>{paras(SECOND)}</div></div>"
            "</div></article><footer class='site-footer'><p>Riverside Herald, all rights reserved.</p></footer>"
            "</body></html>")


def test_second_section_of_a_split_article_is_put_back():
    tree = parse_html(split_page())
    first_only = "\n".join(FIRST)
    repaired = recover_split_sections(tree, first_only)
    assert repaired.index(FIRST[0]) < repaired.index(SECOND[0])  # document order
    assert all(s in repaired for s in SECOND)
    c = clean_document(split_page(), "html")
    assert all(s in c.text for s in FIRST + SECOND)
    assert "Advertisement" not in c.text


def test_a_block_of_another_kind_is_not_pulled_in():
    tree = parse_html(split_page(second_kind="promo-box"))
    assert recover_split_sections(tree, "\n".join(FIRST)) == "\n".join(FIRST)


def test_a_newsletter_form_of_the_same_class_is_not_article_text():
    form = ("<form><input type='email'></form>"
            + paras(["Sign up for the morning briefing and get the region's news in your inbox every day.",
                     "We will never share your address with anyone and you can unsubscribe at any time.",
                     "Our newsletter is free for all readers and arrives before seven every weekday morning."]))
    html = split_page().replace(paras(SECOND), form)
    tree = parse_html(html)
    assert recover_split_sections(tree, "\n".join(FIRST)) == "\n".join(FIRST)


def test_article_body_of_the_page_replaces_a_partial_extraction():
    body = "\n\n".join(FIRST + SECOND)
    article = {"@type": "NewsArticle", "articleBody": body}
    assert prefer_article_body(FIRST[0], article) == body
    # an extraction about as long as the articleBody is kept: the extractor saw the article
    assert prefer_article_body("\n".join(FIRST + SECOND[:3]), article) == "\n".join(FIRST + SECOND[:3])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Second reservoir approved", "articleBody": body})
    page = (f"<html><head><script type='application/ld+json'>{ld}</script></head><body><article>"
            f"<h1>Second reservoir approved</h1><p>{FIRST[0]}</p><p>{FIRST[1]}</p></article></body></html>")
    assert SECOND[3] in clean_document(page, "html").text


def test_the_extractor_leaves_the_pages_tree_whole_for_the_repairs():
    # the repairs after extraction (split sections, the headline block) read the tree trafilatura
    # was given; it must work on its own copy, as dateline no longer copies the tree for it
    import lxml.html

    from dateline.clean.html import extract_body

    tree = parse_html(split_page())
    before = lxml.html.tostring(tree)
    text = extract_body(tree, "https://herald.example/reservoir")
    assert "second reservoir" in text
    assert lxml.html.tostring(tree) == before


def test_fallback_extractors_are_asked_only_when_the_own_pass_missed_the_paragraphs():
    from dateline.clean.html import missed_paragraphs

    tree = parse_html(split_page())
    everything = "\n".join(FIRST + SECOND)
    assert not missed_paragraphs(tree, everything)
    assert missed_paragraphs(tree, FIRST[0])  # a fifth of the page's paragraph text
    # a page laid out in <div>s and line breaks has no paragraphs to measure against
    lines = "<br>".join(FIRST + SECOND)
    flat = parse_html(f"<html><body><h1>Second reservoir approved</h1><div class='story'>{lines}</div></body></html>")
    assert missed_paragraphs(flat, everything)


def test_an_article_laid_out_without_paragraphs_is_still_found():
    lines = "<br><br>".join(FIRST + SECOND)
    page = ("<html><head><title>Second reservoir approved</title></head><body>"
            "<nav class='menu'><a href='/'>Home</a><a href='/local'>Local</a></nav>"
            f"<h1>Second reservoir approved</h1><div class='story'>{lines}</div>"
            "<div class='site-footer'>Riverside Herald, all rights reserved.</div></body></html>")
    text = clean_document(page, "html").text
    assert FIRST[0] in text and SECOND[-1] in text
    assert "all rights reserved" not in text
