"""A group of claims: its mentions merged into claims, its conflicts gathered into disputes, each
once, as camps of claims that can all hold at once (the rules: docs/COMPARE.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Claim
from .timelines import SAME_TIME_DAYS, Conflict, Disagreement, Group, Row, conflict, gap_days, spread

WHOLE_MEASURE = "casualties"  # killed or injured: a count of the dead is a part of it


def camp_letter(k: int) -> str:
    """The letter of camp `k` (from 0): A ... Z, then AA, AB ...; one scheme for the table, the CSV and the plot."""
    return camp_letter(k // 26 - 1) + chr(ord("A") + k % 26) if k >= 26 else chr(ord("A") + k)


def camp_mark(n: int, k: int) -> str:
    """Camp `k` (from 0) of dispute `n` (from 1), as every output names it: "1A", "2B"."""
    return f"{n}{camp_letter(k)}"


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
                 holds=holds_words(subject, place, noun, measure, unit, rows), key=key)


def holds_words(subject: str, place: str | None, noun: str, measure: str, unit: str | None, rows: list[Row]) -> str:
    """What a group holds, in words a reader checks at a glance: subject, place, measure and scopes."""
    scopes = Counter(r.scope for r in rows)
    scope_words = ", ".join(f"{n} {s}{'s' if n != 1 and not s.endswith('s') else ''}" for s, n in scopes.most_common())
    return (f"subject: {subject}; place: {place or 'the whole story'}; counts: {noun or 'unnamed'} {measure}"
            f"{f' in {unit}' if unit else ''}; scope: {scope_words}")


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


def own_measure_parts(claims: list[Claim]) -> list[Claim]:
    """A part of a count of another measure is a total of its own ("90 people were taken to hospital, of whom 30
    died": 30 dead); a part of casualties (killed or injured) stays a part ("4,700 casualties, including 600
    deaths")."""
    out, last = [], {}
    for c in sorted(claims, key=lambda c: (c.doc, c.figure.start)):
        whole = last.get((c.doc, c.sentence.start))
        if c.scope == "part" and whole is not None and whole.measure and c.measure \
                and whole.measure not in (c.measure, WHOLE_MEASURE):
            c = dataclasses.replace(c, scope="total")
        if c.scope != "part":
            last[(c.doc, c.sentence.start)] = c
        out.append(c)
    return out
