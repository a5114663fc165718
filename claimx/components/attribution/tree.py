"""Walks of the parse that need no lexicon: datelines, owners of documents, phrase heads."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from .base import (
    DASHES,
    DATELINE_WORDS,
    NOUNS,
    SUBJECT_DEPS,
)


def _dateline_end(tok: Token) -> int | None:
    """The index of the dash that ends the dateline `tok` stands in, if any ('LIMA, Peru —', 'LONDON, July 24 -')."""
    doc = tok.doc
    opening = line_opening(tok, DATELINE_WORDS)
    if opening is None:
        return None  # not at the start of a paragraph
    start = opening.start
    if not (doc[start].text.isupper() and len(doc[start].text) > 1):
        return None  # a dateline opens with the place in capitals
    words = 0  # "AL-MAWASI, Gaza Strip (AP) —": brackets and commas are no words
    for j in range(tok.i, len(doc)):
        if doc[j].text in DASHES and (doc[j].text != "-" or doc[j - 1].whitespace_):
            return j  # a hyphen ends it only when spaced: "AL-MAWASI" is one name
        if not (doc[j].pos_ == "PROPN" or doc[j].is_punct or doc[j].ent_type_ in ("GPE", "ORG", "DATE")):
            return None
        words += not doc[j].is_punct
        if words > DATELINE_WORDS:
            return None
    return None


def line_opening(tok: Token, most: int) -> Span | None:
    """The words from the start of `tok`'s line to `tok`, if `tok` is among the first `most` of them; else None."""
    doc = tok.doc
    start = tok.i
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and tok.i - start < most:
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return None
    return doc[start:tok.i + 1]


def in_dateline(tok: Token) -> bool:
    """Whether `tok` is in the place-name dateline that opens a paragraph."""
    return _dateline_end(tok) is not None


def past_dateline(tok: Token) -> Token | None:
    """A subject read past the dateline the parser took for it: its apposition after the dash, else None."""
    end = _dateline_end(tok)
    if end is None:
        return tok
    after = next((c for c in tok.rights if c.i > end and c.dep_ in ("appos", "conj") and c.pos_ in NOUNS), None)
    return after if after is not None else _first_noun_after(tok.doc, end)


def _first_noun_after(doc, dash: int) -> Token | None:
    """'EL-FASHER, Sudan (AP) — Aid workers in the city say': the parser hung the words after the dash on the
    dateline; the speaker is the head of the first run of nouns after it, read off the words."""
    for j in range(dash + 1, min(len(doc), dash + 1 + DATELINE_WORDS)):
        if doc[j].pos_ in NOUNS and (j + 1 >= len(doc) or doc[j + 1].pos_ not in NOUNS):
            return doc[j]
        if doc[j].is_punct:
            return None
    return None


def _pobj_of(noun: Token, preps: tuple[str, ...]) -> Token | None:
    """The noun governed by one of `preps` after `noun` ('report [by] the NIS')."""
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in NOUNS:
                    return obj
    return None


def by_owner(noun: Token) -> Token | None:
    """'a report by the NIS', 'figures from the ministry'."""
    return _pobj_of(noun, ("by", "from"))


def issued_by_owner(noun: Token) -> Token | None:
    """'a statement issued by the NIS', 'data released by the bureau'."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            owner = _pobj_of(child, ("by",))
            if owner is not None:
                return owner
    for tok in noun.subtree:  # "a count of 41 provided Tuesday by Amman": the parser hung the 'by' elsewhere
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.i > noun.i:
            j = tok.i + 1
            while j < len(tok.doc) and tok.doc[j].ent_type_ in ("DATE", "TIME"):
                j += 1  # "released on Monday by": a time between
            if j < len(tok.doc) and tok.doc[j].lower_ == "by":
                return _first_noun_after(tok.doc, j)
    return None


def of_name_owner(noun: Token) -> Token | None:
    """'findings of the Air Accidents Investigation Branch': a named body's document."""
    obj = _pobj_of(noun, ("of",))
    if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON")):
        return obj
    return None


def of_phrase_by_owner(noun: Token) -> Token | None:
    """'an analysis of filings by the Center for Example': the author hangs on the 'of' phrase."""
    obj = _pobj_of(noun, ("of",))
    return by_owner(obj) if obj is not None else None


def named_child(tok: Token) -> Token | None:
    """The name in apposition to a number or pronoun subject ('One of the men, David Redvers,')."""
    return next((c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def phrase_head(tok: Token, floor: int) -> Token:
    """The noun whose phrase `tok` ends, not before token `floor` ('a source close to the negotiations')."""
    x = tok
    while x.dep_ in ("pobj", "prep", "amod") and x.head != x and x.head.i > floor and x.head.i < x.i:
        x = x.head
    return x if x.pos_ in NOUNS else tok


def semicolon_between(a: Token, b: Token) -> bool:
    """Whether a semicolon parts the clauses of `a` and `b`."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def one(sent: Span, tok: Token) -> Span:
    """The one-token span of `tok` (a cue) within its sentence."""
    return sent[tok.i - sent.start:tok.i - sent.start + 1]


def within(tok: Token, ancestor: Token) -> bool:
    return tok == ancestor or ancestor in tok.ancestors


def verbal(tok: Token) -> bool:
    """A verb, or a word the tagger took for a noun that has a subject and a clause of its own ('documents show he took')."""
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                                            and any(c.dep_ == "ccomp" for c in tok.children))


def hyphened_name(tok: Token) -> bool:
    """'Park Sun-won', 'Kim Jong-un': the last part of a hyphened given name, split off by the tokenizer and read as a
    common word ('won'), glued by its hyphen to a name."""
    doc, i = tok.doc, tok.i
    if not tok.is_alpha or tok.is_stop:
        return False  # "Commander-in-Chief": a compound, not a given name
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
        and (doc[i - 2].pos_ == "PROPN" or doc[i - 2].ent_type_ == "PERSON") and doc[i - 2].is_title


def spelled_alike(words: str) -> str:
    """British and American spellings made one: 'organisation' finds the 'World Health Organization'."""
    return words.replace("isation", "ization").replace("centre", "center")


TIME_ENTS = ("DATE", "TIME")
PLACE_APPOSITIONS = ("GPE", "LOC")  # 'the University of Ghent, Belgium, who said': a place set after a name locates it


def relative_antecedent(pronoun: Token) -> Token | None:
    """'researchers at the University of Ghent, Belgium, who said ...': the noun the words put right before a
    relative pronoun (past its comma), read off the words, as the small parser often hangs the clause on a noun far
    back; a place in apposition gives way to the name it locates, and a name's 'of' part to the name's head."""
    doc = pronoun.doc
    j = pronoun.i - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < pronoun.sent.start or doc[j].pos_ not in NOUNS or doc[j].ent_type_ in TIME_ENTS:
        return None  # "the report in January, which estimated": a time is no antecedent that speaks
    tok = doc[j]
    if tok.dep_ == "appos" and tok.ent_type_ in PLACE_APPOSITIONS and tok.head.i < tok.i:
        tok = tok.head
    name = next((e for e in doc.ents if e.start <= tok.i < e.end and e.label_ not in TIME_ENTS), None)
    if name is not None and name.root.i < tok.i:
        tok = name.root  # 'the Centre for Civilians in Conflict': the Centre
    while tok.dep_ == "pobj" and tok.head.head.pos_ in NOUNS and tok.head.head.i < tok.i and (
            tok.head.lower_ == "of" or tok.ent_type_ in PLACE_APPOSITIONS):
        tok = tok.head.head  # 'the University of Ghent': the University; 'the office in Aleppo': the office
    return tok


def relative_speaker(pronoun: Token, verb: Token, can_speak: Callable[[Token], bool],
                     owner: Callable[[Token], Token | None]) -> Token | None:
    """Who a relative pronoun that is a reporting verb's subject stands for: the noun right before it when that can
    speak and the parser hung the clause on a noun further back or on none ('Numbers ... were estimated by researchers
    at the University of Ghent, Belgium, who said'); else the noun the clause hangs on, past an apposition that cannot
    speak, or the owner of a report ('the NIS's report, which estimated'; 'X, a think tank, which')."""
    before = relative_antecedent(pronoun)
    if before is not None and can_speak(before) and (verb.dep_ != "relcl" or before.i > verb.head.i):
        return before
    if verb.dep_ != "relcl":
        return None
    head = verb.head.head if verb.head.dep_ == "appos" and not can_speak(verb.head) else verb.head
    return owner(head) or head


def speaker_start(subj: Token) -> int:
    """Where the speaker's phrase starts: its left edge, and a determiner or owner the parser hung on the verb instead
    ('the data shows', 'the office's analysis shows')."""
    start = subj.left_edge.i
    while start > 0 and subj.doc[start - 1].pos_ == "DET" and subj.doc[start - 1].head != subj.doc[start - 1]:
        start -= 1
    owner = hung_owner(subj)
    return min(start, owner.left_edge.i) if owner is not None else start


def hung_owner(subj: Token) -> Token | None:
    """'..., the office's analysis shows.': the owner the parser hung on the verb beside its document, just before it."""
    if subj.dep_ != "compound" or subj.head.i <= subj.i:
        return None
    return next((c for c in subj.head.children if c.dep_ == "poss" and c.right_edge.i == subj.left_edge.i - 1), None)


def compound_speaker(verb: Token) -> Token | None:
    """'..., the data shows.': the parser took the document for a compound of the verb, which has no subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return before if before is not None and before.head == verb and before.dep_ == "compound" else None


def two_subjects(verb: Token) -> bool:
    """'X has confirmed 38 deaths, figures MRA says reflect only ...': a verb the parser gave two subjects has taken a
    noun that begins a clause of its own after the one it would report; it does not report that clause."""
    return sum(1 for c in verb.children if c.dep_ == "nsubj") > 1


def consequence_between(left: Token, verb: Token, marks: frozenset[str]) -> bool:
    """'A heatwave killed 61,000, so experts warn ...': a comma and a consequence mark on the verb stand between a
    clause and the verb after it."""
    return any(t.lower_ in marks and t.head == verb and t.doc[t.i - 1].text == "," for t in left.doc[left.i + 1:verb.i])


def number_in_subject(verb: Token) -> bool:
    """'Kyiv says 6,000 and a US official told reporters that ...': the parser made the outer verb's number the inner
    verb's subject, joined to its speaker, so the inner clause is no report of the outer speaker's."""
    return any(c.dep_ in SUBJECT_DEPS and c.pos_ == "NUM" for c in verb.children)


def partitive_relative(clause: Token, pronouns: frozenset[str]) -> bool:
    """'35 drones, of which 28 were shot down', '96 patients, of whom 31 needed surgery': a relative clause whose subject
    is a part 'of which' (or 'of whom') the noun it hangs on, a breakdown of that figure, not a clause about another
    matter."""
    def of_which(tok: Token) -> bool:
        return tok.dep_ == "prep" and tok.lower_ == "of" and any(w.dep_ == "pobj" and w.lower_ in pronouns for w in tok.children)

    # the parser hangs "of which" on the subject or on the verb
    return any(of_which(c) or (c.dep_ in SUBJECT_DEPS and any(of_which(p) for p in c.children)) for c in clause.children)
