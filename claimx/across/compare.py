"""Compare: the same measure of the same subject, as different sources give it, as timelines.

A fact-checker lines up every claim about one thing to see who said what, and when, and
wants a flag only where two sources really disagree. The rules (docs/COMPARE.md), of which this
module holds the grouping and `timelines` the rows, intervals and conflicts:

**As-of date.** Each claim holds at its `as_of` date, found at extraction (`Claim.as_of`):
the figure's own time, else its statement's date, else the article's; unknown stays
unknown. A group's rows are a timeline sorted by it, undated rows last.

**Scope.** `Claim.scope`: a running **total**, an **addition** ("another 1,500"), a **period**
("in the past week"), one **incident** ("the raid killed 12") or a **part** ("including 600
deaths"). Totals meet totals, a period the same period; the others are shown, never flagged.

**Subject.** Claims are grouped by (subject, measure, unit). The subject is the actor the
counted phrase names ("North Korean soldiers" -> North Korea); else the party that sends,
loses or fields them ("North Korea has sent 10,000 troops", `subject_via == "party"`);
else, for a claim that counts nothing, the measure itself, bare troops or an anaphor
("others", "these troops", "the injured"), the subject of the nearest earlier claim of the
article (`"context"`). A figure about another event ("60 million people died" in a world
war) takes that event as its subject (`"event"`) and never joins the story's groups; with
none of these the subject is the counted noun's class ("people").

A claim that still names nobody ("people", "lives", "bodies", nothing at all) takes the
country or people its article names most (`"story"`): counts of different wars or disasters
never share a group, whatever the noun. A count of "Russian and North Korean soldiers"
belongs to both parties together, neither alone. A count for a narrower place ("in the
capital", "at the field hospital", "in the port city alone") is grouped with that place's.

**Claims, not mentions.** A headline and its body that repeat one source's figure for one
date are one claim (`disputes.merge_mentions`): one row listing its other mentions.

**Who is who.** A person whose words name a body ("South Korea's spy chief", "a US
official") speaks for that body, so one body is never set against itself.

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
earlier one. A stock (deployed) may rise or fall, so it never conflicts across dates. A vague
magnitude nobody is named for ("thousands of troops") and a forecast are shown, never flagged.

**Disagreements.** The conflicts of a group join rows into disputes; each dispute is one
`Disagreement` of camps, each camp figures that can all hold at once (`disputes.disagreements`).
The rules in full, with examples: docs/COMPARE.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..components.scope import PlaceReader
from ..data import load_lexicon
from ..model import Claim
from .actors import ALIASES, ActorIndex, claim_ref, norm
from .disputes import make_group, own_measure_parts
from .stories import PARTY_DAYS, article_dates, chains, stories as story_of
from .timelines import VIA_EVENT, VIA_STORY, Group, Row, interval
from .voices import Roles, speakers_bodies, speaks_for

LEXICON = "compare.json"
# Noun classes that refer back to a subject named earlier ("these troops", "casualties").
ANAPHORIC = frozenset({"troops", "casualties"})
CARRIED_NOUNS = frozenset({"troops", "casualties"})  # a force's losses run on past their sentence; people's do not
PARTY_REACH = 3  # words allowed between the party's verb and the figure ("has sent as many as ...")
PARTY_WORDS = 4  # the party is named in the last words before its verb ("... says North Korea has sent")
# "North Korean forces", "Russian combat losses": a name, then a noun (after at most one more lower-case word)
PHRASE_RE = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,3}(?P<words>[a-z]+(?:\s+[a-z]+)?)")
NON_PARTY_KINDS = frozenset({"organisation", "media"})  # a ministry or a paper tallies; it sends, loses or fields nobody
JOINT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*")  # "Russian and North Korean soldiers": each party's name
PROJECTION_REACH = 3  # words between a forecast word and the figure ("could rise to", "expected to fall to around")
EVENT_REACH = 40  # characters before a figure in which an earlier event it belongs to is named


# --- grouping ---------------------------------------------------------------------------


@dataclass
class _Lexicon:
    nouns: dict[str, str]  # a counted noun -> its class ("soldiers" -> "troops")
    party_re: re.Pattern[str]  # "<party> has sent [as many as] ", "<party>'s deployment of " just before the figure
    anaphors: re.Pattern[str]  # "others", "these troops", "the injured"
    events: list[re.Pattern[str]]  # another event named in the sentence ("a World War")
    generic: frozenset[str]  # counted words that say nothing of who ("people", "lives", "bodies")
    roles: Roles  # "spy" (in "the spy chief") -> words of the body's name ("intelligence"); "of", "in" join a role to it
    near_events: list[re.Pattern[str]]  # an earlier event named just before a figure ("the 2016 Kumamoto Earthquake")
    neutral: frozenset[str]  # words before a generic noun that leave it the story's toll ("confirmed deaths")
    subgroups: frozenset[str]  # a part of a party's people ("children", "civilians"): grouped apart from its toll
    party_after: list[re.Pattern[str]]  # whose losses the words after a figure name ("... among the army's forces")
    projection: re.Pattern[str]  # a forecast just before the figure ("could rise to", "was expected to fall to")
    since: re.Pattern[str]  # a time that opens a running total ("since mid-March 2023"): no as-of date of its own

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
        return cls(nouns, party_re, anaphors, [re.compile(p) for p in data["event_patterns"]],
                   frozenset(norm(w) for w in data.get("generic_nouns", [])), Roles.load(data),
                   [re.compile(p) for p in data.get("near_event_patterns", [])],
                   frozenset(norm(w) for w in data.get("neutral_modifiers", [])),
                   frozenset(norm(w) for w in data.get("subgroup_nouns", [])),
                   [re.compile(p, re.I) for p in data.get("party_after_patterns", [])],
                   re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
                       data["projection_words"], key=len, reverse=True)) + rf")\b(?:\s+\S+){{0,{PROJECTION_REACH}}}"
                              r"\s*$", re.I),
                   re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in data["since_words"]) + r")\b", re.I))

    def subgroup(self, counted: str | None) -> str:
        """The part of a party's people a phrase counts ("Palestinian children" -> "children"), else ""."""
        text = norm(counted or "")
        return next((w for w in sorted(self.subgroups, key=len, reverse=True) if text.endswith(w)), "")

    def what(self, counted: str | None) -> str:
        """What a story's claim counts, for its group: "" for nothing or a generic word ("confirmed deaths"), else
        its words ("children", "unidentified bodies", "officially registered pilgrims")."""
        words = [w for w in norm(counted or "").split() if w not in self.neutral]
        return "" if not words or (len(words) == 1 and words[0] in self.generic) else " ".join(words)


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
    actor = actors.get(aid)
    if actor is None or actor.kind in NON_PARTY_KINDS:
        return None  # "the ministry had 558 deaths on record" is a tally, not a party's losses
    return aid if aid != source_id else None  # "Ukraine said it has 300 ...": the speaker is no party


def _party_after(c: Claim, actors: ActorIndex | None, lex: _Lexicon) -> str | None:
    """The party whose losses the words after the figure name: "154 deaths were recorded among the army's forces"."""
    if actors is None:
        return None
    for pattern in lex.party_after:
        m = pattern.search(_after_figure(c))
        if m is None:
            continue
        actor = actors.get(actors.mentioned_in(m["who"]))
        if actor is None or actor.kind in NON_PARTY_KINDS:
            return norm(m["who"])  # a party known by no other name ("al-Assad's forces"): a subject of its own
        return actor.id
    return None


def _named_before(c: Claim, actors: ActorIndex | None, lex: _Lexicon) -> str | None:
    """The actor of the last people or losses phrase before the figure in its sentence ("North Korean forces ...",
    "Russian combat losses ...", "the Iranian death toll reached 17")."""
    if actors is None:
        return None
    found = None
    for m in PHRASE_RE.finditer(_before_figure(c)):
        if any(lex.nouns.get(norm(w)) in ("troops", "casualties") or norm(w) in lex.generic
               for w in m["words"].split()) and (
                aid := _actor(actors.mentioned_in(m.group(0)), actors, lex)):
            found = aid
    return found


def _event(c: Claim, lex: _Lexicon) -> str | None:
    """Another event the figure's sentence names ("a World War"), or names just before it ("the 2016 Kumamoto
    Earthquake, which led to 276 deaths"): its figures are about that event."""
    for pattern in lex.events:
        m = pattern.search(c.sentence.text)
        if m:
            return " ".join(m.group(0).split())
    before = _before_figure(c)[-EVENT_REACH:]
    for pattern in lex.near_events:
        m = pattern.search(before)
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
    places = PlaceReader(lexicons)
    claims = list(claims)
    if actors is not None:
        claims = actors.link(claims)  # the index of all the articles: ids agree across documents
    dates = article_dates(claims)
    bodies = speakers_bodies(claims, actors, lex.roles)
    claims = own_measure_parts(claims)
    stories = story_of(claims, actors, dates)
    found = list(_placed(claims, actors, lex, places, stories))
    parties = _party_stories(found, dates)
    buckets: dict[tuple[str, str | None, str, str | None], list[tuple[Row, str]]] = defaultdict(list)
    subjects: dict[str, str] = {}  # subject key -> display name
    actor_ids: dict[str, str] = {}  # subject key -> the actor id it is about
    for c, aid, noun, via, place in found:
        row = _row(c, actors, via, place=place, article_date=dates.get(c.doc), bodies=bodies, lex=lex)
        subject = parties.get((aid, c.doc), aid or noun or "?")
        if via != VIA_STORY and (part := lex.subgroup(c.counted.text if c.counted else None)):
            subject, noun = f"{subject}/{part}", part  # "Palestinian children": apart from the Palestinians' toll
        subjects[subject] = subject.removeprefix("event:") if via == VIA_EVENT else _display(subject.split("/")[0], actors)
        if aid and via != VIA_EVENT:
            actor_ids[subject] = stories[c.doc][0] if via == VIA_STORY else aid
        buckets[(subject, row.place, c.measure, c.figure.unit)].append((row, noun or ""))
    made = (make_group(key, rows, subjects[key[0]], actor_ids.get(key[0])) for key, rows in buckets.items())
    groups = [g for g in made if len(g.rows) >= min_claims]  # claims, once mentions are merged, not mentions
    groups.sort(key=lambda g: (-len(g.rows), -len(g.disagreements), g.label))
    return groups


def _placed(claims: list[Claim], actors: ActorIndex | None, lex: _Lexicon, places: PlaceReader,
            stories: dict[str, tuple[str, str]]) -> Iterable[tuple[Claim, str | None, str, str, str | None]]:
    """Each measured claim with its subject (its story's when it names no party), noun, how found, and place."""
    for c, aid, noun, via in _subjects(claims, actors, lex):
        place = c.place or places.place_of(_after_figure(c))
        if not aid and c.doc in stories:
            aid, via, noun = _story_subject(stories[c.doc], c, lex)
            place = place or _named_place(c, actors, places, stories[c.doc][0])
        yield c, aid, noun, via, place


def _party_stories(found: list[tuple[Claim, str | None, str, str, str | None]],
                   dates: dict[str, str]) -> dict[tuple[str | None, str], str]:
    """(party, doc) -> the party's subject key for that article: the party alone while all its articles lie within
    PARTY_DAYS of each other, else the party and the first date of the run the article belongs to (an undated
    article joins the party's largest run)."""
    starts = chains({(aid, c.doc) for c, aid, _, via, _ in found if aid and via not in (VIA_STORY, VIA_EVENT)}, dates,
                    PARTY_DAYS)
    runs: dict[str, Counter[str]] = defaultdict(Counter)
    for (aid, _), start in starts.items():
        if not start.startswith("?"):
            runs[aid][start] += 1
    keys = {}
    for (aid, doc), start in starts.items():
        if len(runs[aid]) > 1:
            keys[(aid, doc)] = f"{aid}@{runs[aid].most_common(1)[0][0] if start.startswith('?') else start}"
    return keys


def _story_subject(story: tuple[str, str], c: Claim, lex: _Lexicon) -> tuple[str, str, str]:
    """(subject key, "story", noun) of a claim naming no party: its article's story ("Lebanon@2024-09-24"); a count
    of something other than people in general ("children") apart from the story's "people"."""
    what = lex.what(c.counted.text if c.counted else None)
    return f"{story[0]}@{story[1]}" + (f"/{what}" if what else ""), VIA_STORY, what or "people"


def _named_place(c: Claim, actors: ActorIndex | None, places: PlaceReader, story: str) -> str | None:
    """A place other than the story's that a story's count names right after it ("49 in South Carolina")."""
    name = places.named_after(_after_figure(c))
    if not name or actors is None:
        return None
    aid = actors.mentioned_in(name)
    actor = actors.get(aid)
    if actor is None:
        return name  # a place the articles name nowhere else ("nine bodies in Chilobwe")
    return actor.name if aid != story else None  # "in" names a place, whatever kind the tagger gave it


def _display(subject: str, actors: ActorIndex | None) -> str:
    """An actor's name ("North Korea"), both names of a joint subject ("Russia and North Korea"), a story's
    place and date ("Lebanon, story of 2024-09-24"), else the key."""
    subject, _, day = subject.partition("@")
    names = [actors.get(part).name if actors is not None and actors.get(part) else part for part in subject.split("+")]
    return " and ".join(names) + (f", story of {day}" if day and not day.startswith("?") else "")


def _after_figure(c: Claim) -> str:
    """The sentence's words after the figure."""
    return c.sentence.text[max(0, c.figure.end - c.sentence.start):]


def _joint(counted: str | None, actors: ActorIndex | None) -> str | None:
    """Two or more parties a counted phrase names together ("Russian and North Korean soldiers"): one joint subject."""
    if not counted or actors is None or not JOINT_RE.search(counted):
        return None
    found = {aid for part in JOINT_RE.split(counted) if (aid := actors.mentioned_in(part))}
    return "+".join(sorted(found)) if len(found) > 1 else None


def _reaches(donor: tuple[str, str, int], c: Claim, anaphor: bool) -> bool:
    """The donor's actor is the subject of claim c: an anaphor, a force's losses, or the donor's own sentence."""
    return anaphor or donor[1] in CARRIED_NOUNS or donor[2] == c.sentence.start


def _subjects(claims: list[Claim], actors: ActorIndex | None,
              lex: _Lexicon) -> Iterable[tuple[Claim, str | None, str, str]]:
    """Each measured claim with its subject: (claim, subject key, noun class, how the subject was found).

    Within an article, a claim that names no actor ("the soldiers", "others") takes the one last
    named with a people noun ("North Korean troops ... 300 soldiers killed"): the context. A
    force's losses run on from sentence to sentence; a people noun's actor ("98 Indian citizens")
    reaches only its own sentence and anaphors ("others"), so the next sentence's overall toll is
    the story's, not India's.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
    for doc_claims in by_doc.values():
        donor: tuple[str, str, int] | None = None  # (actor id, noun class, sentence) last named in this article
        for c in sorted(doc_claims, key=lambda c: c.figure.start):
            counted = c.counted.text if c.counted else None
            noun = noun_class(counted, actors, lex)
            anaphor = bool(counted and lex.anaphors.match(counted))
            aid, via = _actor(getattr(c.counted, "actor", None), actors, lex), "counted"
            if joint := _joint(counted, actors):
                aid = joint  # "Russian and North Korean soldiers": neither party's count alone
            if not aid and (event := _event(c, lex)):
                aid, via = f"event:{event}", VIA_EVENT  # another event's figure: never the story's subject
            if not aid and (party := _party(c, actors, lex) or _party_after(c, actors, lex)):
                aid, via = party, "party"
            if not aid and not anaphor and (noun is None or noun in ANAPHORIC) and (named := _named_before(c, actors, lex)):
                aid, via = named, "context"  # "North Korean forces are suffering ..., 1,000 killed and wounded"; its own
                # sentence beats the article's context ("total Russian combat losses ... 817,580 personnel")
            if not aid and (noun is None or noun in ANAPHORIC or anaphor) and donor and _reaches(donor, c, anaphor):
                aid, via = donor[0], "context"
            if noun in (None, "casualties") or anaphor:  # the measure or a pointer, not who: take who from the donor
                noun = donor[1] if donor and via == "context" else (noun or "")
            if aid and via != VIA_EVENT and noun in ("troops", "people", "casualties", ""):
                donor = (aid, noun or "people", c.sentence.start)
            if c.measure:
                yield c, aid, noun, via if aid else "none"


def _row(c: Claim, actors: ActorIndex | None, via: str, *, place: str | None = None,
         article_date: str | None = None, bodies: dict[str, str] | None = None, lex: _Lexicon) -> Row:
    low, high = interval(c)
    source = source_id = None
    if c.source is not None:
        source_id = c.source.actor
        actor = actors.get(source_id) if actors is not None else None
        source = actor.name if actor is not None else (c.source.name or c.source.text)
    as_of_date, as_of_via = (c.as_of.date, c.as_of.via) if c.as_of else (None, None)
    if as_of_via == "own time" and c.time is not None and lex.since.match(c.time.text):
        as_of_date, as_of_via = (article_date, "article") if article_date else (None, None)  # "since March": as of now
    return Row(ref=claim_ref(c), doc=c.doc, figure=c.figure.text, value=c.figure.value, low=low, high=high,
               bound=c.figure.bound, unit=c.figure.unit, counted=c.counted.text if c.counted else None,
               time=c.time.text if c.time else None, date=c.time.date if c.time else None,
               source=source, source_id=source_id, subject_via=via, hedged=c.hedged,
               as_of=as_of_date, as_of_via=as_of_via, scope=c.scope or "total",
               voice_id=speaks_for(c, actors, lex.roles) or (bodies or {}).get(source_id or ""), place=place,
               projected=bool(lex.projection.search(_before_figure(c))))
