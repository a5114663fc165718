"""Scales: the axes of a timeline panel, read at a glance.

Dates are ticked in days, months or years, as the panel's span asks (never hours); a count axis
is linear, with whole-number ticks for whole counts, and logarithmic only when the figures span
more than two orders of magnitude. Figures are written in full ("1,000"), never "10^3".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

LOG_SPAN = 100.0  # a log count axis only when the largest figure is over this many times the smallest
DAY_TICKS_MAX_DAYS = 92  # up to about three months, ticks are days; beyond, months
MONTH_TICKS_MAX_DAYS = 4 * 365  # beyond about four years, ticks are years
MAX_TICKS = 8  # no more date ticks than this on a panel
DAYS_PER = {"day": 1.0, "month": 30.4, "year": 365.25}
TICK_STEPS = {"day": (1, 2, 3, 7, 14), "month": (1, 2, 3, 6), "year": (1, 2, 5, 10)}
TICK_FORMATS = {"day": "%d %b", "month": "%b %Y", "year": "%Y"}
COUNT_STEPS = (1, 2, 2.5, 5, 10)  # linear ticks at 0, 250, 500 ... or 0, 1, 2 ...: round figures


def count_scale(lo: float, hi: float) -> str:
    """"log" when `hi` is over LOG_SPAN times `lo` (both positive), else "linear" (a zero or a negative has no log)."""
    return "log" if lo > 0 and hi / lo > LOG_SPAN else "linear"


def date_ticks(first: float, last: float) -> str:
    """The tick kind for a panel whose x axis runs from `first` to `last` (matplotlib date numbers)."""
    span = last - first
    if span <= DAY_TICKS_MAX_DAYS:
        return "day"
    return "month" if span <= MONTH_TICKS_MAX_DAYS else "year"


def tick_step(kind: str, span_days: float) -> int:
    """The smallest step of `kind` that keeps a panel to MAX_TICKS ticks."""
    steps = TICK_STEPS[kind]
    return next((s for s in steps if span_days / (s * DAYS_PER[kind]) <= MAX_TICKS), steps[-1])


def date_axis(ax: Any, left: float, right: float, last_dated: float) -> str:
    """Set the x axis from `left` to `right` with date ticks for its span; return their kind. Day ticks carry no
    year, so the axis is labelled with the years from `left` to `last_dated` ("2025", "2024–2025")."""
    from matplotlib.dates import MO, DateFormatter, DayLocator, MonthLocator, WeekdayLocator, YearLocator, num2date

    ax.set_xlim(left, right)
    kind = date_ticks(left, right)
    step = tick_step(kind, right - left)
    if kind == "day":
        locator = DayLocator(interval=step) if step < 7 else WeekdayLocator(MO, interval=step // 7)
        years = sorted({num2date(left).year, num2date(last_dated).year})
        ax.set_xlabel("–".join(str(y) for y in years), fontsize=8, loc="left")
    else:
        locator = MonthLocator(interval=step) if kind == "month" else YearLocator(step)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(DateFormatter(TICK_FORMATS[kind]))
    return kind


def count_axis(ax: Any, scale: str, ylim: tuple[float, float], ends: Iterable[float]) -> None:
    """Set the y axis: `scale`, `ylim`, figures written in full; linear ticks whole numbers when every finite
    end in `ends` is whole."""
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

    ax.set_yscale(scale)
    ax.set_ylim(*ylim)
    if scale == "log":
        ax.yaxis.set_major_locator(LogLocator(base=10))
        ax.yaxis.set_minor_formatter(NullFormatter())
    else:
        whole = all(float(y).is_integer() for y in ends if math.isfinite(y))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=list(COUNT_STEPS), integer=whole, min_n_ticks=2))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:,.0f}" if y >= 1 or y == 0 else f"{y:g}"))
