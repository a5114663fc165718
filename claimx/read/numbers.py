"""Reading the number at a token: digits (with currency signs and marks glued on), word numbers, scale words, fractions.

This module knows only tokens' text and whitespace, never the parse, so it works on
`spacy.blank("en")` docs too. Which numbers are *figures* (not dates, not names) is
decided in `figures.py`; here we only read what number a run of tokens spells.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..records import Number
from .digits import COMMA_GROUPED_RE, HYPHENS, RANGE_TOKEN_RE, SPACED_GROUP_RE, SPACED_LEAD_RE, DigitReader
from .number_words import WordNumberReader

# '1.5m people': a scale letter counts millions when a plural noun follows, past up to COUNTED_REACH modifiers
PLURAL_NOUN_TAGS = ("NNS", "NNPS")
SINGULAR_NOUN_TAG = "NN"
COUNTED_MODIFIER_TAGS = ("JJ", "JJR", "JJS", "VBN", "VBG", "RB", "DT", "PRP$", "POS")  # 'monthly active', 'of its'
COUNTED_REACH = 4

AND_A_FRACTION_WORDS = 3  # 'and', 'a', 'half'
# the words `read` handles by grammar before its lexicons: a sign, an article before a number word, half, tens
SIGNED_WORDS, ARTICLE_WORDS, HALF_WORD, TENS_WORD = ("minus", "negative"), ("a", "an", "one"), "half", "tens"
COMMA_STYLE_KEY = "claimx_comma_thousands"  # doc.user_data: whether the text writes thousands with a comma


class NumberReader:
    """Reads numbers from tokens, with the word lists of `lexicons/numbers.json`."""

    def __init__(self, lexicon: dict[str, Any], currency_symbols: dict[str, str]) -> None:
        self.ones: dict[str, float] = lexicon["ones"]
        self.tens: dict[str, float] = lexicon["tens"]
        self.hundred: dict[str, float] = lexicon["hundred"]
        self.scales: dict[str, float] = lexicon["scales"]
        self.currency_scales: dict[str, float] = lexicon["currency_scales"]
        self.bare_scales = set(lexicon.get("bare_scales", []))
        self.bare_scales_cased = set(lexicon.get("bare_scales_cased", []))
        self.dozen: dict[str, float] = lexicon["dozen"]
        self.vague: dict[str, float] = lexicon["vague"]
        # longest first, so that "a couple" is tried before a one-word quantifier
        self.vague_quantifiers: list[list[str]] = sorted((q.lower().split() for q in lexicon["vague_quantifiers"]),
                                                          key=len, reverse=True)
        self.quantifier_starts = {words[0] for words in self.vague_quantifiers}
        self.fractions: dict[str, float] = lexicon["fractions"]
        self.glued_units = set(lexicon["glued_units"])
        self.one_units = set(lexicon["one_units"])
        self.coins = set(lexicon["coins"])
        self.coin_codes = {float(v) for v in lexicon.get("coin_codes", [])}
        self.metre_words = set(lexicon.get("metre_words", []))
        self.counted_scales = set(lexicon.get("counted_scales", []))
        self.one_fractions = {w: v for w, v in self.fractions.items() if not w.endswith("s")}  # 'half', 'quarter'
        self.written = DigitReader(lexicon, currency_symbols)
        self.currency_symbols = self.written.currency_symbols
        self.words = WordNumberReader(lexicon)

    def scale_of(self, low: str) -> float | None:
        if low in self.scales:
            return self.scales[low]
        if low in self.hundred:
            return self.hundred[low]
        return None

    def may_open(self, low: str) -> bool:
        """Whether `read` at an alphabetic token of this lower-case word can find a number: False says it gives None
        whatever follows, so a caller may skip the word ('soldiers', 'said'). Mirrors `read`'s branches below."""
        return low in (*SIGNED_WORDS, *ARTICLE_WORDS, HALF_WORD, TENS_WORD) or low in self.vague \
            or low in self.quantifier_starts or low in self.ones or low in self.tens \
            or self.words.with_unit(low) is not None

    # -- runs of tokens -------------------------------------------------
    def read(self, doc: Doc, i: int, currency: str | None = None) -> Number | None:
        """The longest number that starts at token i, or None."""
        tok = doc[i]
        low = tok.lower_
        if not tok.is_alpha:
            return self._read_written(doc, i, currency)
        if low in SIGNED_WORDS and i + 1 < len(doc) and doc[i + 1].lower_ not in SIGNED_WORDS:
            num = self.read(doc, i + 1, currency)
            if num is not None and not num.vague and not num.fraction:
                num.start, num.value = i, -num.value
                num.high = -num.high if num.high is not None else None
            return num
        if low in ARTICLE_WORDS and i + 1 < len(doc):
            num = self._read_article(doc, i)
            if num is not None:
                return num
        if low == HALF_WORD:
            return self._read_half(doc, i)
        if low in self.vague or low == TENS_WORD:
            return self._read_vague(doc, i)
        j = self._quantifier_end(doc, i)
        if j is not None:
            if j + 1 < len(doc) and doc[j].lower_ == "of" and self._magnitude_word(doc[j + 1].lower_):
                j += 1  # "a couple of thousand troops"
            if j < len(doc) and self._magnitude_word(doc[j].lower_):
                return Number(i, j + 1, self.scale_of(doc[j].lower_) or self.dozen.get(doc[j].lower_, 12), vague=True)
            return None
        if low in self.ones or low in self.tens:
            return self._read_words(doc, i)
        glued = self.words.with_unit(low)
        return Number(i, i + 1, glued[0], unit_text=glued[1]) if glued is not None else None  # "sixfold"

    def _quantifier_end(self, doc: Doc, i: int) -> int | None:
        """The token after the longest vague quantifier at i ('several', 'a few', 'a couple'), or None."""
        if doc[i].lower_ not in self.quantifier_starts:
            return None  # read at every word: most are no quantifier's first word
        for words in self.vague_quantifiers:
            if i + len(words) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
                return i + len(words)
        return None

    def _magnitude_word(self, low: str) -> bool:
        """'hundred', 'thousand', 'million', 'dozen': a word a vague quantifier can scale ('several hundred')."""
        return low in self.hundred or (low in self.scales and low.isalpha()) or low in self.dozen

    def _read_written(self, doc: Doc, i: int, currency: str | None) -> Number | None:
        """A number in digits and signs: '4,565', '$A82m', '~45g', '1/4', '½', '8–12'."""
        tok = doc[i]
        power = self.written.power(doc, i)
        if power is not None:  # "6.02×10^23"
            return Number(i, power[0], power[1], scaled=True)
        glued = doc[i - 1].text if i > 0 and not doc[i - 1].whitespace_ else ""
        parsed = self.written.digits_marked(tok.text, glued)
        if parsed is not None:
            num = self._read_digits(doc, i, parsed[:3], currency)
            if num is not None:
                num.mark = parsed[3]
            return num
        frac = self.written.fraction_token(tok.text)
        if frac is not None:
            return self._read_fraction(doc, i, frac)
        m = RANGE_TOKEN_RE.match(tok.text)
        if (m and tok.text[0].isdigit()) or (m and tok.text[0] in self.currency_symbols):
            return self._read_range_token(doc, i, m.group("a"), m.group("b"), currency)
        return None

    def _read_article(self, doc: Doc, i: int) -> Number | None:
        """'a hundred', 'one million', 'a dozen', 'a third of', 'a mile': an article or 'one' that counts one."""
        low, nxt = doc[i].lower_, doc[i + 1].lower_
        if nxt in self.hundred or (nxt in self.scales and nxt.isalpha() and len(nxt) > 3) or nxt in self.dozen:
            num = self._read_words(doc, i + 1, start_value=1.0)
            if num is not None:
                num.start = i
                return num
        if nxt in self.one_fractions and low != "one":
            scaled = self.words.scale_after(doc, i + 2)
            if scaled is None and self._followed_by_of(doc, i + 2) and i + 4 < len(doc) \
                    and doc[i + 3].lower_ in ("a", "an"):
                scaled = self.words.scale_after(doc, i + 4)  # "a quarter of a million"
            if scaled is not None:  # "a quarter million", "a half-million"
                return Number(i, scaled[1], self.fractions[nxt] * scaled[0], scaled=True, scale=scaled[0])
        if nxt in self.fractions and nxt != "half" and self._followed_by_of(doc, i + 2):
            return Number(i, i + 2, self.fractions[nxt], fraction=True)
        if nxt in self.one_units and low != "one" and not self._after_number(doc, i):
            return Number(i, i + 1, 1.0)  # "more than a mile": one mile ("$3 a gallon" is a rate)
        return None

    def _read_range_token(self, doc: Doc, i: int, a: str, b: str, currency: str | None) -> Number | None:
        pa, pb = self.written.digits(a), self.written.digits(b)
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

    def _read_fraction(self, doc: Doc, i: int, value: float) -> Number | None:
        """'1/2 of the people' is a share; '1/4 mile', '½ cup' a plain value; a gallery's '1/8 The scene' none."""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is None or not (nxt.is_lower or nxt.text in HYPHENS):
            return None  # a fraction says what of: "of", a unit or a noun follows
        return Number(i, i + 1, value, fraction=nxt.lower_ == "of")

    def _mixed_fraction(self, doc: Doc, num: Number) -> Number:
        """'10 1/2 miles', '2 ½ in': a whole number and a fraction after it are one number."""
        j = num.end
        if j < len(doc) and doc[j - 1].whitespace_ and not num.scaled and float(num.value).is_integer():
            frac = self.written.fraction_token(doc[j].text)
            if frac is not None and frac < 1 and self._read_fraction(doc, j, frac) is not None:
                num.value += frac
                num.end = j + 1
        return num

    def _of_a_unit(self, doc: Doc, j: int) -> bool:
        """A measure that one counts at j ('mile', 'miles', 'kilometres')."""
        if j >= len(doc):
            return False
        low = doc[j].lower_
        return low in self.one_units or (low.endswith("s") and low[:-1] in self.one_units)

    @staticmethod
    def _after_number(doc: Doc, i: int) -> bool:
        """A number among the two tokens before i ('$3 a gallon', 'five dollars a litre': a rate)."""
        return any(doc[k].like_num for k in range(max(0, i - 2), i))

    def _apply_suffix(self, num: Number, suf: str | None, has_currency: bool) -> Number | None:
        """A scale, percent, plus or unit glued to digits; None when the suffix makes it a code ('1st', '5G')."""
        if not suf:
            return num
        if len(suf) > 1 and suf.endswith("+"):
            num.plus, suf = True, suf[:-1]  # "10k+": ten thousand or more
        s = suf.lower()
        if s in self.scales:
            num.value *= self.scales[s]
            num.scale *= self.scales[s]
            num.scaled = True
        elif s in self.currency_scales and (has_currency or s in self.bare_scales or suf in self.bare_scales_cased):
            num.value *= self.currency_scales[s]
            num.scale *= self.currency_scales[s]
            num.scaled = True
        elif s == "+":
            num.plus = True
        elif s in self.glued_units and not (s in self.coins and num.value in self.coin_codes):
            num.unit_text = suf
        else:
            return None
        return num

    def _spaced_thousands(self, doc: Doc, i: int, value: float) -> tuple[int, float]:
        """(end, value) of '122 883', 'from 189 000': groups of three digits set off by one space after one to three;
        (i + 1, value) of the token alone when it opens no such groups.

        Not after a number or a capitalised word ('in 2023 100 people', 'March 5 100 rallies': a list, a day),
        not before more digits ('555 123 4567': a phone number), and only in a text that never writes its
        thousands with a comma (a text that does lists two numbers so: 'scores of 3 100')."""
        alone = (i + 1, value)
        if not SPACED_LEAD_RE.match(doc[i].text) or doc[i].whitespace_ != " ":
            return alone
        j, digits = i + 1, doc[i].text
        while j < len(doc) and doc[j - 1].whitespace_ == " " and SPACED_GROUP_RE.match(doc[j].text) \
                and "." not in digits:
            digits += doc[j].text
            j += 1
        if j == i + 1 or (j < len(doc) and doc[j - 1].whitespace_ and doc[j].text[:1].isdigit()):
            return alone
        if i > 0 and (doc[i - 1].like_num or doc[i - 1].is_title or doc[i - 1].text[-1:].isdigit()):
            return alone
        return alone if self._writes_comma_thousands(doc) else (j, float(digits))

    @staticmethod
    def _writes_comma_thousands(doc: Doc) -> bool:
        """Whether any token of the text writes thousands with a comma ('1,200'); read once per Doc."""
        if COMMA_STYLE_KEY not in doc.user_data:
            doc.user_data[COMMA_STYLE_KEY] = any(COMMA_GROUPED_RE.search(t.text) for t in doc if t.text[:1].isdigit())
        return doc.user_data[COMMA_STYLE_KEY]

    def _read_digits(self, doc: Doc, i: int, parsed: tuple[str | None, float, str | None],
                     currency: str | None) -> Number | None:
        cur, value, suf = parsed
        j, value = (i + 1, value) if suf else self._spaced_thousands(doc, i, value)
        num = Number(i, i + 1, value, currency=cur)
        has_currency = bool(cur or currency)
        if suf and suf.lower() in self.counted_scales and not has_currency and self._counts_things(doc, i + 1):
            has_currency = True  # "1.5m people", "1.2b views": millions of a plural noun; "100m sprint" stays metres
        if suf and self._apply_suffix(num, suf, has_currency) is None:
            return None
        if num.unit_text and j + 1 < len(doc) and doc[j].text == "/" and not doc[j - 1].whitespace_ \
                and not doc[j].whitespace_ and f"{num.unit_text}/{doc[j + 1].text}".lower() in self.glued_units:
            num.unit_text, j = f"{num.unit_text}/{doc[j + 1].text}", j + 2  # "10km/hr": one unit in three tokens
        if not suf and self.words.hyphen_scale(doc, j):  # "20-thousand", "31-hundred", "3.5-billion"
            read = self.words.read(doc, j + 1, start_value=value)
            if read is not None:
                num.value, num.scaled, num.scale, num.end = read.value, read.scaled, read.scale, read.end
                return num
        # "1.2 million", "157 billion", "2 hundred thousand", "$3 m" (only after a currency)
        while j < len(doc) and not num.unit_text:
            low = doc[j].lower_
            if (len(low) > 1 and low.endswith(".") and j + 1 == len(doc)) or (len(low) > 1 and low.endswith(".") and doc[j + 1].is_space):
                low = low[:-1]  # "£3.4m." at the end of a sentence: the tokenizer keeps the stop
            scale = self.scale_of(low)
            if scale is None and low in self.currency_scales and not doc[j - 1].whitespace_ and (
                    has_currency or low in self.bare_scales or doc[j].text in self.bare_scales_cased
                    or (low in self.counted_scales and self._counts_things(doc, j + 1))):
                scale = self.currency_scales[low]  # "$3m", "5k", "1.5m people", "40m of its devices" (not "100m sprint")
            if scale is None:
                break
            num.value *= scale
            num.scale *= scale
            num.scaled = True
            j += 1
        num.end = j
        if num.unit_text:
            return num
        if not suf and j == i + 1:
            num = self._mixed_fraction(doc, num)
        return self._and_a_half(doc, num)

    def _counts_things(self, doc: Doc, k: int) -> bool:
        """A plural noun counted from k: '1.5m people', '2.5m combined unit sales', '40m of its devices' (not '30m of cable').

        Up to COUNTED_REACH modifiers may stand before the noun ('monthly active users'); a
        'metre_words' word ('5m long', 'the 100m hurdles') says the letter is metres.
        """
        if k < len(doc) and doc[k].lower_ == "of":
            k += 1  # "40m of its devices", "3m of the country's people"
        for _ in range(COUNTED_REACH + 1):
            if k >= len(doc) or doc[k].lower_ in self.metre_words:
                return False
            if doc[k].tag_ in PLURAL_NOUN_TAGS:
                return True
            if doc[k].tag_ not in COUNTED_MODIFIER_TAGS and not (k + 1 < len(doc) and doc[k + 1].tag_ == "POS") \
                    and not (doc[k].tag_ == SINGULAR_NOUN_TAG and doc[k].dep_ == "compound"):
                return False  # a noun before the counted one may modify it: '2.7m combined unit sales'
            k += 1
        return False

    def _read_words(self, doc: Doc, i: int, start_value: float = 0.0) -> Number | None:
        """English word numbers: 'twenty-five', 'one hundred and five', 'sixty million' (see `number_words`)."""
        read = self.words.read(doc, i, start_value)
        if read is None:
            return None
        return self._and_a_half(doc, Number(i, read.end, read.value, scaled=read.scaled, scale=read.scale))

    def _and_a_half(self, doc: Doc, num: Number) -> Number:
        """'two and a half' → 2.5, 'five and a quarter' → 5.25, 'two-and-a-half million' → 2,500,000."""
        words = self.words.glued_words(doc, num.end, AND_A_FRACTION_WORDS)
        if len(words) < AND_A_FRACTION_WORDS or num.scaled:
            return num
        (k_and, k_a, k_frac) = words
        frac = doc[k_frac].lower_
        if doc[k_and].lower_ != "and" or doc[k_a].lower_ not in ("a", "one") or frac not in self.one_fractions:
            return num
        if frac != "half" and k_frac + 1 < len(doc) and doc[k_frac + 1].tag_ == SINGULAR_NOUN_TAG:
            return num  # "two and a third place": an ordinal, not a fraction
        num.value += self.fractions[frac]
        num.end = k_frac + 1
        scale = self.words.scale_after(doc, num.end)
        if scale is not None:
            num.scale, num.end = scale
            num.value *= num.scale
            num.scaled = True
        return num

    def _read_half(self, doc: Doc, i: int) -> Number | None:
        # "half a million" is 500,000; "half million", "half-million" too; otherwise "half" is 50 per cent of something.
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an") and (doc[i + 2].lower_ in self.scales or doc[i + 2].lower_ in self.dozen):
            scale = self.scales.get(doc[i + 2].lower_) or self.dozen[doc[i + 2].lower_]
            return Number(i, i + 3, 0.5 * scale, scaled=True)
        scaled = self.words.scale_after(doc, i + 1)
        if scaled is not None:
            return Number(i, scaled[1], 0.5 * scaled[0], scaled=True, scale=scaled[0])
        if i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an") and self._of_a_unit(doc, i + 2):
            return Number(i, i + 2, 0.5)  # "half a mile": 0.5 of the unit that follows
        return Number(i, i + 1, 0.5, fraction=True)

    def _read_vague(self, doc: Doc, i: int) -> Number | None:
        """'thousands', 'tens of thousands', 'hundreds of millions'."""
        low = doc[i].lower_
        if low == "tens":
            value = 10.0
            if not (i + 2 < len(doc) and doc[i + 1].lower_ == "of"):
                return None
            if doc[i + 2].lower_ not in self.vague:
                return Number(i, i + 1, value, vague=True)  # "tens of invaders": tens of them
        else:
            value = self.vague[low]
            if low == "scores" and not (self._followed_by_of(doc, i + 1) or self._before_participle(doc, i + 1)):
                return None  # "scores of people", "Scores killed"; "the scores" of a match are none
        j = i + 1
        while j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in self.vague \
                and doc[j + 1].lower_ not in ("dozens", "scores"):
            value *= self.vague[doc[j + 1].lower_]
            j += 2
        if low == "tens" and j == i + 1:
            return None
        return Number(i, j, value, vague=True)

    @staticmethod
    def _before_participle(doc: Doc, j: int) -> bool:
        """A past participle at j, after its auxiliaries ('Scores killed', 'scores were injured', 'scores have been
        hurt'; 'the scores were level' has none)."""
        while j < len(doc) and doc[j].pos_ == "AUX":
            j += 1
        return j < len(doc) and doc[j].tag_ == "VBN"

    def fraction_with_numerator(self, doc: Doc, num: Number) -> Number:
        """'two thirds of', 'three-quarters of': the numerator times the fraction word."""
        j = num.end
        hyphenated = j + 1 < len(doc) and doc[j].lower_ == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
        if hyphenated:
            j += 1
        if (j < len(doc) and doc[j].lower_ in self.fractions and (doc[j].lower_ != "half" or hyphenated)
                and not num.scaled and num.value < 20 and (self._followed_by_of(doc, j + 1) or hyphenated)):
            share = not self._of_a_unit(doc, j + 1)  # "one-half miles" is half a mile, not a share
            return Number(num.start, j + 1, num.value * self.fractions[doc[j].lower_], fraction=share)
        return num  # "two-thirds", "one-half" are fractions as written; "two thirds of" needs its "of"

    @staticmethod
    def _followed_by_of(doc: Doc, j: int) -> bool:
        return j < len(doc) and doc[j].lower_ == "of"
