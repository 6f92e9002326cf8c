"""Lists and headings of the article that the extractor skipped, put back between the
paragraphs it kept (pages and extractor outputs written here)."""

from dateline.clean.body import restore_skipped_lists_and_headings
from dateline.clean.page import parse_html

INTRO = "Small firms in the valley keep their books by a handful of rules that their accountants repeat every spring."
LEAD_IN = "Three of those rules matter more than the others, and the guild's handbook sets them out as follows here."
AFTER = "Firms that follow all three rarely face questions from the revenue office, the guild's treasurer told members."
CLOSE = "The handbook is updated every two years, and the next edition is due out at the guild's autumn meeting."

RULES = ("<ul><li><strong>Keep every receipt:</strong> a purchase without a receipt cannot be claimed later on.</li>"
         "<li><strong>Close the month:</strong> reconcile the bank statement before the tenth of the next month.</li>"
         "<li><strong>Separate accounts:</strong> the owner's spending never passes through the firm's account.</li></ul>")


def page(middle: str, tail: str = "") -> object:
    return parse_html("<html><body><nav><a href='/'>Home</a></nav><article><h1>Rules for the books</h1>"
                      f"<div class='entry'><p>{INTRO}</p><p>{LEAD_IN}</p>{middle}<p>{AFTER}</p>"
                      f"<p>{CLOSE}</p>{tail}</div></article></body></html>")


KEPT = "\n".join([INTRO, LEAD_IN, AFTER, CLOSE])


def test_a_list_between_two_kept_paragraphs_is_put_back_in_place():
    text = restore_skipped_lists_and_headings(page(RULES), KEPT)
    lines = text.split("\n")
    assert lines[:2] == [INTRO, LEAD_IN]
    assert lines[2] == "- Keep every receipt: a purchase without a receipt cannot be claimed later on."
    assert lines[4].startswith("- Separate accounts:")
    assert lines[5:] == [AFTER, CLOSE]


def test_a_section_heading_between_kept_paragraphs_is_put_back():
    text = restore_skipped_lists_and_headings(page("<h2>What the revenue office checks</h2>"), KEPT)
    assert text.split("\n")[2] == "What the revenue office checks"


def test_a_list_the_extractor_kept_in_its_own_lines_is_not_repeated():
    kept = "\n".join([INTRO, LEAD_IN, "- Keep every receipt:", "a purchase without a receipt cannot be claimed later on.",
                      "- Close the month:", "reconcile the bank statement before the tenth of the next month.",
                      "- Separate accounts:", "the owner's spending never passes through the firm's account.",
                      AFTER, CLOSE])
    assert restore_skipped_lists_and_headings(page(RULES), kept) == kept


def test_a_list_of_links_among_the_paragraphs_stays_out():
    links = ("<ul><li><a href='/a'>Why the guild raised its fees this year</a></li>"
             "<li><a href='/b'>A bookkeeper's guide to the new invoice rules</a></li></ul>")
    assert restore_skipped_lists_and_headings(page(links), KEPT) == KEPT


def test_a_slide_show_of_captioned_pictures_stays_out():
    slides = ("<ul><li><figure><img src='a.jpg'><figcaption>The guild hall on market day, seen from the square.</figcaption>"
              "</figure></li><li><figure><img src='b.jpg'><figcaption>Members at the spring meeting of the guild."
              "</figcaption></figure></li></ul>")
    assert restore_skipped_lists_and_headings(page(slides), KEPT) == KEPT


def test_a_linked_headline_between_paragraphs_is_a_teaser_and_stays_out():
    teaser = "<h3><a href='/c'>Read next: the guild's new training scheme</a></h3>"
    assert restore_skipped_lists_and_headings(page(teaser), KEPT) == KEPT


def test_a_list_after_the_last_kept_paragraph_is_not_the_articles_to_put_back():
    tail = "<h2>Our services</h2><ul><li>Monthly bookkeeping for small firms</li><li>Payroll for up to fifty staff</li></ul>"
    assert restore_skipped_lists_and_headings(page("", tail), KEPT) == KEPT


def test_a_list_before_a_kept_heading_goes_back_above_that_heading():
    tree = parse_html("<html><body><article><div class='entry'>"
                      f"<p>{INTRO}</p><p>{LEAD_IN}</p>{RULES}<h2>What the revenue office checks</h2>"
                      f"<p>{AFTER}</p><p>{CLOSE}</p></div></article></body></html>")
    kept = "\n".join([INTRO, LEAD_IN, "What the revenue office checks", AFTER, CLOSE])
    lines = restore_skipped_lists_and_headings(tree, kept).split("\n")
    assert lines[2].startswith("- Keep every receipt:") and lines[4].startswith("- Separate accounts:")
    assert lines[5:] == ["What the revenue office checks", AFTER, CLOSE]


def test_a_section_of_one_paragraph_gets_its_list_back_before_the_next_heading():
    tree = parse_html("<html><body><article>"
                      f"<section><h2>Why rules matter</h2><p>{INTRO}</p></section>"
                      f"<section><p>{LEAD_IN}</p>{RULES}<h2>What the revenue office checks</h2></section>"
                      f"<section><p>{AFTER}</p></section></article></body></html>")
    kept = "\n".join(["Why rules matter", INTRO, LEAD_IN, "What the revenue office checks", AFTER])
    lines = restore_skipped_lists_and_headings(tree, kept).split("\n")
    assert lines[3].startswith("- Keep every receipt:") and lines[6] == "What the revenue office checks"
