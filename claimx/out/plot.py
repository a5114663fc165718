"""Plot: each comparison group as a timeline, where who said what, and when, shows at a glance.

One panel per group. The x axis is the as-of date; each claim is a vertical bar over the
interval its figure allows (log scale: figures a hundredfold apart share a panel), with a
mark at the stated figure, one colour per source. The mark's shape is the claim's scope
(total ●, addition ▲, period ■, incident ◆). An open end ("over 3,000") runs to the
panel's edge and ends in an arrow. Undated claims stand in a column of their own at the
right, marked "undated". Conflicting pairs are joined by a red dashed line and their
marks ringed in red.

matplotlib is imported inside `plot_groups` with the Agg backend, so importing claimx
never needs a display or matplotlib itself.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..across.timelines import Group, Row
from ..errors import Errors

SUFFIXES = (".png", ".html", ".svg")
CONFLICT = "#c0392b"
PALETTE = ("#2c6fbb", "#e67e22", "#27ae60", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#7f8c8d", "#b7950b", "#1abc9c")
CONFLICT_ROW = ' class="conflict"'  # a timeline table row in conflict: red
MARKERS = {"total": "o", "addition": "^", "period": "s", "incident": "D"}
PANEL_HEIGHT = 3.2  # inches per group
UNDATED_GAP = 0.12  # the undated column sits this share of the date span right of the latest date
MIN_SPAN_DAYS = 10  # a panel spans at least this many days, so one date is not a zero-width axis


def row_label(r: Row, width: int = 48) -> str:
    """"2025-04-30 · South Korean lawmakers", cut to `width` characters."""
    when = r.as_of or "undated"
    text = f"{when} · {r.source or 'no source'}"
    return text if len(text) <= width else text[: width - 1] + "…"


def x_of(r: Row) -> dt.date | None:
    """Where a row stands on the time axis: the middle of its as-of period (None: undated)."""
    p = r.period
    return None if p is None else p[0] + (p[1] - p[0]) / 2


def _limits(g: Group) -> tuple[float, float]:
    """y limits that show every finite end with room for the arrows of open ones."""
    finite = [y for r in g.rows for y in (r.low, r.high, r.value or 0) if 0 < y < math.inf]
    lo, hi = (min(finite), max(finite)) if finite else (1.0, 10.0)
    return lo / 2.5, hi * 2.5


def _x_positions(g: Group) -> tuple[list[float], float, float, float | None]:
    """Each row's x (matplotlib date numbers), the axis' x limits, and the undated column's x (None if all dated)."""
    from matplotlib.dates import date2num

    dated = [date2num(d) for r in g.rows if (d := x_of(r)) is not None]
    first, last = (min(dated), max(dated)) if dated else (date2num(dt.date(2000, 1, 1)),) * 2
    span = max(last - first, MIN_SPAN_DAYS)
    undated = last + span * UNDATED_GAP * 2 if len(dated) < len(g.rows) else None
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
    fig, axes = plt.subplots(len(groups), 1, figsize=(11, PANEL_HEIGHT * len(groups)), squeeze=False)
    for ax, g in zip(axes[:, 0], groups, strict=True):
        _draw_timeline(ax, g)
    fig.tight_layout()
    return fig


def _draw_timeline(ax: Any, g: Group) -> None:
    """The group's claims as bars over time, a colour per source, conflicts joined in red."""
    from matplotlib.lines import Line2D

    ymin, ymax = _limits(g)
    xs, left, right, undated = _x_positions(g)
    sources = list(dict.fromkeys(r.source or "no source" for r in g.rows))
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}
    _draw_rows(ax, g, xs, (left, right), (ymin, ymax), colour)
    for con in g.conflicts:
        a, b = g.rows[con.a], g.rows[con.b]
        ya, yb = (r.value or math.sqrt(max(r.low, ymin) * min(r.high, ymax)) for r in (a, b))
        ax.plot([xs[con.a], xs[con.b]], [ya, yb], "--", color=CONFLICT, linewidth=1.2)
    _draw_axes(ax, g, xs, (left, right), (ymin, ymax), undated)
    handles = [Line2D([], [], color=colour[s], linewidth=4, label=s[:30]) for s in sources]
    handles += [Line2D([], [], marker=m, linestyle="", color="#555555", label=scope) for scope, m in MARKERS.items()]
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)


def _draw_rows(ax: Any, g: Group, xs: list[float], xlim: tuple[float, float], ylim: tuple[float, float],
               colour: dict[str, str]) -> None:
    """Each claim as a bar from its low to its high end and a mark at its value; claims of one date side by side
    (their x in `xs` moved to where they are drawn)."""
    (left, right), (ymin, ymax) = xlim, ylim
    in_conflict = {i for c in g.conflicts for i in (c.a, c.b)}
    same_x: dict[float, int] = {}
    for i, (r, x) in enumerate(zip(g.rows, xs, strict=True)):
        nudge = same_x.get(x, 0)  # claims of one date side by side, not on top of each other
        same_x[x] = nudge + 1
        x = x + nudge * (right - left) * 0.008
        xs[i] = x
        c = colour[r.source or "no source"]
        low = r.low if r.low > 0 else ymin
        high = r.high if not math.isinf(r.high) else ymax
        ax.plot([x, x], [low, high], color=c, linewidth=4, alpha=0.55, solid_capstyle="butt")
        y = r.value if r.value else math.sqrt(low * high)
        ax.plot([x], [y], MARKERS.get(r.scope, "o"), color=c, markersize=7,
                markeredgecolor=CONFLICT if i in in_conflict else "black", markeredgewidth=2 if i in in_conflict else 0.5)
        if math.isinf(r.high):  # an open end: an arrow at the panel's top
            ax.annotate("", xy=(x, ymax), xytext=(x, ymax / 1.8), arrowprops={"arrowstyle": "-|>", "color": c})
        ax.annotate(r.figure, (x, high), xytext=(3, 2), textcoords="offset points", fontsize=7, color="#444444")


def _draw_axes(ax: Any, g: Group, xs: list[float], xlim: tuple[float, float], ylim: tuple[float, float],
               undated: float | None) -> None:
    """A log scale of counts, dates below, the undated claims set apart at the right, and the group's title."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.ticker import FuncFormatter

    (left, right), (ymin, ymax) = xlim, ylim
    ax.set_yscale("log")
    ax.set_ylim(ymin, ymax)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:,.0f}" if y >= 1 else f"{y:g}"))
    ax.set_xlim(left, right)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if undated is not None:
        ax.axvline((undated + max((x for x, r in zip(xs, g.rows, strict=True) if r.period), default=left)) / 2,
                   color="#bbbbbb", linewidth=0.8)
        ax.text(undated, ymin, "undated", ha="center", va="bottom", fontsize=8, color="#666666")
    ax.grid(axis="y", which="both", alpha=0.25)
    n = len(g.conflicts)
    ax.set_title(f"{g.label}  ({len(g.rows)} claims, {n} conflict{'s' if n != 1 else ''})", fontsize=10, loc="left")
    ax.set_ylabel(g.unit or "count", fontsize=8)


def plot_groups(groups: Sequence[Group], path: str | Path) -> Path:
    """Write the groups' timelines to `path`: .png, .svg, or .html (a page with the SVG inline).

    Returns the path written. The file is written to a temporary name and renamed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(Errors.E026.format(path=path))
    import matplotlib.pyplot as plt

    fig = figure_for(list(groups))
    try:
        buf = io.BytesIO() if suffix == ".png" else io.StringIO()
        fig.savefig(buf, format="png" if suffix == ".png" else "svg", dpi=120)
    finally:
        plt.close(fig)
    if suffix == ".png":
        data = buf.getvalue()
    elif suffix == ".svg":
        data = buf.getvalue().encode("utf-8")
    else:
        data = _html_page(list(groups), buf.getvalue()).encode("utf-8")
    # a reader (a browser reloading the page) never sees half a file
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a plot is as readable as any other file
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return path


def _html_page(groups: Sequence[Group], svg: str) -> str:
    """A self-contained page: the timelines inline (no external files), each group's rows, and the conflicts."""
    svg = svg[svg.find("<svg"):]  # drop the XML prolog and doctype: not allowed inside HTML
    items, tables = [], []
    for g in groups:
        for c in g.conflicts:
            items.append(f"<li><b>{html.escape(g.label)}</b>: {html.escape(c.reason)}</li>")
        in_conflict = {i for c in g.conflicts for i in (c.a, c.b)}
        rows = "".join(
            f"<tr{CONFLICT_ROW if i in in_conflict else ''}><td>{html.escape(r.as_of or 'unknown')}</td>"
            f"<td>{html.escape(r.as_of_via or '')}</td><td>{r.scope}</td><td>{html.escape(r.source or '')}</td>"
            f"<td>{html.escape(r.figure)}</td><td>{html.escape(r.doc)}</td></tr>" for i, r in enumerate(g.rows))
        tables.append(f"<h3>{html.escape(g.label)}</h3><table><tr><th>as of</th><th>found by</th><th>scope</th>"
                      f"<th>source</th><th>figure</th><th>doc</th></tr>{rows}</table>")
    conflicts = f"<h2>Conflicts</h2><ul>{''.join(items)}</ul>" if items else "<h2>Conflicts</h2><p>None.</p>"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>claimx compare</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}svg{max-width:100%;height:auto}"
            "li{margin:.3em 0}table{border-collapse:collapse;font-size:.9em}td,th{padding:.2em .6em;text-align:left;"
            "border-bottom:1px solid #ddd}tr.conflict td{color:#c0392b}</style></head><body>"
            f"<h1>claimx compare: {len(groups)} group{'s' if len(groups) != 1 else ''}</h1>\n{svg}\n{conflicts}"
            f"<h2>Timelines</h2>{''.join(tables)}</body></html>\n")
