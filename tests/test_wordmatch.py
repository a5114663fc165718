"""WordMatcher (`claimx/components/wordmatch.py`): spaCy's Matcher's matches for patterns of plain words.

Checked against spaCy's own Matcher on the packaged bound phrases (patterns/bounds.jsonl) over invented
sentences from war, disaster, business and sports reporting, whole and in token ranges.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from claimx.components.wordmatch import WordMatcher, WordMemo
from claimx.data import load_patterns

NLP = spacy.blank("en")
ROWS = [(f"{row.get('id', 'prefix')}|{row['label']}|{i}", row["pattern"]) for i, row in enumerate(load_patterns("bounds.jsonl"))]
TEXTS = [
    "At least 40 people were killed and more than 200 hurt, give or take a dozen, the ministry said.",
    "The toll has topped 1,000 and is nearing the 2,000 mark; an estimated number of 300 remain missing.",
    "Shares fell by up to 12% to as little as $3.50, some 20-odd traders said, and 40-plus funds sold.",
    "Between 5,000 and 6,000 fans, more or less, passed the gates from 3pm; at most 10 were turned away.",
    "Nothing here is bounded: the club signed two players and sold three.",
]


def _spacy_matches(doc, regions=None) -> set[tuple[str, int, int]]:
    matcher = Matcher(NLP.vocab)
    for key, pattern in ROWS:
        matcher.add(key, [pattern])
    regions = [(0, len(doc))] if regions is None else regions
    return {(NLP.vocab.strings[m], a + s, a + e) for a, b in regions for m, s, e in matcher(doc[a:b])}


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_as_spacy_over_the_whole_doc(text):
    doc = NLP(text)
    assert set(WordMatcher(NLP.vocab, ROWS)(doc)) == _spacy_matches(doc)


@pytest.mark.parametrize("text", TEXTS[:4])
def test_same_matches_as_spacy_in_token_ranges(text):
    doc = NLP(text)
    regions = [(0, 5), (7, len(doc) - 2)]  # a match crossing a range's edge is found by neither
    assert set(WordMatcher(NLP.vocab, ROWS)(doc, regions)) == _spacy_matches(doc, regions)


def test_bound_phrases_are_found():
    doc = NLP(TEXTS[0])
    found = {(key.split("|")[0], doc[s:e].text) for key, s, e in WordMatcher(NLP.vocab, ROWS)(doc)}
    assert ("prefix", "At least") in found and ("prefix", "more than") in found


def test_a_pattern_beyond_plain_words_runs_in_spacys_matcher():
    """An operator, a part of speech or a regex: still matched, by spaCy's Matcher."""
    rows = [("op|approx|0", [{"LOWER": "roughly", "OP": "+"}]), ("re|min|1", [{"LOWER": {"REGEX": "^upwards?$"}}, {"LOWER": "of"}])]
    matcher = WordMatcher(NLP.vocab, rows)
    assert len(matcher.rest) == 2 and not matcher.by_lower
    doc = NLP("Upwards of 300 homes, roughly 40 of them new.")
    assert {(k, doc[s:e].text) for k, s, e in matcher(doc)} == {("re|min|1", "Upwards of"), ("op|approx|0", "roughly")}


def test_orth_is_case_sensitive_and_lower_is_not():
    rows = [("suffix|min|0", [{"ORTH": "-"}, {"LOWER": "plus"}]), ("prefix|max|1", [{"ORTH": "UP"}, {"LOWER": "to"}])]
    doc = NLP("40-PLUS staff, up to 9 and UP TO 12")
    got = {doc[s:e].text for _, s, e in WordMatcher(NLP.vocab, rows)(doc)}
    assert got == {"-PLUS", "UP TO"}


def test_word_memo_asks_once_per_word():
    asked = []
    memo = WordMemo(NLP.vocab.strings, lambda w: asked.append(w) or w.startswith("th"))
    doc = NLP("three thousand and three more")
    assert [memo[t.lower] for t in doc] == [True, True, False, True, False]
    assert asked == ["three", "thousand", "and", "more"]
