"""Measure words read off the words right after a figure or its noun, where the small parser misattaches participles
('2,700 injured', 'are believed to have been killed or injured', 'two passengers and the driver died')."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .base import NOUNS, RELATIVE_TAGS
from .tree import coordination_end as _coordination_end

FINITE_TAGS = ("VBZ", "VBD", "VBP")  # "kills", "killed", "kill": a verb with the figure as its object
COORDINATED_WORDS = 5  # "two passengers and [the train's young driver] died": words of a noun phrase after "and"


class LinearRules:
    """Mixed into `MeasureRules`.

    Reads: `self.words` (`CountedWords`); calls `word_measure` and `acts_on_other` (measure.py).
    """

    def words_after(self, span: Span, noun: Token | None) -> list[Token]:
        """Measure words right after the figure or its noun: '2,700 injured', 'are believed to have been killed or injured'.

        Read linearly because the small parser often attaches such participles wrongly;
        stops at the next number, so '300 killed and 2,700 wounded' keeps each its own.
        """
        j = max(span.end, noun.i + 1 if noun is not None else 0)
        if noun is not None and noun.i < span.start:
            j = span.end
        found = self._scan_measure_words(span, noun, j)
        end = _coordination_end(noun) if noun is not None and noun.i >= span.end else None
        if end is None and noun is not None and noun.i >= span.end:
            end = _linear_coordination_end(span.doc, noun.i)  # the parser missed the coordination
        if not found and end is not None:
            # "left two soldiers and three policemen dead": coordinated figures share the predicate
            found = self._scan_measure_words(span, noun, end + 1)
        return found

    def verb_before(self, span: Span) -> str | None:
        """'Strike on market kills at least 34': an event verb in the present or past just before the figure says what
        happened to it, where the small parser loses a headline's verb (read last, when nothing else gave a measure)."""
        if span.start == 0:
            return None
        verb = span.doc[span.start - 1]
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS or lemma in self.words.subject_only or lemma in self.words.people_only:
            return None  # "shares fell 1 percent", "lost 3 games": said of the subject, or of people only
        found = self.measure_of(verb)
        return found if found in self.words.event_measures else None

    def _scan_measure_words(self, span: Span, noun: Token | None, j: int) -> list[Token]:
        """Measure words from token j on, skipping auxiliaries and hedges, up to the next number."""
        doc = span.doc
        found: list[Token] = []
        limit = min(len(doc), j + 10)
        fig_tokens = set(range(span.start, span.end))
        light = False  # after a light verb, its object's determiner and adjectives ("had sustained heavy casualties")
        while j < limit:
            tok = doc[j]
            if tok.is_space:
                j += 1
                continue
            if tok.like_num or tok.ent_type_ in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY") or tok.is_sent_start:
                break
            if self.acts_on_other(tok, fig_tokens, noun):
                break  # "five gunmen killed 12 villagers": the gunmen did it, it did not happen to them
            if self.word_measure(span, tok, noun):
                found.append(tok)
                j += 1
                continue
            if found and (tok.pos_ in ("CCONJ", "AUX", "ADV") or tok.text == "," or tok.lemma_.lower() in self.words.linking_verbs):
                j += 1
                continue
            if not found and tok.lower_ == "of" and j + 1 < limit and doc[j + 1].pos_ in ("PRON", "DET"):
                j += 2  # "two of whom were in critical condition", "six of them fatally", "340 of the most seriously injured"
                continue
            if not found and (tok.lemma_.lower() in self.words.light_verbs or (light and tok.pos_ in ("DET", "ADJ"))):
                light = True  # "a third of the unit had sustained casualties": the parser often loses the object
                j += 1
                continue
            if not found and (tok.pos_ in ("AUX", "ADV", "PART") or tok.lemma_.lower() in self.words.hedge_verbs
                              or tok.lower_ in self.words.others  # "at least 9 more were wounded"
                              or tok.tag_ in RELATIVE_TAGS or tok.lemma_.lower() in self.words.linking_verbs):
                j += 1
                continue
            break
        return found


def _linear_coordination_end(doc: Doc, i: int) -> int | None:
    """'two passengers [and the driver] died': the last noun of a plain noun phrase coordinated after token i, read
    off the words (no number in it: 'two soldiers and three policemen' keeps each figure its own words)."""
    j = i + 1
    if j >= len(doc) or doc[j].pos_ != "CCONJ":
        return None
    last = None
    for tok in doc[j + 1:j + 1 + COORDINATED_WORDS]:
        if tok.like_num or tok.pos_ not in ("DET", "ADJ", *NOUNS):
            break
        if tok.pos_ in NOUNS:
            last = tok.i
    return last
