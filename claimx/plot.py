"""Plot: each comparison group as a chart where disagreement shows at a glance.

One panel per group; one line per claim, earliest at the top, labelled with its date
and source. A claim is drawn as the interval its figure allows on a log scale (figures
a hundredfold apart share a panel), with a dot at the stated figure. An open end
("over 3,000", "as many as 1,000") runs to the panel's edge and ends in an arrow.
Claims in conflict are red, additions grey.

matplotlib is imported inside `plot_groups` with the Agg backend, so importing claimx
never needs a display or matplotlib itself.
"""

from __future__ import annotations

import html
import io
import math
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .compare import Group, Row
from .errors import Errors

SUFFIXES = (".png", ".html", ".svg")
CONFLICT, AGREE, ADDITION = "#c0392b", "#2c6fbb", "#9a9a9a"
ROW_HEIGHT = 0.32  # inches per claim
PANEL_EXTRA = 0.9  # inches per panel for its title and axis


def row_label(r: Row, width: int = 48) -> str:
    """"2025-04-30 · South Korean lawmakers", cut to `width` characters."""
    when = r.date or (r.time if r.time else "undated")
    text = f"{when} · {r.source or 'no source'}"
    return text if len(text) <= width else text[: width - 1] + "…"


def _limits(groups: Sequence[Group]) -> list[tuple[float, float]]:
    """Per panel, x limits that show every finite end with room for the arrows of open ones."""
    out = []
    for g in groups:
        finite = [x for r in g.rows for x in (r.low, r.high, r.value or 0) if 0 < x < math.inf]
        lo, hi = (min(finite), max(finite)) if finite else (1.0, 10.0)
        out.append((lo / 2.5, hi * 2.5))
    return out


def figure_for(groups: Sequence[Group]) -> Any:  # a matplotlib Figure; matplotlib is imported late
    """A matplotlib Figure with one panel per group (an empty note when there are none)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if not groups:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "no groups of comparable claims", ha="center", va="center")
        return fig
    heights = [len(g.rows) * ROW_HEIGHT + PANEL_EXTRA for g in groups]
    fig, axes = plt.subplots(len(groups), 1, figsize=(10, sum(heights)), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    for ax, g, (xmin, xmax) in zip(axes[:, 0], groups, _limits(groups), strict=True):
        _draw_rows(ax, g, xmin, xmax)
        _style_panel(ax, g, xmin, xmax)
    fig.tight_layout()
    return fig


def _draw_rows(ax: Any, g: Group, xmin: float, xmax: float) -> None:
    """One interval a row: a bar from low to high, a dot at the value, arrows where it is open."""
    in_conflict = {i for c in g.conflicts for i in (c.a, c.b)}
    for y, r in enumerate(g.rows):
        color = CONFLICT if y in in_conflict else ADDITION if r.increment else AGREE
        low = r.low if r.low > 0 else xmin
        high = r.high if not math.isinf(r.high) else xmax
        ax.plot([low, high], [y, y], color=color, linewidth=5, solid_capstyle="butt", alpha=0.8)
        if r.value is not None and r.value > 0:
            ax.plot([r.value], [y], "o", color="black", markersize=4)
        if math.isinf(r.high):
            ax.plot([xmax], [y], ">", color=color, markersize=8, clip_on=False)
        if r.low <= 0:
            ax.plot([xmin], [y], "<", color=color, markersize=8, clip_on=False)
        ax.annotate(r.figure, (high, y), xytext=(4, 3), textcoords="offset points", fontsize=7,
                    color="#444444", annotation_clip=False)


def _style_panel(ax: Any, g: Group, xmin: float, xmax: float) -> None:
    """A log axis labelled with plain numbers, rows earliest on top, the group's name and conflicts."""
    from matplotlib.ticker import FuncFormatter, NullFormatter

    ax.set_xscale("log")
    ax.set_xlim(xmin, xmax)
    numbers = FuncFormatter(lambda x, _: f"{x:,.0f}" if x >= 1 else f"{x:g}")
    ax.xaxis.set_major_formatter(numbers)
    # within one decade there may be no major tick at all: label the minor ones instead
    ax.xaxis.set_minor_formatter(numbers if xmax / xmin < 30 else NullFormatter())
    ax.set_ylim(len(g.rows) - 0.5, -0.5)  # earliest at the top, as in the table
    ax.set_yticks(range(len(g.rows)))
    ax.set_yticklabels([row_label(r) for r in g.rows], fontsize=8)
    ax.grid(axis="x", which="both", alpha=0.25)
    n = len(g.conflicts)
    spread = f", spread ×{g.spread:,.2f}".rstrip("0").rstrip(".") if g.spread else ""
    ax.set_title(f"{g.label}  ({n} conflict{'s' if n != 1 else ''}{spread})", fontsize=10, loc="left")
    ax.set_xlabel(g.unit or "count", fontsize=8)


def plot_groups(groups: Sequence[Group], path: str | Path) -> Path:
    """Write the groups' chart to `path`: .png, .svg, or .html (a page with the SVG inline).

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
    """A self-contained page: the chart inline (no external files) above a list of the conflicts."""
    svg = svg[svg.find("<svg"):]  # drop the XML prolog and doctype: not allowed inside HTML
    items = []
    for g in groups:
        for c in g.conflicts:
            a, b = g.rows[c.a], g.rows[c.b]
            items.append(f"<li><b>{html.escape(g.label)}</b>: {html.escape(a.figure)} ({html.escape(row_label(a))}) "
                         f"vs {html.escape(b.figure)} ({html.escape(row_label(b))}): {html.escape(c.reason)}</li>")
    conflicts = f"<h2>Conflicts</h2><ul>{''.join(items)}</ul>" if items else "<p>No conflicts.</p>"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>claimx compare</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}svg{max-width:100%;height:auto}"
            "li{margin:.3em 0}</style></head><body>"
            f"<h1>claimx compare: {len(groups)} group{'s' if len(groups) != 1 else ''}</h1>\n{svg}\n{conflicts}"
            "</body></html>\n")
