"""Claim records: the typed results every claimx command reads and writes.

One JSON object per claim; `claimx/schema/claim.schema.json` is its schema. The
records are plain frozen dataclasses so that they pickle across processes and
compare by value in tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

BOUNDS = ("exact", "approx", "min", "max", "range", "vague")
MEASURES = ("killed", "injured", "casualties", "deployed", "captured", "missing")
AS_OF_VIA = ("own time", "statement", "article")  # how a claim's as-of date was found, most specific first
SCOPES = ("total", "addition", "period", "incident", "part")


class Record:
    """What the records share: a JSON-ready dict of their fields."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]  # every subclass is a dataclass


@dataclass(frozen=True)
class TextSpan(Record):
    """A stretch of the original text, by character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Counted(TextSpan):
    """What a figure counts, and the actor it is about ("North Korean soldiers" → north-korea)."""

    actor: str | None = None


@dataclass(frozen=True)
class Figure(Record):
    """A number as the article states it.

    `value` is the number in plain units (60 million → 60000000); for a range it
    is None and `low`/`high` hold the ends, never an average.
    """

    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("value", "low", "high"):
            d[key] = plain_number(d[key])
        return d


@dataclass(frozen=True)
class Source(Record):
    """Who the article says a figure comes from."""

    text: str
    start: int
    end: int
    name: str
    kind: str = "vague"
    role: str | None = None
    via: str | None = None
    actor: str | None = None


@dataclass(frozen=True)
class Cue(Record):
    """The word that attributes a figure ("said", "according to") and its stance."""

    text: str
    start: int
    end: int
    lemma: str
    stance: str = "states"


@dataclass(frozen=True)
class TimeRef(Record):
    """When a figure holds, as written and, where it can be, as an ISO date or period."""

    text: str
    start: int
    end: int
    date: str | None = None


@dataclass(frozen=True)
class AsOf(Record):
    """The date a figure holds and how it was found (one of AS_OF_VIA); both None when unknown.

    `date` is an ISO date (2025-04-30), month (2025-01), year (2022) or start/end period.
    """

    date: str | None = None
    via: str | None = None


@dataclass(frozen=True)
class Claim:
    """One figure with what it counts, its measure and its attribution."""

    doc: str
    figure: Figure
    sentence: TextSpan
    counted: Counted | None = None
    measure: str | None = None
    source: Source | None = None
    cue: Cue | None = None
    hedged: bool = False
    quote: bool = False
    time: TimeRef | None = None
    as_of: AsOf | None = None
    scope: str | None = None  # one of SCOPES
    place: str | None = None  # a place narrower than the story the figure is for ("in the capital", "at the hospital")

    def to_dict(self) -> dict[str, Any]:
        def opt(x: Any) -> Any:
            return None if x is None else x.to_dict()

        out = {
            "doc": self.doc,
            "figure": self.figure.to_dict(),
            "counted": opt(self.counted),
            "measure": self.measure,
            "source": opt(self.source),
            "cue": opt(self.cue),
            "hedged": self.hedged,
            "quote": self.quote,
            "time": opt(self.time),
            "sentence": self.sentence.to_dict(),
            "as_of": opt(self.as_of),
            "scope": self.scope,
            "place": self.place,
        }
        return out


def plain_number(x: float | None) -> float | int | None:
    """Whole numbers print as integers so that `jq` users see 600, not 600.0."""
    if x is None:
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return round(float(x), 6)
