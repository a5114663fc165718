"""The `claimx_attribution` component: who each figure comes from, and when it holds.

Each figure's source comes from the first of the source strategies (`STRATEGIES`, in order of
trust) that finds one: a reporting verb or noun governing the figure (its reach is its own clause,
never the next sentence), the speaker of the direct quotation the figure stands in, "according
to X", a reporting verb read off the words, a reporting clause set off after the figure.
Pronoun sources are resolved to the nearest preceding named speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .component import DataComponent
from .counted import anchor_of
from .model import Cue, Source
from .quotes import in_region as _in_region
from .quotes import opens_with_quote, paragraph_bounds, quote_regions
from .quotes import region_of as _region_of
from .records import ents_of
from .timex import TimeResolver

NOUNS = ("NOUN", "PROPN")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NEVER_SPEAKER_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
DASHES = ("\u2014", "\u2013", "-", "--")
DATELINE_WORDS = 8  # a dateline ("SAN JOSE, Costa Rica —") is a few words before a dash at a paragraph's start
REPORTED_CLAUSE_DEPS = ("ccomp", "conj")  # how a reported clause hangs on the verb that reports it
QUOTE_PARAGRAPHS_BACK = 4  # paragraphs a running quotation is followed back over to its speaker
# "— Jayson Stark (@jaysonst) November 3, 2016" closing a paragraph: an embedded post's author, handle and date
SIGNATURE_RE = re.compile(r"[\u2014\u2013-]\s*([^()\n\u2014]{2,60}?)\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}[ \t]*$", re.M)
LABEL_WORDS = 8  # "Jane Roe, The Daily Planet:": a speaker's label is a few words before a colon
QUOTE_MARKS = ('"', "\u201c", "\u201d", "''", "``", "\u2018", "\u2019", "'")
MAX_CLIMB = 12  # steps from the figure up to the verb that reports it
OWNER_STEPS = 4  # "a statement [issued] [by] [the NIS]": from the owner up to its document
# "National Intelligence Service (NIS)": a capitalised name, then its acronym in brackets
_NAME_WORD = r"[A-Z][\w'’.&-]*"
ACRONYM_RE = re.compile(rf"((?:{_NAME_WORD}\s+)(?:(?:of|for|and|the|on|{_NAME_WORD})\s+){{0,6}}{_NAME_WORD})\s*\(([A-Z][A-Z0-9&]{{1,7}})\)")


@dataclass
class _Ctx:
    """What every source strategy reads about one figure."""

    span: Span
    anchor: Token  # the figure's syntactic anchor
    sent: Span
    inside: set[int]  # token indices of the figure
    region: tuple[int, int] | None  # the direct quotation the figure stands in
    quotes: list[tuple[int, int]]
    phrases: list[tuple[Span, str]]


@dataclass
class _Found:
    source: Token | None  # head token of the source mention
    cue: Span | None
    stance: str
    source_span: Span | None = None


class AttributionFinder(DataComponent):
    """Fills span._.source, ._.cue, ._.hedged, ._.quote and ._.time for each figure."""

    LEXICONS = ("attribution.json",)

    def __init__(self, nlp: Language, name: str = "claimx_attribution", *, spans_key: str = "claimx",
                 lexicons: str | Path | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        super().__init__(lexicons)
        self.times = TimeResolver()

    def _build(self) -> None:
        a = self.data["attribution.json"]
        self.cue_verbs: dict[str, str] = a["cue_verbs"]
        self.cue_nouns: dict[str, str] = a["cue_nouns"]
        self.document_nouns = set(a["document_nouns"])
        self.document_cues = set(a["document_cues"])
        self.passive_speaker_cues = set(a["passive_speaker_cues"])
        self.cue_objects: dict[str, list[str]] = a["cue_objects"]
        self.relay_cues = set(a["relay_cues"])
        self.person_nouns = set(a["person_nouns"])
        self.hedges = {h.lower() for h in a["hedges"]}
        self.vague_sources = set(a["vague_sources"])
        self.org_nouns = set(a["org_nouns"])
        self.media = {m.lower() for m in a["media"]}
        self.media_words = set(a["media_words"])
        self.titles = set(a["titles"])
        self.person_pronouns = set(a["person_pronouns"])
        self.plural_pronouns = set(a["plural_pronouns"])
        self.first_person = set(a["first_person"])
        self.relative_pronouns = set(a["relative_pronouns"])
        self.phrase_stance: dict[str, str] = a["phrases"]
        self.via_cues = set(a["via_cues"])
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for phrase in self.phrase_stance:
            self.matcher.add(phrase, [self.nlp.make_doc(phrase)])

    # -- component -----------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans.get(self.spans_key, [])
        if not spans or not doc.has_annotation("DEP"):
            return doc
        text = doc.text  # built anew on every access: once per document
        quotes = quote_regions(text)
        phrases = self._phrases(doc)
        acronyms = {short: long for long, short in ACRONYM_RE.findall(text)}
        base = self.times.base_date(doc)
        speakers: list[Token] = []  # named people seen so far, for "he said"
        trail = self._speaker_trail(doc)  # every reporting subject in the text, for "he said", "they added"
        for span in spans:
            anchor = anchor_of(span)
            region = _region_of(quotes, span.start_char, span.end_char)
            span._.quote = region is not None
            found = self._find(_Ctx(span, anchor, span.sent, set(range(span.start, span.end)), region, quotes, phrases))
            if found is not None and found.source is not None:
                head = self._resolve_pronoun(found.source, region, quotes, trail + speakers, span)
                if head is not None:
                    head = self._named_apposition(head)
                    src_span = found.source_span if head is found.source and found.source_span is not None else self.mention(head)
                    relayed = self._relayed(head, phrases)
                    if relayed is not None:  # "Reuters, citing Mark Hale, said": Hale speaks, Reuters relays
                        src_span, head = self.mention(relayed), relayed
                    span._.source = self.source_record(src_span, head, acronyms, phrases)
                    if relayed is not None:
                        span._.source = replace(span._.source, via=self.mention(found.source).text)
                    if span._.source.kind == "person":
                        speakers.append(head)
                    span._.cue = self.cue_record(found)
            cue_i = found.cue.start if found is not None and found.cue is not None and len(found.cue) == 1 else -1
            span._.hedged = self._hedged(span, anchor, cue_i)
            span._.time = self.times.time_of(span, anchor, base)
        return doc

    # -- finding the source --------------------------------------------
    # The source strategies, in order of trust: the first that finds a speaker wins.
    STRATEGIES = (
        "_speaker_label",        # "WALLACE: ...", "Jane Roe, The Daily Planet: ...", "this finding: ''...''"
        "_tweet_signature",      # an embedded post signed "— Jane Roe (@janeroe) November 3, 2016"
        "_governing_cue",        # a reporting verb or noun that governs the figure
        "_quote_speaker_of",     # the speaker of the direct quotation the figure stands in
        "_according_to",         # "according to X" / "citing X" in the sentence
        "_linear",               # "X claims/estimating ..." read off the words
        "_set_off_cue",          # "..., regional governor Oleh Syniehubov said."
        "_root_cue",             # a reporting verb at the root after the figure: ", officials said."
        "_parenthetical_cue",    # a reporting clause set in commas: "That year, the GTI said, ..."
        "_running_quote",        # a quotation running over paragraphs: its speaker, named where it began
        "_semicolon_series",     # "X reported that A holds $2bn; B holds $1bn": the series is X's
    )

    def _find(self, ctx: _Ctx) -> _Found | None:
        """The first strategy in STRATEGIES that finds who reports the figure."""
        for name in self.STRATEGIES:
            found = getattr(self, name)(ctx)
            if found is not None:
                return found
        return None

    def _tweet_signature(self, ctx: _Ctx) -> _Found | None:
        """An embedded social-media post ends with its author's signature: '... — Jane Roe (@janeroe) May 3, 2016'."""
        doc = ctx.span.doc
        start, end = paragraph_bounds(doc.text, ctx.span.start_char)
        m = SIGNATURE_RE.search(doc.text, start, end)
        if m is None or m.start() < ctx.span.end_char:
            return None
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or not any(t.pos_ in NOUNS for t in name):
            return None
        head = next(t for t in reversed(name) if t.pos_ in NOUNS)
        return _Found(head, None, "states", name)

    def _speaker_label(self, ctx: _Ctx) -> _Found | None:
        """A speaker's label before a colon frames what follows it: a transcript's or a roundup's 'NAME:' opening the
        paragraph, or a speaking noun just before a colon and a quotation mark ('this finding: \'\'27 ...')."""
        doc = ctx.span.doc
        start, end = paragraph_bounds(doc.text, ctx.span.start_char)
        para = doc.char_span(start, end, alignment_mode="expand")
        if para is None:
            return None
        for colon in (t for t in para if t.text == ":" and t.i < ctx.span.start):
            label = self._label_speaker(para, colon) if colon.i - para.start <= LABEL_WORDS + 1 else None
            if label is None:
                label = self._colon_quote_speaker(colon)
            if label is not None:
                return _Found(label, _one(colon.sent, colon), "states")
        return None

    def _label_speaker(self, para: Span, colon: Token) -> Token | None:
        """'WALLACE:' / '"PENCE:' / 'Jane Roe, The Daily Planet:' at a paragraph's start: the name it gives."""
        words = [t for t in para.doc[para.start:colon.i] if not (t.is_punct and t.text in QUOTE_MARKS) and not t.is_space]
        if not words or any(t.pos_ in ("VERB", "AUX", "NUM") for t in words):
            return None  # "Partial transcript as follows:", "Two questions:": no speaker named
        first = words[0]
        if not (first.pos_ == "PROPN" or (first.text.isupper() and len(first.text) > 1)):
            return None
        name = []
        for t in words:
            if t.text == ",":
                break  # "Jane Roe, The Daily Planet": the person, not the paper
            name.append(t)
        head = next((t for t in reversed(name) if t.pos_ in NOUNS or t.text.isupper()), None)
        return head if head is not None and (self._may_speak(head) or head.text.isupper()) else None

    def _colon_quote_speaker(self, colon: Token) -> Token | None:
        """'... exemplified by this finding: \'\'27 companies ...': the speaking noun before a colon that opens a quotation."""
        doc = colon.doc
        if colon.i == 0 or colon.i + 1 >= len(doc):
            return None
        mark = doc[colon.i + 1].text
        if not (mark in QUOTE_MARKS or mark.startswith("'")):
            return None  # the colon must open a quotation
        before = doc[colon.i - 1]
        if before.pos_ not in NOUNS or not (self._is_document(before) or before.ent_type_ in ("PERSON", "ORG")):
            return None
        return before

    def _governing_cue(self, ctx: _Ctx) -> _Found | None:
        """Walk up from the figure to the verb or noun that reports it ('X said that ... 600', 'estimates of 600');
        a report inside a report is the outer speaker's ('The Times wrote that Trump had claimed a loss of $9m')."""
        sent, x = ctx.sent, ctx.anchor
        found = None
        for _ in range(MAX_CLIMB):
            head = x.head
            if head == x or head.i < sent.start or head.i >= sent.end:
                break
            lemma = head.lemma_.lower()
            if head.pos_ in ("VERB", "AUX") and lemma in self.cue_verbs and head.i not in ctx.inside \
                    and x.dep_ not in SUBJECT_DEPS:  # the figure is in what is reported, not who reports
                subj = self._reporting_subject(head, ctx)
                if subj is not None:
                    if found is not None and (x.dep_ not in REPORTED_CLAUSE_DEPS or _semicolon_between(found.cue[0], head)):
                        break  # the outer verb does not report the inner one ("X estimates ...; Y puts the figure at")
                    found = _Found(subj, _one(sent, head), self.cue_verbs[lemma])
            elif found is None and head.pos_ == "NOUN" and lemma in self.cue_nouns and self._reports_content(x):
                owner = self._owner(head)
                src = owner if owner is not None else head
                return _Found(src, _one(sent, head), self.cue_nouns[lemma], self.mention(head) if owner is None else None)
            x = head
        if found is not None and found.cue is not None and ctx.region is not None and _in_region(ctx.region, found.cue[0].idx):
            # "'People say it will get 90 percent,' said King": words quoted are the quoted speaker's
            return self._quote_speaker(ctx.span.doc, ctx.region, ctx.quotes) or found
        return found

    @staticmethod
    def _reports_content(x: Token) -> bool:
        """`x` holds what its reporting noun reports: 'estimates [of] 600', 'his claim [that] there were 600'."""
        if x.dep_ == "prep" and x.lower_ == "of":
            return True
        return x.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in x.children)

    def _reporting_subject(self, verb: Token, ctx: _Ctx) -> Token | None:
        """The subject of a governing cue verb, if it is one that reports."""
        subj = self.subject_of(verb)
        if subj is None:
            return None
        if verb.lemma_.lower() in self.document_cues and not self._document_voice(subj):
            return None  # "the military has shown improvement": no one reports anything
        if not self._cue_takes(verb):
            return None  # "police put the figure at 800" reports; "put 800 troops on alert" does not
        if not self._may_speak(subj):
            return None  # "Damage estimated at $30 billion": a thing estimates nothing
        if ctx.region and _in_region(ctx.region, verb.idx) and subj.lower_ in self.first_person:
            return None  # "I said" inside a quote: the quote's speaker, found later
        return subj

    def _quote_speaker_of(self, ctx: _Ctx) -> _Found | None:
        """The speaker of the quotation the figure stands in."""
        if ctx.region is None:
            return None
        return self._quote_speaker(ctx.span.doc, ctx.region, ctx.quotes)

    def _according_to(self, ctx: _Ctx) -> _Found | None:
        """'according to X', 'citing X' anywhere in the figure's sentence."""
        for phrase, stance in ctx.phrases:
            inner = _region_of(ctx.quotes, phrase.start_char, phrase.end_char)
            if phrase.sent == ctx.sent and phrase.text.lower() not in self.via_cues \
                    and inner in (None, ctx.region):  # a quotation's own "according to" speaks for it alone
                obj = self._phrase_object(phrase)
                if obj is not None and obj.i not in ctx.inside:
                    owner = self._owner(obj) if self._is_document(obj) else None
                    return _Found(owner or obj, phrase, stance)  # "according to an analysis by X": X
        return None

    def _set_off_cue(self, ctx: _Ctx) -> _Found | None:
        """A reporting clause set off after the figure: '..., regional governor Oleh Syniehubov said.'"""
        span, sent, anchor = ctx.span, ctx.sent, ctx.anchor
        for tok in sent[anchor.i - sent.start + 1:]:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.cue_verbs and lemma not in self.document_cues and self._cue_takes(tok):
                subj = self.subject_of(tok)
                if (subj is None or subj.i < anchor.i) and tok.i > 0 and span.doc[tok.i - 1].pos_ in NOUNS and not any(
                        c.dep_ in ("ccomp", "dobj") and c.i > tok.i for c in tok.children):
                    # the parser hung the speaker on the clause before: read it off the words
                    subj = _phrase_head(span.doc[tok.i - 1], anchor.i)  # "a source close to the talks said"
                set_off = subj is not None and anchor.i < subj.left_edge.i < tok.i and subj.left_edge.i > 0 \
                    and span.doc[subj.left_edge.i - 1].text in (",", "”", '"', "’", "—", "–")
                inverted = subj is not None and subj.i > tok.i  # "..., says Kyiv": subject_of read the speaker after the verb
                if set_off or inverted:
                    return _Found(subj, _one(sent, tok), self.cue_verbs[lemma])
            found = self._final_noun_cue(span, sent, anchor, tok)
            if found is not None:
                return found
        return None

    def _parenthetical_cue(self, ctx: _Ctx) -> _Found | None:
        """A reporting clause set in commas inside the sentence reports all of it: 'That year, the GTI said, ...'."""
        doc = ctx.span.doc
        for tok in ctx.sent:
            lemma = tok.lemma_.lower()
            if tok.dep_ != "parataxis" or tok.pos_ != "VERB" or lemma not in self.cue_verbs or tok.i + 1 >= len(doc):
                continue
            if doc[tok.i + 1].text != ",":
                continue  # set off by a comma after it, too
            subj = self.subject_of(tok)
            if subj is not None and subj.i < tok.i and (self._may_speak(subj) or (
                    subj.pos_ in NOUNS and subj.ent_type_ not in NEVER_SPEAKER_ENTS)):
                return _Found(subj, _one(ctx.sent, tok), self.cue_verbs[lemma])  # ", the index said,": it speaks
        return None

    def _running_quote(self, ctx: _Ctx) -> _Found | None:
        """A figure in a quotation paragraph: the speaker named in it, else in the paragraphs the quotation
        ran over, else in the paragraph that led into it ('X told the Standard: "...' / '"At first 10 ...')."""
        doc = ctx.span.doc
        text = doc.text
        start, end = paragraph_bounds(text, ctx.span.start_char)
        if ctx.region is None and not opens_with_quote(text, start, end):
            return None
        for _ in range(QUOTE_PARAGRAPHS_BACK):
            found = self._speaker_in(doc, start, end, ctx.quotes)
            if found is not None or start == 0:
                return found
            start, end = paragraph_bounds(text, start - 1)
            if not opens_with_quote(text, start, end):
                return self._speaker_in(doc, start, end, ctx.quotes)  # the paragraph that led into the quotation
        return None

    def _speaker_in(self, doc: Doc, start: int, end: int, quotes: list[tuple[int, int]]) -> _Found | None:
        """The first reporting verb outside quotation marks in text[start:end] whose subject may speak."""
        chars = doc.char_span(start, end, alignment_mode="expand")
        if chars is None:
            return None
        for tok in chars:
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX") or lemma not in self.cue_verbs or lemma in self.document_cues:
                continue
            if any(_in_region(q, tok.idx) for q in quotes):
                continue  # a verb inside the quotation is the speaker's own words
            subj = self.subject_of(tok)
            subj = self._named_apposition(subj) if subj is not None else None  # "The chief executive, Ruth Ames, said"
            if subj is not None and self._may_speak(subj) and subj.lower_ not in self.first_person \
                    and not any(_in_region(q, subj.idx) for q in quotes):
                return _Found(subj, _one(tok.sent, tok), self.cue_verbs[lemma])
        return None

    def _semicolon_series(self, ctx: _Ctx) -> _Found | None:
        """'The researchers reported that A holds $2bn; B holds $1bn': a series after a report is the reporter's."""
        sent, doc = ctx.sent, ctx.span.doc
        semis = [t.i for t in sent if t.text == ";" and t.i < ctx.span.start]
        if not semis:
            return None
        for tok in doc[sent.start:semis[0]]:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in self.cue_verbs or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                continue
            subj = self._reporting_subject(tok, ctx)
            if subj is not None and subj.i < tok.i:
                return _Found(subj, _one(sent, tok), self.cue_verbs[lemma])
        return None

    def _root_cue(self, ctx: _Ctx) -> _Found | None:
        """A reporting verb at the root of the sentence, after the figure: ', officials said.'"""
        root, anchor = ctx.sent.root, ctx.anchor
        if root.lemma_.lower() in self.cue_verbs and root.i > anchor.i and root.pos_ in ("VERB", "AUX"):
            subj = self.subject_of(root)
            if subj is not None and subj.i > anchor.i and not _within(anchor, subj):
                return _Found(subj, _one(ctx.sent, root), self.cue_verbs[root.lemma_.lower()])
        return None

    def _linear(self, ctx: _Ctx) -> _Found | None:
        """The nearest 'NOUN cue' before the figure ('Ukraine claims are 11,000', 'officials estimating 4,000'),
        or 'what X claims' after it ('killed 40, which is what the militia claims')."""
        span, sent = ctx.span, ctx.sent
        doc = span.doc
        for j in range(span.end, sent.end):
            if doc[j].lower_ == "what":
                for k in range(j + 1, min(j + 7, sent.end)):
                    tok = doc[k]
                    stance = self.cue_verbs.get(tok.lemma_.lower())
                    if stance and tok.pos_ == "VERB" and doc[k - 1].pos_ in NOUNS:
                        return _Found(doc[k - 1], doc[k:k + 1], stance)
                break
        for j in range(span.start - 1, max(sent.start, span.start - 12) - 1, -1):
            tok = doc[j]
            if tok.like_num or tok.text in (";", ":"):
                break
            lemma = tok.lemma_.lower()
            stance = self.cue_verbs.get(lemma) or self.cue_verbs.get(tok.lower_.rstrip("s"))
            if stance is None or tok.pos_ not in ("VERB", "NOUN"):
                continue
            if tok.pos_ == "NOUN" and not tok.lower_.endswith("s"):
                continue  # "claims", "says" misread as nouns; "the claim" is not a verb
            if not self._cue_takes(tok):
                continue
            prev = doc[j - 1] if j > sent.start else None
            if prev is None or prev.lower_ in self.relative_pronouns or not (
                    prev.pos_ in NOUNS or (prev.pos_ == "ADJ" and prev.is_title and tok.pos_ == "VERB")):
                continue  # "Kyiv claims": a name the tagger took for an adjective still speaks
            if prev.dep_ == "pobj":
                prev = self._phrase_owner(prev, tok)  # "a family in New York City said": the family speaks
                if prev is None:
                    continue  # "at the launchpad in January showed": a place or a time names no speaker
            if not (self._may_speak(prev) or prev.pos_ == "ADJ"):
                continue  # "Damage estimated at": a thing estimates nothing
            return _Found(prev, doc[j:j + 1], stance)
        return None

    def _phrase_owner(self, pobj: Token, verb: Token) -> Token | None:
        """The subject of `verb` whose prepositional phrases hold `pobj` ('a study by Levitt found'), if it may speak."""
        x = pobj
        for _ in range(MAX_CLIMB):
            if x.head == x:
                return None
            if x.head == verb:
                break
            x = x.head
        if x.head != verb or x.dep_ not in SUBJECT_DEPS or x.pos_ not in NOUNS:
            return None
        if verb.lemma_.lower() in self.document_cues and not self._is_document(x):
            return None  # "A test firing ... showed": no one reports anything
        owner = self._owner(x) if self._is_document(x) else None
        return owner or (x if self._may_speak(x) else None)

    def _final_noun_cue(self, span: Span, sent: Span, anchor: Token, tok: Token) -> _Found | None:
        """'..., the Oryx open-source project estimates.': a cue the parser read as a plural noun, last in the sentence."""
        doc = span.doc
        stance = self.cue_verbs.get(tok.lemma_.lower())
        if stance is None or tok.pos_ != "NOUN" or not tok.lower_.endswith("s"):
            return None
        if any(not (t.is_punct or t.is_space) for t in doc[tok.i + 1:sent.end]):
            return None  # not the last word
        comma = next((j for j in range(tok.i - 1, anchor.i, -1) if doc[j].text in (",", "”", '"', "—", "–")), None)
        if comma is None or comma + 1 >= tok.i:
            return None
        words = doc[comma + 1:tok.i]
        while len(words) and words[0].pos_ == "DET":
            words = words[1:]
        nouns = [t for t in words if t.pos_ in NOUNS]
        if not nouns:
            return None
        return _Found(nouns[-1], doc[tok.i:tok.i + 1], stance, source_span=words)

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a reporting verb, looking through 'stating' clauses and relative pronouns."""
        inverted = self._inverted_subject(verb)
        if inverted is not None:
            return inverted
        v = verb
        speaker_passive = verb.lemma_.lower() in self.passive_speaker_cues
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children) \
                and not speaker_passive:
            return None  # "are believed to have", "was estimated": a hedge, not a source
        for _ in range(4):
            passive_ok = v.lemma_.lower() in self.passive_speaker_cues  # "X was quoted as saying"
            for child in v.children:
                if child.dep_ in SUBJECT_DEPS and (child.dep_ != "nsubjpass" or passive_ok):
                    if child.lower_ in self.relative_pronouns and v.dep_ == "relcl":
                        return self._owner(v.head) or v.head  # "the NIS's report, which estimated"
                    if child.pos_ in (*NOUNS, "PRON", "NUM"):
                        subj = self._subject_noun(child)
                        if subj is not None or child.pos_ != "NUM":
                            return subj
                if child.dep_ == "agent":  # "was estimated by the ministry"
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj
            if v.dep_ in ("acl", "relcl") and v.head.pos_ in NOUNS and self._can_speak(v.head):
                return v.head  # "with Ukrainian officials estimating ..." (not "damage estimated at")
            if v.dep_ in ("advcl", "xcomp", "conj", "ccomp", "pcomp") and v.head != v:
                v = v.head  # "Trump dismissed, stating, ..."
                if v.pos_ == "ADP" and v.head != v:
                    v = v.head  # "was quoted as saying": through the preposition to the verb
                continue
            break
        return None

    def _subject_noun(self, child: Token) -> Token | None:
        """The speaker a subject names: past a dateline, the name of 'one of the men', the owner of a report."""
        if child.pos_ == "NUM":
            child = _named_child(child)  # "One of the men, David Redvers, said": Redvers
            if child is None:
                return None
        child = _past_dateline(child)  # "LIMA, Peru — Police said": the police, not Lima
        if child is None:
            return None
        return self._owner(child) if child.lower_ in self.document_nouns and self._owner(child) else child

    @staticmethod
    def _inverted_subject(verb: Token) -> Token | None:
        """'..., says Kyiv.' / '“…,” said Chief Dana Ortiz.': the speaker after the verb, to the end of the sentence."""
        doc, sent = verb.doc, verb.sent
        if verb.i == 0 or doc[verb.i - 1].text not in (",", "”", '"', "’") or verb.i + 1 >= sent.end:
            return None
        after = sent[verb.i + 1 - sent.start:]
        comma = next((t.i for t in after if t.text == ","), sent.end)  # '..., said Charlie Kane, a Democrat': the name
        rest = [t for t in after if t.i < comma and not (t.is_punct or t.is_space)]
        if not rest or len(rest) > 6 or rest[0].pos_ not in (*NOUNS, "DET", "ADJ"):
            return None
        if not all(t.pos_ in (*NOUNS, "DET", "ADJ", "PART") or t.tag_ == "POS" for t in rest):
            return None
        nouns = [t for t in rest if t.pos_ in NOUNS]
        if not nouns or nouns[-1].dep_ in ("dobj", "dative") or any(
                c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
            return None  # "Eric Ciotti, told France Info": Ciotti speaks, France Info listens
        return nouns[-1]

    def _relayed(self, head: Token, phrases: list[tuple[Span, str]]) -> Token | None:
        """The original speaker when the source relays another: 'Reuters, citing the ministry, said'."""
        for phrase, _ in phrases:
            if phrase.text.lower() in self.relay_cues and phrase.sent == head.sent:
                obj = self._phrase_object(phrase)
                if obj is not None and obj != head and (phrase.root.head == head or abs(phrase.start - head.i) <= 3):
                    return obj
        return None

    def _named_apposition(self, head: Token) -> Token:
        """'The regional police chief, Amir Saleh, said': the name, with the title as its role."""
        if head.pos_ == "NOUN":
            for child in head.rights:
                if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
                    return child
        return head

    def _cue_takes(self, verb: Token) -> bool:
        """A cue restricted to reports of a number ('put the toll at') has such an object."""
        lemma = verb.lemma_.lower()
        return lemma not in self.cue_objects or any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.cue_objects[lemma] for c in verb.children)

    def _may_speak(self, tok: Token) -> bool:
        """A subject that can report: a name, a people, an organisation, a report, a plural of people, a pronoun."""
        if tok.ent_type_ in NEVER_SPEAKER_ENTS or _in_dateline(tok):
            return False  # "January showed", "SAN JOSE — ...": times, quantities and datelines never speak
        return tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS") or self._can_speak(tok)

    def _can_speak(self, tok: Token) -> bool:
        """Could this noun be a source: a name, a people, an organisation, officials, a report?"""
        lemma = tok.lemma_.lower()
        return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or lemma in self.person_nouns \
            or lemma in self.org_nouns or lemma in self.vague_sources or tok.lower_ in self.vague_sources or self._is_document(tok)

    def _document_voice(self, tok: Token) -> bool:
        """A document, or the owner of one ('the ministry's figures', 'findings of the RAIB', 'a poll by Gallup')."""
        if self._is_document(tok):
            return True
        x = tok
        for _ in range(OWNER_STEPS):
            if x.dep_ not in ("poss", "pobj", "prep", "agent", "acl") or x.head == x:
                return False
            x = x.head
            if self._is_document(x):
                return True
        return False

    def _is_document(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.document_nouns or tok.lower_ in self.document_nouns or tok.lower_ in self.vague_sources

    def _owner(self, noun: Token) -> Token | None:
        """Whose report: 'the NIS's report', 'a report by the NIS', 'a statement issued by the NIS',
        'findings of the NIS', 'an analysis of filings by the NIS'."""
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ in NOUNS:
                return child
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and (child.ent_type_ in ("NORP", "GPE", "ORG") or child.pos_ == "PROPN"):
                return None  # "Ukrainian estimates": the phrase itself names the source
        for rule in (_by_owner, _issued_by_owner, _of_name_owner, _of_phrase_by_owner):
            owner = rule(noun)
            if owner is not None:
                return owner
        return None

    def _quote_speaker(self, doc: Doc, region: tuple[int, int], quotes: list[tuple[int, int]]) -> _Found | None:
        """The cue verb outside the quote, in the sentence where the quote closes, else where it opens."""
        start, end = region
        sents = []
        close_tok = doc.char_span(end - 1, end, alignment_mode="expand")
        open_tok = doc.char_span(start, start + 1, alignment_mode="expand")
        if close_tok is not None:
            sents.append(close_tok.sent)
            if close_tok.end < len(doc):
                sents.append(doc[close_tok.end].sent)
        if open_tok is not None:
            sents.append(open_tok.sent)
            if open_tok.sent.start > 0:
                before = doc[open_tok.sent.start - 1].sent
                if any(_in_region(q, before.end_char - 1) or before.start_char <= q[1] <= before.end_char for q in quotes):
                    sents.append(before)  # '"…," said Ortiz. "But 26 homes are gone."': the speaker of the part before
        for sent in sents:
            for tok in sent:
                if any(_in_region(q, tok.idx) for q in quotes):
                    continue
                lemma = tok.lemma_.lower()
                if tok.pos_ in ("VERB", "AUX") and lemma in self.cue_verbs:
                    subj = self.subject_of(tok)
                    if subj is not None and not any(_in_region(q, subj.idx) for q in quotes):
                        return _Found(subj, sent[tok.i - sent.start:tok.i - sent.start + 1], self.cue_verbs[lemma])
        return None

    def _phrases(self, doc: Doc) -> list[tuple[Span, str]]:
        out = []
        for match_id, s, e in self.matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            out.append((doc[s:e], self.phrase_stance[key]))
        return out

    @staticmethod
    def _phrase_object(phrase: Span) -> Token | None:
        """The noun after 'according to' / 'citing': its pobj or dobj, else the next noun."""
        for tok in phrase:
            for child in tok.children:
                if child.dep_ in ("pobj", "dobj") and child.pos_ in NOUNS and child.i >= phrase.end:
                    return child
        doc = phrase.doc
        j = phrase.end
        while j < len(doc) and j < phrase.end + 8 and not doc[j].is_punct:
            if doc[j].pos_ in NOUNS and (j + 1 >= len(doc) or doc[j + 1].pos_ not in NOUNS):
                return doc[j]
            j += 1
        return None

    def _resolve_pronoun(self, tok: Token, region: tuple[int, int] | None, quotes: list[tuple[int, int]],
                         speakers: list[Token], span: Span) -> Token | None:
        """The speaker a pronoun source stands for: the nearest reporting subject before it that fits."""
        low = tok.lower_
        if tok.pos_ != "PRON":
            return tok
        if low in self.first_person and region is not None:
            found = self._quote_speaker(span.doc, region, quotes)
            return found.source if found is not None and found.source.pos_ != "PRON" else None
        if low in self.person_pronouns | self.plural_pronouns:
            # "he said" needs a person; "they added" may be a spokesman or a body: the previous speaker
            fits = self._is_person if low in self.person_pronouns else (lambda _t: True)
            before = sorted((s for s in speakers if s.i < tok.i and fits(s)), key=lambda s: s.i)
            if before:
                return before[-1]
            people = [e for e in ents_of(tok.doc, "PERSON") if e.end <= tok.i and not self._addressee(e.root)]
            if low in self.person_pronouns and people:
                return people[-1].root
        return None

    def _addressee(self, tok: Token) -> bool:
        """The one spoken to: 'told France Info', 'told him'."""
        return tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in self.cue_verbs

    def _speaker_trail(self, doc: Doc) -> list[Token]:
        """The named or described subjects of every reporting verb in the text, in order."""
        trail = []
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in self.cue_verbs:
                continue
            subj = self.subject_of(tok)
            if subj is None or subj.pos_ == "PRON" or not self._may_speak(subj):
                continue
            if tok.lemma_.lower() in self.document_cues and not self._document_voice(subj):
                continue  # "the test showed": no speaker
            trail.append(self._named_apposition(subj))
        return trail

    def _is_person(self, tok: Token) -> bool:
        """A person who can be 'he' or 'she': a person's name, or one official, spokesman, doctor."""
        return tok.ent_type_ == "PERSON" or (tok.tag_ == "NN" and tok.lemma_.lower() in self.person_nouns)

    # -- records ---------------------------------------------------------
    def mention(self, head: Token) -> Span:
        """The source's noun phrase: titles, names and 'X and Y', without appositions or clauses."""
        doc = head.doc
        left = head.i
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and child.pos_ != "PRON":
                left = min(left, child.left_edge.i)
        right = head.i + 1
        for child in head.rights:
            if child.dep_ == "conj" and child.pos_ in NOUNS and child.i == right + 1 and doc[right].dep_ == "cc":
                right = child.i + 1
            elif child.dep_ == "prep" and child.lower_ in ("of", "for", "on") and head.pos_ == "PROPN" and child.i == right:
                right = self._name_chain_end(child)  # "Institute for the Study of War", not its "(ISW)"
        while left < head.i and (doc[left].is_punct or doc[left].pos_ in ("DET", "ADP") or doc[left].tag_ == "POS"):
            left += 1
        end = right
        while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
            end -= 1
        if doc[end - 1].tag_ == "POS" and end - 1 > left:
            end -= 1
        return doc[left:end]

    @staticmethod
    def _name_chain_end(prep: Token) -> int:
        """The end of a name's chain of prepositions: 'for the Study' + 'of War'."""
        end = prep.i
        while prep is not None:
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if obj is None:
                break
            end = obj.i + 1
            prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "on") and c.i == end), None)
        return end

    def source_record(self, mention: Span, head: Token, acronyms: dict[str, str],
                      phrases: list[tuple[Span, str]]) -> Source:
        kind = self.kind_of(mention, head)
        name, role = self.name_and_role(mention, head, acronyms, kind)
        via = None
        for phrase, _ in phrases:
            if phrase.text.lower() in self.via_cues and phrase.sent == mention.sent:
                obj = self._phrase_object(phrase)
                if obj is not None and obj.i not in range(mention.start, mention.end):
                    via = self.mention(obj).text
        return Source(text=mention.text, start=mention.start_char, end=mention.end_char, name=name,
                      kind=kind, role=role, via=via if via != mention.text else None)

    def kind_of(self, mention: Span, head: Token) -> str:
        text_low = mention.text.lower()
        people = ents_of(head.doc, "PERSON")
        if head.ent_type_ == "PERSON" or any(e.root == head for e in people if mention.start <= e.start < mention.end):
            return "person"
        if head.pos_ == "PROPN" and any(e.text.split()[-1] == head.text for e in people):
            return "person"  # "Lopez" after "Maria Lopez": the NER missed the surname alone
        if text_low in self.media or any(m in text_low.split() for m in self.media_words) or \
                any(m in text_low for m in self.media if len(m) > 4):
            return "media"
        lemma = head.lemma_.lower()
        if head.ent_type_ in ("ORG", "GPE") or lemma in self.org_nouns:
            return "organisation"
        if lemma in self.document_nouns and any(t.ent_type_ in ("ORG", "GPE") for t in mention if t != head):
            return "organisation"  # "a UN report": the UN speaks through it
        if lemma in self.vague_sources or head.lower_ in self.vague_sources:
            has_modifier = any(t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN" or (t.is_title and t.i > mention.start)
                               or (t.is_title and t.pos_ == "ADJ") for t in mention if t != head)
            if head.tag_ == "NN" and lemma in self.person_nouns:
                return "person"  # "a Ukrainian official": one person, unnamed
            return "group" if has_modifier else "vague"
        if head.tag_ in ("NNS", "NNPS"):
            return "group"
        if lemma in self.person_nouns:
            return "person"  # "the spokesman said"
        return "organisation" if head.pos_ in ("PROPN", "NOUN") or head.is_title else "vague"

    def name_and_role(self, mention: Span, head: Token, acronyms: dict[str, str], kind: str) -> tuple[str, str | None]:
        """The fullest mention of this actor in the document, and the title or apposition that says who it is."""
        doc = mention.doc
        role = None
        name = mention.text
        if kind == "person":
            people = ents_of(doc, "PERSON")
            ent = next((e for e in people if mention.start <= e.start and e.end <= mention.end), None)
            if ent is None:
                ent = next((e for e in people if e.start <= head.i < e.end), None)
            core = ent.text if ent is not None else head.text
            titles = doc[mention.start:ent.start].text.strip() if ent is not None and ent.start > mention.start else ""
            role = titles or None
            last = core.split()[-1]
            fuller = [e.text for e in people if e.text.split()[-1] == last]
            name = max([*fuller, core], key=len)
        else:
            key = head.text
            if key in acronyms:
                name = acronyms[key]
            elif mention.text in acronyms:
                name = acronyms[mention.text]
            else:
                name = re.sub(r"^(?:the|a|an)\s+", "", mention.text, flags=re.I)
        for child in head.rights:
            if child.dep_ == "appos":
                role = " ".join(doc[child.left_edge.i:child.right_edge.i + 1].text.split()).strip(" ,")
                break
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < head.i and (
                head.head.lemma_.lower() in self.person_nouns or head.head.lower_ in self.titles):  # "the police chief, Amir Saleh,"
            title = self.mention(head.head)
            role = re.sub(r"^(?:the|a|an)\s+", "", title.text, flags=re.I)
        return name, role

    def cue_record(self, found: _Found) -> Cue | None:
        if found.cue is None:
            return None
        cue = found.cue
        lemma = cue.text.lower() if len(cue) > 1 else cue[0].lemma_.lower()
        return Cue(text=cue.text, start=cue.start_char, end=cue.end_char, lemma=lemma, stance=found.stance)

    # -- hedges ------------------------------------------------------------
    def _hedged(self, span: Span, anchor: Token, cue_i: int = -1) -> bool:
        """A hedge word in the figure's phrase, or one that modifies a word on its path to the root.

        The attribution cue itself is not a hedge: "the ministry estimated that 600" has the stance
        'estimates'; "an estimated 600" and "600 are believed to" are hedged.
        """
        if any(t.lower_ in self.hedges for t in span):
            return True
        ancestors = {anchor.i} | {a.i for a in anchor.ancestors}
        counted = span._.counted
        noun = span.doc.char_span(counted.start, counted.end) if counted is not None else None
        if noun is not None:
            ancestors |= {noun.root.i} | {a.i for a in noun.root.ancestors}
        for tok in span.sent:
            # a hedging verb must govern the figure ("600 are believed to"); an adverb may sit on a governor
            if tok.i != cue_i and tok.lower_ in self.hedges and (
                    tok.i in ancestors or (tok.pos_ in ("ADV", "ADJ") and tok.head.i in ancestors)):
                return True
        # "600 reportedly killed", "1,000 thought to have died": right after the figure or its noun
        doc = span.doc
        j = max(span.end, noun.end if noun is not None else 0)
        while j < min(len(doc), span.end + 4) and not doc[j].is_punct and doc[j].pos_ not in ("CCONJ", "ADP"):
            if doc[j].lower_ in self.hedges:
                return True
            j += 1
        return False


def _dateline_end(tok: Token) -> int | None:
    """The index of the dash that ends the dateline `tok` stands in, if any ('LIMA, Peru —')."""
    doc = tok.doc
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and tok.i - start < DATELINE_WORDS:
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return None  # not at the start of a paragraph
    if not (doc[start].text.isupper() and len(doc[start].text) > 1):
        return None  # a dateline opens with the place in capitals
    for j in range(tok.i, min(len(doc), start + DATELINE_WORDS + 1)):
        if doc[j].text in DASHES:
            return j
        if not (doc[j].pos_ == "PROPN" or doc[j].is_punct or doc[j].ent_type_ in ("GPE", "ORG")):
            return None
    return None


def _in_dateline(tok: Token) -> bool:
    """Whether `tok` is in the place-name dateline that opens a paragraph."""
    return _dateline_end(tok) is not None


def _past_dateline(tok: Token) -> Token | None:
    """A subject read past the dateline the parser took for it: its apposition after the dash, else None."""
    end = _dateline_end(tok)
    if end is None:
        return tok
    return next((c for c in tok.rights if c.i > end and c.dep_ in ("appos", "conj") and c.pos_ in NOUNS), None)


def _pobj_of(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """The noun governed by one of `preps` after `noun` ('report [by] the NIS')."""
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in NOUNS:
                    return obj
    return None


def _by_owner(noun: Token) -> Token | None:
    """'a report by the NIS', 'figures from the ministry'."""
    return _pobj_of(noun, ("by", "from"))


def _issued_by_owner(noun: Token) -> Token | None:
    """'a statement issued by the NIS', 'data released by the bureau'."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            owner = _pobj_of(child, ("by",))
            if owner is not None:
                return owner
    return None


def _of_name_owner(noun: Token) -> Token | None:
    """'findings of the Air Accidents Investigation Branch': a named body's document."""
    obj = _pobj_of(noun, ("of",))
    if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON")):
        return obj
    return None


def _of_phrase_by_owner(noun: Token) -> Token | None:
    """'an analysis of filings by the Center for Example': the author hangs on the 'of' phrase."""
    obj = _pobj_of(noun, ("of",))
    return _by_owner(obj) if obj is not None else None


def _named_child(tok: Token) -> Token | None:
    """The name in apposition to a number or pronoun subject ('One of the men, David Redvers,')."""
    return next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _phrase_head(tok: Token, floor: int) -> Token:
    """The noun whose phrase `tok` ends, not before token `floor` ('a source close to the negotiations')."""
    x = tok
    while x.dep_ in ("pobj", "prep", "amod") and x.head != x and x.head.i > floor and x.head.i < x.i:
        x = x.head
    return x if x.pos_ in NOUNS else tok


def _semicolon_between(a: Token, b: Token) -> bool:
    """Whether a semicolon parts the clauses of `a` and `b`."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def _one(sent: Span, tok: Token) -> Span:
    """The one-token span of `tok` (a cue) within its sentence."""
    return sent[tok.i - sent.start:tok.i - sent.start + 1]


def _within(tok: Token, ancestor: Token) -> bool:
    return tok == ancestor or ancestor in tok.ancestors
