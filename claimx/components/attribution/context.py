"""Source strategies that read past the figure's own sentence: a quotation that runs over paragraphs or closes in a later
one, a paragraph of direct speech closed by a dash, and a sentence that points back to the one before it ('This was
stated by ...')."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...read.quotes import (
    OPENING_MARKS,
    first_close,
    in_region as _in_region,
    left_open,
    next_paragraph,
    opens_with_quote,
    paragraph_bounds,
    previous_paragraph,
)
from .base import (
    NOUNS,
    QUOTE_MARKS,
    QUOTE_PARAGRAPHS_BACK,
    Ctx as _Ctx,
    Found as _Found,
)
from .tree import one as _one

SPEECH_TAIL_WORDS = 14  # ", - the commander of the brigade, Oleh Petrenko, told journalists.": words after the closing dash
SCARE_QUOTE_WORDS = 3  # 'there have been "hundreds" of casualties': so few words in quotation marks are no speech
SIGNATURE_ENTS = ("PERSON", "ORG")  # who may sign a quotation after a dash: '"..." - Senator Paulo Ventura'
SPEECH_OPENERS = (",", ".", "!", "?", "…", ":")  # what stands before the dash of speech (", - he said", not "jobs — he said")


class ContextStrategies:
    """Strategies of `AttributionFinder.STRATEGIES` that read beyond the figure's sentence, each `(self, ctx) -> _Found | None`.

    Reads: `self.words` (`AttributionWords`, words.py); calls `cue_takes`, `may_speak`, `subject_of` (speakers.py),
    `speaker_in` (strategies.py).
    """

    def speech_paragraph(self, ctx: _Ctx) -> _Found | None:
        """'We count 9,000 of their soldiers. 2,000 were killed, - the minister said.': direct speech without quotation
        marks, closed by a dash and a reporting clause; its speaker says every sentence of the paragraph."""
        doc, text = ctx.span.doc, ctx.text
        start, end = paragraph_bounds(text, ctx.span.start_char)
        para = doc.char_span(start, end, alignment_mode="expand")
        if para is None:
            return None
        words = [t for t in para if not t.is_space]
        dash = next((k for k in range(len(words) - 1, 0, -1) if words[k].text in self.words.speech_dashes), None)
        if dash is None or words[dash].i < ctx.span.end:
            return None
        if words[dash - 1].text not in SPEECH_OPENERS and not self._unmarked_speech(words[:dash], words[dash]) \
                and not opens_with_quote(text, start, end):
            return None  # "The city lost 300 jobs — officials said.": an aside closes one sentence, not a speech
        tail = [t for t in words[dash + 1:] if not t.is_punct]
        if not tail or len(tail) > SPEECH_TAIL_WORDS:
            return None
        for cue in tail:
            if cue.pos_ in ("VERB", "AUX") and cue.lemma_.lower() in self.words.cue_verbs and self.cue_takes(cue):
                subj = self.subject_of(cue)
                if subj is not None and subj.i > words[dash].i and self.may_speak(subj):
                    return _Found(subj, _one(cue.sent, cue), self.words.cue_verbs[cue.lemma_.lower()])
        if words[dash - 1].text in QUOTE_MARKS and opens_with_quote(text, start, end):
            return self._signed_quote(words[dash + 1:])
        return None

    def _signed_quote(self, tail: list[Token]) -> _Found | None:
        """'"... More than 1,500 were abducted." - Senator Paulo Ventura, in a debate': a quotation signed after a dash
        with a name and no verb; the name (before any comma) says the quotation."""
        name = []
        for tok in tail:
            if tok.text == "," or tok.is_punct:
                break
            name.append(tok)
        if not name or any(t.pos_ not in (*NOUNS, "ADJ", "DET", "PART") for t in name):
            return None  # "- and we are short": a clause, no signature
        head = next((t for t in reversed(name) if t.pos_ in NOUNS), None)
        if head is None or not (head.ent_type_ in SIGNATURE_ENTS or self.may_speak(head)):
            return None
        return _Found(head, None, "states", head.doc[name[0].i:head.i + 1])

    def _unmarked_speech(self, before: list[Token], dash: Token) -> bool:
        """'We see 12,000 of them. The Russians have suffered great losses - Zelensky said.': a spaced dash with no
        comma before it closes a speech when the paragraph speaks in the first person and has no quotation marks."""
        return bool(dash.whitespace_) and bool(before[-1].whitespace_) \
            and any(t.lower_ in self.words.first_person for t in before) and not any(t.text in QUOTE_MARKS for t in before)

    def running_quote(self, ctx: _Ctx) -> _Found | None:
        """A figure in a quotation paragraph: the speaker named in it, else in the paragraphs the quotation
        ran over, else in the paragraph that led into it ('X told the Standard: "...' / '"At first 10 ...')."""
        doc = ctx.span.doc
        text = ctx.text
        start, end = paragraph_bounds(text, ctx.span.start_char)
        if ctx.region is None and not opens_with_quote(text, start, end):
            return None
        if ctx.region is not None and len(text[ctx.region[0]:ctx.region[1]].split()) <= SCARE_QUOTE_WORDS \
                and not opens_with_quote(text, start, end):
            return None  # 'there have been "hundreds" of casualties': words set off, not a speech
        if ctx.region is None and not left_open(text[start:end]) and any(start <= q[0] < end for q in ctx.quotes):
            return None  # '"We expect more," she told reporters from the city, home to about two million': the narrator's
        if opens_with_quote(text, start, end):
            closing = self.speech_paragraph(ctx)  # '"We are treating 300 a day ... — Dr Ines Okafor said.': left open
            if closing is not None:
                return closing
        for _ in range(QUOTE_PARAGRAPHS_BACK):
            found = self.speaker_in(doc, start, end, ctx.quotes)
            if found is not None or start == 0:
                return found
            start, end = previous_paragraph(text, start)
            if not opens_with_quote(text, start, end):  # the paragraph that led into the quotation
                return self.speaker_in(doc, start, end, ctx.quotes, last=True) or self._introduced(
                    doc, start, end, ctx.quotes)
        return None

    @staticmethod
    def _introduced(doc: Doc, start: int, end: int, quotes: list[tuple[int, int]]) -> _Found | None:
        """'Brenda Hughes ran the club for 26 years.' before a quotation with no reporting verb: the person the
        paragraph introduces (the last person named as a subject outside quotation marks) speaks it."""
        chars = doc.char_span(start, end, alignment_mode="expand")
        if chars is None:
            return None
        people = [t for t in chars if t.ent_type_ == "PERSON" and t.dep_ in ("nsubj", "nsubjpass")
                  and not any(_in_region(q, t.idx) for q in quotes)]
        return _Found(people[-1], None, "states") if people else None

    def quote_closed_later(self, ctx: _Ctx) -> _Found | None:
        """'"We count 9,000 of their soldiers.' / '2,000 fell in a month," the minister said.': a quotation left open
        at its paragraph's end runs on (each paragraph may open anew) to the one where it closes; the speaker named
        after the closing mark says all of it."""
        if ctx.region is None:
            return None
        text = ctx.text
        start, end = paragraph_bounds(text, ctx.span.start_char)
        if not left_open(text[start:end]):
            return None
        for _ in range(QUOTE_PARAGRAPHS_BACK):
            start, end = next_paragraph(text, end)
            if start >= len(text):
                return None
            para = text[start:end]
            lead = len(para) - len(para.lstrip())
            reopened = para[lead:].startswith(OPENING_MARKS)
            close = first_close(para, lead + 1 if reopened else lead)
            if close is not None:
                return self.speaker_in(ctx.span.doc, start + close + 1, end, [])
            if not reopened:
                return None  # neither opened anew nor closed: the quotation ended unmarked
        return None

    def pointed_back(self, ctx: _Ctx) -> _Found | None:
        """'At least 70 soldiers have died. This was stated by the defence minister.' / '... The ministry confirmed
        these figures.': the next sentence says who said the figure's sentence, pointing back to it."""
        doc, sent = ctx.span.doc, ctx.sent
        j = sent.end
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j >= len(doc):
            return None
        for cue in doc[j].sent:
            lemma = cue.lemma_.lower()
            if cue.pos_ != "VERB" or lemma not in self.words.cue_verbs or not self.cue_takes(cue) or not any(
                    self._points_back(c) for c in cue.children):
                continue
            subj = self.subject_of(cue)
            if subj is not None and not self._points_back(subj) and self.may_speak(subj):
                return _Found(subj, _one(cue.sent, cue), self.words.cue_verbs[lemma])
        return None

    def _points_back(self, tok: Token) -> bool:
        """'This', 'these figures': a subject of a passive cue or an object of a cue that stands for what came before."""
        if tok.dep_ not in ("nsubjpass", "dobj"):
            return False
        words = " ".join(t.lower_ for t in tok.subtree if not t.is_punct)
        return words in self.words.pointers

