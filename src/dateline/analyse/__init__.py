"""analyse: the components that read the parse and fill the article's facts.

Order matters and is fixed here: entities first (quotes, counts and events name them),
then quotes (speakers are entities), dates, places and counts.
"""

from __future__ import annotations

from dateline.analyse import counts, dates, entities, places, quotes
from dateline.doc import Doc

COMPONENTS = (
    ("entities", entities.annotate),
    ("quotes", quotes.annotate),
    ("dates", dates.annotate),
    ("places", places.annotate),
    ("counts", counts.annotate),
)


def analyse(doc: Doc) -> None:
    for _name, component in COMPONENTS:
        component(doc)
