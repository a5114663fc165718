"""Pronoun sources: 'he said', 'they added', 'it estimated', 'the man said', resolved to the speaker named before."""

from __future__ import annotations

from spacy.attrs import POS
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ...read.quotes import in_region as _in_region
from ...records import ents_of
from ..counted import MAX_AGE
from .base import PRONOUN_SENTENCES

VERB_POS = (VERB, AUX)  # the parts of speech of a reporting verb, as spaCy's ids


class Pronouns:
    """Resolving a pronoun or a bare description ('the man') to a named speaker before it.

    Reads: `self.words` (`AttributionWords`, words.py); calls `quote_speaker` (quotations.py), `cue_takes`,
    `subject_of`, `may_speak`, `document_voice`, `named_apposition`, `is_document` (speakers.py).
    """

    def resolve_pronoun(self, tok: Token, region: tuple[int, int] | None, quotes: list[tuple[int, int]],
                         speakers: list[Token], span: Span) -> Token | None:
        """The speaker a pronoun source stands for: the nearest reporting subject before it that fits."""
        low = tok.lower_
        if tok.pos_ != "PRON":
            if not self._anaphoric(tok):
                return tok
            before = [s for s in speakers if self.is_person(s) and not self._anaphoric(s)]
            return _nearest(tok, before) or tok  # "The man also said": the grandfather named before
        if low in self.words.first_person and region is not None:
            found = self.quote_speaker(span.doc, region, quotes)
            return found.source if found is not None and found.source.pos_ != "PRON" else None
        if low in self.words.person_pronouns:
            # "he said" needs a person: the last who spoke, or who was the subject just before ("Ayla Demir gave
            # a different picture. Around 180 ..., she said")
            found = _nearest(tok, [s for s in speakers if self.is_person(s)] + self._person_subjects(tok, quotes))
            people = [e for e in ents_of(tok.doc, "PERSON") if e.end <= tok.i and not self._addressee(e.root)]
            return found or (people[-1].root if people else None)
        if low in self.words.plural_pronouns:
            return _nearest(tok, speakers)  # "they added": a spokesman or a body, the previous speaker
        if low in self.words.thing_pronouns:  # "..., it estimated": the document or body that reported just before
            floor = sentence_floor(tok)
            return _nearest(tok, [s for s in speakers if s.i >= floor and (
                self.is_document(s) or s.ent_type_ == "ORG" or s.lemma_.lower() in self.words.org_nouns)])
        return None

    @staticmethod
    def _person_subjects(tok: Token, quotes: list[tuple[int, int]]) -> list[Token]:
        """People named as the subject of a main clause in the pronoun's sentence or the PRONOUN_SENTENCES before it."""
        return [t for t in tok.doc[sentence_floor(tok):tok.i] if (t.ent_type_ == "PERSON" or aged(t)) and t.dep_ == "nsubj"
                and t.head.dep_ == "ROOT"
                and not any(_in_region(q, t.idx) for q in quotes)]

    def _anaphoric(self, tok: Token) -> bool:
        """'The man', 'the woman' with nothing more: a description that points back to a person already named."""
        children = list(tok.children)
        return tok.lemma_.lower() in self.words.anaphoric_nouns and tok.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in self.words.definite_determiners for c in children) and all(
            c.dep_ in ("det", "advmod", "punct") for c in children)

    def _addressee(self, tok: Token) -> bool:
        """The one spoken to: 'told France Info', 'told him'."""
        return tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in self.words.cue_verbs

    def speaker_trail(self, doc: Doc) -> list[Token]:
        """The named or described subjects of every reporting verb in the text, in order."""
        trail = []
        verbs = [i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos in VERB_POS] if len(doc) else []
        for tok in (doc[i] for i in verbs):  # (a Token only for a verb)
            if tok.lemma_.lower() not in self.words.cue_verbs or tok.dep_ == "relcl" \
                    or not self.cue_takes(tok) or tok.lemma_.lower() in self.words.cue_preps:
                continue  # "the official, who cited several hundred": said in passing, no one "he said" points back to
            subj = self.subject_of(tok)
            if subj is None or subj.pos_ == "PRON" or not self.may_speak(subj):
                continue
            if tok.lemma_.lower() in self.words.document_cues and not self.document_voice(subj):
                continue  # "the test showed": no speaker
            trail.append(self.named_apposition(subj))
        return trail

    def is_person(self, tok: Token) -> bool:
        """A person who can be 'he' or 'she': a person's name, one official, spokesman, doctor, or the name set beside
        one ('The mayor of Doganyol, Mehmet Arslan,', whatever the entity recogniser took the name for), or a name
        with an age beside it ('Petro Malyk, 61,')."""
        return tok.ent_type_ == "PERSON" or aged(tok) or (tok.tag_ == "NN" and tok.lemma_.lower() in self.words.person_nouns) or (
            tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.lemma_.lower() in self.words.person_nouns)


def aged(tok: Token) -> bool:
    """'Petro Malyk, 61,', 'Yusuf, 17,': a name with an age set off by commas is a person, whatever the entity
    recogniser took it for (a place, a building, a company)."""
    return tok.pos_ == "PROPN" and any(
        c.dep_ == "appos" and c.like_num and c.text.isdigit() and 1 < int(c.text) <= MAX_AGE
        and c.i > 0 and c.doc[c.i - 1].text == "," and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ","
        for c in tok.children)


def _nearest(tok: Token, candidates: list[Token]) -> Token | None:
    """The candidate closest before `tok`."""
    before = [c for c in candidates if c.i < tok.i]
    return max(before, key=lambda c: c.i) if before else None


def sentence_floor(tok: Token) -> int:
    """The first token of the sentence PRONOUN_SENTENCES before the one `tok` stands in."""
    start = tok.sent.start
    for _ in range(PRONOUN_SENTENCES):
        if start == 0:
            break
        start = tok.doc[start - 1].sent.start
    return start
