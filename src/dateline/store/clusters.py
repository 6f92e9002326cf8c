"""Event clusters: one real-world event, however many articles (or sentences) report it.

GDELT merges only identical rows, so one abduction reported 366 times stays 366 events.
Here two stored event mentions can be the same event when

* their actions belong to one family (the CAMEO root, with the roots that reporters use for
  one happening merged: intent/consult/diplomatic cooperation 03-05, force 18-20),
* their modalities do not contradict (asserted, planned and intended are one happening seen
  before or after it; negated and hypothetical mentions only join their own kind),
* each side's actor agrees: the same country or international body (a sector on one side
  only, ``IRQ`` and ``IRQGOV``, or a sector without a country, ``MIL`` and ``SAUMIL``,
  agree), and an unknown actor agrees with any; for symmetric actions (meetings,
  agreements) the two sides may be swapped,
* their places' countries do not disagree, and
* their dates are at most ``DAY_WINDOW`` days apart, where a date taken from the article's
  publication day (no date in the sentence) stands for the ``DAY_WINDOW`` days before it
  (a month or a year, usually background, matches only the same month or year), and
* they share enough evidence (``MIN_EVIDENCE``): each side whose country or body is known in
  both and equal counts one, and so do the same place (name, or within ``PLACE_KM``) and a
  shared detail in the two sentences (a name or a number that is not an actor's), so that
  "the US threatened" on one day is not every US threat of that day.

Compatible pairs are merged transitively (union-find), strongest evidence first, but a merge
that would put two different known countries on one side, two place countries, or dates
more than ``DAY_WINDOW`` apart into one cluster is refused, so chains of loose matches
(an unknown actor between two known ones, a coarse date between two weeks) cannot join
different events. Syndicated copies of one story count once as sources but every article
and mention is kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field

DAY_WINDOW = 2
PLACE_KM = 50  # two places this close are one place (a town and its district, two spellings)
MIN_EVIDENCE = 2
SUB_EVENT = 100  # the strength of a link between parts of one sentence's happening

EVENT_COLUMNS = (
    "doc_id", "event_id", "source_name", "source_code", "source_country", "source_entity",
    "target_name", "target_code", "target_country", "target_entity", "cameo", "plover", "verb",
    "quad_class", "goldstein", "date", "date_source", "place_name", "place_country", "lat", "lon",
    "modality", "count", "reported_by", "confidence", "sentence_start", "sentence_end", "sentence",
)

# CAMEO roots that reporters use interchangeably for one happening: "agreed to a truce"
# (0356), "signed a truce" (057) and "held talks" (04) at one meeting; "struck" (190),
# "bombed" (183) and "killed" (1823) in one attack
ACTION_FAMILIES = {"03": "cooperate", "04": "cooperate", "05": "cooperate",
                   "18": "force", "19": "force", "20": "force"}
# families whose two sides are interchangeable: A met B is B met A
SYMMETRIC_FAMILIES = {"cooperate"}
# CAMEO actor codes that name an international body rather than a country's sector
INTERNATIONAL_PREFIXES = ("IGO", "NGO", "MNC", "IMG", "NGM")


def action_family(cameo: str | None) -> str:
    root = (cameo or "")[:2]
    return ACTION_FAMILIES.get(root, root)


def modality_group(modality: str | None) -> str:
    # an announced meeting and the meeting held are one happening; a denial is not
    return "happened" if modality in (None, "asserted", "planned", "intended") else modality


@dataclass
class Cluster:
    first: dict  # the earliest-dated mention stands for the cluster
    members: list[dict] = field(default_factory=list)

    def to_record(self, stories: dict[str, str], sites: dict[str, set[str]]) -> dict:
        head = self.first
        articles = {m["doc_id"] for m in self.members}
        sources = set().union(*(sites.get(d) or {stories.get(d, d)} for d in articles))
        counts = [m["count"] for m in self.members if m["count"] is not None]
        place = _fill_in(head, self.members, "place_name")
        return {
            "id": f"{head['doc_id']}:{head['event_id']}",
            "source": _actor(_fill_in(head, self.members, "source_code", "source_name"), "source"),
            "target": _actor(_fill_in(head, self.members, "target_code", "target_name"), "target"),
            "action": {"cameo": head["cameo"], "plover": head["plover"], "verb": head["verb"],
                       "quad_class": head["quad_class"], "goldstein": head["goldstein"]},
            "date": head["date"],
            "place": None if not place["place_name"] else {
                "name": place["place_name"], "country": place["place_country"], "lat": place["lat"], "lon": place["lon"]},
            "modality": head["modality"],
            "count": max(counts) if counts else None,
            "reported_by": head["reported_by"],
            "sentence": {"start": head["sentence_start"], "end": head["sentence_end"], "text": head["sentence"]},
            "confidence": head["confidence"],
            "num_mentions": len(self.members),
            "num_sources": len(sources),
            "num_articles": len(articles),
            "mentions": [{"document": m["doc_id"], "event": m["event_id"],
                          "sentence": {"start": m["sentence_start"], "end": m["sentence_end"], "text": m["sentence"]}}
                         for m in self.members],
        }


def cluster_events(rows: list[dict]) -> list[Cluster]:
    """Union-find over compatible pairs, strongest first, refusing merges that mix events."""
    by_block: dict[tuple[str, str], list[int]] = {}
    keys = [_Key(row) for row in rows]
    for i, key in enumerate(keys):
        by_block.setdefault((key.family, key.modality), []).append(i)
    pairs: list[tuple[int, int, int]] = []
    for members in by_block.values():
        pairs.extend(_candidate_pairs(keys, members))
        pairs.extend(_sub_events(keys, members))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    parent = list(range(len(rows)))
    summary = {i: _Summary.of(keys[i]) for i in range(len(rows))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for strength, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        merged = summary[ri].merge(summary[rj], sub_event=strength >= SUB_EVENT)
        if merged is None:  # the two groups disagree somewhere: different events
            continue
        parent[rj] = ri
        summary[ri] = merged
        del summary[rj]
    groups: dict[int, list[dict]] = {}
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["date"] or "9999", rows[i]["doc_id"], rows[i]["event_id"]))
    for i in order:
        groups.setdefault(find(i), []).append(rows[i])
    return [Cluster(first=members[0], members=members) for members in groups.values()]


@dataclass(frozen=True)
class _Side:
    ident: str | None  # country, or the international body's code; None when unknown
    role: str  # the rest of the actor code (sector), "" when none

    @property
    def unknown(self) -> bool:
        return self.ident is None and not self.role


def _side(row: dict, side: str) -> _Side:
    code, country = (row[f"{side}_code"] or "").upper(), row[f"{side}_country"]
    if country and code.startswith(country):
        return _Side(country, code[len(country):])
    if code.startswith(INTERNATIONAL_PREFIXES):
        return _Side(code[:6], code[6:])
    if country:
        return _Side(country, code)
    return _Side(None, code)


def _same_known(a: _Side, b: _Side) -> int:
    """1 when both sides name the same country or body: positive evidence, not mere absence of conflict."""
    return int(a.ident is not None and a.ident == b.ident)


_DETAIL = re.compile(r"(?<![\w'’])(?:[A-Z][\w'’-]+|\d[\d,.]*\d|\d)")
# capitalised without being names, or numbers that are years rather than counts
_NOT_DETAILS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "the", "a", "an", "in", "on", "but", "and", "he", "she", "it", "they",
                "we", "i", "mr", "mrs", "ms", "dr", "president", "minister", "prime", "foreign", "ministry"}


def sentence_details(row: dict) -> frozenset:
    """Names and numbers in a mention's sentence, less country words (the sides already compare them)."""
    from dateline.analyse.countries import country_code

    found = set()
    for m in _DETAIL.finditer(row["sentence"] or ""):
        word = re.sub(r"['’]s$", "", m.group().rstrip(".,")).casefold()
        if m.start() == 0 or not word or word in _NOT_DETAILS or re.fullmatch(r"(19|20)\d\d", word):
            continue
        if not word[0].isdigit() and country_code(word):
            continue
        found.add(word.replace(",", ""))
    return frozenset(found)


def _sides_agree(a: _Side, b: _Side) -> bool:
    if a.ident and b.ident and a.ident != b.ident:
        return False
    # one sector refines the other ("MIL" and "MILSPY"), or one side names none
    return a.role.startswith(b.role) or b.role.startswith(a.role)


class _Key:
    """What clustering compares of one event mention."""

    __slots__ = ("row", "family", "modality", "source", "target", "lo", "hi", "coarse", "place", "_details")

    def __init__(self, row: dict):
        self.row = row
        self.family = action_family(row["cameo"])
        self.modality = modality_group(row["modality"])
        self.source, self.target = _side(row, "source"), _side(row, "target")
        self.lo, self.hi = date_interval(row["date"], row.get("date_source"))
        # a month or a year only: background ("in 2022"), matched only by the same words
        self.coarse = row["date"] if self.lo is not None and self.lo != self.hi and \
            row.get("date_source") != "published" else None
        self.place = row["place_country"]
        self._details: frozenset | None = None

    @property
    def details(self) -> frozenset:
        if self._details is None:
            self._details = sentence_details(self.row)
        return self._details

    def agrees(self, other: "_Key") -> bool:
        if self.place and other.place and self.place != other.place:
            return False
        if self.coarse != other.coarse or _gap(self, other) > DAY_WINDOW:
            return False
        if _sides_agree(self.source, other.source) and _sides_agree(self.target, other.target):
            known = _same_known(self.source, other.source) + _same_known(self.target, other.target)
        elif self.family in SYMMETRIC_FAMILIES and \
                _sides_agree(self.source, other.target) and _sides_agree(self.target, other.source):
            known = _same_known(self.source, other.target) + _same_known(self.target, other.source)
        else:
            return False
        if known >= MIN_EVIDENCE:
            return True
        known += same_place(self.row, other.row)
        return known >= MIN_EVIDENCE or known + bool(self.details & other.details) >= MIN_EVIDENCE

    def strength(self, other: "_Key") -> int:
        """How much two agreeing mentions share: merges with more evidence go first."""
        a, b = self.row, other.row
        score = 2 * (a["cameo"] == b["cameo"])
        for side in ("source", "target"):
            score += 2 * bool(a[f"{side}_code"] and a[f"{side}_code"] == b[f"{side}_code"])
        score += 2 * same_place(a, b)
        score += (self.lo, self.hi) == (other.lo, other.hi) and self.lo is not None
        return score


def _candidate_pairs(keys: list[_Key], members: list[int]):
    """Agreeing pairs in one block, swept in date order so that only near dates are compared,
    and only with mentions whose source could agree (the same country or body, or unknown)."""
    dated = sorted((i for i in members if keys[i].lo is not None), key=lambda i: keys[i].lo)
    undated = [i for i in members if keys[i].lo is None]
    active: dict[str | None, list[int]] = {}
    for i in dated:
        key = keys[i]
        if key.source.ident is None or (key.family in SYMMETRIC_FAMILIES and key.target.ident is None):
            wanted = list(active)
        else:
            wanted = {key.source.ident, None}
            if key.family in SYMMETRIC_FAMILIES:
                wanted.add(key.target.ident)
        for ident in wanted:
            bucket = active.get(ident)
            if not bucket:
                continue
            bucket[:] = [j for j in bucket if (key.lo - keys[j].hi).days <= DAY_WINDOW]
            for j in bucket:
                if key.agrees(keys[j]):
                    yield key.strength(keys[j]), min(i, j), max(i, j)
        active.setdefault(key.source.ident, []).append(i)
    # mentions without any date only join each other (the old rule: a missing date matches a missing date)
    for n, i in enumerate(undated):
        for j in undated[n + 1:]:
            if keys[i].agrees(keys[j]):
                yield keys[i].strength(keys[j]), min(i, j), max(i, j)


def _sub_events(keys: list[_Key], members: list[int]):
    """Mentions of one family by one actor in one sentence are one happening told in parts:
    "warplanes struck the market, killing 12 civilians". They go first, whatever their targets."""
    by_sentence: dict[tuple, list[int]] = {}
    for i in members:
        row = keys[i].row
        if keys[i].source.ident is not None:
            by_sentence.setdefault((row["doc_id"], row["sentence_start"], keys[i].source), []).append(i)
    for group in by_sentence.values():
        for j in group[1:]:
            yield SUB_EVENT, min(group[0], j), max(group[0], j)


def _gap(a: _Key, b: _Key) -> float:
    if a.lo is None or b.lo is None:
        return 0 if a.lo is None and b.lo is None else math.inf
    return max(0, (a.lo - b.hi).days, (b.lo - a.hi).days)


@dataclass
class _Summary:
    """What a cluster holds that a merge must not contradict."""

    symmetric: bool
    sources: frozenset
    targets: frozenset
    roles: tuple[str, str]  # the most specific sector seen on each side
    places: frozenset
    lo: dt.date | None  # the latest start of a member's date interval
    hi: dt.date | None  # the earliest end

    @classmethod
    def of(cls, key: _Key) -> "_Summary":
        return cls(key.family in SYMMETRIC_FAMILIES, frozenset({key.source.ident} - {None}),
                   frozenset({key.target.ident} - {None}), (key.source.role, key.target.role),
                   frozenset({key.place} - {None}), key.lo, key.hi)

    def merge(self, other: "_Summary", sub_event: bool = False) -> "_Summary | None":
        places = self.places | other.places
        if len(places) > 1:
            return None
        lo, hi = self.lo, self.hi
        if other.lo is not None:
            lo = other.lo if lo is None else max(lo, other.lo)
            hi = other.hi if hi is None else min(hi, other.hi)
        # every member's date within DAY_WINDOW of every other's
        if lo is not None and (lo - hi).days > DAY_WINDOW:
            return None
        sources, targets = self.sources | other.sources, self.targets | other.targets
        if sub_event:
            return _Summary(self.symmetric, sources, targets, self.roles, places, lo, hi)
        if self.symmetric:
            # sides may be swapped: at most two parties in all
            if len(sources | targets) > 2:
                return None
            return _Summary(True, sources, targets, self.roles, places, lo, hi)
        # two different known actors on one side are two events (a cluster told in parts
        # may already hold two: it joins what shares one of them)
        if _disjoint(self.sources, other.sources) or _disjoint(self.targets, other.targets):
            return None
        roles = []
        for mine, theirs in zip(self.roles, other.roles):
            if not (mine.startswith(theirs) or theirs.startswith(mine)):
                return None  # police and rebels of one country are two actors
            roles.append(max(mine, theirs, key=len))
        return _Summary(False, sources, targets, (roles[0], roles[1]), places, lo, hi)


def _disjoint(a: frozenset, b: frozenset) -> bool:
    return bool(a) and bool(b) and not a & b


def date_interval(value: str | None, source: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """The days an event's date can stand for.

    A day from a date expression is itself; a day that is only the article's publication
    date (the sentence named none) stands for the ``DAY_WINDOW`` days before it too, since
    news reports what happened, not what will; a month or a year stands for all its days.
    """
    if not value:
        return None, None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        parts = value[:7].split("-")
        try:
            year = int(parts[0])
            if len(parts) > 1 and parts[1]:
                month = int(parts[1])
                return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        except (ValueError, IndexError):
            return None, None
    if source == "published":
        return day - dt.timedelta(days=DAY_WINDOW), day
    return day, day


def same_place(a: dict, b: dict) -> bool:
    """The same place name, or coordinates within ``PLACE_KM``."""
    if a["place_name"] and b["place_name"] and a["place_name"].casefold() == b["place_name"].casefold():
        return True
    if None in (a["lat"], a["lon"], b["lat"], b["lon"]):
        return False
    return _km(a["lat"], a["lon"], b["lat"], b["lon"]) <= PLACE_KM


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def _fill_in(head: dict, members: list[dict], *columns: str) -> dict:
    """The head, or where it lacks ``columns``, the member most often carrying them."""
    if any(head[c] for c in columns):
        return head
    carriers = [m for m in members if any(m[c] for c in columns)]
    if not carriers:
        return head
    common = Counter(tuple(m[c] for c in columns) for m in carriers).most_common(1)[0][0]
    return next(m for m in carriers if tuple(m[c] for c in columns) == common)


def _actor(row: dict, side: str) -> dict | None:
    if not row[f"{side}_name"] and not row[f"{side}_code"]:
        return None
    return {"name": row[f"{side}_name"] or "", "country": row[f"{side}_country"], "code": row[f"{side}_code"],
            "entity": row[f"{side}_entity"]}
