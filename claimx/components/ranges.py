"""Ranges a figure's number opens ("between 1,000 and 3,000", "two or three", "7-8,000"), and changes that are no
ranges ("closed up $2.80 to $51.15"): mixed into `FigureFinder`, reading its number and unit readers."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Candidate, Number
from .nonfigures import HYPHENS

# "two or three", "six or 10": the second end of an "or" range is at most this many times the first
OR_RANGE_RATIO = 2.0
# bound words that make "X or Y" two bounded guesses rather than a range ("closer to 80,000 or 100,000")
ALTERNATIVE_BOUNDS = ("approx", "min", "max")
# "closed up $2.80 to $51.15": after a change verb, a level this many times the change is a new level
CHANGE_LEVEL_RATIO = 3.0
# how many words before a figure its change verb may stand ("dropped more than $9 billion")
CHANGE_VERB_WINDOW = 3


class RangeRules:
    """The range and change rules of `FigureFinder` (reads its `reader`, `units`, `change_verbs`, `range_words` and `or_range`)."""

    def range_end(self, doc: Doc, cand: Candidate, openers: dict[int, tuple[int, str]], sent_end: int,
                   prefixes: dict[int, tuple[int, str]] | None = None) -> tuple[Number, str | None] | bool | None:
        """The second number of a range, None when there is none, False when 'X-Y' is no range."""
        num = cand.num
        if num.end >= sent_end - 1 or num.vague:
            return None
        opener = openers.get(cand.start)
        found = self._range_separator(doc, num, opener, sent_end)
        if found is None:
            return None
        j, kind, first_unit = found
        if opener and opener[1] == "from" and self._is_change(doc, opener[0]):
            return None  # "rose from 300 to 600": two figures, not one range
        read = self._range_other(doc, _past_bound_word(j + (kind != "minus"), kind, prefixes, sent_end), sent_end)
        if read is None:
            return None
        other, cur = read
        if kind == "minus":
            other.value = -other.value  # "75 -300mm": a dash, not a minus
        tight = kind == "tight"
        if tight and num.value >= other.value and not (other.scaled and not num.scaled):
            return False
        if tight and _looks_like_phone(doc[num.start].text, doc[other.start].text):
            return False
        if not self._ends_ascend(num, other):
            return None
        if kind == "or" and not (opener and opener[1] == "between") \
                and (other.value > OR_RANGE_RATIO * num.value or _bounded_alternatives(cand, prefixes)):
            return None  # "two or three" is a range; "5 or 50" and "closer to 80,000 or 100,000" are two guesses
        if first_unit is not None:
            second_unit = self.units.after(doc, other.end, sent_end)
            if second_unit is None or second_unit.unit != first_unit:
                return None  # "rose 10% to 1,100": a share and a count, not one range
        if kind == "to" and (first_unit or cur or num.unit_text) and self._change_and_level(doc, cand, num, other):
            return None  # "closed up $2.80 to $51.15": a change and the new level
        if kind in ("tight", "dash"):
            self._carry_digits(doc, num, other)
        if opener and opener[1] == "between":
            cand.start = opener[0]
        return other, cur

    def _range_separator(self, doc: Doc, num: Number, opener: tuple[int, str] | None,
                         sent_end: int) -> tuple[int, str, str | None] | None:
        """(index of the word or dash between two ends, its kind, the unit written after the first end)."""
        j, first_unit = num.end, None
        sep = doc[j]
        if sep.text not in HYPHENS and sep.lower_ not in ("to", "and") and not num.unit_text:
            unit = self.units.after(doc, j, sent_end)  # "7% and 9%", "5 km to 10 km": the unit comes twice
            if unit is not None and unit.end < sent_end - 1:
                j, first_unit = max(unit.end, j), unit.unit
                sep = doc[j] if unit.end > num.end else sep
        glued_before = not doc[j - 1].whitespace_
        if sep.text in HYPHENS and glued_before and sep.whitespace_ and j + 1 < sent_end \
                and doc[j + 1].lower_ in self.range_words:
            j, sep = j + 1, doc[j + 1]  # "8- to 16-meter": the first end's unit is left to the second
        if sep.text in HYPHENS:
            return j, "tight" if glued_before and not sep.whitespace_ else "dash", first_unit
        if sep.lower_ == "to":
            return j, "to", first_unit
        if sep.lower_ == "and" and opener and opener[1] == "between":
            return j, "and", first_unit
        if sep.lower_ in self.or_range:
            return j, "or", first_unit
        if sep.text[:1] in HYPHENS and sep.text[1:2].isdigit() and doc[j - 1].whitespace_ and num.value >= 0:
            return j, "minus", first_unit  # "75 -300mm"
        return None

    def _range_other(self, doc: Doc, k: int, sent_end: int) -> tuple[Number, str | None] | None:
        """The second end read at k, with the currency written before it ('$3 billion to $5 billion')."""
        if k >= sent_end:
            return None
        cur = self.units.currency_before(doc, k + 1) \
            if k + 1 < len(doc) and self.units.currency_symbol(doc[k].text) else None
        if cur:
            k += 1
        other = self.reader.read(doc, k, currency=cur[0] if cur else None)
        if other is None or other.vague:
            return None
        return self.reader.fraction_with_numerator(doc, other), (cur[0] if cur else None)

    def alternative(self, doc: Doc, first: Candidate | None, cand: Candidate) -> bool:
        """The second of 'X or Y' right after a bounded first, nothing but 'or' between ('about 200 or 300'): it shares
        the first's bound, a hedge included (`_bounded_alternatives` kept them two figures)."""
        return first is not None and first.bound in ALTERNATIVE_BOUNDS and cand.bound == "exact" \
            and cand.start == cand.num.start and first.end == cand.start - 1 and first.unit == cand.unit \
            and doc[first.end].lower_ in self.or_range

    @staticmethod
    def _ends_ascend(num: Number, other: Number) -> bool:
        """The second end is the larger ('1,000 to 3,000'); below zero either way ('-18 °C to -34 °C')."""
        if num.value < 0 and other.value < 0:
            return num.value != other.value
        return num.value < other.value or (other.scaled and not num.scaled)

    def _change_and_level(self, doc: Doc, cand: Candidate, num: Number, other: Number) -> bool:
        """After a change verb, 'X to Y' with the unit written twice and Y far above X is a change and a level."""
        if other.value < CHANGE_LEVEL_RATIO * abs(num.value):
            return False  # "grew 5% to 7%": a range of growth
        for k in range(cand.start - 1, max(-1, cand.start - 1 - CHANGE_VERB_WINDOW), -1):
            if doc[k].lemma_.lower() in self.change_verbs or doc[k].lower_ in self.change_verbs:
                return True
            if doc[k].is_punct or doc[k].like_num:
                return False
        return False

    @staticmethod
    def _carry_digits(doc: Doc, num: Number, other: Number) -> None:
        """'7-8,000 fans': the thousands written on the second end carry to the first (7,000 to 8,000)."""
        first, second = doc[num.start].text, doc[other.start].text
        groups = second.split(",")
        if not (first.isdigit() and len(groups) > 1 and all(len(g) == 3 and g.isdigit() for g in groups[1:])):
            return
        lead = groups[0]
        if lead.isdigit() and len(first) <= len(lead) and int(first) < int(lead) and not (num.scaled or other.scaled):
            other.scale, other.scaled = 1000.0 ** (len(groups) - 1), True  # the first end is scaled by the range

    def _is_change(self, doc: Doc, from_i: int) -> bool:
        head = doc[from_i].head
        return head.lemma_.lower() in self.change_verbs or head.lower_ in self.change_verbs


def _past_bound_word(k: int, kind: str, prefixes: dict[int, tuple[int, str]] | None, sent_end: int) -> int:
    """Where the second end of 'between X and Y' starts: after a bound word at k ('between 385,000 and over 600,000'),
    which the range takes as its own."""
    if kind != "and" or not prefixes:
        return k
    return next((e for e, (s, _) in prefixes.items() if s == k and e < sent_end), k)


def _bounded_alternatives(cand: Candidate, prefixes: dict[int, tuple[int, str]] | None) -> bool:
    """'about 200 or 300', 'up to 5,000 or 6,000': a bound word before 'X or Y' makes them two guesses, each bounded
    (GUIDELINES: a bound word before coordinated figures bounds each); a bare 'two or three' is one range."""
    pre = prefixes.get(cand.start) if prefixes else None
    return pre is not None and pre[1] in ALTERNATIVE_BOUNDS


def _looks_like_phone(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and len(a) == 3 and len(b) == 4


def set_range(cand: Candidate, other: Number) -> None:
    """The figure becomes the range from its number to `other`; '7-8,000': the second end's scale carries to the first."""
    num = cand.num
    low, high = num.value, other.value
    if not num.scaled and other.scaled and low < high and low * other.scale <= high:
        low *= other.scale
    cand.low, cand.high, cand.bound = min(low, high), max(low, high), "range"
    cand.end = other.end
