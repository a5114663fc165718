"""Stories: which event an article tells, so that counts of different events never share a group.

A claim that names no party ("people", "lives", "bodies") is about its article's story: the
country or people the article's claims name most, the headline weighing more. Articles on one
place whose dates lie within STORY_DAYS of each other tell one story; further apart, one place's
events (two earthquakes, two offensives) stay apart. A party named by its claims (North Korean
soldiers) keeps one story across articles within PARTY_DAYS of each other: a war's months stay
one timeline, a party's two events a season apart do not. The rules: docs/COMPARE.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from ..model import Claim
from .actors import ActorIndex
from .timelines import parse_period

STORY_KINDS = frozenset({"place", "group"})  # what an article's story is about: the country or people it names most
HEADLINE_WEIGHT = 2  # a place the first claim's sentence (most often the headline) names counts this many times more
STORY_DAYS = 14  # articles on one place this close in date tell one story; further apart, another event
PARTY_DAYS = 60  # a party's claims in articles this close in date are one story (a war's months); further, another


def article_dates(claims: list[Claim]) -> dict[str, str]:
    """Each article's date, as its claims dated by it show it."""
    return {c.doc: c.as_of.date for c in claims if c.as_of is not None and c.as_of.via == "article" and c.as_of.date}


def stories(claims: list[Claim], actors: ActorIndex | None, dates: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each article's story: (its place, the first date of the articles on that place within STORY_DAYS of each
    other), so one place's events far apart in time stay apart; an undated article is a story of its own."""
    places = story_places(claims, actors)
    starts = chains({(place, doc) for doc, place in places.items()}, dates, STORY_DAYS)
    return {doc: (place, starts[(place, doc)]) for doc, place in places.items()}


def chains(members: set[tuple[str, str]], dates: dict[str, str], days: int) -> dict[tuple[str, str], str]:
    """For each (key, doc), the first date of the run of the key's articles each within `days` of the one before:
    the key's story that article belongs to; "?doc" for an undated article (a story of its own)."""
    out: dict[tuple[str, str], str] = {}
    by_key: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)
    for key, doc in members:
        period = parse_period(dates.get(doc))
        if period is None:
            out[(key, doc)] = f"?{doc}"
        else:
            by_key[key].append((period[0], doc))
    for key, docs in by_key.items():
        docs.sort()
        start = previous = docs[0][0]
        for day, doc in docs:
            if (day - previous).days > days:
                start = day
            out[(key, doc)] = start.isoformat()
            previous = day
    return out


def story_places(claims: list[Claim], actors: ActorIndex | None) -> dict[str, str]:
    """Each article's place: the country or people its claims' sentences name most (the first claim's sentence,
    most often the headline, weighing HEADLINE_WEIGHT times; the first named on a tie)."""
    if actors is None:
        return {}
    patterns = [(re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted({a.name, *a.aliases}, key=len, reverse=True))
                            + r")(?![\w-])"), a.id, set(a.documents)) for a in actors.actors if a.kind in STORY_KINDS]
    by_doc: dict[str, list[str]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c.doc, c.sentence.start)):
        if not by_doc[c.doc] or by_doc[c.doc][-1] != c.sentence.text:
            by_doc[c.doc].append(c.sentence.text)
    stories = {}
    for doc, sentences in by_doc.items():
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for k, text in enumerate(sentences):
            for pattern, aid, docs in patterns:
                if doc in docs and pattern.search(text):
                    counts[aid] += HEADLINE_WEIGHT if k == 0 else 1
                    first.setdefault(aid, k)
        if counts:
            stories[doc] = max(counts, key=lambda aid: (counts[aid], -first[aid]))
    return stories
