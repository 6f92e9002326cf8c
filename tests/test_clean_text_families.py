"""Held-out-style check of the flattened-text cleaner: junk KINDS in families.

The extraction benchmark's hidden split adds junk kinds the dev set never shows. To measure
generalisation the same way, the generator below builds junk in families (taxonomy and
navigation, social and app prompts, paywall and account prompts, credits and legal notes,
read-more links, page chrome, photo credits, author bios), each family with several kinds
and several wordings. Detectors were tuned on ``TUNE_FAMILIES`` and checked on
``CHECK_FAMILIES``; the tests hold both to a floor, and hold clean bodies to zero removals.

All names, outlets and article texts here are invented. Running this file as a script
(``python tests/test_clean_text_families.py [bodies.jsonl]``) prints per-family leak rates and
the false removals on clean bodies.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from dateline.clean.text import clean_text

FIRST = ["Lena", "Omar", "Ida", "Tomas", "Amara", "Felix", "Noor", "Piotr", "Zara", "Kenji", "Rosa", "Malik"]
LAST = ["Hartwig", "Falk", "Brandt", "Okoro", "Vance", "Quist", "Serrano", "Adeyemi", "Lindahl", "Moretti"]
OUTLETS = ["The Valley Ledger", "Harbor Times", "Northline News", "The Civic Post", "Ridge Daily"]
TOPICS = ["Politics", "Elections", "Middle East", "Energy", "Courts", "Climate", "Health", "Economy",
          "Defence", "Migration", "Africa", "Technology"]
HEADWORDS = ("council budget talks border court storm election ceasefire strike prices ministry army "
             "port drought vaccine protest tariff refinery").split()


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _handle(name: str) -> str:
    return "@" + name.replace(" ", "").lower()[:12]


def _headline(rng: random.Random) -> str:
    w = rng.sample(HEADWORDS, 3)
    forms = [f"{w[0].title()} {w[1]} sparks {w[2]} fears", f"What the {w[0]} {w[1]} means for the {w[2]}",
             f"{w[0].title()} {w[1]} stalls as {w[2]} looms", f"Five things to know about the {w[0]} {w[1]}"]
    return rng.choice(forms)


def _clock(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['a.m.', 'p.m.', 'AM', 'PM', 'pm'])}"


def _day(rng: random.Random) -> str:
    m = rng.choice(["January", "March", "June", "Sept.", "Nov.", "Dec."])
    return rng.choice([f"{m} {rng.randint(1, 28)}, {rng.randint(2015, 2024)}",
                       f"{rng.randint(1, 28)} {m.rstrip('.')} {rng.randint(2015, 2024)}"])


# --- families: each kind is a function rng -> junk text ----------------------------------

def k_tags(rng):
    t = rng.sample(TOPICS, rng.randint(2, 5))
    return rng.choice(["Tags: ", "TAGS: ", "Tagged: ", "Topics: ", "Filed under: ", "Categories: "]) + \
        rng.choice([", ", " | ", " ", " · "]).join(t)


def k_breadcrumb(rng):
    t = rng.sample(TOPICS, 2)
    sep = rng.choice([" > ", " / ", " » ", " › "])
    return sep.join([rng.choice(["Home", "News", "HOME"]), rng.choice(["World", "News", "Opinion"]), *t])


def k_follow(rng):
    out = rng.choice(OUTLETS)
    return rng.choice([
        "Follow us on Twitter and Facebook for the latest updates.",
        f"Follow {out} on X, Instagram and TikTok.",
        f"Follow {_handle(_name(rng))} on Twitter.",
        "Like us on Facebook and follow us on Twitter",
        f"Join our WhatsApp channel to get the latest news from {out}.",
        "FOLLOW US ON GOOGLE NEWS",
    ])


def k_app(rng):
    return rng.choice([
        "Download the app for breaking news alerts.",
        f"Get the {rng.choice(OUTLETS)} app on iOS and Android.",
        "Download our app to read this story offline",
        "Available on the App Store and Google Play",
    ])


def k_embed(rng):
    name = _name(rng)
    code = "".join(rng.choice("abcdefghijkLMNOPQ0123456789") for _ in range(10))
    return rng.choice([
        f"The scene tonight outside the ministry. pic.twitter.com/{code} — {name} ({_handle(name)}) {_day(rng)}",
        f"— {name} ({_handle(name)}) {_day(rng)}",
        f"A post shared by {name} ({_handle(name)[1:]})",
        "View this post on Instagram",
    ])


def k_paywall(rng):
    return rng.choice([
        "Sign in to continue reading.",
        "Subscribe to continue reading this article.",
        "You have reached your limit of free articles this month.",
        "Already a subscriber? Log in",
        "Create a free account to read the full story.",
        "This content is for subscribers only. Subscribe now for $1 a week.",
        "To continue reading, please subscribe or sign in.",
    ])


def k_reuters_credit(rng):
    a, b = _name(rng), _name(rng)
    return rng.choice([
        f"Reporting by {a}; Editing by {b}",
        f"(Reporting by {a} in Beirut; Additional reporting by {b}; Editing by {_name(rng)})",
        f"Additional reporting by {a} in Cairo",
        f"Writing by {a}; editing by {b}",
    ])


def k_disclaimer(rng):
    return rng.choice([
        "Disclaimer: The views expressed in this article are those of the author and do not reflect the official policy of this publication.",
        "Disclaimer: This story is auto-generated from a syndicated feed and has not been edited by our staff.",
        "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
        "Editor's note: This article was updated to correct the spelling of a name.",
    ])


def k_originally(rng):
    return rng.choice([
        f"This article was originally published on {rng.choice(OUTLETS)}.",
        f"This story originally appeared in {rng.choice(OUTLETS)}.",
        f"A version of this article first appeared on {rng.choice(OUTLETS)}.",
        f"This article is republished from {rng.choice(OUTLETS)} under a Creative Commons license. Read the original article.",
    ])


def k_copyright(rng):
    y = rng.randint(2015, 2024)
    return rng.choice([
        f"© {y} {rng.choice(OUTLETS)}. All rights reserved.",
        f"Copyright {y} The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        f"Copyright © {y} {rng.choice(OUTLETS)}",
        f"(c) {y} {rng.choice(OUTLETS)} Ltd",
    ])


def k_readmore(rng):
    return rng.choice(["Read more: ", "Also read: ", "ALSO READ | ", "READ | ", "Read also: ", "MUST READ: ",
                       "WATCH | ", "Also Read - "]) + _headline(rng)


def k_related_list(rng):
    head = rng.choice(["More stories", "Related headlines", "MORE FROM NORTHLINE", "Latest news", "Top stories",
                       "In other news"])
    return head + "\n" + "\n".join(_headline(rng) for _ in range(rng.randint(2, 4)))


def k_subscribe(rng):
    return rng.choice([
        "Click here to subscribe to our newsletter.",
        "Click here to read more.",
        "To get the latest news, click here.",
        "Subscribe now for unlimited access.",
        "Support independent journalism. Donate today.",
    ])


def k_chrome(rng):
    return rng.choice([
        f"Comments ({rng.randint(1, 300)})", "Share this article", "Share", "Advertisement",
        "Story continues below", f"Listen to this article {rng.randint(2, 12)} min",
        f"Reading time: {rng.randint(2, 9)} minutes", "Print Email", "Font size A A A",
        f"{rng.randint(2, 12)} min read", "Show comments", "Hide caption", "Toggle caption",
    ])


def k_updated(rng):
    return rng.choice([
        f"Updated {_clock(rng)}", f"Updated {_clock(rng)} ET", f"Updated: {_day(rng)} {_clock(rng)}",
        f"Last updated on {_day(rng)}", f"UPDATED {_day(rng)}", f"Published {_day(rng)} | Updated {_day(rng)}",
    ])


def k_photo_credit(rng):
    name = _name(rng)
    return rng.choice([
        f"Photo: Reuters/{name}",
        "(AFP via Getty Images)",
        f"Protesters gather outside the ministry on Tuesday. (Photo by {name}/AFP via Getty Images)",
        f"FILE PHOTO: A view of the port. REUTERS/{name}/File Photo",
        f"Image: {name}/Shutterstock",
        f"Soldiers patrol the border area. {name}/AP",
        f"{name} / Getty Images",
    ])


def k_author_bio(rng):
    name = _name(rng)
    out = rng.choice(OUTLETS)
    return rng.choice([
        f"{name} is a correspondent for {out} based in Nairobi.",
        f"{name} covers politics and security for {out}. Contact {name.split()[0].lower()}@{out.split()[-1].lower()}.com",
        f"About the author: {name} is a senior reporter at {out}.",
        f"{name} is a freelance journalist who writes about energy and climate.",
        f"Contact the author at {name.split()[0].lower()}@example.com",
    ])


FAMILIES = {
    "taxonomy": [k_tags, k_breadcrumb],
    "social": [k_follow, k_app, k_embed],
    "paywall": [k_paywall, k_subscribe],
    "credits": [k_reuters_credit, k_disclaimer, k_originally, k_copyright],
    "readmore": [k_readmore, k_related_list],
    "chrome": [k_chrome, k_updated],
    "photo": [k_photo_credit],
    "bio": [k_author_bio],
}
TUNE_FAMILIES = ("taxonomy", "credits", "chrome", "readmore")
CHECK_FAMILIES = ("social", "paywall", "photo", "bio")

# where each junk piece goes
PLACES = ("top", "mid", "mid", "end", "glued")


def make_item(body: str, rng: random.Random, families: tuple[str, ...]) -> tuple[str, list[dict]]:
    """``body`` with 2-5 junk pieces of the given families, paragraph breaks mangled."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    kinds = [(f, k) for f in families for k in FAMILIES[f]]
    junk: list[dict] = []
    top: list[str] = []
    end: list[str] = []
    mid: dict[int, list[str]] = {}
    glued: dict[int, str] = {}
    for _ in range(rng.randint(2, 5)):
        fam, kind = rng.choice(kinds)
        piece = kind(rng)
        where = rng.choice(PLACES)
        if where in ("mid", "glued") and len(paras) < 2:
            where = "end"
        if where == "top":
            top.append(piece)
        elif where == "end":
            end.append(piece)
        elif where == "glued":
            i = rng.randint(0, len(paras) - 1)
            if i in glued:
                end.append(piece)
            else:
                glued[i] = piece
        else:
            mid.setdefault(rng.randint(1, len(paras) - 1), []).append(piece)
        junk.append({"family": fam, "kind": kind.__name__[2:], "text": piece})
    blocks = list(top)
    for i, p in enumerate(paras):
        blocks.extend(mid.get(i, []))
        blocks.append(p + (rng.choice(["", " "]) + glued[i] if i in glued else ""))
    blocks.extend(end)
    sep = rng.choice(["\n\n", "\n", "mixed"])
    out = blocks[0]
    for b in blocks[1:]:
        out += (rng.choice(["\n\n", "\n", " "]) if sep == "mixed" else sep) + b
    return out, junk


_TOKEN = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _shingles(text: str, k: int = 4) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i:i + k]) for i in range(max(1, len(w) - k + 1))}


def leaked(piece: str, out: str, body: str) -> bool:
    """A piece survives when half of its shingles not in the body are in the output
    (short pieces: verbatim, bounded by non-word characters)."""
    if len(_words(piece)) >= 4:
        own = _shingles(piece) - _shingles(body)
        if not own:
            return False
        return sum(1 for s in own if s in _shingles(out)) / len(own) >= 0.5
    flat = re.sub(r"\s+", " ", piece).strip()
    hay = re.sub(r"\s+", " ", out)
    if re.search(r"(?<!\w)" + re.escape(flat) + r"(?!\w)", re.sub(r"\s+", " ", body)):
        return False
    return re.search(r"(?<!\w)" + re.escape(flat) + r"(?!\w)", hay) is not None


def lost_sentences(body: str, out: str) -> list[str]:
    """Sentences of a clean body whose words did not all survive cleaning."""
    have = _shingles(out)
    lost = []
    for line in body.split("\n"):
        for sent in re.split(r"(?<=[.!?])\s+", line.strip()):
            if len(_words(sent)) >= 4 and not _shingles(sent) <= have:
                lost.append(sent)
    return lost


def evaluate(bodies: list[str], families: tuple[str, ...], seed: int = 7, per_body: int = 1) -> dict:
    rng = random.Random(seed)
    pieces: dict[str, list[bool]] = {}
    items_leaking = 0
    examples: list[tuple[str, str]] = []
    n = 0
    for body in bodies:
        for _ in range(per_body):
            text, junk = make_item(body, rng, families)
            out = clean_text(text).text
            any_leak = False
            for j in junk:
                lk = leaked(j["text"], out, body)
                pieces.setdefault(f"{j['family']}/{j['kind']}", []).append(lk)
                if lk:
                    any_leak = True
                    examples.append((j["kind"], j["text"]))
            lost = lost_sentences(body, out)
            pieces.setdefault("_lost_body_sentence", []).append(bool(lost))
            items_leaking += any_leak
            n += 1
    return {"items": n, "item_leak": items_leaking / max(n, 1),
            "kinds": {k: sum(v) / len(v) for k, v in sorted(pieces.items())}, "examples": examples}


# --- invented bodies for the tests ----------------------------------------------------------

BODIES = [
    "The regional council voted on Tuesday to delay the new port tariff by six months, after shipping "
    "firms warned that costs would be passed on to importers.\n\n"
    "\"We heard the concerns and we are giving everyone time to adjust,\" said council chair Amara Okoro.\n\n"
    "The tariff, first proposed in March, would add a fee to every container handled at the harbor. "
    "Opponents say it would hit small traders hardest.\n\n"
    "A final vote is expected in the spring.",
    "Heavy rain flooded parts of the capital overnight, cutting power to thousands of homes and closing "
    "two main roads into the city center.\n\n"
    "Emergency crews rescued 14 people from stranded cars, the fire service said. No deaths were reported.\n\n"
    "Forecasters expect more rain on Thursday. The national weather office issued an amber warning for "
    "the coast and advised residents to avoid travel where possible.",
    "Striking dock workers returned to work on Monday after union leaders accepted a pay offer that "
    "raises wages by 6 percent over two years.\n\n"
    "The strike had left more than 40 ships waiting offshore and delayed deliveries of fuel and grain.\n\n"
    "Union secretary Piotr Lindahl told reporters the deal was \"not perfect, but fair.\" The port "
    "authority said it expected the backlog to clear within ten days.\n\n"
    "Talks on working hours will resume next month.",
    "The health ministry said on Friday that it would extend its vaccination campaign to children "
    "over five, after a rise in measles cases in the northern provinces.\n\n"
    "Officials reported 312 cases since January, more than in the whole of last year. Most were in "
    "villages with low vaccination rates.\n\n"
    "Doctors welcomed the move but said clinics needed more staff to reach remote areas.",
]


# floors a little above what the cleaner does now (mean leak per kind): tune 0.05, check 0.09,
# where most of the check leak is the tweet embed kind, kept on purpose (the signature
# "— Name (@handle) date" names who said the tweet, and extraction gold keeps embeds as text)
@pytest.mark.parametrize("families, floor", [(TUNE_FAMILIES, 0.08), (CHECK_FAMILIES, 0.12)], ids=["tune", "check"])
def test_junk_families_are_removed(families, floor):
    result = evaluate(BODIES, families, seed=11, per_body=12)
    leaks = {k: v for k, v in result["kinds"].items() if not k.startswith("_")}
    assert sum(leaks.values()) / len(leaks) <= floor, result["examples"][:10]
    # a headline-shaped piece run into the next paragraph with a bare space ("Read also: X The
    # ministry said ...") can still take that paragraph's first sentence: rare, and bounded here
    assert result["kinds"]["_lost_body_sentence"] <= 0.03


@pytest.mark.parametrize("sentence", [
    "The ministry said it would publish the report online, and officials urged people to download the app.",
    "Subscription costs rose to $12 a month last year, the regulator found.",
    "The reporter, who covers the courts, was detained on Tuesday.",
    "He told reporters the tariff was \"not perfect, but fair.\"",
    "The three categories: housing, transport and health.",
])
def test_reported_sentences_about_the_same_things_stay(sentence):
    text = BODIES[0] + "\n\n" + sentence + "\n\n" + BODIES[1]
    assert sentence in clean_text(text).text


@pytest.mark.parametrize("piece, reason", [
    ("Tags: Politics, Courts, Energy", "tags"),
    ("Home > World > Middle East", "breadcrumb"),
    ("Follow us on Twitter and Facebook for the latest updates.", "social-prompt"),
    ("Sign in to continue reading.", "paywall"),
    ("Reporting by Omar Falk; Editing by Ida Brandt", "agency-credit"),
    ("This article was originally published on Harbor Times.", "republication-note"),
    ("Updated 3:45 p.m. ET", "update-stamp"),
    ("About the author: Rosa Vance is a senior reporter at Ridge Daily.", "author-contact"),
])
def test_site_talk_goes_to_boilerplate_with_its_reason(piece, reason):
    cleaned = clean_text(BODIES[2] + " " + piece + "\n\n" + BODIES[3])
    assert piece[:20] not in cleaned.text
    # the older interface detector may claim a prompt first; either way it is kept with a reason
    assert any(b.reason in (reason, "interface") and piece[:20] in b.text for b in cleaned.boilerplate)
    assert "Striking dock workers returned" in cleaned.text and "Doctors welcomed" in cleaned.text


def test_clean_bodies_lose_nothing():
    for body in BODIES:
        out = clean_text(body).text
        assert lost_sentences(body, out) == []


if __name__ == "__main__":  # measurement on a file of bodies (one JSON object with "body" per line)
    import json

    bodies = BODIES
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as f:
            bodies = [json.loads(line)["gold"]["body"] for line in f if line.strip()]
        bodies = [b for b in bodies if len(b) >= 400 and "\n" in b.strip()]
    for name, fams in (("tune", TUNE_FAMILIES), ("check", CHECK_FAMILIES)):
        res = evaluate(bodies, fams, seed=3)
        print(f"{name}: items {res['items']} item-leak {res['item_leak']:.3f}")
        for k, v in res["kinds"].items():
            print(f"  {k:32s} {v:.3f}")
        for kind, text in res["examples"][:25]:
            print("   LEAK", kind, repr(text[:100]))
