"""What every part of the attribution component shares: its windows and parse-label sets, and the records of one search."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

NOUNS = ("NOUN", "PROPN")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NEVER_SPEAKER_ENTS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
DASHES = ("\u2014", "\u2013", "-", "--")
DATELINE_WORDS = 8  # a dateline ("SAN JOSE, Costa Rica —") is a few words before a dash at a paragraph's start
REPORTED_CLAUSE_DEPS = ("ccomp", "conj")  # how a reported clause hangs on the verb that reports it
QUOTE_PARAGRAPHS_BACK = 4  # paragraphs a running quotation is followed back (or on) over to its speaker (reach.py)
# "— Jayson Stark (@jaysonst) November 3, 2016" closing a paragraph: an embedded post's author, handle and date
SIGNATURE_RE = re.compile(r"[\u2014\u2013-]\s*([^()\n\u2014]{2,60}?)\s*\(@\w+\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}[ \t]*$", re.M)
LABEL_WORDS = 8  # "Jane Roe, The Daily Planet:": a speaker's label is a few words before a colon
QUOTE_MARKS = ('"', "\u201c", "\u201d", "''", "``", "\u2018", "\u2019", "'")
SPEAKER_PHRASE_WORDS = 15  # "In St. Petersburg, Florida, Rabbi Jane Roe of Temple Beth Israel said": words read back
PRONOUN_SENTENCES = 2  # "Ayla Demir gave a different picture. ... she said": sentences back a subject may stand (reach.py)
MAX_CLIMB = 12  # steps from the figure up to the verb that reports it
OWNER_STEPS = 4  # "a statement [issued] [by] [the NIS]": from the owner up to its document
# "National Intelligence Service (NIS)": a capitalised name, then its acronym in brackets
_NAME_WORD = r"[A-Z][\w'’.&-]*"
_GAP = r"[ \t]"  # spaces and tabs only: a name never runs over a line break, so a headline and a byline are not part of it
ACRONYM_RE = re.compile(rf"((?:{_NAME_WORD}{_GAP}+)(?:(?:of|for|and|the|on|{_NAME_WORD}){_GAP}+){{0,6}}{_NAME_WORD})"
                        rf"{_GAP}*\(([A-Z][A-Z0-9&]{{1,7}})\)")



@dataclass
class Ctx:
    """What every source strategy reads about one figure."""

    span: Span
    anchor: Token  # the figure's syntactic anchor
    sent: Span
    inside: set[int]  # token indices of the figure
    region: tuple[int, int] | None  # the direct quotation the figure stands in
    quotes: list[tuple[int, int]]
    phrases: list[tuple[Span, str]]
    text: str = ""  # doc.text, which spaCy builds anew on every access: built once per document


@dataclass
class Found:
    source: Token | None  # head token of the source mention
    cue: Span | None
    stance: str
    source_span: Span | None = None

