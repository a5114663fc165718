"""Events that outrank other measure words: a vague event refined by the sentence ('shot' -> killed or injured), the
main predicate's event over a deployment in a modifier, and a count that reaches the figure or that the figure gives a
value to ('losses exceeding 4,000', 'put the number of dead and wounded at 4,700')."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .base import NOUNS

EVENT_POS = ("VERB", "ADJ", "AUX")  # an event said by a predicate, not a noun a light verb takes ("suffered losses")
MODIFIER_YIELDS = {"injured": ("killed",)}  # "two people injured on 7 August die in hospital": the later event is the last
SHARE_NOT_ENTS = ("DATE", "TIME")  # "shot on 12 March, fatally": a date names no share


class EventRules:
    """Mixed into `MeasureRules`.

    Reads: `self.words` (`CountedWords`: vague_events, threshold_verbs, event_measures, count_preps, tally_nouns,
    status_measures, kin_lost_verbs, kin_lost_nouns, headline_events),
    `self.figure_tokens` (set by `CountedFinder`); calls `word_measure`, `measure_of` (measure.py), `is_people`,
    `is_place_prep` (presence.py).
    """

    def main_event(self, span: Span, groups: list[list[Token]], noun: Token | None,
                   only: tuple[str, ...] | None = None) -> tuple[str, Token] | None:
        """An event (of `only`, if given) said by a verb or adjective of a later group ('troops who were dispatched ...
        were killed')."""
        for group in groups:
            for tok in group:
                m = self.word_measure(span, tok, noun)
                if m in (only or self.words.event_measures) and tok.pos_ in EVENT_POS:
                    return m, tok
        return None

    @staticmethod
    def modifier_yields(found: str | None, word: Token | None, noun: Token | None) -> bool:
        """The measure came from a participle or adjective on the counted noun ('three soldiers wounded in the ambush
        later died'), of a kind that yields to the clause's main event."""
        return found in MODIFIER_YIELDS and word is not None and noun is not None and word.head == noun \
            and word.dep_ in ("acl", "amod")

    def status_told_by_event(self, tok: Token, found: list[tuple[str, Token]]) -> bool:
        """'the number of dead hostages': a status noun whose own adjective is an event of the group says what befell
        them (killed), and combines with nothing."""
        events = {t for m, t in found if m in self.words.event_measures}
        return self.measure_of(tok) in self.words.status_measures and any(
            c.dep_ == "amod" and c in events for c in tok.children)

    def kin_lost(self, tok: Token, noun: Token | None) -> bool:
        """'Lose' said of kin: 'who lost five relatives', 'the last ten children we lost'."""
        if noun is None or tok.lemma_.lower() not in self.words.kin_lost_verbs:
            return False
        compound = " ".join(t.lower_ for t in (*(c for c in noun.children if c.dep_ == "compound"), noun))
        return noun.lower_ in self.words.kin_lost_nouns or compound in self.words.kin_lost_nouns

    def missed(self, word: Token) -> bool:
        """'Three officers were shot at': the word right after the vague event says it did not happen to them."""
        nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
        return nxt is not None and nxt.lower_ in self.words.vague_event_misses.get(word.lemma_.lower(), ())

    def refined(self, span: Span, word: Token, lemma: str | None = None) -> str | None:
        """What a vague event word (of `lemma`, else its own) came to: the first of its refining measures said in the
        figure's stretch of the sentence (up to the next figure) or beside the word, by a word that has no figure of its own."""
        doc, refiners = span.doc, self.words.vague_events[lemma or word.lemma_.lower()]
        others = getattr(self, "figure_tokens", set()) - set(range(span.start, span.end))
        stop = next((i for i in range(span.end, span.sent.end) if i in others or _opens_a_share(doc[i])), span.sent.end)
        window = [*doc[span.end:stop], *(c for c in word.children if c.i < stop)]
        for tok in window:
            if tok.i in others or any(t.i in others for t in tok.subtree):
                continue  # "five were shot, killing one", "shot 21 and wounded 12 others": the other figure's verb
            for measure, words in refiners.items():
                if tok.lemma_.lower() in words or tok.lower_ in words:
                    return measure
        return None

    def headline_event(self, span: Span, noun: Token | None) -> str | None:
        """'Five shot, one fatally': in a headline the small parser takes the event right after a plural figure for a
        singular noun it counts; the event's measure, refined by the sentence as the verb's would be."""
        if noun is None or noun.i != span.end or noun.tag_ != "NN" or noun.lower_ not in self.words.headline_events:
            return None
        fig = span._.figure
        if fig is None or fig.value is None or fig.value <= 1:
            return None  # "one shot" is one shot fired
        lemma = self.words.headline_events[noun.lower_]
        return self.refined(span, noun, lemma) or self.words.lemma_to_measure.get(lemma)

    def last_resorts(self, span: Span, noun: Token | None) -> list[list[Token]]:
        """Read when the parse linked nothing: the count named before the figure ('put the number of dead and wounded
        at 4,700'), nearest first; then where the counted are ('3,000 troops in Kursk')."""
        groups = [self._nearest_count(self._count_before(span[0]))] if self._after_count(span, noun) else []
        if noun is not None:
            groups.append([c for c in noun.children if self.is_place_prep(c)])
        groups.append(self._verb_before(span))
        return groups

    def _verb_before(self, span: Span) -> list[Token]:
        """'Suspected airstrikes killed at least four people', parsed with 'killed' on the strikes: a verb right before
        the figure is the verb it is the object of, read off the words."""
        prev = span.doc[span.start - 1] if span.start > span.sent.start else None
        if prev is None or prev.pos_ != "VERB" or prev.tag_ not in ("VBD", "VBG", "VBN"):
            return []
        passive = any(c.dep_ in ("aux", "auxpass") for c in prev.children)  # "were killed 12 ..." is no object
        return [] if passive else [prev]

    def _nearest_count(self, words: list[Token]) -> list[Token]:
        """The words from the figure back to the nearest count noun, nearest first ('... to replace those lost, ...,
        bringing the total deployed to': 'to', 'deployed', 'total')."""
        out: list[Token] = []
        for tok in reversed(words):
            out.append(tok)
            if self._is_count_noun(tok):
                out += self._count_raiser(tok)
                break
        return out

    def _count_raiser(self, tally: Token) -> list[Token]:
        """'The new deaths bring the total ... to 577': a bare tally as a verb's object is raised by what the verb's
        subject names."""
        if tally.dep_ not in ("dobj", "obj") or tally.lemma_.lower() not in self.words.tally_nouns:
            return []
        subject = next((c for c in tally.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return count_words(subject) if subject is not None else []

    def count_equated(self, x: Token, verb: Token) -> list[Token]:
        """'The number of injured ones is 197', 'the total list of verified missing was 385': a count as the subject
        of a linking verb whose complement is the figure ('the toll was between 300 and 500': the range's preposition)."""
        complement = x.dep_ in ("attr", "acomp", "dobj") or (x.dep_ == "prep" and x.lower_ in self.words.value_preps) \
            or _bound_as_preposition(x)
        if not complement or verb.lemma_.lower() not in self.words.linking_verbs:  # "is closer to 800", "lies between"
            return []
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return count_words(subject) if subject is not None and self._is_count_noun(subject) else []

    def _is_count_noun(self, tok: Token) -> bool:
        """A noun that names a count: a tally ('the number', 'the toll') or a measure ('losses', 'deaths')."""
        return tok.pos_ == "NOUN" and (tok.lemma_.lower() in self.words.tally_nouns or self.measure_of(tok) is not None)

    def threshold_groups(self, span: Span) -> list[list[Token]]:
        """The count a bound verb before or in the figure reaches ('losses exceeding 4,000'), read off the words."""
        before = [span.doc[span.start - 1]] if span.start > 0 else []
        if before and before[0].pos_ == "ADP" and span.start > 1:
            before.append(span.doc[span.start - 2])  # "estimates of deaths range from 80,000 to 600,000"
        return [self.threshold_count(verb) for verb in (t for t in [*before, *span] if t.lemma_.lower() in self.words.threshold_verbs)]

    def _after_count(self, span: Span, noun: Token | None) -> bool:
        """The figure follows a count: a preposition that gives a count its value ('put the number ... at'; 'to' only
        before a bare figure or one of people: 'bring the number of soldiers dispatched to around 13,000', 'losses ...
        amounted to some 43,000 personnel', not 'taken to 2 hospitals'), or a count noun itself
        ('losses above 3,000', the bound word being the figure's)."""
        first = span.start
        while first > span.sent.start and span.doc[first - 1].is_quote:
            first -= 1  # 'put the number still missing at "more than 120"': a quoted figure follows its count too
        if first == 0:
            return False
        preps = self.words.count_preps | (self.words.count_preps_bare if noun is None or self.is_people(noun) else set())
        prev = span.doc[first - 1]
        if prev.pos_ == "DET" and first > 1 and span.doc[first - 2].lower_ in preps:
            return True  # "the number of dead ran into the hundreds"
        return prev.lower_ in preps or self._is_count_noun(prev)

    def threshold_count(self, verb: Token) -> list[Token]:
        """The count a threshold verb says has reached the figure: its subject ('the number of soldiers killed has
        exceeded'), or the noun it modifies ('losses exceeding 4,000'), with its modifiers and 'of' phrase."""
        count = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if count is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in NOUNS:
            count = verb.head
        if count is None:
            return self._count_before(verb)
        return count_words(count)

    def _count_before(self, verb: Token) -> list[Token]:
        """The parser left the threshold verb without a subject ('The number of troops killed and injured ... has
        surpassed 3,000' read as a clause of 'killed'): the words before it, back to the sentence start or the last
        number, when they name a count (a tally noun such as 'number' or 'toll', or a measure noun)."""
        doc = verb.doc
        start = verb.sent.start
        figures = getattr(self, "figure_tokens", set())
        for j in range(verb.i - 1, verb.sent.start - 1, -1):
            if (doc[j].like_num and (j in figures or not figures)) or doc[j].text in (";", ":"):
                start = j + 1  # a figure ends the count's words; a date's number does not ("since April 29")
                break
        words = list(doc[start:verb.i])
        tally = next((t for t in reversed(words) if t.pos_ == "NOUN" and t.lemma_.lower() in self.words.tally_nouns), None)
        if tally is not None:
            return words[tally.i - start:]  # "100 deaths were reported, and the number of injured approaches 1,000"
        if any(self._is_count_noun(t) for t in words):
            return words
        return []


def count_words(count: Token) -> list[Token]:
    """A count noun with the words that say what it counts, its compounds first ('the casualty toll'), then its
    adjectives, participles and relative clauses ('the total deployed') and its 'of' phrase ('the number of people
    killed')."""
    mods = [c for c in count.children if c.dep_ in ("amod", "compound", "acl", "relcl")]
    return [*(m for m in mods if m.dep_ == "compound"), count, *(m for m in mods if m.dep_ != "compound"),
            *of_phrase_words(count)]


def of_phrase_words(noun: Token) -> list[Token]:
    """'the number [of people killed]': the noun of the 'of' phrase and its participles and adjectives."""
    out: list[Token] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out += [obj, *(c for c in obj.children if c.dep_ in ("acl", "amod", "relcl"))]
    return out


def _bound_as_preposition(x: Token) -> bool:
    """'The toll is already above 60': the figure's own bound word, parsed as the linking verb's preposition over it."""
    return x.dep_ == "prep" and any(c.dep_ == "pobj" and c.like_num for c in x.children)


def _opens_a_share(tok: Token) -> bool:
    """'Five people were shot, one of them fatally': a number word after the figure that is no figure of its own (the
    figure finder drops a lone 'one') names a share of the counted, and the words after it say what befell the share."""
    return tok.pos_ == "NUM" and tok.like_num and tok.ent_type_ not in SHARE_NOT_ENTS
