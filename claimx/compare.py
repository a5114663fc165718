"""Compare: the same measure of the same subject, as different sources give it.

Claims are grouped by (subject, measure, unit). The subject is the actor the counted
phrase names ("North Korean soldiers" -> North Korea); when the phrase names none, it
is the normalised head noun class ("soldiers", "troops", "forces" -> "troops").
Articles often drop the subject once it is known ("with over 300 killed", "4,000 of
these troops", "4,000 casualties"), so a claim that counts nothing, counts the measure
itself or counts bare troops takes the subject of the nearest earlier claim in the
same article that named one (`Row.subject_via == "context"`).

Each figure becomes an interval of what it allows:

    exact   [v, v]
    approx  [v - 10%, v + 10%]   reporters round "about 600" from anything near it;
                                 10% keeps "about 600" and "about 1,000" apart
    min     [v, inf)             "over 3,000"
    max     [0, v]               "as many as 1,000"
    range   [low, high]
    vague   [v, 10 v]            "thousands" is at least 1,000 and fewer than 10,000

Two figures conflict when their intervals cannot both hold:

* at the same or an unknown time, when the intervals are disjoint. An unknown time
  is treated as the same time: the flag then says "check", not "wrong";
* at two known, non-overlapping times, for cumulative measures (killed, injured,
  casualties, captured, missing) only when the later figure's upper end lies below the
  earlier one's lower end: totals only grow, so a later larger total agrees with an
  earlier smaller one. A stock (deployed) may rise or fall between two times, so it
  never conflicts across times.

A figure that is an addition ("another 10,000", "newly deployed") is shown but not
checked against totals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .actors import ALIASES, ActorIndex, claim_ref, norm
from .data import load_lexicon
from .model import Claim, plain_number

APPROX = 0.10
VAGUE_FACTOR = 10.0
CUMULATIVE = frozenset({"killed", "injured", "casualties", "captured", "missing"})
# Noun classes that refer back to a subject named earlier ("these troops", "casualties").
ANAPHORIC = frozenset({"troops", "casualties"})
INF = math.inf


@dataclass(frozen=True)
class Row:
    """One claim in a group: when, who says it, and the interval its figure allows.

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
    time: str | None  # as written
    date: str | None  # ISO date, month, year or start/end period
    source: str | None  # the actor's canonical name, else the source as written
    source_id: str | None
    subject_via: str  # "counted": the counted phrase names it; "context": an earlier claim did; "none"
    hedged: bool = False
    increment: bool = False

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        return parse_period(self.date)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["value"] = plain_number(self.value)
        d["low"] = plain_number(self.low)
        d["high"] = None if math.isinf(self.high) else plain_number(self.high)
        return d


@dataclass(frozen=True)
class Conflict:
    """Two rows (indices into `Group.rows`) whose intervals cannot both hold, and why."""

    a: int
    b: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Group:
    """Claims about one measure of one subject, sorted by time, with their conflicts."""

    subject: str  # display name: the actor's name, or the noun class
    subject_id: str | None  # the actor id; None when the subject is a noun class
    noun: str  # the counted noun class ("troops"), or "" when nothing is counted
    measure: str
    unit: str | None
    label: str  # "North Korean soldiers · killed"
    rows: tuple[Row, ...]
    conflicts: tuple[Conflict, ...] = ()
    spread: float | None = None  # largest figure / smallest figure

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.subject_id or self.noun, self.measure, self.unit)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "subject": self.subject, "subject_id": self.subject_id, "noun": self.noun,
                "measure": self.measure, "unit": self.unit, "spread": self.spread,
                "rows": [r.to_dict() for r in self.rows], "conflicts": [c.to_dict() for c in self.conflicts]}


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
    if fig.bound == "vague":
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


def conflict(a: Row, b: Row, measure: str) -> str | None:
    """Why rows a and b cannot both hold, or None when they can."""
    if a.increment or b.increment or not (a.high < b.low or b.high < a.low):
        return None
    pa, pb = a.period, b.period
    if pa and pb and (pa[1] < pb[0] or pb[1] < pa[0]):
        earlier, later = (a, b) if pa[1] < pb[0] else (b, a)
        # totals only grow: a later total may be larger, never smaller
        if measure in CUMULATIVE and later.high < earlier.low:
            return "a later total is below an earlier one"
        return None
    if pa and pb:
        return "disjoint at the same time"
    return "disjoint; time unknown, read as the same time"


def spread(rows: Iterable[Row]) -> float | None:
    """Largest figure over smallest (range ends count as figures); None below two positive figures."""
    points = [p for r in rows for p in ((r.value,) if r.value is not None else (r.low, r.high))
              if p is not None and 0 < p < INF]
    if len(points) < 2:
        return None
    return round(max(points) / min(points), 2)


# --- grouping ---------------------------------------------------------------------------


@dataclass
class _Lexicon:
    nouns: dict[str, str]
    increments: list[re.Pattern[str]]

    @classmethod
    def load(cls, lexicons: str | Path | None) -> _Lexicon:
        data = load_lexicon(ALIASES, lexicons)
        nouns = {norm(n): c for c, members in data.get("nouns", {}).items() for n in members}
        incs = [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.I) for w in data.get("increment_words", [])]
        return cls(nouns, incs)


def noun_class(counted: str | None, actors: ActorIndex | None, lex: _Lexicon) -> str | None:
    """The class of what a phrase counts: "North Korean special forces" -> "troops".

    None when nothing is counted; "people" when the phrase is only an actor ("North
    Koreans"); else the longest known ending, else the last word.
    """
    if not counted:
        return None
    words = norm(counted).split()
    for i in range(len(words)):
        if " ".join(words[i:]) in lex.nouns:
            return lex.nouns[" ".join(words[i:])]
    if actors is not None:
        aid = actors.mentioned_in(counted)
        if aid and actors.resolve(counted) == aid:
            return "people"
    return words[-1] if words else None


def _is_increment(claim: Claim, lex: _Lexicon) -> bool:
    """ "another 10,000", "1,000-3,000 additional soldiers", "troops were newly deployed"."""
    sent = claim.sentence
    lo = max(claim.figure.start - 16, sent.start)
    hi = min((claim.counted.end if claim.counted else claim.figure.end) + 30, sent.end)
    window = sent.text[lo - sent.start:claim.figure.start - sent.start] + " " + \
        sent.text[claim.figure.end - sent.start:hi - sent.start]
    return any(p.search(window) for p in lex.increments)


def compare(claims: Iterable[Claim], actors: ActorIndex | None = None, *, min_claims: int = 2,
            lexicons: str | Path | None = None) -> list[Group]:
    """Groups of claims about the same measure of the same subject, largest groups first.

    Args:
        claims: claims of one or more articles, in text order within each article.
        actors: the articles' ActorIndex; claims not yet linked are linked with it.
        min_claims: leave out groups with fewer claims (1 keeps every measured claim).
        lexicons: a folder whose aliases.json is merged over the packaged one.

    Claims without a measure are left out: there is nothing to compare them on.
    """
    lex = _Lexicon.load(lexicons)
    claims = list(claims)
    if actors is not None:
        claims = actors.link(claims)  # the index of all the articles: ids agree across documents
    buckets: dict[tuple[str, str, str | None], list[tuple[Row, str]]] = defaultdict(list)
    subjects: dict[str, str] = {}  # subject key -> display name
    actor_ids: set[str] = set()  # subject keys that are actor ids, not noun classes
    for c, aid, noun, via in _subjects(claims, actors, lex):
        row = _row(c, actors, via, _is_increment(c, lex))
        subject = aid or noun or "?"
        subjects[subject] = actors.get(aid).name if actors is not None and actors.get(aid) else subject
        if aid:
            actor_ids.add(aid)
        buckets[(subject, c.measure, c.figure.unit)].append((row, noun or ""))
    groups = [_group(key, rows, subjects[key[0]], key[0] if key[0] in actor_ids else None)
              for key, rows in buckets.items() if len(rows) >= min_claims]
    groups.sort(key=lambda g: (-len(g.rows), -len(g.conflicts), g.label))
    return groups


def _subjects(claims: list[Claim], actors: ActorIndex | None,
              lex: _Lexicon) -> Iterable[tuple[Claim, str | None, str, str]]:
    """Each measured claim with its subject: (claim, actor id, noun class, how the actor was found).

    Within an article, a claim that names no actor ("the soldiers") takes the one last named
    with a people noun ("North Korean troops ... 300 soldiers killed"): the context.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    for doc_claims in by_doc.values():
        donor: tuple[str, str] | None = None  # (actor id, noun class) last named in this article
        for c in sorted(doc_claims, key=lambda c: c.figure.start):
            noun = noun_class(c.counted.text if c.counted else None, actors, lex)
            aid, via = getattr(c.counted, "actor", None), "counted"
            if not aid and (noun is None or noun in ANAPHORIC) and donor:
                aid, via = donor[0], "context"
            if noun in (None, "casualties"):  # the measure, not who: take who from the donor
                noun = donor[1] if donor and via == "context" else (noun or "")
            if aid and noun in ("troops", "people", "casualties", ""):
                donor = (aid, noun or "people")
            if c.measure:
                yield c, aid, noun, via if aid else "none"


def _row(c: Claim, actors: ActorIndex | None, via: str, increment: bool) -> Row:
    low, high = interval(c)
    source = source_id = None
    if c.source is not None:
        source_id = c.source.actor
        actor = actors.get(source_id) if actors is not None else None
        source = actor.name if actor is not None else (c.source.name or c.source.text)
    return Row(ref=claim_ref(c), doc=c.doc, figure=c.figure.text, value=c.figure.value, low=low, high=high,
               bound=c.figure.bound, unit=c.figure.unit, counted=c.counted.text if c.counted else None,
               time=c.time.text if c.time else None, date=c.time.date if c.time else None,
               source=source, source_id=source_id, subject_via=via, hedged=c.hedged, increment=increment)


def _group(key: tuple[str, str, str | None], pairs: list[tuple[Row, str]], subject: str, subject_id: str | None) -> Group:
    def when(r: Row) -> tuple[Any, ...]:
        p = r.period
        return (p is None, p or (dt.date.min, dt.date.min), r.doc, int(r.ref.rsplit(":", 1)[1]))

    rows = sorted((r for r, _ in pairs), key=when)
    measure = key[1]
    conflicts = tuple(Conflict(i, j, why) for i in range(len(rows)) for j in range(i + 1, len(rows))
                      if (why := conflict(rows[i], rows[j], measure)))
    nouns = Counter(n for _, n in pairs if n)
    named = Counter(r.counted for r in rows if r.counted and r.subject_via == "counted")
    what = named.most_common(1)[0][0] if named else (f"{subject} {nouns.most_common(1)[0][0]}" if nouns and subject_id
                                                      else subject)
    unit = f" ({key[2]})" if key[2] else ""
    return Group(subject=subject, subject_id=subject_id, noun=nouns.most_common(1)[0][0] if nouns else "",
                 measure=measure, unit=key[2], label=f"{what} · {measure}{unit}", rows=tuple(rows),
                 conflicts=conflicts, spread=spread(rows))


def format_interval(low: float, high: float) -> str:
    """[540, 660], [3,000, ∞), [0, 1,000]."""
    def f(x: float) -> str:
        x = plain_number(x)
        return f"{x:,}" if isinstance(x, int) else f"{x:,.2f}".rstrip("0").rstrip(".")

    return f"[{f(low)}, ∞)" if math.isinf(high) else f"[{f(low)}, {f(high)}]"
