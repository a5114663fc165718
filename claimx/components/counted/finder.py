"""The `claimx_counted` component and what each figure counts (the counted noun and its phrase)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...model import Counted
from ..base import DataComponent
from .base import (
    CONVERSION_GAP,
    DASHES,
    DETERMINER_DEPS,
    MEASURED_WINDOW,
    MODIFIER_DEPS,
    NOUNS,
    Before as _Before,
)
from .measure import MeasureRules
from .presence import PLACE_ENTS
from .tree import (
    anchor_of,
    antecedent as _antecedent,
    governor as _governor,
    hyphen_modified as _hyphen_modified,
    nominal as _nominal,
    pobj as _pobj,
    skip_space,
)

EARLIER_VALUE_WORDS = 2  # 'up from', 'compared with': the words before a figure that give a count's earlier value


class CountedFinder(MeasureRules, DataComponent):
    """Fills `span._.counted` and `span._.measure` for each figure span."""

    LEXICONS = ("measures.json", "counted.json", "attribution.json")  # attribution's cue verbs: "Kyiv says 6,000"

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
        self.whole_preps = set(self.data["counted.json"].get("whole_preps", []))
        self.part_verbs = set(self.data["counted.json"].get("part_verbs", []))
        self.distributive_words = set(self.data["counted.json"].get("distributive_words", []))
        self.anaphoric_wholes = set(self.data["counted.json"].get("anaphoric_wholes", []))
        self.size_units = set(self.data["counted.json"].get("size_units", []))
        self.report_verbs = {v.lower() for v in self.data["attribution.json"].get("cue_verbs", {})}
        self.earlier_value_leads = tuple(w.lower() for w in self.data["measures.json"].get("earlier_value_leads", []))
        self.value_preps = {w.lower() for w in m["value_preps"]}  # "rose from 326 to 438", "stands at 246"
        self.span_opening = {w.lower() for w in m["span_opening"]}  # "from 45 to 80"
        self.span_closing = {w.lower() for w in m["span_closing"]}
        self.possessive_relatives = set(self.data["counted.json"]["possessive_relatives"])  # "whose capture"
        self._build_precedence(m)

    def _build_precedence(self, m: dict) -> None:
        """The word sets of the precedence table in measures.json ('_precedence')."""
        low = lambda key: {w.lower() for w in m.get(key, [])}  # noqa: E731
        self.status_measures, self.reversal = low("status_measures"), low("reversal")
        self.light_verbs, self.tally_nouns = low("light_verbs"), low("tally_nouns")
        self.linking_verbs = low("linking_verbs")
        self.count_preps = low("count_preps")
        self.count_preps_bare = low("count_preps_bare")
        self.forces, self.people, self.others = low("forces"), low("people"), low("others")
        self.responders = sorted(low("responders"), key=len, reverse=True)
        self.people_only, self.subject_movers = low("people_only"), low("subject_movers")
        self.war_context = low("war_context")
        self.materiel = low("materiel")
        self.military_modifiers = low("military_modifiers")
        self.offering_verbs = low("offering_verbs")
        self.size_verbs = low("size_verbs")
        self.sent_forces = low("sent_forces")
        self.captivity_events, self.removal_verbs = low("captivity_events"), low("removal_verbs")
        care, presence = m.get("care_transport", {}), m.get("presence", {})
        self.care_verbs = {w.lower() for w in care.get("verbs", [])}
        self.care_places = {w.lower() for w in care.get("places", [])}
        self.care_name_words = {w.lower() for w in care.get("name_words", [])}
        self.presence_lemmas = {w.lower() for w in presence.get("lemmas", [])}
        self.presence_phrases = sorted((w.lower() for w in presence.get("phrases", [])), key=len, reverse=True)
        self.place_preps = {w.lower() for w in presence.get("place_preps", [])}
        self.place_nouns = {w.lower() for w in presence.get("place_nouns", [])}
        self.placing_verbs = {w.lower() for w in presence.get("placing_verbs", [])}
        self.return_particles = {w.lower() for w in presence.get("return_particles", [])}
        cues = m.get("care_cues", {})
        self.care_lemmas = {w.lower() for w in cues.get("lemmas", [])}
        self.care_phrases = sorted((w.lower() for w in cues.get("phrases", [])), key=len, reverse=True)
        self.context_sentences = int(m.get("context_sentences", 0))
        self.threshold_verbs, self.event_measures = low("threshold_verbs"), low("event_measures")
        self.what_befell = self.event_measures | self.status_measures  # "whose capture was announced", not a transfer
        self.state_preps = low("state_preps")
        self.subject_only = {verb.lower(): {w.lower() for w in idioms} for verb, idioms in m.get("subject_only", {}).items()}
        self.vague_event_misses = {lemma.lower(): {w.lower() for w in words} for lemma, words in m.get("vague_event_misses", {}).items()}
        self.vague_events = {lemma.lower(): {measure: {w.lower() for w in words} for measure, words in refiners.items()}
                             for lemma, refiners in m.get("vague_events", {}).items()}

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc  # no parse, nothing to read: counted and measure stay None
        spans = sorted(doc.spans.get(self.spans_key, []), key=lambda sp: sp.start)
        self._fig_tokens = {i for sp in spans for i in range(sp.start, sp.end)}
        self._measured = {}
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
            self._measured.update((i, span._.measure) for i in range(span.start, span.end))
            before = _Before(span.sent.start, span.end, counted, span._.measure, _governor(noun or anchor))
        for span, later in pairwise(spans):
            if span._.measure is None and span._.counted is None and self._earlier_of(span, later):
                span._.measure = later._.measure  # "rose from 45 to 80": the same count, earlier
        return doc

    def _earlier_of(self, span: Span, later: Span) -> bool:
        """'from 45 to 80': the figure is the earlier value of the count the next figure gives, read off the words."""
        doc = span.doc
        return span.start > 0 and doc[span.start - 1].lower_ in self.span_opening and later.start == span.end + 1 \
            and doc[span.end].lower_ in self.span_closing and later._.figure is not None and later._.figure.unit is None

    def _figure_measure(self, span: Span, anchor: Token, noun: Token | None, same: _Before | None) -> str | None:
        """The measure, for head counts only; a bare figure in a parallel clause takes the one before's."""
        fig = span._.figure
        # money and measured quantities are not head counts: "losses of $1.2bn" is no casualty figure
        if fig is not None and fig.unit not in (None, "%"):
            return None
        found = self.measure(span, anchor, noun, same.measure if same else None)
        if found is None:
            found = self.whole_measure(span, anchor, noun, same.end if same else None)  # a part of a figure before
        if found is None and noun is None and same is not None and same.governor == _governor(anchor):
            return same.measure  # "responsible for 6,644 deaths, ..., which was responsible for 6,073"
        if found is None and (noun is None or self.is_forces(noun)) and self._force_size(span):
            return "deployed"  # "North Korean troops in Russia's Kursk region number about 11,000": a force's size
        if found is None and noun is None and same is not None and self._earlier_value(span):
            return same.measure  # "casualties had climbed to about 4,000, up from 1,100 in January": the same count before
        if found is None and noun is None and same is not None and span.start > 0 \
                and span.doc[span.start - 1].lemma_.lower() in self.report_verbs:
            return same.measure  # "Seoul puts the number of dead and wounded at 4,700, while Kyiv says 6,000": the same count
        if same is not None and same.measure is not None and (found is None or (fig is not None and fig.unit == "%")) \
                and self._apposed(span, anchor, same):
            return same.measure  # "lost up to 4,000 troops, about 30% of its force": a share of the whole before
        return found

    def _force_size(self, span: Span) -> bool:
        """The figure is what a force numbers, read off the words (the tagger often takes 'number' for a noun): a size
        verb right before it, and forces named and placed or sent before that in the sentence ('troops in Kursk number
        about 11,000'; not 'the armed forces, numbering 1.2 million')."""
        if span.start == 0:
            return False
        verb = span.doc[span.start - 1]
        if not any(verb.lower_.startswith(v) for v in self.size_verbs):
            return False
        before = span.doc[span.sent.start:verb.i]
        placed = any(t.ent_type_ in PLACE_ENTS or t.lemma_.lower() in self.place_nouns or t.lemma_.lower() in self.sent_forces
                     or self.measure_of(t) == "deployed" for t in before)
        return placed and any(t.pos_ == "NOUN" and self.is_forces(t) for t in before)

    def _earlier_value(self, span: Span) -> bool:
        """The words before the figure give the count's earlier value ('up from', 'compared with')."""
        before = span.doc[max(span.sent.start, span.start - EARLIER_VALUE_WORDS):span.start].text.lower()
        return any(before.endswith(lead) for lead in self.earlier_value_leads)

    @staticmethod
    def _apposed(span: Span, anchor: Token, same: _Before) -> bool:
        """The figure's phrase is in apposition to a word after the figure before it ('4,000 casualties, roughly 30% of
        its force'; 'lost up to 4,000 troops in Kursk, about 30% of its force', hung on the place or on the verb)."""
        top = anchor
        while top.head != top and span.start <= top.head.i < span.end:
            top = top.head  # from '30' to '%'
        if top.dep_ == "npadvmod" and span.start > 0 and span.doc[span.start - 1].text == ",":
            return True  # '..., roughly 30% of its deployed force' hung on the verb, set off by a comma
        return top.dep_ == "appos" and same.end <= top.head.i < span.start

    def _is_size(self, span: Span) -> bool:
        """The figure is a size ('12 inches'), which a coordinated size shares the thing of."""
        return span._.figure is not None and span._.figure.unit in self.size_units

    def _elided_counted(self, span: Span, before: _Before) -> Counted | None:
        """A bare figure's noun from the figure before: a conversion in brackets, or 'N more'."""
        doc = span.doc
        joined = doc[span.start - 1].text == "(" or (doc[span.start - 1].pos_ == "CCONJ" and self._is_size(span))
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
        if fig is not None and fig.unit == "%" and anchor.dep_ in (*DETERMINER_DEPS, "nummod", "quantmod") \
                and head.pos_ in NOUNS and head.i >= span.end:
            return head  # "half his troops"
        if fig is not None and fig.unit is not None and fig.unit not in ("times",):
            # "$157 billion", "40%": the unit is what is measured; "the well is 40 metres deep": the well
            return self._measured_thing(span) if fig.unit in self.size_units else None
        if anchor.dep_ in MODIFIER_DEPS and head.i >= span.end and head.pos_ in NOUNS:
            # "600 North Korean soldiers"; but not a noun past a comma ("300, officials")
            # "Two 21-year-old men": the hyphens of another modifier, not of the figure's own ("a 2-to-1 vote")
            if not any(t.is_punct and not t.is_quote and (t.tag_ != "HYPH" or t.i == span.end)
                       for t in span.doc[span.end:head.i]):
                return head  # '"several hundred" casualties': a quotation closing on the figure leaves its noun
        if head.lower_ in self.more_words and head.dep_ == "amod" and head.head.pos_ in NOUNS and head.head.i > head.i:
            return head.head  # "at least 21 more people"
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
            if child.left_edge.i < span.end or child.dep_ in (*DETERMINER_DEPS, "poss", "punct", "cc", "case", "prep", "nummod"):
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

