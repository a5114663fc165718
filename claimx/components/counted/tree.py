"""Walks of the parse that need no lexicon: anchors, phrase ends, governors, antecedents."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .base import (
    NOUNS,
)

PLURAL_TAGS = ("NNS", "NNPS")  # "cases, three of them fatal": what a partitive pronoun can stand for


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


def phrase_at(tok: Token, phrases: list[str]) -> bool:
    """One of `phrases` (lower-cased words) starts at this token."""
    doc = tok.doc
    for phrase in phrases:
        words = phrase.split()
        if tok.i + len(words) <= len(doc) and all(doc[tok.i + k].lower_ == w for k, w in enumerate(words)):
            return True
    return False


def coordination_end(noun: Token) -> int | None:
    """The index of the last noun coordinated with `noun` ('soldiers and three policemen'), if any."""
    conj = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in NOUNS]
    if not conj:
        return None
    last = conj[-1]
    return coordination_end(last) or last.i


def nominal(tok: Token) -> bool:
    """A noun, or a word the small model tags otherwise after a determiner or adjective ('the dry well')."""
    if tok.pos_ in NOUNS:
        return True
    doc = tok.doc
    return tok.pos_ == "ADV" and tok.i > 0 and doc[tok.i - 1].pos_ in ("DET", "ADJ")


def governor(tok: Token) -> tuple[str, str]:
    """How a figure or its noun hangs in its clause: (preposition or relation, governing lemma)."""
    if tok.dep_ == "pobj":
        return (tok.head.lower_, tok.head.head.lemma_.lower())
    return (tok.dep_, tok.head.lemma_.lower())


def antecedent(pronoun: Token) -> Token | None:
    """The noun a relative clause hangs on: '25 defendants, five of whom ...' -> defendants."""
    for tok in [pronoun, *pronoun.ancestors]:
        if tok.dep_ == "relcl":
            return tok.head if tok.head.pos_ in NOUNS else None
    return None


def hyphen_modified(span: Span) -> Token | None:
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


def pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    return None


def partitive_antecedent(span: Span) -> Token | None:
    """'57 cholera cases had been recorded at two sites, three of them fatal': the counted plural noun (one with a number
    of its own) nearest before the figure in its sentence, which the pronoun of its 'of' phrase stands for."""
    return next((t for t in reversed(span.doc[span.sent.start:span.start]) if t.tag_ in PLURAL_TAGS
                 and any(c.dep_ == "nummod" for c in t.children)), None)
