"""The `claimx_counted` component: what each figure counts, and its measure.

Both come from the dependency parse around the figure: the noun the number modifies
("600 North Korean soldiers") or its "of" phrase ("4,000 of these troops"), and the
verb or noun that governs it ("have been killed", "the deployment of", "4,000
casualties"), looked up in the editable `lexicons/measures.json`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .component import DataComponent
from .model import Counted

NOUNS = ("NOUN", "PROPN")
# dependency labels by which a number hangs on the noun it counts
MODIFIER_DEPS = {"nummod", "quantmod", "predet", "det", "amod", "compound", "nmod", "npadvmod", "appos"}
# dependency labels by which a noun phrase is an argument of its clause's verb
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "conj", "appos", "npadvmod", "ROOT"}
DASHES = {"-", "–", "—"}
# tokens between a figure and its bracketed conversion ("40 metres deep (131 feet)")
CONVERSION_GAP = 4
# tokens looked back from a measured quantity for the thing measured ("the well was about 40 metres")
MEASURED_WINDOW = 3
# relative pronouns that may stand between a figure and its measure ("16 who were walking wounded")
RELATIVE_TAGS = {"WP", "WDT"}


class _Before(NamedTuple):
    """The figure before this one, for ellipsis and conversions."""

    sent: int
    end: int
    counted: Counted | None
    measure: str | None
    governor: tuple[str, str]


class CountedFinder(DataComponent):
    """Fills `span._.counted` and `span._.measure` for each figure span."""

    LEXICONS = ("measures.json", "counted.json")

    def __init__(self, nlp: Language, name: str = "claimx_counted", *, spans_key: str = "claimx",
                 lexicons: str | Path | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        super().__init__(lexicons)

    def _build(self) -> None:
        m = self.data["measures.json"]
        self.lemma_to_measure: dict[str, str] = {}
        self.phrases: list[tuple[str, str]] = []
        for measure, entry in m["measures"].items():
            for lemma in entry.get("lemmas", []):
                self.lemma_to_measure.setdefault(lemma.lower(), measure)
            for phrase in entry.get("phrases", []):
                self.phrases.append((phrase.lower(), measure))
        self.phrases.sort(key=lambda p: -len(p[0]))
        self.combine = set(m["combine"])
        self.combined_as = m["combined_as"]
        self.fight_words = set(m["fight_words"])
        self.fight_preps = set(m["fight_preps"])
        self.drop_modifiers = set(self.data["counted.json"]["drop_modifiers"])
        self.hedge_verbs = set(m.get("hedge_verbs", []))
        self.keep_of_phrase = bool(self.data["counted.json"].get("keep_of_phrase", True))
        self.measure_nominals = set(self.data["counted.json"].get("measure_nominals", []))
        self.relative_pronouns = set(self.data["counted.json"].get("relative_pronouns", []))
        self.dimensions = set(self.data["counted.json"].get("dimensions", []))
        self.measure_verbs = set(self.data["counted.json"].get("measure_verbs", []))
        self.more_words = set(self.data["counted.json"].get("more_words", []))
        self.part_of_whole = set(self.data["counted.json"].get("part_of_whole", []))
        self.size_units = set(self.data["counted.json"].get("size_units", []))
        self._build_precedence(m)

    def _build_precedence(self, m: dict) -> None:
        """The word sets of the precedence table in measures.json ('_precedence')."""
        low = lambda key: {w.lower() for w in m.get(key, [])}  # noqa: E731
        self.status_measures, self.reversal = low("status_measures"), low("reversal")
        self.light_verbs, self.tally_nouns = low("light_verbs"), low("tally_nouns")
        self.forces, self.people, self.others = low("forces"), low("people"), low("others")
        self.responders = sorted(low("responders"), key=len, reverse=True)
        self.people_only, self.subject_movers = low("people_only"), low("subject_movers")
        self.captivity_events, self.removal_verbs = low("captivity_events"), low("removal_verbs")
        care, presence = m.get("care_transport", {}), m.get("presence", {})
        self.care_verbs = {w.lower() for w in care.get("verbs", [])}
        self.care_places = {w.lower() for w in care.get("places", [])}
        self.presence_lemmas = {w.lower() for w in presence.get("lemmas", [])}
        self.presence_phrases = sorted((w.lower() for w in presence.get("phrases", [])), key=len, reverse=True)
        cues = m.get("care_cues", {})
        self.care_lemmas = {w.lower() for w in cues.get("lemmas", [])}
        self.care_phrases = sorted((w.lower() for w in cues.get("phrases", [])), key=len, reverse=True)
        self.context_sentences = int(m.get("context_sentences", 0))

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc  # no parse, nothing to read: counted and measure stay None
        spans = sorted(doc.spans.get(self.spans_key, []), key=lambda sp: sp.start)
        self._fig_tokens = {i for sp in spans for i in range(sp.start, sp.end)}
        before: _Before | None = None
        for span in spans:
            anchor = anchor_of(span)
            noun = self.counted_noun(span, anchor)
            # "nine of the dead": the noun names the measure, not what is counted
            named = noun is not None and noun.lower_ not in self.measure_nominals
            phrase = self.noun_phrase(span, noun) if named else None
            counted = Counted(phrase.text, phrase.start_char, phrase.end_char) if phrase is not None else None
            if counted is None and noun is None and before is not None:
                counted = self._elided_counted(span, before)
            span._.counted = counted
            same = before if before is not None and before.sent == span.sent.start else None
            span._.measure = self._figure_measure(span, anchor, noun, same)
            before = _Before(span.sent.start, span.end, counted, span._.measure, _governor(noun or anchor))
        return doc

    def _figure_measure(self, span: Span, anchor: Token, noun: Token | None, same: _Before | None) -> str | None:
        """The measure, for head counts only; a bare figure in a parallel clause takes the one before's."""
        fig = span._.figure
        # money and measured quantities are not head counts: "losses of $1.2bn" is no casualty figure
        if fig is not None and fig.unit not in (None, "%"):
            return None
        found = self.measure(span, anchor, noun, same.measure if same else None)
        if found is None and noun is None and same is not None and same.governor == _governor(anchor):
            return same.measure  # "responsible for 6,644 deaths, ..., which was responsible for 6,073"
        return found

    def _is_size(self, span: Span) -> bool:
        """The figure is a size ('12 inches'), which a coordinated size shares the thing of."""
        return span._.figure is not None and span._.figure.unit in self.size_units

    def _elided_counted(self, span: Span, before: _Before) -> Counted | None:
        """A bare figure's noun from the figure before: a conversion in brackets, or 'N more'."""
        doc = span.doc
        joined = doc[span.start - 1].text == "(" or (doc[span.start - 1].lower_ == "and" and self._is_size(span))
        if span.start > 0 and joined and span.start - before.end <= CONVERSION_GAP:
            return before.counted  # "40 metres deep (131 feet)", "130ft deep and 12 inches wide"
        nxt = skip_space(doc, span.end)
        if nxt < len(doc) and doc[nxt].lower_ in self.more_words and before.sent == span.sent.start:
            return before.counted  # "30 of the aircraft, with the option to buy 20 more"
        return None

    # -- what is counted ------------------------------------------------
    def counted_noun(self, span: Span, anchor: Token) -> Token | None:
        """The noun the figure counts, a relative pronoun read as its antecedent."""
        noun = self._counted_token(span, anchor)
        if noun is not None and noun.lower_ in self.relative_pronouns:
            noun = _antecedent(noun)
        return noun

    def _counted_token(self, span: Span, anchor: Token) -> Token | None:
        fig = span._.figure
        of_noun = self._of_phrase(span, anchor)
        if of_noun is not None:
            return of_noun
        hyphened = _hyphen_modified(span)
        if hyphened is not None:
            return hyphened  # "a 130-foot chute", "her 15-year-old cousin"
        head = anchor.head
        if fig is not None and fig.unit == "%" and anchor.dep_ in ("predet", "det", "nummod", "quantmod") \
                and head.pos_ in NOUNS and head.i >= span.end:
            return head  # "half his troops"
        if fig is not None and fig.unit is not None and fig.unit not in ("times",):
            # "$157 billion", "40%": the unit is what is measured; "the well is 40 metres deep": the well
            return self._measured_thing(span) if fig.unit in self.size_units else None
        if anchor.dep_ in MODIFIER_DEPS and head.i >= span.end and head.pos_ in NOUNS:
            # "600 North Korean soldiers"; but not a noun past a comma ("300, officials")
            if not any(t.is_punct for t in span.doc[span.end:head.i]):
                return head
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.pos_ in NOUNS and nxt.head.i > nxt.i and nxt.head.pos_ in NOUNS and anchor.head == nxt.head:
            return nxt.head
        return None

    def _measured_thing(self, span: Span) -> Token | None:
        """'the well was about 40 metres deep', 'a well measuring 130ft', 'a crater of 100 metres': the thing."""
        doc = span.doc
        nxt = skip_space(doc, span.end)
        before = doc[span.start - 1] if span.start > 0 else None
        pointed = (nxt < len(doc) and doc[nxt].lower_ in self.dimensions and doc[nxt].lower_ != "in") or (
            nxt + 1 < len(doc) and doc[nxt].lower_ == "in" and doc[nxt + 1].lower_ in self.dimensions)
        if not pointed and (before is None or before.lemma_.lower() not in self.measure_verbs):
            return None
        for j in range(span.start - 1, max(span.start - 1 - MEASURED_WINDOW, -1), -1):
            tok = doc[j]
            if tok.lemma_.lower() in self.measure_verbs or tok.lower_ in self.measure_verbs:
                continue  # "measures", even when the small model reads it as a noun
            if _nominal(tok):
                return tok
            if tok.pos_ not in ("AUX", "ADV"):
                return None
        return None

    def _of_phrase(self, span: Span, anchor: Token) -> Token | None:
        """'4,000 of these troops', 'thousands of troops', 'more than 60% – of the area'."""
        doc = span.doc
        for tok in span:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
                    pobj = _pobj(child)
                    if pobj is not None:
                        return pobj
        j = skip_space(doc, span.end)
        if j < len(doc) and doc[j].text in DASHES:
            j = skip_space(doc, j + 1)
        if j < len(doc) and doc[j].lower_ == "of":
            return _pobj(doc[j])
        return None

    def noun_phrase(self, span: Span, noun: Token) -> Span | None:
        """The counted noun with its adjectives and compounds, without the figure or determiners."""
        doc = span.doc
        left = noun.i
        for child in noun.lefts:
            if child.left_edge.i < span.end or child.dep_ in ("det", "predet", "poss", "punct", "cc", "case", "prep", "nummod"):
                continue  # "412 of the 650 seats" counts seats: another figure is not part of the phrase
            if child.lower_ in self.drop_modifiers:
                continue
            left = min(left, child.left_edge.i)
        left = max(left, span.end if noun.i >= span.end else 0)
        while left < noun.i and (doc[left].is_punct or doc[left].pos_ in ("DET", "CCONJ", "ADP", "PRON")
                                 or doc[left].lower_ in self.drop_modifiers):
            left += 1
        right = noun.i + 1
        if self.keep_of_phrase and noun.pos_ == "NOUN" and noun.i >= span.end:
            # "rounds of ammunition", "cup of coffee": the of-phrase is part of what is counted
            for child in noun.rights:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i == noun.i + 1:
                    pobj = _pobj(child)
                    if pobj is not None and pobj.pos_ == "NOUN":
                        right = pobj.i + 1
        return Span(doc, left, right) if left < right else None

    # -- the measure ----------------------------------------------------
    def measure(self, span: Span, anchor: Token, noun: Token | None, inherited: str | None = None) -> str | None:
        """The measure by the precedence table of measures.json: own words, then context, then defaults."""
        words = self._governors(span, anchor, noun)
        linear = self._words_after(span, noun)
        if linear:
            words.insert(1 if noun is not None else 0, linear)
        found = self._first_measure(span, words, noun)
        if found in self.status_measures:
            event = self._event_over_status(span, words, noun)
            found = event or found
            if event is None and self._reversed(words):
                return None  # "the release of 21 abducted girls": no longer captured
        if found is None and noun is not None and noun.lower_ in self.others:
            found = inherited  # "31 patients were brought in, while seven others arrived on foot"
        if found is None and self._is_responder(noun):
            found = "deployed"  # "two fire engines, two to three ambulances": sent to the scene
        return found

    def _first_measure(self, span: Span, groups: list[list[Token]], noun: Token | None) -> str | None:
        """The measure of the nearest group that has one ('killed or injured' combine)."""
        for group in groups:
            found = [m for m in (self._word_measure(span, t, noun) for t in group) if m]
            if not found:
                continue
            distinct = set(found)
            if len(distinct & self.combine) >= 2:
                return self.combined_as
            return found[0]
        return None

    def _event_over_status(self, span: Span, groups: list[list[Token]], noun: Token | None) -> str | None:
        """'A dozen captives died': what happened to the counted beats what they were."""
        for group in groups:
            for tok in group:
                if tok == noun or tok.pos_ in NOUNS:
                    continue
                m = self._word_measure(span, tok, noun)
                if m and m not in self.status_measures:
                    return m
        return None

    def _reversed(self, groups: list[list[Token]]) -> bool:
        """A release word governs the figure ('the negotiated release of 21 of the abducted')."""
        return any(t.lemma_.lower() in self.reversal or t.lower_ in self.reversal for g in groups for t in g)

    def _word_measure(self, span: Span, tok: Token, noun: Token | None) -> str | None:
        """A word's measure for this figure: lexicon words, then the conditional rows of the table."""
        m = self._measure_of(tok)
        if m is not None:
            people_only = tok.lemma_.lower() in self.people_only
            return None if people_only and noun is not None and not self._is_people(noun) else m
        if self._is_presence(tok):
            return "deployed" if noun is None or self._is_forces(noun) else None
        if self._is_care_transport(tok):
            return "injured"
        if self._is_care_cue(tok) and self._injury_context(span):
            return "injured"
        if tok.lemma_.lower() in self.removal_verbs and self._in_sentence(span, self.captivity_events):
            return "captured"  # "the students taken from their dormitory ... a kidnapping"
        return None

    def _measure_of(self, tok: Token) -> str | None:
        doc = tok.doc
        tail = doc[tok.i:min(tok.i + 5, len(doc))].text.lower()
        start = doc[max(tok.i - 3, 0):tok.i + 1].text.lower()
        for phrase, measure in self.phrases:
            if tail.startswith(phrase) or start.endswith(phrase):
                return measure
        for key in (tok.lemma_.lower(), tok.lower_):
            if key in self.lemma_to_measure:
                return self.lemma_to_measure[key]
        if tok.lemma_.lower() in self.fight_words and any(c.lower_ in self.fight_preps for c in tok.children):
            return "deployed"
        return None

    # -- conditional rows of the precedence table ------------------------
    def _is_people(self, noun: Token) -> bool:
        """People or forces as what is counted: a measure word like 'lost' needs them ('lost three games')."""
        return noun.lemma_.lower() in self.people or noun.lower_ in self.people or self._is_forces(noun) \
            or noun.ent_type_ in ("PERSON", "NORP")

    def _is_forces(self, noun: Token) -> bool:
        """Troops, officers, crews and emergency vehicles: what can be deployed or stationed."""
        return noun.lemma_.lower() in self.forces or noun.lower_ in self.forces or self._is_responder(noun)

    def _is_responder(self, noun: Token | None) -> bool:
        """Emergency vehicles and crews ('fire engines'), read with their compound modifiers."""
        if noun is None:
            return False
        mods = [c.lower_ for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")]
        text = " ".join([*mods, noun.lower_])
        return any(text == r or text.endswith(" " + r) for r in self.responders)

    def _is_presence(self, tok: Token) -> bool:
        """'in attendance', 'at a base', 'coming': being somewhere, which deploys only forces."""
        return tok.lemma_.lower() in self.presence_lemmas or _phrase_at(tok, self.presence_phrases)

    def _is_care_transport(self, tok: Token) -> bool:
        """'taken to two hospitals', 'brought in by ambulance': a transport verb with a place of care."""
        if tok.lemma_.lower() not in self.care_verbs:
            return False
        for prep in tok.children:
            if prep.dep_ in ("prep", "agent", "prt"):
                for obj in [prep, *prep.children]:
                    if obj.dep_ in ("pobj", "prep", "agent") and obj.lemma_.lower() in self.care_places:
                        return True
                    if obj.dep_ in ("prep", "agent") and any(
                            c.dep_ == "pobj" and c.lemma_.lower() in self.care_places for c in obj.children):
                        return True
        return False

    def _is_care_cue(self, tok: Token) -> bool:
        """'patients', 'having surgery', 'arrived on foot': injured, but only in an injury context."""
        return tok.lemma_.lower() in self.care_lemmas or _phrase_at(tok, self.care_phrases)

    def _injury_context(self, span: Span) -> bool:
        """An injury word in the figure's sentence or the CONTEXT_SENTENCES before it (a hospital paragraph)."""
        sents = list(span.doc.sents)
        here = next((k for k, s in enumerate(sents) if s.start <= span.start < s.end), 0)
        window = sents[max(0, here - self.context_sentences):here + 1]
        return any(self._measure_of(t) == "injured" for sent in window for t in sent)

    def _in_sentence(self, span: Span, words: set[str]) -> bool:
        """One of `words` (by lemma or text) occurs in the figure's sentence."""
        return any(t.lemma_.lower() in words or t.lower_ in words for t in span.sent)

    def _words_after(self, span: Span, noun: Token | None) -> list[Token]:
        """Measure words right after the figure or its noun: '2,700 injured', 'are believed to have been killed or injured'.

        Read linearly because the small parser often attaches such participles wrongly;
        stops at the next number, so '300 killed and 2,700 wounded' keeps each its own.
        """
        j = max(span.end, noun.i + 1 if noun is not None else 0)
        if noun is not None and noun.i < span.start:
            j = span.end
        found = self._scan_measure_words(span, noun, j)
        end = _coordination_end(noun) if noun is not None and noun.i >= span.end else None
        if not found and end is not None:
            # "left two soldiers and three policemen dead": coordinated figures share the predicate
            found = self._scan_measure_words(span, noun, end + 1)
        return found

    def _scan_measure_words(self, span: Span, noun: Token | None, j: int) -> list[Token]:
        """Measure words from token j on, skipping auxiliaries and hedges, up to the next number."""
        doc = span.doc
        found: list[Token] = []
        limit = min(len(doc), j + 10)
        while j < limit:
            tok = doc[j]
            if tok.is_space:
                j += 1
                continue
            if tok.like_num or tok.ent_type_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY") or tok.is_sent_start:
                break
            if self._word_measure(span, tok, noun):
                found.append(tok)
                j += 1
                continue
            if found and (tok.lower_ in ("or", "and", ",", "and/or") or tok.pos_ in ("AUX", "ADV")):
                j += 1
                continue
            if not found and (tok.pos_ in ("AUX", "ADV", "PART") or tok.lemma_.lower() in self.hedge_verbs
                              or tok.tag_ in RELATIVE_TAGS):
                j += 1
                continue
            break
        return found

    def _governors(self, span: Span, anchor: Token, noun: Token | None) -> list[list[Token]]:
        """Words that may say what happened to the counted, nearest first, grouped by clause."""
        groups: list[list[Token]] = []
        fig_tokens = set(range(span.start, span.end))
        if noun is not None:
            groups.append([noun])
            groups.append([c for c in noun.children if c.dep_ in ("amod", "compound") and c.i not in fig_tokens])
            groups.append([c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "ADJ")])
        x = anchor
        if noun is not None and (anchor.head == noun or (anchor.dep_ in MODIFIER_DEPS and anchor.head.i in fig_tokens)):
            x = noun
        if noun is not None and noun.head.dep_ == "prep" and noun.head.lower_ == "of" and noun.head.head == anchor:
            x = anchor  # "4,000 of these troops have been killed": the number is the argument
        for _ in range(3):
            head = x.head
            if head == x:
                break
            if x.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
                gov = head.head
                if head.lower_ in ("to", "at") and gov.pos_ in ("VERB", "AUX"):
                    # "bringing the death toll to 30,410", "the toll stands at 246"
                    groups.append([c for c in gov.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")
                                   and c.lemma_.lower() in self.tally_nouns])
                if head.lower_ == "of" and gov.pos_ in NOUNS:
                    groups.append([gov])  # "the deployment of", "the deaths of"
                    x = gov
                    continue
                if head.dep_ == "agent" or head.lower_ in ("by",):
                    groups.append(self._clause(gov, fig_tokens))
                if head.lower_ in self.part_of_whole:
                    # "killed 47 people, including 12 children": the part shares the whole's measure
                    if gov.pos_ in ("VERB", "AUX"):
                        groups.append(self._clause(gov, fig_tokens))
                        break
                    # "100 wounded people - including at least 10 children": the whole's own modifiers
                    groups.append([gov, *(c for c in gov.children if c.dep_ in ("amod", "compound"))])
                    x = gov
                    continue
                break
            if x.dep_ in ARGUMENT_DEPS or head.pos_ in ("VERB", "AUX") or head.pos_ == "ADJ":
                if head.pos_ in NOUNS and x.dep_ in ("conj", "appos"):
                    x = head
                    continue
                clause = self._clause(head, fig_tokens)
                if x.dep_ in ("dobj", "obj", "pobj"):
                    # "tried to join the five": joining and arriving say where the subject went
                    clause = [t for t in clause if t.lemma_.lower() not in self.subject_movers]
                groups.append(clause)
            break
        return [g for g in groups if g]

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
        if child.dep_ == "conj":
            return not self._has_own_number(child, fig_tokens)
        if child.dep_ in ("xcomp", "acomp", "oprd"):
            return True
        if child.dep_ == "acl" and child.pos_ == "VERB" and verb.pos_ == "VERB":
            return True
        # "six people have serious injuries", "suffered wounds"
        return child.dep_ in ("dobj", "obj") and verb.lemma_.lower() in self.light_verbs \
            and child.i not in fig_tokens and child.pos_ == "NOUN"

    def _has_own_number(self, verb: Token, fig_tokens: set[int]) -> bool:
        """'300 killed and 2,700 injured', 'wounding scores of others': the second verb has a figure of its own."""
        others = getattr(self, "_fig_tokens", set()) - fig_tokens
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.i not in fig_tokens and any(
                    t.like_num or t.i in others for t in child.subtree):
                return True
        return False


def anchor_of(span: Span) -> Token:
    """The figure's token that links it to the rest of the sentence."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    numeric = [t for t in outside if t.like_num or t.pos_ == "NUM" or t.text == "%"]
    return (numeric or outside or [span[-1]])[-1]


def skip_space(doc: Doc, j: int) -> int:
    """The first token at or after j that is not white space (spaCy keeps runs like NBSP as tokens)."""
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j


def _phrase_at(tok: Token, phrases: list[str]) -> bool:
    """One of `phrases` (lower-cased words) starts at this token."""
    doc = tok.doc
    for phrase in phrases:
        words = phrase.split()
        if tok.i + len(words) <= len(doc) and all(doc[tok.i + k].lower_ == w for k, w in enumerate(words)):
            return True
    return False


def _coordination_end(noun: Token) -> int | None:
    """The index of the last noun coordinated with `noun` ('soldiers and three policemen'), if any."""
    conj = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in NOUNS]
    if not conj:
        return None
    last = conj[-1]
    return _coordination_end(last) or last.i


def _nominal(tok: Token) -> bool:
    """A noun, or a word the small model tags otherwise after a determiner or adjective ('the dry well')."""
    if tok.pos_ in NOUNS:
        return True
    doc = tok.doc
    return tok.pos_ == "ADV" and tok.i > 0 and doc[tok.i - 1].pos_ in ("DET", "ADJ")


def _governor(tok: Token) -> tuple[str, str]:
    """How a figure or its noun hangs in its clause: (preposition or relation, governing lemma)."""
    if tok.dep_ == "pobj":
        return (tok.head.lower_, tok.head.head.lemma_.lower())
    return (tok.dep_, tok.head.lemma_.lower())


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative clause hangs on: '25 defendants, five of whom ...' -> defendants."""
    for tok in [pronoun, *pronoun.ancestors]:
        if tok.dep_ == "relcl":
            return tok.head if tok.head.pos_ in NOUNS else None
    return None


def _hyphen_modified(span: Span) -> Token | None:
    """The noun a hyphenated figure modifies ('130-foot chute', '15-year-old cousin'), if any."""
    doc = span.doc
    if not any(t.text == "-" for t in span) and not (span.end < len(doc) and doc[span.end].text == "-"):
        return None
    tok = span[-1]
    while tok.head.i == tok.i + 2 and doc[tok.i + 1].text == "-" and tok.head.dep_ == "compound":
        tok = tok.head  # "97.4-degree angle": walk over "-degree"
    head = tok.head
    if head.pos_ == "ADJ":
        return None  # "a 15-year-old girl" gives an age, not what is counted
    if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") and head.pos_ in NOUNS and head.i > tok.i:
        return head
    return None


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None
