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
    MAX_AGE,
    MEASURED_WINDOW,
    MODIFIER_DEPS,
    NOUNS,
    Before as _Before,
)
from .lists import ListWords, list_measures
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
from .words import CountedWords

CRIME_SENTENCES = 2  # sentences back in which a crime named still says what bare cases count
KIND_DEPS = ("compound", "amod")  # "cholera cases", "suspected cases": cases that say their own kind
AGE_BOUNDS = ("min", "max")  # "people over 75", "children under five": an age bounded after a plural of people
AGE_CLOSERS = (",", ")")  # what ends an age set beside its person ("One man, 22, was shot")
OPEN_BRACKET_TAG = "-LRB-"  # Penn tags of brackets: "(USAR)"
CLOSE_BRACKET_TAG = "-RRB-"
EARLIER_VALUE_WORDS = 2  # 'up from', 'compared with': the words before a figure that give a count's earlier value


class CountedFinder(MeasureRules, DataComponent):
    """Fills `span._.counted` and `span._.measure` for each figure span.

    Its words are `self.words` (`CountedWords`, words.py, built from the lexicons by `_build`). While it reads a
    document it keeps `figure_tokens` (the token indices of every figure) and `measures_so_far` (token index ->
    measure of the figures read so far), which the rules of events.py, wholes.py and measure.py read.
    """

    LEXICONS = ("measures.json", "counted.json", "attribution.json")  # attribution's cue verbs: "Kyiv says 6,000"

    def __init__(self, nlp: Language, name: str = "claimx_counted", *, spans_key: str = "claimx",
                 lexicons: str | Path | None = None) -> None:
        self.name = name
        self.spans_key = spans_key
        super().__init__(lexicons)

    def _build(self) -> None:
        self.words = CountedWords.from_data(self.data)
        w = self.words
        self.list_words = ListWords(w.list_nouns, w.list_entries, w.tally_nouns, w.value_preps)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc  # no parse, nothing to read: counted and measure stay None
        spans = sorted(doc.spans.get(self.spans_key, []), key=lambda sp: sp.start)
        self.figure_tokens = {i for sp in spans for i in range(sp.start, sp.end)}
        self.quantity_tokens = {i for sp in spans if sp._.figure is not None and sp._.figure.unit not in (None, "%")
                                for i in range(sp.start, sp.end)}  # measured quantities ('48 hours'): no head counts
        self.measures_so_far = {}
        self.by_value: dict[float, str] = {}  # the measure of the last figure of each value read so far
        before: _Before | None = None
        read: list[tuple[Span, Token, Token | None]] = []
        for span in spans:
            anchor = anchor_of(span)
            noun = self.counted_noun(span, anchor)
            read.append((span, anchor, noun))
            # "nine of the dead": the noun names the measure, not what is counted
            named = noun is not None and noun.lower_ not in self.words.measure_nominals
            phrase = self.noun_phrase(span, noun) if named else None
            counted = Counted(phrase.text, phrase.start_char, phrase.end_char) if phrase is not None else None
            if counted is None and noun is None and before is not None:
                counted = self._elided_counted(span, before)
            span._.counted = counted
            same = before if before is not None and before.sent == span.sent.start else None
            span._.measure = self._figure_measure(span, anchor, noun, same)
            if span._.figure is None or span._.figure.unit in (None, "%"):  # "in the first 48 hours" is no count before
                self.measures_so_far.update((i, span._.measure) for i in range(span.start, span.end))
            if span._.measure is not None and span._.figure is not None and span._.figure.value is not None:
                self.by_value[span._.figure.value] = span._.measure
            before = _Before(span.sent.start, span.end, counted, span._.measure, _governor(noun or anchor))
        for span, later in pairwise(spans):
            if span._.measure is None and span._.counted is None and self._earlier_of(span, later):
                span._.measure = later._.measure  # "rose from 45 to 80": the same count, earlier
        list_measures(read, self.list_words, self._held_on_a_list)  # "the list of 388": the list counted before
        return doc

    def _earlier_of(self, span: Span, later: Span) -> bool:
        """'from 45 to 80': the figure is the earlier value of the count the next figure gives, read off the words."""
        doc = span.doc
        return span.start > 0 and doc[span.start - 1].lower_ in self.words.span_opening and later.start == span.end + 1 \
            and doc[span.end].lower_ in self.words.span_closing and later._.figure is not None and later._.figure.unit is None

    def _figure_measure(self, span: Span, anchor: Token, noun: Token | None, same: _Before | None) -> str | None:
        """The measure, for head counts only; a bare figure in a parallel clause takes the one before's."""
        fig = span._.figure
        # money and measured quantities are not head counts: "losses of $1.2bn" is no casualty figure
        if fig is not None and fig.unit not in (None, "%"):
            return None
        if noun is None and self._age_beside_a_person(span, anchor):
            return None  # "One man, 22, was shot": what befell the man, not his age
        if noun is None and self._age_after_people(span):
            return None  # "78% of the deaths were among people over 75": how old they were, not a head count
        found = self.measure(span, anchor, noun, same.measure if same else None)
        if found is None and noun is None and self._repeats_a_figure(span):
            return self.by_value[fig.value]  # "confirmed 38 bodies recovered ... Of the 38, nine were children"
        if found is None:
            found = self.whole_measure(span, anchor, noun, same.end if same else None)  # a part of a figure before
        if found is None and noun is None and same is not None and same.governor == _governor(anchor):
            return same.measure  # "responsible for 6,644 deaths, ..., which was responsible for 6,073"
        if found is None and (noun is None or self.is_forces(noun)) and self._force_size(span):
            return "deployed"  # "North Korean troops in Russia's Kursk region number about 11,000": a force's size
        if found is None and same is not None and self._coordinated_with(noun, same):
            return same.measure  # "would send up to 1,500 soldiers and four air-defence batteries": the same act
        if found is None and self._accompanies_deployed(span, noun, same):
            return same.measure  # "11 teams, with some 620 personnel, have been deployed": they go with the forces before
        if found is None and self.force_deployed(span, anchor, noun):
            return "deployed"  # "a coalition of ..., 10,000 Burundian forces", "bringing the contingent to 4,500"
        if found is None and noun is None and same is not None and self._earlier_value(span):
            return same.measure  # "casualties had climbed to about 4,000, up from 1,100 in January": the same count before
        if found is None and noun is None and same is not None and span.start > 0 \
                and span.doc[span.start - 1].lemma_.lower() in self.words.report_verbs:
            return same.measure  # "Seoul puts the number of dead and wounded at 4,700, while Kyiv says 6,000": the same count
        if same is not None and same.measure is not None and (found is None or (fig is not None and fig.unit == "%")) \
                and self._apposed(span, anchor, same):
            return same.measure  # "lost up to 4,000 troops, about 30% of its force": a share of the whole before
        if found is None and noun is not None:
            found = self._crime_cases(span, noun)  # "a yearly count of kidnapping cases. It recorded 1,046 cases"
        if found is None:
            found = self.discussed_measure(span, noun)  # "The confirmed figure is 11", "some 50 fewer": the toll before
        return found

    def _age_beside_a_person(self, span: Span, anchor: Token) -> bool:
        """'One man, 22, was shot', 'Another man, 33, suffered': a small whole number set off by commas in apposition to
        one person is that person's age."""
        doc = span.doc
        if not _age_sized(span, ("exact",)):
            return False
        person = anchor.head
        apart = span.start > 0 and doc[span.start - 1].text == "," and span.end < len(doc) and doc[span.end].text in AGE_CLOSERS
        return apart and anchor.dep_ == "appos" and person.tag_ in ("NN", "NNP") and self.is_people(person)

    def _age_after_people(self, span: Span) -> bool:
        """'people over 75', 'children under five', 'women over 80 who lived alone': a small whole number bounded by
        'over' or 'under' right after a plural noun of people, with no noun of its own, is their age."""
        doc = span.doc
        if not _age_sized(span, AGE_BOUNDS):
            return False
        people = doc[span.start - 1] if span.start > 0 else None
        nxt = skip_space(doc, span.end)
        return people is not None and people.tag_ == "NNS" and self.is_people(people) and (
            nxt >= len(doc) or doc[nxt].pos_ not in NOUNS)

    def _crime_cases(self, span: Span, noun: Token) -> str | None:
        """'a yearly count of kidnapping cases. It recorded 1,046 cases in 2025', 'Kidnappings fell to a low of 430
        cases': a bare count of cases (no kind of its own) counts the crime named last in its sentence or the CRIME_SENTENCES
        before."""
        if noun.lemma_.lower() not in self.words.case_nouns or any(c.dep_ in KIND_DEPS for c in noun.children):
            return None
        start = span.sent.start
        for _ in range(CRIME_SENTENCES):
            start = span.doc[start - 1].sent.start if start > 0 else start
        crimes = [t for t in span.doc[start:span.start] if t.lemma_.lower() in self.words.crime_nouns
                  or t.lower_ in self.words.crime_nouns]  # "kidnapping cases": the tagger may read a gerund
        return self.measure_of(crimes[-1]) if crimes else None

    def _coordinated_with(self, noun: Token | None, same: _Before) -> bool:
        """The figure's noun is a conjunct of the noun the figure before counts ('1,500 soldiers and four batteries'),
        and counts people, forces or materiel, which share what befell or moved the first ('300 dead and 40 homes' do not)."""
        if noun is None or noun.dep_ != "conj" or same.counted is None or same.measure is None:
            return False
        first = noun.head
        return same.counted.start <= first.idx < same.counted.end and (self.is_people(noun) or self.is_forces(noun))

    def _accompanies_deployed(self, span: Span, noun: Token | None, same: _Before | None) -> bool:
        """The figure counts forces or materiel in a phrase of an accompanying word ('with', 'supported by', 'including')
        set between a deployed figure and it in the sentence: they go with the forces before ('250 rescue personnel,
        supported by 40 heavy vehicles'); not forces with a clause of their own ('with 20 tanks destroyed by mines')."""
        if noun is None or same is None or same.measure != "deployed" or not self.is_forces(noun):
            return False
        first = noun
        while first.dep_ == "conj" and first.head != first:
            first = first.head  # "40 heavy vehicles and four sniffer-dog teams": the phrase of the first conjunct
        lead = first.head if first.dep_ == "pobj" else None
        return lead is not None and lead.lower_ in self.words.accompanying_preps and same.end <= lead.i < span.start \
            and not self.acted_on(noun) and not any(c.dep_ in ("acl", "relcl") for c in noun.children)

    def _held_on_a_list(self, span: Span) -> str | None:
        """'document reported missing individuals, compiling a list that now includes 1,412 names': the measure word
        that modifies people in the list's sentence."""
        return next((m for m in (self.measure_of(t) for t in span.sent if t.dep_ == "amod" and t.head.pos_ == "NOUN"
                                 and self.is_people(t.head)) if m is not None), None)

    def _repeats_a_figure(self, span: Span) -> bool:
        """'Of the 38, nine ...', 'among the 38': a bare exact figure as the whole of a part ('of', 'among' and a definite
        determiner), no noun after it, repeats a figure of the same value read before in the document ('The three were
        travelling' says something new of them, and keeps its own measure)."""
        fig, doc = span._.figure, span.doc
        if fig is None or fig.bound != "exact" or fig.value not in self.by_value or span.start < 2:
            return False
        nxt = skip_space(doc, span.end)
        whole = doc[span.start - 2].lower_ == "of" or doc[span.start - 2].lower_ in self.words.whole_preps
        return whole and doc[span.start - 1].lower_ in self.words.repeat_determiners and (
            nxt >= len(doc) or doc[nxt].pos_ not in NOUNS)

    def _force_size(self, span: Span) -> bool:
        """The figure is what a force numbers, read off the words (the tagger often takes 'number' for a noun): a size
        verb right before it, and forces named and placed or sent before that in the sentence ('troops in Kursk number
        about 11,000'; not 'the armed forces, numbering 1.2 million')."""
        if span.start == 0:
            return False
        verb = span.doc[span.start - 1]
        if not any(verb.lower_.startswith(v) for v in self.words.size_verbs):
            return False
        before = span.doc[span.sent.start:verb.i]
        placed = any(t.ent_type_ in PLACE_ENTS or t.lemma_.lower() in self.words.place_nouns or t.lemma_.lower() in self.words.sent_forces
                     or self.measure_of(t) == "deployed" for t in before)
        return placed and any(t.pos_ == "NOUN" and self.is_forces(t) for t in before)

    def _earlier_value(self, span: Span) -> bool:
        """The words before the figure give the count's earlier value ('up from', 'compared with')."""
        before = span.doc[max(span.sent.start, span.start - EARLIER_VALUE_WORDS):span.start].text.lower()
        return any(before.endswith(lead) for lead in self.words.earlier_value_leads)

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
        return span._.figure is not None and span._.figure.unit in self.words.size_units

    def _elided_counted(self, span: Span, before: _Before) -> Counted | None:
        """A bare figure's noun from the figure before: a conversion in brackets, or 'N more'."""
        doc = span.doc
        joined = doc[span.start - 1].text == "(" or (doc[span.start - 1].pos_ == "CCONJ" and self._is_size(span))
        if span.start > 0 and joined and span.start - before.end <= CONVERSION_GAP:
            return before.counted  # "40 metres deep (131 feet)", "130ft deep and 12 inches wide"
        nxt = skip_space(doc, span.end)
        if nxt < len(doc) and doc[nxt].lower_ in self.words.more_words and before.sent == span.sent.start:
            return before.counted  # "30 of the aircraft, with the option to buy 20 more"
        return None

    # -- what is counted ------------------------------------------------
    def counted_noun(self, span: Span, anchor: Token) -> Token | None:
        """The noun the figure counts, a relative pronoun read as its antecedent."""
        noun = self._counted_token(span, anchor)
        if noun is not None and noun.lower_ in self.words.relative_pronouns:
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
            return self._measured_thing(span) if fig.unit in self.words.size_units else None
        if anchor.dep_ in MODIFIER_DEPS and head.i >= span.end and head.pos_ in NOUNS:
            head = _past_abbreviation(head)  # "Six rapid response (RRT) teams": the parser may stop before the bracket
            # "600 North Korean soldiers"; but not a noun past a comma ("300, officials")
            # "Two 21-year-old men": the hyphens of another modifier, not of the figure's own ("a 2-to-1 vote")
            if not any(t.is_punct and not t.is_quote and (t.tag_ != "HYPH" or t.i == span.end) and not _abbreviation_bracket(t)
                       for t in span.doc[span.end:head.i]):
                return head  # '"several hundred" casualties': a quotation closing on the figure leaves its noun
        if head.lower_ in self.words.more_words and head.dep_ == "amod" and head.head.pos_ in NOUNS and head.head.i > head.i:
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
        pointed = (nxt < len(doc) and doc[nxt].lower_ in self.words.dimensions and doc[nxt].lower_ != "in") or (
            nxt + 1 < len(doc) and doc[nxt].lower_ == "in" and doc[nxt + 1].lower_ in self.words.dimensions)
        if not pointed and (before is None or before.lemma_.lower() not in self.words.measure_verbs):
            return None
        for j in range(span.start - 1, max(span.start - 1 - MEASURED_WINDOW, -1), -1):
            tok = doc[j]
            if tok.lemma_.lower() in self.words.measure_verbs or tok.lower_ in self.words.measure_verbs:
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
            if child.i >= span.end and child.left_edge.i <= span.start < child.right_edge.i and _abbreviation_bracket(doc[noun.i - 1]):
                left = min(left, span.end)  # "Six rapid response (RRT) teams": the figure hangs inside the modifier
                continue
            if child.left_edge.i < span.end or child.dep_ in (*DETERMINER_DEPS, "poss", "punct", "cc", "case", "prep", "nummod"):
                continue  # "412 of the 650 seats" counts seats: another figure is not part of the phrase
            if child.lower_ in self.words.drop_modifiers:
                continue
            left = min(left, child.left_edge.i)
        left = max(left, span.end if noun.i >= span.end else 0)
        while left < noun.i and (doc[left].is_punct or doc[left].pos_ in ("DET", "CCONJ", "ADP", "PRON")
                                 or doc[left].lower_ in self.words.drop_modifiers):
            left += 1
        right = noun.i + 1
        if self.words.keep_of_phrase and noun.pos_ == "NOUN" and noun.i >= span.end:
            # "rounds of ammunition", "cup of coffee": the of-phrase is part of what is counted
            for child in noun.rights:
                if child.dep_ == "prep" and child.lower_ == "of" and child.i == noun.i + 1:
                    pobj = _pobj(child)
                    if pobj is not None and pobj.pos_ == "NOUN":
                        right = pobj.i + 1
        return Span(doc, left, right) if left < right else None


def _age_sized(span: Span, bounds: tuple[str, ...]) -> bool:
    """The figure, of one of these bounds, is a bare whole number small enough to be an age (2 to MAX_AGE)."""
    fig = span._.figure
    return fig is not None and fig.bound in bounds and fig.unit is None and fig.value is not None \
        and 1 < fig.value <= MAX_AGE


def _abbreviation_bracket(tok: Token) -> bool:
    """'11 urban search-and-rescue (USAR) teams': a bracket around one word, an abbreviation set inside the noun phrase."""
    doc = tok.doc
    if tok.tag_ == OPEN_BRACKET_TAG:
        return tok.i + 2 < len(doc) and doc[tok.i + 2].tag_ == CLOSE_BRACKET_TAG and not doc[tok.i + 1].like_num
    if tok.tag_ == CLOSE_BRACKET_TAG:
        return tok.i >= 2 and doc[tok.i - 2].tag_ == OPEN_BRACKET_TAG and not doc[tok.i - 1].like_num
    return False


def _past_abbreviation(noun: Token) -> Token:
    """'Six rapid response (RRT) teams': a modifying noun right before a bracketed abbreviation modifies the noun after
    it, which the figure counts."""
    doc = noun.doc
    after = noun.i + 1
    if noun.dep_ in ("nmod", "compound") and noun.head.i > noun.i and noun.head.pos_ in NOUNS \
            and after < len(doc) and _abbreviation_bracket(doc[after]) and doc[after].tag_ == OPEN_BRACKET_TAG and noun.head.i == after + 3:
        return noun.head
    return noun
