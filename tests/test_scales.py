"""Scales: date ticks by span, count axes linear unless the figures lie orders of magnitude apart."""

from __future__ import annotations

import re

import pytest

from claimx.out.scales import LOG_SPAN, MAX_TICKS, TICK_FORMATS, count_axis, count_scale, date_axis, date_ticks, tick_step


@pytest.mark.parametrize(("first", "last", "kind"), [
    ("2025-01-01", "2025-01-03", "day"),  # a three-day story
    ("2025-01-01", "2025-03-15", "day"),  # ten weeks: still days
    ("2024-10-01", "2025-05-01", "month"),  # a winter's war
    ("2015-01-01", "2025-01-01", "year"),  # a decade of floods
])
def test_scales_date_tick_kind_follows_the_span(first, last, kind):
    from matplotlib.dates import datestr2num

    assert date_ticks(datestr2num(first), datestr2num(last)) == kind


@pytest.mark.parametrize(("kind", "span", "step"), [
    ("day", 5, 1), ("day", 20, 3), ("day", 50, 7), ("day", 90, 14), ("month", 200, 1), ("month", 500, 3),
    ("year", 3650, 2),
])
def test_scales_tick_step_keeps_ticks_few(kind, span, step):
    assert tick_step(kind, span) == step


@pytest.mark.parametrize(("lo", "hi", "scale"), [
    (2, 3, "linear"), (50, 3000, "linear"), (1, LOG_SPAN, "linear"), (3, 3000, "log"), (1, LOG_SPAN * 1.01, "log"),
    (0, 3000, "linear"), (-5, 3000, "linear"),  # a zero or a negative count has no log (and no division by zero)
])
def test_scales_count_scale_is_log_only_past_two_orders(lo, hi, scale):
    assert count_scale(lo, hi) == scale


@pytest.fixture
def ax():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots()
    yield axes
    plt.close(fig)


@pytest.mark.parametrize(("first", "last", "pattern", "label"), [
    ("2024-12-28", "2025-01-04", r"\d\d [A-Z][a-z]{2}", "2024–2025"),  # days across new year: the years below
    ("2025-06-01", "2025-06-04", r"\d\d [A-Z][a-z]{2}", "2025"),
    ("2024-01-10", "2024-07-01", r"[A-Z][a-z]{2} \d{4}", ""),
])
def test_scales_date_axis_writes_days_or_months(ax, first, last, pattern, label):
    from matplotlib.dates import datestr2num

    kind = date_axis(ax, datestr2num(first), datestr2num(last), datestr2num(last))
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ax.xaxis.get_major_formatter().fmt == TICK_FORMATS[kind]
    assert 2 <= len(ticks) <= MAX_TICKS + 1 and all(re.fullmatch(pattern, t) for t in ticks), ticks
    assert ax.get_xlabel() == label


@pytest.mark.parametrize(("scale", "ylim", "ends", "expected"), [
    ("linear", (0, 3), [2, 2, 3], ["0", "1", "2", "3"]),  # two captured: no 4x10^0
    ("log", (1, 50_000), [3, 3000, 12_000], ["1", "10", "100", "1,000", "10,000"]),
])
def test_scales_count_axis_writes_figures_in_full(ax, scale, ylim, ends, expected):
    count_axis(ax, scale, ylim, ends)
    ax.figure.canvas.draw()
    low, high = ax.get_ylim()
    shown = [t.get_text() for v, t in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True) if low <= v <= high]
    assert ax.get_yscale() == scale
    assert shown == expected
