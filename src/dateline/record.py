"""Typed records for the article contract (``shared/contract/article.schema.json``).

Every extracted item carries ``start``/``end`` character offsets into ``Article.text``
(end exclusive). ``to_dict()`` gives the JSON shape of the contract; extra fields beyond
the contract are allowed by the schema and kept where they help a reader (e.g. a count's
``kind`` or a date's ``kind``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "OTHER"]
PlaceRole = Literal["dateline", "event", "mention"]
PlaceKind = Literal["country", "admin", "city", "region", "other"]
Modality = Literal["asserted", "planned", "intended", "negated", "hypothetical"]
SourceFormat = Literal["text", "html", "warc", "jsonl", "feed"]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """A record as JSON-ready dicts and lists, without keys that start with '_' (working
    state, not contract). What ``dataclasses.asdict`` gives, in one walk without its deep
    copies: records are written once per article, so this is on the hot path."""
    cls = type(value)
    if value is None or cls in (str, int, float, bool):
        return value
    if cls is list:
        return [_plain(v) for v in value]
    if cls is dict:
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    names = _FIELD_NAMES.get(cls)
    if names is None and dataclasses.is_dataclass(cls):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls) if not f.name.startswith("_"))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if cls is tuple:
        return tuple(_plain(v) for v in value)
    return value


class Record:
    """Mixin: JSON-ready dict of a dataclass record."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Span(Record):
    start: int
    end: int
    text: str


@dataclass
class Place(Record):
    name: str
    country: str | None
    admin1: str | None = None
    kind: PlaceKind | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class PlaceMention(Place):
    """A resolved toponym with every mention of it and the role it plays in the article."""

    role: PlaceRole = "mention"
    mentions: list[Span] = field(default_factory=list)

    def place(self) -> Place:
        return Place(self.name, self.country, self.admin1, self.kind, self.lat, self.lon, self.geonames_id)


@dataclass
class Dateline(Record):
    """Where and when the reporter filed from ("BEIRUT, LEBANON (8:40 P.M.) –").

    Kept apart from the places where things happen. ``start``/``end`` point into the
    clean text when the dateline stays in it; both are None when it was cut off.
    """

    text: str
    place: Place | None
    time: str | None = None
    agency: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Boilerplate(Record):
    text: str
    reason: str


@dataclass
class Entity(Record):
    id: str
    name: str
    type: EntityType
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Quote(Record):
    speaker: str | None
    text: str
    direct: bool
    start: int
    end: int
    speaker_name: str | None = None
    cue: str | None = None
    channel: str | None = None
    # offsets of the speaker mention and cue verb that attribute this quote
    speaker_span: Span | None = None
    cue_span: Span | None = None


@dataclass
class DateExpr(Record):
    text: str
    value: str | None
    start: int
    end: int
    # date | time | duration | set | vague: "recently" has no value and is never guessed
    kind: str = "date"


@dataclass
class Actor(Record):
    name: str
    country: str | None
    code: str | None
    entity: str | None = None
    sectors: list[str] = field(default_factory=list)


@dataclass
class Count(Record):
    number: float
    noun: str
    start: int
    end: int
    category: str | None = None
    actor: Actor | None = None
    # total | change | target; vague marks "dozens", "hundreds" (number is the low end)
    kind: str | None = None
    vague: bool = False


@dataclass
class Action(Record):
    cameo: str
    plover: str | None
    verb: str
    quad_class: int | None = None
    goldstein: float | None = None


@dataclass
class Event(Record):
    source: Actor | None
    target: Actor | None
    action: Action
    date: str | None
    place: Place | None
    modality: Modality
    sentence: Span
    id: str = ""
    count: float | None = None
    reported_by: str | None = None
    confidence: float | None = None
    # where `date` came from: "expression" (a date in the sentence) or "published"
    date_source: str | None = None
    # the words that triggered the code, for an analyst to check
    trigger: Span | None = None


@dataclass
class Source(Record):
    path: str | None
    url: str | None
    format: SourceFormat
    site: str | None = None


@dataclass
class Article(Record):
    id: str
    source: Source
    title: str | None
    authors: list[str]
    published: str | None
    dateline: Dateline | None
    language: str | None
    text: str
    boilerplate: list[Boilerplate] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # what the pipeline skipped or could not do for this document (e.g. non-English text)
    warnings: list[str] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)
