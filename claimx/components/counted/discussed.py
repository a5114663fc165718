"""The toll under discussion: a figure with no measure word of its own that restates or gives the value of a count
said before takes that count's measure. 'The ministry says 230 people were killed. The monitor's total is 180, some 50
fewer': 180 and 50 are killed; 'An earlier report said 12 had died. The confirmed figure is 11'; 'Of those 230, ...';
'230 is twice the first estimate'."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .tree import skip_space

TOLL_SENTENCES = 3  # how many sentences back a count is still the one under discussion
TALLY_WINDOW = 4  # words looked back from a figure for the tally noun it gives a value ('the difference was roughly')
RESTATE_MIN_VALUE = 20  # a bare figure restates a count of the same value only from here up ('two' recurs by chance)
SINGULAR_TAG = "NN"  # 'the 15,000 figure' names one tally; 'three figures' counts tallies
LINK_POS = ("AUX", "ADP", "ADV", "PUNCT", "PART", "DET", "SPACE")  # what may stand between a tally noun and its value


class DiscussedRules:
    """Mixed into `MeasureRules`.

    Reads: `self.words` (`CountedWords`: tally_nouns, discussed_nouns, discussed_after, discussed_before, linking_verbs),
    `self.by_value` and `self.measures_so_far` (the measures of the figures read so far, set by `CountedFinder`); calls `measure_of`
    (measure.py).
    """

    by_value: dict[float, str]
    measures_so_far: dict[int, str | None]

    def discussed_measure(self, span: Span, noun: Token | None) -> str | None:
        """The measure of the count this figure restates, or of the count before it when the figure is the value of a
        bare tally noun or compared with it; None when the figure names what it counts."""
        fig = span._.figure
        if fig is None or fig.unit is not None or (noun is not None and not self._names_a_tally(noun)):
            return None  # "the 15,000 figure" names a tally; "30 homes" counts homes, "three figures" counts figures
        told = self._told_of_a_tally(span)
        if told is not None:
            return told  # "misstated the number of firefighters injured; it is seven": what 'it' stands for
        if self._restates(span):
            return self.by_value[fig.value]  # "1,470 is more than ...": the same count said again
        tally = (self._tally_before(span) or self._tally_subject(span)) if noun is None else noun
        if tally is not None and self.measure_of(tally) is not None:
            return self.measure_of(tally)  # "put the toll somewhere between ...": the tally names its measure
        if tally is not None or self._compared(span) or self._remainder(span):
            return self._toll_before(span)
        return None

    def _is_tally(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return lemma in self.words.tally_nouns or lemma in self.words.discussed_nouns

    def _names_a_tally(self, noun: Token) -> bool:
        """'the 15,000 figure': the figure is the value of a singular tally noun it modifies ('all three figures' count
        the tallies themselves)."""
        return self._is_tally(noun) and noun.tag_ == SINGULAR_TAG

    def _restates(self, span: Span) -> bool:
        """A bare exact figure of the value of a measured count read before ('Our own number, 230, is ...')."""
        fig = span._.figure
        return fig.bound == "exact" and fig.value is not None and fig.value >= RESTATE_MIN_VALUE \
            and fig.value in getattr(self, "by_value", {})

    def _tally_before(self, span: Span) -> Token | None:
        """The tally noun the figure gives a value, read off the words before it ('the difference was roughly 1,100',
        'puts its own total at', 'Our own number, 1,347'): the first word back that is not a link word."""
        doc = span.doc
        for j in range(span.start - 1, max(span.sent.start, span.start - TALLY_WINDOW) - 1, -1):
            tok = doc[j]
            if tok.pos_ in LINK_POS and not self._is_tally(tok):
                continue
            return tok if tok.pos_ == "NOUN" and self._is_tally(tok) else None
        return None

    def _linked_subject(self, span: Span) -> Token | None:
        """The subject of the linking verb ('is', 'was') whose complement the figure is: 'The correct figure ... is
        seven', 'it is seven'."""
        value = span.root
        verb = value.head
        if value.dep_ != "attr" or verb.lemma_.lower() not in self.words.linking_verbs:
            return None
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)

    def _tally_subject(self, span: Span) -> Token | None:
        """'The correct figure, provided by the fire service, is seven': the tally noun the figure is the complement of,
        as the subject of a linking verb, however many words stand between them; not one that says what it counts
        ('the true number on board was at least 176')."""
        subject = self._linked_subject(span)
        if subject is None or subject.pos_ != "NOUN" or not self._is_tally(subject):
            return None
        return None if any(c.dep_ == "prep" for c in subject.children) else subject  # "the number on board": its own count

    def _told_of_a_tally(self, span: Span) -> str | None:
        """'The article misstated the number of firefighters injured; it is seven': the figure is the complement of a
        linking verb whose subject is a pronoun standing for the tally noun named last before it in the sentence, and
        takes the measure word said between that tally and the pronoun."""
        subject = self._linked_subject(span)
        if subject is None or subject.lower_ not in self.words.discussed_pronouns:
            return None
        doc = span.doc
        tallies = [t for t in doc[span.sent.start:subject.i] if t.pos_ == "NOUN" and self._is_tally(t)]
        if not tallies:
            return None
        return next((m for m in (self.measure_of(t) for t in doc[tallies[-1].i + 1:subject.i]) if m is not None), None)

    def _compared(self, span: Span) -> bool:
        """'some 6,500 fewer', '40 higher': a comparison word right after the figure compares it with the count before."""
        j = skip_space(span.doc, span.end)
        return j < len(span.doc) and span.doc[j].lower_ in self.words.discussed_after

    def _remainder(self, span: Span) -> bool:
        """'The remaining 1,620': what is left of the count before."""
        return span.start > 0 and span.doc[span.start - 1].lower_ in self.words.discussed_before

    def _toll_before(self, span: Span) -> str | None:
        """The measure of the last measured head count before the figure, if it is at most TOLL_SENTENCES sentences back
        (a count of something else between them, 'checks each death against two sources', does not end the discussion)."""
        measured = getattr(self, "measures_so_far", {})
        earlier = [i for i, m in measured.items() if i < span.start and m is not None]
        if not earlier:
            return None
        last = max(earlier)
        if len(list(span.doc[last:span.start + 1].sents)) > TOLL_SENTENCES + 1:
            return None
        return measured[last]
