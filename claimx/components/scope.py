"""What stretch a figure counts: a running total, a part of another count, an addition, a period or one incident.

`compare` sets totals against totals only: a three-day count, one raid's dead or
"another 1,500 troops" says nothing against a running total. The scope is read from
the figure's own clause (its verb and the words that hang on it, not the clauses
embedded in it), first that applies:

* **part**: a share of a count given beside it ("4,700 casualties, including 600 deaths",
  "300 of them civilians", "some 9,000 of whom died violently", "four of the dead", "60 are in
  critical condition", a breakdown by place: "105 in Jajarkot and 52 in Rukum"): listed under its whole;
* **addition**: "another 1,500", "3,000 more troops", "a second wave of", "newly deployed";
* **incident** by its toll: "the toll from the strike rose to 55" (before "toll" makes a total);
* **total**: a running-count word ("so far", "the toll", "since October") wins over a period;
* **period**: a stated stretch ("in the past week", "within three days", "over the weekend",
  "in April alone"; also in a verb joined to the figure's: "50 killed and 47 injured within
  three days"; for a count of events, a month: "were killed in March"), or an own time with a
  verb that is not perfect ("were killed on Monday", "were deployed in January": what happened
  then; "by Monday" and "have been killed" are totals);
* **incident**: an event noun ("the raid killed 12", "killed in an air strike", "two killed and
  16 hurt in the strike"), or the simple past of a killing, wounding or capturing verb with the
  figure as object ("killed three soldiers"; in reported speech "said they had killed three
  soldiers"; not "published a list of 99 injured");
* else **total**.

`PlaceReader` reads a place narrower than the story just after a figure ("in the capital",
"at the field hospital", "in Khartoum state"). The words live in `lexicons/scope.json`; this
module holds the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.tokens import Span, Token

from ..data import load_lexicon
from ..model import TimeRef
from ..read.timex import clause_boundary, clause_path

LEXICON = "scope.json"
ADDITION_REACH = 3  # words before the figure where "another", "an additional" may stand
PART_REACH = 3  # words before or after the figure where "including", "of them" may stand
PART_CHARS = 80  # characters before or after the figure its part patterns read ("19 are in critical condition")
OBJECT_DEPS = frozenset({"dobj", "obj"})
PAST_TAGS = frozenset({"VBD", "VBN"})  # a reporting verb in the past ("stated", tagged either way)
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})  # "strikes that have killed 57": the noun is the clause's event


def _words_re(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)


class ScopeReader:
    """Reads a figure's scope from its clause; its words come from `scope.json`."""

    def __init__(self, lexicons: str | Path | None = None, *, data: dict | None = None) -> None:
        lex = data if data is not None else load_lexicon(LEXICON, lexicons)  # `data`: scope.json as a component holds it
        self.addition_before = _words_re(lex["addition_before"])
        self.addition_after = {w.lower() for w in lex["addition_after"]}
        self.addition_phrases = _words_re(lex["addition_phrases"])
        self.total_phrases = _words_re(lex["total_phrases"])
        self.period_res = [re.compile(p, re.I) for p in lex["period_phrases"]]
        self.as_of_leads = _words_re(lex["as_of_leads"])
        self.perfect_aux = {w.lower() for w in lex["perfect_aux"]}
        self.event_nouns = _words_re(lex["event_nouns"])
        self.incident_measures = set(lex["incident_measures"])
        self.part_before = _words_re(lex["part_before"])
        self.part_after = re.compile(rf"^\s*(?:{_words_re(lex['part_after']).pattern})", re.I)
        self.month_periods = [re.compile(p, re.I) for p in lex["month_periods"]]
        self.event_measures = set(lex["event_measures"])
        self.reported_past_aux = {w.lower() for w in lex["reported_past_aux"]}
        self.part_after_res = [re.compile(p, re.I) for p in lex["part_after_patterns"]]
        self.part_before_res = [re.compile(p, re.I) for p in lex["part_before_patterns"]]
        self.count_part_before_res = [re.compile(p, re.I) for p in lex["count_part_before_patterns"]]  # no unit
        events = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex["event_nouns"], key=len, reverse=True))
        self.incident_tolls = [re.compile(p.replace("EVENT", events), re.I) for p in lex["incident_tolls"]]
        self.incident_verbs = {w.lower() for w in lex["incident_verbs"]}

    def scope_of(self, span: Span, anchor: Token, measure: str | None, own_time: TimeRef | None = None) -> str:
        """'part', 'total', 'addition', 'period' or 'incident' for the figure `span` (see the module docstring)."""
        clause = Clause.of(span, anchor)
        for scope, rule in self.RULES:
            if rule(self, clause, measure, own_time):
                return scope
        return "total"

    # -- the rules, in order: the first that holds names the scope ----------------------
    def _part(self, c: Clause, measure: str | None, own_time: TimeRef | None) -> bool:
        doc = c.span.doc
        before = doc[max(c.span.sent.start, c.span.start - PART_REACH):c.span.start].text
        if self.part_before.search(before):
            return True  # "4,700 casualties, including 600 deaths", "among them 40 children", "accounting for 672"
        if self.part_after.match(doc[c.span.end:min(c.span.sent.end, c.span.end + PART_REACH)].text):
            return True  # "300 of them civilians", "some 9,000 of whom died violently"
        sent = c.span.sent
        text = sent.text  # (doc.text is built anew on every access: slice the sentence)
        after = text[c.span.end_char - sent.start_char:][:PART_CHARS]
        before = text[:c.span.start_char - sent.start_char][-PART_CHARS:]
        if c.span._.figure is not None and c.span._.figure.unit is None and any(p.search(before) for p in self.count_part_before_res):
            return True  # "Bashkortostan (5 945) and Tatarstan (5 605)": one place's count, in brackets after its name
        return any(p.search(after) for p in self.part_after_res) or any(p.search(before) for p in self.part_before_res)
        # "four of the dead", "60 are in critical condition", a breakdown by place: "105 in Jajarkot and 52 in Rukum"

    def _incident_toll(self, c: Clause, measure: str | None, own_time: TimeRef | None) -> bool:
        # "the toll from the strike rose to 55": one strike's; with no subject of its own ("said the toll from the
        # strike had risen to 55", as the parser may read it) the clause's toll is the words before it
        texts = [c.text] if c.has_subject() else [c.text, c.span.doc[c.span.sent.start:c.span.start].text]
        return any(p.search(t) for p in self.incident_tolls for t in texts)

    def _addition(self, c: Clause, measure: str | None, own_time: TimeRef | None) -> bool:
        if self.addition_before.search(" ".join(t.text for t in c.words_before())):
            return True  # "another 1,500", "an additional 2,000" (but not "the new report says 700")
        after = c.noun_words() or c.span.doc[c.span.end:c.span.end + 1]
        if len(after) and after[0].lower_ in self.addition_after:
            return True  # "3,000 more troops", "1,000 additional soldiers", "hundreds of thousands more could arrive"
        return bool(self.addition_phrases.search(c.text))  # "a second wave of", "newly deployed"

    def _running_total(self, c: Clause, measure: str | None, own_time: TimeRef | None) -> bool:
        return bool(self.total_phrases.search(c.text))  # "so far", "the toll", "since October": a running count

    def _period(self, c: Clause, measure: str | None, own_time: TimeRef | None) -> bool:
        if any(p.search(text) for p in self.period_res for text in (c.text, c.joined_text())):
            return True  # "in the past week", "within three days", "50 killed and 47 injured within three days"
        if measure in self.event_measures and any(p.search(c.text) for p in self.month_periods):
            return True  # "were killed in March": the dead of that month (a stock "deployed in October" is no stretch)
        if own_time is not None and own_time.date and not self.as_of_leads.match(own_time.text):
            # "were killed on Monday", "were deployed in January": what happened then; "have been killed" is a total
            return not c.perfect(self.perfect_aux)
        return False

    def _incident(self, c: Clause, measure: str | None, own_time: TimeRef | None) -> bool:
        if any(self.event_nouns.search(t) for t in (c.text, c.joined_text())) or (
                c.event_noun is not None and self.event_nouns.search(c.event_noun.text)):
            return True  # "the raid killed 12", "strikes that killed 57", "two killed and 16 hurt in the strike"
        # "killed three soldiers": one act, unless perfect ("have killed") or passive ("were killed")
        return measure in self.incident_measures and c.verb.lemma_.lower() in self.incident_verbs \
            and c.figure_is_object() and not c.passive() and (
            (c.verb.tag_ == "VBD" and not c.perfect(self.perfect_aux))
            or (c.perfect(self.reported_past_aux) and c.verb.dep_ == "ccomp" and c.verb.head.tag_ in PAST_TAGS))
        # "stated that they had killed three soldiers": the simple past of reported speech

    RULES: tuple[tuple[str, Callable[..., bool]], ...] = (
        ("part", _part),
        ("addition", _addition),
        ("incident", _incident_toll),
        ("total", _running_total),
        ("period", _period),
        ("incident", _incident),
    )


class Clause:
    """The figure's clause: its verb and the words that hang on it, leaving out the clauses embedded in it."""

    def __init__(self, span: Span, anchor: Token, path: list[Token], tokens: list[Token]) -> None:
        self.span = span
        self.anchor = anchor
        self.path = path  # the figure's token up to the clause's verb
        self.verb = path[-1]
        self.tokens = tokens
        self.text = " ".join(t.text for t in tokens)
        # "strikes that have killed 57": the noun a relative or participle clause modifies
        self.event_noun = self.verb.head if self.verb.dep_ in NOUN_CLAUSE_DEPS else None
        self._joined: str | None = None

    @classmethod
    def of(cls, span: Span, anchor: Token) -> Clause:
        doc = span.doc
        if not doc.has_annotation("DEP"):  # no parse: the sentence is the clause
            sent = span.sent
            return cls(span, anchor, [anchor], list(sent))
        path = clause_path(anchor)
        verb = path[-1]
        return cls(span, anchor, path, list(_clause_words(verb, path)))

    def words_before(self) -> list[Token]:
        """The words just before the figure that belong to its noun phrase ("[an additional] 2,000 troops")."""
        span = self.span
        mine = {*range(span.start, span.end), self.anchor.i, self.anchor.head.i}
        start = max(span.sent.start, span.start - ADDITION_REACH)
        words = span.doc[start:span.start]
        if not span.doc.has_annotation("DEP"):
            return list(words)
        return [t for t in words if t.head.i in mine]

    def noun_words(self) -> list[Token]:
        """The words between the figure and the noun it counts: '3,000 [more] troops'."""
        head = self.anchor.head if self.anchor.dep_ == "nummod" else self.anchor
        return [t for t in self.span.doc[self.span.end:head.i]] if head.i > self.span.end - 1 else []

    def joined_text(self) -> str:
        """The words of verbs joined to the clause's verb ("killed and 47 [injured within three days]")."""
        if self._joined is None:  # several rules ask: built once
            verb = self.verb
            joined = [t for t in verb.children if t.dep_ == "conj"]
            if verb.dep_ == "conj":
                joined.append(verb.head)
            mine = {t.i for t in self.tokens}
            self._joined = " ".join(t.text for j in joined for t in j.subtree if t.i not in mine)
        return self._joined

    def has_subject(self) -> bool:
        return any(t.dep_ in SUBJECT_DEPS for t in self.verb.children)

    def perfect(self, aux: set[str]) -> bool:
        return any(t.dep_ == "aux" and t.lower_ in aux for t in self.verb.children)

    def passive(self) -> bool:
        return any(t.dep_ in PASSIVE_DEPS for t in self.verb.children)

    def figure_is_object(self) -> bool:
        """The figure, or the noun it counts, is the verb's object: 'killed [three soldiers]'."""
        return any(t.dep_ in OBJECT_DEPS and t.head == self.verb for t in self.path)


def _clause_words(tok: Token, path: list[Token]) -> Iterator[Token]:
    """The words of `tok`'s subtree, in `Token.subtree` order, that belong to its clause: no other clause's verb stands
    between them and it (a subtree under such a verb is left whole, not walked token by token).

    A participle on the figure's own noun ("troops sent in January") and a verb that shares
    the figure's subject ("were killed or injured over the weekend") are part of its clause.
    """
    for child in tok.lefts:
        if not clause_boundary(child, path):
            yield from _clause_words(child, path)
    yield tok
    for child in tok.rights:
        if not clause_boundary(child, path):
            yield from _clause_words(child, path)


PLACE_REACH = 60  # characters after the figure in which "in the capital" says where it was counted
NAMED_PLACE_RE = re.compile(r"\b(?:in|at)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")  # "in South Carolina"


class PlaceReader:
    """A place narrower than the story a figure names just after it ("40 killed in the capital")."""

    def __init__(self, lexicons: str | Path | None = None, *, data: dict | None = None, times: dict | None = None) -> None:
        lex = data if data is not None else load_lexicon(LEXICON, lexicons)
        times = times if times is not None else load_lexicon("times.json", lexicons)
        # "killed in March alone", "died in Monday's strike": a month or a day is the figure's time, never a place
        self.time_words = {w.lower() for w in (*times["month_names"], *times["weekday_names"])}
        nouns = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex["place_nouns"], key=len, reverse=True))
        # "in the capital", "at the field hospital", "in the country's capital", "in the port city alone"
        units = "|".join(re.escape(w) for w in sorted(lex["unit_places"], key=len, reverse=True))
        det = "(?:" + "|".join(re.escape(w) for w in sorted(lex["place_determiners"], key=len, reverse=True)) + ")"
        # a determiner, or a name's possessive ("in Assad's prisons", "at Nasser's hospital")
        owner = rf"(?:{det}|(?-i:[A-Z])[\w-]*['’]s)"
        self.place_re = re.compile(rf"\b(?:in|at)\s+(?:(?P<place>{owner}\s+(?:[\w-]+['’]s?\s+)?(?:{nouns})s?)\b"
                                   rf"|(?P<alone>(?:{det}\s+)?(?:[\w-]+\s+){{1,2}}?)alone\b"
                                   rf"|(?P<unit>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s+(?:{units})\b"
                                   rf"|{det}\s+(?:{units})\s+of\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*))", re.I)

    def place_of(self, after_figure: str) -> str | None:
        """The place phrase ("the capital") in the words just after a figure, or None; a new sentence ends the search."""
        text = re.split(r"[.;:!?]\s", after_figure[:PLACE_REACH], maxsplit=1)[0]
        m = self.place_re.search(text)
        if m is None:
            return None
        place = " ".join((m["place"] or m["alone"] or m["unit"]).split()).lower()
        return None if self._a_time(place) else place

    def _a_time(self, place: str) -> bool:
        """The place phrase names a month or a weekday ("march", "monday's"), not a place."""
        return any(re.split(r"['’]", w)[0] in self.time_words for w in place.split())

    def named_after(self, after_figure: str) -> str | None:
        """The capitalised name a figure's next words put it in or at ("49 in South Carolina"), or None."""
        text = re.split(r"[.;:!?]\s", after_figure[:PLACE_REACH], maxsplit=1)[0]
        m = NAMED_PLACE_RE.search(text)
        return m["name"] if m and not self._a_time(m["name"].lower()) else None
