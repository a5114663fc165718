"""The actor mentions of one Doc: entities, acronyms and claim sources, merged within the document.

Step 1 of merging spellings (see `actors.py`): an acronym defined in the text ("National
Intelligence Service (NIS)") stands for its long form, a lone surname or given name stands
for the full name it belongs to ("Lee" -> "Lee Seong-kweun"), a bare group noun for the
longer group it ends ("lawmakers" -> "South Korean lawmakers").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from ..constants import SPANS_KEY
from ..data import load_lexicon
from ..read.names import ALIASES, OWNER_RE, display, find_acronyms, norm, strip_titles

KINDS = ("person", "organisation", "group", "media", "place")
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place"}
HEADING_MAX_WORDS = 12  # a longer line is a sentence, not a heading
HEADING_CAPITALISED_SHARE = 0.6  # of a heading's longer words, at least this share are capitalised
HEADING_MIN_WORD_CHARS = 4  # shorter words ("of", "and") say nothing of Title Case
LEXICON_CACHE = 8  # actor lexicons kept built: one per --lexicons folder used in a process
HEADING_END_CHARS = ".!?:;\"”'’)"  # a line ending so is a sentence


@dataclass
class Mention:
    """One occurrence of an actor name in one document, before merging."""

    doc: str
    text: str
    start: int
    end: int
    kind: str
    name: str  # the spelling to resolve, after acronym and in-document merging
    is_source: bool = False
    canonical: str | None = None  # set when the alias file knows the name


@dataclass
class ActorLexicon:
    """The alias file, indexed for lookup by normalised spelling, with the title and media words."""

    kinds: dict[str, str]
    lookup: dict[str, str]  # norm(spelling) -> canonical
    spellings: dict[str, list[str]]  # canonical -> canonical + aliases
    nouns: dict[str, str]  # counted noun -> class
    threshold: float
    titles: set[str]
    media: set[str]
    media_words: set[str]
    acronym_skip: set[str]

    @classmethod
    def load(cls, lexicons: str | Path | None = None) -> ActorLexicon:
        """The lexicon of a folder of user lexicons (or the packaged one), built once per process; treat it as read-only."""
        return _actor_lexicon(str(lexicons) if lexicons else None)

    @functools.cached_property
    def memo(self) -> dict[Any, Any]:
        """What the actor index works out from this lexicon alone, kept for the next document (the lexicon is built
        once per process)."""
        return {}

    @functools.cached_property
    def alias_targets(self) -> dict[str, tuple[str, str]]:
        """norm(spelling) -> (cluster key, kind) for every alias spelling: what a free spelling may merge into."""
        targets: dict[str, tuple[str, str]] = {}
        for canonical, spellings in self.spellings.items():
            for spelling in spellings:
                targets.setdefault(norm(spelling), (f"alias:{canonical}", self.kinds[canonical]))
        return targets

    @classmethod
    def build(cls, lexicons: str | Path | None = None) -> ActorLexicon:
        data = load_lexicon(ALIASES, lexicons)
        attribution = load_lexicon("attribution.json", lexicons)
        kinds, lookup, spellings = {}, {}, {}
        for canonical, entry in data.get("actors", {}).items():
            kinds[canonical] = entry.get("kind", "organisation")
            spellings[canonical] = [canonical, *entry.get("aliases", [])]
            for spelling in spellings[canonical]:
                lookup.setdefault(norm(spelling), canonical)
        nouns = {norm(n): cls_ for cls_, members in data.get("nouns", {}).items() for n in members}
        titles = {t.lower() for t in [*attribution.get("titles", []), *data.get("honorifics", [])]}
        return cls(kinds=kinds, lookup=lookup, spellings=spellings, nouns=nouns,
                   threshold=float(data.get("fuzzy_threshold", 90)), titles=titles,
                   media={norm(m) for m in attribution.get("media", [])},
                   media_words={w.lower() for w in attribution.get("media_words", [])},
                   acronym_skip=set(data.get("acronym_skip", [])))

    def org_kind(self, name: str) -> str:
        """'media' for a newspaper or broadcaster ('The Guardian', 'Kyiv Post'), else 'organisation'."""
        words = norm(name).split()
        if norm(name) in self.media or (words and words[-1] in self.media_words):
            return "media"
        return "organisation"


@functools.lru_cache(maxsize=LEXICON_CACHE)
def _actor_lexicon(lexicons: str | None) -> ActorLexicon:
    return ActorLexicon.build(lexicons)


def doc_mentions(doc: Doc, lex: ActorLexicon) -> list[Mention]:
    """Entity, acronym and claim-source mentions of one Doc, with in-document merging done."""
    doc_id = doc._.doc_id if Doc.has_extension("doc_id") else ""
    acronyms: dict[str, str] = {}
    text = doc.text  # built anew on every access: once
    out = _acronym_mentions(doc_id, text, lex, acronyms)
    headings = heading_lines(text)
    out += [m for ent in doc.ents if (m := _entity_mention(doc_id, ent, lex, headings)) is not None]
    out += _source_mentions(doc_id, doc)
    for m in out:
        m.name = acronyms.get(m.name, m.name)
        _split_owner(m, lex)
        m.canonical = lex.lookup.get(norm(m.name))
        if m.canonical:
            m.kind = lex.kinds[m.canonical]
    merge_short_names(out)
    return out


def _acronym_mentions(doc_id: str, text: str, lex: ActorLexicon, acronyms: dict[str, str]) -> list[Mention]:
    """Each defined acronym's long form and every use of the acronym; fills `acronyms` (short -> long)."""
    out = []
    for acr, long, long_start, _, _ in find_acronyms(text, lex.acronym_skip):
        acronyms[acr] = long
        kind = lex.org_kind(long)
        out.append(Mention(doc_id, long, long_start, long_start + len(long), kind, long))
        out += [Mention(doc_id, acr, m.start(), m.end(), kind, long) for m in re.finditer(rf"\b{re.escape(acr)}\b", text)]
    return out


def _entity_mention(doc_id: str, ent: Span, lex: ActorLexicon, headings: list[tuple[int, int]]) -> Mention | None:
    """A named entity as an actor mention, or None when it is no name."""
    kind = ENTITY_KINDS.get(ent.label_)
    surface = ent.text.strip()
    # headings glued to the next line ("Deployment of North Korean Forces\n") are not names
    if kind is None or "\n" in surface or not any(ch.isupper() for ch in surface):
        return None
    # the small model reads Title Case headings ("Broader Context", "Quick Takes") as names
    if kind in ("person", "organisation") and any(s <= ent.start_char < e for s, e in headings):
        return None
    name = display(surface)
    if kind == "person":
        name = strip_titles(name, lex.titles)
    elif kind == "organisation":
        kind = lex.org_kind(name)
    return Mention(doc_id, surface, ent.start_char, ent.start_char + len(surface), kind, name)


def _source_mentions(doc_id: str, doc: Doc) -> list[Mention]:
    """The named sources of the Doc's claims (vague ones, 'reports', are no actors)."""
    out = []
    for span in doc.spans.get(SPANS_KEY, []):
        source = span._.source
        if source is None or source.kind == "vague" or not source.name:
            continue
        kind = source.kind if source.kind in KINDS else "organisation"
        out.append(Mention(doc_id, source.text, source.start, source.end, kind, display(source.name), is_source=True))
    return out


def _split_owner(m: Mention, lex: ActorLexicon) -> None:
    """"South Korea's National Intelligence Service" is the service; "North Korea's Role" (a place entity run on) the place."""
    owner = OWNER_RE.match(m.name)
    if not owner or lex.kinds.get(lex.lookup.get(norm(owner.group(1)), ""), "") != "place":
        return
    if m.kind in ("organisation", "media"):
        m.name = owner.group(2)
    elif m.kind in ("place", "group"):
        m.name = owner.group(1)


def heading_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that look like headings: short, Title Case, no closing punctuation."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        words = [w for w in line.split() if len(w) >= HEADING_MIN_WORD_CHARS and w[0].isalpha()]
        if not line or len(line.split()) > HEADING_MAX_WORDS or line[-1] in HEADING_END_CHARS:
            continue
        if words and sum(w[0].isupper() for w in words) / len(words) >= HEADING_CAPITALISED_SHARE:
            out.append((m.start(), m.end()))
    return out


def merge_short_names(mentions: list[Mention]) -> None:
    """In one document, a one-word person name or a bare group noun takes the longer name it is part of.

    Of several candidates ("Kim" with "Kim Jong Un" and "Kim Byung-kee") the nearest
    full mention before it wins: that is the one a reader has in mind.
    """
    for m in mentions:
        if m.canonical:
            continue
        cands = _longer_names(m, mentions)
        if not cands:
            continue
        before = [o for o in cands if o.start < m.start]
        best = max(before, key=lambda o: o.start) if before else min(cands, key=lambda o: o.start)
        m.name, m.canonical = best.name, best.canonical
        if best.canonical:
            m.kind = best.kind


def _longer_names(m: Mention, mentions: list[Mention]) -> list[Mention]:
    """The mentions whose longer name a short one may stand for: a surname's full name, a group noun's group."""
    key = norm(m.name)
    if m.kind == "person" and len(key.split()) == 1:
        return [o for o in mentions if o.kind == "person" and len(norm(o.name).split()) > 1 and key in norm(o.name).split()]
    if m.kind in ("group", "organisation") and key:
        return [o for o in mentions if o.kind == m.kind and norm(o.name).endswith(" " + key)]
    return []
