"""Article text as HTML with every extracted item marked by its offsets.

Article text is hostile input: every piece of it, and every attribute value, goes through
``markupsafe.escape``; only the tags written here are markup. Items overlap freely (a
quote holds entity mentions, an event sentence holds everything), so marks are nested by
layer (sentences outside, quotes, then words) and a mark that crosses the edge of an
enclosing one is split in two pieces: the HTML is always well nested, and only the first
piece carries the anchor id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

SENTENCE, QUOTE, WORD = 0, 1, 2


@dataclass
class Mark:
    start: int
    end: int
    layer: int
    classes: str
    title: str = ""
    anchor: str | None = None  # id of the first piece, for links into the article
    data: dict[str, str] = field(default_factory=dict)

    def open_tag(self, first: bool) -> str:
        attrs = [f'class="{escape(self.classes)}{"" if first else " cont"}"']
        if first and self.anchor:
            attrs.append(f'id="{escape(self.anchor)}"')
        if self.title:
            attrs.append(f'title="{escape(self.title)}"')
        attrs += [f'data-{escape(k)}="{escape(v)}"' for k, v in self.data.items()]
        return f"<span {' '.join(attrs)}>"


def render(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each mark as a <span> (split where marks cross)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    opening: dict[int, list[Mark]] = {}
    for m in marks:
        opening.setdefault(m.start, []).append(m)
    for starting in opening.values():
        starting.sort(key=lambda m: (m.layer, -m.end))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    for b in bounds:
        out.append(str(escape(text[pos:b])))
        pos = b
        ending = [i for i, m in enumerate(stack) if m.end == b]
        if ending:
            # close everything above the lowest mark that ends here, then reopen what goes on
            above = stack[ending[0]:]
            out.extend("</span>" for _ in above)
            del stack[ending[0]:]
            for m in above:
                if m.end > b:
                    out.append(m.open_tag(first=False))
                    stack.append(m)
        for m in opening.get(b, []):
            out.append(m.open_tag(first=True))
            stack.append(m)
    out.append(str(escape(text[pos:])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def _actor_label(actor: dict | None) -> str:
    if not actor:
        return "-"
    name, code = actor.get("name") or "", actor.get("code") or ""
    return f"{name} ({code})" if name and code else name or code


def event_summary(ev: dict) -> str:
    """"source verb(CAMEO PLOVER) target, date [modality]" for a tooltip or a list."""
    action = ev.get("action") or {}
    parts = [_actor_label(ev.get("source")), f"{action.get('verb', '')} [{action.get('cameo', '')}"
             f"{' ' + action['plover'] if action.get('plover') else ''}]", _actor_label(ev.get("target"))]
    tail = [ev.get("date") or "undated"]
    if ev.get("modality") and ev["modality"] != "asserted":
        tail.append(ev["modality"])
    return " ".join(parts) + " · " + ", ".join(tail)


def _number(n: float | None) -> str:
    if n is None:
        return ""
    return f"{n:,.0f}" if float(n).is_integer() else f"{n:,}"


def article_marks(record: dict) -> list[Mark]:
    """One mark per extracted item of an article record."""
    marks: list[Mark] = []
    sentences: dict[tuple[int, int], list[str]] = {}
    for ev in record.get("events") or []:
        s = ev.get("sentence") or {}
        if s.get("start") is not None:
            sentences.setdefault((s["start"], s["end"]), []).append(event_summary(ev))
    for (start, end), summaries in sentences.items():
        marks.append(Mark(start, end, SENTENCE, "ev", "\n".join(summaries), anchor=f"s-{start}",
                          data={"ref": f"s-{start}"}))
    for i, q in enumerate(record.get("quotes") or []):
        who = q.get("speaker_name") or "unattributed"
        how = ", ".join(x for x in (q.get("cue"), q.get("channel"), "direct" if q.get("direct") else "indirect") if x)
        marks.append(Mark(q["start"], q["end"], QUOTE, "q", f"quote: {who} ({how})", anchor=f"q-{i}",
                          data={"ref": f"q-{i}"}))
        if q.get("cue_span"):
            marks.append(Mark(q["cue_span"]["start"], q["cue_span"]["end"], WORD, "cue", f"cue of a quote by {who}"))
    for e in record.get("entities") or []:
        about = [e["name"], e["type"]]
        if e.get("titles"):
            about.append(", ".join(e["titles"]))
        if e.get("country"):
            about.append(e["country"])
        for m in e.get("mentions") or []:
            marks.append(Mark(m["start"], m["end"], WORD, f"ent t-{e['type']}", " · ".join(about),
                              data={"ref": f"e-{e['id']}"}))
    for i, p in enumerate(record.get("places") or []):
        about = ", ".join(x for x in (p.get("name"), p.get("admin1"), p.get("country")) if x)
        for m in p.get("mentions") or []:
            marks.append(Mark(m["start"], m["end"], WORD, "pl", f"place: {about} ({p.get('role')})",
                              data={"ref": f"p-{i}"}))
    for i, d in enumerate(record.get("dates") or []):
        value = d.get("value") or "unresolved"
        marks.append(Mark(d["start"], d["end"], WORD, "dt", f"{d.get('kind', 'date')}: {value}",
                          data={"ref": f"d-{i}"}))
    for i, c in enumerate(record.get("counts") or []):
        actor = (c.get("actor") or {}).get("code") or (c.get("actor") or {}).get("name")
        about = " · ".join(x for x in (f"{_number(c['number'])} {c.get('noun', '')}", c.get("category"), c.get("kind"),
                                       actor, "vague" if c.get("vague") else None) if x)
        marks.append(Mark(c["start"], c["end"], WORD, "ct", f"count: {about}", anchor=f"c-{c['start']}",
                          data={"ref": f"c-{i}"}))
    return marks


def snippet(text: str, hits: list) -> Markup:
    """A search snippet with its hits in <mark>."""
    out, pos = [], 0
    for start, end in sorted((int(s), int(e)) for s, e in hits or []):
        if start < pos or end > len(text):
            continue
        out += [str(escape(text[pos:start])), "<mark>", str(escape(text[start:end])), "</mark>"]
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def sentence_around(text: str, start: int, end: int, reach: int = 160) -> tuple[str, int, int]:
    """The sentence (or a window of ``reach`` characters each side) holding ``text[start:end]``.

    Returns (the piece, start and end of the item inside it).
    """
    left = max(0, start - reach)
    cut = max(text.rfind(". ", left, start), text.rfind("\n", left, start))
    left = cut + 1 if cut >= 0 else left
    while left < start and text[left].isspace():
        left += 1
    right = min(len(text), end + reach)
    stops = [i for i in (text.find(". ", end, right), text.find("\n", end, right)) if i >= 0]
    right = min(stops) + 1 if stops else right
    return text[left:right], start - left, end - left


def marked(piece: str, start: int, end: int) -> Markup:
    """``piece`` escaped with ``piece[start:end]`` in <mark>."""
    return Markup(f"{escape(piece[:start])}<mark>{escape(piece[start:end])}</mark>{escape(piece[end:])}")
