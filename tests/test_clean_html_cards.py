"""Pop-up cards hidden inside a sentence are dropped, the linked name they belong to stays."""

import dateline

PARAGRAPH = "The committee will hear testimony next week, its chairman said on Monday."

PAGE = """<html><head><title>Senator seeks inquiry into port contract - The Capitol Ledger</title>
<meta property="og:title" content="Senator seeks inquiry into port contract"></head><body>
<article><h1>Senator seeks inquiry into port contract</h1>
<div class="article-body">
<p>A federal prosecutor opened an inquiry after Sen.
<span class="rollover-people"><a class="rollover-people-link" href="/people/dana-whitfield">Dana Whitfield</a>
<span class="rollover-people-block"><span class="rollover-block"><img src="/w.jpg" alt="">
<a class="name" href="/people/dana-whitfield">Dana Whitfield</a>
<a href="/news/1">Whitfield presses agency on drone rules | Lawmakers spar over budget</a>
<a class="more" href="/people/dana-whitfield">MORE</span></span></span>
(R-Ohio) asked the Justice Department to review the harbour contract, the senator's office said.</p>
<p>The contract, worth $40 million, was awarded in March without a public tender, records show.
Officials at the port authority declined to comment on the award when reached by phone.</p>
<p>""" + PARAGRAPH + """ Members of both parties have asked to see the bidding documents.</p>
</div></article></body></html>"""


def test_hover_card_is_dropped_and_kept_as_boilerplate():
    article = dateline.process(PAGE, url="https://capitolledger.example/news/port-inquiry")
    assert "Sen. Dana Whitfield (R-Ohio) asked the Justice Department" in " ".join(article.text.split())
    assert "drone rules" not in article.text and "MORE" not in article.text
    cards = [b for b in article.boilerplate if b.reason == "hover-card"]
    assert cards and "drone rules" in cards[0].text


def test_person_behind_the_card_keeps_a_clean_name():
    article = dateline.process(PAGE, url="https://capitolledger.example/news/port-inquiry")
    names = {e.name for e in article.entities if e.type == "PERSON"}
    assert "Dana Whitfield" in names
    assert not any("Whitfield" in n and n != "Dana Whitfield" and "MORE" in n for n in names)
