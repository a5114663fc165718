"""A group's timeline: each claim as a row with the interval its figure allows and the period
its as-of date names; the conflicts between rows, and the disagreements they make up, each a
set of camps (the rules: `compare`'s docstring and docs/COMPARE.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
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
    subject_via: str  # "counted", "party", "context", "event" or "none" (see the module docstring)
    hedged: bool = False
    as_of: str | None = None  # the date the claim holds (Claim.as_of.date)
    as_of_via: str | None = None  # "own time", "statement", "article"; None when unknown
    scope: str = "total"  # "total", "addition", "period", "incident", "part"
    voice_id: str | None = None  # the body a person speaks for ("South Korea's spy chief" -> south-korea)
    mentions: tuple[str, ...] = ()  # refs of the other mentions of this claim (a headline repeating the body)
    place: str | None = None  # a place narrower than the story, when the claim names one ("in the capital")

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

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.subject_id or self.noun, self.measure, self.unit)

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
COMPARABLE: tuple[Callable[[Row, Row], bool], ...] = (_same_scope, _attributed, _different_sources, _both_dated,
                                                     _disjoint)


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


# --- a group: its rows as claims, its conflicts and disputes ---------------------------------


def make_group(key: tuple[str, str | None, str, str | None], pairs: list[tuple[Row, str]], subject: str,
               subject_id: str | None) -> Group:
    """A group from its key (subject, place, measure, unit) and its rows with their nouns: rows by as-of date,
    mentions merged, conflicts, disputes, a label and what it holds in words."""

    def when(r: Row) -> tuple[Any, ...]:
        p = r.period
        return (p is None, p or (dt.date.min, dt.date.min), r.doc, int(r.ref.rsplit(":", 1)[1]))

    _, place, measure, unit = key
    rows = merge_mentions(sorted((r for r, _ in pairs), key=when))
    conflicts = tuple(Conflict(i, j, why) for i in range(len(rows)) for j in range(i + 1, len(rows))
                      if (why := conflict(rows[i], rows[j], measure)))
    nouns = Counter(n for _, n in pairs if n)
    noun = nouns.most_common(1)[0][0] if nouns else ""
    where = f" in {place}" if place else ""
    unit_words = f" ({unit})" if unit else ""
    label = f"{subject}{where} · {noun or 'counted'} · {measure}{unit_words}"
    return Group(subject=subject, subject_id=subject_id, noun=noun, measure=measure, unit=unit, label=label,
                 rows=tuple(rows), conflicts=conflicts, spread=spread(rows),
                 disagreements=disagreements(rows, conflicts), place=place,
                 holds=holds_words(subject, place, noun, measure, unit, rows))


def holds_words(subject: str, place: str | None, noun: str, measure: str, unit: str | None, rows: list[Row]) -> str:
    """What a group holds, in words a reader checks at a glance: subject, place, measure and scopes."""
    scopes = Counter(r.scope for r in rows)
    scope_words = ", ".join(f"{n} {s}{'s' if n != 1 and not s.endswith('s') else ''}" for s, n in scopes.most_common())
    return (f"subject: {subject}; place: {place or 'the whole story'}; counts: {noun or 'unnamed'} {measure}"
            f"{f' in {unit}' if unit else ''}; scope: {scope_words}")


# --- claims, not mentions; disagreements, not pairs --------------------------------------


def claim_key(r: Row) -> tuple[Any, ...]:
    """What makes two mentions one claim: same article, source, interval, as-of date and scope."""
    return (r.doc, r.voice, r.low, r.high, r.as_of, r.scope)


def merge_mentions(rows: Sequence[Row]) -> list[Row]:
    """One row per claim: later mentions of it (a headline and its body) become the first row's `mentions`."""
    first: dict[tuple[Any, ...], Row] = {}
    extra: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for r in rows:
        key = claim_key(r)
        if key in first:
            extra[key].append(r.ref)
        else:
            first[key] = r
    return [dataclasses.replace(r, mentions=tuple(extra[k])) if extra[k] else r for k, r in first.items()]


def _camps(rows: Sequence[Row], members: Iterable[int]) -> list[list[int]]:
    """Members split into camps: intervals stabbed by one point, points taken at the lowest upper end left
    (the fewest camps); a member the points of two camps stab can hold with either and is on no side."""
    order = sorted(members, key=lambda i: (rows[i].high, rows[i].low))
    points: list[float] = []
    for i in order:
        if not any(rows[i].low <= p <= rows[i].high for p in points):
            points.append(rows[i].high)
    camps: list[list[int]] = [[] for _ in points]
    for i in order:
        stabbed = [k for k, p in enumerate(points) if rows[i].low <= p <= rows[i].high]
        if len(stabbed) == 1:
            camps[stabbed[0]].append(i)
    return [c for c in camps if c]


def _one_side_per_voice(rows: Sequence[Row], camps: list[list[int]]) -> list[list[int]]:
    """Each voice in the camp of its latest claim only: a body revising its figure is never set against itself."""
    latest: dict[str, int] = {}
    for camp in camps:
        for i in camp:
            v = rows[i].voice
            if v not in latest or (rows[i].period or ()) > (rows[latest[v]].period or ()):
                latest[v] = i
    home = {rows[i].voice: k for k, camp in enumerate(camps) for i in camp if latest[rows[i].voice] == i}
    return [[i for i in camp if home[rows[i].voice] == k] for k, camp in enumerate(camps)]


def _components(edges: Iterable[tuple[int, int]]) -> list[set[int]]:
    """The connected sets of rows the conflicts join."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in edges:
        parent[root(a)] = root(b)
    comps: dict[int, set[int]] = defaultdict(set)
    for x in list(parent):
        comps[root(x)].add(x)
    return sorted(comps.values(), key=min)


def _same_time(rows: Sequence[Row], a: int, b: int) -> bool:
    """The two rows hold at the same time (their conflict is a dispute, not a drop)."""
    return gap_days(rows[a], rows[b]) <= SAME_TIME_DAYS


def disagreements(rows: Sequence[Row], conflicts: Iterable[Conflict]) -> tuple[Disagreement, ...]:
    """The disputes the conflicts make, each once, as camps (see docs/COMPARE.md).

    Conflicts at one time join rows into a dispute; its camps are the figures one value can make true
    (a figure true with two camps' values is on no side), each claim kept only when it conflicts
    with another camp's; a voice stands in one camp only, that of its latest claim. A drop (a later
    total below earlier ones) is one dispute per set of rows the drops join: the later, lower totals
    against the earlier ones.
    """
    edges = [(c.a, c.b) for c in conflicts]
    at_once = [(a, b) for a, b in edges if _same_time(rows, a, b)]
    drops = [(a, b) for a, b in edges if not _same_time(rows, a, b)]
    found: list[tuple[list[list[int]], str]] = []
    for comp in _components(at_once):
        camps = _one_side_per_voice(rows, _camps(rows, comp))
        side = {i: k for k, camp in enumerate(camps) for i in camp}
        crossing = {i for a, b in at_once if a in side and b in side and side[a] != side[b] for i in (a, b)}
        camps = [[i for i in camp if i in crossing] for camp in camps]
        camps = [c for c in camps if c]
        if len(camps) >= 2:
            camps.sort(key=lambda camp: (-max(rows[i].low for i in camp), camp))  # the highest claim first
            found.append((camps, "cannot all hold at once"))
    for comp in _components(drops):
        later = sorted({max(a, b, key=lambda i: rows[i].period) for a, b in drops if a in comp})  # type: ignore
        earlier = sorted(comp - set(later))
        if later and earlier:
            found.append(([later, earlier], "a drop between sources: the later total lies below the earlier ones"))
    return tuple(Disagreement(tuple(tuple(sorted(c)) for c in camps), f"{_camps_reason(rows, camps)} — {why}")
                 for camps, why in found)


def _camps_reason(rows: Sequence[Row], camps: list[list[int]]) -> str:
    """'Zelensky: over 3,000 (2024-12-23) against South Korea: around 1,100 (2024-12-16); US official: ...'."""
    def camp_words(camp: list[int]) -> str:
        said: dict[str, list[str]] = defaultdict(list)
        for i in camp:
            r = rows[i]
            said[r.source or f"unattributed ({r.doc})"].append(f"{r.figure} ({r.as_of})")
        return "; ".join(f"{who}: {', '.join(dict.fromkeys(figs))}" for who, figs in said.items())

    return " against ".join(camp_words(c) for c in camps)


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
