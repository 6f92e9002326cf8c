"""Grids of story cards after the article, set as blocks with utility classes (pages written here)."""

from dateline.clean.page import parse_html
from dateline.clean.prune import prune_trailing_story_cards

STORY = [
    "The city's bike-share scheme will add four hundred electric bicycles in the spring, the transport office said.",
    "Riders have asked for electric bikes since the scheme opened, mostly for the steep streets of the old town.",
    "The new bikes will cost the same as the old ones for members, while casual riders will pay a small surcharge.",
    "Docking stations on the hills will be fitted with chargers first, and the rest of the network will follow.",
]
TEASERS = [
    ("/2024/05/tram-line", "Tram extension reaches the university campus", "Trains will run every six minutes at peak."),
    ("/2024/05/parking", "Parking fees rise in the centre from June", "Residents' permits are not affected by the change."),
    ("/2024/04/bridge", "Footbridge over the river reopens after repairs", "The bridge was closed for eight months."),
    ("/2024/04/buses", "Night buses return to four suburban routes", "The routes were cut during the pandemic."),
]


def card(href: str, title: str, blurb: str, wrap_heading: bool = False) -> str:
    head = (f"<a href='{href}'><h3 class='font-bold text-lg'>{title}</h3></a>" if wrap_heading
            else f"<h3 class='font-bold text-lg'><a href='{href}'>{title}</a></h3>")
    return (f"<div class='shadow bg-white w-full'><a href='{href}' class='block'><img src='/i.jpg' alt=''></a>"
            f"<div class='pt-6 px-6'><span class='text-sm'>May 2, 2024</span>{head}<p class='mt-2'>{blurb}</p></div></div>")


def page(grid: str, between: str = "") -> str:
    paras = "".join(f"<p>{s}</p>" for s in STORY[:2]) + between + "".join(f"<p>{s}</p>" for s in STORY[2:])
    return (f"<html><body><main><article><h1>E-bikes join the scheme</h1><div class='prose max-w-3xl'>{paras}</div>"
            f"</article><section class='py-12'><h2 class='text-2xl'>More from Transport</h2>{grid}</section></main></body></html>")


def grid(wrap_heading: bool = False, blurb_extra: str = "") -> str:
    return ("<div class='grid grid-cols-4 gap-8'>"
            + "".join(card(h, t, b + blurb_extra, wrap_heading) for h, t, b in TEASERS) + "</div>")


def test_a_grid_of_story_cards_after_the_article_is_dropped():
    tree = parse_html(page(grid()))
    removed = prune_trailing_story_cards(tree)
    assert [b.reason for b in removed] == ["trailing-story-cards"] * 4
    text = tree.text_content()
    assert "Footbridge" not in text and all(s in text for s in STORY)


def test_cards_whose_link_wraps_the_heading_are_cards_too():
    tree = parse_html(page(grid(wrap_heading=True)))
    assert len(prune_trailing_story_cards(tree)) == 4


def test_cards_among_the_articles_paragraphs_stay():
    tree = parse_html(page("", between=grid()))
    assert prune_trailing_story_cards(tree) == []


def test_blocks_with_more_than_a_summary_are_not_story_cards():
    long_blurb = " The council expects the change to raise enough to repair the pavements of the old town within a year." * 3
    tree = parse_html(page(grid(blurb_extra=long_blurb)))
    assert prune_trailing_story_cards(tree) == []
