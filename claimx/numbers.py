"""Reading the number at a token: digits, word numbers, scale words, fractions.

This module knows only tokens' text and whitespace, never the parse, so it works on
`spacy.blank("en")` docs too. Which numbers are *figures* (not dates, not names) is
decided in `figures.py`; here we only read what number a run of tokens spells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

# One token that is a number written in digits, optionally glued to a currency
# sign before it and a scale, percent, plus or unit after it ("$157", "2.5bn", "40%").
DIGIT_RE = re.compile(
    r"^(?P<cur>[A-Z]{0,3}\$|[£€¥₹₩₽₴₺₦])?"
    r"(?P<sign>[-−])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suf>[A-Za-z%+°²]+)?$"
)
# "8–12", "5k-20k", "1000-5000": a range written as one token
RANGE_TOKEN_RE = re.compile(r"^(?P<a>[^\s–—-]+)[–—-](?P<b>[^\s–—-]+)$")
# Unit symbols that may be glued to digits ("30km", "5kg"); anything else glued
# ("1st", "5G", "3D") makes the token a name or ordinal, not a figure.
GLUED_UNITS = {"km", "kg", "m", "cm", "mm", "t", "mph", "kph", "ft", "mi", "lb", "lbs", "g", "l", "ml",
               "mw", "gw", "kw", "kwh", "mwh", "gwh", "ha", "sqkm", "km²", "m²", "°c", "°f", "c", "f", "%", "x"}


@dataclass
class Number:
    """A number read from tokens [start, end)."""

    start: int
    end: int
    value: float
    vague: bool = False
    fraction: bool = False
    scaled: bool = False
    scale: float = 1.0
    currency: str | None = None
    unit_text: str | None = None
    plus: bool = False
    high: float | None = None  # the top of a range written as one token ("8–12")


class NumberReader:
    """Reads numbers from tokens, with the word lists of `lexicons/numbers.json`."""

    def __init__(self, lexicon: dict[str, Any], currency_symbols: dict[str, str]) -> None:
        self.ones: dict[str, float] = lexicon["ones"]
        self.tens: dict[str, float] = lexicon["tens"]
        self.hundred: dict[str, float] = lexicon["hundred"]
        self.scales: dict[str, float] = lexicon["scales"]
        self.currency_scales: dict[str, float] = lexicon["currency_scales"]
        self.bare_scales = set(lexicon.get("bare_scales", []))
        self.dozen: dict[str, float] = lexicon["dozen"]
        self.vague: dict[str, float] = lexicon["vague"]
        self.vague_quantifiers: list[str] = lexicon["vague_quantifiers"]
        self.fractions: dict[str, float] = lexicon["fractions"]
        self.currency_symbols = currency_symbols

    # -- single tokens -------------------------------------------------
    def digits(self, text: str) -> tuple[str | None, float, str | None] | None:
        m = DIGIT_RE.match(text)
        if not m:
            return None
        num = m.group("num")
        if len(num) > 1 and num[0] == "0" and num[1] != ".":
            return None  # "020", "007": codes and phone numbers, not amounts
        suf = m.group("suf")
        cur = m.group("cur")
        if cur and cur not in self.currency_symbols:
            return None
        value = float(num.replace(",", ""))
        return cur, -value if m.group("sign") else value, suf

    def scale_of(self, low: str) -> float | None:
        if low in self.scales:
            return self.scales[low]
        if low in self.hundred:
            return self.hundred[low]
        return None

    # -- runs of tokens -------------------------------------------------
    def read(self, doc: Doc, i: int, currency: str | None = None) -> Number | None:
        """The longest number that starts at token i, or None."""
        tok = doc[i]
        low = tok.lower_
        parsed = self.digits(tok.text)
        if parsed is not None:
            return self._read_digits(doc, i, parsed, currency)
        m = RANGE_TOKEN_RE.match(tok.text)
        if (m and tok.text[0].isdigit()) or (m and tok.text[0] in self.currency_symbols):
            return self._read_range_token(doc, i, m.group("a"), m.group("b"), currency)
        if low in ("minus", "negative") and i + 1 < len(doc) and doc[i + 1].lower_ not in ("minus", "negative"):
            num = self.read(doc, i + 1, currency)
            if num is not None and not num.vague and not num.fraction:
                num.start, num.value = i, -num.value
                num.high = -num.high if num.high is not None else None
            return num
        if low in ("a", "an", "one") and i + 1 < len(doc):
            nxt = doc[i + 1].lower_
            if nxt in self.hundred or (nxt in self.scales and nxt.isalpha() and len(nxt) > 3) or nxt in self.dozen:
                num = self._read_words(doc, i + 1, start_value=1.0)
                if num is not None:
                    num.start = i
                    return num
            if nxt in self.fractions and nxt != "half" and self._followed_by_of(doc, i + 2):
                return Number(i, i + 2, self.fractions[nxt], fraction=True)
            if low in ("a", "an"):
                return None
        if low == "half":
            return self._read_half(doc, i)
        if low in self.vague or low == "tens":
            return self._read_vague(doc, i)
        if low in self.vague_quantifiers or (low == "a" and i + 1 < len(doc) and doc[i + 1].lower_ == "few"):
            j = i + (2 if low == "a" else 1)
            if j < len(doc) and (doc[j].lower_ in self.hundred or (doc[j].lower_ in self.scales
                                 and doc[j].lower_.isalpha()) or doc[j].lower_ in self.dozen):
                return Number(i, j + 1, self.scale_of(doc[j].lower_) or self.dozen.get(doc[j].lower_, 12), vague=True)
            return None
        if low in self.ones or low in self.tens:
            return self._read_words(doc, i)
        return None

    def _read_range_token(self, doc: Doc, i: int, a: str, b: str, currency: str | None) -> Number | None:
        pa, pb = self.digits(a), self.digits(b)
        if pa is None or pb is None:
            return None
        cur = pa[0] or pb[0]
        lo = self._apply_suffix(Number(i, i + 1, pa[1], currency=cur), pa[2], bool(cur or currency))
        hi = self._apply_suffix(Number(i, i + 1, pb[1], currency=cur), pb[2], bool(cur or currency))
        if lo is None or hi is None or (lo.unit_text != hi.unit_text and lo.unit_text):
            return None
        if hi.scaled and not lo.scaled and lo.value * hi.scale <= hi.value:
            lo.value *= hi.scale  # "1-3m": both ends in millions
        lo.high, lo.unit_text, lo.scaled, lo.scale = hi.value, hi.unit_text, hi.scaled, hi.scale
        return lo

    def _apply_suffix(self, num: Number, suf: str | None, has_currency: bool) -> Number | None:
        """A scale, percent, plus or unit glued to digits; None when the suffix makes it a code ('1st', '5G')."""
        if not suf:
            return num
        s = suf.lower()
        if s in self.scales:
            num.value *= self.scales[s]
            num.scale *= self.scales[s]
            num.scaled = True
        elif s in self.currency_scales and (has_currency or s in self.bare_scales):
            num.value *= self.currency_scales[s]
            num.scale *= self.currency_scales[s]
            num.scaled = True
        elif s == "+":
            num.plus = True
        elif s in GLUED_UNITS:
            num.unit_text = suf
        else:
            return None
        return num

    def _read_digits(self, doc: Doc, i: int, parsed: tuple[str | None, float, str | None],
                     currency: str | None) -> Number | None:
        cur, value, suf = parsed
        num = Number(i, i + 1, value, currency=cur)
        has_currency = bool(cur or currency)
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if suf and suf.lower() == "m" and not has_currency and nxt is not None and nxt.tag_ in ("NNS", "NNPS"):
            suf = "mn"  # "1.5m people": millions of a plural noun; "100m sprint" stays metres
        if suf and self._apply_suffix(num, suf, has_currency) is None:
            return None
        j = i + 1
        # "1.2 million", "157 billion", "2 hundred thousand", "$3 m" (only after a currency)
        while j < len(doc) and not num.unit_text:
            low = doc[j].lower_
            if (len(low) > 1 and low.endswith(".") and j + 1 == len(doc)) or (len(low) > 1 and low.endswith(".") and doc[j + 1].is_space):
                low = low[:-1]  # "£3.4m." at the end of a sentence: the tokenizer keeps the stop
            scale = self.scale_of(low)
            if scale is None and low in self.currency_scales and not doc[j - 1].whitespace_ and (
                    has_currency or low in self.bare_scales or (j + 1 < len(doc) and doc[j + 1].tag_ in ("NNS", "NNPS"))):
                scale = self.currency_scales[low]  # "$3m", "5k", "1.5m people" (not "100m sprint")
            if scale is None:
                break
            num.value *= scale
            num.scale *= scale
            num.scaled = True
            j += 1
        num.end = j
        return self._and_a_half(doc, num)

    def _read_words(self, doc: Doc, i: int, start_value: float = 0.0) -> Number | None:
        """English word numbers: 'twenty-five', 'one hundred and five', 'sixty million', 'two dozen'."""
        total, current = 0.0, start_value
        j, last, scale = i, None, 1.0
        seen = False
        while j < len(doc):
            low = doc[j].lower_
            if low in self.ones and last in (None, "tens", "hundred", "scale", "and") and not (last == "tens" and self.ones[low] >= 10):
                if last == "ones":
                    break
                current += self.ones[low]
                last = "ones"
            elif low in self.tens and last in (None, "hundred", "scale", "and"):
                current += self.tens[low]
                last = "tens"
            elif low in self.hundred and last in (None, "ones", "tens") and not (start_value == 0 and last is None):
                current = (current or 1) * self.hundred[low]
                last = "hundred"
            elif (low in self.scales and low.isalpha() and len(low) > 2 and last in ("ones", "tens", "hundred", None) and seen) or (
                    low in self.scales and low.isalpha() and start_value and last is None):
                total += (current or 1) * self.scales[low]
                scale = self.scales[low]
                current = 0.0
                last = "scale"
            elif low in self.dozen and last in ("ones", "tens", None) and (seen or start_value):
                current = (current or 1) * self.dozen[low]
                last = "dozen"
            elif low == "-" and last == "tens" and not doc[j - 1].whitespace_ and j + 1 < len(doc) and doc[j + 1].lower_ in self.ones:
                j += 1
                continue
            elif low == "and" and last in ("hundred", "scale") and j + 1 < len(doc) and (
                    doc[j + 1].lower_ in self.ones or doc[j + 1].lower_ in self.tens):
                last = "and"
                j += 1
                continue
            else:
                break
            seen = True
            j += 1
        if not seen:
            return None
        num = Number(i, j, total + current, scaled=last == "scale", scale=scale if last == "scale" else 1.0)
        return self._and_a_half(doc, num)

    def _and_a_half(self, doc: Doc, num: Number) -> Number:
        """'two and a half' → 2.5 (and 'two and a half million' → 2,500,000)."""
        j = num.end
        if (j + 2 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].lower_ in ("a", "one")
                and doc[j + 2].lower_ == "half" and not num.scaled):
            num.value += 0.5
            num.end = j + 3
            if num.end < len(doc) and doc[num.end].lower_ in self.scales and doc[num.end].is_alpha:
                num.scale = self.scales[doc[num.end].lower_]
                num.value *= num.scale
                num.scaled = True
                num.end += 1
        return num

    def _read_half(self, doc: Doc, i: int) -> Number | None:
        # "half a million" is 500,000; otherwise "half" is 50 per cent of something.
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an") and (doc[i + 2].lower_ in self.scales or doc[i + 2].lower_ in self.dozen):
            scale = self.scales.get(doc[i + 2].lower_) or self.dozen[doc[i + 2].lower_]
            return Number(i, i + 3, 0.5 * scale, scaled=True)
        return Number(i, i + 1, 0.5, fraction=True)

    def _read_vague(self, doc: Doc, i: int) -> Number | None:
        """'thousands', 'tens of thousands', 'hundreds of millions'."""
        low = doc[i].lower_
        if low == "tens":
            value = 10.0
            if not (i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].lower_ in self.vague):
                return None
        else:
            value = self.vague[low]
            if low == "scores" and not self._followed_by_of(doc, i + 1):
                return None
        j = i + 1
        while j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in self.vague \
                and doc[j + 1].lower_ not in ("dozens", "scores"):
            value *= self.vague[doc[j + 1].lower_]
            j += 2
        if low == "tens" and j == i + 1:
            return None
        return Number(i, j, value, vague=True)

    def fraction_with_numerator(self, doc: Doc, num: Number) -> Number:
        """'two thirds of', 'three-quarters of': the numerator times the fraction word."""
        j = num.end
        if j < len(doc) and doc[j].lower_ == "-" and not doc[j - 1].whitespace_:
            j += 1
        if (j < len(doc) and doc[j].lower_ in self.fractions and doc[j].lower_ != "half"
                and not num.scaled and num.value < 20 and self._followed_by_of(doc, j + 1)):
            return Number(num.start, j + 1, num.value * self.fractions[doc[j].lower_], fraction=True)
        return num

    @staticmethod
    def _followed_by_of(doc: Doc, j: int) -> bool:
        return j < len(doc) and doc[j].lower_ == "of"
