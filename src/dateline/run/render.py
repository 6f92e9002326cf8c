"""Readable terminal view of an article record (``--format text``)."""

from __future__ import annotations

import textwrap

from dateline.record import Article


def _actor(actor) -> str:
    if actor is None:
        return "-"
    return f"{actor.name} [{actor.code or '?'}]"


def render_text(article: Article) -> str:
    out: list[str] = []
    a = article
    out.append(f"== {a.title or '(untitled)'}  [{a.id}]")
    src = a.source.url or a.source.path or "-"
    out.append(f"source: {src} ({a.source.format})  site: {a.source.site or '-'}  language: {a.language or '-'}")
    out.append(f"by: {', '.join(a.authors) or '-'}   published: {a.published or '-'}")
    if a.dateline:
        place = a.dateline.place
        where = f"{place.name} ({place.country or '?'})" if place else "?"
        out.append(f"dateline: {a.dateline.text!r} -> {where}" + (f" at {a.dateline.time}" if a.dateline.time else ""))
    for warning in a.warnings:
        out.append(f"warning: {warning}")
    out.append("")
    out.append(textwrap.shorten(a.text, 600, placeholder=" ..."))
    if a.boilerplate:
        out.append(f"\nremoved ({len(a.boilerplate)}): " + "; ".join(
            f"{b.reason}: {textwrap.shorten(b.text, 50, placeholder='...')!r}" for b in a.boilerplate))
    if a.entities:
        out.append("\nentities:")
        for e in a.entities:
            extra = ", ".join(e.titles + e.roles)
            code = (e.country or "") + "".join(e.sectors)
            out.append(f"  {e.type:<6} {e.name}" + (f" — {extra}" if extra else "") +
                       (f" [{code}]" if code else "") + f" ({len(e.mentions)} mentions)")
    if a.quotes:
        out.append("\nquotes:")
        for q in a.quotes:
            kind = "direct" if q.direct else "indirect"
            chan = f", {q.channel}" if q.channel else ""
            out.append(f"  {q.speaker_name or '?'} ({q.cue or '-'}, {kind}{chan}): "
                       + textwrap.shorten(q.text, 140, placeholder=" ..."))
    if a.dates:
        out.append("\ndates: " + "; ".join(f"{d.text!r}={d.value or '?'}" for d in a.dates))
    if a.places:
        out.append("\nplaces: " + "; ".join(
            f"{p.name} ({p.country or '?'}, {p.role}, x{len(p.mentions)})" for p in a.places))
    if a.counts:
        out.append("\ncounts: " + "; ".join(
            f"{c.number:g} {c.noun}" + (f" [{c.category}]" if c.category else "") +
            (f" ({c.actor.code})" if c.actor and c.actor.code else "") for c in a.counts))
    if a.events:
        out.append("\nevents:")
        for ev in a.events:
            act = ev.action
            out.append(f"  {_actor(ev.source)} -{act.verb}-> {_actor(ev.target)}  "
                       f"CAMEO {act.cameo} {act.plover or ''}  {ev.modality}  date {ev.date or '?'}"
                       + (f"  place {ev.place.name}" if ev.place else "")
                       + (f"  count {ev.count:g}" if ev.count is not None else ""))
    return "\n".join(out) + "\n"


def render_summary(summary: dict) -> str:
    """A readable report of what a store holds (``dateline demo`` / ``dateline summary``)."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    buffer = StringIO()
    console = Console(file=buffer, width=100, force_terminal=False)
    head = Table(title="dateline store", show_header=False)
    for key in ("articles", "stories", "people", "organizations", "quotes", "dates", "places", "counts", "events"):
        head.add_row(key, str(summary[key]))
    head.add_row("languages", ", ".join(f"{k} {v}" for k, v in summary["languages"].items()))
    console.print(head)
    for title, rows, columns in (
        ("events by type", summary["events_by_type"], ("type", "events")),
        ("events by country", summary["events_by_country"], ("country", "events")),
        ("people most reported", summary["top_people"], ("person", "country", "articles", "mentions")),
    ):
        if not rows:
            continue
        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console.print(table)
    return buffer.getvalue()


def render_clusters(clusters: list[dict]) -> str:
    """Event clusters as a terminal table."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    buffer = StringIO()
    table = Table(title=f"{len(clusters)} events")
    for column in ("date", "source", "action", "target", "place", "modality", "articles", "sentence"):
        table.add_column(column, overflow="fold")
    for c in clusters:
        side = lambda a: f"{a['name']} [{a['code'] or '?'}]" if a else "-"  # noqa: E731
        table.add_row(c["date"] or "?", side(c["source"]), f"{c['action']['plover'] or ''} {c['action']['cameo']}",
                      side(c["target"]), (c["place"] or {}).get("name") or "-", c["modality"],
                      str(c["num_articles"]), textwrap.shorten(c["sentence"]["text"] or "", 80, placeholder=" ..."))
    Console(file=buffer, width=160, force_terminal=False).print(table)
    return buffer.getvalue()


def render_rows(rows: list[dict], columns: tuple[str, ...], title: str) -> str:
    """Any query result as a terminal table."""
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    buffer = StringIO()
    table = Table(title=f"{title} ({len(rows)})")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            value = ", ".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))
            cells.append(textwrap.shorten(value, 120, placeholder=" ...") if len(value) > 120 else value)
        table.add_row(*cells)
    Console(file=buffer, width=160, force_terminal=False).print(table)
    return buffer.getvalue()
