"""Who is counted and where they are: people and forces, being somewhere (deploys forces), and places of care (injured)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .tree import phrase_at as _phrase_at

PLACE_ENTS = ("GPE", "LOC", "FAC")  # named places
NOT_PLACE_ENTS = ("PERSON", "DATE", "TIME")  # proper nouns that are no place ("on Sunday")
ACTED_ON_DEPS = ("dobj", "obj", "nsubjpass")  # what a verb acts on: its object, or the subject of its passive
COALITION_WORDS = 30  # "coalition of the militia from Rwanda, 10,000 forces": words from the body's 'of' to the figure
LIST_PUNCT = (",", "(", ")", "-")  # what may stand in such a list: its commas, an acronym's brackets, 'Africa-led'
LIST_MODIFIED_POS = ("NOUN", "PROPN", "ADJ", "PUNCT")  # a participle before these modifies a member ('allied fighters')
CARE_NAME_WORDS = 8  # "the University of Chicago Medical Center": words of a hospital's name read after "to"


def _conjuncts(noun: Token) -> list[Token]:
    """The nouns coordinated with `noun`: the one it is a conjunct of, and its own conjuncts."""
    own = [c for c in noun.children if c.dep_ == "conj"]
    return [noun.head, *own] if noun.dep_ == "conj" and noun.head != noun else own


class PresenceRules:
    """Mixed into `MeasureRules`.

    Reads: `self.words` (`CountedWords`: people, forces, responders, presence, care_transport); calls `measure_of`
    (measure.py).
    """

    def force_deployed(self, span: Span, anchor: Token, noun: Token | None) -> bool:
        """Forces with no deployment word are deployed when listed in a fighting body, on duty, or when the figure is
        the size a clause gives a force ('bringing the Maratian contingent to about 4,500')."""
        if noun is None:
            return self._force_value(span, anchor)
        return self.is_forces(noun) and (self._coalition_member(span) or self._on_duty(noun) or self._comprised(noun)
                                         or self._supporting(noun) or self._force_value(span, anchor))

    def _force_value(self, span: Span, anchor: Token) -> bool:
        """'bringing the contingent to about 4,500', 'puts the contingent at 4,500', 'the force grew to 3,000',
        'bringing its grouping there to upwards of 90,000 personnel': a figure after a value preposition ('to', 'at')
        on a verb whose subject or object is a force."""
        prev = span.doc[span.start - 1] if span.start > span.sent.start else None
        if anchor.dep_ == "pobj" and anchor.head.lower_ in self.words.value_preps:
            prep = anchor.head
        elif prev is not None and prev.dep_ == "prep" and prev.lower_ in self.words.value_preps:
            prep = prev  # the bound word parsed as the preposition's object
        else:
            return False
        verb = prep.head
        return verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN" and self._forces_word(c) for c in verb.children)

    def _comprised(self, noun: Token) -> bool:
        """'sent two reserve brigades, comprising around 6,000 servicemen': the forces a sent unit is made of."""
        verb = noun.head
        if noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in self.words.comprise_verbs:
            return False
        unit = verb.head
        sender = unit.head if unit.pos_ == "NOUN" else unit
        return self.measure_of(sender) == "deployed"

    def _supporting(self, noun: Token) -> bool:
        """'firefighters have been deployed, supported by 22 helicopters': the forces by which a deployment is backed."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "agent":
            return False
        backing = prep.head
        return backing.dep_ in ("advcl", "acl") and self.measure_of(backing.head) == "deployed"

    def _on_duty(self, noun: Token) -> bool:
        """'More than 250 rescue personnel ... are working around the clock', '600 soldiers and volunteers work in
        shifts': forces doing their work are deployed there."""
        return noun.dep_ in ("nsubj", "conj") and noun.head.lemma_.lower() in self.words.duty_verbs

    def _coalition_member(self, span: Span) -> bool:
        """'the coalition of the FDLR militia from Rwanda, 10,000 Burundian forces, 1,600 mercenaries': the figure is in
        a list opened by a fighting body's 'of', read off the words (the parser hangs such lists anywhere): between the
        'of' and the figure only names, nouns, modifiers and the list's commas and 'and'."""
        doc = span.doc
        for j in range(span.start - 1, max(span.sent.start, span.start - COALITION_WORDS) - 1, -1):
            tok = doc[j]
            if tok.lower_ == "of" and j > span.sent.start and doc[j - 1].lemma_.lower() in self.words.coalition_nouns:
                return True
            if tok.pos_ in ("VERB", "AUX") and not (j + 1 < span.start and doc[j + 1].pos_ in LIST_MODIFIED_POS):
                return False  # a clause of its own, not a modifier ('allied fighters', 'South Africa-led forces')
            if tok.is_punct and tok.text not in LIST_PUNCT:
                return False
        return False

    def is_people(self, noun: Token) -> bool:
        """People or forces as what is counted: a measure word like 'lost' needs them ('lost three games')."""
        return noun.lemma_.lower() in self.words.people or noun.lower_ in self.words.people or self._forces_word(noun) \
            or noun.ent_type_ in ("PERSON", "NORP")

    def is_forces(self, noun: Token) -> bool:
        """Troops, officers, crews and emergency vehicles: what can be deployed or stationed; a people coordinated
        with forces counts as forces too ('60,000 Russian troops and 12,000 North Koreans in the region')."""
        if noun.lemma_.lower() in self.words.materiel or noun.lower_ in self.words.materiel:
            return True  # "shipped 12 million artillery shells", "tanks in the region"
        return self._forces_word(noun) or (noun.ent_type_ == "NORP" and any(
            self._forces_word(t) for t in _conjuncts(noun)))

    def _forces_word(self, noun: Token) -> bool:
        return noun.lemma_.lower() in self.words.forces or noun.lower_ in self.words.forces or self.is_responder(noun) \
            or self._military_trade(noun)

    def _military_trade(self, noun: Token) -> bool:
        """'combat engineers', 'military advisers', 'army doctors': a trade made forces by a military modifier."""
        return any(c.dep_ in ("compound", "amod") and c.lower_ in self.words.military_modifiers for c in noun.lefts)

    def is_responder(self, noun: Token | None) -> bool:
        """Emergency vehicles and crews ('fire engines'), read with their compound modifiers."""
        if noun is None:
            return False
        mods = [c.lower_ for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
        text = " ".join([*mods, noun.lower_])
        return any(text == r or text.endswith(" " + r) for r in self.words.responders)

    def offers_forces(self, tok: Token, noun: Token | None) -> bool:
        """'Volunteer the 1,000 police officers', 'pledged 500 troops': a verb that puts forces at a mission's disposal,
        with the forces as its object ('pledged $5 million', 'offered 30 students places': not)."""
        return tok.pos_ == "VERB" and tok.lemma_.lower() in self.words.offering_verbs and noun is not None \
            and noun.head == tok and noun.dep_ in ("dobj", "obj") and self.is_forces(noun) \
            and noun.lemma_.lower() not in self.words.materiel

    def is_presence(self, tok: Token) -> bool:
        """'in attendance', 'at a base', 'coming': being somewhere, which deploys only forces."""
        if tok.lemma_.lower() in self.words.presence_lemmas:
            return not any(c.lower_ in self.words.return_particles for c in tok.children)  # "maybe five come back": they return
        return _phrase_at(tok, self.words.presence_phrases)

    def is_place_prep(self, tok: Token) -> bool:
        """'in the Kursk region', 'in Europe', 'along the border': a preposition whose object is a place (a named place
        or a place noun)."""
        if tok.dep_ != "prep" or tok.lower_ not in self.words.place_preps:
            return False
        return any(c.dep_ == "pobj" and c.ent_type_ not in NOT_PLACE_ENTS and (
            c.ent_type_ in PLACE_ENTS or c.pos_ == "PROPN" or c.lemma_.lower() in self.words.place_nouns) for c in tok.children)

    def acted_on(self, noun: Token, verb: Token | None = None) -> bool:
        """`noun` (or the first of its conjuncts) is what `verb` (by default its own head) acts on: its object or passive
        subject, the verb not one of the placing_verbs. A place such a verb hangs on says where it happened, not where
        the forces are ('destroyed two tanks near the village', 'two police cars were damaged on the street'); verbs
        that put or find forces somewhere still place them ('has 50,000 troops in Kursk')."""
        while noun.dep_ == "conj" and noun.head != noun:
            noun = noun.head  # "three tanks and 14 motor vehicles were destroyed": the first conjunct's role
        verb = noun.head if verb is None else verb
        return verb.pos_ == "VERB" and noun.dep_ in ACTED_ON_DEPS and noun.head == verb \
            and verb.lemma_.lower() not in self.words.placing_verbs

    def strikes(self, noun: Token, verb: Token) -> bool:
        """'two missiles hit a crowded market in the town': weapons as the subject of a verb with an object of its own
        were used there, not stationed."""
        materiel = noun.lemma_.lower() in self.words.materiel or noun.lower_ in self.words.materiel
        return materiel and noun.dep_ == "nsubj" and noun.head == verb and any(c.dep_ == "dobj" for c in verb.children)

    def deploys_things(self, noun: Token | None, word: Token | None) -> bool:
        """'would send 12 trucks carrying flour' (aid), '200 stations have logged' (the deployment word is the noun
        itself, in another sense): things that are neither people nor forces, sent in no deployment."""
        if noun is None or self.is_people(noun) or self.is_forces(noun):
            return False
        carrying = any(c.dep_ == "acl" and c.lemma_.lower() in self.words.cargo_verbs for c in noun.children)
        return carrying or (word == noun and noun.lemma_.lower() in self.words.deployment_homographs)

    def is_care_transport(self, tok: Token) -> bool:
        """'taken to two hospitals', 'brought in by ambulance': a transport verb with a place of care."""
        if tok.lemma_.lower() not in self.words.care_verbs:
            return False
        for prep in tok.children:
            if prep.dep_ in ("prep", "agent", "prt"):
                for obj in [prep, *prep.children]:
                    if obj.dep_ in ("pobj", "prep", "agent") and obj.lemma_.lower() in self.words.care_places:
                        return True
                    if obj.dep_ in ("prep", "agent") and any(
                            c.dep_ == "pobj" and c.lemma_.lower() in self.words.care_places for c in obj.children):
                        return True
                if prep.dep_ == "prep" and self._names_a_place_of_care(prep):
                    return True
        return False

    def _names_a_place_of_care(self, prep: Token) -> bool:
        """'taken to Regional One Health', 'to the University of Chicago Medical Center': a named hospital, read off the
        words of the preposition's phrase (up to CARE_NAME_WORDS, to the next punctuation or verb)."""
        for tok in prep.doc[prep.i + 1:min(prep.i + 1 + CARE_NAME_WORDS, prep.sent.end)]:
            if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
                break
            if tok.pos_ == "PROPN" and tok.lower_ in self.words.care_name_words:
                return True
        return False

    def counts_care_acts(self, noun: Token | None) -> bool:
        """'around 7,000 surgeries', '900 operations a year': what is counted is acts of care, not people; 'treated
        1,142 suspected cases': cases of a disease, not people hurt."""
        return noun is not None and (noun.lemma_.lower() in self.words.care_cases or (
            noun.lemma_.lower() in self.words.care_lemmas and not self.is_people(noun) and not self._admissions(noun)))

    def _admissions(self, noun: Token) -> bool:
        """'1,900 heat-related admissions': each admission is a person taken into hospital."""
        return noun.lemma_.lower() in self.words.care_person_acts

    def is_care_cue(self, tok: Token) -> bool:
        """'patients', 'having surgery', 'arrived on foot': injured, but only in an injury context."""
        return tok.lemma_.lower() in self.words.care_lemmas or _phrase_at(tok, self.words.care_phrases)

    def injury_context(self, span: Span) -> bool:
        """An injury word, or an attack or disaster word, in the figure's sentence or the CONTEXT_SENTENCES before it
        (a hospital paragraph)."""
        sents = list(span.doc.sents)
        here = next((k for k, s in enumerate(sents) if s.start <= span.start < s.end), 0)
        window = sents[max(0, here - self.words.context_sentences):here + 1]
        return any(self.measure_of(t) == "injured" or t.lemma_.lower() in self.words.care_disasters
                   for sent in window for t in sent)
