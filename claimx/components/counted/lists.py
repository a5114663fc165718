"""A list's count takes the list's measure: 'released a list of 385 people unaccounted for' (missing) gives the later
'the list of 388', 'the first list had 388 names' and 'leaving the total at 385' (of the list) the same measure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token


@dataclass(frozen=True)
class ListWords:
    """The words of a list: the nouns that name one, what it holds, and the prepositions that give a count its value."""

    lists: frozenset[str]  # list, roster, manifest
    entries: frozenset[str]  # names, entries: what a list holds
    tallies: frozenset[str]  # total, number: a count the clause gives a value
    value_preps: frozenset[str]  # "leaving the total at 385"


def _is_list(tok: Token, words: ListWords) -> bool:
    return tok.lemma_.lower() in words.lists or tok.lower_ in words.lists


def _of_a_list(tok: Token, words: ListWords) -> bool:
    """'the list of 388', 'a list of 385 people': the word is the 'of' object of a list noun."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_list(tok.head.head, words)


def _names_a_list(span: Span, words: ListWords) -> bool:
    """A list noun stands in the figure's sentence ('the first list ... had 388 names')."""
    return any(_is_list(t, words) for t in span.sent)


def _entries_of_a_list(noun: Token | None, span: Span, words: ListWords) -> bool:
    """'the list had 388 names': the figure's own noun is what a list holds, and a list is named in the sentence."""
    return noun is not None and noun.lemma_.lower() in words.entries and _names_a_list(span, words)


def _list_total(anchor: Token, span: Span, words: ListWords) -> bool:
    """'other missing people were added to the list, leaving the total at 385': the figure is the value a verb gives
    a tally (its object or subject), in a sentence about a list."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in words.value_preps:
        return False
    verb = anchor.head.head
    tally = any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in words.tallies for c in verb.children)
    return tally and _names_a_list(span, words)


def counts_a_list(span: Span, anchor: Token, noun: Token | None, words: ListWords) -> bool:
    """The figure counts what a list holds, by one of the three ways a list's count is said."""
    return _of_a_list(noun if noun is not None else anchor, words) or _of_a_list(anchor, words) \
        or _entries_of_a_list(noun, span, words) or _list_total(anchor, span, words)


def list_measures(items: list[tuple[Span, Token, Token | None]], words: ListWords,
                  held: Callable[[Span], str | None]) -> None:
    """Give each unmeasured figure that counts a list the measure of the nearest list count measured before it, else
    the measure of whom its sentence says the list holds (`held`: 'documenting missing people, compiling a list that
    now includes 1,412 names')."""
    last: str | None = None
    for span, anchor, noun in items:
        if not counts_a_list(span, anchor, noun, words):
            continue
        if span._.measure is not None:
            last = span._.measure  # "an updated list of 385 people unaccounted for": the list of the missing
        else:
            span._.measure = last if last is not None else held(span)
