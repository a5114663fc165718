"""Plot: comparison groups written as PNG, SVG or a self-contained HTML page."""

from __future__ import annotations

import math

import pytest

from claimx.across.timelines import Conflict, Group, Row
from claimx.out.plot import _x_positions, figure_for, plot_groups, row_label

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def hand_group(n_conflicts: int = 1) -> Group:
    rows = (
        Row(ref="a.txt:10", doc="a.txt", figure="around 300", value=300.0, low=270.0, high=330.0, bound="approx",
            unit=None, counted="North Korean soldiers", time="in January", date="2025-01", source="NIS",
            source_id="nis", subject_via="counted", as_of="2025-01", as_of_via="own time"),
        Row(ref="b.txt:5", doc="b.txt", figure="over 3,000", value=3000.0, low=3000.0, high=math.inf, bound="min",
            unit=None, counted="North Korean soldiers", time=None, date=None, source="Volodymyr Zelensky",
            source_id="volodymyr-zelensky", subject_via="counted", as_of="2025-01-20", as_of_via="article"),
        Row(ref="c.txt:0", doc="c.txt", figure="as many as 1,000", value=1000.0, low=0.0, high=1000.0, bound="max",
            unit=None, counted=None, time=None, date=None, source=None, source_id=None, subject_via="context",
            scope="addition"),
    )
    conflicts = (Conflict(0, 1, "NIS: around 300 (as of 2025-01) and Volodymyr Zelensky: over 3,000 (as of 2025-01-20): "
                          "totals from different sources, at the same time, that cannot both be right"),)[:n_conflicts]
    return Group(subject="North Korea", subject_id="north-korea", noun="troops", measure="killed", unit=None,
                 label="North Korean soldiers · killed", rows=rows, conflicts=conflicts, spread=10.0)


def check(path, kind: str) -> None:
    data = path.read_bytes()
    if kind == "png":
        assert data.startswith(PNG_MAGIC)
        assert len(data) > 1000
    else:
        text = data.decode("utf-8")
        assert "<svg" in text and text.rstrip().endswith(("</svg>", "</html>"))
        if kind == "html":
            assert text.startswith("<!DOCTYPE html>")
            assert "<?xml" not in text  # the SVG prolog is dropped inside HTML
            assert "src=" not in text and "href=\"http" not in text  # self-contained


@pytest.mark.parametrize("kind", ["png", "html", "svg"])
@pytest.mark.parametrize("n_groups", [0, 1, 3])
def test_plot_groups_writes_valid_file(tmp_path, kind, n_groups):
    path = tmp_path / f"out.{kind}"
    written = plot_groups([hand_group(i % 2) for i in range(n_groups)], path)
    assert written == path
    check(path, kind)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize("kind", ["png", "html"])
def test_plot_groups_seeds(tmp_path, seed_groups, kind):
    path = plot_groups(seed_groups, tmp_path / f"seeds.{kind}")
    check(path, kind)
    if kind == "html":
        text = path.read_text(encoding="utf-8")
        assert "North Korea · troops · killed" in text  # the timelines name their groups
        assert "Conflicts" in text and "as of" in text


@pytest.mark.parametrize("name", ["out.pdf", "out", "out.txt"])
def test_plot_groups_rejects_unknown_suffix(tmp_path, name):
    with pytest.raises(ValueError, match=r"\.png, \.html or \.svg"):
        plot_groups([hand_group()], tmp_path / name)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(("index", "expected"), [
    (0, "2025-01 · NIS"),
    (1, "2025-01-20 · Volodymyr Zelensky"),
    (2, "undated · no source"),
])
def test_plot_row_label(index, expected):
    assert row_label(hand_group().rows[index]) == expected


def test_plot_timeline_places_rows_by_as_of_date_and_undated_last():
    xs, left, right, undated = _x_positions(hand_group())
    assert left < xs[0] < xs[1] < right  # January's month before 20 January
    assert xs[2] == undated and undated > xs[1]  # the undated claim stands apart, to the right


@pytest.mark.parametrize("n_conflicts", [0, 1])
def test_plot_timeline_colours_each_source_and_marks_conflicts(n_conflicts):
    import matplotlib.pyplot as plt

    fig = figure_for([hand_group(n_conflicts)])
    try:
        ax = fig.axes[0]
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert {"NIS", "Volodymyr Zelensky", "no source"} <= set(legend)
        dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
        assert len(dashed) == n_conflicts  # a conflicting pair is joined by a red dashed line
    finally:
        plt.close(fig)


def test_plot_html_lists_rows_and_reasons(tmp_path):
    text = plot_groups([hand_group()], tmp_path / "g.html").read_text(encoding="utf-8")
    assert "cannot both be right" in text and "own time" in text and "addition" in text
