"""A Matcher for patterns of plain words, with spaCy's matches at a fraction of its cost.

The bound phrases (patterns/bounds.jsonl: 'at least', 'more than', 'give or take', 'has
topped') are short sequences of words, each token tested on its own text alone (LOWER,
ORTH, IS_ALPHA). spaCy's Matcher tries every pattern at every token; here a pattern is
looked up by its first word, and only those that start with the token's word are tried,
over integer arrays rather than Token objects. A pattern that uses anything else (an
operator, a part of speech, a lemma, a regex) runs in a spaCy Matcher of its own, so a
user's pattern of any kind still works. The matches are spaCy's, as (key, start, end).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import IDS, IS_ALPHA, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.vocab import Vocab

PLAIN_ATTRS = frozenset((LOWER, ORTH, IS_ALPHA))  # what a plain word's test may read: its own text
Test = tuple[int, Any]  # (LOWER, {hashes}), (ORTH, {hashes}) or (IS_ALPHA, bool)


class WordMatcher:
    """Patterns of plain words by their first word; any other pattern in a spaCy Matcher."""

    def __init__(self, vocab: Vocab, rows: Iterable[tuple[str, list[dict[str, Any]]]]) -> None:
        self.vocab = vocab
        self.by_lower: dict[int, list[tuple[str, list[Test]]]] = {}
        self.by_orth: dict[int, list[tuple[str, list[Test]]]] = {}
        self.rest = Matcher(vocab)
        for key, pattern in rows:
            tests = self._tests(pattern)
            if tests is None or tests[0][0] == IS_ALPHA:
                self.rest.add(key, [pattern])
                continue
            attr, first = tests[0]
            for value in first:
                (self.by_lower if attr == LOWER else self.by_orth).setdefault(value, []).append((key, tests[1:]))

    def _tests(self, pattern: list[dict[str, Any]]) -> list[Test] | None:
        """The pattern's token tests, or None when one token asks more than a plain word (PLAIN_ATTRS, one key)."""
        tests: list[Test] = []
        for token in pattern:
            name, value = next(iter(token.items())) if len(token) == 1 else ("", None)
            attr = IDS.get(name.upper())
            if attr not in PLAIN_ATTRS:
                return None
            if attr == IS_ALPHA:
                if not isinstance(value, bool):
                    return None
                tests.append((attr, value))
                continue
            if isinstance(value, dict) and set(value) == {"IN"}:
                words = value["IN"]
            elif isinstance(value, str):
                words = [value]
            else:
                return None
            tests.append((attr, frozenset(self.vocab.strings.add(w) for w in words)))
        return tests or None

    def __call__(self, doc: Doc, regions: Iterable[tuple[int, int]] | None = None) -> list[tuple[str, int, int]]:
        """(key, start, end) of every match lying wholly inside one of `regions` (token ranges; None: the Doc)."""
        regions = [(0, len(doc))] if regions is None else list(regions)
        found: list[tuple[str, int, int]] = []
        if len(self.rest):
            strings = self.vocab.strings
            found += [(strings[m], a + s, a + e) for a, b in regions for m, s, e in self.rest(doc[a:b])]
        if not (self.by_lower or self.by_orth) or not len(doc):
            return found
        cols = doc.to_array([LOWER, ORTH])
        lowers, orths = cols[:, 0].tolist(), cols[:, 1].tolist()
        for a, b in regions:
            for i in range(a, b):
                for key, tests in (*self.by_lower.get(lowers[i], ()), *self.by_orth.get(orths[i], ())):
                    end = i + 1 + len(tests)
                    if end <= b and all(self._passes(doc, lowers, orths, i + 1 + k, test) for k, test in enumerate(tests)):
                        found.append((key, i, end))
        return found

    @staticmethod
    def _passes(doc: Doc, lowers: list[int], orths: list[int], j: int, test: Test) -> bool:
        attr, value = test
        if attr == LOWER:
            return lowers[j] in value
        if attr == ORTH:
            return orths[j] in value
        return doc[j].is_alpha == value


class WordMemo(dict):
    """A predicate of words, remembered by the word's hash: `memo[token.lower]` asks `predicate` once per word."""

    def __init__(self, strings: StringStore, predicate: Callable[[str], bool]) -> None:
        super().__init__()
        self.strings, self.predicate = strings, predicate

    def __missing__(self, key: int) -> bool:
        value = self[key] = self.predicate(self.strings[key])
        return value
