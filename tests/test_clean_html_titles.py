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
