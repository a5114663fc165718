"""The measure of a figure: its own words, the clause that governs it, then its context, by the precedence of measures.json."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .base import (
    ARGUMENT_DEPS,
    MODIFIER_DEPS,
    NOUNS,
)
from .captivity import CaptivityRules
from .discussed import DiscussedRules
from .events import EVENT_POS, MODIFIER_YIELDS, EventRules, count_words
from .linear import LinearRules
from .presence import PresenceRules
from .tree import partitive_antecedent as _partitive_antecedent, phrase_at as _phrase_at
from .wholes import WholeRules

ROLE_DEPS = ("pcomp", "amod", "acomp", "pobj")  # "as missing", "as dead", "as casualties": the role after 'as'


class MeasureRules(EventRules, PresenceRules, WholeRules, LinearRules, CaptivityRules, DiscussedRules):
    """How `CountedFinder` reads a measure (mixed into it).

    Reads: `self.words` (`CountedWords`, words.py), `self.figure_tokens` (set by `CountedFinder`); the rules of its
    bases: events.py, presence.py, wholes.py, linear.py, captivity.py, discussed.py.
    """

    # -- the measure ----------------------------------------------------
    def measure(self, span: Span, anchor: Token, noun: Token | None, inherited: str | None = None) -> str | None:
        """The measure by the precedence table of measures.json: own words, then context, then defaults."""
        headline = self.headline_event(span, noun)
        if headline is not None:
            return headline  # "Three shot, one fatally": the event the parser took for the counted noun
        words = self._governors(span, anchor, noun)
        linear = self.words_after(span, noun)
        if linear:
            words.insert(1 if noun is not None else 0, linear)
        found, at, word = self._first_measure(span, words, noun)
        if found == "deployed" or self.modifier_yields(found, word, noun):
            event = self.main_event(span, words[at + 1:], noun, MODIFIER_YIELDS.get(found or ""))
            found, word = event if event is not None else (found, word)
        if found in self.words.status_measures or (word is not None and word == noun and self.measure_of(word) is None):
            # "300 patients were shot dead": what happened to them beats what the noun says they were
            event = self._event_over_status(span, words, noun)
            found, word = event if event is not None else (found, word)
            if event is None and self._reversed(words):
                return None  # "the release of 21 abducted girls": no longer captured
        if word is not None and word.lemma_.lower() in self.words.vague_events:
            if self.missed(word):
                return None  # "were shot at": aimed at, not hit
            found = self.refined(span, word) or found  # "shot": killed or injured when the sentence says so
        if found is None and noun is None:
            found = self.verb_before(span)  # "Strike on market kills at least 34"
        if found is None and noun is not None and noun.lower_ in self.words.others:
            found = inherited  # "31 patients were brought in, while seven others arrived on foot"
        if found is None and self.is_responder(noun) and not self.acted_on(noun):
            found = "deployed"  # "two fire engines, two to three ambulances": sent to the scene ("two police cars were damaged": not)
        return None if found == "deployed" and self.deploys_things(noun, word) else found

    def _first_measure(self, span: Span, groups: list[list[Token]], noun: Token | None) -> tuple[str | None, int, Token | None]:
        """The measure of the nearest group that has one ('killed or injured' combine), the group's index and the word
        that gave it; a vague event ('shot') yields to a specific word of its group ('shot and killed'), and a
        deployment to the group's main event ('stationed abroad have died')."""
        place: tuple[str | None, int, Token | None] = (None, len(groups), None)
        for at, group in enumerate(groups):
            found = [(m, t) for m, t in ((self.word_measure(span, t, noun), t) for t in group) if m]
            if any(m == "killed" for m, _ in found):  # "200 dead had been brought to hospitals": the dead are carried too
                found = [(m, t) for m, t in found if not (m == "injured" and self.is_care_transport(t))]
            specific = [(m, t) for m, t in found if t.lemma_.lower() not in self.words.vague_events]
            found = specific or found
            if found and all(self.is_place_prep(t) for _, t in found):
                place = place if place[0] else (found[0][0], at, found[0][1])
                continue  # "captured 35 soldiers near the airport": where they are says the least; kept as a last resort
            if not found:
                continue
            found = [(m, t) for m, t in found if not self.status_told_by_event(t, found)]
            distinct = {m for m, t in found if not self._in_state_phrase(t)}  # "died in hospital": a state combines with nothing
            if len(distinct & self.words.combine) >= 2:
                return self.words.combined_as, at, None
            events = [(m, t) for m, t in found if m in self.words.event_measures and t.pos_ in EVENT_POS]
            if found[0][0] == "deployed" and events:
                return events[0][0], at, events[0][1]
            return found[0][0], at, found[0][1]
        return place

    def _in_state_phrase(self, tok: Token) -> bool:
        """'in hospital', 'in captivity': the word is a state preposition or its object."""
        return (tok.dep_ == "prep" and tok.lower_ in self.words.state_preps) or (
            tok.dep_ == "pobj" and tok.head.lower_ in self.words.state_preps)

    def _event_over_status(self, span: Span, groups: list[list[Token]], noun: Token | None) -> tuple[str, Token] | None:
        """'A dozen captives died': what happened to the counted (and the word that says it) beats what they were."""
        for group in groups:
            for tok in group:
                if tok == noun or tok.pos_ in NOUNS:
                    continue
                m = self.word_measure(span, tok, noun)
                if m in self.words.event_measures:
                    return m, tok  # an event, not a deployment ("captured 35 soldiers near the airport")
        return None

    def _reversed(self, groups: list[list[Token]]) -> bool:
        """A release word governs the figure ('the negotiated release of 21 of the abducted')."""
        return any(t.lemma_.lower() in self.words.reversal or t.lower_ in self.words.reversal for g in groups for t in g)

    def word_measure(self, span: Span, tok: Token, noun: Token | None) -> str | None:
        """A word's measure for this figure: lexicon words, then the conditional rows of the table."""
        m = self.measure_of(tok)
        if m is not None and tok.lemma_.lower() in self.words.state_only and not (
                self._in_state_phrase(tok) and self._in_sentence(span, self.words.war_context)):
            return None  # "custody of 3 children"; "one person was in custody" after a shooting is an arrest
        if m is not None and self.kin_lost(tok, noun):
            return "killed"  # "families who lost five relatives": a death in the family, not a loss of forces
        if m is not None:
            if tok.lemma_.lower() in self.words.people_only and not self._counts_people(span, noun) \
                    and not (tok == noun and self._in_sentence(span, self.words.war_context)):
                return None  # "lost three games", "bitcoin has lost 28 percent" ("two-thirds of those losses ... in combat" count)
            if tok.lemma_.lower() in self.words.subject_only and tok.dep_ != "amod" and self._phrase_measure(tok) is None \
                    and not self._said_of_subject(span, tok, noun):
                return None  # "2,000 fell" were killed; "prices fell 5 percent", "three fell ill" were not
            return m
        if self.held_captive(tok, noun):
            return "captured"  # "300 sailors are held by the rebels"
        if self.offers_forces(tok, noun):
            return "deployed"  # "ready to volunteer the 1,000 police officers", "pledged 500 troops"
        if self.is_place_prep(tok):
            if noun is None or not self.is_forces(noun) or self.acted_on(noun, tok.head) or self.strikes(noun, tok.head):
                return None
            return "deployed"  # "3,000 troops remain in Kursk"
        if self.is_presence(tok):
            if tok.dep_ == "prep" and noun is not None and self.acted_on(noun, tok.head):
                return None  # "two police cars were damaged on the street"
            return "deployed" if noun is None or self.is_forces(noun) else None
        if self.counts_care_acts(noun):
            return None  # "7,000 surgeries a year are carried out at the hospital": operations, not people
        if self.is_care_transport(tok):
            return "injured"
        if self.is_care_cue(tok) and self.injury_context(span):
            return "injured"
        if tok.lemma_.lower() in self.words.removal_verbs and self._in_sentence(span, self.words.captivity_events):
            return "captured"  # "the students taken from their dormitory ... a kidnapping"
        return None

    def _phrase_measure(self, tok: Token, *, ending: bool = True) -> str | None:
        """The measure of a lexicon phrase that starts at `tok` ('lost their lives'), or, with `ending`, ends at it."""
        doc = tok.doc
        tail = doc[tok.i:min(tok.i + 5, len(doc))].text.lower()
        start = doc[max(tok.i - 3, 0):tok.i + 1].text.lower() if ending else None
        for phrase, measure in self.words.phrases:
            if tail.startswith(phrase) or (start is not None and start.endswith(phrase)):
                return measure
        return None

    def measure_of(self, tok: Token) -> str | None:
        """The measure a word names: a listed phrase at it, else its lemma or form, else a fight word with its preposition."""
        found = self._phrase_measure(tok)
        if found is not None:
            return found
        for key in (tok.lemma_.lower(), tok.lower_):
            if key in self.words.lemma_to_measure:
                return self.words.lemma_to_measure[key]
        if tok.lemma_.lower() in self.words.fight_words and any(c.lower_ in self.words.fight_preps for c in tok.children):
            return "deployed"
        return None

    # -- conditional rows of the precedence table ------------------------
    def _said_of_subject(self, span: Span, verb: Token, noun: Token | None) -> bool:
        """The verb follows the figure (or its noun) as its predicate, with no word after it that makes it an idiom."""
        if verb.i < span.end or (noun is not None and verb.i < noun.i):
            return False
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        return nxt is None or nxt.lower_ not in self.words.subject_only[verb.lemma_.lower()]

    def _counts_people(self, span: Span, noun: Token | None) -> bool:
        """People or forces are counted, or nothing is named and the figure is a bare count (no unit, not a percentage)."""
        if noun is not None and noun.pos_ == "PRON":  # "57 cholera cases ..., three of them fatal"
            before = _partitive_antecedent(span)
            return before is not None and (self.is_people(before) or before.lemma_.lower() in self.words.care_cases)
        if noun is not None:
            return self.is_people(noun)
        return span._.figure is None or span._.figure.unit is None

    def _in_sentence(self, span: Span, words: set[str]) -> bool:
        """One of `words` (by lemma or text) occurs in the figure's sentence."""
        return any(t.lemma_.lower() in words or t.lower_ in words for t in span.sent)

    def _governors(self, span: Span, anchor: Token, noun: Token | None) -> list[list[Token]]:
        """Words that may say what happened to the counted, nearest first, grouped by clause."""
        fig_tokens = set(range(span.start, span.end))
        groups = self._noun_groups(noun, fig_tokens) if noun is not None else []
        groups += self.threshold_groups(span)
        x = anchor
        if noun is not None and (anchor.head == noun or (anchor.dep_ in MODIFIER_DEPS and anchor.head.i in fig_tokens)):
            x = noun
        if noun is not None and noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head == anchor:
            x = anchor  # "4,000 of these troops have been killed": the number is the argument
        if anchor.dep_ in MODIFIER_DEPS and anchor.head.lower_ in self.words.more_words and anchor.head.i >= span.end \
                and anchor.head.head != noun:
            x = anchor.head  # "wounded at least 5 more": the figure's phrase is 'more', the verb's object
        for _ in range(3):
            head = x.head
            if head == x:
                break
            if x.dep_ == "pobj" and head.i in fig_tokens and head.dep_ == "prep":
                x = head  # "would send up to 1,500 soldiers": the bound word parsed as the verb's preposition
                continue
            if x.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
                x = self._through_preposition(head, fig_tokens, groups)
                if x is None:
                    break
                continue
            if x.dep_ == "conj" and x.pos_ in NOUNS and head.pos_ in ("VERB", "AUX") and x == noun:
                break  # "people were dead, 9,240 injured and 1,329 houses damaged": a noun is no verb's conjunct
            if x.dep_ in ARGUMENT_DEPS or head.pos_ in ("VERB", "AUX") or head.pos_ == "ADJ":
                if head.pos_ in NOUNS and x.dep_ in ("conj", "appos"):
                    if (x.dep_ == "appos" and noun is None) or self._beside_a_toll(x, head, noun, fig_tokens):
                        groups.append([head])  # "storm deaths ...: 31 in Ohio": a bare figure set beside a count noun
                    x = head
                    continue
                groups += self._clause_groups(x, head, fig_tokens, noun)
            break
        return [g for g in [*groups, *self.last_resorts(span, noun)] if g]

    def _clause_groups(self, x: Token, head: Token, fig_tokens: set[int], noun: Token | None) -> list[list[Token]]:
        """The words of the clause that `x` (the figure or its noun) is an argument of, then the counts the clause
        names: a threshold's subject, later predicates sharing the subject, the whole a verb of inclusion names."""
        clause = self._clause(head, fig_tokens)
        if x.dep_ == "nsubj" and self.acts_on_other(head, fig_tokens, noun):
            clause = [t for t in clause if t != head]  # "five gunmen killed 12", "1,150 workers lost their jobs"
        if x.dep_ in ("dobj", "obj", "pobj"):
            # "tried to join the five": joining and arriving say where the subject went
            clause = [t for t in clause if t.lemma_.lower() not in self.words.subject_movers]
        groups = [clause]
        if x.dep_ in ("dobj", "obj", "attr", "npadvmod") and head.lemma_.lower() in self.words.threshold_verbs:
            groups.append(self.threshold_count(head))  # "casualties have surpassed 2,000"
        if x.dep_ in ("nsubj", "nsubjpass"):
            groups.append(self._shared_predicates(head, fig_tokens))
        groups.append(self.whole_of_part_verb(x, head))  # "the dead included nine nurses"
        groups.append(self.count_equated(x, head))  # "the number of injured ones is 197"
        return groups

    def _beside_a_toll(self, x: Token, head: Token, noun: Token | None, fig_tokens: set[int]) -> bool:
        """'200 Armenian deaths and dozens of Azerbaijani soldiers': people coordinated with a measure noun that has a
        figure of its own share its measure (not '200 deaths and 3,000 homes')."""
        others = getattr(self, "figure_tokens", set()) - fig_tokens
        return x.dep_ == "conj" and noun is not None and self.is_people(noun) and self.measure_of(head) is not None \
            and any(c.i in others for c in head.children)

    def _noun_groups(self, noun: Token, fig_tokens: set[int]) -> list[list[Token]]:
        """The counted noun, its adjectives and compounds, and its participles and relative clauses (but not one with
        a figure of its own: "4,000 people, of whom 1,000 were killed")."""
        others = getattr(self, "figure_tokens", set()) - fig_tokens
        own = count_words(noun) if noun.lemma_.lower() in self.words.tally_nouns else [noun]  # "45% of the number of dead"
        named = [noun, *self._listed_by_name(noun)]
        relative = [c for n in named for c in n.children if c.dep_ in ("acl", "relcl") and not any(t.i in others for t in c.subtree)]
        clauses = [c for c in relative if c.pos_ in ("VERB", "ADJ")]
        # "who were at the fair and have never been accounted for": a verb coordinated in the relative clause
        clauses += [v for c in relative for v in c.children if v.dep_ == "conj" and v.pos_ == "VERB"]
        return [own,  # not an adjective with a figure of its own ("9,240 injured and 1,329 houses")
                [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i not in fig_tokens
                 and not any(t.i in others for t in c.subtree)],
                [*clauses, *(s for c in clauses for s in c.children if self._whose(s) and self.measure_of(s) in self.words.what_befell)],
                self.whole_named_after(noun)]  # "13,000 fighters among Palestinians killed"

    def _listed_by_name(self, noun: Token) -> list[Token]:
        """'19 names of people who have never been accounted for': a list entry counts the people of its 'of' phrase,
        whose clauses say what befell them."""
        if noun.lemma_.lower() not in self.words.list_entries:
            return []
        return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]

    def _shared_predicates(self, verb: Token, fig_tokens: set[int]) -> list[Token]:
        """'Two men jumped off the boat to get ashore and were later treated by paramedics': a later verb with an
        auxiliary and no subject of its own shares the subject, wherever the parser hung it under the main verb."""
        out: list[Token] = []
        for tok in verb.subtree:
            if tok.i <= verb.i or tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head == verb:
                continue  # a verb coordinated with the main verb itself is in its clause already
            if any(c.dep_ in ("aux", "auxpass") for c in tok.children) and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
                out += self._clause(tok, fig_tokens)
        return out

    def _through_preposition(self, head: Token, fig_tokens: set[int], groups: list[list[Token]]) -> Token | None:
        """A figure (or its noun) as the object of `head`: add the words the phrase hangs on; the noun to climb on to."""
        gov = head.head
        if head.lower_ in self.words.value_preps and gov.pos_ in ("VERB", "AUX"):
            # "bringing the death toll to 30,410", "the toll stands at 246", "the toll rose from 326 to 438"
            tallies = [c for c in gov.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")
                       and c.lemma_.lower() in self.words.tally_nouns]
            groups.append([w for t in tallies for w in count_words(t)])  # "the number of people killed", "the total deployed"
            if any(t.dep_ == "dobj" for t in tallies) and gov.dep_ in ("advcl", "xcomp", "conj") and gov.head != gov:
                # "two more died overnight, bringing the total to 14": the total of what the main clause tells
                groups.append(self._clause(gov.head, fig_tokens))
        if head.lower_ in ("to", "at") and gov.pos_ == "NOUN" and gov.lemma_.lower() in self.words.tally_nouns:
            groups.append(count_words(gov))  # "combat losses ... to 817,580"
        if head.lower_ == "of" and gov.pos_ in NOUNS:
            groups.append([gov])  # "the deployment of", "the deaths of"
            return gov
        if head.dep_ == "agent" or head.lower_ in ("by",):
            groups.append(self._clause(gov, fig_tokens))
        if head.lower_ in self.words.part_of_whole:
            # "killed 47 people, including 12 children": the part shares the whole's measure
            if gov.pos_ in ("VERB", "AUX"):
                groups.append(self._clause(gov, fig_tokens))
                return None
            # "100 wounded people - including at least 10 children": the whole's own modifiers
            groups.append([gov, *(c for c in gov.children if c.dep_ in ("amod", "compound"))])
            return gov
        return None

    def _clause(self, verb: Token, fig_tokens: set[int]) -> list[Token]:
        """A verb with its coordinated verbs ('killed or injured') and open complements ('believed to have been killed')."""
        out: list[Token] = []
        stack = [verb]
        seen: set[int] = set()
        while stack:
            v = stack.pop(0)
            if v.i in seen:
                continue
            seen.add(v.i)
            out.append(v)
            for child in v.children:
                if self._clause_member(v, child, fig_tokens):
                    stack.append(child)
        return out

    def _clause_member(self, verb: Token, child: Token, fig_tokens: set[int]) -> bool:
        """Coordinated verbs without a figure of their own, open complements ('left 312 dead'), light verbs' objects."""
        if child.dep_ == "conj":  # not "is about 11,000 and [that] the contingent has lost ...": a subject of its own
            if self._figure_between(verb, child, fig_tokens):
                return False  # "600 have died ... and another 4,100 have been injured": the later verb is the other's
            return not self._has_own_number(child, fig_tokens) and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in NOUNS for c in child.children)
        if child.dep_ in ("xcomp", "acomp", "oprd"):
            return True
        if child.dep_ == "prep" and (_phrase_at(child, self.words.presence_phrases) or self.is_place_prep(child)):
            return True  # "putting 1,600 officers on the streets": where the verb puts them (forces only: is_presence)
        if child.dep_ == "prep" and child.lower_ in self.words.state_preps and not self.measure_of(verb) and (self.measure_of(child) or any(
                c.dep_ == "pobj" and self.measure_of(c) for c in child.children)):
            return True  # "remain in captivity", "listed in fair condition" (not "died in hospital"): the state they are left in
        if child.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in self.words.state_preps:
            return True  # ... and the state itself ("captivity")
        if (child.dep_ == "prep" and child.lower_ in self.words.role_preps) or (
                verb.dep_ == "prep" and verb.lower_ in self.words.role_preps and child.dep_ in ROLE_DEPS):
            return True  # "lists 112 people as missing", "registered 12 as dead": the role the verb gives its object
        if (child.dep_ == "prep" and child.lower_ in self.words.part_of_whole and verb.pos_ == "AUX") or (
                child.dep_ == "pobj" and verb.lower_ in self.words.part_of_whole):
            return True  # "20 children were among the dead"
        if self.modifies_a_whole(verb, child):
            return True  # "were among Palestinians killed": what happened to the whole
        if child.dep_ == "acl" and child.pos_ == "VERB" and verb.pos_ == "VERB":
            return True
        # "six people have serious injuries", "suffered wounds"
        return child.dep_ in ("dobj", "obj") and verb.lemma_.lower() in self.words.light_verbs \
            and child.i not in fig_tokens and child.pos_ == "NOUN"

    def acts_on_other(self, verb: Token, fig_tokens: set[int], noun: Token | None) -> bool:
        """An active verb with an object of its own ('killed 12 villagers', 'lost their jobs'): its subject is who
        acts, so the verb's own measure is not the subject's ("lost their lives" is a phrase and still counts; "joined the
        effort" moves the subject, which is deployed)."""
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma in self.words.light_verbs or lemma in self.words.subject_movers \
                or lemma in self.words.intransitive_events or _phrase_at(verb, self.words.presence_phrases) or any(
                c.dep_ == "auxpass" for c in verb.children):
            return False  # "12,000 troops are taking part in exercises": a presence phrase, 'part' is no object acted on
        if not any(c.dep_ == "dobj" and c.i not in fig_tokens and c != noun and not self._gerund(c) for c in verb.children):
            # "have died fighting for Russia": a gerund the parser calls an object is no object
            return False
        return self._phrase_measure(verb, ending=False) is None

    def _whose(self, subject: Token) -> bool:
        """'soldiers, whose capture was announced': the subject of a relative clause owned by the noun it hangs on."""
        return subject.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ in self.words.possessive_relatives for c in subject.children)

    def _gerund(self, tok: Token) -> bool:
        """'died fighting': a gerund, or a word of fighting the tagger takes for a noun."""
        return tok.pos_ == "VERB" or tok.tag_ == "VBG" or tok.lemma_.lower() in self.words.fight_words

    def _figure_between(self, verb: Token, later: Token, fig_tokens: set[int]) -> bool:
        """Another head count stands between a verb and a verb coordinated after it (a duration does not: 'pulled out in
        the first 48 hours, are being treated')."""
        others = getattr(self, "figure_tokens", set()) - fig_tokens - getattr(self, "quantity_tokens", set())
        return any(verb.i < i < later.i for i in others)

    def _has_own_number(self, verb: Token, fig_tokens: set[int]) -> bool:
        """'300 killed and 2,700 injured', 'wounding scores of others': the second verb has a figure of its own."""
        others = getattr(self, "figure_tokens", set()) - fig_tokens
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i not in fig_tokens and any(
                    t.like_num or t.i in others for t in child.subtree):
                return True
            if child.dep_ == "npadvmod" and child.i > verb.i and any(t.i in others for t in child.subtree):
                return True  # "injuring another 40 [Steve Parsons/PA]": the object lost to a caption's name
        return False
