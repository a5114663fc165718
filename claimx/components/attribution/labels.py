"""Labels that name a speaker outside the sentence's grammar: a transcript's or a roundup's 'NAME:' opening a paragraph,
a speaking noun before a colon and a quotation, and a headline's closing label ('...: minister', '... - Budanov')."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...read.quotes import paragraph_bounds
from ...records import ents_of
from .base import (
    LABEL_WORDS,
    NOUNS,
    QUOTE_MARKS,
    Ctx as _Ctx,
    Found as _Found,
)
from .tree import one as _one

# "WALLACE: ..." opening two or more paragraphs: a transcript, whose capitals labels are speakers (a dateline is one)
TRANSCRIPT_LABEL_RE = re.compile(r"^\W{0,3}[A-Z][A-Z'.-]+:", re.M)
TRANSCRIPT_LABELS = 2
PLACE_ENTS = ("GPE", "LOC", "FAC")  # a place before a colon is a dateline or a topic, never a speaker's label
BRACKET_NAME_WORDS = 5  # "(Ms Carla Benn)": a name in brackets after an office
BRACKET_COLON = "):"  # "The Minister for Defence (Mr Tomas Heller):": the tokenizer keeps the bracket and colon one token
HEADLINE_LABEL_WORDS = 5  # "Over 2,000 soldiers killed, wounded: defence minister": words after the colon
HEADLINE_ENDS = (".", "!", "?", '"', "”")  # a line ending so is a sentence of the body, not a headline
HEADLINE_LABEL_MARKS = (": ", " - ", " – ", " — ")  # "...: minister", "... - Budanov": what sets a headline's label off


class LabelStrategies:
    """Label strategies of `AttributionFinder.STRATEGIES`, each `(self, ctx) -> _Found | None`, and their helpers.

    Reads: `self.words` (`AttributionWords`, words.py); calls `is_document`, `may_speak` (speakers.py).
    """

    def speaker_label(self, ctx: _Ctx) -> _Found | None:
        """A speaker's label before a colon frames what follows it: a transcript's or a roundup's 'NAME:' opening the
        paragraph, or a speaking noun just before a colon and a quotation mark ('this finding: \'\'27 ...')."""
        doc = ctx.span.doc
        start, end = paragraph_bounds(ctx.text, ctx.span.start_char)
        if ":" not in ctx.text[start:ctx.span.start_char]:
            return None  # no colon before the figure in its paragraph: no label
        para = doc.char_span(start, end, alignment_mode="expand")
        if para is None:
            return None
        for colon in (t for t in para if t.text in (":", BRACKET_COLON) and t.i < ctx.span.start):
            if colon.text == BRACKET_COLON:
                label = self._bracketed_name(para, colon)
            else:
                label = self._label_speaker(para, colon) if colon.i - para.start <= LABEL_WORDS + 1 else None
            if label is not None:
                return self._reported_in_turn(ctx) or _Found(label, _one(colon.sent, colon), "states")
            label = self._colon_quote_speaker(colon)
            if label is not None:
                return _Found(label, _one(colon.sent, colon), "states")
        return None

    def _reported_in_turn(self, ctx: _Ctx) -> _Found | None:
        """'HOST: The Health Ministry said on Friday that only 212 deaths ...', 'REYES: Nearly 400,000 households are
        without power, the grid operator said', 'FERRER: The agency's latest figure is 312 dead': a speaker's turn that
        reports another's words or count gives the figure that speaker's source (a sentence's source carries to its
        reported clause); 'we', 'I' or 'you' leave it the turn's."""
        for strategy in (self.governing_cue, self.according_to, self.by_count, self.set_off_cue, self.owned_count,
                         self.linked_count):
            found = strategy(ctx)
            if found is not None and found.source is not None and found.source.pos_ != "PRON" \
                    and found.source.lower_ not in self.words.thing_pronouns:
                return found
        return None

    def _label_speaker(self, para: Span, colon: Token) -> Token | None:
        """'WALLACE:' / '"PENCE:' / 'Jane Roe, The Daily Planet:' at a paragraph's start: the name it gives."""
        words = [t for t in para.doc[para.start:colon.i] if not (t.is_punct and t.text in QUOTE_MARKS) and not t.is_space]
        if not words or any(t.pos_ in ("VERB", "AUX", "NUM") for t in words):
            return None  # "Partial transcript as follows:", "Two questions:": no speaker named
        first = words[0]
        if not (first.pos_ == "PROPN" or first.ent_type_ in ("PERSON", "ORG") or (first.text.isupper() and len(first.text) > 1)
                or self._named_elsewhere(first) or first.text in self.words.government_seats):
            return None  # "Budanov:" tagged a noun is still a name
        name = []
        for t in words:
            if t.text == ",":
                break  # "Jane Roe, The Daily Planet": the person, not the paper
            name.append(t)
        if self._rubric_or_topic(name):
            return None  # "Correction, 9 October:", "FACT CHECK:", "Ridge Fire:": a rubric or a story's topic
        if len(name) == 1 and name[0].text in self.words.government_seats and not para.text.rstrip().endswith(HEADLINE_ENDS):
            return name[0]  # "Seoul: 1,100 North Korean casualties": in a headline, a capital for its government
        head = next((t for t in reversed(name) if t.pos_ in NOUNS or t.text.isupper()), None)
        if head is not None and head.ent_type_ in PLACE_ENTS:
            return None  # "Weekend violence in Chicago: 4 killed": a place labels a headline's topic, not its speaker
        if head is not None and head.text.isupper() and len(name) == 1 and not self._speaks_as_label(para, colon, head):
            return None  # "SEOUL: An estimated 4,700 ...": a dateline's place, not a transcript's speaker
        return head if head is not None and (self.may_speak(head) or head.text.isupper() or self._named_elsewhere(head)) else None

    def _bracketed_name(self, para: Span, colon: Token) -> Token | None:
        """'The Minister for Defence (Mr Tomas Heller): ...': a record's label gives an office, then its holder's name in
        brackets just before the colon; the name speaks."""
        doc = para.doc
        opening = next((t for t in reversed(doc[para.start:colon.i]) if t.text == "("), None)
        if opening is None or opening.i - para.start > LABEL_WORDS or colon.i - opening.i > BRACKET_NAME_WORDS + 1:
            return None
        office, name = doc[para.start:opening.i], doc[opening.i + 1:colon.i]
        if not office or any(t.pos_ in ("VERB", "AUX", "NUM") for t in office) or not any(
                self._speaker_word(t) for t in office):
            return None  # "1. Ms Irena Vasko (Northfield):", "Weekend violence (Chicago):": no office named
        people = [t for t in name if t.ent_type_ == "PERSON"]
        return people[-1] if people else None

    def _rubric_or_topic(self, name: list[Token]) -> bool:
        """A paper's rubric ('Correction:', 'FACT CHECK:') or an event's name ('Ridge Fire:') labels no speaker."""
        return bool(name) and (self.opens_as_rubric(name[-1]) or name[-1].lower_ in self.words.topic_label_heads)

    @staticmethod
    def _named_elsewhere(word: Token) -> bool:
        """'Zelenskyy: losses above 3,000': a capitalised label word that the text names elsewhere as a person or an
        organisation (the tagger often misses a name alone in a headline)."""
        return word.is_title and _named_as_body(word)

    def _speaks_as_label(self, para: Span, colon: Token, word: Token) -> bool:
        """A one-word capitals label ('WALLACE:', 'HOST:') speaks, unlike a dateline ('SEOUL:'), when what follows is
        speech (first or second person, or a question), the text is a transcript (two or more such labels), or the
        text also names the word as a person or organisation in its usual case."""
        after = para.doc[colon.i + 1:para.end]
        if "?" in after.text or any(t.lower_ in self.words.first_person or t.lower_ in self.words.second_person for t in after):
            return True
        if len(TRANSCRIPT_LABEL_RE.findall(para.doc.text)) >= TRANSCRIPT_LABELS:
            return True
        return _named_as_body(word)

    def _colon_quote_speaker(self, colon: Token) -> Token | None:
        """'... exemplified by this finding: \'\'27 companies ...': the speaking noun before a colon that opens a quotation."""
        doc = colon.doc
        if colon.i == 0 or colon.i + 1 >= len(doc):
            return None
        mark = doc[colon.i + 1].text
        if not (mark in QUOTE_MARKS or mark.startswith("'")):
            return None  # the colon must open a quotation
        before = doc[colon.i - 1]
        if before.pos_ not in NOUNS or not (self.is_document(before) or before.ent_type_ in ("PERSON", "ORG")):
            return None
        return before

    def headline_label(self, ctx: _Ctx) -> _Found | None:
        """'Over 2,000 soldiers killed, wounded: minister', '... up to 30,000 more troops - Budanov': a headline names its
        source in a label after its last colon or spaced dash (a few words, no verb, no number, no full stop closing the line)."""
        doc, text = ctx.span.doc, ctx.text
        start, end = paragraph_bounds(text, ctx.span.start_char)
        line = text[start:end].rstrip()
        colon = max(line.rfind(mark) for mark in HEADLINE_LABEL_MARKS)
        if colon < 0 or start + colon < ctx.span.end_char or line.endswith(HEADLINE_ENDS):
            return None
        label = doc.char_span(start + colon + 2, start + len(line), alignment_mode="expand")
        words = [t for t in label if not (t.is_punct or t.is_space)] if label is not None else []
        if not words or len(words) > HEADLINE_LABEL_WORDS or any(
                (t.pos_ in ("VERB", "AUX") and not self._speaker_word(t)) or t.like_num for t in words):
            return None
        head = next((t for t in reversed(words) if t.pos_ in NOUNS or self._speaker_word(t)), None)
        if head is None or not self.may_speak(head):
            return None
        return _Found(head, None, "states", doc[words[0].i:head.i + 1])

    def _speaker_word(self, tok: Token) -> bool:
        """A word the lexicons know as a speaker ('watchdog', 'minister'), whatever the tagger made of it in a headline."""
        low = tok.lower_
        return low in self.words.person_nouns or low in self.words.org_nouns or low in self.words.titles or low in self.words.vague_sources


def _named_as_body(word: Token) -> bool:
    """The text names the word elsewhere, in any case, as the last word of a person or organisation."""
    key = word.text.lower()
    return any(e[-1].lower_ == key and e[-1].i != word.i for e in ents_of(word.doc, "PERSON", "ORG"))
