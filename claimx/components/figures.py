"""The `claimx_figures` component: every figure in a Doc, with value, bound and unit.

A figure is a number that says how many or how much (see ../shared/gold/GUIDELINES.md):
dates, years, clock times, ordinals, identifiers ("SA-22", "Euro 2016"), phone numbers
and photo counters are numbers but not figures. Results go to `doc.spans[spans_key]`,
each span carrying its `Figure` in `span._.figure`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.attrs import IS_ALPHA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..model import Figure
from ..read.numbers import NumberReader
from ..read.units import UnitReader
from ..records import Candidate, Number
from .base import DataComponent, add_infix
from .nonfigures import Words, not_figure_rule, year_like
from .ranges import RangeRules, set_range
from .wordmatch import WordMatcher, WordMemo

# the kinds of bounding verb rows in bounds.jsonl (their id): see FigureFinder._verb_bounds
VERB_ALWAYS = "verb"  # bounds always: 'exceeded 2,000 troops', 'an estimated population of 120,000'
VERB_BARE = "verb_bare"  # bounds where no noun follows: 'the toll passed 2,000'
VERB_MARK = "verb_mark"  # bounds before a threshold noun: 'passed the 1,000 mark'
# the words after which 'about'/'around' opens a figure's own phrase, never a preposition of what precedes:
# a complementizer ('that around 600 died'), a conjunction ('and around 300'), a determiner, punctuation
PHRASE_OPENER_POS = ("SCONJ", "CCONJ", "DET", "PUNCT")
# the words before a verbal bound word ('estimated') that make it a clause's verb: its subject, or an auxiliary
SUBJECT_POS = ("NOUN", "PROPN", "PRON", "AUX")
SUBJECT_TAGS = ("WDT", "WP")  # 'which estimated 1,100', 'who estimated 300'
# a quotation that opens on the number leaves the bound word outside it ('some "750 employees')
OPENING_QUOTES = ('"', "\u201c", "''", "``")
# a bound word before coordinated figures bounds each (GUIDELINES): see FigureFinder._shares_bound
SHARED_BOUNDS = ("min", "max")  # 'at least', 'up to'; a hedge ('about 300 deaths and 2,700 injuries') stays its own
NOUN_POS = ("NOUN", "PROPN", "ADJ")
COORDINATED_NOUN_WORDS = 4  # words of the first figure's noun: 'at least 17 [government soldiers] and 31 civilians'
GAPPED_CLAUSE_WORDS = 8  # 'at least 3,960 [people have been killed], 1,432 injured': the clause a gapped figure repeats
PARTICIPLE_TAG = "VBN"
GAPPED_TAGS = (PARTICIPLE_TAG, "VBG", "JJ")  # '1,432 injured', '90 missing', '12 dead': what a gapped figure keeps


def _bound_margin(rows: list[dict]) -> int | None:
    """Tokens a bound phrase can reach out of a figure's sentence: a verb before a prefix ('has topped more than'),
    each as long as the longest pattern; None when a pattern repeats a token ('OP'), so has no longest."""
    if any("OP" in tok for row in rows for tok in row["pattern"]):
        return None
    return 2 * max((len(row["pattern"]) for row in rows), default=0) + 1


def _number_sentences(reads: list, sent_start: list[int], sent_end: list[int], margin: int | None) -> list[tuple[int, int]] | None:
    """The token ranges of the sentences holding a number, `margin` tokens wider each side, merged (None: all)."""
    if margin is None:
        return None
    regions: list[tuple[int, int]] = []
    n = len(reads)
    for i, read in enumerate(reads):
        if read is None:
            continue
        a, b = max(0, sent_start[i] - margin), min(n, sent_end[i] + margin)
        if regions and a <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], b))
        else:
            regions.append((a, b))
    return regions


@dataclass
class _BoundWords:
    """The bound phrases of a Doc by where they touch a figure (bounds.jsonl, by each row's id).

    prefixes and verbs by the token after them, suffixes by their first token: (other end, label)."""

    prefixes: dict[int, tuple[int, str]] = field(default_factory=dict)
    suffixes: dict[int, tuple[int, str]] = field(default_factory=dict)
    openers: dict[int, tuple[int, str]] = field(default_factory=dict)  # 'between', 'from': (start, kind)
    verbs: dict[int, tuple[int, str, str]] = field(default_factory=dict)  # (start, label, verb kind)


class FigureFinder(RangeRules, DataComponent):
    """Finds figures. Its word lists and bound patterns are data, saved with the pipeline."""

    LEXICONS = ("numbers.json", "currencies.json", "units.json", "nonfigures.json")
    PATTERNS = ("bounds.jsonl",)

    def __init__(self, nlp: Language, name: str = "claimx_figures", *, spans_key: str = "claimx",
                 lexicons: str | Path | None = None, durations: bool = True) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.durations = durations
        super().__init__(lexicons)

    def _build(self) -> None:
        numbers, currencies = self.data["numbers.json"], self.data["currencies.json"]
        self.reader = NumberReader(numbers, currencies["symbols"])
        self.opens = WordMemo(self.nlp.vocab.strings, self.reader.may_open)  # may a number start with this word
        self.units = UnitReader(self.data["units.json"], currencies)
        self.words = Words.from_lexicons(self.data["nonfigures.json"], numbers)
        self.change_verbs = set(numbers.get("change_verbs", []))
        self.range_words = frozenset(numbers["range_words"])  # "8- to 16-meter"
        self.or_range = frozenset(numbers["or_range"])  # "two or three"
        self.matcher = WordMatcher(self.nlp.vocab, ((f"{row.get('id', 'prefix')}|{row['label']}|{i}", row["pattern"])
                                                    for i, row in enumerate(self.patterns["bounds.jsonl"])))
        self.bound_margin = _bound_margin(self.patterns["bounds.jsonl"])
        self._split_scale_stops(set(numbers.get("split_abbreviations", [])))
        self._split_scale_names(sorted(self.words.scale_words_before))
        self._keep_currency_stops([sign for sign in currencies["symbols"] if sign.endswith(".")])

    def _split_scale_stops(self, drop: set[str]) -> None:
        """Drop the tokenizer exceptions that keep a sentence's full stop on a scale letter ('£30m.' read as '30',
        'm.'): the figure then reads 30 million and the sentence ends there. The rules save with the tokenizer."""
        tokenizer = getattr(self.nlp, "tokenizer", None)
        rules = getattr(tokenizer, "rules", None)
        if rules and drop & set(rules):
            tokenizer.rules = {k: v for k, v in rules.items() if k not in drop}

    def _keep_currency_stops(self, signs: list[str]) -> None:
        """Keep the stop of an abbreviated currency sign ('Rs. 50 crore') on the sign, which the tokenizer splits off
        as a sentence's: the sign is then read before its number. The special cases save with the tokenizer."""
        tokenizer = getattr(self.nlp, "tokenizer", None)
        if tokenizer is None or not hasattr(tokenizer, "add_special_case"):
            return
        for sign in signs:
            if sign not in (getattr(tokenizer, "rules", None) or {}):
                tokenizer.add_special_case(sign, [{ORTH: sign}])

    def _split_scale_names(self, names: list[str]) -> None:
        """Split the hyphen between a scale's name and its number ('a magnitude-6.1 aftershock'), which the tokenizer
        keeps as one word: the number is read, its unit named before it. The pattern saves with the tokenizer."""
        if names:
            glued = "|".join(f"(?<=[{w[0].upper()}{w[0]}]{re.escape(w[1:])})" for w in names)
            add_infix(self.nlp, f"(?:{glued})-(?=\\d)")

    # -- spaCy component API -------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for cand in self.find(doc):  # (doc.text is rebuilt on every access: slice spans, never doc.text)
            span = Span(doc, cand.start, cand.end, label="FIGURE")
            end_char = span.end_char
            if span[-1].text.endswith(".") and len(span[-1]) > 1 and not span[-1].text[:-1].replace(",", "").isdigit():
                end_char -= 1  # "£3.4m." ends a sentence: the stop is the sentence's, not the figure's
            span._.figure = Figure(
                text=span.text[:end_char - span.start_char], start=span.start_char, end=end_char,
                value=None if cand.bound == "range" else cand.num.value,
                low=cand.low, high=cand.high, bound=cand.bound, unit=cand.unit,
            )
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    # -- finding -------------------------------------------------------
    def find(self, doc: Doc) -> Iterator[Candidate]:
        n = len(doc)
        reads: list[tuple[tuple[str, int] | None, Number] | None] = [None] * n  # the number read at each token
        words = doc.to_array([IS_ALPHA, LOWER]).tolist() if n else []
        for i in range(n):
            if words[i][0] and not self.opens[words[i][1]]:
                continue  # a word no number starts with ('soldiers'): no Token, no reading
            cur = self.units.currency_before(doc, i)
            num = self.reader.read(doc, i, currency=cur[0] if cur else None)
            if num is not None:
                reads[i] = (cur, num)
        sent_start, sent_end = self._sentence_bounds(doc)
        bounds = self._bound_matches(doc, _number_sentences(reads, sent_start, sent_end, self.bound_margin))
        i, last, chained = 0, None, False
        while i < n:
            if reads[i] is None:
                i += 1
                continue
            cur, num = reads[i]
            num = self.reader.fraction_with_numerator(doc, num)
            cand, skip_to = self._complete(doc, num, cur, bounds, sent_end[i])
            if cand is not None and self._is_figure(doc, cand):
                chained = self._shares_bound(doc, last, cand, chained)
                if chained:
                    cand.bound = last.bound
                yield cand
                last = cand
            i = max(skip_to, i + 1)

    def _complete(self, doc: Doc, num: Number, cur: tuple[str, int] | None, bounds: _BoundWords,
                  sent_end: int) -> tuple[Candidate | None, int]:
        """Grow a number into a figure phrase: currency, range, unit, bound words."""
        start = cur[1] if cur else num.start
        cand = Candidate(num=num, start=start, end=num.end)
        currency = cur[0] if cur else None
        if num.currency:
            currency = self.units.currency_symbols[num.currency]
        if currency is not None:  # "Rs 50 million" in a report from Nepal
            currency = self.units.local_currency(doc, doc[cur[1]].text if cur else num.currency or "", currency)
        # a range "1,000-3,000", "1,000 to 3,000", "between 1,000 and 3,000"
        ratio = self._ratio(doc, num, sent_end)
        if ratio is not None:  # "one in three homes": a share
            cand.end, cand.unit = ratio.end, "%"
            num.value = round(100 * num.value / ratio.value, 2)
            self._bound_words(doc, cand, bounds)  # "about one in three", "more than one in four"
            return cand, cand.end
        second = None if num.high is not None else self.range_end(doc, cand, bounds.openers, sent_end, bounds.prefixes)
        if num.high is not None:
            if num.value >= num.high:
                return None, num.end  # "3-2", "1950-53" in one token
            cand.low, cand.high, cand.bound = num.value, num.high, "range"
        if second is False:
            return None, num.end  # "3-2", "555-1234", "1950-53": not an amount, nor is either side
        if second is not None:
            currency = currency or second[1]
            set_range(cand, second[0])
        num_last = second[0] if second is not None else num
        self._unit(doc, cand, num_last, currency, sent_end)
        extra = self.units.compound(doc, cand.end, cand.unit, sent_end) if cand.bound != "range" else None
        if extra is not None:  # "5 ft 2 in", "10 $ 30 cent": the smaller unit adds to the larger
            num.value, cand.end = num.value + extra[0], extra[1]
        if cand.bound == "range" and cand.high is not None and cand.unit == "%" and num.fraction:
            cand.low, cand.high = (round(x * 100, 2) for x in (cand.low, cand.high))
        self._bound_words(doc, cand, bounds)
        return cand, max(cand.end, num.end)

    def _unit(self, doc: Doc, cand: Candidate, num_last: Number, currency: str | None, sent_end: int) -> None:
        """The unit of the figure: its currency, a fraction's percent, a glued unit, the words after it."""
        num = cand.num
        if currency:
            cand.unit = currency
        elif num.fraction:
            cand.unit = "%"
            num.value = round(num.value * 100, 2)
        if num_last.unit_text:
            cand.unit = cand.unit or self.units.glued(num_last.unit_text)
        elif not num.fraction:
            unit = self.units.after(doc, cand.end, sent_end)
            if unit is not None and not (currency and unit.unit not in ("%",) and len(unit.unit) != 3):
                if cand.unit is None or unit.unit == cand.unit:
                    cand.unit = unit.unit
                    cand.end = unit.end
            elif num.vague and cand.end + 1 < sent_end and doc[cand.end].lower_ in self.words.partitive_of:
                money = self.units.after(doc, cand.end + 1, sent_end)
                if money is not None and len(money.unit) == 3 and money.unit.isupper():
                    cand.unit = money.unit  # "millions of dollars"
                else:  # "millions of cubic meters", "hundreds of millions of years": a listed unit
                    cand.unit = self.units.listed_after(doc, cand.end + 1, sent_end)
        cand.unit = cand.unit or self.units.before(doc, cand.start)  # "a magnitude of 6.8"

    def _bound_words(self, doc: Doc, cand: Candidate, bounds: _BoundWords) -> None:
        """The bound of the figure: its number's own ('thousands', '15-plus'), then the words before and after it."""
        if cand.bound != "range":
            if cand.num.vague:
                cand.bound = "vague"
            elif cand.num.plus:
                cand.bound = "min"
            elif cand.num.mark:
                cand.bound = cand.num.mark  # "~45g", "sub-7"
        pre = bounds.prefixes.get(cand.start)
        if pre is not None and not self._verb_particle(doc, pre[0], cand.start, cand.unit) \
                and not self._preposition(doc, pre[0], cand.start) and not self._reporting_verb(doc, pre[0], cand.start):
            cand.start = pre[0]
            if cand.bound == "exact":
                cand.bound = pre[1]
        elif pre is None and cand.start > 0 and doc[cand.start - 1].text in OPENING_QUOTES and cand.bound == "exact":
            quoted = bounds.prefixes.get(cand.start - 1)  # 'some "750 employees had ...': the quotation opens on the number
            if quoted is not None and not self._preposition(doc, quoted[0], cand.start - 1):
                cand.bound = quoted[1]
        post = bounds.suffixes.get(cand.end)
        if post is not None and post[1] != "range":
            cand.end = post[0]
            if cand.bound == "exact" or (cand.bound == "approx" and post[1] in SHARED_BOUNDS):
                cand.bound = post[1]  # "some 2,000 or more": the direction the suffix gives outweighs the hedge
        verb = bounds.verbs.get(cand.start)
        if verb is not None and cand.bound == "exact" and self._verb_bounds(doc, cand, verb[2]):
            cand.bound = verb[1]  # "has topped 10,000": the verb bounds the figure but is not its phrase

    def _shares_bound(self, doc: Doc, first: Candidate | None, cand: Candidate, chained: bool) -> bool:
        """'at least 17 soldiers and 31 civilians', 'at least 3,960 people have been killed, 1,432 injured and 2,951
        kidnapped': the bound word of the first of coordinated figures bounds each of them (GUIDELINES). The second
        follows the first's noun and a coordinator, or repeats the first's clause without its
        auxiliary and verb (a bare participle after it), or follows one that did (`chained`); one with words or a verb
        of its own keeps its own ('and 60 were injured', ', 2,750 citizens killed'), as does one after a headline's
        clause with no auxiliary to leave out ('Over 300 soldiers reportedly killed, 2,700 injured')."""
        if self.alternative(doc, first, cand):
            return True  # 'closer to 80,000 or 100,000': two guesses under one bound word, a hedge included
        if first is None or first.bound not in SHARED_BOUNDS or cand.bound != "exact" or cand.start != cand.num.start \
                or first.unit != cand.unit or first.end >= cand.start or doc[cand.start - 1].lower_ not in self.words.coordinators:
            return False
        between = doc[first.end:cand.start - 1]
        if any(t.is_sent_start or t.like_num for t in doc[first.end:cand.start]) or doc[cand.start].is_sent_start:
            return False
        if len(between) <= COORDINATED_NOUN_WORDS and all(t.pos_ in NOUN_POS for t in between) \
                and any(t.pos_ != "ADJ" for t in between):
            return True  # 'at least 17 soldiers and 31 civilians': nouns only, one coordinated noun phrase
        return self._gapped(doc, cand.end) and len(between) <= GAPPED_CLAUSE_WORDS \
            and any(t.tag_ in GAPPED_TAGS for t in between) and (chained or any(t.pos_ == "AUX" for t in between))

    @staticmethod
    def _gapped(doc: Doc, k: int) -> bool:
        """A bare participle or predicate adjective at k, no noun after it: '1,432 injured', '90 missing', '12 dead'."""
        return k < len(doc) and doc[k].tag_ in GAPPED_TAGS and (k + 1 >= len(doc) or doc[k + 1].pos_ not in NOUN_POS)

    def _verb_bounds(self, doc: Doc, cand: Candidate, kind: str) -> bool:
        """Whether a bounding verb bounds the figure, by its row's kind (VERB_*): a verb that also moves things
        bounds no figure a noun follows ('the toll passed 2,000', not 'the council passed 3 bills')."""
        nxt = doc[cand.end] if cand.end < len(doc) else None
        threshold = nxt is not None and nxt.lower_ in self.words.threshold_nouns
        if kind == VERB_MARK:
            return threshold
        if kind == VERB_BARE:
            return threshold or nxt is None or nxt.pos_ not in ("NOUN", "PROPN")
        return kind == VERB_ALWAYS

    def _ratio(self, doc: Doc, num: Number, sent_end: int) -> Number | None:
        """The 'three' of 'one in three' (a share), when the first is small and the second larger."""
        j = num.end
        if j + 1 >= sent_end or doc[j].lower_ not in self.words.ratio_words or num.vague or num.fraction or num.scaled or num.value > 10:
            return None
        other = self.reader.read(doc, j + 1)
        if other is None or other.vague or other.scaled or not (num.value < other.value <= 1000) \
                or year_like(doc[other.start].text) or self.units.after(doc, other.end, sent_end) is not None:
            return None
        return other

    def _verb_particle(self, doc: Doc, i: int, start: int, unit: str | None) -> bool:
        """'handed over 15 hostages': a bound word that is a verb's particle bounds nothing ('took over 3 hours' does).

        Only a bound of one word can be the particle: 'send up to 1,500 troops', 'racked up to 40 points' bound
        their figure, as 'up to' says at most whatever verb 'up' could follow ('made up 40 percent' has no bound)."""
        if unit in self.words.duration_units:
            return False
        if start - i > 1:
            return False  # 'up to', 'up to about': the particle opens a bound phrase of its own
        verbs = self.words.phrasal_verbs.get(doc[i].lower_, frozenset())
        return doc[i].dep_ == "prt" or (i > 0 and doc[i - 1].lemma_.lower() in verbs)

    def _preposition(self, doc: Doc, i: int, start: int) -> bool:
        """'new details about two prisoners': a bound word alone that the parse reads as a preposition of a word before
        it bounds nothing ('about a 30% stake' keeps its article's bound). Where it opens the figure's own phrase, as
        the subject of a clause ('that around 600 of them had died', ', around 250 were hurt'), it bounds the figure."""
        if i != start - 1 or doc[i].lower_ not in self.words.prepositional_bounds:
            return False
        if i == 0 or doc[i].is_sent_start or doc[i - 1].pos_ in PHRASE_OPENER_POS:
            return False  # nothing before 'around' for it to belong to: it opens the figure's phrase
        before = doc[i - 1]
        if before.lower_ in self.words.preposition_governors or before.lemma_.lower() in self.words.preposition_governors:
            return True  # 'worried about three shootings': the word before takes 'about', whatever the parse says
        return doc[i].dep_ == "prep" and doc[i].head.i < i  # governed by the word before it ('talked about')

    def _reporting_verb(self, doc: Doc, i: int, start: int) -> bool:
        """'Seoul estimated 15,000 troops': a bound word that is the verb of its own clause, after a subject or an
        auxiliary, reports the figure (attribution reads it as a cue) and bounds nothing; 'an estimated 11,000' does."""
        if i != start - 1 or i == 0 or doc[i].lower_ not in self.words.verbal_bounds:
            return False
        before = doc[i - 1]
        return before.pos_ in SUBJECT_POS or before.tag_ in SUBJECT_TAGS \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children)

    def _bound_matches(self, doc: Doc, regions: list[tuple[int, int]] | None = None) -> _BoundWords:
        """Bound phrases by where they touch a figure: prefixes and verbs by their end, suffixes by their start.

        Matched in `regions` (token ranges) only, when given: the sentences with a number, with room for the
        phrases that reach out of them (most sentences have none)."""
        found = _BoundWords()
        for key, s, e in self.matcher(doc, regions):
            where, label, _ = key.split("|")
            if where == "prefix":
                if e not in found.prefixes or s < found.prefixes[e][0]:
                    found.prefixes[e] = (s, label)
            elif where == "suffix":
                if s not in found.suffixes or e > found.suffixes[s][0]:
                    found.suffixes[s] = (e, label)
            elif where in (VERB_ALWAYS, VERB_BARE, VERB_MARK):
                found.verbs[e] = (s, label, where)
            else:
                found.openers[e] = (s, where.replace("range_", ""))
        return found

    @staticmethod
    def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
        """Where each token's sentence starts and ends (the whole Doc, unsegmented)."""
        n = len(doc)
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return [0] * n, [n] * n
        starts, ends = [0] * n, [n] * n
        for sent in doc.sents:
            starts[sent.start:sent.end] = [sent.start] * len(sent)
            ends[sent.start:sent.end] = [sent.end] * len(sent)
        return starts, ends

    # -- what is not a figure -----------------------------------------
    def _is_figure(self, doc: Doc, cand: Candidate) -> bool:
        """No rule of `nonfigures.NOT_FIGURE_RULES` says the candidate is a date, name, code or furniture."""
        return not_figure_rule(doc, cand, self.words, self.durations) is None
