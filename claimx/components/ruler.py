"""spaCy's AttributeRuler, matching each distinct token once instead of at every token.

The trained pipeline's `attribute_ruler` maps fine-grained tags to parts of speech and
morphology (the tag map) and fixes a few lemmas: 179 patterns, almost all of one token
that read only the token's own text, tag and dependency. spaCy runs its Matcher over
every token of every Doc, which costs about a seventh of the bare model's time; yet a
one-token pattern's verdict depends on nothing but that token, and news repeats its
tokens. `CachedAttributeRuler` keeps spaCy's component whole (its patterns, scoring and
serialisation) and changes only `match`: a one-token pattern's matches come from a
cache keyed by (text, tag, dependency, part of speech), each new key settled by spaCy's
own Matcher on a one-token Doc carrying those values, and any other pattern (several
tokens, an operator, an attribute the key does not hold) runs in a Matcher of its own
over the whole Doc, as before. The matches, and so the annotations, are spaCy's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy import attrs
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from .wordmatch import WordMemo

CACHE_ENTRIES = 50_000  # distinct tokens remembered; the cache starts again when full (memory stays bounded)
_ATTR_NAMES = {i: name for name, i in attrs.IDS.items()}
# Attributes a one-token Doc built from the token's text, tag, dependency and part of speech reproduces exactly:
# those of the word itself (its lexeme), and the three the key holds.
CACHED_KEYS = frozenset(_ATTR_NAMES[a] for a in (
    attrs.ORTH, attrs.LOWER, attrs.LENGTH, attrs.IS_ALPHA, attrs.IS_ASCII, attrs.IS_DIGIT, attrs.IS_LOWER, attrs.IS_UPPER,
    attrs.IS_TITLE, attrs.IS_PUNCT, attrs.IS_SPACE, attrs.IS_CURRENCY, attrs.LIKE_NUM, attrs.SHAPE, attrs.PREFIX,
    attrs.SUFFIX, attrs.TAG, attrs.DEP, attrs.POS))

Key = tuple[int, int, int, int]  # the token's orth (0: any word no pattern names), tag, dep and pos ids
KEY_ATTRS = [attrs.ORTH, attrs.TAG, attrs.DEP, attrs.POS, attrs.IS_SPACE]  # as read off the Doc
# A word's own attributes a one-token pattern may test and still leave unnamed words alike: its text (by name: a
# string, an IN list or a REGEX) and whether it is white space (held in the key of an unnamed word).
WORD_ATTRS = frozenset((attrs.ORTH, attrs.LOWER, attrs.IS_SPACE))
CLAUSE_ATTRS = frozenset((attrs.TAG, attrs.DEP, attrs.POS))  # what the key holds beside the word
REGEX_KEY = "REGEX"  # spaCy's Matcher predicate of a regular expression


class CachedAttributeRuler(AttributeRuler):
    """An AttributeRuler whose one-token patterns are matched once per distinct token (text, tag, dep, pos)."""

    def __init__(self, vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        self._plan: tuple[Matcher, Matcher] | None = None
        self._named: WordMemo | None = None  # orth -> whether a one-token pattern names the word (None: key every word)
        self._cache: dict[Key, list[tuple[int, int]]] = {}
        super().__init__(vocab, name, **kwargs)

    # Every change to the patterns (add, add_patterns, clear, from_disk, from_bytes) goes through these two.
    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._plan, self._cache = None, {}

    def clear(self) -> None:
        super().clear()
        self._plan, self._cache = None, {}

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        singles, rest = self._matchers()
        found = rest(doc, allow_missing=True, as_spans=False) if len(rest) else []
        matches = [(int(self.vocab.strings[m_id]), m_id, s, e) for m_id, s, e in found]
        if len(singles) and len(doc):  # the keys as integer rows: no Token object for a token already seen
            named = self._named
            for i, (orth, tag, dep, pos, space) in enumerate(doc.to_array(KEY_ATTRS).tolist()):
                # a word no pattern names is settled like any other such word of its tag, dep, pos and spacing
                unnamed = named is not None and not named[orth]
                key = (0, tag, dep, pos + (space << 32)) if unnamed else (orth, tag, dep, pos)
                hits = self._cache.get(key)
                if hits is None:
                    hits = self._settle(singles, doc[i].text, key)
                matches += [(attr_id, match_id, i, i + 1) for attr_id, match_id in hits]
        matches.sort()  # as spaCy's: by pattern, so that later rules have precedence
        return matches

    def set_annotations(self, doc: Doc, matches) -> None:
        """As spaCy's, without a Span per match: every pattern's index was checked against its length when added."""
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[attr_id])

    def _settle(self, singles: Matcher, text: str, key: Key) -> list[tuple[int, int]]:
        """(pattern number, match id) of the one-token patterns a token of this key matches, settled and cached."""
        if len(self._cache) >= CACHE_ENTRIES:
            self._cache = {}
        doc = _one_token_doc(self.vocab, text, key)
        found = self._cache[key] = [(int(self.vocab.strings[m_id]), m_id)
                                    for m_id, _, _ in singles(doc, allow_missing=True, as_spans=False)]
        return found

    def _matchers(self) -> tuple[Matcher, Matcher]:
        """(one-token patterns the cache can settle, every other pattern), built on first use after a change."""
        if self._plan is None:
            singles, rest = Matcher(self.vocab), Matcher(self.vocab)
            for attr_id, entry in enumerate(self.patterns):
                cacheable = all(_cacheable(p) for p in entry["patterns"]) and entry["index"] in (0, -1)
                (singles if cacheable else rest).add(str(attr_id), entry["patterns"])
            self._plan = (singles, rest)
            names = _word_names([p for e in self.patterns for p in e["patterns"] if _cacheable(p)])
            self._named = None if names is None else WordMemo(self.vocab.strings, names)
        return self._plan


def _cacheable(pattern: list[dict[str, Any]]) -> bool:
    """One token, no operator, and only attributes the cache key determines."""
    return len(pattern) == 1 and all(key.upper() in CACHED_KEYS for key in pattern[0])


def _word_names(patterns: list[list[dict[str, Any]]]) -> Callable[[str], bool] | None:
    """Whether one of the one-token patterns names a word (its text, by ORTH or LOWER: a string, an IN list or a
    REGEX, as spaCy reads them); None when a pattern tests a word in any other way (its shape, NOT_IN ...)."""
    words: dict[int, set[str]] = {attrs.ORTH: set(), attrs.LOWER: set()}
    regexes: dict[int, list[re.Pattern[str]]] = {attrs.ORTH: [], attrs.LOWER: []}
    for pattern in patterns:
        for name, value in pattern[0].items():
            key = attrs.IDS.get(name.upper())
            if key not in WORD_ATTRS | CLAUSE_ATTRS:
                return None  # the word's shape, length, a flag ...: unnamed words may differ
            if key not in words:
                continue
            if isinstance(value, str):
                words[key].add(value)
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(w, str) for w in value["IN"]):
                words[key].update(value["IN"])
            elif isinstance(value, dict) and list(value) == [REGEX_KEY] and isinstance(value[REGEX_KEY], str):
                regexes[key].append(re.compile(value[REGEX_KEY]))
            else:
                return None

    def names(text: str) -> bool:
        forms = {attrs.ORTH: text, attrs.LOWER: text.lower()}
        return any(forms[k] in words[k] or any(r.search(forms[k]) for r in regexes[k]) for k in words)
    return names


def _one_token_doc(vocab, text: str, key: Key) -> Doc:
    _, tag, dep, pos = key
    pos &= (1 << 32) - 1  # an unnamed word's key holds its spacing above its pos
    doc = Doc(vocab, words=[text], spaces=[False])
    tok = doc[0]
    tok.tag, tok.dep, tok.pos = tag, dep, pos  # 0 where the token has none, as in the Doc it came from
    return doc


@Language.factory("claimx_attribute_ruler", default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def cache_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the pipeline's spaCy AttributeRuler for a CachedAttributeRuler holding the same patterns."""
    if name not in nlp.pipe_names or type(nlp.get_pipe(name)) is not AttributeRuler:
        return
    patterns = nlp.get_pipe(name).patterns
    nlp.replace_pipe(name, "claimx_attribute_ruler")
    nlp.get_pipe(name).add_patterns(patterns)
