"""English number words read as one value: 'twenty-five', 'one hundred and five', 'sixty million', 'two dozen'.

A small state machine: what may follow a word depends on the kind of the word before it
(`Kind`), and the table `FOLLOWS` says which kinds may follow which. The words themselves are
the lexicon's (`lexicons/numbers.json`: ones, tens, hundred, scales, dozen).
"""

from __future__ import annotations

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

    def read(self, doc: Doc, i: int, start_value: float = 0.0) -> WordNumber | None:
        """The number the words from token i spell; `start_value` 1 for 'a hundred', 'a dozen'."""
        total, current, scale = 0.0, start_value, 1.0
        j, last, seen = i, None, False
        while j < len(doc):
            if self._joins(doc, j, last):  # "twenty-five", "hundred and five"
                last = Kind.AND if doc[j].lower_ in self.and_words else last
                j += 1
                continue
            low = doc[j].lower_
            kind = self._kind(low, last, seen, start_value)
            if kind is None:
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
        if not seen:
            return None
        scaled = last is Kind.SCALE
        return WordNumber(j, total + current, scaled, scale if scaled else 1.0)

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
        """A hyphen inside 'twenty-five', or 'and' between 'hundred' and what it adds."""
        nxt = doc[j + 1].lower_ if j + 1 < len(doc) else ""
        if doc[j].text == "-" and last is Kind.TENS and not doc[j - 1].whitespace_:
            return nxt in self.ones
        return doc[j].lower_ in self.and_words and last in FOLLOWS[Kind.AND] and (nxt in self.ones or nxt in self.tens)
