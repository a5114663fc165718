"""A group's timeline: each claim as a row with the interval its figure allows and the period
its as-of date names, and the conflicts between rows (the rules: `compare`'s docstring and
docs/COMPARE.md); `disputes` makes a group of them, its mentions merged and its conflicts
gathered into disputes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Claim, plain_number
from ..read.names import norm

APPROX = 0.10
VAGUE_FACTOR = 10.0
SAME_TIME_DAYS = 7  # as-of dates this close are the same time: a briefing a week later reports the same state
CUMULATIVE = frozenset({"killed", "injured", "casualties", "captured", "missing"})
SHARE_UNIT = "%"  # a share of the dead among casualties can fall as the total grows: no cumulative rule
INF = math.inf
VIA_STORY = "story"  # a row's subject_via when its claim names no party: it counts for its article's story
VIA_EVENT = "event"  # ... when its figure is about another event its sentence names ("a World War"): never the story's


@dataclass(frozen=True)
class Row:
    """One claim in a group: when it holds, who says it, what it counts and the interval its figure allows.

    `high` is `inf` for an open upper end (`None` in `to_dict()`, since JSON has no inf).
    """

    ref: str
    doc: str
    figure: str
    value: float | None
    low: float
    high: float
    bound: str
    unit: str | None
    counted: str | None
    time: str | None  # the time phrase as written
    date: str | None  # the time phrase resolved: ISO date, month, year or start/end period
    source: str | None  # the actor's canonical name, else the source as written
    source_id: str | None
    subject_via: str  # "counted", "party", "context", "event", "story" or "none" (see compare's docstring)
    hedged: bool = False
    as_of: str | None = None  # the date the claim holds (Claim.as_of.date)
    as_of_via: str | None = None  # "own time", "statement", "article"; None when unknown
    scope: str = "total"  # "total", "addition", "period", "incident", "part"
    voice_id: str | None = None  # the body a person speaks for ("South Korea's spy chief" -> south-korea)
    mentions: tuple[str, ...] = ()  # refs of the other mentions of this claim (a headline repeating the body)
    place: str | None = None  # a place narrower than the story, when the claim names one ("in the capital")
    projected: bool = False  # a forecast, not a count ("the toll could rise to 1,000"): shown, never flagged

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day of the as-of date."""
        return parse_period(self.as_of)

    @property
    def voice(self) -> str:
        """Who speaks: the source's actor id or name, else the article itself."""
        return self.voice_id or self.source_id or (norm(self.source) if self.source else f"doc:{self.doc}")

    @property
    def attributed(self) -> bool:
        """The text names who gives the figure."""
        return bool(self.source or self.source_id)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["value"] = plain_number(self.value)
        d["low"] = plain_number(self.low)
        d["high"] = None if math.isinf(self.high) else plain_number(self.high)
        d["mentions"] = list(self.mentions)
        return d


@dataclass(frozen=True)
class Conflict:
    """Two rows (indices into `Group.rows`) whose figures cannot both hold, and why, in words."""

    a: int
    b: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Disagreement:
    """One dispute: camps of rows (indices into `Group.rows`), each camp's figures can all hold at once,
    no figure of one camp can hold with another camp's; `reason` names the camps in words."""

    camps: tuple[tuple[int, ...], ...]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"camps": [list(c) for c in self.camps], "reason": self.reason}


@dataclass(frozen=True)
class Group:
    """Claims about one measure of one subject: a timeline sorted by as-of date, with its conflicts."""

    subject: str  # display name: the actor's name, the event, or the noun class
    subject_id: str | None  # the actor id; None when the subject is a noun class or an event
    noun: str  # the counted noun class ("troops"), or "" when nothing is counted
    measure: str
    unit: str | None
    label: str  # "North Korean soldiers · killed"
    rows: tuple[Row, ...]
    conflicts: tuple[Conflict, ...] = ()
    spread: float | None = None  # largest figure / smallest figure
    disagreements: tuple[Disagreement, ...] = ()
    place: str | None = None  # the narrower place the group's claims name, if any
    holds: str = ""  # what the group holds, in words: "North Korea · place: Kursk · killed · totals"
    key: tuple[str, str | None, str, str | None] = ("", None, "", None)  # compare's grouping key: subject, place, measure, unit

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "subject": self.subject, "subject_id": self.subject_id, "noun": self.noun,
                "measure": self.measure, "unit": self.unit, "spread": self.spread,
                "place": self.place, "holds": self.holds, "rows": [r.to_dict() for r in self.rows],
                "conflicts": [c.to_dict() for c in self.conflicts],
                "disagreements": [d.to_dict() for d in self.disagreements]}


# --- intervals and times ----------------------------------------------------------------


def interval(claim: Claim) -> tuple[float, float]:
    """The interval [low, high] a figure allows (see the module docstring for the rules)."""
    fig = claim.figure
    if fig.bound == "range" or fig.value is None:
        low = fig.low if fig.low is not None else 0.0
        high = fig.high if fig.high is not None else INF
        return float(low), float(high)
    v = float(fig.value)
    if fig.bound == "approx":  # rounded: 1.1 * 12000 is 13200.000000000002
        return round(v * (1 - APPROX), 6), round(v * (1 + APPROX), 6)
    if fig.bound == "min":
        return v, INF
    if fig.bound == "max":
        return 0.0, v
    if fig.bound == "vague":  # the upper end is open: "thousands" is fewer than 10,000
        return v, v * VAGUE_FACTOR
    return v, v


def parse_period(date: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO date, month, year or "start/end" period covers."""
    if not date:
        return None
    if "/" in date:
        a, b = (parse_period(p) for p in date.split("/", 1))
        return (a[0], b[1]) if a and b else None
    try:
        if re.fullmatch(r"\d{4}", date):
            return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", date):
            y, m = map(int, date.split("-"))
            first = dt.date(y, m, 1)
            return first, (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1))
        d = dt.date.fromisoformat(date[:10])
        return d, d
    except ValueError:
        return None


def _same_scope(a: Row, b: Row) -> bool:
    """Totals with totals, a period with the same period: a week's dead say nothing against the war's."""
    return (a.scope == b.scope == "total") or (a.scope == b.scope == "period" and a.as_of == b.as_of)


def _attributed(a: Row, b: Row) -> bool:
    """A vague magnitude nobody is named for ("thousands of troops") is the writer's colour: shown, not flagged."""
    return all(r.attributed or r.bound != "vague" for r in (a, b))


def _counted(a: Row, b: Row) -> bool:
    """A forecast ("could rise to 1,000") is no count: shown, never set against one."""
    return not (a.projected or b.projected)


def _different_sources(a: Row, b: Row) -> bool:
    """One source revising its own count is an update, not a disagreement."""
    return a.voice != b.voice


def _both_dated(a: Row, b: Row) -> bool:
    """Undated claims are shown, not flagged: without a date a grown total looks like a disagreement."""
    return a.period is not None and b.period is not None


def _disjoint(a: Row, b: Row) -> bool:
    """The two intervals cannot both hold (a vague figure's upper end is open: 'thousands' < 10,000)."""
    return _below(a, b) or _below(b, a)


def _below(a: Row, b: Row) -> bool:
    """All that a allows lies below all that b allows."""
    return a.high < b.low or (a.high == b.low and a.bound == "vague")


# The rules two rows must meet before their figures are weighed at all, each with its why.
COMPARABLE: tuple[Callable[[Row, Row], bool], ...] = (_same_scope, _attributed, _counted, _different_sources,
                                                     _both_dated, _disjoint)


def gap_days(a: Row, b: Row) -> int:
    """Days between the two as-of dates (0 when they overlap, as a day inside a month does)."""
    pa, pb = a.period, b.period
    assert pa is not None and pb is not None
    return max(0, (pb[0] - pa[1]).days, (pa[0] - pb[1]).days)


def conflict(a: Row, b: Row, measure: str) -> str | None:
    """Why rows a and b cannot both hold, in words a reader understands; None when they can."""
    if not all(rule(a, b) for rule in COMPARABLE):
        return None
    what = "totals" if a.scope == "total" else f"counts for the same period ({a.as_of})"
    if gap_days(a, b) <= SAME_TIME_DAYS:
        return (f"{_says(a)} and {_says(b)}: {what} from different sources, {_days_apart(a, b)}, "
                "that cannot both be right")
    earlier, later = sorted((a, b), key=lambda r: r.period)  # type: ignore[arg-type, return-value]
    if measure in CUMULATIVE and a.unit != SHARE_UNIT and _below(later, earlier):  # a share of a total may fall
        return (f"{_says(later)}, below the earlier {_says(earlier)}: a drop between two sources' totals of the "
                f"{measure}, which cannot fall")
    return None


def _says(r: Row) -> str:
    """'White House: 10,000 (as of 2024-10-28)'."""
    return f"{r.source or 'unattributed (' + r.doc + ')'}: {r.figure} (as of {r.as_of})"


def _days_apart(a: Row, b: Row) -> str:
    days = gap_days(a, b)
    return "at the same time" if days == 0 else f"{days} day{'s' if days != 1 else ''} apart"


def spread(rows: Iterable[Row]) -> float | None:
    """Largest figure over smallest (range ends count as figures); None below two positive figures."""
    points = [p for r in rows for p in ((r.value,) if r.value is not None else (r.low, r.high))
              if p is not None and 0 < p < INF]
    if len(points) < 2:
        return None
    return round(max(points) / min(points), 2)


def format_interval(low: float, high: float) -> str:
    """[540, 660], [3,000, ∞), [0, 1,000]."""
    def f(x: float) -> str:
        x = plain_number(x)
        return f"{x:,}" if isinstance(x, int) else f"{x:,.2f}".rstrip("0").rstrip(".")

    return f"[{f(low)}, ∞)" if math.isinf(high) else f"[{f(low)}, {f(high)}]"
