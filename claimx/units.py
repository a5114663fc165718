"""Units after a number: percent, currencies, 'times', durations, and measured units.

Listed words come first (fast, predictable); anything else is asked of quantulum3,
on the figure phrase only, and kept only for the physical dimensions we trust
(its guesses on plain counts — '600 North' as newtons — are the reason for that
allow-list). quantulum3 loads its unit tables on first use, not at import, so that
`claimx` starts as fast as spaCy does.
"""

from __future__ import annotations

import functools
import json
import re
import warnings
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc

# word classes that are never a unit ("2 has", "1 with")
CLOSED_CLASS = {"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "VERB", "ADV"}


@dataclass
class UnitMatch:
    unit: str
    end: int  # token index after the unit


@functools.lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """Every first word of a unit quantulum3 knows, read from its data files without building its parser.

    Building the parser (its first parse) costs over a second; most words after a number
    ("soldiers", "people") are no unit, and this set says so for the price of a JSON load.
    """
    words: set[str] = set()
    root = resources.files("quantulum3")
    for name in ("units.json", "_lang/en_US/units.json"):
        try:
            table = json.loads(root.joinpath(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for unit, entry in table.items():
            for form in [unit, *entry.get("surfaces", []), *entry.get("symbols", [])]:
                first = form.split()[0].lower() if form.split() else ""
                if first:
                    words.add(first)
    return frozenset(words)


def _singular(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    return word


@functools.lru_cache(maxsize=1)
def _quantulum_parser() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed": we do not use it
        from quantulum3 import parser
    return parser


class UnitReader:
    """Finds the unit that follows a number, from `units.json` and `currencies.json`."""

    def __init__(self, units: dict[str, Any], currencies: dict[str, Any]) -> None:
        self.words: dict[str, str] = {k.lower(): v for k, v in units["words"].items()}
        self.max_words = max(len(k.split()) for k in self.words) + 2  # "km/h" is one word but three tokens
        self.entities = set(units["quantulum_entities"])
        self.symbols: dict[str, str] = units["symbols"]
        self.not_units = set(units["not_units"])
        self.currency_symbols: dict[str, str] = currencies["symbols"]
        self.currency_words: dict[str, str] = {k.lower(): v for k, v in currencies["words"].items()}
        self.currency_codes = set(currencies["codes"])

    def currency_before(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """A currency sign or code just before token i: (ISO code, its token index)."""
        if i == 0:
            return None
        prev = doc[i - 1]
        if prev.text in self.currency_symbols:
            return self.currency_symbols[prev.text], i - 1
        if prev.text in self.currency_codes:
            return prev.text, i - 1
        return None

    def after(self, doc: Doc, j: int, sentence_end: int) -> UnitMatch | None:
        """The unit written at tokens j.. (listed words, currency words, or quantulum3)."""
        while j < sentence_end and doc[j].is_space:
            j += 1  # "7,000\u00a0km": a no-break space is a token of its own
        if j >= sentence_end:
            return None
        # "20-fold", "a 10-year-old": a glued hyphen may join number and unit
        k = j + 1 if doc[j].text == "-" and not doc[j - 1].whitespace_ and j + 1 < sentence_end else j
        for n in range(min(self.max_words, sentence_end - k), 0, -1):
            words = " ".join(doc[k:k + n].text.lower().split())  # as written: "km/h" is three tokens
            if words in self.words:
                return UnitMatch(self.words[words], k + n)
        low = doc[k].lower_
        if doc[k].text in self.currency_symbols and doc[k].text not in ("Rs", "Rs."):
            return UnitMatch(self.currency_symbols[doc[k].text], k + 1)  # "10 €", "10 $"
        if doc[k].text in self.currency_codes:
            return UnitMatch(doc[k].text, k + 1)
        if low in ("us", "u.s.") and k + 1 < sentence_end and doc[k + 1].lower_ in ("dollars", "dollar"):
            return UnitMatch("USD", k + 2)
        if low in self.currency_words:
            # "pounds of rice" weighs; "pounds" alone pays
            if low.startswith("pound") and not (k > 0 and doc[k - 1].lower_ in ("million", "billion", "trillion", "m", "bn")):
                return UnitMatch("lb", k + 1)  # "25 pounds" weighs; "5 million pounds" pays (money writes £)
            if low == "won" and k > 0 and not doc[k - 1].like_num and doc[k - 1].lower_ not in ("million", "billion", "trillion"):
                return None
            return UnitMatch(self.currency_words[low], k + 1)
        if doc[k].is_alpha and doc[k].is_title and not doc[k].is_upper:
            return None  # "600 North Korean soldiers": a capitalised word is a name, not a unit
        return self.measured(doc, j - 1 if j > 0 else j, k, sentence_end)

    def glued(self, text: str) -> str | None:
        """A unit glued to digits ('30km', '40%')."""
        if text.lower() in self.words:
            return self.words[text.lower()]
        return self._quantulum_unit("1 " + text)

    def measured(self, doc: Doc, num_tok: int, k: int, sentence_end: int) -> UnitMatch | None:
        if not re.match(r"^[A-Za-z°²/]", doc[k].text) or doc[k].lower_ in self.not_units:
            return None  # "2024 in Kyiv": quantulum3 would read inches
        known = unit_words()
        low = doc[k].lower_
        if doc[k].pos_ in CLOSED_CLASS or (low not in known and _singular(low) not in known and doc[k].text not in known):
            return None  # "600 soldiers", "two has": no unit, and no need to wake quantulum3
        # longest first: "square kilometres" needs two words, but "mm barrel" must fall back to "mm"
        for end in range(min(k + 3, sentence_end), k, -1):
            found = self._quantulum("1 " + doc[k:end].text)
            if found:
                unit, span_end = found
                stop = doc[k].idx + span_end - 2
                last = max(t.i for t in doc[k:end] if t.idx < stop)
                return UnitMatch(unit, last + 1)
        return None

    def _quantulum_unit(self, text: str) -> str | None:
        found = self._quantulum(text)
        return found[0] if found else None

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one reader per pipeline; the cache is the point
    def _quantulum(self, text: str) -> tuple[str, int] | None:
        parser = _quantulum_parser()
        try:
            quantities = parser.parse(text)
        except Exception:  # quantulum3 raises on odd input; a unit we cannot read is no unit
            return None
        for q in quantities:
            if q.span[0] != 0 or q.span[1] <= 2:
                continue
            if q.unit.entity.name not in self.entities:
                return None
            name = q.unit.name
            unit = self.symbols.get(name) or (q.unit.symbols[0] if q.unit.symbols else name)
            return unit, q.span[1]
        return None
