"""Placement: labels beside their points, never over another label or a mark, never outside the panel."""

from __future__ import annotations

import pytest
from matplotlib.transforms import Bbox

from claimx.out.placement import BESIDE, LABEL_GAP, LABEL_GID, Label, free_spot, place_labels

FRAME = Bbox.from_extents(0, 0, 400, 200)
W, H = 40.0, 10.0


def overlaps(spot, taken):
    x0, y0 = spot
    return any(Bbox.from_extents(x0, y0, x0 + W, y0 + H).overlaps(t) for t in taken)


@pytest.mark.parametrize(("point", "taken", "expected"), [
    ((100, 100), [], (100 + BESIDE, 95)),  # room: right of the point, centred on it
    ((100, 100), [Bbox.from_extents(100 + BESIDE, 95, 180, 105)], None),  # right taken: stacked above or below
    ((390, 100), [], (390 - BESIDE - W, 95)),  # at the panel's right edge: to the left
])
def test_placement_free_spot_nearest_free_place(point, taken, expected):
    spot = free_spot(*point, W, H, FRAME, taken, tag=False)
    assert spot is not None and not overlaps(spot, taken)
    assert FRAME.x0 <= spot[0] and spot[0] + W <= FRAME.x1 and FRAME.y0 <= spot[1] and spot[1] + H <= FRAME.y1
    if expected is not None:
        assert spot == pytest.approx(expected)
    else:  # the same column, one row up or down
        assert spot[0] == pytest.approx(point[0] + BESIDE) and abs(spot[1] + H / 2 - point[1]) <= 2 * H


@pytest.mark.parametrize("gap", [LABEL_GAP - 1, 0])
def test_placement_free_spot_keeps_a_gap_beside_other_labels(gap):
    right_of = Bbox.from_extents(100 + BESIDE + W + gap, 95, 300, 105)  # a label just right of the free spot
    spot = free_spot(100, 100, W, H, FRAME, [right_of], tag=False)
    assert spot != pytest.approx((100 + BESIDE, 95))  # too close: two labels side by side read as one


@pytest.mark.parametrize("tag", [False, True])
def test_placement_free_spot_none_when_full(tag):
    assert free_spot(100, 100, W, H, FRAME, [FRAME], tag=tag) is None


@pytest.mark.parametrize("n", [1, 8, 30])
def test_placement_place_labels_no_overlap(n):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3))
    try:
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        for i in range(n):
            ax.plot([5], [5 + i * 0.05], "o", markersize=7)  # a pile of marks at one place
        renderer = fig.canvas.get_renderer()
        place_labels(ax, [Label(5, 5 + i * 0.05, f"figure {i}", "black") for i in range(n)], renderer)
        boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_gid() == LABEL_GID]
        assert len(boxes) == n
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
        half = 7 * renderer.points_to_pixels(1.0) / 2
        marks = [Bbox.from_extents(x - half, y - half, x + half, y + half) for line in ax.get_lines()
                 if len(line.get_xdata()) == 1 for x, y in [ax.transData.transform((line.get_xdata()[0],
                                                                                   line.get_ydata()[0]))]]
        assert not any(b.overlaps(m) for b in boxes for m in marks)  # no label hides a mark
    finally:
        plt.close(fig)
