"""Compare: the same measure of the same subject, as different sources give it, as timelines.

A fact-checker lines up every claim about one thing to see who said what, and when, and
wants a flag only where two sources really disagree. The rules (COMPARE.md), of which this
module holds the grouping and `timelines` the rows, intervals and conflicts:

**As-of date.** Each claim holds at its `as_of` date, found at extraction (`Claim.as_of`):
the figure's own time, else its statement's date, else the article's; unknown stays
unknown. A group's rows are a timeline sorted by it, undated rows last.

**Scope.** `Claim.scope` says what stretch a figure counts: a running **total**, an
**addition** ("another 1,500"), a **period** ("in the past week") or one **incident**
("the raid killed 12"). Totals are set against totals, a period only against the same
period; additions, periods and incidents are shown and never set against totals.

**Subject.** Claims are grouped by (subject, measure, unit). The subject is the actor the
counted phrase names ("North Korean soldiers" -> North Korea); else the party that sends,
loses or fields them ("North Korea has sent 10,000 troops", `subject_via == "party"`);
else, for a claim that counts nothing, the measure itself, bare troops or an anaphor
("others", "these troops", "the injured"), the subject of the nearest earlier claim of the
article (`"context"`). A figure about another event ("60 million people died" in a world
war) takes that event as its subject (`"event"`) and never joins the story's groups; with
none of these the subject is the counted noun's class ("people").

**Intervals.** Each figure becomes the interval of what it allows:

    exact   [v, v]
    approx  [v - 10%, v + 10%]   reporters round "about 600" from anything near it
    min     [v, inf)             "over 3,000"
    max     [0, v]               "as many as 1,000"
    range   [low, high]
    vague   [v, 10 v)            "thousands" is at least 1,000 and fewer than 10,000

**Conflict.** Two rows conflict when every rule of `COMPARABLE` holds (same scope, different
sources, both dated, intervals that cannot both hold) and either their as-of dates lie
within `SAME_TIME_DAYS` of each other, or, further apart, the measure is cumulative
(killed, injured, casualties, captured, missing) and the later total lies below the
earlier one. A stock (deployed) may rise or fall, so it never conflicts across dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data import load_lexicon
from ..model import Claim
from .actors import ALIASES, ActorIndex, claim_ref, norm
from .timelines import Conflict, Group, Row, conflict, interval, spread

LEXICON = "compare.json"
# Noun classes that refer back to a subject named earlier ("these troops", "casualties").
ANAPHORIC = frozenset({"troops", "casualties"})
PARTY_REACH = 3  # words allowed between the party's verb and the figure ("has sent as many as ...")
PARTY_WORDS = 4  # the party is named in the last words before its verb ("... says North Korea has sent")
# "North Korean forces", "Russian combat losses": a name, then a noun (after at most one more lower-case word)
PHRASE_RE = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}(?P<words>[a-z]+(?:\s+[a-z]+)?)")


# --- grouping ---------------------------------------------------------------------------


@dataclass
class _Lexicon:
    nouns: dict[str, str]  # a counted noun -> its class ("soldiers" -> "troops")
    party_re: re.Pattern[str]  # "<party> has sent [as many as] ", "<party>'s deployment of " just before the figure
    anaphors: re.Pattern[str]  # "others", "these troops", "the injured"
    events: list[re.Pattern[str]]  # another event named in the sentence ("a World War")

    @classmethod
    def load(cls, lexicons: str | Path | None) -> _Lexicon:
        nouns = {norm(n): c for c, members in load_lexicon(ALIASES, lexicons).get("nouns", {}).items() for n in members}
        data = load_lexicon(LEXICON, lexicons)
        verbs = "|".join(re.escape(v) for v in sorted(data["party_verbs"], key=len, reverse=True))
        owned = "|".join(re.escape(n) for n in sorted(data["party_nouns"], key=len, reverse=True))
        party_re = re.compile(rf"(?:(?P<party>[^,;:.()\"“”]+?)\s+(?:(?:has|have|had|already|now|reportedly|so\s+far)\s+)*"
                              rf"(?:{verbs})|(?P<owner>[^,;:.()\"“”]+?)['’]s?\s+(?:{owned})\s+of)"
                              rf"\s+(?:\S+\s+){{0,{PARTY_REACH}}}$", re.I)
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data["anaphors"], key=len, reverse=True))
        anaphors = re.compile(rf"^(?:{words})\b", re.I)
        return cls(nouns, party_re, anaphors, [re.compile(p) for p in data["event_patterns"]])


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


def _actor(aid: str | None, actors: ActorIndex | None, lex: _Lexicon) -> str | None:
    """The actor id, unless its name is only a counted noun ('Troops' in a headline is nobody)."""
    actor = actors.get(aid) if actors is not None else None
    return None if actor is not None and norm(actor.name) in lex.nouns else aid


def _before_figure(c: Claim) -> str:
    """The sentence's words before the figure."""
    return c.sentence.text[:max(0, c.figure.start - c.sentence.start)]


def _party(c: Claim, actors: ActorIndex | None, lex: _Lexicon) -> str | None:
    """The actor that sends, loses or fields what the figure counts: "North Korea has sent 10,000 troops"."""
    if actors is None:
        return None
    m = lex.party_re.search(_before_figure(c))
    if m is None:
        return None
    aid = actors.mentioned_in(" ".join((m["party"] or m["owner"]).split()[-PARTY_WORDS:]))  # the name next to the verb
    source_id = c.source.actor if c.source is not None else None
    return aid if aid != source_id else None  # "Ukraine said it has 300 ...": the speaker is no party


def _named_before(c: Claim, actors: ActorIndex | None, lex: _Lexicon) -> str | None:
    """The actor of the last people or losses phrase before the figure in its sentence ("North Korean forces ...",
    "Russian combat losses ...")."""
    if actors is None:
        return None
    found = None
    for m in PHRASE_RE.finditer(_before_figure(c)):
        if any(lex.nouns.get(norm(w)) in ("troops", "casualties") for w in m["words"].split()) and (
                aid := _actor(actors.mentioned_in(m.group(0)), actors, lex)):
            found = aid
    return found


def _event(c: Claim, lex: _Lexicon) -> str | None:
    """Another event the figure's sentence names ("a World War"): its figures are about that event."""
    for pattern in lex.events:
        m = pattern.search(c.sentence.text)
        if m:
            return " ".join(m.group(0).split())
    return None


def compare(claims: Iterable[Claim], actors: ActorIndex | None = None, *, min_claims: int = 2,
            lexicons: str | Path | None = None) -> list[Group]:
    """Groups of claims about the same measure of the same subject, largest groups first.

    Args:
        claims: claims of one or more articles, in text order within each article.
        actors: the articles' ActorIndex; claims not yet linked are linked with it.
        min_claims: leave out groups with fewer claims (1 keeps every measured claim).
        lexicons: a folder whose aliases.json and compare.json are merged over the packaged ones.

    Claims without a measure are left out: there is nothing to compare them on.
    """
    lex = _Lexicon.load(lexicons)
    claims = list(claims)
    if actors is not None:
        claims = actors.link(claims)  # the index of all the articles: ids agree across documents
    buckets: dict[tuple[str, str, str | None], list[tuple[Row, str]]] = defaultdict(list)
    subjects: dict[str, str] = {}  # subject key -> display name
    actor_ids: set[str] = set()  # subject keys that are actor ids, not noun classes or events
    for c, aid, noun, via in _subjects(claims, actors, lex):
        row = _row(c, actors, via)
        subject = aid or noun or "?"
        if via == "event":
            subjects[subject] = subject.removeprefix("event:")
        else:
            subjects[subject] = actors.get(aid).name if actors is not None and actors.get(aid) else subject
        if aid and via != "event":
            actor_ids.add(aid)
        buckets[(subject, c.measure, c.figure.unit)].append((row, noun or ""))
    groups = [_group(key, rows, subjects[key[0]], key[0] if key[0] in actor_ids else None)
              for key, rows in buckets.items() if len(rows) >= min_claims]
    groups.sort(key=lambda g: (-len(g.rows), -len(g.conflicts), g.label))
    return groups


def _subjects(claims: list[Claim], actors: ActorIndex | None,
              lex: _Lexicon) -> Iterable[tuple[Claim, str | None, str, str]]:
    """Each measured claim with its subject: (claim, subject key, noun class, how the subject was found).

    Within an article, a claim that names no actor ("the soldiers", "others") takes the one last
    named with a people noun ("North Korean troops ... 300 soldiers killed"): the context.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    for doc_claims in by_doc.values():
        donor: tuple[str, str] | None = None  # (actor id, noun class) last named in this article
        for c in sorted(doc_claims, key=lambda c: c.figure.start):
            counted = c.counted.text if c.counted else None
            noun = noun_class(counted, actors, lex)
            anaphor = bool(counted and lex.anaphors.match(counted))
            aid, via = _actor(getattr(c.counted, "actor", None), actors, lex), "counted"
            if not aid and (event := _event(c, lex)):
                aid, via = f"event:{event}", "event"  # another event's figure: never the story's subject
            if not aid and (party := _party(c, actors, lex)):
                aid, via = party, "party"
            if not aid and not anaphor and (noun is None or noun in ANAPHORIC) and (named := _named_before(c, actors, lex)):
                aid, via = named, "context"  # "North Korean forces are suffering ..., 1,000 killed and wounded"; its own
                # sentence beats the article's context ("total Russian combat losses ... 817,580 personnel")
            if not aid and (noun is None or noun in ANAPHORIC or anaphor) and donor:
                aid, via = donor[0], "context"
            if noun in (None, "casualties") or anaphor:  # the measure or a pointer, not who: take who from the donor
                noun = donor[1] if donor and via == "context" else (noun or "")
            if aid and via != "event" and noun in ("troops", "people", "casualties", ""):
                donor = (aid, noun or "people")
            if c.measure:
                yield c, aid, noun, via if aid else "none"


def _row(c: Claim, actors: ActorIndex | None, via: str) -> Row:
    low, high = interval(c)
    source = source_id = None
    if c.source is not None:
        source_id = c.source.actor
        actor = actors.get(source_id) if actors is not None else None
        source = actor.name if actor is not None else (c.source.name or c.source.text)
    as_of = c.as_of
    return Row(ref=claim_ref(c), doc=c.doc, figure=c.figure.text, value=c.figure.value, low=low, high=high,
               bound=c.figure.bound, unit=c.figure.unit, counted=c.counted.text if c.counted else None,
               time=c.time.text if c.time else None, date=c.time.date if c.time else None,
               source=source, source_id=source_id, subject_via=via, hedged=c.hedged,
               as_of=as_of.date if as_of else None, as_of_via=as_of.via if as_of else None, scope=c.scope or "total")


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
