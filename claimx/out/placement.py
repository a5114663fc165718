"""Placement: labels beside the points of a drawn matplotlib Axes, none overlapping another or a mark.

Each label goes right of its point if there is room, else stacked above or below it, else to its
left, else a column further out; one moved off its point's line is joined to it by a thin line.
Placement works in pixels, so it runs once the figure's layout is fixed (after `tight_layout`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LABEL_PAD = 5.0  # pixels between a mark and its label, and between stacked labels
LABEL_GAP = 5.0  # pixels kept free on each side of a label, so two side by side do not read as one
MARK_SIZE = 7  # points: the mark a label names
MARK_HALF = MARK_SIZE * 100 / 72 / 2 + 1  # pixels from a mark's centre to its edge at the figure's 100 dpi
BESIDE = LABEL_PAD + MARK_HALF + LABEL_GAP  # pixels from a mark's centre to its label's left edge, when there is room
LABEL_GID, TAG_GID = "claim-label", "camp-tag"  # a figure's label; a band's tag (how tests and SVG readers find them)


@dataclass
class Label:
    """A text to write beside a point, once the panel's layout is fixed."""

    x: float
    y: float
    text: str
    colour: str
    gid: str = LABEL_GID


def place_labels(ax: Any, labels: Sequence[Label], renderer: Any) -> None:
    """Write each label beside its point where it overlaps no label, mark or tag already placed and stays inside
    the panel: right of the point, else stacked above or below, else to the left, else a column further out.
    A label moved off its point's line is joined to it by a thin line. A label with no room is left out."""
    from matplotlib.transforms import Bbox

    frame = ax.get_window_extent(renderer)
    frame = Bbox.from_extents(frame.x0 + 2, frame.y0 + 2, frame.x1 - 2, frame.y1 - 2)
    to_px, to_data = ax.transData, ax.transData.inverted()
    taken: list[Any] = []
    for line in ax.get_lines():  # the marks: a label never hides one
        if line.get_marker() not in (None, "None", "") and len(line.get_xdata()) == 1:
            px, py = to_px.transform((line.get_xdata()[0], line.get_ydata()[0]))
            half = line.get_markersize() * renderer.points_to_pixels(1.0) / 2 + 1
            taken.append(Bbox.from_extents(px - half, py - half, px + half, py + half))
    taken += [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    for lab in sorted(labels, key=lambda a: (a.gid != TAG_GID, a.x, a.y)):
        px, py = to_px.transform((lab.x, lab.y))
        text = ax.text(0, 0, lab.text, fontsize=7, color=lab.colour, zorder=4, gid=lab.gid, ha="left", va="bottom",
                       fontweight="bold" if lab.gid == TAG_GID else "normal")
        box = text.get_window_extent(renderer)
        w, h = box.width, box.height
        spot = free_spot(px, py, w, h, frame, taken, lab.gid == TAG_GID)
        if spot is None:
            text.remove()
            continue
        x0, y0 = spot
        text.set_position(to_data.transform((x0, y0)))
        taken.append(Bbox.from_extents(x0, y0, x0 + w, y0 + h))
        if lab.gid == LABEL_GID and (abs(y0 + h / 2 - py) > h or x0 > px + BESIDE + 1 or x0 + w < px - BESIDE - 1):
            ex = x0 if x0 > px else x0 + w  # the near edge of the label
            (lx, ly), (tx, ty) = to_data.transform([(px, py), (ex, y0 + h / 2)])
            ax.plot([lx, tx], [ly, ty], color="#999999", linewidth=0.5, zorder=1.5)


def free_spot(px: float, py: float, w: float, h: float, frame: Any, taken: list[Any],
               tag: bool) -> tuple[float, float] | None:
    """The lower-left corner, in pixels, of the nearest place for a w×h box beside the point (px, py) that stays
    inside `frame` and overlaps nothing in `taken` (nor comes within LABEL_GAP of it side by side); None when
    there is no such place. A band's tag (its point the band's top-left corner) sits just above the band first."""
    from matplotlib.transforms import Bbox

    step = h + LABEL_PAD / 2
    rows = range(-int(frame.height // step) - 1, int(frame.height // step) + 2)
    columns = [1.0 if tag else BESIDE, -BESIDE - w] + [BESIDE + c * (w + LABEL_PAD) for c in (1, 2, 3)]
    first_y = py + 1 if tag else py - h / 2  # a tag stands on the band's top edge; a label is centred on its mark
    candidates = sorted(((abs(j) + (0 if c == 0 else 2 + c), dx, first_y + j * step)
                         for c, dx in enumerate(columns) for j in rows), key=lambda t: t[0])
    for _, dx, y0 in candidates:
        x0 = px + dx
        if x0 < frame.x0 or y0 < frame.y0 or x0 + w > frame.x1 or y0 + h > frame.y1:
            continue
        box = Bbox.from_extents(x0 - LABEL_GAP, y0, x0 + w + LABEL_GAP, y0 + h)
        if not any(box.overlaps(t) for t in taken):
            return x0, y0
    return None
