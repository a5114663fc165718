"""Source strategies read off the clause around the figure: an 'according to' that closes the sentence, a reporting
relative clause on the figure's noun, and a count that someone keeps ('the ministry's toll rose to 41')."""

from __future__ import annotations

from spacy.tokens import Token

from ...read.quotes import region_of as _region_of
from .base import (
    MAX_CLIMB,
    NOUNS,
    SUBJECT_DEPS,
    Ctx as _Ctx,
    Found as _Found,
)
from .tree import one as _one

CLOSING_MARKS = (",", "\u2014", "\u2013")  # what sets a closing "according to X" off from the clause it frames
RELATIVE_WORDS = 6  # "the 300 people [that] the health ministry says ...": words from the figure to the cue
DEFINITE_WORDS = 2  # "the [minimum] $20 million": words from the determiner to the figure
RESTRICTIVE_WORDS = 5  # "3,000 civilian lives lost as reported by the UN": words from the figure to its own relay
RELATIVE_GAP_POS = ("NOUN", "PROPN", "ADJ", "DET", "PRON")  # what may stand between: the counted noun and the speaker
COUNT_DEPS = ("nsubj", "nsubjpass", "dobj")  # "the ministry's toll [rose to] 41", "[kept] the IMF's estimate [at] 3.1%"
OWNER_ENTS = ("ORG", "GPE", "NORP", "PERSON")  # a name inside the count's own phrase: "the Reuters tally"
SUFFERER_ENTS = ("GPE", "NORP", "LOC")  # a place or people owning a toll suffers it: "N. Korea's death toll"
LINKED_WORDS = 20  # "The agency's breakdown by district: A (27 dead), B (14) and C (7)": words from the count to the figure


class ClauseStrategies:
    """The clause-level strategies of `AttributionFinder.STRATEGIES`, each `(self, ctx) -> _Found | None`.

    Reads: `self.words` (`AttributionWords`, words.py); calls `document_voice`, `is_document`, `may_speak`, `owner`
    (speakers.py), `phrase_object` (quotations.py), `headline_label` (labels.py), `mention` (sources.py).
    """

    def closing_according_to(self, ctx: _Ctx) -> _Found | None:
        """'Police said they held 12 men, according to the family's lawyer.': an 'according to X' that closes the
        sentence after the figure frames all of it, a reporting verb inside included (X reports what police said)."""
        doc, sent = ctx.span.doc, ctx.sent
        if ctx.region is not None:
            return None  # inside a quotation its speaker comes first, and its own "according to" is the speaker's
        for phrase, stance in ctx.phrases:
            low = phrase.text.lower()
            if phrase.sent != sent or phrase.start < ctx.span.end or low in self.words.via_cues or low in self.words.relay_cues:
                continue  # before the figure, or a relay ('citing X'): not a frame
            if phrase.start == 0 or doc[phrase.start - 1].text not in CLOSING_MARKS:
                continue
            if _region_of(ctx.quotes, phrase.start_char, phrase.end_char) is not None:
                continue  # words quoted from someone else
            obj = self.phrase_object(phrase)
            if obj is None or any(not (t.is_punct or t.is_space) for t in doc[obj.right_edge.i + 1:sent.end]):
                continue  # the phrase must end the sentence
            return _Found(self.document_speaker(obj) or obj, phrase, stance)
        return None

    def relative_cue(self, ctx: _Ctx) -> _Found | None:
        """'the 5,000 troops officials say are needed', 'the $20 million experts say it costs': a reporting clause on
        the figure's noun, read off the words, since the small parser seldom builds the relative clause."""
        doc, sent = ctx.span.doc, ctx.sent
        before = doc[max(sent.start, ctx.span.start - DEFINITE_WORDS):ctx.span.start]
        if not any(t.lower_ in self.words.definite_determiners for t in before):
            return None  # "10 voters say they ...": the figure's own noun speaks; a relative clause follows "the 5,000"
        for k in range(ctx.span.end, min(ctx.span.end + RELATIVE_WORDS, sent.end)):
            tok = doc[k]
            stance = self.words.cue_verbs.get(tok.lemma_.lower())
            if stance is not None and tok.pos_ in ("VERB", "AUX") and k > ctx.span.end:
                return self._relative_speaker(tok, stance, ctx)
            if tok.pos_ not in RELATIVE_GAP_POS and not self.relative_pronoun(tok):
                return None  # a verb, a preposition or a comma: no reporting clause on the noun
        return None

    def _relative_speaker(self, verb: Token, stance: str, ctx: _Ctx) -> _Found | None:
        """The speaker just before the cue of a reporting relative clause, when the cue reports a clause of its own."""
        doc = verb.doc
        speaker = doc[verb.i - 1]
        if speaker.pos_ not in (*NOUNS, "PRON") or speaker.i in ctx.inside or not self.may_speak(speaker):
            return None
        if verb.lemma_.lower() in self.words.document_cues and not self.document_voice(speaker):
            return None  # "the 30 craters images show" needs a document; "the 12 men police show" is no report
        nxt = doc[verb.i + 1] if verb.i + 1 < ctx.sent.end else None
        if nxt is None or nxt.is_punct or nxt.pos_ in ("ADP", "SCONJ", "DET", "NUM"):
            return None  # "officials said that ...", "troops officials said.": the cue reports its own clause
        gap = [t for t in doc[ctx.span.end:speaker.i] if t.pos_ == "DET" or self.relative_pronoun(t)]
        start = gap[-1].i + 1 if gap else speaker.i
        while not gap and start > ctx.span.end + 1 and doc[start - 1].pos_ == "PROPN":
            start -= 1  # "the 5,000 troops Pentagon officials say": the counted noun stays out
        return _Found(speaker, _one(ctx.sent, verb), stance, doc[start:speaker.i + 1])

    def restrictive_relay(self, ctx: _Ctx) -> _Found | None:
        """'not 3,000 civilian lives lost as reported by the UN': a relay ('as reported by X') on the figure's own phrase,
        not set off by a comma, says who gave this figure, even inside another speaker's claim; set off after a clause
        (', as reported by Reuters') it only relays the speaker and is left to the other strategies."""
        doc = ctx.span.doc
        for phrase, stance in ctx.phrases:
            if phrase.sent != ctx.sent or phrase.text.lower() not in self.words.via_cues or phrase.start < ctx.span.end:
                continue
            between = doc[ctx.span.end:phrase.start]
            if len(between) > RESTRICTIVE_WORDS or any(t.is_punct or t.like_num or t.i in ctx.inside for t in between):
                continue
            if between and not any(t.pos_ in NOUNS for t in between):
                continue  # the relay hangs on the figure's noun phrase
            obj = self.phrase_object(phrase)
            if obj is not None and obj.i not in ctx.inside and self.may_speak(obj):
                return _Found(obj, phrase, stance)
        return None

    def colon_count(self, ctx: _Ctx) -> _Found | None:
        """'The group's latest estimate is higher again: at least 17,500 killed': a count that a speaker keeps, named
        before a colon that opens the figure's part of the sentence; the keeper is the source."""
        doc, sent = ctx.span.doc, ctx.sent
        colon = next((t for t in doc[sent.start:ctx.span.start] if t.text == ":"), None)
        if colon is None or any(t.like_num for t in doc[sent.start:colon.i]):
            return None
        for arg in doc[sent.start:colon.i]:
            if arg.pos_ != "NOUN" or arg.dep_ not in COUNT_DEPS or not self._is_count(arg):
                continue
            owner = self.owner(arg)
            if owner is not None and self.may_speak(owner) and not self._suffers(owner, arg):
                return _Found(owner, _one(sent, arg), "estimates")
        return None

    def linked_count(self, ctx: _Ctx) -> _Found | None:
        """'The agency's latest figure is 312 dead', 'The agency's breakdown: A (27 dead)', 'The agency has updated its
        figures: the toll stands at 48': a count a body keeps, joined to the figure after it by a colon or by 'is' or
        'stands' with the count as subject; its keeper (the owner, or who updates or gives it) is the source."""
        doc, sent = ctx.span.doc, ctx.sent
        for noun in doc[max(sent.start, ctx.span.start - LINKED_WORDS):ctx.span.start]:
            if noun.pos_ != "NOUN" or noun.i in ctx.inside or not self._is_count(noun):
                continue
            between = doc[noun.i + 1:ctx.span.start]
            if not self._links_count(noun, between) or any(self.words.cue_verbs.get(t.lemma_.lower()) and t.pos_ == "VERB"
                                                            for t in between):
                continue  # "its figures: police say 48 died": a report of its own, for the other strategies
            keeper = self._count_keeper(noun)
            if keeper is not None:
                return _Found(keeper, _one(sent, noun), "estimates")
        return None

    def _links_count(self, noun: Token, between) -> bool:
        """A colon after the count, or the count the subject of a linking verb ('is', 'stands at') before the figure."""
        if any(t.text == ":" for t in between):
            return True
        return noun.dep_ in SUBJECT_DEPS and noun.head.lemma_.lower() in self.words.count_links and noun.head.i in {
            t.i for t in between}

    def _count_keeper(self, noun: Token) -> Token | None:
        """Who keeps a count: its owner ('the agency's figure'), unless a place or people whose dead it counts; or the
        speaking subject of the verb that hands it out ('the agency has updated its figures')."""
        owner = self.owner(noun)
        if owner is not None and owner.pos_ != "PRON" and self.may_speak(owner) and not self._suffers(owner, noun):
            return owner
        verb = noun.head
        if noun.dep_ == "dobj" and verb.lemma_.lower() in self.words.cue_verbs:
            subj = self.subject_of(verb)
            if subj is not None and subj.pos_ != "PRON" and self.may_speak(subj):
                return subj
        return None

    def owned_count(self, ctx: _Ctx) -> _Found | None:
        """'The ministry's toll rose to 41', 'kept the IMF's estimate at 3.1 percent': a count that a speaker keeps,
        subject or object of the verb whose phrase gives the figure; the keeper is the source."""
        verb = self._clause_verb(ctx.anchor)
        if verb is None:
            return None  # the figure is what the clause is about, not the new value of a count
        for arg in verb.children:
            if arg.dep_ not in COUNT_DEPS or arg.pos_ != "NOUN" or arg.i in ctx.inside or not self._is_count(arg):
                continue
            owner = self.owner(arg)
            if owner is not None and self._suffers(owner, arg):
                continue  # "N. Korea's death toll tops 2,000": whose dead, not who counts them
            if owner is not None and owner.i not in ctx.inside and self.may_speak(owner):
                # a headline's label names who counts ("N. Korea's death toll tops 2,000: NIS"); the owner is whose count
                return self.headline_label(ctx) or _Found(owner, _one(ctx.sent, arg), "estimates")
            if any(c.dep_ == "compound" and c.ent_type_ in OWNER_ENTS and not self._suffers(c, arg) for c in arg.children):
                # "the Reuters tally" names who counts; "Syria death toll" names whose dead
                return _Found(arg, _one(ctx.sent, arg), "estimates", self.mention(arg))  # "the Reuters tally"
        return None

    def shared_subject_cue(self, ctx: _Ctx) -> _Found | None:
        """'The Red Cross has collected samples from 1,230 relatives, and says only 58 ...': a reporting verb joined after
        the figure's own verb, with no subject of its own, shares that verb's subject, who tells what it did too."""
        verb = self._clause_verb(ctx.anchor)
        if verb is None or ctx.region is not None:
            return None
        cue = next((c for c in verb.children if c.dep_ == "conj" and c.i >= ctx.span.end and c.pos_ in ("VERB", "AUX")
                    and c.lemma_.lower() in self.words.cue_verbs and c.lemma_.lower() not in self.words.document_cues
                    and self._joined_by_chain(c) and not any(d.dep_ in SUBJECT_DEPS for d in c.children)), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if cue is None or subj is None or subj.pos_ == "PRON" or subj.i in ctx.inside or not self.may_speak(subj):
            return None
        return _Found(subj, _one(ctx.sent, cue), self.words.cue_verbs[cue.lemma_.lower()])

    def _joined_by_chain(self, verb: Token) -> bool:
        """'... and says', '..., and has said': the verb comes right after 'and' (an auxiliary or adverb at most
        between), the second of two things its subject did, not a clause the parser joined from further off."""
        j = verb.i - 1
        while j > verb.sent.start and verb.doc[j].pos_ in ("AUX", "ADV", "PART"):
            j -= 1
        return verb.doc[j].lower_ in self.words.chain_conjunctions

    def colon_elaboration(self, ctx: _Ctx) -> _Found | None:
        """'Authorities caution that the toll will rise: communications with at least 19 villages are down': a clause
        after a colon that goes on from a reported clause before it, which the parser hangs the report on, is the same
        speaker's."""
        sent = ctx.sent
        colon = next((t for t in reversed(sent[:ctx.span.start - sent.start]) if t.text == ":"), None)
        root = sent.root
        if ctx.region is not None or colon is None or root.i < colon.i or any(t.i < colon.i for t in ctx.span):
            return None
        cue = next((c for c in root.children if c.dep_ == "ccomp" and c.i < colon.i and c.pos_ in ("VERB", "AUX")
                    and c.lemma_.lower() in self.words.cue_verbs), None)
        subj = self.subject_of(cue) if cue is not None else None
        if subj is None or subj.pos_ == "PRON" or not self.may_speak(subj):
            return None
        return _Found(subj, _one(sent, cue), self.words.cue_verbs[cue.lemma_.lower()])

    @staticmethod
    def _clause_verb(anchor: Token) -> Token | None:
        """The verb of the figure's clause, when the figure is no part of its subject."""
        x = anchor
        for _ in range(MAX_CLIMB):
            if x.dep_ in SUBJECT_DEPS or x.head == x:
                return None
            x = x.head
            if x.pos_ in ("VERB", "AUX"):
                return x
        return None

    def by_count(self, ctx: _Ctx) -> _Found | None:
        """'as many as 600 people, by the agency's count', 'By the authority's count, 60 per cent ...': a count that a
        speaker keeps frames its sentence as 'according to' does; its keeper is the source."""
        for prep in ctx.sent:
            if prep.lower_ not in self.words.count_preps or prep.i in ctx.inside \
                    or _region_of(ctx.quotes, prep.idx, prep.idx + 1) not in (None, ctx.region):
                continue
            count = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if count is None or count.pos_ != "NOUN" or count.i in ctx.inside or not self._is_count(count):
                continue
            owner = self.owner(count)
            if owner is not None and owner.i not in ctx.inside and self.may_speak(owner) and not self._suffers(owner, count):
                return _Found(owner, _one(ctx.sent, count), "estimates")
        return None

    def _suffers(self, who: Token, count: Token) -> bool:
        """A place or a people named as a toll's owner suffers it ('N. Korea's death toll', 'Syria death toll'): whose
        dead, not who counts them."""
        return who.ent_type_ in SUFFERER_ENTS and count.lemma_.lower() in self.words.count_nouns

    def _is_count(self, tok: Token) -> bool:
        """A count or estimate that someone keeps: a cue noun, a document, a toll (not a speaker: 'analysts')."""
        lemma = tok.lemma_.lower()
        return lemma in self.words.cue_nouns or lemma in self.words.count_nouns or lemma in self.words.document_nouns \
            or tok.lower_ in self.words.document_nouns

