"""Write a synthetic news corpus for scaling and memory runs (deterministic, no third-party text).

    python benchmarks/make_corpus.py OUT_DIR -n 2000                # plain-text articles
    python benchmarks/make_corpus.py OUT_DIR -n 200 --html          # HTML pages with site chrome
    python benchmarks/make_corpus.py OUT_DIR -n 1000 --jsonl        # one JSONL file

Each article is built from sentence templates written for this script, filled with
invented people and outlets, real country and city names, numbers, and dates relative to
a publication date: a dateline, officials with titles, direct and indirect quotes, counts,
and the kinds of actions an event coder looks for (meetings, agreements, withdrawals,
protests, attacks, aid). The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
from pathlib import Path

PLACES = [  # (city, country, demonym, nationality adjective for forces)
    ("Nairobi", "Kenya", "Kenyan"), ("Lagos", "Nigeria", "Nigerian"), ("Cairo", "Egypt", "Egyptian"),
    ("Baghdad", "Iraq", "Iraqi"), ("Beirut", "Lebanon", "Lebanese"), ("Kabul", "Afghanistan", "Afghan"),
    ("Islamabad", "Pakistan", "Pakistani"), ("New Delhi", "India", "Indian"), ("Dhaka", "Bangladesh", "Bangladeshi"),
    ("Jakarta", "Indonesia", "Indonesian"), ("Manila", "Philippines", "Philippine"), ("Bangkok", "Thailand", "Thai"),
    ("Kyiv", "Ukraine", "Ukrainian"), ("Warsaw", "Poland", "Polish"), ("Berlin", "Germany", "German"),
    ("Paris", "France", "French"), ("Madrid", "Spain", "Spanish"), ("Rome", "Italy", "Italian"),
    ("Ankara", "Turkey", "Turkish"), ("Tehran", "Iran", "Iranian"), ("Riyadh", "Saudi Arabia", "Saudi"),
    ("Amman", "Jordan", "Jordanian"), ("Khartoum", "Sudan", "Sudanese"), ("Addis Ababa", "Ethiopia", "Ethiopian"),
    ("Bamako", "Mali", "Malian"), ("Niamey", "Niger", "Nigerien"), ("Kinshasa", "Democratic Republic of the Congo", "Congolese"),
    ("Bogota", "Colombia", "Colombian"), ("Caracas", "Venezuela", "Venezuelan"), ("Lima", "Peru", "Peruvian"),
    ("Mexico City", "Mexico", "Mexican"), ("Brasilia", "Brazil", "Brazilian"), ("Buenos Aires", "Argentina", "Argentine"),
    ("Seoul", "South Korea", "South Korean"), ("Tokyo", "Japan", "Japanese"), ("Canberra", "Australia", "Australian"),
    ("Ottawa", "Canada", "Canadian"), ("Washington", "United States", "American"), ("London", "Britain", "British"),
    ("Yerevan", "Armenia", "Armenian"), ("Baku", "Azerbaijan", "Azerbaijani"), ("Tbilisi", "Georgia", "Georgian"),
]
FIRST = ["Amina", "Daniel", "Farid", "Helena", "Ivan", "Joanna", "Kofi", "Laila", "Marco", "Nadia", "Oleg",
         "Priya", "Rafael", "Sofia", "Tomas", "Yusuf", "Zara", "Chen", "Ingrid", "Mateo", "Aisha", "Pieter",
         "Leila", "Samuel", "Elena", "Hamid", "Grace", "Victor", "Noor", "Andres"]
LAST = ["Okafor", "Haddad", "Kowalski", "Moreau", "Ruiz", "Tanaka", "Mensah", "Petrov", "Lindqvist", "Rahman",
        "Costa", "Nasser", "Varga", "Osei", "Santos", "Novak", "Karimi", "Brandt", "Quispe", "Adeyemi",
        "Sato", "Hassan", "Morales", "Dimitrov", "Walsh", "Farouk", "Bianchi", "Mwangi", "Ortega", "Lund"]
TITLES = ["Foreign Minister", "Defence Minister", "Interior Minister", "Prime Minister", "President",
          "army spokesman", "police chief", "opposition leader", "central bank governor", "health minister",
          "senior diplomat", "UN envoy", "provincial governor", "trade minister"]
AGENCIES = ["Harbour Wire", "Meridian Press", "Northgate News", "The Daily Ledger", "Coastline Media"]
OUTLETS = ["meridian-press.example", "northgate-news.example", "dailyledger.example", "coastline.example"]
TOPICS = ["border security", "a ceasefire", "grain exports", "a prisoner exchange", "troop levels",
          "an aid corridor", "energy prices", "election monitoring", "a water-sharing deal", "refugee returns"]
GROUPS = ["rebels", "militants", "protesters", "striking workers", "farmers", "students", "gunmen"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CHANNELS = ["in a statement", "at a news conference", "in a televised address", "in an interview",
            "on social media", "during a phone call", "in a briefing to reporters"]

LEADS = [
    "{country_a} will withdraw {n1:,} troops from {country_b} by the end of {month}, {title_a} {person_a} said on {weekday}.",
    "{title_a} {person_a} of {country_a} met {title_b} {person_b} in {city} on {weekday} to discuss {topic}.",
    "{group_cap} attacked a police post near {city} on {weekday}, killing at least {n2} people, officials said.",
    "Thousands of {group} marched through {city} on {weekday} to demand {demand}, the largest protest in {years} years.",
    "{country_a} and {country_b} agreed on {weekday} to resume talks on {topic} after a pause of {years} months.",
    "{country_a} pledged ${n3} million in emergency aid to {country_b} on {weekday} after floods displaced {n1:,} people.",
]
BODY = [
    "\"We have reached an understanding on {topic}, and both sides will honour it,\" {person_a} told reporters {channel_short}.",
    "{person_b} said {pronoun_b} government had \"no intention of backing down\" and would press {country_a} for guarantees.",
    "The talks follow a meeting {relative} in {city2}, where officials from both countries signed a framework on {topic}.",
    "According to the {demonym_b} interior ministry, {n2} people were wounded and {n4} were arrested in the clashes.",
    "{person_a}, who took office in {year}, has promised to cut the number of {demonym_a} soldiers abroad to {n5:,}.",
    "A spokesperson for the ministry said the decision was taken {relative} and would be reviewed on {date_text}.",
    "Analysts said the agreement could ease tensions along the border, where {n4} incidents were recorded last year.",
    "{country_b} accused {country_a} of violating the accord, a charge {person_a} rejected {channel}.",
    "The United Nations called on both sides to protect civilians and allow aid convoys to reach {city2}.",
    "\"This is a first step, not the last one,\" {pronoun_a_cap} said, adding that further talks were planned for {date_text}.",
    "Police fired tear gas to disperse about {n5:,} {group} who had gathered outside parliament in {city}.",
    "{demonym_a} officials said {n1:,} tonnes of wheat would be shipped through the port of {city2} by {month}.",
    "{person_b} later spoke by phone with {title_c} {person_c}, who urged restraint, {pronoun_b} office said in a statement.",
    "Prices rose by {pct} percent in {month}, the statistics office said, the fastest pace since {year}.",
    "The ministry said it had deployed {n5:,} additional police officers to {city2} ahead of the vote.",
    "{person_c} warned that the ceasefire \"remains fragile\" and said monitors would visit {city2} {relative}.",
    "Several witnesses told {agency} that shooting continued until early {weekday2} morning.",
    "The government has not said how much the plan will cost, but officials estimate it at ${n3} million.",
    "Residents of {city2} said food and fuel had grown scarce since the fighting began {relative}, and that many families had left for the capital.",
    "The {demonym_a} foreign ministry summoned {country_b}'s ambassador on {weekday} to protest what it called an unacceptable violation of its airspace.",
    "Humanitarian groups estimate that {n1:,} people have fled their homes in the region, most of them women and children.",
    "{person_c}, a {title_c} who took part in the negotiations, said the text still needed approval from both parliaments before it could take effect.",
    "Opposition lawmakers criticised the deal, saying it had been negotiated in secret and gave too much ground to {country_b}.",
    "The army said in a statement that its forces had killed {n4} {group} in an operation near {city2} and seized weapons and ammunition.",
    "{person_b} is expected to visit {city} {relative_future} for a summit with regional leaders on {topic}.",
    "Markets reacted calmly to the news, with the {demonym_a} currency little changed against the dollar by the close of trading.",
    "\"Nobody wins if this conflict drags on for another year,\" {person_c} said, adding that {country_a} was ready to host further talks.",
    "Both governments have faced pressure at home over {topic}, an issue that has dominated relations between them for {years} years.",
]
CLOSES = [
    "Talks are expected to resume in {city2} on {date_text}.",
    "Neither side gave a timetable for the next round of negotiations.",
    "{person_a} is due to travel to {country_b} {relative_future}.",
    "The {demonym_b} parliament will debate the measure {relative_future}.",
]
DEMANDS = ["lower fuel prices", "early elections", "the release of detained activists", "higher wages",
           "an end to power cuts", "action on corruption"]


def person(rng: random.Random) -> tuple[str, str]:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(["he", "she"])


def relative(rng: random.Random, published: dt.date) -> str:
    return rng.choice(["last week", "last month", "on " + WEEKDAYS[(published.weekday() - rng.randint(1, 6)) % 7],
                       "earlier this year", "two days earlier", "in " + (published - dt.timedelta(days=40)).strftime("%B")])


def article(rng: random.Random, index: int) -> dict:
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))
    (city, country_a, demonym_a), (city2, country_b, demonym_b) = rng.sample(PLACES, 2)
    (person_a, pronoun_a), (person_b, pronoun_b), (person_c, _) = (person(rng) for _ in range(3))
    later = published + dt.timedelta(days=rng.randint(3, 60))
    values = dict(
        city=city, city2=city2, country_a=country_a, country_b=country_b, demonym_a=demonym_a, demonym_b=demonym_b,
        person_a=person_a, person_b=person_b, person_c=person_c, pronoun_a_cap=pronoun_a.capitalize(),
        pronoun_b="his" if pronoun_b == "he" else "her",
        title_a=rng.choice(TITLES).capitalize(), title_b=rng.choice(TITLES), title_c=rng.choice(TITLES),
        topic=rng.choice(TOPICS), group=(group := rng.choice(GROUPS)), group_cap=group.capitalize(),
        demand=rng.choice(DEMANDS), weekday=WEEKDAYS[published.weekday()],
        weekday2=WEEKDAYS[(published.weekday() + 1) % 7], month=later.strftime("%B"),
        years=rng.randint(2, 20), year=rng.randint(1998, published.year - 1),
        n1=rng.choice([500, 1200, 2500, 4000, 15000, 30000]), n2=rng.randint(3, 60), n3=rng.choice([5, 20, 75, 150, 400]),
        n4=rng.randint(2, 90), n5=rng.choice([300, 800, 2000, 5000, 12000]), pct=rng.randint(2, 19),
        channel=rng.choice(CHANNELS), channel_short=rng.choice(["on Thursday", "after the meeting", "in " + city]),
        relative=relative(rng, published), relative_future=rng.choice(["next week", "next month", "later this year"]),
        date_text=later.strftime("%B %-d"), agency=rng.choice(AGENCIES),
    )
    lead = rng.choice(LEADS).format(**values)
    body = [s.format(**values) for s in rng.sample(BODY, rng.randint(12, 20))]
    paragraphs = [lead]
    while body:  # one to three sentences a paragraph, as wires write them
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(body[:take]))
        body = body[take:]
    paragraphs.append(rng.choice(CLOSES).format(**values))
    dateline = f"{city.upper()}, {published.strftime('%b')}. {published.day} ({values['agency']}) - "
    title = lead.split(",")[0].rstrip(".")
    return dict(id=f"{index:06d}", title=title, published=published.isoformat(), dateline=dateline,
                paragraphs=paragraphs, author=f"By {person(rng)[0]}", site=rng.choice(OUTLETS))


def as_text(a: dict) -> str:
    return "\n\n".join([a["title"], a["author"], a["published"], a["dateline"] + a["paragraphs"][0], *a["paragraphs"][1:]]) + "\n"


def as_html(a: dict, rng: random.Random) -> str:
    """A page the way news sites serve it: navigation, share buttons, related links, footer."""
    esc = html.escape
    nav = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in ["World", "Politics", "Business", "Sport", "Opinion"])
    related = "".join(f'<li><a href="/story/{rng.randint(1000, 9999)}">{esc(t)}</a></li>'
                      for t in rng.sample(TOPICS, 3))
    body = "".join(f"<p>{esc(p)}</p>" for p in [a["dateline"] + a["paragraphs"][0], *a["paragraphs"][1:]])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(a['title'])} | {a['site']}</title>
<meta property="og:title" content="{esc(a['title'])}">
<meta property="article:published_time" content="{a['published']}T08:00:00Z">
<meta name="author" content="{esc(a['author'][3:])}">
<style>.share{{display:flex}} .nav li{{display:inline}}</style></head>
<body><header><ul class="nav">{nav}</ul><div class="cookie">We use cookies to improve your experience. Accept all</div></header>
<main><article><h1>{esc(a['title'])}</h1><p class="byline">{esc(a['author'])}</p>
<time datetime="{a['published']}">{a['published']}</time>
<div class="share"><a href="#">Share on social</a><a href="#">Email</a></div>
{body}</article>
<aside><h2>Related stories</h2><ul>{related}</ul></aside></main>
<footer><p>Copyright {a['site']}. All rights reserved.</p><a href="/subscribe">Subscribe to our newsletter</a></footer>
</body></html>
"""


def write_corpus(out: Path, n: int, *, seed: int = 7, html_pages: bool = False, jsonl: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    articles = [article(rng, i) for i in range(n)]
    if jsonl:
        target = out / "articles.jsonl"
        with target.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"url": f"https://{a['site']}/story/{a['id']}", "published": a["published"],
                                     "title": a["title"], "text": as_text(a)}) + "\n")
        return [target]
    written = []
    for a in articles:
        if html_pages:
            target = out / f"{a['id']}.html"
            target.write_text(as_html(a, rng), encoding="utf-8")
        else:
            target = out / f"{a['id']}.txt"
            target.write_text(as_text(a), encoding="utf-8")
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=200, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--html", action="store_true", help="HTML pages with navigation and footer")
    kind.add_argument("--jsonl", action="store_true", help="one JSONL file with text and metadata")
    args = parser.parse_args()
    written = write_corpus(args.out, args.n, seed=args.seed, html_pages=args.html, jsonl=args.jsonl)
    print(f"wrote {args.n} articles to {len(written)} file(s) in {args.out}")


if __name__ == "__main__":
    main()
