"""What stretch a figure counts: a running total, an addition, a period or one incident.

`compare` sets totals against totals only: a three-day count, one raid's dead or
"another 1,500 troops" says nothing against a running total. The scope is read from
the figure's own clause (its verb and the words that hang on it, not the clauses
embedded in it), first that applies:

* **addition**: "another 1,500", "3,000 more troops", "a second wave of", "newly deployed";
* **total**: a running-count word ("so far", "the toll", "since October") wins over a period;
* **period**: a stated stretch ("in the past week", "within three days", "over the weekend",
  "in April alone"), or an own time with a verb that is not perfect ("were killed on Monday",
  "were deployed in January": what happened then; "by Monday" and "have been killed" are totals);
* **incident**: an event noun ("the raid killed 12", "killed in an air strike"), or a simple
  past with the figure as object ("killed three soldiers");
* else **total**.

The words live in `lexicons/scope.json`; this module holds the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Span, Token

from ..data import load_lexicon
from ..model import TimeRef
from ..read.timex import clause_boundary, clause_path

LEXICON = "scope.json"
ADDITION_REACH = 3  # words before the figure where "another", "an additional" may stand
OBJECT_DEPS = frozenset({"dobj", "obj"})
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})
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

    def scope_of(self, span: Span, anchor: Token, measure: str | None, own_time: TimeRef | None = None) -> str:
        """'total', 'addition', 'period' or 'incident' for the figure `span` (see the module docstring)."""
        clause = Clause.of(span, anchor)
        for scope, rule in self.RULES:
            if rule(self, clause, measure, own_time):
                return scope
        return "total"

    # -- the rules, in order: the first that holds names the scope ----------------------
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
        if any(p.search(c.text) for p in self.period_res):
            return True  # "in the past week", "within three days", "over the weekend"
        if own_time is not None and own_time.date and not self.as_of_leads.match(own_time.text):
            # "were killed on Monday", "were deployed in January": what happened then; "have been killed" is a total
            return not c.perfect(self.perfect_aux)
        return False

    def _incident(self, c: Clause, measure: str | None, own_time: TimeRef | None) -> bool:
        if self.event_nouns.search(c.text) or (c.event_noun is not None and self.event_nouns.search(c.event_noun.text)):
            return True  # "the raid killed 12", "strikes that killed 57", "killed in an air strike"
        # "killed three soldiers": one act, unless perfect ("have killed") or passive ("were killed")
        return measure in self.incident_measures and c.figure_is_object() and c.verb.tag_ == "VBD" \
            and not c.perfect(self.perfect_aux) and not c.passive()

    RULES: tuple[tuple[str, Callable[..., bool]], ...] = (
        ("addition", _addition),
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

    @classmethod
    def of(cls, span: Span, anchor: Token) -> Clause:
        doc = span.doc
        if not doc.has_annotation("DEP"):  # no parse: the sentence is the clause
            sent = span.sent
            return cls(span, anchor, [anchor], list(sent))
        path = clause_path(anchor)
        verb = path[-1]
        tokens = [t for t in verb.subtree if _in_clause(t, verb, path)]
        return cls(span, anchor, path, tokens)

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

    def perfect(self, aux: set[str]) -> bool:
        return any(t.dep_ == "aux" and t.lower_ in aux for t in self.verb.children)

    def passive(self) -> bool:
        return any(t.dep_ in PASSIVE_DEPS for t in self.verb.children)

    def figure_is_object(self) -> bool:
        """The figure, or the noun it counts, is the verb's object: 'killed [three soldiers]'."""
        return any(t.dep_ in OBJECT_DEPS and t.head == self.verb for t in self.path)


def _in_clause(tok: Token, verb: Token, path: list[Token]) -> bool:
    """`tok` belongs to the clause of `verb`: no other clause's verb stands between them.

    A participle on the figure's own noun ("troops sent in January") and a verb that shares
    the figure's subject ("were killed or injured over the weekend") are part of its clause.
    """
    while tok != verb:
        if clause_boundary(tok, path):
            return False
        tok = tok.head
    return True
