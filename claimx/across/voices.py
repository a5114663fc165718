"""Voices: who is speaking, for the camps of a dispute.

Two claims are set against each other only when different voices give them. A person, or a body
described rather than named, speaks for the body its words name ("a US official" -> the United
States; "Vivian van de Perre, deputy head of the UN mission" -> the United Nations) or the body
its role points to ("South Korea's spy chief", "the nation's spy agency" -> South Korea's
National Intelligence Service, where the articles name it), so that one body is never set
against itself. The role words are `speaker_bodies` in lexicons/compare.json, and the words
that join a role to its body ("of", "in") are `role_joiners`; the rules: docs/COMPARE.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Claim
from .actors import Actor, ActorIndex, norm

BODY_KINDS = frozenset({"organisation", "place", "group"})  # what a speaker may stand for
SPEAKER_KINDS = frozenset({"person", "vague"})  # sources that speak for a body their words name


@dataclass(frozen=True)
class Roles:
    """How a speaker's description is read: the role words that point to a body, and where it splits into parts."""

    bodies: dict[str, list[str]]  # "spy" (in "the spy chief") -> words of the body's name ("intelligence")
    parts: re.Pattern[str]  # commas and the words joining a role to a body: "deputy head | the UN mission | DR Congo"

    @classmethod
    def load(cls, data: dict) -> Roles:
        """From compare.json: its `speaker_bodies` and `role_joiners` ("of", "in", "at")."""
        joiners = "|".join(re.escape(w) for w in data["role_joiners"])
        return cls(data.get("speaker_bodies", {}), re.compile(rf",|\s+(?:{joiners})\s+"))


def speakers_bodies(claims: list[Claim], actors: ActorIndex | None, roles: Roles) -> dict[str, str]:
    """The body each speaker stands for wherever one mention names it ("Ukrainian President Volodymyr Zelensky"),
    so that "Zelensky" alone in a headline is the same voice."""
    found: dict[str, str] = {}
    for c in claims:
        if c.source is not None and c.source.actor and (body := speaks_for(c, actors, roles)):
            found.setdefault(c.source.actor, body)
    return found


def speaks_for(c: Claim, actors: ActorIndex | None, roles: Roles) -> str | None:
    """The body an unnamed speaker or a person stands for: an organisation its words name, else one its role
    points to, else the country or people its words name; None when none is found."""
    s = c.source
    if s is None or actors is None or not _unnamed(s.kind, s.name):
        return None
    named = [a for a in _named(s.text.replace(s.name, " ") if s.name != s.text else s.text, actors, roles.parts)
             + _named(s.role or "", actors, roles.parts) if a.id != s.actor and a.kind in BODY_KINDS]
    bodies = [a for a in named if a.kind == "organisation"]
    if bodies:
        return bodies[0].id
    country = named[0] if named else None
    return _role_body(c, actors, roles.bodies, country.name if country else None) or (country.id if country else None)


def _named(text: str, actors: ActorIndex, parts: re.Pattern[str]) -> list[Actor]:
    """The actors each part of a description names ("deputy head of the UN mission in DR Congo": UN, DR Congo)."""
    found = []
    for part in parts.split(text):
        actor = actors.get(actors.mentioned_in(part)) if part.strip() else None
        if actor is not None:
            found.append(actor)
    return found


def _unnamed(kind: str, name: str) -> bool:
    """A person, a vague source or a body described, not named ("the nation's spy agency")."""
    return kind in SPEAKER_KINDS or not any(w[:1].isupper() for w in name.split())


def _role_body(c: Claim, actors: ActorIndex, roles: dict[str, list[str]], country: str | None) -> str | None:
    """The organisation a speaker's role word points to, of the country its words name, found in its own article
    first; with no country named, only there."""
    source = c.source
    assert source is not None
    text = norm(source.text)
    keys = [k for word, keys in roles.items() if re.search(rf"\b{re.escape(word)}\b", text) for k in keys]
    if not keys:
        return None

    def fits(a: Actor) -> bool:
        names = [norm(n) for n in (a.name, *a.aliases)]
        return a.kind == "organisation" and a.id != source.actor and any(k in n for k in keys for n in names) and (
            country is None or any(norm(country) in n for n in names))

    candidates = [a for a in actors.actors if fits(a)]
    here = [a for a in candidates if c.doc in a.documents]
    best = here or (candidates if country else [])
    return best[0].id if best else None
