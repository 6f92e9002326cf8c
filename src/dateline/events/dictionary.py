"""Reader for PETRARCH/TABARI-format actor and agent dictionaries (``--actors FILE``).

Actors file: an entry line ``NAME [CODE]`` (words joined by ``_`` or spaces; a trailing
``_`` means the last word must end there, otherwise it may also take a plural or
possessive ending),
``+SYNONYM`` lines under it, and code lines, possibly indented and date-restricted:
``[HOB < 950601]``, ``[HOBGOV 19950601 - 19990815]``, ``[HOBREB > 990816]``. The first
restricted code whose range holds the article's date wins, else the unrestricted one.

Agents file: ``WORD {PLURAL} [~GOV]`` (``~GOV`` is appended after the actor's code,
``NGO~`` put before it), with ``!CLASS! = A, B`` substitution classes used inside entries.

Comments (``#`` to end of line, ``<!-- ... -->`` blocks) are skipped. A file is read as an
agents file when its entries carry ``~`` codes.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ActorEntry:
    words: tuple[str, ...]       # upper case
    exact_end: bool               # trailing "_": the last word must match whole
    codes: list[tuple[str | None, _dt.date | None, _dt.date | None]]  # (code, from, until)
    name: str = ""

    def code_on(self, when: _dt.date | None) -> str | None:
        default = None
        for code, start, end in self.codes:
            if start is None and end is None:
                if default is None:
                    default = code
                continue
            if when is None:
                continue
            if (start is None or when >= start) and (end is None or when <= end):
                return code
        return default


@dataclass
class AgentEntry:
    words: tuple[str, ...]
    code: str
    prefix: bool  # "NGO~": goes before the actor code


@dataclass
class ActorDictionary:
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    # first word -> entries, longest first, for fast matching
    _actor_index: dict[str, list[ActorEntry]] = field(default_factory=dict, repr=False)
    _agent_index: dict[str, list[AgentEntry]] = field(default_factory=dict, repr=False)

    def index(self) -> None:
        self._actor_index.clear()
        self._agent_index.clear()
        for entry in self.actors:
            self._actor_index.setdefault(entry.words[0][:3], []).append(entry)
        for agent in self.agents:
            self._agent_index.setdefault(agent.words[0], []).append(agent)
        for bucket in (*self._actor_index.values(), *self._agent_index.values()):
            bucket.sort(key=lambda e: -len(e.words))

    def match_actor(self, words: list[str], i: int) -> ActorEntry | None:
        """The longest actor entry starting at words[i] (words upper case)."""
        for entry in self._actor_index.get(words[i][:3], []):
            n = len(entry.words)
            if i + n > len(words):
                continue
            ok = all(words[i + k] == entry.words[k] for k in range(n - 1))
            last = words[i + n - 1]
            if ok and (last == entry.words[-1] or (not entry.exact_end and _inflects(last, entry.words[-1]))):
                return entry
        return None

    def match_agent(self, words: list[str], i: int) -> AgentEntry | None:
        for agent in self._agent_index.get(words[i], []):
            n = len(agent.words)
            if words[i:i + n] == list(agent.words):
                return agent
        return None


# endings a dictionary word may take without a synonym line: plurals and possessives.
# PETRARCH lists other derived forms ("ERIADORI", "AUSTRALIAN") as synonyms, and a bare
# stem match would read "THE KU" into "the Kuwait government" or "THE AU" into "the
# Australian government".
_INFLECTIONS = ("S", "ES", "'S", "’S", "'", "’")


def _inflects(word: str, stem: str) -> bool:
    """Is ``word`` the dictionary ``stem`` with a plural or possessive ending?"""
    return word.startswith(stem) and word[len(stem):] in _INFLECTIONS


_COMMENT_BLOCK = re.compile(r"<!\s*-.*?-->", re.S)
_CODE = re.compile(r"\[([^\]]*)\]")


def _date(token: str) -> _dt.date | None:
    token = token.strip()
    if not token.isdigit():
        return None
    if len(token) == 6:  # YYMMDD, TABARI style
        year = int(token[:2])
        year += 1900 if year > 30 else 2000
        return _dt.date(year, int(token[2:4]), int(token[4:6]))
    if len(token) == 8:
        return _dt.date(int(token[:4]), int(token[4:6]), int(token[6:8]))
    return None


def parse_code_block(block: str) -> tuple[str | None, _dt.date | None, _dt.date | None]:
    """``HOBGOV 19950601 - 19990815`` / ``HOB < 950601`` / ``HOBREB > 990816`` / ``GON``."""
    block = block.strip()
    code_match = re.match(r"([^\s<>\d]+)?\s*(.*)$", block)
    code = (code_match.group(1) or "").strip() if code_match else ""
    rest = code_match.group(2) if code_match else ""
    code = code.split("/")[0].upper()
    if not re.fullmatch(r"[A-Z]{3,}", code):
        code_value: str | None = None  # "---", "+++", "###": known but not codable
    else:
        code_value = code
    start = end = None
    rest = rest.strip()
    if rest.startswith("<"):
        end = _date(rest[1:])
        end = end - _dt.timedelta(days=1) if end else None
    elif rest.startswith(">"):
        start = _date(rest[1:])
        start = start + _dt.timedelta(days=1) if start else None
    elif "-" in rest:
        a, _, b = rest.partition("-")
        start, end = _date(a), _date(b)
    return code_value, start, end


def _words(name: str) -> tuple[tuple[str, ...], bool]:
    exact = name.strip().endswith("_")  # "NORVANE_  [NOR]": spaces before the code
    parts = [w for w in re.split(r"[_\s]+", name.strip().upper()) if w]
    return tuple(parts), exact


def _strip(text: str) -> str:
    text = _COMMENT_BLOCK.sub(" ", text)
    return "\n".join(line.split("#", 1)[0].rstrip() for line in text.splitlines())


def _plurals(word: str) -> list[str]:
    if word.endswith("Y") and not word.endswith(("AY", "EY", "OY")):
        return [word[:-1] + "IES"]
    if word.endswith(("S", "X", "CH", "SH")):
        return [word + "ES"]
    return [word + "S"]


def read_agents(text: str, into: ActorDictionary) -> None:
    classes: dict[str, list[str]] = {}
    for line in _strip(text).splitlines():
        line = line.strip()
        if not line:
            continue
        cls = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if cls:
            classes[cls.group(1)] = [w.strip().upper() for w in cls.group(2).split(",") if w.strip()]
            continue
        code_match = _CODE.search(line)
        if not code_match:
            continue
        raw = code_match.group(1).replace(" ", "")
        prefix = raw.endswith("~")
        code = raw.strip("~").upper()
        head = line[:code_match.start()]
        plural_match = re.search(r"\{([^}]*)\}", head)
        name = re.sub(r"\{[^}]*\}", "", head).strip()
        variants = [name.upper()]
        for marker, fills in classes.items():
            if marker in variants[0]:
                variants = [v.replace(marker, fill) for v in variants for fill in fills]
        forms: list[str] = []
        for v in variants:
            forms.append(v)
            if plural_match is None:
                words = v.split("_")
                forms.append("_".join(words[:-1] + [_plurals(words[-1])[0]]))
            elif plural_match.group(1).strip():
                forms.extend(p.strip().upper() for p in plural_match.group(1).split(",") if p.strip())
        if not re.fullmatch(r"[A-Z]{3,}", code):
            continue
        for form in dict.fromkeys(forms):
            words, _ = _words(form)
            if words:
                into.agents.append(AgentEntry(words, code, prefix))


def read_actors(text: str, into: ActorDictionary) -> None:
    current: list[ActorEntry] = []  # the entry and its synonyms share codes

    def finish() -> None:
        nonlocal current
        if current:
            codes = current[0].codes
            for entry in current:
                entry.codes = codes
                into.actors.append(entry)
        current = []

    for line in _strip(text).splitlines():
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if current:
                words, exact = _words(stripped[1:])
                if words:
                    current.append(ActorEntry(words, exact, [], stripped[1:]))
            continue
        if stripped.startswith("[") and line[0].isspace() or (stripped.startswith("[") and current):
            if current:
                for block in _CODE.findall(stripped):
                    current[0].codes.append(parse_code_block(block))
            continue
        finish()
        code_match = _CODE.search(stripped)
        name = stripped[:code_match.start()] if code_match else stripped
        words, exact = _words(name)
        if not words:
            continue
        entry = ActorEntry(words, exact, [], name.strip())
        if code_match:
            entry.codes.append(parse_code_block(code_match.group(1)))
        current = [entry]
    finish()


def load(paths: tuple[str, ...]) -> ActorDictionary:
    dictionary = ActorDictionary()
    for path in paths:
        text = Path(path).read_text("utf-8", errors="replace")
        body = _strip(text)
        if re.search(r"\[\s*~|~\s*\]", body):
            read_agents(text, dictionary)
        else:
            read_actors(text, dictionary)
    dictionary.index()
    return dictionary
