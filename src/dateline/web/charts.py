"""Server-side SVG charts: stacked bars, counts over time, the world map, the actor network.

No chart library and no script: each function returns SVG markup built from numbers and
escaped labels. Colours are SVG presentation attributes (allowed by the strict
Content-Security-Policy, which forbids style attributes).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

# cooperative types in blues and greens, conflictual ones in oranges and reds
PLOVER_COLORS = {
    "AGREE": "#2b6cb0", "CONSULT": "#4299e1", "SUPPORT": "#38a169", "COOPERATE": "#2f855a", "AID": "#68d391",
    "CONCEDE": "#81e6d9", "RETREAT": "#319795", "REQUEST": "#805ad5", "ACCUSE": "#d69e2e", "REJECT": "#dd6b20",
    "THREATEN": "#c05621", "PROTEST": "#b7791f", "SANCTION": "#9c4221", "MOBILIZE": "#975a16",
    "COERCE": "#c53030", "ASSAULT": "#9b2c2c",
}
SERIES_COLORS = ["#2b6cb0", "#c53030", "#2f855a", "#b7791f", "#6b46c1", "#319795", "#975a16", "#d53f8c",
                 "#4a5568", "#dd6b20"]
QUAD_COLORS = {1: "#2b6cb0", 2: "#2f855a", 3: "#dd6b20", 4: "#c53030"}


def plover_color(plover: str | None) -> str:
    return PLOVER_COLORS.get(plover or "", "#718096")


def _fmt(n: float) -> str:
    return f"{n:.1f}".rstrip("0").rstrip(".")


def _attr(value) -> str:
    return str(escape(value))


def swatch(color: str) -> Markup:
    """A small coloured square for legends (inline SVG: no style attribute needed)."""
    return Markup(f'<svg class="swatch" width="12" height="12" aria-hidden="true">'
                  f'<rect width="12" height="12" rx="2" fill="{_attr(color)}"/></svg>')


# -- time buckets -------------------------------------------------------------------------


def bucket_of(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def next_bucket(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day + dt.timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day + dt.timedelta(days=1)


def choose_unit(first: dt.date, last: dt.date, wanted: str = "auto") -> str:
    """Day, week or month so that the chart has at most about 120 bars."""
    days = (last - first).days + 1
    if wanted in ("day", "week", "month"):
        # an explicit unit is honoured unless it would draw thousands of hairline bars
        if wanted == "day" and days > 800:
            return "week"
        if wanted == "week" and days > 7 * 800:
            return "month"
        return wanted
    if days <= 120:
        return "day"
    if days <= 7 * 120:
        return "week"
    return "month"


def buckets_between(first: dt.date, last: dt.date, unit: str) -> list[dt.date]:
    out, day = [], bucket_of(first, unit)
    while day <= last:
        out.append(day)
        day = next_bucket(day, unit)
    return out


def bucket_label(day: dt.date, unit: str) -> str:
    return day.strftime("%Y-%m") if unit == "month" else day.isoformat()


# -- stacked bars ---------------------------------------------------------------------------


def stacked_bars(buckets: list[dt.date], unit: str, series: dict[str, list[int]], *, width: int = 960,
                 height: int = 280, link=None) -> Markup:
    """Bars per time bucket, stacked by series (PLOVER type); ``link(bucket, name)`` gives a bar's href."""
    left, right, top, bottom = 40, 10, 10, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(1, len(buckets))
    totals = [sum(values[i] for values in series.values()) for i in range(len(buckets))]
    top_value = max(totals or [0]) or 1
    step = _nice_step(top_value)
    y_max = math.ceil(top_value / step) * step
    bar_w = plot_w / n
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="events over time">']
    for tick in range(0, int(y_max) + 1, int(step)):
        y = top + plot_h - tick / y_max * plot_h
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{_fmt(y)}" y2="{_fmt(y)}"/>'
                     f'<text class="tick" x="{left - 6}" y="{_fmt(y + 4)}" text-anchor="end">{tick}</text>')
    label_every = max(1, math.ceil(n / 10))
    for i, bucket in enumerate(buckets):
        x = left + i * bar_w
        base = top + plot_h
        for name, values in series.items():
            v = values[i]
            if not v:
                continue
            h = v / y_max * plot_h
            base -= h
            rect = (f'<rect x="{_fmt(x + bar_w * 0.08)}" y="{_fmt(base)}" width="{_fmt(max(bar_w * 0.84, 0.8))}" '
                    f'height="{_fmt(h)}" fill="{_attr(plover_color(name))}">'
                    f'<title>{escape(bucket_label(bucket, unit))} · {escape(name)}: {v}</title></rect>')
            href = link(bucket, name) if link else None
            parts.append(f'<a href="{_attr(href)}">{rect}</a>' if href else rect)
        if i % label_every == 0:
            parts.append(f'<text class="tick" x="{_fmt(x + bar_w / 2)}" y="{height - bottom + 16}" '
                         f'text-anchor="middle">{escape(bucket_label(bucket, unit))}</text>')
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice_step(top: float) -> float:
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 5, 10):
        if raw <= m * magnitude:
            return max(1.0, m * magnitude)
    return max(1.0, 10 * magnitude)


# -- counts over time -----------------------------------------------------------------------


def count_chart(series: dict[str, list[dict]], *, width: int = 960, height: int = 260) -> Markup:
    """One line per source (site) of claimed numbers over time; each point links to its sentence.

    ``series`` maps a label to points {"day": date, "number": float, "href": str, "title": str}.
    A log scale is used when the numbers span more than two orders of magnitude.
    """
    points = [p for pts in series.values() for p in pts]
    if not points:
        return Markup("")
    right, top, bottom = 16, 12, 36
    left = 16 + 7 * len(f"{max(p['number'] for p in points):,.0f}")  # room for the longest tick label
    plot_w, plot_h = width - left - right, height - top - bottom
    first = min(p["day"] for p in points)
    last = max(p["day"] for p in points)
    span = max(1, (last - first).days)
    low = min(p["number"] for p in points)
    high = max(p["number"] for p in points) or 1
    log = low > 0 and high / low > 100

    def sx(day: dt.date) -> float:
        if first == last:
            return left + plot_w / 2
        return left + (day - first).days / span * plot_w

    if log:
        lo, hi = math.floor(math.log10(low)), math.ceil(math.log10(high))
        hi = hi if hi > lo else lo + 1
        ticks = [10 ** e for e in range(lo, hi + 1)]

        def sy(v: float) -> float:
            return top + plot_h - (math.log10(v) - lo) / (hi - lo) * plot_h
    else:
        step = _nice_step(high)
        y_max = math.ceil(high / step) * step
        ticks = [i * step for i in range(int(y_max / step) + 1)]

        def sy(v: float) -> float:
            return top + plot_h - v / y_max * plot_h

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="counts over time">']
    for t in ticks:
        y = sy(t)
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{_fmt(y)}" y2="{_fmt(y)}"/>'
                     f'<text class="tick" x="{left - 6}" y="{_fmt(y + 4)}" text-anchor="end">{t:,.0f}</text>')
    ticks_x = _date_ticks(first, last)
    for i, tick_day in enumerate(ticks_x):
        # the outermost labels lean inwards so that they are not cut at the chart's edges
        anchor = "start" if i == 0 and len(ticks_x) > 1 else "end" if i == len(ticks_x) - 1 and i else "middle"
        parts.append(f'<text class="tick" x="{_fmt(sx(tick_day))}" y="{height - bottom + 16}" '
                     f'text-anchor="{anchor}">{tick_day.isoformat()}</text>')
    for k, (label, pts) in enumerate(series.items()):
        color = SERIES_COLORS[k % len(SERIES_COLORS)]
        pts = sorted(pts, key=lambda p: p["day"])
        if len(pts) > 1:
            path = " ".join(f"{_fmt(sx(p['day']))},{_fmt(sy(p['number']))}" for p in pts)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="1.5"/>')
        for p in pts:
            dot = (f'<circle cx="{_fmt(sx(p["day"]))}" cy="{_fmt(sy(p["number"]))}" r="4" fill="{color}">'
                   f'<title>{escape(label)}: {escape(p["title"])}</title></circle>')
            parts.append(f'<a href="{_attr(p["href"])}">{dot}</a>')
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _date_ticks(first: dt.date, last: dt.date, n: int = 6) -> list[dt.date]:
    if first == last:
        return [first]
    span = (last - first).days
    return [first + dt.timedelta(days=round(span * i / (n - 1))) for i in range(n)]


# -- world map --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def world() -> list[dict]:
    """Country outlines shipped with dateline (scripts/build_world_map.py)."""
    data = resources.files("dateline.web").joinpath("data/world.json").read_text("utf-8")
    return json.loads(data)["countries"]


def world_map(points: list[dict], *, highlight: set[str] = frozenset(), fit: bool = False) -> Markup:
    """Equirectangular world with points {"lat", "lon", "r", "color", "href", "title", "layer"}.

    ``fit`` zooms to the points (with a margin) instead of the whole world.
    """
    x0, y0, w, h = -180.0, -84.0, 360.0, 144.0  # 84N to 60S: no Antarctica, the inhabited world larger
    located = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if fit and located:
        xs = [p["lon"] for p in located]
        ys = [-p["lat"] for p in located]
        pad = 8.0
        x0, x1 = max(-180.0, min(xs) - pad), min(180.0, max(xs) + pad)
        y0, y1 = max(-90.0, min(ys) - pad), min(90.0, max(ys) + pad)
        w, h = x1 - x0, y1 - y0
        # keep the world view's 2.5:1 shape so that the page layout does not jump
        if w < 2.5 * h:
            x0, w = x0 - (2.5 * h - w) / 2, 2.5 * h
        else:
            y0, h = y0 - (w / 2.5 - h) / 2, w / 2.5
    scale = w / 360.0
    parts = [f'<svg class="map" viewBox="{_fmt(x0)} {_fmt(y0)} {_fmt(w)} {_fmt(h)}" role="img" '
             f'aria-label="map of event places" preserveAspectRatio="xMidYMid meet">',
             f'<rect class="sea" x="-360" y="-180" width="720" height="360"/>']
    for lon in range(-180, 181, 30):
        parts.append(f'<line class="graticule" x1="{lon}" x2="{lon}" y1="-90" y2="90" '
                     f'stroke-width="{_fmt(0.3 * scale)}"/>')
    for lat in range(-60, 61, 30):
        parts.append(f'<line class="graticule" x1="-180" x2="180" y1="{lat}" y2="{lat}" '
                     f'stroke-width="{_fmt(0.3 * scale)}"/>')
    for country in world():
        cls = "land hl" if country["iso3"] in highlight else "land"
        parts.append(f'<path class="{cls}" d="{_attr(country["d"])}" stroke-width="{_fmt(0.25 * scale)}">'
                     f'<title>{escape(country["name"] or "")}</title></path>')
    # places under events, bigger under smaller, so that every point can be hovered
    for p in sorted(located, key=lambda p: (p.get("layer") == "event", -p.get("r", 1))):
        r = p.get("r", 1.0) * scale
        circle = (f'<circle class="pt {_attr(p.get("layer", ""))}" cx="{_fmt2(p["lon"])}" cy="{_fmt2(-p["lat"])}" '
                  f'r="{_fmt2(r)}" fill="{_attr(p.get("color", "#c53030"))}" stroke-width="{_fmt2(0.3 * scale)}">'
                  f'<title>{escape(p.get("title", ""))}</title></circle>')
        parts.append(f'<a href="{_attr(p["href"])}">{circle}</a>' if p.get("href") else circle)
    parts.append("</svg>")
    return Markup("".join(parts))


def _fmt2(n: float) -> str:
    return f"{n:.3f}".rstrip("0").rstrip(".")


# -- network ----------------------------------------------------------------------------------


def network(nodes: list[dict], edges: list[dict], *, size: int = 720) -> Markup:
    """Actors on a circle, arrows from source to target, width by number of events.

    ``nodes``: {"id", "label", "title", "weight", "href"}; ``edges``: {"source", "target", "weight",
    "color", "title", "href"}.
    """
    if not nodes:
        return Markup("")
    cx = cy = size / 2
    radius = size / 2 - 85
    pos = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[node["id"]] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    top_edge = max((e["weight"] for e in edges), default=1)
    top_node = max((n["weight"] for n in nodes), default=1)
    parts = [f'<svg class="network" viewBox="0 0 {size} {size}" role="img" aria-label="actor network">',
             '<defs>']
    for key, color in {"c": "#2b6cb0", "x": "#c53030", "n": "#718096"}.items():
        parts.append(f'<marker id="arrow-{key}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" '
                     f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{color}"/></marker>')
    parts.append("</defs>")
    node_r = {n["id"]: 5 + 9 * math.sqrt(n["weight"] / top_node) for n in nodes}
    for e in sorted(edges, key=lambda e: e["weight"]):
        if e["source"] not in pos or e["target"] not in pos:
            continue
        x1, y1, _ = pos[e["source"]]
        x2, y2, _ = pos[e["target"]]
        stroke = 1 + 5 * e["weight"] / top_edge
        color = e.get("color", "#718096")
        marker = {"#2b6cb0": "c", "#c53030": "x"}.get(color, "n")
        if e["source"] == e["target"]:
            loop = node_r[e["source"]] + 14
            d = (f"M{_fmt(x1)} {_fmt(y1 - node_r[e['source']])} c {loop} {-loop * 2} {loop * 2} {loop} "
                 f"{node_r[e['source']]} {node_r[e['source']]}")
        else:
            # stop the arrow at the target circle's edge; bend a little so that A->B and B->A differ
            dx, dy = x2 - x1, y2 - y1
            dist = math.hypot(dx, dy) or 1
            ex, ey = x2 - dx / dist * (node_r[e["target"]] + 2), y2 - dy / dist * (node_r[e["target"]] + 2)
            mx, my = (x1 + ex) / 2 - dy / dist * 18, (y1 + ey) / 2 + dx / dist * 18
            d = f"M{_fmt(x1)} {_fmt(y1)} Q{_fmt(mx)} {_fmt(my)} {_fmt(ex)} {_fmt(ey)}"
        path = (f'<path class="edge" d="{d}" fill="none" stroke="{_attr(color)}" stroke-width="{_fmt(stroke)}" '
                f'marker-end="url(#arrow-{marker})"><title>{escape(e.get("title", ""))}</title></path>')
        parts.append(f'<a href="{_attr(e["href"])}">{path}</a>' if e.get("href") else path)
    for node in nodes:
        x, y, angle = pos[node["id"]]
        r = node_r[node["id"]]
        lx, ly = x + (r + 6) * math.cos(angle), y + (r + 6) * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        if anchor == "middle":
            ly += 12 if math.sin(angle) > 0 else -4
        else:
            ly += 4
        body = (f'<circle class="node" cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}"><title>{escape(node["title"])}'
                f'</title></circle><text class="label" x="{_fmt(lx)}" y="{_fmt(ly)}" text-anchor="{anchor}">'
                f'{escape(node["label"])}</text>')
        parts.append(f'<a href="{_attr(node["href"])}">{body}</a>' if node.get("href") else body)
    parts.append("</svg>")
    return Markup("".join(parts))
