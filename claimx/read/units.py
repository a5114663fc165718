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
import sys
import warnings
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc

# word classes that are never a unit ("2 has", "1 with")
ACRONYM_LETTERS = 3  # an unlisted unit word in capitals this long is an acronym ('KPA'), not a symbol ('kPa')
CLOSED_CLASS = {"PRON", "DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "VERB", "ADV"}


@dataclass
class UnitMatch:
    unit: str
    end: int  # token index after the unit


LOCAL_CURRENCY_KEY = "claimx_currency_of_"  # doc.user_data: the currency a shared sign ('Rs') has in this text
# how far a unit written once may serve a number before it ("45 and 50 mg": and, number)
SHARED_UNIT_GAP = 2


@dataclass(frozen=True)
class QuantulumWords:
    """The words that may open a unit quantulum3 knows in a dimension claimx trusts."""

    surfaces: dict[str, frozenset[str]]  # a surface's first word (lower case) -> its second words ("" if none)
    symbols: frozenset[str]  # a trusted unit's symbol (its first word) as written
    folded: frozenset[str]  # the same in lower case: quantulum3 reads 'KG' as 'kg' ...
    others: frozenset[str]  # ... unless the case written is another dimension's symbol ('G' is gauss, not 'g' gram)

    def may_open(self, word: str, lower: str, following: str | None) -> bool:
        """Whether quantulum3 could read a trusted unit starting at `word` (then `following`)."""
        if word in self.symbols or (lower in self.folded and word not in self.others):
            return True
        for form in _singulars(lower):
            seconds = self.surfaces.get(form)
            if seconds and ("" in seconds or (following is not None and not seconds.isdisjoint(_singulars(following)))):
                return True  # 'nautical' opens a unit only before 'mile'; 'solar panels' is none
        return False

    def foreign(self, word: str) -> bool:
        """Whether `word`, as written, is the symbol of a unit of a dimension claimx does not trust."""
        return word in self.others


@functools.lru_cache(maxsize=8)
def quantulum_words(entities: frozenset[str]) -> QuantulumWords:
    """The words opening quantulum3's units of the given entities, read from its data files without building its
    parser.

    Building the parser (its first parse) costs over a second; most words after a number ("soldiers", "people", "G",
    "MPs") open no unit of a trusted dimension, and these words say so for the price of a JSON load.
    """
    surfaces: dict[str, set[str]] = {}
    symbols: set[str] = set()
    others: set[str] = set()
    root = resources.files("quantulum3")
    for name in ("units.json", "_lang/en_US/units.json"):
        try:
            table = json.loads(root.joinpath(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for unit, entry in table.items():
            if entry.get("entity") not in entities:
                others.update(form.split()[0] for form in entry.get("symbols", []) if form.split())
                continue
            for form in [unit, *entry.get("surfaces", [])]:
                words = form.lower().split()
                if words:
                    surfaces.setdefault(words[0], set()).add(words[1] if len(words) > 1 else "")
            symbols.update(form.split()[0] for form in entry.get("symbols", []) if form.split())
    return QuantulumWords({w: frozenset(s) for w, s in surfaces.items()}, frozenset(symbols),
                          frozenset(s.lower() for s in symbols), frozenset(others - symbols))


def _singulars(word: str) -> tuple[str, ...]:
    """The word and the singulars it may have ('hectares': 'hectare', 'hectar'; 'inches': 'inch')."""
    return (word, word[:-1], _singular(word)) if word.endswith("s") else (word,)


def _singular(word: str) -> str:
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    return word


@functools.lru_cache(maxsize=1)
def _quantulum_parser() -> Any:
    _import_inflect_unchecked()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed": we do not use it
        from quantulum3 import parser
    return parser


INFLECT = "inflect"  # the module quantulum3 loads for plurals


def _import_inflect_unchecked() -> None:
    """Import inflect, which quantulum3 loads with its English parser, without typeguard's checks.

    inflect wraps its methods in typeguard's `@typechecked`, which rewrites each one from inflect's
    whole source as it is imported: 1.6 s in every process (jaraco/inflect#212), more than loading
    the spaCy model. The checks only raise on an argument of the wrong type, so the words inflect
    gives are the same without them.
    """
    if INFLECT in sys.modules:
        return
    try:
        import typeguard
    except ImportError:  # an inflect without typeguard imports fast as it is
        return
    checked = typeguard.typechecked
    typeguard.typechecked = _unchecked
    try:
        import inflect  # noqa: F401
    finally:
        typeguard.typechecked = checked


def _unchecked(func: Any = None, **_: Any) -> Any:
    """`typechecked` that checks nothing: the function itself (or, called with options, a decorator giving it)."""
    return func if func is not None else _unchecked


class UnitReader:
    """Finds the unit that follows a number, from `units.json` and `currencies.json`."""

    def __init__(self, units: dict[str, Any], currencies: dict[str, Any]) -> None:
        self.words: dict[str, str] = {k.lower(): v for k, v in units["words"].items()}
        self.max_words = max(len(k.split()) for k in self.words) + 2  # "km/h" is one word but three tokens
        self.entities = set(units["quantulum_entities"])
        self.quantulum_words = quantulum_words(frozenset(self.entities))
        self.symbols: dict[str, str] = units["symbols"]
        self.not_units = set(units["not_units"])
        self.currency_symbols: dict[str, str] = currencies["symbols"]
        self.currency_words: dict[str, str] = {k.lower(): v for k, v in currencies["words"].items()}
        self.currency_codes = set(currencies["codes"])
        self.subunits: dict[str, str] = currencies["subunits"]
        self.glued_words: dict[str, str] = units["glued"]
        self.brackets: dict[str, str] = dict(units["bracketed"])
        self.phrase_end: dict[str, str] = units["phrase_end"]
        self.dimension_adjectives = set(units["dimension_adjectives"])
        self.compounds: dict[str, dict[str, float]] = {**units["compounds"], **{
            code: {coin: 100 for coin in coins} for code, coins in currencies["compounds"].items()}}
        self.shared_before = set(units["shared_before"])
        self.symbols_before_only = set(currencies["symbols_before_only"])
        self.word_only_after_number = set(currencies["word_only_after_number"])
        self.money_scales = set(currencies["money_scales"])
        self.shared_symbols: dict[str, dict[str, frozenset[str]]] = {
            sign: {code: frozenset(words) for code, words in group["countries"].items()}
            for group in currencies.get("shared_symbols", []) for sign in group["symbols"]}
        self.named_before: dict[str, str] = units.get("named_before", {})
        self.named_before_joiners = set(units.get("named_before_joiners", []))

    def currency_symbol(self, text: str) -> str | None:
        """The ISO code of a currency sign ('$', 'US$'; 'usd$' as lower-cased text writes it)."""
        code = self.currency_symbols.get(text)
        if code is None and "$" in text:
            code = self.currency_symbols.get(text.upper())
        return code

    def local_currency(self, doc: Doc, sign: str, code: str) -> str:
        """The currency of a sign several countries write ('Rs'): that of the country the text names most, by token
        (counted once per Doc), or the sign's own code when it names none or two as often."""
        countries = self.shared_symbols.get(sign)
        if not countries:
            return code
        key = f"{LOCAL_CURRENCY_KEY}{sign}"
        if key not in doc.user_data:
            named = {c: sum(t.lower_ in words for t in doc) for c, words in countries.items()}
            ranked = sorted(named.items(), key=lambda kv: kv[1], reverse=True)
            clear = ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
            doc.user_data[key] = ranked[0][0] if clear else code
        return doc.user_data[key]

    def currency_before(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """A currency sign or code just before token i: (ISO code, its token index)."""
        if i == 0:
            return None
        prev = doc[i - 1]
        if self.currency_symbol(prev.text):
            return self.currency_symbol(prev.text), i - 1
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
        listed = self._listed(doc, k, sentence_end) or self._bracketed(doc, k, sentence_end) \
            or self._at_phrase_end(doc, k, sentence_end)
        if listed is not None:
            return listed
        low = doc[k].lower_
        if self.currency_symbol(doc[k].text) and doc[k].text not in self.symbols_before_only:
            return UnitMatch(self.currency_symbol(doc[k].text), k + 1)  # "10 €", "10 $"
        if doc[k].text in self.currency_codes:
            return UnitMatch(doc[k].text, k + 1)
        money = self._currency_word(doc, k, sentence_end)
        if money is not None:
            return money
        if low in self.subunits:
            return UnitMatch(self.subunits[low], k + 1)  # "18 sen", "50 cents"
        if doc[k].is_alpha and doc[k].is_title and not doc[k].is_upper:
            return None  # "600 North Korean soldiers": a capitalised word is a name, not a unit
        if doc[k].is_alpha and doc[k].is_upper and len(doc[k].text) >= ACRONYM_LETTERS:
            return None  # "8 KPA soldiers": an acronym names a body (the Korean People's Army), not a unit ('kPa')
        return self.shared(doc, k, sentence_end) or self.measured(doc, j - 1 if j > 0 else j, k, sentence_end)

    def before(self, doc: Doc, start: int) -> str | None:
        """A unit the text names before the number: 'a magnitude of 6.8', 'magnitude 7.1', 'magnitude-5.9'."""
        k = start - 1
        if k > 0 and (doc[k].lower_ in self.named_before_joiners
                      or (doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_)):
            k -= 1
        return self.named_before.get(doc[k].lower_) if k >= 0 else None

    def listed_after(self, doc: Doc, k: int, sentence_end: int) -> str | None:
        """The listed unit written at k ('cubic meters' of 'millions of cubic meters'), never a guess of quantulum3."""
        found = self._listed(doc, k, sentence_end) if k < sentence_end else None
        return found.unit if found is not None else None

    def _listed(self, doc: Doc, k: int, sentence_end: int) -> UnitMatch | None:
        """The longest listed unit word at k ('km', 'miles per hour'; 'km/h' is one word but three tokens)."""
        for n in range(min(self.max_words, sentence_end - k), 0, -1):
            words = " ".join(doc[k:k + n].text.lower().split())
            if words in self.words:
                return UnitMatch(self.words[words], k + n)
        return None

    def _bracketed(self, doc: Doc, k: int, sentence_end: int) -> UnitMatch | None:
        """A listed unit in brackets right after the number ('20 (kg)', '20 [kg]'), as tables and specs write it."""
        close = self.brackets.get(doc[k].text)
        if close is None or k + 2 >= sentence_end:
            return None
        inner = self._listed(doc, k + 1, sentence_end)
        if inner is not None and inner.end < sentence_end and doc[inner.end].text == close:
            return UnitMatch(inner.unit, inner.end + 1)
        return None

    def _at_phrase_end(self, doc: Doc, k: int, sentence_end: int) -> UnitMatch | None:
        """'2 in.', '2 1/2 in thick', '10" long': a unit that is also a preposition or a quote mark, with no object."""
        unit = self.phrase_end.get(doc[k].lower_)
        if unit is None:
            return None
        nxt = doc[k + 1] if k + 1 < sentence_end else None
        if nxt is not None and nxt.lower_ in self.dimension_adjectives and not self._noun_after(doc, k + 2, sentence_end):
            return UnitMatch(unit, k + 1)  # "3 in thick"; "10 in long queues" is a preposition
        if doc[k].is_alpha and (nxt is None or (nxt.is_punct and nxt.text not in self.brackets)):
            return UnitMatch(unit, k + 1)  # a quote mark at the end is a quotation's, not inches
        return None

    @staticmethod
    def _noun_after(doc: Doc, k: int, sentence_end: int) -> bool:
        """A content word at k (the adjective before it then modifies a noun: 'in long queues')."""
        return k < sentence_end and doc[k].is_alpha and not doc[k].is_stop  # "3 in thick and ...": a function word

    def _currency_word(self, doc: Doc, k: int, sentence_end: int) -> UnitMatch | None:
        """A currency written in words, longest first ('50 Egyptian pounds', '5 million euros')."""
        for n in range(min(3, sentence_end - k), 0, -1):
            words = " ".join(t.lower_ for t in doc[k:k + n])
            code = self.currency_words.get(words)
            if code is None:
                continue
            if n == 1 and words.startswith("pound") and self._weighs(doc, k, sentence_end):
                return UnitMatch("lb", k + 1)
            if words in self.word_only_after_number and k > 0 and not doc[k - 1].like_num \
                    and doc[k - 1].lower_ not in self.money_scales:
                return None
            return UnitMatch(code, k + n)
        return None

    def _weighs(self, doc: Doc, k: int, sentence_end: int) -> bool:
        """'25 pounds', 'four million pounds of TNT' weigh; '5 million pounds' pays (money writes £)."""
        if k + 1 < sentence_end and doc[k + 1].lower_ == "of":
            return True
        return not (k > 0 and doc[k - 1].lower_ in self.money_scales)

    def shared(self, doc: Doc, k: int, sentence_end: int) -> UnitMatch | None:
        """'45 and 50 mg': the listed unit of the next number serves this one too (the phrase does not grow)."""
        if doc[k].lower_ not in self.shared_before or k + SHARED_UNIT_GAP >= sentence_end:
            return None
        nxt = doc[k + 1]
        if not (nxt.like_num and any(c.isdigit() for c in nxt.text)) or nxt.text.isalpha():
            return None
        unit = self._listed(doc, k + 2, sentence_end)
        if unit is None or unit.unit in ("%", "times") or self.currency_symbols.get(unit.unit) is not None:
            return None
        return UnitMatch(unit.unit, k)

    def compound(self, doc: Doc, j: int, unit: str | None, sentence_end: int) -> tuple[float, int] | None:
        """'5 ft 2 in', '5 feet and 2 inches', '10 $ 30 cent': (what the smaller unit adds, the token after it)."""
        parts = self.compounds.get(unit or "")
        if not parts or j >= sentence_end:
            return None
        k = j + 1 if doc[j].lower_ == "and" else j
        if k >= sentence_end:
            return None
        m = re.match(r"^(\d+(?:\.\d+)?)([A-Za-z]*)$", doc[k].text)
        if m is None:
            return None
        if m.group(2):
            sub = self.glued(m.group(2))
            end = k + 1
        else:
            found = self._listed(doc, k + 1, sentence_end) if k + 1 < sentence_end else None
            word = doc[k + 1].lower_ if k + 1 < sentence_end else ""
            sub, end = (found.unit, found.end) if found else (self.phrase_end.get(word) or self.subunits.get(word), k + 2)
        if sub not in parts or float(m.group(1)) >= parts[sub]:
            return None
        return float(m.group(1)) / parts[sub], end

    def glued(self, text: str) -> str | None:
        """A unit glued to digits ('30km', '40%')."""
        low = text.lower()
        for table in (self.glued_words, self.words, self.subunits):
            if low in table:
                return table[low]
        if self.quantulum_words.foreign(text):
            return None  # '3G': quantulum3 would read gauss, a dimension we do not trust
        return self._quantulum_unit("1 " + text)

    def measured(self, doc: Doc, num_tok: int, k: int, sentence_end: int) -> UnitMatch | None:
        if not re.match(r"^[A-Za-z°²/]", doc[k].text) or doc[k].lower_ in self.not_units:
            return None  # "2024 in Kyiv": quantulum3 would read inches
        following = doc[k + 1].lower_ if k + 1 < sentence_end else None
        if doc[k].pos_ in CLOSED_CLASS or not self.quantulum_words.may_open(doc[k].text, doc[k].lower_, following):
            return None  # "600 soldiers", "two has", "83 MPs": no trusted unit, and no need to wake quantulum3
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
