"""The source strategies: each reads one way news text names who a figure comes from."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...read.quotes import (
    in_region as _in_region,
    paragraph_bounds,
    region_of as _region_of,
)
from .base import (
    MAX_CLIMB,
    NEVER_SPEAKER_ENTS,
    NOUNS,
    REPORTED_CLAUSE_DEPS,
    SIGNATURE_RE,
    SUBJECT_DEPS,
    Ctx as _Ctx,
    Found as _Found,
)
from .tree import (
    compound_speaker,
    consequence_between,
    hung_owner,
    number_in_subject as _number_in_subject,
    one as _one,
    partitive_relative,
    phrase_head as _phrase_head,
    semicolon_between as _semicolon_between,
    speaker_start,
    two_subjects,
    verbal as _verbal,
    within as _within,
)

NAMING_ENTS = ("NORP", "GPE", "ORG", "PERSON")  # a name in a count's phrase says whose count it is


class SourceStrategies:
    """The strategies of `AttributionFinder.STRATEGIES`, each `(self, ctx) -> _Found | None`.

    Reads: `self.words` (`AttributionWords`, words.py); calls `cue_takes`, `document_cue_reports`, `document_voice`,
    `is_document`, `may_speak`, `named_apposition`, `owner`, `quoted_as_saying`, `subject_of` (speakers.py),
    `phrase_object`, `quote_speaker` (quotations.py), `is_person` (pronouns.py), `mention` (sources.py).
    """

    def tweet_signature(self, ctx: _Ctx) -> _Found | None:
        """An embedded social-media post ends with its author's signature: '... — Jane Roe (@janeroe) May 3, 2016'."""
        doc = ctx.span.doc
        start, end = paragraph_bounds(ctx.text, ctx.span.start_char)
        m = SIGNATURE_RE.search(ctx.text, start, end)
        if m is None or m.start() < ctx.span.end_char:
            return None
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None or not any(t.pos_ in NOUNS for t in name):
            return None
        head = next(t for t in reversed(name) if t.pos_ in NOUNS)
        return _Found(head, None, "states", name)

    def governing_cue(self, ctx: _Ctx) -> _Found | None:
        """Walk up from the figure to the verb or noun that reports it ('X said that ... 600', 'estimates of 600');
        a report inside a report is the outer speaker's ('The Times wrote that Trump had claimed a loss of $9m')."""
        sent, x = ctx.sent, ctx.anchor
        found, relative = None, False
        for _ in range(MAX_CLIMB):
            relative = relative or (x.dep_ == "relcl" and not any(c.tag_ == "WRB" for c in x.children)  # not "when ..."
                                    and not partitive_relative(x, self.words.relative_pronouns))  # "35 drones, of which 28 ...": reported
            noun = self._cue_noun_before_mark(x) if found is None else None
            if noun is not None:  # "seized on a Post report that the firm had lost $9m", misparsed as the verb's
                return self._quoted_noun_cue(noun, ctx)
            head = x.head
            if head == x or head.i < sent.start or head.i >= sent.end:
                break
            lemma = head.lemma_.lower()
            if _verbal(head) and lemma in self.words.cue_verbs and head.i not in ctx.inside \
                    and x.dep_ not in SUBJECT_DEPS and self._reports_through(head, x, ctx, relative):
                subj = self._reporting_subject(head, ctx)
                if subj is not None and _clause_before_semicolon(x, head, self.words.consequence_marks):
                    break  # "73 bodies have been recovered; the commander put the missing at 120": not the commander's
                if subj is not None:
                    if found is not None and (x.dep_ not in REPORTED_CLAUSE_DEPS or _semicolon_between(found.cue[0], head)
                                              or _number_in_subject(found.cue[0]) or two_subjects(head)):
                        break  # the outer verb does not report the inner one ("X estimates ...; Y puts the figure at")
                    found = _Found(self._as_saying(head) or subj, _one(sent, head), self.words.cue_verbs[lemma])
                    if head.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in head.children):
                        break  # "X said ..., and Y raised the estimate to 4,000": a clause of Y's own, not X's report
            elif found is None and head.pos_ == "NOUN" and lemma in self.words.cue_nouns and self._reports_content(x):
                return self._quoted_noun_cue(head, ctx)
            if found is not None and head.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in self.words.contrast_marks for c in head.children):
                break  # "the union says 300 jobs will go, while the company said 120": a speaker set against the other
            x = head
        if found is not None and found.cue is not None and ctx.region is not None and _in_region(ctx.region, found.cue[0].idx):
            # "'People say it will get 90 percent,' said King": words quoted are the quoted speaker's
            return self.quote_speaker(ctx.span.doc, ctx.region, ctx.quotes) or self.running_quote(ctx) or found
        return found

    def _reports_through(self, verb: Token, x: Token, ctx: _Ctx, relative: bool) -> bool:
        """Whether a cue verb reports what hangs on it through its child `x`: not a clause cue's object ('conceded 18
        goals'), a count of the object itself ('gave two figures'), nor a relative clause on its object or adjunct
        ('the mayor announced a curfew after riots that killed 12'); a reported clause always."""
        if x.dep_ in REPORTED_CLAUSE_DEPS:
            return not self._counts_the_object(verb, ctx)
        relative = relative and not self.value_on_a_relative(verb, ctx.anchor)  # "put the number of X who left at 8,500"
        return verb.lemma_.lower() not in self.words.clause_cues and not relative and not self._counts_the_object(verb, ctx)

    def _as_saying(self, verb: Token) -> Token | None:
        """'Bild quoted Netanyahu as saying': the one quoted, when the verb has its 'as saying' (not 'cited 88 generals')."""
        says = any(c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() in self.words.cue_verbs for g in c.children)
                   for c in verb.children)
        return self.quoted_as_saying(verb) if says else None

    def _counts_the_object(self, verb: Token, ctx: _Ctx) -> bool:
        """'The ministry gave two figures': a cue of a count ('give the figure of', 'put the toll at') reports the number
        given for its object, never one that counts the object itself."""
        return verb.lemma_.lower() in self.words.cue_objects and any(
            c.dep_ == "nummod" and c.i in ctx.inside for o in verb.children if o.dep_ == "dobj" for c in o.children)

    def _quoted_noun_cue(self, noun: Token, ctx: _Ctx) -> _Found | None:
        """A reporting noun's source; inside a quotation, an unowned one ('"There was a report that 80 ...," the
        commander said') is what the quoted speaker says."""
        found = self._noun_cue(noun, ctx)
        if found is None:
            return None
        if ctx.region is not None and found.source is noun and _in_region(ctx.region, noun.idx):
            return self.quote_speaker(ctx.span.doc, ctx.region, ctx.quotes) or self.running_quote(ctx) or found
        return found

    def _noun_cue(self, noun: Token, ctx: _Ctx) -> _Found | None:
        """A reporting noun's source: its owner ('the NIS's estimate'), else the speaker who gives it or reports it
        ('the UN gave a figure of 320'), else the noun's own phrase ('Ukrainian estimates'); a bare count names no one
        ('the figure of 1,500 mixes two measures'), so the other strategies may."""
        owner = self.owner(noun) or self._outer_speaker(noun, ctx)
        if owner is None and noun.lemma_.lower() in self.words.bare_counts and not _names_itself(noun):
            return None
        return _Found(owner or noun, _one(ctx.sent, noun), self.words.cue_nouns[noun.lemma_.lower()],
                      self.mention(noun) if owner is None else None)

    def _outer_speaker(self, noun: Token, ctx: _Ctx) -> Token | None:
        """'The agency said it was appalled by reports that 200 ...', 'the committee said in a statement that ...', 'the
        UN gave a figure of 320': an unowned report inside what a speaker says, or one a speaker hands out, is theirs;
        not one the speaker sets against ('denied reports that ...') nor one that is itself the subject."""
        x = noun
        for _ in range(MAX_CLIMB):
            head = x.head
            if head == x or head.i < ctx.sent.start or head.i >= ctx.sent.end:
                return None
            lemma = head.lemma_.lower()
            if _verbal(head) and lemma in self.words.cue_verbs and lemma not in self.words.document_cues:
                if x.dep_ in SUBJECT_DEPS or (x.dep_ == "dobj" and self.words.cue_verbs[lemma] == "denies"):
                    return None
                subj = self._reporting_subject(head, ctx)
                if subj is not None or not any(c.dep_ == "auxpass" for c in head.children):
                    return subj  # "had been warned in two reports that ...": who was told; the speaker is further up
            x = head
        return None

    def _cue_noun_before_mark(self, x: Token) -> Token | None:
        """The reporting noun just before the 'that' which opens x's clause ('a report [that] ...', 'his claim [that]')."""
        for c in x.children:
            if c.dep_ == "mark" and c.i < x.i and c.i > 0:
                prev = x.doc[c.i - 1]
                if prev.pos_ == "NOUN" and prev.lemma_.lower() in self.words.cue_nouns:
                    return prev
        return None

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
        if not self.document_cue_reports(verb, subj):
            return None  # "the military has shown improvement"
        if not self.cue_takes(verb):
            return None  # "police put the figure at 800" reports; "put 800 troops on alert" does not
        if not self.may_speak(subj):
            return None  # "Damage estimated at $30 billion": a thing estimates nothing
        if ctx.region and _in_region(ctx.region, verb.idx) and subj.lower_ in self.words.first_person:
            return None  # "I said" inside a quote: the quote's speaker, found later
        return subj

    def quote_speaker_of(self, ctx: _Ctx) -> _Found | None:
        """The speaker of the quotation the figure stands in."""
        if ctx.region is None:
            return None
        return self.quote_speaker(ctx.span.doc, ctx.region, ctx.quotes)

    def according_to(self, ctx: _Ctx) -> _Found | None:
        """'according to X', 'citing X' anywhere in the figure's sentence."""
        for phrase, stance in ctx.phrases:
            inner = _region_of(ctx.quotes, phrase.start_char, phrase.end_char)
            if phrase.sent == ctx.sent and phrase.text.lower() not in self.words.via_cues \
                    and inner in (None, ctx.region):  # a quotation's own "according to" speaks for it alone
                obj = self.phrase_object(phrase)
                if obj is not None and obj.i not in ctx.inside:
                    return _Found(self.document_speaker(obj) or obj, phrase, stance)  # "according to an analysis by X": X
        return None

    def set_off_cue(self, ctx: _Ctx) -> _Found | None:
        """A reporting clause set off after the figure: '..., regional governor Oleh Syniehubov said.'"""
        span, sent, anchor = ctx.span, ctx.sent, ctx.anchor
        for tok in sent[anchor.i - sent.start + 1:]:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.words.cue_verbs and self.cue_takes(tok) and (
                    lemma not in self.words.document_cues or self._set_off_document(tok)):
                subj = self.subject_of(tok)
                if (subj is None or subj.i < anchor.i) and tok.i > 0 and span.doc[tok.i - 1].pos_ in NOUNS and not any(
                        c.dep_ in ("ccomp", "dobj") and c.i > tok.i for c in tok.children):
                    # the parser hung the speaker on the clause before: read it off the words
                    subj = _phrase_head(span.doc[tok.i - 1], anchor.i)  # "a source close to the talks said"
                start = speaker_start(subj) if subj is not None else 0
                set_off = subj is not None and anchor.i < start < tok.i \
                    and span.doc[start - 1].text in (",", "”", '"', "’", "—", "–")
                inverted = subj is not None and subj.i > tok.i and self.may_speak(subj)  # "..., says Kyiv" (not "by Sunday")
                if set_off or inverted:  # "..., Bild quoted Netanyahu as saying.": Netanyahu said it
                    return _Found(self._as_saying(tok) or hung_owner(subj) or subj, _one(sent, tok), self.words.cue_verbs[lemma])
            found = self._final_noun_cue(span, sent, anchor, tok)
            if found is not None:
                return found
        return None

    def _set_off_document(self, verb: Token) -> bool:
        """'..., Interior Ministry data show.': a document cue set off at the end speaks through a document subject."""
        subj = self.subject_of(verb) or compound_speaker(verb)
        return subj is not None and subj.i < verb.i and (self.document_voice(subj) or subj.lower_ in self.words.thing_pronouns
                                                         or self.names_a_speaker(subj))

    def names_a_speaker(self, tok: Token) -> bool:
        """'..., the state's Health Commissioner, Akin Abayomi, revealed.': a name, a person or a body, who reveals by
        speaking (not 'the search revealed')."""
        return tok.pos_ == "PROPN" or self.is_person(tok) or tok.lemma_.lower() in self.words.org_nouns

    def parenthetical_cue(self, ctx: _Ctx) -> _Found | None:
        """A reporting clause set in commas inside the sentence reports all of it: 'That year, the GTI said, ...'."""
        doc = ctx.span.doc
        for tok in ctx.sent:
            lemma = tok.lemma_.lower()
            if tok.dep_ != "parataxis" or tok.pos_ != "VERB" or lemma not in self.words.cue_verbs or tok.i + 1 >= len(doc) \
                    or not self.cue_takes(tok):
                continue
            if doc[tok.i + 1].text != ",":
                continue  # set off by a comma after it, too
            subj = self.subject_of(tok)
            if subj is not None and subj.i < tok.i and (self.may_speak(subj) or (
                    subj.pos_ in NOUNS and subj.ent_type_ not in NEVER_SPEAKER_ENTS)):
                return _Found(subj, _one(ctx.sent, tok), self.words.cue_verbs[lemma])  # ", the index said,": it speaks
        return None

    def speaker_in(self, doc: Doc, start: int, end: int, quotes: list[tuple[int, int]], last: bool = False) -> _Found | None:
        """The first (or, in a paragraph that leads into a quotation, the `last`) reporting verb outside quotation
        marks in text[start:end] whose subject may speak ('The woman disputes it. Jane Roe reports:' -> Roe)."""
        chars = doc.char_span(start, end, alignment_mode="expand")
        if chars is None:
            return None
        for tok in (reversed(chars) if last else chars):
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX") or lemma not in self.words.cue_verbs or lemma in self.words.document_cues \
                    or not self.cue_takes(tok):
                continue
            if any(_in_region(q, tok.idx) for q in quotes):
                continue  # a verb inside the quotation is the speaker's own words
            subj = self.subject_of(tok)
            subj = self.named_apposition(subj) if subj is not None else None  # "The chief executive, Ruth Ames, said"
            if subj is not None and self.may_speak(subj) and subj.lower_ not in self.words.first_person \
                    and not any(_in_region(q, subj.idx) for q in quotes):
                return _Found(subj, _one(tok.sent, tok), self.words.cue_verbs[lemma])
        return None

    def semicolon_series(self, ctx: _Ctx) -> _Found | None:
        """'The researchers reported that A holds $2bn; B holds $1bn': a series after a report is the reporter's."""
        sent, doc = ctx.sent, ctx.span.doc
        semis = [t.i for t in sent if t.text == ";" and t.i < ctx.span.start]
        if not semis:
            return None
        for tok in doc[sent.start:semis[0]]:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or lemma not in self.words.cue_verbs or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                continue
            subj = self._reporting_subject(tok, ctx)
            if subj is not None and subj.i < tok.i:
                return _Found(subj, _one(sent, tok), self.words.cue_verbs[lemma])
        return None

    def root_cue(self, ctx: _Ctx) -> _Found | None:
        """A reporting verb at the root of the sentence, after the figure: ', officials said.'"""
        root, anchor = ctx.sent.root, ctx.anchor
        if root.lemma_.lower() in self.words.cue_verbs and root.i > anchor.i and root.pos_ in ("VERB", "AUX") \
                and self.cue_takes(root) and not _clause_before_semicolon(anchor, root, self.words.consequence_marks):
            subj = self.subject_of(root)
            if subj is not None and subj.i > anchor.i and not _within(anchor, subj):
                return _Found(subj, _one(ctx.sent, root), self.words.cue_verbs[root.lemma_.lower()])
        return None

    def linear(self, ctx: _Ctx) -> _Found | None:
        """The nearest 'NOUN cue' before the figure ('Ukraine claims are 11,000', 'officials estimating 4,000'),
        or 'what X claims' after it ('killed 40, which is what the militia claims')."""
        span, sent = ctx.span, ctx.sent
        doc = span.doc
        for j in range(span.end, sent.end):
            if doc[j].lower_ == "what":
                for k in range(j + 1, min(j + 7, sent.end)):
                    tok = doc[k]
                    stance = self.words.cue_verbs.get(tok.lemma_.lower())
                    if stance and tok.pos_ == "VERB" and doc[k - 1].pos_ in NOUNS:
                        return _Found(doc[k - 1], doc[k:k + 1], stance)
                break
        for j in range(span.start - 1, max(sent.start, span.start - 12) - 1, -1):
            tok = doc[j]
            if tok.like_num or tok.text in (";", ":") or (tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl"):
                break  # "announced a curfew after riots that killed 12": a relative clause is no report
            lemma = tok.lemma_.lower()
            stance = self.words.cue_verbs.get(lemma) or self.words.cue_verbs.get(tok.lower_.rstrip("s"))
            if stance is None or tok.pos_ not in ("VERB", "NOUN"):
                continue
            if tok.pos_ == "NOUN" and not tok.lower_.endswith("s"):
                continue  # "claims", "says" misread as nouns; "the claim" is not a verb
            if not self._linear_cue_reports(tok, ctx):
                continue
            prev = doc[j - 1] if j > sent.start else None
            if prev is None or self.relative_pronoun(prev) or not (
                    prev.pos_ in NOUNS or (prev.pos_ == "ADJ" and prev.is_title and tok.pos_ == "VERB")
                    or (prev.pos_ == "ADJ" and prev.lower_ in self.words.org_nouns)):
                continue  # "Kyiv claims", "South Korea's military estimates": a speaker the tagger took for an adjective
            if prev.dep_ == "pobj":
                prev = self._phrase_owner(prev, tok)  # "a family in New York City said": the family speaks
                if prev is None:
                    continue  # "at the launchpad in January showed": a place or a time names no speaker
            if not self.document_cue_reports(tok, prev):
                continue  # "Rescuers found 12 survivors": a find, not a report
            if not (self.may_speak(prev) or prev.pos_ == "ADJ"):
                continue  # "Damage estimated at": a thing estimates nothing
            return _Found(prev, doc[j:j + 1], stance)
        return None

    def _linear_cue_reports(self, tok: Token, ctx: _Ctx) -> bool:
        """A cue read off the words reports the figure after it: not 'put 800 troops on alert', 'gave two figures', nor a
        clause cue with an object of its own ('the governor declared a state of emergency after fires that ...')."""
        return self.cue_takes(tok) and not self._counts_the_object(tok, ctx) and not (
            tok.lemma_.lower() in self.words.clause_cues and any(c.dep_ == "dobj" for c in tok.children))

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
        if verb.lemma_.lower() in self.words.document_cues and not self.is_document(x):
            return None  # "A test firing ... showed": no one reports anything
        owner = self.owner(x) if self.is_document(x) else None
        return owner or (x if self.may_speak(x) else None)

    def _final_noun_cue(self, span: Span, sent: Span, anchor: Token, tok: Token) -> _Found | None:
        """'..., the Oryx open-source project estimates.', '..., the data show.': a cue the parser read as a noun, last
        in the sentence (a plain form only after plural or document words: 'the data show')."""
        doc = span.doc
        stance = self.words.cue_verbs.get(tok.lemma_.lower())
        if stance is None or tok.pos_ != "NOUN":
            return None
        if tok.i + 1 < sent.end and doc[tok.i + 1].text != "," and any(not (t.is_punct or t.is_space) for t in doc[tok.i + 1:sent.end]):
            return None  # not the last word of its clause ('..., the data show, and ...' is)
        comma = next((j for j in range(tok.i - 1, anchor.i, -1) if doc[j].text in (",", "”", '"', "—", "–")), None)
        if comma is None or comma + 1 >= tok.i:
            return None
        words = doc[comma + 1:tok.i]
        if tok.dep_ == "pobj" or any(t.pos_ == "VERB" for t in words):
            return None  # "..., using an average of polls in 11 states.": a noun after all
        while len(words) and words[0].pos_ == "DET":
            words = words[1:]
        nouns = [t for t in words if t.pos_ in NOUNS]
        if not nouns or not (tok.lower_.endswith("s") or nouns[-1].tag_ == "NNS" or self.is_document(nouns[-1])):
            return None
        return _Found(nouns[-1], doc[tok.i:tok.i + 1], stance, source_span=words)


def _names_itself(noun: Token) -> bool:
    """'Ukrainian estimates', 'the Reuters tally', 'the UN figure': the count's own phrase names whose it is."""
    return noun.ent_type_ != "" or any(c.dep_ in ("amod", "compound", "nmod") and (
        c.ent_type_ in NAMING_ENTS or c.pos_ == "PROPN") for c in noun.children)


def _clause_before_semicolon(x: Token, verb: Token, marks: frozenset[str]) -> bool:
    """'A; the mayor said B', 'A, so experts warn B': the parser hung clause A before the semicolon (or a comma and a
    consequence mark) on the verb after it, which reports its own clause or object after it, not A."""
    return x.i < verb.i and (_semicolon_between(x.right_edge, verb) or consequence_between(x.right_edge, verb, marks)) and any(
        c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children)
