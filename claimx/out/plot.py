"""Plot: each comparison group as a timeline, where who said what, and when, shows at a glance.

One panel per group. The x axis is the as-of date, ticked in days, months or years as the
panel's span asks (never hours). Each claim is a vertical bar over the interval its figure
allows, with a mark at the stated figure; the mark's shape is the claim's scope (total ●,
addition ▲, period ■, incident ◆). A source has one colour in every panel, and each panel's
legend names the sources it shows. The count axis is linear, or logarithmic only when the
figures span more than two orders of magnitude. An open end ("over 3,000") runs to the panel's
top and ends in an arrow; an as-of month or year is drawn as a thin line over its days.
Undated claims stand in a column of their own at the right, marked "undated".

A disagreement is drawn as its camps: one shaded band per camp, over the dates and the range
of figures its claims cover, tagged A, B, C (1A, 1B, 2A when a panel holds more than one).
Camps come from the group's `disagreements` (each with `camps`, lists of row indexes); a group
without them has each conflicting pair drawn as a two-camp disagreement.

Each claim's figure is written beside its mark; labels that would collide are stacked apart
and joined to their mark by a thin line, so no two overlap.

matplotlib is imported inside `figure_for` with the Agg backend, so importing claimx never
needs a display or matplotlib itself.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..across.disputes import camp_mark
from ..across.timelines import Group, Row
from ..errors import Errors
from .placement import MARK_SIZE, TAG_GID, Label, place_labels
from .scales import count_axis, count_scale, date_axis
from .writers import open_output

SUFFIXES = (".png", ".html", ".svg")
CONFLICT = "#c0392b"  # the ring round a claim in a disagreement
CONFLICT_ROW = ' class="conflict"'  # a timeline table row in a disagreement: red
# strong colours first: the sources with most claims get the easiest to tell apart
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#393b79",
           "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
           "#5254a3", "#8ca252", "#bd9e39", "#ad494a", "#a55194", "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8")
CAMP_FILLS = ("#c0392b", "#2471a3", "#b7950b", "#7d3c98", "#117a65", "#616a6b")  # camp A, B, C, ...: a tag's text
CAMP_ALPHA = 0.14  # ... and, this pale, its band's fill
MARKERS = {"total": "o", "addition": "^", "period": "s", "incident": "D"}
NO_SOURCE = "no source"
PANEL_HEIGHT = 3.4  # inches per group
FIG_WIDTH = 12.0  # inches
FIG_DPI = 100  # the dpi labels are placed at (placement's pixel sizes assume it); files are saved at SAVE_DPI
SAVE_DPI = 120
KEY_HEIGHT = 0.45  # inches at the figure's top for the key of marks and bands
UNDATED_GAP = 0.12  # the undated column sits this share of the date span right of the latest date
MIN_SPAN_DAYS = 10  # a panel spans at least this many days, so one date is not a zero-width axis
LABEL_WIDTH = 24  # characters of a figure's label
LEGEND_WIDTH = 30  # characters of a source's name in a legend
MAX_TAGGED = 6  # a panel with more disagreements than this (pairs, before camps) leaves its bands untagged
NUDGE = 0.011  # claims of one date stand this share of the panel's width apart: marks side by side, not stacked
MIN_BAND_PX = 10.0  # a camp band is at least this tall, so a camp of one exact figure shows
BAND_GID = "camp-band"  # how tests and SVG readers find a camp's band


@dataclass(frozen=True)
class Dispute:
    """One disagreement of a group: its camps (row indexes, one tuple per camp) and why, in words."""

    camps: tuple[tuple[int, ...], ...]
    reason: str


def row_label(r: Row, width: int = 48) -> str:
    """"2025-04-30 · South Korean lawmakers", cut to `width` characters."""
    when = r.as_of or "undated"
    text = f"{when} · {r.source or NO_SOURCE}"
    return _cut(text, width)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def x_of(r: Row) -> dt.date | None:
    """Where a row stands on the time axis: the middle of its as-of period (None: undated)."""
    p = r.period
    return None if p is None else p[0] + (p[1] - p[0]) / 2


def disputes(g: Group) -> list[Dispute]:
    """The group's disagreements as camps of row indexes: from `disagreements` when the group has them
    (objects with `camps` and `reason`, or their dicts), else one two-camp dispute per conflicting pair."""
    found = getattr(g, "disagreements", None)
    if found is None:
        return [Dispute(((c.a,), (c.b,)), c.reason) for c in g.conflicts]
    out = []
    for d in found:
        camps = d["camps"] if isinstance(d, dict) else d.camps
        reason = d.get("reason", "") if isinstance(d, dict) else getattr(d, "reason", "")
        out.append(Dispute(tuple(tuple(int(i) for i in camp) for camp in camps), reason))
    return out


def source_colours(groups: Sequence[Group]) -> dict[str, str]:
    """One colour per source for every panel; the sources with most claims get the first colours."""
    counts = Counter(r.source or NO_SOURCE for g in groups for r in g.rows)
    order = sorted(counts, key=lambda s: (-counts[s], s))
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(order)}


def y_scale(g: Group) -> str:
    """"log" when the group's figures span more than two orders of magnitude, else "linear"."""
    return count_scale(*_finite_range(g))


def _finite_range(g: Group) -> tuple[float, float]:
    finite = [y for r in g.rows for y in (r.low, r.high, r.value or 0) if 0 < y < math.inf]
    return (min(finite), max(finite)) if finite else (1.0, 10.0)


def _limits(g: Group) -> tuple[float, float]:
    """y limits that show every finite end with room for the arrows of open ones and the labels."""
    lo, hi = _finite_range(g)
    if y_scale(g) == "log":
        return lo / 2.5, hi * 2.5
    return 0.0, hi * 1.4


def _x_positions(g: Group) -> tuple[list[float], float, float, float | None]:
    """Each row's x (matplotlib date numbers), the axis' x limits, and the undated column's x (None if all dated)."""
    from matplotlib.dates import date2num

    periods = [p for r in g.rows if (p := r.period) is not None]
    if periods:
        first, last = date2num(min(p[0] for p in periods)), date2num(max(p[1] for p in periods))
    else:
        first = last = date2num(dt.date(2000, 1, 1))
    if last - first < MIN_SPAN_DAYS:  # widen round the middle, so a single date stands in the centre
        mid = (first + last) / 2
        first, last = mid - MIN_SPAN_DAYS / 2, mid + MIN_SPAN_DAYS / 2
    span = last - first
    undated = last + span * UNDATED_GAP * 2 if len(periods) < len(g.rows) else None
    xs = [date2num(d) if (d := x_of(r)) is not None else undated for r in g.rows]
    right = (undated if undated is not None else last) + span * UNDATED_GAP
    return xs, first - span * UNDATED_GAP, right, undated  # type: ignore[return-value]


def figure_for(groups: Sequence[Group]) -> Any:  # a matplotlib Figure; matplotlib is imported late
    """A matplotlib Figure with one timeline panel per group (an empty note when there are none)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if not groups:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "no groups of comparable claims", ha="center", va="center")
        return fig
    height = PANEL_HEIGHT * len(groups) + KEY_HEIGHT
    fig, axes = plt.subplots(len(groups), 1, figsize=(FIG_WIDTH, height), dpi=FIG_DPI, squeeze=False)
    colour = source_colours(groups)
    pending = [_draw_timeline(ax, g, colour) for ax, g in zip(axes[:, 0], groups, strict=True)]
    fig.legend(handles=_key_handles(), loc="upper center", ncol=7, fontsize=8, frameon=False,
               bbox_to_anchor=(0.5, 1.0))
    fig.tight_layout(rect=(0, 0, 1, 1 - KEY_HEIGHT / height))
    renderer = fig.canvas.get_renderer()
    for ax, labels in zip(axes[:, 0], pending, strict=True):  # after the layout: labels are placed in pixels
        place_labels(ax, labels, renderer)
    return fig


def _key_handles() -> list[Any]:
    """The figure's key: the scope shapes, the open end's arrow, and a camp band."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [Line2D([], [], marker=m, linestyle="", color="#555555", label=scope)
                          for scope, m in MARKERS.items()]
    handles.append(Line2D([], [], marker="^", linestyle="-", color="#555555", markersize=5, label="open end (over N)"))
    handles.append(Line2D([], [], marker="o", linestyle="", color="white", markeredgecolor=CONFLICT,
                          markeredgewidth=2, label="in a disagreement"))
    handles.append(Patch(facecolor=CAMP_FILLS[0], alpha=CAMP_ALPHA * 2, edgecolor=CAMP_FILLS[0],
                         label="camp of a disagreement (A, B, …)"))
    return handles


def _draw_timeline(ax: Any, g: Group, colour: dict[str, str]) -> list[Label]:
    """The group's claims as bars over time in their sources' colours, its camps as bands; the labels to place."""
    from matplotlib.lines import Line2D

    ylim = _limits(g)
    xs, left, right, undated = _x_positions(g)
    found = disputes(g)
    _draw_axes(ax, g, xs, (left, right), ylim, undated, _count(g, found))
    labels = _draw_rows(ax, g, xs, (left, right), ylim, colour, {i for d in found for c in d.camps for i in c})
    labels += _draw_camps(ax, g, xs, (left, right), ylim, found)
    sources = sorted(dict.fromkeys(r.source or NO_SOURCE for r in g.rows), key=list(colour).index)
    handles = [Line2D([], [], color=colour[s], linewidth=4, label=_cut(s, LEGEND_WIDTH)) for s in sources]
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return labels


def _draw_rows(ax: Any, g: Group, xs: list[float], xlim: tuple[float, float], ylim: tuple[float, float],
               colour: dict[str, str], disputed: set[int]) -> list[Label]:
    """Each claim as a bar from its low to its high end and a mark at its value; claims of one date side by side
    (their x in `xs` moved to where they are drawn). Returns one label per figure a source gives for a date."""
    from matplotlib.dates import date2num

    (left, right), (ymin, ymax) = xlim, ylim
    same_x: dict[float, int] = {}
    labels: list[Label] = []
    said: set[tuple[float, str, str]] = set()  # a figure repeated by one source for one date is labelled once
    for i, (r, x0) in enumerate(zip(g.rows, xs, strict=True)):
        nudge = same_x.get(x0, 0)  # claims of one date side by side, not on top of each other
        same_x[x0] = nudge + 1
        x = x0 + nudge * (right - left) * NUDGE
        xs[i] = x
        source = r.source or NO_SOURCE
        c = colour[source]
        low = max(r.low, ymin)
        high = min(r.high, ymax)
        y = r.value if r.value else _middle(low, high, ax.get_yscale())
        ax.plot([x, x], [low, high], color=c, linewidth=4, alpha=0.55, solid_capstyle="butt", zorder=2)
        p = r.period
        if p is not None and p[1] > p[0]:  # an as-of month or year: a thin line over its days
            ax.plot([date2num(p[0]), date2num(p[1])], [y, y], color=c, linewidth=1, alpha=0.6, zorder=2)
        ring = i in disputed
        ax.plot([x], [y], MARKERS.get(r.scope, "o"), color=c, markersize=MARK_SIZE, zorder=3,
                markeredgecolor=CONFLICT if ring else "black", markeredgewidth=2 if ring else 0.5)
        if math.isinf(r.high):  # an open end: an arrow at the panel's top
            ax.annotate("", xy=(x, 1.0), xytext=(x, 0.86), xycoords=ax.get_xaxis_transform(),
                        arrowprops={"arrowstyle": "-|>", "color": c})
        key = (x0, r.figure, source)
        if key not in said:
            said.add(key)
            labels.append(Label(x, y, _cut(r.figure, LABEL_WIDTH), c))
    return labels


def _count(g: Group, found: Sequence[Dispute]) -> str:
    """"2 disagreements", or "29 conflicting pairs" when the group has pairs but no disagreements."""
    n = len(found)
    what = "conflicting pair" if getattr(g, "disagreements", None) is None else "disagreement"
    return f"{n} {what}{'s' if n != 1 else ''}"


def _middle(low: float, high: float, scale: str) -> float:
    return math.sqrt(low * high) if scale == "log" else (low + high) / 2


def _draw_camps(ax: Any, g: Group, xs: list[float], xlim: tuple[float, float], ylim: tuple[float, float],
                found: Sequence[Dispute]) -> list[Label]:
    """One shaded band per camp of each disagreement, over its claims' dates and the range their figures cover
    (a camp several disagreements share, drawn once); returns the bands' tags: A, B, … or 1A, 1B, 2A, … when the
    panel holds more than one disagreement ("1B·2B" on a shared band), none when it holds more than MAX_TAGGED."""
    from matplotlib.patches import Rectangle

    (left, right), (ymin, ymax) = xlim, ylim
    pad = (right - left) * 0.012
    bands: dict[tuple[int, ...], list[str]] = {}  # a camp's rows -> its tags, in the order first drawn
    corner: dict[tuple[int, ...], tuple[float, float, str]] = {}
    for n, d in enumerate(found, 1):
        for k, camp in enumerate(d.camps):
            rows = tuple(sorted({i for i in camp if 0 <= i < len(g.rows) and xs[i] is not None}))
            if not rows:
                continue
            bands.setdefault(rows, []).append(camp_mark(n, k))
            if rows in corner:
                continue
            x0, x1 = min(xs[i] for i in rows) - pad, max(xs[i] for i in rows) + pad
            y0 = max(min(g.rows[i].low for i in rows), ymin)
            y1 = min(max(g.rows[i].high for i in rows), ymax)
            y0, y1 = _tall_enough(ax, y0, y1, ylim)
            fill = CAMP_FILLS[k % len(CAMP_FILLS)]
            ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=fill, alpha=CAMP_ALPHA, edgecolor=fill,
                                   linewidth=1, linestyle="--", zorder=1, gid=BAND_GID))
            corner[rows] = (x0, y1, fill)
    if len(found) > MAX_TAGGED:
        return []
    return [Label(x, y, "·".join(bands[rows]), fill, TAG_GID) for rows, (x, y, fill) in corner.items()]


def _tall_enough(ax: Any, y0: float, y1: float, ylim: tuple[float, float]) -> tuple[float, float]:
    """Widen [y0, y1] round its middle to MIN_BAND_PX pixels, so a camp of one exact figure is a band, not a line."""
    to_px, to_data = ax.transData, ax.transData.inverted()
    (_, p0), (_, p1) = to_px.transform([(0, y0), (0, y1)])
    if p1 - p0 >= MIN_BAND_PX:
        return y0, y1
    mid = (p0 + p1) / 2
    (_, y0), (_, y1) = to_data.transform([(0, mid - MIN_BAND_PX / 2), (0, mid + MIN_BAND_PX / 2)])
    return max(y0, ylim[0]), min(y1, ylim[1])


def _draw_axes(ax: Any, g: Group, xs: list[float], xlim: tuple[float, float], ylim: tuple[float, float],
               undated: float | None, count: str) -> None:
    """The count axis (linear, or log for figures far apart), dates below, the undated column, the title."""
    count_axis(ax, y_scale(g), ylim, (y for r in g.rows for y in (r.low, r.high)))
    left, right = xlim
    last_dated = max((x for x, r in zip(xs, g.rows, strict=True) if r.period), default=left)
    date_axis(ax, left, right, last_dated)
    if undated is not None:
        ax.axvline((undated + last_dated) / 2, color="#bbbbbb", linewidth=0.8)
        ax.text(undated, 0.02, "undated", ha="center", va="bottom", fontsize=8, color="#666666",
                transform=ax.get_xaxis_transform())
    ax.grid(axis="y", which="major", alpha=0.25)
    ax.set_title(f"{g.label}  ({len(g.rows)} claims, {count})", fontsize=10, loc="left")
    ax.set_ylabel(g.unit or "count", fontsize=8)


def plot_groups(groups: Sequence[Group], path: str | Path) -> Path:
    """Write the groups' timelines to `path`: .png, .svg, or .html (a page with the SVG inline).

    Returns the path written. The file is written as `writers.open_output` writes any output (atomically).

    Raises:
        InputError: the folder does not exist or cannot be written (one line).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(Errors.E026.format(path=path))
    import matplotlib.pyplot as plt

    fig = figure_for(list(groups))
    try:
        buf = io.BytesIO() if suffix == ".png" else io.StringIO()
        fig.savefig(buf, format="png" if suffix == ".png" else "svg", dpi=SAVE_DPI)
    finally:
        plt.close(fig)
    if suffix == ".png":
        data = buf.getvalue()
    elif suffix == ".svg":
        data = buf.getvalue().encode("utf-8")
    else:
        data = _html_page(list(groups), buf.getvalue()).encode("utf-8")
    # a reader (a browser reloading the page) never sees half a file; the mode follows the umask, a killed run's
    # temporary file is removed by the next, a folder that cannot be written is one line (InputError)
    with open_output(path, binary=True) as f:
        f.write(data)
    return path


def _html_page(groups: Sequence[Group], svg: str) -> str:
    """A self-contained page: the timelines inline (no external files), each group's rows with their camps, and
    each disagreement's reason."""
    svg = svg[svg.find("<svg"):]  # drop the XML prolog and doctype: not allowed inside HTML
    items, tables = [], []
    for g in groups:
        found = disputes(g)
        camp_of: dict[int, list[str]] = {}
        for n, d in enumerate(found, 1):
            items.append(f"<li><b>{html.escape(g.label)}</b>: {html.escape(d.reason)}</li>")
            for k, camp in enumerate(d.camps):
                for i in camp:
                    camp_of.setdefault(i, []).append(camp_mark(n, k))
        rows = "".join(
            f"<tr{CONFLICT_ROW if i in camp_of else ''}><td>{html.escape(r.as_of or 'unknown')}</td>"
            f"<td>{html.escape(r.as_of_via or '')}</td><td>{r.scope}</td><td>{html.escape(r.source or '')}</td>"
            f"<td>{html.escape(r.figure)}</td><td>{' '.join(camp_of.get(i, []))}</td><td>{html.escape(r.doc)}</td></tr>"
            for i, r in enumerate(g.rows))
        tables.append(f"<h3>{html.escape(g.label)}</h3><table><tr><th>as of</th><th>found by</th><th>scope</th>"
                      f"<th>source</th><th>figure</th><th>camp</th><th>doc</th></tr>{rows}</table>")
    listed = f"<ul>{''.join(items)}</ul>" if items else "<p>None.</p>"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>claimx compare</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1200px}svg{max-width:100%;height:auto}"
            "li{margin:.3em 0}table{border-collapse:collapse;font-size:.9em}td,th{padding:.2em .6em;text-align:left;"
            "border-bottom:1px solid #ddd}tr.conflict td{color:#c0392b}</style></head><body>"
            f"<h1>claimx compare: {len(groups)} group{'s' if len(groups) != 1 else ''}</h1>\n{svg}\n"
            f"<h2>Disagreements</h2>{listed}<h2>Timelines</h2>{''.join(tables)}</body></html>\n")
