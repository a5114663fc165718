"""Actors: the people, organisations, groups and places of a set of articles.

Articles spell the same actor many ways ("Zelensky", "Zelenskyy", "Ukrainian President
Volodymyr Zelensky"; "NIS", "South Korea's National Intelligence Service"; "North Korean",
"Pyongyang"). Comparing figures across articles needs one identity per actor, so this
module merges spellings in four steps, each cheaper and safer than the next:

1. within a document, an acronym defined in the text ("National Intelligence Service
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
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from rich.table import Table
from spacy.tokens import Doc

from .data import load_lexicon
from .model import Claim, Counted
from .records import claims_from_doc

ALIASES = "aliases.json"
KINDS = ("person", "organisation", "group", "media", "place")
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place"}
SPANS_KEY = "claimx"
# Kinds that may name the same actor: a NORP demonym and its country, a newspaper and its company.
COMPATIBLE = {frozenset(("place", "group")), frozenset(("organisation", "media"))}
# Below this length a fuzzy ratio says little ("Lee"/"Lei"), so short names must match exactly.
MIN_FUZZY_LEN = 5
# Words an acronym skips ("Foundation for Strategic Research" is FSR).
ACRONYM_STOP = {"of", "for", "and", "the", "on", "in", "to", "&", "de", "du", "des", "la", "le"}
ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z&]{1,9})\)")
POSSESSIVE_RE = re.compile(r"[’']s?$")
OWNER_RE = re.compile(r"^(.+?)[’']s\s+(.+)$")  # "South Korea's National Intelligence Service"


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


def norm(text: str) -> str:
    """The matching key of a name: case, accents, dots, hyphens, 'the' and possessives ignored."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = " ".join(s.replace("’", "'").replace("‘", "'").split()).lower()
    s = POSSESSIVE_RE.sub("", s)
    s = re.sub(r"^the\s+", "", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def slug(name: str) -> str:
    """A stable id from a canonical name: 'North Korea' -> 'north-korea'."""
    return norm(name).replace(" ", "-") or "actor"


def display(text: str) -> str:
    """A surface form cleaned for display: one line, no leading 'the', no trailing possessive."""
    s = " ".join(text.replace("’", "'").split())
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    s = POSSESSIVE_RE.sub("", s) if len(s) > 2 else s
    return s.strip(" ,;:\"'()")


def compatible(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in COMPATIBLE


def find_acronyms(text: str) -> list[tuple[str, str, int, int, int]]:
    """Acronyms defined in a text: (acronym, long form, long start, acronym start, acronym end).

    The long form is the shortest run of words just before "(ACR)" whose capitalised
    words' initials spell the acronym, so "a briefing with the National Intelligence
    Service (NIS)" gives "National Intelligence Service".
    """
    found = []
    for m in ACRONYM_RE.finditer(text):
        acr = m.group(1)
        before = text[max(0, m.start() - 200):m.start()]
        words = list(re.finditer(r"[^\s()]+", before))
        letters = acr.replace("&", "").upper()
        for k in range(1, min(len(words), len(letters) + 4) + 1):
            cand = words[-k:]
            # a run starts on a capitalised word and crosses no sentence end
            if not cand[0].group()[0].isupper() or any(w.group().endswith((".", ",", ";", ":")) for w in cand[:-1]):
                continue
            sig = [w.group() for w in cand if w.group().lower() not in ACRONYM_STOP]
            if "".join(w[0] for w in sig).upper() == letters and all(w[0].isupper() for w in sig):
                start = max(0, m.start() - 200) + cand[0].start()
                found.append((acr, display(text[start:max(0, m.start() - 200) + cand[-1].end()]), start,
                              m.start(1), m.end(1)))
                break
    return found


@dataclass
class _Mention:
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
class _Aliases:
    """The alias file, indexed for lookup by normalised spelling."""

    kinds: dict[str, str]
    lookup: dict[str, str]  # norm(spelling) -> canonical
    spellings: dict[str, list[str]]  # canonical -> canonical + aliases
    nouns: dict[str, str]  # counted noun -> class
    threshold: float
    titles: set[str]
    media: set[str]
    media_words: set[str]

    @classmethod
    def load(cls, lexicons: str | Path | None = None) -> _Aliases:
        data = load_lexicon(ALIASES, lexicons)
        attribution = load_lexicon("attribution.json", lexicons)
        kinds, lookup, spellings = {}, {}, {}
        for canonical, entry in data.get("actors", {}).items():
            kinds[canonical] = entry.get("kind", "organisation")
            spellings[canonical] = [canonical, *entry.get("aliases", [])]
            for spelling in spellings[canonical]:
                lookup.setdefault(norm(spelling), canonical)
        nouns = {norm(n): cls_ for cls_, members in data.get("nouns", {}).items() for n in members}
        return cls(kinds=kinds, lookup=lookup, spellings=spellings, nouns=nouns,
                   threshold=float(data.get("fuzzy_threshold", 90)),
                   titles={t.lower() for t in attribution.get("titles", [])},
                   media={norm(m) for m in attribution.get("media", [])},
                   media_words={w.lower() for w in attribution.get("media_words", [])})


@dataclass
class ActorIndex:
    """The actors of a set of documents and the means to find them again in claims.

    Build it with `ActorIndex.from_docs`; `actors` is sorted by mentions, most first.
    """

    actors: list[Actor]
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)
    _lookup: dict[str, str] = field(default_factory=dict, repr=False)  # norm(spelling) -> id
    _sources: dict[tuple[str, int, int], str] = field(default_factory=dict, repr=False)
    _patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list, repr=False)

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
        lex = _Aliases.load(lexicons)
        mentions: list[_Mention] = []
        for doc in docs:
            mentions.extend(_doc_mentions(doc, lex))
        keys = _cluster(mentions, lex)
        index = cls._build(mentions, keys, lex)
        if claims is None:
            claims = [claims_from_doc(d, link=False) for d in docs]  # unlinked: linking is what this index is for
        all_claims = [c for cs in claims for c in cs]
        return index._with_claims(index.link(all_claims))

    @classmethod
    def _build(cls, mentions: list[_Mention], keys: list[str], lex: _Aliases) -> ActorIndex:
        members: dict[str, list[_Mention]] = defaultdict(list)
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
            hit = process.extractOne(key, list(self._lookup), scorer=fuzz.ratio, score_cutoff=90)
            if hit:
                return self._lookup[hit[0]]
        return None

    def mentioned_in(self, text: str) -> str | None:
        """The id of the actor a phrase mentions ('North Korean soldiers' -> 'north-korea').

        The longest spelling found wins, so "South Korean" is not read as "Korean".
        """
        best: tuple[int, int, str] | None = None
        for pattern, aid in self._patterns:
            m = pattern.search(text)
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


# --- mentions -----------------------------------------------------------------------------


def _doc_mentions(doc: Doc, lex: _Aliases) -> list[_Mention]:
    """Entity, acronym and claim-source mentions of one Doc, with in-document merging done."""
    doc_id = doc._.doc_id if Doc.has_extension("doc_id") else ""
    text = doc.text
    out: list[_Mention] = []
    acronyms: dict[str, str] = {}
    for acr, long, long_start, _, _ in find_acronyms(text):
        acronyms[acr] = long
        kind = _org_kind(long, lex)
        out.append(_Mention(doc_id, long, long_start, long_start + len(long), kind, long))
        for m in re.finditer(rf"\b{re.escape(acr)}\b", text):
            out.append(_Mention(doc_id, acr, m.start(), m.end(), kind, long))
    headings = _heading_lines(text)
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        surface = ent.text.strip()
        # headings glued to the next line ("Deployment of North Korean Forces\n") are not names
        if kind is None or "\n" in surface or not any(ch.isupper() for ch in surface):
            continue
        # the small model reads Title Case headings ("Broader Context", "Quick Takes") as names
        if kind in ("person", "organisation") and any(s <= ent.start_char < e for s, e in headings):
            continue
        name = display(surface)
        if kind == "person":
            name = _strip_titles(name, lex)
        elif kind == "organisation":
            kind = _org_kind(name, lex)
        out.append(_Mention(doc_id, surface, ent.start_char, ent.start_char + len(surface), kind, name))
    for span in doc.spans.get(SPANS_KEY, []):
        source = span._.source
        if source is None or source.kind == "vague" or not source.name:
            continue
        kind = source.kind if source.kind in KINDS else "organisation"
        out.append(_Mention(doc_id, source.text, source.start, source.end, kind, display(source.name), is_source=True))
    for m in out:
        m.name = acronyms.get(m.name, m.name)
        owner = OWNER_RE.match(m.name)
        if owner and lex.kinds.get(lex.lookup.get(norm(owner.group(1)), ""), "") == "place":
            # "South Korea's National Intelligence Service" is the service, but a place entity
            # running on into the next word ("North Korea's Role") is the place
            if m.kind in ("organisation", "media"):
                m.name = owner.group(2)
            elif m.kind in ("place", "group"):
                m.name = owner.group(1)
        m.canonical = lex.lookup.get(norm(m.name))
        if m.canonical:
            m.kind = lex.kinds[m.canonical]
    _merge_short_names(out)
    return out


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that look like headings: short, Title Case, no closing punctuation."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
        if not line or len(line.split()) > 12 or line[-1] in ".!?:;\"”'’)":
            continue
        if words and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
            out.append((m.start(), m.end()))
    return out


def _strip_titles(name: str, lex: _Aliases) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in lex.titles | {"mr", "mrs", "ms", "dr"}:
        words = words[1:]
    return " ".join(words)


def _org_kind(name: str, lex: _Aliases) -> str:
    words = norm(name).split()
    if norm(name) in lex.media or (words and words[-1] in lex.media_words):
        return "media"
    return "organisation"


def _merge_short_names(mentions: list[_Mention]) -> None:
    """In one document, a one-word person name or a bare group noun takes the longer name it is part of.

    Of several candidates ("Kim" with "Kim Jong Un" and "Kim Byung-kee") the nearest
    full mention before it wins: that is the one a reader has in mind.
    """
    for m in mentions:
        if m.canonical:
            continue
        key = norm(m.name)
        if m.kind == "person" and len(key.split()) == 1:
            cands = [o for o in mentions if o.kind == "person" and len(norm(o.name).split()) > 1
                     and key in norm(o.name).split()]
        elif m.kind in ("group", "organisation") and key:
            cands = [o for o in mentions if o.kind == m.kind and norm(o.name).endswith(" " + key)]
        else:
            continue
        if not cands:
            continue
        before = [o for o in cands if o.start < m.start]
        best = max(before, key=lambda o: o.start) if before else min(cands, key=lambda o: o.start)
        m.name, m.canonical = best.name, best.canonical
        if best.canonical:
            m.kind = best.kind


def _majority_kind(ms: list[_Mention]) -> str:
    """The kind most mentions give; on a tie the more specific one (a person over a place)."""
    counts = Counter(m.kind for m in ms)
    return max(counts, key=lambda k: (counts[k], -KINDS.index(k)))


def _count_mentions(ms: list[_Mention]) -> int:
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


def _cluster(mentions: list[_Mention], lex: _Aliases) -> list[str]:
    """A cluster key per mention: the alias canonical, else a normalised spelling merged fuzzily."""
    keys = [f"alias:{m.canonical}" if m.canonical else norm(m.name) for m in mentions]
    freq = Counter(keys)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for m, k in zip(mentions, keys, strict=True):
        kinds[k][m.kind] += 1
    # targets a free spelling may merge into: every alias spelling, then earlier free spellings
    targets: dict[str, tuple[str, str]] = {}  # norm(spelling) -> (cluster key, kind)
    for canonical, spellings in lex.spellings.items():
        for spelling in spellings:
            targets.setdefault(norm(spelling), (f"alias:{canonical}", lex.kinds[canonical]))
    merged: dict[str, str] = {}
    for key in sorted((k for k in freq if not k.startswith("alias:")), key=lambda k: (-freq[k], k)):
        kind = kinds[key].most_common(1)[0][0]
        into = None
        if len(key) >= MIN_FUZZY_LEN:
            for cand, score, _ in process.extract(key, list(targets), scorer=fuzz.ratio, score_cutoff=lex.threshold,
                                                  limit=5):
                if compatible(targets[cand][1], kind) and score >= lex.threshold:
                    into = targets[cand][0]
                    break
        if into is None and kind == "person" and len(key.split()) == 1 and len(key) >= MIN_FUZZY_LEN:
            # a surname alone in a document that never gives the full name: "Zelenskyy" -> "Volodymyr Zelensky"
            heads = {t for t, (_, k) in targets.items() if k == "person" and len(t.split()) > 1
                     and fuzz.ratio(key, t.split()[-1]) >= lex.threshold}
            owners = {targets[t][0] for t in heads}
            if len(owners) == 1:
                into = owners.pop()
        merged[key] = into or key
        targets.setdefault(key, (merged[key], kind))
    return [merged.get(k, k) for k in keys]


def _surface_patterns(index: ActorIndex, lex: _Aliases) -> list[tuple[re.Pattern[str], str]]:
    """Regexes for every spelling of every actor, for finding actors inside counted phrases.

    Short and all-capital spellings ("US", "NIS") match case-sensitively: "us" is a pronoun.
    """
    spellings: dict[str, str] = {}
    for a in index.actors:
        for s in (a.name, *a.aliases, *lex.spellings.get(a.name, [])):
            s = display(s)
            if len(s) >= 2:
                spellings.setdefault(s, a.id)
    out = []
    for s, aid in spellings.items():
        flags = 0 if (s.isupper() or len(s) <= 3) else re.I
        body = re.escape(s).replace(r"\ ", r"\s+").replace("'", "['’]")
        out.append((re.compile(rf"(?<!\w){body}(?:['’]s)?(?!\w)", flags), aid))
    return out


# --- output -----------------------------------------------------------------------------


def actors_table(actors: Iterable[Actor], *, limit_aliases: int = 6) -> Table:
    """A rich table of actors: who they are, how often named, how many claims they make or are about."""
    actors = list(actors)
    table = Table(title=f"{len(actors)} actor{'s' if len(actors) != 1 else ''}", title_justify="left")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("name")
    table.add_column("kind", style="magenta")
    table.add_column("mentions", justify="right")
    table.add_column("docs", justify="right")
    table.add_column("claims made", justify="right")
    table.add_column("claims about", justify="right")
    table.add_column("aliases seen", ratio=1)
    for a in actors:
        others = [s for s in a.aliases if s != a.name]
        shown = ", ".join(others[:limit_aliases]) + (f", … (+{len(others) - limit_aliases})" if len(others) > limit_aliases else "")
        table.add_row(a.id, a.name, a.kind, str(a.mentions), str(len(a.documents)), str(len(a.claims_made)),
                      str(len(a.claims_about)), shown)
    return table
