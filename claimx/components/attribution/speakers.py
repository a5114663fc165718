"""Who can speak: reporting subjects, document voices, owners; the checks of a cue (what it takes)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .base import (
    NEVER_SPEAKER_ENTS,
    NOUNS,
    OWNER_STEPS,
    QUOTE_MARKS,
    SPEAKER_PHRASE_WORDS,
    SUBJECT_DEPS,
)
from .tree import (
    by_owner as _by_owner,
    hyphened_name,
    in_dateline as _in_dateline,
    issued_by_owner as _issued_by_owner,
    line_opening,
    named_child as _named_child,
    of_name_owner as _of_name_owner,
    of_phrase_by_owner as _of_phrase_by_owner,
    past_dateline as _past_dateline,
    relative_speaker,
)

GIVER_WORDS = 6  # "figures [that] the regional health federation shared": words from the document to its giver
RUBRIC_WORDS = 3  # "Editor's note:": a rubric is a word or a few
PLACE_ENTS = ("GPE", "LOC", "FAC", "NORP")  # a name of a place or a people never holds a title


class Speakers:
    """Finding and checking the token that speaks for a cue.

    Reads: `self.words` (`AttributionWords`, words.py); calls `names_a_speaker` (strategies.py), `phrase_object`
    (quotations.py).
    """

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a reporting verb, looking through 'stating' clauses and relative pronouns."""
        inverted = self._inverted_subject(verb) or self._relative_read_as_that(verb)
        if inverted is not None:
            return inverted
        v = verb
        speaker_passive = verb.lemma_.lower() in self.words.passive_speaker_cues
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children) \
                and not speaker_passive:
            return None  # "are believed to have", "was estimated": a hedge, not a source
        for _ in range(4):
            passive_ok = v.lemma_.lower() in self.words.passive_speaker_cues  # "X was quoted as saying"
            for child in v.children:
                if child.dep_ in SUBJECT_DEPS and (child.dep_ != "nsubjpass" or passive_ok):
                    if self.relative_pronoun(child) and (
                            found := relative_speaker(child, v, self._can_speak, self.owner)) is not None:
                        return found  # "researchers ..., who said"; "the NIS's report, which"; "X, a think tank, which"
                    if child.pos_ in (*NOUNS, "PRON", "NUM"):
                        subj = self._subject_noun(child)
                        if subj is None and _in_dateline(child):
                            continue  # "AL-MAWASI, Gaza Strip (AP) — Health officials say": the parser's second subject
                        if subj is not None or child.pos_ != "NUM":
                            return subj
                if child.dep_ == "agent":  # "was estimated by the ministry"
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj
            if v.dep_ in ("acl", "relcl") and v.head.pos_ in NOUNS and self._can_speak(v.head) and (
                    v.tag_ != "VBN" or any(c.dep_ == "ccomp" for c in v.children)):
                return v.head  # "with officials estimating ...", "forces reported that" (not "the number released")
            if v.dep_ in ("advcl", "xcomp", "conj", "ccomp", "pcomp") and v.head != v:
                v = v.head  # "Trump dismissed, stating, ..."
                if v.pos_ == "ADP" and v.head != v:
                    v = v.head  # "was quoted as saying": through the preposition to the verb
                    quoted = self.quoted_as_saying(v)
                    if quoted is not None:
                        return quoted  # "the lawmaker quoted the NIS as saying": the NIS speaks
                continue
            break
        return self.name_before(verb)  # the parser found no subject: read the name off the words

    def quoted_as_saying(self, verb: Token) -> Token | None:
        """'X quoted / cited Y as saying': Y, the object of the relaying verb, is who says it."""
        if verb.lemma_.lower() not in self.words.as_saying_verbs:
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOUNS), None)
        return obj if obj is not None and self.may_speak(obj) else None

    @staticmethod
    def name_before(verb: Token) -> Token | None:
        """'In St. Petersburg, Rabbi Jane Roe of Temple Beth said', '"...," Ann Lee, president of Acme, said': the first
        person (else organisation) named in the words before a reporting verb, back to a verb, a quotation mark or the
        sentence start; the small parser often hangs such a speaker on the phrase before it."""
        doc, sent = verb.doc, verb.sent
        j = verb.i - 1
        while j >= sent.start and doc[j].pos_ not in ("VERB", "AUX") and doc[j].text not in QUOTE_MARKS:
            j -= 1
        words = doc[j + 1:verb.i]
        if not len(words) or len(words) > SPEAKER_PHRASE_WORDS:
            return None
        for label in ("PERSON", "ORG"):
            ent = next((e for e in words.ents if e.label_ == label), None)
            if ent is not None:
                return ent[-1]
        return None

    def _subject_noun(self, child: Token) -> Token | None:
        """The speaker a subject names: past a dateline, the name of 'one of the men', the owner of a report."""
        if child.pos_ == "NUM":
            named = _named_child(child)  # "One of the men, David Redvers, said": Redvers
            if named is None:  # "Kyiv says 6,000 and a US official told ...": the parser joined the number to the speaker
                named = next((c for c in child.children if c.dep_ == "conj" and c.pos_ in NOUNS and self._can_speak(c)), None)
            if named is None:  # "one of the sources said": the sources speak through one of them
                named = next((o for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                              for o in p.children if o.dep_ == "pobj" and o.pos_ in NOUNS and self._can_speak(o)), None)
            if named is None:
                return None
            child = named
        child = _past_dateline(child)  # "LIMA, Peru — Police said": the police, not Lima
        if child is None:
            return None
        owner = self.owner(child) if child.lower_ in self.words.document_nouns else None
        if owner is not None and (self.may_speak(owner) or owner.head.lower_ != "from"):
            return owner  # "a study by the consultancy Northstar": its author
        return child  # "documents from his tax return": the documents

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
                c.dep_ in SUBJECT_DEPS and c.i < verb.i and not _quoted_before(c, verb) for c in verb.children):
            return None  # "Eric Ciotti, told France Info": Ciotti speaks, France Info listens
        return nouns[-1]

    def relayed(self, head: Token, phrases: list[tuple[Span, str]]) -> Token | None:
        """The original speaker when the source relays another: 'Reuters, citing the ministry, said'."""
        for phrase, _ in phrases:
            if phrase.text.lower() in self.words.relay_cues and phrase.sent == head.sent:
                obj = self.phrase_object(phrase)
                if obj is not None and obj != head and (phrase.root.head == head or abs(phrase.start - head.i) <= 3):
                    return obj
        return None

    def named_apposition(self, head: Token) -> Token:
        """'The regional police chief, Amir Saleh, said': the name, with the title as its role."""
        if head.pos_ == "NOUN":
            for child in head.rights:
                if child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN") \
                        and not any(t.like_num for t in child.subtree) and not _label_between(head, child):
                    return child  # not "NIS: About 100 N. Korean Soldiers Killed": a headline's figure, no name
        return head

    def title_holder(self, head: Token) -> Token:
        """'The head of Ukraine's military intelligence Kyrylo Budanov said', 'the head of the agency (GUR), Kyrylo
        Budanov, said': a title whose holder is named after its phrase with no comma (or past a bracket), read off the
        words: the last run of capitalised names before the clause's verb, two words or a person's name, that is
        not another title's holder ('the spokesman for Prime Minister Boris Johnson' is not Johnson)."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in self.words.person_nouns:
            return head
        doc, run, last = head.doc, [], None
        for tok in doc[head.i + 1:min(head.sent.end, head.i + 1 + SPEAKER_PHRASE_WORDS)]:
            if tok.pos_ in ("VERB", "AUX"):
                break
            if tok.pos_ == "PROPN" and tok.is_title:
                run.append(tok)
                continue
            if run:
                last, run = run, []
        last = run or last
        if not last or last[0].lower_ in self.words.titles or last[0].lower_ in self.words.person_nouns:
            return head
        if (len(last) < 2 and last[-1].ent_type_ != "PERSON") or last[-1].ent_type_ in PLACE_ENTS:
            return head  # "the mayor of New York said": a place, not the holder
        if last[-1].lower_ in self.words.org_nouns or last[-1].lower_ in self.words.anaphoric_bodies:
            return head  # "a commander in Ukraine's 8th Special Operations Regiment told": the body, not the holder
        if last[-1].dep_ == "poss":
            return head  # "A reporter at Velna's central hospital counted": the owner of a place, not the holder
        before, after = doc[last[0].i - 1], doc[last[-1].i + 1] if last[-1].i + 1 < len(doc) else None
        if before.text == "," and (after is None or after.text != ","):
            return head  # "According to the lawmakers, North Korea has sent": a new clause, not an apposition
        return last[-1]

    def cue_takes(self, verb: Token) -> bool:
        """A cue restricted to reports of a number ('put the toll at') has such an object."""
        lemma = verb.lemma_.lower()
        non_objects = self.words.cue_non_objects.get(lemma, ())
        if any(self._object_like(c) and any(t.lower_ in non_objects for t in c.subtree) for c in verb.children):
            return False  # "the storm claimed 115 lives": a death, not a claim; "posted what appeared to be video showing"
        if lemma in self.words.cue_preps and not any(c.dep_ == "prep" and c.lower_ in self.words.cue_preps[lemma] for c in verb.children):
            return False  # "spoke to 40 students": no report; "spoke of 4,000 builders" is one
        objects = self.words.cue_objects.get(lemma)
        # its object, or the noun it describes in the passive ("the statement released by his office")
        held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + ([verb.head] if verb.dep_ == "acl" else [])
        return objects is None or any(c.lemma_.lower() in objects or c.lower_ in objects for c in held)  # "odds", not "odd"

    def _relative_read_as_that(self, verb: Token) -> Token | None:
        """'a Telegram channel that on Friday reported 100 casualties': the parser read the relative pronoun as the mark
        of a subjectless complement clause; the noun right before 'that' is the subject."""
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in self.words.relative_pronouns and c.i < verb.i), None)
        noun = verb.doc[mark.i - 1] if mark is not None and mark.i > 0 else None
        return noun if noun is not None and noun.pos_ in NOUNS and self._can_speak(noun) else None

    def value_on_a_relative(self, verb: Token, anchor: Token) -> bool:
        """'put the number of residents who have left the strip at 8,500': a count cue with no value of its own, whose
        value ('at' the figure) the parser hung on a relative clause inside its object."""
        while anchor.dep_ == "conj" and anchor.head != anchor:
            anchor = anchor.head  # "at 8,500, or roughly a third of ..."
        prep = anchor.head
        if verb.lemma_.lower() not in self.words.cue_objects or prep.lower_ not in self.words.value_preps:
            return False
        if any(c.dep_ == "prep" and c.lower_ in self.words.value_preps for c in verb.children):
            return False  # the cue's own value is elsewhere
        return prep.head.dep_ == "relcl" and any(prep.head in o.subtree for o in verb.children if o.dep_ == "dobj")

    def _object_like(self, tok: Token) -> bool:
        """A verb's object, or a free relative standing for one ('posted [what appeared to be video]')."""
        return tok.dep_ == "dobj" or (tok.dep_ == "ccomp" and any(
            c.dep_ in SUBJECT_DEPS and c.lower_ in self.words.free_relatives for c in tok.children))

    def may_speak(self, tok: Token) -> bool:
        """A subject that can report: a name, a people, an organisation, a report, a plural of people, a pronoun."""
        if tok.ent_type_ in NEVER_SPEAKER_ENTS or _in_dateline(tok) or self.opens_as_rubric(tok):
            return False  # "January showed", "SAN JOSE — ...", "Correction, 9 October:": times, datelines, rubrics
        return tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS") or self._can_speak(tok)

    def opens_as_rubric(self, tok: Token) -> bool:
        """'Correction, 9 October: an earlier version said 18', 'FACT CHECK: ...': a paper's rubric opening its line,
        set off by a colon or a comma, which the parser may make the subject of the verb after it."""
        words = line_opening(tok, RUBRIC_WORDS)
        after = tok.doc[tok.i + 1].text if tok.i + 1 < len(tok.doc) else ""
        return words is not None and after in (":", ",") and words.text.lower() in self.words.rubric_labels

    def _can_speak(self, tok: Token) -> bool:
        """Could this noun be a source: a name, a people, an organisation, officials, a report?"""
        lemma = tok.lemma_.lower()
        return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or hyphened_name(tok) \
            or lemma in self.words.person_nouns \
            or lemma in self.words.org_nouns or lemma in self.words.vague_sources or tok.lower_ in self.words.vague_sources \
            or lemma in self.words.media_nouns \
            or self.is_document(tok) or _named_in_apposition(tok)

    def document_cue_reports(self, verb: Token, subj: Token) -> bool:
        """'figures show', 'researchers found that 73% ...': a document cue (show, find) reports through a document
        voice, or with a clause of its own; 'rescuers found 12 survivors' reports nothing. Other cues always report."""
        lemma = verb.lemma_.lower()
        if lemma in self.words.tally_cues and (subj.ent_type_ == "ORG" or subj.lemma_.lower() in self.words.org_nouns
                                               or subj.lower_ in self.words.thing_pronouns):
            return True  # "Berlin police recorded 14 assaults", "It recorded 1,046 cases": a body keeps the count
        return lemma not in self.words.document_cues or self.document_voice(subj) or any(
            c.dep_ == "ccomp" for c in verb.children) or (lemma in self.words.spoken_document_cues and self.names_a_speaker(subj))

    def document_voice(self, tok: Token) -> bool:
        """A document, or the owner of one ('the ministry's figures', 'findings of the RAIB', 'a poll by Gallup')."""
        if self.is_document(tok) or tok.ent_type_ == "ORG":
            return True  # "Gallup shows", "with Refinitiv showing": a named organisation publishes
        x = tok
        for _ in range(OWNER_STEPS):
            if x.dep_ not in ("poss", "pobj", "prep", "agent", "acl") or x.head == x:
                return False
            x = x.head
            if self.is_document(x):
                return True
        return False

    def is_document(self, tok: Token) -> bool:
        """A document noun ("report", "statement") or a vague source ("officials"): a source that is not a person."""
        nouns = self.words.document_nouns
        return tok.lemma_.lower() in nouns or tok.lower_ in nouns or tok.lower_ in self.words.vague_sources

    def relative_pronoun(self, tok: Token) -> bool:
        """'who', 'which', 'that' opening a relative clause; not 'WHO', the World Health Organization in capitals."""
        return tok.lower_ in self.words.relative_pronouns and not (tok.is_upper and len(tok.text) > 1)

    def document_speaker(self, noun: Token) -> Token | None:
        """Who speaks through a document named after 'according to': its owner ('an analysis by X') or who hands it out
        ('figures the federation shared'); None for anything else."""
        return self.owner(noun) or self.relative_giver(noun) if self.is_document(noun) else None

    def relative_giver(self, doc_noun: Token) -> Token | None:
        """'according to figures [that] the hospital federation shared with me': who hands the document out, the
        speaking subject of the relative clause right after it (read off the words: the parser may not join them)."""
        doc = doc_noun.doc
        start = doc_noun.i + 1
        if start < len(doc) and self.relative_pronoun(doc[start]):
            start += 1
        subj = next((t for t in doc[start:start + GIVER_WORDS] if t.dep_ in SUBJECT_DEPS), None)
        if subj is None or subj.left_edge.i != start or subj.head.i != subj.i + 1 or subj.head.pos_ != "VERB" \
                or any(c.dep_ == "dobj" for c in subj.head.children):
            return None  # the document is the verb's own object, left out: "figures [the federation shared _]"
        return subj if self.may_speak(subj) and subj.pos_ != "PRON" else None

    def owner(self, noun: Token) -> Token | None:
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
            if owner is not None and any(c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in owner.children):
                continue  # "information from 78 field visits": a counted thing, not an author
            if owner is not None and (self.may_speak(owner) or owner.head.lower_ != "from"):
                return owner  # not "estimates of deaths from fighting": after 'from', a cause, not an author
        return None


def _label_between(head: Token, name: Token) -> bool:
    """'FERRER: Ana, the scale of it ...': a name after a label's colon is the one addressed, not the label's holder."""
    return any(t.text == ":" for t in head.doc[head.i + 1:name.i])


def _quoted_before(subj: Token, verb: Token) -> bool:
    """'"A month of water costs $300," said Okoro': a subject the parser found inside the quotation before the verb is
    the quotation's own word, not a speaker before the verb."""
    return any(t.text in QUOTE_MARKS for t in subj.doc[subj.i + 1:verb.i])


def _named_in_apposition(tok: Token) -> bool:
    """'A geologist working with the agency, Dr. Lea Varga, said': a noun the lexicons do not know speaks when an
    apposition names the person or body it is."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG") for c in tok.children)
