"""Numbers written in digits: one token ('4,565', '$A82m', '~45g', '2.5bn', '1/4', '½') or a power of ten ('6.02×10^23').

The token-level half of `numbers.py`: what a run of digits, signs and marks says, with the
marks, currency signs and fractions of the lexicons. It reads tokens' text only.
"""

from __future__ import annotations

import math
import re
from typing import Any

from spacy.tokens import Doc

HYPHENS = {"-", "–", "—", "‒"}
NEGATIVE_MARK = "negative"  # the marks' value for a sign written in words ('minus-5')
# "8–12", "5k-20k", "1000-5000": a range written as one token
RANGE_TOKEN_RE = re.compile(r"^(?P<a>[^\s–—-]+)[–—-](?P<b>[^\s–—-]+)$")
# "6.02×10^23", "6.02 x 10^23", "1.6 × 10⁻¹⁹", "10^9": a mantissa times a power of ten
POWER_RE = re.compile(r"^(?:(?P<m>\d+(?:\.\d+)?)\s?[×xX*·]\s?)?10\s?"
                      r"(?:\^\s?(?P<e>[-−+]?\d{1,3})|(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![\d.,]\d)")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
POWER_TOKENS = 6  # tokens a power of ten may take: '6.02', 'x', '10', '^', '-', '23'
# the digits of one number: "4,565", "2.5", ".5"
NUM_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# "122 883", "189 000": thousands set off by a space, as some outlets write them (the first group and the rest)
SPACED_LEAD_RE = re.compile(r"^[1-9]\d{0,2}$")
SPACED_GROUP_RE = re.compile(r"^\d{3}(?:\.\d+)?$")
# "1,200": thousands set off by a comma; a text that writes them so never sets them off by a space
COMMA_GROUPED_RE = re.compile(r"\d,\d{3}(?!\d)")
# what may be glued after the digits: a scale, percent, unit or plus ("2.5bn", "40%", "10km/hr", "5,000+")
SUFFIX_PATTERN = r"[A-Za-z%°²³µμ][A-Za-z%°²³µμ/^0-9]*\+?|\+"


def digit_pattern(marks: list[str], currency_symbols: list[str]) -> re.Pattern[str]:
    """One token that is a number in digits, with the marks and currency signs of the lexicons glued on.

    "$157", "USD10", "RM3.06mil", "~45g", "sub-7", "minus-5", "+0.2", "2.5bn", "40%".
    """
    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return re.compile(
        rf"^(?P<mark>{alternatives(marks)})?"
        rf"(?P<cur>{alternatives(currency_symbols)}|[A-Z]{{0,3}}\$)?"
        rf"(?P<sign>[-−])?(?P<num>{NUM_PATTERN})"
        rf"(?P<suf>{SUFFIX_PATTERN})?$"
    )


class DigitReader:
    """Reads one token of digits, with `lexicons/numbers.json`'s marks and fractions and the currency signs."""

    def __init__(self, lexicon: dict[str, Any], currency_symbols: dict[str, str]) -> None:
        self.currency_symbols = currency_symbols
        self.marks: dict[str, str] = lexicon["marks"]
        self.denominators = set(lexicon["fraction_denominators"])
        self.unicode_fractions: dict[str, float] = lexicon["unicode_fractions"]
        slashes = "".join(re.escape(c) for c in lexicon["fraction_slashes"])
        vulgar = "".join(self.unicode_fractions)
        self.fraction_re = re.compile(rf"^(?:(?P<a>\d+)[{slashes}](?P<b>\d+)|(?P<whole>\d+)?(?P<u>[{vulgar}]))$")
        self.digit_re = digit_pattern(list(self.marks), list(currency_symbols))

    def digits(self, text: str, glued_before: str = "") -> tuple[str | None, float, str | None] | None:
        """(currency sign, value, suffix) of a token in digits; `glued_before` is a sign glued on ('$' of '$A82m')."""
        parsed = self.digits_marked(text, glued_before)
        return parsed[:3] if parsed is not None else None

    def digits_marked(self, text: str, glued_before: str = ""
                      ) -> tuple[str | None, float, str | None, str | None] | None:
        """As `digits`, with the mark written on the digits ('~', 'sub-', 'minus-') as a fourth item."""
        if len(text) > 2 and text.endswith(".") and text[-2].isalpha():
            text = text[:-1]  # "$2.174T." ends a sentence: the stop is not the number's
        elif len(text) > 1 and text[-1] in HYPHENS and text[-2].isdigit():
            text = text[:-1]  # "8- to 16-meter": the first end of a range whose unit comes at the second
        m = self.digit_re.match(text)
        if not m:
            m = self.digit_re.match(glued_before + text) if glued_before else None
            if not m or len(m.group("cur") or "") <= len(glued_before):
                return None  # "$A82m" is read when the "A" belongs to the "$" glued before it
        num = m.group("num")
        if len(num) > 1 and num[0] == "0" and num[1] != ".":
            return None  # "020", "007": codes and phone numbers, not amounts
        suf, cur, mark = m.group("suf"), m.group("cur"), self.marks.get(m.group("mark") or "")
        if cur and cur not in self.currency_symbols:
            return None
        value = float(num.replace(",", ""))
        if m.group("sign") or mark == NEGATIVE_MARK:
            value = -value
        return cur, value, suf, mark if mark in ("approx", "max", "min") else None

    def fraction_token(self, text: str) -> float | None:
        """A fraction in one token: '1/4', '3/16', '½', '10½'; None for codes and dates ('11/14', '2/8' of a gallery)."""
        m = self.fraction_re.match(text)
        if m is None:
            return None
        if m.group("u"):
            return float(m.group("whole") or 0) + self.unicode_fractions[m.group("u")]
        a, b = int(m.group("a")), int(m.group("b"))
        if b not in self.denominators or not 0 < a < b or math.gcd(a, b) != 1:
            return None
        return a / b

    @staticmethod
    def power(doc: Doc, i: int) -> tuple[int, float] | None:
        """(end, value) of scientific notation at token i: '6.02×10^23', '1.6 x 10^-19', '10⁹' (not the exponent alone)."""
        if not doc[i].text[:1].isdigit():
            return None
        span = doc[i:min(len(doc), i + POWER_TOKENS)]
        m = POWER_RE.match(span.text)
        if m is None:
            return None
        exponent = int((m.group("e") or m.group("sup").translate(SUPERSCRIPTS)).replace("−", "-"))
        end_char = span.start_char + m.end()
        end = next((t.i + 1 for t in span if t.idx + len(t.text) >= end_char), span.end)
        return end, float(f"{m.group('m') or 1}e{exponent}")
