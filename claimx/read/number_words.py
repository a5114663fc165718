"""English number words read as one value: 'twenty-five', 'one hundred and five', 'sixty million', 'two dozen'.

A small state machine: what may follow a word depends on the kind of the word before it
(`Kind`), and the table `FOLLOWS` says which kinds may follow which. The words themselves are
the lexicon's (`lexicons/numbers.json`: ones, tens, hundred, scales, dozen).
"""

from __future__ import annotations

import re
from enum import Enum, auto
from typing import Any, NamedTuple

from spacy.tokens import Doc


class Kind(Enum):
    """What kind of number word was read last."""

    ONES = auto()
    TENS = auto()
    HUNDRED = auto()
    SCALE = auto()
    DOZEN = auto()
    AND = auto()


# the kinds a word may follow (None: the first word of the number)
FOLLOWS: dict[Kind, tuple[Kind | None, ...]] = {
    Kind.ONES: (None, Kind.TENS, Kind.HUNDRED, Kind.SCALE, Kind.AND),  # "five", "twenty five", "hundred and five"
    Kind.TENS: (None, Kind.HUNDRED, Kind.SCALE, Kind.AND),  # "one hundred twenty"
    Kind.HUNDRED: (None, Kind.ONES, Kind.TENS),  # "five hundred", "twenty hundred"
    Kind.SCALE: (Kind.ONES, Kind.TENS, Kind.HUNDRED, None),  # "sixty million"
    Kind.DOZEN: (Kind.ONES, Kind.TENS, None),  # "two dozen"
    Kind.AND: (Kind.HUNDRED, Kind.SCALE),  # "one hundred and five"
}


# hyphens that join number words inside one number ("twenty-five", "five-thousand")
WORD_HYPHENS = frozenset({"-", "–"})
# "thousand-300": a scale word and the digits it adds, kept as one token by the tokenizer
SCALE_DIGITS_RE = re.compile(r"^(?P<word>[a-z]+)[-–](?P<digits>\d{1,3})$")


class WordNumber(NamedTuple):
    end: int  # token index after the last word
    value: float
    scaled: bool  # it ends in a scale word ("sixty million")
    scale: float  # that word's factor, else 1


class WordNumberReader:
    """Reads a run of English number words from the lexicon's word tables."""

    def __init__(self, lexicon: dict[str, Any]) -> None:
        self.ones: dict[str, float] = lexicon["ones"]
        self.tens: dict[str, float] = lexicon["tens"]
        self.hundred: dict[str, float] = lexicon["hundred"]
        self.scales: dict[str, float] = lexicon["scales"]
        self.dozen: dict[str, float] = lexicon["dozen"]
        self.and_words = set(lexicon.get("and_words", []))
        self.word_suffix_units: list[str] = lexicon.get("word_suffix_units", [])

    def read(self, doc: Doc, i: int, start_value: float = 0.0) -> WordNumber | None:
        """The number the words from token i spell; `start_value` 1 for 'a hundred', 'a dozen'."""
        total, current, scale = 0.0, start_value, 1.0
        j, last, seen = i, None, False
        while j < len(doc):
            if self._joins(doc, j, last):  # "twenty-five", "hundred and five"
                last = Kind.AND if doc[j].lower_ in self.and_words else last
                j += 1
                continue
            tail = SCALE_DIGITS_RE.match(doc[j].lower_)  # "thousand-300": one token
            low = tail.group("word") if tail else doc[j].lower_
            kind = self._kind(low, last, seen, start_value)
            if kind is None or (tail is not None and not self._adds_below(kind, low, int(tail.group("digits")))):
                break
            if kind is Kind.ONES:
                current += self.ones[low]
            elif kind is Kind.TENS:
                current += self.tens[low]
            elif kind is Kind.HUNDRED:
                current = (current or 1) * self.hundred[low]
            elif kind is Kind.SCALE:
                total, scale, current = total + (current or 1) * self.scales[low], self.scales[low], 0.0
            else:
                current = (current or 1) * self.dozen[low]
            last, seen, j = kind, True, j + 1
            if tail is not None:  # "two-thousand-300": the digits end the number
                current, last = current + int(tail.group("digits")), Kind.ONES
                break
        if not seen:
            return None
        scaled = last is Kind.SCALE
        return WordNumber(j, total + current, scaled, scale if scaled else 1.0)

    def is_scale_word(self, low: str) -> bool:
        """'thousand', 'million' (not the letters 'bn', 'mn' that are glued to digits)."""
        return low in self.scales and low.isalpha() and len(low) > 2

    def _adds_below(self, kind: Kind, low: str, digits: int) -> bool:
        """'thousand-300', 'hundred-50': digits after a hundred or a scale add less than it."""
        if kind is Kind.HUNDRED:
            return digits < self.hundred[low]
        return kind is Kind.SCALE and digits < self.scales[low]

    def _scale_digits(self, low: str) -> bool:
        """'thousand-300': a scale word with the digits it adds in one token."""
        m = SCALE_DIGITS_RE.match(low)
        return m is not None and (m.group("word") in self.hundred or self.is_scale_word(m.group("word")))

    def _kind(self, low: str, last: Kind | None, seen: bool, start_value: float) -> Kind | None:
        """The kind of number word `low` is here, or None where the number ends."""
        if low in self.ones and last in FOLLOWS[Kind.ONES] and not (last is Kind.TENS and self.ones[low] >= 10):
            return Kind.ONES  # not "twenty twelve"
        if low in self.tens and last in FOLLOWS[Kind.TENS]:
            return Kind.TENS
        if low in self.hundred and last in FOLLOWS[Kind.HUNDRED] and not (start_value == 0 and last is None):
            return Kind.HUNDRED  # a bare "hundred" is read by the article reader ("a hundred")
        if low in self.scales and low.isalpha() and (
                (len(low) > 2 and last in FOLLOWS[Kind.SCALE] and seen) or (start_value and last is None)):
            return Kind.SCALE  # "sixty million" (not "five bn", which the digit reader glues)
        if low in self.dozen and last in FOLLOWS[Kind.DOZEN] and (seen or start_value):
            return Kind.DOZEN
        return None

    def _joins(self, doc: Doc, j: int, last: Kind | None) -> bool:
        """A hyphen inside 'twenty-five' or 'five-thousand', or 'and' between 'hundred' and what it adds."""
        nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
        if doc[j].text in WORD_HYPHENS:
            if doc[j - 1].whitespace_ or doc[j].whitespace_ or last is None:
                return False  # "five - six": a dash between two numbers
            if last is Kind.TENS and nxt in self.ones:
                return True  # "twenty-five"
            scale_word = nxt in self.hundred or self.is_scale_word(nxt) or self._scale_digits(nxt)
            return (last in (Kind.ONES, Kind.TENS) and scale_word) \
                or (last in (Kind.HUNDRED, Kind.SCALE) and (nxt in self.ones or nxt in self.tens))
        return doc[j].lower_ in self.and_words and last in FOLLOWS[Kind.AND] and (nxt in self.ones or nxt in self.tens)

    # -- what numbers.py asks of the words around digits --------------------------------
    def with_unit(self, low: str) -> tuple[float, str] | None:
        """(value, unit) of a number word with its unit glued on: 'sixfold', 'tenfold', 'hundredfold'."""
        for unit in self.word_suffix_units:
            stem = low.removesuffix(unit)
            if stem != low and stem.isalpha():
                value = self.ones.get(stem) or self.tens.get(stem) or self.hundred.get(stem) or self.scales.get(stem)
                if value:
                    return float(value), unit
        return None

    def hyphen_scale(self, doc: Doc, j: int) -> bool:
        """A glued hyphen and a hundred or scale word at j, as Korean wire services write numbers ('20-thousand')."""
        if j + 1 >= len(doc) or doc[j].text not in WORD_HYPHENS or doc[j - 1].whitespace_ or doc[j].whitespace_:
            return False
        nxt = doc[j + 1].lower_
        word = SCALE_DIGITS_RE.match(nxt)
        low = word.group("word") if word else nxt
        return low in self.hundred or self.is_scale_word(low)

    @staticmethod
    def glued_words(doc: Doc, j: int, n: int) -> list[int]:
        """The indexes of up to n words from j, across the glued hyphens of 'two-and-a-half'."""
        found: list[int] = []
        while j < len(doc) and len(found) < n:
            if doc[j].text in WORD_HYPHENS and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
                j += 1
                continue
            found.append(j)
            j += 1
        return found

    def scale_after(self, doc: Doc, j: int) -> tuple[float, int] | None:
        """(factor, end) of a scale word at j, also after a glued hyphen ('half-million', 'a quarter million')."""
        if j + 1 < len(doc) and doc[j].text in WORD_HYPHENS and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
            j += 1
        if j < len(doc) and self.is_scale_word(doc[j].lower_):
            return self.scales[doc[j].lower_], j + 1
        return None
