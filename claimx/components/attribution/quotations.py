"""Quotation speakers and cue phrases: who speaks a quotation ('"...," said Ortiz'), and 'according to X'."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...read.quotes import in_region as _in_region
from .base import NOUNS, SUBJECT_DEPS, Found as _Found


class Quotations:
    """The speaker of a quotation, and the cue phrases ('according to', 'citing') with the noun they name.

    Reads: `self.words` (`AttributionWords`, words.py), `self.nlp` and `self.matcher` (the cue phrases, both set by
    `AttributionFinder`); calls `cue_takes`, `subject_of`, `name_before` (speakers.py).
    """

    def quote_speaker(self, doc: Doc, region: tuple[int, int], quotes: list[tuple[int, int]]) -> _Found | None:
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
        introducer = self._colon_introducer(doc, open_tok, quotes)
        if introducer is not None:
            return introducer
        for sent in sents:
            for tok in sent:
                if any(_in_region(q, tok.idx) for q in quotes):
                    continue
                lemma = tok.lemma_.lower()
                if tok.pos_ in ("VERB", "AUX") and lemma in self.words.cue_verbs and self.cue_takes(tok):
                    subj = self.subject_of(tok)
                    if subj is not None and any(_in_region(q, subj.idx) for q in quotes):
                        subj = self.name_before(tok)  # '"... Drs. Mitchell and Leslie Weiss," Ann Lee said': not Weiss
                    if subj is not None and not any(_in_region(q, subj.idx) for q in quotes):
                        return _Found(subj, sent[tok.i - sent.start:tok.i - sent.start + 1], self.words.cue_verbs[lemma])
        return None

    def _colon_introducer(self, doc: Doc, open_tok: Span | None, quotes: list[tuple[int, int]]) -> _Found | None:
        """'Mr Strand is not convinced: "You do not bring 300 tanks ..."': a quotation opened right after a colon that
        ends a clause whose subject is a person, with no reporting verb: that person speaks it."""
        if open_tok is None or open_tok.start == 0 or doc[open_tok.start - 1].text != ":":
            return None
        verb = doc[open_tok.start - 2] if open_tok.start > 1 else None  # the word before the colon, or its clause's verb
        while verb is not None and verb.head != verb and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None) if verb is not None else None
        if subj is None or any(_in_region(q, subj.idx) for q in quotes) or subj.ent_type_ != "PERSON":
            return None
        return _Found(subj, doc[verb.i:verb.i + 1], "states")

    def cue_phrases(self, doc: Doc) -> list[tuple[Span, str]]:
        """The cue phrases in a doc ("according to", "citing", "per" before a name), each with its stance."""
        out = []
        for match_id, s, e in self.matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            if key == "per" and not (e < len(doc) and _names_after_per(doc[e])):
                continue  # "per cent", "per day", "one per officer": a rate, no source
            out.append((doc[s:e], self.words.phrase_stance[key]))
        return out

    @staticmethod
    def phrase_object(phrase: Span) -> Token | None:
        """The noun after 'according to' / 'citing': its pobj or dobj, else the next noun."""
        objects = [child for tok in phrase for child in tok.children if child.dep_ in ("pobj", "dobj")
                   and (child.pos_ in NOUNS or child.tag_ == "PRP") and child.i >= phrase.end]
        if objects:  # "according to him": a pronoun, resolved to the speaker before it
            return min(objects, key=lambda t: t.i)  # the nearest: "According to the General Staff ..., total losses
        doc = phrase.doc
        j = phrase.end
        while j < len(doc) and j < phrase.end + 8 and not doc[j].is_punct:
            if doc[j].pos_ in NOUNS and (j + 1 >= len(doc) or doc[j + 1].pos_ not in NOUNS):
                return doc[j]
            j += 1
        return None


def _names_after_per(tok: Token) -> bool:
    """'per Kansas City police', 'per the ministry', 'per officials': a name, a determiner or a plural after 'per'."""
    return tok.pos_ in ("PROPN", "DET") or tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or tok.tag_ == "NNS"
