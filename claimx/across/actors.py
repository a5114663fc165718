"""Actors: the people, organisations, groups and places of a set of articles.

Articles spell the same actor many ways ("Zelensky", "Zelenskyy", "Ukrainian President
Volodymyr Zelensky"; "NIS", "South Korea's National Intelligence Service"; "North Korean",
"Pyongyang"). Comparing figures across articles needs one identity per actor, so this
module merges spellings in four steps, each cheaper and safer than the next:

1. within a document (`mentions.py`), an acronym defined in the text ("National Intelligence Service
   (NIS)") stands for its long form, a lone surname or given name stands for the full
   name it belongs to ("Lee" -> "Lee Seong-kweun"), and a bare group noun stands for the
   longer group it ends ("lawmakers" -> "South Korean lawmakers");
2. the editable alias file (lexicons/aliases.json) maps spellings, demonyms and capitals
   to a canonical name and kind;
3. spellings that differ only in case, accents, dots, hyphens or a possessive are one;
4. what is left is merged by rapidfuzz ratio when the kinds agree ("Zelenskiyy" ~ an
   alias of "Volodymyr Zelensky").

Then `ActorIndex.link` writes actor ids into claims: `source.actor` and `counted.actor`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from spacy.tokens import Doc

from ..components.mentions import KINDS, ActorLexicon, Mention, doc_mentions
from ..model import Claim, Counted
from ..read.names import ALIASES, display, find_acronyms, norm, slug
from ..records import claims_from_doc

__all__ = ["ALIASES", "Actor", "ActorIndex", "claim_ref", "find_acronyms", "link_document", "norm", "slug"]

# Kinds that may name the same actor: a NORP demonym and its country, a newspaper and its company.
COMPATIBLE = {frozenset(("place", "group")), frozenset(("organisation", "media"))}
# Below this length a fuzzy ratio says little ("Lee"/"Lei"), so short names must match exactly.
MIN_FUZZY_LEN = 5
RESOLVE_FUZZY_CUTOFF = 90  # rapidfuzz ratio for a spelling to name a known actor
FUZZY_CANDIDATES = 5  # how many close spellings a free spelling is checked against
SURFACE_REGEXES = 20_000  # compiled spellings kept per process (re's own cache holds 512)


@dataclass(frozen=True)
class Actor:
    """One person, organisation, group, media outlet or place, with every spelling seen.

    `claims_made` and `claims_about` hold claim references "doc:start" (the file name and
    the figure's character offset), which identify a claim in JSONL output as well.
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    documents: tuple[str, ...] = ()
    claims_made: tuple[str, ...] = ()
    claims_about: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        for key in ("aliases", "documents", "claims_made", "claims_about"):
            d[key] = list(d[key])
        return d


def claim_ref(claim: Claim) -> str:
    """A claim's reference: its document and the figure's offset, unique within a run."""
    return f"{claim.doc}:{claim.figure.start}"


def compatible(a: str, b: str) -> bool:
    """Two kinds may name one actor: equal, or a pair in COMPATIBLE."""
    return a == b or frozenset((a, b)) in COMPATIBLE


@dataclass
class ActorIndex:
    """The actors of a set of documents and the means to find them again in claims.

    Build it with `ActorIndex.from_docs`; `actors` is sorted by mentions, most first.
    """

    actors: list[Actor]
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)
    _lookup: dict[str, str] = field(default_factory=dict, repr=False)  # norm(spelling) -> id
    _sources: dict[tuple[str, int, int], str] = field(default_factory=dict, repr=False)
    _patterns: list[tuple[str, tuple[str, ...], str]] = field(default_factory=list, repr=False)  # see _surface_patterns

    # --- building ---------------------------------------------------------------------

    @classmethod
    def from_docs(cls, docs: Iterable[Doc], claims: Sequence[list[Claim]] | None = None, *,
                  lexicons: str | Path | None = None) -> ActorIndex:
        """Actors of Docs processed by `claimx.load()`.

        Args:
            docs: the Docs; their `_.doc_id` names them in claim references.
            claims: each Doc's claims, when already at hand; by default built from the Docs, unlinked.
            lexicons: a folder whose aliases.json is merged over the packaged one.
        """
        docs = list(docs)
        lex = ActorLexicon.load(lexicons)
        mentions: list[Mention] = []
        for doc in docs:
            mentions.extend(doc_mentions(doc, lex))
        keys = _cluster(mentions, lex)
        index = cls._build(mentions, keys, lex)
        if claims is None:
            claims = [claims_from_doc(d) for d in docs]
        all_claims = [c for cs in claims for c in cs]
        return index._with_claims(index.link(all_claims))

    @classmethod
    def _build(cls, mentions: list[Mention], keys: list[str], lex: ActorLexicon) -> ActorIndex:
        members: dict[str, list[Mention]] = defaultdict(list)
        for m, key in zip(mentions, keys, strict=True):
            members[key].append(m)
        actors, by_key, used = [], {}, set()
        for key, ms in members.items():
            canonical = next((m.canonical for m in ms if m.canonical), None)
            if canonical:
                name, kind = canonical, lex.kinds[canonical]
            else:
                names = Counter(m.name for m in ms)
                name = max(names, key=lambda n: (names[n], len(n), n))
                kind = _majority_kind(ms)
            aid = slug(name)
            if aid in used:  # two actors, one slug: the kind tells them apart
                aid = f"{aid}-{kind}"
            used.add(aid)
            by_key[key] = aid
            actors.append(Actor(id=aid, name=name, kind=kind,
                                aliases=tuple(sorted({display(m.text) for m in ms} | {m.name for m in ms})),
                                mentions=_count_mentions(ms), documents=tuple(sorted({m.doc for m in ms}))))
        index = cls(actors=actors)
        index._by_id = {a.id: a for a in actors}
        for m, key in zip(mentions, keys, strict=True):
            aid = by_key[key]
            for spelling in (m.text, m.name):
                index._lookup.setdefault(norm(spelling), aid)
            if m.is_source:
                index._sources[(m.doc, m.start, m.end)] = aid
        for a in actors:
            index._lookup.setdefault(norm(a.name), a.id)
            for spelling in lex.spellings.get(a.name, []):
                index._lookup.setdefault(norm(spelling), a.id)
        index._patterns = _surface_patterns(index, lex)
        return index

    def _with_claims(self, linked: list[Claim]) -> ActorIndex:
        made: dict[str, list[str]] = defaultdict(list)
        about: dict[str, list[str]] = defaultdict(list)
        for c in linked:
            if c.source is not None and c.source.actor:
                made[c.source.actor].append(claim_ref(c))
            if c.counted is not None and getattr(c.counted, "actor", None):
                about[c.counted.actor].append(claim_ref(c))
        actors = [dataclasses.replace(a, claims_made=tuple(made[a.id]), claims_about=tuple(about[a.id]))
                  for a in self.actors]
        actors.sort(key=lambda a: (-a.mentions, -len(a.claims_made) - len(a.claims_about), a.name))
        self.actors = actors
        self._by_id = {a.id: a for a in actors}
        return self

    # --- querying ---------------------------------------------------------------------

    def get(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return self._by_id.get(actor_id) if actor_id else None

    def resolve(self, name: str) -> str | None:
        """The id of the actor a spelling names, by exact key, then by fuzzy match; None if unknown."""
        key = norm(name)
        if not key:
            return None
        if key in self._lookup:
            return self._lookup[key]
        if len(key) >= MIN_FUZZY_LEN:
            hit = process.extractOne(key, list(self._lookup), scorer=fuzz.ratio, score_cutoff=RESOLVE_FUZZY_CUTOFF)
            if hit:
                return self._lookup[hit[0]]
        return None

    def mentioned_in(self, text: str) -> str | None:
        """The id of the actor a phrase mentions ('North Korean soldiers' -> 'north-korea').

        The longest spelling found wins, so "South Korean" is not read as "Korean".
        """
        best: tuple[int, int, str] | None = None
        folded = _folded(text)
        for spelling, words, aid in self._patterns:
            if not all(w in folded for w in words):
                continue  # a word of the spelling is missing: no need to build or run its regex
            m = _surface_regex(spelling).search(text)
            if m and (best is None or (m.end() - m.start(), -m.start()) > (best[0], best[1])):
                best = (m.end() - m.start(), -m.start(), aid)
        return best[2] if best else None

    def link(self, claims: Iterable[Claim]) -> list[Claim]:
        """New claims with `source.actor` and `counted.actor` set to actor ids (or None).

        A source found while building the index keeps the actor it was merged into; other
        sources are resolved by name. Vague sources ("reports") get no actor.
        """
        out = []
        for c in claims:
            source = c.source
            if source is not None and source.kind != "vague":
                aid = self._sources.get((c.doc, source.start, source.end)) or self.resolve(source.name)
                source = dataclasses.replace(source, actor=aid)
            counted = c.counted
            if counted is not None:
                counted = Counted(counted.text, counted.start, counted.end, actor=self.mentioned_in(counted.text))
            out.append(dataclasses.replace(c, source=source, counted=counted))
        return out


def _majority_kind(ms: list[Mention]) -> str:
    """The kind most mentions give; on a tie the more specific one (a person over a place)."""
    counts = Counter(m.kind for m in ms)
    return max(counts, key=lambda k: (counts[k], -KINDS.index(k)))


def _count_mentions(ms: list[Mention]) -> int:
    """Occurrences in the text: an entity, an acronym and a claim source on the same words count once."""
    seen: dict[str, list[tuple[int, int]]] = defaultdict(list)
    n = 0
    for m in sorted(ms, key=lambda m: (m.doc, m.is_source, m.start)):
        spans = seen[m.doc]
        if any(m.start < e and s < m.end for s, e in spans):
            continue
        spans.append((m.start, m.end))
        n += 1
    return n


# --- merging across documents -----------------------------------------------------------


def _cluster(mentions: list[Mention], lex: ActorLexicon) -> list[str]:
    """A cluster key per mention: the alias canonical, else a normalised spelling merged fuzzily."""
    keys = [f"alias:{m.canonical}" if m.canonical else norm(m.name) for m in mentions]
    freq = Counter(keys)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for m, k in zip(mentions, keys, strict=True):
        kinds[k][m.kind] += 1
    # targets a free spelling may merge into: every alias spelling, then earlier free spellings
    targets = dict(lex.alias_targets)  # norm(spelling) -> (cluster key, kind)
    added: list[str] = []  # the free spellings among them, in order
    merged: dict[str, str] = {}
    for key in sorted((k for k in freq if not k.startswith("alias:")), key=lambda k: (-freq[k], k)):
        kind = kinds[key].most_common(1)[0][0]
        into = None
        if len(key) >= MIN_FUZZY_LEN:
            for cand, score in _close_targets(key, lex, added):
                if compatible(targets[cand][1], kind) and score >= lex.threshold:
                    into = targets[cand][0]
                    break
        if into is None and kind == "person" and len(key.split()) == 1 and len(key) >= MIN_FUZZY_LEN:
            # a surname alone in a document that never gives the full name: "Zelenskyy" -> "Volodymyr Zelensky"
            heads = _alias_heads(key, lex) | _surname_heads(key, {t: targets[t] for t in added}, lex.threshold)
            owners = {targets[t][0] for t in heads}
            if len(owners) == 1:
                into = owners.pop()
        merged[key] = into or key
        if key not in targets:
            added.append(key)
        targets.setdefault(key, (merged[key], kind))
    return [merged.get(k, k) for k in keys]


def _close_targets(key: str, lex: ActorLexicon, added: list[str]) -> list[tuple[str, float]]:
    """The FUZZY_CANDIDATES spellings closest to `key` among the alias spellings and then `added`, best first (a tie
    to the earlier), as one rapidfuzz search over both lists gives; the alias part is remembered per process."""
    found = lex.memo.get(("close", key))
    if found is None:
        found = lex.memo[("close", key)] = [
            (cand, score) for cand, score, _ in process.extract(key, list(lex.alias_targets), scorer=fuzz.ratio,
                                                                score_cutoff=lex.threshold, limit=FUZZY_CANDIDATES)]
    if added:
        more = process.extract(key, added, scorer=fuzz.ratio, score_cutoff=lex.threshold, limit=FUZZY_CANDIDATES)
        found = sorted([*found, *((cand, score) for cand, score, _ in more)], key=lambda hit: -hit[1])
    return found[:FUZZY_CANDIDATES]


def _alias_heads(key: str, lex: ActorLexicon) -> frozenset[str]:
    """The alias spellings of persons whose surname is close to `key`, remembered per process."""
    heads = lex.memo.get(("heads", key))
    if heads is None:
        heads = lex.memo[("heads", key)] = frozenset(_surname_heads(key, lex.alias_targets, lex.threshold))
    return heads


def _surname_heads(key: str, targets: dict[str, tuple[str, str]], threshold: float) -> set[str]:
    """The full names (two words or more) of persons among `targets` whose last word is close to `key`."""
    return {t for t, (_, k) in targets.items() if k == "person" and len(t.split()) > 1
            and fuzz.ratio(key, t.split()[-1]) >= threshold}


def _surface_patterns(index: ActorIndex, lex: ActorLexicon) -> list[tuple[str, tuple[str, ...], str]]:
    """(spelling, its words case-folded, actor id) for every spelling of every actor, for finding actors inside
    counted phrases; a spelling's regex (`_surface_regex`) is built only for a phrase holding all its words."""
    spellings: dict[str, str] = {}
    for a in index.actors:
        for s in (a.name, *a.aliases, *lex.spellings.get(a.name, [])):
            s = display(s)
            if len(s) >= 2:
                spellings.setdefault(s, a.id)
    return [(s, tuple(_folded(s).split()), aid) for s, aid in spellings.items()]


def _folded(text: str) -> str:
    """Case-folded, one apostrophe: a spelling's regex can match only where each of its words so folded appears."""
    return text.casefold().replace("’", "'")


@functools.lru_cache(maxsize=SURFACE_REGEXES)
def _surface_regex(spelling: str) -> re.Pattern[str]:
    """The regex of one spelling, compiled once per process (every document names its actors again).

    Short and all-capital spellings ("US", "NIS") match case-sensitively: "us" is a pronoun.
    """
    flags = 0 if (spelling.isupper() or len(spelling) <= 3) else re.I
    body = re.escape(spelling).replace(r"\ ", r"\s+").replace("'", "['’]")
    return re.compile(rf"(?<!\w){body}(?:['’]s)?(?!\w)", flags)


def link_document(doc: Doc, claims: list[Claim], lexicons: str | Path | None = None) -> list[Claim]:
    """One document's claims with `source.actor` and `counted.actor` set from that document's actors.

    `lexicons` is the folder the pipeline was built with: its aliases.json decides the ids.
    """
    if not claims:
        return claims
    return ActorIndex.from_docs([doc], [claims], lexicons=lexicons).link(claims)
