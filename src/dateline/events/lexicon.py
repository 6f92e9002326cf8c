"""The coder's readable data: CAMEO code table (cameo.tsv), verb/noun lexicon (verbs.tsv),
named groups (groups.tsv) and well-known leaders (leaders.tsv). All are dateline's own files, read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

GOVERNOR_KINDS = ("intent", "threat", "refuse", "demand", "appeal", "deny", "aspect", "plan", "light")


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    plover: str | None
    quad: int
    goldstein: float


@dataclass(frozen=True)
class Rule:
    kind: str  # verb | noun
    word: str
    cameo: str
    particles: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    passive: bool | None = None  # True: passive only; False: active only

    @property
    def specificity(self) -> int:
        return sum(bool(x) for x in (self.particles, self.preps, self.objects, self.modifiers)) + (
            self.passive is not None)


@dataclass
class Lexicon:
    verbs: dict[str, list[Rule]] = field(default_factory=dict)
    nouns: dict[str, list[Rule]] = field(default_factory=dict)
    governors: dict[str, str] = field(default_factory=dict)  # lemma -> governor kind


def _data(name: str) -> str:
    return resources.files("dateline.events").joinpath(name).read_text("utf-8")


def _rows(name: str):
    for line in _data(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [cell.strip() for cell in line.split("\t")]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for row in _rows("cameo.tsv"):
        if row[0] == "code":
            continue
        code, name, plover, quad, goldstein = row[:5]
        table[code] = CameoCode(code, name, None if plover == "-" else plover, int(quad), float(goldstein))
    return table


def describe(code: str) -> CameoCode:
    """The table row for a code, falling back to its parent (1823 -> 182 -> 18)."""
    table = cameo_table()
    probe = code
    while probe:
        if probe in table:
            row = table[probe]
            return row if probe == code else CameoCode(code, row.name, row.plover, row.quad, row.goldstein)
        probe = probe[:-1]
    return CameoCode(code, "unknown", None, 0, 0.0)


def _parse_pattern(pattern: str) -> dict:
    out: dict = {}
    if pattern in ("", "-"):
        return out
    for cond in pattern.split(","):
        cond = cond.strip()
        if cond == "pass":
            out["passive"] = True
        elif cond == "act":
            out["passive"] = False
        else:
            key, _, words = cond.partition(":")
            name = {"prt": "particles", "prep": "preps", "obj": "objects", "mod": "modifiers"}[key]
            out[name] = frozenset(w.strip().lower() for w in words.split("|") if w.strip())
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for row in _rows("verbs.tsv"):
        kind, word, pattern, cameo = row[:4]
        if kind in GOVERNOR_KINDS:
            lex.governors.setdefault(word.lower(), kind)
            continue
        rule = Rule(kind, word.lower(), cameo, **_parse_pattern(pattern))
        bucket = lex.verbs if kind == "verb" else lex.nouns
        bucket.setdefault(rule.word, []).append(rule)
    for rules in (*lex.verbs.values(), *lex.nouns.values()):
        rules.sort(key=lambda r: -r.specificity)
    return lex


@dataclass(frozen=True)
class Group:
    name: str
    country: str | None
    code: str
    sectors: tuple[str, ...]


@lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    """Group name (casefolded; acronyms kept as written) -> Group."""
    table: dict[str, Group] = {}
    # leaders.tsv: well-known people, coded like groups (a person's country and sector)
    for row in [*_rows("leaders.tsv"), *_rows("groups.tsv")]:
        names, country, code, sectors = row[:4]
        all_names = [n.strip() for n in names.split("|") if n.strip()]
        group = Group(all_names[0], None if country == "-" else country, code,
                      tuple(s for s in sectors.split(",") if s))
        for name in all_names:
            key = name if _is_acronym(name) else name.casefold()
            table[key] = group
    return table


def _is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return 0 < len(letters) <= 5 and all(ch.isupper() for ch in letters)


def group_named(words: str) -> Group | None:
    table = groups()
    hit = table.get(words)
    if hit is None and not _is_acronym(words):
        hit = table.get(words.casefold())
    return hit
